"""Wagtail's page privacy on handbook pages holds on every surface Fagrom shows them on.

A chapter restricted to a group (and the page below it, which inherits the
restriction) answers 404 to everyone else on the page, its change log, versions,
diff, confirmations and hearings, and is left out of the contents, the change log
and the front page; a member of the group sees all of it, as Wagtail's ``serve()`` decides.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

import access
from handbook import services
from tests.handbook.factories import chapter, handbook_page, publish_new_version, restrict, text
from tests.people.factories import UserFactory


@pytest.fixture
def private_chapter(handbook, handbook_editor, hr_group):
    page = chapter(
        handbook, title="Personalsaker", owner=handbook_editor, publish_by=handbook_editor
    )
    restrict(page, groups=[hr_group])
    return page


@pytest.fixture
def private_page(private_chapter, handbook_editor, department):
    """Below the private chapter: inherits its restriction. Required reading for NAV Sandnes."""
    page = handbook_page(
        private_chapter,
        title="Varsling om kollega",
        owner=handbook_editor,
        publish_by=handbook_editor,
        units=[department],
    )
    publish_new_version(page, by=handbook_editor, body=text("Ny rutine for varsling."))
    return page


def page_urls(page):
    return [
        page.url,
        reverse("handbook:page_changelog", args=[page.pk]),
        reverse("handbook:version", args=[page.pk, 1, 0]),
        reverse("handbook:diff", args=[page.pk]),
        reverse("handbook:confirmations", args=[page.pk]),
        reverse("handbook:hearing_new", args=[page.pk]),
    ]


def test_non_member_gets_404_for_private_page_its_history_and_the_page_below_it(
    client, case_worker, private_chapter, private_page
):
    client.force_login(case_worker)
    for url in [*page_urls(private_chapter), *page_urls(private_page)]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("handbook:confirm", args=[private_page.pk])).status_code == 404


def test_group_member_reads_private_page_and_its_history(
    client, hr_member, private_chapter, private_page
):
    client.force_login(hr_member)
    for url in page_urls(private_page)[:4]:
        assert client.get(url).status_code == 200, url
    html = client.get(private_page.url).content.decode()
    assert "Ny rutine for varsling." in html
    assert client.get(private_chapter.url).status_code == 200
    assert client.post(reverse("handbook:confirm", args=[private_page.pk])).status_code == 302


def test_serve_agrees_superusers_pass_but_editors_and_administrators_outside_the_group_do_not(
    client, handbook_editor, administrator, agency, private_page
):
    """Wagtail lets only superusers past a group restriction; Fagrom says the same."""
    root = UserFactory(username="root", full_name="Rot Bruker", unit=agency, is_superuser=True)
    for person, status in ((root, 200), (handbook_editor, 404), (administrator, 404)):
        client.force_login(person)
        assert client.get(private_page.url).status_code == status, person
        changelog = reverse("handbook:page_changelog", args=[private_page.pk])
        assert client.get(changelog).status_code == status, person
        assert access.can_read_handbook_page(person, private_page) is (status == 200)


def test_anonymous_visitor_is_sent_to_login_for_a_private_page(client, private_page):
    response = client.get(private_page.url)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_private_pages_are_left_out_of_contents_change_log_and_front_page_for_non_member(
    client, case_worker, hr_member, journal_page, private_chapter, private_page
):
    surfaces = [
        journal_page.url,  # the contents sidebar of a page everyone reads
        journal_page.get_parent().get_parent().url,  # the handbook's front page
        reverse("handbook:changelog"),
        reverse("home"),  # handbook changes and required reading
    ]
    client.force_login(case_worker)
    for url in surfaces:
        html = client.get(url).content.decode()
        assert "Journalføring" in html, url
        assert "Personalsaker" not in html and "Varsling om kollega" not in html, url
    client.force_login(hr_member)
    for url in surfaces:
        html = client.get(url).content.decode()
        assert "Personalsaker" in html and "Varsling om kollega" in html, url


def test_required_reading_leaves_out_people_the_privacy_keeps_out(
    case_worker, hr_member, private_page
):
    assert services.readings_unconfirmed_for(case_worker) == []
    assert [p.pk for p in services.readings_unconfirmed_for(hr_member)] == [private_page.pk]
    status = services.reading_status(page=private_page)
    assert hr_member in status["missing"]
    assert case_worker not in status["missing"]


def test_hearing_on_private_page_is_404_for_non_member(
    client, case_worker, hr_member, handbook_editor, department, private_page
):
    hearing = services.hearing_open(
        page=private_page,
        by=handbook_editor,
        title="Høring: varsling",
        description="",
        units=[department],
        deadline=timezone.localdate() + datetime.timedelta(days=7),
    )
    client.force_login(case_worker)
    assert client.get(hearing.get_absolute_url()).status_code == 404
    client.force_login(hr_member)
    assert client.get(hearing.get_absolute_url()).status_code == 200


def test_person_added_to_the_group_reads_the_page_at_once(
    client, case_worker, hr_group, private_page
):
    client.force_login(case_worker)
    assert client.get(private_page.url).status_code == 404
    case_worker.groups.add(hr_group)
    assert client.get(private_page.url).status_code == 200  # a fresh request, fresh grants


def test_removing_the_restriction_shows_the_page_again(
    client, case_worker, private_chapter, private_page
):
    PageViewRestriction.objects.get(page=private_chapter).delete()
    client.force_login(case_worker)
    assert client.get(private_page.url).status_code == 200
    assert "Varsling om kollega" in client.get(reverse("handbook:changelog")).content.decode()


def test_password_restriction_left_from_before_is_for_editors_only(
    client, case_worker, handbook_editor, journal_page
):
    """No shared passwords: an old one hides the page from everyone but editors."""
    restrict(journal_page, kind=PageViewRestriction.PASSWORD, password="hemmelig")
    client.force_login(case_worker)
    assert client.get(journal_page.url).status_code == 404
    assert client.get(reverse("handbook:diff", args=[journal_page.pk])).status_code == 404
    client.force_login(handbook_editor)
    response = client.get(journal_page.url)  # no password form: editors pass it
    assert response.status_code == 200
    assert "Alle saker skal journalføres samme dag." in response.content.decode()


def test_privacy_dialog_offers_groups_and_login_but_no_shared_password(
    client, handbook_editor, journal_page
):
    client.force_login(handbook_editor)
    response = client.get(reverse("wagtailadmin_pages:set_privacy", args=[journal_page.pk]))
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'value="groups"' in html and 'value="login"' in html
    assert 'value="password"' not in html


def test_privacy_dialog_names_units_not_group_machine_names_in_tree_order(
    client, handbook_editor, journal_page, agency, department, hr_group
):
    client.force_login(handbook_editor)
    response = client.get(reverse("wagtailadmin_pages:set_privacy", args=[journal_page.pk]))
    html = response.json()["html"]
    assert "unit:" not in html and "unit-direct:" not in html
    assert f"{department.name} (med underenheter)" in html
    assert f"{department.name} (bare enheten)" in html
    assert hr_group.name in html  # plain groups keep their names
    # Plain groups first, then the agency before its department, the department indented.
    assert html.index(hr_group.name) < html.index(agency.name) < html.index(department.name)
    assert "\u2003" + department.name in html


def test_privacy_dialog_saves_a_unit_group_chosen_by_its_name(
    client, handbook_editor, journal_page, department
):
    client.force_login(handbook_editor)
    url = reverse("wagtailadmin_pages:set_privacy", args=[journal_page.pk])
    response = client.post(url, {"restriction_type": "groups", "groups": [department.group_id]})
    assert response.status_code == 200
    restriction = journal_page.get_view_restrictions().get()
    assert list(restriction.groups.all()) == [department.group]


def test_forum_thread_and_proposal_form_leave_out_private_pages_for_non_members(
    client, moderator, case_worker, hr_member, hr_group, topic, journal_page, private_page
):
    from handbook.models import ChangeProposal
    from tests.forum.factories import PostFactory, ThreadFactory

    thread = ThreadFactory(topic=topic, title="Varsling i praksis")
    post = PostFactory(thread=thread, author=moderator, body="Presisering.")
    ChangeProposal.objects.create(
        page_id=private_page.pk, thread=thread, post=post, note="", created_by=moderator
    )
    client.force_login(case_worker)
    assert "Varsling om kollega" not in client.get(thread.get_absolute_url()).content.decode()
    client.force_login(hr_member)
    assert "Varsling om kollega" in client.get(thread.get_absolute_url()).content.decode()

    client.force_login(moderator)  # not in HR-ledere: the page is not offered, nor accepted
    form_url = reverse("handbook:proposal_new", args=[thread.pk])
    html = client.get(form_url).content.decode()
    assert "Journalføring" in html and "Varsling om kollega" not in html
    response = client.post(form_url, {"post": post.pk, "page": private_page.pk, "note": "x"})
    assert response.status_code == 400
    assert ChangeProposal.objects.count() == 1


def test_related_link_to_a_private_page_is_left_out_for_non_members(
    client, case_worker, hr_member, handbook_editor, journal_page, private_page
):
    import uuid

    publish_new_version(
        journal_page,
        by=handbook_editor,
        body=[
            {
                "type": "links",
                "id": str(uuid.uuid4()),
                "value": {"title": "Se også", "links": [{"page": private_page.pk}]},
            }
        ],
    )
    client.force_login(case_worker)
    assert "Varsling om kollega" not in client.get(journal_page.url).content.decode()
    client.force_login(hr_member)
    assert "Varsling om kollega" in client.get(journal_page.url).content.decode()
    # Nor does the private page's title travel into the linking page's text (search, diffs).
    assert "Varsling om kollega" not in "\n".join(journal_page.plain_text_paragraphs())


def test_review_listing_and_reminders_leave_out_owners_the_privacy_keeps_out(
    client, handbook_editor, hr_group, private_page, mailoutbox
):
    """The owner (an editor outside HR-ledere) is not sent the private page's title."""
    from handbook.models import HandbookPage

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    HandbookPage.objects.filter(pk=private_page.pk).update(next_review_date=yesterday)
    client.force_login(handbook_editor)
    assert "Varsling om kollega" not in client.get(reverse("handbook:review")).content.decode()
    services.review_reminders_send()
    assert not any("Varsling om kollega" in m.subject for m in mailoutbox)

    handbook_editor.groups.add(hr_group)
    assert "Varsling om kollega" in client.get(reverse("handbook:review")).content.decode()
    services.review_reminders_send()
    assert any("Varsling om kollega" in m.subject for m in mailoutbox)


def test_a_restriction_added_after_the_page_was_read_applies_to_the_next_request(
    client, case_worker, handbook, handbook_editor, hr_group
):
    """The restrictions are cached for every request; a change must not wait for the cache."""
    page = chapter(handbook, title="Lønn", owner=handbook_editor, publish_by=handbook_editor)
    client.force_login(case_worker)
    assert client.get(page.url).status_code == 200  # reads and caches "no restrictions"
    restrict(page, groups=[hr_group])
    assert client.get(page.url).status_code == 404
    mine = Group.objects.create(name="Lønnsgruppen")
    case_worker.groups.add(mine)
    PageViewRestriction.objects.get(page=page).groups.set([mine])  # only the m2m changes
    assert client.get(page.url).status_code == 200
