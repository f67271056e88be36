"""The Content-Security-Policy in the browser: it blocks an injected inline script, and
Fagrom's own pages cause no violations and no console errors."""

import pytest
from django.urls import reverse

from forum import services

pytestmark = pytest.mark.e2e


@pytest.fixture
def thread(topic, case_worker, moderator):
    thread = services.thread_start(
        topic=topic,
        author=case_worker,
        title="CSP-tråd",
        body="**Fet** og [lenke](https://lovdata.no/)",
    )
    services.post_reply(thread=thread, author=moderator, body="Svar")
    return thread


def test_csp_blocks_an_injected_inline_script(web, case_worker, thread):
    web.log_in(case_worker).goto(thread)
    web.page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.__xss = 1'; document.body.append(s); }"""
    )
    web.page.evaluate("() => new Promise(r => setTimeout(r, 0))")  # let the event fire
    assert web.page.evaluate("window.__xss") is None
    assert any("script-src" in v for v in web.csp_violations())


def test_csp_blocks_inline_event_handlers_and_styles(web, case_worker, thread):
    web.log_in(case_worker).goto(thread)
    web.page.evaluate(
        """() => { const d = document.createElement('div');
                   d.innerHTML = '<img src="/static/none.png" onerror="window.__xss=1">'
                     + '<style>body { display: none }</style>';
                   document.body.append(d); }"""
    )
    web.page.wait_for_function("window.__cspViolations.length >= 2")
    assert web.page.evaluate("window.__xss") is None
    assert web.page.locator("body").is_visible()


def _own_pages(thread):
    topic = thread.topic
    return [
        "/",
        reverse("forum:index"),
        topic.room.get_absolute_url(),
        topic.get_absolute_url(),
        thread.get_absolute_url(),
        reverse("forum:thread_new", args=[topic.room.slug, topic.slug]),
        reverse("forum:room_members", args=[topic.room.slug]) + "?q=Ola",
        thread.author.get_absolute_url(),
        reverse("people:profile_edit"),
        reverse("accessibility_statement"),
        reverse("search:results") + "?q=lenke",
        reverse("forum:notifications"),
        reverse("archive:public_journal"),
        "/finnes-ikke/",  # the 404 page: its own 404 is the only console error allowed
    ]


def test_own_pages_cause_no_csp_violations_or_console_errors(
    web, case_worker, thread, handbook_page
):
    web.log_in(case_worker)
    problems = []
    handbook = [
        handbook_page.url,
        reverse("handbook:page_changelog", args=[handbook_page.pk]),
        reverse("handbook:diff", args=[handbook_page.pk]),
    ]
    for path in _own_pages(thread) + handbook:
        web.console_errors.clear()
        web.page.goto(web.url(path))
        web.page.wait_for_load_state("networkidle")
        response = web.page.goto(web.url(path))
        expected = "404 (Not Found)" if response.status == 404 else None
        errors = [e for e in web.console_errors if not (expected and expected in e)]
        if violations := web.csp_violations():
            problems.append(f"{path}: {violations}")
        if errors:
            problems.append(f"{path}: console: {errors}")
    assert not problems, "\n".join(problems)


def test_login_page_causes_no_csp_violations(web, db):
    web.goto(reverse("login"))
    web.page.wait_for_load_state("networkidle")
    assert web.csp_violations() == []
    assert web.console_errors == []
