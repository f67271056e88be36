"""Demo forum: the open room "Erfaringsforum", its topics and 40-odd threads.

Written for Fagrom (not copied from anywhere). The content lives in the data
structures below so it reads like the forum it becomes; ``seed`` turns it into
rows. Threads are looked up by topic and title, so running it again adds
nothing.

The threads are created directly rather than through ``thread_start`` and
``post_reply`` because those stamp every post with *now*, and a demo forum
needs history spread over the past months. The posts are still rendered by
``forum.markup.render`` and the counters are rebuilt by the same set-based
functions ``manage.py forum_recount`` uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from forum import markup
from forum.models import Post, PostRevision, Room, Thread, ThreadRead, Topic
from forum.services import author_snapshot, topics_recount
from people.models import User

ROOM = {
    "slug": "erfaringsforum",
    "name": "Erfaringsforum",
    "kind": Room.Kind.OPEN,
    "description": (
        "Det åpne forumet for alle ansatte. Still spørsmål om regelverk og praksis, del erfaringer "
        "og få svar fra fagpersonene som moderer hvert tema. Alle skriver med fullt navn og "
        "arbeidssted."
    ),
}


@dataclass(frozen=True)
class TopicSpec:
    slug: str
    name: str
    description: str
    moderators: tuple[str, ...]


TOPICS = (
    TopicSpec(
        "dagpenger",
        "Dagpenger",
        "Dagpenger ved arbeidsløshet og permittering (folketrygdloven kapittel 4): minsteinntekt, "
        "ventetid, meldekort, reell arbeidssøker og tidsbegrenset bortfall.",
        ("ola",),
    ),
    TopicSpec(
        "sykepenger",
        "Sykepenger",
        "Sykepenger (folketrygdloven kapittel 8): opptjening, arbeidsgiverperioden, gradering, "
        "egenmelding, aktivitetskrav og maksdato.",
        ("ola",),
    ),
    TopicSpec(
        "arbeidsavklaringspenger",
        "Arbeidsavklaringspenger",
        "Arbeidsavklaringspenger (AAP, folketrygdloven kapittel 11): vilkår, aktivitetsplikt, "
        "meldeplikt, vedtak og klager.",
        ("hanne.bakke",),
    ),
    TopicSpec(
        "oppfolging",
        "Oppfølging",
        "Arbeidsrettet oppfølging: aktivitetsplan, dialogmøter, oppfølgingsplaner, "
        "behovsvurdering etter NAV-loven § 14 a og samarbeid med arbeidsgivere.",
        ("randi.aasen",),
    ),
    TopicSpec(
        "it-verktoy",
        "IT-verktøy",
        "Gosys, Modia, Arena, Infotrygd, Speil og de andre fagsystemene: feil, tips og "
        "driftsmeldinger. Brukerstøtte svarer her i arbeidstiden.",
        ("henrik.moe",),
    ),
    TopicSpec(
        "skattetrekk-og-innkreving",
        "Skattetrekk og innkreving",
        "Skattetrekk i ytelser, trekkpålegg og samarbeidet mellom NAV og Skatteetaten. "
        "Fagpersoner fra Skatteetaten svarer.",
        ("astrid.myhre", "geir.vik"),
    ),
)


@dataclass(frozen=True)
class P:
    """One post: who wrote it, how many hours after the thread started, and the Markdown."""

    author: str
    hours: float
    body: str
    earlier: str = ""  # an earlier text the author replaced (kept as a revision)


@dataclass(frozen=True)
class T:
    topic: str
    title: str
    days_ago: float
    posts: tuple[P, ...]
    kind: str = Thread.Kind.DISCUSSION
    pinned: bool = False
    locked: bool = False


Q = Thread.Kind.QUESTION

THREADS: tuple[T, ...] = (
    # --- Dagpenger -----------------------------------------------------------------------
    T(
        "dagpenger",
        "Presisering: kravet til redusert arbeidstid (ftrl. § 4-3)",
        days_ago=171,
        pinned=True,
        posts=(
            P(
                "ola",
                0,
                """Vi ser fortsatt ulik praksis når arbeidstiden er redusert, men ikke helt borte. Derfor en presisering som gjelder fra i dag:

