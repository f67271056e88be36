"""Exact SQL count of a second thread-page visit (3 and 40 posts), for bench/RESULTS.md.

Copy into tests/forum/ and run with ``pytest -s``; see the "Thread page queries" section.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.forum.factories import PostFactory, ThreadFactory
from tests.people.factories import OrgUnitFactory, UserFactory


@pytest.mark.parametrize("n_posts", [3, 40])
def test_count(client, case_worker, topic, n_posts):
    unit = OrgUnitFactory()
    authors = [UserFactory(unit=unit) for _ in range(5)]
    thread = ThreadFactory(topic=topic, author=authors[0])
    for i in range(n_posts):
        PostFactory(thread=thread, author=authors[i % 5])
    client.force_login(case_worker)
    client.get(thread.get_absolute_url())  # warm caches as a second visit would
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(thread.get_absolute_url()).status_code == 200
    print(f"\nQUERIES n_posts={n_posts}: {len(ctx.captured_queries)}")
