"""The archive's URLs, grouped by the record they hang under (the names stay in the
archive's namespace: an ``include()`` of a plain list adds none)."""

from django.urls import include, path

from . import views

app_name = "archive"

# What a thread's readers and the records officers do with it before it is journaled
thread_urls = [
    path("foresla/", views.nominate, name="nominate"),
    path("bevar/", views.hold_place, name="hold_place"),
]

nomination_urls = [
    path("", views.journal, name="journal"),
    path("avvis/", views.reject, name="reject"),
]

case_urls = [
    path("", views.case_list, name="cases"),
    path("<int:case_id>/", views.case_detail, name="case"),
    path("<int:case_id>/avslutt/", views.case_close, name="case_close"),
    path("<int:case_id>/gjenapne/", views.case_reopen, name="case_reopen"),
    path("<int:case_id>/bevaringstid/", views.case_retention, name="case_retention"),
    path("<int:case_id>/sakstype/", views.case_type_assign, name="case_type_assign"),
]

rule_urls = [
    path("", views.rules, name="rules"),
    path("<str:kind>/<int:rule_id>/sla-av/", views.rule_deactivate, name="rule_deactivate"),
]

disposal_urls = [
    path("", views.disposal_lists, name="disposals"),
    path("<int:list_id>/", views.disposal_detail, name="disposal"),
    path("<int:list_id>/kassasjonsliste.<str:fmt>", views.disposal_export, name="disposal_export"),
    path("foresla/", views.disposal_propose, name="disposal_propose"),
]

request_urls = [
    path("", views.access_requests, name="access_requests"),
    path("<int:request_id>/", views.access_request_detail, name="access_request"),
]

# The public journal (offentlig journal) and the access requests made from it
public_urls = [
    path("", views.public_journal, name="public_journal"),
    path("<int:entry_id>/", views.public_entry, name="public_entry"),
    path("innsyn/", views.access_request_new, name="access_request_new"),
    path("offentligJournal.xml", views.public_journal_xml, name="public_journal_xml"),
]

urlpatterns = [
    path("", views.queue, name="queue"),
    path("trad/<int:thread_id>/", include(thread_urls)),
    path("forslag/<int:nomination_id>/", include(nomination_urls)),
    path("saker/", include(case_urls)),
    path("journalpost/<int:entry_id>/", views.entry_detail, name="entry"),
    path("dokument/<int:document_id>/", views.document_download, name="document"),
    path("regler/", include(rule_urls)),
    path("bevaringsplan/", views.retention_schedule, name="retention_schedule"),
    path("sakstyper/", views.case_types, name="case_types"),
    path("bevaringspalegg/<int:hold_id>/opphev/", views.hold_lift, name="hold_lift"),
    path("kassasjon/", include(disposal_urls)),
    path("innsynskrav/", include(request_urls)),
    path("logg/", views.audit_log, name="log"),
    path("offentlig-journal/", include(public_urls)),
]
