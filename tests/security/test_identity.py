"""Nobody changes their own name or workplace: tried from an ordinary account, every way.

Per Olsen (Skatteetaten) tries to become "Ola Hansen" at NAV Sandnes, which would open
the NAV Sandnes room, an escalation sent to the unit, a hearing for the unit and the
right to edit the unit's handbook pages. Each attempt is refused, changes none of that,
and is in the identity log. Title and language stay his own to set.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

import access
from forum.services.escalation import escalation_create
from people.models import IdentityLogEntry, User
from people.services import api_token_create
from tests.forum.factories import RoomFactory, ThreadFactory, TopicFactory, add_member
from tests.handbook.factories import chapter, handbook_page

IDENTITY_POST = {
    "full_name": "Ola Hansen",
    "first_name": "Ola",
    "last_name": "Hansen",
    "workplace": "NAV Sandnes",
    "directory_managed": "",
    "is_staff": "on",
    "is_superuser": "on",
    "username": "ola",
}


@pytest.fixture
def world(department, moderator, outsider, handbook_editor, topic):
    from handbook.services import handbook_setup, hearing_open

    room = RoomFactory(name="NAV Sandnes-rommet", slug="nav-sandnes", kind="closed")
    add_member(room, "member", unit=department)
    room_topic = TopicFactory(room=room, name="Lokalt", slug="lokalt")
    room_thread = ThreadFactory(topic=room_topic, author=moderator)
    escalation = escalation_create(
        thread=ThreadFactory(topic=topic, author=moderator),
        by=moderator,
        note="Til NAV Sandnes",
        to_unit=department,
    )
    root = handbook_setup(editing_units=[department])
    page = handbook_page(chapter(root, publish_by=handbook_editor), publish_by=handbook_editor)
    hearing = hearing_open(
        page=page,
        by=handbook_editor,
        title="Høring",
        description="",
        units=[department],
        deadline=timezone.localdate(),
    )
    return {
        "room": room,
        "room_thread": room_thread,
        "escalation": escalation,
        "page": page,
        "hearing": hearing,
        "department": department,
    }


def _powers(user, w):
    """Everything identity opens: rooms, escalations, hearings, handbook editing, groups."""
    user = User.objects.get(pk=user.pk)  # fresh: no cached groups or grants
    access.forget(user)
    return {
        "name": (user.full_name, user.org_unit_id, user.is_staff, user.is_superuser),
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "rooms": sorted(access.rooms_visible_to(user).values_list("pk", flat=True)),
        "sees_room_thread": access.can_view(user, w["room_thread"]),
        "escalations": sorted(access.escalations_visible_to(user).values_list("pk", flat=True)),
        "answers_escalation": access.can_answer_escalation(user, w["escalation"]),
        "comments_on_hearing": access.can_comment_on_hearing(user, w["hearing"]),
        "edits_handbook_page": access.can_edit_handbook_page(user, w["page"]),
    }


def _refused(user):
    return IdentityLogEntry.objects.filter(person=user, action=IdentityLogEntry.Action.REFUSED)


def test_profile_form_with_every_field_changes_no_identity_and_is_logged(client, outsider, world):
    before = _powers(outsider, world)
    client.force_login(outsider)
    response = client.post(
        reverse("people:profile_edit"),
        {
            **IDENTITY_POST,
            "org_unit": world["department"].pk,
            "org_unit_id": world["department"].pk,
            "unit": world["department"].pk,
            "groups": [world["department"].group_id, world["department"].direct_group_id],
            "title": "Fagsjef",
            "language": "en",
        },
    )
    assert response.status_code == 302
    after = _powers(outsider, world)
    assert after == before
    assert not after["sees_room_thread"] and not after["answers_escalation"]
    outsider.refresh_from_db()
    assert (outsider.title, outsider.language) == ("Fagsjef", "en")  # still self-service
    logged = dict(_refused(outsider).values_list("field", "new_value"))
    assert logged["full_name"] == "Ola Hansen"
    assert logged["org_unit"] == str(world["department"].pk)
    assert {"unit", "org_unit_id", "groups", "is_superuser", "username"} <= set(logged)
    assert all(e.actor == outsider for e in _refused(outsider))


def test_repeated_profile_posts_never_change_identity_and_each_is_logged(client, outsider, world):
    before = _powers(outsider, world)
    client.force_login(outsider)
    for _ in range(3):
        client.post(
            reverse("people:profile_edit"),
            {"full_name": "Ola Hansen", "org_unit": world["department"].pk, "language": "nb"},
        )
    assert _powers(outsider, world) == before
    assert _refused(outsider).filter(field="full_name").count() == 3
    assert _refused(outsider).filter(field="org_unit").count() == 3


def test_invalid_profile_post_with_identity_fields_is_still_logged(client, outsider, world):
    client.force_login(outsider)
    response = client.post(
        reverse("people:profile_edit"), {"full_name": "Ola Hansen", "language": "xx"}
    )
    assert response.status_code == 400
    assert _refused(outsider).filter(field="full_name").exists()
    outsider.refresh_from_db()
    assert outsider.full_name == "Per Olsen"


def test_language_switch_with_identity_fields_changes_only_the_language(client, outsider, world):
    before = _powers(outsider, world)
    client.force_login(outsider)
    client.post(
        reverse("set_language"),
        {"language": "en", "full_name": "Ola Hansen", "org_unit": world["department"].pk},
    )
    assert _powers(outsider, world) == before
    outsider.refresh_from_db()
    assert outsider.language == "en"


@pytest.mark.parametrize("method", ["post", "put", "patch"])
@pytest.mark.parametrize("path", ["/api/v1/me", "/api/v1/people/me", "/api/v1/users/{pk}"])
def test_api_has_no_way_to_change_identity(client, outsider, world, method, path):
    before = _powers(outsider, world)
    _token, key = api_token_create(user=outsider, name="Angrep")
    response = getattr(client, method)(
        path.format(pk=outsider.pk),
        {**IDENTITY_POST, "org_unit": world["department"].pk},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code in (301, 404, 405)  # no such endpoint (301: APPEND_SLASH)
    assert _powers(outsider, world) == before


def test_api_post_with_author_fields_is_written_under_the_real_identity(
    client, outsider, world, topic
):
    before = _powers(outsider, world)
    _token, key = api_token_create(user=outsider, name="Angrep")
    response = client.post(
        "/api/v1/threads",
        {
            "topic": topic.pk,
            "title": "Fra Ola",
            "body": "Tekst",
            "author": {"name": "Ola Hansen", "workplace": "NAV Sandnes"},
            "author_name": "Ola Hansen",
            "author_workplace": "NAV Sandnes",
            "org_unit": world["department"].pk,
        },
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 201
    author = response.json()["author"]
    assert (author["name"], author["workplace"]) == ("Per Olsen", "Skatteetaten")
    assert _powers(outsider, world) == before


def test_ordinary_account_cannot_reach_the_user_admin(client, outsider, world):
    before = _powers(outsider, world)
    client.force_login(outsider)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[outsider.pk]),
        {
            **IDENTITY_POST,
            "org_unit": world["department"].pk,
            "identity_reason": "Jeg vil",
            "is_active": "on",
        },
    )
    assert response.status_code in (302, 403)
    assert _powers(outsider, world) == before
    assert client.get(reverse("people_identity_log")).status_code in (302, 403)


def test_a_correction_request_changes_nothing_until_an_administrator_approves(
    client, outsider, world, administrator
):
    before = _powers(outsider, world)
    client.force_login(outsider)
    response = client.post(
        reverse("people:identity_correction"),
        {"full_name": "Ola Hansen", "org_unit": world["department"].pk, "message": "Jeg er Ola"},
    )
    assert response.status_code == 302
    assert _powers(outsider, world) == before
    requested = IdentityLogEntry.objects.get(person=outsider, action="requested")
    assert requested.reason == "Jeg er Ola"
    # The requester cannot approve it, not even by posting to the admin view.
    response = client.post(
        reverse(
            "people_identity_correction_decide",
            args=[outsider.identity_corrections.get().pk],
        ),
        {"decision": "approve"},
    )
    assert response.status_code in (302, 403)
    assert _powers(outsider, world) == before

    client.force_login(administrator)
    correction = outsider.identity_corrections.get()
    response = client.post(
        reverse("people_identity_correction_decide", args=[correction.pk]),
        {"decision": "reject", "note": "Du er Per"},
    )
    assert response.status_code == 302
    assert _powers(outsider, world) == before
    rejected = IdentityLogEntry.objects.get(person=outsider, action="rejected")
    assert (rejected.actor, rejected.reason) == (administrator, "Du er Per")


def test_approved_correction_moves_the_person_and_the_log_says_who_and_why(
    client, outsider, world, administrator
):
    from people.services import identity_correction_request

    correction = identity_correction_request(
        person=outsider, unit=world["department"], message="Ny jobb i NAV Sandnes"
    )
    client.force_login(administrator)
    response = client.post(
        reverse("people_identity_correction_decide", args=[correction.pk]),
        {"decision": "approve", "note": "Bekreftet av HR"},
    )
    assert response.status_code == 302
    after = _powers(outsider, world)
    assert after["sees_room_thread"] and after["answers_escalation"]
    change = IdentityLogEntry.objects.get(person=outsider, field="org_unit", action="changed")
    assert change.actor == administrator
    assert change.source == IdentityLogEntry.Source.CORRECTION
    assert (change.old_value, change.new_value) == (
        "Skatteetaten (SKATT)",
        "NAV Sandnes (NAV-SANDNES)",
    )
    assert "Ny jobb i NAV Sandnes" in change.reason and "Bekreftet av HR" in change.reason
    log = client.get(reverse("people_identity_log")).content.decode()
    assert "NAV Sandnes (NAV-SANDNES)" in log and "Bekreftet av HR" in log


def test_directory_sync_changes_are_in_the_identity_log(outsider, world):
    from people.services import person_sync_from_directory

    person_sync_from_directory(
        username=outsider.username, full_name="Per Olsen-Vik", unit=world["department"]
    )
    entries = {
        e.field: e for e in IdentityLogEntry.objects.filter(person=outsider, action="changed")
    }
    assert (entries["full_name"].old_value, entries["full_name"].new_value) == (
        "Per Olsen",
        "Per Olsen-Vik",
    )
    assert entries["org_unit"].new_value == "NAV Sandnes (NAV-SANDNES)"
    assert {e.source for e in entries.values()} == {"directory"}
    assert all(e.actor is None for e in entries.values())
