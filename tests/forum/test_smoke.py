from django.urls import reverse

from tests.forum.factories import ThreadFactory


def test_case_worker_sees_thread_in_open_topic(client, case_worker, topic):
    thread = ThreadFactory(topic=topic, title="Karensdager ved permittering")
    client.force_login(case_worker)
    response = client.get(reverse("forum:topic", args=[topic.room.slug, topic.slug]))
    assert response.status_code == 200
    assert "Karensdager ved permittering" in response.content.decode()
    response = client.get(thread.get_absolute_url())
    assert response.status_code == 200
