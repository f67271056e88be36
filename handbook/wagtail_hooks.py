"""Wagtail glue for the handbook: audit-log actions, a menu link, keeping history, privacy."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import PageViewRestriction

import access

from .models import ControlledPage, HandbookIndexPage, PageVersion
from .services import page_search_refresh


@hooks.register("register_log_actions")
def handbook_log_actions(actions):
    actions.register_action("handbook.version", _("Ny versjon"), _("Ny versjon publisert"))
    actions.register_action(
        "handbook.confirm", _("Lest og forstått"), _("Bekreftet lest og forstått")
    )
    actions.register_action(
        "handbook.proposal", _("Endringsforslag"), _("Endringsforslag fra forumet")
    )
    actions.register_action(
        "handbook.proposal.decline", _("Forslag avslått"), _("Endringsforslag avslått")
    )
    actions.register_action("handbook.hearing", _("Høring"), _("Utkast sendt på høring"))
    actions.register_action(
        "handbook.reading_reminder", _("Purring"), _("Påminnelse om lest og forstått sendt")
    )
    actions.register_action(
        "handbook.restore", _("Versjon gjenopprettet"), _("Gammel versjon sendt til godkjenning")
    )
    actions.register_action(
        "handbook.publish_direct",
        _("Publisert direkte"),
        _("Publisert av administrator utenom godkjenningen"),
    )
    actions.register_action(
        "handbook.seeded",
        _("Lagt inn ved oppsett"),
        _("Versjon lagt inn ved oppsett (demodata), ikke godkjent"),
    )


@hooks.register("before_delete_page")
def keep_published_versions(request, page):
    """Nothing is lost: a page with published versions is withdrawn, not deleted."""
    if PageVersion.objects.filter(page_id=page.pk).exists():
        messages.error(
            request,
            _("Sider med publiserte versjoner slettes ikke. Sett status til «Trukket tilbake»."),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


def _refuse_other_agency(request, page):
    refusal = access.edit_refusal(request.user, page)
    if refusal:
        messages.error(request, refusal)
        return redirect("wagtailadmin_explore", page.get_parent().pk if page.depth > 1 else page.pk)
    return None


def _refuse_direct_publish(request, page, back):
    """Four eyes: "Publiser" outside the workflow is for administrators only."""
    if request.method == "POST" and "action-publish" in request.POST:
        if not access.can_publish_handbook_page(request.user, page):
            messages.error(
                request,
                _(
                    "Bare administratorer publiserer utenom godkjenningen. Send endringen "
                    "til godkjenning («Send til godkjenning»)."
                ),
            )
            return redirect(back)
    return None


def _refuse_self_approval(request, page):
    """Four eyes in the editor: "Godkjenn" by one of the change's authors goes nowhere.

    The editor's footer sends a workflow action through Wagtail's edit view, which
    ignores what ``HandbookApprovalTask.on_action`` returns, so without this the author
    would see Wagtail's generic "updated" message and no reason. She is sent to the
    page that says why instead, and nothing is approved.
    """
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if request.POST.get("workflow-action-name") not in ("approve", "approve_major"):
        return None
    if not access.self_approval_refusal(request.user, page.specific):
        return None
    list(messages.get_messages(request))  # drop Wagtail's "updated" message of this request
    return redirect("handbook:self_approval_refused", page.pk)


@hooks.register("before_edit_page")
def edit_only_in_the_owner_agency(request, page):
    """Editing follows the page's owner agency; others propose through the forum or a hearing."""
    return (
        _refuse_other_agency(request, page.specific)
        or _refuse_direct_publish(request, page, request.path)
        or _refuse_self_approval(request, page)
    )


@hooks.register("after_edit_page")
def self_approval_after_an_edit(request, page):
    # An approver who also changed the text in the same request became one of its
    # authors when Wagtail saved that revision; the task refused, so say why.
    return _refuse_self_approval(request, page)


@hooks.register("before_create_page")
def create_only_in_the_owner_agency(request, parent_page, page_class):
    return _refuse_other_agency(request, parent_page.specific) or _refuse_direct_publish(
        request, parent_page, request.path
    )


@hooks.register("construct_page_action_menu")
def publish_only_for_administrators(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is not None and not access.can_publish_handbook_page(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def bulk_publish_only_for_administrators(request, action_type, objects, action_class_instance):
    if action_type == "publish" and not access.is_administrator(request.user):
        messages.error(request, _("Bare administratorer publiserer utenom godkjenningen."))
        return redirect("wagtailadmin_home")
    return None


@hooks.register("after_move_page")
def reindex_moved_page(request, page):
    """A move changes the page's address and section (and those of the pages below it)."""
    if isinstance(page.specific, ControlledPage):
        page_search_refresh(page=page)


@hooks.register("before_serve_page")
def serve_only_to_readers(page, request, serve_args, serve_kwargs):
    """Serving a handbook page agrees with ``access`` on its privacy.

    Runs before Wagtail's own privacy check. A signed-in person who may not read the
    page gets 404 (Wagtail would send them to the login page, which confirms that the
    page exists); handbook editors pass a password restriction left from before
    passwords were switched off, without the password, as they do everywhere else.
    """
    if not isinstance(page, ControlledPage | HandbookIndexPage):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    access.check_read_handbook_page(request.user, page)
    for restriction_id in access.handbook_password_restriction_ids(request.user, page):
        PageViewRestriction(id=restriction_id).mark_as_passed(request)
    return None


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_see_review_listing(request.user)


@hooks.register("register_admin_menu_item")
def review_menu_item():
    return ReviewMenuItem(
        _("Revisjonsfrister"), reverse("handbook:review"), icon_name="date", order=250
    )


@hooks.register("register_admin_viewset")
def handbook_page_viewsets():
    # Only the privacy dialog differs from Wagtail's (unit names, not group machine names).
    from .models import ChapterPage, HandbookIndexPage, HandbookPage
    from .privacy_admin import HandbookPageViewSet

    return [
        HandbookPageViewSet(model=model, name=f"handbook_{model._meta.model_name}")
        for model in (HandbookIndexPage, ChapterPage, HandbookPage)
    ]
