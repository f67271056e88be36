"""The access matrix: every URL of the project × who asks × where the object lives.

For each URL pattern (found by walking the URL resolver, so nothing can be
forgotten) and each place (an object in an open room, an object in a closed
room) the matrix asks as

* ``member``        – a member of the closed room (and a plain employee in the open one),
* ``same_agency``   – a colleague in the same unit who is not a member,
* ``other_agency``  – someone in another agency who is not a member,
* ``anonymous``     – not logged in,

and asserts the status code, and that none of the closed room's unique strings
(room, topic, thread title, post texts, author name, attachment name) appears
in any answer to someone who is not a member.

**Adding a URL?** The test ``test_every_url_pattern_is_classified`` fails until
the URL's name is in ``MATRIX`` (with the expected statuses) or in ``EXCLUDED``
(with the reason). Most URLs fit one of the presets below: ``in_room(...)`` for
pages about a room object, ``page()`` for pages that are not, ``api_...`` for
the JSON API.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from forum.services import post_edit, post_reply
from people.services import api_token_create
from tests.forum.factories import RoomFactory, ThreadFactory, TopicFactory, add_member
from tests.forum.files import PDF, upload
from tests.people.factories import OrgUnitFactory, UserFactory

ROLES = (
    "anonymous",
    "other_agency",
    "same_agency",
    "member",
)  # members last: they may change state
PLACES = ("open", "closed")
LOGIN = "login"  # expected: 302 to the login page

# Unique strings that exist only in the closed room. ASCII on purpose: JSON escapes "å".
SECRETS = (
    "Kryptoprosjektet Blaahval",  # room name
    "Tema Sjoorm",  # topic name
    "Traad om Kvasarstov",  # thread title
    "Nebulatake",  # first post text
    "Pulsarfro",  # the member's reply text
    "Hemmelighetsen",  # the closed room author's name
    "Meteorvedlegg",  # attachment file name
)


# The world every case runs in -----------------------------------------------------------


def build_world():
    nav = OrgUnitFactory(name="NAV", code="NAV", kind="agency")
    sandnes = OrgUnitFactory(name="NAV Sandnes", code="NAV-SANDNES", parent=nav)
    skatt = OrgUnitFactory(name="Skatteetaten", code="SKATT", kind="agency")
    member = UserFactory(username="kari", full_name="Kari Nordmann", unit=sandnes)
    same = UserFactory(username="jonas", full_name="Jonas Berg", unit=sandnes)
    other = UserFactory(username="per", full_name="Per Olsen", unit=skatt)
    secret_author = UserFactory(username="sigrun", full_name="Sigrun Hemmelighetsen", unit=sandnes)

    def place(room, topic_name, title, first_text, reply_text, file_name, first_author):
        topic = TopicFactory(room=room, name=topic_name, slug="tema")
        thread = ThreadFactory(topic=topic, title=title, author=first_author)
        first = thread.posts.get()
        first.body = first_text
        first.save(update_fields=["body"])
        reply = post_reply(
            thread=thread,
            author=member,
            body=reply_text + " (utkast)",
            attachments=[upload(file_name, PDF)],
        )
        post_edit(post=reply, by=member, body=reply_text)  # leaves a revision
        return SimpleNamespace(
            room=room,
            topic=topic,
            thread=thread,
            post=reply,
            attachment=reply.attachments.get(),
            membership=room.memberships.get(user=member),
        )

    open_room = RoomFactory(name="Erfaringsforum", slug="erfaringsforum")
    add_member(open_room, "member", user=member)
    closed_room = RoomFactory(name=SECRETS[0], slug="blaahval", kind="closed")
    add_member(closed_room, "owner", user=secret_author)
    add_member(closed_room, "member", user=member)
    places = {
        "open": place(
            open_room,
            "Dagpenger",
            "Karensdager",
            "Hvordan teller karensdager?",
            "Slik teller de.",
            "veileder.pdf",
            member,
        ),
        "closed": place(
            closed_room,
            SECRETS[1],
            SECRETS[2],
            SECRETS[3],
            SECRETS[4],
            "Meteorvedlegg.pdf",
            secret_author,
        ),
    }
    token, _key = api_token_create(user=member, name="Matrise")
    return SimpleNamespace(
        users={"member": member, "same_agency": same, "other_agency": other, "anonymous": None},
        places=places,
        member=member,
        token=token,
    )


def _handbook(w):
    """A published handbook page with a hearing, made on first use in a case."""
    if not hasattr(w, "handbook"):
        from django.contrib.auth.models import Group
        from django.utils import timezone

        from access import HANDBOOK_EDITORS
        from handbook.models import HearingComment
        from handbook.services import handbook_setup, hearing_open
        from tests.handbook.factories import chapter, handbook_page

        editor = UserFactory(
            username="ingrid", full_name="Ingrid Redaktør", unit=w.member.org_unit.get_root()
        )
        editor.groups.add(Group.objects.get_or_create(name=HANDBOOK_EDITORS)[0])
        root = handbook_setup()
        hb = handbook_page(chapter(root, publish_by=editor), publish_by=editor)
        hearing = hearing_open(
            page=hb,
            by=editor,
            title="Høring",
            description="",
            units=[],
            deadline=timezone.localdate(),
        )
        HearingComment.objects.create(
            hearing=hearing, section_id="intro", section_title="Innledning", author=editor, body="x"
        )
        w.handbook = SimpleNamespace(page=hb, hearing=hearing, editor=editor)
    return w.handbook


def hb_page(w):
    return {"page_id": _handbook(w).page.pk}


def hb_hearing(w):
    return _handbook(w).hearing


def hb_proposal(w, p):
    from handbook.models import ChangeProposal

    return ChangeProposal.objects.create(
        page_id=_handbook(w).page.pk, thread=p.thread, post=p.post, created_by=w.member
    )


# How a case is described --------------------------------------------------------------------


def everyone(status, anonymous=LOGIN):
    return {"member": status, "same_agency": status, "other_agency": status, "anonymous": anonymous}


def member_only(status, others=404, anonymous=LOGIN):
    return {"member": status, "same_agency": others, "other_agency": others, "anonymous": anonymous}


@dataclass(frozen=True)
class Check:
    """One request and what each role should get, per place."""

    expect: dict[str, dict[str, int | str]]  # place -> role -> status
    kwargs: Callable = lambda w, p: {}
    method: str = "get"
    data: Callable | None = None
    json: bool = False
    url: Callable | None = None  # for patterns without a name


def page(status=200, anonymous=LOGIN, **kw) -> Check:
    """A page that is not about one room object: the same for every place."""
    return Check(expect={p: everyone(status, anonymous) for p in PLACES}, **kw)


def in_room(kwargs, ok=200, *, open_others=None, closed_member=None, anonymous=LOGIN, **kw):
    """A page about an object in a room: open → everyone; closed → members, else 404."""
    return Check(
        kwargs=kwargs,
        expect={
            "open": {
                **everyone(ok, anonymous),
                **(
                    {"same_agency": open_others, "other_agency": open_others} if open_others else {}
                ),
            },
            "closed": member_only(closed_member or ok, anonymous=anonymous),
        },
        **kw,
    )


def api_detail(kwargs) -> Check:
    return in_room(kwargs, anonymous=401)


def api_list(query) -> Check:
    """Lists answer 200 to everyone logged in; a closed room's objects are simply not in them."""
    return Check(data=query, expect={p: everyone(200, 401) for p in PLACES})


