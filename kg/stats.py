"""``kg stats``: counts per class and per property of a graph file."""
from __future__ import annotations

from collections import Counter

from kg.errors import EXIT_OK


def _short(iri) -> str:
    from kg.rdf.namespaces import PREFIXES

    s = str(iri)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if s.startswith(ns):
            return f"{prefix}:{s[len(ns):]}"
    return f"<{s}>"


def count(ds) -> tuple[Counter, Counter, int, int]:
    """(instances per class, triples per property, distinct triples, named graphs)."""
    from rdflib.namespace import RDF

    triples = {(s, p, o) for s, p, o, _g in ds.quads((None, None, None, None))}
    classes = Counter()
    typed = {}
    for s, p, o in triples:
        if p == RDF.type:
            typed.setdefault(s, set()).add(o)
    for types in typed.values():
        for t in types:
            classes[_short(t)] += 1
    props = Counter(_short(p) for _s, p, _o in triples)
    graphs = {g for *_t, g in ds.quads((None, None, None, None)) if g is not None}
    return classes, props, len(triples), len(graphs)


def cmd_stats(args) -> int:
    """Print counts per class and per property of ``args.file``."""
    from kg.rdf.load import load_dataset

    ds = load_dataset(args.file)
    classes, props, n, graphs = count(ds)
    print(f"{args.file}: {n} triples in {graphs} named graph(s)")
    print("\nclass instances")
    for name, k in sorted(classes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {k:6d}  {name}")
    print("\nproperty triples")
    for name, k in sorted(props.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {k:6d}  {name}")
    return EXIT_OK
