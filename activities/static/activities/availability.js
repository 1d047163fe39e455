// Refreshes the live availability every 30 s while the tab is visible, and when it
// comes back into view. The browser sends If-None-Match; an unchanged page costs a
// 304 and no re-render.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.fetch || !window.DOMParser) return;
  function refresh() {
    if (document.hidden) return;
    fetch(location.href, { credentials: "same-origin" }).then(function (response) {
      if (response.status !== 200) return null;
      return response.text();
    }).then(function (html) {
      if (!html) return;
      var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("live");
      if (fresh) live.innerHTML = fresh.innerHTML;
    }).catch(function () {});
  }
  setInterval(refresh, 30000);
  document.addEventListener("visibilitychange", refresh);
})();