room = lambda w, p: {"room_slug": p.room.slug}  # noqa: E731
topic = lambda w, p: {"room_slug": p.room.slug, "topic_slug": p.topic.slug}  # noqa: E731
thread = lambda w, p: {"thread_id": p.thread.pk}  # noqa: E731
post = lambda w, p: {"post_id": p.post.pk}  # noqa: E731
membership = lambda w, p: {"room_slug": p.room.slug, "membership_id": p.membership.pk}  # noqa: E731


MATRIX: dict[str, Check | tuple[Check, ...]] = {
    # Site
    "home": page(),
    "login": page(302, anonymous=200),
    "logout": page(302, anonymous=302, method="post"),
    "set_language": page(302, anonymous=302, method="post", data=lambda w, p: {"language": "nb"}),
    "accessibility_statement": page(anonymous=200),
    # Forum pages
    "forum:index": page(),
    "forum:room": in_room(room),
    "forum:topic": in_room(topic),
    "forum:thread_new": (
        in_room(topic),
        in_room(
            topic,
            302,
            method="post",
            data=lambda w, p: {"title": "Ny", "kind": "discussion", "body": "Tekst"},
        ),
    ),
    "forum:topic_mark_read": in_room(topic, 302, method="post"),
    "forum:thread": in_room(thread),
    "forum:reply": in_room(thread, 302, method="post", data=lambda w, p: {"body": "Svar"}),
    "forum:post_edit": (
        in_room(post, open_others=403),
        in_room(post, 302, open_others=403, method="post", data=lambda w, p: {"body": "Ny"}),
    ),
    "forum:post_history": in_room(post, open_others=404),
    "forum:post": in_room(post, 302),
    "forum:attachment": in_room(lambda w, p: {"attachment_id": p.attachment.pk}),
    # Statistics: the whole forum for administrators and moderators (nobody here is one);
    # a topic's figures for whoever sees the topic, CSV included.
    "forum:statistics": page(403),
    "forum:topic_statistics": (
        in_room(topic),
        in_room(topic, data=lambda w, p: {"csv": "topics"}),
    ),
    # Room members (the matrix's member is a plain member, not an owner)
    "forum:room_members": in_room(room),
    "forum:room_member_add": in_room(
        room,
        403,
        method="post",
        data=lambda w, p: {"member": f"user:{w.users['same_agency'].pk}", "role": "member"},
    ),
    "forum:room_member_role": in_room(
        membership, 403, method="post", data=lambda w, p: {"role": "owner"}
    ),
    "forum:room_member_remove": in_room(membership, 403, method="post"),
    "forum:room_audit": in_room(room, 403),
    # Moderation, guidance, listening, ideas, nettprat (issue 4). The matrix's people moderate
    # nothing, and its member wrote ``p.post``: moderator tools answer 403 to readers of the
    # room (404 outside a closed one); one's own post cannot be reported or marked useful.
    "forum:post_verify": in_room(post, 403, method="post"),
    "forum:post_hide": in_room(post, 403),
    "forum:post_restore": in_room(post, 403),
    "forum:post_flag": in_room(post, 403, open_others=200),
    "forum:answer_accept": in_room(post, 403, method="post"),
    "forum:post_useful": in_room(post, 403, open_others=302, method="post"),
    "forum:clarification_new": in_room(thread, 403),
    "forum:moderator_note_new": in_room(
        thread, 403, method="post", data=lambda w, p: {"body": "Notat"}
    ),
    "forum:thread_moderate": in_room(thread, 403),
    "forum:escalation_new": in_room(thread, 403),
    "forum:thread_follow": in_room(thread, 302, method="post"),
    "forum:thread_bookmark": in_room(thread, 302, method="post"),
    "forum:idea_vote": in_room(thread, 403, method="post"),
    "forum:idea_status": in_room(thread, 403),
    "forum:topic_clarifications": in_room(topic),
    "forum:topic_follow": in_room(topic, 302, method="post"),
    # Feeds have no login page to send a feed reader to: 404 without session or token.
    "forum:topic_feed": in_room(topic, anonymous=404),
    "forum:feed_followed": page(404, anonymous=404, kwargs=lambda w, p: {"token": "ukjent"}),
    "forum:removals": page(),
    "forum:queue": page(403),
    "forum:flag_queue": page(403),
    "forum:flag_handle": page(404, kwargs=lambda w, p: {"flag_id": 999999}),
    "forum:moderation_log": page(403),
    "forum:escalations": page(),
    "forum:escalation": page(404, kwargs=lambda w, p: {"escalation_id": 999999}),
    "forum:rule_references": page(),
    "forum:rule_reference": page(404, kwargs=lambda w, p: {"law": "ftrl", "section": "4-3"}),
    "forum:similar": page(data=lambda w, p: {"title": "Kvasarstov Karensdager"}),
    "forum:notifications": page(),
    "forum:notifications_read_all": page(302, method="post"),
    "forum:notification_open": page(404, kwargs=lambda w, p: {"notification_id": 999999}),
    "forum:listening_settings": page(),
    "forum:bookmarks": page(),
    "forum:people_lookup": page(data=lambda w, p: {"q": "Kar"}),
    "forum:ideas": page(),
    "forum:livechats": page(),
    "forum:livechat_new": page(403),
    "forum:livechat": page(404, kwargs=lambda w, p: {"chat_id": 999999}),
    "forum:livechat_questions": page(404, kwargs=lambda w, p: {"chat_id": 999999}),
    "forum:livechat_ask": page(404, method="post", kwargs=lambda w, p: {"chat_id": 999999}),
    "forum:livechat_control": page(404, method="post", kwargs=lambda w, p: {"chat_id": 999999}),
    "forum:livechat_vote": page(
        404, method="post", kwargs=lambda w, p: {"chat_id": 999999, "question_id": 1}
    ),
    "forum:livechat_answer": page(
        404, method="post", kwargs=lambda w, p: {"chat_id": 999999, "question_id": 1}
    ),
    "forum:livechat_reject": page(
        404, method="post", kwargs=lambda w, p: {"chat_id": 999999, "question_id": 1}
    ),
    # People
    "people:profile": page(kwargs=lambda w, p: {"username": w.member.username}),
    "people:profile_edit": page(),
    "people:identity_correction": page(),
    "people:api_tokens": page(),
    "people:api_token_revoke": Check(
        kwargs=lambda w, p: {"token_id": w.token.pk},
        method="post",
        expect={p: member_only(302) for p in PLACES},
    ),
    # JSON API
    "api:api-root": page(404, anonymous=404),
    "api:openapi-json": page(200, anonymous=200),
    "api:openapi-view": page(200, anonymous=200),
    "api:room_list": api_list(lambda w, p: {}),
    "api:room_detail": api_detail(lambda w, p: {"room_id": p.room.pk}),
    "api:topic_list": api_list(lambda w, p: {"room": p.room.pk}),
    "api:topic_detail": api_detail(lambda w, p: {"topic_id": p.topic.pk}),
    "api:thread_list": api_list(lambda w, p: {"topic": p.topic.pk}),
    "api:thread_detail": api_detail(lambda w, p: {"thread_id": p.thread.pk}),
    "api:thread_create": in_room(
        lambda w, p: {},
        201,
        anonymous=401,
        method="post",
        json=True,
        data=lambda w, p: {"topic": p.topic.pk, "title": "Fra API", "body": "Tekst"},
    ),
    "api:post_list": api_list(lambda w, p: {"thread": p.thread.pk}),
    "api:post_detail": api_detail(lambda w, p: {"post_id": p.post.pk}),
    "api:post_create": in_room(
        lambda w, p: {},
        201,
        anonymous=401,
        method="post",
        json=True,
        data=lambda w, p: {"thread": p.thread.pk, "body": "Svar fra API"},
    ),
    # Handbook: pages are for every employee; proposals follow the thread they came from.
    "handbook:changelog": page(),
    "handbook:review": page(),
    "handbook:page_changelog": page(kwargs=lambda w, p: hb_page(w)),
    "handbook:version": page(kwargs=lambda w, p: {**hb_page(w), "major": 1, "minor": 0}),
    # Without a summary nothing is restored: back to the version with a message.
    "handbook:version_restore": page(
        302, method="post", kwargs=lambda w, p: {**hb_page(w), "major": 1, "minor": 0}
    ),
    "handbook:diff": page(kwargs=lambda w, p: hb_page(w)),
    "handbook:confirm": page(302, method="post", kwargs=lambda w, p: hb_page(w)),
    "handbook:confirmations": page(403, kwargs=lambda w, p: hb_page(w)),
    # Only says why an author's own approval was refused (a 403 page, nothing changes).
    "handbook:self_approval_refused": page(403, kwargs=lambda w, p: hb_page(w)),
    "handbook:hearing_new": page(403, kwargs=lambda w, p: hb_page(w)),
    "handbook:hearing": page(kwargs=lambda w, p: {"hearing_id": hb_hearing(w).pk}),
    "handbook:hearing_respond": page(
        403,
        method="post",
        kwargs=lambda w, p: {"comment_id": hb_hearing(w).comments.get().pk},
        data=lambda w, p: {"response": "Svar"},
    ),
    "handbook:proposal_new": in_room(thread, 403),
    "handbook:proposal_decline": in_room(
        lambda w, p: {"proposal_id": hb_proposal(w, p).pk},
        403,
        method="post",
        data=lambda w, p: {"note": "Nei"},
    ),
    # Search: lists for everyone logged in; closed-room hits are tested in tests/search.
    "search:results": page(data=lambda w, p: {"q": "karensdager"}),
    "search:suggest": page(data=lambda w, p: {"q": "kar"}),
    "api:search": api_list(lambda w, p: {"q": "karensdager"}),
    "api:search_suggest": api_list(lambda w, p: {"q": "kar"}),
    # Archive: records officers only (nobody in this world is one), except nominating
    # (the author, here the member in the open room) and the public journal.
    "archive:nominate": in_room(thread, open_others=403, closed_member=403),
    "archive:queue": page(403),
    "archive:journal": page(403, kwargs=lambda w, p: {"nomination_id": 999999}),
    "archive:reject": page(403, method="post", kwargs=lambda w, p: {"nomination_id": 999999}),
    "archive:hold_place": page(403, method="post", kwargs=thread),
    "archive:cases": page(403),
    "archive:case": page(403, kwargs=lambda w, p: {"case_id": 999999}),
    "archive:case_close": page(403, method="post", kwargs=lambda w, p: {"case_id": 999999}),
    "archive:case_reopen": page(403, method="post", kwargs=lambda w, p: {"case_id": 999999}),
    "archive:case_retention": page(403, method="post", kwargs=lambda w, p: {"case_id": 999999}),
    "archive:retention_schedule": page(403),
    "archive:case_types": page(403),
    "archive:case_type_assign": page(403, method="post", kwargs=lambda w, p: {"case_id": 999999}),
    "archive:entry": page(403, kwargs=lambda w, p: {"entry_id": 999999}),
    "archive:document": page(403, kwargs=lambda w, p: {"document_id": 999999}),
    "archive:rules": page(403),
    "archive:rule_deactivate": page(
        403, method="post", kwargs=lambda w, p: {"kind": "forslag", "rule_id": 999999}
    ),
    "archive:hold_lift": page(403, method="post", kwargs=lambda w, p: {"hold_id": 999999}),
    "archive:disposals": page(403),
    "archive:disposal": page(403, kwargs=lambda w, p: {"list_id": 999999}),
    "archive:disposal_export": page(403, kwargs=lambda w, p: {"list_id": 999999, "fmt": "xlsx"}),
    "archive:disposal_propose": page(403, method="post"),
    "archive:access_requests": page(403),
    "archive:access_request": page(403, kwargs=lambda w, p: {"request_id": 999999}),
    "archive:log": page(403),
    "archive:public_journal": page(200, anonymous=200),
    "archive:public_journal_xml": page(302, anonymous=302),  # nothing journaled: back to the page
    "archive:public_entry": page(404, anonymous=404, kwargs=lambda w, p: {"entry_id": 999999}),
    # Innsynskrav are open to everyone; without a chosen entry the form sends you to the journal.
    "archive:access_request_new": page(302, anonymous=302),
    # Wagtail's public, non-admin URLs: none of them serve room objects.
    "wagtaildocs_serve": page(404, anonymous=404, url=lambda w, p: "/documents/999999/x.pdf"),
    "wagtaildocs_authenticate_with_password": page(
        404, anonymous=404, kwargs=lambda w, p: {"restriction_id": 999999}
    ),
    "wagtailcore_authenticate_with_password": page(
        404, anonymous=404, kwargs=lambda w, p: {"page_view_restriction_id": 999999, "page_id": 1}
    ),
    "wagtailcore_login": page(200, anonymous=200),
    # Development media server (DEBUG only): attachments are not under it.
    "^media/(?P<path>.*)$": page(
        404, anonymous=404, url=lambda w, p: "/media/" + p.attachment.stored_name
    ),
}

