"""Administrators manage people (real-name fields included) in the Wagtail admin."""

from django.urls import reverse

from people.models import User


def test_administrator_creates_person_with_workplace_and_unit_groups(
    client, administrator, department
):
    administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "siri",
            "email": "siri@example.no",
            "first_name": "Siri",
            "last_name": "Vik",
            "full_name": "Siri Vik",
            "org_unit": department.pk,
            "title": "Rådgiver",
            "password1": "et-langt-passord-123",
            "password2": "et-langt-passord-123",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    siri = User.objects.get(username="siri")
    assert siri.display_name == "Siri Vik · NAV Sandnes"
    # Unit groups follow the placement: the department and its agency, and the department's
    # "direct" group (people placed in the unit itself, for rooms given without sub-units).
    assert set(siri.groups.values_list("name", flat=True)) == {
        "unit:NAV-SANDNES",
        "unit:NAV",
        "unit-direct:NAV-SANDNES",
    }


def test_editing_person_in_admin_keeps_unit_groups(client, administrator, case_worker, agency):
    administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[case_worker.pk]),
        {
            "username": "kari",
            "email": "kari@example.no",
            "first_name": "Kari",
            "last_name": "Nordmann",
            "full_name": "Kari Nordmann",
            "org_unit": agency.pk,
            "title": "Seniorrådgiver",
            "is_active": "on",
            "identity_reason": "Flyttet til direktoratet",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    case_worker.refresh_from_db()
    assert case_worker.title == "Seniorrådgiver"
    assert set(case_worker.groups.values_list("name", flat=True)) == {"unit:NAV", "unit-direct:NAV"}
    entry = case_worker.identity_log.get()
    assert (entry.field, entry.actor, entry.source) == ("org_unit", administrator, "admin")
    assert (entry.old_value, entry.new_value) == ("NAV Sandnes (NAV-SANDNES)", "NAV (NAV)")
    assert entry.reason == "Flyttet til direktoratet"


def test_admin_cannot_move_a_person_without_a_reason(client, administrator, case_worker, agency):
    administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[case_worker.pk]),
        {
            "username": "kari",
            "email": "kari@example.no",
            "full_name": "Kari Nordmann",
            "org_unit": agency.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Skriv hvorfor navn eller arbeidssted endres." in response.content.decode()
    case_worker.refresh_from_db()
    assert case_worker.workplace == "NAV Sandnes"
    assert not case_worker.identity_log.exists()
