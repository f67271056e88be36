from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("Personer")


class PeopleUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with Fagrom's person fields (see people/wagtail_admin.py)."""

    user_viewset = "people.wagtail_admin.UserViewSet"
