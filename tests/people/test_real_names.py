"""Real names are a rule: without full name and workplace a person reads but cannot write."""

from django.urls import reverse

from forum.models import Thread
from tests.forum.factories import ThreadFactory


def test_person_appears_with_name_and_workplace(case_worker):
    assert case_worker.display_name == "Kari Nordmann · NAV Sandnes"


def test_thread_page_shows_author_with_workplace(client, case_worker, topic):
    thread = ThreadFactory(topic=topic, author=case_worker)
    client.force_login(case_worker)
    body = client.get(thread.get_absolute_url()).content.decode()
    assert "Kari Nordmann" in body
    assert "· NAV Sandnes" in body


def test_person_without_real_name_can_read(client, nameless, topic):
    thread = ThreadFactory(topic=topic, title="Lesbar tråd")
    client.force_login(nameless)
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_person_without_real_name_is_told_why_and_where_to_fix_it(client, nameless, topic):
    thread = ThreadFactory(topic=topic)
    client.force_login(nameless)
    body = client.get(thread.get_absolute_url()).content.decode()
    assert "fullt navn og arbeidssted" in body
    assert reverse("people:profile_edit") in body
    assert f'action="{reverse("forum:reply", args=[thread.pk])}"' not in body


def test_person_without_real_name_cannot_start_thread(client, nameless, topic):
    client.force_login(nameless)
    url = reverse("forum:thread_new", args=[topic.room.slug, topic.slug])
    response = client.post(url, {"title": "Hei", "kind": "discussion", "body": "Tekst"})
    assert response.status_code == 403
    assert "fullt navn og arbeidssted" in response.content.decode()
    assert not Thread.objects.exists()


def test_person_without_real_name_cannot_reply(client, nameless, topic):
    thread = ThreadFactory(topic=topic)
    client.force_login(nameless)
    response = client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Svar"})
    assert response.status_code == 403
    assert thread.posts.count() == 1


def test_person_with_only_a_name_still_cannot_write(client, topic, db):
    from tests.people.factories import UserFactory

    user = UserFactory(full_name="Navn Uten Arbeidssted", unit=None)
    client.force_login(user)
    url = reverse("forum:thread_new", args=[topic.room.slug, topic.slug])
    assert (
        client.post(url, {"title": "Hei", "kind": "discussion", "body": "Tekst"}).status_code == 403
    )


def test_a_person_without_a_name_asks_for_one_and_writes_once_an_administrator_approves(
    client, nameless, department, topic, administrator
):
    from people.models import IdentityCorrection
    from people.services import identity_correction_decide

    client.force_login(nameless)
    response = client.post(
        reverse("people:identity_correction"),
        {"full_name": "Anne  Nyansatt", "org_unit": department.pk, "message": "Ny i jobben"},
    )
    assert response.status_code == 302
    nameless.refresh_from_db()
    assert not nameless.has_real_name  # nothing changes until an administrator approves
    url = reverse("forum:thread_new", args=[topic.room.slug, topic.slug])
    assert client.post(url, {"title": "T", "kind": "discussion", "body": "Hei"}).status_code == 403

    identity_correction_decide(
        correction=IdentityCorrection.objects.get(person=nameless), by=administrator, approve=True
    )
    nameless.refresh_from_db()
    assert nameless.full_name == "Anne Nyansatt"
    assert nameless.has_real_name
    response = client.post(url, {"title": "Første tråd", "kind": "discussion", "body": "Hei alle"})
    assert response.status_code == 302


def test_correction_requires_first_and_last_name_and_keeps_input(client, nameless, department):
    client.force_login(nameless)
    response = client.post(
        reverse("people:identity_correction"),
        {"full_name": "Anne", "org_unit": department.pk, "message": "Ny i jobben"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Skriv både fornavn og etternavn." in body
    assert "Ny i jobben" in body


def test_directory_managed_name_cannot_be_changed_in_fagrom(client, case_worker, agency):
    case_worker.directory_managed = True
    case_worker.save()
    client.force_login(case_worker)
    client.post(
        reverse("people:profile_edit"),
        {
            "full_name": "Noe Annet",
            "org_unit": agency.pk,
            "title": "Seniorrådgiver",
            "language": "nb",
        },
    )
    case_worker.refresh_from_db()
    assert case_worker.full_name == "Kari Nordmann"
    assert case_worker.org_unit.name == "NAV Sandnes"
    assert case_worker.title == "Seniorrådgiver"


def test_profile_page_shows_unit_title_and_recent_posts(client, case_worker, colleague, topic):
    ThreadFactory(topic=topic, author=colleague, title="Jonas sin tråd")
    client.force_login(case_worker)
    body = client.get(reverse("people:profile", args=[colleague.username])).content.decode()
    assert "NAV Sandnes" in body
    assert "Saksbehandler" in body
    assert "Jonas sin tråd" in body
