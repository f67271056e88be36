"""docs/configuration.md lists every environment variable the settings read."""

import re
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]


def test_every_environment_variable_in_the_settings_is_documented():
    source = "\n".join(p.read_text() for p in (BASE_DIR / "fagrom" / "settings").glob("*.py"))
    read = set(re.findall(r"\benv(?:_bool|_list)?\(\s*\"([A-Z][A-Z0-9_]+)\"", source))
    assert {"SECRET_KEY", "TASKS_BACKEND", "OIDC_RP_CLIENT_ID"} <= read  # the pattern works
    documented = set(
        re.findall(r"`([A-Z][A-Z0-9_]+)`", (BASE_DIR / "docs" / "configuration.md").read_text())
    )
    assert sorted(read - documented) == []
