"""Retention and disposal (kassasjon) of forum dialog that is not archived.

A rule says how long threads of a room or topic are kept after their last
activity. A periodic task proposes a disposal list; only a records officer's
approval deletes threads, and the list's items remain as the disposal log
(ids, titles, dates, rule, approver), never the content.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .rules import ScopedRule


class RetentionRule(ScopedRule):
    inactive_years = models.PositiveSmallIntegerField(
        _("år uten aktivitet"),
        help_text=_(
            "Tråder slettes etter så mange år uten nye innlegg, når en arkivar godkjenner."
        ),
    )
    basis = models.CharField(
        _("hjemmel"), max_length=200, default="Arkivforskrifta § 14 (arkivavgrensing)"
    )

    class Meta(ScopedRule.Meta):
        verbose_name = _("bevaringsregel")
        verbose_name_plural = _("bevaringsregler")

    def __str__(self):
        return _("%(scope)s: slett etter %(n)s år uten aktivitet") % {
            "scope": self.scope,
            "n": self.inactive_years,
        }


class LegalHold(models.Model):
    """A thread that must not be disposed of (e.g. a pending complaint or lawsuit)."""

    # PROTECT: a held thread cannot be deleted while the hold row exists.
    thread = models.ForeignKey(
        "forum.Thread", verbose_name=_("tråd"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("begrunnelse"))
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    placed_at = models.DateTimeField(default=timezone.now, editable=False)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bevaringspålegg")
        verbose_name_plural = _("bevaringspålegg")

    def __str__(self):
        return f"{self.thread_id}: {self.reason[:40]}"


class DisposalList(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Foreslått")
        APPROVED = "approved", _("Godkjent og utført")
        REJECTED = "rejected", _("Avvist")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    created_at = models.DateTimeField(_("foreslått"), default=timezone.now, editable=False)
    # Empty for lists the periodic task proposes; the approver is never this person.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_by_name = models.CharField(_("foreslått av"), max_length=200, blank=True)
    # Approved by one records officer alone (ARCHIVE_SINGLE_RECORDS_OFFICER, a tiny agency).
    single_officer = models.BooleanField(_("godkjent av én arkivar alene"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by_name = models.CharField(_("godkjent av"), max_length=200, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("kassasjonsliste")
        verbose_name_plural = _("kassasjonslister")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return _("Kassasjonsliste %(id)s") % {"id": self.pk}


class DisposalItem(models.Model):
    """One thread (or closed case) on a disposal list; after approval it is the disposal log.

    A thread goes with its posts and attachment files; a case keeps its journal
    entries and document descriptions (Noark keeps the metadata) and loses the
    files. ``deleted_files`` lists what left the storage.
    """

    class Outcome(models.TextChoices):
        PROPOSED = "proposed", _("Foreslått")
        DISPOSED = "disposed", _("Slettet")
        KEPT = "kept", _("Beholdt")

    disposal_list = models.ForeignKey(DisposalList, on_delete=models.CASCADE, related_name="items")
    thread = models.ForeignKey(
        "forum.Thread", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    thread_pk = models.PositiveBigIntegerField(_("tråd-ID"), null=True, blank=True)
    case = models.ForeignKey(
        "archive.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("tittel"), max_length=255)
    room_name = models.CharField(_("rom"), max_length=200, blank=True)
    topic_name = models.CharField(_("tema"), max_length=200, blank=True)
    thread_created_at = models.DateTimeField(_("opprettet"))
    last_activity_at = models.DateTimeField(_("siste aktivitet"))
    post_count = models.PositiveIntegerField(_("antall innlegg"), default=0)
    rule = models.ForeignKey(
        RetentionRule, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rule_text = models.CharField(_("regel"), max_length=300)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PROPOSED)
    kept_reason = models.CharField(max_length=200, blank=True)
    disposed_at = models.DateTimeField(null=True, blank=True)
    deleted_files = models.JSONField(_("slettede filer"), default=list, blank=True)

    class Meta:
        verbose_name = _("kassasjonspost")
        verbose_name_plural = _("kassasjonsposter")
        ordering = ["disposal_list", "id"]

    def __str__(self):
        return self.title
