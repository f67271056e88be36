"""The identity log and correction requests in the Wagtail admin, for administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

import access

from . import views


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_administrator(request.user)


@hooks.register("register_admin_urls")
def identity_urls():
    return [
        path("identitet/", views.identity_log, name="people_identity_log"),
        path(
            "identitet/rettelse/<int:correction_id>/",
            views.identity_correction_admin_decide,
            name="people_identity_correction_decide",
        ),
    ]


@hooks.register("register_admin_menu_item")
def identity_menu_item():
    return AdministratorMenuItem(
        _("Identitetslogg"), reverse("people_identity_log"), icon_name="user", order=610
    )
