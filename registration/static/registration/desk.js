/* The check-in desk, enhanced: scans answered without reloading, the camera where
   the browser can read QR codes, an offline mode, live counts. Without this file
   every form still posts and the page shows the answer. */
(function () {
  "use strict";
  var root = document.querySelector("[data-desk]");
  if (!root || !window.fetch) return;

  var edition = root.dataset.edition;
  var gate = root.dataset.gate;
  var LIST_KEY = "jemaa-desk-list:" + edition;
  var QUEUE_KEY = "jemaa-desk-queue:" + edition;
  var CONFLICTS_KEY = "jemaa-desk-conflicts:" + edition;
  var resultBox = root.querySelector("[data-desk-result]");
  var secretInput = root.querySelector("[data-desk-secret]");
  var scanForm = secretInput && secretInput.form;
  var offlineBox = root.querySelector("[data-desk-offline]");
  var countsBox = root.querySelector("[data-desk-counts]");
  var canHash = !!(window.crypto && crypto.subtle && window.TextEncoder);
  var latestScan = 0;
  var camera = null; // set at the end, once the page's forms are known

  // Small helpers

  function text(name, values) {
    var message = root.dataset["text" + name] || "";
    Object.keys(values || {}).forEach(function (key) {
      message = message.replace("{" + key + "}", values[key]);
    });
    return message;
  }

  function load(key, fallback) {
    try {
      var value = JSON.parse(localStorage.getItem(key));
      return value === null ? fallback : value;
    } catch (error) {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (error) {
      return false; // storage full or disabled: offline mode is then unavailable
    }
  }

  function newNonce() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function sha256(value) {
    return crypto.subtle.digest("SHA-256", new TextEncoder().encode(value)).then(function (digest) {
      return Array.prototype.map.call(new Uint8Array(digest), function (b) {
        return ("0" + b.toString(16)).slice(-2);
      }).join("");
    });
  }

  function clock(date) {
    return ("0" + date.getHours()).slice(-2) + ":" + ("0" + date.getMinutes()).slice(-2);
  }

  function csrfToken() {
    var field = root.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function refocus() {
    if (secretInput && !(camera && camera.active())) secretInput.focus();
  }

  function showMessage(message) {
    var paragraph = document.createElement("p");
    paragraph.className = "desk-error";
    paragraph.textContent = message;
    resultBox.replaceChildren(paragraph);
  }

  // Scanning online: the server's answer, as HTML it rendered

  function submit(form) {
    var data = new FormData(form);
    var secret = String(data.get("secret") || "").trim();
    var nonce = newNonce();
    var scanNumber = ++latestScan;
    data.set("nonce", nonce);
    if (secretInput && form === scanForm) secretInput.value = "";
    if (secret && navigator.onLine === false) return judgeOffline(secret, nonce);
    return fetch(form.action, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then(function (response) {
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (response.status >= 500 && secret) return judgeOffline(secret, nonce);
      if (response.redirected || response.status === 403) return showMessage(text("SignedOut"));
      if (!json) return showMessage(text("Error"));
      return response.json().then(function (answer) {
        if (scanNumber !== latestScan) return; // a later scan already answered
        if (!response.ok) return showMessage(answer.error || text("Error"));
        resultBox.innerHTML = answer.html;
        if (answer.admission && secret) rememberAdmission(secret, answer.admission);
        if (answer.admission && !secret) {
          var button = form.querySelector("button");
          if (button) button.disabled = true;
        }
        refreshCounts();
      });
    }, function () {
      return secret ? judgeOffline(secret, nonce) : showMessage(text("Error"));
    }).finally(refocus);
  }

  root.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form[data-desk-scan]")) return;
    event.preventDefault();
    submit(form);
  });

  // Offline mode: the list of hashed secrets, judging locally, a queue to sync

  function rememberAdmission(secret, admission) {
    if (!canHash) return;
    sha256(secret).then(function (hash) {
      var list = load(LIST_KEY, null);
      if (list && list.tickets[hash] && !list.tickets[hash].admitted) {
        list.tickets[hash].admitted = admission;
        save(LIST_KEY, list);
      }
    });
  }

  function showTemplate(code, ticket, passes, admitted) {
    var template = root.querySelector('template[data-desk-template="' + code + '"]') ||
      root.querySelector('template[data-desk-template="unknown"]');
    var banner = template.content.cloneNode(true);
    var slot = function (name) { return banner.querySelector('[data-slot="' + name + '"]'); };
    if (admitted) {
      slot("message").textContent = slot("message").textContent
        .replace("{time}", admitted.time).replace("{gate}", admitted.gate);
    }
    if (ticket) {
      slot("name").textContent = ticket.name;
      slot("pass").textContent = (passes[ticket.pass] || {}).name || "";
      slot("pass").classList.add("pass-" + ticket.pass);
    } else {
      var person = banner.querySelector(".desk-person");
      if (person) person.remove();
    }
    resultBox.replaceChildren(banner);
  }

  function judgeOffline(secret, nonce) {
    var list = load(LIST_KEY, null);
    if (!list || !canHash) return showMessage(text("OfflineUnavailable"));
    return sha256(secret).then(function (hash) {
      var ticket = list.tickets[hash];
      if (!ticket) return showTemplate("unknown");
      if (ticket.admitted) return showTemplate("already_admitted", ticket, list.passes, ticket.admitted);
      if (ticket.status !== "confirmed") return showTemplate(ticket.status, ticket, list.passes);
      var now = new Date();
      ticket.admitted = { time: clock(now), gate: gate };
      var queue = load(QUEUE_KEY, []);
      queue.push({ secret: secret, nonce: nonce, gate: gate, at: now.toISOString(),
        hash: hash, name: ticket.name });
      if (!save(QUEUE_KEY, queue)) return showMessage(text("OfflineUnavailable"));
      save(LIST_KEY, list);
      showTemplate("admitted", ticket, list.passes);
      showOfflineStatus();
    });
  }

  function downloadList() {
    if (!canHash || navigator.onLine === false) return;
    fetch(root.dataset.offlineUrl, {
      headers: { Accept: "application/json" }, cache: "no-store", credentials: "same-origin",
    }).then(function (response) {
      if (!response.ok || response.redirected) return null;
      return response.json();
    }).then(function (data) {
      if (!data) return;
      var tickets = {};
      data.tickets.forEach(function (ticket) {
        tickets[ticket.hash] = { status: ticket.status, pass: ticket.pass, name: ticket.name,
          admitted: ticket.admitted };
      });
      load(QUEUE_KEY, []).forEach(function (item) { // admitted here, not synced yet
        var ticket = tickets[item.hash];
        if (ticket && !ticket.admitted) ticket.admitted = { time: clock(new Date(item.at)), gate: item.gate };
      });
      var list = { generated_at: data.generated_at, complete: data.complete,
        passes: data.passes, tickets: tickets, count: data.tickets.length };
      if (!save(LIST_KEY, list)) localStorage.removeItem(LIST_KEY);
      showOfflineStatus();
    }).catch(function () { /* no connection: keep the list we have */ });
  }

  function showOfflineStatus() {
    if (!offlineBox) return;
    offlineBox.hidden = false;
    var status = offlineBox.querySelector("[data-desk-offline-status]");
    var list = load(LIST_KEY, null);
    var lines = [];
    if (navigator.onLine === false) lines.push(text("OfflineNow"));
    if (!canHash || !list) {
      lines.push(text("OfflineUnavailable"));
    } else {
      lines.push(text("OfflineReady", { count: list.count, time: clock(new Date(list.generated_at)) }));
      if (!list.complete) lines.push(text("OfflineIncomplete"));
    }
    status.textContent = lines.join(" ");
    var queued = load(QUEUE_KEY, []).length;
    var queueStatus = offlineBox.querySelector("[data-desk-queue-status]");
    queueStatus.hidden = queued === 0;
    queueStatus.textContent = text("Queue", { count: queued });
    showConflicts();
  }

  function showConflicts() {
    var conflicts = load(CONFLICTS_KEY, []);
    var box = offlineBox.querySelector("[data-desk-conflicts-box]");
    var items = conflicts.map(function (conflict) {
      var item = document.createElement("li");
      var who = [conflict.name, conflict.pass ? "(" + conflict.pass + ")" : ""].join(" ").trim();
      item.textContent = conflict.time + " · " + conflict.gate + " — " + (who ? who + " : " : "") +
        conflict.message;
      return item;
    });
    var list = offlineBox.querySelector("[data-desk-conflicts]");
    list.replaceChildren.apply(list, items);
    box.hidden = conflicts.length === 0;
  }

  var syncing = false;

  function syncQueue() {
    var queue = load(QUEUE_KEY, []);
    if (syncing || queue.length === 0 || navigator.onLine === false) return;
    syncing = true;
    var batch = queue.slice(0, 100);
    fetch(root.dataset.syncUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json",
        "X-CSRFToken": csrfToken() },
      body: JSON.stringify({ scans: batch.map(function (item) {
        return { secret: item.secret, nonce: item.nonce, gate: item.gate, at: item.at };
      }) }),
    }).then(function (response) {
      if (!response.ok || response.redirected) return null;
      return response.json();
    }).then(function (data) {
      if (!data) return;
      var sent = {};
      batch.forEach(function (item) { sent[item.nonce] = item; });
      var conflicts = load(CONFLICTS_KEY, []);
      data.results.forEach(function (result) {
        var item = sent[result.nonce];
        if (!result.conflict || !item) return;
        conflicts.push({ time: clock(new Date(item.at)), gate: item.gate,
          name: result.name || item.name || "", pass: result.pass, message: result.message });
      });
      save(CONFLICTS_KEY, conflicts);
      save(QUEUE_KEY, load(QUEUE_KEY, []).filter(function (item) { return !sent[item.nonce]; }));
      showOfflineStatus();
      refreshCounts();
      if (queue.length > batch.length) setTimeout(syncQueue, 0);
    }).catch(function () { /* still offline: try again later */ }).finally(function () {
      syncing = false;
    });
  }

  if (offlineBox) {
    offlineBox.querySelector("[data-desk-conflicts-clear]").addEventListener("click", function () {
      save(CONFLICTS_KEY, []);
      showOfflineStatus();
      refocus();
    });
    window.addEventListener("online", function () { showOfflineStatus(); syncQueue(); downloadList(); });
    window.addEventListener("offline", showOfflineStatus);
    showOfflineStatus();
    downloadList();
    syncQueue();
    setInterval(syncQueue, 15000);
    setInterval(function () { if (!document.hidden) downloadList(); }, 5 * 60 * 1000);
  }

  // Live counts: poll the fragment while the tab is visible; 304 when nothing changed

  var countsTag = null;
  var countsTimer = null;

  function refreshCounts() {
    if (!countsBox || document.hidden) return;
    var headers = countsTag ? { "If-None-Match": countsTag } : {};
    fetch(root.dataset.countsUrl, { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status !== 200 || response.redirected) return;
        countsTag = response.headers.get("ETag");
        return response.text().then(function (html) { countsBox.innerHTML = html; });
      }).catch(function () { /* offline: the counts wait */ });
  }

  function pollCounts() {
    clearInterval(countsTimer);
    countsTimer = document.hidden ? null : setInterval(refreshCounts, 5000);
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) refreshCounts();
    pollCounts();
  });
  pollCounts();

  // The camera, where the browser can read QR codes (core/qr_camera.js)

  if (scanForm) {
    camera = window.jemaaQrCamera && window.jemaaQrCamera({
      button: root.querySelector("[data-desk-camera]"),
      box: root.querySelector("[data-desk-camera-box]"),
      video: root.querySelector("[data-desk-video]"),
      stop: root.querySelector("[data-desk-camera-stop]"),
      onCode: function (value) {
        secretInput.value = value;
        scanForm.requestSubmit();
      },
      onError: function () { showMessage(text("CameraError")); },
      onStop: refocus,
    });
  }
})();
