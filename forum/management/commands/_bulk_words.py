"""Norwegian-ish word lists for ``seed_bulk``: enough variety for search benchmarks to match.

Written for Fagrom. Sentences are built from templates and slots, so the
generated posts use the words a case worker would search for (dagpenger,
permittering, meldekort, vedtak, klage, ...) in plausible combinations.
"""

# fmt: off
FIRST_NAMES = (
    "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg",
    "Hilde", "Anna", "Solveig", "Marianne", "Randi", "Ida", "Nina", "Maria", "Elisabeth",
    "Kristin", "Silje", "Hanne", "Tone", "Camilla", "Ingeborg", "Nora", "Emma", "Sara",
    "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Thomas",
    "Hans", "Geir", "Tor", "Morten", "Terje", "Odd", "Erik", "Martin", "Andreas", "John",
    "Anders", "Rune", "Trond", "Jonas", "Henrik", "Magnus", "Sindre", "Eirik", "Håkon",
)
LAST_NAMES = (
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
    "Lund", "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg",
    "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen",
    "Mathisen", "Lie", "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde", "Solheim",
    "Berge", "Moe", "Nygård", "Bakke", "Kristensen", "Fredriksen", "Holm", "Lien", "Aasen",
)
TITLES = (
    "Saksbehandler", "Veileder", "Rådgiver", "Seniorrådgiver", "Fagansvarlig", "Teamleder",
    "Konsulent", "Spesialist", "Jurist", "Markedskontakt",
)

# fmt: on

ROOM_NAMES = (
    "Testforum",
    "Prosjektrom permittering",
    "Ledernettverk",
    "Fagnettverk sykepenger",
    "Åpent fagforum",
    "Klageteamet",
    "Regionalt samarbeid",
    "Innføring av nytt fagsystem",
    "Tillitsvalgte",
    "Fagnettverk oppfølging",
    "Kvalitetsnettverk",
    "Beredskap",
)
TOPIC_NAMES = (
    "Dagpenger",
    "Sykepenger",
    "Arbeidsavklaringspenger",
    "Oppfølging",
    "Permittering",
    "Klagesaker",
    "Tilbakekreving",
    "IT-verktøy",
    "Uføretrygd",
    "Foreldrepenger",
)

# fmt: off
# Slots ---------------------------------------------------------------------------------
YTELSE = (
    "dagpenger", "sykepenger", "arbeidsavklaringspenger", "AAP", "foreldrepenger",
    "uføretrygd", "tiltakspenger", "pleiepenger", "omsorgspenger", "engangsstønad",
    "barnetrygd", "kontantstøtte", "gjenlevendepensjon", "svangerskapspenger",
)
SAK = (
    "permittering", "meldekort", "vedtak", "klage", "karensdager", "ventetid",
    "arbeidsgiverperioden", "oppfølgingsplan", "aktivitetsplan", "dialogmøte", "egenmelding",
    "sykmelding", "forhåndsvarsel", "tilbakekreving", "etterbetaling", "skattetrekk",
    "trekkpålegg", "minsteinntekt", "dagpengegrunnlag", "sykepengegrunnlag", "maksdato",
    "gjenopptak", "stans", "revurdering", "omgjøring", "saksbehandlingstid", "partsinnsyn",
    "lønnsplikt", "feriepenger", "refusjon", "arbeidsevnevurdering", "aktivitetskrav",
)
LOV = (
    "ftrl. § 4-3", "ftrl. § 4-4", "ftrl. § 4-5", "ftrl. § 4-8", "ftrl. § 4-9", "ftrl. § 4-10",
    "ftrl. § 8-2", "ftrl. § 8-8", "ftrl. § 8-12", "ftrl. § 8-13", "ftrl. § 8-19",
    "ftrl. § 11-5", "ftrl. § 11-6", "ftrl. § 11-7", "ftrl. § 11-10", "ftrl. § 21-12",
    "ftrl. § 22-15", "forvaltningsloven § 11", "forvaltningsloven § 16", "forvaltningsloven § 17",
    "forvaltningsloven § 18", "forvaltningsloven § 25", "forvaltningsloven § 28",
    "forvaltningsloven § 33", "forvaltningsloven § 35", "NAV-loven § 14 a", "NAV-loven § 7",
    "arbeidsmiljøloven § 4-6", "skatteforvaltningsloven § 3-1",
)
SYSTEM = ("Gosys", "Modia", "Arena", "Infotrygd", "Speil", "Aa-registeret", "A-inntekt", "Teams")
PERSON = (
    "brukeren", "arbeidsgiver", "legen", "veilederen", "saksbehandleren", "klageinstansen",
    "fagansvarlig", "arbeidstakeren", "søkeren", "bostyrer",
)
STED = (
    "Sandnes", "Stavanger", "Bergen", "Kristiania", "Sørlandet", "Trondheim", "Tromsø",
    "Bodø", "Drammen", "Lillehammer", "Kristiansand", "Ålesund",
)
TID = (
    "i dag", "i går", "forrige uke", "i forrige måned", "etter påske", "i sommer",
    "før jul", "de siste ukene", "siden nyttår", "i høst",
)

