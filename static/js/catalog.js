// The catalog's filters: on a phone they fold behind a "필터" button so the first course shows on
// the first screen. Without this script the filters are simply always shown.
(function () {
  "use strict";
  var form = document.querySelector("[data-catalog-filters]");
  if (!form) return;
  var toggle = form.querySelector(".catalog-filters__toggle");
  var fields = document.getElementById(toggle.getAttribute("aria-controls"));
  form.classList.add("is-collapsible");
  toggle.hidden = false;
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    fields.classList.toggle("is-open", open);
    if (open) {
      var first = fields.querySelector("select, input");
      if (first) first.focus();
    }
  });
})();
