"""The thread page's posts: what every reader sees is rendered once, the reader's own bits per request.

A post's HTML has two parts:

* the **shared part** (``forum/includes/post_shared.html``): author, dates, badges and
  the text, or the removal notice of a hidden post. It is the same for every reader
  who may see the thread, so it is rendered once and kept in the cache;
* the **reader's part**, added here in one pass without templates: the removed text of
  a hidden post for those who may see it, and the actions (quote, edit, history,
  "nyttig", accept, verify, remove/restore, report), decided by ``access.post_actions``.

The cache key is a digest of everything the shared part shows (the post's text and
state, the author's and verifier's names, titles and units, whether it is the accepted
answer, the language and time zone, the markup and template versions). A change made
by any service (edit, removal, restore, verification, accepting an answer, a person's
new name or unit, a new language) gives the next request a new key, so no reader ever
gets a stale fragment, whichever process rendered it, and no invalidation call can be
forgotten. Old entries simply expire. The shared part never holds a hidden post's text
or anything that depends on who reads it.
"""

from __future__ import annotations

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.middleware.csrf import get_token
from django.template.defaultfilters import filesizeformat
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from fagrom import generations
from fagrom.reverse import id_url_maker, reverse_id

from . import markup

# Bump when post_shared.html, or what this module puts into it, changes.
FRAGMENT_VERSION = 3
# Entries nobody asks for again (old keys after a change) fall out after this long.
FRAGMENT_TIMEOUT = 7 * 24 * 3600


def _person_key(person) -> tuple:
    if person is None:
        return ()
    unit = person.org_unit.name if person.org_unit_id else ""
    return (person.pk, person.username, person.get_full_name(), person.title, unit)


def _author_key(post) -> tuple:
    # The snapshot when the post has one ({% author %}); today's profile for older rows.
    return (*_person_key(post.author), post.author_name, post.author_workplace, post.author_title)


def fragment_key(post, thread) -> str:
    """The cache key of ``post``'s shared part: a digest of everything that part shows."""
    attachments = tuple(
        (a.pk, a.original_name, a.size) for a in post.attachments.all()
    )  # prefetched
    material = repr(
        (
            FRAGMENT_VERSION,
            markup.MARKUP_VERSION,
            translation.get_language(),
            timezone.get_current_timezone_name(),
            post.pk,
            post.position,
            post.created_at,
            post.edited_at,
            post.markup_version,
            post.is_hidden,
            post.hidden_reason if post.is_hidden else "",
            post.verified_at,
            _person_key(post.verified_by) if post.verified_at else (),
            post.pk == thread.accepted_answer_id,
            _author_key(post),
            attachments,
            post.body_html,
        )
    )
    return "post-html:" + hashlib.blake2b(material.encode(), digest_size=20).hexdigest()


def fragments_forget(post) -> None:
    """Drop ``post``'s shared parts, in every language, from the cache (by digest, and its
    page's kept rows and parts): called before its text goes out of sight (a removal), so
    the visible fragment does not stay behind in the cache, unreachable but there, until
    it expires. Once more at the commit, in case
    a reader rendered it again from the rows as they were before.
    """
    thread = post.thread
    page = (post.position - 1) // settings.POSTS_PER_PAGE + 1
    keys = [posts_key(thread.pk, page, settings.POSTS_PER_PAGE)]  # the page's kept rows
    for code, _name in settings.LANGUAGES:
        with translation.override(code), timezone.override(settings.TIME_ZONE):
            keys.append(fragment_key(post, thread))
            keys.append(page_shared_key(thread.pk, page, settings.POSTS_PER_PAGE))
    cache.delete_many(keys)
    transaction.on_commit(functools.partial(cache.delete_many, keys))


def attachments_html(post) -> SafeString:
    files = post.attachments.all()
    if not files:
        return mark_safe("")
    items = format_html_join(
        "",
        '<li><a class="ds-link" href="{}" download>{}</a> <span class="meta">({})</span></li>',
        ((f.get_absolute_url(), f.original_name, filesizeformat(f.size)) for f in files),
    )
    return format_html(
        '<div class="post__attachments">'
        '<p class="ds-paragraph meta" data-size="sm" id="post-{}-files">{}</p>'
        '<ul class="plain-list attachment-list" aria-labelledby="post-{}-files">{}</ul></div>',
        post.pk,
        gettext("Vedlegg"),
        post.pk,
        items,
    )


def _render_shared(post, thread) -> str:
    return get_template("forum/includes/post_shared.html").render(
        {
            "post": post,
            "is_accepted": post.pk == thread.accepted_answer_id,
            "attachments_html": "" if post.is_hidden else attachments_html(post),
        }
    )


