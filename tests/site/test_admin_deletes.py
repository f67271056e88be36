"""Referenced rooms, topics and people are not deletable from the Wagtail admin."""

from django.contrib.messages import get_messages
from django.test import Client

from forum.models import Room, Topic
from people.models import User
from tests.forum.factories import RoomFactory, ThreadFactory, TopicFactory


def _admin(administrator):
    administrator.is_superuser = True  # Wagtail's admin permissions, as in test_admin_users
    administrator.save()
    client = Client(raise_request_exception=False)
    client.force_login(administrator)
    return client


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_topic_with_threads_is_not_deleted_and_the_admin_says_why(administrator, topic):
    ThreadFactory(topic=topic)
    client = _admin(administrator)
    url = f"/admin/snippets/forum/topic/delete/{topic.pk}/"
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response.url == f"/admin/snippets/forum/topic/edit/{topic.pk}/"
        message = _messages(response)[-1]
        assert "kan ikke slettes" in message and "tråder: 1" in message.lower()
    assert Topic.objects.filter(pk=topic.pk).exists()


def test_a_room_with_topics_is_not_deleted(administrator, topic):
    client = _admin(administrator)
    response = client.post(f"/admin/snippets/forum/room/delete/{topic.room.pk}/")
    assert response.status_code == 302
    assert "kan ikke slettes" in _messages(response)[0]
    assert Room.objects.filter(pk=topic.room.pk).exists()


def test_an_unreferenced_topic_can_still_be_deleted(administrator, open_room):
    spare = TopicFactory(room=open_room, name="Tomt tema", slug="tomt")
    client = _admin(administrator)
    assert client.get(f"/admin/snippets/forum/topic/delete/{spare.pk}/").status_code == 200
    response = client.post(f"/admin/snippets/forum/topic/delete/{spare.pk}/")
    assert response.status_code == 302
    assert not Topic.objects.filter(pk=spare.pk).exists()


def test_a_person_who_wrote_is_not_deleted_and_the_admin_says_to_deactivate(
    administrator, case_worker, topic
):
    ThreadFactory(topic=topic, author=case_worker)
    client = _admin(administrator)
    url = f"/admin/users/delete/{case_worker.pk}/"
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert "deaktiveres" in _messages(response)[-1]
    assert User.objects.filter(pk=case_worker.pk).exists()


def test_a_bulk_delete_of_referenced_topics_deletes_none(administrator, topic, open_room):
    ThreadFactory(topic=topic)
    spare = TopicFactory(room=open_room, name="Tomt tema", slug="tomt")
    client = _admin(administrator)
    url = f"/admin/bulk/forum/topic/delete/?id={topic.pk}&id={spare.pk}"
    response = client.post(url)
    assert response.status_code == 302
    assert any("kan ikke slettes" in m for m in _messages(response))
    assert Topic.objects.filter(pk__in=[topic.pk, spare.pk]).count() == 2


def test_a_room_can_be_deleted_once_empty(administrator):
    room = RoomFactory(name="Tomt rom", slug="tomt-rom")
    response = _admin(administrator).post(f"/admin/snippets/forum/room/delete/{room.pk}/")
    assert response.status_code == 302
    assert not Room.objects.filter(pk=room.pk).exists()
