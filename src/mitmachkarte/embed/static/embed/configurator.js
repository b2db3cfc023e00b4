/* /einbinden/: one-click copy of the snippets, and the preview sized to its content.
 * The form itself updates the preview and the code through htmx (or a plain GET). */
(function () {
  "use strict";

  function status(button, ok) {
    var box = document.querySelector(".copy-status");
    if (!box) return;
    box.textContent = ok ? box.dataset.copied : box.dataset.failed;
    button.classList.toggle("copied", ok);
    setTimeout(function () { button.classList.remove("copied"); }, 2000);
  }

  function fallbackCopy(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (e) {
      return false;
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    if (!button) return;
    var field = document.getElementById(button.dataset.copy);
    if (!field) return;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(
        function () { status(button, true); },
        function () { status(button, fallbackCopy(field)); });
    } else {
      status(button, fallbackCopy(field));
    }
  });

  window.addEventListener("message", function (event) {
    var preview = document.getElementById("embed-preview");
    var data = event.data;
    if (!preview || event.origin !== window.location.origin ||
        event.source !== preview.contentWindow || !data ||
        data.type !== "mitmachkarte:height" || data.frame !== "preview") return;
    var height = Number(data.height);
    if (isFinite(height)) preview.style.height = Math.max(150, Math.min(6000, height)) + "px";
  });
})();
