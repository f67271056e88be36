"""In-process page profile: queries and CPU time per request, optionally cProfile.

Where ``load.py`` measures throughput under gunicorn, this asks where one
request's time goes. It logs a user in with Django's test ``Client`` (production
settings, ``DEBUG`` off, the same middleware), requests each page ``--repeat``
times after ``--warmup`` requests, and prints queries per request and the median
CPU time (``time.process_time``: this Python process only, not PostgreSQL's).
``--runs 3`` repeats the whole measurement and reports the median of the runs'
medians; ``--profile`` adds a cProfile top list by cumulative time.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/fagrom_bench
    python manage.py migrate && python manage.py createcachetable
    python manage.py seed_demo && python manage.py seed_bulk --threads 2000 --posts 100000
    python bench/every_role.py bench_many
    psql -h 127.0.0.1 -U postgres fagrom_bench -c "VACUUM ANALYZE"
    python bench/profile_page.py --user bench_many --page front --page thread --runs 3
    python bench/profile_page.py --user bench_many --page thread --profile

Pages: ``front`` (``/``), ``thread`` (the first page of the longest thread the
user sees in an open room), ``thread-middle`` (a middle page of it), ``topic``
(that thread's topic), or any path starting with ``/``.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
    "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
    "SITE_URL": "http://127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "DEBUG": "false",
    "LOG_LEVEL": "WARNING",
    "ARCHIVE_CREATOR_ID": "889640782",
    "ARCHIVE_CREATOR_NAME": "Benchmark",
}


def django_setup(production: bool):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    if production:
        for key, value in PRODUCTION_ENV.items():
            os.environ.setdefault(key, value)
    import django

    django.setup()


def resolve_page(user, name: str) -> str:
    if name.startswith("/"):
        return name
    if name == "front":
        return "/"
    from django.conf import settings

    import access

    thread = (
        access.threads_visible_to(user)
        .filter(topic__room__kind="open")
        .select_related("topic__room")
        .order_by("-post_count", "pk")
        .first()
    )
    if name == "thread":
        return thread.get_absolute_url()
    if name == "thread-middle":
        pages = -(-thread.post_count // settings.POSTS_PER_PAGE)
        return f"{thread.get_absolute_url()}?page={max(1, pages // 2)}"
    if name == "topic":
        return thread.topic.get_absolute_url()
    raise SystemExit(f"unknown page {name!r}")


class QueryCounter:
    """Counts statements through ``execute_wrapper`` (cheaper than capturing them)."""

    def __init__(self):
        self.count = 0
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        self.statements.append(sql)
        return execute(sql, params, many, context)


def measure(client, path: str, *, repeat: int, warmup: int) -> dict:
    from django.db import connection

    for _ in range(warmup):
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
    cpu, wall, queries = [], [], []
    for _ in range(repeat):
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            c0, w0 = time.process_time(), time.perf_counter()
            response = client.get(path)
            c1, w1 = time.process_time(), time.perf_counter()
        assert response.status_code == 200, response.status_code
        cpu.append((c1 - c0) * 1000)
        wall.append((w1 - w0) * 1000)
        queries.append(counter.count)
    return {
        "queries": statistics.median(queries),
        "cpu": statistics.median(cpu),
        "wall": statistics.median(wall),
        "bytes": len(response.content),
        "statements": counter.statements,
    }


def profile(client, path: str, *, repeat: int, top: int) -> str:
    # CPU time, not wall time: waits on PostgreSQL (and on a busy machine) stay out.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(repeat):
        client.get(path)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--user", default="bench_many")
    parser.add_argument("--page", action="append", default=[], help="front, thread, ... or /path")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per run")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--runs", type=int, default=1, help="median over this many runs")
    parser.add_argument("--profile", action="store_true", help="cProfile top list per page")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--sql", action="store_true", help="print the last request's statements")
    parser.add_argument(
        "--dev-settings",
        action="store_true",
        help="the environment's settings as they are (default: production-like, DEBUG off)",
    )
    args = parser.parse_args()
    django_setup(production=not args.dev_settings)

    from django.test import Client

    from people.models import User

    user = User.objects.get(username=args.user)
    client = Client()
    client.force_login(user)
    pages = [(name, resolve_page(user, name)) for name in (args.page or ["front", "thread"])]

    print(
        f"user {args.user}, {args.repeat} requests x {args.runs} runs after {args.warmup} warm-up"
    )  # noqa: T201
    print()  # noqa: T201
    print("| page | path | queries | CPU ms (median) | runs' CPU ms | wall ms | bytes |")  # noqa: T201
    print("| --- | --- | ---: | ---: | --- | ---: | ---: |")  # noqa: T201
    for name, path in pages:
        runs = [
            measure(client, path, repeat=args.repeat, warmup=args.warmup) for _ in range(args.runs)
        ]
        cpus = [r["cpu"] for r in runs]
        print(  # noqa: T201
            f"| {name} | `{path}` | {runs[0]['queries']:.0f} | {statistics.median(cpus):.1f} | "
            f"{', '.join(f'{c:.1f}' for c in cpus)} | "
            f"{statistics.median(r['wall'] for r in runs):.1f} | {runs[0]['bytes']} |",
            flush=True,
        )
        if args.sql:
            for sql in runs[-1]["statements"]:
                print("    ", sql[:200])  # noqa: T201
    if args.profile:
        for name, path in pages:
            print(f"\n## cProfile: {name} ({path}), {args.repeat} requests\n")  # noqa: T201
            print(profile(client, path, repeat=args.repeat, top=args.top))  # noqa: T201


if __name__ == "__main__":
    main()
