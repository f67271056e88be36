"""Moderator tools through the views: verify, clarify, notes, move/rename/lock/pin,
hide/restore, the removals page and the moderation log."""

import datetime

import pytest
from django.urls import reverse

from forum.models import Clarification, ModerationAction, ModerationLogEntry, Notification, Post
from forum.services import post_edit, post_reply
from tests.forum.factories import ThreadFactory


def _post(client, name, *args, **data):
    return client.post(reverse(f"forum:{name}", args=args), data)


# Verify ----------------------------------------------------------------------------------


def test_moderator_verifies_an_answer_with_name_and_time(client, moderator, question, answer):
    client.force_login(moderator)
    response = _post(client, "post_verify", answer.pk)
    assert response.status_code == 302
    answer.refresh_from_db()
    question.refresh_from_db()
    assert answer.verified_by == moderator and answer.verified_at
    assert question.status == "verified"
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Kvalitetssikret" in page and "Ola Hansen" in page
    assert ModerationLogEntry.objects.filter(
        action=ModerationAction.VERIFY, actor=moderator, post=answer
    ).exists()
    assert Notification.objects.filter(user=answer.author, kind="verified").exists()


def test_case_worker_cannot_verify(client, case_worker, answer):
    client.force_login(case_worker)
    assert _post(client, "post_verify", answer.pk).status_code == 403
    answer.refresh_from_db()
    assert answer.verified_at is None


def test_dagpenger_moderator_cannot_moderate_sykepenger(
    client, moderator, sykepenger, sykepenger_moderator, colleague
):
    thread = ThreadFactory(topic=sykepenger, kind="question")
    reply = post_reply(thread=thread, author=colleague, body="Svar")
    client.force_login(moderator)
    assert _post(client, "post_verify", reply.pk).status_code == 403
    assert _post(client, "post_hide", reply.pk, reason="Nei").status_code == 403
    assert client.get(reverse("forum:clarification_new", args=[thread.pk])).status_code == 403
    assert client.get(reverse("forum:thread_moderate", args=[thread.pk])).status_code == 403
    # ...unless also its moderator.
    sykepenger.moderators.add(moderator)
    assert _post(client, "post_verify", reply.pk).status_code == 302


def test_moderator_cannot_verify_or_hide_own_post(client, moderator, second_moderator, question):
    own = post_reply(thread=question, author=moderator, body="Mitt svar")
    client.force_login(moderator)
    assert _post(client, "post_verify", own.pk).status_code == 403
    assert _post(client, "post_hide", own.pk, reason="Feil").status_code == 403
    own.refresh_from_db()
    assert own.verified_at is None and not own.is_hidden
    # Another moderator of the topic may.
    client.force_login(second_moderator)
    assert _post(client, "post_verify", own.pk).status_code == 302
    own.refresh_from_db()
    assert own.verified_by == second_moderator


def test_administrator_may_verify_a_moderators_post(client, moderator, administrator, question):
    own = post_reply(thread=question, author=moderator, body="Mitt svar")
    client.force_login(administrator)
    assert _post(client, "post_verify", own.pk).status_code == 302


# Clarifications -----------------------------------------------------------------------------


def test_clarification_is_pinned_listed_and_can_be_replaced(client, moderator, question, topic):
    client.force_login(moderator)
    response = _post(
        client,
        "clarification_new",
        question.pk,
        title="Karens ved delvis permittering",
        body="Karensdager gjelder også ved delvis permittering.",
        valid_from="2026-01-01",
    )
    assert response.status_code == 302
    first = Clarification.objects.get()
    assert first.valid_from == datetime.date(2026, 1, 1)
    page = client.get(question.get_absolute_url()).content.decode()
    assert page.index("Karens ved delvis permittering") < page.index('id="post-1"')
    _post(
        client,
        "clarification_new",
        question.pk,
        title="Ny praksis for karens",
        body="Fra 1. mars gjelder ny praksis.",
        valid_from="2026-03-01",
        replaces=first.pk,
    )
    second = Clarification.objects.exclude(pk=first.pk).get()
    assert second.replaces == first
    listing = client.get(
        reverse("forum:topic_clarifications", args=[topic.room.slug, topic.slug])
    ).content.decode()
    assert "Erstattet av" in listing and "Ny praksis for karens" in listing
    assert ModerationLogEntry.objects.filter(action=ModerationAction.CLARIFY).count() == 2


