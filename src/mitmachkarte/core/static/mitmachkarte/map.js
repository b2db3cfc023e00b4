/* Mitmachkarte maps: the main map with its synced list, municipality maps, detail maps.
 * Progressive enhancement: every page works without this script (server-rendered list). */
(function () {
  "use strict";

  var FILTER_PARAMS = ["q", "category", "sdg", "municipality", "tag"];
  var DEFAULT_CENTER = [51.45, 7.55]; // North Rhine-Westphalia
  var DEFAULT_ZOOM = 8;

  function tileLayer(el) {
    return L.tileLayer(el.dataset.tileUrl, {
      maxZoom: 19,
      attribution: el.dataset.attribution || ""
    });
  }

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function markerIcon(props) {
    return L.divIcon({
      className: "mmk-marker",
      html: '<span style="background:' + escapeHtml(props.colour || "#495057") + '" aria-hidden="true">' +
        escapeHtml(props.icon || "") + "</span>",
      iconSize: [30, 30],
      iconAnchor: [15, 15],
      popupAnchor: [0, -14]
    });
  }

  function popupHtml(props, moreLabel) {
    return '<div class="mmk-popup"><h3><a href="' + escapeHtml(props.url) + '">' +
      escapeHtml(props.name) + "</a></h3>" +
      (props.category_name ? '<p class="popup-cat">' + escapeHtml(props.category_name) +
        (props.city ? " · " + escapeHtml(props.city) : "") + "</p>" : "") +
      "<p>" + escapeHtml(props.short_description) + "</p>" +
      '<p><a href="' + escapeHtml(props.url) + '">' + escapeHtml(moreLabel || "→") + " →</a></p></div>";
  }

  function pageFilters() {
    var current = new URLSearchParams(window.location.search);
    var params = new URLSearchParams();
    FILTER_PARAMS.forEach(function (name) {
      current.getAll(name).forEach(function (value) { if (value) params.append(name, value); });
    });
    return params;
  }

  function viewFromUrl() {
    var raw = new URLSearchParams(window.location.search).get("map");
    if (!raw) return null;
    var parts = raw.split("/").map(Number);
    if (parts.length !== 3 || parts.some(isNaN)) return null;
    if (Math.abs(parts[1]) > 90 || Math.abs(parts[2]) > 180) return null;
    return { zoom: Math.max(1, Math.min(19, parts[0])), center: [parts[1], parts[2]] };
  }

  function writeViewToUrl(map, keepPage) {
    var params = new URLSearchParams(window.location.search);
    var c = map.getCenter();
    params.set("map", map.getZoom() + "/" + c.lat.toFixed(5) + "/" + c.lng.toFixed(5));
    if (!keepPage) params.delete("page");
    params.delete("bbox");
    history.replaceState(null, "", window.location.pathname + "?" + params.toString());
  }

  function bboxOf(map) {
    var b = map.getBounds();
    var clamp = function (v, lim) { return Math.max(-lim, Math.min(lim, v)).toFixed(5); };
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180),
      clamp(b.getNorth(), 90)].join(",");
  }

  function syncList(map, el, keepPage) {
    var target = document.getElementById("results");
    if (!target || !window.htmx) return;
    var params = pageFilters();
    params.set("bbox", bboxOf(map));
    var current = new URLSearchParams(window.location.search);
    var view = current.get("map");
    if (view) params.set("map", view);
    // The first sync after loading keeps the page a pager link asked for; a move starts over.
    if (keepPage && current.get("page")) params.set("page", current.get("page"));
    window.htmx.ajax("GET", el.dataset.listUrl + "?" + params.toString(),
      { target: "#results", swap: "innerHTML" });
  }

  function debounce(fn, ms) {
    var timer;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function initDetailMap(el) {
    var latlng = [parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)];
    var map = L.map(el, { scrollWheelZoom: false }).setView(latlng, 15);
    tileLayer(el).addTo(map);
    L.marker(latlng, { title: el.dataset.name, alt: el.dataset.name }).addTo(map);
  }

  function initClusterMap(el) {
    var map = L.map(el, { scrollWheelZoom: true });
    window.mitmachkarteMap = map; // for tests and debugging
    tileLayer(el).addTo(map);
    var initialView = viewFromUrl();
    var boundaryLayer = null;
    var boundaryScript = el.dataset.boundaryId && document.getElementById(el.dataset.boundaryId);
    if (boundaryScript) {
      var geometry = JSON.parse(boundaryScript.textContent || "null");
      if (geometry) {
        boundaryLayer = L.geoJSON(geometry, {
          style: { color: "#1864ab", weight: 2, fillOpacity: 0.05 },
          interactive: false
        }).addTo(map);
      }
    }
    if (initialView) map.setView(initialView.center, initialView.zoom);
    else if (boundaryLayer) map.fitBounds(boundaryLayer.getBounds(), { padding: [10, 10] });
    else if (el.dataset.center) map.setView(el.dataset.center.split(",").map(Number), 12);
    else map.setView(DEFAULT_CENTER, DEFAULT_ZOOM);

    var clusters = L.markerClusterGroup({ showCoverageOnHover: false, chunkedLoading: true });
    map.addLayer(clusters);

    var url = el.dataset.geojsonUrl;
    var filters = pageFilters().toString();
    if (filters) url += (url.indexOf("?") >= 0 ? "&" : "?") + filters;
    el.setAttribute("aria-busy", "true");
    fetch(url, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then(function (data) {
        var markers = data.features.map(function (f) {
          var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
          var m = L.marker(ll, { icon: markerIcon(f.properties), title: f.properties.name,
            alt: f.properties.name, keyboard: true });
          m.bindPopup(popupHtml(f.properties, el.dataset.moreLabel));
          m.feature = f;
          return m;
        });
        clusters.addLayers(markers);
        el.dataset.loaded = String(markers.length);
        el.dataset.total = String(data.count);
        if (!initialView && !boundaryLayer && markers.length) {
          // Not animated: the list syncs once, for the final view (an animated fit ends
          // after the first sync and triggers a second one with a different area).
          map.fitBounds(clusters.getBounds(), { padding: [20, 20], maxZoom: 14, animate: false });
        }
      })
      .catch(function (err) {
        el.dataset.error = String(err);
      })
      .finally(function () {
        el.removeAttribute("aria-busy");
        if (el.dataset.syncList) {
          var firstSync = true;
          var onMove = debounce(function () {
            writeViewToUrl(map, firstSync);
            syncList(map, el, firstSync);
            firstSync = false;
          }, 250);
          map.on("moveend", onMove);
          if (initialView || el.dataset.loaded) onMove();
        }
      });
  }

  function init() {
    var el = document.getElementById("map");
    if (!el || typeof L === "undefined") return;
    if (el.dataset.lat) initDetailMap(el);
    else initClusterMap(el);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
