"""The demo rooms: who sees which, and running the seed twice changes nothing."""

import access
import demo.rooms
from forum.models import Room, RoomMembership, Thread
from people.models import User
from tests.people.factories import OrgUnitFactory, UserFactory


def _organisation():
    nav = OrgUnitFactory(name="NAV", code="NAV")
    sandnes = OrgUnitFactory(name="NAV Sandnes", code="NAV-SANDNES", parent=nav)
    aoy = OrgUnitFactory(name="NAV Arbeid og ytelser", code="NAV-AOY", parent=nav)
    sorlandet = OrgUnitFactory(name="NAV AY Sørlandet", code="NAV-AOY-SORLANDET", parent=aoy)
    skatt = OrgUnitFactory(name="Skatteetaten", code="SKATT")
    dialog = OrgUnitFactory(name="Brukerdialog", code="SKATT-BRUKERDIALOG", parent=skatt)
    stavanger = OrgUnitFactory(name="Brukerdialog Stavanger", code="SKATT-BD-STV", parent=dialog)
    for username, unit in [
        ("kari", sandnes),
        ("ola", aoy),
        ("per", stavanger),
        ("sigrid.haugland", sandnes),
        ("lars.pedersen", sorlandet),
        ("hanne.bakke", aoy),
    ]:
        UserFactory(username=username, unit=unit)


def _sees(username, slug):
    return access.can_view(User.objects.get(username=username), Room.objects.get(slug=slug))


def test_demo_rooms_give_the_described_access_and_are_idempotent(db):
    _organisation()
    demo.rooms.seed()
    counts = (Room.objects.count(), RoomMembership.objects.count(), Thread.objects.count())
    demo.rooms.seed()
    assert (Room.objects.count(), RoomMembership.objects.count(), Thread.objects.count()) == counts

    project = Room.objects.get(slug="prosjekt-ny-saksflyt")
    assert project.memberships.count() == 3 and not project.is_open
    assert _sees("kari", "prosjekt-ny-saksflyt") and not _sees("per", "prosjekt-ny-saksflyt")
    assert _sees("kari", "nav-sandnes") and not _sees("ola", "nav-sandnes")
    assert _sees("per", "nav-skatt-inntekt") and _sees("ola", "nav-skatt-inntekt")
    assert not _sees("kari", "nav-skatt-inntekt")
    assert Thread.objects.filter(topic__room__slug="nav-skatt-inntekt").get().post_count == 3
