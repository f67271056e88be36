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
