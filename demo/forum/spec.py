"""The demo forum's shape: its room, topics, and the records its threads are written in."""

from __future__ import annotations

from dataclasses import dataclass

from forum.models import Room, Thread

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
