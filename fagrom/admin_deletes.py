"""Referenced objects are not deleted from the Wagtail admin; the admin says what refers to them.

Wagtail's delete confirmation counts only its own reference index, which knows
nothing of threads in a topic or posts by a person, so it said "referenced 0
times" and the delete then ended in a 500 (``ProtectedError``) — or, where the
relation cascades, would have taken content with it. Here every reverse
relation counts: while anything points at the object, the delete view (GET and
POST) and the bulk delete answer with a message naming what refers to it.
People who leave are deactivated, never deleted (``PEOPLE_DELETE_HINT``).
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Model
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext as _

# Bookkeeping of Wagtail's own that follows the object and holds nothing of the domain.
IGNORED_MODELS = {"wagtailusers.userprofile", "wagtailcore.pagesubscription"}


def object_references(obj: Model) -> list[tuple[str, int]]:
    """(what, how many) for every reverse relation with rows pointing at ``obj``."""
    found = []
    for relation in obj._meta.related_objects:
        related = relation.related_model
        if related._meta.label_lower in IGNORED_MODELS:
            continue
        if relation.many_to_many:
            if relation.hidden:  # no accessor; its rows go with the object and hold no content
                continue
            count = getattr(obj, relation.get_accessor_name()).count()
        else:
            count = related._base_manager.filter(**{relation.field.name: obj}).count()
        if count:
            found.append((str(related._meta.verbose_name_plural), count))
    return found


def references_message(obj: Model, references: list[tuple[str, int]]) -> str:
    listed = ", ".join(f"{what}: {count}" for what, count in references)
    message = _(
        "«%(object)s» kan ikke slettes fordi andre ting viser til det (%(references)s)."
    ) % {
        "object": obj,
        "references": listed,
    }
    if obj._meta.label_lower == "people.user":
        message += " " + _(
            "Personer som slutter, slettes ikke, men deaktiveres: fjern haken for «Aktiv» "
            "på kontoen. Innleggene deres står igjen med navnet deres."
        )
    return capfirst(message)


class ReferencedDeleteRefusedMixin:
    """For a Wagtail ``DeleteView``: refuse (GET and POST) while anything refers to the object."""

    def dispatch(self, request, *args, **kwargs):
        references = object_references(self.object)
        if references:
            messages.error(request, references_message(self.object, references))
            return redirect(self.get_refused_url())
        return super().dispatch(request, *args, **kwargs)

    def get_refused_url(self):
        if getattr(self, "edit_url_name", None):
            from django.urls import reverse
            from wagtail.admin.admin_url_finder import quote

            return reverse(self.edit_url_name, args=(quote(self.object.pk),))
        return self.get_success_url()


def bulk_delete_refused(request, action_type, objects, action_class_instance):
    """``before_bulk_action`` hook: a bulk delete of referenced objects deletes none of them."""
    if action_type != "delete":
        return None
    refused = [
        references_message(obj, refs)
        for obj in objects
        if isinstance(obj, Model) and (refs := object_references(obj))
    ]
    if not refused:
        return None
    for message in refused:
        messages.error(request, message)
    return redirect(request.GET.get("next") or "wagtailadmin_home")
