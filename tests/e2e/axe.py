"""axe-core in the page: WCAG 2.1 A/AA rules, zero violations, readable failures."""

from pathlib import Path

from django.conf import settings
from playwright.sync_api import Error as PlaywrightError

AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    """Run axe-core on the current page; return its violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        assert AXE_JS.exists(), f"{AXE_JS} is missing: run `npm ci`"
        try:
            page.add_script_tag(path=str(AXE_JS))
        except PlaywrightError:
            # The Content-Security-Policy (no inline scripts) refuses the injected
            # tag; evaluating through the DevTools protocol is not subject to it.
            page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:10]:
            lines.append(f"    at {' '.join(node['target'])}")
            lines.append(f"       {node['html'][:200]}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
    return "\n".join(lines)


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"axe-core found WCAG violations on {page.url}:\n" + format_violations(
        violations
    )