1. Arbeidstiden må være redusert med **minst 50 prosent** av den vanlige arbeidstiden, jf. [folketrygdloven § 4-3](https://lovdata.no/lov/1997-02-28-19/§4-3).
2. Den vanlige arbeidstiden fastsettes ut fra de siste tolv ukene (eventuelt 52 uker hvis det gir et riktigere bilde). Bruk det som står i arbeidsforholdet i Aa-registeret som utgangspunkt, ikke det brukeren oppgir alene.
3. Ved permittering er det permitteringsgraden i varselet som gjelder, men sjekk mot meldekortene de første periodene.

Spørsmål til presiseringen kan stilles i denne tråden.""",
            ),
            P(
                "lars.pedersen",
                5,
                "Takk! Hva gjør vi når brukeren har to arbeidsforhold og bare er permittert fra det ene? Ser vi på samlet arbeidstid?",
            ),
            P(
                "ola",
                7.5,
                """> **Lars Pedersen · NAV Arbeid og ytelser Sørlandet** skrev:
>
> Ser vi på samlet arbeidstid?

Ja. Det er den samlede arbeidstiden som skal være redusert med minst halvparten. Er brukeren fortsatt i full jobb i det andre arbeidsforholdet, er vilkåret som regel ikke oppfylt.""",
            ),
        ),
    ),
    T(
        "dagpenger",
        "Karensdager når permitteringen avbrytes av noen dagers arbeid",
        days_ago=164,
        kind=Q,
        posts=(
            P(
                "kari",
                0,
                """Bruker ble permittert 100 % fra 1. mars, var tilbake i jobb fire dager midt i måneden og ble så permittert igjen. Arbeidsgiver har sendt nytt permitteringsvarsel.

Skal det beregnes nye ventedager (karensdager) etter ftrl. § 4-9 ved den andre permitteringen, eller løper det videre?""",
            ),
            P(
                "ola",
                3,
                """Godt spørsmål, det kommer ofte. Ventetiden etter § 4-9 er tre dager og skal ikke avvikles på nytt når brukeren gjenopptar dagpengene innenfor samme stønadsperiode. Fire dager i arbeid er et kort avbrudd, så her blir det **gjenopptak**, ikke ny stønadsperiode.

Husk likevel å sjekke at arbeidsgiver har oppfylt lønnsplikten for den nye permitteringen før dagpengene starter igjen.""",
            ),
            P(
                "kari",
                4,
                "Takk, da behandler jeg den som gjenopptak. Lønnsplikten er oppfylt ifølge varselet.",
            ),
        ),
    ),
    T(
        "dagpenger",
        "Minsteinntekt: teller sykepenger og foreldrepenger med?",
        days_ago=158,
        kind=Q,
        posts=(
            P(
                "lars.pedersen",
                0,
                """Søker har hatt lite arbeidsinntekt siste tolv måneder fordi hun har vært sykmeldt og så i foreldrepermisjon. Ser vi bort fra ytelsene, når hun ikke kravet til minsteinntekt i ftrl. § 4-4.

Regnes sykepenger og foreldrepenger som arbeidsinntekt her?""",
            ),
            P(
                "ola",
                2,
                """Ja. Etter § 4-4 regnes også blant annet sykepenger, foreldrepenger og svangerskapspenger med når vi vurderer minsteinntekt. Se rundskrivet til § 4-4 for hele listen.

Legg inn ytelsene fra NAV i beregningen og dokumenter hvilke perioder du har regnet med i notatet.""",
            ),
            P(
                "silje.andersen",
                26,
                "Nyttig å vite også for oss på sykepenger, vi får ofte spørsmål om dette når sykepengene tar slutt.",
            ),
        ),
    ),
    T(
        "dagpenger",
        "Meldekort sendt inn for sent – hva gjør dere?",
        days_ago=149,
        posts=(
            P(
                "kari",
                0,
                """Vi har hatt flere brukere den siste tiden som sender meldekortet noen dager for sent, særlig eldre brukere som ikke er vant til digitale tjenester.

Hvordan håndterer dere det? Sender dere brev med en gang, eller ringer dere først?""",
            ),
            P(
                "nina.johannessen",
                1.5,
                "Vi ringer først hvis det er første gang. Mange har rett og slett glemt det eller trodd at de sendte det. Det sparer oss for mange klagesaker.",
            ),
            P(
                "lars.pedersen",
                3,
                """Hos oss sjekker vi alltid tre ting før vi gjør noe mer:

- om brukeren har hatt tekniske problemer (se driftsmeldinger for ID-porten)
- om det er første gang
- om det finnes *rimelig grunn* i saken fra før

Er svaret ja på én av dem, ringer vi.""",
            ),
            P(
                "ola",
                6,
                """Fint at dere deler. Til regelverket: meldeplikten følger av ftrl. § 4-8, og når meldekortet kommer for sent, skal vi vurdere om det foreligger rimelig grunn. En telefon er ofte den raskeste måten å opplyse saken på, jf. utredningsplikten i forvaltningsloven § 17.

Skriv et kort notat om samtalen, så er det dokumentert hvis saken blir klagebehandlet.""",
            ),
        ),
    ),
    T(
        "dagpenger",
        "Permittering og ferie – hvordan teller vi dagene?",
        days_ago=141,
        posts=(
            P(
                "anette.strand",
                0,
                "En arbeidsgiver spør om de ansatte kan avvikle ferie mens de er permittert, og hva det betyr for dagpengene. Noen som har en god formulering å sende tilbake?",
            ),
            P(
                "ola",
                4,
                """Kort fortalt: ferie avbryter permitteringen. Den ansatte får feriepenger fra arbeidsgiver og har ikke rett til dagpenger for feriedagene. Dagene skal føres som ferie på meldekortet.

Du kan gjerne lenke til [informasjonen for arbeidsgivere på nav.no](https://www.nav.no/arbeidsgiver/permittering) i svaret.""",
            ),
            P(
                "anette.strand",
                5,
                "Perfekt, takk.",
            ),
        ),
    ),
    T(
        "dagpenger",
        "Dagpenger for unge uten arbeidserfaring?",
        days_ago=133,
        kind=Q,
        posts=(
            P(
                "thomas.larsen",
                0,
                "Jeg har en 19-åring som har droppet ut av videregående og ikke har hatt jobb. Han har hørt av venner at han kan få dagpenger. Har han noen rett i det hele tatt?",
            ),
            P(
                "ola",
                2.5,
                """Nei, uten arbeidsinntekt er kravet til minsteinntekt i ftrl. § 4-4 ikke oppfylt, og da er det ingen rett til dagpenger.

For denne gruppen er det mer aktuelt å se på arbeidsrettede tiltak med **tiltakspenger**, eller kvalifiseringsprogrammet dersom vilkårene der er oppfylt. Ta det opp med ham i neste samtale, og husk ungdomsgarantien.""",
            ),
            P(
                "randi.aasen",
                5,
                "Legger til at vi har en egen tråd om ungdomsgarantien under Oppfølging. Der er det mange gode tips om hvordan dere prioriterer.",
            ),
        ),
    ),
    T(
        "dagpenger",
        "Forhåndsvarsel før stans av dagpenger – alltid nødvendig?",
        days_ago=121,
        kind=Q,
        posts=(
            P(
                "kari",
                0,
                """Vi skal stanse dagpengene til en bruker som har begynt i fast jobb. Hun har selv opplyst om det i meldekortet.

Må vi sende forhåndsvarsel etter forvaltningsloven § 16 i slike saker, eller kan vi fatte vedtak med en gang?""",
            ),
            P(
                "ola",
                1.5,
                """Forhåndsvarsel er hovedregelen, men forvaltningsloven § 16 tredje ledd bokstav c gjør unntak når varsel «av andre grunner må anses åpenbart unødvendig».

Når brukeren selv har opplyst om den nye jobben og stansen følger direkte av det, er varsel som regel åpenbart unødvendig. Skriv i vedtaket hvilke opplysninger stansen bygger på.""",
            ),
            P(
                "kari",
                2,
                "Supert, det var det jeg trodde, men greit å få det bekreftet.",
                earlier="Supert, det var det jeg trodde.",
            ),
        ),
    ),
    T(
        "dagpenger",
        "Økning i søknader etter permitteringer i verftsindustrien",
        days_ago=112,
        posts=(
            P(
                "lars.pedersen",
                0,
                "Vi merker en kraftig økning i søknader om dagpenger fra permitterte i verftsindustrien på Sørlandet. Er det flere som ser det samme? Vi vurderer å be om hjelp fra andre enheter.",
            ),
            P(
                "nina.johannessen",
                3,
                "Også i Stavanger-området, men mest fra underleverandører. Vi har satt av to saksbehandlere ekstra til permitteringssakene fram til påske.",
            ),
            P(
                "sigrid.haugland",
                20,
                "NAV Sandnes kan avgi én saksbehandler i tre uker fra mandag. Ta kontakt på Teams, så finner vi ut av det praktiske.",
            ),
            P(
                "ola",
                23,
                "Takk for at dere sier fra tidlig. Jeg tar det med i fagmøtet på torsdag og ser om vi bør lage en felles sjekkliste for permitteringssakene.",
            ),
        ),
    ),
    T(
        "dagpenger",
        "Selvforskyldt ledighet – hvor lenge faller dagpengene bort?",
        days_ago=97,
        kind=Q,
        posts=(
            P(
                "camilla.nilsen",
                0,
                "Bruker sa opp jobben selv uten å ha noe nytt. Hvor lenge faller dagpengene bort, og må vi ta hensyn til grunnen til oppsigelsen?",
            ),
            P(
                "ola",
                3,
                """Etter ftrl. § 4-10 faller dagpengene bort i **12 uker** når brukeren uten rimelig grunn har sagt opp selv. Perioden blir lengre hvis det skjer igjen innen kort tid, se paragrafen for detaljene.

Og ja, grunnen må vurderes konkret. Helsemessige grunner, trakassering eller at arbeidsgiver har brutt avtalen kan være rimelig grunn. Be om dokumentasjon og gi brukeren anledning til å uttale seg.""",
            ),
        ),
    ),
    T(
        "dagpenger",
        "Overgangsregler for permitterte fra pandemien",
        days_ago=180,
        locked=True,
        posts=(
            P(
                "lars.pedersen",
                0,
                "Vi har fortsatt noen få saker der det er spørsmål om de midlertidige reglene for permitterte. Hvor finner vi den gamle praksisen beskrevet?",
            ),
            P(
                "ola",
                2,
                """De midlertidige reglene er opphevet, og vi behandler ikke nye saker etter dem. For gamle saker som kommer tilbake som klage, bruk regelverket som gjaldt i perioden saken gjelder. Arkivet har de gamle rundskrivene.

Jeg låser tråden så ingen tror at reglene fortsatt gjelder.""",
            ),
        ),
    ),
    T(
        "dagpenger",
        "Reell arbeidssøker når brukeren bare vil jobbe deltid",
        days_ago=38,
        kind=Q,
        posts=(
            P(
                "nina.johannessen",
                0,
                "Bruker oppgir at hun bare kan jobbe 60 prosent fordi hun har omsorg for et sykt barn. Kan hun regnes som reell arbeidssøker etter ftrl. § 4-5?",
            ),
            P(
                "ola",
                5,
                """Ja, det kan hun. § 4-5 åpner for at brukeren kan søke deltidsarbeid når det er dokumentert at hun har omsorg for barn eller andre, eller av helsemessige grunner. Be om dokumentasjon på omsorgsansvaret.

Dagpengene beregnes da ut fra den arbeidstiden hun kan ta, så husk å registrere det riktig.""",
            ),
            P(
                "nina.johannessen",
                6,
                "Takk, da ber jeg om legeerklæring for barnet.",
            ),
        ),
    ),
    # --- Sykepenger ----------------------------------------------------------------------
    T(
        "sykepenger",
        "Ny arbeidsgiverperiode når den ansatte blir syk igjen etter ti dager",
        days_ago=168,
        kind=Q,
        posts=(
            P(
                "silje.andersen",
                0,
                """Arbeidstaker var sykmeldt i 20 dager, var tilbake i jobb i ti dager og ble så syk igjen med en annen diagnose.

Skal arbeidsgiver betale en ny arbeidsgiverperiode på 16 dager etter ftrl. § 8-19, eller fortsetter den gamle?""",
            ),
            P(
                "ola",
                2,
                """Den fortsetter. Når det er mindre enn 16 dager mellom to sykefravær, regnes de sammen, og arbeidsgiverperioden er allerede brukt opp. Diagnosen spiller ingen rolle for dette.

NAV betaler altså sykepenger fra første dag i det nye fraværet.""",
            ),
            P(
                "silje.andersen",
                2.5,
                "Takk! Da må jeg ta kontakt med arbeidsgiver, de har trukket den ansatte for egenmeldingsdager.",
            ),
        ),
    ),
    T(
        "sykepenger",
        "Sykepenger når arbeidsforholdet har vart under fire uker",
        days_ago=151,
        kind=Q,
        posts=(
            P(
                "kari",
                0,
                "En bruker begynte i ny jobb for tre uker siden og er nå sykmeldt. Før det fikk han dagpenger. Har han rett til sykepenger når opptjeningskravet i ftrl. § 8-2 er fire uker?",
            ),
            P(
                "ola",
                3,
                """Ja, sannsynligvis. Etter § 8-2 likestilles en del ytelser fra NAV med arbeid når vi vurderer opptjeningstiden, blant annet dagpenger. Tre uker i jobb og dagpenger rett før gir til sammen mer enn fire uker.

Sjekk at det ikke er noe opphold mellom dagpengene og den nye jobben.""",
            ),
        ),
    ),
    T(
        "sykepenger",
        "Gradert sykmelding under 20 prosent?",
        days_ago=136,
        kind=Q,
        posts=(
            P(
                "nina.johannessen",
                0,
                "Lege har skrevet en sykmelding på 15 prosent. Kan vi utbetale graderte sykepenger for det?",
            ),
            P(
                "ola",
                1,
                """Nei. Etter ftrl. § 8-13 må arbeidsuførheten være på minst 20 prosent. En sykmelding på 15 prosent gir ikke rett til sykepenger.

Ta kontakt med legen og be om en vurdering av om graden er riktig. Det kan være en skrivefeil.""",
            ),
            P(
                "nina.johannessen",
                22,
                "Det var en skrivefeil, ny sykmelding er på 50 prosent. Takk for raskt svar!",
            ),
        ),
    ),
    T(
        "sykepenger",
        "Egenmelding: hvor mange dager gjelder nå?",
        days_ago=118,
        kind=Q,
        posts=(
            P(
                "anette.strand",
                0,
                "Jeg får stadig spørsmål om hvor mange egenmeldingsdager en arbeidstaker kan bruke. Hva er hovedregelen, og hva gjelder når virksomheten har egne avtaler?",
            ),
            P(
                "ola",
                4,
                """Hovedregelen står i ftrl. §§ 8-23 og 8-24: egenmelding for inntil **tre kalenderdager** om gangen, og høyst **fire ganger** i løpet av tolv måneder.

Mange virksomheter har utvidet egenmelding gjennom avtale. Da er det avtalen som gjelder innenfor arbeidsgiverperioden. For NAV sin del er det uansett sykmelding fra lege som gjelder etter arbeidsgiverperioden.""",
            ),
        ),
    ),
    T(
        "sykepenger",
        "Maksdato – når varsler vi brukeren?",
        days_ago=89,
        posts=(
            P(
                "kari",
                0,
                "Hvor tidlig bør vi snakke med brukeren om at sykepengene snart er brukt opp (maksdato etter ftrl. § 8-12)? Jeg opplever at mange blir overrasket.",
            ),
            P(
                "silje.andersen",
                2,
                "Brukeren får brev automatisk, men det kommer ganske sent for mange. Vi prøver å ta det opp i dialogmøte 2 så det ikke kommer som et sjokk.",
            ),
            P(
                "ola",
                5,
                """Enig med Silje. Sykepenger ytes i inntil 248 dager (52 uker), og brukeren bør vite i god tid hva som skjer etterpå. Noen tips:

- Ta det opp senest i dialogmøte 2.
- Snakk om AAP og hva som kreves for å søke, uten å love noe.
- Dokumenter samtalen i Modia.""",
            ),
            P(
                "hanne.bakke",
                8,
                "Fra AAP-siden: jo tidligere vi får søknaden, desto mindre fare for at brukeren står uten inntekt. Send gjerne brukeren til oss i god tid.",
            ),
        ),
    ),
    T(
        "sykepenger",
        "Selvstendig næringsdrivende: 80 eller 100 prosent?",
        days_ago=64,
        kind=Q,
        posts=(
            P(
                "martin.kristiansen",
                0,
                "En frisør med eget foretak lurer på hvorfor hun får mindre i sykepenger enn en ansatt. Hva er regelen?",
            ),
            P(
                "ola",
                3,
                "Selvstendig næringsdrivende får sykepenger med 80 prosent av sykepengegrunnlaget fra den 17. sykedagen, jf. ftrl. § 8-34. Hun kan tegne tilleggsforsikring hos NAV for å få 100 prosent og/eller sykepenger fra første dag.",
            ),
        ),
    ),
    T(
        "sykepenger",
        "Sykepenger i arbeidsgiverperioden når arbeidsgiver er konkurs",
        days_ago=41,
        kind=Q,
        posts=(
            P(
                "silje.andersen",
                0,
                "Arbeidsgiveren har gått konkurs, og den ansatte ble sykmeldt dagen før. Hvem betaler arbeidsgiverperioden nå?",
            ),
            P(
                "ola",
                6,
                """Når arbeidsgiver ikke betaler, kan NAV utbetale sykepenger i arbeidsgiverperioden og kreve beløpet tilbake fra arbeidsgiver (eller melde kravet i konkursboet). Vurder det konkret, og se rundskrivet til § 8-20 og § 8-22.

Skriv gjerne hvordan det gikk, det er nyttig for flere.""",
            ),
            P(
                "silje.andersen",
                49,
                "Oppdatering: Vi utbetalte og meldte kravet i boet. Bostyrer var enig.",
            ),
        ),
    ),
    T(
        "sykepenger",
        "Aktivitetskravet ved åtte uker",
        days_ago=12,
        posts=(
            P(
                "mona.eide",
                0,
                "Hvordan vurderer dere aktivitetskravet etter ftrl. § 8-8 når legen skriver at brukeren ikke kan være i noen aktivitet, men uten medisinsk begrunnelse?",
            ),
            P(
                "ola",
                4,
                "Da er det ikke nok til å gjøre unntak. Be legen om en begrunnelse. Er den ikke god nok, må vi vurdere stans etter varsel. Pass på at brukeren ikke blir skadelidende for at legen ikke har fylt ut skjemaet.",
            ),
            P(
                "mona.eide",
                5,
                "Takk, det gir mening. Jeg ringer legekontoret i morgen.",
            ),
        ),
    ),
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
    # --- IT-verktøy -----------------------------------------------------------------------
    T(
        "it-verktoy",
        "Driftsmeldinger: slik finner du dem",
        days_ago=175,
        pinned=True,
        posts=(
            P(
                "henrik.moe",
                0,
                """Når et fagsystem er nede, legger vi ut melding i denne tråden **og** på driftssiden på intranettet.

Før du melder feil til brukerstøtte:

1. Sjekk driftsmeldingene.
2. Prøv å logge ut og inn igjen.
3. Noter tidspunkt, system og feilmelding (gjerne skjermbilde uten personopplysninger).

Meld feil i Porten med kategorien for riktig system.""",
            ),
            P(
                "henrik.moe",
                1200,
                "**Driftsmelding:** Arena er utilgjengelig lørdag fra kl. 08 til 14 på grunn av oppgradering.",
            ),
            P(
                "henrik.moe",
                2900,
                "**Driftsmelding:** Gosys er tilbake i normal drift etter forsinkelsene i formiddag.",
            ),
        ),
    ),
    T(
        "it-verktoy",
        "Gosys henger ved journalføring av dokumenter",
        days_ago=144,
        posts=(
            P(
                "kari",
                0,
                "Når jeg journalfører innkommende dokumenter i Gosys, henger skjermbildet i opptil et minutt. Er det flere som opplever det samme?",
            ),
            P(
                "nina.johannessen",
                1,
                "Ja, særlig på formiddagen. Det hjelper litt å lukke andre faner.",
            ),
            P(
                "henrik.moe",
                2,
                "Takk for at dere sier fra. Vi har meldt det videre til utviklingsteamet. Det ser ut til å henge sammen med store PDF-vedlegg. Jeg oppdaterer her når vi vet mer.",
            ),
            P(
                "henrik.moe",
                75,
                "Oppdatering: en rettelse ble satt i produksjon i natt. Si fra om det fortsatt henger.",
            ),
            P(
                "kari",
                77,
                "Nå går det mye raskere. Takk!",
            ),
        ),
    ),
    T(
        "it-verktoy",
        "Speil eller Infotrygd – når bruker vi hva?",
        days_ago=116,
        kind=Q,
        posts=(
            P(
                "silje.andersen",
                0,
                "Jeg er ny på sykepenger. Noen saker behandles i Speil og andre i Infotrygd. Finnes det en oversikt over hva som går hvor?",
            ),
            P(
                "henrik.moe",
                3,
                "Hovedregelen er at nye saker går i Speil, mens saker som startet i Infotrygd fortsatt følges opp der inntil videre. Det er oppgaven i Gosys som viser hvilket system du skal bruke. Er du i tvil, spør fagansvarlig på enheten.",
            ),
            P(
                "ola",
                4,
                "Supplerer: regelverket er det samme uansett system. Speil viser vilkårsvurderingene tydeligere, men du må fortsatt gjøre de samme vurderingene.",
            ),
        ),
    ),
    T(
        "it-verktoy",
        "Tips: hurtigtaster i Modia personoversikt",
        days_ago=99,
        posts=(
            P(
                "nina.johannessen",
                0,
                """Jeg sparer mye tid på hurtigtastene i Modia personoversikt. Her er de jeg bruker mest:

| Tast | Hva den gjør |
| --- | --- |
| Alt + B | Søk etter bruker |
| Alt + O | Oversikt |
| Alt + M | Meldinger |

Flere tips mottas med takk!""",
            ),
            P(
                "jonas.berg",
                3,
                "Visste ikke om Alt + M. Tusen takk!",
            ),
            P(
                "henrik.moe",
                5,
                "Fin oversikt. Den fullstendige listen finner du ved å trykke `?` når du står i personoversikten.",
            ),
        ),
    ),
    T(
        "it-verktoy",
        "Meldekort som ikke dukker opp i Arena",
        days_ago=68,
        kind=Q,
        posts=(
            P(
                "lars.pedersen",
                0,
                "Bruker har kvittering for innsendt meldekort, men det vises ikke i Arena. Hvor lang tid kan det ta før det kommer inn?",
            ),
            P(
                "henrik.moe",
                2,
                "Vanligvis noen minutter, men ved stor pågang kan det ta opp til et døgn. Har det gått mer enn et døgn, meld feil i Porten med kvitteringsnummeret.",
            ),
            P(
                "lars.pedersen",
                28,
                "Det kom inn i natt. Takk for svar.",
            ),
        ),
    ),
    T(
        "it-verktoy",
        "Deling av skjermbilder med personopplysninger",
        days_ago=46,
        kind=Q,
        posts=(
            P(
                "per",
                0,
                "Hos oss i Skatteetaten har vi strenge regler for skjermbilder. Hva er praksis i NAV når dere melder feil med skjermbilde? Vi vurderer å samordne rutinene før felles feilmeldinger.",
            ),
            P(
                "henrik.moe",
                3,
                """Samme hos oss: skjermbilder i feilmeldinger skal ikke vise personopplysninger. Bruk testbrukere hvis du kan, eller sladd navn og fødselsnummer før du laster opp.

> Fagrom er heller ikke stedet for personopplysninger. Beskriv saken uten navn og fødselsnummer.""",
            ),
            P(
                "per",
                5,
                "Takk, det er likt det vi gjør. Da lager vi en felles rutine.",
            ),
        ),
    ),
    T(
        "it-verktoy",
        "Slik skriver du innlegg med Markdown i Fagrom",
        days_ago=27,
        posts=(
            P(
                "henrik.moe",
                0,
                """Innleggene i Fagrom skrives i Markdown. Det viktigste:

- `**fet**` gir **fet** tekst, `*kursiv*` gir *kursiv*
- en linje som starter med `-` blir en punktliste
- `1.` gir nummerert liste
- `> ` foran en linje gir et sitat
- `[tekst](https://lovdata.no)` gir en [lenke](https://lovdata.no)

HTML fungerer ikke, den vises som tekst. Det er med vilje.""",
            ),
            P(
                "jonas.berg",
                6,
                "Fint! Hvordan lager jeg en tabell?",
            ),
            P(
                "henrik.moe",
                7,
                """Slik:

```
| Ytelse | Kapittel |
| --- | --- |
| Dagpenger | 4 |
| Sykepenger | 8 |
```""",
            ),
        ),
    ),
    # --- Skattetrekk og innkreving --------------------------------------------------------
    T(
        "skattetrekk-og-innkreving",
        "Høyt skattetrekk på etterbetalte dagpenger",
        days_ago=131,
        kind=Q,
        posts=(
            P(
                "kari",
                0,
                "En bruker ringte og var sint fordi det ble trukket nesten halvparten i skatt på en etterbetaling av dagpenger. Hvordan forklarer jeg dette?",
            ),
            P(
                "per",
                2,
                """Etterbetalinger trekkes ofte med et høyere trekk fordi hele beløpet utbetales på én gang, mens tabellen er laget for en vanlig månedsinntekt. Det endelige skatteoppgjøret tar hensyn til hva brukeren faktisk har hatt i inntekt i løpet av året, så for mye trukket skatt kommer tilbake.

Brukeren kan også endre skattekortet på skatteetaten.no hvis inntekten blir lavere enn antatt.""",
            ),
            P(
                "kari",
                3,
                "Tusen takk, Per! Det var en god forklaring å gi videre.",
            ),
        ),
    ),
    T(
        "skattetrekk-og-innkreving",
        "Trekkpålegg i ytelser for skattegjeld",
        days_ago=95,
        kind=Q,
        posts=(
            P(
                "lars.pedersen",
                0,
                "Vi har fått trekkpålegg fra Skatteetaten på en bruker med dagpenger. Brukeren mener trekket er så stort at hun ikke klarer å betale husleien. Hvem tar hun kontakt med?",
            ),
            P(
                "geir.vik",
                4,
                "Hun må kontakte Skatteetaten innkreving. Vi kan redusere trekket hvis det går ut over det hun trenger til livsopphold for seg og husstanden. Be henne ha oversikt over utgiftene klar når hun ringer.",
            ),
            P(
                "per",
                5,
                "Legger til at hun kan sende søknad om endring av trekket via skatteetaten.no, da går det ofte raskere enn telefon.",
            ),
        ),
    ),
    T(
        "skattetrekk-og-innkreving",
        "Hva kan Skatteetaten og NAV dele om en felles bruker?",
        days_ago=61,
        posts=(
            P(
                "astrid.myhre",
                0,
                """Det kommer jevnlig spørsmål om hva vi kan dele på tvers av etatene. Kort om utgangspunktet:

- Skatteetaten har taushetsplikt etter skatteforvaltningsloven § 3-1.
- NAV har taushetsplikt etter NAV-loven § 7 og forvaltningsloven § 13.
- Deling krever at det finnes et unntak i lov, og det må vurderes for hver type opplysning.

Ikke del opplysninger på telefon eller i Fagrom «for å hjelpe». Bruk de etablerte kanalene.""",
            ),
            P(
                "kari",
                20,
                "Takk, det er nyttig. Finnes det en oversikt over hvilke opplysninger som går automatisk mellom etatene i dag?",
            ),
            P(
                "astrid.myhre",
                23,
                "Ikke en felles oversikt for alle, men vi jobber med en. Jeg legger den ut her når den er klar.",
            ),
        ),
    ),
    T(
        "skattetrekk-og-innkreving",
        "Frikort og ytelser fra NAV",
        days_ago=16,
        kind=Q,
        posts=(
            P(
                "per",
                0,
                "Vi får spørsmål fra studenter som har frikort og samtidig får en ytelse fra NAV. Trekker NAV skatt når brukeren har frikort?",
            ),
            P(
                "ola",
                3,
                "NAV bruker skattekortet brukeren har, også frikort. Når frikortbeløpet er brukt opp, trekker vi etter reglene på frikortet, vanligvis 15 prosent. Det er lurt å be brukeren følge med på hvor mye som er igjen av frikortet.",
            ),
            P(
                "marte.solheim",
                5,
                "Takk, Ola. Det stemmer med det vi svarer fra brukerdialog. Jeg lager en kort tekst vi kan bruke i chatten.",
            ),
        ),
    ),
    T(
        "skattetrekk-og-innkreving",
        "Forskuddstrekk av sykepenger når arbeidsgiver får refusjon",
        days_ago=3,
        kind=Q,
        posts=(
            P(
                "silje.andersen",
                0,
                "Når arbeidsgiver forskutterer lønn under sykdom og får refusjon fra NAV, hvem er det som trekker skatt?",
            ),
            P(
                "per",
                2,
                "Arbeidsgiveren trekker skatt av lønnen de utbetaler, som vanlig. NAV sin refusjon til arbeidsgiver er ikke en utbetaling til den ansatte og trekkes ikke. Blir det utbetaling direkte fra NAV til den ansatte, trekker NAV.",
            ),
        ),
    ),
)


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _ensure_room_and_topics() -> dict[str, Topic]:
    room, _ = Room.objects.get_or_create(
        slug=ROOM["slug"],
        defaults={"name": ROOM["name"], "kind": ROOM["kind"], "description": ROOM["description"]},
    )
    people = {u.username: u for u in User.objects.filter(username__in=_moderator_usernames())}
    topics = {}
    for position, spec in enumerate(TOPICS, start=1):
        topic, _ = Topic.objects.get_or_create(
            room=room,
            slug=spec.slug,
            defaults={"name": spec.name, "description": spec.description, "position": position},
        )
        topic.moderators.add(*(people[name] for name in spec.moderators))
        topics[spec.slug] = topic
    return topics


