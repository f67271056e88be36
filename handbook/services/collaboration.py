"""Change proposals from the forum, and internal hearings on drafts."""

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.log_actions import log

import access
from forum.markup import sanitize
from forum.models import Post

from ..models import ChangeProposal, ControlledPage, DocumentStatus, Hearing, HearingComment
from .publishing import ProposalError


@transaction.atomic
def proposal_create(*, post, page: ControlledPage, by, note: str) -> ChangeProposal:
    """A moderator turns a forum post into a draft of ``page`` for its owner to work on.

    The post's text and a link back to the thread are added at the end of the
    page's latest draft, as a note the owner rewrites into the page. If a change
    is already in review, the draft is left alone (approving it must not publish
    the proposal unseen) and the proposal is recorded for the owner without one.

    Idempotent: while a proposal of this post on this page is pending, submitting again
    (a double click, a second moderator) returns that one with ``created`` False, and the
    draft gets no second notice.
    """
    access.check_propose_from_post(by, post)
    if post.is_hidden:  # removed is removed: its text must not travel into the handbook
        raise ProposalError(gettext("Et fjernet innlegg kan ikke bli et endringsforslag."))
    if not isinstance(page, ControlledPage) or not access.can_read_handbook_page(by, page):
        raise ProposalError(gettext("Velg en side i håndboken."))
    # Two submits at once wait here for each other, so the second one finds the first.
    Post.objects.select_for_update().filter(pk=post.pk).first()
    existing = (
        ChangeProposal.objects.filter(
            page_id=page.pk, post_id=post.pk, status=ChangeProposal.Status.PENDING
        )
        .order_by("created_at", "id")
        .first()
    )
    if existing is not None:
        existing.created = False
        return existing
    thread = post.thread
    revision = None
    if not page.workflow_in_progress:
        draft = page.get_latest_revision_as_object()
        quoted = sanitize(post.body_html)
        link = (
            f'<p>Fra forumet: <a href="{escape(thread.get_absolute_url())}">{escape(thread.title)}</a>, '
            f"innlegg #{post.position} av {escape(post.author.get_full_name())}.</p>"
        )
        raw = list(draft.body.raw_data)
        raw.append(
            {
                "type": "notice",
                "id": str(uuid.uuid4()),
                "value": {
                    "kind": "note",
                    "title": f"Endringsforslag: {thread.title}"[:250],
                    "text": quoted + link + f"<p>{escape(note)}</p>",
                },
            }
        )
        draft.body = raw
        draft.change_summary = f"Presisering fra forumet: {thread.title}"[:500]
        revision = draft.save_revision(user=by, log_action=True)
    proposal = ChangeProposal.objects.create(
        page_id=page.pk, thread=thread, post=post, revision=revision, note=note, created_by=by
    )
    log(
        instance=page,
        action="handbook.proposal",
        user=by,
        revision=revision,
        data={"thread": thread.pk, "post": post.pk, "proposal": proposal.pk},
    )
    proposal.created = True
    return proposal


@transaction.atomic
def proposal_decline(*, proposal: ChangeProposal, by, note: str) -> ChangeProposal:
    if not access.can_decide_proposal(by, proposal):
        raise access.AccessDenied(
            gettext("Bare dokumenteier eller en håndbokredaktør kan avslå forslag.")
        )
    if proposal.status != ChangeProposal.Status.PENDING:
        raise ProposalError(gettext("Forslaget er allerede behandlet."))
    proposal.status = ChangeProposal.Status.DECLINED
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.decision_note = note
    proposal.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    log(
        instance=proposal.page.specific,
        action="handbook.proposal.decline",
        user=by,
        data={"proposal": proposal.pk, "note": note},
    )
    return proposal


@transaction.atomic
def hearing_open(
    *, page: ControlledPage, by, title: str, description: str, units, deadline
) -> Hearing:
    """Put the page's latest draft on hearing for ``units`` until ``deadline``."""
    if not access.can_open_hearing(by, page):
        raise access.AccessDenied(
            gettext("Bare dokumenteier eller en håndbokredaktør kan sende på høring.")
        )
    revision = page.get_latest_revision()
    if revision is None:
        raise ProposalError(gettext("Siden har ingen versjon å sende på høring."))
    hearing = Hearing.objects.create(
        page_id=page.pk,
        revision=revision,
        title=title,
        description=description,
        deadline=deadline,
        created_by=by,
    )
    hearing.units.set(units)
    if page.live and page.document_status == DocumentStatus.CURRENT:
        type(page).objects.filter(pk=page.pk).update(document_status=DocumentStatus.UNDER_REVISION)
        page.document_status = DocumentStatus.UNDER_REVISION
    log(
        instance=page,
        action="handbook.hearing",
        user=by,
        data={"hearing": hearing.pk, "deadline": deadline.isoformat()},
    )
    return hearing


def hearing_comment_add(*, hearing: Hearing, by, section_id: str, body: str) -> HearingComment:
    if not access.can_comment_on_hearing(by, hearing):
        raise access.AccessDenied(gettext("Du er ikke med i denne høringen, eller fristen er ute."))
    sections = {s["id"]: s["title"] for s in hearing.revision.as_object().sections()}
    if section_id not in sections:
        raise ProposalError(gettext("Velg et avsnitt i utkastet."))
    return HearingComment.objects.create(
        hearing=hearing,
        section_id=section_id,
        section_title=sections[section_id],
        author=by,
        body=body.strip(),
    )


def hearing_comment_respond(*, comment: HearingComment, by, response: str) -> HearingComment:
    if not access.can_respond_to_hearing(by, comment.hearing):
        raise access.AccessDenied(gettext("Bare redaktøren og dokumenteieren svarer på innspill."))
    comment.response = response.strip()
    comment.responded_by = by
    comment.responded_at = timezone.now()
    comment.save(update_fields=["response", "responded_by", "responded_at"])
    return comment
