"""Private handbook pages (Wagtail's page privacy) in search.

Documents under a restricted page carry that page's principal
(``restricted-page:<id>``); a person holds it when they pass the restriction, decided
per request from their live groups. Setting or removing a restriction re-indexes the
page and the pages below it.
"""

from importlib import import_module

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

import access
from fagrom import generations
from handbook import search as handbook_search
from people.models import User
from search.documents import SearchQuery
from search.services import search_run, search_suggest
from tests.handbook.factories import chapter, handbook_page, restrict, text


def titles(user, q, backend=None):
    return [h.title for h in search_run(user=user, query=SearchQuery(q), backend=backend).hits]


def fresh(user):
    """The person as the next request sees them (``request.user`` is loaded per request)."""
    return User.objects.get(pk=user.pk)


@pytest.fixture
def personnel(handbook, handbook_editor, django_capture_on_commit_callbacks):
    """A chapter and a page below it, published and indexed while still open to everyone."""
    with django_capture_on_commit_callbacks(execute=True):
        personnel = chapter(
            handbook, title="Personalsaker", owner=handbook_editor, publish_by=handbook_editor
        )
        page = handbook_page(
            personnel,
            title="Varsling om kollega",
            owner=handbook_editor,
            body=text("Varslingsrutinen gjelder kritikkverdige forhold."),
            publish_by=handbook_editor,
        )
    return personnel, page


@pytest.fixture
def private(personnel, hr_group, django_capture_on_commit_callbacks):
    """The chapter made private to HR-ledere after it was indexed."""
    with django_capture_on_commit_callbacks(execute=True):
        restrict(personnel[0], groups=[hr_group])
    return personnel


def test_private_page_and_the_page_below_it_are_found_only_by_group_members(
    private, case_worker, hr_member
):
    assert titles(case_worker, "varslingsrutinen") == []
    assert titles(case_worker, "personalsaker") == []
    assert search_suggest(user=case_worker, prefix="varsl") == []
    assert titles(hr_member, "varslingsrutinen") == ["Varsling om kollega"]
    assert titles(hr_member, "personalsaker") == ["Personalsaker"]
    assert [s.title for s in search_suggest(user=hr_member, prefix="varsl")] == [
        "Varsling om kollega"
    ]


def test_superusers_find_private_pages_but_editors_outside_the_group_do_not(
    private, agency, handbook_editor
):
    """As Wagtail's serve(): a group restriction lets only its members and superusers in."""
    from tests.people.factories import UserFactory

    root = UserFactory(username="root", full_name="Rot Bruker", unit=agency, is_superuser=True)
    assert titles(root, "varslingsrutinen") == ["Varsling om kollega"]
    assert titles(handbook_editor, "varslingsrutinen") == []


def test_person_added_to_the_group_finds_the_page_at_once_without_reindexing(
    private, case_worker, hr_group, django_capture_on_commit_callbacks
):
    assert titles(case_worker, "varslingsrutinen") == []
    with django_capture_on_commit_callbacks() as callbacks:
        case_worker.groups.add(hr_group)
    # Nothing is re-indexed (the callbacks renew the cached grants' version and the
    # generations of cached page parts).
    renewals = (import_module("access.grants")._version_replace, generations._replace)
    assert [c for c in callbacks if getattr(c, "func", c) not in renewals] == []
    assert titles(fresh(case_worker), "varslingsrutinen") == ["Varsling om kollega"]
    fresh_user = fresh(case_worker)
    fresh_user.groups.remove(hr_group)
    assert titles(fresh(case_worker), "varslingsrutinen") == []


def test_changing_the_restrictions_groups_changes_who_finds_it_without_reindexing(
    private, case_worker, hr_member, department
):
    restriction = PageViewRestriction.objects.get(page=private[0])
    restriction.groups.set([department.group])  # NAV Sandnes, where Kari works
    assert titles(fresh(case_worker), "varslingsrutinen") == ["Varsling om kollega"]
    other = Group.objects.create(name="Ledergruppen")
    restriction.groups.set([other])
    assert titles(fresh(case_worker), "varslingsrutinen") == []
    assert titles(fresh(hr_member), "varslingsrutinen") == []


def test_removing_the_restriction_makes_the_pages_findable_again_after_the_reindex(
    private, case_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        PageViewRestriction.objects.get(page=private[0]).delete()
    assert callbacks  # the chapter and its page were re-indexed
    assert titles(fresh(case_worker), "varslingsrutinen") == ["Varsling om kollega"]
    assert titles(fresh(case_worker), "personalsaker") == ["Personalsaker"]


def test_page_under_two_restrictions_is_found_only_by_those_who_pass_both(
    private, case_worker, hr_member, hr_group, django_capture_on_commit_callbacks
):
    lawyers = Group.objects.create(name="Jurister")
    with django_capture_on_commit_callbacks(execute=True):
        restrict(private[1], groups=[lawyers])
    case_worker.groups.add(lawyers)  # passes the page's restriction, not the chapter's
    assert titles(fresh(case_worker), "varslingsrutinen") == []
    assert titles(fresh(hr_member), "varslingsrutinen") == []  # the chapter's, not the page's
    assert titles(fresh(hr_member), "personalsaker") == ["Personalsaker"]
    hr_member.groups.add(lawyers)
    assert titles(fresh(hr_member), "varslingsrutinen") == ["Varsling om kollega"]


def test_password_restriction_is_found_by_handbook_editors_only(
    personnel, case_worker, handbook_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        restrict(personnel[1], kind=PageViewRestriction.PASSWORD, password="hemmelig")
    assert titles(case_worker, "varslingsrutinen") == []
    assert titles(handbook_editor, "varslingsrutinen") == ["Varsling om kollega"]


def test_privacy_set_in_the_wagtail_admin_reindexes_the_page_and_the_pages_below_it(
    client,
    personnel,
    handbook_editor,
    case_worker,
    hr_member,
    hr_group,
    django_capture_on_commit_callbacks,
):
    url = reverse("wagtailadmin_pages:set_privacy", args=[personnel[0].pk])
    client.force_login(handbook_editor)
    assert titles(case_worker, "varslingsrutinen") == ["Varsling om kollega"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"restriction_type": "groups", "groups": [hr_group.pk]})
    assert response.status_code == 200
    assert titles(fresh(case_worker), "varslingsrutinen") == []
    assert titles(fresh(hr_member), "varslingsrutinen") == ["Varsling om kollega"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"restriction_type": "none"})
    assert not PageViewRestriction.objects.exists()
    assert titles(fresh(case_worker), "varslingsrutinen") == ["Varsling om kollega"]


def test_every_backend_keeps_private_pages_out_of_hits_totals_and_facets(
    backend, private, case_worker, hr_member
):
    backend.rebuild(handbook_search.documents())
    outside = search_run(user=case_worker, query=SearchQuery("varsling"), backend=backend)
    assert outside.hits == [] and outside.total == 0
    assert [(f.value, f.count) for f in outside.facets["type"]] == []
    inside = search_run(user=hr_member, query=SearchQuery("varsling"), backend=backend)
    assert [h.title for h in inside.hits] == ["Varsling om kollega"]
    assert access.restricted_page_principal(private[0].pk) in access.principals_for(hr_member)
    assert access.restricted_page_principal(private[0].pk) not in access.principals_for(case_worker)