def _moderator_usernames() -> set[str]:
    return {name for spec in TOPICS for name in spec.moderators}


def _thread_create(spec: T, topic: Topic, people: dict[str, User], now) -> Thread:
    started = now - timedelta(days=spec.days_ago)
    times = [started + timedelta(hours=p.hours) for p in spec.posts]
    last = spec.posts[-1]
    thread = Thread.objects.create(
        topic=topic,
        title=spec.title,
        kind=spec.kind,
        author=people[spec.posts[0].author],
        created_at=started,
        last_post_at=times[-1],
        last_post_author=people[last.author],
        post_count=len(spec.posts),
        is_pinned=spec.pinned,
        is_locked=spec.locked,
    )
    read_at: dict[str, object] = {}
    for position, (post_spec, at) in enumerate(zip(spec.posts, times, strict=True), start=1):
        post = Post.objects.create(
            thread=thread,
            author=people[post_spec.author],
            **author_snapshot(people[post_spec.author]),
            position=position,
            body=post_spec.body,
            body_html=markup.render(post_spec.body),
            markup_version=markup.MARKUP_VERSION,
            created_at=at,
        )
        if post_spec.earlier:
            edited = at + timedelta(minutes=12)
            PostRevision.objects.create(
                post=post,
                body=post_spec.earlier,
                edited_by=post.author,
                **author_snapshot(post.author),
                created_at=edited,
                was_written_at=at,
            )
            Post.objects.filter(pk=post.pk).update(edited_at=edited, revision_count=1)
        read_at[post_spec.author] = at
    # Whoever wrote in a thread has read it up to their own last post.
    ThreadRead.objects.bulk_create(
        ThreadRead(user=people[name], thread=thread, read_at=at) for name, at in read_at.items()
    )
    return thread


def seed(*, stdout=None) -> None:
    topics = _ensure_room_and_topics()
    authors = {p.author for spec in THREADS for p in spec.posts}
    people = {u.username: u for u in User.objects.filter(username__in=authors)}
    existing = set(
        Thread.objects.filter(topic__in=topics.values()).values_list("topic__slug", "title")
    )
    now = timezone.now()
    created = 0
    for spec in THREADS:
        if (spec.topic, spec.title) in existing:
            continue
        _thread_create(spec, topics[spec.topic], people, now)
        created += 1
    topics_recount(topics=Topic.objects.filter(pk__in=[t.pk for t in topics.values()]))
    _say(stdout, f"  {len(topics)} topics, {created} threads created")
