"""Forum pages. Each view: load from a visible queryset → check → service → render."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access
from fagrom import generations
from fagrom.storage import StorageWriteError
from fagrom.throttle import posting_allowed

from .. import markup, services
from ..forms import PostEditForm, ReplyForm, ThreadForm
from ..models import Thread, Topic, unread_condition
from ..post_html import page_posts, page_shared_key, posts_key
from ..services import listening
from ..services.menu import menu_key
from .common import (
    kept_thread_for_reader_or_404,
    kept_topic_or_404,
    paginate,
    thread_row_key,
    topic_row_key,
    visible_post_or_404,
    visible_thread_or_404,
    visible_topic_or_404,
)
from .thread_extras import clarifications_key, notes_key, thread_context, topic_context


def _topics_with_unread(user, topics):
    """Annotate topics with the number of threads unread for ``user``, in the same query."""
    unread = (
        Thread.objects.filter(topic=OuterRef("pk"))
        .filter(unread_condition(user))
        .order_by()
        .values("topic")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return topics.annotate(unread_count=Coalesce(Subquery(unread), Value(0)))


@login_required
def forum_index(request):
    rooms = access.rooms_visible_to(request.user).prefetch_related(
        Prefetch(
            "topics",
            queryset=_topics_with_unread(request.user, Topic.objects.order_by("position", "name")),
        )
    )
    return render(request, "forum/forum_index.html", {"rooms": rooms})


@login_required
def room_detail(request, room_slug):
    room = get_object_or_404(access.rooms_visible_to(request.user), slug=room_slug)
    topics = _topics_with_unread(request.user, room.topics.order_by("position", "name"))
    return render(request, "forum/room.html", {"room": room, "topics": topics})


@login_required
def topic_detail(request, room_slug, topic_slug):
    generations.prefetch(
        [topic_row_key(room_slug, topic_slug), menu_key(request.user)], user=request.user
    )
    topic = kept_topic_or_404(request.user, room_slug, topic_slug)
    page = request.GET.get("page", "1")
    generations.prefetch(
        [
            _topic_count_key(topic),
            _topic_rows_key(topic, page if page.isdigit() else "1", settings.THREADS_PER_PAGE),
            _topic_moderators_key(topic),
        ]
    )
    threads = (
        topic.threads.listing_order()
        .select_related("author__org_unit", "last_post_author__org_unit")
        .defer("author__password", "last_post_author__password")
    )
    page_obj, page_range = paginate(
        request,
        threads,
        settings.THREADS_PER_PAGE,
        count=generations.cached(_topic_count_key(topic), make=threads.count),
    )
    page_obj.object_list = _topic_rows(request.user, topic, page_obj)
    return render(
        request,
        "forum/topic.html",
        {
            "topic": topic,
            "room": topic.room,
            "page_obj": page_obj,
            "page_range": page_range,
            "moderators": generations.cached(
                _topic_moderators_key(topic),
                make=lambda: list(topic.moderators.select_related("org_unit").defer("password")),
            ),
            **topic_context(request, topic),
        },
    )


_ROW_END = "<!--row-->"
_UNREAD_CLASS = "<!--unread-class-->"
_UNREAD_BADGE = "<!--unread-badge-->"


def _topic_count_key(topic) -> str:
    return f"topic-count:{topic.pk}"


def _topic_moderators_key(topic) -> str:
    return f"topic-moderators:{topic.pk}"


def _topic_rows_key(topic, number, per_page) -> str:
    return (
        f"topic-rows:{topic.pk}:{int(number)}:{int(per_page)}:{translation.get_language()}:"
        f"{timezone.get_current_timezone_name()}"
    )


def _topic_rows(user, topic, page_obj) -> list:
    """One page of the topic's thread rows as HTML. The rows are the same for every
    reader: rendered once per page, language and time zone and kept while nothing
    changed (``fagrom.generations``); only what is unread for ``user`` is asked each
    time and marked in (``forum/includes/topic_rows.html``)."""

    def make():
        threads = list(page_obj.object_list)
        html = render_to_string("forum/includes/topic_rows.html", {"threads": threads})
        return [(t.pk, row) for t, row in zip(threads, html.split(_ROW_END), strict=False)]

    rows = generations.cached(
        _topic_rows_key(topic, page_obj.number, page_obj.paginator.per_page), make=make
    )
    unread = (
        set(
            Thread.objects.filter(pk__in=[pk for pk, _row in rows])
            .filter(unread_condition(user))
            .values_list("pk", flat=True)
        )
        if rows
        else set()
    )
    badge = format_html(
        '<span class="ds-tag unread-badge" data-color="accent" data-size="sm">{}</span>',
        _("Ulest"),
    )
    return [
        # Safe: rendered with escaping, and only the markers (which no escaped text
        # holds) are replaced.
        mark_safe(
            row.replace(_UNREAD_CLASS, "is-unread" if pk in unread else "", 1).replace(
                _UNREAD_BADGE, badge if pk in unread else "", 1
            )
        )
        for pk, row in rows
    ]


@login_required
@require_POST
def topic_mark_read(request, room_slug, topic_slug):
    topic = visible_topic_or_404(request.user, room_slug, topic_slug)
    services.topic_mark_read(topic=topic, user=request.user)
    messages.success(
        request, _("Alle tråder i %(topic)s er merket som lest.") % {"topic": topic.name}
    )
    return redirect(topic)


def _storage_retry_after(response):
    """A storage failure is an outage (503): tell the browser when to try again."""
    if response.status_code == 503:
        response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
    return response


@login_required
def thread_new(request, room_slug, topic_slug):
    topic = visible_topic_or_404(request.user, room_slug, topic_slug)
    access.check_post(request.user, topic)
    form = ThreadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial={"kind": request.GET.get("kind", Thread.Kind.DISCUSSION)},
    )
    status = 400 if form.is_bound else 200
    if request.method == "POST" and form.is_valid() and posting_allowed(request, form):
        try:
            thread = services.thread_start(topic=topic, author=request.user, **form.cleaned_data)
        except StorageWriteError as exc:
            form.add_error("attachments", exc.message)
            status = 503
        else:
            messages.success(request, _("Tråden er opprettet."))
            return redirect(thread)
    return _storage_retry_after(
        render(
            request,
            "forum/thread_new.html",
            {"topic": topic, "room": topic.room, "form": form},
            status=status,
        )
    )


def _prefetch_thread_parts(request, thread_id) -> None:
    """Ask the cache once for the parts the thread page shows (generations.prefetch)."""
    page = request.GET.get("page", "1")
    page = page if page.isdigit() else "1"
    generations.prefetch(
        [
            thread_row_key(thread_id),
            posts_key(thread_id, page, settings.POSTS_PER_PAGE),
            page_shared_key(thread_id, page, settings.POSTS_PER_PAGE),
            clarifications_key(thread_id),
            notes_key(thread_id),
            # The archive's and the handbook's parts (their template tags' keys).
            f"thread-archive:{thread_id}",
            f"thread-proposals:{thread_id}",
            menu_key(request.user),
        ],
        user=request.user,
    )


@login_required
def thread_detail(request, thread_id):
    _prefetch_thread_parts(request, thread_id)
    thread = kept_thread_for_reader_or_404(request.user, thread_id)
    page_obj, page_range = paginate(
        request, _thread_posts(thread), settings.POSTS_PER_PAGE, count=thread.post_count
    )
    page_obj.object_list = page_posts(thread, page_obj)
    read_up_to_date = thread.reader_read_at is not None and (
        thread.reader_read_at >= thread.last_post_at
    )  # then nothing on the page is news: no query for the unread line
    first_unread = (
        None if read_up_to_date else services.thread_first_unread(thread=thread, user=request.user)
    )
    services.thread_mark_read(thread=thread, user=request.user, current=thread.reader_read_at)
    listening.thread_notifications_mark_read(
        user=request.user, thread=thread, unread_here=thread.reader_has_unread_notifications
    )
    reply_form = None
    if access.can_post(request.user, thread):
        reply_form = ReplyForm(initial={"body": _quoted_body(request, thread)})
    return render(
        request,
        "forum/thread.html",
        {
            "thread": thread,
            "topic": thread.topic,
            "room": thread.topic.room,
            "page_obj": page_obj,
            "page_range": page_range,
            "reply_form": reply_form,
            # Only worth a jump when something before it was read already.
            "first_unread_position": first_unread,
            "first_unread_url": _first_unread_url(thread, first_unread),
            "post_blocked_reason": ""
            if reply_form
            else access.post_blocked_reason(request.user, thread),
            **thread_context(request, thread, page_obj, may_reply=reply_form is not None),
        },
    )


def _first_unread_url(thread, position):
    if not position or position == 1:
        return ""
    page = (position - 1) // settings.POSTS_PER_PAGE + 1
    url = thread.get_absolute_url()
    return f"{url}?page={page}#forste-uleste" if page > 1 else f"{url}#forste-uleste"


def _thread_posts(thread):
    """The thread's posts as its page shows them (the Markdown source is not shown, and
    nothing reads the people's password hashes: deferred)."""
    return (
        thread.posts.select_related("author__org_unit", "verified_by__org_unit")
        .prefetch_related("attachments")
        .defer("body", "author__password", "verified_by__password")
    )


