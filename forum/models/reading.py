"""Reading: per-person unread markers on threads and topics."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Greatest

from .structure import Thread, Topic


class ThreadRead(models.Model):
    """How far a person has read a thread: unread if the thread moved on since."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reads")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="threadread_unique")]


class TopicRead(models.Model):
    """ "Mark all as read" for a topic: threads older than ``read_at`` count as read."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="reads")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="topicread_unique")]


def unread_condition(user):
    """Q for threads that are unread for ``user``: used by listings and counters.

    A thread is unread when it moved on after the latest of: the person's own
    read marker, the topic's "mark all read", and the day they joined.
    (Each term is coalesced because SQLite's MAX() is NULL if any argument is.)
    """
    joined = models.Value(user.date_joined)
    thread_read = models.Subquery(
        ThreadRead.objects.filter(user=user, thread=models.OuterRef("pk")).values("read_at")[:1]
    )
    topic_read = models.Subquery(
        TopicRead.objects.filter(user=user, topic=models.OuterRef("topic_id")).values("read_at")[:1]
    )
    return Q(
        last_post_at__gt=Greatest(
            Coalesce(thread_read, joined), Coalesce(topic_read, joined), joined
        )
    )
