"""Nettprat: scheduling, questions and votes, live answers by polling, and the thread after."""

import datetime

from django.urls import reverse
from django.utils import timezone

from forum.models import LiveChat, LiveChatQuestion


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
