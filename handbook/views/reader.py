"""The handbook for readers: page context, change logs, versions, diffs, confirmations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

import access
from fagrom import generations
from fagrom.spreadsheet import XLSX_CONTENT_TYPE
from forum.views.common import paginate
from people.models import User

from .. import services
from ..diff import word_diff
from ..forms import RestoreVersionForm
from ..models import (
    ChangeProposal,
    ControlledPage,
    HandbookIndexPage,
    Hearing,
    PageVersion,
)

RECENT_VERSIONS = 5
LISTED_PROPOSALS = 10
LISTED_DISCUSSIONS = 10
CHANGELOG_PER_PAGE = 30

# Context for the Wagtail page templates ------------------------------------------------


def _handbook_trail(page) -> list[Page]:
    """Ancestors from the handbook's root down to ``page``'s parent (one query)."""
    index_type = ContentType.objects.get_for_model(HandbookIndexPage)
    ancestors = list(
        page.get_ancestors().only("id", "title", "url_path", "depth", "path", "content_type_id")
    )
    for i, ancestor in enumerate(ancestors):
        if ancestor.content_type_id == index_type.pk:
            return ancestors[i:]
    return []


def table_of_contents(root: Page, request) -> list[dict]:
    """Chapters with their pages the reader may read, live only, in tree order (one query;
    none while nothing changed, shared by everyone who may read the same pages)."""
    key = ":".join(
        (
            "handbook-toc",
            str(root.pk),
            translation.get_language(),
            access.handbook_reader_class(request.user),
        )
    )
    return generations.cached(key, make=lambda: _table_of_contents(root, request))


def _table_of_contents(root: Page, request) -> list[dict]:
    pages = (
        Page.objects.descendant_of(root)
        .live()
        .filter(access.handbook_pages_q(request.user))
        .filter(depth__lte=root.depth + 2)
        .order_by("path")
        .only("id", "title", "url_path", "depth", "path")
    )
    chapters: list[dict] = []
    for page in pages:
        entry = {"page": page, "url": page.get_url(request)}
        if page.depth == root.depth + 1:
            chapters.append({**entry, "children": []})
        elif chapters and page.path.startswith(chapters[-1]["page"].path):
            chapters[-1]["children"].append(entry)
    return chapters


def index_context(request, page: HandbookIndexPage) -> dict:
    user = request.user
    return {
        "toc": table_of_contents(page, request),
        "recent_versions": access.handbook_versions_visible_to(user).select_related(
            "page", "author__org_unit", "approver__org_unit"
        )[:8],
        "required_unconfirmed": services.readings_unconfirmed_for(user),
        "may_see_review": access.can_see_review_listing(user),
    }


def _owner_and_approver(page) -> dict:
    """The page's owner and approver with their workplaces, in one query."""
    ids = {page.document_owner_id, page.approver_id} - {None}
    people = (
        {u.pk: u for u in User.objects.select_related("org_unit").filter(pk__in=ids)} if ids else {}
    )
    return {
        "document_owner": people.get(page.document_owner_id),
        "approver_person": people.get(page.approver_id),
    }


def _page_facts(page: ControlledPage) -> dict:
    """What every reader of ``page`` sees alike (kept while nothing changed)."""

    def make():
        return {
            "trail": _handbook_trail(page),
            "versions": list(
                PageVersion.objects.filter(page_id=page.pk)
                .select_related("author__org_unit", "approver__org_unit")
                .order_by("-major", "-minor")[:RECENT_VERSIONS]
            ),
            "required_units": list(page.required_for_units.all()),
            "open_hearings": list(
                Hearing.objects.filter(page_id=page.pk, deadline__gte=timezone.localdate())
            ),
            **_owner_and_approver(page),
        }

    key = f"handbook-page:{page.pk}:{page.latest_revision_id}:{translation.get_language()}"
    return generations.cached(key, make=make)


