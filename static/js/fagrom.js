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
