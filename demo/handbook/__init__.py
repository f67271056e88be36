"""Demo quality handbook: case-handling routines for a NAV office, written for Fagrom.

Three chapters, twelve pages, each with several published versions (one of them
through the approval workflow), required reading for NAV, one proposal from a
forum clarification, one draft on internal hearing and one page overdue for
review. Idempotent: does nothing once the handbook has chapters.
"""

import datetime
import json

from django.utils import timezone
from wagtail.models import TaskState

from forum.models import Thread, Topic
from forum.services import thread_start
from handbook import services
from handbook.models import ChapterPage, HandbookPage, PageVersion
from handbook.slugs import ascii_slug
from people.models import User

from .builders import h, p
from .chapters import CHAPTERS


def _slug(title: str) -> str:
    """Readable ASCII addresses: «Omgjøring» → «omgjoring»."""
    for nb, ascii_ in (("æ", "ae"), ("ø", "o"), ("å", "a"), ("Æ", "Ae"), ("Ø", "O"), ("Å", "A")):
        title = title.replace(nb, ascii_)
    return ascii_slug(title)


def _apply(body, old, new):
    dumped = json.dumps(body, ensure_ascii=False)
    if old not in dumped:
        raise ValueError(f"demo change does not match: {old!r}")
    return json.loads(dumped.replace(old, new, 1))


def _backdate(page, months_ago_by_version):
    """Spread the versions over the past months so the change log reads like a real one."""
    today = timezone.localdate()
    versions = list(PageVersion.objects.filter(page_id=page.pk).order_by("major", "minor"))
    for version, months in zip(versions, months_ago_by_version, strict=False):
        when = today - datetime.timedelta(days=30 * months)
        PageVersion.objects.filter(pk=version.pk).update(
            published_at=timezone.make_aware(datetime.datetime.combine(when, datetime.time(10))),
            effective_date=when,
        )
    last = versions[-1]
    last_date = today - datetime.timedelta(days=30 * months_ago_by_version[len(versions) - 1])
    type(page).objects.filter(pk=page.pk).update(
        effective_date=last_date,
        next_review_date=last_date + datetime.timedelta(days=365),
        last_published_at=timezone.make_aware(
            datetime.datetime.combine(last_date, datetime.time(10))
        ),
    )
    return last


def _people():
    wanted = ["kari", "ola", "ingrid", "arne", "admin"]
    found = {u.username: u for u in User.objects.filter(username__in=wanted)}
    missing = sorted(set(wanted) - set(found))
    if missing:
        raise RuntimeError(
            f"demo handbook needs the demo people first (missing: {', '.join(missing)})"
        )
    return found


def _publish_through_workflow(page, *, author, approver, body, summary, major=False):
    """Kari edits and submits; the owner approves, as in the Wagtail editor."""
    draft = page.get_latest_revision_as_object()
    draft.body = body
    draft.change_summary = summary
    draft.save_revision(user=author)
    page.refresh_from_db()
    page.get_workflow().start(page, author)
    state = TaskState.objects.filter(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    ).get()
    action = "approve_major" if major else "approve"
    state.task.specific.on_action(state, approver, action, comment="Godkjent. Takk for forslaget!")


