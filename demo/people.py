"""Demo organisation and people: three agencies and about 25 employees.

Written for Fagrom. Units are looked up by ``code`` and people by
``username``, so running the seed again changes nothing. The demo logins use
the password ``demo``; everyone else has an unusable password.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

import access
from people.models import OrgUnit, User
from people.services import person_create, unit_create

DEMO_PASSWORD = "demo"

# People "joined" well before the oldest demo thread, so the forum's unread
# markers show the demo content as new to them until they open it.
JOINED_DAYS_AGO = 400


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    short_name: str = ""
    children: tuple[Unit, ...] = field(default_factory=tuple)


# agency > department > section. Codes are what a directory sync would use.
ORGANISATION = (
    Unit(
        "NAV",
        "NAV",
        children=(
            Unit(
                "NAV-SANDNES",
                "NAV Sandnes",
                children=(
                    Unit("NAV-SANDNES-OPPF", "NAV Sandnes oppfølging"),
                    Unit("NAV-SANDNES-MARKED", "NAV Sandnes marked"),
                ),
            ),
            Unit(
                "NAV-STAVANGER",
                "NAV Stavanger",
                children=(
                    Unit("NAV-STAVANGER-UNG", "NAV Stavanger ungdomsteam"),
                    Unit("NAV-STAVANGER-OPPF", "NAV Stavanger oppfølging"),
                ),
            ),
            Unit(
                "NAV-AOY",
                "NAV Arbeid og ytelser",
                short_name="NAV AY",
                children=(
                    Unit("NAV-AOY-KRISTIANIA", "NAV Arbeid og ytelser Kristiania"),
                    Unit("NAV-AOY-SORLANDET", "NAV Arbeid og ytelser Sørlandet"),
                ),
            ),
            Unit(
                "NAV-AVDIR",
                "Arbeids- og velferdsdirektoratet",
                short_name="AVdir",
                children=(
                    Unit("NAV-AVDIR-KVALITET", "NAV kvalitetsseksjonen"),
                    Unit("NAV-AVDIR-DOK", "NAV dokumentforvaltning"),
                    Unit("NAV-AVDIR-ATJ", "NAV arbeids- og tjenesteavdelingen"),
                ),
            ),
            Unit(
                "NAV-IT", "NAV IT", children=(Unit("NAV-IT-BRUKERSTOTTE", "NAV IT brukerstøtte"),)
            ),
        ),
    ),
    Unit(
        "SKATT",
        "Skatteetaten",
        children=(
            Unit(
                "SKATT-BRUKERDIALOG",
                "Skatteetaten brukerdialog",
                children=(
                    Unit("SKATT-BRUKERDIALOG-STAVANGER", "Skatteetaten brukerdialog Stavanger"),
                    Unit("SKATT-BRUKERDIALOG-BERGEN", "Skatteetaten brukerdialog Bergen"),
                ),
            ),
            Unit("SKATT-INNKREVING", "Skatteetaten innkreving"),
            Unit("SKATT-RETT", "Skatteetaten rettsavdelingen"),
        ),
    ),
    Unit(
        "ATIL",
        "Arbeidstilsynet",
        children=(
            Unit("ATIL-VEST", "Arbeidstilsynet region Vest"),
            Unit("ATIL-SVAR", "Arbeidstilsynets svartjeneste"),
        ),
    ),
)

KINDS = (OrgUnit.Kind.AGENCY, OrgUnit.Kind.DEPARTMENT, OrgUnit.Kind.SECTION)

MAIL_DOMAINS = {"NAV": "nav.no", "SKATT": "skatteetaten.no", "ATIL": "arbeidstilsynet.no"}


@dataclass(frozen=True)
class Person:
    username: str
    full_name: str
    unit: str  # OrgUnit.code
    title: str
    login: bool = False  # password "demo" when True
    roles: tuple[str, ...] = ()
    admin: bool = False


PEOPLE = (
    # The demo logins (see README.md).
    Person("kari", "Kari Nordmann", "NAV-SANDNES", "Saksbehandler", login=True),
    Person("ola", "Ola Hansen", "NAV-AOY", "Fagansvarlig dagpenger og sykepenger", login=True),
    Person(
        "ingrid",
        "Ingrid Lunde",
        "NAV-AVDIR-KVALITET",
        "Seniorrådgiver, kvalitetssystem",
        login=True,
        roles=(access.HANDBOOK_EDITORS,),
    ),
    Person(
        "arne",
        "Arne Dahl",
        "NAV-AVDIR-DOK",
        "Arkivar",
        login=True,
        roles=(access.RECORDS_OFFICERS,),
    ),
    Person(
        "berit",
        "Berit Aas",
        "NAV-AVDIR-DOK",
        "Arkivleder",
        login=True,
        roles=(access.RECORDS_OFFICERS,),
    ),
    Person("per", "Per Olsen", "SKATT-BRUKERDIALOG-STAVANGER", "Saksbehandler", login=True),
    Person(
        "admin",
        "Hilde Solberg",
        "NAV-IT",
        "Systemforvalter for Fagrom",
        login=True,
        roles=(access.ADMINISTRATORS,),
        admin=True,
    ),
    # NAV Sandnes
    Person("jonas.berg", "Jonas Berg", "NAV-SANDNES-OPPF", "Veileder"),
    Person("mona.eide", "Mona Eide", "NAV-SANDNES-OPPF", "Veileder"),
    Person("sigrid.haugland", "Sigrid Haugland", "NAV-SANDNES", "Avdelingsleder"),
    Person("anders.tjelta", "Anders Tjelta", "NAV-SANDNES-MARKED", "Markedskontakt"),
    # NAV Stavanger
    Person("thomas.larsen", "Thomas Larsen", "NAV-STAVANGER-UNG", "Veileder"),
    Person("nina.johannessen", "Nina Johannessen", "NAV-STAVANGER", "Saksbehandler"),
    Person("camilla.nilsen", "Camilla Nilsen", "NAV-STAVANGER-OPPF", "Veileder"),
    # NAV Arbeid og ytelser
    Person("silje.andersen", "Silje Andersen", "NAV-AOY-KRISTIANIA", "Saksbehandler sykepenger"),
    Person("lars.pedersen", "Lars Pedersen", "NAV-AOY-SORLANDET", "Saksbehandler dagpenger"),
    Person("anette.strand", "Anette Strand", "NAV-AOY-KRISTIANIA", "Rådgiver"),
    Person("hanne.bakke", "Hanne Bakke", "NAV-AOY", "Fagansvarlig arbeidsavklaringspenger"),
    Person("martin.kristiansen", "Martin Kristiansen", "NAV-AOY-SORLANDET", "Saksbehandler AAP"),
    # Arbeids- og velferdsdirektoratet and NAV IT
    Person(
        "randi.aasen", "Randi Aasen", "NAV-AVDIR-ATJ", "Seniorrådgiver, arbeidsrettet oppfølging"
    ),
    Person("henrik.moe", "Henrik Moe", "NAV-IT-BRUKERSTOTTE", "Fagansvarlig IT-verktøy"),
    # Skatteetaten
    Person("astrid.myhre", "Astrid Myhre", "SKATT-RETT", "Seniorskattejurist"),
    Person("geir.vik", "Geir Vik", "SKATT-INNKREVING", "Saksbehandler innkreving"),
    Person("marte.solheim", "Marte Solheim", "SKATT-BRUKERDIALOG-BERGEN", "Skattefaglig veileder"),
    # Arbeidstilsynet
    Person("tone.fjeld", "Tone Fjeld", "ATIL-VEST", "Inspektør"),
    Person("knut.saether", "Knut Sæther", "ATIL-SVAR", "Rådgiver"),
)

LOGINS = tuple(p.username for p in PEOPLE if p.login)

# Role groups that use the Wagtail admin: handbook editors keep the handbook there,
# administrators manage rooms and topics there.
ADMIN_ACCESS_ROLES = (access.ADMINISTRATORS, access.HANDBOOK_EDITORS)

_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def email_for(full_name: str, unit_code: str) -> str:
    local = full_name.lower().translate(_ASCII).replace(" ", ".")
    return f"{local}@{MAIL_DOMAINS[unit_code.split('-')[0]]}"


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _ensure_unit(spec: Unit, parent: OrgUnit | None, depth: int, stdout) -> int:
    """Create ``spec`` and its children unless present. Returns how many were created."""
    created = 0
    unit = OrgUnit.objects.filter(code=spec.code).first()
    if unit is None:
        unit = unit_create(
            name=spec.name,
            code=spec.code,
            kind=KINDS[depth],
            parent=parent,
            short_name=spec.short_name,
        )
        created += 1
    for child in spec.children:
        # Re-read the parent: treebeard's add_child needs fresh path/numchild values.
        created += _ensure_unit(child, OrgUnit.objects.get(pk=unit.pk), depth + 1, stdout)
    return created


def _ensure_role_groups() -> dict[str, Group]:
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in access.ROLE_GROUPS}
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in ADMIN_ACCESS_ROLES:
        groups[name].permissions.add(access_admin)
    return groups


def seed(*, stdout=None) -> None:
    units_created = sum(_ensure_unit(spec, None, 0, stdout) for spec in ORGANISATION)
    groups = _ensure_role_groups()
    units = {u.code: u for u in OrgUnit.objects.all()}
    existing = set(
        User.objects.filter(username__in=[p.username for p in PEOPLE]).values_list(
            "username", flat=True
        )
    )
    joined = timezone.now() - timedelta(days=JOINED_DAYS_AGO)
    people_created = 0
    for spec in PEOPLE:
        if spec.username in existing:
            continue
        user = person_create(
            username=spec.username,
            full_name=spec.full_name,
            unit=units[spec.unit],
            title=spec.title,
            email=email_for(spec.full_name, spec.unit),
            password=DEMO_PASSWORD if spec.login else None,
            is_staff=spec.admin,
            is_superuser=spec.admin,
            date_joined=joined,
        )
        if spec.roles:
            user.groups.add(*(groups[name] for name in spec.roles))
        people_created += 1
    _say(stdout, f"  {units_created} units and {people_created} people created")
