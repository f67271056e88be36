from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    default = True  # apps.py holds two configs; this one is the app's own
    name = "people"
    verbose_name = _("Personer")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import language_remember_at_login

        # Every way in (password, single sign-on, the test client) ends in login(): the
        # session learns the profile's language there, so requests need not load the user.
        user_logged_in.connect(language_remember_at_login, dispatch_uid="fagrom_language")


class PeopleUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with Fagrom's person fields (see people/wagtail_admin.py)."""

    user_viewset = "people.wagtail_admin.UserViewSet"
