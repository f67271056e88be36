"""The demo data: idempotent, realistic, and the logins the README promises."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db.models import Count, Max, Min
from django.utils import timezone

import access
import demo.people
from forum.models import (
    Post,
    PostRevision,
    Room,
    RoomAuditEntry,
    RoomGroupObjectPermission,
    RoomMembership,
    RoomUserObjectPermission,
    Thread,
    ThreadRead,
    Topic,
)
from people.models import OrgUnit, User

pytestmark = pytest.mark.django_db

MODELS = (
    User,
    OrgUnit,
    Group,
    Room,
    Topic,
    Thread,
    Post,
    PostRevision,
    ThreadRead,
    RoomMembership,
    RoomAuditEntry,
    RoomGroupObjectPermission,
    RoomUserObjectPermission,
)


def seed_demo():
    call_command("seed_demo", stdout=StringIO())


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo_data():
    seed_demo()


def test_seed_demo_twice_changes_nothing():
    seed_demo()
    first = counts()
    seed_demo()
    assert counts() == first
    assert first["Thread"] >= 40
    assert first["OrgUnit"] > 3
    assert 20 <= first["User"] <= 30


@pytest.mark.parametrize("username", demo.people.LOGINS)
def test_demo_login_has_real_name_and_logs_in_with_demo_password(client, demo_data, username):
    user = User.objects.get(username=username)
    assert user.has_real_name
    assert " " in user.full_name
    assert access.can_write(user)
    assert client.login(username=username, password="demo")


def test_other_demo_people_cannot_log_in(demo_data):
    others = User.objects.exclude(username__in=demo.people.LOGINS)
    assert others.exists()
    assert not any(user.has_usable_password() for user in others)


def test_demo_roles_are_as_the_readme_says(demo_data):
    people = {u.username: u for u in User.objects.filter(username__in=demo.people.LOGINS)}
    assert people["kari"].display_name == "Kari Nordmann · NAV Sandnes"
    assert people["per"].org_unit.agency.code == "SKATT"
    assert access.is_administrator(people["admin"])
    assert people["admin"].is_superuser and people["admin"].is_staff
    assert access.is_handbook_editor(people["ingrid"])
    assert people["ingrid"].has_perm("wagtailadmin.access_admin")
    assert access.is_records_officer(people["arne"])
    moderated = set(people["ola"].moderated_topics.values_list("slug", flat=True))
    assert moderated == {"dagpenger", "sykepenger"}
    assert not access.is_administrator(people["kari"])
    # Every employee reaches the Wagtail admin to edit handbook pages (handbook_setup).
    assert people["kari"].has_perm("wagtailadmin.access_admin")


def test_demo_forum_has_questions_markdown_and_posts_by_kari_and_per(demo_data):
    room = Room.objects.get(slug="erfaringsforum")
    assert room.is_open
    names = set(room.topics.values_list("name", flat=True))
    assert {
        "Dagpenger",
        "Sykepenger",
        "Arbeidsavklaringspenger",
        "Oppfølging",
        "IT-verktøy",
    } <= names
    assert all(room.topics.values_list("description", flat=True))
    assert all(topic.moderators.exists() for topic in room.topics.all())
    assert Thread.objects.questions().count() >= 5
    assert Post.objects.filter(body_html__contains="<li>").exists()
    assert Post.objects.filter(body_html__contains="<blockquote>").exists()
    assert Post.objects.filter(body_html__contains='rel="nofollow noopener noreferrer"').exists()
    for username in ("kari", "per"):
        assert Post.objects.filter(author__username=username).count() >= 3
    assert Post.objects.values("author").distinct().count() >= 15


def test_demo_forum_counters_and_positions_are_consistent(demo_data):
    now = timezone.now()
    threads = Thread.objects.annotate(
        n=Count("posts"), first=Min("posts__position"), last=Max("posts__position")
    )
    for thread in threads:
        assert thread.post_count == thread.n == thread.last
        assert thread.first == 1
        last_post = thread.posts.order_by("-position").first()
        assert thread.last_post_at == last_post.created_at
        assert thread.last_post_author_id == last_post.author_id
        assert thread.created_at == thread.posts.get(position=1).created_at
    assert not Post.objects.filter(created_at__gt=now).exists()
    for topic in Topic.objects.all():
        assert topic.thread_count == topic.threads.count()
        assert topic.post_count == Post.objects.filter(thread__topic=topic).count()
        assert topic.last_post_at == max(t.last_post_at for t in topic.threads.all())
    created = Post.objects.aggregate(first=Min("created_at"), last=Max("created_at"))
    assert (created["last"] - created["first"]).days > 90


def test_kari_reads_a_demo_thread_and_replies(client, demo_data):
    client.login(username="kari", password="demo")
    topic = Topic.objects.get(slug="dagpenger")
    assert client.get(topic.get_absolute_url()).status_code == 200
    thread = topic.threads.get(title__startswith="Karensdager")
    response = client.get(thread.get_absolute_url())
    assert response.status_code == 200
    assert "Kari Nordmann" in response.content.decode()
