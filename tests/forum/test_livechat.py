"""Nettprat: scheduling, questions and votes, live answers by polling, and the thread after."""

import datetime

from django.urls import reverse
from django.utils import timezone

from forum.models import LiveChat, LiveChatQuestion, Notification


def _schedule(client, administrator, topic, host="ola"):
    client.force_login(administrator)
    return client.post(
        reverse("forum:livechat_new"),
        {
            "title": "Spør direktøren",
            "description": "Åpen prat om omstillingen.",
            "topic": topic.pk,
            "host": host,
            "starts_at": (timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        },
    )


def test_only_administrators_schedule(client, case_worker, topic):
    client.force_login(case_worker)
    assert client.get(reverse("forum:livechat_new")).status_code == 403


def test_unknown_host_is_a_clear_form_error(client, administrator, topic):
    response = _schedule(client, administrator, topic, host="finnesikke")
    assert response.status_code == 400
    assert "Fant ingen person med brukernavnet «finnesikke»." in response.content.decode()


def test_a_whole_chat_from_questions_to_read_only_thread(
    client, administrator, moderator, case_worker, colleague, topic, django_assert_max_num_queries
):
    assert _schedule(client, administrator, topic).status_code == 302
    chat = LiveChat.objects.get()
    assert chat.host == moderator and chat.state == "scheduled"
    # Questions and votes before it starts.
    client.force_login(case_worker)
    client.post(reverse("forum:livechat_ask", args=[chat.pk]), {"body": "Blir det nye kontorer?"})
    question = LiveChatQuestion.objects.get()
    client.force_login(colleague)
    client.post(reverse("forum:livechat_vote", args=[chat.pk, question.pk]))
    question.refresh_from_db()
    assert question.vote_count == 1
    # Only the host answers.
    answer_url = reverse("forum:livechat_answer", args=[chat.pk, question.pk])
    assert client.post(answer_url, {"answer": "Nei"}).status_code == 403
    client.force_login(moderator)
    client.post(reverse("forum:livechat_control", args=[chat.pk]), {"action": "start"})
    client.post(answer_url, {"answer": "Ja, i **Sandnes**."})
    # Everyone's page fetches the fragment by polling and sees the answer.
    client.force_login(case_worker)
    fragment_url = reverse("forum:livechat_questions", args=[chat.pk])
    with django_assert_max_num_queries(12):
        fragment = client.get(fragment_url)
    assert fragment.status_code == 200
    assert "<strong>Sandnes</strong>" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    page = client.get(chat.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 4s"' in page
    # The host ends it; it becomes a locked thread, and polling stops (286).
    client.force_login(moderator)
    response = client.post(reverse("forum:livechat_control", args=[chat.pk]), {"action": "end"})
    chat.refresh_from_db()
    assert chat.state == "ended" and chat.thread.is_locked
    assert response["Location"] == chat.thread.get_absolute_url()
    first = chat.thread.posts.get()
    assert "Blir det nye kontorer?" in first.body and "Sandnes" in first.body
    client.force_login(case_worker)
    assert client.get(fragment_url).status_code == 286
    response = client.post(reverse("forum:livechat_ask", args=[chat.pk]), {"body": "For sent?"})
    assert response.status_code == 403
    assert (
        client.post(reverse("forum:reply", args=[chat.thread.pk]), {"body": "x"}).status_code == 403
    )


def test_chats_in_closed_rooms_are_404_for_non_members(client, administrator, closed_room_world):
    room, topic, member, mod, outsider = closed_room_world
    chat = LiveChat.objects.create(
        topic=topic, title="Ugleprat", host=mod, starts_at=timezone.now(), created_by=mod
    )
    client.force_login(outsider)
    assert client.get(chat.get_absolute_url()).status_code == 404
    assert client.get(reverse("forum:livechat_questions", args=[chat.pk])).status_code == 404
    assert "Ugleprat" not in client.get(reverse("forum:livechats")).content.decode()
    client.force_login(member)
    assert client.get(chat.get_absolute_url()).status_code == 200


def _chat_with_question(topic, host, asker):
    chat = LiveChat.objects.create(
        topic=topic, title="Spør direktøren", host=host, starts_at=timezone.now(), created_by=host
    )
    question = LiveChatQuestion.objects.create(chat=chat, author=asker, body="Hvem får bonus?")
    return chat, question


def test_a_moderator_rejects_a_question_with_a_reason_only_the_asker_sees(
    client, administrator, moderator, case_worker, colleague, topic
):
    host = administrator
    chat, question = _chat_with_question(topic, host, case_worker)
    url = reverse("forum:livechat_reject", args=[chat.pk, question.pk])
    client.force_login(colleague)  # neither host nor moderator
    assert client.post(url, {"reason": "Nei"}).status_code == 403
    client.force_login(moderator)  # moderates the topic, is not the host
    client.post(url, {"reason": ""})
    question.refresh_from_db()
    assert question.rejected_at is None  # a reason is required
    assert "Avvis spørsmålet" in client.get(chat.get_absolute_url()).content.decode()
    client.post(url, {"reason": "Personalsaker tas ikke i åpen prat."})
    question.refresh_from_db()
    assert question.rejected_by == moderator and question.rejected_at

    client.force_login(case_worker)
    page = client.get(chat.get_absolute_url()).content.decode()
    assert "Dine avviste spørsmål" in page and "Personalsaker tas ikke i åpen prat." in page
    note = Notification.objects.get(user=case_worker, kind="livechat")
    assert "Personalsaker" in client.get(reverse("forum:notifications")).content.decode()
    assert note.url.endswith(f"#q-{question.pk}")

    client.force_login(colleague)
    fragment = client.get(reverse("forum:livechat_questions", args=[chat.pk])).content.decode()
    assert "Hvem får bonus?" not in fragment and "Personalsaker" not in fragment


def test_a_rejected_question_stays_out_of_the_transcript(client, administrator, case_worker, topic):
    chat, question = _chat_with_question(topic, administrator, case_worker)
    client.force_login(administrator)
    client.post(
        reverse("forum:livechat_reject", args=[chat.pk, question.pk]), {"reason": "Utenfor tema"}
    )
    client.post(reverse("forum:livechat_control", args=[chat.pk]), {"action": "end"})
    chat.refresh_from_db()
    assert "Hvem får bonus?" not in chat.thread.posts.get().body
    assert LiveChatQuestion.objects.filter(pk=question.pk).exists()  # kept, not deleted
