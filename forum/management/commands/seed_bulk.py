"""Generate large synthetic forum data fast, for benchmarks.

    python manage.py seed_bulk --threads 10000 --posts 1000000 [--rooms 10] [--users 1000]

What it builds (all names start with "bulk"/"Testetaten", beside the demo data):

* the agency "Testetaten" (code ``BULK``) with departments and sections, and
  ``--users`` employees placed in the sections, inserted with ``bulk_create``
  and given their unit groups the way ``people.services`` does;
* ``--rooms`` rooms: every fourth one (the 1st, 5th, 9th, ...) open, the rest
  closed, each with ``--topics`` topics. Closed rooms get departments as
  members through ``room_member_add`` (so the guardian rows are unit-group
  grants, ``view_room`` + ``post_in_room`` in ``RoomGroupObjectPermission``):
  the first closed room only department 1, the others spread over the
  remaining departments;
* two logins for benchmarks, password ``bench``: ``bench_many`` is a personal
  member of every closed room and so sees every room, and ``bench_few`` (in
  department 1) sees the open rooms and one closed room;
* ``--threads`` threads and exactly ``--posts`` posts, spread over the topics,
  the users (a few write much more than most) and the past ``--days`` days, with
  thread lengths skewed as in real forums.

Speed: post bodies come from a small pool of Markdown texts rendered once by
``forum.markup.render`` and reused; rows go in with ``bulk_create`` in batches;
thread counters are known before the insert and topic counters are rebuilt at
the end with set-based SQL (``forum.services.topics_recount``). Running it
again reuses the structure and users and adds more threads and posts.
"""

from __future__ import annotations

import itertools
import math
import random
import time
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from forum import markup
from forum.models import Post, Room, RoomRole, Thread, Topic
from forum.services import room_member_add, topics_recount
from people.models import OrgUnit, User
from people.services import person_create, unit_create, unit_groups_for

from . import _bulk_words as words

AGENCY_CODE = "BULK"
DEPARTMENTS = 8
SECTIONS_PER_DEPARTMENT = 2
BENCH_PASSWORD = "bench"
USERNAME_PREFIX = "bulk"


@contextmanager
def query_log_off():
    """Stop Django's debug query log while inserting a million rows.

    With DEBUG on (the default outside production) every query is kept with its
    parameters formatted into it; for SQLite that formatting is another query per
    parameter batch. It would dominate the run and hold gigabytes of SQL text.
    """
    previous = settings.DEBUG
    settings.DEBUG = False
    try:
        yield
    finally:
        settings.DEBUG = previous


