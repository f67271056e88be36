"""The Wagtail admin's JavaScript strings with Fagrom's Norwegian added.

Django's ``JavaScriptCatalog`` reads only the packages it is given, never
``LOCALE_PATHS``; Wagtail's nb ``djangojs`` catalogue lacks "Collapse all", "Search
options…" and more, so ``locale/nb/LC_MESSAGES/djangojs.po`` is merged in last (it wins).
"""

from django.conf import settings
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.localization import get_localized_response


class _Catalog(JavaScriptCatalog):
    def get_paths(self, packages):
        return [*super().get_paths(packages), *map(str, settings.LOCALE_PATHS)]


_catalog = _Catalog.as_view(packages=["wagtail.admin"])


def admin_js_catalog(request, *args, **kwargs):
    # Wagtail's own view, localised in the person's admin language (wagtail#11074).
    return get_localized_response(_catalog, request, *args, **kwargs)
