"""Reference data (countries, organisations, operations, places, offices, NATO summits) from ``ontology/reference``.

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


# ---------------------------------------------------------------- NATO summits

SUMMIT_KINDS = ("summit", "special", "extraordinary", "leaders-meeting")


@dataclass(frozen=True)
class SummitRef:
    """One meeting of NATO heads of state and government (``summits.json``)."""

    key: str  # "summit/vilnius-2023"
    kind: str  # one of SUMMIT_KINDS
    start: "dt.date"
    end: "dt.date"
    place: str | None  # Dutch name of the host city; None: held by video conference
    country: str | None  # country key
    place_names: tuple[str, ...]  # folded names of the place (its reference names + place_aliases)
    label: str  # Dutch name
    label_en: str
    source: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # further names of the meeting ("NAVO-top Wales 2014")


def _summit_error(path: Path, n: int, row, problem: str):
    from kg.errors import KGError

    ident = row.get("id") if isinstance(row, dict) else None
    return KGError(f"{path}: entry {n}{f' ({ident})' if ident else ''}: {problem}")


def read_summits(path: Path | None = None) -> tuple[SummitRef, ...]:
    """Read and check a summits file (default ``ontology/reference/summits.json``).

    Any error (malformed JSON, a missing field, a bad date, an end before the
    start, two entries with one id, one alias claimed by two places) raises
    ``KGError`` with one line naming the file, the entry and the problem."""
    import datetime as dt

    from kg.errors import KGError

    path = path or REF_DIR / "summits.json"
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise KGError(f"{path}: reference file missing") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise KGError(f"{path}: malformed JSON: {e}") from None
    rows = data.get("summits") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise KGError(f"{path}: no list under \"summits\"")
    ref = load()
    out: list[SummitRef] = []
    ids: dict[str, int] = {}
    alias_owner: dict[str, str] = {}  # folded alias -> folded place that claims it
    names_seen: dict[str, str] = {}  # folded meeting name -> id of the entry that has it
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise _summit_error(path, n, row, "not an object")
        for f in ("id", "kind", "start", "end", "name_nl", "name_en", "source"):
            if not row.get(f):
                raise _summit_error(path, n, row, f"missing field {f!r}")
        if row["id"] != slugify(row["id"]):
            raise _summit_error(path, n, row, f"id {row['id']!r} is not a slug")
        if row["id"] in ids:
            raise _summit_error(path, n, row, f"id {row['id']!r} also used by entry {ids[row['id']]}")
        ids[row["id"]] = n
        if row["kind"] not in SUMMIT_KINDS:
            raise _summit_error(path, n, row, f"kind {row['kind']!r} is not one of {', '.join(SUMMIT_KINDS)}")
        try:
            start, end = dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"])
        except (TypeError, ValueError):
            raise _summit_error(path, n, row, f"dates must be YYYY-MM-DD (start {row['start']!r}, end {row['end']!r})") \
                from None
        if end < start:
            raise _summit_error(path, n, row, f"end {end} before start {start}")
        place = row.get("place")
        country = None
        if row.get("country"):
            country = ref.by_iso2.get(row["country"])
            if country is None:
                raise _summit_error(path, n, row, f"unknown country code {row['country']!r}")
        names: list[str] = []
        if place:
            ent = ref.lookup(place)
            names = [fold(x) for x in ((ent.label, *ent.aliases) if ent is not None and ent.cls == "Place" else (place,))]
            for alias in row.get("place_aliases", ()):
                a = fold(alias)
                owner = alias_owner.setdefault(a, fold(place))
                if owner != fold(place):
                    raise _summit_error(path, n, row, f"alias {alias!r} is also an alias of the place of another entry")
                names.append(a)
        for name in (row["name_nl"], row["name_en"], *row.get("aliases", ())):
            owner = names_seen.setdefault(fold(name), row["id"])
            if owner != row["id"]:
                raise _summit_error(path, n, row, f"name {name!r} is also a name of entry {owner!r}")
        sources = row["source"] if isinstance(row["source"], list) else [row["source"]]
        out.append(SummitRef(key="summit/" + row["id"], kind=row["kind"], start=start, end=end, place=place,
                             country=country, place_names=tuple(dict.fromkeys(names)), label=row["name_nl"],
                             label_en=row["name_en"], source=tuple(sources),
                             aliases=tuple(row.get("aliases", ()))))
    return tuple(sorted(out, key=lambda s: s.start))


@lru_cache(maxsize=1)
def summits() -> tuple[SummitRef, ...]:
    """Every NATO summit of the reference data, oldest first (read once)."""
    return read_summits()


# A summit the text neither dates nor puts in the past is one within this many days
# of the document (summits are announced a year or two ahead, not more).
_NEAR_DAYS = 3 * 366


def _on_day(s: SummitRef, month: int, day: int | None) -> bool:
    """Does a (month, day) the text gives fall on the summit (any year)?"""
    if day is None:
        return month in (s.start.month, s.end.month)
    if s.start.month == s.end.month:
        return month == s.start.month and s.start.day <= day <= s.end.day
    return (month == s.start.month and day >= s.start.day) or (month == s.end.month and day <= s.end.day)


def match_summit(place: str | None = None, *, year: int | None = None, month: int | None = None,
                 day: int | None = None, days: int | None = None, kind: str | None = None,
                 doc_date=None, tense: str | None = None) -> SummitRef | None:
    """The reference summit a mention denotes, or None when it fits none or several.

    ``place``: the place the text names (any reference name or alias); ``year``,
    ``month``, ``day``: what the mention's own date states (a year only when the
    text gives it); ``days``: a stated length ("driedaagse"); ``kind``: special,
    extraordinary or leaders-meeting when the text names the kind. ``doc_date``
    and ``tense`` ("past"/"future") choose among several summits that fit: the
    latest before the document for the past, the first after it for the future,
    else the nearest. Without a year, a day or a document date, a place alone
    never picks one: a name is not enough."""
    cands = list(summits())
    if place is not None:
        want = fold(place)
        ent = load().lookup(place)
        names = {want} | ({fold(n) for n in (ent.label, *ent.aliases)} if ent is not None and ent.cls == "Place" else set())
        cands = [s for s in cands if names & set(s.place_names)]
    if kind is not None:
        group = {"special": ("special", "extraordinary"), "extraordinary": ("special", "extraordinary")}.get(kind, (kind,))
        cands = [s for s in cands if s.kind in group]
    if year is not None:
        cands = [s for s in cands if s.start.year == year]
    if month is not None:
        cands = [s for s in cands if _on_day(s, month, day)]
    if days is not None:
        cands = [s for s in cands if (s.end - s.start).days + 1 == days]
    if doc_date is not None and year is None:
        # what the letter's date and tense rule out: a summit still to come that the
        # text puts in the past, one long past that it looks ahead to
        if tense == "past":
            cands = [s for s in cands if s.start <= doc_date]
        elif tense == "future":
            cands = [s for s in cands if s.end >= doc_date]
        else:
            cands = [s for s in cands if (s.start - doc_date).days <= _NEAR_DAYS]
    if not cands:
        return None
    stated = year is not None or month is not None or days is not None
    if len(cands) == 1 and (stated or kind is not None and place is not None):
        return cands[0]
    if doc_date is None:
        return None
    if tense == "past":
        before = [s for s in cands if s.start <= doc_date]
        return before[-1] if before else None
    near = [s for s in cands if abs((s.start - doc_date).days) <= _NEAR_DAYS]
    if tense == "future":
        after = [s for s in near if s.end >= doc_date]
        return after[0] if after else None
    return min(near, key=lambda s: (abs((s.start - doc_date).days), s.start)) if near else None


# ---------------------------------------------------------------- meeting keys

# A key whose slug starts with this names a thing only within its document (a
# summit mention that fits no reference summit, an undated ministerial and their
# sessions); ``kg.resolve.scope_to_document`` makes it the document's own, so
# two documents never share it by name alone.
DOCUMENT_SCOPED = "~"


def ministerial_key(kind: str, year: int | None = None, month: int | None = None) -> str:
    """``ministerial/fmm-2024-04``: kind + year-month of the start, the one part of
    a ministerial's date every mention of it gives ("de FMM van april 2024" and
    "de FMM van 3 en 4 april 2024" are one meeting). Undated: document-scoped."""
    if year is None or month is None:
        return f"ministerial/{DOCUMENT_SCOPED}{kind}"
    return f"ministerial/{kind}-{year}-{month:02d}"


def unmatched_summit_key(place: str) -> str:
    """The document-scoped key of a summit mention that fits no reference summit."""
    return f"summit/{DOCUMENT_SCOPED}{slugify(place)}"


def session_key(meeting_key: str, slug: str) -> str:
    """``session/fmm-2024-04-nato-ukraine-council``: the meeting's key + the session's
    name slug (document-scoped when the meeting is)."""
    return f"session/{meeting_key.partition('/')[2]}-{slug}"
