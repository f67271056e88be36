"""Demo quality handbook: case-handling routines for a NAV office, written for Fagrom.

Three chapters, twelve pages, each with several published versions (one of them
through the approval workflow), required reading for NAV, one proposal from a
forum clarification, one draft on internal hearing and one page overdue for
review. Idempotent: does nothing once the handbook has chapters.
"""

import datetime
import json
import uuid

from django.utils import timezone
from wagtail.models import TaskState

from forum.models import Thread, Topic
from forum.services import thread_start
from handbook import services
from handbook.models import ChapterPage, HandbookPage, PageVersion
from handbook.slugs import ascii_slug
from people.models import User

FVL = "https://lovdata.no/lov/1967-02-10"
OFFL = "https://lovdata.no/lov/2006-05-19-16"
ARKL = "https://lovdata.no/lov/1992-12-04-126"


# Small builders for StreamField content ------------------------------------------------


def _id():
    return str(uuid.uuid4())


def h(title):
    return {"type": "heading", "id": _id(), "value": title}


def p(*paragraphs):
    return {"type": "text", "id": _id(), "value": "".join(f"<p>{x}</p>" for x in paragraphs)}


def steps(title, *items):
    return {
        "type": "procedure",
        "id": _id(),
        "value": {
            "title": title,
            "steps": [
                {
                    "type": "item",
                    "id": _id(),
                    "value": {"text": f"<p>{text}</p>", "responsible": who},
                }
                for text, who in items
            ],
        },
    }


def law(act, provision, summary, url=""):
    return {
        "type": "legal_reference",
        "id": _id(),
        "value": {"act": act, "provision": provision, "summary": summary, "url": url},
    }


def note(title, text, kind="note"):
    return {
        "type": "notice",
        "id": _id(),
        "value": {"kind": kind, "title": title, "text": f"<p>{text}</p>"},
    }


def table(caption, *rows):
    return {
        "type": "table",
        "id": _id(),
        "value": {
            "data": [list(r) for r in rows],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": caption,
        },
    }


# The handbook ----------------------------------------------------------------------------
# Each page: title, owner username, body, and later changes as
# (summary, old phrase, new phrase, major?) applied one by one.

