# ruff: noqa  (the peer-bench script as published in ../shared/bench/peer-bench.md, run in Spirit's shell)
"""Populate Spirit with synthetic data via its own models (bulk_create).
Run: cd $WORK/spiritsite && DJANGO_SETTINGS_MODULE=forumsite.settings.bench ../venv/bin/python manage.py shell < ../scripts/populate.py
"""

import random, time
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction, connection
from django.utils import timezone
from django.utils.text import slugify
from spirit.category.models import Category
from spirit.topic.models import Topic
from spirit.comment.models import Comment
from spirit.user.models import UserProfile
from spirit.core.utils.markdown import Markdown
from spirit.admin.forms import BasicConfigForm

N_USERS, N_TOPICS, PER_TOPIC = 200, 2000, 50
rnd = random.Random(42)
User = get_user_model()
t0 = time.time()

WORDS = (
    "forum thread reply django python postgres archive record retention "
    "series file case document index search query page user moderator "
    "category topic comment answer question thanks review policy metadata "
    "export import schema version release install config server client"
).split()


def para(n):
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."


# 40 comment body variants, rendered once through Spirit's own Markdown renderer
VARIANTS = []
for i in range(40):
    md = para(rnd.randint(25, 60)) + "\n\n" + para(rnd.randint(15, 45))
    if i % 4 == 0:
        md += "\n\n* " + para(6) + "\n* " + para(8)
    if i % 5 == 0:
        md += "\n\n**" + para(5) + "** and `" + rnd.choice(WORDS) + "()`"
    VARIANTS.append((md, Markdown().render(md)))

with transaction.atomic():
    pw = make_password("benchpass")
    users = [
        User(
            username="user%04d" % i,
            email="user%04d@example.invalid" % i,
            password=pw,
            is_active=True,
        )
        for i in range(N_USERS)
    ]
    User.objects.bulk_create(users, batch_size=1000)
    users = list(User.objects.filter(username__startswith="user").order_by("pk"))
    UserProfile.objects.bulk_create(
        [
            UserProfile(
                user=u,
                nickname=u.username,
                slug=u.username,
                is_verified=True,
                last_seen=timezone.now(),
            )
            for u in users
        ],
        batch_size=1000,
    )

    cat = Category.objects.create(
        title="General", slug="general", description="Synthetic benchmark category"
    )

    now = timezone.now()
    start = now - timedelta(days=365)
    topics = []
    for i in range(N_TOPICS):
        title = "Topic %d about %s %s %s" % (
            i,
            rnd.choice(WORDS),
            rnd.choice(WORDS),
            rnd.choice(WORDS),
        )
        d = start + timedelta(minutes=i * 240)
        topics.append(
            Topic(
                user=rnd.choice(users),
                category=cat,
                title=title,
                slug=slugify(title),
                date=d,
                last_active=d + timedelta(minutes=PER_TOPIC * 3),
                reindex_at=d,
                comment_count=PER_TOPIC,
                view_count=rnd.randint(0, 5000),
            )
        )
    Topic.objects.bulk_create(topics, batch_size=2000)
    topics = list(Topic.objects.filter(category=cat).order_by("pk"))

    ucount = {u.pk: 0 for u in users}
    tcount = {u.pk: 0 for u in users}
    batch = []
    total = 0
    for t in topics:
        tcount[t.user_id] += 1
        for j in range(PER_TOPIC):
            u = t.user if j == 0 else rnd.choice(users)
            md, html = VARIANTS[rnd.randrange(len(VARIANTS))]
            batch.append(
                Comment(
                    user=u,
                    topic=t,
                    comment=md,
                    comment_html=html,
                    date=t.date + timedelta(minutes=j * 3),
                    ip_address="127.0.0.%d" % (1 + u.pk % 250),
                )
            )
            ucount[u.pk] += 1
        if len(batch) >= 10000:
            Comment.objects.bulk_create(batch, batch_size=5000)
            total += len(batch)
            batch = []
    if batch:
        Comment.objects.bulk_create(batch, batch_size=5000)
        total += len(batch)

    profs = list(UserProfile.objects.filter(user__in=users))
    for p in profs:
        p.comment_count = ucount[p.user_id]
        p.topic_count = tcount[p.user_id]
    UserProfile.objects.bulk_update(profs, ["comment_count", "topic_count"], batch_size=1000)

# ~50 posts on topic page 1 (Spirit default is 20); topics_per_page left at default 20
form = BasicConfigForm(
    data={
        "site_name": "Spirit",
        "site_description": "",
        "template_footer": "",
        "comments_per_page": 50,
        "topics_per_page": 20,
    }
)
assert form.is_valid(), form.errors
form.save()

with connection.cursor() as c:
    c.execute("ANALYZE")
print(
    "users",
    User.objects.count(),
    "profiles",
    UserProfile.objects.count(),
    "categories(all)",
    Category.objects.count(),
    "topics",
    Topic.objects.count(),
    "comments",
    Comment.objects.count(),
    "inserted",
    total,
    "secs %.1f" % (time.time() - t0),
)
