from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("meg/", views.profile_edit, name="profile_edit"),
    path("<str:username>/", views.profile, name="profile"),
]
