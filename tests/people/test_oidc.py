"""Single sign-on: the real callback view against a local OpenID Connect provider."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from guardian.shortcuts import assign_perm
from joserfc.jwk import RSAKey

from forum.models import Room
from people.models import User
from tests.forum.factories import RoomFactory, ThreadFactory, TopicFactory
from tests.local_http import closed_port_url
from tests.people.factories import OrgUnitFactory, UserFactory
from tests.people.fake_oidc import CLIENT_ID, CLIENT_SECRET, FakeProvider


@pytest.fixture(scope="module")
def rsa_key():
    return RSAKey.generate_key(2048, parameters={"kid": "test-key"})


@pytest.fixture
def provider(settings, rsa_key):
    idp = FakeProvider(rsa_key)
    with idp.running() as url:
        settings.OIDC_ENABLED = True
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{url}/authorize"
        settings.OIDC_OP_TOKEN_ENDPOINT = f"{url}/token"
        settings.OIDC_OP_USER_ENDPOINT = f"{url}/userinfo"
        settings.OIDC_OP_JWKS_ENDPOINT = f"{url}/jwks"
        settings.OIDC_OP_ISSUER = url
        settings.AUTHENTICATION_BACKENDS = [
            "people.oidc.FagromOIDCBackend",
            *settings.AUTHENTICATION_BACKENDS,
        ]
        yield idp


@pytest.fixture
def sandnes(department):
    return department  # NAV Sandnes, code NAV-SANDNES


@pytest.fixture
def bergen(agency):
    return OrgUnitFactory(name="NAV Bergen", code="NAV-BERGEN", parent=agency)


def claims(**overrides):
    return {
        "sub": "3f0c5e1a",
        "preferred_username": "Kari.Nordmann@nav.no",
        "name": "Kari Nordmann",
        "email": "kari.nordmann@nav.no",
        "jobTitle": "Rådgiver",
        "department": "NAV-SANDNES",
        **overrides,
    }


def sso_login(client, provider, person_claims, next_url="/forum/"):
    response = client.get(reverse("oidc_authentication_init"), {"next": next_url})
    assert response.status_code == 302
    callback_query = provider.authorize(response["Location"], person_claims)
    return client.get(reverse("oidc_authentication_callback"), callback_query)


def test_first_sso_login_creates_the_person_from_claims(client, provider, sandnes):
    response = sso_login(client, provider, claims())
    assert response.status_code == 302
    assert response["Location"] == "/forum/"
    user = User.objects.get(username="kari.nordmann@nav.no")
    assert client.session[SESSION_KEY] == str(user.pk)
    assert user.full_name == "Kari Nordmann"
    assert (user.first_name, user.last_name) == ("Kari", "Nordmann")
    assert user.email == "kari.nordmann@nav.no"
    assert user.title == "Rådgiver"
    assert user.org_unit == sandnes
    assert user.directory_managed
    assert user.has_real_name
    assert not user.has_usable_password()
    # Unit groups are in place, so the person may write at once.
    assert set(user.groups.values_list("name", flat=True)) == {
        "unit:NAV",
        "unit:NAV-SANDNES",
        "unit-direct:NAV-SANDNES",
    }


def test_sso_login_updates_name_title_and_moves_the_person(client, provider, sandnes, bergen):
    sso_login(client, provider, claims())
    client.logout()
    response = sso_login(
        client,
        provider,
        claims(name="Kari Nordmann Berg", jobTitle="Seniorrådgiver", department="nav-bergen"),
    )
    assert response.status_code == 302
    user = User.objects.get(username="kari.nordmann@nav.no")
    assert user.full_name == "Kari Nordmann Berg"
    assert user.title == "Seniorrådgiver"
    assert user.org_unit == bergen
    assert "unit:NAV-SANDNES" not in set(user.groups.values_list("name", flat=True))
    assert User.objects.filter(username__iexact="kari.nordmann@nav.no").count() == 1


def test_room_access_follows_a_move_reported_at_sign_in(client, provider, sandnes, bergen):
    room = RoomFactory(name="Bergen intern", slug="bergen-intern", kind=Room.Kind.CLOSED)
    assign_perm("view_room", bergen.group, room)
    thread = ThreadFactory(topic=TopicFactory(room=room), title="Bare for Bergen")
    sso_login(client, provider, claims())
    assert client.get(thread.get_absolute_url()).status_code == 404
    client.logout()
    sso_login(client, provider, claims(department="NAV-BERGEN"))
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_claims_from_userinfo_win_over_the_id_token(client, provider, sandnes):
    provider.userinfo_extra = {"email": "kari@nav.no"}
    sso_login(client, provider, claims())
    assert User.objects.get(username="kari.nordmann@nav.no").email == "kari@nav.no"


def test_unknown_unit_code_keeps_the_person_where_they_are(client, provider, sandnes):
    sso_login(client, provider, claims())
    client.logout()
    sso_login(client, provider, claims(department="FINNES-IKKE"))
    user = User.objects.get(username="kari.nordmann@nav.no")
    assert client.session[SESSION_KEY] == str(user.pk)
    assert user.org_unit == sandnes


def test_existing_local_account_is_taken_over_by_the_directory(client, provider, sandnes):
    local = UserFactory(username="kari.nordmann@nav.no", full_name="Kari N.", unit=None)
    sso_login(client, provider, claims())
    local.refresh_from_db()
    assert local.directory_managed
    assert local.full_name == "Kari Nordmann"
    assert local.org_unit == sandnes
    assert client.session[SESSION_KEY] == str(local.pk)


def test_real_name_rule_holds_under_sso(client, provider, sandnes, bergen):
    sso_login(client, provider, claims())
    page = client.get(reverse("people:profile_edit")).content.decode()
    assert "Kari Nordmann" in page and "kan ikke endres her" in page
    response = client.post(
        reverse("people:profile_edit"),
        {"full_name": "Anonym Bruker", "org_unit": bergen.pk, "title": "Leder", "language": "nb"},
    )
    assert response.status_code == 302
    user = User.objects.get(username="kari.nordmann@nav.no")
    assert user.full_name == "Kari Nordmann"
    assert user.org_unit == sandnes
    assert user.title == "Leder"  # the title is the person's own to adjust until the next sign-in


def test_token_issued_for_another_client_is_refused(client, provider, sandnes):
    provider.audience = "another-app"
    response = sso_login(client, provider, claims())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert SESSION_KEY not in client.session
    assert not User.objects.filter(username="kari.nordmann@nav.no").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Innloggingen med virksomhetens konto mislyktes" in page


def test_token_signed_with_another_key_is_refused(client, provider, sandnes):
    provider.signing_key = RSAKey.generate_key(2048, parameters={"kid": "test-key"})
    response = sso_login(client, provider, claims())
    assert SESSION_KEY not in client.session
    assert not User.objects.filter(username="kari.nordmann@nav.no").exists()
    assert response["Location"] == "/accounts/login/"


def test_claims_without_a_username_are_refused(client, provider, sandnes):
    sso_login(client, provider, claims(preferred_username=""))
    assert SESSION_KEY not in client.session
    assert not User.objects.exists()


def test_a_person_who_left_cannot_sign_in(client, provider, sandnes):
    sso_login(client, provider, claims())
    client.logout()
    User.objects.filter(username="kari.nordmann@nav.no").update(is_active=False)
    response = sso_login(client, provider, claims())
    assert response["Location"] == "/accounts/login/"
    assert SESSION_KEY not in client.session
    assert not User.objects.get(username="kari.nordmann@nav.no").is_active


def test_deactivation_ends_a_running_sso_session(client, provider, sandnes):
    sso_login(client, provider, claims())
    assert client.get(reverse("home")).status_code == 200
    User.objects.filter(username="kari.nordmann@nav.no").update(is_active=False)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_login_page_offers_the_agency_account_when_sso_is_on(client, provider):
    html = client.get(reverse("login")).content.decode()
    assert "Logg inn med virksomhetens konto" in html
    assert reverse("oidc_authentication_init") in html
    assert 'name="password"' in html  # local login stays available by default


def test_login_page_has_no_sso_button_and_sso_urls_404_when_sso_is_off(client, db):
    assert "virksomhetens konto" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    assert client.get(reverse("oidc_authentication_callback")).status_code == 404


def test_local_login_can_be_turned_off(client, provider, case_worker, settings):
    settings.LOCAL_LOGIN_ENABLED = False
    html = client.get(reverse("login")).content.decode()
    assert "Logg inn med virksomhetens konto" in html
    assert 'name="password"' not in html
    response = client.post(reverse("login"), {"username": "kari", "password": "pw"})
    assert response.status_code == 400
    assert "Innlogging med brukernavn og passord er slått av" in response.content.decode()
    assert SESSION_KEY not in client.session
    # Wagtail's own login form can't be used as a side door either.
    client.post("/admin/login/", {"username": "kari", "password": "pw"})
    assert SESSION_KEY not in client.session


def test_an_unreachable_provider_gives_a_clear_message_not_a_500(
    client, provider, sandnes, settings
):
    response = client.get(reverse("oidc_authentication_init"))
    callback_query = provider.authorize(response["Location"], claims())
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{closed_port_url()}/token"
    response = client.get(reverse("oidc_authentication_callback"), callback_query)
    assert response.status_code == 302
    assert "mislyktes" in client.get(response["Location"]).content.decode()
    assert SESSION_KEY not in client.session


def test_a_replayed_callback_is_refused(client, provider, sandnes):
    response = client.get(reverse("oidc_authentication_init"))
    callback_query = provider.authorize(response["Location"], claims())
    assert client.get(reverse("oidc_authentication_callback"), callback_query).status_code == 302
    client.logout()
    response = client.get(reverse("oidc_authentication_callback"), callback_query)
    assert response["Location"] == "/accounts/login/"
    assert SESSION_KEY not in client.session