CHAPTERS = [
    {
        "title": "Saksbehandling",
        "owner": "ingrid",
        "intro": p(
            "Dette kapitlet beskriver hvordan vi tar imot, utreder og avgjør saker, fra første "
            "henvendelse til vedtaket er sendt. Rutinene bygger på forvaltningsloven og gjelder "
            "alle enheter."
        ),
        "pages": [
            {
                "title": "Mottak og registrering av henvendelser",
                "owner": "ingrid",
                "body": [
                    p(
                        "Alle skriftlige henvendelser som gjelder en sak, registreres samme dag som de kommer inn."
                    ),
                    h("Slik gjør du det"),
                    steps(
                        "Mottak",
                        (
                            "Les henvendelsen og avgjør om den gjelder en ny eller en eksisterende sak.",
                            "saksbehandler",
                        ),
                        (
                            "Registrer henvendelsen i fagsystemet og knytt den til saken.",
                            "saksbehandler",
                        ),
                        (
                            "Send den videre til rett enhet hvis den gjelder et annet område.",
                            "saksbehandler",
                        ),
                    ),
                    note(
                        "Feil adressat",
                        "Henvendelser som er sendt til feil organ, sendes videre så snart som mulig med kopi til avsenderen.",
                    ),
                    law(
                        "forvaltningsloven",
                        "§ 11 annet ledd",
                        "Plikt til å videresende henvendelser til rett organ.",
                        f"{FVL}/§11",
                    ),
                ],
                "changes": [
                    (
                        "Presisert at videresending skjer med kopi til avsender",
                        "så snart som mulig med kopi",
                        "senest dagen etter med kopi",
                        False,
                    ),
                    (
                        "Lagt til kontroll av fullmakt",
                        "Registrer henvendelsen i fagsystemet",
                        "Kontroller fullmakt hvis noen skriver på vegne av brukeren, og registrer henvendelsen i fagsystemet",
                        False,
                    ),
                ],
            },
            {
                "title": "Veiledningsplikt",
                "owner": "ola",
                "body": [
                    p(
                        "Vi skal gi veiledning slik at brukeren kan ivareta sine interesser i saken. Omfanget tilpasses sakens art og brukerens behov."
                    ),
                    h("Hva veiledningen skal omfatte"),
                    p(
                        "Veiledningen skal omfatte regler og praksis som gjelder saken, hvilke opplysninger vi trenger, og hvordan saken behandles videre."
                    ),
                    law(
                        "forvaltningsloven",
                        "§ 11",
                        "Den alminnelige veiledningsplikten.",
                        f"{FVL}/§11",
                    ),
                    note(
                        "Dokumenter veiledningen",
                        "Skriv et kort notat i saken når du har gitt muntlig veiledning av betydning for utfallet.",
                    ),
                ],
                "changes": [
                    (
                        "Veiledning om klageadgang tatt inn",
                        "og hvordan saken behandles videre.",
                        "hvordan saken behandles videre, og hvordan brukeren kan klage.",
                        False,
                    ),
                    (
                        "Ny hovedversjon: veiledning i digitale kanaler",
                        "Omfanget tilpasses sakens art og brukerens behov.",
                        "Omfanget tilpasses sakens art og brukerens behov, og gjelder like mye i digitale kanaler som ved oppmøte.",
                        True,
                    ),
                ],
            },
            {
                "title": "Saksbehandlingstid og foreløpig svar",
                "owner": "ingrid",
                "body": [
                    p(
                        "Saker skal avgjøres uten ugrunnet opphold. Kan en henvendelse ikke besvares innen én måned, skal brukeren få et foreløpig svar."
                    ),
                    table(
                        "Frister for foreløpig svar",
                        ("Situasjon", "Frist", "Hva svaret skal si"),
                        (
                            "Henvendelsen kan ikke besvares innen én måned",
                            "Innen én måned",
                            "Grunnen til forsinkelsen og når svar kan ventes",
                        ),
                        ("Søknad om en ytelse", "Innen én måned", "Forventet saksbehandlingstid"),
                        ("Saken blir vesentlig forsinket", "Straks", "Ny forventet dato"),
                    ),
                    law(
                        "forvaltningsloven",
                        "§ 11a",
                        "Saksbehandlingstid, foreløpig svar.",
                        f"{FVL}/§11a",
                    ),
                ],
                "changes": [
                    (
                        "Forsinkelse varsles skriftlig",
                        "Ny forventet dato",
                        "Ny forventet dato, skriftlig",
                        False,
                    ),
                ],
            },
            {
                "title": "Utredning og kontradiksjon",
                "owner": "ola",
                "body": [
                    p("Saken skal være så godt opplyst som mulig før vedtak treffes."),
                    h("Forhåndsvarsel"),
                    p(
                        "Partene skal varsles før vedtak treffes og gis anledning til å uttale seg innen en frist."
                    ),
                    steps(
                        "Forhåndsvarsel",
                        (
                            "Skriv hva saken gjelder og hvilke opplysninger vi bygger på.",
                            "saksbehandler",
                        ),
                        ("Gi en frist for å uttale seg, normalt 14 dager.", "saksbehandler"),
                        ("Vurder uttalelsen før vedtaket skrives.", "saksbehandler"),
                    ),
                    law(
                        "forvaltningsloven",
                        "§ 16 og § 17",
                        "Forhåndsvarsling og utredningsplikt.",
                        f"{FVL}/§16",
                    ),
                    note(
                        "Opplysninger fra andre",
                        "Opplysninger om brukeren fra andre kilder skal forelegges brukeren før de brukes i vedtaket.",
                        "warning",
                    ),
                ],
                "changes": [
                    (
                        "Frist for uttalelse presisert",
                        "normalt 14 dager",
                        "normalt 14 dager, kortere bare når saken haster",
                        False,
                    ),
                    (
                        "Ny hovedversjon: krav om vurdering av uttalelsen i vedtaket",
                        "Vurder uttalelsen før vedtaket skrives.",
                        "Vurder uttalelsen og vis i vedtaket hvordan den er vurdert.",
                        True,
                    ),
                ],
            },
            {
                "title": "Vedtak og begrunnelse",
                "owner": "ingrid",
                "body": [
                    p("Vedtak skal være skriftlige og begrunnes samtidig med at de treffes."),
                    h("Begrunnelsen skal vise"),
                    steps(
                        "Innhold i begrunnelsen",
                        ("Reglene vedtaket bygger på.", ""),
                        ("De faktiske forholdene vi har lagt til grunn.", ""),
                        ("De hovedhensynene som har vært avgjørende.", ""),
                    ),
                    law(
                        "forvaltningsloven",
                        "§§ 24 og 25",
                        "Når og hvordan vedtak skal begrunnes.",
                        f"{FVL}/§24",
                    ),
                    law(
                        "forvaltningsloven",
                        "§ 27",
                        "Underretning om vedtaket og klageadgang.",
                        f"{FVL}/§27",
                    ),
                ],
                "changes": [
                    (
                        "Klart språk",
                        "Vedtak skal være skriftlige",
                        "Vedtak skal være skriftlige, skrevet i et klart språk,",
                        False,
                    ),
                ],
            },
        ],
    },
    {
        "title": "Klage og omgjøring",
        "owner": "ola",
        "intro": p("Rutiner for klager på vedtak og for omgjøring av vedtak uten klage."),
        "pages": [
            {
                "title": "Klagebehandling",
                "owner": "ola",
                "body": [
                    p("Klagefristen er seks uker fra vedtaket kom fram til brukeren."),
                    h("Forberedende klagebehandling"),
                    steps(
                        "Når en klage kommer inn",
                        (
                            "Kontroller at klagen er kommet inn i tide og at klageren har rettslig klageinteresse.",
                            "saksbehandler",
                        ),
                        ("Vurder saken på nytt, også nye opplysninger.", "saksbehandler"),
                        (
                            "Omgjør vedtaket hvis klagen fører fram; ellers send saken til klageinstansen.",
                            "saksbehandler",
                        ),
                    ),
                    law(
                        "forvaltningsloven",
                        "§ 29 og § 33",
                        "Klagefrist og saksforberedelse i klagesak.",
                        f"{FVL}/§29",
                    ),
                ],
                "changes": [
                    (
                        "Oppreisning for oversittet frist nevnt",
                        "Klagefristen er seks uker fra vedtaket kom fram til brukeren.",
                        "Klagefristen er seks uker fra vedtaket kom fram til brukeren. Er fristen oversittet, vurderer vi om klagen likevel kan tas under behandling.",
                        False,
                    ),
                    (
                        "Ny hovedversjon: klager behandles innen fire uker",
                        "Vurder saken på nytt, også nye opplysninger.",
                        "Vurder saken på nytt innen fire uker, også nye opplysninger.",
                        True,
                    ),
                ],
            },
            {
                "title": "Omgjøring uten klage",
                "owner": "ola",
                "body": [
                    p(
                        "Vi kan endre eget vedtak uten klage når endringen ikke er til skade for noen, eller vedtaket er ugyldig."
                    ),
                    law(
                        "forvaltningsloven", "§ 35", "Omgjøring av vedtak uten klage.", f"{FVL}/§35"
                    ),
                    note(
                        "Varsle før omgjøring",
                        "Skal et vedtak endres til ugunst for brukeren, skal brukeren varsles først.",
                        "warning",
                    ),
                ],
                "changes": [
                    (
                        "Henvisning til forhåndsvarsel",
                        "skal brukeren varsles først.",
                        "skal brukeren varsles først, som beskrevet under utredning og kontradiksjon.",
                        False,
                    ),
                ],
            },
            {
                "title": "Oversendelse til klageinstans",
                "owner": "ola",
                "body": [
                    p(
                        "Når vedtaket opprettholdes, sendes saken til klageinstansen med en oversendelse som brukeren får kopi av."
                    ),
                    steps(
                        "Oversendelsen",
                        ("Oppsummer saken og klagen.", "saksbehandler"),
                        ("Gjør rede for vår vurdering av klagen.", "saksbehandler"),
                        ("Send kopi til brukeren med frist for merknader.", "saksbehandler"),
                    ),
                ],
                "changes": [
                    (
                        "Frist for merknader satt til tre uker",
                        "med frist for merknader.",
                        "med frist for merknader på tre uker.",
                        False,
                    ),
                ],
            },
        ],
    },
    {
        "title": "Dokumentasjon, arkiv og taushetsplikt",
        "owner": "ingrid",
        "intro": p(
            "Hvordan vi dokumenterer saker, hva som skal arkiveres, og hvordan vi verner opplysninger."
        ),
        "pages": [
            {
                "title": "Journalføring og arkivering",
                "owner": "ingrid",
                "body": [
                    p(
                        "Dokumenter som kommer inn eller sendes ut i en sak, og som er gjenstand for saksbehandling og har verdi som dokumentasjon, skal journalføres."
                    ),
                    h("Diskusjoner i Fagrom"),
                    p(
                        "Tråder i forumet som avgjør eller presiserer praksis i en sak, nomineres til arkivering. Arkivaren vurderer og journalfører."
                    ),
                    law("arkivlova", "§ 6", "Arkivansvar.", f"{ARKL}/§6"),
                    law("offentleglova", "§ 10", "Journalføringsplikt.", f"{OFFL}/§10"),
                ],
                "changes": [
                    (
                        "Frist for journalføring",
                        "skal journalføres.",
                        "skal journalføres samme dag.",
                        False,
                    ),
                ],
            },
            {
                "title": "Taushetsplikt og personvern",
                "owner": "ingrid",
                "required": True,
                "body": [
                    p(
                        "Alle ansatte har taushetsplikt om personlige forhold de får kjennskap til i arbeidet."
                    ),
                    h("Før du deler opplysninger"),
                    steps(
                        "Kontrollspørsmål",
                        ("Er det nødvendig at mottakeren får opplysningen?", "alle"),
                        (
                            "Har mottakeren tjenstlig behov, eller finnes et unntak fra taushetsplikten?",
                            "alle",
                        ),
                        ("Del ikke mer enn det som trengs.", "alle"),
                    ),
                    note(
                        "Aldri i åpne rom",
                        "Personopplysninger skal ikke skrives i åpne rom i forumet. Bruk lukkede rom eller fagsystemet.",
                        "warning",
                    ),
                    law("forvaltningsloven", "§ 13", "Taushetsplikt.", f"{FVL}/§13"),
                ],
                "changes": [
                    (
                        "Presisert hvem som har tjenstlig behov",
                        "Har mottakeren tjenstlig behov",
                        "Har mottakeren tjenstlig behov i den konkrete saken",
                        False,
                    ),
                    (
                        "Ny hovedversjon: regler for deling i Fagrom",
                        "Bruk lukkede rom eller fagsystemet.",
                        "Bruk lukkede rom eller fagsystemet, og anonymiser eksempler før du spør i forumet.",
                        True,
                    ),
                ],
            },
            {
                "title": "Innsyn etter offentleglova",
                "owner": "arne",
                "body": [
                    p(
                        "Saksdokumenter er offentlige med mindre det er gjort unntak i lov. Innsynskrav behandles uten ugrunnet opphold, normalt innen tre virkedager."
                    ),
                    steps(
                        "Behandling av innsynskrav",
                        (
                            "Finn dokumentet og vurder om det inneholder taushetsbelagte opplysninger.",
                            "arkivar",
                        ),
                        ("Vurder merinnsyn der det er adgang til å gjøre unntak.", "arkivar"),
                        ("Gi innsyn, eller avslå med hjemmel og klageadgang.", "arkivar"),
                    ),
                    law(
                        "offentleglova",
                        "§ 3 og § 11",
                        "Hovedregel om innsyn og merinnsyn.",
                        f"{OFFL}/§3",
                    ),
                    law(
                        "offentleglova",
                        "§ 13",
                        "Unntak for opplysninger underlagt taushetsplikt.",
                        f"{OFFL}/§13",
                    ),
                ],
                "changes": [
                    (
                        "Avslag skal vise til hjemmel",
                        "Gi innsyn, eller avslå med hjemmel og klageadgang.",
                        "Gi innsyn, eller avslå skriftlig med hjemmel og opplysning om klageadgang.",
                        False,
                    ),
                ],
            },
            {
                "title": "Avvik og forbedring",
                "owner": "ingrid",
                "body": [
                    p("Avvik fra rutinene i håndboken meldes slik at vi kan lære og forbedre."),
                    steps(
                        "Melde et avvik",
                        ("Beskriv hva som skjedde og hvilken rutine som ikke ble fulgt.", "alle"),
                        ("Meld avviket til nærmeste leder.", "alle"),
                        ("Leder vurderer tiltak og om håndboken må endres.", "leder"),
                    ),
                    note(
                        "Forbedre håndboken",
                        "Ser du at en side er uklar eller feil, kan du selv foreslå en endring med «Rediger». Dokumenteieren godkjenner.",
                    ),
                ],
                "changes": [
                    (
                        "Avvik meldes innen en uke",
                        "Meld avviket til nærmeste leder.",
                        "Meld avviket til nærmeste leder innen en uke.",
                        False,
                    ),
                ],
            },
        ],
    },
]


