"""Markdown for posts, and the one sanitiser every piece of user HTML passes.

Posts are written in Markdown (CommonMark with tables and strikethrough) by
markdown-it-py with raw HTML *escaped*, then cleaned by ``sanitize`` against a
strict allow-list using nh3 (Rust's ammonia). bleach, the classic choice,
stopped all releases in June 2026, security fixes included.

Plain text in a post becomes a link where it names something on the site:
``@kari`` → Kari's profile (only for people who exist), ``ftrl. § 8-2`` → the rule's
page (which links on to Lovdata). Quotes made with the quote button link to the quoted
post (``quote``). Text inside links and code is left alone.

Raise ``MARKUP_VERSION`` whenever the rules below change; ``manage.py
rerender_posts`` then re-renders every post stored with an older version.
"""

import re

import nh3
from django.urls import reverse
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .rules import RULE_RE, rule_reference_for

MARKUP_VERSION = 2

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
# Classes the renderer itself puts on links (user HTML is escaped before it gets here).
ALLOWED_CLASSES = {"a": {"mention", "rule-ref"}}
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
        allowed_classes=ALLOWED_CLASSES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


# Links in text ------------------------------------------------------------------------

MENTION_RE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_.\-]{2,150})")


def _rule_links(text: str) -> list[tuple[int, int, str]]:
    links = []
    for match in RULE_RE.finditer(text):
        found = rule_reference_for(match.group("law"), match.group("section"))
        if found:
            law, section = found
            url = reverse("forum:rule_reference", kwargs={"law": law, "section": section})
            # The pattern may take the space after the section; the link ends at the number.
            end = match.start() + len(match.group(0).rstrip())
            links.append((match.start(), end, url, "rule-ref"))
    return links


def _mention_links(text: str, usernames: dict[str, str]) -> list:
    links = []
    for match in MENTION_RE.finditer(text):
        name = match.group(1).rstrip(".")
        username = usernames.get(name.lower())
        if username:
            url = reverse("people:profile", kwargs={"username": username})
            links.append((match.start(), match.start() + 1 + len(name), url, "mention"))
    return links


def _linked_tokens(text: str, links: list) -> list[Token]:
    tokens, at = [], 0
    for start, end, url, css in sorted(links):
        if start < at:
            continue  # overlapping matches: the first wins
        if start > at:
            tokens.append(Token("text", "", 0, content=text[at:start]))
        tokens += [
            Token("link_open", "a", 1, attrs={"href": url, "class": css}),
            Token("text", "", 0, content=text[start:end]),
            Token("link_close", "a", -1),
        ]
        at = end
    if at < len(text):
        tokens.append(Token("text", "", 0, content=text[at:]))
    return tokens


def _link_names(state) -> None:
    """Core rule: text outside links (code is never a text token) gets its mention and rule
    links."""
    usernames = state.env.get("usernames", {})
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children, inside_link = [], 0
        for token in block.children:
            if token.type == "link_open":
                inside_link += 1
            elif token.type == "link_close":
                inside_link -= 1
            if (
                token.type == "text"
                and not inside_link
                and ("@" in token.content or "§" in token.content)
            ):
                links = _mention_links(token.content, usernames) if usernames else []
                if "§" in token.content:
                    links += _rule_links(token.content)
                if links:
                    children += _linked_tokens(token.content, links)
                    continue
            children.append(token)
        block.children = children


_markdown.core.ruler.push("fagrom_links", _link_names)


def _existing_usernames(source: str) -> dict[str, str]:
    """{lowercased @name in ``source``: the username} for active people (one query)."""
    names = {m.rstrip(".").lower() for m in MENTION_RE.findall(source)}
    if not names:
        return {}
    from django.db.models.functions import Lower

    from people.models import User

    return {
        username.lower(): username
        for username in User.objects.annotate(lower=Lower("username"))
        .filter(lower__in=names, is_active=True)
        .values_list("username", flat=True)
    }


def render(source: str) -> str:
    """Markdown source → safe HTML. The only way post HTML is produced."""
    # Headings in posts start at h2: the page's own h1 is the thread title.
    html = _markdown.render(source, {"usernames": _existing_usernames(source or "")})
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return sanitize(html)


def quote(source: str, author_name: str, *, post_id: int | None = None) -> str:
    """Markdown that quotes ``source`` as a block, attributed to its author (and linked to
    the quoted post when ``post_id`` is given)."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in source.strip().splitlines())
    if post_id is None:
        said = _("%(name)s skrev:") % {"name": f"**{author_name}**"}
    else:
        link = reverse("forum:post", kwargs={"post_id": post_id})
        said = _("%(name)s skrev (%(post)s):") % {
            "name": f"**{author_name}**",
            "post": f"[{_('til innlegget')}]({link})",
        }
    return f"> {said}\n>\n{quoted}\n\n"
