"""Statistics: figures checked against numbers worked out by hand from the fixture below."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from forum import statistics
from forum.models import Escalation, Post
from forum.statistics import Period
from tests.forum.factories import PostFactory, ThreadFactory, add_member
from tests.people.factories import UserFactory

STATISTICS_MAX_QUERIES = 19  # fixed, whatever the number of posts, topics or rooms
Q1 = statistics.Period(datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))


def at(day, hour=12):
    """A moment in the site's time zone: ``at("2026-01-05", 10)``."""
    return timezone.make_aware(
        datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(hour))
    )


@pytest.fixture
def figures(topic, closed_topic, case_worker, colleague, moderator, department):
    """Open topic "Dagpenger" and a closed room's topic, January–March 2026.

    By hand, for someone who sees only the open room (period = Q1):
    threads 4 (q1, q2, q3, d1), posts 3 + 3 + 1 + 2 = 9;
    questions 3, answered 2 (q1 after 2 h, q2 after 24 h; the askers' own replies do not
    count), share 66.7 %, median 13.0 h; months: Jan 1/3, Feb 2/5, Mar 1/1;
    most helpful: Ola (2 answers in 2 questions, 2 of them verified, 3 «nyttig»).
    Verified: Ola's answer to q1 after 24 h, to q2 after 48 h (Jonas's own reply to q2 is
    verified too, but an asker's own post is no answer): 2 of 3, 66.7 %, median 36.0 h.
    The closed room adds q4 (answered after 6 h by its member, verified after 10 h): for
    members threads 5, posts 11, questions 4, answered 3, share 75.0 %, median 6.0 h,
    verified 3, 75.0 %, median 24.0 h.
    Sensitive, for Ola who moderates Dagpenger: escalations 2 (q3 answered after 24 h, d1
    unanswered), median 24.0 h; removals 1 (Kari's own reply to q1, hidden in January).
    The closed room's escalation counts only for the command (everything): 3.
    """
    kari, jonas, ola = case_worker, colleague, moderator
    member = UserFactory(username="medlem", full_name="Mette Medlem", unit=department)
    insider = UserFactory(username="innsider", full_name="Ivar Innsider", unit=department)
    add_member(closed_topic.room, "member", user=member)
    add_member(closed_topic.room, "member", user=insider)

    def thread(topic, author, day, hour, kind="question"):
        return ThreadFactory(topic=topic, author=author, kind=kind, created_at=at(day, hour))

    def reply(thread, author, day, hour):
        return PostFactory(thread=thread, author=author, created_at=at(day, hour))

    before = thread(topic, kari, "2025-12-20", 9)  # outside the period
    reply(before, ola, "2025-12-20", 10)
    q1 = thread(topic, kari, "2026-01-05", 10)
    a1 = reply(q1, ola, "2026-01-05", 12)
    own1 = reply(q1, kari, "2026-01-05", 13)
    q2 = thread(topic, jonas, "2026-02-10", 9)
    own2 = reply(q2, jonas, "2026-02-10", 10)
    a2 = reply(q2, ola, "2026-02-11", 9)
    q3 = thread(topic, kari, "2026-03-01", 8)  # never answered
    d1 = thread(topic, ola, "2026-02-15", 9, kind="discussion")
    reply(d1, kari, "2026-02-15", 11)
    q4 = thread(closed_topic, insider, "2026-01-10", 10)
    a4 = reply(q4, member, "2026-01-10", 16)

    def verify(post, day, hour):
        Post.objects.filter(pk=post.pk).update(verified_at=at(day, hour), verified_by=ola)

    verify(a1, "2026-01-06", 10)
    verify(a2, "2026-02-12", 9)
    verify(own2, "2026-02-10", 12)
    verify(a4, "2026-01-10", 20)
    Post.objects.filter(pk=a1.pk).update(useful_count=3)
    Post.objects.filter(pk=own1.pk).update(
        is_hidden=True, hidden_at=at("2026-01-20", 9), hidden_by=ola, hidden_reason="Feil"
    )
    Escalation.objects.create(
        thread=q3,
        raised_by=ola,
        to_unit=department,
        note="Uklart",
        created_at=at("2026-03-01", 9),
        answered_at=at("2026-03-02", 9),
        state="answered",
    )
    Escalation.objects.create(
        thread=d1,
        raised_by=ola,
        to_unit=department,
        note="Se på",
        created_at=at("2026-02-15", 10),
    )
    Escalation.objects.create(
        thread=q4,
        raised_by=member,
        to_unit=department,
        note="Lukket",
        created_at=at("2026-01-11", 10),
    )
    return {"member": member, "kari": kari, "ola": ola}


