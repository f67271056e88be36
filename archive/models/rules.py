"""What the archive's rules share: each applies to one room or one topic (never both),
can be switched off, and remembers who made it and when."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScopedRule(models.Model):
    """A rule for the threads of one room or one topic (nomination and retention rules)."""

    room = models.ForeignKey(
        "forum.Room", verbose_name=_("rom"), on_delete=models.CASCADE, null=True, blank=True
    )
    topic = models.ForeignKey(
        "forum.Topic", verbose_name=_("tema"), on_delete=models.CASCADE, null=True, blank=True
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(room__isnull=False, topic__isnull=True)
                | Q(room__isnull=True, topic__isnull=False),
                # "nominationrule_room_xor_topic", "retentionrule_room_xor_topic"
                name="%(class)s_room_xor_topic",
            )
        ]

    @property
    def scope(self):
        """The topic or the room the rule applies to."""
        return self.topic or self.room
