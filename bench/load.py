"""Load benchmark: Fagrom's pages as ratios to a stock Django hello, optionally beside the peer.

Usage (data first, then the run; PostgreSQL, as in production):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/fagrom_bench REDIS_URL=redis://127.0.0.1:6379/7
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py seed_demo
    .venv/bin/python manage.py seed_bulk --threads 10000 --posts 1000000
    .venv/bin/python bench/every_role.py bench_many
    .venv/bin/python bench/load.py --peer --peer-db-url postgres://postgres@127.0.0.1:5432/peer

It starts, each with gunicorn (``--workers`` sync workers, 127.0.0.1 only):

* a **stock Django hello** (``startproject``, its own seven middleware, no Fagrom code;
  ``bench/peer.py``) on ``--port``;
* **Fagrom** with production settings on ``--port`` + 1, and a second Fagrom with 50 posts
  per thread page on ``--port`` + 2;
* with ``--peer``, **django-spirit** as ``../shared/bench/peer-bench.md`` sets it up (in a
  scratch virtualenv, first run only) on ``--peer-port``.

Then, ``--rounds`` times, it runs ``wrk -t1 -c<connections> -d<duration>s`` on the hello and
right after on each page, and divides the page's req/s by that hello's: ratios hold on a
shared machine where absolute req/s move by a third. It prints each round, the medians,
the ratio to the peer's logged-in topic page, ``uptime`` before and after, and each
worker's resident memory after the run.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import peer as peer_setup  # noqa: E402

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DJANGO_ENV": "production",
    "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SITE_URL": "http://127.0.0.1",
    "ARCHIVE_CREATOR_ID": os.environ.get("ARCHIVE_CREATOR_ID", "889640782"),
    "ARCHIVE_CREATOR_NAME": os.environ.get("ARCHIVE_CREATOR_NAME", "Benchmark"),
    "SECURE_SSL_REDIRECT": "false",
    "DEBUG": "false",
    "LOG_LEVEL": "WARNING",
}


def django_setup():
    os.environ.update(PRODUCTION_ENV)
    import django

    django.setup()


def session_cookie(username):
    """A logged-in session for ``username`` without going through the login form."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, login
    from django.http import HttpRequest

    from people.models import User

    user = User.objects.get(username=username)
    request = HttpRequest()
    request.session = import_module(settings.SESSION_ENGINE).SessionStore()
    login(request, user, settings.AUTHENTICATION_BACKENDS[0])  # as a real login: signals too
    assert request.session[SESSION_KEY] == str(user.pk)
    assert request.session[BACKEND_SESSION_KEY] and request.session[HASH_SESSION_KEY]
    request.session.save()
    # Production cookies are "__Host-" (HTTPS only); wrk sends the header as it is.
    return f"{settings.SESSION_COOKIE_NAME}={request.session.session_key}"


def fagrom_pages(users):
    """(label, server, path, user) for each Fagrom page, chosen from the data."""
    try:
        import access
    except ImportError:  # before the access package (to measure older commits)
        from people import access
    from handbook.models import HandbookPage
    from people.models import User

    main = User.objects.get(username=users[0])
    threads = access.threads_visible_to(main).filter(topic__room__kind="open", post_count__gte=50)
    thread = threads.order_by("post_count", "pk")[threads.count() // 2]
    result = [
        (f"thread page, 20 posts ({users[0]})", "fagrom", thread.get_absolute_url(), users[0]),
        (f"thread page, 50 posts ({users[0]})", "fagrom50", thread.get_absolute_url(), users[0]),
        (f"topic page ({users[0]})", "fagrom", thread.topic.get_absolute_url(), users[0]),
    ]
    for username in users:
        result.append((f"front page ({username})", "fagrom", "/", username))
    page = HandbookPage.objects.live().order_by("path").first()
    if page:
        result.append((f"handbook page ({users[-1]})", "fagrom", page.url, users[-1]))
    other = User.objects.filter(username=users[-1]).exclude(pk=main.pk).first()
    if other:
        result.append(
            (
                f"profile page of {other.username} ({users[0]})",
                "fagrom",
                other.get_absolute_url(),
                users[0],
            )
        )
    for query, kind in (("vedtak", "frequent word"), ("yrkesskade", "rare word")):
        path = f"/search/?q={query}"
        result.append((f"search results, {kind} ({users[0]})", "fagrom", path, users[0]))
    result.append((f"Fagrom /bench/hello/ ({users[0]})", "fagrom", "/bench/hello/", users[0]))
    return result, thread


def wrk(url, cookie, duration, connections):
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency"]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(lat["50"]),
        "p99": _ms(lat["99"]),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
    }


