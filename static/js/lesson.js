// Study-time heartbeats: while the lesson is on screen, tell the server every few seconds.
// The server decides how much time counts (its own clock, capped); this script only reports
// that the page is visible, and pauses while the tab is hidden.
(function () {
  "use strict";
  var article = document.querySelector("[data-heartbeat-url]");
  if (!article) return;
  var url = article.getAttribute("data-heartbeat-url");
  var seconds = parseInt(article.getAttribute("data-heartbeat-seconds"), 10) || 15;
  var timer = null;
  var resume = true;

  // The CSRF token comes with the page (every signed-in page has one, in the log-out form): the
  // cookie's name differs in production (__Host-csrftoken), so the script never reads cookies.
  var input = document.querySelector("input[name=csrfmiddlewaretoken]");
  var token = input ? input.value : "";

  function beat() {
    var body = new URLSearchParams();
    if (resume) body.append("resume", "1");
    resume = false;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, "X-Requested-With": "fetch" },
      body: body,
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.recorded) return;
        var studied = document.querySelector("[data-studied-minutes]");
        if (studied) studied.textContent = Math.floor(data.seconds_studied / 60);
        var help = document.getElementById("complete-help");
        if (data.can_complete && help) help.hidden = true;
      })
      .catch(function () { /* offline: the next beat resumes */ resume = true; });
  }

  function start() {
    if (timer) return;
    resume = true;
    beat();
    timer = window.setInterval(beat, seconds * 1000);
  }

  function stop() {
    if (timer) window.clearInterval(timer);
    timer = null;
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") start(); else stop();
  });
  window.addEventListener("pagehide", stop);
  if (document.visibilityState === "visible") start();
})();
