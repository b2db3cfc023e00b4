/* Choosing a map section for a subscription: take the current view as the box, or drag a
   rectangle. Plain Leaflet; writes "west,south,east,north" into the bbox field and selects
   the "section of the map" area. Without JavaScript the field can be typed into. */
(function () {
  "use strict";
  var el = document.getElementById("area-map");
  var input = document.getElementById("id_bbox");
  if (!el || !input || !window.L) return;
  var tools = document.querySelector(".area-tools");
  el.hidden = false;
  tools.hidden = false;

  var map = L.map(el, { scrollWheelZoom: false }).setView([51.45, 7.55], 8); // NRW
  L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.attribution, maxZoom: 18 }).addTo(map);
  var box = null;

  function round(v) { return Math.round(v * 100000) / 100000; }

  function showBox(bounds, fit) {
    if (box) { box.setBounds(bounds); } else {
      box = L.rectangle(bounds, { color: "#2e7d32", weight: 2, fillOpacity: 0.1 }).addTo(map);
    }
    if (fit) map.fitBounds(bounds, { padding: [10, 10] });
  }

  function useBounds(bounds) {
    var sw = bounds.getSouthWest(), ne = bounds.getNorthEast();
    var west = Math.max(-180, sw.lng), east = Math.min(180, ne.lng);
    var south = Math.max(-90, sw.lat), north = Math.min(90, ne.lat);
    input.value = [west, south, east, north].map(round).join(",");
    showBox(L.latLngBounds([south, west], [north, east]), false);
    var radio = document.querySelector('input[name="area_type"][value="bbox"]');
    if (radio) radio.checked = true;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // An existing box (edit page, or after a form error) is shown and fitted.
  var parts = input.value.split(",").map(Number);
  if (parts.length === 4 && parts.every(isFinite)) {
    showBox(L.latLngBounds([parts[1], parts[0]], [parts[3], parts[2]]), true);
  }

  document.getElementById("area-use-view").addEventListener("click", function () {
    useBounds(map.getBounds());
  });

  // Drawing: while the button is pressed, dragging draws a rectangle instead of panning.
  var drawButton = document.getElementById("area-draw");
  var drawing = false, start = null, preview = null;

  function setDrawing(on) {
    drawing = on;
    drawButton.setAttribute("aria-pressed", on ? "true" : "false");
    el.classList.toggle("drawing", on);
    if (on) { map.dragging.disable(); drawButton.title = el.dataset.drawHint; }
    else { map.dragging.enable(); }
  }

  drawButton.addEventListener("click", function () { setDrawing(!drawing); });

  map.on("mousedown", function (e) {
    if (!drawing) return;
    start = e.latlng;
    preview = L.rectangle(L.latLngBounds(start, start), { color: "#2e7d32", dashArray: "4" })
      .addTo(map);
  });
  map.on("mousemove", function (e) {
    if (drawing && start && preview) preview.setBounds(L.latLngBounds(start, e.latlng));
  });
  map.on("mouseup", function (e) {
    if (!drawing || !start) return;
    var bounds = L.latLngBounds(start, e.latlng);
    map.removeLayer(preview);
    preview = null; start = null;
    setDrawing(false);
    if (!bounds.getSouthWest().equals(bounds.getNorthEast())) useBounds(bounds);
  });
})();
