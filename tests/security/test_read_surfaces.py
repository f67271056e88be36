"""Removed is removed: every surface that can show a post's text, and what each shows.

A reply carrying a unique marker (in its text, its earlier revision and its attachment's
name) is removed by the topic's moderator. Then every read surface is asked as

* ``reader``    – Kari, who asked the question, follows the thread and gets its
                  notifications and digests, but moderates nothing;
* ``moderator`` – Ola, the topic's moderator.

The marker must never reach the reader; it reaches the moderator exactly where
``Surface.moderator`` says (the thread page, the post's history, the API...; not
search, which dropped the text for everyone).

**Adding a URL?** ``test_every_url_is_classified_as_a_read_surface`` fails until its
name is in ``SURFACES`` (it can show post text: say how to fetch it) or in
``NO_POST_TEXT`` (with the reason). **Adding a template that renders a post's text?**
``test_every_template_that_renders_post_text_is_a_surface`` fails until it is in
``TEMPLATES``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forum.models import ListeningSettings, Thread
from forum.services import post_edit, post_reply, thread_start
from forum.services.listening import digests_send, follow_ensure
from forum.services.moderation import post_hide
from tests.forum.files import PDF, upload
from tests.security.test_access_matrix import EXCLUDED, OPTIONAL, _excluded, url_patterns

MARKER = "Zorblax"  # in the text ("Zorblaxhemmelig"), the revision and the file name
# Search surfaces are asked for the word beside the marker: a page that echoes the query
# must not pass for one that found the text (the restore test shows the probe finds it).
PROBE = "Fnrkvitt"
REASON = "Personopplysninger om en bruker"


def build_world(case_worker, colleague, moderator, topic, capture):
    """Kari asks; Jonas answers with personal data (and a file), edits it; Ola removes it."""
    for person, choice in ((case_worker, "immediate"), (moderator, "daily")):
        ListeningSettings.objects.update_or_create(user=person, defaults={"email": choice})
    with capture(execute=True):
        thread = thread_start(
            topic=topic,
            author=case_worker,
            title="Karensdager ved permittering",
            body="Hvordan teller karensdagene?",
            kind=Thread.Kind.QUESTION,
        )
        follow_ensure(user=moderator, thread=thread)
    with capture(execute=True):
        reply = post_reply(
            thread=thread,
            author=colleague,
            body="@kari Brukeren Zorblaxutkast har fnr 010101",
            attachments=[upload("Zorblaxvedlegg.pdf", PDF)],
        )
    with capture(execute=True):
        post_edit(
            post=reply, by=colleague, body="@kari Brukeren Zorblaxhemmelig Fnrkvitt har fnr 010101"
        )
    with capture(execute=True):
        post_hide(post=reply, by=moderator, reason=REASON)
    reply.refresh_from_db()
    mail.outbox.clear()
    return SimpleNamespace(
        thread=thread,
        post=reply,
        topic=topic,
        attachment=reply.attachments.get(),
        people={"reader": case_worker, "moderator": moderator, "author": colleague},
    )


# How a surface is read ----------------------------------------------------------------------


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    headers = "\n".join(f"{k}: {v}" for k, v in response.headers.items())
    return headers + "\n" + body.decode("utf-8", "replace")


def get(url: Callable, data: Callable | None = None):
    """GET ``url(w)`` with ``data(w)`` as the person; the answer's headers and body."""

    def fetch(w, client, user):
        return _text(client.get(url(w), data(w) if data else {}))

    return fetch


def named(name, **kwargs):
    return lambda w: reverse(name, kwargs={k: v(w) for k, v in kwargs.items()})


@dataclass(frozen=True)
class Surface:
    fetch: Callable  # (world, logged-in client, user) -> everything the person was shown
    moderator: bool  # does the topic's moderator see the removed text here?


thread_id = lambda w: w.thread.pk  # noqa: E731
post_id = lambda w: w.post.pk  # noqa: E731
topic_kw = {"room_slug": lambda w: w.topic.room.slug, "topic_slug": lambda w: w.topic.slug}


def _notification_open(w, client, user):
    texts = [_text(client.get(reverse("forum:notifications")))]
    for n in user.notifications.all():
        texts.append(_text(client.get(reverse("forum:notification_open", args=[n.pk]))))
    return "\n".join(texts)


