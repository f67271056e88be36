"""Administrators manage rooms and topics in the Wagtail admin (no shell needed)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from fagrom.admin_deletes import ReferencedDeleteRefusedMixin

from .models import Room, RoomAuditEntry, Topic
from .services import room_log, room_search_refresh


def _members_link(room):
    # Members are managed in Fagrom itself (service + audit log), not in the admin.
    url = reverse("forum:room_members", kwargs={"room_slug": room.slug})
    return format_html('<a href="{}">{}</a>', url, _("Medlemmer"))


class ReferencedDeleteView(ReferencedDeleteRefusedMixin, snippet_views.DeleteView):
    """A room with topics, or a topic with threads, is not deleted (fagrom/admin_deletes.py)."""


class RoomViewSet(SnippetViewSet):
    model = Room
    delete_view_class = ReferencedDeleteView
    icon = "group"
    menu_label = gettext_lazy("Rom")
    list_display = [
        "name",
        "kind",
        "slug",
        Column("members", label=gettext_lazy("Medlemmer"), accessor=_members_link),
    ]
    list_filter = ["kind"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("position"),
    ]


class TopicViewSet(SnippetViewSet):
    model = Topic
    delete_view_class = ReferencedDeleteView
    icon = "tag"
    menu_label = gettext_lazy("Temaer")
    # The counter field has no verbose name (it is never edited); the column needs one.
    list_display = ["name", "room", Column("thread_count", label=gettext_lazy("Tråder"))]
    list_filter = ["room"]
    search_fields = ["name"]
    panels = [
        FieldPanel("room"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("moderators"),
        FieldPanel("owner"),
        FieldPanel("response_target_days"),
        FieldPanel("position"),
    ]


class ForumGroup(SnippetViewSetGroup):
    items = (RoomViewSet, TopicViewSet)
    menu_icon = "comment"
    menu_label = gettext_lazy("Forum")
    menu_name = "forum"


register_snippet(ForumGroup)


@hooks.register("after_create_snippet")
def log_room_created(request, instance):
    if isinstance(instance, Room):
        with translation.override(settings.LANGUAGE_CODE):  # the log is read by everyone
            text = _("«%(name)s» opprettet som %(kind)s rom.") % {
                "name": instance.name,
                "kind": instance.get_kind_display().lower(),
            }
        room_log(
            room=instance, by=request.user, action=RoomAuditEntry.Action.ROOM_CREATED, text=text
        )


@hooks.register("after_edit_snippet")
def room_or_topic_changed(request, instance):
    if isinstance(instance, Room):
        with translation.override(settings.LANGUAGE_CODE):
            text = _("Rommet endret i administrasjonen (tilgang: %(kind)s).") % {
                "kind": instance.get_kind_display().lower()
            }
        room_log(
            room=instance, by=request.user, action=RoomAuditEntry.Action.ROOM_CHANGED, text=text
        )
        # Open or closed decides who finds the room's threads in search.
        room_search_refresh(room=instance)
    elif isinstance(instance, Topic):
        room_search_refresh(topic=instance)  # it may have moved to another room
