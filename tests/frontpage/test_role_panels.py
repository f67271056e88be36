"""Role panels: each appears only for its role and lists only what that person may see."""

import datetime

from django.utils import timezone

from archive.models import DisposalList
from forum.models import Thread
from forum.services.escalation import escalation_create
from forum.services.flags import flag_create
from handbook import services as handbook_services
from handbook.models import HandbookPage
from tests.archive.factories import nominate
from tests.forum.factories import ThreadFactory, TopicFactory, add_member
from tests.frontpage.helpers import home, panel
from tests.handbook.factories import draft, handbook_page

MODERATOR_PANELS = ("overdue-questions", "flags", "escalations")
HANDBOOK_PANELS = (
    "handbook-approvals",
    "handbook-review",
    "handbook-proposals",
    "handbook-hearings",
)
ARCHIVE_PANELS = ("nominations", "disposals")


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_people_without_roles_get_no_role_panels(client, topic, case_worker):
    html = home(client, case_worker)
    for key in (*MODERATOR_PANELS, *HANDBOOK_PANELS, *ARCHIVE_PANELS, "room-changes"):
        assert panel(html, key) is None, key


# Moderators ---------------------------------------------------------------------------------


def test_moderator_sees_overdue_questions_of_own_topics_only(
    client, topic, open_room, moderator, case_worker
):
    other = TopicFactory(room=open_room, name="Sykepenger", slug="sykepenger")
    ThreadFactory(
        topic=topic, author=case_worker, kind="question", title="Gammel", created_at=days_ago(10)
    )
    ThreadFactory(
        topic=topic, author=case_worker, kind="question", title="Fersk", created_at=days_ago(0)
    )
    ThreadFactory(
        topic=other,
        author=case_worker,
        kind="question",
        title="Annet tema",
        created_at=days_ago(10),
    )
    answered = ThreadFactory(
        topic=topic, author=case_worker, kind="question", title="Besvart", created_at=days_ago(10)
    )
    Thread.objects.filter(pk=answered.pk).update(status=Thread.Status.ANSWERED)
    section = panel(home(client, moderator), "overdue-questions")
    assert "Gammel" in section
    assert "Fersk" not in section and "Annet tema" not in section and "Besvart" not in section


def test_moderator_sees_open_flags_in_own_topics_but_not_on_own_posts(
    client, topic, moderator, case_worker, colleague
):
    thread = ThreadFactory(topic=topic, author=colleague, title="Rapportert tråd")
    flag_create(post=thread.posts.first(), by=case_worker, reason="Personopplysninger")
    mine = ThreadFactory(topic=topic, author=moderator, title="Min egen tråd")
    flag_create(post=mine.posts.first(), by=case_worker, reason="Feil")
    section = panel(home(client, moderator), "flags")
    assert "Rapportert tråd" in section and "Min egen tråd" not in section


def test_escalations_waiting_are_shown_to_moderators_who_see_the_thread(
    client, topic, closed_topic, moderator, case_worker, department
):
    other_moderator = case_worker
    add_member(closed_topic.room, "moderator", user=other_moderator)
    visible = ThreadFactory(topic=topic, author=case_worker, title="Uklar praksis")
    escalation_create(thread=visible, by=moderator, note="Trenger avklaring", to_unit=department)
    hidden = ThreadFactory(topic=closed_topic, author=case_worker, title="Lukket sak")
    escalation_create(thread=hidden, by=other_moderator, note="Se på", to_unit=department)
    section = panel(home(client, moderator), "escalations")
    assert "Uklar praksis" in section and "Lukket sak" not in section


# Handbook editors and page owners ------------------------------------------------------------


def test_page_owner_and_editor_see_changes_waiting_for_approval(
    client, journal_page, routines, page_owner, handbook_editor, case_worker, colleague
):
    others = handbook_page(
        routines, title="Arkivplan", owner=handbook_editor, publish_by=handbook_editor
    )
    for page in (journal_page, others):
        draft(page, by=case_worker, title=f"{page.title} (utkast)")
        page.get_workflow().start(page, case_worker)
    owner_panel = panel(home(client, page_owner), "handbook-approvals")
    assert "Journalføring (utkast)" in owner_panel and "Arkivplan" not in owner_panel
    editor_panel = panel(home(client, handbook_editor), "handbook-approvals")
    assert "Journalføring (utkast)" in editor_panel and "Arkivplan (utkast)" in editor_panel
    # The one who submitted, without a handbook role, gets no handbook panels.
    assert panel(home(client, colleague), "handbook-approvals") is None


def test_pages_due_for_review_for_their_owner(
    client, journal_page, routines, page_owner, handbook_editor
):
    others = handbook_page(
        routines, title="Arkivplan", owner=handbook_editor, publish_by=handbook_editor
    )
    past = timezone.localdate() - datetime.timedelta(days=3)
    HandbookPage.objects.filter(pk__in=[journal_page.pk, others.pk]).update(next_review_date=past)
    section = panel(home(client, page_owner), "handbook-review")
    assert "Journalføring" in section and "Arkivplan" not in section and "Forsinket" in section
    assert "Arkivplan" in panel(home(client, handbook_editor), "handbook-review")


def test_proposals_from_closed_rooms_are_not_listed_for_editors_outside_them(
    client, journal_page, topic, closed_topic, moderator, page_owner, handbook_editor
):
    add_member(closed_topic.room, "moderator", user=moderator)
    add_member(closed_topic.room, "member", user=page_owner)
    open_thread = ThreadFactory(topic=topic, author=moderator, title="Åpen kilde")
    closed_thread = ThreadFactory(topic=closed_topic, author=moderator, title="Lukket kilde")
    for thread in (open_thread, closed_thread):
        handbook_services.proposal_create(
            post=thread.posts.first(), page=journal_page, by=moderator, note="Ta inn"
        )
    owner_panel = panel(home(client, page_owner), "handbook-proposals")
    assert "Åpen kilde" in owner_panel and "Lukket kilde" in owner_panel
    editor_panel = panel(home(client, handbook_editor), "handbook-proposals")
    assert "Åpen kilde" in editor_panel and "Lukket kilde" not in editor_panel


def test_hearings_closing_soon(client, journal_page, page_owner, handbook_editor, department):
    today = timezone.localdate()
    draft(journal_page, by=page_owner)
    for title, days in (("Snart frist", 3), ("Lang frist", 40)):
        handbook_services.hearing_open(
            page=journal_page,
            by=page_owner,
            title=title,
            description="",
            units=[department],
            deadline=today + datetime.timedelta(days=days),
        )
    section = panel(home(client, page_owner), "handbook-hearings")
    assert "Snart frist" in section and "Lang frist" not in section


# Records officers ----------------------------------------------------------------------------


def test_records_officer_sees_nominations_and_disposal_lists(
    client, topic, archivist, case_worker, administrator
):
    thread = ThreadFactory(topic=topic, author=case_worker, title="Skal journalføres")
    nominate(thread, case_worker)
    disposal_list = DisposalList.objects.create()
    html = home(client, archivist)
    assert "Skal journalføres" in panel(html, "nominations")
    assert f"Kassasjonsliste {disposal_list.pk}" in panel(html, "disposals")
    # Administrators are not records officers.
    admin_html = home(client, administrator)
    assert panel(admin_html, "nominations") is None and panel(admin_html, "disposals") is None
