"""Operations plumbing: JSON log lines and the scheduler process."""

import json
import logging
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from fagrom.jsonlog import JsonFormatter


def _record(message, *args, exc_info=None, **extra):
    record = logging.LogRecord("fagrom.audit", logging.INFO, __file__, 1, message, args, exc_info)
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_json_log_line_carries_message_level_and_extra_fields():
    line = JsonFormatter().format(
        _record("person %s", "kari", event="person_updated", fields=["title"])
    )
    entry = json.loads(line)
    assert entry["message"] == "person kari"
    assert entry["level"] == "INFO"
    assert entry["logger"] == "fagrom.audit"
    assert entry["event"] == "person_updated"
    assert entry["fields"] == ["title"]
    assert entry["time"].endswith("+00:00")


def test_json_log_line_includes_the_exception_on_one_line():
    try:
        raise ValueError("boom")
    except ValueError:
        line = JsonFormatter().format(_record("failed", exc_info=sys.exc_info()))
    assert "\n" not in line
    assert "ValueError: boom" in json.loads(line)["exception"]


def test_json_log_line_keeps_request_path_not_the_request_object(rf):
    line = JsonFormatter().format(
        _record("Not Found", request=rf.get("/forum/x/"), status_code=404)
    )
    entry = json.loads(line)
    assert (entry["method"], entry["path"], entry["status_code"]) == ("GET", "/forum/x/", 404)


def test_scheduler_once_runs_every_job(db, settings):
    settings.SCHEDULED_JOBS = [("clearsessions", [], 3600), ("check", [], 60)]
    call_command("scheduler", once=True, stdout=StringIO())


def test_scheduler_reports_a_failed_job_after_running_the_others(db, settings, caplog):
    settings.SCHEDULED_JOBS = [
        ("sync_directory", ["/does/not/exist.csv"], 60),
        ("clearsessions", [], 3600),
    ]
    with pytest.raises(CommandError, match="sync_directory"):
        call_command("scheduler", once=True, stdout=StringIO(), stderr=StringIO())
    assert [r.job for r in caplog.records if hasattr(r, "job")] == [
        "sync_directory",
        "clearsessions",
    ]


def test_redis_cache_chosen_by_redis_url_has_its_client_library():
    """REDIS_URL selects Django's RedisCache, which imports the ``redis`` package when the
    cache is first used: production with Redis needs it installed (a pinned dependency)."""
    from django.core.cache.backends.redis import RedisCache

    client = RedisCache("redis://127.0.0.1:6379/0", {})._cache  # no connection until a command
    assert client._lib.__name__ == "redis"


def test_gunicorn_config_preloads_the_app_and_freezes_what_it_imported(monkeypatch):
    """gunicorn reads ./gunicorn.conf.py; the workers share the preloaded imports."""
    import gc
    import runpy
    from pathlib import Path

    config = runpy.run_path(str(Path(__file__).resolve().parents[1] / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    config["when_ready"](server=None)
    assert frozen == [True]
