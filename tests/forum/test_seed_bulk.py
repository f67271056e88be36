"""seed_bulk: exact counts, consistent counters, and rooms that model wide and narrow access."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Max, Min, Sum

import access
from forum.models import Post, Room, RoomGroupObjectPermission, RoomMembership, Thread, Topic
from people.models import User

pytestmark = pytest.mark.django_db


def seed_bulk(**options):
    args = [f"--{name}={value}" for name, value in options.items()]
    call_command("seed_bulk", *args, verbosity=0)


def test_seed_bulk_creates_exactly_the_requested_counts():
    seed_bulk(threads=30, posts=400, rooms=5, topics=2, users=12, batch=37, bodies=10)
    assert Thread.objects.count() == 30
    assert Post.objects.count() == 400
    assert Room.objects.filter(slug__startswith="bulk-").count() == 5
    assert Topic.objects.count() == 10
    assert User.objects.filter(username__startswith="bulk").count() == 12
    assert Post.objects.values("author").distinct().count() > 1


def test_seed_bulk_leaves_thread_and_topic_counters_consistent():
    seed_bulk(threads=25, posts=300, rooms=3, topics=3, users=8, batch=50, bodies=5)
    threads = Thread.objects.annotate(
        n=Count("posts"), first=Min("posts__position"), last=Max("posts__position")
    )
    for thread in threads:
        assert thread.post_count == thread.n == thread.last
        assert thread.first == 1
        last_post = thread.posts.order_by("-position").first()
        assert thread.last_post_at == last_post.created_at
        assert thread.last_post_author_id == last_post.author_id
        assert thread.author_id == thread.posts.get(position=1).author_id
    for topic in Topic.objects.annotate(posts_in=Sum("threads__post_count")):
        assert topic.thread_count == topic.threads.count()
        assert topic.post_count == (topic.posts_in or 0)
        assert topic.post_count == Post.objects.filter(thread__topic=topic).count()


def test_seed_bulk_posts_are_rendered_and_sanitised_html():
    seed_bulk(threads=5, posts=40, rooms=1, topics=1, users=3, bodies=5)
    post = Post.objects.first()
    assert post.body_html.startswith("<")
    assert "<script" not in post.body_html


def test_bench_logins_see_many_and_few_rooms():
    seed_bulk(threads=10, posts=20, rooms=9, topics=1, users=16)
    many = User.objects.get(username="bench_many")
    few = User.objects.get(username="bench_few")
    closed = Room.objects.filter(slug__startswith="bulk-", kind=Room.Kind.CLOSED)
    assert closed.count() == 6
    assert access.rooms_visible_to(many).filter(slug__startswith="bulk-").count() == 9
    assert access.rooms_visible_to(few).filter(slug__startswith="bulk-").count() == 3 + 1
    assert RoomGroupObjectPermission.objects.filter(group__org_unit__isnull=False).exists()
    assert RoomMembership.objects.filter(room__in=closed, unit__isnull=False).count() >= 6
    assert few.check_password("bench") and few.has_real_name


def test_seed_bulk_run_again_reuses_rooms_and_users_and_adds_content():
    seed_bulk(threads=4, posts=10, rooms=2, topics=1, users=5)
    seed_bulk(threads=3, posts=7, rooms=2, topics=1, users=5)
    assert Thread.objects.count() == 7
    assert Post.objects.count() == 17
    assert User.objects.filter(username__startswith="bulk").count() == 5
    assert Room.objects.count() == 2
    assert RoomMembership.objects.count() == 2  # department 1 and bench_many, once each
    assert sum(Topic.objects.values_list("post_count", flat=True)) == 17


def test_seed_bulk_refuses_fewer_posts_than_threads():
    with pytest.raises(CommandError):
        seed_bulk(threads=10, posts=5)
