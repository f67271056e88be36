"""The archive's audit log (endringslogg): every archive operation leaves a row.

Rows that record a change of a Noark metadata field of an archive unit
(``unit_uuid`` + ``field`` + old and new value) also go into the extract's
``endringslogg.xml``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ArchiveEvent(models.Model):
    class Action(models.TextChoices):
        NOMINATED = "nominated", _("Foreslått for journalføring")
        NOMINATION_REJECTED = "nomination_rejected", _("Forslag avvist")
        CASE_CREATED = "case_created", _("Sak opprettet")
        CASE_CLOSED = "case_closed", _("Sak avsluttet")
        JOURNALED = "journaled", _("Journalført")
        ENTRY_ARCHIVED = "entry_archived", _("Journalpost arkivert")
        DOCUMENT_DOWNLOADED = "document_downloaded", _("Arkivdokument lastet ned")
        HOLD_PLACED = "hold_placed", _("Bevaringspålegg satt")
        HOLD_LIFTED = "hold_lifted", _("Bevaringspålegg opphevet")
        RULE_CHANGED = "rule_changed", _("Regel endret")
        DISPOSAL_PROPOSED = "disposal_proposed", _("Kassasjonsliste foreslått")
        DISPOSAL_APPROVED = "disposal_approved", _("Kassasjonsliste godkjent")
        DISPOSAL_REJECTED = "disposal_rejected", _("Kassasjonsliste avvist")
        THREAD_DISPOSED = "thread_disposed", _("Tråd slettet (kassert)")
        EXPORTED = "exported", _("Arkivuttrekk laget")
        CASE_REOPENED = "case_reopened", _("Sak gjenåpnet")
        RETENTION_CHANGED = "retention_changed", _("Bevaringsplan endret")
        CASE_DISPOSED = "case_disposed", _("Sakens dokumenter kassert")
        DOCUMENT_CHECKSUM_FAILED = "document_checksum_failed", _("Arkivdokument feilet sjekksum")
        ACCESS_REQUESTED = "access_requested", _("Innsynskrav mottatt")
        ACCESS_REQUEST_CHANGED = "access_request_changed", _("Innsynskrav behandlet")

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField(max_length=200)
    action = models.CharField(max_length=30, choices=Action.choices)
    summary = models.CharField(max_length=300)
    # Noark endringslogg: referanseArkivenhet, referanseMetadata, tidligereVerdi, nyVerdi.
    unit_uuid = models.UUIDField(null=True, blank=True, db_index=True)
    field = models.CharField(max_length=60, blank=True)
    old_value = models.CharField(max_length=300, blank=True)
    new_value = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("arkivhendelse")
        verbose_name_plural = _("arkivhendelser")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name}: {self.summary}"