def page_context(request, page: ControlledPage) -> dict:
    user = request.user
    facts = _page_facts(page)
    trail = facts["trail"]
    root = trail[0] if trail else page
    units = facts["required_units"]
    required = services.reading_required_for(page=page, user=user, units=units)
    latest_confirmation = services.confirmation_latest(page=page, user=user)
    visible_threads = access.threads_visible_to(user)
    today = timezone.localdate()
    return {
        **facts,
        "sections": page.sections(),  # blocks of the page's body: cheap, and not for pickling
        "toc": table_of_contents(root, request),
        "reading_required": required,
        "latest_confirmation": latest_confirmation,
        "confirmed_current": bool(
            latest_confirmation and latest_confirmation.major == page.version_major
        ),
        "changed_since_confirmation": bool(
            latest_confirmation
            and (latest_confirmation.major, latest_confirmation.minor)
            != (page.version_major, page.version_minor)
        ),
        "pending_proposals": list(
            ChangeProposal.objects.filter(
                page_id=page.pk,
                status=ChangeProposal.Status.PENDING,
                thread__in=visible_threads,
            ).select_related("thread", "created_by__org_unit")[:LISTED_PROPOSALS]
        ),
        "discussions": list(
            visible_threads.filter(handbook_proposals__page_id=page.pk)
            .distinct()
            .order_by("-last_post_at")[:LISTED_DISCUSSIONS]
        ),
        "may_edit": access.can_edit_handbook_page(user, page),
        "may_see_confirmations": access.can_see_confirmations(user, page),
        "may_open_hearing": access.can_open_hearing(user, page),
        "review_overdue": page.review_is_overdue(today),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
    }


# Views ------------------------------------------------------------------------------


def _controlled_page_or_404(user, page_id: int, *, live: bool = True) -> ControlledPage:
    """A chapter or page the person may read (404 for others, so private pages don't leak)."""
    page = get_object_or_404(Page.objects.live() if live else Page, pk=page_id).specific
    if not isinstance(page, ControlledPage):
        raise Http404
    access.check_read_handbook_page(user, page)
    return page


@login_required
def changelog(request):
    """The whole handbook's change log, newest first."""
    versions = access.handbook_versions_visible_to(request.user).select_related(
        "page", "author__org_unit", "approver__org_unit"
    )
    page_obj, page_range = paginate(request, versions, CHANGELOG_PER_PAGE)
    return render(
        request, "handbook/changelog.html", {"page_obj": page_obj, "page_range": page_range}
    )


@login_required
def page_changelog(request, page_id):
    page = _controlled_page_or_404(request.user, page_id)
    versions = (
        PageVersion.objects.filter(page_id=page.pk)
        .select_related("author__org_unit", "approver__org_unit")
        .prefetch_related("hearings")
        .order_by("-major", "-minor")
    )
    page_obj, page_range = paginate(request, versions, CHANGELOG_PER_PAGE)
    return render(
        request,
        "handbook/page_changelog.html",
        {
            "page": page,
            "trail": _handbook_trail(page),
            "page_obj": page_obj,
            "page_range": page_range,
        },
    )


@login_required
def version_detail(request, page_id, major, minor):
    page = _controlled_page_or_404(request.user, page_id)
    version = get_object_or_404(
        PageVersion.objects.select_related("revision", "author__org_unit", "approver__org_unit"),
        page_id=page.pk,
        major=major,
        minor=minor,
    )
    old = version.revision.as_object()
    return render(
        request,
        "handbook/version.html",
        {
            "page": page,
            "trail": _handbook_trail(page),
            "version": version,
            "old": old,
            "sections": old.sections(),
            "is_current": (major, minor) == (page.version_major, page.version_minor),
            "hearings": version.hearings.all(),
            "may_restore": access.can_edit_handbook_page(request.user, page),
            "restore_form": RestoreVersionForm(),
        },
    )


def _parse_label(label: str | None):
    try:
        major, minor = (int(part) for part in (label or "").split("."))
    except ValueError:
        return None
    return major, minor


