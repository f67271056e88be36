"""Demo moderation, guidance and listening: what `ola` and `kari` see when they log in.

Written for Fagrom (not copied from anywhere). Runs after ``demo.forum``; looks
people up by username and topics by slug, and goes through the same services
the pages use (so statuses, citations, logs and notifications are real).
Idempotent: each part checks for its own thread or object first.

What it shows:

* ``ola`` (moderator of Dagpenger and Sykepenger): an overdue question in his
  queue with a reminder, a report to handle in Sykepenger, a clarification that
  replaced an earlier one, a moderator note, a verified and accepted answer, a
  removed post on the public removals page, an escalation to the directorate,
  the moderation log, and the nettprat he hosts.
* ``kari``: her question with an accepted, verified answer and "nyttig" marks,
  notifications (reply, @-mention, verification) with an unread count, follows,
  bookmarks, the suggestion box with her idea and votes, and the live chat.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from forum.models import (
    Bookmark,
    Escalation,
    Follow,
    LiveChat,
    Room,
    Thread,
    Topic,
)
from forum.services import escalation as escalation_services
from forum.services import flags as flag_services
from forum.services import (
    guidance,
    ideas,
    listening,
    livechat,
    moderation,
    post_reply,
    reactions,
    thread_start,
)
from people.models import OrgUnit, User

ROOM_SLUG = "erfaringsforum"
# Who the demo needs (demo.people makes them); the tests give the same cast in miniature.
CAST = (
    "kari",
    "ola",
    "admin",
    "jonas.berg",
    "mona.eide",
    "lars.pedersen",
    "silje.andersen",
    "sigrid.haugland",
    "anders.tjelta",
    "randi.aasen",
    "per",
)


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def _people(*usernames):
    found = {u.username: u for u in User.objects.filter(username__in=usernames)}
    return found if len(found) == len(usernames) else None


def _backdate(thread: Thread, days: float) -> None:
    """Services stamp *now*; the demo needs some history."""
    at = timezone.now() - datetime.timedelta(days=days)
    Thread.objects.filter(pk=thread.pk).update(created_at=at, last_post_at=at)
    thread.posts.filter(position=1).update(created_at=at)
    thread.refresh_from_db()


def _existing(topic: Topic, title: str) -> Thread | None:
    return Thread.objects.filter(topic=topic, title=title).first()


def seed(*, stdout=None):
    p = _people(*CAST)
    room = Room.objects.filter(slug=ROOM_SLUG).first()
    if p is None or room is None:
        _say(
            stdout,
            "demo moderation: people or Erfaringsforum missing; run demo.people and demo.forum first",
        )
        return
    dagpenger = Topic.objects.filter(room=room, slug="dagpenger").first()
    sykepenger = Topic.objects.filter(room=room, slug="sykepenger").first()
    if dagpenger is None or sykepenger is None:
        _say(stdout, "demo moderation: topics Dagpenger/Sykepenger missing")
        return
    # The forum demo writes its threads directly (to spread them over past months), so
    # question statuses and rule references are derived here, as repair_guidance does.
    guidance.questions_status_recount()
    guidance.citations_rebuild()
    for topic in (dagpenger, sykepenger):
        topic.moderators.add(p["ola"])
        if topic.owner_id is None:
            topic.owner = p["sigrid.haugland"]
            topic.response_target_days = 2
            topic.save(update_fields=["owner", "response_target_days"])
    _guidance(p, dagpenger)
    _overdue_and_notes(p, dagpenger)
    _removal_and_flag(p, sykepenger)
    _listening(p, dagpenger, sykepenger)
    _ideas(p, room)
    _livechat(p, room)


def _guidance(p, dagpenger):
    """Kari's question: answered, verified, accepted; a clarification replaces an older one."""
    title = "Dagpenger når permitteringen går over i oppsigelse – ny ventetid?"
    if _existing(dagpenger, title):
        return
    old_thread = thread_start(
        topic=dagpenger,
        author=p["ola"],
        title="Presisering: ventetid ved ny permittering (ftrl. § 4-9)",
        body="Her samler vi presiseringer om ventetid (karensdager) ved permittering.",
    )
    _backdate(old_thread, 120)
    first = moderation.clarification_create(
        thread=old_thread,
        by=p["ola"],
        title="Ventetid ved overgang fra permittering til oppsigelse",
        body="Ventetid løper **ikke** på nytt når permitteringen går direkte over i oppsigelse. "
        "Se ftrl. § 4-9.",
        valid_from=timezone.localdate() - datetime.timedelta(days=120),
    )
    question = thread_start(
        topic=dagpenger,
        author=p["kari"],
        title=title,
        body="Brukeren ble permittert i januar og sagt opp i mars. Skal vi beregne ny ventetid "
        "etter ftrl. § 4-9, eller løper den fra permitteringen? Må vi forhåndsvarsle etter "
        "forvaltningsloven § 16?",
        kind=Thread.Kind.QUESTION,
    )
    _backdate(question, 6)
    answer = post_reply(
        thread=question,
        author=p["lars.pedersen"],
        body="Ventetiden løper ikke på nytt når permitteringen går direkte over i oppsigelse, "
        "så lenge det ikke er opphold i ledigheten. Forhåndsvarsel trengs ikke når vedtaket "
        "ikke er til ugunst for brukeren.",
    )
    post_reply(
        thread=question,
        author=p["jonas.berg"],
        body="Vi hadde en lignende sak i Sandnes. @kari, jeg sender deg lenke til vedtaket.",
    )
    moderation.post_verify(post=answer, by=p["ola"])
    guidance.answer_accept(thread=question, post=answer, by=p["kari"])
    moderation.clarification_create(
        thread=question,
        by=p["ola"],
        title="Ny ventetid når det har vært opphold i ledigheten",
        body="Fra 1. januar gjelder: har brukeren vært i arbeid mellom permittering og "
        "oppsigelse, beregnes ny ventetid etter ftrl. § 4-9. Presiseringen erstatter den "
        "tidligere om overgang fra permittering.",
        valid_from=timezone.localdate() - datetime.timedelta(days=3),
        replaces=first,
    )
    for username in ("kari", "jonas.berg", "silje.andersen", "mona.eide"):
        reactions.useful_toggle(post=answer, by=p[username])


