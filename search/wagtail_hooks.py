"""The law-name table in the Wagtail admin: editors add laws and their other names.

Who may edit it is Wagtail's own model permission (``search.add_lawname`` …), which
an administrator gives the editors' group. After a change, the editor's process
reads the table again at once, other processes within ``search.laws.TTL``; the
documents get the new tokens at the next ``search_reindex``.
"""

from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import laws
from .models import LawName


class LawNameViewSet(SnippetViewSet):
    model = LawName
    icon = "doc-full"
    menu_label = gettext_lazy("Lovnavn i søket")
    add_to_admin_menu = True
    list_display = ["abbreviation", "names"]
    search_fields = ["abbreviation", "names"]
    panels = [FieldPanel("abbreviation"), FieldPanel("names")]


register_snippet(LawNameViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def _law_table_changed(request, changed):
    # after_delete_snippet hands over a list of the deleted instances.
    items = changed if isinstance(changed, list | tuple) else [changed]
    if any(isinstance(item, LawName) for item in items):
        laws.forget()
