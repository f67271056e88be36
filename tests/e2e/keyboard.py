"""Keyboard-only helpers: walk the Tab order, compare focus styles, find traps."""

# Elements a keyboard user must be able to reach (radios: one stop per group).
_FOCUSABLES_JS = """
() => {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]),'
    + ' select:not([disabled]), textarea:not([disabled]), summary,'
    + ' [tabindex]:not([tabindex="-1"]), [contenteditable=""], [contenteditable="true"]';
  const seenRadioGroups = new Set();
  const result = [];
  let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (el.tabIndex < 0) continue;
    // Inside a closed disclosure (<details>) only its summary is a tab stop; what it holds
    // becomes one when the summary is opened (by Enter or Space, like any button).
    if (el.closest('details:not([open]) > :not(summary)')) continue;
    const style = getComputedStyle(el);
    if (!el.getClientRects().length || style.visibility === 'hidden') {
      // The skip link is off-screen until focused, but it is a real tab stop.
      if (!el.classList.contains('ds-skip-link')) continue;
    }
    el.dataset.kbId = String(n++);
    if (el.type === 'radio') {
      if (seenRadioGroups.has(el.name)) { el.dataset.kbGroup = el.name; continue; }
      seenRadioGroups.add(el.name);
      el.dataset.kbGroup = el.name;
    }
    result.push(el.dataset.kbGroup ? 'radio:' + el.name : el.dataset.kbId);
  }
  return result;
}
"""

_FOCUS_STYLE_PROPS = [
    "outline-style",
    "outline-width",
    "outline-color",
    "box-shadow",
    "border-top-color",
    "border-bottom-color",
    "background-color",
    "color",
    "text-decoration-line",
]

_STYLE_OF_JS = """
([el, props]) => { const s = getComputedStyle(el); return props.map(p => s.getPropertyValue(p)); }
"""

_ACTIVE_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  return {
    key: el.dataset.kbGroup ? 'radio:' + el.dataset.kbGroup : (el.dataset.kbId ?? null),
    html: el.outerHTML.slice(0, 160),
    id: el.id,
  };
}
"""


def focusable_keys(page):
    """Mark every focusable element (``data-kb-id``) and return their keys in DOM order."""
    return page.evaluate(_FOCUSABLES_JS)


def active(page):
    return page.evaluate(_ACTIVE_JS)


def _styles(page, key, *, focused):
    if key.startswith("radio:"):
        # A radio group is one tab stop: the checked radio (or the first one).
        group = f'[data-kb-group="{key[6:]}"]'
        handle = page.locator(f"{group}:focus" if focused else f"{group}:checked, {group}").first
    else:
        handle = page.locator(f'[data-kb-id="{key}"]')
    return handle.evaluate(
        "(el, props) => { const s = getComputedStyle(el); return props.map(p => s.getPropertyValue(p)); }",
        _FOCUS_STYLE_PROPS,
    )


def tab_cycle(page, *, limit=400):
    """Press Tab from the top of the page until focus leaves the page and comes back.

    Returns (tab stops in order, focused style per stop). Fails on a trap: if
    focus never leaves the page within ``limit`` presses.
    """
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    stops, styles = [], {}
    for _ in range(limit):
        page.keyboard.press("Tab")
        current = active(page)
        if current is None:  # focus went to the browser's own UI: the cycle is complete
            return stops, styles
        key = current["key"]
        assert key is not None, (
            f"Tab reached an element not counted as focusable: {current['html']}"
        )
        stops.append(key)
        styles[key] = _styles(page, key, focused=True)
    raise AssertionError(f"Keyboard trap: focus did not leave the page after {limit} Tab presses")


def unfocused_styles(page, keys):
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    return {key: _styles(page, key, focused=False) for key in keys}


def describe(page, key):
    if key.startswith("radio:"):
        return page.locator(f'[data-kb-group="{key[6:]}"]').first.evaluate("el => el.outerHTML")
    return page.locator(f'[data-kb-id="{key}"]').evaluate("el => el.outerHTML.slice(0, 200)")


def tab_until(page, description, predicate_js, *, limit=100):
    """Press Tab until the focused element satisfies ``predicate_js`` (a JS function of it)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"Could not reach {description} with the Tab key")