def shared_parts(posts, thread) -> dict[int, str]:
    """Each post's shared part by id: from the cache, the missing ones rendered and stored."""
    keys = {post.pk: fragment_key(post, thread) for post in posts}
    found = cache.get_many(keys.values())
    missing = {}
    result = {}
    for post in posts:
        html = found.get(keys[post.pk])
        if html is None:
            html = _render_shared(post, thread)
            missing[keys[post.pk]] = html
        result[post.pk] = html
    if missing:
        cache.set_many(missing, FRAGMENT_TIMEOUT)
    return result


def page_shared_key(thread_id, number, per_page) -> str:
    """A page's shared parts together, in the reader's language and time zone."""
    return (
        f"thread-shared:{int(thread_id)}:{int(number)}:{int(per_page)}:"
        f"{translation.get_language()}:{timezone.get_current_timezone_name()}"
    )


def page_shared_parts(posts, thread, page) -> dict[int, str]:
    """``shared_parts`` of one page, kept together while nothing changed
    (``fagrom.generations``): a re-read then costs neither the digests of every post nor
    a second round trip. After a change the page is put together again from the parts
    kept by digest, so only what changed is rendered."""
    posts = list(posts)
    kept = generations.cached(
        page_shared_key(thread.pk, page.number, page.paginator.per_page),
        make=lambda: shared_parts(posts, thread),
    )
    if any(post.pk not in kept for post in posts):  # the page as the kept part was made
        return shared_parts(posts, thread)
    return kept


class _Labels:
    """The footer's words, translated and escaped once per page, and its links' patterns."""

    def __init__(self):
        self.edit_url = id_url_maker("forum:post_edit")
        self.history_url = id_url_maker("forum:post_history")
        self.useful_url = id_url_maker("forum:post_useful")
        self.accept_url = id_url_maker("forum:answer_accept")
        self.verify_url = id_url_maker("forum:post_verify")
        self.restore_url = id_url_maker("forum:post_restore")
        self.hide_url = id_url_maker("forum:post_hide")
        self.flag_url = id_url_maker("forum:post_flag")
        self.quote = escape(gettext("Siter"))
        self.edit = escape(gettext("Endre"))
        self.history = escape(gettext("Historikk"))
        self.useful = escape(gettext("Nyttig"))
        self.accept = escape(gettext("Godta som svar"))
        self.verify = escape(gettext("Kvalitetssikre"))
        self.unverify = escape(gettext("Fjern kvalitetssikring"))
        self.restore = escape(gettext("Gjenopprett"))
        self.hide = escape(gettext("Fjern"))
        self.own_post = escape(
            gettext("Ditt innlegg: en annen moderator må kvalitetssikre eller fjerne det.")
        )
        self.flag = escape(gettext("Rapporter"))
        self.show_hidden = escape(
            gettext("Vis den fjernede teksten (bare for moderatorer og forfatteren)")
        )


_BUTTON = (
    '<button type="submit" class="ds-button" data-variant="tertiary" data-size="sm">{}</button>'
)


def useful_button_html(
    post, *, marked: bool, may_react: bool, csrf_input: str, labels=None
) -> SafeString:
    """The "nyttig" button (or count); also what the htmx toggle sends back."""
    if may_react:
        pk = int(post.pk)
        url = labels.useful_url(pk) if labels else reverse_id("forum:post_useful", pk)
        label = labels.useful if labels else escape(gettext("Nyttig"))
        # An f-string: ids, a URL made from one, an escaped label and the CSRF input.
        return mark_safe(
            f'<span class="useful" id="useful-{pk}"><form method="post" action="{url}"'
            f' hx-post="{url}" hx-target="#useful-{pk}" hx-swap="outerHTML">{csrf_input}'
            '<button type="submit" class="ds-button" data-variant="tertiary" data-size="sm"'
            f' aria-pressed="{"true" if marked else "false"}">{"★" if marked else "☆"} {label}'
            f' <span class="useful__count">({int(post.useful_count)})</span></button></form></span>'
        )
    if post.useful_count:
        text = ngettext(
            "%(n)s synes dette er nyttig", "%(n)s synes dette er nyttig", post.useful_count
        ) % {"n": post.useful_count}
        return format_html(
            '<span class="useful" id="useful-{}"><span class="meta">{}</span></span>', post.pk, text
        )
    return format_html('<span class="useful" id="useful-{}"></span>', post.pk)


def csrf_input_html(request) -> SafeString:
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )


def _link(url: str, label: str) -> str:
    return f'<a class="ds-link" href="{url}">{label}</a>'


def _form(url: str, csrf: str, label: str, extra: str = "") -> str:
    return f'<form method="post" action="{url}">{csrf}{extra}' + _BUTTON.format(label) + "</form>"


