"""Demo threads: Arbeidsavklaringspenger, Oppfølging."""

from .spec import P, Q, T

FOLLOW_UP: tuple[T, ...] = (
    # --- Arbeidsavklaringspenger ---------------------------------------------------------
    T(
        "arbeidsavklaringspenger",
        "Presisering: aktivitetsplikten i ftrl. § 11-7",
        days_ago=160,
        pinned=True,
        posts=(
            P(
                "hanne.bakke",
                0,
                """Vi har gått gjennom et utvalg saker og ser at aktivitetsplikten håndheves ulikt. Presisering:

1. Brukeren skal bidra aktivt i prosessen med å komme i arbeid, jf. [§ 11-7](https://lovdata.no/lov/1997-02-28-19/§11-7).
2. Aktivitetene skal stå i aktivitetsplanen og være mulige å gjennomføre for brukeren.
3. Før reaksjon skal brukeren få forhåndsvarsel og mulighet til å forklare seg.

> Målet er arbeid, ikke reaksjon. Bruk reaksjonene når de er nødvendige, men dokumenter alltid vurderingen.""",
            ),
            P(
                "martin.kristiansen",
                26,
                "Takk. Gjelder punkt 3 også ved fravær fra ett enkelt møte?",
            ),
            P(
                "hanne.bakke",
                28,
                "Ja. Fravær fra fastsatt aktivitet behandles etter § 11-8, og brukeren skal alltid få forklare seg før vi gjør noe.",
            ),
        ),
    ),
    T(
        "arbeidsavklaringspenger",
        "Hvordan dokumenterer vi nedsatt arbeidsevne med minst halvparten?",
        days_ago=146,
        kind=Q,
        posts=(
            P(
                "martin.kristiansen",
                0,
                "I en sak om AAP er legeerklæringen tynn. Hva trenger vi for å kunne konkludere med at arbeidsevnen er nedsatt med minst halvparten etter ftrl. § 11-5?",
            ),
            P(
                "hanne.bakke",
                3,
                """Vi trenger et helhetlig bilde. Som et minimum:

- legeerklæring med diagnose og funksjonsbeskrivelse
- brukerens egen vurdering av hva hun kan og ikke kan
- opplysninger fra arbeidsgiver eller tiltak, hvis det finnes

Og husk at sykdom, skade eller lyte må være en *vesentlig medvirkende årsak*. Mangler noe, innhent det før vedtak, jf. forvaltningsloven § 17.""",
            ),
            P(
                "martin.kristiansen",
                5,
                "Da ber jeg om utvidet legeerklæring og en samtale med brukeren.",
            ),
        ),
    ),
    T(
        "arbeidsavklaringspenger",
        "Begrunnelse i AAP-vedtak – hvor detaljert?",
        days_ago=129,
        kind=Q,
        posts=(
            P(
                "kari",
                0,
                "Jeg har fått tilbakemelding fra klageinstansen om at et AAP-vedtak hadde for svak begrunnelse. Hva bør være med, utover standardteksten?",
            ),
            P(
                "hanne.bakke",
                2,
                """Forvaltningsloven § 25 krever at begrunnelsen viser til reglene, nevner de faktiske forholdene vedtaket bygger på, og nevner hovedhensynene ved skjønnet.

I praksis: skriv *hvorfor* arbeidsevnen er eller ikke er nedsatt i denne saken, med henvisning til dokumentene. Standardtekst om regelverket er fint, men vurderingen må være konkret.""",
            ),
            P(
                "anette.strand",
                4,
                "Vi har laget en enkel mal for vurderingsdelen i Kristiania. Jeg kan dele den her hvis moderator synes det er greit?",
            ),
            P(
                "hanne.bakke",
                4.5,
                "Gjerne! Legg den i tråden, så ser jeg over den.",
            ),
        ),
    ),
    T(
        "arbeidsavklaringspenger",
        "AAP og studier – når er det greit?",
        days_ago=104,
        posts=(
            P(
                "camilla.nilsen",
                0,
                "Jeg har en bruker på AAP som vil ta et nettkurs i regnskap på kveldstid. Kan det være en del av aktivitetsplanen, eller er det utdanning som faller utenfor?",
            ),
            P(
                "hanne.bakke",
                6,
                "Det kommer an på omfanget og hvordan det henger sammen med målet i planen. Et kort kurs som gjør brukeren mer attraktiv på arbeidsmarkedet kan gjerne inngå. Et fulltidsstudium er noe annet. Beskriv sammenhengen i aktivitetsplanen.",
            ),
            P(
                "thomas.larsen",
                8,
                "Vi har hatt gode erfaringer med korte kurs for unge på AAP. Det gir struktur i hverdagen og noe å vise til i en søknad.",
            ),
        ),
    ),
    T(
        "arbeidsavklaringspenger",
        "Stans av AAP ved manglende meldekort",
        days_ago=83,
        kind=Q,
        posts=(
            P(
                "thomas.larsen",
                0,
                "Bruker har ikke sendt meldekort på seks uker og svarer ikke på telefon. Hva er riktig framgangsmåte før vi stanser?",
            ),
            P(
                "hanne.bakke",
                2,
                """Meldeplikten følger av ftrl. § 11-10. Før stans:

1. Prøv å nå brukeren på flere måter (telefon, melding i Modia, brev).
2. Send forhåndsvarsel etter forvaltningsloven § 16 med frist for å uttale seg.
3. Vurder om det kan være rimelig grunn, for eksempel innleggelse.

Ikke stans uten at dette er gjort og dokumentert.""",
            ),
            P(
                "thomas.larsen",
                50,
                "Brukeren tok kontakt etter varselet, han hadde vært innlagt. Ingen stans. Takk!",
            ),
        ),
    ),
    T(
        "arbeidsavklaringspenger",
        "AAP mens vi venter på svar på søknad om uføretrygd",
        days_ago=57,
        kind=Q,
        posts=(
            P(
                "lars.pedersen",
                0,
                "Bruker har søkt uføretrygd, og AAP-perioden er i ferd med å ta slutt. Kan han få AAP mens uføresaken behandles?",
            ),
            P(
                "hanne.bakke",
                3,
                "Ja, ftrl. § 11-18 gir rett til AAP i inntil åtte måneder mens krav om uføretrygd behandles, når vilkårene ellers er oppfylt. Sørg for at søknaden om uføretrygd er registrert før AAP-perioden løper ut.",
            ),
        ),
    ),
    T(
        "arbeidsavklaringspenger",
        "Klage på AAP-vedtak: hva gjør vi før oversendelse?",
        days_ago=22,
        kind=Q,
        posts=(
            P(
                "anette.strand",
                0,
                "Når vi får en klage på et AAP-vedtak, hva er sjekklisten før saken går til Nav klageinstans?",
            ),
            P(
                "hanne.bakke",
                4,
                """Kort sjekkliste:

- Er klagen kommet inn innen fristen på seks uker (ftrl. § 21-12)?
- Vurder saken på nytt etter forvaltningsloven § 33. Kan vi gi brukeren helt eller delvis medhold, gjør vi det.
- Opprettholder vi vedtaket, skriv en oversendelse som svarer på det brukeren faktisk klager over.
- Send kopi av oversendelsen til brukeren.""",
            ),
            P(
                "kari",
                7,
                "Veldig nyttig sjekkliste. Kan den komme inn i kvalitetshåndboken?",
            ),
            P(
                "ingrid",
                9,
                "Den tar jeg med i neste revisjon av håndboken. Takk for tipset, Kari!",
            ),
        ),
    ),
    # --- Oppfølging -----------------------------------------------------------------------
    T(
        "oppfolging",
        "Dialogmøte 2 – tips til gjennomføring",
        days_ago=155,
        posts=(
            P(
                "mona.eide",
                0,
                "Jeg skal lede mitt første dialogmøte 2 neste uke. Noen tips til forberedelse og hvem som bør delta?",
            ),
            P(
                "randi.aasen",
                3,
                """Godt at du spør! Det viktigste:

- Les oppfølgingsplanen fra arbeidsgiver på forhånd (den skal være laget innen fire uker, jf. arbeidsmiljøloven § 4-6).
- Inviter arbeidstaker, arbeidsgiver og gjerne legen.
- Ha en klar agenda: status, muligheter for aktivitet, videre plan.
- Avslutt med konkrete avtaler og hvem som gjør hva.""",
            ),
            P(
                "jonas.berg",
                5,
                "Og sett av nok tid. Jeg bruker alltid en time, selv om de fleste møtene tar 40 minutter.",
            ),
            P(
                "mona.eide",
                170,
                "Møtet gikk fint. Takk for tipsene, særlig agendaen hjalp.",
            ),
        ),
    ),
    T(
        "oppfolging",
        "Arbeidsgivere som ikke leverer oppfølgingsplan",
        days_ago=139,
        posts=(
            P(
                "jonas.berg",
                0,
                "Vi har noen arbeidsgivere som aldri sender oppfølgingsplan for sykmeldte. Hva gjør dere for å få dem til å levere?",
            ),
            P(
                "anders.tjelta",
                2,
                "Vi som jobber med markedskontakt tar en prat med dem når vi likevel er på besøk. Mange vet ikke at det er et krav.",
            ),
            P(
                "tone.fjeld",
                5,
                "Fra Arbeidstilsynet: manglende oppfølgingsplan er et brudd på arbeidsmiljøloven § 4-6, og vi kan følge det opp ved tilsyn. Dere kan tipse oss hvis det gjelder en virksomhet med mange sykmeldte.",
            ),
            P(
                "randi.aasen",
                8,
                "Takk Tone, det er nyttig å vite. Husk at tips om enkeltpersoner ikke skal sendes, bare om virksomheten.",
            ),
        ),
    ),
    T(
        "oppfolging",
        "Hva skal stå i aktivitetsplanen?",
        days_ago=126,
        kind=Q,
        posts=(
            P(
                "jonas.berg",
                0,
                "Hvor detaljert skal aktivitetsplanen i Modia være? Noen kolleger skriver lange tekster, andre bare stikkord.",
            ),
            P(
                "randi.aasen",
                2,
                """Planen er brukerens plan, så den skal være forståelig for brukeren. Skriv:

- hva aktiviteten er
- hvorfor den er med (målet)
- når den starter og slutter

Lange vurderinger hører hjemme i notatene, ikke i planen.""",
            ),
        ),
    ),
    T(
        "oppfolging",
        "Standard, situasjonsbestemt eller spesielt tilpasset innsats?",
        days_ago=108,
        kind=Q,
        posts=(
            P(
                "kari",
                0,
                "Når skal vi bruke spesielt tilpasset innsats i vurderingen etter NAV-loven § 14 a? Jeg har en bruker med lang sykehistorie, men som selv mener han kan jobbe fullt.",
            ),
            P(
                "randi.aasen",
                3,
                "Vurderingen skal bygge på både brukerens egen vurdering og det vi vet ellers. Mener brukeren selv at han kan jobbe fullt, og det ikke er noe som tyder sterkt på det motsatte, er situasjonsbestemt innsats ofte riktig å starte med. Vurderingen kan endres når vi vet mer.",
            ),
            P(
                "kari",
                4,
                "Takk, det høres fornuftig ut. Jeg noterer at vi tar en ny vurdering om tre måneder.",
            ),
        ),
    ),
    T(
        "oppfolging",
        "Ungdomsgarantien – hvordan prioriterer dere?",
        days_ago=73,
        posts=(
            P(
                "thomas.larsen",
                0,
                "Ungdomsteamet i Stavanger har over 200 brukere under 30. Hvordan prioriterer dere når alle skal ha tett oppfølging?",
            ),
            P(
                "camilla.nilsen",
                4,
                "Vi deler inn etter hvor nær arbeid de er, og setter av fast tid hver uke til de som står lengst unna. Ikke perfekt, men det gir en viss forutsigbarhet.",
            ),
            P(
                "randi.aasen",
                20,
                "Fint at dere deler. Direktoratet jobber med en veileder for ungdomsgarantien som kommer i løpet av høsten. Jeg legger den ut her når den er klar.",
            ),
        ),
    ),
    T(
        "oppfolging",
        "Taushetsplikt når arbeidsgiver ringer om en sykmeldt",
        days_ago=50,
        kind=Q,
        posts=(
            P(
                "camilla.nilsen",
                0,
                "En arbeidsgiver ringer og vil vite diagnosen til en sykmeldt ansatt «for å kunne tilrettelegge». Hva kan vi si?",
            ),
            P(
                "randi.aasen",
                1,
                """Ingenting om diagnosen. Opplysninger om helse er taushetsbelagte, jf. NAV-loven § 7 og forvaltningsloven § 13.

Det arbeidsgiver trenger for å tilrettelegge er *funksjonsevnen*, og den skal komme fra arbeidstaker selv eller fra sykmeldingen. Foreslå et møte der arbeidstaker deltar.""",
            ),
        ),
    ),
    T(
        "oppfolging",
        "Samarbeid med Arbeidstilsynet om useriøse arbeidsgivere",
        days_ago=31,
        posts=(
            P(
                "sigrid.haugland",
                0,
                "Vi ser flere tilfeller der brukere i tiltak blir utnyttet av arbeidsgivere. Hvordan er samarbeidet med Arbeidstilsynet organisert i andre regioner?",
            ),
            P(
                "tone.fjeld",
                3,
                "I region Vest har vi faste kontaktmøter med NAV-kontorene hvert kvartal. Ta kontakt, så setter vi opp et møte med NAV Sandnes også.",
            ),
            P(
                "knut.saether",
                6,
                "Svartjenesten vår kan også svare på spørsmål om arbeidsvilkår hvis dere er usikre i en enkeltsak. Bruk gjerne telefonen, vi er der fra 9 til 15.",
            ),
            P(
                "sigrid.haugland",
                24,
                "Flott, jeg sender invitasjon til et møte i neste måned.",
            ),
        ),
    ),
    T(
        "oppfolging",
        "Jobbmesser: erfaringer fra markedsarbeidet",
        days_ago=8,
        posts=(
            P(
                "anders.tjelta",
                0,
                "Vi arrangerte jobbmesse for bygg og anlegg i Sandnes forrige uke: 14 arbeidsgivere og rundt 120 besøkende. Flere fikk jobbintervju på stedet. Noen andre som har erfaringer å dele?",
            ),
            P(
                "thomas.larsen",
                5,
                "Vi gjør det samme for unge i Stavanger. Det som fungerer best for oss er å forberede brukerne på forhånd, med CV og en kort presentasjon av seg selv.",
            ),
        ),
    ),
)
