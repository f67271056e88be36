"""The moderation demo shows each feature to ola and kari, and runs twice without change."""

import pytest
from django.urls import reverse

import demo.moderation
from forum.models import (
    Clarification,
    Escalation,
    Flag,
    LiveChat,
    ModerationLogEntry,
    Notification,
    Thread,
)
from tests.forum.factories import RoomFactory, TopicFactory
from tests.people.factories import OrgUnitFactory, UserFactory


@pytest.fixture
def demo_world(db):
    """The people and topics demo.people/demo.forum provide, in miniature."""
    from django.contrib.auth.models import Group

    import access

    unit = OrgUnitFactory(name="NAV Sandnes", code="NAV-SANDNES")
    OrgUnitFactory(name="Arbeids- og tjenesteavdelingen", code="NAV-AVDIR-ATJ")
    people = {
        u: UserFactory(username=u, full_name=u.replace(".", " ").title(), unit=unit)
        for u in demo.moderation.CAST
    }
    people["admin"].groups.add(Group.objects.get_or_create(name=access.ADMINISTRATORS)[0])
    room = RoomFactory(name="Erfaringsforum", slug="erfaringsforum")
    TopicFactory(room=room, name="Dagpenger", slug="dagpenger")
    TopicFactory(room=room, name="Sykepenger", slug="sykepenger")
    return people


def test_demo_is_idempotent_and_shows_the_features(
    client, demo_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        demo.moderation.seed()
    counts = (
        Thread.objects.count(),
        Clarification.objects.count(),
        Flag.objects.count(),
        Escalation.objects.count(),
        LiveChat.objects.count(),
        ModerationLogEntry.objects.count(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        demo.moderation.seed()
    assert counts == (
        Thread.objects.count(),
        Clarification.objects.count(),
        Flag.objects.count(),
        Escalation.objects.count(),
        LiveChat.objects.count(),
        ModerationLogEntry.objects.count(),
    )
    assert all(counts)

    client.force_login(demo_world["ola"])
    queue = client.get(reverse("forum:queue")).content.decode()
    assert "etablering av egen virksomhet" in queue and "Over fristen" in queue
    assert "EØS" in client.get(reverse("forum:flag_queue")).content.decode()
    assert Notification.objects.filter(user=demo_world["ola"], kind="reminder").exists()

    client.force_login(demo_world["kari"])
    assert Notification.objects.filter(user=demo_world["kari"], kind="mention").exists()
    assert "personopplysninger" in client.get(reverse("forum:removals")).content.decode()
    assert "Felles maler" in client.get(reverse("forum:ideas")).content.decode()
    chats = client.get(reverse("forum:livechats")).content.decode()
    assert "ny kontorstruktur" in chats and "Pågår" in chats
    question = Thread.objects.get(title__startswith="Dagpenger når permitteringen")
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Kvalitetssikret" in page and "Godtatt svar" in page and "Erstatter" in page


def test_demo_skips_without_people(db):
    demo.moderation.seed()  # nothing to build on: no error, nothing made
    assert not Thread.objects.exists()