def _followed_feed(w, client, user):
    token = ListeningSettings.objects.get_or_create(user=user)[0].feed_token
    return _text(Client().get(reverse("forum:feed_followed", args=[token])))


SURFACES: dict[str, Surface | tuple[Surface, ...]] = {
    "home": Surface(get(named("home")), moderator=False),
    "forum:index": Surface(get(named("forum:index")), moderator=False),
    "forum:room": Surface(
        get(named("forum:room", room_slug=lambda w: w.topic.room.slug)), moderator=False
    ),
    "forum:topic": Surface(get(named("forum:topic", **topic_kw)), moderator=False),
    "forum:thread": (
        # Moderators (and the author) get the text behind "Vis den fjernede teksten".
        Surface(get(named("forum:thread", thread_id=thread_id)), moderator=True),
        # Quoting a removed post quotes nothing, for everyone.
        Surface(
            get(named("forum:thread", thread_id=thread_id), lambda w: {"quote": w.post.pk}),
            moderator=True,  # the page itself still holds the moderator's hidden-text block
        ),
    ),
    "forum:post": Surface(  # the permalink: a redirect to the thread page, no text of its own
        get(named("forum:post", post_id=post_id)), moderator=False
    ),
    "forum:post_history": Surface(get(named("forum:post_history", post_id=post_id)), True),
    "forum:post_edit": Surface(get(named("forum:post_edit", post_id=post_id)), moderator=False),
    "forum:post_restore": Surface(get(named("forum:post_restore", post_id=post_id)), True),
    "forum:post_hide": Surface(get(named("forum:post_hide", post_id=post_id)), True),
    "forum:post_flag": Surface(get(named("forum:post_flag", post_id=post_id)), moderator=True),
    "forum:attachment": Surface(  # the file and its name (Content-Disposition)
        get(named("forum:attachment", attachment_id=lambda w: w.attachment.pk)), moderator=True
    ),
    "forum:topic_feed": Surface(get(named("forum:topic_feed", **topic_kw)), moderator=False),
    "forum:feed_followed": Surface(_followed_feed, moderator=False),
    "forum:notifications": Surface(get(named("forum:notifications")), moderator=False),
    "forum:notification_open": Surface(_notification_open, moderator=False),
    "forum:bookmarks": Surface(get(named("forum:bookmarks")), moderator=False),
    "forum:removals": Surface(get(named("forum:removals")), moderator=False),
    "forum:queue": Surface(get(named("forum:queue")), moderator=False),
    "forum:flag_queue": Surface(get(named("forum:flag_queue")), moderator=False),
    "forum:moderation_log": Surface(get(named("forum:moderation_log")), moderator=False),
    "forum:thread_moderate": Surface(
        get(named("forum:thread_moderate", thread_id=thread_id)), moderator=False
    ),
    "forum:similar": Surface(
        get(named("forum:similar"), lambda w: {"title": PROBE + " karensdager"}),
        moderator=False,
    ),
    "forum:statistics": Surface(get(named("forum:statistics")), moderator=False),
    "forum:topic_statistics": (
        Surface(get(named("forum:topic_statistics", **topic_kw)), moderator=False),
        Surface(
            get(named("forum:topic_statistics", **topic_kw), lambda w: {"csv": "contributors"}),
            moderator=False,
        ),
    ),
    "forum:escalations": Surface(get(named("forum:escalations")), moderator=False),
    "forum:ideas": Surface(get(named("forum:ideas")), moderator=False),
    "people:profile": Surface(
        get(named("people:profile", username=lambda w: w.people["author"].username)),
        moderator=False,
    ),
    "handbook:proposal_new": Surface(
        get(named("handbook:proposal_new", thread_id=thread_id)), moderator=False
    ),
    # Search: the index dropped the removed text, so nobody finds it by its words.
    "search:results": Surface(
        get(named("search:results"), lambda w: {"q": PROBE}), moderator=False
    ),
    "search:suggest": Surface(
        get(named("search:suggest"), lambda w: {"q": PROBE}), moderator=False
    ),
    "api:search": Surface(get(named("api:search"), lambda w: {"q": PROBE}), moderator=False),
    "api:search_suggest": Surface(
        get(named("api:search_suggest"), lambda w: {"q": PROBE}), moderator=False
    ),
    # The API: ``is_hidden`` and the reason for everyone, text and files for moderators.
    "api:post_detail": Surface(get(named("api:post_detail", post_id=post_id)), moderator=True),
    "api:post_list": (
        Surface(get(named("api:post_list"), lambda w: {"thread": w.thread.pk}), moderator=True),
        Surface(get(named("api:post_list"), lambda w: {"topic": w.topic.pk}), moderator=True),
        Surface(get(named("api:post_list")), moderator=True),
    ),
    "api:thread_detail": Surface(
        get(named("api:thread_detail", thread_id=thread_id)), moderator=False
    ),
    "api:thread_list": Surface(get(named("api:thread_list")), moderator=False),
}


