"""Profiles make expertise visible, counting only what the viewer may see."""

from django.urls import reverse

import access
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


def expertise_figures(html):
    keys = ("verified_answers", "clarifications", "useful_marks")
    return {key: html.split(f'data-figure="{key}">')[1].split("<")[0] for key in keys}


def expertise_in(topic, *, moderator, asker, marker, title):
    """One question answered by ``moderator``: verified, marked useful, and clarified."""
    import datetime

    from forum.services.moderation import clarification_create, post_verify
    from forum.services.reactions import useful_toggle

    add_member_roles = topic.room.kind == "closed"
    if add_member_roles:
        add_member(topic.room, "moderator", user=moderator)
        add_member(topic.room, "member", user=asker)
        add_member(topic.room, "member", user=marker)
        for person in (moderator, asker, marker):
            access.forget(person)  # grants are memoised per request (here: per object)
    question = ThreadFactory(topic=topic, author=asker, kind="question", title=title)
    answer = PostFactory(thread=question, author=moderator)
    post_verify(post=answer, by=_other_moderator(topic))
    useful_toggle(post=answer, by=asker)
    useful_toggle(post=answer, by=marker)
    clarification_create(
        thread=question,
        by=moderator,
        title=f"Presisering: {title}",
        body="Slik er det.",
        valid_from=datetime.date(2026, 1, 1),
    )


def _other_moderator(topic):
    from tests.people.factories import UserFactory

    other = UserFactory(full_name=f"Annen Moderator {topic.pk}", unit=None)
    other.org_unit = topic.moderators.first().org_unit if topic.moderators.exists() else None
    other.save()
    topic.moderators.add(other)
    if topic.room.kind == "closed":
        add_member(topic.room, "moderator", user=other)
    return other


def test_profile_shows_verified_answers_clarifications_and_useful_marks_visible_to_viewer(
    client, topic, closed_topic, moderator, case_worker, colleague, outsider
):
    expertise_in(topic, moderator=moderator, asker=case_worker, marker=colleague, title="Åpent")
    expertise_in(
        closed_topic, moderator=moderator, asker=colleague, marker=case_worker, title="Lukket"
    )
    # The outsider (another agency) sees only the open room.
    client.force_login(outsider)
    html = client.get(reverse("people:profile", args=[moderator.username])).content.decode()
    assert expertise_figures(html) == {
        "verified_answers": "1",
        "clarifications": "1",
        "useful_marks": "2",
    }
    assert "Presisering: Åpent" in html and "Presisering: Lukket" not in html
    assert "Lukket" not in html.split('id="verified-heading"')[1]
    # A member of the closed room counts both.
    client.force_login(colleague)
    html = client.get(reverse("people:profile", args=[moderator.username])).content.decode()
    assert expertise_figures(html) == {
        "verified_answers": "2",
        "clarifications": "2",
        "useful_marks": "4",
    }
    assert "Presisering: Lukket" in html


def test_profile_page_query_count_is_fixed(
    client, topic, moderator, case_worker, colleague, django_assert_max_num_queries
):
    for i in range(3):
        expertise_in(topic, moderator=moderator, asker=case_worker, marker=colleague, title=f"Q{i}")
    client.force_login(case_worker)
    with django_assert_max_num_queries(PROFILE_MAX_QUERIES):
        response = client.get(reverse("people:profile", args=[moderator.username]))
    assert response.status_code == 200


PROFILE_MAX_QUERIES = 20
