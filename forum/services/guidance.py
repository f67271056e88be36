"""Guidance service: question status, accepted answers, the moderator queue, response
targets with reminders, similar-question suggestions and structured rule references."""

from __future__ import annotations

import datetime
import re

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

import access

from ..models import (
    Clarification,
    ModerationAction,
    ModerationLogEntry,
    Notification,
    Post,
    QuestionReminder,
    RuleCitation,
    RuleReference,
    Thread,
)
from ..rules import LAWS, MAX_CITATIONS_PER_POST, RULE_RE, rule_reference_for
from . import listening

# Rule references ----------------------------------------------------------------------
# The parsing rules themselves are in forum/rules.py (the Markdown renderer links with them).


def rule_references_parse(text: str) -> list[tuple[str, str, str]]:
    """``"ftrl. § 4-3"`` → ``[("ftrl", "4-3", "folketrygdloven § 4-3")]``, in order, unique."""
    found, seen = [], set()
    for match in RULE_RE.finditer(text or ""):
        word = match.group("law").lower()
        ref = rule_reference_for(word, match.group("section"))
        if ref is None:
            continue
        code, section = ref
        name = LAWS[word][1] if word in LAWS else word
        if (code, section) in seen:
            continue
        seen.add((code, section))
        found.append((code, section, f"{name} § {section}"))
        if len(found) >= MAX_CITATIONS_PER_POST:
            break
    return found


def citations_sync(*, post: Post) -> list[RuleReference]:
    """Rebuild the post's rule citations from its text (bounded: at most 20 references)."""
    parsed = rule_references_parse(post.body)
    refs = []
    for code, section, label in parsed:
        ref, _created = RuleReference.objects.get_or_create(
            law=code, section=section, defaults={"label": label}
        )
        refs.append(ref)
    RuleCitation.objects.filter(post=post).exclude(reference__in=refs).delete()
    RuleCitation.objects.bulk_create(
        [RuleCitation(post=post, reference=ref) for ref in refs], ignore_conflicts=True
    )
    return refs


def rule_references_visible_to(user, query: str = ""):
    """References with the number of visible posts that cite them; ``query`` searches."""
    visible = Q(citations__post__thread__topic__room_id__in=access.grants(user).visible_room_ids)
    visible &= Q(citations__post__is_hidden=False)
    refs = RuleReference.objects.annotate(n=Count("citations", filter=visible)).filter(n__gt=0)
    query = (query or "").strip()
    if query:
        parsed = rule_references_parse(query)
        if parsed:
            code, section, _label = parsed[0]
            refs = refs.filter(law=code, section=section)
        else:
            word = query.lower().rstrip(".")
            code = LAWS.get(word, (word, word))[0]
            refs = refs.filter(
                Q(law__iexact=code) | Q(label__icontains=query) | Q(section=query.replace(" ", ""))
            )
    return refs.order_by("law", "section")


def threads_citing(user, reference: RuleReference):
    return (
        access.threads_visible_to(user)
        .filter(posts__rule_citations__reference=reference, posts__is_hidden=False)
        .distinct()
        .select_related("topic__room", "author__org_unit", "last_post_author__org_unit")
        .order_by("-last_post_at")
    )


# Status and accepted answers -------------------------------------------------------------


def question_after_reply(*, thread: Thread, post: Post) -> None:
    """A reply by someone other than the asker answers an open question."""
    if (
        thread.kind == Thread.Kind.QUESTION
        and thread.status == Thread.Status.OPEN
        and post.author_id != thread.author_id
    ):
        Thread.objects.filter(pk=thread.pk, status=Thread.Status.OPEN).update(
            status=Thread.Status.ANSWERED
        )


class GuidanceError(ValueError):
    pass


