"""Demo closed rooms: a project room, a department room and a cross-agency room.

Written for Fagrom. Rooms are looked up by slug, members by username or unit
code, threads by topic and title, so running the seed again adds nothing.
Members are added through ``room_member_add`` (guardian rows and the room's
log, as in the UI); threads and replies through ``thread_start`` and
``post_reply``, so the demo obeys the same rules as everyone else.

Who sees what (demo logins):

* ``kari`` (NAV Sandnes) is a member of the project room and, through her
  unit, of the NAV Sandnes room; she does not see the cross-agency room.
* ``per`` (Skatteetaten brukerdialog Stavanger) is not in the project room;
  he sees the cross-agency room through his department.
* ``ola`` (NAV Arbeid og ytelser) sees the cross-agency room through his unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from forum.models import Room, RoomMembership, Thread, Topic
from forum.services import post_reply, room_member_add, thread_start
from people.models import OrgUnit, User


@dataclass(frozen=True)
class Member:
    role: str
    username: str = ""
    unit: str = ""  # OrgUnit.code
    include_subunits: bool = True


@dataclass(frozen=True)
class Conversation:
    topic: str
    title: str
    author: str
    body: str
    replies: tuple[tuple[str, str], ...] = ()
    kind: str = Thread.Kind.DISCUSSION


@dataclass(frozen=True)
class RoomSpec:
    slug: str
    name: str
    description: str
    members: tuple[Member, ...]
    topics: tuple[tuple[str, str, str], ...]  # slug, name, description
    threads: tuple[Conversation, ...]


ROOMS = (
    RoomSpec(
        slug="prosjekt-ny-saksflyt",
        name="Prosjekt: ny saksflyt for dagpenger",
        description=(
            "Lukket prosjektrom for arbeidsgruppen som prøver ut ny saksflyt for "
            "dagpengesøknader ved NAV Sandnes og NAV Arbeid og ytelser Sørlandet."
        ),
        members=(
            Member("owner", username="sigrid.haugland"),
            Member("member", username="kari"),
            Member("member", username="lars.pedersen"),
        ),
        topics=(
            ("planlegging", "Planlegging", "Milepæler, møter og fordeling av oppgaver."),
            ("erfaringer", "Erfaringer fra utprøvingen", "Hva virker, og hva må endres?"),
        ),
        threads=(
            Conversation(
                "planlegging",
                "Milepælsplan for utprøvingen i vår",
                "sigrid.haugland",
                "Her er forslaget til milepæler:\n\n1. Oppstart 3. mars\n2. Første evaluering "
                "etter fire uker\n3. Sluttrapport før sommeren\n\nSi fra om datoene ikke passer.",
                (
                    (
                        "kari",
                        "Ser bra ut. Kan vi legge evalueringen til en tirsdag? Da har vi "
                        "færrest publikumsmøter.",
                    ),
                    ("lars.pedersen", "Tirsdag passer for oss på Sørlandet også."),
                ),
            ),
            Conversation(
                "erfaringer",
                "Første uke: færre purringer på meldekort",
                "kari",
                "Etter første uke med ny flyt har vi sendt **31 % færre** purringer på "
                "meldekort. Mest effekt for søkere som har vært permittert før.",
                (("sigrid.haugland", "Flott! Ta det med i evalueringen."),),
            ),
        ),
    ),
    RoomSpec(
        slug="nav-sandnes",
        name="NAV Sandnes – kontorrommet",
        description=(
            "For alle ansatte ved NAV Sandnes og seksjonene under: beskjeder, vaktlister og "
            "lokale rutiner."
        ),
        members=(
            Member("owner", username="sigrid.haugland"),
            Member("member", unit="NAV-SANDNES", include_subunits=True),
        ),
        topics=(("beskjeder", "Beskjeder", "Beskjeder fra ledelsen og kollegaer."),),
        threads=(
            Conversation(
                "beskjeder",
                "Ny rutine for publikumsmottaket fra mandag",
                "sigrid.haugland",
                "Fra mandag åpner publikumsmottaket kl. 10. Timeavtaler før kl. 10 går som "
                "før. Vaktlisten ligger i fellesområdet.",
                (("kari", "Takk! Gjelder det også onsdager med drop-in for ungdom?"),),
            ),
        ),
    ),
    RoomSpec(
        slug="nav-skatt-inntekt",
        name="Samarbeid NAV og Skatteetaten: inntektsopplysninger",
        description=(
            "Felles rom for NAV Arbeid og ytelser og Skatteetaten brukerdialog om bruk av "
            "inntektsopplysninger fra a-ordningen."
        ),
        members=(
            Member("owner", username="hanne.bakke"),
            Member("member", unit="NAV-AOY", include_subunits=True),
            Member("member", unit="SKATT-BRUKERDIALOG", include_subunits=True),
        ),
        topics=(("a-ordningen", "A-ordningen", "Spørsmål om inntektsopplysninger og rettinger."),),
        threads=(
            Conversation(
                "a-ordningen",
                "Når slår rettede a-meldinger inn i beregningsgrunnlaget?",
                "ola",
                "Vi ser at rettede a-meldinger for forrige måned noen ganger ikke er med når "
                "vi beregner dagpengegrunnlaget. Hvor lang tid går det før rettinger er synlige "
                "hos dere?",
                (
                    (
                        "per",
                        "Rettinger er normalt synlige dagen etter at arbeidsgiveren har "
                        "levert. Er det eldre enn tre måneder, må det gå via oss manuelt.",
                    ),
                    ("ola", "Takk, det forklarer sakene vi så på. Vi lager en presisering."),
                ),
                kind=Thread.Kind.QUESTION,
            ),
        ),
    ),
)


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def _people(usernames) -> dict[str, User]:
    found = {u.username: u for u in User.objects.filter(username__in=usernames)}
    missing = sorted(set(usernames) - set(found))
    if missing:
        raise RuntimeError(f"demo.rooms needs the demo people first; missing: {missing}")
    return found


def seed(*, stdout=None):
    usernames = {m.username for r in ROOMS for m in r.members if m.username}
    usernames |= {c.author for r in ROOMS for c in r.threads}
    usernames |= {u for r in ROOMS for c in r.threads for u, _ in c.replies}
    people = _people(usernames)
    units = {u.code: u for u in OrgUnit.objects.select_related("group", "direct_group")}

    for spec in ROOMS:
        room, created = Room.objects.get_or_create(
            slug=spec.slug,
            defaults={"name": spec.name, "kind": Room.Kind.CLOSED, "description": spec.description},
        )
        for member in spec.members:
            if member.username:
                user = people[member.username]
                if RoomMembership.objects.filter(room=room, user=user).exists():
                    continue
                room_member_add(room=room, by=None, role=member.role, user=user)
            else:
                unit = units[member.unit]
                if RoomMembership.objects.filter(room=room, unit=unit).exists():
                    continue
                room_member_add(
                    room=room,
                    by=None,
                    role=member.role,
                    unit=unit,
                    include_subunits=member.include_subunits,
                )
        topics = {}
        for position, (slug, name, description) in enumerate(spec.topics):
            topics[slug], _ = Topic.objects.get_or_create(
                room=room,
                slug=slug,
                defaults={"name": name, "description": description, "position": position},
            )
        for conv in spec.threads:
            topic = topics[conv.topic]
            if Thread.objects.filter(topic=topic, title=conv.title).exists():
                continue
            # Fresh user objects: each person's grants are read after the memberships above.
            author = User.objects.get(pk=people[conv.author].pk)
            thread = thread_start(
                topic=topic, author=author, title=conv.title, body=conv.body, kind=conv.kind
            )
            for username, text in conv.replies:
                post_reply(
                    thread=thread, author=User.objects.get(pk=people[username].pk), body=text
                )
        _say(stdout, f"  room {room.slug}: {'created' if created else 'checked'}\n")
