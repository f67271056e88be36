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
