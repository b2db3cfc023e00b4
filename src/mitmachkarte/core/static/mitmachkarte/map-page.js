/* The main map page's controls around the map (map.js uses them): "near me", the forms that
 * keep the view, and the one live region that announces the result count. A plain script,
 * loaded before map.js; it defines window.mmkMapPage. */
(function () {
  "use strict";

  /* "Near me": the browser's position, asked for only on this click; it leaves the browser
   * only as the list's `near` parameter (nearest first, with distances). */
  function initLocate(getMap) {
    var button = document.getElementById("locate");
    var message = document.getElementById("locate-message");
    if (!button || !navigator.geolocation) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      message.textContent = button.dataset.busy;
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(function (pos) {
        button.disabled = false;
        message.textContent = "";
        var near = pos.coords.latitude.toFixed(5) + "," + pos.coords.longitude.toFixed(5);
        var params = new URLSearchParams(window.location.search);
        params.set("near", near);
        history.replaceState(null, "", window.location.pathname + "?" + params.toString());
        var input = document.getElementById("near");
        if (input) {
          input.value = near;
          input.disabled = false;
        }
        getMap().setView([pos.coords.latitude, pos.coords.longitude], 14);
      }, function (err) {
        button.disabled = false;
        message.textContent = err.code === 1 ? button.dataset.refused : button.dataset.failed;
      }, { timeout: 15000, maximumAge: 60000 });
    });
  }

  /* Filters and searches keep the user's view unless what they find lies elsewhere; a new
   * search that names a place (postcode, district, town) moves the map there. The view
   * goes along with the form, and `searched=1` tells map.js that the text is new (it
   * drops the flag from the URL once the map stands). The language switch keeps the
   * current URL (with the view). */
  function initForms() {
    var form = document.getElementById("filter-form");
    var q = document.getElementById("q");
    if (form && q) {
      var initialQ = q.value;
      form.addEventListener("submit", function () {
        var searched = document.getElementById("searched");
        if (searched && q.value.trim() !== initialQ.trim()) searched.disabled = false;
      });
    }
    document.querySelectorAll(".lang-switch").forEach(function (f) {
      f.addEventListener("submit", function () {
        var next = f.querySelector("input[name=next]");
        if (next) next.value = window.location.pathname + window.location.search;
      });
    });
  }

  /* Only the number of results is announced, not the whole list on every move. */
  function announceCount() {
    var live = document.getElementById("result-live");
    var count = document.getElementById("result-count");
    if (live && count) live.textContent = count.textContent.replace(/\s+/g, " ").trim();
  }

  window.mmkMapPage = {
    initLocate: initLocate,
    initForms: initForms,
    announceCount: announceCount
  };
})();
