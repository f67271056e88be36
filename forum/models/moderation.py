"""Moderation: clarifications, moderator notes, flags, escalations and the moderation log."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .structure import Post, Thread, Topic


class ClarificationQuerySet(models.QuerySet):
    def current(self):
        """Clarifications not replaced by a later one."""
        return self.filter(replaced_by__isnull=True)


class Clarification(models.Model):
    """A moderator's official clarification (presisering), pinned at the top of its thread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="clarifications")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="clarifications"
    )
    title = models.CharField(_("overskrift"), max_length=200)
    body = models.TextField(_("tekst"))
    body_html = models.TextField(editable=False)
    valid_from = models.DateField(_("gjelder fra"))
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("erstatter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ClarificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("presisering")
        verbose_name_plural = _("presiseringer")
        ordering = ["-valid_from", "-id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.thread.get_absolute_url()}#presisering-{self.pk}"


class ModeratorNote(models.Model):
    """A note inside a thread that only the topic's moderators see."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="moderator_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("notat"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("moderatornotat")
        verbose_name_plural = _("moderatornotater")
        ordering = ["created_at", "id"]


class ModerationAction(models.TextChoices):
    VERIFY = "verify", _("Kvalitetssikret svar")
    UNVERIFY = "unverify", _("Fjernet kvalitetssikring")
    CLARIFY = "clarify", _("Skrev presisering")
    NOTE = "note", _("Skrev moderatornotat")
    MOVE = "move", _("Flyttet tråd")
    RENAME = "rename", _("Endret tittel")
    LOCK = "lock", _("Låste tråd")
    UNLOCK = "unlock", _("Åpnet tråd")
    PIN = "pin", _("Festet tråd")
    UNPIN = "unpin", _("Løsnet tråd")
    HIDE = "hide", _("Fjernet innlegg")
    RESTORE = "restore", _("Gjenopprettet innlegg")
    ACCEPT = "accept", _("Godtok svar")
    STATUS = "status", _("Endret status")
    FLAG_UPHELD = "flag_upheld", _("Tok rapport til følge")
    FLAG_DISMISSED = "flag_dismissed", _("Avviste rapport")
    ESCALATE = "escalate", _("Løftet saken")
    IDEA_STATUS = "idea_status", _("Endret forslagsstatus")


class ModerationLogEntry(models.Model):
    """Who did what, when and why. Written by every moderation service; never edited."""

    Action = ModerationAction

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=20, choices=ModerationAction.choices)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="moderation_log")
    thread = models.ForeignKey(
        Thread, on_delete=models.PROTECT, null=True, blank=True, related_name="moderation_log"
    )
    post = models.ForeignKey(
        Post, on_delete=models.PROTECT, null=True, blank=True, related_name="moderation_log"
    )
    reason = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("moderasjonslogg")
        verbose_name_plural = _("moderasjonslogg")
        ordering = ["-created_at", "-id"]


class Flag(models.Model):
    """A report of a post by an employee, handled by another moderator of the topic."""

    class State(models.TextChoices):
        OPEN = "open", _("Til behandling")
        UPHELD = "upheld", _("Tatt til følge")
        DISMISSED = "dismissed", _("Avvist")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("hvorfor rapporterer du innlegget?"))
    state = models.CharField(max_length=20, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    resolution = models.TextField(blank=True)

    class Meta:
        verbose_name = _("rapport")
        verbose_name_plural = _("rapporter")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(state="open"),
                name="flag_one_open_per_reporter",
            )
        ]


class Escalation(models.Model):
    """A moderator lifts a thread up the line (løfte saken) to a unit or a person."""

    class State(models.TextChoices):
        SENT = "sent", _("Sendt")
        ACKNOWLEDGED = "acknowledged", _("Mottatt")
        ANSWERED = "answered", _("Besvart")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="escalations")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        "people.OrgUnit",
        verbose_name=_("til enhet"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="escalations",
    )
    to_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("til person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="escalations_received",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ansvarlig"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="escalations_owned",
    )
    note = models.TextField(_("notat"))
    state = models.CharField(max_length=20, choices=State.choices, default=State.SENT)
    answer_post = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # An answer that could not go into the thread (locked, or the answerer may not write in
    # the room) is kept here, so it is never lost; the escalation's page shows it.
    answer_body = models.TextField(_("svar"), blank=True)
    answer_html = models.TextField(blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("løftet sak")
        verbose_name_plural = _("løftede saker")
        ordering = ["-created_at", "-id"]
