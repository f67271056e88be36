"""A handbook page asks the database a fixed number of times."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from fagrom import generations
from handbook import services
from tests.forum.factories import ThreadFactory
from tests.handbook.factories import handbook_page, publish_new_version, text
from tests.people.factories import UserFactory

PAGE_QUERY_BOUND = (
    22  # measured 22 when made again after a change (27 before routing in one lookup)
)


def grow(page, *, editor, moderator, topic, department, n):
    """Add ``n`` versions, proposals and read confirmations to ``page``."""
    for i in range(n):
        publish_new_version(page, by=editor, body=text(f"Versjon med endring {i}."))
        thread = ThreadFactory(topic=topic, title=f"Spørsmål {i}")
        services.proposal_create(
            post=thread.posts.get(), page=page, by=moderator, note="Se tråden."
        )
        reader = UserFactory(unit=department)
        services.reading_confirm(page=page, user=reader)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_handbook_page_renders_in_fixed_number_of_queries(
    client,
    django_assert_max_num_queries,
    case_worker,
    handbook_editor,
    moderator,
    page_owner,
    routines,
    department,
    topic,
):
    small = handbook_page(
        routines, title="Liten", owner=page_owner, publish_by=handbook_editor, units=[department]
    )
    large = handbook_page(
        routines, title="Stor", owner=page_owner, publish_by=handbook_editor, units=[department]
    )
    grow(
        small, editor=handbook_editor, moderator=moderator, topic=topic, department=department, n=1
    )
    grow(
        large, editor=handbook_editor, moderator=moderator, topic=topic, department=department, n=8
    )
    services.reading_confirm(page=small, user=case_worker)
    services.reading_confirm(page=large, user=case_worker)

    client.force_login(case_worker)
    counts = []
    client.get(small.url)  # warm caches that live across requests (content types, site roots)
    for url in (small.url, large.url):
        generations.content_changed()  # as after any write: the shared parts are made again
        made = count_queries(client, url)
        kept = count_queries(client, url)  # nothing changed: the shared parts are kept
        assert kept < made <= PAGE_QUERY_BOUND
        counts.append((made, kept))
    assert counts[0] == counts[1]  # the same however much the page has around it


def test_changelog_and_chapter_render_in_bounded_queries(
    client, django_assert_max_num_queries, case_worker, handbook_editor, routines, page_owner
):
    from django.urls import reverse

    page = handbook_page(routines, title="Side", owner=page_owner, publish_by=handbook_editor)
    for i in range(6):
        publish_new_version(page, by=handbook_editor, body=text(f"Endring {i}."))
    client.force_login(case_worker)
    with django_assert_max_num_queries(20):
        client.get(reverse("handbook:changelog"))
    with django_assert_max_num_queries(20):
        client.get(reverse("handbook:page_changelog", args=[page.pk]))
    with django_assert_max_num_queries(PAGE_QUERY_BOUND):
        client.get(routines.url)