def _mail_now(w, client, user):
    """What the immediate e-mail and the daily digest would send (all recipients' mail)."""
    from forum.models import Notification
    from forum.services.listening import email_immediate_run

    email_immediate_run(list(Notification.objects.values_list("pk", flat=True)))
    digests_send(now=timezone.now())
    return "\n".join(f"{m.to} {m.subject}\n{m.body}" for m in mail.outbox)


def _search_documents(w, client, user):
    from forum.search import documents

    return "\n".join(d.body for d in documents(pks=[w.thread.pk]))


def _archive_pdf_html(w, client, user):
    from archive.rendering import thread_html

    return thread_html(Thread.objects.get(pk=w.thread.pk))


def _notification_rows(w, client, user):
    from forum.models import Notification

    return "\n".join(n.display_text for n in Notification.objects.all())


# Surfaces that are not a URL: e-mail, the search index, stored notifications, the archive.
OTHER_SURFACES: dict[str, Surface] = {
    "email:immediate_and_digest": Surface(_mail_now, moderator=False),
    "search:documents": Surface(_search_documents, moderator=False),
    "notifications:stored_text": Surface(_notification_rows, moderator=False),
    "archive:thread_pdf": Surface(_archive_pdf_html, moderator=False),
}

# Known gaps owned elsewhere: (surface -> reason). Strict xfail: fixing it flips the test.
PENDING: dict[str, str] = {}

