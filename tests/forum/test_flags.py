"""Flags and the review queue, and escalations (løfte saken)."""

import re

from django.urls import reverse

from forum.models import Escalation, Flag, ModerationAction, ModerationLogEntry, Notification
from forum.services import post_reply
from tests.forum.factories import ThreadFactory

# Flags ----------------------------------------------------------------------------------


def test_employee_reports_a_post_and_moderators_see_it_in_the_queue(
    client, case_worker, moderator, answer
):
    client.force_login(case_worker)
    response = client.post(reverse("forum:post_flag", args=[answer.pk]), {"reason": "Feil svar"})
    assert response.status_code == 302
    flag = Flag.objects.get()
    assert (flag.reporter, flag.state) == (case_worker, "open")
    assert Notification.objects.filter(user=moderator, kind="flag").exists()
    client.force_login(moderator)
    content = client.get(reverse("forum:flag_queue")).content.decode()
    assert "Feil svar" in content


def test_reporting_twice_makes_one_open_flag(client, case_worker, answer):
    client.force_login(case_worker)
    for _ in range(2):
        client.post(reverse("forum:post_flag", args=[answer.pk]), {"reason": "Feil"})
    assert Flag.objects.count() == 1


def test_flag_needs_a_reason(client, case_worker, answer):
    client.force_login(case_worker)
    response = client.post(reverse("forum:post_flag", args=[answer.pk]), {"reason": ""})
    assert response.status_code == 400
    assert not Flag.objects.exists()


def test_non_moderator_cannot_see_the_review_queue(client, case_worker, answer):
    client.force_login(case_worker)
    assert client.get(reverse("forum:flag_queue")).status_code == 403


def test_moderator_upholds_a_flag_which_hides_the_post_and_is_logged(
    client, case_worker, moderator, answer
):
    client.force_login(case_worker)
    client.post(reverse("forum:post_flag", args=[answer.pk]), {"reason": "Personopplysninger"})
    flag = Flag.objects.get()
    client.force_login(moderator)
    response = client.post(
        reverse("forum:flag_handle", args=[flag.pk]),
        {"decision": "upheld", "resolution": "Inneholdt fødselsnummer"},
    )
    assert response.status_code == 302
    flag.refresh_from_db()
    answer.refresh_from_db()
    assert flag.state == "upheld" and flag.handled_by == moderator
    assert answer.is_hidden and answer.hidden_reason == "Inneholdt fødselsnummer"
    assert ModerationLogEntry.objects.filter(action=ModerationAction.FLAG_UPHELD).exists()
    assert ModerationLogEntry.objects.filter(action=ModerationAction.HIDE).exists()


def test_moderator_dismisses_a_flag(client, case_worker, moderator, answer):
    client.force_login(case_worker)
    client.post(reverse("forum:post_flag", args=[answer.pk]), {"reason": "Uenig"})
    flag = Flag.objects.get()
    client.force_login(moderator)
    client.post(
        reverse("forum:flag_handle", args=[flag.pk]),
        {"decision": "dismissed", "resolution": "Faglig uenighet er lov"},
    )
    flag.refresh_from_db()
    answer.refresh_from_db()
    assert flag.state == "dismissed" and not answer.is_hidden
    entry = ModerationLogEntry.objects.get(action=ModerationAction.FLAG_DISMISSED)
    assert entry.reason == "Faglig uenighet er lov" and entry.actor == moderator


def test_moderator_never_handles_a_flag_on_own_post(
    client, case_worker, moderator, second_moderator, question
):
    own = post_reply(thread=question, author=moderator, body="Mitt svar")
    client.force_login(case_worker)
    client.post(reverse("forum:post_flag", args=[own.pk]), {"reason": "Feil"})
    flag = Flag.objects.get()
    client.force_login(moderator)
    assert "Mitt svar" not in client.get(reverse("forum:flag_queue")).content.decode()
    assert client.get(reverse("forum:flag_handle", args=[flag.pk])).status_code == 404
    response = client.post(
        reverse("forum:flag_handle", args=[flag.pk]), {"decision": "dismissed", "resolution": "x"}
    )
    assert response.status_code == 404
    flag.refresh_from_db()
    assert flag.state == "open"
    # The other moderator of the topic handles it.
    client.force_login(second_moderator)
    response = client.post(
        reverse("forum:flag_handle", args=[flag.pk]),
        {"decision": "dismissed", "resolution": "OK"},
    )
    assert response.status_code == 302


def test_moderator_of_another_topic_cannot_handle_the_flag(
    client, case_worker, sykepenger_moderator, answer
):
    client.force_login(case_worker)
    client.post(reverse("forum:post_flag", args=[answer.pk]), {"reason": "Feil"})
    flag = Flag.objects.get()
    client.force_login(sykepenger_moderator)
    assert "Feil" not in client.get(reverse("forum:flag_queue")).content.decode()
    assert client.get(reverse("forum:flag_handle", args=[flag.pk])).status_code == 404


