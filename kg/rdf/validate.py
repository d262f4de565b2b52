"""``kg validate``: SHACL validation of a graph file against ``ontology/shapes.ttl``."""
from __future__ import annotations

from pathlib import Path

from kg import paths
from kg.errors import EXIT_ERROR, EXIT_OK

ONTOLOGY_DIR = paths.ONTOLOGY_DIR


def ontology_dir() -> Path:
    """The ontology folder (`kg.paths`: the installed package's copy, else the checkout's)."""
    return ONTOLOGY_DIR


def validate_dataset(ds) -> tuple[bool, list[dict]]:
    """Run pyshacl on the union of ``ds``'s graphs; (conforms, violations)."""
    from rdflib import Graph

    data = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        data.add((s, p, o))
    return validate_graph(data)


def validate_graph(data) -> tuple[bool, list[dict]]:
    """Run pyshacl on one rdflib Graph; (conforms, violations).

    No RDFS inference: SHACL itself follows ``rdfs:subClassOf`` for targets
    and ``sh:class`` once the ontology is mixed into the data graph (a
    ``kg:Minister`` is checked as a ``kg:Person``), which is all the shapes
    need. Inference would add the RDFS axioms and a type for every
    domain and range, and took four fifths of the time (1.7 s of 2.2 s on the
    seeds; bench/validate_bench.py).
    """
    from pyshacl import validate
    from rdflib import Graph
    from rdflib.namespace import SH

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    ont = Graph().parse(ontology_dir() / "navo-kg.ttl", format="turtle")
    conforms, report, _text = validate(data, shacl_graph=shapes, ont_graph=ont, inference="none",
                                       abort_on_first=False, allow_warnings=True, meta_shacl=False,
                                       advanced=True)
    violations = []
    for r in sorted(set(report.subjects(None, SH.ValidationResult)), key=str):
        get = lambda p: report.value(r, p)  # noqa: E731
        violations.append({
            "focus": get(SH.focusNode), "path": get(SH.resultPath), "value": get(SH.value),
            "message": get(SH.resultMessage), "severity": get(SH.resultSeverity),
            "shape": get(SH.sourceShape)})
    return bool(conforms), violations


def _short(term) -> str:
    from kg.stats import _short as short

    if term is None:
        return "-"
    from rdflib import URIRef

    return short(term) if isinstance(term, URIRef) else repr(str(term))


def cmd_validate(args) -> int:
    """Print each SHACL violation on one line; exit 0 when the graph conforms."""
    from kg.rdf.load import load_union

    conforms, violations = validate_graph(load_union(args.file))
    if conforms:
        print(f"{args.file}: conforms to the navo-kg shapes")
        return EXIT_OK
    for v in violations:
        sev = str(v["severity"]).rsplit("#", 1)[-1] if v["severity"] else "Violation"
        print(f"{sev}: {_short(v['focus'])} {_short(v['path'])}: {v['message']}"
              + (f" (value {_short(v['value'])})" if v["value"] is not None else ""))
    print(f"{args.file}: {len(violations)} problem(s)")
    return EXIT_ERROR
