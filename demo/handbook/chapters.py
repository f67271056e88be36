"""The demo handbook's content: three chapters and their pages, with later changes."""

from .builders import ARKL, FVL, OFFL, h, law, note, p, steps, table

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