def _quoted_body(request, thread):
    """Prefill the reply with a quote of ``?quote=<post id>`` from the same thread."""
    quote_id = request.GET.get("quote", "")
    if not quote_id.isdigit():
        return ""
    post = thread.posts.select_related("author").filter(pk=int(quote_id), is_hidden=False).first()
    return markup.quote(post.body, post.author_as_written[0], post_id=post.pk) if post else ""


@login_required
@require_POST
def thread_reply(request, thread_id):
    thread = visible_thread_or_404(request.user, thread_id, reader_state=True)
    access.check_post(request.user, thread)
    form = ReplyForm(request.POST, request.FILES)
    status = 400
    if form.is_valid() and posting_allowed(request, form):
        try:
            post = services.post_reply(
                thread=thread,
                author=request.user,
                body=form.cleaned_data["body"],
                attachments=form.cleaned_data["attachments"],
            )
        except StorageWriteError as exc:
            form.add_error("attachments", exc.message)
            status = 503
        else:
            messages.success(request, _("Svaret ditt er publisert."))
            return redirect(services.post_url(post))
    # Show the thread's last page with the reply form and the text as typed.
    paginator = Paginator(_thread_posts(thread), settings.POSTS_PER_PAGE)
    page_obj = paginator.get_page(paginator.num_pages)
    return _storage_retry_after(
        render(
            request,
            "forum/thread.html",
            {
                "thread": thread,
                "topic": thread.topic,
                "room": thread.topic.room,
                "page_obj": page_obj,
                "page_range": paginator.get_elided_page_range(page_obj.number),
                "reply_form": form,
                **thread_context(request, thread, page_obj, may_reply=True),
            },
            status=status,
        )
    )


@login_required
def post_permalink(request, post_id):
    """``/forum/innlegg/<id>/``: the post where it stands now (page and anchor), for quotes
    and links that must survive new replies and moves."""
    post = visible_post_or_404(request.user, post_id)
    return redirect(services.post_url(post))


@login_required
def post_edit(request, post_id):
    post = visible_post_or_404(request.user, post_id)
    access.check_edit_post(request.user, post)
    form = PostEditForm(
        request.POST if request.method == "POST" else None, initial={"body": post.body}
    )
    if request.method == "POST" and form.is_valid():
        services.post_edit(post=post, by=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Endringen er lagret. Den forrige teksten er tatt vare på."))
        return redirect(services.post_url(post))
    status = 400 if form.is_bound else 200
    return render(
        request,
        "forum/post_edit.html",
        {"post": post, "thread": post.thread, "form": form},
        status=status,
    )


@login_required
def post_history(request, post_id):
    post = visible_post_or_404(request.user, post_id)
    access.check_see_revisions(request.user, post)
    revisions = post.revisions.select_related("edited_by__org_unit")
    return render(
        request,
        "forum/post_history.html",
        {"post": post, "thread": post.thread, "revisions": revisions},
    )
