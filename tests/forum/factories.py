import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from forum import markup
from forum.models import Post, Room, Thread, Topic
from tests.people.factories import UserFactory


class RoomFactory(DjangoModelFactory):
    class Meta:
        model = Room
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Rom {n}")
    slug = factory.Sequence(lambda n: f"rom-{n}")
    kind = Room.Kind.OPEN


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    room = factory.SubFactory(RoomFactory)
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")


class ThreadFactory(DjangoModelFactory):
    """A thread with its first post, counters consistent (as ``thread_start`` leaves them)."""

    class Meta:
        model = Thread
        skip_postgeneration_save = True

    topic = factory.SubFactory(TopicFactory)
    title = factory.Sequence(lambda n: f"Tråd {n}")
    author = factory.SubFactory(UserFactory)
    last_post_author = factory.SelfAttribute("author")
    post_count = 1

    @factory.post_generation
    def first_post(self, create, extracted, **kwargs):
        if create:
            PostFactory(thread=self, author=self.author, position=1, created_at=self.created_at)


class PostFactory(DjangoModelFactory):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    # As ``thread_start``/``post_reply`` store them: the author as at posting time.
    author_name = factory.LazyAttribute(lambda o: o.author.get_full_name())
    author_workplace = factory.LazyAttribute(lambda o: o.author.workplace)
    author_title = factory.LazyAttribute(lambda o: o.author.title)
    position = factory.LazyAttribute(lambda o: o.thread.posts.count() + 1)
    body = factory.Faker("paragraph", locale="no_NO")
    body_html = factory.LazyAttribute(lambda o: markup.render(o.body))
    markup_version = markup.MARKUP_VERSION
    created_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Keep the thread's counters as ``post_reply`` would."""
        post = super()._create(model_class, *args, **kwargs)
        if post.position > 1:
            Thread.objects.filter(pk=post.thread_id).update(
                post_count=post.position, last_post_at=post.created_at, last_post_author=post.author
            )
            post.thread.refresh_from_db()
        return post


def add_member(room, role="member", *, user=None, unit=None, include_subunits=True, by=None):
    """Put a person or unit in a room the way the UI does (service: guardian rows + log)."""
    from forum.services import room_member_add

    return room_member_add(
        room=room, by=by, role=role, user=user, unit=unit, include_subunits=include_subunits
    )
