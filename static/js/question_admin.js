// The question form of the admin: show only the panels of the chosen type. Each panel names its
// types in data-question-types (assessments.models.Question.panels); with no type chosen, or without
// JavaScript, every panel shows and the server still refuses fields of another type.
(function () {
  "use strict";
  function update() {
    var select = document.querySelector('select[name="type"]');
    if (!select) return;
    document.querySelectorAll("[data-question-types]").forEach(function (panel) {
      var types = panel.getAttribute("data-question-types").split(" ");
      panel.hidden = select.value !== "" && types.indexOf(select.value) === -1;
    });
  }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.name === "type") update();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update);
  else update();
})();
