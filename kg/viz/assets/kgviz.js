/* navo-kg page script: draws the graph held in <script id="kg-data"> with vis-network.
 * Every document-derived string reaches the DOM through textContent or the canvas,
 * never through innerHTML, so names and sentences are shown, not run. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var S = data.strings;
  var classes = {};
  data.classes.forEach(function (c) { classes[c.cls] = c; });
  var state = { enabled: new Set(data.classes.map(function (c) { return c.cls; })), colourBy: "class" };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function communityColour(i) {  // golden-angle hues: neighbouring ids differ clearly
    return "hsl(" + ((i * 137.508) % 360).toFixed(1) + ",65%,50%)";
  }
  function nodeColour(n) {
    var c = state.colourBy === "community" ? communityColour(n.community || 0) : classes[n.cls].color;
    return { background: c, border: n.center ? "#111" : "#ffffff",
             highlight: { background: c, border: "#111" }, hover: { background: c, border: "#111" } };
  }
  function visNode(n) {
    return {
      id: n.id, label: n.label, shape: classes[n.cls].shape, value: n.value, x: n.x, y: n.y,
      color: nodeColour(n), borderWidth: n.center ? 4 : 1.5, kg: n,
      // unconnected entities stay out of the force layout; settle() lines them up below it
      physics: !(data.options.physics && n.value <= 1)
    };
  }
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, label: data.options.edgeLabels ? e.label : undefined,
             arrows: "to", kg: e };
  }));
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return state.enabled.has(n.kg.cls); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    return nodeView.get(e.from) !== null && nodeView.get(e.to) !== null;
  } });

  var big = data.nodes.length > 400;
  var options = {
    autoResize: true,
    layout: { improvedLayout: data.nodes.length <= 150, randomSeed: 7 },
    nodes: {
      font: { size: 16, face: "DejaVu Sans, Arial, sans-serif", color: "#111",
              strokeWidth: 4, strokeColor: "#ffffff" },
      scaling: { min: 10, max: 34, label: { enabled: true, min: 14, max: 20, drawThreshold: 5, maxVisible: 24 } },
      widthConstraint: { maximum: 150 }
    },
    edges: {
      color: { color: "#9aa3ad", highlight: "#333", hover: "#333", opacity: big ? 0.5 : 0.9 },
      width: 1.2, selectionWidth: 2,
      font: { size: 11, face: "DejaVu Sans, Arial, sans-serif", color: "#444", strokeWidth: 3,
              strokeColor: "#ffffff", align: "middle" },
      smooth: big ? false : { type: "continuous" },
      arrows: { to: { scaleFactor: 0.5 } }
    },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, navigationButtons: false,
                   keyboard: false },
    physics: {
      enabled: data.options.physics,
      solver: big ? "barnesHut" : "forceAtlas2Based",
      barnesHut: { gravitationalConstant: -9000, centralGravity: 0.25, springLength: 140,
                   springConstant: 0.03, avoidOverlap: 0.1 },
      forceAtlas2Based: { gravitationalConstant: -160, centralGravity: 0.03, springLength: 140,
                          springConstant: 0.06, avoidOverlap: 0.8 },
      stabilization: { enabled: true, iterations: data.options.iterations, updateInterval: 50, fit: true },
      minVelocity: 1.0, timestep: 0.5
    }
  };
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  var api = window.kgviz = { nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
                             network: network, settled: false, state: state };

  // Physics lays the graph out once, then stops: a settled picture that does not drift.
  function settle() {
    if (api.settled) return;
    network.setOptions({ physics: { enabled: false } });
    if (data.options.physics) shelveIsolated();
    // keep the layout in the data, so nodes a filter hides come back where they were
    var pos = network.getPositions();
    nodes.update(Object.keys(pos).map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
    network.fit({ animation: false });
    api.settled = true;
    document.body.setAttribute("data-settled", "1");
    var status = document.getElementById("status");
    if (status) status.textContent = "";
  }
  // Entities without any relation are placed in rows under the drawing instead
  // of floating around it, where they would push the connected part to a corner.
  function shelveIsolated() {
    var lone = data.nodes.filter(function (n) { return n.value <= 1; }).map(function (n) { return n.id; });
    if (!lone.length || lone.length === data.nodes.length) return;
    var pos = network.getPositions(), minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    data.nodes.forEach(function (n) {
      if (n.value <= 1 || !pos[n.id]) return;
      maxX = Math.max(maxX, pos[n.id].x); minY = Math.min(minY, pos[n.id].y); maxY = Math.max(maxY, pos[n.id].y);
    });
    // columns to the right of the drawing: pages are wider than tall, drawings mostly round
    var rows = Math.max(3, Math.floor((maxY - minY) / 80) + 1);
    lone.forEach(function (id, i) {
      network.moveNode(id, maxX + 220 + Math.floor(i / rows) * 150, minY + (i % rows) * 80);
    });
  }
  network.once("stabilizationIterationsDone", settle);
  network.on("stabilizationProgress", function (p) {
    var status = document.getElementById("status");
    if (status) status.textContent = S.layout + " " + Math.round(100 * p.iterations / p.total) + "%";
  });
  // nothing for physics to move (no nodes, physics off, or no relations at all): no
  // stabilization events will come, so the drawing is settled as it is
  var moving = data.options.physics && data.nodes.some(function (n) { return n.value > 1; });
  if (!moving) setTimeout(settle, 0);

  // Tooltip: built from text nodes, placed beside the pointer but always inside
  // the window (CSS caps its size; a long list scrolls). It stays open while the
  // pointer is on it, so that list can be scrolled.
  var tip = document.getElementById("tooltip");
  var hideTimer = null, overTip = false;
  function line(parent, key, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    var row = el("div", null, "tip-row");
    row.appendChild(el("span", key + ": ", "tip-key"));
    row.appendChild(el("span", Array.isArray(value) ? value.join("; ") : value));
    parent.appendChild(row);
  }
  // [[title, count], ...]: each distinct title once, with how many documents carry it
  function docList(parent, titles, total) {
    if (!titles || !titles.length) return;
    parent.appendChild(el("div", S.documents + " (" + total + "):", "tip-key"));
    var ul = el("ul", null, "tip-docs"), listed = 0;
    titles.forEach(function (tc) {
      var li = el("li", tc[0]);
      if (tc[1] > 1) li.appendChild(el("span", " \u00d7" + tc[1], "tip-count"));
      ul.appendChild(li);
      listed += tc[1];
    });
    if (total > listed) ul.appendChild(el("li", S.more.replace("{n}", total - listed), "tip-hint"));
    parent.appendChild(ul);
  }
  function nodeTip(n) {
    var box = document.createDocumentFragment();
    box.appendChild(el("div", n.label, "tip-title"));
    line(box, S.cls, classes[n.cls].label);
    line(box, S.aliases, n.aliases);
    (n.facts || []).forEach(function (f) { line(box, f[0], f[1]); });
    line(box, S.community, String(n.community));
    docList(box, n.docs, n.ndocs);
    if (n.href) box.appendChild(el("div", S.dblclick, "tip-hint"));
    return box;
  }
  function edgeTip(e) {
    var box = document.createDocumentFragment();
    var from = nodes.get(e.from), to = nodes.get(e.to);
    box.appendChild(el("div", (from ? from.label : e.from) + " \u2192 " + e.label + " \u2192 " +
                              (to ? to.label : e.to), "tip-title"));
    (e.evidence || []).slice(0, 3).forEach(function (s) { box.appendChild(el("blockquote", s, "tip-quote")); });
    if (!(e.evidence || []).length) box.appendChild(el("div", S.noEvidence, "tip-hint"));
    docList(box, e.docs, e.ndocs);
    return box;
  }
  function showTip(content, evt) {
    clearTimeout(hideTimer);
    tip.replaceChildren(content);
    tip.scrollTop = 0;
    tip.style.display = "block";
    var r = container.getBoundingClientRect();
    var px = r.left + evt.pointer.DOM.x, py = r.top + evt.pointer.DOM.y;
    var w = tip.offsetWidth, h = tip.offsetHeight, W = window.innerWidth, H = window.innerHeight;
    var x = px + 14 + w <= W - 10 ? px + 14 : px - 14 - w;  // right of the pointer, else left
    var y = py + 14 + h <= H - 10 ? py + 14 : H - 10 - h;    // below it, else pushed up
    tip.style.left = Math.max(10, Math.min(x, W - 10 - w)) + "px";
    tip.style.top = Math.max(10, y) + "px";
  }
  function hideNow() { clearTimeout(hideTimer); overTip = false; tip.style.display = "none"; }
  function hideTip() {  // a moment's grace to move onto the tooltip and scroll it
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { if (!overTip) tip.style.display = "none"; }, 300);
  }
  tip.addEventListener("mouseenter", function () { overTip = true; clearTimeout(hideTimer); });
  tip.addEventListener("mouseleave", function () { overTip = false; hideTip(); });
  // What is under the pointer, looked up on each move (once per frame) rather than
  // taken from vis's hover events: vis sees no "blur" when the pointer leaves the
  // drawing, and then no new "hover" when it comes back onto the same node.
  var under = null, lastMove = null, frame = 0, dragging = false;
  function pointed() {
    frame = 0;
    if (dragging || !lastMove) return;
    var r = container.getBoundingClientRect();
    var p = { x: lastMove.clientX - r.left, y: lastMove.clientY - r.top }, evt = { pointer: { DOM: p } };
    var n = network.getNodeAt(p), e = n === undefined ? network.getEdgeAt(p) : undefined;
    var id = n !== undefined ? "n" + n : e !== undefined ? "e" + e : null;
    if (id === under) return;
    under = id;
    if (n !== undefined) showTip(nodeTip(nodes.get(n).kg), evt);
    else if (e !== undefined) showTip(edgeTip(edges.get(e).kg), evt);
    else hideTip();
  }
  container.addEventListener("mousemove", function (ev) {
    lastMove = ev;
    if (!frame) frame = requestAnimationFrame(pointed);
  });
  // leaving the drawing (not onto the tooltip) ends the hover
  container.addEventListener("mouseleave", function (ev) {
    under = null; lastMove = null;
    if (!(ev.relatedTarget && (ev.relatedTarget === tip || tip.contains(ev.relatedTarget)))) hideTip();
  });
  network.on("dragStart", function () { dragging = true; under = null; hideNow(); });
  network.on("dragEnd", function () { dragging = false; });
  network.on("zoom", function () { under = null; hideNow(); });
  network.on("doubleClick", function (evt) {
    if (evt.nodes.length) {
      var n = nodes.get(evt.nodes[0]).kg;
      if (n.href) window.location.href = n.href;
    }
  });

  // Class filter and legend: one checkbox per class present on the page.
  var legend = document.getElementById("legend");
  data.classes.forEach(function (c) {
    var label = el("label", null, "legend-item");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.value = c.cls; box.className = "class-filter";
    box.addEventListener("change", function () {
      if (box.checked) state.enabled.add(c.cls); else state.enabled.delete(c.cls);
      nodeView.refresh(); edgeView.refresh();
    });
    var glyph = el("span", c.glyph, "glyph");
    glyph.style.color = c.color;
    label.appendChild(box); label.appendChild(glyph);
    label.appendChild(el("span", c.label + " (" + c.count + ")"));
    legend.appendChild(label);
  });

  // Colour by class or by Louvain community.
  var colourSel = document.getElementById("colour-by");
  colourSel.addEventListener("change", function () {
    state.colourBy = colourSel.value;
    nodes.update(data.nodes.map(function (n) { return { id: n.id, color: nodeColour(n) }; }));
  });

  // Search: label or alias, case-insensitive; focuses the first match.
  var search = document.getElementById("search");
  var list = document.getElementById("search-list");
  data.nodes.forEach(function (n) { var o = document.createElement("option"); o.value = n.label; list.appendChild(o); });
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) return null;
    var exact = null, partial = null;
    data.nodes.forEach(function (n) {
      var names = [n.label].concat(n.aliases || []).map(function (s) { return s.toLowerCase(); });
      if (!exact && names.indexOf(q) >= 0) exact = n;
      if (!partial && names.some(function (s) { return s.indexOf(q) >= 0; })) partial = n;
    });
    return exact || partial;
  }
  function go() {
    var n = find(search.value), status = document.getElementById("status");
    if (!n) { status.textContent = S.notFound; return; }
    status.textContent = "";
    if (!state.enabled.has(n.cls)) { state.enabled.add(n.cls); nodeView.refresh(); edgeView.refresh();
      document.querySelectorAll(".class-filter").forEach(function (b) { if (b.value === n.cls) b.checked = true; }); }
    network.selectNodes([n.id]);
    network.focus(n.id, { scale: 1.3, animation: { duration: 400 } });
  }
  search.addEventListener("change", go);
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") go(); });
  document.getElementById("fit").addEventListener("click", function () { network.fit(); });
  document.getElementById("physics").addEventListener("click", function () {
    network.setOptions({ physics: { enabled: true, stabilization: false } });
    setTimeout(function () { network.setOptions({ physics: { enabled: false } }); }, 3000);
  });
})();
