"""Check the meeting-identity invariants of issue 14 on built graphs.

    python scripts/check_meeting_identity.py JOINT.trig [ALONE.trig ...]

On the joint build (a TriG file, one named graph per document):

* every summit has a start date;
* no two summits share a place and a year;
* no two ministerials share a start date;
* no undated ministerial is named by two documents.

Each further file is a build of one document alone: every entity IRI it has
(persons, meetings, sessions, organisations, ...; evidence records aside) must
also be in the joint build, so an IRI does not depend on the set of letters.

Prints one line per check and per violation; exits 1 when any check fails.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

KG = "https://w3id.org/navo-kg/def#"
SCHEMA = "https://schema.org/"
ID = "https://w3id.org/navo-kg/id/"
NOT_ENTITIES = ("evidence/", "graph/")  # records and graphs, not things


def _load(path: str) -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(path, format="trig" if path.endswith(".trig") else None)
    return ds


def _of_class(ds: Dataset, cls: str) -> set:
    return set(ds.subjects(RDF.type, URIRef(KG + cls)))


def entity_iris(ds: Dataset) -> set[str]:
    """Every entity IRI with a type in a build (evidence records and graphs left out)."""
    return {str(s) for s in ds.subjects(RDF.type, None)
            if str(s).startswith(ID) and not str(s)[len(ID):].startswith(NOT_ENTITIES)}


def check(joint: str, alone: list[str]) -> list[str]:
    """The violations found (empty when every invariant holds)."""
    ds = _load(joint)
    start, loc = URIRef(SCHEMA + "startDate"), URIRef(SCHEMA + "location")
    bad: list[str] = []
    summits = _of_class(ds, "Summit")
    by_place_year = defaultdict(set)
    for s in sorted(summits):
        dates = {str(d) for d in ds.objects(s, start)}
        if not dates:
            bad.append(f"summit without start date: {s}")
        for d in dates:
            for p in ds.objects(s, loc):
                by_place_year[(str(p), d[:4])].add(str(s))
    for (place, year), ss in sorted(by_place_year.items()):
        if len(ss) > 1:
            bad.append(f"summits sharing place {place} and year {year}: {sorted(ss)}")
    ministerials = _of_class(ds, "MinisterialMeeting")
    by_date = defaultdict(set)
    for m in sorted(ministerials):
        dates = {str(d) for d in ds.objects(m, start)}
        for d in dates:
            by_date[d].add(str(m))
        if not dates:
            docs = {str(g) for s, p, o, g in ds.quads((None, URIRef(KG + "mentions"), m, None))}
            if len(docs) > 1:
                bad.append(f"undated ministerial in {len(docs)} documents: {m}")
    for d, ms in sorted(by_date.items()):
        if len(ms) > 1:
            bad.append(f"ministerials sharing start date {d}: {sorted(ms)}")
    joint_iris = entity_iris(ds)
    for path in alone:
        for iri in sorted(entity_iris(_load(path)) - joint_iris):
            bad.append(f"{path}: entity IRI not in the joint build: {iri}")
    print(f"summits {len(summits)}, ministerials {len(ministerials)}, "
          f"single-document builds checked {len(alone)}, violations {len(bad)}")
    return bad


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("joint", help="the build of all documents together (.trig)")
    ap.add_argument("alone", nargs="*", help="builds of one document each")
    args = ap.parse_args(argv)
    bad = check(args.joint, args.alone)
    for line in bad:
        print("  " + line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
