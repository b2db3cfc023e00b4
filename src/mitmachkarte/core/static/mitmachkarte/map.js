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

  function clusterMarker(feature, label) {
    var count = feature.properties.count;
    var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    var ll = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
    var marker = L.marker(ll, {
      icon: L.divIcon({
        html: "<div><span>" + count + "</span></div>",
        className: "marker-cluster marker-cluster-" + size,
        iconSize: L.point(40, 40)
      }),
      title: (label || "{count}").replace("{count}", count),
      keyboard: true
    });
    marker.on("click", function () {
      var b = feature.properties.bounds; // west, south, east, north
      var map = marker._map;
      if (b[0] === b[2] && b[1] === b[3]) map.setView(ll, Math.min(map.getZoom() + 3, 18));
      else map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [30, 30] });
    });
    return marker;
  }

  function pointMarker(feature, el) {
    var p = feature.properties;
    var ll = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
    var m = L.marker(ll, { icon: markerIcon(p), title: p.name, alt: p.name, keyboard: true });
    m.bindPopup(popupHtml(p, el.dataset.moreLabel));
    m.feature = feature;
    return m;
  }

  /* The server clusters large results (GET /api/v1/map); small ones come as points and
   * are clustered here. Either way the counts are exact. */
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
    else if (boundaryLayer) map.fitBounds(boundaryLayer.getBounds(), { padding: [10, 10], animate: false });
    else if (el.dataset.center) map.setView(el.dataset.center.split(",").map(Number), 12);
    else map.setView(DEFAULT_CENTER, DEFAULT_ZOOM);

    initEventsLayer(map, el);
    var pointLayer = L.markerClusterGroup({ showCoverageOnHover: false, chunkedLoading: true });
    var serverLayer = L.layerGroup();
    map.addLayer(pointLayer);
    map.addLayer(serverLayer);

    var base = el.dataset.mapUrl.split("?");
    var fixed = new URLSearchParams(base[1] || "");
    pageFilters().forEach(function (value, key) { fixed.append(key, value); });
    var controller = null;

    function render(data) {
      pointLayer.clearLayers();
      serverLayer.clearLayers();
      var points = [];
      var shown = 0;
      data.features.forEach(function (f) {
        if (f.properties.cluster) {
          serverLayer.addLayer(clusterMarker(f, el.dataset.clusterLabel));
          shown += f.properties.count;
        } else {
          points.push(pointMarker(f, el));
          shown += 1;
        }
      });
      if (data.clustered) points.forEach(function (m) { serverLayer.addLayer(m); });
      else pointLayer.addLayers(points);
      el.dataset.loaded = String(shown);
      el.dataset.total = String(data.count);
    }

    function load(inView) {
      var params = new URLSearchParams(fixed);
      params.set("zoom", String(map.getZoom()));
      if (inView) params.set("bbox", bboxOf(map));
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      el.setAttribute("aria-busy", "true");
      return fetch(base[0] + "?" + params.toString(), {
        headers: { Accept: "application/geo+json, application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .then(function (data) {
          render(data);
          el.removeAttribute("aria-busy");
          return data;
        })
        .catch(function (err) {
          if (err.name === "AbortError") return null;
          el.dataset.error = String(err);
          el.removeAttribute("aria-busy");
          return null;
        });
    }

    var firstSync = true;
    function afterMove() {
      load(true);
      if (el.dataset.syncList) {
        writeViewToUrl(map, firstSync);
        syncList(map, el, firstSync);
      }
      firstSync = false;
    }

    if (initialView || boundaryLayer) {
      afterMove();
      map.on("moveend", debounce(afterMove, 200));
    } else {
      // First the extent of all matches (no bbox), to fit the map to a search.
      load(false).then(function (data) {
        var b = data && data.bounds;
        if (b) {
          // Not animated: one moveend, one list sync, for the final view.
          map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [20, 20], maxZoom: 14, animate: false });
        }
        map.on("moveend", debounce(afterMove, 200));
        afterMove();
      });
    }
  }

  /* Upcoming events (GET /api/v1/events.geojson) as a layer of their own, switched by the
   * "show events" checkbox; the choice is kept in the URL (events=1). */
  function initEventsLayer(map, el) {
    var toggle = document.getElementById("show-events");
    if (!toggle || !el.dataset.eventsUrl) return;
    var layer = L.layerGroup();
    var requested = false;
    function load() {
      requested = true;
      var params = new URLSearchParams();
      var municipality = new URLSearchParams(window.location.search).get("municipality");
      if (municipality) params.set("municipality", municipality);
      fetch(el.dataset.eventsUrl + "?" + params.toString(), {
        headers: { Accept: "application/geo+json, application/json" }
      })
        .then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .then(function (data) {
          data.features.forEach(function (f) {
            var p = f.properties;
            var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
            var m = L.marker(ll, {
              icon: L.divIcon({
                className: "mmk-event-marker",
                html: '<span style="background:' + escapeHtml(p.colour) + '" aria-hidden="true">📅</span>',
                iconSize: [30, 30], iconAnchor: [15, 15], popupAnchor: [0, -14]
              }),
              title: p.name, alt: p.name, keyboard: true, zIndexOffset: 1000
            });
            m.bindPopup(popupHtml(p, el.dataset.eventLabel));
            layer.addLayer(m);
          });
          el.dataset.eventsLoaded = String(data.features.length);
        })
        .catch(function (err) { el.dataset.eventsError = String(err); });
    }
    function apply() {
      var params = new URLSearchParams(window.location.search);
      if (toggle.checked) {
        params.set("events", "1");
        map.addLayer(layer);
        if (!requested) load();
      } else {
        params.delete("events");
        map.removeLayer(layer);
      }
      history.replaceState(null, "", window.location.pathname + "?" + params.toString());
    }
    toggle.addEventListener("change", apply);
    if (toggle.checked) apply();
  }

  /* A fixed set of points from a GeoJSON URL (e.g. a campaign's events), clustered here. */
  function initGeojsonMap(el) {
    var map = L.map(el, { scrollWheelZoom: true }).setView(DEFAULT_CENTER, DEFAULT_ZOOM);
    window.mitmachkarteMap = map;
    tileLayer(el).addTo(map);
    var clusters = L.markerClusterGroup({ showCoverageOnHover: false, chunkedLoading: true });
    map.addLayer(clusters);
    fetch(el.dataset.geojsonUrl, { headers: { Accept: "application/geo+json, application/json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      })
      .then(function (data) {
        clusters.addLayers(data.features.map(function (f) { return pointMarker(f, el); }));
        el.dataset.loaded = String(data.features.length);
        el.dataset.total = String(data.count != null ? data.count : data.features.length);
        if (data.features.length) {
          map.fitBounds(clusters.getBounds(), { padding: [20, 20], maxZoom: 14, animate: false });
        }
      })
      .catch(function (err) { el.dataset.error = String(err); });
  }

  function init() {
    var el = document.getElementById("map");
    if (!el || typeof L === "undefined") return;
    if (el.dataset.lat) initDetailMap(el);
    else if (el.dataset.mapUrl) initClusterMap(el);
    else initGeojsonMap(el);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
