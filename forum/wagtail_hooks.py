"""Administrators manage rooms and topics in the Wagtail admin (no shell needed)."""

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Room, Topic


class RoomViewSet(SnippetViewSet):
    model = Room
    icon = "group"
    menu_label = "Rom"
    list_display = ["name", "kind", "slug"]
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
    icon = "tag"
    menu_label = "Temaer"
    list_display = ["name", "room", "thread_count"]
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
    menu_label = "Forum"
    menu_name = "forum"


register_snippet(ForumGroup)
