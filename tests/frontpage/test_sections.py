"""Front-page sections for everyone: each shows only what the person may see now."""

import datetime

from django.utils import timezone

from forum.models import Follow
from forum.services import room_member_remove
from forum.services.ideas import idea_set_status
from forum.services.listening import notify
from forum.services.moderation import clarification_create
from tests.forum.factories import PostFactory, ThreadFactory, add_member
from tests.frontpage.helpers import home, panel
from tests.handbook.factories import handbook_page


def test_unread_notifications_show_and_drop_when_the_room_is_closed_to_me(
    client, topic, closed_topic, case_worker, colleague
):
    membership = add_member(closed_topic.room, "member", user=case_worker)
    open_thread = ThreadFactory(topic=topic, author=colleague, title="Åpen")
    closed_thread = ThreadFactory(topic=closed_topic, author=colleague, title="Lukket")
    notify(users=[case_worker], kind="reply", message="Svar i åpen tråd", thread=open_thread)
    notify(users=[case_worker], kind="reply", message="Svar i lukket tråd", thread=closed_thread)
    (read,) = notify(users=[case_worker], kind="reply", message="Allerede lest", thread=open_thread)
    read.read_at = timezone.now()
    read.save()
    section = panel(home(client, case_worker), "notifications")
    assert "Svar i åpen tråd" in section and "Svar i lukket tråd" in section
    assert "Allerede lest" not in section
    room_member_remove(membership=membership, by=None)
    section = panel(home(client, case_worker), "notifications")
    assert "Svar i åpen tråd" in section and "Svar i lukket tråd" not in section


def test_followed_section_lists_threads_of_followed_topics_and_threads_i_may_see(
    client, topic, closed_topic, case_worker, colleague
):
    from tests.forum.factories import TopicFactory

    other = TopicFactory(room=topic.room, name="Sykepenger", slug="sykepenger")
    ThreadFactory(topic=topic, author=colleague, title="I fulgt tema")
    single = ThreadFactory(topic=other, author=colleague, title="Fulgt tråd")
    ThreadFactory(topic=other, author=colleague, title="Ikke fulgt")
    hidden = ThreadFactory(topic=closed_topic, author=colleague, title="Lukket fulgt")
    Follow.objects.create(user=case_worker, topic=topic)
    Follow.objects.create(user=case_worker, thread=single)
    Follow.objects.create(user=case_worker, thread=hidden)  # followed before losing access
    section = panel(home(client, case_worker), "followed")
    assert "I fulgt tema" in section and "Fulgt tråd" in section
    assert "Ikke fulgt" not in section and "Lukket fulgt" not in section


def test_new_clarifications_in_topics_i_follow_but_not_in_rooms_i_cannot_see(
    client, topic, closed_topic, case_worker, moderator, colleague
):
    add_member(closed_topic.room, "moderator", user=moderator)
    Follow.objects.create(user=case_worker, topic=topic)
    Follow.objects.create(user=case_worker, topic=closed_topic)
    today = datetime.date.today()
    thread = ThreadFactory(topic=topic, author=colleague)
    secret = ThreadFactory(topic=closed_topic, author=moderator)
    clarification_create(
        thread=thread, by=moderator, title="Slik teller vi", body="x", valid_from=today
    )
    clarification_create(
        thread=secret, by=moderator, title="Hemmelig presisering", body="x", valid_from=today
    )
    section = panel(home(client, case_worker), "clarifications")
    assert "Slik teller vi" in section and "Hemmelig presisering" not in section
    # Someone who neither follows nor moderates the topic gets the empty text.
    assert "Slik teller vi" not in panel(home(client, colleague), "clarifications")


def test_ideas_that_changed_status_show_where_i_have_access(
    client, topic, closed_topic, case_worker, moderator, colleague
):
    add_member(closed_topic.room, "moderator", user=moderator)
    idea = ThreadFactory(topic=topic, author=colleague, kind="idea", title="Bedre maler")
    secret = ThreadFactory(topic=closed_topic, author=moderator, kind="idea", title="Hemmelig idé")
    idea_set_status(thread=idea, by=moderator, status="accepted")
    idea_set_status(thread=secret, by=moderator, status="assessing")
    section = panel(home(client, case_worker), "ideas")
    assert "Bedre maler" in section and "Vedtatt" in section
    assert "Hemmelig idé" not in section


def test_handbook_changes_and_unconfirmed_required_reading(
    client, routines, handbook_editor, page_owner, department, case_worker, outsider
):
    required = handbook_page(
        routines,
        title="Taushetsplikt",
        owner=page_owner,
        publish_by=handbook_editor,
        units=[department],
    )
    html = home(client, case_worker)
    assert "Taushetsplikt" in panel(html, "handbook-changes")
    assert "Taushetsplikt" in panel(html, "required-reading")
    # Someone outside the required units is not asked to confirm.
    assert "Taushetsplikt" not in panel(home(client, outsider), "required-reading")
    from handbook.services import reading_confirm

    reading_confirm(page=required, user=case_worker)
    assert "Taushetsplikt" not in panel(home(client, case_worker), "required-reading")


def test_answers_and_feed_paginate_within_sections(client, topic, case_worker, colleague):
    question = ThreadFactory(topic=topic, author=case_worker, kind="question", title="Mitt")
    PostFactory(thread=question, author=colleague)
    html = home(client, case_worker)
    assert "Mitt" in panel(html, "answers")
    order = [html.index(f'id="panel-{key}"') for key in ("notifications", "answers", "followed")]
    assert order == sorted(order)
