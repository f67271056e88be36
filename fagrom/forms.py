"""What every Fagrom form shares: Designsystemet classes and accessible error wiring."""

from django import forms

INDENT = "\u2003"  # an em space per level; option labels are plain text

# Depth of the first level people choose from: root units (treebeard), handbook chapters
# (Wagtail: root 1, site root 2, the handbook 3).
TREE_BASE_DEPTH = {"orgunit": 1, "page": 4}


def tree_label(obj, text=None) -> str:
    """``obj``'s label indented by its depth in its tree (units, handbook pages)."""
    base = TREE_BASE_DEPTH.get(obj._meta.model_name, TREE_BASE_DEPTH["page"])
    return INDENT * max(getattr(obj, "depth", base) - base, 0) + (text or str(obj))


def _tree_aware(label):
    def label_from_instance(obj):
        if hasattr(obj, "depth") and hasattr(obj, "path"):
            return tree_label(obj, label(obj))
        return label(obj)

    return label_from_instance


class FagromFormMixin:
    """Adds ``ds-input`` classes, ``aria-describedby`` and ``aria-invalid`` to widgets.

    Django links help text (``<id>_helptext``) by itself; errors need the same
    so screen readers announce them with the field (WCAG 3.3.1).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            # ``ds-input`` sizes a box for text; on a checkbox or radio it draws a sliver.
            toggles = (forms.CheckboxInput, forms.CheckboxSelectMultiple, forms.RadioSelect)
            widget.attrs.setdefault(
                "class", "toggle" if isinstance(widget, toggles) else "ds-input"
            )
            if isinstance(field, forms.ModelChoiceField):
                # Units and pages as the tree they are (decided per option: forms often set
                # the queryset after this), with a filter box for long lists (fagrom.js).
                field.label_from_instance = _tree_aware(field.label_from_instance)
                widget.attrs.setdefault("data-filter", "1")

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            described = []
            if field.help_text:
                described.append(f"{bound.auto_id}_helptext")
            if self.errors.get(name):
                described.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)


class FagromForm(FagromFormMixin, forms.Form):
    pass


class FagromModelForm(FagromFormMixin, forms.ModelForm):
    pass
