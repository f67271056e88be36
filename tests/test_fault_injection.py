"""Fault injection: real PostgreSQL and Redis stopped and restarted under a small load.

This module starts its own PostgreSQL cluster (Debian's binaries, ``initdb`` as the
``postgres`` user) and its own ``redis-server`` on private ports, a gunicorn app server
and ``manage.py db_worker`` against them, and a few threads that read pages and the API
and post through the API. Then:

* PostgreSQL stops: every answer is 503 with ``Retry-After`` (JSON under ``/api/``),
  ``/readyz`` names the database; after the restart everything accepted before is
  there, the same worker (never restarted) runs tasks queued after the restart, and
  the logs have a few lines about the outage, no tracebacks.
* Redis stops: pages, the API and posting keep working (the cache degrades to none),
  ``/readyz`` names the cache; after the restart it is ready again.

It skips (with the reason) only where the binaries are missing or ``initdb`` cannot
be run as ``postgres``.

Time: migrating the empty database is most of a cold run, so the migrated, seeded
cluster is kept in ``FAULTS_CLUSTER_CACHE`` (keyed on the migrations, the lock file and
the seed) and copied on later runs; gunicorn starts (``--preload``) while it migrates.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

PG_BIN = Path("/usr/lib/postgresql/15/bin")
# Below Linux's ephemeral range (32768-60999): a port in it can be taken at any moment by
# the local end of some client connection (the suite opens many), and the bind then fails.
PG_PORT, REDIS_PORT, APP_PORT = 25421, 25422, 25423
APP = f"http://127.0.0.1:{APP_PORT}"
BASE_DIR = Path(__file__).resolve().parents[1]
DB_NAME = "faults_fault"
# Migrating an empty database is most of this module's time (40 s of 65 on a busy machine):
# the migrated and seeded cluster is kept here, under a key that changes with every migration,
# the locked packages (Wagtail's migrations) and the seed, and copied for the next run.
CLUSTER_CACHE = Path(os.environ.get("FAULTS_CLUSTER_CACHE", "/tmp/fagrom-fault-clusters"))

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _missing() -> str | None:
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL 15 binaries not found in {PG_BIN}"
    if not shutil.which("redis-server"):
        return "redis-server not installed"
    if os.geteuid() != 0 or not shutil.which("runuser"):
        return "initdb must run as the postgres user: needs root and runuser"
    try:
        import psycopg  # noqa: F401
        import requests  # noqa: F401
    except ImportError as exc:  # pragma: no cover
        return f"{exc.name} not installed"
    return None


def _as_postgres(*args, **kwargs):
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *map(str, args)],
        check=True,
        capture_output=True,
        timeout=60,
        **kwargs,
    )


class World:
    """The servers of one run, and how to stop and start each."""

    def __init__(self, root: Path):
        self.root = root
        self.pgdata = root / "pgdata"
        self.socket_dir = root / "pgsock"
        self.logs = root / "logs"
        self.processes: dict[str, subprocess.Popen] = {}
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "fagrom.settings",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/{DB_NAME}",
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "DEBUG": "false",
            "LOG_FORMAT": "text",
            "LOG_LEVEL": "WARNING",
            "POST_RATE_LIMIT": "100000/60",
            "PRIVATE_STORAGE_ROOT": str(root / "private"),
            "MEDIA_ROOT": str(root / "media"),
            "OUTAGE_RETRY_AFTER": "5",
            "WORKER_RETRY_MAX": "1",
            "CACHE_RETRY_SECONDS": "0.5",
            "PYTHONUNBUFFERED": "1",
        }

    # PostgreSQL ---------------------------------------------------------------------------
    def pg_prepare(self, start_app) -> dict:
        """A running cluster with the migrated, seeded database; returns what the seed printed.

        ``start_app`` is called as soon as PostgreSQL listens, so the app server's start
        overlaps migrating on a cold run.
        """
        cached = CLUSTER_CACHE / _cluster_key()
        if (cached / "seed.json").exists():
            subprocess.run(["cp", "-a", cached / "pgdata", self.pgdata], check=True)
            self.socket_dir.mkdir(parents=True)
            shutil.chown(self.socket_dir, "postgres", "postgres")
            self.pg_start()
            start_app()
            return json.loads((cached / "seed.json").read_text())
        for folder in (self.pgdata, self.socket_dir):
            folder.mkdir(parents=True)
            shutil.chown(folder, "postgres", "postgres")
        _as_postgres(PG_BIN / "initdb", "-D", self.pgdata, "-U", "postgres", "--auth=trust", "-N")
        self.pg_start()
        _as_postgres(
            PG_BIN / "createdb", "-h", "127.0.0.1", "-p", PG_PORT, "-U", "postgres", DB_NAME
        )
        start_app()
        # One Django start for both: each costs seconds on a loaded machine.
        # The tasks the seed queued run here: a copy made later must not start with a
        # queue older than READYZ_TASK_QUEUE_MAX_AGE, which /readyz reports as an outage.
        script = "from django.core.management import call_command\n"
        script += "call_command('migrate', interactive=False, verbosity=0)\n" + SEED
        script += (
            "call_command('db_worker', '--batch', '--no-startup-delay', '--no-reload', "
            "'--queue-name=*', '--interval=0', verbosity=0)\n"
        )
        printed = self.manage("shell", "-c", script).stdout.strip().splitlines()[-1]
        seeded = json.loads(printed)
        self.pg_stop()
        building = Path(tempfile.mkdtemp(prefix="building-", dir=_cluster_cache_root()))
        subprocess.run(["cp", "-a", self.pgdata, building / "pgdata"], check=True)
        (building / "seed.json").write_text(printed)
        try:
            building.rename(cached)  # whole or not at all; a parallel run may have won
        except OSError:
            shutil.rmtree(building, ignore_errors=True)
        # Keep the three newest (branches on one machine differ); older ones are stale.
        kept = sorted(
            (p for p in CLUSTER_CACHE.iterdir() if not p.name.startswith("building-")),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for stale in kept[3:]:
            shutil.rmtree(stale, ignore_errors=True)
        self.pg_start()
        return seeded

    def pg_start(self):
        options = (
            f"-p {PG_PORT} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        _as_postgres(
            PG_BIN / "pg_ctl", "-D", self.pgdata, "-o", options, "-l", self.pgdata / "log", "-w",
            "start",
        )  # fmt: skip

    def pg_stop(self, mode="fast"):
        _as_postgres(PG_BIN / "pg_ctl", "-D", self.pgdata, "-m", mode, "-w", "stop")

    def sql(self, query, *params):
        import psycopg

        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{PG_PORT}/{DB_NAME}") as conn:
            return conn.execute(query, params).fetchall()

    # Redis --------------------------------------------------------------------------------
    def redis_start(self):
        self.logs.mkdir(exist_ok=True)
        log = open(self.logs / "redis.log", "w")  # noqa: SIM115 - closed with the process
        self.processes["redis"] = process = subprocess.Popen(
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.root)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        # A loaded CI machine can take a while; a server that exited says why in its log.
        _wait_for_port(REDIS_PORT, timeout=90.0, process=process, log=self.logs / "redis.log")

    def redis_stop(self):
        process = self.processes.pop("redis")
        process.terminate()
        process.wait(timeout=10)

    # Django ------------------------------------------------------------------------------
    def manage(self, *args, timeout=300):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def spawn(self, name, args):
        self.logs.mkdir(exist_ok=True)
        log = open(self.logs / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(
            args,
            cwd=BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop_all ends its children too
        )

    def log(self, name) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")

    def stop_all(self):
        for name, process in self.processes.items():
            if process.poll() is None:  # gunicorn's SIGINT skips the graceful wait
                process.send_signal(signal.SIGINT if name == "web" else signal.SIGTERM)
        deadline = time.monotonic() + 2  # what they do after that is thrown away anyway
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                try:  # the spawned ones lead their own group; Redis does not
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    process.kill()
                process.wait(timeout=10)
        if (self.pgdata / "postmaster.pid").exists():
            try:
                self.pg_stop("immediate")  # its data is thrown away next
            except subprocess.CalledProcessError:
                pass


def _cluster_cache_root() -> Path:
    CLUSTER_CACHE.mkdir(parents=True, exist_ok=True)
    CLUSTER_CACHE.chmod(0o755)  # postgres reads the copies' parent folders
    return CLUSTER_CACHE


def _cluster_key() -> str:
    digest = hashlib.sha256(f"2\n{PG_BIN}\n{SEED}".encode())  # 2: the seed's tasks are run
    for path in [BASE_DIR / "requirements.lock", *sorted(BASE_DIR.glob("*/migrations/*.py"))]:
        digest.update(path.relative_to(BASE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _wait_for_port(port, timeout=30.0, *, process=None, log=None):
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        if process is not None and process.poll() is not None:
            break
        time.sleep(0.05)
    said = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
    raise RuntimeError(f"nothing listens on {port}: {said}")


SEED = """
import json
from django.contrib.auth.models import Group
from forum.models import Room, Topic
from forum.services import thread_start
from people.models import OrgUnit, User
from people.services import api_token_create
unit = OrgUnit.add_root(name="NAV", code="NAV", kind="agency")
user = User.objects.create_user("kari", password="pw", full_name="Kari Nordmann", org_unit=unit)
room = Room.objects.create(name="Erfaringsforum", slug="erfaringsforum")
topic = Topic.objects.create(room=room, name="Dagpenger", slug="dagpenger")
thread = thread_start(topic=topic, author=user, title="Feilinjeksjon", body="Første innlegg")
print(json.dumps({"thread": thread.pk, "token": api_token_create(user=user, name="last")[1]}))
"""


@pytest.fixture(scope="module")
def world():
    reason = _missing()
    if reason:
        pytest.skip(reason)
    # Not under pytest's tmp folder: it is private to root, and postgres must reach its data.
    root = Path(tempfile.mkdtemp(prefix="fagrom-faults-"))
    root.chmod(0o755)
    world = World(root)
    gunicorn = Path(sys.executable).with_name("gunicorn")

    def start_app():
        # Needs no table until the first request: starts while the database is migrated.
        world.spawn(
            "web",
            [str(gunicorn), "fagrom.wsgi", "-b", f"127.0.0.1:{APP_PORT}", "-w", "2",
             "--threads", "4", "--timeout", "30", "--graceful-timeout", "2", "--preload"],
        )  # fmt: skip

    try:
        world.redis_start()
        seeded = world.pg_prepare(start_app)
        world.thread, world.token = seeded["thread"], seeded["token"]
        world.spawn(
            "worker",
            [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2",
             "--no-startup-delay", "--no-reload"],
        )  # fmt: skip
        _wait_for_port(APP_PORT, timeout=90.0, process=world.processes["web"],
                       log=world.logs / "web.log")  # fmt: skip
        yield world
    finally:
        world.stop_all()
        shutil.rmtree(root, ignore_errors=True)


class Load:
    """A few threads reading pages and the API and posting through the API, all recorded."""

    def __init__(self, world: World, readers=3, posters=2):
        import requests

        self.world = world
        self.stop = threading.Event()
        self.results: list[
            tuple[float, str, int, dict, str]
        ] = []  # (t, kind, status, headers, body)
        self.accepted: list[str] = []  # bodies of posts answered 201
        self.lock = threading.Lock()
        sessions = [requests.Session() for _ in range(readers)]
        for session in sessions:  # before the load starts: logging in is not what is tested
            self._log_in(session)
        self.threads = [
            threading.Thread(target=self._read, args=(session,), daemon=True)
            for session in sessions
        ] + [
            threading.Thread(target=self._post, args=(requests.Session(), n), daemon=True)
            for n in range(posters)
        ]
        self.auth = {"Authorization": f"Bearer {world.token}"}

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=15)

    def _record(self, kind, response):
        with self.lock:
            self.results.append(
                (
                    time.monotonic(),
                    kind,
                    response.status_code,
                    dict(response.headers),
                    response.text,
                )
            )

    @staticmethod
    def _log_in(session):
        session.get(f"{APP}/accounts/login/", timeout=30)
        token = session.cookies["csrftoken"]
        login = {"username": "kari", "password": "pw", "csrfmiddlewaretoken": token}
        session.post(f"{APP}/accounts/login/", data=login, timeout=30).raise_for_status()

    def _read(self, session):
        urls = [
            ("api", f"{APP}/api/v1/threads/{self.world.thread}"),
            ("api", f"{APP}/api/v1/posts?thread={self.world.thread}"),
            ("page", f"{APP}/forum/trad/{self.world.thread}/"),
            ("page", f"{APP}/"),
        ]
        n = 0
        while not self.stop.is_set():
            kind, url = urls[n % len(urls)]
            n += 1
            try:
                response = session.get(url, headers=self.auth if kind == "api" else {}, timeout=10)
            except Exception:  # noqa: BLE001 - a refused connection is recorded as status 0
                with self.lock:
                    self.results.append((time.monotonic(), kind, 0, {}, ""))
                continue
            self._record(kind, response)
            time.sleep(0.05)  # a small load: enough answers per outage, little CPU taken

    def _post(self, session, poster):
        n = 0
        while not self.stop.is_set():
            body = f"Innlegg {poster}-{n} under last"
            n += 1
            try:
                response = session.post(
                    f"{APP}/api/v1/posts",
                    json={"thread": self.world.thread, "body": body},
                    headers=self.auth,
                    timeout=10,
                )
            except Exception:  # noqa: BLE001
                continue
            self._record("post", response)
            if response.status_code == 201:
                with self.lock:
                    self.accepted.append(body)
            time.sleep(0.05)

    def settle(self, count=30, timeout=60.0):
        """Wait until ``count`` answers came back: the app servers are warm."""
        deadline = time.monotonic() + timeout
        while len(self.results) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        assert {r[2] for r in self.results} <= {200, 201}, self.results[-5:]

    def between(self, start, end):
        with self.lock:
            return [r for r in self.results if start <= r[0] <= end]


def _readyz():
    import requests

    response = requests.get(f"{APP}/readyz", timeout=10)
    return response.status_code, response.json()


def _wait_ready(timeout=120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, body = _readyz()
        except Exception:  # noqa: BLE001
            status, body = 0, {}
        if status == 200:
            return body
        time.sleep(0.2)
    raise AssertionError(f"not ready again: {status} {body}")


def test_a_database_outage_is_503_and_nothing_accepted_is_lost_and_the_worker_carries_on(world):
    assert _wait_ready()["status"] == "ok"
    with Load(world) as load:
        load.settle()
        world.pg_stop()
        time.sleep(0.5)  # requests already inside the database when it went away finish
        outage_start = time.monotonic()
        time.sleep(2.5)
        status, body = _readyz()
        outage_end = time.monotonic()
        world.pg_start()
        _wait_ready()
        time.sleep(0.5)  # a few answers after the restart, from servers that reconnected

    during = load.between(outage_start, outage_end)
    timeline = [(round(r[0] - outage_start, 2), r[1], r[2]) for r in load.results]
    # The load kept running through the outage (few answers on a machine that is very busy).
    assert len(during) >= 5, (timeline, world.log("web")[-3000:])
    assert {r[2] for r in during} == {503}, sorted({(r[1], r[2]) for r in during})
    assert all(int(r[3]["Retry-After"]) > 0 for r in during)
    api = [r for r in during if r[1] in {"api", "post"}]
    assert api and all(r[3]["Content-Type"] == "application/json" for r in api)
    assert all("midlertidig utilgjengelig" in json.loads(r[4])["detail"] for r in api)
    pages = [r for r in during if r[1] == "page"]
    assert pages and all("midlertidig utilgjengelig" in r[4] for r in pages)
    assert status == 503 and "database" in body["failing"]

    # Nothing that was answered 201 is missing.
    stored = {row[0] for row in world.sql("SELECT body FROM forum_post")}
    assert load.accepted and set(load.accepted) <= stored
    assert {r[2] for r in load.results} <= {200, 201, 503}  # never a 500

    # The same worker process runs what is queued after the restart.
    assert world.processes["worker"].poll() is None, world.log("worker")
    enqueued_at = world.sql("SELECT now()")[0][0]
    import requests

    requests.post(
        f"{APP}/api/v1/posts",
        json={"thread": world.thread, "body": "Etter omstarten"},
        headers={"Authorization": f"Bearer {world.token}"},
        timeout=10,
    ).raise_for_status()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        waiting = world.sql(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE enqueued_at >= %s AND status IN ('READY', 'RUNNING')",
            enqueued_at,
        )[0][0]
        done = world.sql(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE enqueued_at >= %s AND status = 'SUCCESSFUL'",
            enqueued_at,
        )[0][0]
        if done and not waiting:
            break
        time.sleep(0.2)
    assert done and not waiting, world.log("worker")
    # No task is left RUNNING for ever by the outage (one the stop cut off is run again).
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        unfinished = world.sql(
            "SELECT task_path, status, worker_ids::text FROM django_tasks_database_dbtaskresult "
            "WHERE status IN ('READY', 'RUNNING')"
        )
        if not unfinished:
            break
        time.sleep(0.2)
    assert unfinished == [], (unfinished, world.log("worker")[-3000:])

    # A few lines per outage: one per gunicorn worker and the db_worker, no tracebacks.
    web, worker = world.log("web"), world.log("worker")
    assert "Traceback" not in web, web[-3000:]
    outage_lines = [line for line in web.splitlines() if "fagrom.outage" in line]
    assert 1 <= len(outage_lines) <= 6, outage_lines
    assert "Traceback" not in worker, worker[-3000:]
    assert worker.count("database unavailable") <= 2, worker


def test_a_redis_outage_degrades_to_no_cache_and_readyz_names_it(world):
    _wait_ready()
    with Load(world) as load:
        load.settle()
        world.redis_stop()
        outage_start = time.monotonic()
        time.sleep(2)
        status, body = _readyz()
        outage_end = time.monotonic()
        world.redis_start()
        after = _wait_ready()

    during = load.between(outage_start, outage_end)
    assert len(during) >= 3
    assert {r[2] for r in during} <= {200, 201}, sorted({r[2] for r in during})
    assert any(r[1] == "post" and r[2] == 201 for r in during)
    assert status == 503 and body["failing"] == ["cache"]
    assert after["checks"]["cache"]["status"] == "up"
    stored = {row[0] for row in world.sql("SELECT body FROM forum_post")}
    assert set(load.accepted) <= stored
    web = world.log("web")
    assert "Traceback" not in web, web[-3000:]
    assert web.count("cache unavailable") <= 4, web
