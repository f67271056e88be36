"""``{% person %}``: how a person appears everywhere (name, workplace, link to the profile)."""

import pytest
from django.template import engines
from django.urls import reverse

from tests.people.factories import OrgUnitFactory, UserFactory

TEMPLATE = engines["django"].from_string("{% load access_tags %}{% person someone %}")


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["kari", "a.b@nav.no", "ø å x", "o'hara+1"])
def test_person_links_to_the_same_url_as_reverse(username):
    someone = UserFactory(username=username, full_name="Kari Nordmann", unit=None)
    html = TEMPLATE.render({"someone": someone})
    href = reverse("people:profile", args=[username]).replace("'", "&#x27;")
    assert f'href="{href}"' in html


@pytest.mark.django_db
def test_person_shows_name_and_workplace_escaped():
    unit = OrgUnitFactory(name="NAV <Sandnes>")
    someone = UserFactory(username="kari", full_name="Kari <b>Nordmann</b>", unit=unit)
    html = TEMPLATE.render({"someone": someone})
    assert '<span class="person__name">Kari &lt;b&gt;Nordmann&lt;/b&gt;</span>' in html
    assert '<span class="person__workplace">· NAV &lt;Sandnes&gt;</span>' in html


@pytest.mark.django_db
def test_person_without_workplace_shows_only_the_name():
    someone = UserFactory(username="ola", full_name="Ola Hansen", unit=None)
    html = TEMPLATE.render({"someone": someone})
    assert "person__workplace" not in html
    assert "Ola Hansen" in html
