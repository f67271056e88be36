"""Per-person unread markers on topics and threads."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from forum import services
from tests.forum.factories import ThreadFactory


def _joined_long_ago(user):
    user.date_joined = timezone.now() - timedelta(days=365)
    user.save(update_fields=["date_joined"])


def test_new_thread_is_unread_until_opened(client, case_worker, colleague, topic):
    _joined_long_ago(case_worker)
    thread = ThreadFactory(topic=topic, author=colleague, title="Ny rutine")
    client.force_login(case_worker)
    topic_page = client.get(topic.get_absolute_url()).content.decode()
    assert 'class="is-unread"' in topic_page
    client.get(thread.get_absolute_url())
    topic_page = client.get(topic.get_absolute_url()).content.decode()
    assert 'class="is-unread"' not in topic_page


def test_reply_by_someone_else_makes_thread_unread_again(client, case_worker, colleague, topic):
    _joined_long_ago(case_worker)
    thread = ThreadFactory(topic=topic, author=colleague)
    client.force_login(case_worker)
    client.get(thread.get_absolute_url())
    services.post_reply(thread=thread, author=colleague, body="Oppdatering")
    assert 'class="is-unread"' in client.get(topic.get_absolute_url()).content.decode()


def test_own_reply_does_not_make_thread_unread(client, case_worker, colleague, topic):
    _joined_long_ago(case_worker)
    thread = ThreadFactory(topic=topic, author=colleague)
    client.force_login(case_worker)
    client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Mitt svar"})
    assert 'class="is-unread"' not in client.get(topic.get_absolute_url()).content.decode()


def test_topic_listing_counts_unread_threads(client, case_worker, colleague, topic):
    _joined_long_ago(case_worker)
    ThreadFactory(topic=topic, author=colleague)
    ThreadFactory(topic=topic, author=colleague)
    client.force_login(case_worker)
    body = client.get(reverse("forum:index")).content.decode()
    assert "2 uleste" in body


def test_mark_topic_read_clears_all_its_threads(client, case_worker, colleague, topic):
    _joined_long_ago(case_worker)
    ThreadFactory(topic=topic, author=colleague)
    client.force_login(case_worker)
    client.post(reverse("forum:topic_mark_read", args=[topic.room.slug, topic.slug]))
    assert "uleste" not in client.get(reverse("forum:index")).content.decode().replace("Uleste", "")


def test_threads_older_than_the_person_are_not_unread(client, colleague, department, topic):
    from tests.people.factories import UserFactory

    ThreadFactory(topic=topic, author=colleague, last_post_at=timezone.now() - timedelta(days=3))
    newcomer = UserFactory(full_name="Ny Ansatt", unit=department)
    client.force_login(newcomer)
    assert 'class="is-unread"' not in client.get(topic.get_absolute_url()).content.decode()


def test_unread_markers_are_per_person(client, case_worker, colleague, topic):
    _joined_long_ago(case_worker)
    _joined_long_ago(colleague)
    thread = ThreadFactory(topic=topic)
    client.force_login(case_worker)
    client.get(thread.get_absolute_url())
    client.force_login(colleague)
    assert 'class="is-unread"' in client.get(topic.get_absolute_url()).content.decode()


def test_the_thread_page_jumps_to_the_first_unread_post_and_draws_the_line(
    client, case_worker, colleague, topic
):
    from forum.services import post_reply, thread_start

    thread = thread_start(
        topic=topic, author=colleague, title="Ferie og sykepenger", body="Spørsmål"
    )
    client.force_login(case_worker)
    first = client.get(thread.get_absolute_url()).content.decode()
    assert "Gå til første uleste" not in first  # nothing read before: start at the top
    post_reply(thread=thread, author=case_worker, body="Mitt svar")  # one's own is not news
    reply = post_reply(thread=thread, author=colleague, body="Nytt svar")
    html = client.get(thread.get_absolute_url()).content.decode()
    assert 'href="' + thread.get_absolute_url() + '#forste-uleste"' in html
    line = html.index('id="forste-uleste"')
    assert html.index("Mitt svar") < line < html.index("Nytt svar")
    assert reply.position == 3
    again = client.get(thread.get_absolute_url()).content.decode()
    assert "forste-uleste" not in again  # read now
