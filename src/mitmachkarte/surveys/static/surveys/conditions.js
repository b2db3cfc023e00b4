/* Show-if conditions on the same page: a question with data-cond="q12" and
   data-cond-values="yes,maybe" is shown while q12's checked answer is one of them.
   The server checks the same rule again when saving (hidden answers are dropped). */
(function () {
  "use strict";
  var form = document.querySelector(".survey-form");
  if (!form) return;
  function checked(name) {
    var values = [];
    form.querySelectorAll('[name="' + name + '"]').forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") ? input.checked : input.value) {
        values.push(input.value);
      }
    });
    return values;
  }
  function update() {
    form.querySelectorAll("[data-cond]").forEach(function (box) {
      var source = form.querySelector('[name="' + box.dataset.cond + '"]');
      if (!source) return; // condition on an earlier page: the server decided
      var sourceBox = source.closest(".survey-question");
      var wanted = box.dataset.condValues.split(",");
      var shown = !(sourceBox && sourceBox.hidden) && checked(box.dataset.cond).some(function (v) {
        return wanted.indexOf(v) !== -1;
      });
      box.hidden = !shown;
    });
  }
  form.addEventListener("change", update);
  update();
})();
