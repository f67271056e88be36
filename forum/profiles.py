"""What a person's profile shows of their forum work, counted only where the viewer may look.

One aggregate query for the figures and one per list, whatever the person wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, Q

from people import access

from .models import Thread

LIST_SIZE = 5


@dataclass
class Expertise:
    posts: int = 0
    answers: int = 0  # replies to other people's questions
    questions_helped: int = 0
    recent_posts: list = field(default_factory=list)


def expertise_for(*, person, viewer) -> Expertise:
    posts = access.posts_visible_to(viewer).filter(author=person)
    answer = Q(thread__kind=Thread.Kind.QUESTION, position__gt=1) & ~Q(thread__author=F("author"))
    figures = posts.aggregate(
        posts=Count("id"),
        answers=Count("id", filter=answer),
        questions_helped=Count("thread", filter=answer, distinct=True),
    )
    recent = posts.select_related("thread__topic__room").order_by("-created_at")[:LIST_SIZE]
    return Expertise(**figures, recent_posts=list(recent))
