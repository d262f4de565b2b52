"""Reference data (countries, organisations, operations, places, offices) from ``ontology/reference``.

Loaded once per process (cached). Every record carries its entity ``key``
(``"country/oekraine"``), class, canonical ``label``, ``aliases`` and, where
known, a Wikidata IRI in ``same_as``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.slug import fold, slugify

REF_DIR = Path(__file__).resolve().parent.parent / "ontology" / "reference"
WIKIDATA = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class RefEntity:
    """One reference individual."""

    key: str
    cls: str  # "Country" | "Organisation" | "Operation" | "Place"
    label: str
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()  # aliases that only match with these capitals
    same_as: str | None = None
    iso2: str | None = None
    iso3: str | None = None
    adjectives: tuple[str, ...] = ()
    country: str | None = None  # for places: the country key
    nato_accession: str | None = None
    # How a place's name may be matched (scripts/make_reference.py): "curated" anywhere;
    # "name" (a big GeoNames city) not inside a person's or organisation's name;
    # "context" (other GeoNames cities, names that are common words) only in place-like context.
    match: str = "curated"


@dataclass(frozen=True)
class Office:
    """An office kind: its role label, the folded forms that name it, defaults."""

    role: str
    forms: tuple[str, ...]
    minister: bool
    default_jurisdiction: str | None


@dataclass
class Reference:
    """All reference data, with lookup tables by key, folded name and adjective."""

    entities: dict[str, RefEntity] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    by_name: dict[str, str] = field(default_factory=dict)  # fold(name) -> key
    by_adjective: dict[str, str] = field(default_factory=dict)  # fold(adjective) -> country key
    by_iso2: dict[str, str] = field(default_factory=dict)
    # fold(one-word country name, Dutch or English) -> the country key's slug: folds
    # names for keys ("NATO-Ukraine Council" and "NAVO-Oekraïne-raad"), never matched in text
    country_words: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> RefEntity | None:
        return self.entities.get(key)

    def lookup(self, name: str) -> RefEntity | None:
        """The entity a name denotes (case/accent-insensitive), if any."""
        key = self.by_name.get(fold(name))
        return self.entities.get(key) if key else None

    def country_of_adjective(self, word: str) -> RefEntity | None:
        """``"Oekraïense"`` -> Oekraïne."""
        key = self.by_adjective.get(fold(word))
        return self.entities.get(key) if key else None

    def office_for(self, folded: str) -> Office | None:
        """The office whose form equals a folded phrase."""
        for off in self.offices:
            if folded in off.forms:
                return off
        return None


def _read(name: str):
    return json.loads((REF_DIR / name).read_text("utf-8"))


def _qid(q: str | None) -> str | None:
    if not q:
        return None
    return q if q.startswith("http") else WIKIDATA + q


def _place(**fields) -> RefEntity:
    """A Place record without the frozen dataclass's per-field ``__init__``: there
    are some 32,000 of them and start-up time counts. Unset fields keep their
    class defaults."""
    ent = object.__new__(RefEntity)
    ent.__dict__.update(fields, cls="Place")
    return ent


@lru_cache(maxsize=1)
def load() -> Reference:
    """Read every reference file once."""
    ref = Reference()
    for row in _read("countries.json"):
        ent = RefEntity(key=row["key"], cls="Country", label=row["label"], aliases=tuple(row["aliases"]),
                        same_as=row["wikidata"], iso2=row["iso2"], iso3=row["iso3"],
                        adjectives=tuple(row["adjectives"]), nato_accession=row.get("nato_accession"))
        ref.entities[ent.key] = ent
        ref.by_iso2[ent.iso2] = ent.key
        for adj in ent.adjectives:
            ref.by_adjective.setdefault(fold(adj), ent.key)
        for name in (ent.label, *ent.aliases, *row.get("names_en", ())):
            if " " not in name and "-" not in name:
                ref.country_words.setdefault(fold(name), ent.key.split("/", 1)[1])
    for name, cls in (("organisations", "Organisation"), ("operations", "Operation")):
        for row in _read(f"{name}.json")[name]:  # key "organisation/navo", "operation/isaf", ...
            ent = RefEntity(key=f"{cls.lower()}/{slugify(row['label'])}", cls=cls, label=row["label"],
                            aliases=tuple(row.get("aliases", ())), exact=tuple(row.get("exact", ())),
                            same_as=_qid(row.get("wikidata")))
            ref.entities[ent.key] = ent
    for row in _read("places.json")["places"]:  # GeoNames cities + curated (scripts/make_reference.py)
        ent = _place(key=row["key"], label=row["label"], aliases=tuple(row.get("aliases", ())),
                     same_as=_qid(row.get("wikidata")), country=ref.by_iso2.get(row.get("country", "")),
                     match=row.get("match", "curated"))
        ref.entities.setdefault(ent.key, ent)
    # Names: countries first, so a country name never resolves to a place.
    for ent in ref.entities.values():
        for name in (ent.label, *ent.aliases):
            ref.by_name.setdefault(fold(name), ent.key)
    for row in _read("offices.json")["offices"]:
        ref.offices.append(Office(role=row["role"], forms=tuple(row["forms"]), minister=row["minister"],
                                  default_jurisdiction=row.get("default_jurisdiction")))
    return ref


def country_of_place(key: str) -> RefEntity | None:
    """The country a reference place lies in (``place/zeist`` -> Nederland), if known."""
    ref = load()
    place = ref.entities.get(key)
    if place is None or place.cls != "Place" or not place.country:
        return None
    return ref.entities.get(place.country)


def nato_members() -> dict[str, str]:
    """Country key -> accession date (ISO) for every NATO member."""
    return {e.key: e.nato_accession for e in load().entities.values() if e.nato_accession}
