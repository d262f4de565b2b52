"""``kg evaluate``: how much of what a person reads in a document ends up in the graph.

A gold folder holds one JSON file per document (the format of the project's
gold sets, see docs/EVALUATION.md)::

    {"document": "e01.txt",
     "entities": [{"class": "Minister", "label": "Dmytro Kuleba", "names": ["Kuleba"]}],
     "ignore": ["Midden-Oosten"],
     "facts": [{"id": "…", "says": "…", "ask": "ASK { … }"}],
     "wrong": [{"id": "…", "says": "…", "ask": "ASK { … }"}]}

Entities: each document is built alone; the entities its ``kg:Document`` node
``kg:mentions`` are compared with the gold entities. An output entity matches a
gold entity when it has the gold class (a Minister also passes as a Person) and
one of its ``rdfs:label``/``skos:altLabel`` values equals the gold label or one
of its names, ignoring case, accents, punctuation and spacing. Recall counts the
gold entities matched; precision counts the output entities that match one,
leaving out those that match none but carry a name the gold ``ignore``s.

Facts: all documents are built together once; every ``facts`` ASK must hold
and every ``wrong`` ASK must not.

Everything is checked before anything is built: a gold file that is not JSON,
lacks a field, names an unknown class or holds a query that is not a SPARQL ASK
is an error (exit 2), never a silently lowered score.
"""
from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.slug import fold as _fold_case_and_accents

# Classes whose instances are scored as entities. Document, Office and Session
# are named too differently across texts to match by name: facts check them.
SCORED = ("Minister", "Person", "Country", "Organisation", "Summit", "MinisterialMeeting",
          "Pledge", "Operation", "Initiative", "Place", "Motion")
UNSCORED = ("Document", "Office", "Session")
KG_NS = "https://w3id.org/navo-kg/def#"

# The classes of every entity a document mentions (through rdfs:subClassOf,
# which the ontology loaded beside the graph supplies), and every name of it.
_MENTIONED = """
SELECT DISTINCT ?e ?c WHERE {
  ?d a/rdfs:subClassOf* kg:Document ; kg:mentions ?e .
  ?e a/rdfs:subClassOf* ?c .
}"""
_NAMES = """
SELECT DISTINCT ?e ?n WHERE {
  ?d a/rdfs:subClassOf* kg:Document ; kg:mentions ?e .
  ?e rdfs:label|skos:altLabel ?n .
}"""


def fold(name: str) -> str:
    """``name`` without case, accents, punctuation or extra spacing:
    ``"Oekraïne"``, ``"oekraine"`` and ``" OEKRAÏNE. "`` all fold to ``"oekraine"``."""
    bare = _fold_case_and_accents(name)
    return " ".join("".join(ch if ch.isalnum() else " " for ch in bare).split())


# ------------------------------------------------------------------- gold files

@dataclass(frozen=True)
class GoldEntity:
    """One entity a person reads in the document."""

    cls: str
    label: str
    names: frozenset[str]  # folded: the label and every other name

    def matches(self, classes: frozenset[str], names: frozenset[str]) -> bool:
        """Whether an output entity with these classes and (folded) names is this one."""
        class_ok = self.cls in classes or (self.cls == "Person" and "Minister" in classes)
        return class_ok and not self.names.isdisjoint(names)


@dataclass(frozen=True)
class Check:
    """A SPARQL ASK over the whole graph, with what it says in words."""

    id: str
    says: str
    ask: str


@dataclass
class Gold:
    """One gold file: the document it describes and what a reader finds in it."""

    path: Path
    document: str
    entities: list[GoldEntity]
    ignore: frozenset[str]
    facts: list[Check] = field(default_factory=list)
    wrong: list[Check] = field(default_factory=list)


def _bad(path: Path, why: str) -> KGError:
    return KGError(f"bad gold file {path}: {why}")


