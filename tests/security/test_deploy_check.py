"""``manage.py check --deploy`` is clean with the production settings and the documented environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

# The minimal production environment of docs/configuration.md (values are examples).
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SETTINGS_MODULE": "fagrom.settings",
    "SECRET_KEY": "x7Qk2-example-only-3vN9pLr8sT1wYb6uHc0dJf4mZa5eGi-Ko",
    "ALLOWED_HOSTS": "fagrom.example.no",
    "SITE_URL": "https://fagrom.example.no",
    "DATABASE_URL": "postgres://fagrom:secret@db.example.no:5432/fagrom",
    "EMAIL_HOST": "smtp.example.no",
    "EMAIL_PORT": "587",
    "EMAIL_USE_TLS": "true",
    "DEFAULT_FROM_EMAIL": "Fagrom <fagrom@example.no>",
    "ARCHIVE_CREATOR_ID": "889640782",
    "ARCHIVE_CREATOR_NAME": "Arbeids- og velferdsetaten",
}

SCRIPT = """
import json
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
call_command("check", deploy=True, fail_level="WARNING")
print(json.dumps({name: str(getattr(settings, name)) for name in %r}))
"""

SETTINGS = [
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "EMAIL_BACKEND",
    "CACHES",
    "TASKS",
    "LOG_FORMAT",
]


def _run(extra_env=None):
    env = {
        key: value
        for key, value in os.environ.items()
        # The parent's test settings and database must not leak into the child.
        # (DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests in the same worker.)
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        and not key.startswith("OIDC_")
    }
    env.update(PRODUCTION_ENV)
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-c", SCRIPT % SETTINGS],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def production():
    result = _run()
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_is_clean_with_production_settings(production):
    assert production["DEBUG"] == "False"


def test_production_cookies_are_secure_and_host_bound(production):
    assert production["SESSION_COOKIE_SECURE"] == "True"
    assert production["SESSION_COOKIE_HTTPONLY"] == "True"
    assert production["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert production["CSRF_COOKIE_SECURE"] == "True"
    assert production["CSRF_COOKIE_HTTPONLY"] == "True"
    assert production["SECURE_SSL_REDIRECT"] == "True"
    assert int(production["SECURE_HSTS_SECONDS"]) >= 31536000


def test_production_uses_real_services(production):
    assert production["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert "django_tasks_db.DatabaseBackend" in production["TASKS"]
    assert "DatabaseCache" in production["CACHES"]  # shared by every app server
    assert production["LOG_FORMAT"] == "json"


def test_check_deploy_is_clean_with_single_sign_on_configured():
    idp = "https://login.example.no/tenant/v2.0"
    result = _run(
        {
            "OIDC_RP_CLIENT_ID": "fagrom",
            "OIDC_RP_CLIENT_SECRET": "s3cret",
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{idp}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{idp}/token",
            "OIDC_OP_JWKS_ENDPOINT": f"{idp}/keys",
            "LOCAL_LOGIN_ENABLED": "false",
        }
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "missing, message",
    [
        ("SECRET_KEY", "SECRET_KEY must be set"),
        ("ALLOWED_HOSTS", "ALLOWED_HOSTS must be set"),
        ("DATABASE_URL", "DATABASE_URL must point at PostgreSQL"),
        ("ARCHIVE_CREATOR_ID", "ARCHIVE_CREATOR_ID must be the agency's organisation number"),
        ("ARCHIVE_CREATOR_NAME", "ARCHIVE_CREATOR_NAME must name the agency"),
    ],
)
def test_production_fails_fast_without_essential_settings(missing, message):
    result = _run({missing: ""})
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize("number", ["000000000", "889640781", "88964078", "88964078x"])
def test_production_refuses_a_placeholder_or_mistyped_organisation_number(number):
    result = _run({"ARCHIVE_CREATOR_ID": number})
    assert result.returncode != 0
    assert "ARCHIVE_CREATOR_ID must be the agency's organisation number" in result.stderr