# Patterns that exist only in some configurations (``DEBUG=True`` adds the media server).
OPTIONAL = {"^media/(?P<path>.*)$"}

EXCLUDED = {
    "admin/": "Wagtail admin: staff-only, guarded by Wagtail's own permissions; room content "
    "is not shown there (members are managed in Fagrom's own pages).",
    "wagtail_serve": "Wagtail's page-serving catch-all for handbook pages: handbook access is "
    "Wagtail page privacy, tested with the handbook; it never serves forum objects.",
    "oidc_authentication_init": "Single sign-on redirect to the identity provider; 404 unless "
    "OIDC is configured; shows no room content (tests/people/test_oidc.py).",
    "oidc_authentication_callback": "Single sign-on return from the identity provider; logs "
    "in or back to the login page; shows no room content (tests/people/test_oidc.py).",
    "oidc_logout": "mozilla-django-oidc's logout view (POST); shows no room content.",
}


# Walking the URL patterns ---------------------------------------------------------------------


def url_patterns(patterns=None, prefix="", namespace=""):
    """(key, route) for every URL pattern: the key is the qualified name, or the route."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern.url_patterns, route, ns)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}{pattern.name}" if pattern.name else route), route


def _excluded(key, route):
    return key in EXCLUDED or any(route.startswith(p) for p in EXCLUDED if p.endswith("/"))


def test_every_url_pattern_is_classified():
    unclassified = sorted(
        f"{key}  ({route})"
        for key, route in url_patterns()
        if key not in MATRIX and not _excluded(key, route)
    )
    assert not unclassified, (
        "These URL patterns are not in the access matrix. Add each to MATRIX in "
        "tests/security/test_access_matrix.py (or to EXCLUDED with a reason):\n  "
        + "\n  ".join(unclassified)
    )


def test_matrix_has_no_stale_entries():
    keys = {key for key, _route in url_patterns()}
    assert not sorted(set(MATRIX) - keys - OPTIONAL)


# Running a case -----------------------------------------------------------------------------


def _request(key: str, check: Check, world, place_name, role):
    place = world.places[place_name]
    user = world.users[role]
    client = Client()
    if user is not None:
        client.force_login(user)
    if check.url:
        url = check.url(world, place)
    else:
        url = reverse(key, kwargs=check.kwargs(world, place))
    data = check.data(world, place) if check.data else {}
    if check.method == "get":
        return url, client.get(url, data)
    if check.json:
        return url, client.post(url, data, content_type="application/json")
    return url, client.post(url, data)


def _cases():
    for key in MATRIX:
        for place in PLACES:
            yield pytest.param(key, place, id=f"{key}-{place}")


@pytest.mark.parametrize(("key", "place"), list(_cases()))
def test_access_matrix(key, place, db):
    if key in OPTIONAL and key not in {k for k, _route in url_patterns()}:
        pytest.skip(f"{key} is not routed in this configuration")
    world = build_world()
    checks = MATRIX[key] if isinstance(MATRIX[key], tuple) else (MATRIX[key],)
    failures = []
    for check in checks:
        for role in ROLES:
            expected = check.expect[place][role]
            url, response = _request(key, check, world, place, role)
            label = f"{check.method.upper()} {url} as {role} ({place} room)"
            if expected == LOGIN:
                if response.status_code != 302 or not response["Location"].startswith(
                    reverse("login")
                ):
                    failures.append(
                        f"{label}: expected redirect to login, got "
                        f"{response.status_code} {response.get('Location', '')}"
                    )
            elif response.status_code != expected:
                failures.append(f"{label}: expected {expected}, got {response.status_code}")
            if role != "member":
                body = (
                    b"".join(response.streaming_content) if response.streaming else response.content
                )
                text = body.decode("utf-8", "replace")
                leaked = [s for s in SECRETS if s in text]
                if leaked:
                    failures.append(f"{label}: leaked {leaked}")
    assert not failures, "\n".join(failures)