def _overdue_and_notes(p, dagpenger):
    """An unanswered question past the response target: in Ola's queue, with a reminder."""
    title = "Dagpenger under etablering av egen virksomhet – hvor lenge?"
    if _existing(dagpenger, title):
        return
    overdue = thread_start(
        topic=dagpenger,
        author=p["mona.eide"],
        title=title,
        body="En bruker vil starte eget firma. Hvor lenge kan dagpengene løpe under etableringen "
        "etter ftrl. § 4-6, og må søknaden godkjennes på forhånd?",
        kind=Thread.Kind.QUESTION,
    )
    _backdate(overdue, 5)
    fresh = thread_start(
        topic=dagpenger,
        author=p["kari"],
        title="Meldekort fra utlandet – må brukeren være i Norge?",
        body="Brukeren er på besøk hos familie i Polen i to uker. Kan hun sende meldekort derfra?",
        kind=Thread.Kind.QUESTION,
    )
    _backdate(fresh, 1)
    guidance.questions_remind_overdue()
    moderation.moderator_note_add(
        thread=overdue,
        by=p["ola"],
        body="Sjekker med direktoratet om rundskrivet til § 4-6 er oppdatert før vi svarer.",
    )
    escalation_services.escalation_create(
        thread=overdue,
        by=p["ola"],
        to_person=p["randi.aasen"],
        to_unit=OrgUnit.objects.filter(code="NAV-AVDIR-ATJ").first(),
        note="Trenger avklaring: gjelder den nye etablererordningen også for deltidsetablering?",
    )
    # An older, answered escalation for the page's history.
    older = Escalation.objects.filter(thread=overdue).first()
    if older and not Escalation.objects.filter(state=Escalation.State.ACKNOWLEDGED).exists():
        escalation_services.escalation_acknowledge(escalation=older, by=p["randi.aasen"])


def _removal_and_flag(p, sykepenger):
    """A post removed with a reason (public removals page), and a report in Ola's queue."""
    title = "Sykepenger og ferie i utlandet – trenger vi søknad?"
    if _existing(sykepenger, title):
        return
    thread = thread_start(
        topic=sykepenger,
        author=p["silje.andersen"],
        title=title,
        body="Må sykmeldte søke om å beholde sykepenger ved ferie i utlandet, jf. ftrl. § 8-9?",
        kind=Thread.Kind.QUESTION,
    )
    _backdate(thread, 10)
    removed = post_reply(
        thread=thread,
        author=p["anders.tjelta"],
        body="Jeg har en bruker (Ola Nordmann, f. 01.02.1980) som reiste uten å søke ...",
    )
    moderation.post_hide(
        post=removed,
        by=p["ola"],
        reason="Innlegget inneholdt personopplysninger om en bruker.",
    )
    answer = post_reply(
        thread=thread,
        author=p["mona.eide"],
        body="Ja, sykepenger beholdes bare ved opphold i utlandet når det er søkt og innvilget "
        "på forhånd, jf. ftrl. § 8-9. Unntak innenfor EØS for korte opphold.",
    )
    flag_services.flag_create(
        post=answer,
        by=p["kari"],
        reason="Jeg tror unntaket for EØS er feil beskrevet – kan en moderator se på det?",
    )


