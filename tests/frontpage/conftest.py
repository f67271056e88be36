"""The handbook's fixtures, for panels that show handbook pages."""

from tests.handbook.conftest import journal_page, page_owner, routines  # noqa: F401
