// The lesson page: the syllabus opens by itself on wide screens (on a phone it stays folded behind
// its button), study-time heartbeats run while the lesson is on screen, and video players resume
// where the trainee stopped.
(function () {
  "use strict";

  // Syllabus: a <details> element, so it works without this script; wide screens open it.
  var syllabus = document.querySelector("details[data-open-wide]");
  if (syllabus && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 900px)");
    var follow = function () { syllabus.open = wide.matches; };
    follow();
    if (wide.addEventListener) wide.addEventListener("change", follow);
  }

  // Study-time heartbeats: every few seconds tell the server the page is visible. The server
  // decides how much time counts (its own clock, capped); the bar and the countdown show its answer.
  var article = document.querySelector("[data-heartbeat-url]");
  if (!article) return;
  var url = article.getAttribute("data-heartbeat-url");
  var seconds = parseInt(article.getAttribute("data-heartbeat-seconds"), 10) || 15;
  // One active study session per trainee: the page's token; once another page has taken the
  // session over, this page says so and sends no more heartbeats (until it is reloaded).
  var session = article.getAttribute("data-study-session") || "";
  var takenOver = false;
  var timer = null;
  var resume = true;

  // The CSRF token comes with the page (every signed-in page has one, in the log-out form): the
  // cookie's name differs in production (__Host-csrftoken), so the script never reads cookies.
  var input = document.querySelector("input[name=csrfmiddlewaretoken]");
  var token = input ? input.value : "";

  function mmss(total) {
    total = Math.max(0, Math.floor(total));
    var m = Math.floor(total / 60);
    var s = total % 60;
    return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function show(data) {
    var required = data.required_seconds;
    var studied = Math.min(data.seconds_studied, required);
    var bar = document.querySelector("[data-studied-bar]");
    if (bar) { bar.value = studied; bar.textContent = mmss(studied); }
    var text = document.querySelector("[data-studied-time]");
    if (text) text.textContent = mmss(studied);
    var left = document.querySelector("[data-time-left]");
    if (left) left.textContent = mmss(required - studied);
    if (data.reached_end) end = null;
    var percent = document.querySelector("[data-lesson-percent]");
    if (percent && typeof data.percent === "number") percent.textContent = data.percent;
    var refusal = document.querySelector("[data-heartbeat-refusal]");
    if (refusal) { refusal.textContent = data.refused || ""; refusal.hidden = !data.refused; }
    if (data.can_complete) {
      var button = document.querySelector("[data-complete-button]");
      if (button) { button.disabled = false; button.removeAttribute("aria-describedby"); }
      var help = document.querySelector("[data-complete-help]");
      if (help) help.hidden = true;
    }
  }

  // Funded runs: a lesson reaches 100 % only once its end has been on screen. A marker after the
  // lesson body says so; the next heartbeats carry it until the server has recorded it. In a video
  // lesson the end is the end of its last video instead (the server checks the stored position).
  var end = document.querySelector("[data-lesson-end]");
  var reachedEnd = false;
  var players = Array.prototype.slice.call(document.querySelectorAll("video[data-position-url]"));
  if (end && players.length) {
    players.forEach(function (player) {
      if (!player.hasAttribute("data-last-video")) return;
      player.addEventListener("ended", function () { reachedEnd = true; });
    });
  } else if (end && "IntersectionObserver" in window) {
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        reachedEnd = true;
        observer.disconnect();
      }
    });
    observer.observe(end);
  }

  // Video players: resume where the trainee stopped (on any device: the server keeps it) and store
  // the position with every heartbeat, on pause and at the end. Playback speed is the trainee's
  // choice; study time still counts at real time on the server's clock.
  function playedRanges(player) {
    var ranges = [];
    for (var i = 0; i < player.played.length; i++) {
      ranges.push([Math.floor(player.played.start(i)), Math.ceil(player.played.end(i))]);
    }
    return JSON.stringify(ranges);
  }

  function savePosition(player, ended) {
    if (takenOver) return;
    var body = new URLSearchParams();
    body.append("position", String(ended ? (player.duration || player.currentTime) : player.currentTime));
    body.append("played", playedRanges(player));
    if (ended) body.append("ended", "1");
    fetch(player.getAttribute("data-position-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, "X-Requested-With": "fetch" },
      body: body,
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.recorded) return;
        var watched = document.querySelector("[data-watched-time]");
        if (watched) watched.textContent = data.watched;
        if (ended && player.hasAttribute("data-last-video") && end) beat();
      })
      .catch(function () { /* offline: the next save carries the position */ });
  }

  players.forEach(function (player) {
    var resumeAt = parseFloat(player.getAttribute("data-resume")) || 0;
    var restore = function () {
      if (resumeAt > 0 && (!player.duration || resumeAt < player.duration - 1)) player.currentTime = resumeAt;
      player.setAttribute("data-resumed", String(resumeAt));
    };
    if (player.readyState >= 1) restore(); else player.addEventListener("loadedmetadata", restore, { once: true });
    player.addEventListener("pause", function () { if (!player.ended) savePosition(player, false); });
    player.addEventListener("seeked", function () { if (player.paused) savePosition(player, false); });
    player.addEventListener("ended", function () { savePosition(player, true); });
  });

  function saveAllPositions() {
    players.forEach(function (player) {
      if (!player.paused && !player.ended) savePosition(player, false);
    });
  }

  function beat() {
    if (takenOver) return;
    saveAllPositions();
    var body = new URLSearchParams();
    body.append("session", session);
    if (resume) body.append("resume", "1");
    if (reachedEnd && end) body.append("end", "1");
    resume = false;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, "X-Requested-With": "fetch" },
      body: body,
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && data.taken_over) { stopTakenOver(data.message); return; }
        if (data && data.recorded) show(data);
      })
      .catch(function () { /* offline: the next beat resumes */ resume = true; });
  }

  function stopTakenOver(message) {
    takenOver = true;
    stop();
    var notice = document.querySelector("[data-study-session-taken]");
    if (notice) { notice.textContent = message || ""; notice.hidden = false; }
  }

  function start() {
    if (timer || takenOver) return;
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
