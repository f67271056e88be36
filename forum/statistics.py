"""Figures that show whether the forum works, for a period and a scope.

Everything is computed with set-based SQL (``GROUP BY`` aggregations and
correlated subqueries), never a Python loop over posts. Medians are the one
exception: the database returns one pair of timestamps per question (or
escalation) in the period, and Python takes the median of that bounded list,
because SQLite has no ``PERCENTILE_CONT``.

Who sees what is decided by the ``Scope``: ``scope_for(user)`` counts only the
rooms the person sees (closed rooms only for their members) and the sensitive
figures (removals, escalations) only for topics they moderate;
``scope_everything()`` is for the management command that reports upwards.

Definitions (the same on the page, in CSV and in the command):

* a *question* is a thread of kind "question" started in the period;
* its *first answer* is the earliest post by someone other than the asker;
* a question is *answered* when it has a first answer (at any time up to now);
* it is *verified* when a moderator has quality-assured one of those answers; the time
  to a verified answer runs from the question to the earliest such quality-assurance;
* medians are in hours, from the question to the answer;
* an *escalation* counts in the period it was raised; its turnaround is the hours from
  raising it to its answer; a *removal* counts in the period the post was hidden.
  Both are sensitive: they count only in topics the person moderates.
"""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import access
from people.models import User

from .models import Escalation, Post, Thread, Topic

TOP_CONTRIBUTORS = 10


# Period and scope ---------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Whole days, both ends included, in the site's time zone."""

    start: datetime.date
    end: datetime.date

    @property
    def start_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))

    @property
    def end_before(self) -> datetime.datetime:
        """The first moment after the period."""
        day_after = self.end + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time.min))

    def q(self, field_name: str) -> Q:
        return Q(**{f"{field_name}__gte": self.start_at, f"{field_name}__lt": self.end_before})

    def months(self) -> list[datetime.date]:
        """The first day of every month the period touches."""
        result, month = [], self.start.replace(day=1)
        while month <= self.end:
            result.append(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        return result

    @classmethod
    def last_months(cls, n: int = 12, today: datetime.date | None = None) -> Period:
        """The current month and the ``n - 1`` before it."""
        today = today or timezone.localdate()
        start = today.replace(day=1)
        for _i in range(n - 1):
            start = (start - datetime.timedelta(days=1)).replace(day=1)
        return cls(start, today)


@dataclass(frozen=True)
class Scope:
    """Which rooms and topics count. ``None`` means no limit (the management command)."""

    room_ids: frozenset[int] | None
    topic_ids: frozenset[int] | None = None
    # Topics where removals and escalations count; ``None``: every topic in scope.
    sensitive_topic_ids: frozenset[int] | None = None

    def topics(self):
        topics = Topic.objects.all()
        if self.room_ids is not None:
            topics = topics.filter(room_id__in=self.room_ids)
        if self.topic_ids is not None:
            topics = topics.filter(pk__in=self.topic_ids)
        return topics

    def topic_q(self, path: str, *, sensitive: bool = False) -> Q:
        """``Q`` keeping rows whose topic (at ``path``, e.g. ``"thread__topic"``) counts."""
        q = Q()
        if self.room_ids is not None:
            q &= Q(**{f"{path}__room_id__in": self.room_ids})
        if self.topic_ids is not None:
            q &= Q(**{f"{path}_id__in": self.topic_ids})
        if sensitive and self.sensitive_topic_ids is not None:
            q &= Q(**{f"{path}_id__in": self.sensitive_topic_ids})
        return q

    @property
    def shows_sensitive(self) -> bool:
        return self.sensitive_topic_ids is None or bool(self.sensitive_topic_ids)


def scope_for(user, topic: Topic | None = None) -> Scope:
    """What ``user`` may count: visible rooms; sensitive figures for topics they moderate."""
    room_ids = access.statistics_room_ids(user)
    sensitive = frozenset(
        access.topics_with_sensitive_statistics(user).values_list("id", flat=True)
    )
    if topic is not None:
        return Scope(room_ids, frozenset({topic.pk}), sensitive & {topic.pk})
    return Scope(room_ids, None, sensitive)


def scope_everything(topic: Topic | None = None) -> Scope:
    """Every room, closed ones included: for reporting upwards, never for a web page."""
    return Scope(None, frozenset({topic.pk}) if topic is not None else None, None)


# The figures --------------------------------------------------------------------------


@dataclass
class Table:
    """One table of figures: shown as an HTML table, a chart, and downloadable as CSV."""

    key: str
    caption: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)


@dataclass
class Report:
    period: Period
    scope: Scope
    summary: list[tuple[str, str, object]]  # (key, label, value)
    monthly: Table
    topics: Table
    contributors: Table
    sensitive: list[Table] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        summary = Table(
            "summary",
            str(_("Nøkkeltall")),
            [str(_("Nøkkeltall")), str(_("Verdi"))],
            [[label, value] for _key, label, value in self.summary],
        )
        return [summary, self.monthly, self.topics, self.contributors, *self.sensitive]

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)

    def figure(self, key: str):
        return next(value for k, _label, value in self.summary if k == key)


