"""The guidance service: status, accepted answers, the queue, response targets and
reminders, similar questions while typing, and structured rule references."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from forum.models import Notification, QuestionReminder, RuleReference
from forum.services import guidance, post_edit, post_reply, thread_start
from forum.services.moderation import clarification_create
from tests.forum.factories import ThreadFactory
from tests.people.factories import UserFactory

# Status and accepted answers ------------------------------------------------------------------


def test_question_is_open_until_someone_else_answers(topic, case_worker, colleague):
    thread = thread_start(topic=topic, author=case_worker, title="Q", body="?", kind="question")
    assert thread.status == "open"
    post_reply(thread=thread, author=case_worker, body="Tillegg fra meg")
    thread.refresh_from_db()
    assert thread.status == "open"
    post_reply(thread=thread, author=colleague, body="Svar")
    thread.refresh_from_db()
    assert thread.status == "answered"


def test_asker_accepts_an_answer(client, case_worker, question, answer):
    client.force_login(case_worker)
    response = client.post(reverse("forum:answer_accept", args=[answer.pk]))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.accepted_answer == answer and question.status == "answered"
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Godtatt svar" in page
    assert Notification.objects.filter(user=answer.author, kind="accepted").exists()


def test_moderator_accepts_an_answer(client, moderator, question, answer):
    client.force_login(moderator)
    assert client.post(reverse("forum:answer_accept", args=[answer.pk])).status_code == 302
    question.refresh_from_db()
    assert question.accepted_answer == answer


def test_others_cannot_accept_an_answer(client, colleague, outsider, question, answer):
    for user in (colleague, outsider):
        client.force_login(user)
        assert client.post(reverse("forum:answer_accept", args=[answer.pk])).status_code == 403
    question.refresh_from_db()
    assert question.accepted_answer is None


def test_accepting_the_question_itself_is_refused_with_a_message(client, case_worker, question):
    client.force_login(case_worker)
    first = question.posts.get(position=1)
    response = client.post(reverse("forum:answer_accept", args=[first.pk]), follow=True)
    assert "Velg et synlig svar i denne tråden." in response.content.decode()


# The queue ------------------------------------------------------------------------------------


def test_queue_lists_unanswered_questions_oldest_first_with_age(
    client, moderator, topic, case_worker
):
    now = timezone.now()
    old = ThreadFactory(
        topic=topic,
        kind="question",
        title="Eldste spørsmål",
        created_at=now - datetime.timedelta(days=9),
    )
    new = ThreadFactory(topic=topic, kind="question", title="Nyeste spørsmål", created_at=now)
    ThreadFactory(topic=topic, kind="question", title="Besvart", status="answered")
    ThreadFactory(topic=topic, kind="discussion", title="Bare prat")
    client.force_login(moderator)
    content = client.get(reverse("forum:queue")).content.decode()
    unanswered = content.split("Besvart, ikke kvalitetssikret")[0]
    assert unanswered.index(old.title) < unanswered.index(new.title)
    assert "Bare prat" not in content
    assert "Over fristen" in unanswered  # 9 days > 2 working days
    assert "1\xa0uke" in content or "1 uke" in content


def test_queue_is_only_for_moderators(client, case_worker):
    client.force_login(case_worker)
    assert client.get(reverse("forum:queue")).status_code == 403


def test_queue_leaves_out_other_topics_and_invisible_closed_rooms(
    client, moderator, sykepenger, closed_room_world
):
    room, closed_topic, member, mod, outsider = closed_room_world
    ThreadFactory(topic=sykepenger, kind="question", title="Sykepengespørsmål")
    ThreadFactory(topic=closed_topic, kind="question", title="Uglespørsmål")
    client.force_login(moderator)
    content = client.get(reverse("forum:queue")).content.decode()
    assert "Sykepengespørsmål" not in content and "Uglespørsmål" not in content
    client.force_login(mod)
    assert "Uglespørsmål" in client.get(reverse("forum:queue")).content.decode()


def test_menu_shows_queue_count_to_moderators_only(client, moderator, case_worker, question, topic):
    ThreadFactory(topic=topic, kind="question")
    client.force_login(moderator)
    assert "Moderatorkø" in client.get(reverse("forum:index")).content.decode()
    client.force_login(case_worker)
    assert "Moderatorkø" not in client.get(reverse("forum:index")).content.decode()


# Response targets and reminders -------------------------------------------------------------------


def test_working_days_skip_weekends():
    friday = datetime.datetime(2026, 1, 2, 12, tzinfo=datetime.UTC)  # a Friday
    assert guidance.add_working_days(friday, 2) == friday + datetime.timedelta(days=4)


def test_reminders_go_to_moderators_then_to_the_topic_owner(topic, moderator, department):
    owner = UserFactory(username="eier", full_name="Eva Eier", unit=department)
    topic.owner = owner
    topic.response_target_days = 2
    topic.save()
    monday = datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC)
    thread = ThreadFactory(topic=topic, kind="question", created_at=monday)
    # Within the target: nothing.
    assert guidance.questions_remind_overdue(now=monday + datetime.timedelta(days=1)) == 0
    # Past two working days: the moderators, once.
    later = monday + datetime.timedelta(days=3)
    assert guidance.questions_remind_overdue(now=later) == 1
    assert guidance.questions_remind_overdue(now=later) == 0
    assert Notification.objects.filter(user=moderator, kind="reminder", thread=thread).exists()
    assert not Notification.objects.filter(user=owner).exists()
    # Past twice the target: the owner.
    assert guidance.questions_remind_overdue(now=monday + datetime.timedelta(days=7)) == 1
    assert Notification.objects.filter(user=owner, kind="reminder", thread=thread).exists()
    assert set(QuestionReminder.objects.values_list("stage", flat=True)) == {"moderators", "owner"}


def test_answered_questions_are_not_reminded(topic, moderator):
    ThreadFactory(
        topic=topic,
        kind="question",
        status="answered",
        created_at=timezone.now() - datetime.timedelta(days=30),
    )
    assert guidance.questions_remind_overdue() == 0


def test_remind_command_runs_the_task(topic, moderator):
    ThreadFactory(
        topic=topic, kind="question", created_at=timezone.now() - datetime.timedelta(days=30)
    )
    call_command("remind_overdue_questions")  # immediate backend in tests
    assert Notification.objects.filter(user=moderator, kind="reminder").exists()


def test_remind_command_now_runs_in_process_and_says_how_many(topic, moderator):
    ThreadFactory(
        topic=topic, kind="question", created_at=timezone.now() - datetime.timedelta(days=30)
    )
    out = io.StringIO()
    call_command("remind_overdue_questions", "--now", stdout=out)
    assert out.getvalue().strip() == "1 reminders sent"
    assert Notification.objects.filter(user=moderator, kind="reminder").exists()


# Similar questions while typing -------------------------------------------------------------------


def test_similar_questions_and_clarifications_are_suggested(
    client, case_worker, moderator, question
):
    clarification_create(
        thread=question,
        by=moderator,
        title="Karensdager ved sykdom under permittering",
        body="...",
        valid_from=datetime.date(2026, 1, 1),
    )
    client.force_login(case_worker)
    response = client.get(reverse("forum:similar"), {"title": "karensdager permittering"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Karensdager ved permittering" in content
    assert "Karensdager ved sykdom under permittering" in content


def test_similar_suggestions_leave_out_closed_rooms(client, case_worker, closed_room_world):
    room, topic, member, mod, outsider = closed_room_world
    ThreadFactory(topic=topic, kind="question", title="Hemmelig karensspørsmål")
    client.force_login(case_worker)
    content = client.get(reverse("forum:similar"), {"title": "karensspørsmål"}).content.decode()
    assert "Hemmelig" not in content
    client.force_login(member)
    content = client.get(reverse("forum:similar"), {"title": "karensspørsmål"}).content.decode()
    assert "Hemmelig" in content


def test_new_thread_page_asks_for_suggestions(client, case_worker, topic):
    client.force_login(case_worker)
    content = client.get(
        reverse("forum:thread_new", args=[topic.room.slug, topic.slug]) + "?kind=question"
    ).content.decode()
    assert reverse("forum:similar") in content


# Rule references -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ftrl. § 4-3", [("ftrl", "4-3", "folketrygdloven § 4-3")]),
        ("jf. forvaltningsloven § 17", [("fvl", "17", "forvaltningsloven § 17")]),
        ("Folketrygdloven §4-3 og ftrl § 4-3", [("ftrl", "4-3", "folketrygdloven § 4-3")]),
        (
            "offl. § 14 og fvl. § 11 a",
            [("offl", "14", "offentleglova § 14"), ("fvl", "11a", "forvaltningsloven § 11a")],
        ),
        ("barnehageloven § 2", [("barnehageloven", "2", "barnehageloven § 2")]),
        ("Hei § 4 og 100 § 3", []),
    ],
)
def test_rule_references_are_parsed(text, expected):
    assert guidance.rule_references_parse(text) == expected


def test_posts_cite_rules_and_references_are_listed_and_searchable(
    client, case_worker, question, answer
):
    assert set(RuleReference.objects.values_list("label", flat=True)) == {
        "folketrygdloven § 4-3",
        "forvaltningsloven § 17",
    }
    client.force_login(case_worker)
    listing = client.get(reverse("forum:rule_references")).content.decode()
    assert "folketrygdloven § 4-3" in listing
    found = client.get(reverse("forum:rule_references"), {"q": "ftrl. § 4-3"}).content.decode()
    assert "folketrygdloven § 4-3" in found and "forvaltningsloven § 17" not in found
    found = client.get(
        reverse("forum:rule_references"), {"q": "forvaltningsloven"}
    ).content.decode()
    assert "forvaltningsloven § 17" in found and "folketrygdloven" not in found
    ref = RuleReference.objects.get(law="ftrl", section="4-3")
    page = client.get(ref.get_absolute_url()).content.decode()
    assert question.title in page


def test_editing_a_post_updates_its_citations(answer):
    post_edit(post=answer, by=answer.author, body="Se heller navl. § 14")
    assert list(answer.rule_citations.values_list("reference__label", flat=True)) == [
        "NAV-loven § 14"
    ]


def test_rule_references_in_closed_rooms_stay_hidden(client, case_worker, closed_room_world):
    room, topic, member, mod, outsider = closed_room_world
    thread_start(topic=topic, author=member, title="Ugle", body="Se sotjl. § 18", kind="question")
    client.force_login(case_worker)
    assert (
        "sosialtjenesteloven" not in client.get(reverse("forum:rule_references")).content.decode()
    )
    ref = RuleReference.objects.get(law="sotjl")
    assert "Ugle" not in client.get(ref.get_absolute_url()).content.decode()
    client.force_login(member)
    assert "sosialtjenesteloven" in client.get(reverse("forum:rule_references")).content.decode()


def test_repair_guidance_derives_status_and_citations(topic, case_worker, colleague):
    from tests.forum.factories import PostFactory

    thread = ThreadFactory(topic=topic, kind="question", author=case_worker)
    PostFactory(thread=thread, author=colleague, body="Se ftrl. § 4-3")
    lonely = ThreadFactory(topic=topic, kind="question", author=case_worker)
    call_command("repair_guidance")
    thread.refresh_from_db()
    lonely.refresh_from_db()
    assert (thread.status, lonely.status) == ("answered", "open")
    assert RuleReference.objects.filter(law="ftrl", section="4-3").exists()
