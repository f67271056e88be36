"""Forum endpoints of the JSON API: rooms, topics, threads and posts.

Each kind has a list without path parameters (filters as query parameters,
paginated) and a detail; threads and posts can be created. Everything is read
from ``access`` querysets, so an object the caller may not see answers
404 and never appears in a list or a count.
"""

from datetime import datetime

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext, pgettext
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

import access
from fagrom.api.common import MAX_PAGE, FormInvalid, ObjectId, errors
from fagrom.links import absolute_url
from fagrom.throttle import posting_allowed

from . import services
from .forms import ReplyForm, ThreadForm
from .models import Post, Thread

router = Router(tags=["forum"])


def _url(obj, context) -> str:
    return absolute_url(obj.get_absolute_url())


class LinkedOut(Schema):
    """What every object the API returns has: ``url``, its page on the site (absolute).
    A subclass declares ``url: str`` where it wants the field; this resolves it."""

    @staticmethod
    def resolve_url(obj, context):
        return _url(obj, context)


class PersonOut(LinkedOut):
    id: int
    name: str
    workplace: str
    url: str

    @staticmethod
    def resolve_name(obj):
        return obj.get_full_name()


class PostAuthorOut(Schema):
    """Who wrote a post, as they were when they wrote it; ``person`` is who they are now."""

    id: int
    name: str
    workplace: str
    title: str
    recorded: str = Field(
        description="posting: lagret ved publisering; history: fra identitetsloggen; "
        "current: eldre innlegg, dagens verdi da øyeblikksbildet ble innført"
    )
    url: str = Field(description="Personens profil i dag")
    person: PersonOut


class RoomOut(LinkedOut):
    id: int
    name: str
    kind: str = Field(description="open eller closed")
    description: str
    url: str


class TopicOut(LinkedOut):
    id: int
    name: str
    description: str
    room: int = Field(alias="room_id")
    thread_count: int
    post_count: int
    last_post_at: datetime | None
    url: str


class ThreadOut(LinkedOut):
    id: int
    title: str
    kind: str
    topic: int = Field(alias="topic_id")
    room: int
    author: PostAuthorOut = Field(description="Den som startet tråden, slik de var da")
    created_at: datetime
    last_post_at: datetime
    post_count: int
    is_pinned: bool
    is_locked: bool
    url: str

    @staticmethod
    def resolve_room(obj):
        return obj.topic.room_id

    @staticmethod
    def resolve_author(obj, context):
        # The first post's snapshot, annotated by ``_threads`` (no query per thread).
        name = getattr(obj, "first_author_name", "") or ""
        return {
            "id": obj.author_id,
            "name": name or obj.author.get_full_name(),
            "workplace": obj.first_author_workplace if name else obj.author.workplace,
            "title": obj.first_author_title if name else obj.author.title,
            "recorded": obj.first_author_recorded if name else "current",
            "url": _url(obj.author, context),
            "person": obj.author,
        }


class AttachmentOut(LinkedOut):
    id: int
    name: str = Field(alias="original_name")
    content_type: str
    size: int
    url: str


class PostOut(LinkedOut):
    """A post. A removed post (``is_hidden``) has no text or attachments for anyone but the
    topic's moderators, administrators and its author: ``body`` and ``body_html`` are empty
    and ``hidden_reason`` says why it was removed."""

    id: int
    title: str
    thread: int = Field(alias="thread_id")
    position: int
    author: PostAuthorOut
    body: str = Field(description="Markdown, slik forfatteren skrev det")
    body_html: str = Field(description="Sanert HTML, samme som på nettsiden")
    is_hidden: bool = Field(description="Fjernet av moderator")
    hidden_reason: str = Field(description="Moderatorens begrunnelse når innlegget er fjernet")
    created_at: datetime
    edited_at: datetime | None
    attachments: list[AttachmentOut]
    url: str

    @staticmethod
    def resolve_title(obj):
        return (
            obj.thread.title
            if obj.position == 1
            else gettext("Svar: %(title)s") % {"title": obj.thread.title}
        )

    @staticmethod
    def resolve_author(obj, context):
        name, workplace, title = obj.author_as_written
        return {
            "id": obj.author_id,
            "name": name,
            "workplace": workplace,
            "title": title,
            "recorded": obj.author_recorded if obj.author_name else "current",
            "url": _url(obj.author, context),
            "person": obj.author,
        }

    @staticmethod
    def resolve_body(obj, context):
        return obj.body if _content_visible(obj, context) else ""

    @staticmethod
    def resolve_body_html(obj, context):
        return obj.body_html if _content_visible(obj, context) else ""

    @staticmethod
    def resolve_hidden_reason(obj):
        return obj.hidden_reason if obj.is_hidden else ""

    @staticmethod
    def resolve_attachments(obj, context):
        return list(obj.attachments.all()) if _content_visible(obj, context) else []


def _content_visible(post, context) -> bool:
    """A removed post's text and files: for its topic's moderators and its author only."""
    return not post.is_hidden or access.can_see_hidden_post(context["request"].auth, post)


class ThreadIn(Schema):
    topic: ObjectId
    title: str
    body: str
    kind: str = Thread.Kind.DISCUSSION


class PostIn(Schema):
    thread: ObjectId
    body: str


class Page(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1)  # larger sizes are cut to 200

    def __init__(self, **kwargs):
        super().__init__(page_size=settings.API_PAGE_SIZE, max_page_size=200, **kwargs)


