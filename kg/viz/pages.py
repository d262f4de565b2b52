"""Write the offline site: index, overview, one page per document, ego pages.

Every page is our own template (not pyvis's, whose heading is inserted raw and
whose ``local``/``in_line`` modes still fetch Bootstrap and vis-network from
CDNs). vis-network's JS/CSS are copied from the pyvis package into ``lib/``.
Document-derived text enters HTML only through ``html.escape`` and the graph
data only as JSON inside a non-executed ``<script type="application/json">``
with ``<``, ``>`` and ``&`` escaped, which the page script shows via
``textContent`` and the canvas.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import networkx as nx

from kg.errors import KGError
from kg.viz.layout import community_layout

ASSETS = Path(__file__).with_name("assets")
EGO_RADIUS = 2
EGO_MAX_NODES = 60  # beyond this an ego page turns into a hairball
HUB_DEGREE = 25
EDGE_LABELS_MAX = 70  # more edge labels than this are noise; the tooltip still names the relation
TOOLTIP_DOCS = 8  # evidence sentences listed per tooltip and facts-table cell
TOOLTIP_TITLES = 40  # distinct document titles (with counts) listed per tooltip; it scrolls
INDEX_GROUP_DOCS = 40  # an index listing more documents than this groups them per year
PRELAYOUT_NODES = 300  # above this, positions come from kg/viz/layout.py
PHYSICS_MAX_NODES = 1200  # above this, no physics in the browser at all: it just draws  # neighbours this connected are shown but not expanded further

STRINGS = {
    "nl": {
        "index": "Overzicht van de graaf", "overview": "Entiteitengraaf", "documents": "Documenten",
        "date": "datum", "title": "titel", "file": "bestand", "kamerstuk": "Kamerstuk",
        "counts": "Entiteiten per klasse", "central": "Meest centrale entiteiten", "cls": "klasse",
        "aliases": "ook genoemd", "community": "gemeenschap", "degree": "verbindingen",
        "search": "Zoek een naam…", "fit": "Passend maken", "physics": "Opnieuw ordenen",
        "colourBy": "Kleur naar", "byClass": "klasse", "byCommunity": "gemeenschap (Louvain)",
        "layout": "Ordenen…", "notFound": "niet gevonden", "noEvidence": "geen bronzin",
        "dblclick": "dubbelklik: pagina van deze entiteit", "facts": "Feiten", "subject": "onderwerp",
        "predicate": "relatie", "object": "object", "evidence": "bronzin", "mentions": "Genoemde entiteiten",
        "entityPages": "Pagina's per entiteit", "ego": "Omgeving (twee stappen)", "hidden":
        "{n} verdere buren op twee stappen zijn weggelaten om de pagina leesbaar te houden.",
        "metadata": "Gegevens", "cited": "Aangehaalde stukken zonder eigen bestand", "nodes": "knopen", "edges": "verbindingen",
        "hint": "Beweeg over een knoop of verbinding voor details; dubbelklik opent de pagina van een entiteit.",
        "more": "en nog {n}", "indexSearch": "Zoek in titels, nummers, bestanden en namen…",
        "shown": "{n} van {total} getoond", "noDate": "zonder datum",
    },
    "en": {
        "index": "Graph overview", "overview": "Entity graph", "documents": "Documents",
        "date": "date", "title": "title", "file": "file", "kamerstuk": "Parliamentary paper",
        "counts": "Entities per class", "central": "Most central entities", "cls": "class",
        "aliases": "also called", "community": "community", "degree": "connections",
        "search": "Search a name…", "fit": "Fit", "physics": "Re-layout",
        "colourBy": "Colour by", "byClass": "class", "byCommunity": "community (Louvain)",
        "layout": "Laying out…", "notFound": "not found", "noEvidence": "no source sentence",
        "dblclick": "double-click: this entity's page", "facts": "Facts", "subject": "subject",
        "predicate": "relation", "object": "object", "evidence": "source sentence", "mentions": "Entities mentioned",
        "entityPages": "Pages per entity", "ego": "Neighbourhood (two steps)", "hidden":
        "{n} further neighbours two steps away are left out to keep the page readable.",
        "metadata": "Details", "cited": "Cited papers without a file of their own", "nodes": "nodes", "edges": "edges",
        "hint": "Hover a node or edge for details; double-click opens an entity's page.",
        "more": "and {n} more", "indexSearch": "Search titles, numbers, files and names…",
        "shown": "{n} of {total} shown", "noDate": "no date",
    },
}


@lru_cache(maxsize=1)
def style() -> dict:
    """Colours, shapes and glyphs per class (assets/style.json)."""
    return json.loads((ASSETS / "style.json").read_text(encoding="utf-8"))


def esc(text: object) -> str:
    """HTML-escape any text for element content and quoted attributes."""
    return html.escape(str(text), quote=True)


def json_for_script(obj: object) -> str:
    """JSON safe to place inside ``<script type="application/json">``."""
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _safe_name(slug: str) -> str:
    clean = re.sub(r"[^A-Za-z0-9._-]", "_", slug)[:80]
    if clean != slug:  # keep distinct slugs distinct after cleaning
        clean += "-" + hashlib.sha1(slug.encode()).hexdigest()[:8]
    return clean


def page_path(key: str) -> str:
    """Site-relative path of the page of a document or entity key."""
    kind, _, slug = key.partition("/")
    if kind == "document":
        return f"doc/{_safe_name(slug)}.html"
    return f"entity/{kind}--{_safe_name(slug)}.html"


def has_doc_page(info: dict) -> bool:
    """Documents that were read get a page; papers only cited by them do not."""
    return bool(info.get("source_file") or info.get("links"))


def has_ego_page(G: nx.MultiDiGraph, n: str) -> bool:
    return G.nodes[n]["cls"] in style()["ego_classes"]


# ---------------------------------------------------------------- subgraphs

def neighbours(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Undirected neighbour sets, computed once for all ego pages."""
    adj: dict[str, set[str]] = {n: set() for n in G}
    for u, v in G.edges():
        if u != v:
            adj[u].add(v)
            adj[v].add(u)
    return adj


