"""Soak test: 50 simulated people reading, posting, searching and following, for a long time.

Run outside the test suite, against its own gunicorn and ``db_worker`` on loopback::

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/fagrom_soak
    export REDIS_URL=redis://127.0.0.1:6379/12
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py seed_demo
    nice -n 10 .venv/bin/python bench/soak.py --minutes 30 --users 50 --think 8

(``seed_bulk`` is not needed: the demo's open rooms are what the people read.)

It makes ``--users`` logins (``soak001`` …, in NAV Sandnes), starts gunicorn
(``--workers`` × ``--threads``) and one ``db_worker`` with the same environment, and
lets each person log in — one after the other over the first ``--ramp`` seconds, as
people arrive at work, since 50 password hashes at once queue past any timeout on two
cores — and then loop: front page, a topic, a thread, a search, now and then a reply and
a follow, with ``--think`` seconds (exponential, mean) between actions. Bounded in time
(``--minutes``) and count (``--max-requests``); only 127.0.0.1. Every answer other than
2xx/3xx is an error, and so is a login that did not log in or a page that sent the person
back to the login form. Every 30 s it samples the resident memory (RSS) of each gunicorn
worker and of the ``db_worker``; at the end it prints the figures as JSON (requests,
errors, latency percentiles, RSS per sample, the load average) for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
LOGIN_PATH = "/accounts/login/"
WORDS = ["dagpenger", "permittering", "sykepenger", "meldekort", "karensdager", "ferie", "stans"]


def prepare(users: int) -> dict:
    """The soak logins and what they read, via the ORM (same DATABASE_URL as the server)."""
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fagrom.settings")
    import django

    django.setup()
    from forum.models import Thread, Topic
    from people.models import OrgUnit, User

    unit = OrgUnit.objects.get(code="NAV-SANDNES")
    for n in range(1, users + 1):
        user, created = User.objects.get_or_create(
            username=f"soak{n:03d}",
            defaults={"full_name": f"Soak Person {n:03d}", "org_unit": unit},
        )
        if created or not user.check_password("soak"):
            user.set_password("soak")
            user.save()
    open_topics = Topic.objects.filter(room__kind="open").select_related("room")
    topics = [f"/forum/rom/{t.room.slug}/{t.slug}/" for t in open_topics]
    threads = list(
        Thread.objects.filter(topic__in=open_topics, is_locked=False).values_list("pk", flat=True)
    )
    return {"topics": topics, "threads": threads}


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


class Person(threading.Thread):
    def __init__(self, n, base, plan, args, stats, stop):
        super().__init__(daemon=True)
        import requests

        self.n, self.base, self.plan, self.args, self.stats, self.stop = (
            n,
            base,
            plan,
            args,
            stats,
            stop,
        )
        self.session = requests.Session()
        self.random = random.Random(n)
        self.last_answer = time.monotonic()

    def request(self, kind, method, path, **kwargs):
        started = time.monotonic()
        try:
            response = self._send(kind, method, path, idle=started - self.last_answer, **kwargs)
            status = response.status_code
            if kind != "login" and LOGIN_PATH in response.url:
                status = "logged_out"  # a 200 of the login form is no page read
        except Exception as exc:  # noqa: BLE001 - counted as an error with its type
            response, status = None, type(exc).__name__
            # How long the connection had been idle says whether the server closed it.
            self.stats.sample(kind, exc, idle=started - self.last_answer)
        self.last_answer = time.monotonic()
        self.stats.record(kind, status, self.last_answer - started)
        return response

    def _send(self, kind, method, path, *, idle, **kwargs):
        """One request, sent again once if the server closed the idle connection under it.

        gunicorn's threaded worker closes a keep-alive connection after ``--keep-alive``
        seconds (2) idle, checked about once a second. A request sent in that instant finds
        the connection closed before any answer: ``RemoteDisconnected`` when the close came
        first, ``ConnectionResetError`` when the request was already in the socket (the
        kernel resets a socket closed with unread data). gunicorn never read it. Browsers
        send such a request again on a new connection (RFC 9112 § 9.3.1), so this does too,
        and counts it; any other failure, and a second one, is an error. (In production a
        proxy sits in between: see docs/deployment.md on ``--keep-alive``.)
        """
        import requests

        try:
            return self.session.request(
                method, self.base + path, timeout=self.args.timeout, **kwargs
            )
        except requests.ConnectionError as exc:
            closed_under_it = any(
                name in repr(exc) for name in ("RemoteDisconnected", "ConnectionResetError")
            )
            if not closed_under_it or idle < 1.0:  # a fresh connection: a real failure
                raise
            self.stats.retried(kind, idle=idle)
            return self.session.request(
                method, self.base + path, timeout=self.args.timeout, **kwargs
            )

    def csrf(self):
        return self.session.cookies.get("csrftoken", "")

    def log_in(self) -> bool:
        self.request("login", "GET", LOGIN_PATH)
        response = self.request(
            "login",
            "POST",
            LOGIN_PATH,
            data={
                "username": f"soak{self.n:03d}",
                "password": "soak",
                "csrfmiddlewaretoken": self.csrf(),
            },
        )
        if response is not None and response.ok and LOGIN_PATH not in response.url:
            return True
        if response is not None and response.ok:  # the form again: wrong password or throttled
            self.stats.record("login", "not_logged_in", 0.0)
        return False

    def run(self):
        # Arrive one after the other over the ramp-up, in a fixed order.
        self.stop.wait(self.args.ramp * (self.n - 1) / max(1, self.args.users))
        while not self.stop.is_set() and not self.log_in():
            self.stop.wait(self.random.expovariate(1 / self.args.think))
        while not self.stop.is_set() and not self.stats.full():
            action = self.random.choices(
                ["front", "topic", "thread", "search", "reply", "follow"], [3, 2, 4, 2, 1, 0.5]
            )[0]
            thread = self.random.choice(self.plan["threads"])
            if action == "front":
                self.request("read", "GET", "/")
            elif action == "topic":
                self.request("read", "GET", self.random.choice(self.plan["topics"]))
            elif action == "thread":
                self.request("read", "GET", f"/forum/trad/{thread}/")
            elif action == "search":
                self.request("search", "GET", "/search/", params={"q": self.random.choice(WORDS)})
            elif action == "reply":
                body = f"Soak-svar fra {self.n} om {self.random.choice(WORDS)} ({time.time():.0f})"
                self.request(
                    "post",
                    "POST",
                    f"/forum/trad/{thread}/svar/",
                    data={"body": body, "csrfmiddlewaretoken": self.csrf()},
                    allow_redirects=False,
                )
            else:
                self.request(
                    "follow",
                    "POST",
                    f"/forum/trad/{thread}/folg/",
                    data={"csrfmiddlewaretoken": self.csrf()},
                    allow_redirects=False,
                )
            self.stop.wait(self.random.expovariate(1 / self.args.think))


class Stats:
    def __init__(self, max_requests):
        self.lock = threading.Lock()
        self.max_requests = max_requests
        self.by_kind: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}
        self.error_samples: list[dict] = []
        self.keepalive_retries: list[dict] = []
        self.total = 0

    def retried(self, kind, *, idle):
        with self.lock:
            self.keepalive_retries.append({"kind": kind, "idle_s": round(idle, 3)})

    def sample(self, kind, exc, *, idle):
        with self.lock:
            if len(self.error_samples) < 50:
                self.error_samples.append(
                    {
                        "kind": kind,
                        "idle_s": round(idle, 3),
                        "error": " ".join(str(exc).split())[:300],
                    }
                )

    def record(self, kind, status, seconds):
        with self.lock:
            self.total += 1
            self.by_kind.setdefault(kind, []).append(seconds)
            if not (isinstance(status, int) and 200 <= status < 400):
                key = f"{kind}:{status}"
                self.errors[key] = self.errors.get(key, 0) + 1

    def full(self):
        return self.total >= self.max_requests


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else None


def _web_rss(sample) -> int:
    return sum(v for v in sample["rss_kib"].values() if v)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--think", type=float, default=8.0, help="mean seconds between actions")
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--ramp", type=float, default=120, help="seconds over which people log in")
    parser.add_argument(
        "--timeout", type=float, default=30, help="seconds a person waits for an answer"
    )
    parser.add_argument("--port", type=int, default=25440)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    args = parser.parse_args()

    plan = prepare(args.users)
    env = {**os.environ, "DEBUG": "false", "POST_RATE_LIMIT": "100000/600", "LOG_LEVEL": "WARNING"}
    env.setdefault("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    logs = open(os.environ.get("SOAK_LOG", "/dev/null"), "w")  # noqa: SIM115
    web = subprocess.Popen(
        [str(gunicorn), "fagrom.wsgi", "-b", f"127.0.0.1:{args.port}", "-w", str(args.workers),
         "--threads", str(args.threads), "--timeout", "60"],
        cwd=BASE_DIR, env=env, stdout=logs, stderr=subprocess.STDOUT,
    )  # fmt: skip
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-reload"],
        cwd=BASE_DIR, env=env, stdout=logs, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{args.port}"
    try:
        import requests

        for _ in range(300):
            try:
                if requests.get(base + "/healthz", timeout=10).ok:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.2)
        stats, stop = Stats(args.max_requests), threading.Event()
        people = [Person(n, base, plan, args, stats, stop) for n in range(1, args.users + 1)]
        started = time.monotonic()
        for person in people:
            person.start()
        samples = []
        deadline = started + args.minutes * 60
        while time.monotonic() < deadline and not stats.full():
            pids = children(web.pid)
            samples.append(
                {
                    "t": round(time.monotonic() - started),
                    "requests": stats.total,
                    "rss_kib": {str(p): rss_kib(p) for p in pids},
                    "db_worker_rss_kib": rss_kib(worker.pid),
                }
            )
            stop.wait(min(30, max(0.1, deadline - time.monotonic())))
        stop.set()
        for person in people:
            person.join(timeout=70)
        elapsed = time.monotonic() - started
    finally:
        for process in (web, worker):
            process.send_signal(signal.SIGTERM)
        for process in (web, worker):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    summary = {
        "users": args.users,
        "minutes": round(elapsed / 60, 1),
        "requests": stats.total,
        "requests_per_second": round(stats.total / elapsed, 1),
        "errors": stats.errors,
        "load_average_end": [round(v, 2) for v in os.getloadavg()],
        "error_count": sum(stats.errors.values()),
        "error_samples": stats.error_samples,
        "keepalive_retries": len(stats.keepalive_retries),
        "keepalive_retry_samples": stats.keepalive_retries[:20],
        "latency_ms": {
            kind: {
                "n": len(v),
                "p50": round(statistics.median(v) * 1000),
                "p95": round(percentile(v, 0.95) * 1000),
                "max": round(max(v) * 1000),
            }
            for kind, v in sorted(stats.by_kind.items())
        },
        # After one minute (warm: imports and caches loaded) and at the end.
        "rss_warm_last_kib": {
            "web_workers": [_web_rss(samples[min(2, len(samples) - 1)]), _web_rss(samples[-1])],
            "db_worker": [
                samples[min(2, len(samples) - 1)]["db_worker_rss_kib"],
                samples[-1]["db_worker_rss_kib"],
            ],
        },
        "samples": samples,
    }
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
