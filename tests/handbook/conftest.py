import pytest

from tests.handbook.factories import chapter, handbook_page


@pytest.fixture
def routines(handbook, handbook_editor):
    return chapter(
        handbook, title="Saksbehandling", owner=handbook_editor, publish_by=handbook_editor
    )


@pytest.fixture
def page_owner(department):
    from tests.people.factories import UserFactory

    return UserFactory(username="siri", full_name="Siri Eier", unit=department)


@pytest.fixture
def journal_page(routines, page_owner, handbook_editor):
    return handbook_page(
        routines, title="Journalføring", owner=page_owner, publish_by=handbook_editor
    )
