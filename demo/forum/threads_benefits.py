"""Demo threads: Dagpenger, Sykepenger."""

from .spec import P, Q, T

BENEFITS: tuple[T, ...] = (
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
)
