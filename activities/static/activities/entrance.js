/* An activity's entrance, enhanced: answers without reloading, the camera where the
   browser reads QR codes (core/qr_camera.js), counts refreshed every 5 s while the
   tab is visible (304 while nothing changed). Without this file every form posts
   and the page reloads. */
(function () {
  "use strict";
  var root = document.querySelector("[data-entrance]");
  if (!root || !window.fetch) return;
  var answerBox = root.querySelector("[data-entrance-answer]");
  var countsBox = root.querySelector("[data-entrance-counts]");
  var codeInput = root.querySelector("[data-entrance-code]");
  var countsTag = null;
  var latest = 0;

  function say(message, ok) {
    var paragraph = document.createElement("p");
    paragraph.className = ok ? "success" : "error";
    paragraph.textContent = message;
    answerBox.replaceChildren(paragraph);
  }

  function refreshCounts() {
    if (!countsBox || document.hidden) return;
    var headers = countsTag ? { "If-None-Match": countsTag } : {};
    fetch(root.dataset.countsUrl, { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status !== 200 || response.redirected) return;
        countsTag = response.headers.get("ETag");
        return response.text().then(function (html) { countsBox.innerHTML = html; });
      }).catch(function () { /* no connection: the counts wait */ });
  }

  function submit(form, submitter) {
    var data = new FormData(form, submitter);
    var number = ++latest;
    if (form.contains(codeInput)) codeInput.value = "";
    // getAttribute: a button named "action" would shadow form.action
    fetch(form.getAttribute("action"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (response.redirected || response.status === 403) return say(root.dataset.textSignedOut, false);
      if (!json) return say(root.dataset.textError, false);
      return response.json().then(function (answer) {
        if (number === latest) say(answer.message, answer.ok);
        refreshCounts();
      });
    }, function () { say(root.dataset.textError, false); }).finally(function () {
      if (codeInput && !(camera && camera.active())) codeInput.focus();
    });
  }

  root.addEventListener("submit", function (event) {
    if (!event.target.matches("form[data-entrance-scan]")) return;
    event.preventDefault();
    submit(event.target, event.submitter);
  });

  setInterval(refreshCounts, 5000);
  document.addEventListener("visibilitychange", refreshCounts);

  var camera = window.jemaaQrCamera && window.jemaaQrCamera({
    button: root.querySelector("[data-entrance-camera]"),
    box: root.querySelector("[data-entrance-camera-box]"),
    video: root.querySelector("[data-entrance-video]"),
    stop: root.querySelector("[data-entrance-camera-stop]"),
    onCode: function (value) {
      codeInput.value = value;
      codeInput.form.requestSubmit();
    },
    onError: function () { say(root.dataset.textCameraError, false); },
    onStop: function () { codeInput.focus(); },
  });
})();
