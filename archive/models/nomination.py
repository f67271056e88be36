"""Nomination: threads proposed for journaling, by people or by rules."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .rules import ScopedRule


class NominationRule(ScopedRule):
    """Propose threads of a room or topic for journaling automatically.

    ``what`` says which threads: every new thread, or those where the forum
    reports a verified answer, a clarification or an escalation (the forum
    calls ``archive.services.nomination_propose`` with that source).
    """

    class What(models.TextChoices):
        THREADS = "thread", _("Alle nye tråder")
        VERIFIED_ANSWERS = "verified_answer", _("Tråder med verifisert svar")
        CLARIFICATIONS = "clarification", _("Tråder med presisering")
        ESCALATIONS = "escalation", _("Tråder som er løftet")

    what = models.CharField(_("hva foreslås"), max_length=20, choices=What.choices)

    class Meta(ScopedRule.Meta):
        verbose_name = _("regel for journalføringsforslag")
        verbose_name_plural = _("regler for journalføringsforslag")

    def __str__(self):
        return f"{self.get_what_display()}: {self.scope}"


class Nomination(models.Model):
    """A proposal to journal a thread, waiting in the records officers' queue."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Foreslått av en person")
        THREAD = "thread", _("Regel: ny tråd")
        VERIFIED_ANSWER = "verified_answer", _("Regel: verifisert svar")
        CLARIFICATION = "clarification", _("Regel: presisering")
        ESCALATION = "escalation", _("Regel: løftet sak")

    class Status(models.TextChoices):
        PENDING = "pending", _("Venter")
        JOURNALED = "journaled", _("Journalført")
        REJECTED = "rejected", _("Avvist")

    thread = models.ForeignKey(
        "forum.Thread", verbose_name=_("tråd"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("begrunnelse"))
    source = models.CharField(_("kilde"), max_length=20, choices=Source.choices)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nominated_by_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by_name = models.CharField(max_length=200, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(_("begrunnelse for avvisning"), blank=True)
    journal_entry = models.ForeignKey(
        "archive.JournalEntry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )

    class Meta:
        verbose_name = _("journalføringsforslag")
        verbose_name_plural = _("journalføringsforslag")
        ordering = ["created_at", "id"]
        constraints = [
            # One open proposal per thread: a second one would only duplicate work.
            models.UniqueConstraint(
                fields=["thread"],
                condition=Q(status="pending"),
                name="nomination_one_pending_per_thread",
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="nomination_queue_idx")]

    def __str__(self):
        return f"{self.thread_id}: {self.get_status_display()}"
