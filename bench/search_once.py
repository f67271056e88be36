"""One timed search per query for bench_few and bench_many, printed as it goes.

For when bench/search_bench.py is too slow to finish (SQLite at 1 000 000 posts):

    DATABASE_URL=sqlite:///… python bench/search_once.py "ftrl. § 8-2" yrkesskade håndbok
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fagrom.settings")
    import django

    django.setup()
    import access
    from people.models import User
    from search.documents import SearchQuery
    from search.services import search_run, search_suggest

    for who in ("bench_few", "bench_many"):
        user = User.objects.get(username=who)
        for q in sys.argv[1:]:
            access.forget(user)
            started = time.perf_counter()
            results = search_run(user=user, query=SearchQuery(q))
            ms = (time.perf_counter() - started) * 1000
            print(f"{who} {q!r}: {results.total} hits {ms:.0f} ms", flush=True)  # noqa: T201
        started = time.perf_counter()
        search_suggest(user=user, prefix="syk")
        ms = (time.perf_counter() - started) * 1000
        print(f"{who} suggest 'syk': {ms:.0f} ms", flush=True)  # noqa: T201


if __name__ == "__main__":
    main()
