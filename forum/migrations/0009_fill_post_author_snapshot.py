"""Give posts written before the author snapshot the best identity there is.

Where the identity log (people.IdentityLogEntry) shows a change of name or workplace
after the post was written, the value before that change is used (``history``);
otherwise today's value (``current``), marked as such so nobody takes it for the
value at posting time.
"""

from django.db import migrations
from django.db.models import Case, CharField, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce


def _label_name(label: str) -> str:
    # Unit changes are logged as "NAV Sandnes (NAV-SANDNES)".
    return label.rsplit(" (", 1)[0] if label.endswith(")") else label


def fill(apps, schema_editor):
    Post = apps.get_model("forum", "Post")
    PostRevision = apps.get_model("forum", "PostRevision")
    User = apps.get_model("people", "User")
    LogEntry = apps.get_model("people", "IdentityLogEntry")

    def name_of(ref):
        return Subquery(
            User.objects.filter(pk=OuterRef(ref))
            .annotate(
                shown=Case(
                    When(full_name="", then=F("username")),
                    default=F("full_name"),
                    output_field=CharField(),
                )
            )
            .values("shown")[:1]
        )

    def workplace_of(ref):
        # A person without a workplace has none to record ("" rather than NULL).
        unit = User.objects.filter(pk=OuterRef(ref)).values("org_unit__name")[:1]
        return Coalesce(Subquery(unit), Value(""))

    def title_of(ref):
        return Subquery(User.objects.filter(pk=OuterRef(ref)).values("title")[:1])

    Post.objects.filter(author_name="").update(
        author_name=name_of("author_id"),
        author_workplace=workplace_of("author_id"),
        author_title=title_of("author_id"),
        author_recorded=Value("current"),
    )
    PostRevision.objects.filter(author_name="").update(
        author_name=name_of("edited_by_id"),
        author_workplace=workplace_of("edited_by_id"),
        author_title=title_of("edited_by_id"),
    )

    # People whose name or workplace changed: the value before the first change after each post.
    changes = (
        LogEntry.objects.filter(action="changed", field__in=("full_name", "org_unit"))
        .order_by("person_id", "at", "pk")
        .values_list("person_id", "field", "at", "old_value")
    )
    history: dict[int, list] = {}
    for person_id, field, at, old in changes:
        history.setdefault(person_id, []).append((field, at, old))
    for person_id, entries in history.items():
        posts = Post.objects.filter(author_id=person_id, author_recorded="current")
        for post in posts.only("pk", "created_at", "author_name", "author_workplace"):
            later = [e for e in entries if e[1] > post.created_at]
            first = {}
            for field, _at, old in later:
                first.setdefault(field, old)
            if not first:
                continue
            if "full_name" in first:
                post.author_name = first["full_name"]
            if "org_unit" in first:
                post.author_workplace = _label_name(first["org_unit"])
            post.author_recorded = "history"
            post.save(update_fields=["author_name", "author_workplace", "author_recorded"])


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0008_post_author_snapshot"),
        ("people", "0004_identitycorrection_identitylogentry"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
