from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from people.views import LoginView, language_set

from . import views
from .admin_i18n import admin_js_catalog
from .api.project import api

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Single sign-on (answers 404 unless OIDC_RP_CLIENT_ID etc. are set).
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("i18n/setlang/", language_set, name="set_language"),
    path("tilgjengelighet/", views.accessibility_statement, name="accessibility_statement"),
    path("forum/", include("forum.urls")),
    path("people/", include("people.urls")),
    path("api/v1/", api.urls),
    path("handbook/", include("handbook.urls")),
    path("search/", include("search.urls")),
    path("arkiv/", include("archive.urls")),
    # Before Wagtail's own: its JavaScript strings with Fagrom's Norwegian added.
    path("admin/jsi18n/", admin_js_catalog, name="fagrom_admin_js_catalog"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Outages become 503s, bad input JSON under /api/ (fagrom/outage.py, fagrom/views.py).
handler400 = "fagrom.views.bad_request"
handler500 = "fagrom.outage.server_error"

# Wagtail serves the handbook pages; it must come last.
urlpatterns += [path("", include(wagtail_urls))]
