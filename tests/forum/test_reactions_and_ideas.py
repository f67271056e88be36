"""\"Nyttig\" reactions, and the suggestion box."""

from django.urls import reverse

from forum.models import IdeaVote, ModerationLogEntry, Notification, Reaction
from forum.services import thread_start
from forum.services.listening import fan_out_run
from tests.forum.factories import ThreadFactory

# Nyttig --------------------------------------------------------------------------------


def test_useful_is_one_per_person_and_toggles(client, case_worker, outsider, answer):
    url = reverse("forum:post_useful", args=[answer.pk])
    client.force_login(case_worker)
    client.post(url)
    client.post(url, HTTP_HX_REQUEST="true")  # second click takes it back
    answer.refresh_from_db()
    assert answer.useful_count == 0 and not Reaction.objects.exists()
    response = client.post(url, HTTP_HX_REQUEST="true")
    assert 'aria-pressed="true"' in response.content.decode()
    client.force_login(outsider)
    client.post(url)
    answer.refresh_from_db()
    assert answer.useful_count == 2
    page = client.get(answer.thread.get_absolute_url()).content.decode()
    assert "Nyttig" in page and "(2)" in page


def test_authors_cannot_mark_own_post_useful(client, colleague, answer):
    client.force_login(colleague)
    assert client.post(reverse("forum:post_useful", args=[answer.pk])).status_code == 403


def test_useful_on_closed_room_post_is_404_for_non_members(client, closed_room_world):
    room, topic, member, mod, outsider = closed_room_world
    thread = ThreadFactory(topic=topic, author=member)
    post = thread.posts.get()
    client.force_login(outsider)
    assert client.post(reverse("forum:post_useful", args=[post.pk])).status_code == 404


# Ideas ----------------------------------------------------------------------------------


def _idea(topic, author, title="Felles mal for vedtaksbrev"):
    return thread_start(topic=topic, author=author, title=title, body="Forslag", kind="idea")


def test_employees_vote_once_and_ideas_are_listed_by_votes(
    client, case_worker, colleague, outsider, topic
):
    popular = _idea(topic, case_worker, "Populært forslag")
    _idea(topic, case_worker, "Mindre populært forslag")
    for user in (colleague, outsider):
        client.force_login(user)
        client.post(reverse("forum:idea_vote", args=[popular.pk]))
    popular.refresh_from_db()
    assert popular.vote_count == 2 and IdeaVote.objects.count() == 2
    content = client.get(reverse("forum:ideas")).content.decode()
    assert content.index("Populært forslag") < content.index("Mindre populært forslag")
    client.post(reverse("forum:idea_vote", args=[popular.pk]))
    popular.refresh_from_db()
    assert popular.vote_count == 1


def test_moderator_sets_status_and_followers_are_told(
    client, moderator, case_worker, colleague, topic
):
    idea = _idea(topic, case_worker)
    client.force_login(moderator)
    url = reverse("forum:idea_status", args=[idea.pk])
    response = client.post(url, {"status": "rejected", "reason": ""})
    assert response.status_code == 400
    assert "Skriv hvorfor forslaget avslås." in response.content.decode()
    response = client.post(url, {"status": "accepted", "reason": "Tas inn i neste versjon"})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.idea_status == "accepted"
    assert ModerationLogEntry.objects.filter(action="idea_status", thread=idea).exists()
    # The background task (immediate in tests, after commit) tells the followers.
    fan_out_run(thread_id=idea.pk, kind="idea_status", text="Status", actor_id=moderator.pk)
    assert Notification.objects.filter(user=case_worker, kind="idea_status").exists()
    content = client.get(reverse("forum:ideas") + "?status=accepted").content.decode()
    assert "Felles mal for vedtaksbrev" in content


def test_case_worker_cannot_set_idea_status(client, case_worker, topic):
    idea = _idea(topic, case_worker)
    client.force_login(case_worker)
    response = client.post(
        reverse("forum:idea_status", args=[idea.pk]), {"status": "realised", "reason": ""}
    )
    assert response.status_code == 403


def test_closed_room_ideas_are_not_listed_for_non_members(client, closed_room_world):
    room, topic, member, mod, outsider = closed_room_world
    _idea(topic, member, "Hemmelig forslag")
    client.force_login(outsider)
    assert "Hemmelig forslag" not in client.get(reverse("forum:ideas")).content.decode()
    client.force_login(member)
    assert "Hemmelig forslag" in client.get(reverse("forum:ideas")).content.decode()
