// The single document upload form (Wagtail admin): a progress bar while a large file (a video of up
// to 2 GB) is sent. The multiple upload page has Wagtail's own. Without this script the form posts
// as usual; the server checks size and type either way (courses.document_forms).
(function () {
  "use strict";
  var input = document.querySelector("input[type=file][data-upload-progress]");
  if (!input || !window.FormData || !window.XMLHttpRequest) return;
  var form = input.form;
  if (!form) return;
  form.addEventListener("submit", function (event) {
    if (!input.files || !input.files.length || event.defaultPrevented) return;
    event.preventDefault();
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.className = "upload-progress";
    bar.setAttribute("aria-label", input.getAttribute("data-upload-progress") || "");
    var text = document.createElement("span");
    text.className = "upload-progress__text";
    text.setAttribute("role", "status");
    input.parentNode.appendChild(bar);
    input.parentNode.appendChild(text);
    Array.prototype.forEach.call(form.querySelectorAll("button[type=submit], input[type=submit]"), function (b) {
      b.disabled = true;
    });
    var request = new XMLHttpRequest();
    request.open("POST", form.action || window.location.href);
    request.upload.addEventListener("progress", function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.floor((e.loaded / e.total) * 100);
      bar.value = percent;
      text.textContent = " " + percent + " %";
    });
    request.addEventListener("load", function () {
      if (request.responseURL && request.responseURL !== (form.action || window.location.href)) {
        window.location.assign(request.responseURL); // saved: Wagtail redirected to the list
        return;
      }
      document.open();
      document.write(request.responseText); // the form again, with its errors
      document.close();
    });
    request.addEventListener("error", function () { form.submit(); });
    request.send(new FormData(form));
  });
})();
