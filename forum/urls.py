from django.urls import path

from .views import pages

app_name = "forum"

urlpatterns = [
    path("", pages.forum_index, name="index"),
    path("trad/<int:thread_id>/", pages.thread_detail, name="thread"),
    path("trad/<int:thread_id>/svar/", pages.thread_reply, name="reply"),
    path("innlegg/<int:post_id>/", pages.post_permalink, name="post"),
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

# Moderation, guidance, listening, ideas and nettprat (issue 4).
from .views import guidance, listening, moderation  # noqa: E402

urlpatterns += [
    # Moderator tools on posts and threads
    path("innlegg/<int:post_id>/kvalitetssikre/", moderation.post_verify, name="post_verify"),
    path("innlegg/<int:post_id>/fjern/", moderation.post_hide, name="post_hide"),
    path("innlegg/<int:post_id>/gjenopprett/", moderation.post_restore, name="post_restore"),
    path("innlegg/<int:post_id>/rapporter/", moderation.post_flag, name="post_flag"),
    path("innlegg/<int:post_id>/godta/", guidance.answer_accept, name="answer_accept"),
    path("innlegg/<int:post_id>/nyttig/", listening.post_useful, name="post_useful"),
    path(
        "trad/<int:thread_id>/presisering/", moderation.clarification_new, name="clarification_new"
    ),
    path("trad/<int:thread_id>/notat/", moderation.moderator_note_new, name="moderator_note_new"),
    path("trad/<int:thread_id>/moderer/", moderation.thread_moderate, name="thread_moderate"),
    path("trad/<int:thread_id>/loft/", moderation.escalation_new, name="escalation_new"),
    path("trad/<int:thread_id>/folg/", listening.thread_follow, name="thread_follow"),
    path("trad/<int:thread_id>/bokmerke/", listening.thread_bookmark, name="thread_bookmark"),
    path(
        "rom/<slug:room_slug>/<slug:topic_slug>/presiseringer/",
        moderation.topic_clarifications,
        name="topic_clarifications",
    ),
    path(
        "rom/<slug:room_slug>/<slug:topic_slug>/folg/", listening.topic_follow, name="topic_follow"
    ),
    path("rom/<slug:room_slug>/<slug:topic_slug>/feed/", listening.topic_feed, name="topic_feed"),
    # Pages
    path("fjernede-innlegg/", moderation.removals, name="removals"),
    path("moderering/", moderation.queue, name="queue"),
    path("moderering/rapporter/", moderation.flag_queue, name="flag_queue"),
    path("moderering/rapporter/<int:flag_id>/", moderation.flag_handle, name="flag_handle"),
    path("moderering/logg/", moderation.moderation_log, name="moderation_log"),
    path("loftede-saker/", moderation.escalations, name="escalations"),
    path("loftede-saker/<int:escalation_id>/", moderation.escalation_detail, name="escalation"),
    path("regelverk/", guidance.rule_references, name="rule_references"),
    path("regelverk/<str:law>/<str:section>/", guidance.rule_reference, name="rule_reference"),
    path("sporsmal/lignende/", guidance.similar, name="similar"),
    path("varsler/", listening.notifications, name="notifications"),
    path("varsler/les-alle/", listening.notifications_read_all, name="notifications_read_all"),
    path("varsler/<int:notification_id>/", listening.notification_open, name="notification_open"),
    path("varsler/innstillinger/", listening.listening_settings, name="listening_settings"),
    path("bokmerker/", listening.bookmarks, name="bookmarks"),
    path("personer/sok/", listening.people_lookup, name="people_lookup"),
    path("feed/mine/<str:token>/", listening.followed_feed, name="feed_followed"),
]

from .views import ideas  # noqa: E402

urlpatterns += [
    path("forslag/", ideas.idea_list, name="ideas"),
    path("trad/<int:thread_id>/stem/", ideas.idea_vote, name="idea_vote"),
    path("trad/<int:thread_id>/forslagsstatus/", ideas.idea_status, name="idea_status"),
]

from .views import livechat  # noqa: E402

urlpatterns += [
    path("nettprat/", livechat.livechat_list, name="livechats"),
    path("nettprat/ny/", livechat.livechat_new, name="livechat_new"),
    path("nettprat/<int:chat_id>/", livechat.livechat_detail, name="livechat"),
    path(
        "nettprat/<int:chat_id>/sporsmal/", livechat.livechat_questions, name="livechat_questions"
    ),
    path("nettprat/<int:chat_id>/spor/", livechat.livechat_ask, name="livechat_ask"),
    path("nettprat/<int:chat_id>/styr/", livechat.livechat_control, name="livechat_control"),
    path(
        "nettprat/<int:chat_id>/sporsmal/<int:question_id>/stem/",
        livechat.livechat_vote,
        name="livechat_vote",
    ),
    path(
        "nettprat/<int:chat_id>/sporsmal/<int:question_id>/svar/",
        livechat.livechat_answer,
        name="livechat_answer",
    ),
    path(
        "nettprat/<int:chat_id>/sporsmal/<int:question_id>/avvis/",
        livechat.livechat_reject,
        name="livechat_reject",
    ),
]
