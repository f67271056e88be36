"""A post records who wrote it as they were then: a move must not rewrite history."""

from django.core.management import call_command
from django.urls import reverse
from lxml import etree

from archive import services as archive_services
from forum.models import AuthorRecord, Post
from forum.services import post_edit, post_reply, thread_start
from people.services import person_sync_from_directory
from tests.archive.factories import journal
from tests.people.factories import OrgUnitFactory


def _move_by_directory(person, unit):
    person_sync_from_directory(username=person.username, unit=unit, title="Seniorrådgiver")
    person.refresh_from_db()


def test_after_a_directory_move_old_posts_keep_the_old_workplace_everywhere(
    client, case_worker, colleague, topic, archivist, tmp_path
):
    old = thread_start(topic=topic, author=case_worker, title="Permittering", body="Gammelt svar")
    old_post = old.posts.get()
    assert (old_post.author_name, old_post.author_workplace) == ("Kari Nordmann", "NAV Sandnes")
    assert old_post.author_recorded == AuthorRecord.POSTING

    stavanger = OrgUnitFactory(name="Skatteetaten brukerdialog Stavanger", code="SKATT-STAV")
    _move_by_directory(case_worker, stavanger)
    new_post = post_reply(thread=old, author=case_worker, body="Nytt svar")
    assert new_post.author_workplace == "Skatteetaten brukerdialog Stavanger"

    # The thread page
    client.force_login(colleague)
    page = client.get(old.get_absolute_url()).content.decode()
    first, second = page.split('id="post-2"')
    assert "NAV Sandnes" in first and "Skatteetaten brukerdialog Stavanger" not in first
    assert "Skatteetaten brukerdialog Stavanger" in second
    assert "Saksbehandler" in first and "Seniorrådgiver" in second  # titles as they were
    # ...and the link leads to the person as they are now.
    assert reverse("people:profile", args=[case_worker.username]) in first

    # The API: ``author`` as at posting time, ``author.person`` as now.
    posts = client.get("/api/v1/posts", {"thread": old.pk}).json()["items"]
    assert [p["author"]["workplace"] for p in posts] == [
        "NAV Sandnes",
        "Skatteetaten brukerdialog Stavanger",
    ]
    assert posts[0]["author"]["recorded"] == "posting"
    assert posts[0]["author"]["person"]["workplace"] == "Skatteetaten brukerdialog Stavanger"
    thread_author = client.get(f"/api/v1/threads/{old.pk}").json()["author"]
    assert (thread_author["workplace"], thread_author["title"]) == ("NAV Sandnes", "Saksbehandler")

    # A Noark export made after the move names the sender as they were when writing.
    entry = journal(old, archivist)
    archive_services.case_close(case=entry.case, by=archivist)
    out = tmp_path / "uttrekk"
    call_command("archive_export", "--out", str(out), "--no-progress")
    ns = {"a": "http://www.arkivverket.no/standarder/noark5/arkivstruktur"}
    tree = etree.parse(str(out / "arkivstruktur.xml"))
    units = tree.xpath("//a:korrespondansepart/a:administrativEnhet/text()", namespaces=ns)
    assert units == ["NAV Sandnes"]

    # The person's profile shows where they work now.
    profile = client.get(reverse("people:profile", args=[case_worker.username])).content.decode()
    assert "Skatteetaten brukerdialog Stavanger" in profile


def test_a_revision_keeps_the_editor_as_they_were(client, case_worker, topic, moderator):
    thread = thread_start(topic=topic, author=case_worker, title="T", body="Første")
    post = thread.posts.get()
    post_edit(post=post, by=case_worker, body="Andre")
    revision = post.revisions.get()
    assert (revision.author_name, revision.author_workplace) == ("Kari Nordmann", "NAV Sandnes")
    _move_by_directory(case_worker, OrgUnitFactory(name="NAV Bergen", code="NAV-BERGEN"))
    client.force_login(moderator)
    history = client.get(reverse("forum:post_history", args=[post.pk])).content.decode()
    assert "NAV Bergen" not in history and "NAV Sandnes" in history


def test_migration_fills_old_posts_with_todays_value_marked_as_such(case_worker, topic):
    """What the data migration does for a post stored without a snapshot."""
    import importlib

    from django.apps import apps

    thread = thread_start(topic=topic, author=case_worker, title="T", body="x")
    Post.objects.filter(thread=thread).update(author_name="", author_workplace="", author_title="")
    migration = importlib.import_module("forum.migrations.0009_fill_post_author_snapshot")
    migration.fill(apps, None)
    post = thread.posts.get()
    assert (post.author_name, post.author_workplace, post.author_title) == (
        "Kari Nordmann",
        "NAV Sandnes",
        "Saksbehandler",
    )
    assert post.author_recorded == AuthorRecord.CURRENT


def test_migration_uses_the_identity_log_when_the_person_moved_since(case_worker, topic):
    import importlib

    from django.apps import apps

    thread = thread_start(topic=topic, author=case_worker, title="T", body="x")
    _move_by_directory(case_worker, OrgUnitFactory(name="NAV Bergen", code="NAV-BERGEN"))
    Post.objects.filter(thread=thread).update(author_name="", author_workplace="", author_title="")
    migration = importlib.import_module("forum.migrations.0009_fill_post_author_snapshot")
    migration.fill(apps, None)
    post = thread.posts.get()
    assert post.author_workplace == "NAV Sandnes"
    assert post.author_recorded == AuthorRecord.HISTORY