def test_clarification_form_keeps_input_on_bad_date(client, moderator, question):
    client.force_login(moderator)
    response = _post(
        client, "clarification_new", question.pk, title="Tittel", body="Tekst", valid_from="i går"
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Skriv datoen som åååå-mm-dd." in content and "Tittel" in content


def test_case_worker_cannot_clarify(client, case_worker, question):
    client.force_login(case_worker)
    response = _post(
        client, "clarification_new", question.pk, title="X", body="Y", valid_from="2026-01-01"
    )
    assert response.status_code == 403
    assert not Clarification.objects.exists()


# Moderator notes -------------------------------------------------------------------------------


def test_moderator_notes_are_seen_only_by_moderators(client, moderator, case_worker, question):
    client.force_login(moderator)
    _post(
        client, "moderator_note_new", question.pk, body="Sjekk med Arbeids- og velferdsdirektoratet"
    )
    assert "Sjekk med Arbeids" in client.get(question.get_absolute_url()).content.decode()
    client.force_login(case_worker)
    assert "Sjekk med Arbeids" not in client.get(question.get_absolute_url()).content.decode()
    assert _post(client, "moderator_note_new", question.pk, body="Hei").status_code == 403


# Move, rename, lock, pin ---------------------------------------------------------------------


def test_moderator_moves_renames_locks_and_pins(client, moderator, question, topic, sykepenger):
    sykepenger.moderators.add(moderator)
    client.force_login(moderator)
    url = reverse("forum:thread_moderate", args=[question.pk])
    assert (
        client.post(url, {"action": "rename", "title": "Karens – permittering"}).status_code == 302
    )
    assert client.post(url, {"action": "lock"}).status_code == 302
    assert client.post(url, {"action": "pin"}).status_code == 302
    assert client.post(url, {"action": "move", "to_topic": sykepenger.pk}).status_code == 302
    question.refresh_from_db()
    topic.refresh_from_db()
    sykepenger.refresh_from_db()
    assert question.title == "Karens – permittering"
    assert question.is_locked and question.is_pinned and question.topic == sykepenger
    assert topic.thread_count == 0 and sykepenger.thread_count == 1
    actions = set(ModerationLogEntry.objects.values_list("action", flat=True))
    assert {"rename", "lock", "pin", "move"} <= actions


def test_moderator_cannot_move_to_a_topic_they_do_not_moderate(
    client, moderator, question, sykepenger
):
    client.force_login(moderator)
    response = client.post(
        reverse("forum:thread_moderate", args=[question.pk]),
        {"action": "move", "to_topic": sykepenger.pk},
    )
    assert response.status_code == 400
    question.refresh_from_db()
    assert question.topic.slug == "dagpenger"


def test_case_worker_cannot_open_thread_moderation(client, case_worker, question):
    client.force_login(case_worker)
    url = reverse("forum:thread_moderate", args=[question.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"action": "lock"}).status_code == 403


# Hide and restore --------------------------------------------------------------------------------


def test_hiding_requires_a_reason_and_keeps_what_was_typed(client, moderator, answer):
    client.force_login(moderator)
    response = _post(client, "post_hide", answer.pk, reason="   ")
    assert response.status_code == 400
    assert "Skriv en begrunnelse." in response.content.decode()
    answer.refresh_from_db()
    assert not answer.is_hidden


def test_hiding_never_deletes_and_is_logged(client, moderator, case_worker, question, answer):
    post_edit(post=answer, by=answer.author, body="Ja, se forvaltningsloven § 17 og § 18.")
    client.force_login(moderator)
    response = _post(client, "post_hide", answer.pk, reason="Personopplysninger om bruker")
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.is_hidden and answer.hidden_by == moderator and answer.hidden_at
    assert Post.objects.filter(pk=answer.pk, body__contains="§ 18").exists()
    entry = ModerationLogEntry.objects.get(action=ModerationAction.HIDE)
    assert (entry.actor, entry.post, entry.reason) == (
        moderator,
        answer,
        "Personopplysninger om bruker",
    )
    assert entry.created_at
    # Moderators still see the text and its history.
    page = client.get(question.get_absolute_url()).content.decode()
    assert "§ 18" in page and "Fjernet av moderator" in page
    history = client.get(reverse("forum:post_history", args=[answer.pk]))
    assert history.status_code == 200 and "§ 17." in history.content.decode()
    # Readers see the notice and the reason, not the text.
    client.force_login(case_worker)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Fjernet av moderator" in page and "Personopplysninger om bruker" in page
    assert "§ 18" not in page
    assert client.get(reverse("forum:post_history", args=[answer.pk])).status_code == 404
    # Quoting a hidden post does not bring its text back.
    quoted = client.get(question.get_absolute_url() + f"?quote={answer.pk}").content.decode()
    assert "§ 18" not in quoted
    # The author is told.
    assert Notification.objects.filter(user=answer.author, kind="hidden").exists()


def test_moderator_restores_a_hidden_post(client, moderator, case_worker, question, answer):
    client.force_login(moderator)
    _post(client, "post_hide", answer.pk, reason="Feil tema")
    assert _post(client, "post_restore", answer.pk, reason="Likevel riktig").status_code == 302
    answer.refresh_from_db()
    assert not answer.is_hidden
    assert ModerationLogEntry.objects.filter(action=ModerationAction.RESTORE).exists()
    client.force_login(case_worker)
    assert "forvaltningsloven § 17" in client.get(question.get_absolute_url()).content.decode()


def test_case_worker_cannot_hide(client, case_worker, answer):
    client.force_login(case_worker)
    assert _post(client, "post_hide", answer.pk, reason="Liker det ikke").status_code == 403
    answer.refresh_from_db()
    assert not answer.is_hidden


def test_removals_page_shows_date_topic_and_reason_never_content(
    client, moderator, case_worker, answer
):
    client.force_login(moderator)
    _post(client, "post_hide", answer.pk, reason="Personopplysninger")
    client.force_login(case_worker)
    response = client.get(reverse("forum:removals"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Personopplysninger" in content and "Dagpenger" in content
    assert "forvaltningsloven" not in content and "Karensdager" not in content


def test_removals_in_closed_rooms_are_not_listed_for_non_members(
    client, closed_room_world, case_worker
):
    room, topic, member, mod, outsider = closed_room_world
    thread = ThreadFactory(topic=topic, author=member)
    reply = post_reply(thread=thread, author=member, body="Hemmelig")
    client.force_login(mod)
    assert _post(client, "post_hide", reply.pk, reason="Ugle-grunn").status_code == 302
    client.force_login(outsider)
    content = client.get(reverse("forum:removals")).content.decode()
    assert "Ugle-grunn" not in content and "Ugle-planlegging" not in content
    assert _post(client, "post_hide", reply.pk, reason="x").status_code == 404
    client.force_login(member)
    assert "Ugle-grunn" in client.get(reverse("forum:removals")).content.decode()


def test_moderation_log_is_for_moderators_of_the_topic(
    client, moderator, case_worker, sykepenger_moderator, answer
):
    client.force_login(moderator)
    _post(client, "post_hide", answer.pk, reason="Logget grunn")
    assert "Logget grunn" in client.get(reverse("forum:moderation_log")).content.decode()
    client.force_login(sykepenger_moderator)
    assert "Logget grunn" not in client.get(reverse("forum:moderation_log")).content.decode()
    client.force_login(case_worker)
    assert client.get(reverse("forum:moderation_log")).status_code == 403


@pytest.mark.parametrize("n_posts", [3, 30])
def test_thread_page_for_moderator_is_bounded(
    client, moderator, question, colleague, django_assert_max_num_queries, n_posts
):
    for i in range(n_posts):
        post_reply(thread=question, author=colleague, body=f"Svar {i} om ftrl. § 4-{i}")
    client.force_login(moderator)
    # Same bound as THREAD_PAGE_MAX plus the moderator tools (notes, flags).
    with django_assert_max_num_queries(20):
        assert client.get(question.get_absolute_url()).status_code == 200


def test_attachments_of_a_hidden_post_are_404_for_readers(
    client, moderator, case_worker, colleague, question
):
    from tests.forum.files import PDF, upload

    reply = post_reply(
        thread=question, author=colleague, body="Se vedlegg", attachments=[upload("brev.pdf", PDF)]
    )
    attachment = reply.attachments.get()
    client.force_login(moderator)
    _post(client, "post_hide", reply.pk, reason="Personopplysninger i vedlegget")
    url = reverse("forum:attachment", args=[attachment.pk])
    assert client.get(url).status_code == 200
    client.force_login(case_worker)
    assert client.get(url).status_code == 404
    assert "brev.pdf" not in client.get(question.get_absolute_url()).content.decode()
