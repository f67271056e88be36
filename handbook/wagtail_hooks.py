"""Wagtail glue for the handbook: audit-log actions, a menu link, and keeping history."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from people import access

from .models import ControlledPage, PageVersion
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


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_see_review_listing(request.user)


@hooks.register("register_admin_menu_item")
def review_menu_item():
    return ReviewMenuItem(
        _("Revisjonsfrister"), reverse("handbook:review"), icon_name="date", order=250
    )
