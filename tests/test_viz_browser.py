"""kg viz pages in a real headless Chromium (Debian's /usr/bin/chromium via Playwright).

Checks what a user sees: the drawn node and edge counts, no console errors, no
request leaving the machine, the class filter, search, tooltips, hostile names
shown as text, and a large page that settles. Screenshots go to ``out/``.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from kg.viz import pages
from kg.viz.project import annotate, load_dataset, project
from kg.viz.synthetic import grid_dataset

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
FIXTURE = Path(__file__).parent / "data" / "viz" / "fixture.trig"
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out"
INJECTIONS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']

sync_api = pytest.importorskip("playwright.sync_api")
if not shutil.which(CHROMIUM):
    pytest.skip(f"{CHROMIUM} not installed (Debian package 'chromium')", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def fixture_graph():
    """The fixture's entity graph with local names as labels (independent of ontology/)."""
    H = project(load_dataset(FIXTURE), {})
    annotate(H)
    return H


@pytest.fixture(scope="module")
def G():
    return fixture_graph()


@pytest.fixture(scope="module")
def site(tmp_path_factory, G):
    out = tmp_path_factory.mktemp("site")
    pages.write_site(G, out, "nl")
    return out


class Visit:
    """One page load, with everything the page tried to do recorded."""

    def __init__(self, browser, path: Path, timeout_s: float = 60):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        start = time.monotonic()
        self.page.goto(path.as_uri())
        # the page marks itself settled; a selector wait needs no eval, which the page's CSP forbids
        self.page.wait_for_selector("body[data-settled='1']", state="attached", timeout=timeout_s * 1000)
        assert self.js("window.kgviz.settled") is True
        self.settle_s = time.monotonic() - start

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:  # nothing may leave the machine: record and refuse
            self.outside.append(route.request.url)
            route.abort()

    def js(self, expr: str):
        return self.page.evaluate(expr)

    def drawn(self) -> tuple[int, int]:
        return tuple(self.js("[kgviz.network.body.nodeIndices.length, kgviz.network.body.edgeIndices.length]"))

    def clean(self) -> None:
        assert self.errors == [] and self.outside == [] and self.dialogs == []


def test_overview_draws_every_entity_offline_without_errors(browser, site, G):
    v = Visit(browser, site / "overview.html")
    assert v.js("[kgviz.nodes.length, kgviz.edges.length]") == [G.number_of_nodes(), G.number_of_edges()]
    assert v.drawn() == (G.number_of_nodes(), G.number_of_edges())
    assert v.js("kgviz.network.physics.physicsEnabled") is False  # settled, then stopped
    v.clean()
    OUT.mkdir(exist_ok=True)
    v.page.screenshot(path=str(OUT / "viz-overview.png"))


def test_class_filter_changes_what_is_drawn(browser, site, G):
    v = Visit(browser, site / "overview.html")
    countries = [n for n in G if G.nodes[n]["cls"] == "Country"]
    touching = {(u, v_, k) for u, v_, k in G.edges(keys=True) if u in countries or v_ in countries}
    v.page.uncheck('input.class-filter[value="Country"]')
    assert v.drawn() == (G.number_of_nodes() - len(countries), G.number_of_edges() - len(touching))
    v.page.check('input.class-filter[value="Country"]')
    assert v.drawn() == (G.number_of_nodes(), G.number_of_edges())
    v.clean()


def test_search_focuses_a_node_by_alias(browser, site):
    v = Visit(browser, site / "overview.html")
    v.page.fill("#search", "kowalczyk")
    v.page.press("#search", "Enter")
    assert v.js("kgviz.network.getSelectedNodes()") == ["person/kowalczyk"]
    v.page.fill("#search", "geen-bestaande-naam")
    v.page.press("#search", "Enter")
    assert v.page.inner_text("#status") == "niet gevonden"
    v.clean()


def hover(v: Visit, node_id: str) -> str:
    xy = v.js(f"(() => {{ const p = kgviz.network.getPosition({node_id!r});"
              f" const d = kgviz.network.canvasToDOM(p); const r = document.getElementById('network')"
              f".getBoundingClientRect(); return [d.x + r.left, d.y + r.top]; }})()")
    v.page.mouse.move(*xy)
    v.page.wait_for_selector("#tooltip", state="visible", timeout=5000)
    return v.page.inner_text("#tooltip")