def ego_nodes(G: nx.MultiDiGraph, center: str, radius: int = EGO_RADIUS,
              cap: int = EGO_MAX_NODES, hub: int = HUB_DEGREE,
              adj: dict[str, set[str]] | None = None) -> tuple[list[str], int]:
    """Nodes within ``radius`` steps of ``center``, readable: hubs are not expanded
    and at most ``cap`` nodes are kept (closest first, then best connected).
    Returns the nodes and how many were left out."""
    adj = adj if adj is not None else neighbours(G)
    dist = {center: 0}
    frontier = [center]
    for step in range(1, radius + 1):
        nxt = []
        for u in frontier:
            if u != center and len(adj[u]) > hub:
                continue
            for v in sorted(adj[u]):
                if v not in dist:
                    dist[v] = step
                    nxt.append(v)
        frontier = nxt
    ranked = sorted(dist, key=lambda n: (dist[n], -G.nodes[n].get("pagerank", 0), n))
    return ranked[:cap], max(0, len(ranked) - cap)


def doc_subgraph(G: nx.MultiDiGraph, doc: str, edges_by_doc: dict, mentioned: dict) -> list[str]:
    """Entities the document mentions or states a fact about."""
    nodes = set(mentioned.get(doc, ()))
    for u, v, _k in edges_by_doc.get(doc, []):
        nodes.update((u, v))
    return sorted(nodes)


# ---------------------------------------------------------------- page data

def title_counts(titles: list[str], cap: int = TOOLTIP_TITLES) -> list[list]:
    """``[[title, count], …]``: each distinct title once, the most frequent first
    (ties by title), at most ``cap`` of them; the tooltip says how many documents
    in all, so the ones past ``cap`` are still counted."""
    counts: dict[str, int] = defaultdict(int)
    for title in titles:
        counts[title] += 1
    return [[title, n] for title, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]]


def fold(text: str) -> str:
    """Lower case without accents, as the index search compares (kgindex.js folds the query alike)."""
    import unicodedata

    s = unicodedata.normalize("NFD", text)
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().split())


