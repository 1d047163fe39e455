/* Live lists (questions, polls, the room's screen, moderation): the fragment is asked
   for again every few seconds while the tab is visible, and costs a 304 while
   nothing changed. Forms marked data-live-form post without a reload. Without
   this file every form posts and the page reloads. */
(function () {
  "use strict";
  var root = document.querySelector("[data-live]");
  if (!root || !window.fetch) return;
  var content = root.querySelector("[data-live-content]");
  var answerBox = root.querySelector("[data-live-answer]");
  var seconds = Number(root.dataset.liveSeconds) || 5;
  var tag = null;

  function refresh() {
    if (document.hidden) return Promise.resolve();
    var headers = tag ? { "If-None-Match": tag } : {};
    return fetch(root.dataset.liveUrl, { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status !== 200 || response.redirected) return;
        tag = response.headers.get("ETag");
        return response.text().then(function (html) {
          var focus = focusedPlace();
          content.innerHTML = html;
          restoreFocus(focus);
        });
      }).catch(function () { /* no connection: try again at the next tick */ });
  }

  // A keyboard or screen-reader user keeps their place when the list is redrawn:
  // the same control in the same question (or the question itself) gets the focus back.
  function focusedPlace() {
    var active = document.activeElement;
    if (!active || !content.contains(active)) return null;
    var holder = active.closest("[id]");
    return holder && { id: holder.id, name: active.name || "", value: active.value || "" };
  }

  function restoreFocus(place) {
    if (!place) return;
    var holder = document.getElementById(place.id);
    if (!holder) return;
    var same = Array.prototype.find.call(holder.querySelectorAll("button, input, select, textarea"),
      function (control) {
        return !control.disabled && control.name === place.name && control.value === place.value;
      });
    if (!same) holder.setAttribute("tabindex", "-1");
    (same || holder).focus({ preventScroll: true });
  }

  function say(message, ok) {
    if (!answerBox) return;
    var paragraph = document.createElement("p");
    paragraph.className = ok ? "note" : "live-answer-error";
    paragraph.textContent = message;
    answerBox.replaceChildren(paragraph);
  }

  root.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-live-form]")) return;
    event.preventDefault();
    // getAttribute: a button named "action" would shadow form.action
    fetch(form.getAttribute("action"), {
      method: "POST", body: new FormData(form, event.submitter), credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (!json) return say(root.dataset.textError, false);
      return response.json().then(function (answer) { say(answer.message, answer.ok); });
    }, function () { say(root.dataset.textError, false); }).then(function () {
      tag = null;
      return refresh();
    });
  });

  setInterval(refresh, seconds * 1000);
  document.addEventListener("visibilitychange", refresh);
})();