def test_ego_page_shows_injection_strings_as_text(browser, site, G):
    v = Visit(browser, site / "entity" / "person--xss-script.html")
    assert v.page.inner_text("h1") == INJECTIONS[0]
    assert 'O\'Neill "de \\ Backslash"' in v.page.inner_text("header")
    body = v.page.inner_text("main")
    assert "</script><script>alert(2)</script>" in body  # evidence sentence, as text
    assert v.js("document.querySelectorAll('img').length") == 0
    assert set(v.js("kgviz.nodes.map(n => n.label)")) >= set(INJECTIONS)
    tip = hover(v, "organisation/xss-img")
    assert INJECTIONS[1] in tip
    nodes, _hidden = pages.ego_nodes(G, "person/xss-script")
    assert v.drawn()[0] == len(nodes)
    v.clean()
    v.page.screenshot(path=str(OUT / "viz-ego.png"))


def test_tooltip_has_class_aliases_and_documents(browser, site):
    v = Visit(browser, site / "entity" / "person--van-der-hoeven.html")
    tip = hover(v, "person/van-der-hoeven")
    assert "Anneke van der Hoeven" in tip and "Minister" in tip
    assert "minister Van der Hoeven" in tip and "Verslag NAVO-top Lissabon" in tip
    v.clean()


def test_document_page_and_index_load_cleanly(browser, site):
    v = Visit(browser, site / "doc" / "kst-99001-12.html")
    n, e = v.drawn()
    assert n == v.js("kgviz.nodes.length") and n >= 10 and e >= 5
    assert "Moldavië neemt deel aan de partnersessie" in v.page.inner_text("main")
    v.clean()
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto((site / "index.html").as_uri())
    assert "Verslag NAVO-top Lissabon 10–11 juli 2031" in page.inner_text("main")
    assert errors == []


@pytest.mark.parametrize("people, at_least", [(400, 600), (1400, 2000)])
def test_large_graph_opens_and_settles(browser, tmp_path, people, at_least):
    # 600 nodes: laid out here, polished by a short physics run; 2,000: drawn as laid out
    H = project(grid_dataset(people))
    annotate(H)
    assert H.number_of_nodes() >= at_least
    pages.write_site(H, tmp_path, "nl")
    v = Visit(browser, tmp_path / "overview.html", timeout_s=90)
    assert v.drawn() == (H.number_of_nodes(), H.number_of_edges())
    assert v.js("kgviz.network.physics.physicsEnabled") is False
    assert v.settle_s < 60, v.settle_s
    v.clean()


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory):
    """The real seeds graph, built by ``kg build`` (the extractor is another module)."""
    from kg.cli import main
    from kg.viz.project import entity_graph

    out = tmp_path_factory.mktemp("seeds")
    assert main(["build", str(ROOT / "seeds"), "-o", str(out / "seeds.trig"), "-q"]) in (0, 1)
    H = entity_graph(out / "seeds.trig", "nl")
    pages.write_site(H, out / "site", "nl")
    return H, out / "site"


def test_seeds_overview_and_ego_page_screenshots(browser, seeds_site):
    H, site = seeds_site
    v = Visit(browser, site / "overview.html")
    assert v.drawn() == (H.number_of_nodes(), H.number_of_edges())
    v.clean()
    v.page.screenshot(path=str(OUT / "viz-seeds-overview.png"))
    people = [n for n in H if H.nodes[n]["cls"] in ("Minister", "Person")]
    person = max(people, key=lambda n: (H.nodes[n]["degree"], n))
    v = Visit(browser, site / pages.page_path(person))
    assert v.drawn()[0] == len(pages.ego_nodes(H, person)[0])
    v.clean()
    v.page.screenshot(path=str(OUT / "viz-seeds-ego.png"))


def test_empty_graph_gives_a_working_page(browser, tmp_path):
    (tmp_path / "empty.ttl").write_text("")
    from kg.viz.project import entity_graph

    pages.write_site(entity_graph(tmp_path / "empty.ttl"), tmp_path / "site", "en")
    v = Visit(browser, tmp_path / "site" / "overview.html")
    assert v.drawn() == (0, 0)
    v.clean()


# ---------------------------------------------------------------- many letters (issue 15, item 12)

ALIKE = ("Geannoteerde agenda Raad Buitenlandse Zaken", "Verslag van de NAVO-top")


@pytest.fixture(scope="module")
def letters_site(tmp_path_factory):
    """500 letters: most titled alike, sixty with titles of their own; one hub in all of them."""
    from kg.viz.synthetic import letters_dataset

    titles = ALIKE * 20 + tuple(f"Steunbrief Oekraïne kenmerk K{i:03d}" for i in range(60))
    H = project(letters_dataset(500, titles))
    annotate(H)
    out = tmp_path_factory.mktemp("letters")
    pages.write_site(H, out, "nl")
    return H, out


