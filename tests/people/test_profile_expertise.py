"""Profiles make expertise visible, counting only what the viewer may see."""

from django.urls import reverse

from tests.forum.factories import PostFactory, ThreadFactory, add_member


def figures(client, viewer, person):
    client.force_login(viewer)
    response = client.get(reverse("people:profile", args=[person.username]))
    assert response.status_code == 200
    html = response.content.decode()
    return html, {
        key: html.split(f'data-figure="{key}">')[1].split("<")[0]
        for key in ("posts", "answers", "questions_helped")
    }


def test_profile_counts_answers_to_others_questions(client, topic, moderator, case_worker):
    question = ThreadFactory(topic=topic, author=case_worker, kind="question")
    PostFactory(thread=question, author=moderator)
    PostFactory(thread=question, author=moderator)
    own = ThreadFactory(topic=topic, author=moderator, kind="question")
    PostFactory(thread=own, author=moderator)  # answering oneself is not helping others
    html, numbers = figures(client, case_worker, moderator)
    assert numbers == {"posts": "4", "answers": "2", "questions_helped": "1"}
    assert "Fagansvarlig dagpenger" in html and "NAV Sandnes" in html
    assert topic.name in html.split('id="mod-heading"')[1]


def test_closed_room_work_counts_only_for_viewers_who_see_the_room(
    client, closed_topic, topic, moderator, case_worker, colleague
):
    add_member(closed_topic.room, "member", user=moderator)
    add_member(closed_topic.room, "member", user=colleague)
    question = ThreadFactory(topic=closed_topic, author=colleague, kind="question", title="Ugle?")
    PostFactory(thread=question, author=moderator)
    html, numbers = figures(client, case_worker, moderator)
    assert numbers == {"posts": "0", "answers": "0", "questions_helped": "0"}
    assert "Ugle?" not in html
    html, numbers = figures(client, colleague, moderator)
    assert numbers == {"posts": "1", "answers": "1", "questions_helped": "1"}