NO_POST_TEXT = {
    "login": "the login form",
    "logout": "POST; redirects",
    "set_language": "POST; redirects",
    "accessibility_statement": "static text",
    "forum:reply": "POST; redirects to the thread (tested as forum:thread)",
    "forum:thread_new": "an empty form, and POST",
    "forum:topic_mark_read": "POST; redirects",
    "forum:room_members": "members and units, no posts",
    "forum:room_member_add": "POST",
    "forum:room_member_role": "POST",
    "forum:room_member_remove": "POST",
    "forum:room_audit": "membership log, no posts",
    "forum:post_verify": "POST; a removed post cannot be verified",
    "forum:answer_accept": "POST; redirects",
    "forum:post_useful": "POST; redirects",
    "forum:clarification_new": "clarification form: the thread's title only",
    "forum:moderator_note_new": "POST",
    "forum:escalation_new": "escalation form: the thread's title only",
    "forum:thread_follow": "POST",
    "forum:thread_bookmark": "POST",
    "forum:topic_clarifications": "clarifications, which are not posts and cannot be removed",
    "forum:topic_follow": "POST",
    "forum:flag_handle": "POST-only handling of a report; redirects",
    "forum:escalation": "an escalation's note and answer, never a post's text",
    "forum:rule_references": "law references and thread titles",
    "forum:rule_reference": "thread titles citing a reference",
    "forum:notifications_read_all": "POST",
    "forum:listening_settings": "the person's settings",
    "forum:people_lookup": "names and workplaces",
    "forum:idea_vote": "POST",
    "forum:idea_status": "idea status form: title and status",
    "forum:livechats": "live chats: questions to management, not posts",
    "forum:livechat_new": "form",
    "forum:livechat": "live chat questions, not posts",
    "forum:livechat_questions": "live chat questions, not posts",
    "forum:livechat_ask": "POST",
    "forum:livechat_control": "POST",
    "forum:livechat_vote": "POST",
    "forum:livechat_answer": "POST",
    "people:profile_edit": "the person's own settings",
    "people:identity_correction": "the person's own correction request",
    "people:api_tokens": "the person's keys",
    "people:api_token_revoke": "POST",
    "api:openapi-json": "the schema",
    "api:openapi-view": "the schema viewer",
    "api:api-root": "404",
    "api:room_list": "rooms",
    "api:room_detail": "a room",
    "api:topic_list": "topics",
    "api:topic_detail": "a topic",
    "api:thread_create": "POST",
    "api:post_create": "POST",
    "handbook:changelog": "handbook versions",
    "handbook:review": "handbook review dates",
    "handbook:page_changelog": "a page's versions",
    "handbook:version": "a handbook version",
    "handbook:diff": "a handbook diff (a proposal never carries a removed post: proposal_new)",
    "handbook:confirm": "POST",
    "handbook:confirmations": "read confirmations",
    "handbook:hearing_new": "hearing form",
    "handbook:proposal_decline": "POST",
    "handbook:hearing": "hearing comments, not posts",
    "handbook:hearing_respond": "POST",
    # The archive is the records engineer's (issue 15 item 4); its pages list nominations,
    # cases and entries by title, and serve the archived PDF (see archive:thread_pdf above).
    "archive:queue": "nominations: thread titles and reasons",
    "archive:nominate": "nomination form: the thread's title",
    "archive:hold_place": "POST",
    "archive:journal": "journaling form: titles and metadata",
    "archive:reject": "POST",
    "archive:cases": "case list",
    "archive:case": "a case's entries by title",
    "archive:case_close": "POST",
    "archive:entry": "an entry's metadata",
    "archive:document": "the archived PDF (see archive:thread_pdf)",
    "archive:rules": "retention rules",
    "archive:rule_deactivate": "POST",
    "archive:hold_lift": "POST",
    "archive:disposals": "disposal lists",
    "archive:disposal": "a disposal list: thread titles",
    "archive:log": "the archive's event log",
    "archive:access_request": "an access request: entry titles as the public journal shows them",
    "archive:access_request_new": "the access request form: public-journal titles",
    "archive:access_requests": "the access request queue: requesters and entry titles",
    "archive:case_reopen": "POST",
    "archive:case_retention": "a case's retention form: no posts",
    "archive:disposal_propose": "POST",
    "archive:public_entry": "one public-journal entry: its public fields, screened parts masked",
    "archive:retention_schedule": "the retention schedule: classes and periods",
    "archive:case_types": "case types: codes, titles and retention lines",
    "archive:case_type_assign": "POST",
    "archive:disposal_export": "a disposal list as CSV/XLSX: thread titles and case numbers",
    "forum:livechat_reject": "POST; redirects",
    "handbook:self_approval_refused": "a message page: no posts",
    "handbook:version_restore": "POST; makes a draft from a handbook version",
    "archive:public_journal": "the public journal: titles",
    "archive:public_journal_xml": "the public journal as XML: titles",
    "wagtaildocs_serve": "Wagtail documents, not posts",
    "wagtaildocs_authenticate_with_password": "Wagtail documents password form",
    "wagtailcore_authenticate_with_password": "Wagtail page password form",
    "wagtailcore_login": "Wagtail's login",
    "^media/(?P<path>.*)$": "development media server; attachments are not under it",
}

# Templates that render a post's text (``post.body``/``body_html``) and the surface that
# shows them. Clarifications (``c.body_html``) and hearing comments are not posts.
TEMPLATES = {
    "forum/includes/post_shared.html": "forum:thread",  # the cached per-post fragment
    "forum/post_history.html": "forum:post_history",
    "forum/moderation_form.html": "forum:post_restore",
    "archive/thread_pdf.html": "archive:thread_pdf",
}
POST_TEXT_RE = re.compile(r"\b(post|p|reply|answer|quoted?)\.body(_html)?\b|\bpost\.body_html")


# The tests ----------------------------------------------------------------------------------