def _list(path: str, schema, *, url_name: str):
    """A list endpoint: ``?page=`` and ``?page_size=`` (``Page``), the common errors only.
    The view returns the queryset, filtered by its query parameters."""

    def decorate(view):
        listed = paginate(Page)(view)
        return router.get(path, response={200: list[schema], **errors()}, url_name=url_name)(listed)

    return decorate


def _detail(path: str, schema, *, url_name: str):
    """A detail endpoint: the object, or 404 when the caller may not see it."""
    return router.get(path, response={200: schema, **errors(404)}, url_name=url_name)


def _user(request):
    return request.auth


def _check_posting_allowed(request, form) -> None:
    """The web forms' posting limit, counted for the same person (429 past it).

    The API must not be a way round ``POST_RATE_LIMIT``: a script with a token
    counts towards the same limit as the person's posts in the browser.
    """
    if not posting_allowed(request, form):
        raise HttpError(
            429,
            pgettext(
                "form error",
                "Du har publisert mange innlegg på kort tid. Vent litt før du publiserer igjen.",
            ),
        )


def _posting_form_data(request, form) -> dict:
    """What the API posts passes the web form's rules (400 with its messages) and the
    posting limit (429); then its cleaned data."""
    if not form.is_valid():
        raise FormInvalid(form)
    _check_posting_allowed(request, form)
    return form.cleaned_data


# Rooms --------------------------------------------------------------------------------


@_list("/rooms", RoomOut, url_name="room_list")
def room_list(request):
    """Rom du har tilgang til."""
    return access.rooms_visible_to(_user(request)).order_by("position", "name", "pk")


@_detail("/rooms/{room_id}", RoomOut, url_name="room_detail")
def room_detail(request, room_id: ObjectId):
    return get_object_or_404(access.rooms_visible_to(_user(request)), pk=room_id)


# Topics -------------------------------------------------------------------------------


def _topics(request):
    return access.topics_visible_to(_user(request)).select_related("room")


@_list("/topics", TopicOut, url_name="topic_list")
def topic_list(request, room: ObjectId | None = None):
    """Temaer du har tilgang til; `?room=` begrenser til ett rom."""
    topics = _topics(request).order_by("room__position", "position", "name", "pk")
    return topics.filter(room_id=room) if room is not None else topics


@_detail("/topics/{topic_id}", TopicOut, url_name="topic_detail")
def topic_detail(request, topic_id: ObjectId):
    return get_object_or_404(_topics(request), pk=topic_id)


# Threads ------------------------------------------------------------------------------


def _threads(request):
    first = Post.objects.filter(thread=OuterRef("pk"), position=1)
    return (
        access.threads_visible_to(_user(request))
        .select_related("topic", "author__org_unit")
        .annotate(
            **{
                f"first_{name}": Subquery(first.values(name)[:1])
                for name in ("author_name", "author_workplace", "author_title", "author_recorded")
            }
        )
    )


@_list("/threads", ThreadOut, url_name="thread_list")
def thread_list(request, topic: ObjectId | None = None, room: ObjectId | None = None):
    """Tråder du har tilgang til, nyeste aktivitet først; filtrer med `?topic=` eller `?room=`."""
    threads = _threads(request).order_by("-last_post_at", "-pk")
    if topic is not None:
        threads = threads.filter(topic_id=topic)
    if room is not None:
        threads = threads.filter(topic__room_id=room)
    return threads


@_detail("/threads/{thread_id}", ThreadOut, url_name="thread_detail")
def thread_detail(request, thread_id: ObjectId):
    return get_object_or_404(_threads(request), pk=thread_id)


@router.post(
    "/threads", response={201: ThreadOut, **errors(400, 403, 404, 429)}, url_name="thread_create"
)
def thread_create(request, payload: ThreadIn):
    """Start en tråd. Samme regler og feilmeldinger som skjemaet på nettsiden."""
    user = _user(request)
    topic = get_object_or_404(_topics(request), pk=payload.topic)
    access.check_post(user, topic)
    data = _posting_form_data(
        request,
        ThreadForm(data={"title": payload.title, "kind": payload.kind, "body": payload.body}),
    )
    thread = services.thread_start(
        topic=topic, author=user, title=data["title"], body=data["body"], kind=data["kind"]
    )
    return Status(201, _threads(request).get(pk=thread.pk))


# Posts --------------------------------------------------------------------------------


def _posts(request):
    return (
        access.posts_visible_to(_user(request))
        .select_related("thread", "author__org_unit")
        .prefetch_related("attachments")
    )


@_list("/posts", PostOut, url_name="post_list")
def post_list(request, thread: ObjectId | None = None, topic: ObjectId | None = None):
    """Innlegg du har tilgang til; `?thread=` gir en tråds innlegg i rekkefølge."""
    posts = _posts(request)
    if thread is not None:
        return posts.filter(thread_id=thread).order_by("position")
    if topic is not None:
        posts = posts.filter(thread__topic_id=topic)
    return posts.order_by("-created_at", "-pk")


@_detail("/posts/{post_id}", PostOut, url_name="post_detail")
def post_detail(request, post_id: ObjectId):
    return get_object_or_404(_posts(request), pk=post_id)


@router.post(
    "/posts", response={201: PostOut, **errors(400, 403, 404, 429)}, url_name="post_create"
)
def post_create(request, payload: PostIn):
    """Svar i en tråd."""
    user = _user(request)
    thread = get_object_or_404(_threads(request), pk=payload.thread)
    access.check_post(user, thread)
    data = _posting_form_data(request, ReplyForm(data={"body": payload.body}))
    post = services.post_reply(thread=thread, author=user, body=data["body"])
    return Status(201, _posts(request).get(pk=post.pk))
