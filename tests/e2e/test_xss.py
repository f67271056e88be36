"""Posts and titles carrying XSS payloads, posted through the real forms and rendered in
Chromium: no script runs, and nothing executable survives into the page.

The context bypasses the Content-Security-Policy on purpose: these tests prove the
sanitiser, and must not pass only because CSP caught what the sanitiser let through.
"""

import pytest

from forum import services
from tests.e2e.xss_payloads import BODIES, TITLES

pytestmark = pytest.mark.e2e

# Everything in the page that could run script: on* and htmx attributes anywhere,
# dangerous URL schemes, and elements the post allow-list must never let in.
_EXECUTABLE_CONTENT_JS = """
() => {
  const found = [];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'poster', 'background'];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${el.tagName} ${name}="${attr.value}"`);
      if (el.closest('.post__body, #thread-title') && (name.startsWith('hx-') || name.startsWith('data-hx-')))
        found.push(`${el.tagName} ${name}="${attr.value}"`);
      if (urlAttrs.includes(name)) {
        const url = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data):/.test(url)) found.push(`${el.tagName} ${name}="${attr.value}"`);
      }
    }
  }
  for (const el of document.querySelectorAll('.post__body *, #thread-title *, title *')) {
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'FORM', 'INPUT', 'BUTTON', 'STYLE',
         'BASE', 'META', 'LINK', 'TEMPLATE', 'DETAILS', 'VIDEO', 'AUDIO'].includes(el.tagName.toUpperCase()))
      found.push(`<${el.tagName.toLowerCase()}> inside user content`);
  }
  for (const script of document.scripts) {
    if (!script.src || !new URL(script.src).pathname.startsWith('/static/'))
      found.push(`script not from /static/: ${script.outerHTML.slice(0, 120)}`);
  }
  return found;
}
"""

# Fire the events a reader would cause by pointing at or tabbing through a post.
_INTERACT_JS = """
() => {
  for (const el of document.querySelectorAll('.post__body *')) {
    for (const type of ['mouseover', 'mouseenter', 'pointerover', 'focus', 'focusin', 'animationstart']) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
    if (typeof el.focus === 'function') el.focus();
  }
}
"""


def _problems(web):
    page = web.page
    page.evaluate(_INTERACT_JS)
    return web.script_execution() + page.evaluate(_EXECUTABLE_CONTENT_JS)


@pytest.fixture
def kari(browser_session, case_worker):
    return browser_session(bypass_csp=True).log_in(case_worker)


# Chunks, so parallel workers share the work and a failure names a smaller group;
# small enough that one person's replies stay under the posting throttle.
CHUNK = 16
BODY_CHUNKS = [BODIES[i : i + CHUNK] for i in range(0, len(BODIES), CHUNK)]


@pytest.mark.parametrize(
    "payloads", BODY_CHUNKS, ids=[f"payloads-{i * CHUNK + 1}-" for i in range(len(BODY_CHUNKS))]
)
def test_xss_payloads_in_posts_do_not_run(kari, case_worker, topic, payloads):
    thread = services.thread_start(
        topic=topic, author=case_worker, title="Testtråd", body="Første innlegg"
    )
    page = kari.page
    kari.goto(thread)
    failures = []
    for payload in payloads:
        page.locator("textarea[name=body]").fill(payload)
        with page.expect_navigation():
            page.get_by_role("button", name="Publiser svar").click()
        problems = _problems(kari)
        if problems:
            failures.append(f"{payload!r}:\n    " + "\n    ".join(problems))
            kari.dialogs.clear()
            page.evaluate("() => { window.__xss = undefined; window.__xssCalls = []; }")
    assert thread.posts.count() == len(payloads) + 1, "every payload must be stored as a post"
    assert not failures, "Script ran or executable content survived:\n" + "\n".join(failures)


def test_xss_payloads_in_thread_titles_do_not_run(kari, topic):
    page = kari.page
    failures = []
    for payload in TITLES:
        kari.goto(topic.get_absolute_url() + "ny-trad/")
        page.get_by_label("Tittel").fill(payload)
        page.get_by_label("Tekst").fill("Tittelen er testen.")
        with page.expect_navigation():
            page.get_by_role("button", name="Publiser").click()
        assert page.locator("h1").inner_text() == payload  # shown as text, escaped
        problems = _problems(kari)
        if problems:
            failures.append(f"thread page, {payload!r}: {problems}")
    # Titles are listed on the topic page, the forum index and the front page.
    for path in (topic.get_absolute_url(), "/forum/", "/"):
        kari.goto(path)
        if problems := _problems(kari):
            failures.append(f"{path}: {problems}")
    assert not failures, "\n".join(failures)


def test_xss_payloads_in_query_parameters_are_not_reflected_as_script(
    browser_session, room_owner, closed_topic
):
    from urllib.parse import quote

    web = browser_session(bypass_csp=True).log_in(room_owner)
    room = closed_topic.room
    thread = services.thread_start(
        topic=closed_topic, author=room_owner, title="Refleksjon", body="Tekst"
    )
    failures = []
    for payload in TITLES + ["javascript:window.__xss=1", '"onfocus="window.__xss=1" autofocus="']:
        q = quote(payload)
        for path in (
            f"/forum/medlemmer/{room.slug}/?q={q}",
            f"{closed_topic.get_absolute_url()}ny-trad/?kind={q}",
            f"{thread.get_absolute_url()}?quote={q}&side={q}",
            f"/accounts/login/?next={q}",
            f"/search/?q={q}&date_from={q}",
            f"/forum/{q}/",
        ):
            web.page.goto(web.url(path))
            if problems := _problems(web):
                failures.append(f"{path}: {problems}")
    assert not failures, "\n".join(failures)


def test_login_next_parameter_cannot_point_to_script_or_another_site(web, case_worker):
    for target in ("javascript:window.__xss=1", "https://evil.example/", "//evil.example/"):
        web.page.goto(web.url("/accounts/login/?next=" + target))
        web.page.get_by_label("Brukernavn").fill("kari")
        web.page.get_by_label("Passord").fill("pw")
        with web.page.expect_navigation():
            web.page.get_by_role("button", name="Logg inn").click()
        assert web.page.url.startswith(web.base_url), web.page.url
        assert not web.script_execution()
        web.context.clear_cookies()
