"""Search benchmark: p50/p95 latency of a full search (hits, snippets, total, facets) and
of suggestions, for a person who sees many rooms and one who sees few.

Usage, on ``seed_bulk`` data (the main figures; see bench/README.md):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/fagrom_bench   # or sqlite:///…
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py seed_demo
    .venv/bin/python manage.py seed_bulk --threads 10000 --posts 1000000
    .venv/bin/python manage.py search_reindex
    .venv/bin/python bench/search_bench.py --repeat 20

``seed_bulk`` makes the two people measured: ``bench_many`` (member of every closed
room) and ``bench_few`` (the open rooms and one closed room). On a database without
them the script generates its own forum first (``--posts``, ``--rooms``, …: one open
room holding ``--open-share`` of the threads, the rest closed, Norwegian text with
Zipf-like word frequencies); ``many`` then sees every room and ``few`` the open room
and two closed ones. The index is built only when it is empty (or with
``--reindex``). Each measured search starts with fresh grants, as a request does.
Prints a Markdown table for bench/RESULTS.md.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    ("frequent word", "vedtak"),
    ("frequent word", "dagpenger"),
    ("two words", "sykepenger arbeidsgiver"),
    ("phrase", '"klage på vedtaket"'),
    ("inflected", "sykepengene"),
    ("compound", "permitteringsperioden"),
    ("compound part", "håndbok"),
    ("reference", "ftrl. § 8-2"),
    ("reference", "folketrygdloven 8-2"),
    ("nynorsk", "sjukepengar"),
    ("rare word", "yrkesskade"),
    ("misspelt", "dagpeneger"),
]
SUGGEST = ["syk", "dagp", "perm"]

COMMON = (
    "vedtak sak bruker søknad saksbehandler kontor arbeid dokumentasjon frist vurdering "
    "krav rutine skjema melding oppfølging utbetaling grunnlag periode beregning tiltak"
).split()
MIDDLE = (
    "sykepenger dagpenger arbeidsgiver permittering inntekt lege sykmelding attføring "
    "klage avslag gradering ferie reise pensjon barnetrygd foreldrepenger stønad ytelse"
).split()
RARE = "yrkesskade tilbakebetaling utenlandsopphold menerstatning".split()
COMPOUNDS = (
    "personalhåndboka dagpengesøknad sykepengegrunnlaget permitteringsperioden "
    "arbeidsgiverperioden saksbehandlingstid kvalitetshåndboken"
).split()
FILLER = "og i på for med som det er at til av ikke har kan om skal når etter".split()
REFERENCES = ["ftrl. § 8-2", "ftrl. § 4-7", "fvl. § 11", "ftrl. § 8-20", "offl. § 13"]


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fagrom.settings")
    import django

    django.setup()


def sentence(rng):
    words = []
    for _ in range(rng.randint(8, 18)):
        r = rng.random()
        if r < 0.45:
            words.append(rng.choice(FILLER))
        elif r < 0.80:
            words.append(COMMON[min(int(rng.paretovariate(1.2)) - 1, len(COMMON) - 1)])
        elif r < 0.96:
            words.append(rng.choice(MIDDLE))
        elif r < 0.998:
            words.append(rng.choice(COMPOUNDS))
        else:
            words.append(rng.choice(RARE))
    if rng.random() < 0.03:
        words.insert(rng.randint(0, len(words)), rng.choice(REFERENCES))
    return " ".join(words).capitalize() + "."


def generate(*, posts, per_thread, rooms, open_share, seed, out):
    from django.db import transaction
    from django.utils import timezone
    from guardian.shortcuts import assign_perm

    from forum.models import Post, Room, Thread, Topic
    from people.models import OrgUnit, User
    from people.services import person_create, unit_create

    rng = random.Random(seed)
    with transaction.atomic():
        agency = unit_create(
            parent=None, name="Benchetaten", code="BENCH", kind=OrgUnit.Kind.AGENCY
        )
        units = [
            unit_create(parent=agency, name=f"Kontor {i}", code=f"BENCH-{i}", kind="department")
            for i in range(10)
        ]
        authors = [
            person_create(username=f"bench{i}", full_name=f"Bench Person {i}", unit=units[i % 10])
            for i in range(50)
        ]
        many = person_create(username="bench_many", full_name="Mange Rom", unit=units[0])
        few = person_create(username="bench_few", full_name="Få Rom", unit=units[1])
        room_objs = [Room.objects.create(name="Åpent forum", slug="bench-open", kind="open")]
        room_objs += [
            Room.objects.create(name=f"Lukket rom {i}", slug=f"bench-closed-{i}", kind="closed")
            for i in range(1, rooms)
        ]
        topics = [
            Topic.objects.create(room=room, name=f"Tema {room.pk}-{j}", slug=f"tema-{j}")
            for room in room_objs
            for j in range(3)
        ]
        for room in room_objs[1:]:
            assign_perm("view_room", many, room)
        for room in room_objs[1:3]:
            assign_perm("view_room", few, room)
    open_topics = [t for t in topics if t.room_id == room_objs[0].pk]
    closed_topics = [t for t in topics if t.room_id != room_objs[0].pk]
    n_threads = posts // per_thread
    now = timezone.now()
    made = 0
    batch_threads = 1000
    for start in range(0, n_threads, batch_threads):
        with transaction.atomic():
            threads = []
            for _ in range(start, min(start + batch_threads, n_threads)):
                topic = rng.choice(open_topics if rng.random() < open_share else closed_topics)
                at = now - timezone.timedelta(days=rng.randint(0, 5 * 365))
                author = rng.choice(authors)
                threads.append(
                    Thread(
                        topic=topic,
                        title=" ".join(sentence(rng).split()[: rng.randint(3, 7)]).rstrip("."),
                        author=author,
                        created_at=at,
                        last_post_at=at,
                        last_post_author=author,
                        post_count=per_thread,
                    )
                )
            threads = Thread.objects.bulk_create(threads)
            post_rows = []
            for thread in threads:
                for position in range(1, per_thread + 1):
                    body = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
                    post_rows.append(
                        Post(
                            thread=thread,
                            author=rng.choice(authors),
                            position=position,
                            body=body,
                            body_html=f"<p>{body}</p>",
                            markup_version=1,
                            created_at=thread.created_at,
                        )
                    )
            Post.objects.bulk_create(post_rows, batch_size=5000)
            made += len(post_rows)
        out.write(f"\r  generated {made} posts")
        out.flush()
    out.write("\n")
    return User.objects.get(username="bench_many"), User.objects.get(username="bench_few")


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def measure(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--posts-per-thread", type=int, default=10)
    parser.add_argument("--rooms", type=int, default=200)
    parser.add_argument("--open-share", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reindex", action="store_true", help="Rebuild the index even if built.")
    args = parser.parse_args()
    setup()

    from django.core.management import call_command
    from django.db import connection

    import access
    from forum.models import Post
    from people.models import User
    from search.backends import database_backend
    from search.documents import SearchQuery
    from search.models import IndexedDocument
    from search.services import index_rebuild, search_run, search_suggest

    out = sys.stdout
    call_command("migrate", verbosity=0)
    backend = database_backend()
    if not User.objects.filter(username="bench_many").exists():
        started = time.monotonic()
        generate(
            posts=args.posts,
            per_thread=args.posts_per_thread,
            rooms=args.rooms,
            open_share=args.open_share,
            seed=args.seed,
            out=out,
        )
        out.write(f"  data generated in {time.monotonic() - started:.0f} s\n")
    many = User.objects.get(username="bench_many")
    few = User.objects.get(username="bench_few")
    posts = Post.objects.count()
    if args.reindex or not IndexedDocument.objects.exists():
        started = time.monotonic()
        written = index_rebuild(backend=backend)
        out.write(f"  indexed {written} threads in {time.monotonic() - started:.0f} s\n")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    docs = IndexedDocument.objects.count()

    rows = []
    for who, user in (("many rooms", many), ("few rooms", few)):
        rooms = len(access.grants(user).visible_room_ids)
        all_times = []
        for label, q in QUERIES:

            def run(user=user, q=q):
                access.forget(user)
                return search_run(user=user, query=SearchQuery(q), backend=backend)

            run()  # warm: connection, dictionary load, caches
            times, result = measure(run, args.repeat)
            all_times += times
            rows.append(
                (
                    who,
                    rooms,
                    f"{label}: `{q}`",
                    result.total,
                    percentile(times, 50),
                    percentile(times, 95),
                )
            )
            # Progress on stderr: on a loaded machine a run can take half an hour.
            sys.stderr.write(f"  {who} {q!r}: {rows[-1][3]} hits, p50 {rows[-1][4]:.0f} ms\n")
        rows.append(
            (
                who,
                rooms,
                "**all searches**",
                "",
                percentile(all_times, 50),
                percentile(all_times, 95),
            )
        )
        sugg = []
        for prefix in SUGGEST:

            def run_suggest(user=user, prefix=prefix):
                access.forget(user)
                return search_suggest(user=user, prefix=prefix, backend=backend)

            run_suggest()
            times, _ = measure(run_suggest, args.repeat)
            sugg += times
        rows.append(
            (
                who,
                rooms,
                "suggestions (`syk`, `dagp`, `perm`)",
                "",
                percentile(sugg, 50),
                percentile(sugg, 95),
            )
        )

    from forum.models import Room

    out.write(
        f"\n{connection.vendor}, {posts} posts, {docs} documents, "
        f"{Room.objects.count()} rooms, {args.repeat} runs per query\n\n"
    )
    out.write(
        "| person | rooms seen | query | hits | p50 ms | p95 ms |\n|---|---|---|---|---|---|\n"
    )
    for who, rooms, label, total, p50, p95 in rows:
        out.write(f"| {who} | {rooms} | {label} | {total} | {p50:.1f} | {p95:.1f} |\n")


if __name__ == "__main__":
    main()