def test_figures_for_someone_outside_the_closed_room_match_the_hand_count(figures):
    report = statistics.report(statistics.scope_for(figures["kari"]), Q1)
    assert report.figure("threads") == 4
    assert report.figure("posts") == 9
    assert report.figure("questions") == 3
    assert report.figure("answered") == 2
    assert report.figure("answered_share") == 66.7
    assert report.figure("median_first_answer_hours") == 13.0
    assert report.monthly.rows == [
        [datetime.date(2026, 1, 1), 1, 3],
        [datetime.date(2026, 2, 1), 2, 5],
        [datetime.date(2026, 3, 1), 1, 1],
    ]
    assert report.figure("verified") == 2
    assert report.figure("verified_share") == 66.7
    assert report.figure("median_verified_hours") == 36.0
    assert report.contributors.rows == [["Ola Hansen · NAV Sandnes", 2, 2, 2, 3]]
    assert [row[0] for row in report.topics.rows] == ["Dagpenger"]
    # Kari moderates nothing: no escalations or removals in her figures.
    assert report.sensitive == []
    assert "escalations" not in [key for key, _label, _value in report.summary]


def test_moderator_sees_escalations_and_removals_of_own_topics(figures):
    report = statistics.report(statistics.scope_for(figures["ola"]), Q1)
    assert report.figure("escalations") == 2
    assert report.figure("escalations_answered") == 1
    assert report.figure("median_escalation_hours") == 24.0
    assert report.figure("removals") == 1
    assert report.table("escalations").rows == [["Dagpenger", 2, 1, 24.0]]
    assert report.table("removals").rows == [["Dagpenger", 1]]


def test_closed_room_counts_for_its_members(figures):
    report = statistics.report(statistics.scope_for(figures["member"]), Q1)
    assert report.figure("threads") == 5
    assert report.figure("posts") == 11
    assert report.figure("questions") == 4
    assert report.figure("answered") == 3
    assert report.figure("answered_share") == 75.0
    assert report.figure("median_first_answer_hours") == 6.0
    topics = {row[0]: row for row in report.topics.rows}
    assert topics["Ugle-planlegging"][2:] == [1, 2, 1, 1, 100.0, 6.0, 1, 100.0, 10.0]
    assert topics["Dagpenger"][2:] == [4, 9, 3, 2, 66.7, 13.0, 2, 66.7, 36.0]
    assert report.figure("verified") == 3
    assert report.figure("verified_share") == 75.0
    assert report.figure("median_verified_hours") == 24.0


def test_scope_everything_counts_closed_rooms(figures):
    report = statistics.report(statistics.scope_everything(), Q1)
    assert report.figure("questions") == 4 and report.figure("posts") == 11
    assert report.figure("escalations") == 3 and report.figure("removals") == 1


def test_a_topics_figures_count_only_that_topic(figures, closed_topic):
    report = statistics.report(statistics.scope_for(figures["member"], closed_topic), Q1)
    assert report.figure("threads") == 1 and report.figure("posts") == 2


def test_period_without_activity_has_zero_months_and_no_median(figures):
    period = Period(datetime.date(2025, 6, 1), datetime.date(2025, 7, 15))
    report = statistics.report(statistics.scope_for(figures["kari"]), period)
    assert report.monthly.rows == [
        [datetime.date(2025, 6, 1), 0, 0],
        [datetime.date(2025, 7, 1), 0, 0],
    ]
    assert report.figure("answered_share") is None
    assert report.figure("median_first_answer_hours") is None


# Pages ------------------------------------------------------------------------------------


def test_forum_statistics_are_for_moderators_and_administrators(
    client, case_worker, moderator, administrator
):
    url = reverse("forum:statistics")
    client.force_login(case_worker)
    assert client.get(url).status_code == 403
    for person in (moderator, administrator):
        client.force_login(person)
        assert client.get(url).status_code == 200


