from django.urls import path

from .views import pages

app_name = "forum"

urlpatterns = [
    path("", pages.forum_index, name="index"),
    path("trad/<int:thread_id>/", pages.thread_detail, name="thread"),
    path("trad/<int:thread_id>/svar/", pages.thread_reply, name="reply"),
    path("innlegg/<int:post_id>/endre/", pages.post_edit, name="post_edit"),
    path("innlegg/<int:post_id>/historikk/", pages.post_history, name="post_history"),
    path("rom/<slug:room_slug>/", pages.room_detail, name="room"),
    path("rom/<slug:room_slug>/<slug:topic_slug>/", pages.topic_detail, name="topic"),
    path("rom/<slug:room_slug>/<slug:topic_slug>/ny-trad/", pages.thread_new, name="thread_new"),
    path(
        "rom/<slug:room_slug>/<slug:topic_slug>/merk-lest/",
        pages.topic_mark_read,
        name="topic_mark_read",
    ),
]

# Statistics (issue 10): the whole forum for administrators and moderators, a topic for its readers.
from .views import statistics  # noqa: E402

urlpatterns += [
    path("statistikk/", statistics.forum_statistics, name="statistics"),
    path(
        "rom/<slug:room_slug>/<slug:topic_slug>/statistikk/",
        statistics.topic_statistics,
        name="topic_statistics",
    ),
]

# Closed rooms: members and their log (issue 3), and attachment downloads.
# (Under their own prefix so no topic slug can shadow them.)
from .views import attachments, rooms  # noqa: E402

urlpatterns += [
    path("medlemmer/<slug:room_slug>/", rooms.room_members, name="room_members"),
    path("medlemmer/<slug:room_slug>/legg-til/", rooms.room_member_add, name="room_member_add"),
    path(
        "medlemmer/<slug:room_slug>/<int:membership_id>/rolle/",
        rooms.room_member_role,
        name="room_member_role",
    ),
    path(
        "medlemmer/<slug:room_slug>/<int:membership_id>/fjern/",
        rooms.room_member_remove,
        name="room_member_remove",
    ),
    path("medlemmer/<slug:room_slug>/logg/", rooms.room_audit_log, name="room_audit"),
    path("vedlegg/<int:attachment_id>/", attachments.attachment_download, name="attachment"),
]
