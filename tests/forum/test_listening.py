"""Listening: follows, fan-out in a background task, @-mentions, the notification list,
e-mail (immediate and daily digest), Atom feeds with personal tokens, bookmarks."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks import default_task_backend
from guardian.shortcuts import remove_perm

from forum.models import Bookmark, Follow, ListeningSettings, Notification
from forum.services import listening, post_reply, thread_start
from forum.tasks import fan_out
from tests.forum.factories import ThreadFactory
from tests.people.factories import OrgUnitFactory, UserFactory

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _followers(n, *, topic):
    unit = OrgUnitFactory()
    users = [UserFactory(unit=unit) for _ in range(n)]
    Follow.objects.bulk_create([Follow(user=u, topic=topic) for u in users])
    return users


# Following ------------------------------------------------------------------------------


def test_follow_and_unfollow_a_thread_and_a_topic(client, case_worker, topic):
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    client.post(reverse("forum:thread_follow", args=[thread.pk]))
    assert Follow.objects.filter(user=case_worker, thread=thread).exists()
    client.post(reverse("forum:thread_follow", args=[thread.pk]))
    assert not Follow.objects.filter(user=case_worker, thread=thread).exists()
    client.post(reverse("forum:topic_follow", args=[topic.room.slug, topic.slug]))
    assert Follow.objects.filter(user=case_worker, topic=topic).exists()


def test_follow_button_answers_htmx_with_a_fragment(client, case_worker, topic):
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    response = client.post(reverse("forum:thread_follow", args=[thread.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert 'aria-pressed="true"' in response.content.decode()


def test_cannot_follow_a_closed_room_thread_without_access(client, closed_room_world):
    room, topic, member, mod, outsider = closed_room_world
    thread = ThreadFactory(topic=topic, author=member)
    client.force_login(outsider)
    assert client.post(reverse("forum:thread_follow", args=[thread.pk])).status_code == 404
    assert not Follow.objects.exists()


def test_authors_follow_their_threads(case_worker, topic):
    thread = thread_start(topic=topic, author=case_worker, title="T", body="B")
    assert Follow.objects.filter(user=case_worker, thread=thread).exists()


# Fan-out ----------------------------------------------------------------------------------


@pytest.mark.parametrize("n_followers", [3, 300])
def test_reply_request_issues_bounded_queries_and_the_task_notifies_every_follower(
    client,
    settings,
    case_worker,
    colleague,
    topic,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
    n_followers,
):
    settings.TASKS = DUMMY_TASKS
    thread = thread_start(topic=topic, author=colleague, title="Permittering", body="Spørsmål")
    followers = _followers(n_followers, topic=topic)
    default_task_backend.clear()
    client.force_login(case_worker)
    url = reverse("forum:reply", args=[thread.pk])
    with django_capture_on_commit_callbacks(execute=True):
        with django_assert_max_num_queries(25):
            response = client.post(url, {"body": "Svar til alle"})
    assert response.status_code == 302
    # Nothing was inserted per follower in the request: the task was only enqueued.
    assert Notification.objects.count() == 0
    [result] = [r for r in default_task_backend.results if r.task.name == "fan_out"]
    fan_out.call(*result.args, **result.kwargs)
    notified = set(Notification.objects.filter(kind="reply").values_list("user_id", flat=True))
    assert notified == {u.pk for u in followers} | {colleague.pk}
    assert case_worker.pk not in notified  # not the person who wrote


def test_fan_out_inserts_in_batches(settings, topic, colleague, django_assert_max_num_queries):
    settings.TASKS = DUMMY_TASKS
    thread = thread_start(topic=topic, author=colleague, title="T", body="B")
    _followers(250, topic=topic)
    listening_batch = listening.BATCH_SIZE
    listening.BATCH_SIZE = 100
    try:
        with django_assert_max_num_queries(20):
            created = listening.fan_out_run(
                thread_id=thread.pk, kind="reply", text="Nytt", actor_id=colleague.pk
            )
    finally:
        listening.BATCH_SIZE = listening_batch
    assert created == 250


def test_closed_room_followers_without_access_are_not_notified(closed_room_world):
    room, topic, member, mod, outsider = closed_room_world
    thread = ThreadFactory(topic=topic, author=mod)
    Follow.objects.create(user=member, topic=topic)
    Follow.objects.create(user=outsider, topic=topic)  # followed before losing access
    post_reply(thread=thread, author=mod, body="Hemmelig svar")
    listening.fan_out_run(thread_id=thread.pk, kind="reply", text="Nytt svar", actor_id=mod.pk)
    assert set(Notification.objects.values_list("user_id", flat=True)) == {member.pk}


def test_removed_member_no_longer_sees_notifications(client, closed_room_world):
    room, topic, member, mod, outsider = closed_room_world
    thread = ThreadFactory(topic=topic, author=mod, title="Uglehemmelighet")
    Notification.objects.create(user=member, kind="reply", thread=thread, text="Uglehemmelighet")
    client.force_login(member)
    assert "Uglehemmelighet" in client.get(reverse("forum:notifications")).content.decode()
    remove_perm("view_room", member, room)
    client.force_login(member)
    content = client.get(reverse("forum:notifications")).content.decode()
    assert "Uglehemmelighet" not in content
    assert listening.unread_count(member) == 0
    n = Notification.objects.get()
    assert client.get(reverse("forum:notification_open", args=[n.pk])).status_code == 404


# Mentions ------------------------------------------------------------------------------------


def test_mentioned_colleague_is_notified(
    case_worker, colleague, topic, django_capture_on_commit_callbacks
):
    thread = thread_start(topic=topic, author=case_worker, title="T", body="B")
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(thread=thread, author=case_worker, body="Hva mener @jonas om dette?")
    assert Notification.objects.filter(user=colleague, kind="mention").exists()


def test_mention_of_a_non_member_in_a_closed_room_notifies_nobody(
    closed_room_world, django_capture_on_commit_callbacks
):
    room, topic, member, mod, outsider = closed_room_world
    thread = ThreadFactory(topic=topic, author=member)
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(thread=thread, author=member, body="Hei @utenfor")
    assert not Notification.objects.filter(user=outsider).exists()


def test_people_lookup_autocompletes_names(client, case_worker, colleague):
    client.force_login(case_worker)
    data = client.get(reverse("forum:people_lookup"), {"q": "jon"}).json()
    assert data["results"][0] == {
        "username": "jonas",
        "name": "Jonas Berg",
        "workplace": "NAV Sandnes",
    }
    assert client.get(reverse("forum:people_lookup"), {"q": "berg"}).json()["results"]
    assert client.get(reverse("forum:people_lookup"), {"q": "j"}).json() == {"results": []}


# The list and the unread count -------------------------------------------------------------------


def test_notification_list_unread_count_and_mark_read(client, case_worker, topic):
    thread = ThreadFactory(topic=topic)
    for i in range(3):
        Notification.objects.create(
            user=case_worker,
            kind="reply",
            thread=thread,
            text=f"Varsel {i}",
            url=thread.get_absolute_url(),
        )
    client.force_login(case_worker)
    page = client.get(reverse("forum:index")).content.decode()
    assert 'data-count="3"' in page and "3 uleste" in page
    n = Notification.objects.first()
    response = client.get(reverse("forum:notification_open", args=[n.pk]))
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    assert listening.unread_count(case_worker) == 3  # a GET changes nothing
    response = client.post(reverse("forum:notification_open", args=[n.pk]))
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    assert listening.unread_count(case_worker) == 2
    client.post(reverse("forum:notifications_read_all"))
    assert listening.unread_count(case_worker) == 0


def test_notification_list_query_count_is_bounded(
    client, case_worker, topic, django_assert_max_num_queries
):
    thread = ThreadFactory(topic=topic)
    actors = [UserFactory() for _ in range(5)]
    for i in range(25):
        Notification.objects.create(
            user=case_worker, kind="reply", thread=thread, actor=actors[i % 5], text=f"V{i}"
        )
    client.force_login(case_worker)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("forum:notifications")).status_code == 200


def test_other_peoples_notifications_are_404(client, case_worker, colleague, topic):
    n = Notification.objects.create(user=colleague, kind="reply", text="Privat")
    client.force_login(case_worker)
    assert client.get(reverse("forum:notification_open", args=[n.pk])).status_code == 404


# E-mail ----------------------------------------------------------------------------------------


def test_immediate_email_for_those_who_chose_it(
    client, case_worker, colleague, topic, django_capture_on_commit_callbacks
):
    thread = thread_start(topic=topic, author=colleague, title="Permittering", body="B")
    client.force_login(colleague)
    client.post(reverse("forum:listening_settings"), {"email": "immediate"})
    assert ListeningSettings.objects.get(user=colleague).email == "immediate"
    with django_capture_on_commit_callbacks(execute=True):
        post_reply(thread=thread, author=case_worker, body="Svar")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [colleague.email]
    assert "Permittering" in mail.outbox[0].subject


def test_daily_digest_collects_unread_notifications(case_worker, colleague, topic):
    thread = ThreadFactory(topic=topic)
    listening.listening_settings_update(user=case_worker, email="daily")
    listening.listening_settings_update(user=colleague, email="none")
    for who in (case_worker, colleague):
        Notification.objects.create(user=who, kind="reply", thread=thread, text="Nytt svar i T")
    call_command("send_digests")
    assert [m.to for m in mail.outbox] == [[case_worker.email]]
    assert "Nytt svar i T" in mail.outbox[0].body
    call_command("send_digests")
    assert len(mail.outbox) == 1  # nothing new, nothing sent


# Feeds -----------------------------------------------------------------------------------------


def test_topic_feed_for_logged_in_reader(client, case_worker, topic):
    ThreadFactory(topic=topic, title="Feedtråd")
    client.force_login(case_worker)
    response = client.get(reverse("forum:topic_feed", args=[topic.room.slug, topic.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Feedtråd" in response.content.decode()


def test_closed_room_feed_needs_a_members_token(client, closed_room_world):
    room, topic, member, mod, outsider = closed_room_world
    ThreadFactory(topic=topic, title="Ugletråd", author=member)
    url = reverse("forum:topic_feed", args=[room.slug, topic.slug])
    assert client.get(url).status_code == 404  # no session, no token
    member_token = listening.listening_settings_for(member).feed_token
    outsider_token = listening.listening_settings_for(outsider).feed_token
    assert client.get(url, {"token": outsider_token}).status_code == 404
    assert client.get(url, {"token": "nonsense"}).status_code == 404
    response = client.get(url, {"token": member_token})
    assert response.status_code == 200 and "Ugletråd" in response.content.decode()


def test_followed_threads_feed_obeys_access(client, closed_room_world, topic):
    room, closed_topic, member, mod, outsider = closed_room_world
    open_thread = ThreadFactory(topic=topic, title="Åpen fulgt tråd")
    closed_thread = ThreadFactory(topic=closed_topic, title="Lukket fulgt tråd", author=mod)
    for user in (member, outsider):
        Follow.objects.create(user=user, thread=open_thread)
        Follow.objects.create(user=user, thread=closed_thread)
    token = listening.listening_settings_for(outsider).feed_token
    content = client.get(reverse("forum:feed_followed", args=[token])).content.decode()
    assert "Åpen fulgt tråd" in content and "Lukket fulgt tråd" not in content
    token = listening.listening_settings_for(member).feed_token
    content = client.get(reverse("forum:feed_followed", args=[token])).content.decode()
    assert "Lukket fulgt tråd" in content


def test_feed_shows_hidden_posts_as_removed(client, case_worker, moderator, answer, topic):
    from forum.services.moderation import post_hide

    post_hide(post=answer, by=moderator, reason="Fjernet grunn")
    client.force_login(case_worker)
    content = client.get(
        reverse("forum:topic_feed", args=[topic.room.slug, topic.slug])
    ).content.decode()
    assert "Fjernet grunn" in content and "forvaltningsloven" not in content


def test_new_feed_token_invalidates_the_old(client, case_worker, topic):
    old = listening.listening_settings_for(case_worker).feed_token
    client.force_login(case_worker)
    client.post(reverse("forum:listening_settings"), {"action": "reset_token"})
    client.logout()
    assert client.get(reverse("forum:feed_followed", args=[old])).status_code == 404


# Bookmarks -------------------------------------------------------------------------------------


def test_bookmarks(client, case_worker, topic, closed_room_world):
    room, closed_topic, member, mod, outsider = closed_room_world
    thread = ThreadFactory(topic=topic, title="Bokmerket tråd")
    client.force_login(case_worker)
    client.post(reverse("forum:thread_bookmark", args=[thread.pk]))
    assert Bookmark.objects.filter(user=case_worker, thread=thread).exists()
    assert "Bokmerket tråd" in client.get(reverse("forum:bookmarks")).content.decode()
    closed = ThreadFactory(topic=closed_topic, title="Lukket bokmerke", author=mod)
    assert client.post(reverse("forum:thread_bookmark", args=[closed.pk])).status_code == 404
    # A bookmark made while a member disappears from the list when access goes.
    Bookmark.objects.create(user=outsider, thread=closed)
    client.force_login(outsider)
    assert "Lukket bokmerke" not in client.get(reverse("forum:bookmarks")).content.decode()
