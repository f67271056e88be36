"""Rules about people: org units and placement, identity, directory sync, API tokens.

One package, one module per domain; every public name is re-exported here, so
``from people import services`` and ``services.person_move(...)`` work as before.
"""

from .identity import (
    identity_attempt_refused,
    identity_change,
    identity_correction_decide,
    identity_correction_request,
    identity_log_for,
    unit_label,
)
from .organisation import (
    person_create,
    person_move,
    person_sync_unit_groups,
    profile_update,
    unit_create,
    unit_groups_for,
    user_language_set,
)
from .sync import (
    KEEP,
    DirectoryChange,
    UnitChange,
    person_sync_from_directory,
    unit_sync_from_directory,
)
from .tokens import (
    API_TOKEN_PREFIX,
    api_token_create,
    api_token_hash,
    api_token_revoke,
    api_token_user,
)

__all__ = [
    "API_TOKEN_PREFIX",
    "KEEP",
    "DirectoryChange",
    "UnitChange",
    "api_token_create",
    "api_token_hash",
    "api_token_revoke",
    "api_token_user",
    "identity_attempt_refused",
    "identity_change",
    "identity_correction_decide",
    "identity_correction_request",
    "identity_log_for",
    "person_create",
    "person_move",
    "person_sync_from_directory",
    "person_sync_unit_groups",
    "profile_update",
    "unit_create",
    "unit_groups_for",
    "unit_label",
    "unit_sync_from_directory",
    "user_language_set",
]
