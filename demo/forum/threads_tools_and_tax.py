"""Demo threads: IT-verktøy, Skattetrekk og innkreving."""

from .spec import P, Q, T

TOOLS_AND_TAX: tuple[T, ...] = (
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
