/* An activity's entrance, enhanced: answers without reloading, the camera where the
   browser reads QR codes, counts refreshed every 5 s while the tab is visible (304
   while nothing changed). Without this file every form posts and the page reloads. */
(function () {
  "use strict";
  var root = document.querySelector("[data-entrance]");
  if (!root || !window.fetch) return;
  var answerBox = root.querySelector("[data-entrance-answer]");
  var countsBox = root.querySelector("[data-entrance-counts]");
  var codeInput = root.querySelector("[data-entrance-code]");
  var camera = {
    button: root.querySelector("[data-entrance-camera]"),
    box: root.querySelector("[data-entrance-camera-box]"),
    video: root.querySelector("[data-entrance-video]"),
    stream: null, last: "", lastAt: 0,
  };
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
    fetch(form.action, {
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
      if (codeInput && !camera.stream) codeInput.focus();
    });
  }

  root.addEventListener("submit", function (event) {
    if (!event.target.matches("form[data-entrance-scan]")) return;
    event.preventDefault();
    submit(event.target, event.submitter);
  });

  setInterval(refreshCounts, 5000);
  document.addEventListener("visibilitychange", refreshCounts);

  function watch(detector) {
    if (!camera.stream) return;
    detector.detect(camera.video).then(function (codes) {
      var value = codes.length ? String(codes[0].rawValue || "").trim() : "";
      var now = Date.now();
      if (value && (value !== camera.last || now - camera.lastAt > 4000)) {
        camera.last = value;
        camera.lastAt = now;
        codeInput.value = value;
        codeInput.form.requestSubmit();
      }
    }).catch(function () { /* a frame that could not be read */ }).finally(function () {
      setTimeout(function () { watch(detector); }, 250);
    });
  }

  function stopCamera() {
    if (camera.stream) camera.stream.getTracks().forEach(function (track) { track.stop(); });
    camera.stream = null;
    camera.video.srcObject = null;
    camera.box.hidden = true;
    camera.button.hidden = false;
    codeInput.focus();
  }

  function startCamera() {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (stream) {
        camera.stream = stream;
        camera.video.srcObject = stream;
        camera.box.hidden = false;
        camera.button.hidden = true;
        return camera.video.play().then(function () {
          watch(new window.BarcodeDetector({ formats: ["qr_code"] }));
        });
      }).catch(function () {
        stopCamera();
        say(root.dataset.textCameraError, false);
      });
  }

  if (camera.button && "BarcodeDetector" in window && navigator.mediaDevices) {
    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      camera.button.hidden = formats.indexOf("qr_code") === -1;
    }, function () { /* no reader: typing only */ });
    camera.button.addEventListener("click", startCamera);
    root.querySelector("[data-entrance-camera-stop]").addEventListener("click", stopCamera);
  }
})();