# fmt: on

TITLE_TEMPLATES = (
    "{Sak} ved {ytelse}",
    "Spørsmål om {sak} etter {lov}",
    "{Sak} og {sak2} – hvordan gjør dere?",
    "Hvordan beregnes {sak} for {ytelse}?",
    "{Ytelse}: {sak} når {person} ikke svarer",
    "Erfaringer med {sak} i {system}",
    "Praksis for {sak} i {sted}",
    "{Sak} – presisering av {lov}",
    "Feil i {system} ved registrering av {sak}",
    "Når gjelder {lov} for {ytelse}?",
    "{Ytelse} og {sak}: ny praksis {tid}",
    "Frist for {sak} ved {ytelse}",
)

SENTENCES = (
    "Vi har en sak der {person} har fått {ytelse}, men {sak} er ikke vurdert.",
    "Etter {lov} skal {sak} vurderes før det fattes vedtak om {ytelse}.",
    "Hvordan håndterer dere {sak} når {person} har sendt meldekortet for sent?",
    "I {sted} har vi sett flere saker om {sak} {tid}.",
    "Jeg lurer på om {sak} gjelder også når {person} er permittert på deltid.",
    "Det står i rundskrivet til {lov} at {sak} skal dokumenteres i {system}.",
    "{Person} klager på vedtaket om {ytelse} og mener {sak} er feil beregnet.",
    "Vi sendte forhåndsvarsel om {sak} {tid}, men har ikke fått svar.",
    "Husk at klagefristen er seks uker, og at {sak} må begrunnes etter {lov}.",
    "Er det noen som har erfaring med {sak} i {system}? Skjermbildet henger hos oss.",
    "Karensdager og ventetid kommer ofte opp i saker om {ytelse} etter permittering.",
    "Takk for svar! Da registrerer jeg {sak} i {system} og skriver et notat.",
    "Moderator har presisert at {sak} skal vurderes konkret i hver sak.",
    "{Person} ringte {tid} og lurte på hvorfor {ytelse} var stanset.",
    "Vi har laget en sjekkliste for {sak} som vi bruker i {sted}.",
    "Saksbehandlingstiden for {ytelse} har økt {tid}, særlig for saker med {sak}.",
    "Dette gjelder bare når {person} har oppfylt kravet til minsteinntekt.",
    "Jeg er enig, men {lov} åpner for unntak når {sak} er åpenbart unødvendig.",
    "Arbeidsgiverperioden er 16 dager, og {ytelse} utbetales først etter den.",
    "Vi ber alltid om oppfølgingsplan før dialogmøtet når {sak} er aktuelt.",
    "Tilbakekreving etter {lov} krever at {person} forsto eller burde forstått feilen.",
    "Har noen en god mal for vedtak om {sak} ved {ytelse}?",
    "Sjekk Aa-registeret og A-inntekt før du beregner {sak}.",
    "Jeg legger ved lenke til rundskrivet, se avsnittet om {sak}.",
)
LIST_ITEMS = (
    "sjekk {sak} i {system}",
    "vurder {lov}",
    "send forhåndsvarsel til {person}",
    "dokumenter vurderingen av {sak}",
    "be {person} om opplysninger",
    "registrer {ytelse} riktig",
)
QUOTE_SENTENCES = (
    "Vi har en sak der {person} har fått {ytelse}.",
    "Hvordan gjør dere med {sak}?",
    "Gjelder {lov} også her?",
)
LINKS = (
    "https://lovdata.no/lov/1997-02-28-19",
    "https://lovdata.no/lov/1967-02-10",
    "https://www.nav.no/saksbehandlingstider",
    "https://www.skatteetaten.no/person/skatt/skattekort/",
)
