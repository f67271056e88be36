"""Archive pages. Each view: load → check through ``access`` → service → render."""

from __future__ import annotations

import tempfile
from datetime import date

from django.conf import settings
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

from . import rendering, services
from .forms import (
    HoldForm,
    JournalForm,
    NominationForm,
    NominationRuleForm,
    RejectForm,
    RetentionRuleForm,
)
from .models import (
    ArchivalDocument,
    ArchiveEvent,
    Case,
    DisposalList,
    JournalEntry,
    LegalHold,
    Nomination,
    NominationRule,
    RetentionRule,
)
from .noark.export import Extract
from .services import ArchiveError

PER_PAGE = 50


# Nominating (authors, moderators, records officers) -------------------------------------


@login_required
def nominate(request, thread_id):
    thread = get_object_or_404(
        access.threads_visible_to(request.user).select_related("topic__room"), pk=thread_id
    )
    access.check_nominate(request.user, thread)
    form = NominationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.nomination_create(
                thread=thread, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ArchiveError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Tråden er foreslått for journalføring."))
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
    form = JournalForm(request.POST or None, initial=initial)
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
            )
        try:
            entry = services.thread_journal(
                nomination=nomination,
                by=request.user,
                details=details,
                case=data["case"],
                new_case=new_case,
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
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.nomination_reject(
                nomination=nomination, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ArchiveError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Forslaget er avvist."))
            return redirect("archive:queue")
    else:
        messages.error(request, _("Skriv hvorfor forslaget avvises."))
    return redirect("archive:journal", nomination_id=nomination.pk)


# Cases, entries and documents (records officers) -----------------------------------------


@login_required
def case_list(request):
    access.check_keep_records(request.user)
    cases = Case.objects.select_related("archive_class").order_by("-year", "-sequence_number")
    page_obj, page_range = paginate(request, cases, PER_PAGE)
    return render(
        request, "archive/case_list.html", {"page_obj": page_obj, "page_range": page_range}
    )


@login_required
def case_detail(request, case_id):
    access.check_keep_records(request.user)
    case = get_object_or_404(Case.objects.select_related("archive_class"), pk=case_id)
    entries = case.entries.order_by("document_number")
    return render(request, "archive/case_detail.html", {"case": case, "entries": entries})


@login_required
@require_POST
def case_close(request, case_id):
    access.check_keep_records(request.user)
    case = get_object_or_404(Case, pk=case_id)
    try:
        services.case_close(case=case, by=request.user)
    except ArchiveError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Sak %(number)s er avsluttet.") % {"number": case.number})
    return redirect("archive:case", case_id=case.pk)


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
    handle = services.document_open(document=document, by=request.user)
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
    form = HoldForm(request.POST)
    if form.is_valid():
        try:
            services.legal_hold_place(
                thread=thread, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ArchiveError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Tråden har fått bevaringspålegg og blir ikke kassert."))
    else:
        messages.error(request, _("Skriv hvorfor tråden skal bevares."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect(thread)


@login_required
@require_POST
def hold_lift(request, hold_id):
    access.check_keep_records(request.user)
    hold = get_object_or_404(LegalHold, pk=hold_id)
    try:
        services.legal_hold_lift(hold=hold, by=request.user)
    except ArchiveError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Bevaringspålegget er opphevet."))
    return redirect("archive:rules")


# Rules and disposal ------------------------------------------------------------------------


@login_required
def rules(request):
    access.check_keep_records(request.user)
    nomination_form = NominationRuleForm(prefix="n")
    retention_form = RetentionRuleForm(prefix="r")
    if request.method == "POST":
        try:
            if "n-what" in request.POST:
                nomination_form = NominationRuleForm(request.POST, prefix="n")
                if nomination_form.is_valid():
                    d = nomination_form.cleaned_data
                    services.nomination_rule_create(
                        by=request.user, what=d["what"], room=d["room"], topic=d["topic"]
                    )
                    messages.success(request, _("Regelen er lagret."))
                    return redirect("archive:rules")
            else:
                retention_form = RetentionRuleForm(request.POST, prefix="r")
                if retention_form.is_valid():
                    d = retention_form.cleaned_data
                    services.retention_rule_create(
                        by=request.user,
                        inactive_years=d["inactive_years"],
                        room=d["room"],
                        topic=d["topic"],
                        basis=d["basis"],
                    )
                    messages.success(request, _("Regelen er lagret."))
                    return redirect("archive:rules")
        except ArchiveError as exc:
            messages.error(request, exc.message)
    return render(
        request,
        "archive/rules.html",
        {
            "nomination_rules": NominationRule.objects.filter(is_active=True).select_related(
                "room", "topic__room"
            ),
            "retention_rules": RetentionRule.objects.filter(is_active=True).select_related(
                "room", "topic__room"
            ),
            "holds": LegalHold.objects.filter(lifted_at__isnull=True).select_related(
                "thread", "placed_by"
            ),
            "nomination_form": nomination_form,
            "retention_form": retention_form,
        },
        status=400 if nomination_form.errors or retention_form.errors else 200,
    )


@login_required
@require_POST
def rule_deactivate(request, kind, rule_id):
    access.check_keep_records(request.user)
    if kind == "forslag":
        rule = get_object_or_404(NominationRule, pk=rule_id)
        services.nomination_rule_deactivate(rule=rule, by=request.user)
    else:
        rule = get_object_or_404(RetentionRule, pk=rule_id)
        services.retention_rule_deactivate(rule=rule, by=request.user)
    messages.success(request, _("Regelen er slått av."))
    return redirect("archive:rules")


@login_required
def disposal_lists(request):
    access.check_keep_records(request.user)
    lists = DisposalList.objects.all()
    page_obj, page_range = paginate(request, lists, PER_PAGE)
    return render(
        request, "archive/disposal_lists.html", {"page_obj": page_obj, "page_range": page_range}
    )


@login_required
def disposal_detail(request, list_id):
    access.check_keep_records(request.user)
    disposal_list = get_object_or_404(DisposalList, pk=list_id)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "approve":
                services.disposal_approve(disposal_list=disposal_list, by=request.user)
                messages.success(request, _("Kassasjonslisten er godkjent og utført."))
            else:
                services.disposal_reject(
                    disposal_list=disposal_list,
                    by=request.user,
                    reason=request.POST.get("reason", ""),
                )
                messages.success(request, _("Kassasjonslisten er avvist."))
            return redirect("archive:disposal", list_id=disposal_list.pk)
        except ArchiveError as exc:
            messages.error(request, exc.message)
    return render(
        request,
        "archive/disposal_detail.html",
        {"disposal_list": disposal_list, "items": disposal_list.items.select_related("rule")},
    )


@login_required
def audit_log(request):
    access.check_keep_records(request.user)
    events = ArchiveEvent.objects.all()
    page_obj, page_range = paginate(request, events, PER_PAGE)
    return render(
        request, "archive/audit_log.html", {"page_obj": page_obj, "page_range": page_range}
    )


# The public journal (offentlig journal): open to everyone, screened values replaced ------------


def _date_param(request, name) -> date | None:
    try:
        return date.fromisoformat(request.GET.get(name, ""))
    except ValueError:
        return None


def public_journal(request):
    date_from, date_to = _date_param(request, "fra"), _date_param(request, "til")
    entries = JournalEntry.objects.select_related("case", "thread__topic").order_by(
        "-journal_date", "-year", "-sequence_number"
    )
    if date_from:
        entries = entries.filter(journal_date__gte=date_from)
    if date_to:
        entries = entries.filter(journal_date__lte=date_to)
    page_obj, page_range = paginate(request, entries, PER_PAGE)
    return render(
        request,
        "archive/public_journal.html",
        {
            "page_obj": page_obj,
            "page_range": page_range,
            "date_from": date_from,
            "date_to": date_to,
            "query": request.GET.urlencode(),
        },
    )


def public_journal_xml(request):
    """offentligJournal.xml for a period, as the public journal export."""
    date_from, date_to = _date_param(request, "fra"), _date_param(request, "til")
    extract = Extract(settings.BASE_DIR, by_name="", progress=False)
    entries = JournalEntry.objects.all()
    if date_from:
        entries = entries.filter(journal_date__gte=date_from)
    if date_to:
        entries = entries.filter(journal_date__lte=date_to)
    if not entries.exists():
        messages.info(request, _("Ingen journalposter i perioden."))
        return redirect("archive:public_journal")
    out = tempfile.TemporaryFile()  # FileResponse closes it
    extract.write_public_journal(entries, out)
    out.seek(0)
    return FileResponse(
        out, as_attachment=True, filename="offentligJournal.xml", content_type="application/xml"
    )
