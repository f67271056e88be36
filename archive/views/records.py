"""Records officers' pages: the nomination queue, journaling, cases, entries, documents, holds."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import access
from forum.models import Thread
from forum.views.common import paginate

from .. import rendering, services
from ..forms import (
    CaseReopenForm,
    CaseRetentionForm,
    CaseTypeChoiceForm,
    HoldForm,
    JournalForm,
    NominationForm,
    RejectForm,
)
from ..models import (
    ArchivalDocument,
    Case,
    DisposalList,
    JournalEntry,
    LegalHold,
    Nomination,
)
from ..services import ArchiveError
from .actions import on_button, on_form

PER_PAGE = 50


# Nominating (authors, moderators, records officers) -------------------------------------


@login_required
def nominate(request, thread_id):
    thread = get_object_or_404(
        access.threads_visible_to(request.user).select_related("topic__room"), pk=thread_id
    )
    access.check_nominate(request.user, thread)
    form = NominationForm(request.POST or None)
    if on_form(
        request,
        form,
        partial(services.nomination_create, thread=thread, by=request.user),
        done=_("Tråden er foreslått for journalføring."),
    ):
        return redirect(thread)
    return render(
        request,
        "archive/nominate.html",
        {"thread": thread, "topic": thread.topic, "room": thread.topic.room, "form": form},
        status=400 if form.errors else 200,
    )


# The records officers' queue and journaling --------------------------------------------


@login_required
def queue(request):
    access.check_keep_records(request.user)
    nominations = services.nominations_pending_for(request.user)
    page_obj, page_range = paginate(request, nominations, PER_PAGE)
    return render(
        request,
        "archive/queue.html",
        {
            "page_obj": page_obj,
            "page_range": page_range,
            "open_cases": services.open_cases()[:20],
            "proposed_lists": DisposalList.objects.filter(status=DisposalList.Status.PROPOSED),
        },
    )


def _pending_nomination_or_404(nomination_id):
    return get_object_or_404(
        Nomination.objects.select_related("thread__topic__room", "thread__author__org_unit"),
        pk=nomination_id,
        status=Nomination.Status.PENDING,
    )


@login_required
def journal(request, nomination_id):
    access.check_keep_records(request.user)
    nomination = _pending_nomination_or_404(nomination_id)
    thread = nomination.thread
    initial = {
        "title": thread.title,
        "new_case_title": thread.title,
        "document_date": thread.last_post_at.date(),
        "type": JournalEntry.Type.INTERNAL,
        "responsible_unit": request.user.org_unit_id,
    }
    # "Finn sak": the open cases by number or title words (GET ?sak=2026/12 or ?sak=dagpenger).
    case_query = request.GET.get("sak", "").strip()[:100]
    cases = services.open_cases_matching(case_query)
    if case_query and request.method != "POST":
        found = list(cases[:2])
        if len(found) == 1:
            initial["case"] = found[0].pk
    form = JournalForm(request.POST or None, initial=initial, cases=cases)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        details = services.EntryDetails(
            title=data["title"],
            public_title=data["public_title"],
            document_date=data["document_date"],
            type=data["type"],
            responsible_unit=data["responsible_unit"],
            screening_basis=data["screening_basis"],
            screen_title=data["screen_title"],
            screen_names=data["screen_names"],
        )
        new_case = None
        if not data["case"]:
            new_case = services.NewCase(
                title=data["new_case_title"],
                public_title=data["new_case_public_title"],
                archive_class=data["archive_class"],
                case_type=data.get("case_type"),
            )
        try:
            entry = services.thread_journal(
                nomination=nomination,
                by=request.user,
                details=details,
                case=data["case"],
                new_case=new_case,
                include_removed=data["include_removed"],
            )
        except ArchiveError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("Journalført som %(id)s i sak %(case)s.")
                % {"id": entry.registry_id, "case": entry.case.number},
            )
            return redirect("archive:entry", entry_id=entry.pk)
    return render(
        request,
        "archive/journal.html",
        {
            "nomination": nomination,
            "thread": thread,
            "form": form,
            "reject_form": RejectForm(),
            "case_query": case_query,
            "cases_found": cases.count() if case_query else None,
            # The records officer reviews what will be frozen, from any room.
            "thread_html": rendering.thread_html(thread),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def reject(request, nomination_id):
    access.check_keep_records(request.user)
    nomination = _pending_nomination_or_404(nomination_id)
    if on_button(
        request,
        partial(services.nomination_reject, nomination=nomination, by=request.user),
        form=RejectForm(request.POST),
        done=_("Forslaget er avvist."),
    ):
        return redirect("archive:queue")
    return redirect("archive:journal", nomination_id=nomination.pk)


# Cases, entries and documents (records officers) -----------------------------------------


@login_required
def case_list(request):
    access.check_keep_records(request.user)
    cases = Case.objects.select_related("archive_class", "case_type").order_by(
        "-year", "-sequence_number"
    )
    page_obj, page_range = paginate(request, cases, PER_PAGE)
    return render(
        request, "archive/case_list.html", {"page_obj": page_obj, "page_range": page_range}
    )


@login_required
def case_detail(request, case_id):
    access.check_keep_records(request.user)
    case = get_object_or_404(Case.objects.select_related("archive_class", "case_type"), pk=case_id)
    entries = case.entries.order_by("document_number")
    retention = case.retention
    return render(
        request,
        "archive/case_detail.html",
        {
            "case": case,
            "entries": entries,
            "retention": retention,
            "reopen_form": CaseReopenForm(),
            "case_type_form": CaseTypeChoiceForm(initial={"case_type": case.case_type_id}),
            "retention_form": CaseRetentionForm(
                initial={
                    "decision": case.disposal_decision,
                    "years": case.retention_years,
                    "basis": case.disposal_basis,
                }
            ),
        },
    )


def _case_button(request, case_id, service, done, form=None):
    """A button on the case page: ``service`` for this case (``on_button``), then the case
    page again. ``done`` may name the case's ``%(number)s``."""
    access.check_keep_records(request.user)
    case = get_object_or_404(Case, pk=case_id)
    act = partial(service, case=case, by=request.user)
    on_button(request, act, form=form, done=done % {"number": case.number})
    return redirect("archive:case", case_id=case.pk)


