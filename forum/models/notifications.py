"""Listening: follows, notifications, e-mail preferences, feed tokens, bookmarks."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fagrom.i18n import message_render_or

from .structure import Post, Thread, Topic


class Follow(models.Model):
    """A person follows a topic or a thread (exactly one of them)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(topic__isnull=True, thread__isnull=False)
                | models.Q(topic__isnull=False, thread__isnull=True),
                name="follow_topic_xor_thread",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=models.Q(thread__isnull=True),
                name="follow_unique_topic",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"],
                condition=models.Q(topic__isnull=True),
                name="follow_unique_thread",
            ),
        ]


class Notification(models.Model):
    """One thing a person should know about. Listing re-checks that they may still see it.

    ``message`` (a Norwegian msgid) and ``params`` are rendered in the reader's language
    when shown (``display_text``); ``text`` is the same in the site's language, kept for
    rows from before ``message`` existed and as the fallback.
    """

    class Kind(models.TextChoices):
        REPLY = "reply", _("Nytt svar")
        NEW_THREAD = "new_thread", _("Ny tråd")
        MENTION = "mention", _("Nevnt")
        HIDDEN = "hidden", _("Innlegg fjernet")
        RESTORED = "restored", _("Innlegg gjenopprettet")
        VERIFIED = "verified", _("Svar kvalitetssikret")
        ACCEPTED = "accepted", _("Svar godtatt")
        CLARIFICATION = "clarification", _("Ny presisering")
        REMINDER = "reminder", _("Påminnelse")
        FLAG = "flag", _("Rapport")
        ESCALATION = "escalation", _("Løftet sak")
        IDEA_STATUS = "idea_status", _("Forslagsstatus")
        LIVECHAT = "livechat", _("Nettprat")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    text = models.CharField(max_length=300)
    message = models.CharField(max_length=300, blank=True, default="")
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["user", "-created_at"], name="notification_recent_idx"),
        ]

    @property
    def display_text(self) -> str:
        """The notification in the active language; ``text`` if it cannot be rendered."""
        return message_render_or(self.text, self.message, self.params)


class ListeningSettings(models.Model):
    """A person's e-mail choice and personal feed token."""

    class Email(models.TextChoices):
        NONE = "none", _("Ingen e-post")
        IMMEDIATE = "immediate", _("E-post med en gang")
        DAILY = "daily", _("Daglig sammendrag")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="listening"
    )
    email = models.CharField(
        _("e-postvarsler"), max_length=20, choices=Email.choices, default=Email.DAILY
    )
    feed_token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    last_digest_at = models.DateTimeField(null=True, blank=True)


class Bookmark(models.Model):
    """Mine bokmerker: a thread kept for later."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="bookmarks")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="bookmark_unique")]


class Reaction(models.Model):
    """ "Nyttig": one per person per post; ``Post.useful_count`` keeps the total."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "post"], name="reaction_unique")]
