"""The forum's URLs, grouped by what they hang under: a thread, a post, a topic, a room's
members, a live chat. Within a group only the tail differs; the names are the forum's
namespace as before (an ``include()`` of a plain list adds no namespace)."""

from django.urls import include, path

from .views import (
    attachments,
    guidance,
    ideas,
    listening,
    livechat,
    moderation,
    pages,
    rooms,
    statistics,
)

app_name = "forum"

thread_urls = [
    path("", pages.thread_detail, name="thread"),
    path("svar/", pages.thread_reply, name="reply"),
    path("folg/", listening.thread_follow, name="thread_follow"),
    path("bokmerke/", listening.thread_bookmark, name="thread_bookmark"),
    path("stem/", ideas.idea_vote, name="idea_vote"),
]

# The topic's moderators' tools on a thread (issue 4)
thread_moderator_urls = [
    path("presisering/", moderation.clarification_new, name="clarification_new"),
    path("notat/", moderation.moderator_note_new, name="moderator_note_new"),
    path("moderer/", moderation.thread_moderate, name="thread_moderate"),
    path("loft/", moderation.escalation_new, name="escalation_new"),
    path("forslagsstatus/", ideas.idea_status, name="idea_status"),
]

post_urls = [
    path("", pages.post_permalink, name="post"),
    path("endre/", pages.post_edit, name="post_edit"),
    path("historikk/", pages.post_history, name="post_history"),
    path("rapporter/", moderation.post_flag, name="post_flag"),
    path("godta/", guidance.answer_accept, name="answer_accept"),
    path("nyttig/", listening.post_useful, name="post_useful"),
]

# The topic's moderators' tools on a post (issue 4)
post_moderator_urls = [
    path("kvalitetssikre/", moderation.post_verify, name="post_verify"),
    path("fjern/", moderation.post_hide, name="post_hide"),
    path("gjenopprett/", moderation.post_restore, name="post_restore"),
]

topic_urls = [
    path("", pages.topic_detail, name="topic"),
    path("ny-trad/", pages.thread_new, name="thread_new"),
    path("merk-lest/", pages.topic_mark_read, name="topic_mark_read"),
    path("statistikk/", statistics.topic_statistics, name="topic_statistics"),
    path("presiseringer/", moderation.topic_clarifications, name="topic_clarifications"),
    path("folg/", listening.topic_follow, name="topic_follow"),
    path("feed/", listening.topic_feed, name="topic_feed"),
]

# Closed rooms: members and their log (issue 3), under their own prefix so that no topic
# slug can shadow them.
member_urls = [
    path("", rooms.room_members, name="room_members"),
    path("legg-til/", rooms.room_member_add, name="room_member_add"),
    path("<int:membership_id>/rolle/", rooms.room_member_role, name="room_member_role"),
    path("<int:membership_id>/fjern/", rooms.room_member_remove, name="room_member_remove"),
    path("logg/", rooms.room_audit_log, name="room_audit"),
]

# The moderators' pages across topics (issue 4)
moderator_urls = [
    path("", moderation.queue, name="queue"),
    path("rapporter/", moderation.flag_queue, name="flag_queue"),
    path("rapporter/<int:flag_id>/", moderation.flag_handle, name="flag_handle"),
    path("logg/", moderation.moderation_log, name="moderation_log"),
]

escalation_urls = [
    path("", moderation.escalations, name="escalations"),
    path("<int:escalation_id>/", moderation.escalation_detail, name="escalation"),
]

# Guidance on the regulations (issue 4)
rule_reference_urls = [
    path("", guidance.rule_references, name="rule_references"),
    path("<str:law>/<str:section>/", guidance.rule_reference, name="rule_reference"),
]

notification_urls = [
    path("", listening.notifications, name="notifications"),
    path("les-alle/", listening.notifications_read_all, name="notifications_read_all"),
    path("<int:notification_id>/", listening.notification_open, name="notification_open"),
    path("innstillinger/", listening.listening_settings, name="listening_settings"),
]

# Nettprat: a live question session; its questions are voted on, answered or rejected
livechat_question_urls = [
    path("stem/", livechat.livechat_vote, name="livechat_vote"),
    path("svar/", livechat.livechat_answer, name="livechat_answer"),
    path("avvis/", livechat.livechat_reject, name="livechat_reject"),
]

livechat_urls = [
    path("", livechat.livechat_list, name="livechats"),
    path("ny/", livechat.livechat_new, name="livechat_new"),
    path("<int:chat_id>/", livechat.livechat_detail, name="livechat"),
    path("<int:chat_id>/sporsmal/", livechat.livechat_questions, name="livechat_questions"),
    path("<int:chat_id>/spor/", livechat.livechat_ask, name="livechat_ask"),
    path("<int:chat_id>/styr/", livechat.livechat_control, name="livechat_control"),
    path("<int:chat_id>/sporsmal/<int:question_id>/", include(livechat_question_urls)),
]

urlpatterns = [
    path("", pages.forum_index, name="index"),
    path("rom/<slug:room_slug>/", pages.room_detail, name="room"),
    path("rom/<slug:room_slug>/<slug:topic_slug>/", include(topic_urls)),
    path("trad/<int:thread_id>/", include(thread_urls + thread_moderator_urls)),
    path("innlegg/<int:post_id>/", include(post_urls + post_moderator_urls)),
    path("vedlegg/<int:attachment_id>/", attachments.attachment_download, name="attachment"),
    path("medlemmer/<slug:room_slug>/", include(member_urls)),
    # Statistics (issue 10): the whole forum, for administrators and moderators
    path("statistikk/", statistics.forum_statistics, name="statistics"),
    path("moderering/", include(moderator_urls)),
    path("loftede-saker/", include(escalation_urls)),
    path("fjernede-innlegg/", moderation.removals, name="removals"),
    path("regelverk/", include(rule_reference_urls)),
    path("sporsmal/lignende/", guidance.similar, name="similar"),
    path("varsler/", include(notification_urls)),
    path("bokmerker/", listening.bookmarks, name="bookmarks"),
    path("personer/sok/", listening.people_lookup, name="people_lookup"),
    path("feed/mine/<str:token>/", listening.followed_feed, name="feed_followed"),
    path("forslag/", ideas.idea_list, name="ideas"),
    path("nettprat/", include(livechat_urls)),
]
