/* Municipality suggestions while typing: fills the field's <datalist> from
 * GET /kommunen/vorschlaege/?q=… (a few names, most active first). Without this script the
 * field is a plain text box, resolved on the server. */
(function () {
  "use strict";
  var WAIT_MS = 150;

  function attach(input) {
    if (input.dataset.suggestReady) return;
    input.dataset.suggestReady = "1";
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) return;
    var timer = null, asked = "", controller = null;

    function fill(items) {
      list.textContent = "";
      items.forEach(function (item) {
        var option = document.createElement("option");
        option.value = item.value;
        option.textContent = item.label;
        list.appendChild(option);
      });
    }

    function ask() {
      var text = input.value.trim();
      if (text === asked) return;
      asked = text;
      if (!text) { fill([]); return; }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(text);
      fetch(url, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (data) { if (input.value.trim() === text) fill(data.items || []); })
        .catch(function () { /* aborted or offline: the typed name is still checked on submit */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, WAIT_MS);
    });
    input.addEventListener("focus", ask);
  }

  function init() {
    document.querySelectorAll("input[data-suggest-url]").forEach(attach);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