def _month(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return value


def _hours(pairs) -> float | None:
    """Median of (start, end) pairs in hours, one decimal; ``None`` when there are none."""
    durations = [(end - start).total_seconds() / 3600 for start, end in pairs if end is not None]
    return round(statistics.median(durations), 1) if durations else None


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _posts(scope: Scope):
    return Post.objects.filter(scope.topic_q("thread__topic"))


def _threads(scope: Scope):
    return Thread.objects.filter(scope.topic_q("topic"))


def _answers(thread_ref="pk"):
    """Posts that answer a question: written by someone other than the asker."""
    return Post.objects.filter(thread=OuterRef(thread_ref), position__gt=1).exclude(
        author=OuterRef("author")
    )


def monthly_activity(scope: Scope, period: Period) -> Table:
    """New threads and posts per month (every month of the period, zeros included)."""
    threads = dict(
        _threads(scope)
        .filter(period.q("created_at"))
        .annotate(month=TruncMonth("created_at"))
        .values_list("month")
        .annotate(n=Count("id"))
        .order_by()
    )
    posts = dict(
        _posts(scope)
        .filter(period.q("created_at"))
        .annotate(month=TruncMonth("created_at"))
        .values_list("month")
        .annotate(n=Count("id"))
        .order_by()
    )
    threads = {_month(k): v for k, v in threads.items()}
    posts = {_month(k): v for k, v in posts.items()}
    return Table(
        "monthly",
        str(_("Nye tråder og innlegg per måned")),
        [str(_("Måned")), str(_("Tråder")), str(_("Innlegg"))],
        [[m, threads.get(m, 0), posts.get(m, 0)] for m in period.months()],
    )


def questions_by_topic(scope: Scope, period: Period) -> dict[int, dict]:
    """Per topic: questions asked in the period, how many answered and verified, and the
    hours to the first answer and to the first verified answer."""
    first_answer = Subquery(_answers().order_by("created_at").values("created_at")[:1])
    first_verified = Subquery(
        _answers()
        .filter(verified_at__isnull=False, is_hidden=False)
        .order_by("verified_at")
        .values("verified_at")[:1]
    )
    rows = (
        _threads(scope)
        .questions()
        .filter(period.q("created_at"))
        .annotate(first_answer_at=first_answer, first_verified_at=first_verified)
        .values_list("topic_id", "created_at", "first_answer_at", "first_verified_at")
    )
    result: dict[int, dict] = {}
    for topic_id, asked, answered, verified in rows:
        entry = result.setdefault(topic_id, _no_questions())
        entry["questions"] += 1
        if answered is not None:
            entry["answered"] += 1
            entry["pairs"].append((asked, answered))
        if verified is not None:
            entry["verified"] += 1
            entry["verified_pairs"].append((asked, verified))
    return result


def _no_questions() -> dict:
    return {"questions": 0, "answered": 0, "pairs": [], "verified": 0, "verified_pairs": []}


def topic_activity(scope: Scope, period: Period, questions: dict[int, dict]) -> Table:
    """Per topic: threads and posts in the period, questions and the share answered."""
    in_period_threads = Count("threads", filter=period.q("threads__created_at"), distinct=True)
    topics = (
        scope.topics()
        .select_related("room")
        .annotate(n_threads=in_period_threads)
        .order_by("room__position", "room__name", "position", "name")
    )
    posts = dict(
        _posts(scope)
        .filter(period.q("created_at"))
        .values_list("thread__topic_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = []
    for topic in topics:
        q = questions.get(topic.pk) or _no_questions()
        rows.append(
            [
                topic.name,
                topic.room.name,
                topic.n_threads,
                posts.get(topic.pk, 0),
                q["questions"],
                q["answered"],
                _share(q["answered"], q["questions"]),
                _hours(q["pairs"]),
                q["verified"],
                _share(q["verified"], q["questions"]),
                _hours(q["verified_pairs"]),
            ]
        )
    return Table(
        "topics",
        str(_("Aktivitet per tema")),
        [
            str(_("Tema")),
            str(_("Rom")),
            str(_("Tråder")),
            str(_("Innlegg")),
            str(_("Spørsmål")),
            str(_("Besvart")),
            str(_("Andel besvart (%)")),
            str(_("Median timer til første svar")),
            str(_("Kvalitetssikret")),
            str(_("Andel kvalitetssikret (%)")),
            str(_("Median timer til kvalitetssikret svar")),
        ],
        rows,
    )


def top_contributors(scope: Scope, period: Period, limit: int = TOP_CONTRIBUTORS) -> Table:
    """Who answered most questions from others in the period, how many of those answers a
    moderator verified, and how many "nyttig" marks the answers have received."""
    shown = Q(is_hidden=False)
    answers = (
        _posts(scope)
        # A removed answer counts for nobody: removed is removed, in the figures too.
        .filter(period.q("created_at"), thread__kind=Thread.Kind.QUESTION, position__gt=1)
        .filter(is_hidden=False)
        .exclude(author=F("thread__author"))
        .values("author")
        .annotate(
            n=Count("id"),
            threads=Count("thread", distinct=True),
            verified=Count("id", filter=shown & Q(verified_at__isnull=False)),
            useful=Sum("useful_count", filter=shown, default=0),
        )
        .order_by("-n", "-verified", "author")[:limit]
    )
    counts = {row["author"]: row for row in answers}
    people = User.objects.select_related("org_unit").in_bulk(list(counts)) if counts else {}
    rows = [
        [
            people[pk].display_name,
            counts[pk]["n"],
            counts[pk]["threads"],
            counts[pk]["verified"],
            counts[pk]["useful"],
        ]
        for pk in counts
        if pk in people
    ]
    return Table(
        "contributors",
        str(_("De mest hjelpsomme")),
        [
            str(_("Person")),
            str(_("Svar på andres spørsmål")),
            str(_("Spørsmål besvart")),
            str(_("Kvalitetssikrede svar")),
            str(_("«Nyttig»")),
        ],
        rows,
    )


def escalations_raised(scope: Scope, period: Period) -> list[tuple]:
    """Sensitive: (topic id, topic name, raised at, answered at) of escalations in the period."""
    return list(
        Escalation.objects.filter(scope.topic_q("thread__topic", sensitive=True))
        .filter(period.q("created_at"))
        .values_list("thread__topic_id", "thread__topic__name", "created_at", "answered_at")
    )


def escalations_by_topic(rows: list[tuple]) -> Table:
    """Escalations per topic: raised, answered, and the median hours to the answer."""
    per_topic: dict[tuple, list] = {}
    for topic_id, topic_name, raised, answered in rows:
        per_topic.setdefault((topic_name, topic_id), []).append((raised, answered))
    table_rows = [
        [
            name,
            len(pairs),
            sum(1 for _raised, answered in pairs if answered is not None),
            _hours(pairs),
        ]
        for (name, _topic_id), pairs in sorted(per_topic.items())
    ]
    return Table(
        "escalations",
        str(_("Løftede saker per tema")),
        [
            str(_("Tema")),
            str(_("Løftet")),
            str(_("Besvart")),
            str(_("Median timer til svar")),
        ],
        table_rows,
    )


def removals_by_topic(scope: Scope, period: Period) -> Table:
    """Sensitive: posts removed (hidden with a reason) in the period, per topic."""
    rows = (
        Post.objects.filter(scope.topic_q("thread__topic", sensitive=True))
        .filter(period.q("hidden_at"), is_hidden=True)
        .values_list("thread__topic__name", "thread__topic_id")
        .annotate(n=Count("id"))
        .order_by("thread__topic__name", "thread__topic_id")
    )
    return Table(
        "removals",
        str(_("Fjernede innlegg per tema")),
        [str(_("Tema")), str(_("Fjernet"))],
        [[name, n] for name, _topic_id, n in rows],
    )


def report(scope: Scope, period: Period) -> Report:
    """All figures for ``scope`` in ``period``."""
    questions = questions_by_topic(scope, period)
    asked = sum(q["questions"] for q in questions.values())
    answered = sum(q["answered"] for q in questions.values())
    verified = sum(q["verified"] for q in questions.values())
    pairs = [p for q in questions.values() for p in q["pairs"]]
    verified_pairs = [p for q in questions.values() for p in q["verified_pairs"]]
    monthly = monthly_activity(scope, period)
    summary = [
        ("threads", str(_("Nye tråder")), sum(r[1] for r in monthly.rows)),
        ("posts", str(_("Nye innlegg")), sum(r[2] for r in monthly.rows)),
        ("questions", str(_("Spørsmål stilt")), asked),
        ("answered", str(_("Spørsmål besvart")), answered),
        ("answered_share", str(_("Andel besvart (%)")), _share(answered, asked)),
        ("median_first_answer_hours", str(_("Median timer til første svar")), _hours(pairs)),
        ("verified", str(_("Spørsmål med kvalitetssikret svar")), verified),
        ("verified_share", str(_("Andel kvalitetssikret (%)")), _share(verified, asked)),
        (
            "median_verified_hours",
            str(_("Median timer til kvalitetssikret svar")),
            _hours(verified_pairs),
        ),
    ]
    sensitive = []
    if scope.shows_sensitive:
        raised = escalations_raised(scope, period)
        escalations = escalations_by_topic(raised)
        removals = removals_by_topic(scope, period)
        sensitive = [escalations, removals]
        summary += [
            ("escalations", str(_("Løftede saker")), sum(r[1] for r in escalations.rows)),
            (
                "escalations_answered",
                str(_("Løftede saker besvart")),
                sum(r[2] for r in escalations.rows),
            ),
            (
                "median_escalation_hours",
                str(_("Median timer til svar på løftet sak")),
                _hours([(at, answered) for _id, _name, at, answered in raised]),
            ),
            ("removals", str(_("Fjernede innlegg")), sum(r[1] for r in removals.rows)),
        ]
    return Report(
        period=period,
        scope=scope,
        summary=summary,
        monthly=monthly,
        topics=topic_activity(scope, period, questions),
        contributors=top_contributors(scope, period),
        sensitive=sensitive,
    )