def _ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def gunicorn(binary, app, port, workers, cwd, env):
    return subprocess.Popen(
        [
            binary,
            app,
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--no-control-socket",
        ],
        cwd=cwd,
        env=env,
        start_new_session=True,
    )


def wait_up(url):
    for _ in range(120):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not come up")


def worker_rss_mb(master_pid):
    """Resident and proportional memory of each worker (the master's children), in MB.

    RSS counts every page a worker touches, shared ones included; PSS divides each shared
    page among the processes sharing it, which is what a preloaded worker really costs.
    """
    sizes = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", status, re.M):
            rss = int(re.search(r"^VmRSS:\s+(\d+)", status, re.M).group(1)) / 1024
            pss = int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1)) / 1024
            sizes.append((rss, pss))
    return sorted(sizes)


def uptime():
    env = {**os.environ, "TZ": "UTC"}  # Django has set TZ to the site's time zone
    return subprocess.run(["uptime"], capture_output=True, text=True, env=env).stdout.strip()


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--user", action="append", default=[], help="bench_many, kari (default)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=8140, help="hello; Fagrom on +1 and +2")
    parser.add_argument("--peer", action="store_true", help="run django-spirit beside Fagrom")
    parser.add_argument("--peer-port", type=int, default=54340)
    parser.add_argument("--peer-db-url", default="postgres://postgres@127.0.0.1:5432/perf_spirit")
    parser.add_argument("--scratch", default=os.environ.get("BENCH_SCRATCH", "/tmp/fagrom-bench"))
    parser.add_argument("--only", action="append", default=[], help="pages whose label has this")
    parser.add_argument("--json", help="write every run's figures to this file")
    args = parser.parse_args()
    users = args.user or ["bench_many", "kari"]
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    scratch = Path(args.scratch)
    scratch.mkdir(parents=True, exist_ok=True)

    django_setup()
    env = {**os.environ, **PRODUCTION_ENV}
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    cookies = {u: session_cookie(u) for u in users}
    targets, thread = fagrom_pages(users)
    hello_root = peer_setup.hello_setup(scratch, sys.executable)
    peer = peer_setup.peer_setup(scratch, args.peer_db_url) if args.peer else None

    gunicorn_bin = str(Path(sys.executable).with_name("gunicorn"))
    base = {
        "hello": f"http://127.0.0.1:{args.port}",
        "fagrom": f"http://127.0.0.1:{args.port + 1}",
        "fagrom50": f"http://127.0.0.1:{args.port + 2}",
        "peer": f"http://127.0.0.1:{args.peer_port}",
    }
    servers = {
        "hello": gunicorn(
            gunicorn_bin,
            "hellosite.wsgi",
            args.port,
            args.workers,
            hello_root,
            {**os.environ, "DJANGO_SETTINGS_MODULE": "hellosite.settings"},
        ),
        "fagrom": gunicorn(gunicorn_bin, "fagrom.wsgi", args.port + 1, args.workers, ROOT, env),
        "fagrom50": gunicorn(
            gunicorn_bin,
            "fagrom.wsgi",
            args.port + 2,
            args.workers,
            ROOT,
            {**env, "POSTS_PER_PAGE": "50"},
        ),
    }
    if peer:
        servers["peer"] = gunicorn(
            peer["gunicorn"],
            "forumsite.wsgi",
            args.peer_port,
            args.workers,
            peer["root"],
            peer["env"],
        )
        targets += [
            ("peer: Spirit topic page, 50 posts, logged in", "peer", peer["topic"], peer["cookie"]),
            ("peer: Spirit topic page, 50 posts, anonymous", "peer", peer["topic"], None),
            ("peer: Spirit category page, anonymous", "peer", peer["category"], None),
        ]
    if args.only:
        targets = [t for t in targets if any(o in t[0] for o in args.only)]

    def cookie_of(target):
        who = target[3]
        return cookies.get(who, who)

    results = []
    load_before = uptime()
    try:
        wait_up(base["hello"] + "/")
        wait_up(base["fagrom"] + "/bench/hello/")
        wait_up(base["fagrom50"] + "/bench/hello/")
        if peer:
            wait_up(base["peer"] + peer["category"])
        for target in targets:  # warm-up, not recorded
            wrk(base[target[1]] + target[2], cookie_of(target), 3, args.connections)
        wrk(base["hello"] + "/", None, 3, args.connections)
        for rnd in range(1, args.rounds + 1):
            for target in targets:
                hello = wrk(base["hello"] + "/", None, args.duration, args.connections)
                page = wrk(
                    base[target[1]] + target[2], cookie_of(target), args.duration, args.connections
                )
                results.append({"round": rnd, "label": target[0], "page": page, "hello": hello})
                print(  # noqa: T201
                    f"round {rnd} {target[0]}: {page['rps']:.1f} req/s, hello {hello['rps']:.0f}, "
                    f"ratio {page['rps'] / hello['rps']:.2%}",
                    flush=True,
                )
        rss = {name: worker_rss_mb(proc.pid) for name, proc in servers.items()}
    finally:
        for proc in servers.values():
            os.killpg(proc.pid, signal.SIGTERM)
        for proc in servers.values():
            proc.wait(timeout=30)
    load_after = uptime()
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    report(args, users, thread, results, rss, load_before, load_after)


