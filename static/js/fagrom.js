// Progressive enhancement only: every page works without JavaScript.
// No inline scripts anywhere (the Content-Security-Policy forbids them).
(function () {
  "use strict";
  // After a form with errors is shown, move focus to the error summary so
  // keyboard and screen-reader users land on the list of what to fix.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
  });
})();

// @-mentions: suggest colleagues while typing "@na…" in a post, or in a field marked
// data-mention-lookup (a username field). The lookup URL comes from #mention-lookup.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var config = document.getElementById("mention-lookup");
    if (!config) { return; }
    var url = config.getAttribute("data-url");
    var fields = document.querySelectorAll("textarea.ds-input, input[data-mention-lookup]");
    Array.prototype.forEach.call(fields, function (field, index) { attach(field, index); });

    function attach(field, index) {
      var whole = field.hasAttribute("data-mention-lookup");
      var list = document.createElement("ul");
      list.className = "mention-list";
      list.id = "mention-list-" + index;
      list.setAttribute("role", "listbox");
      list.hidden = true;
      field.insertAdjacentElement("afterend", list);
      field.setAttribute("aria-autocomplete", "list");
      field.setAttribute("aria-controls", list.id);
      var results = [], active = -1, timer = null, controller = null;

      function token() {
        var before = field.value.slice(0, field.selectionStart || field.value.length);
        if (whole) { return before.replace(/^@/, ""); }
        var m = /(?:^|\s)@([\w.\-æøåÆØÅ]{2,})$/.exec(before);
        return m ? m[1] : null;
      }
      function close() { list.hidden = true; active = -1; field.removeAttribute("aria-activedescendant"); }
      function render() {
        list.innerHTML = "";
        results.forEach(function (p, i) {
          var li = document.createElement("li");
          li.id = list.id + "-" + i;
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", i === active ? "true" : "false");
          li.textContent = p.name + (p.workplace ? " · " + p.workplace : "") + " (@" + p.username + ")";
          li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
          list.appendChild(li);
        });
        list.hidden = results.length === 0;
        if (active >= 0) { field.setAttribute("aria-activedescendant", list.id + "-" + active); }
      }
      function choose(i) {
        var p = results[i];
        if (!p) { return; }
        if (whole) {
          field.value = p.username;
        } else {
          var pos = field.selectionStart;
          var before = field.value.slice(0, pos).replace(/@[\w.\-æøåÆØÅ]*$/, "@" + p.username + " ");
          field.value = before + field.value.slice(pos);
          field.selectionStart = field.selectionEnd = before.length;
        }
        close();
        field.focus();
      }
      field.addEventListener("input", function () {
        var q = token();
        clearTimeout(timer);
        if (!q || q.length < 2) { close(); return; }
        timer = setTimeout(function () {
          if (controller) { controller.abort(); }
          controller = new AbortController();
          fetch(url + "?q=" + encodeURIComponent(q), { credentials: "same-origin", signal: controller.signal })
            .then(function (r) { return r.json(); })
            .then(function (data) { results = data.results || []; active = results.length ? 0 : -1; render(); })
            .catch(function () {});
        }, 200);
      });
      field.addEventListener("keydown", function (e) {
        if (list.hidden) { return; }
        if (e.key === "ArrowDown") { active = (active + 1) % results.length; render(); e.preventDefault(); }
        else if (e.key === "ArrowUp") { active = (active - 1 + results.length) % results.length; render(); e.preventDefault(); }
        else if (e.key === "Enter" || e.key === "Tab") { if (active >= 0) { choose(active); e.preventDefault(); } }
        else if (e.key === "Escape") { close(); }
      });
      field.addEventListener("blur", function () { setTimeout(close, 150); });
    }
  });
})();

// A table wider than the screen scrolls inside its .table-scroll box (WCAG 1.4.10). Such a
// box must be reachable with the keyboard to scroll it (WCAG 2.1.1), so while it overflows it
// becomes a focusable, named region; when it fits, it is left as a plain box (no extra tab stop).
(function () {
  "use strict";
  function name(box) {
    var caption = box.querySelector("caption");
    if (caption) { return caption.textContent.trim(); }
    var el = box;
    while (el && el !== document.body) {
      var prev = el.previousElementSibling;
      while (prev) {
        if (/^H[1-6]$/.test(prev.tagName)) { return prev.textContent.trim(); }
        prev = prev.previousElementSibling;
      }
      el = el.parentElement;
    }
    return document.title;
  }
  function update() {
    Array.prototype.forEach.call(document.querySelectorAll(".table-scroll"), function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", name(box));
      } else if (box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("resize", function () { window.requestAnimationFrame(update); });
})();

// The header search box is a WAI-ARIA combobox: htmx fills the listbox with
// suggestions; the arrow keys move the active option (aria-activedescendant, focus
// stays in the box), Enter opens it, Escape closes the list.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("site-search-q");
    var list = document.getElementById("site-search-listbox");
    var status = document.getElementById("site-search-status");
    if (!box || !list) { return; }
    var active = -1;
    function options() { return list.querySelectorAll('[role="option"]'); }
    function open(show) {
      list.hidden = !show;
      box.setAttribute("aria-expanded", show ? "true" : "false");
      if (!show) { move(-1); }
    }
    function move(index) {
      var all = options();
      Array.prototype.forEach.call(all, function (o, i) {
        o.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && all[index]) {
        box.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        box.removeAttribute("aria-activedescendant");
      }
    }
    list.addEventListener("htmx:afterSwap", function () {
      var all = options();
      active = -1;
      open(all.length > 0 && document.activeElement === box);
      if (status) { status.textContent = all.length ? all[0].getAttribute("data-status") : ""; }
    });
    box.addEventListener("keydown", function (e) {
      var all = options();
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!all.length) { return; }
        e.preventDefault();
        if (list.hidden) { open(true); }
        var step = e.key === "ArrowDown" ? 1 : -1;
        move((active + step + all.length) % all.length);
      } else if (e.key === "Enter" && active >= 0 && !list.hidden) {
        var link = all[active] && all[active].querySelector("a");
        if (link) { e.preventDefault(); window.location.assign(link.href); }
      } else if (e.key === "Escape" && !list.hidden) {
        e.preventDefault();
        open(false);
      }
    });
    box.addEventListener("blur", function () {
      setTimeout(function () { if (!list.contains(document.activeElement)) { open(false); } }, 150);
    });
    list.addEventListener("mousedown", function (e) { e.preventDefault(); });
  });
})();

// Search page: filters and sorting apply at once (htmx swaps the results region);
// without JavaScript the "Bruk filtrene" button does the same with a page load.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.target && e.target.id === "search-layout") {
      var heading = document.getElementById("search-results-heading");
      var status = document.getElementById("search-live");
      if (heading && status) { status.textContent = heading.textContent.trim(); }
    }
  });
})();

// Header menu button (≤ 768 px): shows and hides the menus; without JavaScript the
// button stays hidden and the menus stay open.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".site-menu-button");
    var header = document.querySelector(".site-header");
    if (!button || !header) { return; }
    button.hidden = false;
    header.classList.add("has-menu-button");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      header.classList.toggle("is-open", open);
    });
  });
})();
