"""Reader-facing handbook tools. Mounted at ``/handbook/`` before Wagtail's catch-all,
so these first path segments cannot be used as chapter slugs."""

from django.urls import path

from . import views

app_name = "handbook"

urlpatterns = [
    path("endringslogg/", views.changelog, name="changelog"),
    path("revisjon/", views.review_listing, name="review"),
    path("side/<int:page_id>/endringslogg/", views.page_changelog, name="page_changelog"),
    path(
        "side/<int:page_id>/versjon/<int:major>.<int:minor>/", views.version_detail, name="version"
    ),
    path(
        "side/<int:page_id>/versjon/<int:major>.<int:minor>/gjenopprett/",
        views.version_restore,
        name="version_restore",
    ),
    path("side/<int:page_id>/sammenlign/", views.version_diff, name="diff"),
    path("side/<int:page_id>/bekreft/", views.confirm_reading, name="confirm"),
    path(
        "side/<int:page_id>/egen-godkjenning/",
        views.self_approval_refused,
        name="self_approval_refused",
    ),
    path("side/<int:page_id>/bekreftelser/", views.confirmations, name="confirmations"),
    path("side/<int:page_id>/horing/ny/", views.hearing_new, name="hearing_new"),
    path("forslag/ny/<int:thread_id>/", views.proposal_new, name="proposal_new"),
    path("forslag/<int:proposal_id>/avslaa/", views.proposal_decline, name="proposal_decline"),
    path("horing/<int:hearing_id>/", views.hearing_detail, name="hearing"),
    path("horing/innspill/<int:comment_id>/svar/", views.hearing_respond, name="hearing_respond"),
]
