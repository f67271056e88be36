"""Listening: notifications, follow, bookmarks, "nyttig", @-mention lookup and Atom feeds."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods, require_POST

import access
from fagrom.links import absolute_url

from ..forms_moderation import ListeningSettingsForm
from ..models import Follow, Post
from ..post_html import csrf_input_html, useful_button_html
from ..services import listening, reactions
from .common import paginate, visible_post_or_404, visible_thread_or_404, visible_topic_or_404


def _back(request, fallback):
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


# Notifications ----------------------------------------------------------------------------


@login_required
def notifications(request):
    rows = listening.notifications_visible_to(request.user).select_related("actor__org_unit")
    page_obj, page_range = paginate(request, rows, 30)
    return render(
        request,
        "forum/notifications.html",
        {"page_obj": page_obj, "page_range": page_range},
    )


@login_required
@require_http_methods(["GET", "POST"])
def notification_open(request, notification_id):
    """Go to what a notification is about; a POST (the list's button) also marks it read.

    A GET (an old link, a bookmark) only redirects: it changes nothing.
    """
    n = get_object_or_404(listening.notifications_visible_to(request.user), pk=notification_id)
    if request.method == "POST":
        listening.notifications_mark_read(user=request.user, ids=[n.pk])
    if n.url and url_has_allowed_host_and_scheme(
        n.url, {request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(n.url)
    return redirect("forum:notifications")


@login_required
@require_POST
def notifications_read_all(request):
    listening.notifications_mark_read(user=request.user)
    messages.success(request, _("Alle varsler er merket som lest."))
    return redirect("forum:notifications")


@login_required
def listening_settings(request):
    row = listening.listening_settings_for(request.user)
    form = ListeningSettingsForm(
        request.POST if request.method == "POST" else None, initial={"email": row.email}
    )
    if request.method == "POST":
        if request.POST.get("action") == "reset_token":
            listening.feed_token_reset(user=request.user)
            messages.success(
                request, _("Du har fått en ny feed-nøkkel. De gamle adressene virker ikke lenger.")
            )
            return redirect("forum:listening_settings")
        if form.is_valid():
            listening.listening_settings_update(user=request.user, email=form.cleaned_data["email"])
            messages.success(request, _("Innstillingene er lagret."))
            return redirect("forum:listening_settings")
    follows = (
        Follow.objects.filter(user=request.user)
        .filter(
            Q(thread__topic__room_id__in=access.grants(request.user).visible_room_ids)
            | Q(topic__room_id__in=access.grants(request.user).visible_room_ids)
        )
        .select_related("thread", "topic__room")
        .order_by("-created_at")[:200]
    )
    return render(
        request,
        "forum/listening_settings.html",
        {
            "form": form,
            "feed_token": row.feed_token,
            "follows": follows,
            "followed_feed_url": absolute_url(
                reverse("forum:feed_followed", kwargs={"token": row.feed_token})
            ),
        },
        status=400 if form.is_bound else 200,
    )


# Following, bookmarks, useful ------------------------------------------------------------


@dataclass(frozen=True)
class _ThreadToggle:
    """A thread's on/off button (follow, bookmark): the service that flips it, the partial
    htmx swaps in, and what a plain form post is told (msgids, translated when said)."""

    flip: Callable  # (user=, thread=) -> bool: on after the click
    button: str
    state: str  # the partial's context name for "on"
    said_on: str
    said_off: str

    def answer(self, request, thread_id):
        thread = visible_thread_or_404(request.user, thread_id)
        on = self.flip(user=request.user, thread=thread)
        if request.htmx:
            return render(request, self.button, {"thread": thread, self.state: on})
        messages.success(request, _(self.said_on if on else self.said_off))
        return redirect(thread)


_FOLLOW = _ThreadToggle(
    listening.follow_toggle,
    "forum/includes/follow_button.html",
    "is_following",
    gettext_noop("Du følger tråden og varsles om nye svar."),
    gettext_noop("Du følger ikke lenger tråden."),
)
_BOOKMARK = _ThreadToggle(
    listening.bookmark_toggle,
    "forum/includes/bookmark_button.html",
    "is_bookmarked",
    gettext_noop("Tråden er lagt i bokmerkene dine."),
    gettext_noop("Bokmerket er fjernet."),
)


@login_required
@require_POST
def thread_follow(request, thread_id):
    return _FOLLOW.answer(request, thread_id)


@login_required
@require_POST
def thread_bookmark(request, thread_id):
    return _BOOKMARK.answer(request, thread_id)


@login_required
@require_POST
def topic_follow(request, room_slug, topic_slug):
    topic = visible_topic_or_404(request.user, room_slug, topic_slug)
    following = listening.follow_toggle(user=request.user, topic=topic)
    messages.success(
        request,
        _("Du følger temaet og varsles om nye tråder og svar.")
        if following
        else _("Du følger ikke lenger temaet."),
    )
    return redirect(topic)


@login_required
def bookmarks(request):
    page_obj, page_range = paginate(
        request, listening.bookmarks_visible_to(request.user), settings.THREADS_PER_PAGE
    )
    return render(request, "forum/bookmarks.html", {"page_obj": page_obj, "page_range": page_range})


@login_required
@require_POST
def post_useful(request, post_id):
    post = visible_post_or_404(request.user, post_id)
    marked, count = reactions.useful_toggle(post=post, by=request.user)
    if request.htmx:
        post.useful_count = count
        return HttpResponse(
            useful_button_html(
                post, marked=marked, may_react=True, csrf_input=csrf_input_html(request)
            )
        )
    return redirect(post.get_absolute_url())


@login_required
def people_lookup(request):
    """@-mention autocompletion: people whose name or username starts with what was typed."""
    q = request.GET.get("q", "").strip().lstrip("@")[:50]
    if len(q) < 2:
        return JsonResponse({"results": []})
    people = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(full_name="")
        .filter(
            Q(username__istartswith=q)
            | Q(full_name__istartswith=q)
            | Q(full_name__icontains=f" {q}")
        )
        .select_related("org_unit")
        .order_by("full_name")[:8]
    )
    return JsonResponse(
        {
            "results": [
                {"username": p.username, "name": p.get_full_name(), "workplace": p.workplace}
                for p in people
            ]
        }
    )


# Atom feeds ---------------------------------------------------------------------------------


def _feed_user(request, token):
    """Who is reading: the personal feed token wins, else the logged-in session."""
    if token:
        user = listening.user_for_feed_token(token)
        if user is None:
            raise Http404
        return user
    if request.user.is_authenticated:
        return request.user
    raise Http404


class _PostFeed(Feed):
    feed_type = Atom1Feed
    limit = 30

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = absolute_url(request.path)
        return feed

    def item_title(self, post):
        return f"{post.thread.title} (#{post.position})"

    def item_description(self, post):
        if post.is_hidden:
            return _("Fjernet av moderator: %(reason)s") % {"reason": post.hidden_reason}
        return post.body_html

    # Links carry SITE_URL, not the host the feed reader happened to ask.
    def item_link(self, post):
        return absolute_url(post.get_absolute_url())

    def item_pubdate(self, post):
        return post.created_at

    def item_updateddate(self, post):
        return post.edited_at or post.created_at

    def item_author_name(self, post):
        name, workplace, _title = post.author_as_written  # as at posting, not after a move
        return f"{name} · {workplace}" if workplace else name

    def item_guid(self, post):
        return f"fagrom:post:{post.pk}"

    item_guid_is_permalink = False


class TopicFeed(_PostFeed):
    """Newest posts in a topic. Closed rooms need the reader's own feed token."""

    def get_object(self, request, room_slug, topic_slug):
        user = _feed_user(request, request.GET.get("token", ""))
        return visible_topic_or_404(user, room_slug, topic_slug)

    def title(self, topic):
        return _("Fagrom: %(topic)s") % {"topic": topic.name}

    def link(self, topic):
        return absolute_url(topic.get_absolute_url())

    def subtitle(self, topic):
        return topic.description

    def items(self, topic):
        return (
            Post.objects.filter(thread__topic=topic)
            .select_related("thread", "author__org_unit")
            .order_by("-created_at")[: self.limit]
        )


class FollowedFeed(_PostFeed):
    """Newest posts in the threads a person follows (directly or through their topics)."""

    def get_object(self, request, token):
        return _feed_user(request, token)

    def title(self, user):
        return _("Fagrom: tråder %(name)s følger") % {"name": user.get_full_name()}

    def link(self, user):
        return absolute_url(reverse("forum:bookmarks"))

    def items(self, user):
        followed = Follow.objects.filter(user=user)
        threads = access.threads_visible_to(user).filter(
            Q(pk__in=followed.filter(thread__isnull=False).values("thread_id"))
            | Q(topic_id__in=followed.filter(topic__isnull=False).values("topic_id"))
        )
        return (
            Post.objects.filter(thread__in=threads)
            .select_related("thread", "author__org_unit")
            .order_by("-created_at")[: self.limit]
        )


topic_feed = TopicFeed()
followed_feed = FollowedFeed()
