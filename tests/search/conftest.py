"""One behavioural suite for every search backend that is available here.

The database backend always runs (SQLite or PostgreSQL, whichever DATABASE_URL
names). Elasticsearch runs when ELASTICSEARCH_URL points at a reachable server
and is skipped with the reason otherwise.
"""

import datetime as dt
import os
import uuid

import pytest
from django.utils import timezone
from guardian.shortcuts import assign_perm

import access
from forum import markup
from forum import search as forum_search
from forum.models import Room
from tests.forum.factories import PostFactory, RoomFactory, ThreadFactory, TopicFactory


def _elasticsearch_or_skip():
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip("Elasticsearch tests need ELASTICSEARCH_URL (unset here)")
    from search.backends.elasticsearch import ElasticsearchBackend

    backend = ElasticsearchBackend(url, alias=f"fagrom-test-{uuid.uuid4().hex[:8]}")
    try:
        backend.client.info()
    except Exception as exc:  # noqa: BLE001 - any connection failure means "skip"
        pytest.skip(f"Elasticsearch at {url} is unreachable: {exc.__class__.__name__}")
    backend.refresh_after_write = True
    return backend


@pytest.fixture(autouse=True)
def _database_is_the_default_backend(settings):
    """Tests that do not name a backend use the database one, even with ELASTICSEARCH_URL set."""
    settings.ELASTICSEARCH_URL = None


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, db):
    if request.param == "elasticsearch":
        backend = _elasticsearch_or_skip()
        yield backend
        backend.drop()
    else:
        from search.backends import database_backend

        yield database_backend()


def _at(days_ago):
    return timezone.now() - dt.timedelta(days=days_ago)


@pytest.fixture
def closed_room(db):
    return RoomFactory(name="Omstilling", slug="omstilling", kind=Room.Kind.CLOSED)


@pytest.fixture
def closed_topic(closed_room):
    return TopicFactory(room=closed_room, name="Omorganisering", slug="omorganisering")


@pytest.fixture
def member(colleague, closed_room):
    assign_perm("view_room", colleague, closed_room)
    access.forget(colleague)
    return colleague


def thread(topic, title, *bodies, days_ago=10, **kwargs):
    t = ThreadFactory(topic=topic, title=title, created_at=_at(days_ago), **kwargs)
    first = bodies[0] if bodies else ""
    t.posts.filter(position=1).update(body=first, body_html=markup.render(first))
    for body in bodies[1:]:
        PostFactory(thread=t, body=body)
    t.last_post_at = _at(days_ago)
    t.save(update_fields=["last_post_at"])
    return t


@pytest.fixture
def corpus(topic, closed_topic, case_worker):
    """A small forum: four open threads, one closed-room thread."""
    threads = {
        "sykepenger": thread(
            topic,
            "Sykepenger ved permittering",
            "Hvordan beregnes sykepenger etter ftrl. § 8-2 når arbeidstakeren er permittert?",
            days_ago=400,
        ),
        "handbok": thread(
            topic, "Ny personalhåndboka er publisert", "Se kapitlet om ferie og fravær."
        ),
        "dagpenger": thread(
            topic, "Dagpengesøknad fra selvstendig næringsdrivende", "Søknaden mangler vedlegg."
        ),
        "reference": thread(
            topic, "Opptjening", "Vilkårene i ftrl. § 8-20 om tidsbegrenset arbeid og sykepenger."
        ),
        "secret": thread(
            closed_topic,
            "Omorganisering av sykepengeforvaltningen",
            "Fortrolig: sykepenger og dagpenger flyttes til nytt kontor.",
        ),
    }
    return threads


@pytest.fixture
def indexed(backend, corpus):
    backend.rebuild(forum_search.documents())
    return corpus
