/* Location picker of the proposal form: click the map or drag the marker to set latitude and
 * longitude; "find address" asks the site's geocoder and moves the marker there.
 * Progressive enhancement: without this script the coordinates can be typed, or left empty
 * and the server geocodes the address. */
(function () {
  "use strict";

  var DEFAULT_CENTER = [51.45, 7.55]; // North Rhine-Westphalia
  var DEFAULT_ZOOM = 8;
  var PICKED_ZOOM = 16;

  function init() {
    var el = document.getElementById("picker");
    if (!el || typeof L === "undefined") return;
    var form = el.closest("form");
    var lat = form.querySelector("[name=latitude]");
    var lon = form.querySelector("[name=longitude]");
    // "address" when "find address" set the point, "map" when it was placed: a geocoded
    // point is often off by hundreds of metres, so the duplicate check looks wider.
    var source = form.querySelector("[name=location_source]");
    var status = document.getElementById("geocode-status");
    var start = null;
    if (lat.value && lon.value && isFinite(parseFloat(lat.value)) && isFinite(parseFloat(lon.value))) {
      start = L.latLng(parseFloat(lat.value), parseFloat(lon.value));
    }
    var map = L.map(el).setView(start || DEFAULT_CENTER, start ? PICKED_ZOOM : DEFAULT_ZOOM);
    L.tileLayer(el.dataset.tileUrl, { maxZoom: 19, attribution: el.dataset.attribution || "" })
      .addTo(map);
    var marker = null;

    function place(latlng, pan) {
      if (!marker) {
        marker = L.marker(latlng, {
          draggable: true, title: el.dataset.markerTitle, alt: el.dataset.markerTitle
        }).addTo(map);
        marker.on("dragend", function () { write(marker.getLatLng()); });
      } else {
        marker.setLatLng(latlng);
      }
      if (pan) map.setView(latlng, Math.max(map.getZoom(), PICKED_ZOOM));
    }

    function write(latlng, how) {
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      if (source) source.value = how || "map";
      el.dataset.picked = lat.value + "," + lon.value;
      // Bubbles to the form: htmx re-checks for duplicates.
      lat.dispatchEvent(new Event("change", { bubbles: true }));
    }

    if (start) place(start, false);
    map.on("click", function (e) { place(e.latlng, false); write(e.latlng); });

    [lat, lon].forEach(function (input) {
      input.addEventListener("change", function (e) {
        if (!e.isTrusted) return; // our own event from write()
        var a = parseFloat(lat.value), b = parseFloat(lon.value);
        if (isFinite(a) && isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180) {
          place(L.latLng(a, b), true);
          if (source) source.value = "map";
        }
      });
    });

    var button = document.getElementById("find-address");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var params = new URLSearchParams();
      ["street", "postcode", "city"].forEach(function (name) {
        params.set(name, form.querySelector("[name=" + name + "]").value);
      });
      status.textContent = button.dataset.searching;
      fetch(button.dataset.url + "?" + params.toString(), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, data: d }; }); })
        .then(function (res) {
          if (!res.ok) { status.textContent = res.data.detail || button.dataset.failed; return; }
          var found = L.latLng(res.data.latitude, res.data.longitude);
          place(found, true);
          write(found, "address");
          status.textContent = res.data.precision === "postcode" ? button.dataset.postcode : button.dataset.found;
        })
        .catch(function () { status.textContent = button.dataset.failed; });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
