"""Pages ask the database a fixed number of times, whatever the number of posts and authors."""

import pytest
from django.urls import reverse

from tests.forum.factories import PostFactory, ThreadFactory, TopicFactory
from tests.people.factories import OrgUnitFactory, UserFactory

# 14 base + attachments prefetch + handbook back-links + archive status + issue 4's
# unread-notification count, clarifications, follow/bookmark state and "nyttig" marks;
# the thread's row asked apart from the reader's state (which is one statement) when made.
THREAD_PAGE_MAX = 18
# Made: +1 unread-notification count in the menu, +1 follow state, +1 the reader's unread
# threads (asked apart from the rows, which are kept for every reader). Kept: rows, count,
# moderators and menu from the cache: session, user, topic, the reader's unread threads
# and their follow state.
TOPIC_PAGE_MAX = 13
TOPIC_PAGE_KEPT_MAX = 5
INDEX_PAGE_MAX = 9  # +1 unread-notification count in the menu


def _authors(n):
    unit = OrgUnitFactory()
    return [UserFactory(unit=unit) for _ in range(n)]


@pytest.mark.parametrize("n_posts", [3, 40])
def test_thread_page_query_count_is_bounded(
    client, case_worker, topic, django_assert_max_num_queries, n_posts
):
    authors = _authors(5)
    thread = ThreadFactory(topic=topic, author=authors[0])
    for i in range(n_posts):
        PostFactory(thread=thread, author=authors[i % len(authors)])
    client.force_login(case_worker)
    with django_assert_max_num_queries(THREAD_PAGE_MAX):
        response = client.get(thread.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("n_threads", [2, 35])
def test_topic_page_query_count_is_bounded(
    client, case_worker, topic, django_assert_max_num_queries, n_threads
):
    authors = _authors(6)
    for i in range(n_threads):
        ThreadFactory(
            topic=topic, author=authors[i % len(authors)], last_post_author=authors[(i + 1) % 6]
        )
    client.force_login(case_worker)
    url = reverse("forum:topic", args=[topic.room.slug, topic.slug])
    with django_assert_max_num_queries(TOPIC_PAGE_MAX):
        response = client.get(url)
    assert response.status_code == 200
    with django_assert_max_num_queries(TOPIC_PAGE_KEPT_MAX):
        again = client.get(url)
    assert again.status_code == 200
    assert again.content.count(b'class="ds-link thread-link"') == min(n_threads, 30)


@pytest.mark.parametrize("n_topics", [1, 12])
def test_forum_index_query_count_is_bounded(
    client, case_worker, open_room, django_assert_max_num_queries, n_topics
):
    for _ in range(n_topics):
        t = TopicFactory(room=open_room)
        ThreadFactory(topic=t)
    client.force_login(case_worker)
    with django_assert_max_num_queries(INDEX_PAGE_MAX):
        assert client.get(reverse("forum:index")).status_code == 200


# Warm, as in production with Redis: grants, session (cached_db), the thread's row, its
# posts and their shared parts, clarifications, archive state and handbook links come from
# the cache after the first view: the user, and the reader's own state in one statement.
THREAD_PAGE_WARM_MAX = 2
WRITES = ("INSERT", "UPDATE", "DELETE", "SAVEPOINT")


@pytest.mark.parametrize("n_posts", [3, 40])
def test_a_thread_reread_asks_two_statements_and_writes_nothing(
    client, settings, case_worker, topic, django_assert_max_num_queries, n_posts
):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    authors = _authors(5)
    thread = ThreadFactory(topic=topic, author=authors[0])
    for i in range(n_posts):
        PostFactory(thread=thread, author=authors[i % len(authors)])
    client.force_login(case_worker)
    assert client.get(thread.get_absolute_url()).status_code == 200  # marks it read
    with django_assert_max_num_queries(THREAD_PAGE_WARM_MAX) as queries:
        response = client.get(thread.get_absolute_url())
    assert response.status_code == 200
    assert not [q["sql"] for q in queries.captured_queries if q["sql"].startswith(WRITES)]
