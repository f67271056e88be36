from django.urls import path

from . import api, views

app_name = "search"

urlpatterns = [
    path("", views.results, name="results"),
    path("forslag/", views.suggest, name="suggest"),
    # Until the project's /api/v1/ exists on main: the same router, mounted here.
    path("api/", api.standalone_api.urls),
]
