#!/usr/bin/env python3
"""Generate ``ontology/reference/countries.json`` from maintained sources.

Dutch country names come from CLDR (``babel``: ``Locale('nl').territories``),
ISO codes from ``pycountry``; the hand-curated additions (short forms Dutch
letters use, adjective forms, Wikidata QIDs, NATO accession dates) live in
``ontology/reference/curated/``. Run: ``python scripts/make_reference.py``.
The output is committed; ``kg/reference.py`` reads it at run time.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REF = ROOT / "ontology" / "reference"
sys.path.insert(0, str(ROOT))

from kg.slug import slugify  # noqa: E402

WIKIDATA = "http://www.wikidata.org/entity/"


def derive_adjective(name: str, rules: list[list[str]]) -> str:
    """Apply the first matching suffix rule: ``Tsjechië`` -> ``Tsjechische``."""
    for suffix, repl in rules:
        if name.endswith(suffix):
            return name[: len(name) - len(suffix)] + repl if suffix else name + repl
    return name + "se"


def build_countries() -> list[dict]:
    """One record per state: key, label, iso2/iso3, aliases, adjectives, wikidata, nato."""
    import pycountry
    from babel import Locale

    extra = json.loads((REF / "curated" / "countries_extra.json").read_text("utf-8"))
    nato = json.loads((REF / "curated" / "nato_members.json").read_text("utf-8"))["members"]
    names = Locale("nl").territories
    rows = []
    codes = {c.alpha_2: c for c in pycountry.countries}
    for code in sorted(set(codes) | set(extra["extra_countries"])):
        if code in extra["extra_countries"]:
            label, iso3 = extra["extra_countries"][code]["label"], extra["extra_countries"][code]["iso3"]
        else:
            label, iso3 = names.get(code), codes[code].alpha_3
        if not label:
            continue
        aliases = [a for a in extra["aliases"].get(code, []) if a != label]
        adjectives = extra["adjectives"].get(code) or [derive_adjective(label, extra["adjective_rules"])]
        qid = extra["wikidata"].get(code)
        rows.append({
            "key": "country/" + slugify(label),
            "label": label,
            "iso2": code,
            "iso3": iso3,
            "aliases": aliases,
            "adjectives": adjectives,
            "wikidata": WIKIDATA + qid if qid else None,
            "nato_accession": nato.get(code),
        })
    return rows


def main() -> int:
    rows = build_countries()
    out = REF / "countries.json"
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {len(rows)} countries to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
