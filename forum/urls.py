from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.forum_index, name="index"),
    path("trad/<int:thread_id>/", views.thread_detail, name="thread"),
    path("trad/<int:thread_id>/svar/", views.thread_reply, name="reply"),
    path("innlegg/<int:post_id>/endre/", views.post_edit, name="post_edit"),
    path("innlegg/<int:post_id>/historikk/", views.post_history, name="post_history"),
    path("rom/<slug:room_slug>/", views.room_detail, name="room"),
    path("rom/<slug:room_slug>/<slug:topic_slug>/", views.topic_detail, name="topic"),
    path("rom/<slug:room_slug>/<slug:topic_slug>/ny-trad/", views.thread_new, name="thread_new"),
    path("rom/<slug:room_slug>/<slug:topic_slug>/merk-lest/", views.topic_mark_read, name="topic_mark_read"),
]
