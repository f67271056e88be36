"""Fagrom settings: every behaviour comes from the environment.

The embedded default (no variables set) is a laptop set-up: SQLite, database
search, tasks run in-process, e-mail printed to the console. Production sets
``DJANGO_ENV=production`` and must then provide a real ``SECRET_KEY`` and
``ALLOWED_HOSTS`` (we fail fast rather than fall back to an insecure default).
See docs/configuration.md for the full list.
"""

import json
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .environment import env, env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DJANGO_ENV = env("DJANGO_ENV", "development")
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env_bool("DEBUG", default=not PRODUCTION)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_ENV=production.")
    # Development only: a per-checkout key that never leaves the machine.
    SECRET_KEY = "dev-only-" + str(BASE_DIR)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1]")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DJANGO_ENV=production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The one site address for every absolute link (e-mail, feeds, exports, API, Wagtail);
# production has no default (fagrom.checks refuses to start without it).
SITE_URL = (env("SITE_URL") or ("" if PRODUCTION else "http://127.0.0.1:8000")).rstrip("/")

INSTALLED_APPS = [
    "fagrom",  # project-wide commands (scheduler) and checks; no models
    "people",
    "forum",
    "handbook",
    "archive",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "people.apps.PeopleUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "treebeard",
    "guardian",
    "django_htmx",
    "ninja",  # API docs templates and static files
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: load balancers probe /healthz by address, before host checks and HTTPS redirects.
    "fagrom.health.HealthCheckMiddleware",
    # Outages answer 503 with DEBUG on too (Django's debug page would hide them as a 500);
    # it writes nothing, so the generation middleware below still sees every write.
    "fagrom.outage.OutageMiddleware",
    # Outermost after that: a write anywhere inside makes the cached page parts stale.
    "fagrom.generations.GenerationMiddleware",
    # A cookie with NUL or control characters is dropped before the session reads it.
    "fagrom.input_guard.CookieGuardMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "fagrom.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "people.middleware.UserLanguageMiddleware",
    # NUL, control characters and lone surrogates answer 400 before any view sees them.
    "fagrom.input_guard.InputGuardMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "fagrom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "people.context_processors.fagrom",
            ],
            # The access layer is a plain package above the apps (no models), so its
            # template tag is registered here rather than found through INSTALLED_APPS.
            "libraries": {"access_tags": "access.templatetags.access_tags"},
        },
    },
]

WSGI_APPLICATION = "fagrom.wsgi.application"

VAR_DIR = BASE_DIR / "var"  # embedded default's data: SQLite file, media, private files
if PRODUCTION and not (env("DATABASE_URL") or "").startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured(
        "DATABASE_URL must point at PostgreSQL (postgres://…) when DJANGO_ENV=production."
    )
if not env("DATABASE_URL"):
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'fagrom.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        # A health check is a `SELECT 1` round trip at the start of every request. Off by
        # default: a connection that broke while idle fails one request (503 with
        # Retry-After) and is closed at its end, and the next request reconnects.
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", False),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while the in-process task runner writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    # ModelBackend with a switch (LOCAL_LOGIN_ENABLED) and a brake (login throttling).
    "people.auth.LocalPasswordBackend",
    "guardian.backends.ObjectPermissionBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Wagtail's admin sends people to Fagrom's login page (single sign-on button, throttling).
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"

# Username and password login. Agencies on single sign-on may turn it off.
LOCAL_LOGIN_ENABLED = env_bool("LOCAL_LOGIN_ENABLED", True)
# Without local login, passwords have no use: Wagtail's admin stops offering them.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = LOCAL_LOGIN_ENABLED

# Single sign-on with OpenID Connect (mozilla-django-oidc), on when a client id is set.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_OP_ISSUER = env("OIDC_OP_ISSUER", "")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
OIDC_USE_PKCE = env_bool("OIDC_USE_PKCE", True)
OIDC_TIMEOUT = int(env("OIDC_TIMEOUT", "10"))
OIDC_USERNAME_CLAIM = env("OIDC_USERNAME_CLAIM", "preferred_username")
OIDC_FULL_NAME_CLAIM = env("OIDC_FULL_NAME_CLAIM", "name")
OIDC_EMAIL_CLAIM = env("OIDC_EMAIL_CLAIM", "email")
OIDC_TITLE_CLAIM = env("OIDC_TITLE_CLAIM", "jobTitle")
OIDC_UNIT_CLAIM = env("OIDC_UNIT_CLAIM", "department")
OIDC_CREATE_USER = env_bool("OIDC_CREATE_USER", True)
OIDC_AUTHENTICATE_CLASS = "people.oidc.AuthenticationRequestView"
OIDC_CALLBACK_CLASS = "people.oidc.AuthenticationCallbackView"
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/"
if OIDC_ENABLED:
    _missing = [
        name
        for name in (
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_JWKS_ENDPOINT",
        )
        if not globals()[name]
    ]
    if _missing:
        raise ImproperlyConfigured(
            f"OIDC_RP_CLIENT_ID is set, so single sign-on needs {', '.join(_missing)} too."
        )
    AUTHENTICATION_BACKENDS.insert(0, "people.oidc.FagromOIDCBackend")
