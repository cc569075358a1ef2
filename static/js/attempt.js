// A quiz attempt: autosave each answer as the trainee goes, and show the time left.
// The server keeps the clock and refuses late answers; this only helps the trainee.
(function () {
  "use strict";
  var form = document.querySelector("[data-autosave-url]");
  if (!form) return;
  var url = form.getAttribute("data-autosave-url");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  function save(fieldset) {
    var question = fieldset.getAttribute("data-question");
    var body = new URLSearchParams();
    body.append("question", question);
    fieldset.querySelectorAll("input, select, textarea").forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      if (input.name === "q-" + question && input.value !== "") body.append("answer", input.value);
    });
    var status = fieldset.querySelector(".autosave-status");
    fetch(url, { method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": token }, body: body })
      .then(function (response) { return response.json().then(function (data) { return [response, data]; }); })
      .then(function (pair) {
        var data = pair[1];
        if (status) status.textContent = data.saved ? status.dataset.saved || "✓" : data.error;
        if (data.closed) window.location.reload();
      })
      .catch(function () { if (status) status.textContent = "…"; });
  }

  // "n/N answered" and the question navigator follow the answers as they are given.
  var count = document.querySelector("[data-answered-count]");
  function answered(fieldset) {
    return Array.prototype.some.call(fieldset.querySelectorAll("input, select, textarea"), function (input) {
      if (input.type === "radio" || input.type === "checkbox") return input.checked;
      return input.value.trim() !== "";
    });
  }
  function recount() {
    var n = 0;
    form.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
      var done = answered(fieldset);
      if (done) n += 1;
      var link = document.querySelector('[data-nav-question="' + fieldset.getAttribute("data-question") + '"]');
      if (link) {
        link.classList.toggle("is-answered", done);
        var state = link.querySelector(".question-nav__state");
        if (state) state.textContent = done ? " (" + (count ? count.parentNode.getAttribute("data-answered-word") || "✓" : "✓") + ")" : "";
      }
    });
    if (count && count.textContent !== String(n)) count.textContent = n;
  }

  form.querySelectorAll("fieldset[data-question]").forEach(function (fieldset) {
    fieldset.addEventListener("change", function () { save(fieldset); recount(); });
    fieldset.addEventListener("input", recount);
  });

  form.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) event.preventDefault();
    });
  });

  var timer = document.querySelector("[data-seconds-left]");
  if (timer) {
    var display = timer.querySelector("[data-timer-display]");
    var ends = Date.now() + parseInt(timer.getAttribute("data-seconds-left"), 10) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      display.textContent = (minutes < 10 ? "0" : "") + minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      timer.classList.toggle("is-ending", left <= 60);
      if (left === 0) { window.clearInterval(interval); window.setTimeout(function () { window.location.reload(); }, 25000); }
    };
    var interval = window.setInterval(tick, 1000);
    tick();
  }
})();
