/* The phone's camera reading QR codes, where the browser can (BarcodeDetector).
   Shared by the check-in desk and the activity entrances: a page calls
   jemaaQrCamera({button, box, video, stop, onCode, onError, onStop}); the button
   shows only where QR codes can be read, and the same code is passed on at most
   once every 4 seconds while it stays in front of the camera. */
window.jemaaQrCamera = function (parts) {
  "use strict";
  var stream = null;
  var last = "";
  var lastAt = 0;

  function watch(detector) {
    if (!stream) return;
    detector.detect(parts.video).then(function (codes) {
      var value = codes.length ? String(codes[0].rawValue || "").trim() : "";
      var now = Date.now();
      if (value && (value !== last || now - lastAt > 4000)) {
        last = value;
        lastAt = now;
        parts.onCode(value);
      }
    }).catch(function () { /* a frame that could not be read */ }).finally(function () {
      setTimeout(function () { watch(detector); }, 250);
    });
  }

  function stop() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    parts.video.srcObject = null;
    parts.box.hidden = true;
    parts.button.hidden = false;
    parts.onStop();
  }

  function start() {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        parts.video.srcObject = media;
        parts.box.hidden = false;
        parts.button.hidden = true;
        return parts.video.play().then(function () {
          watch(new window.BarcodeDetector({ formats: ["qr_code"] }));
        });
      }).catch(function () {
        stop();
        parts.onError();
      });
  }

  if (parts.button && "BarcodeDetector" in window && navigator.mediaDevices &&
      navigator.mediaDevices.getUserMedia) {
    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      parts.button.hidden = formats.indexOf("qr_code") === -1;
    }, function () { /* no reader: typing only */ });
    parts.button.addEventListener("click", start);
    parts.stop.addEventListener("click", stop);
  }
  return { active: function () { return stream !== null; } };
};
