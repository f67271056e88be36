"""The two reference servers ``load.py`` runs beside Fagrom: a stock Django hello and the peer.

* **hello**: ``django-admin startproject`` with its stock middleware, ``DEBUG`` off and one
  view returning ``HttpResponse(b"Hello, world!")``: the ceiling every page is divided by.
* **peer**: django-spirit 0.14.3 set up as ``../shared/bench/peer-bench.md`` says (its own
  ``spirit startproject``, shipped ``prod.py`` plus a bench settings module, 200 users,
  2 000 topics of 50 comments from ``peer_populate.py``, 50 comments per page), in a
  scratch virtualenv: never vendored into this repository.

Both live in a scratch folder (``--scratch``, default ``/tmp/fagrom-bench``); set-up is
idempotent and done once.
"""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

HELLO_VIEW = """from django.http import HttpResponse


def hello(request):
    return HttpResponse(b"Hello, world!", content_type="text/plain")
"""

HELLO_URLS = """from django.urls import path

from .views import hello

urlpatterns = [path("", hello)]
"""

PEER_SETTINGS = """# Benchmark settings: Spirit's shipped prod.py + local DB/hosts. DEBUG off (peer-bench.md).
import dj_database_url

from .prod import *

DEBUG = False
SECRET_KEY = "peerbench-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {"default": dj_database_url.parse(%(db)r, conn_max_age=600)}
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
TEMPLATES[0]["APP_DIRS"] = False
TEMPLATES[0]["OPTIONS"]["loaders"] = [
    ("django.template.loaders.cached.Loader", [
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]),
]
LOGGING["loggers"][""]["handlers"] = ["console"]
LOGGING["loggers"]["django"]["handlers"] = ["console"]
LOGGING["loggers"][""]["level"] = "WARNING"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ST_SITE_URL = "http://127.0.0.1/"
"""

PEER_SESSION = """
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from importlib import import_module
user = get_user_model().objects.get(username="user0001")
store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.save()
from spirit.topic.models import Topic
topic = Topic.objects.filter(category__slug="general").order_by("pk")[1000]
print("SESSION", settings.SESSION_COOKIE_NAME + "=" + store.session_key)
print("TOPIC", topic.get_absolute_url())
print("CATEGORY", topic.category.get_absolute_url())
"""


def run(cmd, **kwargs):
    subprocess.run(cmd, check=True, **kwargs)


def hello_setup(scratch: Path, python: str) -> Path:
    """The stock hello project (with this venv's Django); returns its folder."""
    root = scratch / "hello"
    if not (root / "manage.py").exists():
        root.mkdir(parents=True, exist_ok=True)
        run([str(Path(python).with_name("django-admin")), "startproject", "hellosite", str(root)])
        (root / "hellosite" / "views.py").write_text(HELLO_VIEW)
        (root / "hellosite" / "urls.py").write_text(HELLO_URLS)
        settings = root / "hellosite" / "settings.py"
        text = settings.read_text().replace("DEBUG = True", "DEBUG = False")
        text = text.replace("ALLOWED_HOSTS = []", 'ALLOWED_HOSTS = ["127.0.0.1", "localhost"]')
        settings.write_text(text)
    return root


def peer_setup(scratch: Path, db_url: str) -> dict:
    """django-spirit in its own venv with its data; returns its folder, python, session, URLs."""
    venv = scratch / "peer" / "venv"
    python = venv / "bin" / "python"
    if not python.exists():
        run([sys.executable, "-m", "venv", str(venv)])
        run(
            [
                str(venv / "bin" / "pip"),
                "install",
                "-q",
                "django-spirit==0.14.3",
                "Django>=5.2,<6",
                "gunicorn",
                "psycopg[binary]",
                "whitenoise",
                "dj-database-url",
            ]
        )
    site = scratch / "peer" / "spiritsite"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "forumsite.settings.bench"}
    if not (site / "manage.py").exists():
        site.mkdir(parents=True, exist_ok=True)
        run(
            [str(venv / "bin" / "spirit"), "startproject", "forumsite", "--path", str(site)],
            env={**os.environ, "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"},
        )
    (site / "forumsite" / "settings" / "bench.py").write_text(PEER_SETTINGS % {"db": db_url})
    done = site / ".populated"
    if not done.exists():
        manage = [str(python), "manage.py"]
        run([*manage, "migrate", "-v0"], cwd=site, env=env)
        run([*manage, "createcachetable"], cwd=site, env=env)
        run([*manage, "collectstatic", "--noinput", "-v0"], cwd=site, env=env)
        with open(HERE / "peer_populate.py") as script:
            run([*manage, "shell"], cwd=site, env=env, stdin=script)
        done.write_text("ok\n")
    out = subprocess.run(
        [str(python), "manage.py", "shell", "-c", PEER_SESSION],
        cwd=site,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    values = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
    return {
        "root": site,
        "gunicorn": str(venv / "bin" / "gunicorn"),
        "env": env,
        "cookie": values["SESSION"],
        "topic": values["TOPIC"],
        "category": values["CATEGORY"],
    }
