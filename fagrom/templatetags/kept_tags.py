"""``{% kept %}…{% endkept %}``: a stretch of a template rendered once per process and language.

Every page's frame holds links, stylesheets, menu items and labels that show nothing but
the code, the settings and the language: ~15 ``{% url %}``s, six ``{% static %}``s and
~25 ``{% translate %}``s, about 2 ms of every page. Inside ``{% kept %}`` they are
rendered once and the HTML reused. **Only** for what is the same for every request in a
language: nothing about the person, the request, the CSRF token, a block a child template
may fill, or the database.

``{% kept for thread.pk page_obj.number %}`` also shows rows, the same for every reader
(a thread's title, tags and counts, its pages' links): kept per value of what follows
``for``, under the *content* generation the request read (``fagrom.generations``), so the
next request after any write renders it again. Never a reader's own state inside.

With ``DEBUG`` on (templates change while one works) it renders every time; a changed
setting (the tests') forgets what was kept.
"""

import itertools

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.urls import get_script_prefix
from django.utils import timezone, translation

from fagrom import generations

register = template.Library()

_KEPT: dict[tuple, str] = {}
# Parts kept under a generation: a new key after every write, so bounded by clearing.
_KEPT_MAX = 4096
# Each tag's own number, given when its template is parsed (once per process with the
# cached loader; token positions exist only in debug mode).
_NUMBERS = itertools.count()


class KeptNode(template.Node):
    def __init__(self, nodelist, vary):
        self.nodelist = nodelist
        self.vary = vary
        self.number = next(_NUMBERS)

    def render(self, context):
        if settings.DEBUG:
            return self.nodelist.render(context)
        key = (self.number, translation.get_language(), get_script_prefix())
        if self.vary:
            content = generations.content_token()
            if content is None:  # outside a request that read it: as if not kept
                return self.nodelist.render(context)
            key += (
                timezone.get_current_timezone_name(),
                content,
                *(str(value.resolve(context)) for value in self.vary),
            )
        html = _KEPT.get(key)
        if html is None:
            if len(_KEPT) >= _KEPT_MAX:
                _KEPT.clear()
            html = _KEPT[key] = self.nodelist.render(context)
        return html


@register.tag
def kept(parser, token):
    bits = token.split_contents()[1:]
    if bits and (bits[0] != "for" or len(bits) == 1):
        raise template.TemplateSyntaxError("{% kept %} or {% kept for value ... %}")
    vary = [parser.compile_filter(bit) for bit in bits[1:]]
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, vary)


def _forget(**kwargs):
    _KEPT.clear()


setting_changed.connect(_forget, dispatch_uid="kept-tags-forget")
