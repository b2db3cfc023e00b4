/* Mitmachkarte maps: the main map with its synced list, municipality maps, detail maps.
 * Progressive enhancement: every page works without this script (server-rendered list).
 * Markers, popups and the data-idle flag come from map-common.js (shared with the embed). */
(function () {
  "use strict";

  var GEOJSON = { Accept: "application/geo+json, application/json" };

  var FILTER_PARAMS = ["q", "category", "sdg", "municipality", "tag", "near", "radius"];
  var DEFAULT_CENTER = [51.45, 7.55]; // North Rhine-Westphalia
  var DEFAULT_ZOOM = 8;

  function tileLayer(el) {
    return L.tileLayer(el.dataset.tileUrl, {
      maxZoom: 19,
      attribution: el.dataset.attribution || ""
    });
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
    params.delete("searched"); // a reload keeps the view the map now has
    history.replaceState(null, "", window.location.pathname + "?" + params.toString());
    var input = document.getElementById("map-view");
    if (input) {
      input.value = params.get("map");
      input.disabled = false;
    }
  }

  function bboxOf(map) {
    return bboxString(map.getBounds());
  }

  /* The bbox the map will have at `zoom` around `center` (as bboxOf after that move). */
  function bboxAt(map, center, zoom) {
    var px = map.getPixelBounds(center, zoom);
    return bboxString(L.latLngBounds(map.unproject(px.getBottomLeft(), zoom),
      map.unproject(px.getTopRight(), zoom)));
  }

  function bboxString(b) {
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

  /* A place the server found in the search (postcode, address, municipality). */
  function placeOf(el) {
    if (!el.dataset.place) return null;
    var c = el.dataset.place.split(",").map(Number);
    var b = el.dataset.placeBounds && el.dataset.placeBounds.split(",").map(Number);
    return {
      center: c,
      zoom: Number(el.dataset.placeZoom) || 14,
      bounds: b && b.length === 4 ? [[b[1], b[0]], [b[3], b[2]]] : null
    };
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
    mmkMaps.idleFlag(el, map);
  }

  // A cell of entries at one point zooms in three levels, a larger one fits its area.
  function zoomIntoCell(map, bounds, center) {
    if (bounds.getSouthWest().equals(bounds.getNorthEast())) {
      map.setView(center, Math.min(map.getZoom() + 3, 18));
    } else {
      map.fitBounds(bounds, { padding: [30, 30] });
    }
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
    var place = placeOf(el);
    // A new search with a place goes there; else the view the user had stays.
    if (place && new URLSearchParams(window.location.search).get("searched") === "1") {
      initialView = null;
    }
    if (initialView) map.setView(initialView.center, initialView.zoom);
    else if (place && place.bounds) map.fitBounds(place.bounds, { animate: false });
    else if (place) map.setView(place.center, place.zoom);
    else if (boundaryLayer) map.fitBounds(boundaryLayer.getBounds(), { padding: [10, 10], animate: false });
    else if (el.dataset.center) map.setView(el.dataset.center.split(",").map(Number), 12);
    else map.setView(DEFAULT_CENTER, DEFAULT_ZOOM);

    // Unclustered answers hold at most 400 points: added at once, not in chunks, so that a
    // newer answer never meets chunks of an older one still being added.
    var pointLayer = L.markerClusterGroup({ showCoverageOnHover: false });
    var serverLayer = L.layerGroup();
    var busy = mmkMaps.idleFlag(el, map, [pointLayer]);
    initEventsLayer(map, el, busy);
    map.addLayer(pointLayer);
    map.addLayer(serverLayer);

    var base = el.dataset.mapUrl.split("?");
    var fixed = new URLSearchParams(base[1] || "");
    pageFilters().forEach(function (value, key) { fixed.append(key, value); });
    var popups = mmkMaps.popupKeeper(map);

    function urlFor(zoom, bbox) {
      var params = new URLSearchParams(fixed);
      params.set("zoom", String(zoom));
      if (bbox) params.set("bbox", bbox);
      return base[0] + "?" + params.toString();
    }

    /* Recent answers by URL (requests still running included): going back to a view, or
     * arriving where a zoom animation was heading, needs no new round trip. */
    var answers = {};
    var answerUrls = [];
    function answer(url) {
      if (!answers[url]) {
        answers[url] = mmkMaps.getJson(url, { headers: GEOJSON });
        answers[url].catch(function () { delete answers[url]; });
        answerUrls.push(url);
        if (answerUrls.length > 12) delete answers[answerUrls.shift()];
      }
      return answers[url];
    }
    // A zoom is asked for when its animation starts, not 250 ms later when it ends.
    map.on("zoomanim", function (e) {
      answer(urlFor(e.zoom, bboxAt(map, e.center, e.zoom))).catch(function () {});
    });
    var latest = 0;

    function render(data) {
      var shown = 0;
      popups.replacing(function () {
        pointLayer.clearLayers();
        serverLayer.clearLayers();
        var points = [];
        data.features.forEach(function (f) {
          if (f.properties.cluster) {
            serverLayer.addLayer(mmkMaps.cellMarker(f, el.dataset.clusterLabel, zoomIntoCell));
            shown += f.properties.count;
          } else {
            points.push(popups.watch(mmkMaps.pointMarker(f, el.dataset.moreLabel)));
            shown += 1;
          }
        });
        if (data.clustered) points.forEach(function (m) { serverLayer.addLayer(m); });
        else pointLayer.addLayers(points);
        return points;
      });
      el.dataset.loaded = String(shown);
      el.dataset.total = String(data.count);
    }

    function loaded() {
      el.removeAttribute("aria-busy");
      busy("markers", false);
    }

    function load(inView) {
      var ticket = ++latest;
      el.setAttribute("aria-busy", "true");
      busy("markers", true);
      return answer(urlFor(map.getZoom(), inView ? bboxOf(map) : null))
        .then(function (data) {
          if (ticket !== latest) return null; // a newer view is on its way
          render(data);
          loaded();
          return data;
        })
        .catch(function (err) {
          if (ticket !== latest) return null;
          el.dataset.error = String(err);
          loaded();
          return null;
        });
    }

    var firstSync = true;
    function syncView() {
      busy("moved", false);
      if (el.dataset.syncList) {
        writeViewToUrl(map, firstSync);
        syncList(map, el, firstSync);
      }
      firstSync = false;
    }
    function afterMove() {
      load(true);
      syncView();
    }
    // The markers follow at once (an answer is cheap, and often already here); the list,
    // a page of HTML, waits until the map has rested a moment.
    var loadSoon = debounce(function () { load(true); }, 30);
    var syncSoon = debounce(syncView, 200);
    function onMoveEnd() {
      busy("moved", true);
      // Where a zoom animation was heading the answer is already asked for: draw it now.
      if (answers[urlFor(map.getZoom(), bboxOf(map))]) load(true);
      else loadSoon();
      syncSoon();
    }

    if (initialView && pageFilters().toString()) {
      // Filters keep the view the user had, unless nothing they match is in it.
      busy("fitting", true);
      load(false).then(function (data) {
        var b = data && data.bounds;
        var all = b && L.latLngBounds([[b[1], b[0]], [b[3], b[2]]]);
        if (all && !map.getBounds().intersects(all)) {
          map.fitBounds(all, { padding: [20, 20], maxZoom: 14, animate: false });
        }
        map.on("moveend", onMoveEnd);
        afterMove();
        busy("fitting", false);
      });
    } else if (initialView || boundaryLayer || place || !fixed.toString()) {
      // Nothing searched: the default view is known, no answer with every entry is needed
      // to fit the map (at 10,000 entries that would be most of a phone's first bytes).
      afterMove();
      map.on("moveend", onMoveEnd);
    } else {
      // First the extent of all matches (no bbox), to fit the map to a search.
      busy("fitting", true);
      load(false).then(function (data) {
        var b = data && data.bounds;
        if (b) {
          // Not animated: one moveend, one list sync, for the final view.
          map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [20, 20], maxZoom: 14, animate: false });
        }
        map.on("moveend", onMoveEnd);
        afterMove();
        busy("fitting", false);
      });
    }
  }

  /* Upcoming events (GET /api/v1/events.geojson) as a layer of their own, switched by the
   * "show events" checkbox; the choice is kept in the URL (events=1). */
  function initEventsLayer(map, el, busy) {
    var toggle = document.getElementById("show-events");
    if (!toggle || !el.dataset.eventsUrl) return;
    var layer = L.layerGroup();
    var requested = false;
    function load() {
      requested = true;
      busy("events", true);
      var params = new URLSearchParams();
      var municipality = new URLSearchParams(window.location.search).get("municipality");
      if (municipality) params.set("municipality", municipality);
      mmkMaps.getJson(el.dataset.eventsUrl + "?" + params.toString(), { headers: GEOJSON })
        .then(function (data) {
          data.features.forEach(function (f) {
            var p = f.properties;
            var m = L.marker(mmkMaps.latLngOf(f), {
              icon: L.divIcon({
                className: "mmk-event-marker",
                html: '<span style="background:' + mmkMaps.escapeHtml(p.colour) +
                  '" aria-hidden="true">' + mmkMaps.iconSvg("event") + "</span>",
                iconSize: [30, 30], iconAnchor: [15, 15], popupAnchor: [0, -14]
              }),
              title: p.name, alt: p.name, keyboard: true, zIndexOffset: 1000
            });
            m.bindPopup(mmkMaps.popupHtml(p, el.dataset.eventLabel));
            layer.addLayer(m);
          });
          el.dataset.eventsLoaded = String(data.features.length);
        })
        .catch(function (err) { el.dataset.eventsError = String(err); })
        .then(function () { busy("events", false); });
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

  /* A fixed set of points from a GeoJSON URL (e.g. a campaign's events), clustered here.
   * Up to 5,000 points: the map is fitted to them first, then they are added in chunks. */
  function initGeojsonMap(el) {
    var map = L.map(el, { scrollWheelZoom: true }).setView(DEFAULT_CENTER, DEFAULT_ZOOM);
    window.mitmachkarteMap = map;
    tileLayer(el).addTo(map);
    var clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      chunkedLoading: true,
      chunkProgress: function (done, total) { if (done === total) busy("markers", false); }
    });
    var busy = mmkMaps.idleFlag(el, map, [clusters]);
    busy("markers", true);
    mmkMaps.getJson(el.dataset.geojsonUrl, { headers: GEOJSON })
      .then(function (data) {
        var markers = data.features.map(function (f) {
          return mmkMaps.pointMarker(f, el.dataset.moreLabel);
        });
        if (markers.length) {
          var bounds = L.latLngBounds(markers.map(function (m) { return m.getLatLng(); }));
          map.fitBounds(bounds, { padding: [20, 20], maxZoom: 14, animate: false });
        }
        map.addLayer(clusters); // after the fit: no cluster animation for it
        clusters.addLayers(markers); // calls chunkProgress at the end, also when empty
        el.dataset.loaded = String(data.features.length);
        el.dataset.total = String(data.count != null ? data.count : data.features.length);
      })
      .catch(function (err) {
        el.dataset.error = String(err);
        busy("markers", false);
      });
  }

  function init() {
    var el = document.getElementById("map");
    if (!el || typeof L === "undefined" || !window.mmkMaps || !window.mmkMapPage) return;
    // What changes the layout comes first: Leaflet measures its element once.
    var getMap = function () { return window.mitmachkarteMap; };
    if (el.dataset.syncList) {
      mmkMapPage.initLocate(getMap);
      mmkMapPage.initForms();
      var layout = document.getElementById("map-layout");
      if (layout) mmkMaps.viewSwitch(layout, getMap);
      document.body.addEventListener("htmx:afterSettle", mmkMapPage.announceCount);
    }
    if (el.dataset.lat) initDetailMap(el);
    else if (el.dataset.mapUrl) initClusterMap(el);
    else initGeojsonMap(el);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
