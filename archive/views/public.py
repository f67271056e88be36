"""The public journal (offentlig journal) and access requests (innsynskrav): open to everyone."""

from __future__ import annotations

import tempfile
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fagrom.throttle import Throttle, client_ip
from forum.views.common import paginate

from .. import services
from ..forms import AccessRequestForm
from ..models import JournalEntry
from ..noark.export import Extract
from ..services import ArchiveError

PER_PAGE = 50


# The public journal (offentlig journal): open to everyone, screened values replaced ------------


def _date_param(request, name) -> date | None:
    try:
        return date.fromisoformat(request.GET.get(name, ""))
    except ValueError:
        return None


def _filter(request) -> services.JournalFilter:
    return services.JournalFilter(
        query=request.GET.get("q", "").strip()[:200],
        date_from=_date_param(request, "fra"),
        date_to=_date_param(request, "til"),
        case_number=request.GET.get("sak", "").strip()[:20],
        type=request.GET.get("type", ""),
    )


def public_journal(request):
    journal_filter = _filter(request)
    entries = services.public_journal_search(journal_filter)
    page_obj, page_range = paginate(request, entries, PER_PAGE)
    return render(
        request,
        "archive/public_journal.html",
        {
            "page_obj": page_obj,
            "page_range": page_range,
            "filter": journal_filter,
            "date_from": journal_filter.date_from,
            "date_to": journal_filter.date_to,
            "types": JournalEntry.Type.choices,
            "query": request.GET.urlencode(),
        },
    )


def public_entry(request, entry_id):
    """One entry as the public may see it (screened parts masked, the basis named)."""
    entry = get_object_or_404(
        JournalEntry.objects.select_related("case", "thread__topic"), pk=entry_id
    )
    return render(request, "archive/public_entry.html", {"entry": entry, "case": entry.case})


def access_request_new(request):
    """Be om innsyn: a form for anyone, for one or more entries (``?journalpost=<id>``)."""
    raw = request.POST.getlist("entries") or request.GET.getlist("journalpost")
    entry_ids = [int(i) for i in raw if str(i).isdigit()][:50]
    form = AccessRequestForm(request.POST or None, entry_ids=entry_ids)
    if not entry_ids:
        messages.info(request, _("Velg journalposten du vil se i den offentlige journalen."))
        return redirect("archive:public_journal")
    if request.method == "POST" and form.is_valid() and _requests_allowed(request, form):
        d = form.cleaned_data
        try:
            access_request = services.access_request_create(
                name=d["name"], email=d["email"], message=d["message"], entries=d["entries"]
            )
        except ArchiveError as exc:
            form.add_error(None, exc.message)
        else:
            return render(
                request, "archive/access_request_sent.html", {"access_request": access_request}
            )
    return render(
        request,
        "archive/access_request_form.html",
        {"form": form, "due_days": settings.ACCESS_REQUEST_DUE_WORKING_DAYS},
        status=400 if form.errors else 200,
    )


REQUESTS_THROTTLED = gettext_lazy(
    "Du har sendt mange innsynskrav på kort tid. Vent litt og prøv igjen."
)


def _requests_allowed(request, form) -> bool:
    """At most 20 requests an hour from one address: the form is open to everyone."""
    throttle = Throttle(scope="innsyn", limit=20, window=3600)
    ident = client_ip(request)
    if throttle.is_exceeded(ident):
        form.add_error(None, REQUESTS_THROTTLED)
        return False
    throttle.hit(ident)
    return True


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
