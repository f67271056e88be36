"""The Wagtail admin's JavaScript strings with Fagrom's Norwegian added.

Django's ``JavaScriptCatalog`` reads only the packages it is given, never
``LOCALE_PATHS``; Wagtail's nb ``djangojs`` catalogue lacks "Collapse all", "Search
options…" and more, so ``locale/nb/LC_MESSAGES/djangojs.po`` is merged in last (it wins).

Wagtail's URL calls ``wagtail.admin.views.i18n.js_catalog`` through its localising
wrapper, looked up at request time; ``install`` points that name at this catalogue
(a second URL in front of Wagtail's would leave Wagtail's pattern unreachable).
"""

from django.conf import settings
from django.views.i18n import JavaScriptCatalog


class FagromJavaScriptCatalog(JavaScriptCatalog):
    def get_paths(self, packages):
        return [*super().get_paths(packages), *map(str, settings.LOCALE_PATHS)]


def install():
    from wagtail.admin.views import i18n

    i18n.js_catalog = FagromJavaScriptCatalog.as_view(packages=["wagtail.admin"])
