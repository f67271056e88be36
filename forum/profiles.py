"""What a person's profile shows of their forum work, counted only where the viewer may look.

One aggregate query for the post figures, one for clarifications and one per
list, whatever the person wrote. Removed (hidden) posts do not count as verified
answers or "nyttig" marks: their text is gone for most viewers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Sum

import access

from .models import Clarification, Thread

LIST_SIZE = 5


@dataclass
class Expertise:
    posts: int = 0
    answers: int = 0  # replies to other people's questions
    questions_helped: int = 0
    verified_answers: int = 0  # posts a moderator marked as quality-assured
    useful_marks: int = 0  # "nyttig" marks on the person's posts, from others
    clarifications: int = 0  # official clarifications the person wrote
    recent_posts: list = field(default_factory=list)
    verified_posts: list = field(default_factory=list)
    useful_posts: list = field(default_factory=list)
    recent_clarifications: list = field(default_factory=list)


def expertise_for(*, person, viewer) -> Expertise:
    posts = access.posts_visible_to(viewer).filter(author=person)
    answer = Q(thread__kind=Thread.Kind.QUESTION, position__gt=1) & ~Q(thread__author=F("author"))
    shown = Q(is_hidden=False)
    figures = posts.aggregate(
        posts=Count("id"),
        answers=Count("id", filter=answer),
        questions_helped=Count("thread", filter=answer, distinct=True),
        verified_answers=Count("id", filter=shown & Q(verified_at__isnull=False)),
        useful_marks=Sum("useful_count", filter=shown, default=0),
    )
    with_thread = posts.select_related("thread__topic__room")
    clarifications = Clarification.objects.filter(
        access.visible_rooms_q(viewer, "thread__topic__"), author=person
    )
    return Expertise(
        **figures,
        clarifications=clarifications.count(),
        recent_posts=list(with_thread.order_by("-created_at")[:LIST_SIZE]),
        verified_posts=list(
            with_thread.filter(shown, verified_at__isnull=False).order_by("-verified_at", "-id")[
                :LIST_SIZE
            ]
        ),
        useful_posts=list(
            with_thread.filter(shown, useful_count__gt=0).order_by("-useful_count", "-id")[
                :LIST_SIZE
            ]
        ),
        recent_clarifications=list(
            clarifications.select_related("thread__topic")
            .defer("body", "body_html")
            .order_by("-created_at", "-id")[:LIST_SIZE]
        ),
    )
