"""Markdown for posts, and the one sanitiser every piece of user HTML passes.

Posts are written in Markdown (CommonMark with tables and strikethrough) by
markdown-it-py with raw HTML *escaped*, then cleaned by ``sanitize`` against a
strict allow-list using nh3 (Rust's ammonia). bleach, the classic choice,
stopped all releases in June 2026, security fixes included.

Raise ``MARKUP_VERSION`` whenever the rules below change; ``manage.py
rerender_posts`` then re-renders every post stored with an older version.
"""

import nh3
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

MARKUP_VERSION = 1

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener noreferrer"

_markdown = (
    MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    .enable("table")
    .enable("strikethrough")
)


def sanitize(html: str) -> str:
    """Return ``html`` with everything outside the allow-list removed.

    Scripts, styles, iframes, forms, SVG and MathML disappear with their
    content; event handlers and ``style`` attributes are dropped; only
    http(s) and mailto URLs survive (so ``javascript:``, ``data:`` and
    ``vbscript:`` in any case or entity encoding are gone); links get
    ``rel="nofollow noopener noreferrer"``.
    """
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={
            "script",
            "style",
            "iframe",
            "object",
            "embed",
            "svg",
            "math",
            "form",
            "template",
            "noscript",
            "textarea",
            "select",
        },
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render(source: str) -> str:
    """Markdown source → safe HTML. The only way post HTML is produced."""
    # Headings in posts start at h2: the page's own h1 is the thread title.
    html = _markdown.render(source)
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return sanitize(html)


def quote(source: str, author_name: str) -> str:
    """Markdown that quotes ``source`` as a block, attributed to its author."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in source.strip().splitlines())
    said = _("%(name)s skrev:") % {"name": f"**{author_name}**"}
    return f"> {said}\n>\n{quoted}\n\n"