def seed(*, stdout=None):
    def say(msg):
        if stdout:
            stdout.write(f"  handbook: {msg}")

    root = services.handbook_setup()
    if ChapterPage.objects.child_of(root).exists():
        say("already seeded")
        return
    people = _people()
    editor = people["ingrid"]
    months = [14, 9, 4]

    for chapter_spec in CHAPTERS:
        owner = people[chapter_spec["owner"]]
        chapter = ChapterPage(
            title=chapter_spec["title"],
            slug=_slug(chapter_spec["title"]),
            document_owner=owner,
            owner_unit=owner.org_unit,
            body=[chapter_spec["intro"]],
            change_summary="Første versjon",
        )
        root.add_child(instance=chapter)
        chapter.save_revision(user=editor)
        services.page_publish(page=chapter, by=editor)
        _backdate(chapter, [5])

        for spec in chapter_spec["pages"]:
            owner = people[spec["owner"]]
            page = HandbookPage(
                title=spec["title"],
                slug=_slug(spec["title"]),
                document_owner=owner,
                owner_unit=owner.org_unit,
                body=spec["body"],
                change_summary="Første versjon",
            )
            chapter.add_child(instance=page)
            if spec.get("required") and people["kari"].org_unit_id:
                page.required_for_units.set([people["kari"].org_unit.get_root()])
                page.save()
            page.save_revision(user=editor)
            services.page_publish(page=page, by=editor)
            body = spec["body"]
            for i, (summary, old, new, major) in enumerate(spec["changes"]):
                body = _apply(body, old, new)
                page.refresh_from_db()
                if i == 0 and spec["owner"] != "kari":
                    _publish_through_workflow(
                        page,
                        author=people["kari"],
                        approver=owner,
                        body=body,
                        summary=summary,
                        major=major,
                    )
                else:
                    draft = page.get_latest_revision_as_object()
                    draft.body = body
                    draft.change_summary = summary
                    draft.save_revision(user=editor)
                    services.page_publish(page=page, by=editor, major=major)
            page.refresh_from_db()
            _backdate(page, months[: 1 + len(spec["changes"])])
    say("3 chapters, 12 pages with versions")

    # Kari confirmed the privacy page in its first major version: the new major asks again.
    privacy = HandbookPage.objects.get(title="Taushetsplikt og personvern")
    first = PageVersion.objects.get(page_id=privacy.pk, major=1, minor=0)
    privacy.refresh_from_db()
    from handbook.models import ReadConfirmation

    ReadConfirmation.objects.get_or_create(
        page_id=privacy.pk, user=people["kari"], major=1, minor=0, defaults={"version": first}
    )

    # One page overdue for review.
    overdue = HandbookPage.objects.get(title="Omgjøring uten klage")
    HandbookPage.objects.filter(pk=overdue.pk).update(
        next_review_date=timezone.localdate() - datetime.timedelta(days=21)
    )
    say(f"«{overdue.title}» is overdue for review")

    # One proposal from a forum clarification.
    topic = Topic.objects.filter(moderators=people["ola"]).order_by("pk").first()
    if topic is not None:
        thread = Thread.objects.filter(topic=topic).order_by("pk").first() or thread_start(
            topic=topic,
            author=people["kari"],
            title="Må forhåndsvarsel sendes når opplysningene kommer fra brukeren selv?",
            body="Vi er usikre på om vi må sende forhåndsvarsel når alle opplysningene kommer fra brukeren selv.",
        )
        from forum.services import post_reply

        answer = post_reply(
            thread=thread,
            author=people["ola"],
            body=(
                "**Presisering:** Forhåndsvarsel kan unnlates når brukeren selv har gitt "
                "opplysningene og vedtaket bygger på dem, jf. forvaltningsloven § 16 tredje ledd "
                "bokstav c. Skriv i vedtaket at varsel er unnlatt og hvorfor."
            ),
        )
        target = HandbookPage.objects.get(title="Utredning og kontradiksjon")
        services.proposal_create(
            post=answer,
            page=target,
            by=people["ola"],
            note="Presiseringen gjelder alle saker, og bør stå i rutinen.",
        )
        say(f"proposal from «{thread.title}»")
    else:
        say("no topic moderated by ola yet: no forum proposal")

    # One draft on internal hearing.
    hearing_page = HandbookPage.objects.get(title="Saksbehandlingstid og foreløpig svar")
    draft = hearing_page.get_latest_revision_as_object()
    draft.body = [
        *draft.body.raw_data,
        h("Lange saksbehandlingstider"),
        p(
            "Når forventet saksbehandlingstid for en sakstype er over tre måneder, publiserer "
            "enheten tiden på nav.no og oppdaterer den hver måned."
        ),
    ]
    draft.change_summary = "Forslag: publisering av saksbehandlingstider"
    draft.save_revision(user=editor)
    hearing_page.refresh_from_db()
    units = [people["kari"].org_unit] if people["kari"].org_unit_id else []
    hearing = services.hearing_open(
        page=hearing_page,
        by=editor,
        title="Høring: publisering av saksbehandlingstider",
        description="Vi foreslår at lange saksbehandlingstider publiseres. Gi innspill per avsnitt.",
        units=units,
        deadline=timezone.localdate() + datetime.timedelta(days=14),
    )
    section = hearing.revision.as_object().sections()[-1]
    comment = services.hearing_comment_add(
        hearing=hearing,
        by=people["kari"],
        section_id=section["id"],
        body="Hvem i enheten har ansvar for å oppdatere tiden hver måned?",
    )
    services.hearing_comment_respond(
        comment=comment, by=editor, response="Godt spørsmål: vi legger inn at leder har ansvaret."
    )
    say(f"«{hearing_page.title}» is on hearing")
