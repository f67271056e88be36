"""``{% kept %}…{% endkept %}``: a stretch of a template rendered once per process and language.

Every page's frame holds links, stylesheets, menu items and labels that show nothing but
the code, the settings and the language: ~15 ``{% url %}``s, six ``{% static %}``s and
~25 ``{% translate %}``s, about 2 ms of every page. Inside ``{% kept %}`` they are
rendered once and the HTML reused. **Only** for what is the same for every request in a
language: nothing about the person, the request, the CSRF token, a block a child template
may fill, or the database. With ``DEBUG`` on (templates change while one works) it
renders every time; a changed setting (the tests') forgets what was kept.
"""

import itertools

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.urls import get_script_prefix
from django.utils import translation

register = template.Library()

_KEPT: dict[tuple, str] = {}
# Each tag's own number, given when its template is parsed (once per process with the
# cached loader; token positions exist only in debug mode).
_NUMBERS = itertools.count()


class KeptNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.number = next(_NUMBERS)

    def render(self, context):
        if settings.DEBUG:
            return self.nodelist.render(context)
        key = (
            self.number,
            translation.get_language(),
            get_script_prefix(),
        )
        html = _KEPT.get(key)
        if html is None:
            html = _KEPT[key] = self.nodelist.render(context)
        return html


@register.tag
def kept(parser, token):
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist)


def _forget(**kwargs):
    _KEPT.clear()


setting_changed.connect(_forget, dispatch_uid="kept-tags-forget")
