"""What the thread page shows from moderation, guidance and listening, in a few queries."""

from django.template.loader import render_to_string
from django.utils import timezone, translation

import access
from fagrom import generations

from ..forms_moderation import NoteForm
from ..models import Clarification, Follow, Reaction, Thread
from ..post_html import posts_html


def clarifications_key(thread_id) -> str:
    """The thread's clarifications as HTML, in the reader's language and time zone."""
    return (
        f"thread-clarifications:{int(thread_id)}:{translation.get_language()}:"
        f"{timezone.get_current_timezone_name()}"
    )


def notes_key(thread_id) -> str:
    return f"thread-notes:{int(thread_id)}"


def _clarifications_html(thread) -> str:
    clarifications = list(
        Clarification.objects.filter(thread=thread)
        .select_related("author__org_unit", "replaced_by__thread", "replaces__thread")
        .defer("author__password")
        .order_by("-valid_from", "-id")
    )
    return render_to_string(
        "forum/includes/thread_clarifications.html", {"clarifications": clarifications}
    )


def _moderator_notes(thread) -> list:
    return list(thread.moderator_notes.select_related("author__org_unit").defer("author__password"))


def thread_context(request, thread: Thread, posts, *, may_reply: bool = False) -> dict:
    """Context for ``thread.html``'s moderation parts (0–1 queries when nothing changed)."""
    user = request.user
    # Loaded with the thread (``visible_thread_or_404(..., reader_state=True)``).
    state = {
        "is_following": thread.is_following,
        "is_bookmarked": thread.is_bookmarked,
        "has_voted": thread.has_voted,
        "accepted_answer__position": thread.accepted_position,
    }
    # The same for every reader of the thread: kept while nothing changed (generations).
    clarifications_html = generations.cached(
        clarifications_key(thread.pk), make=lambda: _clarifications_html(thread)
    )
    # Only posts someone found useful can be among the reader's own reactions.
    post_ids = [p.pk for p in posts if p.useful_count]
    useful_ids = (
        set(
            Reaction.objects.filter(user=user, post_id__in=post_ids).values_list(
                "post_id", flat=True
            )
        )
        if post_ids
        else set()
    )
    may_moderate = access.can_moderate(user, thread)
    # Each post's actions, decided together (the template reads ``post.may.edit``, ...).
    actions = access.post_actions(user, thread, posts)
    for post in posts:
        post.may = actions[post.pk]
    may_accept = access.can_accept_answer(user, thread)
    posts_html(
        request,
        thread,
        posts,
        useful_ids=useful_ids,
        may_reply=may_reply,
        may_accept=may_accept,
        may_moderate=may_moderate,
    )
    context = {
        **state,
        "clarifications_html": clarifications_html,
        "useful_ids": useful_ids,
        "may_moderate": may_moderate,
        "may_accept": may_accept,
        "may_vote": access.can_vote_idea(user, thread),
        "may_write": access.can_write(user),
    }
    if may_moderate:
        # The same for every moderator of the topic (and shown to no one else).
        context["moderator_notes"] = generations.cached(
            notes_key(thread.pk), make=lambda: _moderator_notes(thread)
        )
        # Its own id prefix: the reply form on the same page also has a "body" field.
        context["note_form"] = NoteForm(auto_id="note_%s")
    return context


def topic_context(request, topic) -> dict:
    """Context for ``topic.html``'s listening parts (one query)."""
    return {
        "is_following_topic": Follow.objects.filter(user=request.user, topic=topic).exists(),
    }
