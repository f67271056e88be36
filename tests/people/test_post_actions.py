"""``access.post_actions`` gives, for a page of posts, exactly the per-post ``can_…`` answers."""

import pytest
from django.template import Context, Template
from django.urls import reverse

import access
from forum.models import Thread
from tests.forum.factories import PostFactory, ThreadFactory


def _one_by_one(user, post):
    return access.PostActions(
        edit=access.can_edit_post(user, post),
        see_revisions=access.can_see_revisions(user, post),
        handle=access.can_handle_post(user, post),
        see_hidden=access.can_see_hidden_post(user, post),
        flag=access.can_flag(user, post),
        react=access.can_react(user, post),
    )


@pytest.mark.parametrize("locked", [False, True])
@pytest.mark.parametrize(
    "who", ["case_worker", "colleague", "moderator", "administrator", "nameless"]
)
def test_post_actions_match_the_per_post_checks(
    request, topic, case_worker, colleague, who, locked
):
    thread = ThreadFactory(topic=topic, author=case_worker, is_locked=locked)
    PostFactory(thread=thread, author=colleague)
    PostFactory(thread=thread, author=case_worker, is_hidden=True, hidden_reason="Feil tråd")
    PostFactory(thread=thread, author=colleague, is_hidden=True, hidden_reason="Feil tråd")
    user = request.getfixturevalue(who)
    thread = Thread.objects.select_related("topic__room").get(pk=thread.pk)
    posts = list(thread.posts.all())

    batch = access.post_actions(user, thread, posts)

    assert batch == {post.pk: _one_by_one(user, post) for post in posts}


def test_post_actions_in_a_closed_room_allow_nothing_to_a_non_member(closed_room, case_worker):
    from tests.forum.factories import TopicFactory

    thread = ThreadFactory(topic=TopicFactory(room=closed_room))
    thread = Thread.objects.select_related("topic__room").get(pk=thread.pk)

    actions = access.post_actions(case_worker, thread, list(thread.posts.all()))

    assert set(actions.values()) == {access.PostActions(False, False, False, False, False, False)}


def test_post_actions_refuse_a_post_of_another_thread(topic, case_worker):
    thread, other = ThreadFactory(topic=topic), ThreadFactory(topic=topic)

    with pytest.raises(ValueError):
        access.post_actions(case_worker, thread, list(other.posts.all()))


@pytest.mark.parametrize(
    "name", ["forum:post_edit", "forum:post_history", "forum:post_useful", "forum:post_flag"]
)
@pytest.mark.parametrize("pk", [1, 7, 987654321, 12345678901])
def test_id_url_gives_what_reverse_gives(name, pk):
    html = Template("{% load url_tags %}{% id_url name pk %}").render(
        Context({"name": name, "pk": pk})
    )

    assert html == reverse(name, args=[pk])


def test_id_url_follows_the_script_prefix(settings):
    from django.urls import clear_script_prefix, set_script_prefix

    set_script_prefix("/intranett/")
    try:
        html = Template("{% load url_tags %}{% id_url 'forum:post_edit' 5 %}").render(Context())
    finally:
        clear_script_prefix()

    assert html == "/intranett/forum/innlegg/5/endre/"