def _slug(title: str) -> str:
    """Readable ASCII addresses: «Omgjøring» → «omgjoring»."""
    for nb, ascii_ in (("æ", "ae"), ("ø", "o"), ("å", "a"), ("Æ", "Ae"), ("Ø", "O"), ("Å", "A")):
        title = title.replace(nb, ascii_)
    return ascii_slug(title)


def _apply(body, old, new):
    dumped = json.dumps(body, ensure_ascii=False)
    if old not in dumped:
        raise ValueError(f"demo change does not match: {old!r}")
    return json.loads(dumped.replace(old, new, 1))


def _backdate(page, months_ago_by_version):
    """Spread the versions over the past months so the change log reads like a real one."""
    today = timezone.localdate()
    versions = list(PageVersion.objects.filter(page_id=page.pk).order_by("major", "minor"))
    for version, months in zip(versions, months_ago_by_version, strict=False):
        when = today - datetime.timedelta(days=30 * months)
        PageVersion.objects.filter(pk=version.pk).update(
            published_at=timezone.make_aware(datetime.datetime.combine(when, datetime.time(10))),
            effective_date=when,
        )
    last = versions[-1]
    last_date = today - datetime.timedelta(days=30 * months_ago_by_version[len(versions) - 1])
    type(page).objects.filter(pk=page.pk).update(
        effective_date=last_date,
        next_review_date=last_date + datetime.timedelta(days=365),
        last_published_at=timezone.make_aware(
            datetime.datetime.combine(last_date, datetime.time(10))
        ),
    )
    return last


