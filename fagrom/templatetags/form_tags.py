"""``{% form_field form.body %}``: ``includes/field.html`` for one field, rendered once when empty.

Django renders a widget through templates (the field, its attributes, the widget: three
renders); on the thread page the empty reply form alone cost ~2 ms per request. An empty
field of an unbound form shows nothing but its definition and the language, so its HTML
is kept in this process, keyed by all of that; anything with a value or an error, and
choice widgets (their choices may come from the database), is rendered each time.
"""

from django import forms, template
from django.core.signals import setting_changed
from django.template.loader import get_template
from django.utils import translation

register = template.Library()

_KEPT: dict[tuple, str] = {}
_KEPT_MAX = 512  # a few forms × fields × languages; cleared if something keys past it


def _render(field) -> str:
    return get_template("includes/field.html").render({"field": field})


def _key(field) -> tuple | None:
    form, definition = field.form, field.field
    widget = definition.widget
    if form.is_bound or isinstance(widget, forms.widgets.ChoiceWidget):
        return None
    if field.value() not in (None, "") or field.errors:
        return None
    return (
        type(form).__module__,
        type(form).__qualname__,
        field.html_name,
        field.auto_id,
        translation.get_language(),
        str(field.label),
        str(field.help_text),
        definition.required,
        definition.disabled,
        form.use_required_attribute,
        type(widget).__module__,
        type(widget).__qualname__,
        repr(sorted((k, str(v)) for k, v in widget.attrs.items())),
    )


@register.simple_tag
def form_field(field):
    key = _key(field)
    if key is None:
        return _render(field)
    html = _KEPT.get(key)
    if html is None:
        if len(_KEPT) >= _KEPT_MAX:
            _KEPT.clear()
        html = _KEPT[key] = _render(field)
    return html


def _forget(**kwargs):
    _KEPT.clear()  # a test's changed setting may change a label or an attribute


setting_changed.connect(_forget, dispatch_uid="form-tags-forget")