def _inside_window(v: Visit) -> dict:
    return v.js("(() => { const r = document.getElementById('tooltip').getBoundingClientRect();"
                " const s = getComputedStyle(document.getElementById('tooltip'));"
                " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, w: innerWidth,"
                " h: innerHeight, scroll: document.getElementById('tooltip').scrollHeight,"
                " client: document.getElementById('tooltip').clientHeight, overflow: s.overflowY}; })()")


def _move_node_to(v: Visit, node_id: str, fx: float, fy: float) -> None:
    """Put a node at a fraction of the visible part of the drawing (0,0 top left; 1,1 bottom right)."""
    v.js(f"(() => {{ const r = document.getElementById('network').getBoundingClientRect();"
         f" const x = Math.min(r.width, innerWidth - r.left) * {fx};"
         f" const y = Math.min(r.height, innerHeight - r.top) * {fy};"
         f" const p = kgviz.network.DOMtoCanvas({{x: x, y: y}}); kgviz.network.moveNode({node_id!r}, p.x, p.y);"
         f" kgviz.network.redraw(); }})()")  # the hit test uses the drawn position


def test_tooltip_lists_distinct_titles_with_counts_inside_the_window(browser, letters_site):
    H, site = letters_site
    v = Visit(browser, site / "overview.html")
    v.page.set_viewport_size({"width": 1100, "height": 700})
    for fx, fy in ((0.97, 0.05), (0.97, 0.95), (0.03, 0.97)):  # corners: top right, bottom right, bottom left
        v.page.mouse.move(1, 1)
        v.page.wait_for_selector("#tooltip", state="hidden", timeout=5000)
        _move_node_to(v, "country/knooppunt", fx, fy)
        tip = hover(v, "country/knooppunt")
        assert tip.startswith("Knooppunt"), tip[:200]
        box = _inside_window(v)
        assert box["left"] >= 0 and box["top"] >= 0, (fx, fy, box)
        assert box["right"] <= box["w"] and box["bottom"] <= box["h"], (fx, fy, box)
    for title in ALIKE:  # once each, with how many letters carry it
        assert tip.count(title) == 1, tip
        assert f"{title} ×100" in tip, tip  # 20 in every 100 letters
    assert "Documenten (500)" in tip and "en nog 110" in tip  # 2 × 100 + 38 × 5 listed
    assert box["overflow"] == "auto" and box["scroll"] > box["client"]  # a long list scrolls inside


def test_tooltip_can_be_scrolled(browser, letters_site):
    H, site = letters_site
    v = Visit(browser, site / "overview.html")
    _move_node_to(v, "country/knooppunt", 0.3, 0.3)
    hover(v, "country/knooppunt")
    r = v.js("(() => { const r = document.getElementById('tooltip').getBoundingClientRect();"
             " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    v.page.mouse.move(*r)
    v.page.mouse.wheel(0, 400)
    time.sleep(0.5)
    assert v.js("document.getElementById('tooltip').style.display") == "block"
    assert v.js("document.getElementById('tooltip').scrollTop") > 0
    v.clean()


def test_index_of_hundreds_of_letters_is_grouped_and_searchable(browser, letters_site):
    H, site = letters_site
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto((site / "index.html").as_uri())
    years = page.eval_on_selector_all("main details.group", "ds => ds.map(d => d.querySelector('summary').textContent)")
    assert [y for y in years if y[:2] == "20"] == [f"{y} ({n})" for y, n in
                                                   sorted(((str(2019 + k), len(range(k, 500, 7))) for k in range(7)),
                                                          reverse=True)]
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 4000, height  # groups collapsed: not one 500-row table
    visible_rows = "Array.from(document.querySelectorAll('table.docs tr[data-q]')).filter(r => r.checkVisibility()).length"
    assert page.evaluate(visible_rows) == 0

    page.fill("#index-search", "OEKRAINE k017")  # folded: no accent, any case; every word
    assert page.evaluate(visible_rows) == len(range(40 + 17, 500, 100))
    assert "Steunbrief Oekraïne kenmerk K017" in page.inner_text("main")
    assert page.inner_text("#index-status").startswith(f"{len(range(57, 500, 100))} van ")
    page.fill("#index-search", "brief_0123.txt")
    assert page.evaluate(visible_rows) == 1
    page.fill("#index-search", "Briefschrijver 3")  # entity links are searched too
    assert page.is_visible("text=Briefschrijver 3")
    page.fill("#index-search", "")
    assert page.evaluate(visible_rows) == 0 and page.evaluate("document.documentElement.scrollHeight") == height
    assert errors == []
    page.screenshot(path=str(OUT / "viz-index-500.png"))