@transaction.atomic
def answer_accept(*, thread: Thread, post: Post, by) -> Thread:
    """The asker or a moderator accepts an answer."""
    thread = (
        Thread.objects.select_for_update(of=("self",))
        .select_related("topic__room")
        .get(pk=thread.pk)
    )
    access.check_accept_answer(by, thread)
    if post.thread_id != thread.pk or post.is_first or post.is_hidden:
        raise GuidanceError(_("Velg et synlig svar i denne tråden."))
    thread.accepted_answer = post
    if thread.status in (Thread.Status.OPEN, Thread.Status.ANSWERED):
        thread.status = Thread.Status.ANSWERED
    thread.save(update_fields=["accepted_answer", "status"])
    if by.pk != thread.author_id:
        ModerationLogEntry.objects.create(
            actor=by,
            action=ModerationAction.ACCEPT,
            topic=thread.topic,
            thread=thread,
            post=post,
        )
    listening.notify(
        users=[post.author],
        kind=Notification.Kind.ACCEPTED,
        actor=by,
        post=post,
        message=gettext_noop("Svaret ditt i «%(thread)s» er godtatt"),
        params={"thread": thread.title},
    )
    return thread


# The moderator's queue and response targets -----------------------------------------------


def add_working_days(start: datetime.datetime, days: int) -> datetime.datetime:
    """``start`` plus ``days`` working days (Monday–Friday)."""
    result = start
    added = 0
    while added < days:
        result += datetime.timedelta(days=1)
        if result.weekday() < 5:
            added += 1
    return result


def questions_unanswered_for(user):
    """Open questions in the person's topics, oldest first (the moderator's queue)."""
    return (
        Thread.objects.questions()
        .filter(status=Thread.Status.OPEN, topic__in=access.topics_moderated_by(user))
        .select_related("topic__room", "author__org_unit")
        .order_by("created_at", "id")
    )


def questions_unverified_for(user):
    """Answered but not yet quality-assured questions in the person's topics."""
    return (
        Thread.objects.questions()
        .filter(status=Thread.Status.ANSWERED, topic__in=access.topics_moderated_by(user))
        .select_related("topic__room", "author__org_unit")
        .order_by("created_at", "id")
    )


def is_overdue(thread: Thread, now=None) -> bool:
    return is_past_target(thread.created_at, thread.topic.response_target_days, now)


def is_past_target(asked_at, target_days: int, now=None) -> bool:
    """Is a question asked at ``asked_at`` past a response target of ``target_days``?"""
    now = now or timezone.now()
    return add_working_days(asked_at, target_days) < now


def questions_remind_overdue(*, now=None) -> int:
    """Remind moderators of questions past the topic's target, then tell the topic's owner
    when twice the target has passed. Each stage is sent once. Returns reminders sent."""
    now = now or timezone.now()
    sent = 0
    # Anything older than the shortest possible target is a candidate; exact per-topic
    # working-day arithmetic happens below on that (small) set.
    candidates = (
        Thread.objects.questions()
        .filter(status=Thread.Status.OPEN, created_at__lt=now - datetime.timedelta(days=1))
        .select_related("topic__room", "topic__owner")
        .prefetch_related("topic__moderators", "reminders")
    )
    for thread in candidates.iterator(chunk_size=200):
        target = thread.topic.response_target_days
        stages = {r.stage for r in thread.reminders.all()}
        if QuestionReminder.Stage.MODERATORS not in stages:
            if add_working_days(thread.created_at, target) < now:
                listening.notify(
                    users=list(thread.topic.moderators.all()),
                    kind=Notification.Kind.REMINDER,
                    thread=thread,
                    message=gettext_noop(
                        "Spørsmålet «%(thread)s» har ventet på svar i over %(n)d virkedager"
                    ),
                    params={"thread": thread.title, "n": target},
                )
                QuestionReminder.objects.create(
                    thread=thread, stage=QuestionReminder.Stage.MODERATORS, sent_at=now
                )
                sent += 1
        elif QuestionReminder.Stage.OWNER not in stages and thread.topic.owner_id:
            if add_working_days(thread.created_at, 2 * target) < now:
                listening.notify(
                    users=[thread.topic.owner],
                    kind=Notification.Kind.REMINDER,
                    thread=thread,
                    message=gettext_noop(
                        "Spørsmålet «%(thread)s» i %(topic)s er fortsatt ubesvart etter at "
                        "moderatorene ble minnet på det"
                    ),
                    params={"thread": thread.title, "topic": thread.topic.name},
                )
                QuestionReminder.objects.create(
                    thread=thread, stage=QuestionReminder.Stage.OWNER, sent_at=now
                )
                sent += 1
    return sent