def _class_entries(G: nx.MultiDiGraph, nodes, lang_labels: dict) -> list[dict]:
    st = style()
    counts = defaultdict(int)
    for n in nodes:
        counts[G.nodes[n]["cls"]] += 1
    order = {c: i for i, c in enumerate(st["order"])}
    out = []
    for cls in sorted(counts, key=lambda c: (order.get(c, len(order)), c)):
        s = st["classes"].get(cls, st["classes"]["Other"])
        out.append({"cls": cls, "label": lang_labels.get(cls, cls), "count": counts[cls], **s})
    return out


def graph_data(G: nx.MultiDiGraph, nodes: list[str], prefix: str, lang: str,
               center: str | None = None, doc: str | None = None) -> dict:
    """The JSON a page script draws: nodes, edges, classes, options, UI strings.
    On a document's page (``doc``) edges quote only that document's sentences."""
    keep = set(nodes)
    docs = G.graph.get("documents", {})

    def doc_titles(keys: list[str]) -> list[list]:
        """Distinct titles with how many of the documents carry each (most first): a hub is
        named in hundreds of letters, many of them titled alike ("Geannoteerde agenda …")."""
        return title_counts([docs.get(k, {}).get("title", k) for k in keys])

    vnodes = []
    for n in nodes:
        d = G.nodes[n]
        vnodes.append({
            "id": n, "label": d["label"], "cls": d["cls"], "aliases": d["aliases"],
            "docs": doc_titles(d["documents"]), "ndocs": len(d["documents"]),
            "facts": [list(f) for f in d["facts"]],
            "community": d.get("community", 0), "value": d.get("degree", 0) + 1,
            "href": prefix + page_path(n) if has_ego_page(G, n) and n != center else None,
            "center": n == center,
        })
    sub_edges = sorted(((u, v, k, d) for u in nodes for _u, v, k, d in G.out_edges(u, keys=True, data=True)
                        if v in keep), key=lambda e: (e[0], e[1], str(e[2])))

    def quotes(d: dict) -> list[str]:
        found = [s for k, s in d.get("sources", []) if k == doc] if doc else d["evidence"]
        return found[:TOOLTIP_DOCS]

    vedges = [{"id": f"e{i}", "from": u, "to": v, "label": d["label"], "evidence": quotes(d),
               "docs": doc_titles(d["documents"]), "ndocs": len(d["documents"])}
              for i, (u, v, _k, d) in enumerate(sub_edges)]
    n = len(vnodes)
    if n > PRELAYOUT_NODES:  # the browser polishes or just draws a layout made here
        pos = community_layout(G, nodes)
        for vn in vnodes:
            vn["x"], vn["y"] = pos[vn["id"]]
    return {
        "nodes": vnodes, "edges": vedges,
        "classes": _class_entries(G, nodes, G.graph.get("class_labels", {})),
        "options": {"edgeLabels": len(vedges) <= EDGE_LABELS_MAX,
                    "physics": n <= PHYSICS_MAX_NODES,
                    # enough steps to untangle small graphs, few when starting from a layout
                    "iterations": 400 if n <= 200 else 300 if n <= PRELAYOUT_NODES else 60},
        "strings": STRINGS[lang],
    }


# ---------------------------------------------------------------- HTML

def _page(title: str, body: str, prefix: str, lang: str, data: dict | None = None, sub: str = "",
          scripts: list[str] = ()) -> str:
    t = STRINGS[lang]
    script = "".join(f'<script src="{prefix}lib/{name}"></script>\n' for name in scripts)
    head_lib = ""
    if data is not None:
        head_lib = f'<link rel="stylesheet" href="{prefix}lib/vis-network.min.css">\n'
        script += (f'<script type="application/json" id="kg-data">{json_for_script(data)}</script>\n'
                  f'<script src="{prefix}lib/vis-network.min.js"></script>\n'
                  f'<script src="{prefix}lib/kgviz.js"></script>\n')
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'none'">
<title>{esc(title)}</title>
{head_lib}<link rel="stylesheet" href="{prefix}lib/kgviz.css">
</head>
<body>
<header><h1>{esc(title)}</h1>{f'<div class="sub">{sub}</div>' if sub else ''}
<nav><a href="{prefix}index.html">{esc(t['index'])}</a><a href="{prefix}overview.html">{esc(t['overview'])}</a></nav></header>
<main>
{body}
</main>
{script}</body>
</html>
"""


def _network_block(lang: str, data: dict, note: str = "") -> str:
    t = STRINGS[lang]
    return f"""<div class="controls">
