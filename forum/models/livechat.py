"""Nettprat: scheduled open chats with management."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .structure import Thread, Topic


class LiveChat(models.Model):
    """A chat with a host; questions come before and during, answers live, then a thread."""

    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("Planlagt")
        LIVE = "live", _("Pågår")
        ENDED = "ended", _("Avsluttet")

    topic = models.ForeignKey(
        Topic, verbose_name=_("tema"), on_delete=models.PROTECT, related_name="live_chats"
    )
    title = models.CharField(_("tittel"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vert"),
        on_delete=models.PROTECT,
        related_name="hosted_chats",
    )
    starts_at = models.DateTimeField(_("starter"))
    state = models.CharField(max_length=20, choices=State.choices, default=State.SCHEDULED)
    thread = models.OneToOneField(
        Thread, on_delete=models.SET_NULL, null=True, blank=True, related_name="live_chat"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("nettprat")
        verbose_name_plural = _("nettprater")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forum:livechat", kwargs={"chat_id": self.pk})


class LiveChatQuestion(models.Model):
    chat = models.ForeignKey(LiveChat, on_delete=models.CASCADE, related_name="questions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("spørsmål"))
    vote_count = models.PositiveIntegerField(default=0)
    answer = models.TextField(_("svar"), blank=True)
    answer_html = models.TextField(blank=True, editable=False)
    answered_at = models.DateTimeField(null=True, blank=True)
    # A rejected question leaves the public list but is kept, with the reason its asker sees.
    rejected_at = models.DateTimeField(null=True, blank=True)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    rejected_reason = models.CharField(_("begrunnelse"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-vote_count", "created_at"]


class LiveChatVote(models.Model):
    question = models.ForeignKey(LiveChatQuestion, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "user"], name="livechatvote_unique")
        ]