elif not LOCAL_LOGIN_ENABLED:
    raise ImproperlyConfigured(
        "LOCAL_LOGIN_ENABLED=false needs single sign-on (OIDC_RP_CLIENT_ID …): nobody could log in."
    )

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# django-guardian: no anonymous user object; anonymous visitors only see the login page.
ANONYMOUS_USER_NAME = None
GUARDIAN_MONKEY_PATCH_USER = False

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norsk bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["fagrom.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor", BASE_DIR / "node_modules"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
# Attachments and archival documents never sit under MEDIA_URL: they are
# served only through permission-checked views.
PRIVATE_STORAGE_ROOT = Path(env("PRIVATE_STORAGE_ROOT", VAR_DIR / "private"))
# Both default to folders (a shared file system when there are several app
# servers); any Django storage class can replace them, e.g. an S3-compatible
# bucket with django-storages: MEDIA_STORAGE_BACKEND=storages.backends.s3.S3Storage
# and MEDIA_STORAGE_OPTIONS='{"bucket_name": "fagrom-media", ...}'.
STORAGES = {
    "default": {
        "BACKEND": env("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(env("MEDIA_STORAGE_OPTIONS", "{}")),
    },
    "private": {
        "BACKEND": env("PRIVATE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(env("PRIVATE_STORAGE_OPTIONS", "{}"))
        or {"location": str(PRIVATE_STORAGE_ROOT), "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# The cache also holds the login and posting throttles, so every app server
# must share it: Redis when REDIS_URL is set, else the database in production
# (`manage.py createcachetable`), else memory on a laptop.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            # RedisCache that degrades to "no cache" during an outage (fagrom/cache.py).
            "BACKEND": "fagrom.cache.FailSoftRedisCache",
            "LOCATION": env("REDIS_URL"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
elif PRODUCTION:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "fagrom_cache",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A person's access grants are kept across requests only in a cache every process shares:
# with per-process memory a membership change made in another process would go unseen.
ACCESS_GRANTS_CACHE = env_bool(
    "ACCESS_GRANTS_CACHE", "locmem" not in CACHES["default"]["BACKEND"].lower()
)
ACCESS_GRANTS_CACHE_TIMEOUT = int(env("ACCESS_GRANTS_CACHE_TIMEOUT", "600"))
# The front page and the menu's counts are kept under the generations in force when they
# were made (fagrom/generations.py): likewise only in a cache every process shares.
PAGE_CACHE = env_bool("PAGE_CACHE", "locmem" not in CACHES["default"]["BACKEND"].lower())
PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", "60"))
# Sessions are read on every request: from Redis when it is there (written through to the
# database, so a Redis restart logs no one out). Not with a per-process or database cache:
# a per-process copy would outlive a logout made in another worker.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if env("REDIS_URL")
    else "django.contrib.sessions.backends.db"
)

# Background work: in-process by default, django-tasks-db with `manage.py db_worker` in production.
# When a task is queued relative to the commit is `fagrom.queue.enqueue_with_commit`'s decision
# (django-tasks 0.x has no ENQUEUE_ON_COMMIT; the key this dict once had was ignored).
TASKS = {
    "default": {
        "BACKEND": env(
            "TASKS_BACKEND",
            "django_tasks_db.DatabaseBackend"
            if PRODUCTION
            else "django_tasks.backends.immediate.ImmediateBackend",
        ),
    }
}

# Periodic jobs run by `manage.py scheduler` (one instance): (command, arguments, every N seconds).
SCHEDULED_JOBS = [
    ("publish_scheduled", [], 60),
    ("clearsessions", [], 24 * 3600),
]
if TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
    SCHEDULED_JOBS.append(("prune_db_task_results", ["--min-age-days", "14"], 24 * 3600))

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "fagrom.mail.DevelopmentEmailBackend",  # var/mail/, one log line per message
)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Fagrom <fagrom@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Outages (fagrom/outage.py, fagrom/health.py): seconds in Retry-After, between log lines
# of one outage, before the cache retries Redis; a queued task older than this fails /readyz.
OUTAGE_RETRY_AFTER = int(env("OUTAGE_RETRY_AFTER", "10"))
OUTAGE_LOG_INTERVAL = int(env("OUTAGE_LOG_INTERVAL", "60"))
CACHE_RETRY_SECONDS = float(env("CACHE_RETRY_SECONDS", "2"))
READYZ_TASK_QUEUE_MAX_AGE = int(env("READYZ_TASK_QUEUE_MAX_AGE", "900"))
WORKER_RETRY_MAX = float(env("WORKER_RETRY_MAX", "30"))  # db_worker's longest back-off
# A task left RUNNING by a worker that died or lost the database (fagrom/worker.py): run again
# until claimed this many times, then FAILED; swept every N seconds and after N seconds running.
WORKER_TASK_ATTEMPTS = int(env("WORKER_TASK_ATTEMPTS", "3"))
WORKER_RECOVER_INTERVAL = float(env("WORKER_RECOVER_INTERVAL", "60"))
WORKER_TASK_TIMEOUT = int(env("WORKER_TASK_TIMEOUT", "3600"))

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
# Seconds /readyz waits for Elasticsearch before calling it down.
HEALTHZ_ELASTICSEARCH_TIMEOUT = float(env("HEALTHZ_ELASTICSEARCH_TIMEOUT", "2"))

# Wagtail
WAGTAIL_SITE_NAME = "Fagrom"
# The editor's slug field spells æ, ø, å out (handbook/slugs.py does the same on the server).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "csv"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True
# Private pages and document collections: groups or "signed in", never a shared password
# (meaningless on a real-name intranet). What a page's privacy means on every surface
# is decided in access/ ("Handbook page privacy").
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Handbook approvals come from the page owner, who need not hold Wagtail's publish
# permission: the workflow's own task decides who may approve (handbook/workflows.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "handbook.workflows.publish_approved"
HANDBOOK_REVIEW_WARNING_DAYS = int(env("HANDBOOK_REVIEW_WARNING_DAYS", "30"))

# Posts
POST_MAX_LENGTH = 20000
THREAD_TITLE_MAX_LENGTH = 200
POSTS_PER_PAGE = int(env("POSTS_PER_PAGE", "20"))
THREADS_PER_PAGE = int(env("THREADS_PER_PAGE", "30"))
FRONT_PAGE_FEED_SIZE = 15

# Where people report accessibility problems (shown in the accessibility statement).
ACCESSIBILITY_CONTACT_EMAIL = env("ACCESSIBILITY_CONTACT_EMAIL", "")

# Attachments on posts (checked by content; stored in STORAGES["private"])
ATTACHMENT_MAX_SIZE = int(env("ATTACHMENT_MAX_SIZE", str(10 * 1024 * 1024)))
ATTACHMENT_MAX_COUNT = int(env("ATTACHMENT_MAX_COUNT", "5"))

# JSON API (/api/v1/)
API_PAGE_SIZE = int(env("API_PAGE_SIZE", "50"))

# Archive (Noark 5): the record creator named in journals and archive extracts.
ARCHIVE_CREATOR_ID = env("ARCHIVE_CREATOR_ID", "" if PRODUCTION else "000000000")
ARCHIVE_CREATOR_NAME = env("ARCHIVE_CREATOR_NAME", "" if PRODUCTION else "Fagrom")


def _is_organisation_number(value: str) -> bool:
    """Nine digits with Brønnøysundregistrene's modulus-11 check digit."""
    if len(value) != 9 or not value.isdigit() or value == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(value[:8], (3, 2, 7, 6, 5, 4, 3, 2), strict=True))
    check = 11 - total % 11
    return check != 10 and check % 11 == int(value[8])


# Every extract names its creator; a placeholder must never reach the national archive.
if PRODUCTION and not _is_organisation_number(ARCHIVE_CREATOR_ID):
    raise ImproperlyConfigured(
        "ARCHIVE_CREATOR_ID must be the agency's organisation number (9 digits) "
        "when DJANGO_ENV=production."
    )
if PRODUCTION and not ARCHIVE_CREATOR_NAME.strip():
    raise ImproperlyConfigured(
        "ARCHIVE_CREATOR_NAME must name the agency when DJANGO_ENV=production."
    )
# Disposal is approved by a second records officer; True only for an agency with one.
ARCHIVE_SINGLE_RECORDS_OFFICER = env_bool("ARCHIVE_SINGLE_RECORDS_OFFICER", False)
# Innsynskrav: the due date, in working days after the request arrives.
ACCESS_REQUEST_DUE_WORKING_DAYS = int(env("ACCESS_REQUEST_DUE_WORKING_DAYS", "3"))
ARCHIVE_TITLE = env("ARCHIVE_TITLE", "Fagrom – forumarkiv")
ARCHIVE_SYSTEM_NAME = env("ARCHIVE_SYSTEM_NAME", "Fagrom – arkivmodulen")

# Security (production tightens these; see docs/configuration.md)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A working day; the session ends when it is over or the browser closes.
SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", str(10 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
CSRF_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF cookie: htmx gets the token from the page (base.html).
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$", r"^readyz/?$"]
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # "__Host-" cookies are only accepted over HTTPS, for this exact host, on path /.
    SESSION_COOKIE_NAME = "__Host-fagrom_session"
    CSRF_COOKIE_NAME = "__Host-fagrom_csrftoken"
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    # The preload directive alone changes nothing for a subdomain such as
    # fagrom.etat.no; only a submission for the parent domain would.
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Content-Security-Policy, Permissions-Policy and throttling: fagrom/settings/security.py.
from .security import *  # noqa: E402, F403

# Logs go to standard output; JSON lines in production for the log collector.
LOG_FORMAT = env("LOG_FORMAT", "json" if PRODUCTION else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "fagrom.jsonlog.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint logs every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