def _people():
    wanted = ["kari", "ola", "ingrid", "arne", "admin"]
    found = {u.username: u for u in User.objects.filter(username__in=wanted)}
    missing = sorted(set(wanted) - set(found))
    if missing:
        raise RuntimeError(
            f"demo handbook needs the demo people first (missing: {', '.join(missing)})"
        )
    return found


def _publish_through_workflow(page, *, author, approver, body, summary, major=False):
    """Kari edits and submits; the owner approves, as in the Wagtail editor."""
    draft = page.get_latest_revision_as_object()
    draft.body = body
    draft.change_summary = summary
    draft.save_revision(user=author)
    page.refresh_from_db()
    page.get_workflow().start(page, author)
    state = TaskState.objects.filter(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    ).get()
    action = "approve_major" if major else "approve"
    state.task.specific.on_action(state, approver, action, comment="Godkjent. Takk for forslaget!")


def seed(*, stdout=None):
    def say(msg):
        if stdout:
            stdout.write(f"  handbook: {msg}")

    root = services.handbook_setup()
    if ChapterPage.objects.child_of(root).exists():
        say("already seeded")
        return
    people = _people()
    editor = people["ingrid"]
    months = [14, 9, 4]

    for chapter_spec in CHAPTERS:
        owner = people[chapter_spec["owner"]]
        chapter = ChapterPage(
            title=chapter_spec["title"],
            slug=_slug(chapter_spec["title"]),
            document_owner=owner,
            owner_unit=owner.org_unit,
            body=[chapter_spec["intro"]],
            change_summary="Første versjon",
        )
        root.add_child(instance=chapter)
        chapter.save_revision(user=editor)
        services.page_publish(page=chapter, by=editor)
        _backdate(chapter, [5])

        for spec in chapter_spec["pages"]:
            owner = people[spec["owner"]]
            page = HandbookPage(
                title=spec["title"],
                slug=_slug(spec["title"]),
                document_owner=owner,
                owner_unit=owner.org_unit,
                body=spec["body"],
                change_summary="Første versjon",
            )
            chapter.add_child(instance=page)
            if spec.get("required") and people["kari"].org_unit_id:
                page.required_for_units.set([people["kari"].org_unit.get_root()])
                page.save()
            page.save_revision(user=editor)
            services.page_publish(page=page, by=editor)
            body = spec["body"]
            for i, (summary, old, new, major) in enumerate(spec["changes"]):
                body = _apply(body, old, new)
                page.refresh_from_db()
                if i == 0 and spec["owner"] != "kari":
                    _publish_through_workflow(
                        page,
                        author=people["kari"],
                        approver=owner,
                        body=body,
                        summary=summary,
                        major=major,
                    )
                else:
                    draft = page.get_latest_revision_as_object()
                    draft.body = body
                    draft.change_summary = summary
                    draft.save_revision(user=editor)
                    services.page_publish(page=page, by=editor, major=major)
            page.refresh_from_db()
            _backdate(page, months[: 1 + len(spec["changes"])])
    say("3 chapters, 12 pages with versions")

    # Kari confirmed the privacy page in its first major version: the new major asks again.
    privacy = HandbookPage.objects.get(title="Taushetsplikt og personvern")
    first = PageVersion.objects.get(page_id=privacy.pk, major=1, minor=0)
    privacy.refresh_from_db()
    from handbook.models import ReadConfirmation

    ReadConfirmation.objects.get_or_create(
        page_id=privacy.pk, user=people["kari"], major=1, minor=0, defaults={"version": first}
    )

    # One page overdue for review.
    overdue = HandbookPage.objects.get(title="Omgjøring uten klage")
    HandbookPage.objects.filter(pk=overdue.pk).update(
        next_review_date=timezone.localdate() - datetime.timedelta(days=21)
    )
    say(f"«{overdue.title}» is overdue for review")

    # One proposal from a forum clarification.
    topic = Topic.objects.filter(moderators=people["ola"]).order_by("pk").first()
    if topic is not None:
        thread = Thread.objects.filter(topic=topic).order_by("pk").first() or thread_start(
            topic=topic,
            author=people["kari"],
            title="Må forhåndsvarsel sendes når opplysningene kommer fra brukeren selv?",
            body="Vi er usikre på om vi må sende forhåndsvarsel når alle opplysningene kommer fra brukeren selv.",
        )
        from forum.services import post_reply

        answer = post_reply(
            thread=thread,
            author=people["ola"],
            body=(
                "**Presisering:** Forhåndsvarsel kan unnlates når brukeren selv har gitt "
                "opplysningene og vedtaket bygger på dem, jf. forvaltningsloven § 16 tredje ledd "
                "bokstav c. Skriv i vedtaket at varsel er unnlatt og hvorfor."
            ),
        )
        target = HandbookPage.objects.get(title="Utredning og kontradiksjon")
        services.proposal_create(
            post=answer,
            page=target,
            by=people["ola"],
            note="Presiseringen gjelder alle saker, og bør stå i rutinen.",
        )
        say(f"proposal from «{thread.title}»")
    else:
        say("no topic moderated by ola yet: no forum proposal")

    # One draft on internal hearing.
    hearing_page = HandbookPage.objects.get(title="Saksbehandlingstid og foreløpig svar")
    draft = hearing_page.get_latest_revision_as_object()
    draft.body = [
        *draft.body.raw_data,
        h("Lange saksbehandlingstider"),
        p(
            "Når forventet saksbehandlingstid for en sakstype er over tre måneder, publiserer "
            "enheten tiden på nav.no og oppdaterer den hver måned."
        ),
    ]
    draft.change_summary = "Forslag: publisering av saksbehandlingstider"
    draft.save_revision(user=editor)
    hearing_page.refresh_from_db()
    units = [people["kari"].org_unit] if people["kari"].org_unit_id else []
    hearing = services.hearing_open(
        page=hearing_page,
        by=editor,
        title="Høring: publisering av saksbehandlingstider",
        description="Vi foreslår at lange saksbehandlingstider publiseres. Gi innspill per avsnitt.",
        units=units,
        deadline=timezone.localdate() + datetime.timedelta(days=14),
    )
    section = hearing.revision.as_object().sections()[-1]
    comment = services.hearing_comment_add(
        hearing=hearing,
        by=people["kari"],
        section_id=section["id"],
        body="Hvem i enheten har ansvar for å oppdatere tiden hver måned?",
    )
    services.hearing_comment_respond(
        comment=comment, by=editor, response="Godt spørsmål: vi legger inn at leder har ansvaret."
    )
    say(f"«{hearing_page.title}» is on hearing")
