"""The query library (queries/*.rq) and ``kg query``.

Every library query runs on the hand-made fixture (exact answers) and on the
graph built from the seeds (answers from the gold files), and gives the same
rows on Oxigraph and on rdflib.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.cli import main
from kg.errors import KGError
from kg.query import library, parse_params, resolve_query, run
from kg.store import ID, open_store

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "fixture.trig"
LIB = library()


def build_seeds(tmp_path_factory) -> Path:
    """Build the seeds graph once per session (shared by the test files that need it)."""
    out = tmp_path_factory.getbasetemp() / "seeds-graph" / "seeds.trig"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "-o", str(out), "-q"],
                              cwd=ROOT, capture_output=True, text=True, timeout=900)
        assert proc.returncode in (0, 1), proc.stderr
    return out


@pytest.fixture(scope="session")
def seeds_graph(tmp_path_factory) -> Path:
    return build_seeds(tmp_path_factory)


@pytest.fixture(scope="session")
def seeds_ox(seeds_graph):
    return open_store(seeds_graph, "oxigraph")


@pytest.fixture(scope="session")
def seeds_rdflib(seeds_graph):
    return open_store(seeds_graph, "rdflib")


@pytest.fixture(scope="module")
def fx_ox():
    return open_store(FIXTURE, "oxigraph")


@pytest.fixture(scope="module")
def fx_rdflib():
    return open_store(FIXTURE, "rdflib")


def table(store, qname: str, /, **params) -> list[dict[str, str]]:
    """Run a library query; each row as {var: entity label or value}."""
    q = LIB[qname]
    res = run(store, q.text, parse_params([f"{k}={v}" for k, v in params.items()]), q)
    labels = store.labels(t for row in res.rows for t in row if isinstance(t, URIRef) and t.startswith(ID))
    return [{v: ("" if t is None else labels.get(t, str(t))) for v, t in zip(res.vars, row)} for row in res.rows]


def has(rows, **want) -> bool:
    """Some row has every ``want`` value as a case-insensitive substring of that column."""
    return any(all(str(v).lower() in r.get(k, "").lower() for k, v in want.items()) for r in rows)


# ---------------------------------------------------------------- the library itself

def test_library_has_fifteen_documented_queries():
    assert len(LIB) >= 15
    for q in LIB.values():
        assert q.title != q.name and q.question, f"{q.name}: header needs title and question"
        for p, _, _ in q.params:
            assert f"?{p}" in q.text, f"{q.name}: parameter {p} not used"


# Parameters used to run each query in the tests (only for those that take some).
PARAMS_FIXTURE = {"entity-facts": {"name": "Beridze"}, "entity-documents": {"name": "Georgie"},
                  "office-holders": {"date": "2031-05-20"}}
PARAMS_SEEDS = {"entity-facts": {"name": "Interflex"}, "entity-documents": {"name": "Interflex"},
                "office-holders": {"date": "2024-11-22"}}


def params_for(name, table_):
    return table_.get(name, {})


# Exact answers on the fixture (invented letters, under our control).
FIXTURE_EXPECT = {
    "signatories": lambda r: has(r, signatory="Marijke de Wit", number="12", date="2031-05-20")
    and has(r, signatory="Pieter Bakker", number="15"),
    "offices-by-letter": lambda r: has(r, person="de Wit", office="Buitenlandse Zaken", date="2031-05-20")
    and has(r, person="de Wit", office="minister-president", date="2031-06-02"),
    "meetings-timeline": lambda r: has(r, meeting="Lissabon", start="2032-06-14", end="2032-06-15",
                                       place="Lissabon", country="Portugal"),
    "session-participants": lambda r: has(r, session="Georgië Commissie", participant="Ilia Beridze"),
    "pledges": lambda r: has(r, pledge="Cyber Resilience", acronym="CRP", targetPercentGDP="1.5",
                             agreedAt="Lissabon 2032"),
    "dutch-contributions": lambda r: has(r, recipient="Georgia Defence Fund", amountEUR="12000000", year="2031"),
    "contributions": lambda r: has(r, contributor="Nederland", recipient="Georgia Defence Fund"),
    "supporters-of-russia": lambda r: sorted(x["state"] for x in r) == ["Syrië", "Syrië", "Wit-Rusland"],
    "state-support": lambda r: has(r, state="Syrië", supported="Rusland", documents="2"),
    "entity-facts": lambda r: has(r, predicate="holdsOffice", sentence="Georgische minister", start="328"),
    "citing-documents": lambda r: has(r, dossier="30001", number="8", document="Geannoteerde agenda"),
    "cited-motions": lambda r: has(r, motion="Pietersen", date="2031-05-20"),
    "co-mentions": lambda r: has(r, documents="2"),
    "documents": lambda r: has(r, file="fx_b.txt", dossier="30001", number="15", date="2031-06-02"),
    "document-meetings": lambda r: has(r, file="fx_a.txt", start="2031-05-27", place="Tallinn"),
    "accession-dates": lambda r: has(r, country="Ierland", accessionDate="2030-01-15"),
    "meeting-sessions": lambda r: len(r) == 2 and has(r, session="Georgië Commissie", participants="3"),
    "entity-documents": lambda r: {x["file"] for x in r} == {"fx_a.txt", "fx_b.txt"},
    "initiatives": lambda r: has(r, initiative="Georgia Defence Fund", acronym="GDF"),
    "ministers": lambda r: has(r, minister="Ilia Beridze", jurisdiction="Georgië"),
    "evidence-by-rule": lambda r: has(r, rule="fixture.participant", facts="4"),
    "class-counts": lambda r: has(r, **{"class": "Country", "entities": "8"}),
    # no reference person in the fixture: an office only a letter states holds on that letter's day
    "office-holders": lambda r: has(r, person="de Wit", office="Buitenlandse Zaken", start="2031-05-20")
    and not has(r, office="minister-president"),
}


def test_every_query_has_a_fixture_expectation():
    assert set(LIB) <= set(FIXTURE_EXPECT), set(LIB) - set(FIXTURE_EXPECT)


@pytest.mark.parametrize("name", sorted(LIB))
def test_query_on_fixture(name, fx_ox):
    rows = table(fx_ox, name, **params_for(name, PARAMS_FIXTURE))
    assert rows, f"{name}: no rows"
    assert FIXTURE_EXPECT[name](rows), rows


# Answers on the seeds, each a fact of the gold files. Where the extractor does not
# produce the fact yet, the single assertion is xfail (not strict) with the reason.
SEEDS_EXPECT = {
    "signatories": lambda r: has(r, signatory="Veldkamp", dossier="28676", number="474"),
    "offices-by-letter": lambda r: has(r, person="Kuleba", office="Buitenlandse Zaken", jurisdiction="Oekraïne"),
    "meetings-timeline": lambda r: has(r, meeting="Vilnius", start="2023-07-11", end="2023-07-12", place="Vilnius"),
    "session-participants": lambda r: has(r, start="2024-04-03", participant="Japan"),
    "pledges": lambda r: has(r, acronym="DIP", targetPercentGDP="2", place="Vilnius"),
    "dutch-contributions": lambda r: has(r, recipient="Interflex", amountEUR="5000000", year="2025"),
    "contributions": lambda r: has(r, contributor="Nederland", recipient="Comprehensive Assistance Package",
                                   amountEUR="75000000"),
    "supporters-of-russia": lambda r: has(r, state="Noord-Korea"),
    "state-support": lambda r: has(r, state="China", supported="Rusland"),
    "entity-facts": lambda r: has(r, object="Interflex", sentence="EUR 5 miljoen"),
    "citing-documents": lambda r: has(r, dossier="28676", number="430"),
    "cited-motions": lambda r: has(r, motion="Brekelmans"),
    "co-mentions": lambda r: int(r[0]["documents"]) >= 3,
    "documents": lambda r: has(r, file="001_73620406e9c260d1.txt", dossier="28676", number="474", date="2024-11-22"),
    "document-meetings": lambda r: has(r, file="003_191cf176bda16ccc.txt", start="2024-07-09", place="Washington"),
    "accession-dates": lambda r: has(r, country="Zweden", accessionDate="2024-03-07"),
    "meeting-sessions": lambda r: sum(1 for x in r if x["start"] == "2024-04-03") >= 3,
    "entity-documents": lambda r: has(r, file="001_73620406e9c260d1.txt"),
    "initiatives": lambda r: has(r, initiative="Defence Production Action Plan", agreedAt="Vilnius"),
    "ministers": lambda r: has(r, minister="Kishida", office="minister-president", jurisdiction="Japan"),
    "evidence-by-rule": lambda r: has(r, predicate="participant"),
    "office-holders": lambda r: has(r, person="Veldkamp", office="Buitenlandse Zaken", jurisdiction="Nederland",
                                    start="2024-07-02", documentDate="2024-11-22")
    and has(r, person="Brekelmans", office="Defensie") and not has(r, person="Bruins Slot"),
    "class-counts": lambda r: has(r, **{"class": "Country"}) and int(
        next(x["entities"] for x in r if x["class"].endswith("#Country"))) >= 10,
}
# name -> reason, for facts the seeds build does not produce yet (checked at hand-in time)
SEEDS_PENDING: dict[str, str] = {}  # every fact above is in the seeds build now


def test_every_query_has_a_seeds_expectation():
    assert set(LIB) <= set(SEEDS_EXPECT), set(LIB) - set(SEEDS_EXPECT)


@pytest.mark.parametrize("name", sorted(LIB))
def test_query_on_seeds_returns_rows(name, seeds_ox, request):
    if name in SEEDS_PENDING:
        request.applymarker(pytest.mark.xfail(reason=SEEDS_PENDING[name], strict=False))
    assert table(seeds_ox, name, **params_for(name, PARAMS_SEEDS)), f"{name}: no rows on the seeds"


@pytest.mark.parametrize("name", sorted(LIB))
def test_query_on_seeds_gives_the_gold_answer(name, seeds_ox, request):
    if name in SEEDS_PENDING:
        request.applymarker(pytest.mark.xfail(reason=SEEDS_PENDING[name], strict=False))
    rows = table(seeds_ox, name, **params_for(name, PARAMS_SEEDS))
    assert SEEDS_EXPECT[name](rows), rows[:20]


def _key(t):
    """A term by value: "12000000.0"^^xsd:decimal is the same number as "12000000".

    Oxigraph also stores every integer-derived type (xsd:nonNegativeInteger of
    oa:start) as xsd:integer, so numbers compare by value alone.
    """
    if isinstance(t, Literal) and t.value is not None and not isinstance(t.value, str):
        return ("literal", "number" if isinstance(t.value, (int, Decimal, float)) else t.datatype, t.value)
    return t


def _multiset(res):
    return Counter(tuple(_key(t) for t in row) for row in res.rows), res.vars, res.kind


@pytest.mark.parametrize("name", sorted(LIB))
def test_same_rows_on_both_engines_fixture(name, fx_ox, fx_rdflib):
    q, p = LIB[name], parse_params([f"{k}={v}" for k, v in params_for(name, PARAMS_FIXTURE).items()])
    assert _multiset(run(fx_ox, q.text, p, q)) == _multiset(run(fx_rdflib, q.text, p, q))


@pytest.mark.parametrize("name", sorted(LIB))
def test_same_rows_on_both_engines_seeds(name, seeds_ox, seeds_rdflib):
    q, p = LIB[name], parse_params([f"{k}={v}" for k, v in params_for(name, PARAMS_SEEDS).items()])
    ox, rl = run(seeds_ox, q.text, p, q), run(seeds_rdflib, q.text, p, q)
    assert _multiset(ox) == _multiset(rl)
    if "ORDER BY" in q.text and "LIMIT" not in q.text:
        # ordered queries: the ordered columns agree row by row too
        assert [r[0] for r in ox.rows] == [r[0] for r in rl.rows] or len({r[0] for r in ox.rows}) < len(ox.rows)


# ---------------------------------------------------------------- kg query (CLI)

def kg(*argv, capsys):
    code = main(["query", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_list(capsys):
    code, out, _ = kg("--list", capsys=capsys)
    assert code == 0
    assert "signatories" in out and "Who signed which document" in out
    assert len(out.strip().splitlines()) == len(LIB)


def test_cli_table_has_labels_and_aligned_columns(capsys):
    code, out, _ = kg("ministers", "--graph", str(FIXTURE), capsys=capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["minister", "office", "jurisdiction"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    # every column starts at the same offset on each line
    starts = [lines[0].index("office"), lines[0].index("jurisdiction")]
    for line in lines[2:-1]:
        assert all(line[s - 2:s] == "  " for s in starts), line
    assert "Ilia Beridze" in out and "https://" not in out
    assert lines[-1] == "(4 rows)"


def test_cli_raw_shows_iris(capsys):
    code, out, _ = kg("ministers", "--graph", str(FIXTURE), "--raw", capsys=capsys)
    assert code == 0 and "id:person/beridze" in out and "Ilia Beridze" not in out


def test_cli_csv_tsv_json(capsys):
    _, out, _ = kg("supporters-of-russia", "--graph", str(FIXTURE), "--format", "csv", capsys=capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["state"] for r in rows] == ["Syrië", "Syrië", "Wit-Rusland"]
    _, out, _ = kg("supporters-of-russia", "--graph", str(FIXTURE), "--format", "tsv", capsys=capsys)
    assert out.splitlines()[0] == "state\tdocument\tdate"
    _, out, _ = kg("supporters-of-russia", "--graph", str(FIXTURE), "--format", "json", capsys=capsys)
    data = json.loads(out)
    assert data["head"]["vars"] == ["state", "document", "date"]
    assert data["results"]["bindings"][0]["state"] == {"type": "uri", "value": ID + "country/syrie"}


def test_cli_param_is_bound_not_pasted(capsys):
    code, out, _ = kg("entity-facts", "--graph", str(FIXTURE), "--param", "name=Syrie", "--format", "csv",
                      capsys=capsys)
    assert code == 0 and "Het kabinet veroordeelt de steun van Syrië aan Rusland." in out
    code, out, _ = kg("entity-facts", "--graph", str(FIXTURE), "--format", "csv",
                      "--param", 'name=x")) } UNION { ?subject ?predicate ?object } #', capsys=capsys)
    assert code == 0 and len(out.strip().splitlines()) == 1  # header only


def test_cli_missing_and_unknown_params(capsys):
    code, _, err = kg("entity-facts", "--graph", str(FIXTURE), capsys=capsys)
    assert code == 2 and "needs --param name=" in err
    code, _, err = kg("documents", "--graph", str(FIXTURE), "--param", "x=1", capsys=capsys)
    assert code == 2 and "no parameter" in err


def test_cli_text_and_file_queries(tmp_path, capsys):
    code, out, _ = kg("ASK { ?s kg:supports ?o }", "--graph", str(FIXTURE), capsys=capsys)
    assert code == 0 and out.strip() == "true"
    f = tmp_path / "mine.rq"
    f.write_text("SELECT ?l WHERE { ?s a kg:Place ; rdfs:label ?l } ORDER BY ?l", encoding="utf-8")
    code, out, _ = kg(str(f), "--graph", str(FIXTURE), "--format", "csv", capsys=capsys)
    assert code == 0 and out.split() == ["l", "Lissabon", "Tallinn"]


def test_cli_construct_prints_turtle(capsys):
    code, out, _ = kg("CONSTRUCT { ?s kg:supports ?o } WHERE { ?s kg:supports ?o }", "--graph", str(FIXTURE),
                      capsys=capsys)
    assert code == 0 and "kg:supports" in out


def test_cli_syntax_error_line_and_column(capsys):
    code, _, err = kg("SELECT ?x WHERE {\n  ?x ?y\n}", "--graph", str(FIXTURE), capsys=capsys)
    assert code == 2 and "line 3, column" in err
    code, _, err = kg("SELECT ?x WHERE {\n  ?x ?y\n}", "--graph", str(FIXTURE), "--engine", "rdflib", capsys=capsys)
    assert code == 2 and "line" in err and "column" in err


def test_cli_unknown_name_lists_close_ones(capsys):
    code, _, err = kg("signatorie", "--graph", str(FIXTURE), capsys=capsys)
    assert code == 2 and "did you mean" in err and "signatories" in err
    code, _, err = kg("contributions-dutch", "--graph", str(FIXTURE), capsys=capsys)
    assert code == 2 and "contributions" in err


def test_cli_refuses_service(capsys):
    code, _, err = kg("SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }", "--graph", str(FIXTURE),
                      capsys=capsys)
    assert code == 2 and "SERVICE" in err


def test_cli_bad_graph_file(tmp_path, capsys):
    bad = tmp_path / "bad.nq"
    bad.write_text("<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> \"open .\n",
                   encoding="utf-8")
    code, _, err = kg("documents", "--graph", str(bad), capsys=capsys)
    assert code == 2 and "bad.nq:2" in err


def test_resolve_query_prefers_library_then_file_then_text(tmp_path):
    text, entry = resolve_query("documents")
    assert entry is not None and entry.name == "documents"
    text, entry = resolve_query("SELECT * WHERE { ?s ?p ?o }")
    assert entry is None and text.startswith("SELECT")


# Each optional parameter narrows its query, the same way on both engines.
PARAM_CASES = [
    ("signatories", ["signatory=id:person/de-wit"], 1),
    ("offices-by-letter", ["person=<https://w3id.org/navo-kg/id/person/de-wit>"], 2),
    ("session-participants", ["meeting=id:ministerial/fmm-2031-05"], 3),
    ("contributions", ["contributor=id:country/nederland"], 1),
    ("contributions", ["contributor=id:country/syrie"], 0),
    ("state-support", ["supported=id:country/rusland"], 2),
    ("citing-documents", ["dossier=30001", "number=8"], 1),
    ("citing-documents", ["dossier=30001", "number=99"], 0),
    ("entity-documents", ["name=Ilia Beridze"], 2),
]


@pytest.mark.parametrize("name,params,count", PARAM_CASES)
def test_parameters_narrow_the_answer(name, params, count, fx_ox, fx_rdflib):
    q, p = LIB[name], parse_params(params)
    ox, rl = run(fx_ox, q.text, p, q), run(fx_rdflib, q.text, p, q)
    assert len(ox.rows) == count
    assert _multiset(ox) == _multiset(rl)


# ---------------------------------------------------------------- paged queries (# page: N)

PAGED = sorted(n for n, q in LIB.items() if q.page)


def test_paged_queries_end_with_their_page_limit():
    assert PAGED, "no paged query in the library"
    for name in PAGED:
        q = LIB[name]
        assert q.text.rstrip().endswith(f"LIMIT {q.page}"), name
        assert "offset" in q.text.split("SELECT")[0], f"{name}: the header should say how to page"


@pytest.mark.parametrize("name", PAGED)
def test_pages_add_up_to_the_whole_answer(name, fx_ox, fx_rdflib):
    for store in (fx_ox, fx_rdflib):
        q = LIB[name]
        whole = run(store, q.text, {}, q)
        assert whole.rows and not whole.truncated
        pages, offset = [], 0
        while True:
            res = run(store, q.text, parse_params(["limit=2", f"offset={offset}"]), q)
            pages += res.rows
            offset += 2
            assert res.truncated == (offset < len(whole.rows)), (offset, len(whole.rows))
            if not res.truncated:
                break
        assert pages == whole.rows


def test_a_page_smaller_than_the_answer_is_marked_truncated(fx_ox):
    q = LIB["session-participants"]
    res = run(fx_ox, q.text, parse_params(["limit=1"]), q)
    assert len(res.rows) == 1 and res.truncated


def test_paging_params_are_numbers_and_only_for_paged_queries(fx_ox):
    q = LIB["session-participants"]
    for bad in ("offset=x", "offset=-1", "limit=1 } ", "limit=10 OFFSET 3"):
        with pytest.raises(KGError, match="whole number"):
            run(fx_ox, q.text, parse_params([bad]), q)
    unpaged = LIB["ministers"]
    with pytest.raises(KGError, match="no parameter 'offset'"):
        run(fx_ox, unpaged.text, parse_params(["offset=10"]), unpaged)