# Similar questions while typing -------------------------------------------------------------

STOPWORDS = {
    "og",
    "i",
    "på",
    "av",
    "for",
    "med",
    "til",
    "som",
    "er",
    "en",
    "et",
    "ei",
    "det",
    "den",
    "de",
    "om",
    "kan",
    "jeg",
    "vi",
    "har",
    "ved",
    "når",
    "hva",
    "hvordan",
    "hvor",
    "hvis",
    "skal",
    "må",
    "fra",
    "eller",
    "ikke",
    "at",
    "the",
    "a",
    "to",
    "seg",
}


def similar_suggestions(user, text: str, *, limit: int = 5):
    """Visible questions and current clarifications whose titles share words with ``text``.

    A simple database search (the search app builds the real one): every word of three
    letters or more that is not a stop word must match somewhere in the title; if that
    finds nothing, any one word will do.
    """
    words = [
        w
        for w in re.findall(r"[\wæøåÆØÅ§\-]+", (text or "").lower())
        if len(w) >= 3 and w not in STOPWORDS
    ][:6]
    if not words:
        return [], []
    visible_rooms = access.grants(user).visible_room_ids

    def match(field, require_all):
        q = Q()
        for w in words:
            term = Q(**{f"{field}__icontains": w})
            q = (q & term) if require_all else (q | term)
        return q

    questions_qs = Thread.objects.questions().filter(topic__room_id__in=visible_rooms)
    clar_qs = Clarification.objects.current().filter(thread__topic__room_id__in=visible_rooms)
    questions = list(
        questions_qs.filter(match("title", True))
        .select_related("topic")
        .order_by("-last_post_at")[:limit]
    )
    clarifications = list(
        clar_qs.filter(match("title", True)).select_related("thread__topic")[:limit]
    )
    if not questions and not clarifications and len(words) > 1:
        questions = list(
            questions_qs.filter(match("title", False))
            .select_related("topic")
            .order_by("-last_post_at")[:limit]
        )
        clarifications = list(
            clar_qs.filter(match("title", False)).select_related("thread__topic")[:limit]
        )
    return questions, clarifications


# Repair (after imports that bypass the services, e.g. demo or bulk data) ----------------------


def questions_status_recount() -> int:
    """Open questions that someone other than the asker has replied to become "answered";
    questions with a verified answer become "verified". Set-based; returns rows changed."""
    from django.db.models import Exists, OuterRef

    others = Post.objects.filter(thread=OuterRef("pk")).exclude(author=OuterRef("author"))
    verified = Post.objects.filter(thread=OuterRef("pk"), verified_at__isnull=False)
    changed = (
        Thread.objects.questions()
        .filter(status__in=[Thread.Status.OPEN, Thread.Status.ANSWERED])
        .filter(Exists(verified))
        .update(status=Thread.Status.VERIFIED)
    )
    changed += (
        Thread.objects.questions()
        .filter(status=Thread.Status.OPEN)
        .filter(Exists(others))
        .update(status=Thread.Status.ANSWERED)
    )

    return changed


def citations_rebuild(*, batch_size: int = 500) -> int:
    """Re-parse rule references in every post that mentions a section sign."""
    n = 0
    for post in Post.objects.filter(body__contains="§").only("id", "body").iterator(batch_size):
        citations_sync(post=post)
        n += 1
    return n


@task()
def remind_overdue_questions():
    """Background task behind ``manage.py remind_overdue_questions``."""
    return questions_remind_overdue()