def _strings(value, path: Path, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(path, f"{what} must be a list of strings")
    return value


def _checks(value, path: Path, what: str, parse) -> list[Check]:
    if not isinstance(value, list):
        raise _bad(path, f'"{what}" must be a list')
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or not isinstance(item.get("ask"), str):
            raise _bad(path, f'{what}[{i}] needs an "ask" query')
        check = Check(id=str(item.get("id", f"{what}[{i}]")), says=str(item.get("says", "")),
                      ask=item["ask"])
        why = parse(check.ask)
        if why:
            raise _bad(path, f"{what} {check.id!r}: {why}")
        out.append(check)
    return out


def _ask_problem(store):
    """A function that says what is wrong with an ASK query, or ``""`` (asked of an empty store)."""
    import pyoxigraph as ox

    from kg.store import PREFIXES

    def problem(text: str) -> str:
        try:
            res = store.query(text, prefixes=PREFIXES)
        except SyntaxError as e:
            return "query does not parse: " + " ".join(str(e).split())[:160]
        return "" if isinstance(res, ox.QueryBoolean) else "query is not an ASK"

    return problem


def read_gold(path: Path, parse=None) -> Gold:
    """Read and check one gold file; ``KGError`` (exit 2) says what is wrong with it."""
    if parse is None:
        import pyoxigraph as ox
        parse = _ask_problem(ox.Store())
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise _bad(path, e.strerror or str(e)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise _bad(path, f"not JSON ({e})") from None
    if not isinstance(data, dict):
        raise _bad(path, "not a JSON object")
    document = data.get("document")
    if not isinstance(document, str) or not document or Path(document).name != document:
        raise _bad(path, '"document" must be the file name of the document')
    raw = data.get("entities")
    if not isinstance(raw, list):
        raise _bad(path, '"entities" must be a list')
    entities = []
    for i, ent in enumerate(raw):
        if not isinstance(ent, dict) or not isinstance(ent.get("label"), str):
            raise _bad(path, f'entities[{i}] needs a "label"')
        cls = ent.get("class")
        if cls not in SCORED + UNSCORED:
            raise _bad(path, f"entities[{i}] ({ent['label']}): unknown class {cls!r}")
        names = _strings(ent.get("names", []), path, f"entities[{i}].names")
        entities.append(GoldEntity(cls, ent["label"], frozenset(map(fold, [ent["label"], *names]))))
    ignore = _strings(data.get("ignore", []), path, '"ignore"')
    return Gold(path=path, document=document, entities=entities,
                ignore=frozenset(map(fold, ignore)),
                facts=_checks(data.get("facts", []), path, "facts", parse),
                wrong=_checks(data.get("wrong", []), path, "wrong", parse))


def read_gold_dir(gold_dir: Path, docs_dir: Path) -> list[Gold]:
    """Every ``*.json`` of ``gold_dir`` (sorted), each checked, with its document in ``docs_dir``."""
    if not gold_dir.is_dir():
        raise KGError(f"{gold_dir}: no such gold folder")
    if not docs_dir.is_dir():
        raise KGError(f"{docs_dir}: no such documents folder")
    import pyoxigraph as ox
    parse = _ask_problem(ox.Store())
    golds = [read_gold(p, parse) for p in sorted(gold_dir.glob("*.json"))]
    if not golds:
        raise KGError(f"{gold_dir}: no gold files (*.json)")
    seen: dict[str, Path] = {}
    for g in golds:
        if g.document in seen:
            raise _bad(g.path, f"{g.document} is also described by {seen[g.document].name}")
        seen[g.document] = g.path
        if not (docs_dir / g.document).is_file():
            raise _bad(g.path, f"its document {docs_dir / g.document} does not exist")
    return golds


# -------------------------------------------------------------------- scoring

@dataclass(frozen=True)
class Found:
    """An entity the document's node mentions: its IRI, scored classes and folded names."""

    iri: str
    classes: frozenset[str]
    names: frozenset[str]
    label: str

    @property
    def reported_class(self) -> str:
        """The class it is counted under for precision: its most specific scored class."""
        specific = self.classes - {"Person"} if "Minister" in self.classes else self.classes
        return min(specific)


@dataclass
class DocScore:
    """The entity score of one document."""

    document: str
    hits: list[GoldEntity]  # gold entities found
    missed: list[GoldEntity]
    right: list[Found]  # output entities that match a gold entity
    extra: list[Found]  # output entities that match none and are not ignored
    failed: str = ""  # why the document could not be built, if it could not


def score_document(gold: Gold, found: list[Found]) -> DocScore:
    """Match the output entities of one document against its gold entities."""
    scored = [g for g in gold.entities if g.cls in SCORED]
    hits, right_iris = [], set()
    for g in scored:
        matched = [f.iri for f in found if g.matches(f.classes, f.names)]
        if matched:
            hits.append(g)
            right_iris.update(matched)
    missed = [g for g in scored if g not in hits]
    right = [f for f in found if f.iri in right_iris]
    extra = [f for f in found if f.iri not in right_iris and f.names.isdisjoint(gold.ignore)]
    return DocScore(gold.document, hits, missed, right, extra)


def mentioned(store) -> list[Found]:
    """The scored entities the documents of ``store`` mention (sorted by IRI)."""
    classes: dict[str, set[str]] = {}
    for e, c in store.query(_MENTIONED).rows:
        name = str(c).removeprefix(KG_NS)
        if str(c).startswith(KG_NS) and name in SCORED:
            classes.setdefault(str(e), set()).add(name)
    names: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for e, n in store.query(_NAMES).rows:
        names.setdefault(str(e), set()).add(fold(str(n)))
        labels[str(e)] = min(labels.get(str(e), str(n)), str(n))
    return [Found(iri, frozenset(cls), frozenset(names.get(iri, ())), labels.get(iri, iri))
            for iri, cls in sorted(classes.items())]


@dataclass
class Report:
    """The whole evaluation: per-document entity scores and the facts asked."""

    docs: list[DocScore]
    facts: list[tuple[Gold, Check, bool]]  # (gold, fact, holds)
    wrong: list[tuple[Gold, Check, bool]]  # (gold, wrong fact, holds)
    build_failed: str = ""

    def per_class(self) -> dict[str, tuple[int, int, int, int]]:
        """class -> (gold found, gold total, output right, output total)."""
        gold_hit, gold_all, out_right, out_all = Counter(), Counter(), Counter(), Counter()
        for d in self.docs:
            for g in d.hits:
                gold_hit[g.cls] += 1
                gold_all[g.cls] += 1
            for g in d.missed:
                gold_all[g.cls] += 1
            for f in d.right:
                out_right[f.reported_class] += 1
                out_all[f.reported_class] += 1
            for f in d.extra:
                out_all[f.reported_class] += 1
        classes = sorted(set(gold_all) | set(out_all), key=SCORED.index)
        return {c: (gold_hit[c], gold_all[c], out_right[c], out_all[c]) for c in classes}

    def totals(self) -> tuple[int, int, int, int]:
        """(gold found, gold total, output right, output total) over all documents."""
        return (sum(len(d.hits) for d in self.docs),
                sum(len(d.hits) + len(d.missed) for d in self.docs),
                sum(len(d.right) for d in self.docs),
                sum(len(d.right) + len(d.extra) for d in self.docs))


def _build(paths: list[Path], out: Path) -> str:
    """Build ``paths`` into ``out`` in this process; ``""`` or why it failed."""
    from kg.build import cmd_build
    from kg.cli import make_parser

    # through kg's own parser, so every build option has its documented default
    args = make_parser().parse_args(["build", *(str(p.resolve()) for p in paths), "-o", str(out), "-q"])
    try:
        cmd_build(args)
    except KGError as e:
        return str(e)
    return "" if out.is_file() else "nothing written"


def evaluate(golds: list[Gold], docs_dir: Path) -> Report:
    """Build every gold document alone (entities) and all together (facts); score both."""
    from kg.store import open_store

    with tempfile.TemporaryDirectory(prefix="kg-evaluate-") as tmp:
        tmp = Path(tmp)
        docs = []
        for i, gold in enumerate(golds):
            out = tmp / f"doc{i}.ttl"
            why = _build([docs_dir / gold.document], out)
            if why:
                scored = [g for g in gold.entities if g.cls in SCORED]
                docs.append(DocScore(gold.document, [], scored, [], [], failed=why))
                continue
            docs.append(score_document(gold, mentioned(open_store(out))))
        whole = tmp / "all.trig"
        why = _build([docs_dir / g.document for g in golds], whole)
        if why:
            return Report(docs, [(g, c, False) for g in golds for c in g.facts],
                          [(g, c, False) for g in golds for c in g.wrong], build_failed=why)
        store = open_store(whole)
        facts = [(g, c, bool(store.query(c.ask).boolean)) for g in golds for c in g.facts]
        wrong = [(g, c, bool(store.query(c.ask).boolean)) for g in golds for c in g.wrong]
    return Report(docs, facts, wrong)


# -------------------------------------------------------------------- output

def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "-"


def f1(p: float, r: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def summary_line(report: Report) -> str:
    """``entities P=… R=… F1=… facts=k/n wrong=k/n``: one line, as the shared scorer ends."""
    hit, gold_n, right, out_n = report.totals()
    p = right / out_n if out_n else 0.0
    r = hit / gold_n if gold_n else 0.0
    facts = sum(h for _g, _c, h in report.facts)
    wrong = sum(h for _g, _c, h in report.wrong)
    return (f"entities P={p:.3f} R={r:.3f} F1={f1(p, r):.3f} "
            f"facts={facts}/{len(report.facts)} wrong={wrong}/{len(report.wrong)}")


def table(report: Report) -> str:
    """The per-class table, the fact counts and the summary line."""
    head = f"{'class':<20} {'gold':>5} {'found':>6} {'recall':>7} {'output':>7} {'right':>6} {'precision':>9}"
    lines = [head, "-" * len(head)]

    def row(name, hit, gold_n, right, out_n):
        lines.append(f"{name:<20} {gold_n:>5} {hit:>6} {_ratio(hit, gold_n):>7} "
                     f"{out_n:>7} {right:>6} {_ratio(right, out_n):>9}")

    for cls, (hit, gold_n, right, out_n) in report.per_class().items():
        row(cls, hit, gold_n, right, out_n)
    lines.append("-" * len(head))
    row("all", *report.totals())
    facts = sum(h for _g, _c, h in report.facts)
    wrong = sum(h for _g, _c, h in report.wrong)
    lines.append("")
    lines.append(f"facts that hold:       {facts}/{len(report.facts)}")
    lines.append(f"wrong facts that hold: {wrong}/{len(report.wrong)} (the goal is 0)")
    lines.append(summary_line(report))
    return "\n".join(lines)


def details(report: Report) -> str:
    """Per document: what was missed and what was extra; then the facts that failed."""
    lines = []
    for d in report.docs:
        hit, gold_n = len(d.hits), len(d.hits) + len(d.missed)
        right, out_n = len(d.right), len(d.right) + len(d.extra)
        lines.append(f"{d.document}: gold found {hit}/{gold_n}, output right {right}/{out_n}")
        if d.failed:
            lines.append(f"   build failed: {d.failed}")
        lines += [f"   missed {g.cls}: {g.label}" for g in d.missed]
        lines += [f"   extra  {f.reported_class}: {f.label}" for f in d.extra]
    if report.build_failed:
        lines.append(f"build of all documents failed: {report.build_failed}")
    lines += [f"   fact does not hold ({g.document}, {c.id}): {c.says}"
              for g, c, holds in report.facts if not holds]
    lines += [f"   wrong fact holds ({g.document}, {c.id}): {c.says}"
              for g, c, holds in report.wrong if holds]
    return "\n".join(lines)


def cmd_evaluate(args) -> int:
    """Run ``kg evaluate``: print the table (and with ``-v`` the misses); exit 0."""
    golds = read_gold_dir(Path(args.gold), Path(args.docs))
    report = evaluate(golds, Path(args.docs))
    out = [f"gold: {args.gold} ({len(golds)} documents in {args.docs})"]
    if args.verbose:
        out.append(details(report))
    out.append(table(report))
    print("\n".join(out))
    sys.stdout.flush()
    return 0