def test_statistics_page_shows_the_figures_chart_and_table(client, figures):
    client.force_login(figures["ola"])
    response = client.get(reverse("forum:statistics"), {"fra": "2026-01-01", "til": "2026-03-31"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<dd data-figure="median_first_answer_hours">13,0</dd>' in html
    assert "<svg" in html and '<title id="chart-monthly-title">' in html and "<desc" in html
    assert "<caption" in html and "Ugle-planlegging" not in html


def test_topic_statistics_of_a_closed_room_are_404_for_non_members(
    client, figures, closed_topic, case_worker
):
    url = reverse("forum:topic_statistics", args=[closed_topic.room.slug, closed_topic.slug])
    client.force_login(case_worker)
    assert client.get(url).status_code == 404
    client.force_login(figures["member"])
    assert client.get(url).status_code == 200


def test_topic_statistics_are_open_to_every_reader_of_the_topic(client, figures, topic):
    client.force_login(figures["kari"])
    response = client.get(
        reverse("forum:topic_statistics", args=[topic.room.slug, topic.slug]),
        {"fra": "2026-01-01", "til": "2026-03-31"},
    )
    assert response.status_code == 200
    assert '<dd data-figure="questions">3</dd>' in response.content.decode()


def test_csv_download_has_the_same_numbers(client, figures, topic):
    client.force_login(figures["kari"])
    response = client.get(
        reverse("forum:topic_statistics", args=[topic.room.slug, topic.slug]),
        {"fra": "2026-01-01", "til": "2026-03-31", "csv": "monthly"},
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Måned", "Tråder", "Innlegg"],
        ["2026-01-01", "1", "3"],
        ["2026-02-01", "2", "5"],
        ["2026-03-01", "1", "1"],
    ]


def test_escalations_csv_is_for_moderators_of_the_topic_only(client, figures, topic):
    url = reverse("forum:topic_statistics", args=[topic.room.slug, topic.slug])
    period = {"fra": "2026-01-01", "til": "2026-03-31", "csv": "escalations"}
    client.force_login(figures["kari"])
    assert client.get(url, period).status_code == 404
    client.force_login(figures["ola"])
    rows = list(csv.reader(io.StringIO(client.get(url, period).content.decode("utf-8-sig"))))
    assert rows == [
        ["Tema", "Løftet", "Besvart", "Median timer til svar"],
        ["Dagpenger", "2", "1", "24.0"],
    ]


def test_unknown_csv_table_is_404(client, figures, topic):
    client.force_login(figures["kari"])
    url = reverse("forum:topic_statistics", args=[topic.room.slug, topic.slug])
    assert client.get(url, {"csv": "nope"}).status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"fra": "2026-13-01", "til": "2026-03-31"}, "Skriv datoen som ÅÅÅÅ-MM-DD."),
        ({"fra": "2026-04-01", "til": "2026-03-31"}, "må være før eller lik"),
        ({"fra": "2010-01-01", "til": "2026-03-31"}, "høyst fem år"),
    ],
)
def test_bad_period_is_explained_and_kept(client, topic, case_worker, data, message):
    client.force_login(case_worker)
    response = client.get(
        reverse("forum:topic_statistics", args=[topic.room.slug, topic.slug]), data
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and data["fra"] in html


def test_statistics_page_query_count_is_fixed(client, figures, django_assert_max_num_queries):
    client.force_login(figures["ola"])
    with django_assert_max_num_queries(STATISTICS_MAX_QUERIES):
        response = client.get(
            reverse("forum:statistics"), {"fra": "2026-01-01", "til": "2026-03-31"}
        )
    assert response.status_code == 200


# Management command --------------------------------------------------------------------------


def test_command_reports_everything_as_csv(figures):
    out = io.StringIO()
    call_command(
        "forum_statistics",
        "--from",
        "2026-01-01",
        "--to",
        "2026-03-31",
        "--format",
        "csv",
        "--table",
        "summary",
        stdout=out,
    )
    rows = dict(list(csv.reader(io.StringIO(out.getvalue())))[1:])
    assert rows["Spørsmål stilt"] == "4"
    assert rows["Median timer til første svar"] == "6.0"


def test_command_text_output_names_its_scope(figures):
    out = io.StringIO()
    call_command("forum_statistics", "--from", "2026-01-01", "--to", "2026-03-31", stdout=out)
    text = out.getvalue()
    assert "også lukkede" in text and "Ugle-planlegging" in text


def test_command_rejects_a_reversed_period(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="før eller lik"):
        call_command("forum_statistics", "--from", "2026-02-01", "--to", "2026-01-01")