def test_every_url_is_classified_as_a_read_surface():
    unclassified = sorted(
        f"{key}  ({route})"
        for key, route in url_patterns()
        if key not in SURFACES and key not in NO_POST_TEXT and not _excluded(key, route)
    )
    assert not unclassified, (
        "These URLs are not in the read-surface registry. Add each to SURFACES in "
        "tests/security/test_read_surfaces.py if it can show a post's text (or to "
        "NO_POST_TEXT with the reason):\n  " + "\n  ".join(unclassified)
    )
    keys = {key for key, _route in url_patterns()}
    assert not sorted((set(SURFACES) | set(NO_POST_TEXT)) - keys - OPTIONAL)
    assert set(EXCLUDED)  # the admin and the Wagtail catch-all are classified by the matrix


def test_every_template_that_renders_post_text_is_a_surface():
    found = set()
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in Path(folder).rglob("*.html"):
            if POST_TEXT_RE.search(path.read_text(encoding="utf-8")):
                found.add(path.relative_to(folder).as_posix())
    unknown = sorted(found - set(TEMPLATES))
    assert not unknown, (
        "These templates render a post's text but are not in TEMPLATES (and a surface in "
        "SURFACES or OTHER_SURFACES) in tests/security/test_read_surfaces.py:\n  "
        + "\n  ".join(unknown)
    )
    assert set(TEMPLATES.values()) <= set(SURFACES) | set(OTHER_SURFACES)


def _cases():
    for key, entry in {**SURFACES, **OTHER_SURFACES}.items():
        for i, surface in enumerate(entry if isinstance(entry, tuple) else (entry,)):
            for role in ("reader", "moderator"):
                marks = (
                    [pytest.mark.xfail(strict=True, reason=PENDING[key])] if key in PENDING else []
                )
                yield pytest.param(key, i, surface, role, id=f"{key}-{i}-{role}", marks=marks)


@pytest.mark.parametrize(("key", "i", "surface", "role"), list(_cases()))
def test_removed_post_text_reaches_only_the_moderator(
    key,
    i,
    surface,
    role,
    case_worker,
    colleague,
    moderator,
    topic,
    handbook,
    django_capture_on_commit_callbacks,
):
    # ``handbook``: the handbook exists, so handbook surfaces answer as in production.
    w = build_world(case_worker, colleague, moderator, topic, django_capture_on_commit_callbacks)
    user = w.people[role]
    client = Client()
    client.force_login(user)
    text = surface.fetch(w, client, user)
    shown = MARKER in text
    expected = surface.moderator if role == "moderator" else False
    assert shown == expected, (
        f"{key} [{i}] as {role}: the removed text was "
        f"{'shown' if shown else 'not shown'}, expected {'shown' if expected else 'not shown'}"
    )


def test_the_author_sees_the_text_with_the_reason_and_everyone_else_the_reason(
    case_worker, colleague, moderator, topic, outsider, django_capture_on_commit_callbacks
):
    w = build_world(case_worker, colleague, moderator, topic, django_capture_on_commit_callbacks)
    for person, sees in ((colleague, True), (case_worker, False), (outsider, False)):
        client = Client()
        client.force_login(person)
        page = client.get(w.thread.get_absolute_url()).content.decode()
        assert "Fjernet av moderator" in page and REASON in page
        assert (MARKER in page) is sees, person.username
        api = client.get(reverse("api:post_detail", args=[w.post.pk])).json()
        assert api["is_hidden"] is True and api["hidden_reason"] == REASON
        assert (MARKER in api["body"]) is sees
        assert bool(api["attachments"]) is sees


def test_search_drops_the_text_on_removal_and_regains_it_on_restore(
    client, case_worker, colleague, moderator, topic, django_capture_on_commit_callbacks
):
    from forum.search import documents
    from forum.services.moderation import post_restore

    w = build_world(case_worker, colleague, moderator, topic, django_capture_on_commit_callbacks)
    client.force_login(case_worker)
    assert MARKER not in "".join(d.body for d in documents(pks=[w.thread.pk]))
    assert MARKER not in client.get(reverse("search:results"), {"q": PROBE}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        post_restore(post=w.post, by=moderator, reason="Opplysningene er anonymisert")
    assert MARKER in "".join(d.body for d in documents(pks=[w.thread.pk]))
    assert MARKER in client.get(reverse("search:results"), {"q": PROBE}).content.decode()
    body = client.get(reverse("api:post_detail", args=[w.post.pk])).json()["body"]
    assert MARKER in body