def report(args, users, thread, results, rss, load_before, load_after):
    out = print  # noqa: T202
    out()
    out(
        f"gunicorn {args.workers} sync workers per server, wrk -t1 -c{args.connections} "
        f"-d{args.duration}s, {args.rounds} rounds, a hello run right before each page run; "
        f"thread {thread.get_absolute_url()} ({thread.post_count} posts)"
    )
    out(f"load before: {load_before}")
    out(f"load after:  {load_after}")
    out()
    out(
        "| page | req/s (median) | p50 / p99 ms (median) | ratio to hello, median | rounds' ratios | vs peer |"
    )
    out("| --- | ---: | ---: | ---: | --- | ---: |")
    labels = list(dict.fromkeys(r["label"] for r in results))
    medians = {}
    for label in labels:
        rows = [r for r in results if r["label"] == label]
        ratios = [r["page"]["rps"] / r["hello"]["rps"] for r in rows]
        medians[label] = statistics.median(ratios)
    peer_label = next((lb for lb in labels if lb.startswith("peer: ") and "logged in" in lb), None)
    for label in labels:
        rows = [r for r in results if r["label"] == label]
        ratios = [r["page"]["rps"] / r["hello"]["rps"] for r in rows]
        versus = f"{medians[label] / medians[peer_label]:.2f}×" if peer_label else ""
        out(
            f"| {label} | {statistics.median(r['page']['rps'] for r in rows):.1f} | "
            f"{statistics.median(r['page']['p50'] for r in rows):.1f} / "
            f"{statistics.median(r['page']['p99'] for r in rows):.1f} | **{medians[label]:.2%}** | "
            f"{', '.join(f'{x:.2%}' for x in ratios)} | {versus} |"
        )
    hellos = [r["hello"]["rps"] for r in results]
    out()
    out(
        f"stock hello req/s over {len(hellos)} runs: median {statistics.median(hellos):.0f}, "
        f"min {min(hellos):.0f}, max {max(hellos):.0f}; non-2xx responses: "
        f"{sum(r['page']['non2xx'] for r in results)}"
    )
    out(
        "worker memory after the run, RSS / PSS (MB): "
        + "; ".join(
            f"{name} {', '.join(f'{r:.0f} / {p:.0f}' for r, p in sizes)}"
            for name, sizes in rss.items()
        )
    )


if __name__ == "__main__":
    main()
