"""What every Fagrom form shares: Designsystemet classes and accessible error wiring."""

from django import forms


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
