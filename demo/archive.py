"""Demo archive: journaled threads in two closed cases (one entry screened), a
retention schedule (practice is kept, individual enquiries are disposed of ten
years after closure, enquiries about unemployment benefit after five, by their
case type), a pending nomination, a retention rule with a proposed
disposal list and a legal hold, and an innsynskrav waiting in the queue.

Written for Fagrom. Idempotent: cases, rules and threads are looked up by
title before anything is created. Uses the forum's demo threads when there
are enough (the Dagpenger topic first) and otherwise starts its own.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

import access
from archive import services
from archive.models import (
    AccessRequest,
    ArchiveClass,
    Case,
    CaseType,
    DisposalDecision,
    DisposalList,
    Nomination,
    RetentionRule,
)
from forum.models import Room, Thread, Topic
from forum.services import thread_start
from forum.services.counters import topics_recount
from people.models import User

CASE_PRACTICE = "Praksis for dagpenger under permittering"
CASE_SCREENED = "Henvendelse om dagpenger for enkeltperson"
OFFICE_TOPIC = ("kontorhverdag", "Kontorhverdag")

OWN_THREADS = [
    (
        "Dagpenger når permitteringen forlenges",
        "Må bruker sende ny søknad når arbeidsgiver forlenger permitteringen, "
        "eller holder det med nytt permitteringsvarsel?",
    ),
    (
        "Presisering: beregning av dagpenger ved delvis permittering",
        "Ved delvis permittering skal arbeidstiden reduseres med minst 40 prosent. "
        "Vi presiserer hvordan dette beregnes når arbeidstiden varierer.",
    ),
    (
        "Søknad om dagpenger fra Ola Nordmann i Sandnes",
        "Bruker har fått avslag og spør om klagefristen. Hvordan svarer vi når "
        "vedtaket ble sendt digitalt mens bruker var på reise?",
    ),
    (
        "Karensdager ved ny permittering",
        "Gjelder karensdagene på nytt hvis bruker blir permittert igjen etter kort tid?",
    ),
]
OLD_THREADS = [
    ("Kaffemaskinen i tredje etasje er reparert", "Den virker igjen. Takk til vaktmesteren!"),
    ("Julebord 2021: påmelding", "Påmeldingsfristen er fredag. Si fra om allergier."),
    ("Nøkkelkort som ikke virker", "Meld fra til resepsjonen, de bytter kortet samme dag."),
]


def _say(stdout, text):
    if stdout is not None:
        stdout.write(f"  archive: {text}")


SCHEDULE = {
    # code: (title, decision, years, basis)
    "F01": (
        "Veiledning, presiseringer og praksis i fagforum",
        DisposalDecision.KEEP,
        None,
        "",
    ),
    "F02": (
        "Henvendelser i enkeltsaker",
        DisposalDecision.DISPOSE,
        10,
        "Bevarings- og kassasjonsplan for NAV, pkt. 4.3 (enkeltsaker)",
    ),
}
CASE_TYPES = {
    # code: (title, archive class, decision ("" = the class's line), years, basis)
    "VEIL": ("Veiledning og praksis", "F01", "", None, ""),
    "DP-HENV": (
        "Henvendelse om dagpenger",
        "F02",
        DisposalDecision.DISPOSE,
        5,
        "Bevarings- og kassasjonsplan for NAV, pkt. 4.3.2 (dagpenger)",
    ),
}


def _people():
    names = ["arne", "kari", "ola"]
    found = {u.username: u for u in User.objects.filter(username__in=names)}
    missing = [n for n in names if n not in found]
    if missing:
        return None
    group, _created = Group.objects.get_or_create(name=access.RECORDS_OFFICERS)
    # Berit is the second records officer who approves what Arne proposes (four eyes).
    for officer in User.objects.filter(username__in=["arne", "berit"]):
        officer.groups.add(group)
        access.forget(officer)
    return found


def _seed_schedule():
    for code, (title, decision, years, basis) in SCHEDULE.items():
        ArchiveClass.objects.update_or_create(
            code=code,
            defaults={
                "title": title,
                "disposal_decision": decision,
                "retention_years": years,
                "disposal_basis": basis,
            },
        )


def _seed_case_types():
    for code, (title, class_code, decision, years, basis) in CASE_TYPES.items():
        CaseType.objects.update_or_create(
            code=code,
            defaults={
                "title": title,
                "archive_class": ArchiveClass.objects.get(code=class_code),
                "disposal_decision": decision,
                "retention_years": years,
                "disposal_basis": basis,
            },
        )


def _open_room():
    # The forum demo makes "Erfaringsforum"; without it the archive demo makes it itself.
    room = Room.objects.filter(kind=Room.Kind.OPEN).order_by("position", "pk").first()
    return (
        room
        or Room.objects.get_or_create(
            slug="erfaringsforum", defaults={"name": "Erfaringsforum", "kind": Room.Kind.OPEN}
        )[0]
    )


def _own_thread(topic, kari, index):
    title, body = OWN_THREADS[index]
    thread = Thread.objects.filter(topic=topic, title=title).first()
    return thread or thread_start(topic=topic, author=kari, title=title, body=body)


def _case_threads(kari, room):
    """Threads to journal and nominate: the forum's Dagpenger threads, or our own.

    Returns (practice threads, screened thread, thread to nominate). The
    screened one is always ours: its title names a person on purpose.
    """
    topic = Topic.objects.filter(slug="dagpenger", room__kind=Room.Kind.OPEN).first()
    topic = topic or room.topics.order_by("position", "pk").first()
    if topic is None:
        topic, _created = Topic.objects.get_or_create(
            room=room, slug="dagpenger", defaults={"name": "Dagpenger"}
        )
    forum_threads = list(
        topic.threads.exclude(title__in=[t for t, _b in OWN_THREADS]).order_by("created_at", "pk")[
            :3
        ]
    )
    if len(forum_threads) < 3:
        forum_threads = [_own_thread(topic, kari, i) for i in (0, 1, 3)]
    return forum_threads[:2], _own_thread(topic, kari, 2), forum_threads[2]


def _journal(thread, arne, *, case=None, new_case_title="", **details):
    nomination = Nomination.objects.filter(
        thread=thread, status=Nomination.Status.PENDING
    ).first() or services.nomination_create(
        thread=thread, by=arne, reason="Veiledning som gjelder praksis i hele etaten."
    )
    new_case = None
    case_type = CaseType.objects.get(code=details.pop("case_type", "VEIL"))
    if case is None:
        new_case = services.NewCase(
            title=new_case_title,
            public_title=details.pop("case_public_title", ""),
            archive_class=case_type.archive_class,
            case_type=case_type,
        )
    values = {
        "title": thread.title,
        "document_date": timezone.localdate(thread.last_post_at),
        "type": "X",
        "responsible_unit": arne.org_unit,
    }
    values.update(details)
    return services.thread_journal(
        nomination=nomination,
        by=arne,
        details=services.EntryDetails(**values),
        case=case,
        new_case=new_case,
    )


def _seed_cases(people, practice, screened_thread, stdout):
    arne = people["arne"]
    if Case.objects.filter(title=CASE_PRACTICE).exists():
        return
    first = _journal(practice[0], arne, new_case_title=CASE_PRACTICE)
    _journal(practice[1], arne, case=first.case, type="N")
    screened = _journal(
        screened_thread,
        arne,
        new_case_title=CASE_SCREENED,
        case_type="DP-HENV",
        case_public_title="Henvendelse om dagpenger for *****",
        type="I",
        public_title="Søknad om dagpenger fra ***** i Sandnes",
        screening_basis="offl. § 13 jf. fvl. § 13",
        screen_title=True,
        screen_names=True,
    )
    services.case_close(case=first.case, by=arne)
    services.case_close(case=screened.case, by=arne)
    _say(stdout, f"journaled 3 threads in cases {first.case.number} and {screened.case.number}")


def _seed_nomination(people, thread, stdout):
    if Nomination.objects.filter(thread=thread).exists():
        return
    # The topic's moderator (ola) proposes it when the forum demo made him one;
    # otherwise the author does.
    by = people["ola"] if access.can_nominate(people["ola"], thread) else thread.author
    services.nomination_create(
        thread=thread,
        by=by,
        reason="Avklaring om karensdager som bør gjelde likt over hele landet.",
    )
    _say(stdout, f"nominated «{thread.title}»")


def _seed_retention(people, room, stdout):
    arne, kari = people["arne"], people["kari"]
    slug, name = OFFICE_TOPIC
    topic, _created = Topic.objects.get_or_create(
        room=room,
        slug=slug,
        defaults={"name": name, "description": "Praktiske beskjeder på kontoret."},
    )
    long_ago = timezone.now() - timedelta(days=3 * 365 + 40)
    for i, (title, body) in enumerate(OLD_THREADS):
        if Thread.objects.filter(topic=topic, title=title).exists():
            continue
        thread = thread_start(topic=topic, author=kari, title=title, body=body)
        at = long_ago - timedelta(days=30 * i)
        Thread.objects.filter(pk=thread.pk).update(created_at=at, last_post_at=at)
        thread.posts.update(created_at=at)
    if _created:
        topic.moderators.add(arne)
    topics_recount(topics=Topic.objects.filter(pk=topic.pk))
    if not RetentionRule.objects.filter(topic=topic).exists():
        services.retention_rule_create(by=arne, inactive_years=2, topic=topic)
    held = Thread.objects.get(topic=topic, title=OLD_THREADS[2][0])
    if services.active_hold(held) is None:
        services.legal_hold_place(
            thread=held, by=arne, reason="Innsynskrav under behandling; må ikke slettes."
        )
    if not DisposalList.objects.exists():
        disposal_list = services.disposal_propose()
        if disposal_list:
            _say(stdout, f"proposed disposal list {disposal_list.pk}")


def _seed_access_request(stdout):
    if AccessRequest.objects.exists():
        return
    entry = Case.objects.get(title=CASE_SCREENED).entries.order_by("document_number").first()
    if entry is None:
        return
    request = services.access_request_create(
        name="Siri Journalist",
        email="siri.journalist@example.no",
        message="Jeg ber om innsyn i dokumentet, eventuelt med sladding.",
        entries=[entry],
    )
    _say(stdout, f"innsynskrav {request.pk} for {entry.registry_id}")


def seed(*, stdout=None):
    people = _people()
    if people is None:
        _say(stdout, "skipped: needs the demo people (arne, kari, ola)")
        return
    _seed_schedule()
    _seed_case_types()
    room = _open_room()
    practice, screened, to_nominate = _case_threads(people["kari"], room)
    _seed_cases(people, practice, screened, stdout)
    _seed_nomination(people, to_nominate, stdout)
    _seed_retention(people, room, stdout)
    _seed_access_request(stdout)
