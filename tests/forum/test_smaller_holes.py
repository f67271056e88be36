"""Issue 15's smaller holes in the forum: CSV formulas, moves across an access boundary,
escalation answers in a locked thread. Each change is read back from its log."""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from forum.models import Escalation, ModerationAction, ModerationLogEntry, Notification, Thread
from forum.services import post_reply, thread_start
from forum.services.escalation import escalation_answer, escalation_create
from forum.services.moderation import AccessChangeNotConfirmed, thread_move
from tests.forum.factories import TopicFactory, add_member
from tests.people.factories import UserFactory

FORMULA = '=HYPERLINK("http://example.invalid/x","Kari")'


# CSV ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_start_like_a_formula_are_prefixed_with_a_quote(start):
    from fagrom.spreadsheet import csv_row

    assert csv_row([f"{start}1+1", "Kari", 3, -2, None]) == [f"'{start}1+1", "Kari", 3, -2, ""]


def test_statistics_csv_escapes_a_formula_name(client, topic, moderator, department):
    asker = UserFactory(username="asker", full_name="Anne Spør", unit=department)
    evil = UserFactory(username="evil", full_name=FORMULA, unit=department)
    thread = thread_start(
        topic=topic, author=asker, title="Spørsmål", body="?", kind=Thread.Kind.QUESTION
    )
    post_reply(thread=thread, author=evil, body="Svar")
    client.force_login(moderator)
    response = client.get(
        reverse("forum:topic_statistics", args=[topic.room.slug, topic.slug]),
        {"csv": "contributors"},
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@"))]
    assert any(c.startswith("'" + FORMULA) for c in cells)

    out = io.StringIO()
    call_command("forum_statistics", "--format", "csv", "--table", "contributors", stdout=out)
    assert "'" + FORMULA[:10] in out.getvalue().replace('""', '"')
    assert "\n" + FORMULA[:10] not in out.getvalue()


# Moving a thread across an access boundary ----------------------------------------------------


@pytest.fixture
def closed_world(closed_room, closed_topic, moderator, department, case_worker):
    add_member(closed_room, "moderator", user=moderator)
    add_member(closed_room, "member", unit=department, include_subunits=False)
    closed_topic.moderators.add(moderator)
    thread = thread_start(topic=closed_topic, author=moderator, title="Intern plan", body="Tekst")
    return thread


def test_moving_a_closed_room_thread_to_an_open_topic_needs_confirmation(
    client, closed_world, topic, moderator
):
    thread = closed_world
    client.force_login(moderator)
    url = reverse("forum:thread_moderate", args=[thread.pk])
    response = client.post(
        url, {"action": "move", "to_topic": topic.pk, "reason": "Hører hjemme der"}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Får tilgang:" in page and "Alle ansatte" in page
    assert "Bekreft flyttingen" in page
    thread.refresh_from_db()
    assert thread.topic_id != topic.pk  # nothing moved yet
    assert not ModerationLogEntry.objects.filter(action=ModerationAction.MOVE).exists()

    response = client.post(
        url,
        {
            "action": "move",
            "to_topic": topic.pk,
            "reason": "Hører hjemme der",
            "confirm_access_change": "1",
        },
    )
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.topic_id == topic.pk
    entry = ModerationLogEntry.objects.filter(action=ModerationAction.MOVE, topic=topic).get()
    assert entry.actor == moderator and entry.reason == "Hører hjemme der"
    assert entry.details["access_gained"] == ["Alle ansatte"]
    assert entry.details["from_room"] == "Prosjekt Ugle"


def test_moving_between_closed_rooms_names_who_gains_and_who_loses(
    closed_world, moderator, department, agency
):
    from tests.forum.factories import RoomFactory

    other = RoomFactory(name="Prosjekt Rev", slug="rev", kind="closed")
    add_member(other, "moderator", user=moderator)
    add_member(other, "member", unit=agency)
    other_topic = TopicFactory(room=other, name="Rev", slug="rev")
    other_topic.moderators.add(moderator)
    moderator.forget_request_memos()  # the new room's grants, as on the next request
    with pytest.raises(AccessChangeNotConfirmed) as raised:
        thread_move(thread=closed_world, to_topic=other_topic, by=moderator)
    change = raised.value.change
    assert change.gains == ["NAV med underenheter"]
    assert change.loses == ["NAV Sandnes"]
    thread_move(thread=closed_world, to_topic=other_topic, by=moderator, confirm_access_change=True)
    entry = ModerationLogEntry.objects.get(action=ModerationAction.MOVE, topic=other_topic)
    assert entry.details["access_lost"] == ["NAV Sandnes"]


def test_a_move_inside_one_room_needs_no_confirmation(moderator, topic, case_worker):
    other = TopicFactory(room=topic.room, name="Sykepenger", slug="syk")
    other.moderators.add(moderator)
    thread = thread_start(topic=topic, author=case_worker, title="T", body="x")
    thread_move(thread=thread, to_topic=other, by=moderator)
    thread.refresh_from_db()
    assert thread.topic == other


# Escalation answers are never lost ------------------------------------------------------------


@pytest.fixture
def locked_escalation(topic, moderator, case_worker, agency):
    from forum.services.moderation import thread_set_flags

    thread = thread_start(topic=topic, author=case_worker, title="Uklar regel", body="?")
    escalation = escalation_create(thread=thread, by=moderator, note="Svar oss", to_unit=agency)
    thread_set_flags(thread=thread, by=moderator, locked=True)
    return escalation


def test_an_answer_into_a_locked_thread_is_kept_on_the_escalation_and_shown(
    client, locked_escalation, administrator, moderator
):
    expert = UserFactory(
        username="ekspert", full_name="Eva Ekspert", unit=locked_escalation.to_unit
    )
    client.force_login(expert)
    url = reverse("forum:escalation", args=[locked_escalation.pk])
    response = client.post(url, {"body": "Regelen betyr dette."})
    assert response.status_code == 302 and response["Location"] == url
    escalation = Escalation.objects.get(pk=locked_escalation.pk)
    assert escalation.state == Escalation.State.ANSWERED
    assert escalation.answer_post is None
    assert escalation.answer_body == "Regelen betyr dette." and escalation.answered_by == expert
    assert escalation.thread.post_count == 1  # nothing was forced into the locked thread
    page = client.get(url).content.decode()
    assert "Regelen betyr dette." in page and "Tråden var låst" in page
    # The moderator who raised it is told, and the log has it.
    assert Notification.objects.filter(user=moderator, kind=Notification.Kind.ESCALATION).exists()
    entry = ModerationLogEntry.objects.filter(details__answered=True).get()
    assert entry.actor == expert and entry.details["in_thread"] is False


def test_a_moderator_answers_into_a_locked_thread(locked_escalation, moderator, topic):
    second = UserFactory(
        username="mod2", full_name="Mona Moderator", unit=locked_escalation.to_unit
    )
    topic.moderators.add(second)
    post = escalation_answer(escalation=locked_escalation, by=second, body="Svar i tråden")
    assert post is not None and post.thread_id == locked_escalation.thread_id
    escalation = Escalation.objects.get(pk=locked_escalation.pk)
    assert escalation.answer_post == post and escalation.answer_body == ""
    assert escalation.answered_at <= timezone.now()


# Statistics count no removed answer -----------------------------------------------------------


def test_a_removed_answer_does_not_count_in_the_contributors_table(topic, case_worker, colleague):
    from forum import statistics
    from forum.models import Post

    thread = thread_start(
        topic=topic, author=case_worker, title="Spørsmål", body="?", kind=Thread.Kind.QUESTION
    )
    post_reply(thread=thread, author=colleague, body="Svar")
    removed = post_reply(thread=thread, author=colleague, body="Personopplysninger")
    Post.objects.filter(pk=removed.pk).update(is_hidden=True, hidden_reason="Feil")
    today = timezone.localdate()
    report = statistics.report(statistics.scope_for(case_worker), statistics.Period(today, today))
    assert report.contributors.rows == [["Jonas Berg · NAV Sandnes", 1, 1, 0, 0]]
