from django.urls import path

from . import views

app_name = "archive"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("trad/<int:thread_id>/foresla/", views.nominate, name="nominate"),
    path("trad/<int:thread_id>/bevar/", views.hold_place, name="hold_place"),
    path("forslag/<int:nomination_id>/", views.journal, name="journal"),
    path("forslag/<int:nomination_id>/avvis/", views.reject, name="reject"),
    path("saker/", views.case_list, name="cases"),
    path("saker/<int:case_id>/", views.case_detail, name="case"),
    path("saker/<int:case_id>/avslutt/", views.case_close, name="case_close"),
    path("saker/<int:case_id>/gjenapne/", views.case_reopen, name="case_reopen"),
    path("saker/<int:case_id>/bevaringstid/", views.case_retention, name="case_retention"),
    path("bevaringsplan/", views.retention_schedule, name="retention_schedule"),
    path("sakstyper/", views.case_types, name="case_types"),
    path("saker/<int:case_id>/sakstype/", views.case_type_assign, name="case_type_assign"),
    path("journalpost/<int:entry_id>/", views.entry_detail, name="entry"),
    path("dokument/<int:document_id>/", views.document_download, name="document"),
    path("regler/", views.rules, name="rules"),
    path("regler/<str:kind>/<int:rule_id>/sla-av/", views.rule_deactivate, name="rule_deactivate"),
    path("bevaringspalegg/<int:hold_id>/opphev/", views.hold_lift, name="hold_lift"),
    path("kassasjon/", views.disposal_lists, name="disposals"),
    path("kassasjon/<int:list_id>/", views.disposal_detail, name="disposal"),
    path("kassasjon/foresla/", views.disposal_propose, name="disposal_propose"),
    path("innsynskrav/", views.access_requests, name="access_requests"),
    path("innsynskrav/<int:request_id>/", views.access_request_detail, name="access_request"),
    path("logg/", views.audit_log, name="log"),
    path("offentlig-journal/", views.public_journal, name="public_journal"),
    path("offentlig-journal/<int:entry_id>/", views.public_entry, name="public_entry"),
    path("offentlig-journal/innsyn/", views.access_request_new, name="access_request_new"),
    path(
        "offentlig-journal/offentligJournal.xml",
        views.public_journal_xml,
        name="public_journal_xml",
    ),
]
