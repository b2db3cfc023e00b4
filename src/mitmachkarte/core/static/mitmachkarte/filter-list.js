// Filters a long list of choices as one types: inside [data-filter-scope], the
// [data-filter-item] elements whose data-text lacks a typed word are hidden (with the
// <br> after them), [data-filter-group] <details> with a match open. Checked boxes
// stay checked when hidden, so searching never loses a choice. Without JavaScript the
// whole list shows.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ß/g, "ss");
  }
  document.querySelectorAll("[data-filter-scope]").forEach(function (scope) {
    var input = scope.querySelector("[data-filter-input]");
    var items = Array.prototype.slice.call(scope.querySelectorAll("[data-filter-item]"));
    var groups = scope.querySelectorAll("[data-filter-group]");
    var empty = scope.querySelector("[data-filter-empty]");
    var texts = items.map(function (item) { return fold(item.getAttribute("data-text") || ""); });
    if (!input) return;
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item, i) {
        var match = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        item.hidden = !match;
        var next = item.nextElementSibling;
        if (next && next.tagName === "BR") next.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach(function (group) {
        var any = group.querySelector("[data-filter-item]:not([hidden])");
        group.hidden = !any;
        if (words.length) group.open = Boolean(any);
      });
      if (empty) empty.hidden = shown !== 0;
    });
  });
})();
