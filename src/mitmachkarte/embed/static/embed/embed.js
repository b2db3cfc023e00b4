/* Mitmachkarte loader for other websites:
 *   <script src="https://PLATFORM/embed/embed.js" data-kommune="05315000" async></script>
 * creates the map's iframe after the script tag (or in the element named by data-target)
 * and sizes it to its content. Height messages are accepted only from the platform's origin,
 * only from this iframe and only with this iframe's id. Sets no cookies, stores nothing. */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.src || !window.URL || !window.URLSearchParams) return;

  var PARAMS = ["kommune", "bbox", "center", "zoom", "category", "sdg", "tag", "q", "lang",
    "color", "list", "search", "title", "height"];
  var src = new URL(script.src, window.location.href);
  var platform = src.origin;
  var params = new URLSearchParams();
  PARAMS.forEach(function (name) {
    var value = script.getAttribute("data-" + name);
    if (value === null || value === "") return;
    if (name === "category" || name === "sdg") {
      value.split(",").forEach(function (v) { if (v.trim()) params.append(name, v.trim()); });
    } else {
      params.set(name, value);
    }
  });

  var id = "f" + Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
  var query = params.toString();
  var iframe = document.createElement("iframe");
  iframe.src = new URL("./", src).href + (query ? "?" + query : "");
  // The widget reads its id and our origin from its window name (survives its own
  // navigation, e.g. a search), and answers only to this origin.
  iframe.name = "mitmachkarte:" + id + ":" + window.location.origin;
  var lang = (script.getAttribute("data-lang") || "de").slice(0, 2);
  iframe.title = script.getAttribute("data-title") ||
    (lang === "en" ? "Map of initiatives for sustainability" :
      "Karte der Initiativen für Nachhaltigkeit");
  iframe.setAttribute("loading", "lazy");
  var mapHeight = parseInt(script.getAttribute("data-height"), 10) || 400;
  iframe.style.cssText = "display:block;width:100%;max-width:100%;border:0;height:" +
    (mapHeight + 160) + "px";

  function place() {
    var holder = null;
    var selector = script.getAttribute("data-target");
    if (selector) {
      try {
        holder = document.querySelector(selector);
      } catch (e) { /* not a valid selector: the map goes after the script */ }
    }
    if (holder) holder.appendChild(iframe);
    else if (document.body && document.body.contains(script)) {
      script.parentNode.insertBefore(iframe, script.nextSibling);
    } else document.body.appendChild(iframe); // the snippet was put into <head>
  }
  if (document.body) place();
  else document.addEventListener("DOMContentLoaded", place);

  window.addEventListener("message", function (event) {
    if (event.origin !== platform || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== "mitmachkarte:height" || data.frame !== id) return;
    var height = Number(data.height);
    if (!isFinite(height)) return;
    iframe.style.height = Math.max(150, Math.min(6000, Math.round(height))) + "px";
  });
})();
