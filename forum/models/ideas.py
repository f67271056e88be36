"""Suggestion box (forslagskasse): votes on threads of kind "idea"."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .structure import Thread


class IdeaVote(models.Model):
    """One vote per person per idea; ``Thread.vote_count`` keeps the total."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="idea_votes")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="ideavote_unique")]