<input type="search" id="search" list="search-list" placeholder="{esc(t['search'])}" aria-label="{esc(t['search'])}">
<datalist id="search-list"></datalist>
<button id="fit" type="button">{esc(t['fit'])}</button>
<button id="physics" type="button">{esc(t['physics'])}</button>
<label>{esc(t['colourBy'])} <select id="colour-by"><option value="class">{esc(t['byClass'])}</option>
<option value="community">{esc(t['byCommunity'])}</option></select></label>
<span class="note">{len(data['nodes'])} {esc(t['nodes'])}, {len(data['edges'])} {esc(t['edges'])}</span>
<span id="status"></span>
</div>
<div id="legend"></div>
<div id="network"></div>
<div id="tooltip" role="tooltip"></div>
<p class="note">{esc(t['hint'])}{(' ' + esc(note)) if note else ''}</p>
"""


def _link(G: nx.MultiDiGraph, key: str, prefix: str) -> str:
    docs = G.graph.get("documents", {})
    if key in docs:
        if not has_doc_page(docs[key]):
            return esc(docs[key]["title"])
        return f'<a href="{prefix}{page_path(key)}">{esc(docs[key]["title"])}</a>'
    if key not in G:
        return esc(key)
    label = esc(G.nodes[key]["label"])
    return f'<a href="{prefix}{page_path(key)}">{label}</a>' if has_ego_page(G, key) else label


def _facts_table(G: nx.MultiDiGraph, edges, prefix: str, lang: str, doc: str | None = None) -> str:
    """Subject, relation, object and source sentences (only ``doc``'s, when given)."""
    t = STRINGS[lang]
    rows = []
    for u, v, _k, d in edges:
        sentences = [s for k, s in d.get("sources", []) if k == doc] if doc else d["evidence"]
        ev = "<br>".join(esc(s) for s in sentences[:TOOLTIP_DOCS]) or f'<span class="note">{esc(t["noEvidence"])}</span>'
        rows.append(f"<tr><td>{_link(G, u, prefix)}</td><td>{esc(d['label'])}</td>"
                    f"<td>{_link(G, v, prefix)}</td><td class=\"evidence\">{ev}</td></tr>")
    if not rows:
        return ""
    return (f"<h2>{esc(t['facts'])}</h2><table><tr><th>{esc(t['subject'])}</th><th>{esc(t['predicate'])}</th>"
            f"<th>{esc(t['object'])}</th><th>{esc(t['evidence'])}</th></tr>\n" + "\n".join(rows) + "</table>")


def _doc_label(info: dict) -> str:
    nr = f"{info['dossier']}-{info['number']}" if info.get("dossier") and info.get("number") else ""
    return " · ".join(x for x in (info.get("date", ""), nr, info.get("source_file", "")) if x)


def _doc_row(G: nx.MultiDiGraph, k: str, d: dict) -> str:
    number = f"{d['dossier']}-{d['number']}" if d["number"] else d["dossier"]
    q = fold(" ".join((d["title"], d["date"], number, d["dossier"] + " " + d["number"], d["source_file"])))
    return (f'<tr data-q="{esc(q)}"><td>{esc(d["date"])}</td><td>{_link(G, k, "")}</td><td>{esc(number)}</td>'
            f"<td>{esc(d['source_file'])}</td></tr>")


def _doc_tables(G: nx.MultiDiGraph, read: dict, t: dict) -> str:
    """The documents: one table, or one collapsed table per year when there are many."""
    head = (f"<tr><th>{esc(t['date'])}</th><th>{esc(t['title'])}</th><th>{esc(t['kamerstuk'])}</th>"
            f"<th>{esc(t['file'])}</th></tr>")
    order = sorted(read.items(), key=lambda kv: (kv[1]["date"] or "9999", kv[1]["source_file"], kv[0]))
    if len(read) <= INDEX_GROUP_DOCS:
        return f'<table class="docs">{head}\n' + "\n".join(_doc_row(G, k, d) for k, d in order) + "</table>"
    years: dict[str, list] = defaultdict(list)
    for k, d in order:
        years[d["date"][:4] or ""].append((k, d))
    out = []
    for year in sorted(years, key=lambda y: (y == "", y), reverse=True):  # newest first, undated last
        rows = "\n".join(_doc_row(G, k, d) for k, d in years[year])
        out.append(f'<details class="group"><summary>{esc(year or t["noDate"])} ({len(years[year])})</summary>'
                   f'<table class="docs">{head}\n{rows}</table></details>')
    return "\n".join(out)


def index_page(G: nx.MultiDiGraph, lang: str, top: int = 25) -> str:
    """index.html: documents, counts per class, most central entities, links to every page.

    A search box filters the documents and the entity links as one types
    (lib/kgindex.js); past ``INDEX_GROUP_DOCS`` documents they are grouped per
    year in collapsed sections, which a search opens where it finds something.
    """
    t = STRINGS[lang]
    docs = G.graph.get("documents", {})
    read = {k: d for k, d in docs.items() if d["source_file"]}
    cited = sorted((d["title"], k) for k, d in docs.items() if k not in read)
    cited_html = (f'<details class="group"><summary>{esc(t["cited"])} ({len(cited)})</summary><ul>'
                  + "".join(f'<li data-q="{esc(fold(title))}">{esc(title)}</li>' for title, _k in cited)
                  + "</ul></details>") if cited else ""
    classes = _class_entries(G, G.nodes, G.graph.get("class_labels", {}))
    counts = "\n".join(f'<tr><td><span class="glyph" style="color:{esc(c["color"])}">{esc(c["glyph"])}</span>'
                       f"{esc(c['label'])}</td><td>{c['count']}</td></tr>" for c in classes)
    central = sorted(G.nodes, key=lambda n: (-G.nodes[n].get("pagerank", 0), n))[:top]
    crow = "\n".join(f"<tr><td>{_link(G, n, '')}</td><td>{esc(G.graph['class_labels'].get(G.nodes[n]['cls'], ''))}"
                     f"</td><td>{G.nodes[n].get('degree', 0)}</td></tr>" for n in central)
    groups = []
    for c in classes:
        members = sorted((n for n in G if G.nodes[n]["cls"] == c["cls"] and has_ego_page(G, n)),
                         key=lambda n: G.nodes[n]["label"].lower())
        if members:
            links = "\n".join(
                f'<div data-q="{esc(fold(" ".join([G.nodes[n]["label"], *G.nodes[n]["aliases"]])))}">'
                f"{_link(G, n, '')}</div>" for n in members)
            groups.append(f'<details class="group"><summary>{esc(c["label"])} ({len(members)})</summary>'
                          f'<div class="grid">{links}</div></details>')
    total = len(read) + len(cited) + sum(1 for n in G if has_ego_page(G, n))
    search = (f'<div class="controls"><input type="search" id="index-search" placeholder="{esc(t["indexSearch"])}"'
              f' aria-label="{esc(t["indexSearch"])}" data-shown="{esc(t["shown"])}" data-total="{total}">'
              f'<span id="index-status" class="note"></span></div>')
    body = f"""<p><a href="overview.html">{esc(t['overview'])}</a> — {G.number_of_nodes()} {esc(t['nodes'])},
{G.number_of_edges()} {esc(t['edges'])}</p>
{search}
<h2>{esc(t['documents'])} ({len(read)})</h2>
{_doc_tables(G, read, t)}
{cited_html}
<h2>{esc(t['counts'])}</h2><table class="narrow"><tr><th>{esc(t['cls'])}</th><th>#</th></tr>{counts}</table>
<h2>{esc(t['central'])}</h2><table class="narrow"><tr><th></th><th>{esc(t['cls'])}</th><th>{esc(t['degree'])}</th></tr>{crow}</table>
<h2>{esc(t['entityPages'])}</h2>
{''.join(groups)}
"""
    return _page(t["index"], body, "", lang, scripts=["kgindex.js"])


def overview_page(G: nx.MultiDiGraph, lang: str) -> str:
    """overview.html: the whole entity graph."""
    data = graph_data(G, sorted(G.nodes), "", lang)
    return _page(STRINGS[lang]["overview"], _network_block(lang, data), "", lang, data)


def document_page(G: nx.MultiDiGraph, doc: str, edges_by_doc: dict, mentioned: dict, lang: str) -> str:
    """One document: the entities it mentions and the facts it states."""
    t = STRINGS[lang]
    info = G.graph["documents"][doc]
    nodes = doc_subgraph(G, doc, edges_by_doc, mentioned)
    data = graph_data(G, nodes, "../", lang, doc=doc)
    edges = [(u, v, k, G.edges[u, v, k]) for u, v, k in edges_by_doc.get(doc, [])]
    meta = "".join(f"<tr><th>{esc(lbl)}</th><td>{_link(G, key, '../')}</td></tr>" for lbl, key in info["links"])
    body = (f"<h2>{esc(t['metadata'])}</h2><table>{meta}</table>" if meta else "") \
        + f"<h2>{esc(t['mentions'])}</h2>" + _network_block(lang, data) + _facts_table(G, edges, "../", lang, doc)
    return _page(info["title"], body, "../", lang, data, sub=esc(_doc_label(info)))


def ego_page(G: nx.MultiDiGraph, center: str, lang: str, adj: dict | None = None) -> str:
    """One entity and its neighbours within two steps."""
    t = STRINGS[lang]
    d = G.nodes[center]
    nodes, hidden = ego_nodes(G, center, adj=adj)
    data = graph_data(G, nodes, "../", lang, center=center)
    edges = sorted(((u, v, k, e) for u, v, k, e in
                    list(G.out_edges(center, keys=True, data=True)) + list(G.in_edges(center, keys=True, data=True))),
                   key=lambda e: (e[0], e[1], str(e[2])))
    sub = esc(G.graph["class_labels"].get(d["cls"], d["cls"]))
    if d["aliases"]:
        sub += " · " + esc(t["aliases"]) + ": " + esc("; ".join(d["aliases"]))
    docs = "".join(f"<li>{_link(G, k, '../')}</li>" for k in d["documents"])
    body = (f"<h2>{esc(t['ego'])}</h2>" + _network_block(lang, data, t["hidden"].format(n=hidden) if hidden else "")
            + _facts_table(G, edges, "../", lang)
            + (f"<h2>{esc(t['documents'])}</h2><ul>{docs}</ul>" if docs else ""))
    return _page(d["label"], body, "../", lang, data, sub=sub)


def copy_assets(out: Path) -> None:
    """vis-network (from the installed pyvis) and our script/style into ``out/lib``."""
    import pyvis

    vis_dir = Path(pyvis.__file__).with_name("lib") / "vis-9.1.2"
    lib = out / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(vis_dir / "vis-network.min.js", lib / "vis-network.min.js")
    shutil.copyfile(vis_dir / "vis-network.css", lib / "vis-network.min.css")
    for name in ("kgviz.js", "kgviz.css", "kgindex.js"):
        shutil.copyfile(ASSETS / name, lib / name)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _clear_stale(out: Path) -> None:
    """Remove pages of an earlier run (only our own doc/ and entity/ pages)."""
    for sub in ("doc", "entity"):
        for page in (out / sub).glob("*.html") if (out / sub).is_dir() else []:
            page.unlink()


def write_site(G: nx.MultiDiGraph, out_dir: str | Path, lang: str = "nl") -> Path:
    """Write every page of the site into ``out_dir``; returns the path of index.html."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise KGError(f"cannot create {out}: {e}") from e
    _clear_stale(out)
    copy_assets(out)
    edges_by_doc: dict[str, list] = defaultdict(list)
    for u, v, k, d in G.edges(keys=True, data=True):
        for doc in d["documents"]:
            edges_by_doc[doc].append((u, v, k))
    for doc in edges_by_doc:
        edges_by_doc[doc].sort(key=lambda e: (e[0], e[1], str(e[2])))
    mentioned: dict[str, list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        for doc in d["documents"]:
            mentioned[doc].append(n)
    _write(out / "index.html", index_page(G, lang))
    _write(out / "overview.html", overview_page(G, lang))
    for doc in sorted(k for k, d in G.graph.get("documents", {}).items() if has_doc_page(d)):
        _write(out / page_path(doc), document_page(G, doc, edges_by_doc, mentioned, lang))
    adj = neighbours(G)
    for n in sorted(G):
        if has_ego_page(G, n):
            _write(out / page_path(n), ego_page(G, n, lang, adj))
    return (out / "index.html").resolve()
