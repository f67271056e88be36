from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("meg/", views.profile_edit, name="profile_edit"),
    path("meg/rettelse/", views.identity_correction_new, name="identity_correction"),
    path("meg/api-nokler/", views.api_tokens, name="api_tokens"),
    path(
        "meg/api-nokler/<int:token_id>/tilbakekall/",
        views.api_token_revoke,
        name="api_token_revoke",
    ),
    path("<str:username>/", views.profile, name="profile"),
]