@login_required
@require_POST
def case_reopen(request, case_id):
    done = _("Sak %(number)s er gjenåpnet.")
    return _case_button(request, case_id, services.case_reopen, done, CaseReopenForm(request.POST))


@login_required
@require_POST
def case_retention(request, case_id):
    done = _("Bevaringstiden for saken er lagret.")
    form = CaseRetentionForm(request.POST)
    return _case_button(request, case_id, services.case_retention_set, done, form)


@login_required
@require_POST
def case_close(request, case_id):
    done = _("Sak %(number)s er avsluttet.")
    return _case_button(request, case_id, services.case_close, done)


@login_required
def entry_detail(request, entry_id):
    access.check_keep_records(request.user)
    entry = get_object_or_404(
        JournalEntry.objects.select_related("case", "thread__topic"), pk=entry_id
    )
    return render(
        request,
        "archive/entry_detail.html",
        {"entry": entry, "case": entry.case, "documents": entry.documents.all()},
    )


@login_required
def document_download(request, document_id):
    access.check_keep_records(request.user)
    document = get_object_or_404(
        ArchivalDocument.objects.select_related("entry__case"), pk=document_id
    )
    try:
        handle = services.document_open(document=document, by=request.user)
    except ArchiveError as exc:
        # Refused, never served: a changed file is not the record. The audit entry is written.
        messages.error(request, exc.message)
        return redirect("archive:entry", entry_id=document.entry_id)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"{document.entry.registry_id.replace('/', '-')}.pdf",
        content_type="application/pdf",
    )


# Legal hold -------------------------------------------------------------------------------


@login_required
@require_POST
def hold_place(request, thread_id):
    access.check_keep_records(request.user)
    thread = get_object_or_404(Thread, pk=thread_id)
    on_button(
        request,
        partial(services.legal_hold_place, thread=thread, by=request.user),
        form=HoldForm(request.POST),
        done=_("Tråden har fått bevaringspålegg og blir ikke kassert."),
    )
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect(thread)


@login_required
@require_POST
def hold_lift(request, hold_id):
    access.check_keep_records(request.user)
    hold = get_object_or_404(LegalHold, pk=hold_id)
    on_button(
        request,
        partial(services.legal_hold_lift, hold=hold, by=request.user),
        done=_("Bevaringspålegget er opphevet."),
    )
    return redirect("archive:rules")