def _listening(p, dagpenger, sykepenger):
    kari = p["kari"]
    listening.listening_settings_update(user=kari, email="daily")
    Follow.objects.get_or_create(user=kari, topic=dagpenger, thread=None)
    Follow.objects.get_or_create(user=p["ola"], topic=dagpenger, thread=None)
    Follow.objects.get_or_create(user=p["ola"], topic=sykepenger, thread=None)
    for thread in Thread.objects.filter(topic__in=[dagpenger, sykepenger]).order_by(
        "-last_post_at"
    )[:2]:
        Bookmark.objects.get_or_create(user=kari, thread=thread)


def _ideas(p, room):
    topic, created = Topic.objects.get_or_create(
        room=room,
        slug="forslagskassen",
        defaults={
            "name": "Forslagskassen",
            "description": "Forslag til bedre arbeidsmåter, verktøy og rutiner. Stem på de "
            "beste; ledelsen vurderer dem og gir svar her.",
            "position": 90,
        },
    )
    topic.moderators.add(p["sigrid.haugland"])
    if Thread.objects.filter(topic=topic, kind=Thread.Kind.IDEA).exists():
        return
    specs = [
        (
            "kari",
            "Felles maler for forhåndsvarsel i dagpengesaker",
            "assessing",
            "",
            ["ola", "jonas.berg", "mona.eide", "lars.pedersen"],
        ),
        (
            "jonas.berg",
            "Chat-funksjon mellom NAV-kontor og fagavdeling",
            "accepted",
            "Tas inn i neste versjon av Fagrom.",
            ["kari", "silje.andersen"],
        ),
        (
            "silje.andersen",
            "Vis maksdato direkte i sykepengeoversikten",
            "realised",
            "Innført i Speil fra mars.",
            ["kari", "ola", "mona.eide"],
        ),
        (
            "anders.tjelta",
            "Fri parkering for alle ansatte",
            "rejected",
            "Ligger utenfor det NAV kan bestemme lokalt; tas opp i budsjettet.",
            ["jonas.berg"],
        ),
        ("mona.eide", "Egen kø for hastesaker om dagpenger", "new", "", []),
    ]
    for author, title, status, reason, voters in specs:
        idea = thread_start(
            topic=topic,
            author=p[author],
            title=title,
            body=f"{title}. Det ville spart oss for mye tid i det daglige.",
            kind=Thread.Kind.IDEA,
        )
        for voter in voters:
            ideas.idea_vote_toggle(thread=idea, by=p[voter])
        if status != "new":
            ideas.idea_set_status(thread=idea, by=p["admin"], status=status, reason=reason)


def _livechat(p, room):
    if LiveChat.objects.exists():
        return
    topic = Topic.objects.filter(room=room, slug="forslagskassen").first()
    host = p["sigrid.haugland"]
    now = timezone.now()
    ended = livechat.livechat_schedule(
        by=p["admin"],
        topic=topic,
        title="Spør avdelingslederen: sommerbemanning",
        host=host,
        starts_at=now - datetime.timedelta(days=14),
        description="Hvordan løser vi sommeren med færre folk og flere søknader?",
    )
    q = livechat.question_ask(chat=ended, by=p["kari"], body="Får vi ekstra folk i juli?")
    livechat.question_answer(question=q, by=host, answer="Ja, to sommervikarer fra 1. juli.")
    livechat.question_ask(chat=ended, by=p["jonas.berg"], body="Kan vi ta ferie i uke 28?")
    livechat.livechat_end(chat=ended, by=host)

    live = livechat.livechat_schedule(
        by=p["admin"],
        topic=topic,
        title="Nettprat med ledelsen: ny kontorstruktur",
        host=host,
        starts_at=now - datetime.timedelta(minutes=20),
        description="Still spørsmål om omorganiseringen. Sigrid svarer fortløpende.",
    )
    livechat.livechat_start(chat=live, by=host)
    asked = [
        (
            "kari",
            "Blir NAV Sandnes slått sammen med Stavanger?",
            "Nei, begge kontorene består, men vi får felles markedsteam.",
        ),
        ("jonas.berg", "Hva skjer med oppfølgingsteamet?", ""),
        ("mona.eide", "Når får vi vite hvem som flytter?", ""),
    ]
    questions = []
    for author, body, answer in asked:
        question = livechat.question_ask(chat=live, by=p[author], body=body)
        questions.append(question)
        if answer:
            livechat.question_answer(question=question, by=host, answer=answer)
    for voter in ("kari", "ola", "lars.pedersen"):
        livechat.question_vote_toggle(question=questions[1], by=p[voter])
