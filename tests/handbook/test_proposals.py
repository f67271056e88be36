"""Forum ↔ handbook: a moderator turns a post into a change proposal; both sides link."""

from django.urls import reverse

from handbook.models import ChangeProposal
from tests.forum.factories import PostFactory, ThreadFactory
from tests.handbook.factories import publish_new_version, text


def clarification(topic, moderator):
    thread = ThreadFactory(topic=topic, title="Frist for journalføring ved ferie")
    post = PostFactory(
        thread=thread,
        author=moderator,
        body="Presisering: saker journalføres senest tredje virkedag.",
        body_html="<p>Presisering: saker journalføres senest tredje virkedag.</p>",
    )
    return thread, post


def test_proposal_from_a_clarification_links_both_ways(
    client, moderator, case_worker, page_owner, journal_page, topic
):
    thread, post = clarification(topic, moderator)
    client.force_login(moderator)
    response = client.post(
        reverse("handbook:proposal_new", args=[thread.pk]),
        {"post": post.pk, "page": journal_page.pk, "note": "Rutinen bør si det samme."},
    )
    assert response.status_code == 302
    proposal = ChangeProposal.objects.get()
    assert proposal.thread == thread and proposal.post == post
    assert proposal.status == ChangeProposal.Status.PENDING

    # It opens as a draft for the owner: the post's text and a link to the thread.
    journal_page.refresh_from_db()
    draft = journal_page.get_latest_revision_as_object()
    assert proposal.revision_id == journal_page.get_latest_revision().pk
    notice = draft.body.raw_data[-1]
    assert "tredje virkedag" in notice["value"]["text"]
    assert thread.get_absolute_url() in notice["value"]["text"]
    assert journal_page.version_label == "1.0"  # nothing published yet

    client.force_login(case_worker)
    page_html = client.get(journal_page.url).content.decode()
    assert "Ventende endringsforslag" in page_html
    assert thread.get_absolute_url() in page_html
    thread_html = client.get(thread.get_absolute_url()).content.decode()
    assert journal_page.url in thread_html
    assert "Til behandling" in thread_html


def test_publishing_the_draft_adopts_the_proposal(moderator, handbook_editor, journal_page, topic):
    from handbook import services

    thread, post = clarification(topic, moderator)
    services.proposal_create(post=post, page=journal_page, by=moderator, note="Se tråden.")
    services.page_publish(page=journal_page, by=handbook_editor)
    assert ChangeProposal.objects.get().status == ChangeProposal.Status.ADOPTED


def test_case_worker_cannot_make_a_proposal(client, case_worker, moderator, journal_page, topic):
    thread, post = clarification(topic, moderator)
    client.force_login(case_worker)
    response = client.post(
        reverse("handbook:proposal_new", args=[thread.pk]),
        {"post": post.pk, "page": journal_page.pk, "note": "x"},
    )
    assert response.status_code == 403
    assert not ChangeProposal.objects.exists()
    assert "Lag endringsforslag" not in client.get(thread.get_absolute_url()).content.decode()


def test_owner_declines_a_proposal_with_a_reason(
    client, moderator, page_owner, handbook_editor, journal_page, topic
):
    from handbook import services

    thread, post = clarification(topic, moderator)
    proposal = services.proposal_create(post=post, page=journal_page, by=moderator, note="x")
    client.force_login(page_owner)
    client.post(
        reverse("handbook:proposal_decline", args=[proposal.pk]), {"note": "Står i kap. 2."}
    )
    proposal.refresh_from_db()
    assert proposal.status == ChangeProposal.Status.DECLINED
    assert proposal.decision_note == "Står i kap. 2."
    publish_new_version(journal_page, by=handbook_editor, body=text("Uendret."))
    proposal.refresh_from_db()
    assert proposal.status == ChangeProposal.Status.DECLINED


def test_submitting_the_same_proposal_twice_keeps_one_and_shows_the_first(
    client, moderator, journal_page, topic
):
    thread, post = clarification(topic, moderator)
    client.force_login(moderator)
    data = {"post": post.pk, "page": journal_page.pk, "note": "Rutinen bør si det samme."}
    url = reverse("handbook:proposal_new", args=[thread.pk])
    client.post(url, data)
    revisions = journal_page.revisions.count()
    response = client.post(url, data, follow=True)
    assert ChangeProposal.objects.count() == 1
    assert journal_page.revisions.count() == revisions  # no second draft
    journal_page.refresh_from_db()
    draft = journal_page.get_latest_revision_as_object()
    notices = [b for b in draft.body.raw_data if b["type"] == "notice"]
    assert len(notices) == 1
    assert "allerede foreslått for «Journalføring»" in response.content.decode()


def test_a_declined_proposal_can_be_proposed_again(moderator, page_owner, journal_page, topic):
    from handbook import services

    thread, post = clarification(topic, moderator)
    first = services.proposal_create(post=post, page=journal_page, by=moderator, note="x")
    services.proposal_decline(proposal=first, by=page_owner, note="Ikke nå.")
    again = services.proposal_create(post=post, page=journal_page, by=moderator, note="Nå?")
    assert again.created and again.pk != first.pk
