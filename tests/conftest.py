"""Shared fixtures: the roles of DESIGN.md as ready-made people."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

import access
from tests.forum.factories import RoomFactory, TopicFactory
from tests.people.factories import OrgUnitFactory, UserFactory


@pytest.fixture(autouse=True)
def _private_storage(settings, tmp_path):
    """Attachments and archival files go to a fresh folder per test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters live in the cache; one test's logins and posts must not slow the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agency(db):
    return OrgUnitFactory(name="NAV", code="NAV", kind="agency")


@pytest.fixture
def department(agency):
    return OrgUnitFactory(name="NAV Sandnes", code="NAV-SANDNES", parent=agency)


@pytest.fixture
def other_agency(db):
    return OrgUnitFactory(name="Skatteetaten", code="SKATT", kind="agency")


@pytest.fixture
def open_room(db):
    return RoomFactory(name="Erfaringsforum", slug="erfaringsforum")


@pytest.fixture
def topic(open_room):
    return TopicFactory(room=open_room, name="Dagpenger", slug="dagpenger")


@pytest.fixture
def case_worker(department):
    return UserFactory(username="kari", full_name="Kari Nordmann", unit=department)


@pytest.fixture
def colleague(department):
    return UserFactory(username="jonas", full_name="Jonas Berg", unit=department)


@pytest.fixture
def moderator(department, topic):
    user = UserFactory(
        username="ola", full_name="Ola Hansen", unit=department, title="Fagansvarlig dagpenger"
    )
    topic.moderators.add(user)
    return user


@pytest.fixture
def outsider(other_agency):
    return UserFactory(username="per", full_name="Per Olsen", unit=other_agency)


def _with_role(user, group_name):
    group, _ = Group.objects.get_or_create(name=group_name)
    user.groups.add(group)
    return user


@pytest.fixture
def administrator(agency):
    return _with_role(
        UserFactory(username="admin", full_name="Anne Admin", unit=agency), access.ADMINISTRATORS
    )


@pytest.fixture
def handbook_editor(agency):
    return _with_role(
        UserFactory(username="ingrid", full_name="Ingrid Lunde", unit=agency),
        access.HANDBOOK_EDITORS,
    )


@pytest.fixture
def archivist(agency):
    return _with_role(
        UserFactory(username="arne", full_name="Arne Dahl", unit=agency), access.RECORDS_OFFICERS
    )


@pytest.fixture
def second_archivist(agency):
    """Another records officer: the second pair of eyes on disposal and legal holds."""
    return _with_role(
        UserFactory(username="berit", full_name="Berit Aas", unit=agency), access.RECORDS_OFFICERS
    )


@pytest.fixture
def nameless(db):
    """Logged in, but without full name or workplace: may read, not write."""
    return UserFactory(username="anon", full_name="", unit=None)


@pytest.fixture
def closed_room(db):
    return RoomFactory(name="Prosjekt Ugle", slug="prosjekt-ugle", kind="closed")


@pytest.fixture
def closed_topic(closed_room):
    return TopicFactory(room=closed_room, name="Ugle-planlegging", slug="planlegging")


@pytest.fixture
def room_owner(closed_room, department):
    """Owns ``closed_room``: manages its members and reads its log."""
    from tests.forum.factories import add_member

    user = UserFactory(username="romeier", full_name="Rita Romeier", unit=department)
    add_member(closed_room, "owner", user=user)
    return user


@pytest.fixture
def hr_group(db):
    """A Django group that is not a unit: what a private handbook page is restricted to."""
    from django.contrib.auth.models import Group

    return Group.objects.create(name="HR-ledere")


@pytest.fixture
def hr_member(colleague, hr_group):
    """Jonas, a member of ``hr_group``."""
    colleague.groups.add(hr_group)
    return colleague


@pytest.fixture
def handbook(agency, handbook_editor):
    """The handbook at /handbook/ with its workflow; everyone in NAV may edit and submit."""
    from handbook import services as handbook_services

    return handbook_services.handbook_setup(editing_units=[agency])
