"""What the thread page shows from moderation, guidance and listening, in a few queries."""

import access

from ..forms_moderation import NoteForm
from ..models import Clarification, Follow, Reaction, Thread
from ..post_html import posts_html


def thread_context(request, thread: Thread, posts, *, may_reply: bool = False) -> dict:
    """Context for ``thread.html``'s moderation parts (2–3 queries; one more for moderators)."""
    user = request.user
    # Loaded with the thread (``visible_thread_or_404(..., reader_state=True)``).
    state = {
        "is_following": thread.is_following,
        "is_bookmarked": thread.is_bookmarked,
        "has_voted": thread.has_voted,
        "accepted_answer__position": thread.accepted_position,
    }
    clarifications = list(
        Clarification.objects.filter(thread=thread)
        .select_related("author__org_unit", "replaced_by__thread", "replaces__thread")
        .order_by("-valid_from", "-id")
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
        "clarifications": clarifications,
        "useful_ids": useful_ids,
        "may_moderate": may_moderate,
        "may_accept": may_accept,
        "may_vote": access.can_vote_idea(user, thread),
        "may_write": access.can_write(user),
    }
    if may_moderate:
        context["moderator_notes"] = list(thread.moderator_notes.select_related("author__org_unit"))
        # Its own id prefix: the reply form on the same page also has a "body" field.
        context["note_form"] = NoteForm(auto_id="note_%s")
    return context


def topic_context(request, topic) -> dict:
    """Context for ``topic.html``'s listening parts (one query)."""
    return {
        "is_following_topic": Follow.objects.filter(user=request.user, topic=topic).exists(),
    }