def test_closed_room_posts_cannot_be_flagged_by_non_members(client, closed_room_world):
    room, topic, member, mod, outsider = closed_room_world
    thread = ThreadFactory(topic=topic, author=member)
    reply = post_reply(thread=thread, author=mod, body="Hemmelig")
    client.force_login(outsider)
    assert client.get(reverse("forum:post_flag", args=[reply.pk])).status_code == 404


# Escalations -----------------------------------------------------------------------------


def test_moderator_escalates_to_a_person_who_answers_into_the_thread(
    client, moderator, administrator, question
):
    client.force_login(moderator)
    response = client.post(
        reverse("forum:escalation_new", args=[question.pk]),
        {"to_person": "admin", "note": "Trenger avklaring fra direktoratet"},
    )
    assert response.status_code == 302
    escalation = Escalation.objects.get()
    assert (escalation.state, escalation.owner) == ("sent", administrator)
    assert ModerationLogEntry.objects.filter(action=ModerationAction.ESCALATE).exists()
    assert Notification.objects.filter(user=administrator, kind="escalation").exists()

    client.force_login(administrator)
    assert "Karensdager" in client.get(reverse("forum:escalations")).content.decode()
    url = reverse("forum:escalation", args=[escalation.pk])
    client.post(url, {"action": "acknowledge"})
    escalation.refresh_from_db()
    assert escalation.state == "acknowledged"
    response = client.post(url, {"body": "Direktoratet sier ja."})
    assert response.status_code == 302
    escalation.refresh_from_db()
    assert escalation.state == "answered"
    assert question.posts.filter(body="Direktoratet sier ja.", author=administrator).exists()


def test_escalation_to_a_unit_is_seen_by_people_in_the_unit(
    client, moderator, question, agency, department, colleague, outsider
):
    client.force_login(moderator)
    client.post(
        reverse("forum:escalation_new", args=[question.pk]),
        {"to_unit": department.pk, "note": "Til NAV Sandnes"},
    )
    escalation = Escalation.objects.get()
    client.force_login(colleague)
    assert "Karensdager" in client.get(reverse("forum:escalations")).content.decode()
    assert client.get(reverse("forum:escalation", args=[escalation.pk])).status_code == 200
    client.force_login(outsider)
    assert "Karensdager" not in client.get(reverse("forum:escalations")).content.decode()
    assert client.get(reverse("forum:escalation", args=[escalation.pk])).status_code == 404


def test_escalation_names_the_persons_unit_once_and_another_unit_beside_them(
    client, moderator, question, agency, department, colleague
):
    from forum.services import escalation as escalations

    mine = escalations.escalation_create(
        thread=question, by=moderator, note="a", to_person=colleague, to_unit=department
    )
    other = escalations.escalation_create(
        thread=question, by=moderator, note="b", to_person=colleague, to_unit=agency
    )
    client.force_login(moderator)

    def receiver(escalation):
        html = client.get(reverse("forum:escalation", args=[escalation.pk])).content.decode()
        return re.search(r"<dt>Til</dt><dd>(.*?)</dd>", html, re.S).group(1)

    assert receiver(mine).count("NAV Sandnes") == 1  # "Jonas Berg · NAV Sandnes", not twice
    assert receiver(other).endswith("NAV Sandnes</span></a>, NAV")


def test_escalation_needs_a_receiver(client, moderator, question):
    client.force_login(moderator)
    response = client.post(reverse("forum:escalation_new", args=[question.pk]), {"note": "Hjelp"})
    assert response.status_code == 400
    assert "Velg en enhet eller en person" in response.content.decode()


def test_case_worker_cannot_escalate(client, case_worker, question):
    client.force_login(case_worker)
    response = client.post(
        reverse("forum:escalation_new", args=[question.pk]), {"to_person": "kari", "note": "x"}
    )
    assert response.status_code == 403


def test_the_reporter_is_told_when_the_flag_is_upheld_with_the_reason(
    client, case_worker, colleague, moderator, answer
):
    client.force_login(case_worker)
    client.post(reverse("forum:post_flag", args=[answer.pk]), {"reason": "Feil svar"})
    client.force_login(moderator)
    client.post(
        reverse("forum:flag_handle", args=[Flag.objects.get().pk]),
        {"decision": "upheld", "resolution": "Strider mot rundskrivet"},
    )
    told = Notification.objects.get(user=case_worker, kind="flag")
    assert told.post == answer and told.actor == moderator
    client.force_login(case_worker)
    html = client.get(reverse("forum:notifications")).content.decode()
    assert "er fjernet" in html and "Strider mot rundskrivet" in html


def test_the_reporter_is_told_when_the_flag_is_dismissed_without_the_internal_note(
    client, case_worker, moderator, answer
):
    client.force_login(case_worker)
    client.post(reverse("forum:post_flag", args=[answer.pk]), {"reason": "Feil svar"})
    client.force_login(moderator)
    client.post(
        reverse("forum:flag_handle", args=[Flag.objects.get().pk]),
        {"decision": "dismissed", "resolution": "Intern vurdering: greit nok"},
    )
    client.force_login(case_worker)
    html = client.get(reverse("forum:notifications")).content.decode()
    assert "Innlegget blir stående" in html
    assert "Intern vurdering" not in html
    assert Notification.objects.filter(user=case_worker, kind="flag").count() == 1
