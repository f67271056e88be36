"""Starting threads, replying, quoting, editing with history, pinned and locked threads."""

from django.urls import reverse

from forum import services
from forum.models import Post, PostRevision, Thread
from tests.forum.factories import PostFactory, ThreadFactory


def new_thread_url(topic):
    return reverse("forum:thread_new", args=[topic.room.slug, topic.slug])


def test_case_worker_starts_a_thread_in_a_topic(client, case_worker, topic):
    client.force_login(case_worker)
    response = client.post(
        new_thread_url(topic),
        {
            "title": "Meldekort etter ferie",
            "kind": "question",
            "body": "Hvordan **fører** vi ferie?",
        },
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response.url == thread.get_absolute_url()
    assert thread.kind == Thread.Kind.QUESTION
    assert thread.author == case_worker
    post = thread.posts.get()
    assert post.position == 1
    assert "<strong>fører</strong>" in post.body_html
    topic.refresh_from_db()
    assert (topic.thread_count, topic.post_count) == (1, 1)


def test_reply_numbers_posts_and_updates_counters(client, case_worker, colleague, topic):
    thread = ThreadFactory(topic=topic, author=colleague)
    client.force_login(case_worker)
    response = client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Et svar"})
    assert response.status_code == 302
    post = Post.objects.get(thread=thread, position=2)
    assert response.url.endswith("#post-2")
    thread.refresh_from_db()
    assert thread.post_count == 2
    assert thread.last_post_author == case_worker
    assert post.author == case_worker


def test_quote_prefills_reply_with_quoted_text(client, case_worker, colleague, topic):
    thread = ThreadFactory(topic=topic, author=colleague)
    first = thread.posts.get()
    first.body = "Karensdager gjelder ikke her."
    first.save()
    client.force_login(case_worker)
    body = client.get(thread.get_absolute_url() + f"?quote={first.pk}").content.decode()
    assert "&gt; **Jonas Berg** skrev ([til innlegget](/forum/innlegg/" in body
    assert "&gt; Karensdager gjelder ikke her." in body


def test_author_edits_own_post_and_every_revision_is_kept(client, case_worker, topic):
    thread = services.thread_start(
        topic=topic, author=case_worker, title="Tittel", body="Versjon 1"
    )
    post = thread.posts.get()
    client.force_login(case_worker)
    url = reverse("forum:post_edit", args=[post.pk])
    assert client.post(url, {"body": "Versjon 2"}).status_code == 302
    assert client.post(url, {"body": "Versjon 3"}).status_code == 302
    post.refresh_from_db()
    assert post.body == "Versjon 3"
    assert post.edited_at is not None
    assert post.revision_count == 2
    assert list(post.revisions.order_by("created_at", "id").values_list("body", flat=True)) == [
        "Versjon 1",
        "Versjon 2",
    ]


def test_moderator_sees_revisions_but_other_readers_do_not(
    client, case_worker, colleague, moderator, topic
):
    thread = services.thread_start(
        topic=topic, author=case_worker, title="T", body="Opprinnelig tekst"
    )
    post = thread.posts.get()
    services.post_edit(post=post, by=case_worker, body="Ny tekst")
    history = reverse("forum:post_history", args=[post.pk])
    client.force_login(moderator)
    response = client.get(history)
    assert response.status_code == 200
    assert "Opprinnelig tekst" in response.content.decode()
    client.force_login(colleague)
    assert client.get(history).status_code == 404


def test_nobody_edits_someone_elses_post(client, case_worker, colleague, topic):
    thread = ThreadFactory(topic=topic, author=colleague)
    post = thread.posts.get()
    client.force_login(case_worker)
    response = client.post(reverse("forum:post_edit", args=[post.pk]), {"body": "Kapret"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.body != "Kapret"
    assert not PostRevision.objects.exists()


def test_locked_thread_refuses_replies_with_a_message(client, case_worker, topic):
    thread = ThreadFactory(topic=topic, is_locked=True)
    client.force_login(case_worker)
    body = client.get(thread.get_absolute_url()).content.decode()
    assert "Tråden er låst" in body
    response = client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Likevel"})
    assert response.status_code == 403
    assert "Tråden er låst" in response.content.decode()
    assert thread.posts.count() == 1


def test_moderator_may_still_reply_in_locked_thread(client, moderator, topic):
    thread = ThreadFactory(topic=topic, is_locked=True)
    client.force_login(moderator)
    assert (
        client.post(reverse("forum:reply", args=[thread.pk]), {"body": "Presisering"}).status_code
        == 302
    )


def test_pinned_threads_come_first_in_the_topic(client, case_worker, topic):
    ThreadFactory(topic=topic, title="Nyeste vanlige")
    ThreadFactory(
        topic=topic, title="Festet tråd", is_pinned=True, last_post_at="2020-01-01T00:00:00Z"
    )
    client.force_login(case_worker)
    body = client.get(topic.get_absolute_url()).content.decode()
    assert body.index("Festet tråd") < body.index("Nyeste vanlige")


def test_thread_posts_are_paginated(client, case_worker, topic, settings):
    settings.POSTS_PER_PAGE = 5
    thread = ThreadFactory(topic=topic)
    for _ in range(11):
        PostFactory(thread=thread)
    client.force_login(case_worker)
    page3 = client.get(thread.get_absolute_url() + "?page=3").content.decode()
    assert 'id="post-11"' in page3
    assert 'id="post-1"' not in page3
    assert client.get(thread.get_absolute_url() + "?page=999").status_code == 200


def test_rerender_refreshes_posts_stored_with_older_rules(topic):
    thread = ThreadFactory(topic=topic)
    post = thread.posts.get()
    Post.objects.filter(pk=post.pk).update(
        body="**ny**", body_html="<b>gammel</b>", markup_version=0
    )
    assert services.posts_rerender() == 1
    post.refresh_from_db()
    assert post.body_html == "<p><strong>ny</strong></p>\n"
