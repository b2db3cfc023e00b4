/* Mitmachkarte widget: the map inside the iframe of /embed/.
 * Reads its settings from #mmk-config. Without JavaScript the list still shows the entries.
 * Height messages go only to the parent window, only when embed.js made this frame and named
 * it "mitmachkarte:<id>:<parent origin>", and only to that origin. */
(function () {
  "use strict";

  var root = document.getElementById("mmk-embed");
  var el = document.getElementById("map");
  var cfg = JSON.parse(document.getElementById("mmk-config").textContent);
  var labels = cfg.labels;

  /* ---- auto-resize for embed.js ------------------------------------------------------- */
  function frameInfo() {
    var match = /^mitmachkarte:([A-Za-z0-9_-]{1,64}):(.+)$/.exec(window.name || "");
    if (!match || window.parent === window) return null;
    var origin = match[2];
    if (origin === "null" || origin.indexOf("file:") === 0) origin = "*"; // a page from a file
    else {
      try {
        if (new URL(origin).origin !== origin) return null;
      } catch (e) {
        return null;
      }
    }
    return { id: match[1], target: origin };
  }

  var frame = frameInfo();
  var lastHeight = 0;

  function postHeight() {
    if (!frame) return;
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    window.parent.postMessage({
      type: "mitmachkarte:height", frame: frame.id, height: height,
      origin: window.location.origin
    }, frame.target);
  }

  if (frame) {
    if (window.ResizeObserver) new ResizeObserver(postHeight).observe(root);
    else window.addEventListener("resize", postHeight);
    window.addEventListener("load", postHeight);
    postHeight();
  }

  /* ---- the map ------------------------------------------------------------------------ */
  function fail() {
    el.dataset.error = "1";
    el.classList.add("mmk-map-failed");
    el.textContent = labels.error;
    el.removeAttribute("aria-busy");
  }

  if (typeof L === "undefined" || !L.markerClusterGroup || !window.mmkMaps) {
    fail();
    return;
  }

  // Before the map: Leaflet measures its element once.
  var map = null;
  mmkMaps.viewSwitch(root, function () { return map; });
  map = L.map(el, {
    gestureHandling: true,
    gestureHandlingOptions: { text: labels.gesture, duration: 1500 },
    keyboard: true,
    zoomSnap: 1
  });
  L.tileLayer(cfg.tiles, { maxZoom: 19, attribution: cfg.attribution }).addTo(map);

  var view = cfg.view;
  if (cfg.boundary) {
    L.geoJSON(cfg.boundary, {
      style: { color: cfg.colour, weight: 2, fillOpacity: 0.04 }, interactive: false
    }).addTo(map);
  }
  if (view.bounds) map.fitBounds(view.bounds, { padding: [8, 8], maxZoom: 15 });
  else map.setView(view.center, view.zoom);

  // At most 500 entries come as markers: added at once, not in chunks, so that a newer
  // answer never meets chunks of an older one still being added.
  var markers = L.markerClusterGroup({ showCoverageOnHover: false });
  var cells = L.layerGroup();
  map.addLayer(markers).addLayer(cells);
  window.mmkEmbed = { map: map, markers: markers, cells: cells }; // for tests and debugging
  var busy = mmkMaps.idleFlag(el, map, [markers]);
  var popups = mmkMaps.popupKeeper(map);

  // A cell of entries at one point zooms in two levels, a larger one fits its area.
  function zoomIntoCell(_map, bounds) {
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
      map.setView(bounds.getCenter(), map.getZoom() + 2);
    } else {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: map.getZoom() + 3 });
    }
  }

  var state = { complete: false, loaded: null, zoom: null, clustered: false, request: 0 };

  function viewParam(bounds) {
    var clamp = function (v, lim) { return Math.max(-lim, Math.min(lim, v)).toFixed(4); };
    return [clamp(bounds.getWest(), 180), clamp(bounds.getSouth(), 90),
      clamp(bounds.getEast(), 180), clamp(bounds.getNorth(), 90)].join(",");
  }

  function loaded() {
    el.removeAttribute("aria-busy");
    busy("markers", false);
  }

  function load(first) {
    if (state.complete) return;
    var bounds = map.getBounds();
    var zoom = map.getZoom();
    // Markers (not cells) already cover this view: panning and zooming in need nothing new.
    if (state.loaded && !state.clustered && zoom >= state.zoom && state.loaded.contains(bounds)) {
      return;
    }
    var padded = bounds.pad(0.3);
    // A small set comes whole with the URL the page preloads; else cells or markers for
    // the zoom (and, after the first answer, the view).
    var url = first && cfg.complete ? cfg.data :
      cfg.data + (cfg.data.indexOf("?") >= 0 ? "&" : "?") + "z=" + zoom +
      (first ? "" : "&view=" + viewParam(padded));
    var ticket = ++state.request;
    el.setAttribute("aria-busy", "true");
    busy("markers", true);
    mmkMaps.getJson(url) // the same request as the page's preload
      .then(function (data) {
        if (ticket !== state.request) return; // a newer request answers this view
        var plain = [];
        popups.replacing(function () {
          markers.clearLayers();
          cells.clearLayers();
          data.features.forEach(function (f) {
            if (f.properties.cluster) {
              cells.addLayer(mmkMaps.cellMarker(f, labels.cluster, zoomIntoCell));
            } else {
              plain.push(popups.watch(mmkMaps.pointMarker(f, labels.more, labels.newTab)));
            }
          });
          markers.addLayers(plain);
          return plain;
        });
        state.complete = data.complete;
        state.clustered = !!data.clustered;
        state.loaded = first ? null : padded;
        state.zoom = zoom;
        el.dataset.loaded = String(plain.length);
        el.dataset.total = String(data.count);
        el.dataset.mode = data.complete ? "complete" : data.clustered ? "clustered" : "view";
        loaded();
      })
      .catch(function (err) {
        if (ticket !== state.request) return;
        el.dataset.error = String(err);
        loaded();
      });
  }

  var timer;
  map.on("moveend", function () {
    busy("moved", true);
    clearTimeout(timer);
    timer = setTimeout(function () {
      load(false);
      busy("moved", false);
    }, 60); // short: new clusters should follow a zoom click at once
  });
  load(true);
})();
