/* navo-kg index page: filter the documents and entity links as one types.
 * Each listed item carries data-q, its searchable text folded (lower case, no
 * accents) by kg/viz/pages.py; the query is folded the same way. Every word of
 * the query must occur. Groups (collapsed <details>) open where something
 * matches and hide where nothing does; an empty query restores the page. */
(function () {
  "use strict";
  var box = document.getElementById("index-search");
  if (!box) return;
  var status = document.getElementById("index-status");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-q]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("details.group"));
  var wasOpen = groups.map(function (g) { return g.open; });
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function apply() {
    var words = fold(box.value).split(" ").filter(Boolean);
    if (!words.length) {
      items.forEach(function (el) { el.hidden = false; });
      groups.forEach(function (g, i) { g.hidden = false; g.open = wasOpen[i]; });
      status.textContent = "";
      document.body.removeAttribute("data-searched");
      return;
    }
    var shown = 0;
    items.forEach(function (el) {
      var q = el.getAttribute("data-q");
      var hit = words.every(function (w) { return q.indexOf(w) >= 0; });
      el.hidden = !hit;
      if (hit) shown++;
    });
    groups.forEach(function (g) {
      var any = g.querySelector("[data-q]:not([hidden])") !== null;
      g.hidden = !any;
      g.open = any;
    });
    status.textContent = box.getAttribute("data-shown").replace("{n}", shown)
      .replace("{total}", box.getAttribute("data-total"));
    document.body.setAttribute("data-searched", String(shown));
  }
  box.addEventListener("input", apply);
  if (box.value) apply();  // a query the browser restored on "back"
})();
