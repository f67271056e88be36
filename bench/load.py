"""Load benchmark: Fagrom pages vs. a hello-world view, same gunicorn, same run.

Usage (data first, then the run; PostgreSQL recommended):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/fagrom_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py createcachetable
    .venv/bin/python manage.py seed_demo
    .venv/bin/python manage.py seed_bulk --threads 10000 --posts 1000000
    .venv/bin/python bench/load.py --workers 4 --duration 15 --connections 16

It starts gunicorn with production settings on 127.0.0.1, logs in as a demo
user by minting a session directly, drives each page with wrk (Debian's
``wrk``) and prints a Markdown table with requests/s, p50/p95/p99 and the
ratio to the hello-world ceiling. Requests go to loopback only and every run
is bounded by ``--duration``.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def django_setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def session_cookie(username):
    """A logged-in session for ``username`` without going through the login form."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def pages(username):
    """The URLs to drive, chosen from the data: a typical thread, its topic, the front page, ..."""
    import access
    from people.models import User

    user = User.objects.get(username=username)
    threads = access.threads_visible_to(user).filter(topic__room__kind="open")
    typical = threads.order_by("post_count")[threads.count() // 2]
    topic = typical.topic
    result = [
        ("hello-world (ceiling)", "/bench/hello/"),
        ("front page", "/"),
        ("topic page", topic.get_absolute_url()),
        (f"thread page ({typical.post_count} posts, first page)", typical.get_absolute_url()),
    ]
    try:
        from handbook.models import HandbookPage

        page = HandbookPage.objects.live().order_by("path").first()
        if page:
            result.append(("handbook page", page.url))
    except ImportError:
        pass
    try:
        from django.urls import reverse

        result.append(('search ("dagpenger")', reverse("search:results") + "?q=dagpenger"))
    except Exception:  # noqa: BLE001 - search app may not be installed yet
        pass
    return result


def run_wrk(url, cookie, duration, connections, threads):
    lua = Path(__file__).with_name("percentiles.lua")
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-H",
            f"Cookie: {cookie}",
            "-s",
            str(lua),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(
        r"RESULT rps=([\d.]+) p50=([\d.]+) p95=([\d.]+) p99=([\d.]+) requests=(\d+) errors=(\d+) non2xx=(\d+)",
        out,
    )
    if not match:
        raise RuntimeError(out)
    rps, p50, p95, p99 = (float(x) for x in match.groups()[:4])
    return {
        "rps": rps,
        "p50": p50,
        "p95": p95,
        "p99": p99,
        "non2xx": int(match.group(7)),
        "errors": int(match.group(6)),
    }


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--user", default="kari")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help='drive only pages whose label contains this (repeatable; e.g. "front page"); '
        "the hello-world ceiling is always measured",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "ARCHIVE_CREATOR_ID": os.environ.get("ARCHIVE_CREATOR_ID", "889640782"),
        "ARCHIVE_CREATOR_NAME": os.environ.get("ARCHIVE_CREATOR_NAME", "Benchmark"),
    }
    os.environ.update({k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"})
    django_setup()
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    cookie = session_cookie(args.user)
    targets = pages(args.user)
    if args.only:
        targets = [
            (label, path)
            for label, path in targets
            if label.startswith("hello-world") or any(o in label for o in args.only)
        ]

    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "fagrom.wsgi",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(base + "/bench/hello/", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        rows = []
        for label, path in targets:
            run_wrk(base + path, cookie, 2, args.connections, args.wrk_threads)  # warm-up
            rows.append(
                (
                    label,
                    path,
                    run_wrk(base + path, cookie, args.duration, args.connections, args.wrk_threads),
                )
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    ceiling = rows[0][2]["rps"]
    print(
        f"gunicorn {args.workers} workers, wrk -t{args.wrk_threads} -c{args.connections} -d{args.duration}s, user {args.user}"
    )
    print()
    print("| page | URL | req/s | p50 ms | p95 ms | p99 ms | share of ceiling | non-2xx |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, path, r in rows:
        print(
            f"| {label} | `{path}` | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['rps'] / ceiling:.1%} | {r['non2xx']} |"
        )


if __name__ == "__main__":
    main()