def _footer(post, thread, *, labels, csrf, marked, may_reply, may_accept, may_moderate) -> str:
    """The reader's actions under one post. Plain f-strings, not ``format_html``: every
    value is an id, a URL made from one, a label escaped once per page (``_Labels``) or
    the CSRF input, so there is nothing left to escape, and a page has 50 of these."""
    may = post.may
    pk = post.pk
    out = ['<footer class="post__actions">']
    if may_reply:
        out.append(_link(f"?quote={pk}#reply-heading", labels.quote))
    if may.edit:
        out.append(_link(labels.edit_url(pk), labels.edit))
    if post.revision_count and may.see_revisions:
        n = post.revision_count
        text = ngettext("Historikk (%(n)s endring)", "Historikk (%(n)s endringer)", n) % {"n": n}
        out.append(_link(labels.history_url(pk), escape(text)))
    out.append(
        useful_button_html(post, marked=marked, may_react=may.react, csrf_input=csrf, labels=labels)
    )
    if may_accept and not post.is_first and not post.is_hidden and pk != thread.accepted_answer_id:
        out.append(_form(labels.accept_url(pk), csrf, labels.accept))
    if may.handle:
        if not post.is_hidden and not post.is_first:
            undo = '<input type="hidden" name="undo" value="1">' if post.verified_at else ""
            label = labels.unverify if post.verified_at else labels.verify
            out.append(_form(labels.verify_url(pk), csrf, label, undo))
        if post.is_hidden:
            out.append(_link(labels.restore_url(pk), labels.restore))
        else:
            out.append(_link(labels.hide_url(pk), labels.hide))
        if not post.revision_count:
            out.append(_link(labels.history_url(pk), labels.history))
    elif may_moderate:
        out.append(f'<span class="meta">{labels.own_post}</span>')
    if may.flag and not post.is_hidden:
        out.append(_link(labels.flag_url(pk), labels.flag))
    out.append("</footer>")
    return "\n    ".join(out)


def posts_html(
    request, thread, posts, *, useful_ids, may_reply: bool, may_accept: bool, may_moderate: bool
) -> None:
    """Set ``post.html`` on each of ``posts`` (``post.may`` must be set: ``access.post_actions``).

    ``posts`` is one page of the thread's posts (a ``Page``) or any list of them."""
    shared = (
        page_shared_parts(posts, thread, posts)
        if hasattr(posts, "paginator")
        else shared_parts(list(posts), thread)
    )
    posts = list(posts)
    labels = _Labels()
    csrf = csrf_input_html(request)
    for post in posts:
        parts = [shared[post.pk]]
        if post.is_hidden and post.may.see_hidden:
            parts.append(
                format_html(
                    '<details class="post__hidden-text"><summary>{}</summary>'
                    '<div class="post__body">{}</div>{}</details>',
                    labels.show_hidden,
                    mark_safe(post.body_html),  # sanitised when it was stored
                    attachments_html(post),
                )
            )
        parts.append(
            _footer(
                post,
                thread,
                labels=labels,
                csrf=csrf,
                marked=post.pk in useful_ids,
                may_reply=may_reply,
                may_accept=may_accept,
                may_moderate=may_moderate,
            )
        )
        parts.append("</article>")
        post.html = mark_safe("\n  ".join(parts))


def posts_key(thread_id, number, per_page) -> str:
    return f"thread-posts:{int(thread_id)}:{int(number)}:{int(per_page)}"


def page_posts(thread, page_obj) -> list:
    """The posts of one page of ``thread`` (``page_obj`` from its paginator), kept while
    nothing changed.

    Everyone who may see the thread sees the same posts, so the rows are kept once per
    page under the content generation (``fagrom.generations``: any write makes them
    stale). What is kept holds no reader's state: the posts' link to the thread (the
    reader's copy, with their read mark) is cut before and set again after. A hidden
    post is never kept: its text and files are read fresh on every request.
    """
    rows = page_obj.object_list  # an unevaluated slice of the thread's posts
    key = posts_key(thread.pk, page_obj.number, page_obj.paginator.per_page)

    def make():
        kept = []
        for post in rows:
            post._state.fields_cache.pop("thread", None)
            prefetched = getattr(post, "_prefetched_objects_cache", {})
            if "attachments" in prefetched:
                # A list, not the prefetched QuerySet: unpickling a page of those cost ~3.5
                # ms (50 posts), a list ~0. The page only iterates the files, and
                # ``post.attachments.all()`` hands back what was prefetched as it is.
                prefetched["attachments"] = list(prefetched["attachments"])
            kept.append((post.pk, None if post.is_hidden else post))
        return kept

    kept = generations.cached(key, make=make)
    hidden_ids = [pk for pk, post in kept if post is None]
    fresh = (
        {p.pk: p for p in page_obj.paginator.object_list.filter(pk__in=hidden_ids)}
        if hidden_ids
        else {}
    )
    posts = [post if post is not None else fresh.get(pk) for pk, post in kept]
    posts = [post for post in posts if post is not None]  # gone since (an approved disposal)
    thread_field = type(posts[0]).thread.field if posts else None
    for post in posts:
        thread_field.set_cached_value(post, thread)
    return posts