@login_required
def version_diff(request, page_id):
    """Compare two versions word by word (``?fra=1.0&til=1.2``; defaults: the last change)."""
    page = _controlled_page_or_404(request.user, page_id)
    versions = list(
        PageVersion.objects.filter(page_id=page.pk)
        .select_related("revision", "author__org_unit", "approver__org_unit")
        .order_by("-major", "-minor")
    )
    if not versions:
        raise Http404
    by_label = {(v.major, v.minor): v for v in versions}
    new = by_label.get(_parse_label(request.GET.get("til"))) or versions[0]
    older = [v for v in versions if (v.major, v.minor) < (new.major, new.minor)]
    old = by_label.get(_parse_label(request.GET.get("fra"))) or (older[0] if older else new)
    error = ""
    if (request.GET.get("fra") and _parse_label(request.GET["fra"]) not in by_label) or (
        request.GET.get("til") and _parse_label(request.GET["til"]) not in by_label
    ):
        error = _("Versjonen finnes ikke. Velg blant versjonene i listen.")
    diff = word_diff(
        old.revision.as_object().diff_paragraphs(),
        new.revision.as_object().diff_paragraphs(),
    )
    between = [
        v for v in versions if (old.major, old.minor) < (v.major, v.minor) <= (new.major, new.minor)
    ]
    return render(
        request,
        "handbook/diff.html",
        {
            "page": page,
            "trail": _handbook_trail(page),
            "versions": versions,
            "old": old,
            "new": new,
            "between": between,
            "diff": diff,
            "error": error,
        },
        status=400 if error else 200,
    )


@login_required
@require_POST
def confirm_reading(request, page_id):
    page = _controlled_page_or_404(request.user, page_id)
    confirmation = services.reading_confirm(page=page, user=request.user)
    messages.success(
        request,
        _("Du har bekreftet at du har lest og forstått versjon %(version)s.")
        % {"version": confirmation.label},
    )
    return redirect(page.url)


@login_required
def confirmations(request, page_id):
    """«Lest og forstått» per unit with subtotals; ``?csv=1``/``?xlsx=1`` export it, POST
    reminds."""
    page = _controlled_page_or_404(request.user, page_id)
    if not access.can_see_confirmations(request.user, page):
        raise access.AccessDenied(
            _("Bare dokumenteieren og håndbokredaktører ser hvem som har bekreftet.")
        )
    if request.method == "POST":
        sent = services.reading_reminders_send(page=page, by=request.user)
        messages.success(
            request, _("Påminnelse sendt til %(n)s som ikke har bekreftet.") % {"n": sent}
        )
        return redirect("handbook:confirmations", page_id=page.pk)
    if request.GET.get("xlsx"):
        response = HttpResponse(
            services.reading_report_xlsx(page=page), content_type=XLSX_CONTENT_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="lest-og-forstatt-{page.pk}.xlsx"'
        return response
    if request.GET.get("csv"):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="lest-og-forstatt-{page.pk}.csv"'
        services.reading_report_csv(page=page, out=response)
        return response
    status = services.reading_status(page=page)
    return render(
        request,
        "handbook/confirmations.html",
        {
            "page": page,
            "trail": _handbook_trail(page),
            "report": services.reading_report(page=page),
            "people_total": len(status["confirmed"]) + len(status["missing"]),
            **status,
        },
    )


@login_required
def review_listing(request):
    if not access.can_see_review_listing(request.user):
        raise access.AccessDenied(access.write_blocked_reason(request.user))
    today = timezone.localdate()
    pages = services.pages_due_for_review(user=request.user, today=today)
    rows = [
        {"page": p, "days": (days := (p.next_review_date - today).days), "overdue_days": -days}
        for p in pages
    ]
    return render(
        request,
        "handbook/review.html",
        {"rows": rows, "is_editor": access.is_handbook_editor(request.user), "today": today},
    )
