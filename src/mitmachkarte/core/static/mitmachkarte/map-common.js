/* What the site's maps (map.js) and the embed widget (embed/embed-widget.js) share: escaping,
 * entry markers and their popups, the server's cluster cells, GeoJSON requests and the
 * data-idle flag. A plain script (no build step) for both: load it after Leaflet and before
 * either of them; it defines window.mmkMaps. */
(function () {
  "use strict";

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function latLngOf(feature) {
    return [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
  }

  /* An icon of the page's inline SVG sprite (core/_icons.svg): a category without a symbol
   * of its own gets the neutral one. Never an emoji: without a colour-emoji font it is a box. */
  function iconSvg(name) {
    var id = "icon-" + (name || "");
    if (!document.getElementById(id)) id = "icon-category";
    return '<svg class="icon" aria-hidden="true" focusable="false"><use href="#' +
      escapeHtml(id) + '"></use></svg>';
  }

  function markerIcon(props) {
    return L.divIcon({
      className: "mmk-marker",
      html: '<span style="background:' + escapeHtml(props.colour || "#495057") +
        '" aria-hidden="true">' + iconSvg(props.category) + "</span>",
      iconSize: [30, 30],
      iconAnchor: [15, 15],
      popupAnchor: [0, -14]
    });
  }

  /* newTab: the words "opens in a new tab" when the map is framed by another site, whose
   * page the link must not replace; screen readers hear them, nobody else sees them. */
  function link(url, html, newTab) {
    if (!newTab) return '<a href="' + escapeHtml(url) + '">' + html + "</a>";
    return '<a href="' + escapeHtml(url) + '" target="_blank" rel="noopener">' + html +
      '<span class="mmk-vh"> (' + escapeHtml(newTab) + ")</span></a>";
  }

  function popupHtml(props, moreLabel, newTab) {
    return '<div class="mmk-popup"><h3>' + link(props.url, escapeHtml(props.name), newTab) +
      "</h3>" +
      (props.category_name ? '<p class="mmk-popup-cat">' + escapeHtml(props.category_name) +
        (props.city ? " · " + escapeHtml(props.city) : "") + "</p>" : "") +
      "<p>" + escapeHtml(props.short_description) + "</p>" +
      "<p>" + link(props.url, escapeHtml(moreLabel || "→") + " →", newTab) + "</p></div>";
  }

  /* One entry (a GeoJSON point feature) with its icon and popup; marker.feature keeps it. */
  function pointMarker(feature, moreLabel, newTab) {
    var p = feature.properties;
    var m = L.marker(latLngOf(feature), {
      icon: markerIcon(p), title: p.name, alt: p.name, keyboard: true
    });
    m.bindPopup(popupHtml(p, moreLabel, newTab));
    m.feature = feature;
    return m;
  }

  /* A cluster the server counted ("{count}" in label is replaced). A click calls
   * zoomIn(map, bounds, center): each map decides how far it zooms. */
  function cellMarker(feature, label, zoomIn) {
    var n = feature.properties.count;
    var size = n < 10 ? "small" : n < 100 ? "medium" : "large";
    var title = (label || "{count}").replace("{count}", n);
    var ll = latLngOf(feature);
    var m = L.marker(ll, {
      icon: L.divIcon({
        html: "<div><span>" + escapeHtml(n) + "</span></div>",
        className: "marker-cluster marker-cluster-" + size,
        iconSize: L.point(40, 40)
      }),
      title: title, alt: title, keyboard: true
    });
    m.on("click", function () {
      var b = feature.properties.bounds; // west, south, east, north
      zoomIn(m._map, L.latLngBounds([b[1], b[0]], [b[3], b[2]]), L.latLng(ll));
    });
    return m;
  }

  /* A reload replaces the markers, and removing a marker closes its popup: the pan that
   * makes an opened popup fit would close it again. watch(marker) follows the popups of
   * pointMarker()s; replacing(fn) runs fn, which swaps the markers and returns the new ones,
   * and opens the popup again on the new marker of the same entry (without a second pan). */
  function popupKeeper(map) {
    var openUrl = null;
    function watch(m) {
      var url = m.feature.properties.url;
      m.on("popupopen", function () { openUrl = url; });
      m.on("popupclose", function () { if (openUrl === url) openUrl = null; });
      return m;
    }
    function replacing(fn) {
      var url = openUrl;
      var markers = fn();
      var m = url && markers.filter(function (x) {
        return x.feature.properties.url === url;
      })[0];
      if (!m || !map.hasLayer(m)) return; // out of view, or inside a cluster now
      var popup = m.getPopup();
      popup.options.autoPan = false;
      m.openPopup();
      popup.options.autoPan = true;
    }
    return { watch: watch, replacing: replacing };
  }

  function getJson(url, options) {
    return fetch(url, options).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  /* Sets data-idle on el while the map is at rest: no request pending (the map script calls
   * the returned busy(reason, on)), no move or zoom running, no cluster animation. Tests and
   * other scripts wait for it instead of waiting for time. */
  function idleFlag(el, map, clusterGroups) {
    var pending = {};
    var groups = clusterGroups || [];
    function update() {
      var animating = groups.some(function (g) {
        return g._inZoomAnimation > 0; // Leaflet.markercluster's own counter (1.4)
      });
      if (animating || Object.keys(pending).length) el.removeAttribute("data-idle");
      else el.setAttribute("data-idle", "");
    }
    function busy(reason, on) {
      if (on) pending[reason] = true;
      else delete pending[reason];
      update();
    }
    map.on("movestart", function () { busy("move", true); });
    map.on("moveend", function () { busy("move", false); });
    groups.forEach(function (g) { g.on("animationend", update); });
    update();
    return busy;
  }

  /* Phones: the map or the list, switched by the buttons in [data-view] inside `layout`
   * (CSS shows them below 768 px; wider screens show both). The list stays the full text
   * alternative; a link to it (the skip link) switches to it. */
  function viewSwitch(layout, getMap) {
    var group = layout.querySelector(".view-switch, .mmk-view-switch");
    if (!group) return;
    var buttons = group.querySelectorAll("button[data-view]");
    function show(view) {
      layout.setAttribute("data-view", view);
      buttons.forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.dataset.view === view));
      });
      var map = getMap();
      if (view === "map" && map) map.invalidateSize(); // it was hidden: measure it again
    }
    buttons.forEach(function (b) {
      b.addEventListener("click", function () { show(b.dataset.view); });
    });
    document.querySelectorAll('a[href^="#"]').forEach(function (a) {
      var target = document.getElementById(a.getAttribute("href").slice(1));
      if (target && target.hasAttribute("data-list")) {
        a.addEventListener("click", function () { show("list"); });
      }
    });
    group.hidden = false;
    show("map");
  }

  window.mmkMaps = {
    viewSwitch: viewSwitch,
    escapeHtml: escapeHtml,
    iconSvg: iconSvg,
    latLngOf: latLngOf,
    popupHtml: popupHtml,
    pointMarker: pointMarker,
    cellMarker: cellMarker,
    popupKeeper: popupKeeper,
    getJson: getJson,
    idleFlag: idleFlag
  };
})();
