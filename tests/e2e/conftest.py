"""Browser fixtures: one headless Chromium per session, a fresh context per test.

Debian's ``chromium`` is driven by Playwright with ``executable_path``; the
test tool never downloads a browser. Pages are served by pytest-django's
``live_server`` (which makes every test here use ``transactional_db``). People
log in by getting a session cookie (except the test of the login form itself),
and a screenshot of every open page is saved to ``test-results/`` when a test
fails.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RESULTS_DIR = Path(settings.BASE_DIR) / "test-results"

# Runs before any page script: records every dialog and every call a payload
# could use to prove it ran. ``window.__xss`` is the marker payloads try to set.
SCRIPT_EXECUTION_PROBE = """
(() => {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
  });
  window.__xssCalls = [];
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = function (...args) {
      window.__xssCalls.push(name + "(" + args.join(",") + ")");
    };
  }
})();
"""


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters and cached pages live in the cache, which outlives the
    flushed database between tests (user ids repeat); start every test clean."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def browser(django_db_setup):
    """One Chromium for the session.

    Playwright's sync API keeps an asyncio loop running in this thread, which
    trips Django's async-safety check on every query made by test code; Django
    documents DJANGO_ALLOW_ASYNC_UNSAFE for exactly this case.
    """
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class BrowserSession:
    """One browser context against the live server, with helpers the tests share."""

    def __init__(self, context, base_url):
        self.context = context
        self.base_url = base_url
        self.dialogs = []
        self.console_errors = []
        self.page = self.new_page()

    def new_page(self):
        page = self.context.new_page()
        page.on("dialog", self._on_dialog)
        page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        return page

    def _on_dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def url(self, path):
        return self.base_url + path

    def goto(self, path_or_obj, *, expect_status=200):
        path = path_or_obj if isinstance(path_or_obj, str) else path_or_obj.get_absolute_url()
        response = self.page.goto(self.url(path))
        assert response is not None
        assert response.status == expect_status, f"{path}: HTTP {response.status}"
        return response

    def log_in(self, user):
        """Log ``user`` in by handing the browser a session cookie, not by typing a password."""
        client = Client()
        client.force_login(user)
        self.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": self.base_url,
                }
            ]
        )
        return self

    def csp_violations(self):
        """What the Content-Security-Policy blocked on the current page."""
        return self.page.evaluate("window.__cspViolations || []")

    def script_execution(self):
        """Everything that shows a script ran: dialogs, hooked calls, the marker, per frame."""
        found = list(self.dialogs)
        for page in self.context.pages:
            for frame in page.frames:
                try:
                    calls, marker = frame.evaluate("[window.__xssCalls || [], window.__xss]")
                except Exception as exc:  # noqa: BLE001 - a detached frame is not evidence
                    if "detached" in str(exc).lower():
                        continue
                    raise
                found += calls
                if marker is not None:
                    found.append(f"window.__xss = {marker!r} in {frame.url}")
        return found


@pytest.fixture
def browser_session(browser, live_server, request):
    """Factory for fresh browser contexts (own cookies) against the live server."""
    contexts = []

    def make(*, bypass_csp=False):
        context = browser.new_context(
            base_url=live_server.url, locale="nb-NO", bypass_csp=bypass_csp
        )
        context.set_default_timeout(10_000)
        context.add_init_script(SCRIPT_EXECUTION_PROBE)
        # Nothing but the live server: a post's image on another host (the XSS payloads have
        # some) fails at once instead of holding the page's load event until the network
        # gives up, which made navigation waits flaky. Its onerror still fires, so the
        # probe still sees any handler that survived the sanitiser.
        context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
        contexts.append(context)
        return BrowserSession(context, live_server.url)

    yield make
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        RESULTS_DIR.mkdir(exist_ok=True)
        stem = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
        for number, page in enumerate(p for context in contexts for p in context.pages):
            page.screenshot(path=str(RESULTS_DIR / f"{stem}-{number}.png"), full_page=True)
    for context in contexts:
        context.close()


@pytest.fixture
def web(browser_session):
    """A browser with the site's own security headers in force (the realistic case)."""
    return browser_session()


@pytest.fixture
def migration_data(transactional_db):
    """Rows that migrations create and a flushed live-server database has lost.

    Browser tests run on ``transactional_db``, which empties every table after each
    test, data migrations' rows included: Wagtail's locale and root page and the
    archive's default class. Put them back when missing (the first test on a
    worker still has them).
    """
    from wagtail.models import Locale, Page

    from archive.models import ArchiveClass

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    ArchiveClass.objects.get_or_create(
        code="F01", defaults={"title": "Veiledning, presiseringer og praksis i fagforum"}
    )


@pytest.fixture
def handbook(migration_data, agency, handbook_editor):
    """The handbook with its approval workflow; everyone in the agency may edit and submit."""
    from handbook import services as handbook_services

    return handbook_services.handbook_setup(editing_units=[agency])


@pytest.fixture
def handbook_page(handbook, handbook_editor):
    """A published page owned by the handbook editor, in a chapter, with two versions."""
    from tests.handbook.factories import chapter, handbook_page, publish_new_version, text

    routines = chapter(
        handbook, title="Dagpenger", owner=handbook_editor, publish_by=handbook_editor
    )
    page = handbook_page(
        routines,
        title="Permittering",
        owner=handbook_editor,
        body=text("Dagpenger under permittering gis fra første dag etter lønnsplikten."),
        publish_by=handbook_editor,
    )
    publish_new_version(
        page,
        by=handbook_editor,
        body=text(
            "Dagpenger under permittering gis fra dagen etter at arbeidsgivers lønnsplikt er slutt."
        ),
        summary="Presiserer når dagpengene starter",
    )
    return page