class Command(BaseCommand):
    help = (
        "Generate synthetic rooms, topics, users, threads and posts with bulk inserts (benchmarks)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--threads", type=int, default=10_000, help="threads to add")
        parser.add_argument("--posts", type=int, default=100_000, help="posts to add (≥ threads)")
        parser.add_argument("--rooms", type=int, default=10, help="rooms (every fourth open)")
        parser.add_argument("--topics", type=int, default=6, help="topics per room")
        parser.add_argument("--users", type=int, default=1_000, help="synthetic employees")
        parser.add_argument("--batch", type=int, default=5_000, help="rows per bulk insert")
        parser.add_argument("--bodies", type=int, default=500, help="distinct post texts")
        parser.add_argument("--days", type=int, default=730, help="spread over this many days")
        parser.add_argument("--seed", type=int, default=2026, help="random seed (reproducible)")

    def handle(self, *args, **options):
        with query_log_off():
            self.run(**options)

    def run(self, **options):
        threads, posts = options["threads"], options["posts"]
        if threads < 1 or posts < threads:
            raise CommandError("--threads must be at least 1 and --posts at least --threads.")
        for name in ("rooms", "topics", "users", "batch", "bodies", "days"):
            if options[name] < 1:
                raise CommandError(f"--{name} must be at least 1.")
        self.rng = random.Random(options["seed"])
        self.batch = options["batch"]
        self.quiet = options["verbosity"] == 0
        started = time.perf_counter()

        units = self.ensure_units()
        users = self.ensure_users(options["users"], units)
        topics = self.ensure_rooms(options["rooms"], options["topics"], units)
        structure_done = time.perf_counter()

        bodies = self.render_bodies(options["bodies"])
        self.generate(threads, posts, topics, users, bodies, options["days"])
        generated = time.perf_counter()

        topics_recount(topics=Topic.objects.filter(pk__in=[t.pk for t in topics]))
        finished = time.perf_counter()

        total = finished - started
        self.log(
            f"structure {structure_done - started:.1f} s, threads and posts "
            f"{generated - structure_done:.1f} s, counters {finished - generated:.1f} s; "
            f"total {total:.1f} s ({posts / total:,.0f} posts/s)"
        )
        self.log(
            self.style.SUCCESS(
                f"{threads} threads and {posts} posts added in {len(topics)} topics, "
                f"{len(users)} authors"
            )
        )

    def log(self, message: str) -> None:
        if not self.quiet:
            self.stdout.write(message)

    # Structure -------------------------------------------------------------------------

    def ensure_units(self) -> dict[str, list[OrgUnit]]:
        """Testetaten > departments 1..8 > sections A, B. Looked up by code."""

        def unit(code, name, kind, parent=None):
            found = OrgUnit.objects.filter(code=code).first()
            if found:
                return found
            fresh_parent = OrgUnit.objects.get(pk=parent.pk) if parent else None
            return unit_create(name=name, code=code, kind=kind, parent=fresh_parent)

        agency = unit(AGENCY_CODE, "Testetaten", OrgUnit.Kind.AGENCY)
        departments, sections = [], []
        for d in range(1, DEPARTMENTS + 1):
            dept = unit(
                f"{AGENCY_CODE}-{d}", f"Testetaten avdeling {d}", OrgUnit.Kind.DEPARTMENT, agency
            )
            departments.append(dept)
            for s in "AB"[:SECTIONS_PER_DEPARTMENT]:
                sections.append(
                    unit(
                        f"{AGENCY_CODE}-{d}{s}",
                        f"Testetaten avdeling {d} seksjon {s}",
                        OrgUnit.Kind.SECTION,
                        dept,
                    )
                )
        return {"agency": [agency], "departments": departments, "sections": sections}

    def ensure_users(self, count: int, units) -> list[int]:
        """``count`` synthetic employees (bulk000001, ...) plus the two bench logins."""
        wanted = [f"{USERNAME_PREFIX}{i:06d}" for i in range(1, count + 1)]
        existing = set(User.objects.filter(username__in=wanted).values_list("username", flat=True))
        sections = units["sections"]
        joined = timezone.now() - timedelta(days=3650)
        unusable = make_password(None)
        new = []
        for i, username in enumerate(wanted):
            if username in existing:
                continue
            first = self.rng.choice(words.FIRST_NAMES)
            last = self.rng.choice(words.LAST_NAMES)
            new.append(
                User(
                    username=username,
                    full_name=f"{first} {last}",
                    first_name=first,
                    last_name=last,
                    email=f"{username}@testetaten.example",
                    title=self.rng.choice(words.TITLES),
                    org_unit=sections[i % len(sections)],
                    password=unusable,
                    date_joined=joined,
                )
            )
        created = User.objects.bulk_create(new, batch_size=self.batch)
        # Unit groups exactly as person_move would set them: the unit and its ancestors.
        groups_of = {u.pk: [g.pk for g in unit_groups_for(u)] for u in sections}
        Membership = User.groups.through
        Membership.objects.bulk_create(
            (
                Membership(user_id=user.pk, group_id=group_id)
                for user in created
                for group_id in groups_of[user.org_unit_id]
            ),
            batch_size=self.batch,
        )
        self.ensure_bench_logins(units)
        self.log(f"{len(created)} users created, {len(existing)} reused")
        return list(User.objects.filter(username__in=wanted).values_list("pk", flat=True))

    def ensure_bench_logins(self, units) -> None:
        logins = (
            ("bench_many", "Berit Mange", units["sections"][-1]),
            ("bench_few", "Frode Få", units["departments"][0]),
        )
        for username, full_name, unit in logins:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = person_create(
                    username=username,
                    full_name=full_name,
                    unit=unit,
                    title="Testbruker",
                    email=f"{username}@testetaten.example",
                    password=BENCH_PASSWORD,
                )

    def ensure_rooms(self, count: int, topics_per_room: int, units) -> list[Topic]:
        bench_many = User.objects.get(username="bench_many")
        departments = units["departments"]
        topics = []
        closed_index = 0
        for i in range(1, count + 1):
            is_open = i % 4 == 1
            base = words.ROOM_NAMES[(i - 1) % len(words.ROOM_NAMES)]
            room, _ = Room.objects.get_or_create(
                slug=f"bulk-{i}",
                defaults={
                    "name": f"{base} {i}",
                    "kind": Room.Kind.OPEN if is_open else Room.Kind.CLOSED,
                    "description": "Syntetiske data for ytelsestester (seed_bulk).",
                    "position": 100 + i,
                },
            )
            if not room.is_open:
                if closed_index == 0:
                    # bench_few's department gets exactly one closed room.
                    granted = [departments[0]]
                else:
                    rest = departments[1:]
                    granted = [rest[(closed_index - 1) % len(rest)]]
                    if closed_index % 3 == 0:
                        granted.append(rest[closed_index % len(rest)])
                closed_index += 1
                members = set(room.memberships.values_list("unit_id", flat=True))
                for unit in granted:
                    if unit.pk not in members:
                        # by=None: the system adds members (no person to check).
                        room_member_add(room=room, by=None, role=RoomRole.MEMBER, unit=unit)
                if not room.memberships.filter(user=bench_many).exists():
                    room_member_add(room=room, by=None, role=RoomRole.MEMBER, user=bench_many)
            for t in range(1, topics_per_room + 1):
                name = words.TOPIC_NAMES[(i + t - 2) % len(words.TOPIC_NAMES)]
                topic, _ = Topic.objects.get_or_create(
                    room=room,
                    slug=f"tema-{t}",
                    defaults={
                        "name": f"{name} {t}" if t > len(words.TOPIC_NAMES) else name,
                        "position": t,
                    },
                )
                topics.append(topic)
        return topics

    # Content -----------------------------------------------------------------------------

    def fill(self, template: str) -> str:
        rng = self.rng
        sak, sak2 = rng.sample(words.SAK, 2)
        ytelse = rng.choice(words.YTELSE)
        person = rng.choice(words.PERSON)
        return template.format(
            sak=sak,
            Sak=sak[0].upper() + sak[1:],
            sak2=sak2,
            ytelse=ytelse,
            Ytelse=ytelse[0].upper() + ytelse[1:],
            lov=rng.choice(words.LOV),
            system=rng.choice(words.SYSTEM),
            person=person,
            Person=person[0].upper() + person[1:],
            sted=rng.choice(words.STED),
            tid=rng.choice(words.TID),
        )

    def paragraph(self) -> str:
        n = self.rng.randint(1, 4)
        return " ".join(self.fill(self.rng.choice(words.SENTENCES)) for _ in range(n))

    def body(self) -> str:
        rng = self.rng
        parts = []
        if rng.random() < 0.15:
            quoted = self.fill(rng.choice(words.QUOTE_SENTENCES))
            parts.append(f"> **{rng.choice(words.FIRST_NAMES)}** skrev:\n>\n> {quoted}")
        parts.extend(self.paragraph() for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.2:
            items = rng.sample(words.LIST_ITEMS, rng.randint(2, 4))
            parts.append("\n".join(f"- {self.fill(item)}" for item in items))
        if rng.random() < 0.1:
            parts.append(f"Se [{self.fill('{lov}')}]({rng.choice(words.LINKS)}).")
        return "\n\n".join(parts)

    def render_bodies(self, count: int) -> list[tuple[str, str]]:
        """A pool of Markdown texts, each rendered once and reused for many posts."""
        return [(source, markup.render(source)) for source in (self.body() for _ in range(count))]

    def thread_sizes(self, threads: int, posts: int) -> list[int]:
        """Exactly ``posts`` split over ``threads`` (each ≥ 1), skewed like real forums."""
        weights = [self.rng.lognormvariate(0, 1.0) for _ in range(threads)]
        extra = posts - threads
        total = sum(weights)
        sizes = [1 + math.floor(extra * w / total) for w in weights]
        for i in self.rng.sample(range(threads), posts - sum(sizes)):
            sizes[i] += 1
        return sizes

    def generate(self, threads, posts, topics, user_ids, bodies, days) -> None:
        rng = self.rng
        now = timezone.now()
        sizes = self.thread_sizes(threads, posts)
        # A few people write much more than most: Zipf-like weights over the users.
        author_weights = list(itertools.accumulate(1 / (r + 10) for r in range(len(user_ids))))
        authors_order = rng.sample(user_ids, len(user_ids))
        horizon = days * 86400

        def pick_authors(k):
            return rng.choices(authors_order, cum_weights=author_weights, k=k)

        # Posts carry their author as at posting time (``Post.author_name`` and siblings).
        snapshots = {
            pk: {
                "author_name": name or username,
                "author_workplace": unit or "",
                "author_title": title,
            }
            for pk, name, username, unit, title in User.objects.filter(pk__in=user_ids).values_list(
                "pk", "full_name", "username", "org_unit__name", "title"
            )
        }

        # Insert threads in chunks of about --batch posts, each chunk with its posts in one
        # transaction, so an interrupted run never leaves a thread without posts.
        mean = posts / threads
        chunk = max(1, min(1000, int(self.batch / mean)))
        progress = tqdm(total=posts, unit=" innlegg", disable=self.quiet, smoothing=0.05)
        for offset in range(0, threads, chunk):
            plans = []
            thread_rows = []
            for n in sizes[offset : offset + chunk]:
                start = now - timedelta(seconds=rng.uniform(3600, horizon))
                room_left = (now - start).total_seconds() - 60
                span = min(room_left, n * rng.uniform(600, 7200)) if n > 1 else 0
                offsets = [0.0] + sorted(rng.random() * span for _ in range(n - 1))
                times = [start + timedelta(seconds=s) for s in offsets]
                authors = pick_authors(n)
                kind = Thread.Kind.QUESTION if rng.random() < 0.3 else Thread.Kind.DISCUSSION
                thread_rows.append(
                    Thread(
                        topic=rng.choice(topics),
                        title=self.fill(rng.choice(words.TITLE_TEMPLATES))[:200],
                        kind=kind,
                        author_id=authors[0],
                        created_at=times[0],
                        last_post_at=times[-1],
                        last_post_author_id=authors[-1],
                        post_count=n,
                        is_pinned=rng.random() < 0.005,
                        is_locked=rng.random() < 0.01,
                    )
                )
                plans.append((times, authors))
            with transaction.atomic():
                Thread.objects.bulk_create(thread_rows, batch_size=self.batch)
                buffer = []
                for thread, (times, authors) in zip(thread_rows, plans, strict=True):
                    for position, (at, author_id) in enumerate(
                        zip(times, authors, strict=True), start=1
                    ):
                        source, html = bodies[rng.randrange(len(bodies))]
                        buffer.append(
                            Post(
                                thread_id=thread.pk,
                                author_id=author_id,
                                **snapshots[author_id],
                                position=position,
                                body=source,
                                body_html=html,
                                markup_version=markup.MARKUP_VERSION,
                                created_at=at,
                            )
                        )
                    if len(buffer) >= self.batch:
                        Post.objects.bulk_create(buffer, batch_size=self.batch)
                        progress.update(len(buffer))
                        buffer = []
                if buffer:
                    Post.objects.bulk_create(buffer, batch_size=self.batch)
                    progress.update(len(buffer))
        progress.close()
