// The navo-kg SPARQL editor: YASGUI on this server's /sparql, with the query
// library as examples, the prefixes preset, and result IRIs linked to the
// entity pages this server answers (/id/<kind>/<slug>). Nothing is fetched
// from another host: the autocompleters that ask remote services (LOV for
// classes and properties, prefix.cc) are left out.
"use strict";
(async function () {
  const $ = (id) => document.getElementById(id);
  const cfg = await (await fetch("config.json")).json();
  const endpoint = new URL("sparql", location.href).href;

  // Result cells: links into our namespace go to this server (or --base).
  const table = Yasgui.Yasr.plugins.table;
  const link = table.prototype.getUriLinkFromBinding;
  table.prototype.getUriLinkFromBinding = function (binding, prefixes) {
    // the plugin's HTML is sanitized (DOMPurify), which writes href="…"
    return link.call(this, binding, prefixes)
      .replace(/href=(["'])https:\/\/w3id\.org\/navo-kg\/def#/g, (m, q) => "href=" + q + cfg.base + "ontology#")
      .replace(/href=(["'])https:\/\/w3id\.org\/navo-kg\//g, (m, q) => "href=" + q + cfg.base);
  };
  Yasgui.Yasr.defaults.prefixes = cfg.prefixes;
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasgui.Yasqe.defaults.prefixCcApi = null;  // the bundled prefix list, no request to prefix.cc
  Yasgui.Yasr.defaults.prefixes = cfg.prefixes;

  function withPrefixes(text) {
    const declared = new Set([...text.matchAll(/PREFIX\s+([A-Za-z][\w-]*)?:/gi)].map((m) => m[1] || ""));
    const body = text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|<[^>\s]*>|#[^\n]*/g, " ");
    const lines = [];
    for (const [p, ns] of Object.entries(cfg.prefixes)) {
      if (!declared.has(p) && new RegExp("(^|[\\s(,;{/^|!])" + p + ":").test(body)) lines.push(`PREFIX ${p}: <${ns}>`);
    }
    return (lines.length ? lines.join("\n") + "\n" : "") + text;
  }

  const first = withPrefixes("SELECT ?summit ?label ?start WHERE {\n  ?summit a kg:Summit ; rdfs:label ?label .\n" +
                             "  OPTIONAL { ?summit schema:startDate ?start }\n} ORDER BY ?start LIMIT 50\n");
  const yasgui = new Yasgui($("yasgui"), {
    requestConfig: { endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    yasqe: { value: first },
  });
  const tab = () => yasgui.getTab();
  if (tab().getEndpoint && tab().getEndpoint() !== endpoint) tab().setEndpoint(endpoint);

  // The library: each question opens in the editor; its parameters become
  // param.NAME arguments, which the server binds as terms (never pasted into the text).
  const lib = cfg.queries;
  for (const q of lib) {
    const o = document.createElement("option");
    o.value = q.name; o.textContent = q.name + " - " + q.title;
    $("lib").appendChild(o);
  }
  function setArgs() {
    const args = [];
    for (const i of document.querySelectorAll("[data-param]")) {
      if (i.value) args.push({ name: "param." + i.dataset.param, value: i.value });
    }
    tab().setRequestConfig({ args });
  }
  $("lib").addEventListener("change", () => {
    const q = lib.find((x) => x.name === $("lib").value);
    $("params").replaceChildren();
    $("about").textContent = q ? q.question : "";
    if (!q) return;
    tab().setQuery(withPrefixes(q.query));
    for (const p of q.params) {
      const l = document.createElement("label");
      l.textContent = "?" + p.name + (p.required ? " (required) " : " (optional) ");
      const i = document.createElement("input");
      i.dataset.param = p.name; i.placeholder = p.help;
      i.addEventListener("input", setArgs);
      l.appendChild(i); $("params").appendChild(l);
    }
    setArgs();
  });
  window.navoKg = { yasgui, withPrefixes };
})();
