"""One timed search per query for bench_few and bench_many, printed as it goes.

For when bench/search_bench.py is too slow to finish (SQLite at 1 000 000 posts):

    DATABASE_URL=sqlite:///… python bench/search_once.py "ftrl. § 8-2" yrkesskade håndbok
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fagrom.settings")
import django

django.setup()
from people import access
from people.models import User
from search.documents import SearchQuery
from search.services import search_run, search_suggest

for who in ("bench_few", "bench_many"):
    u = User.objects.get(username=who)
    for q in sys.argv[1:]:
        access.forget(u)
        t = time.perf_counter()
        r = search_run(user=u, query=SearchQuery(q))
        t = (time.perf_counter() - t) * 1000
        print(f"{who} {q!r}: {r.total} hits {t:.0f} ms", flush=True)
    t = time.perf_counter()
    search_suggest(user=u, prefix="syk")
    print(f"{who} suggest syk {(time.perf_counter() - t) * 1000:.0f} ms", flush=True)
