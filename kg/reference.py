"""Reference data (countries, organisations, operations, initiatives, pledges, places, offices,
persons, NATO summits)
from ``ontology/reference``.

Loaded once per process (cached). Every record carries its entity ``key``
(``"country/oekraine"``), class, canonical ``label``, ``aliases`` and, where
known, a Wikidata IRI in ``same_as``. Persons (``persons.json``) carry their
name forms and dated offices (``Tenure``).

Bad reference data is an error, never a silent merge: a file that is not
JSON, an entry without a required field, two entries claiming one name, an
end date before a start date raise ``BadReference`` (a ``KGError``), whose
one-line message names the file, the entry and what is wrong.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg import paths
from kg.errors import KGError
from kg.slug import fold, slugify

REF_DIR = paths.REF_DIR
WIKIDATA = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class RefEntity:
    """One reference individual."""

    key: str
    cls: str  # "Country" | "Organisation" | "Operation" | "Initiative" | "Pledge" | "Place"
    label: str
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()  # aliases that only match with these capitals
    same_as: str | None = None
    iso2: str | None = None
    iso3: str | None = None
    adjectives: tuple[str, ...] = ()
    # for places: the country key; for a national body (a Dutch ministry): its state's key
    country: str | None = None
    nato_accession: str | None = None
    # Names that are common words or ambiguous ("IS"), matched with these capitals only and
    # only in context (kg_gazetteer): the document names the entity otherwise, one of
    # ``context_words`` stands right before, or (``context_compounds``) a compound "IS-strijders".
    context_aliases: tuple[str, ...] = ()
    context_words: tuple[str, ...] = ()
    context_compounds: bool = False
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
    jurisdiction_classes: tuple[str, ...] = ()  # what a jurisdiction of this office can be ("Country")


@dataclass(frozen=True)
class Tenure:
    """One office a reference person held: role (an ``Office.role``), whose office, from when to when."""

    role: str
    jurisdiction: str  # country or organisation key
    start: str  # ISO date
    end: str | None  # ISO date; None while in office

    def covers(self, day: str) -> bool:
        """Was the office held on ``day`` (ISO date)?"""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class RefPerson:
    """A well-known office holder (``persons.json``)."""

    key: str
    label: str
    names: tuple[str, ...]
    same_as: str | None
    source: str
    tenures: tuple[Tenure, ...] = ()
    alone: bool = False  # the surname alone names this person anywhere ("Stoltenberg")


@dataclass
class Reference:
    """All reference data, with lookup tables by key, folded name and adjective."""

    entities: dict[str, RefEntity] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    by_name: dict[str, str] = field(default_factory=dict)  # fold(name) -> key
    by_adjective: dict[str, str] = field(default_factory=dict)  # fold(adjective) -> country key
    by_iso2: dict[str, str] = field(default_factory=dict)
    persons: dict[str, RefPerson] = field(default_factory=dict)
    person_by_name: dict[str, str] = field(default_factory=dict)  # fold(full name form) -> person key
    person_by_surname: dict[str, str] = field(default_factory=dict)  # fold(surname) -> key, if one bears it
    person_given: dict[str, set[str]] = field(default_factory=dict)  # key -> first letters of given names
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

    def office_by_role(self, role: str) -> Office | None:
        """The office kind with this role label."""
        return next((off for off in self.offices if off.role == role), None)

    def person_for(self, name: str) -> RefPerson | None:
        """The reference person a name form denotes, if any.

        A full form listed for the person matches; so does the surname alone
        (or a double surname's first part: ``Bijleveld``) when no other
        reference person bears it, provided any given name or initial the text
        adds fits one of the person's given names (``C.C.J. Veldkamp`` fits
        ``Caspar Veldkamp``; ``Eelco Blok`` does not fit ``Stef Blok``).
        """
        from kg.names import given_names, normalise_name, surname

        name = normalise_name(name)
        # the whole form may be a surname of more than one word ("Bruins Slot"), written alone
        key = self.person_by_name.get(fold(name)) or self.person_by_surname.get(fold(name))
        if key is None:
            key = self.person_by_surname.get(fold(surname(name)))
            if key is None:
                return None
            given = given_names(name)
            if given and fold(given[0][0]) not in self.person_given.get(key, ()):
                return None
        return self.persons[key]

    def office_for(self, folded: str) -> Office | None:
        """The office whose form equals a folded phrase."""
        for off in self.offices:
            if folded in off.forms:
                return off
        return None


class BadReference(KGError):
    """A reference file with an error: its message names the file, the entry and the fault."""


def _path(name: str | Path) -> Path:
    """A reference file: ``name`` in ``REF_DIR``, or a path given as such (``read_summits``)."""
    return name if isinstance(name, Path) else REF_DIR / name


def _fail(name: str | Path, entry: str | None, what: str) -> None:
    where = f"{_path(name)}" + (f": {entry}" if entry else "")
    raise BadReference(f"bad reference data in {where}: {what}")


def _read(name: str | Path):
    """A reference file's JSON; ``BadReference`` when it is missing or malformed."""
    try:
        text = _path(name).read_text("utf-8")
    except FileNotFoundError:
        _fail(name, None, "file is missing")
    except (OSError, UnicodeDecodeError) as e:
        _fail(name, None, f"cannot be read ({type(e).__name__}: {e})")
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        _fail(name, None, f"malformed JSON at line {e.lineno} column {e.colno}: {e.msg}")


def _entry(row, i: int) -> str:
    """How a message names an entry: its label (or role) and its position."""
    if isinstance(row, dict):
        for k in ("label", "role", "key"):
            if isinstance(row.get(k), str) and row[k].strip():
                return f"entry {i + 1} ({row[k]!r})"
    return f"entry {i + 1}"


def _rows(name: str, data, list_key: str | None) -> list[dict]:
    """The list of entries of a file (``data[list_key]``, or ``data`` itself), each a JSON object."""
    rows = data.get(list_key) if isinstance(data, dict) and list_key else data
    if not isinstance(rows, list):
        _fail(name, None, f"expected a list of entries{f' under {list_key!r}' if list_key else ''}")
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            _fail(name, _entry(row, i), "is not a JSON object")
    return rows


def _need(name: str, row: dict, i: int, fld: str, kind=str, optional: bool = False):
    """A field of an entry, checked for presence and type (strings must not be empty)."""
    v = row.get(fld)
    if v is None:
        if optional:
            return None
        _fail(name, _entry(row, i), f"missing required field {fld!r}")
    if not isinstance(v, kind) or (kind is str and not v.strip()):
        want = {str: "a non-empty string", list: "a list", bool: "true or false", dict: "an object"}.get(kind, kind)
        _fail(name, _entry(row, i), f"field {fld!r} must be {want}")
    if kind is list and not all(isinstance(x, str) and x.strip() for x in v):
        _fail(name, _entry(row, i), f"field {fld!r} must be a list of non-empty strings")
    return v


def _date(name: str, row: dict, i: int, fld: str, optional: bool = False) -> str | None:
    """An ISO date field (``YYYY-MM-DD``)."""
    v = _need(name, row, i, fld, optional=optional)
    if v is None:
        return None
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        _fail(name, _entry(row, i), f"field {fld!r} is not a date (YYYY-MM-DD): {v!r}")
    return v


class _Claims:
    """Names claimed by entries: a name two entries claim is an error."""

    def __init__(self):
        self.owner: dict[str, tuple[str, str]] = {}  # folded name -> (file, entry)

    def claim(self, name: str, entry: str, text: str) -> None:
        f = fold(text)
        have = self.owner.get(f)
        if have is not None and have[1] != entry:
            other = have[1] if have[0] == name else f"{have[1]} of {have[0]}"
            _fail(name, entry, f"name {text!r} is already claimed by {other}")
        self.owner.setdefault(f, (name, entry))


_QID = re.compile(r"^Q[1-9]\d*$")


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


# Files of named things (file stem, class): organisations, operations, named plans and
# processes, pledges. An entry's key is ``<class>/<slug of its label>``, the key
# kg_acronyms gives the same name, so both components name one entity.
NAMED_FILES = (("organisations", "Organisation"), ("operations", "Operation"),
               ("initiatives", "Initiative"), ("pledges", "Pledge"))


@lru_cache(maxsize=1)
def load() -> Reference:
    """Read (and check) every reference file once; ``BadReference`` on the first error."""
    ref = Reference()
    claims = _Claims()  # entity names: no two entities of any file claim one name
    name = "countries.json"
    for i, row in enumerate(_rows(name, _read(name), None)):
        label, entry = _need(name, row, i, "label"), _entry(row, i)
        for fld in ("key", "iso2", "iso3"):
            _need(name, row, i, fld)
        aliases, adjectives = (_need(name, row, i, f, list, optional=True) or [] for f in ("aliases", "adjectives"))
        if row.get("nato_accession") is not None:
            _date(name, row, i, "nato_accession")
        ent = RefEntity(key=row["key"], cls="Country", label=label, aliases=tuple(aliases),
                        same_as=row.get("wikidata"), iso2=row["iso2"], iso3=row["iso3"],
                        adjectives=tuple(adjectives), nato_accession=row.get("nato_accession"))
        _add_entity(ref, claims, name, entry, ent)
        ref.by_iso2[ent.iso2] = ent.key
        for adj in ent.adjectives:
            have = ref.by_adjective.setdefault(fold(adj), ent.key)
            if have != ent.key:
                _fail(name, entry, f"adjective {adj!r} is already claimed by {ref.entities[have].label!r}")
        for n in (ent.label, *ent.aliases, *row.get("names_en", ())):
            if " " not in n and "-" not in n:
                ref.country_words.setdefault(fold(n), ent.key.split("/", 1)[1])
    for stem, cls in NAMED_FILES:
        name = f"{stem}.json"
        for i, row in enumerate(_rows(name, _read(name), stem)):  # key "organisation/navo", "operation/isaf", ...
            label = _need(name, row, i, "label")
            home = _need(name, row, i, "country", optional=True)
            if home is not None and home not in ref.by_iso2:
                _fail(name, _entry(row, i), f"field 'country' is not a known ISO country code: {home!r}")
            compounds = row.get("context_compounds", False)
            if not isinstance(compounds, bool):
                _fail(name, _entry(row, i), "field 'context_compounds' must be true or false")
            words = tuple(_need(name, row, i, "context_words", list, optional=True) or ())
            if any(w != fold(w) for w in words):
                _fail(name, _entry(row, i), "field 'context_words' must hold folded words (lower-case, no accents)")
            ent = RefEntity(key=f"{cls.lower()}/{slugify(label)}", cls=cls, label=label,
                            aliases=tuple(_need(name, row, i, "aliases", list, optional=True) or ()),
                            exact=tuple(_need(name, row, i, "exact", list, optional=True) or ()),
                            same_as=_qid(_wikidata(name, row, i)),
                            country=ref.by_iso2[home] if home else None,
                            context_aliases=tuple(_need(name, row, i, "context_aliases", list, optional=True) or ()),
                            context_words=words, context_compounds=compounds)
            _add_entity(ref, claims, name, _entry(row, i), ent)
            for alias in ent.context_aliases:
                claims.claim(name, _entry(row, i), alias)
    # GeoNames cities + curated (scripts/make_reference.py): generated, some 32,000 of
    # them, where one name may be several cities (the generator decides which it names),
    # so only their shape is checked here, quickly.
    name = "places.json"
    for i, row in enumerate(_rows(name, _read(name), "places")):
        if not isinstance(row.get("key"), str) or not isinstance(row.get("label"), str):
            _fail(name, _entry(row, i), "missing required field 'key' or 'label'")
        ent = _place(key=row["key"], label=row["label"], aliases=tuple(row.get("aliases", ())),
                     same_as=_qid(row.get("wikidata")), country=ref.by_iso2.get(row.get("country", "")),
                     match=row.get("match", "curated"))
        ref.entities.setdefault(ent.key, ent)
    # Names: countries first, so a country name never resolves to a place.
    for ent in ref.entities.values():
        for n in (ent.label, *ent.aliases):
            ref.by_name.setdefault(fold(n), ent.key)
    _load_offices(ref)
    _load_persons(ref)
    return ref


def _wikidata(name: str, row: dict, i: int) -> str | None:
    """A ``wikidata`` field: a QID (``Q57792``), a Wikidata entity IRI, or null."""
    q = row.get("wikidata")
    if q is None:
        return None
    if not isinstance(q, str) or not (_QID.match(q) or (q.startswith(WIKIDATA) and _QID.match(q[len(WIKIDATA):]))):
        _fail(name, _entry(row, i), f"field 'wikidata' is not a Wikidata ID (Q…): {q!r}")
    return q


def _add_entity(ref: Reference, claims: _Claims, name: str, entry: str, ent: RefEntity) -> None:
    if ent.key in ref.entities:
        _fail(name, entry, f"key {ent.key!r} is already used by {ref.entities[ent.key].label!r}")
    for n in (ent.label, *ent.aliases):
        claims.claim(name, entry, n)
    ref.entities[ent.key] = ent


def _load_offices(ref: Reference) -> None:
    """``offices.json``: each office kind once, each form naming one office."""
    name, forms = "offices.json", {}
    for i, row in enumerate(_rows(name, _read(name), "offices")):
        entry = _entry(row, i)
        role = _need(name, row, i, "role")
        if ref.office_by_role(role):
            _fail(name, entry, f"role {role!r} is listed twice")
        for form in _need(name, row, i, "forms", list):
            if form != fold(form):
                _fail(name, entry, f"form {form!r} must be folded (lower-case, no accents)")
            if form in forms:
                _fail(name, entry, f"form {form!r} is already claimed by {forms[form]!r}")
            forms[form] = role
        default = _need(name, row, i, "default_jurisdiction", optional=True)
        classes = tuple(_need(name, row, i, "jurisdiction_classes", list, optional=True) or ())
        if default is not None and default not in ref.entities:
            _fail(name, entry, f"default_jurisdiction {default!r} is not a known country or organisation")
        if default is not None and classes and ref.entities[default].cls not in classes:
            _fail(name, entry, f"default_jurisdiction {default!r} is not a {' or '.join(classes)}")
        ref.offices.append(Office(role=role, forms=tuple(row["forms"]), minister=_need(name, row, i, "minister", bool),
                                  default_jurisdiction=default, jurisdiction_classes=classes))


def _load_persons(ref: Reference) -> None:
    """``persons.json``: well-known office holders, their name forms and dated offices."""
    from kg.names import given_names, is_initials, normalise_name, surname

    name = "persons.json"
    claims = _Claims()
    surnames: dict[str, set[str]] = {}
    for i, row in enumerate(_rows(name, _read(name), "persons")):
        entry = _entry(row, i)
        label = normalise_name(_need(name, row, i, "label"))
        names = tuple(normalise_name(n) for n in _need(name, row, i, "names", list, optional=True) or ())
        _need(name, row, i, "source")
        key = "person/" + slugify(_need(name, row, i, "key", optional=True) or surname(label))
        if key in ref.persons:
            _fail(name, entry, f"key {key!r} is already used by {ref.persons[key].label!r}; give one a 'key'")
        tenures = []
        offices = row.get("offices", [])
        if not isinstance(offices, list):
            _fail(name, entry, "field 'offices' must be a list")
        for j, off in enumerate(offices):
            tenures.append(_tenure(ref, name, entry, j, off))
        alone = row.get("surname_alone", False)
        if not isinstance(alone, bool):
            _fail(name, entry, "field 'surname_alone' must be true or false")
        p = RefPerson(key=key, label=label, names=names, same_as=_qid(_wikidata(name, row, i)),
                      source=row["source"], tenures=tuple(tenures), alone=alone)
        ref.persons[key] = p
        for n in (label, *names):
            claims.claim(name, entry, n)
            ref.person_by_name[fold(n)] = key
            sur = surname(n)
            if sur and not all(is_initials(w) for w in sur.split()):
                for form in _surname_forms(sur):
                    surnames.setdefault(fold(form), set()).add(key)
            ref.person_given.setdefault(key, set()).update(fold(g[0]) for g in given_names(n) if g)
    # A surname names a reference person only when no other one bears it.
    ref.person_by_surname = {s: next(iter(keys)) for s, keys in surnames.items() if len(keys) == 1}


def _surname_forms(sur: str) -> list[str]:
    """``Bijleveld-Schouten`` is also written ``Bijleveld``: a double surname's first part."""
    forms = [sur]
    head = sur.split("-")[0]
    if "-" in sur and head[:1].isupper() and sur.split("-")[1][:1].isupper():
        forms.append(head)
    return forms


def _tenure(ref: Reference, name: str, entry: str, j: int, off) -> "Tenure":
    where = f"{entry}, office {j + 1}"
    if not isinstance(off, dict):
        _fail(name, where, "is not a JSON object")
    for fld in ("role", "jurisdiction", "start"):
        if not isinstance(off.get(fld), str) or not off[fld].strip():
            _fail(name, where, f"missing required field {fld!r}")
    office = ref.office_by_role(off["role"])
    if office is None:
        _fail(name, where, f"role {off['role']!r} is not an office of offices.json")
    jur = ref.entities.get(off["jurisdiction"])
    if jur is None or jur.cls not in ("Country", "Organisation"):
        _fail(name, where, f"jurisdiction {off['jurisdiction']!r} is not a known country or organisation")
    if office.jurisdiction_classes and jur.cls not in office.jurisdiction_classes:
        _fail(name, where, f"a {off['role']} is the office of a {' or '.join(office.jurisdiction_classes)}, "
                           f"not of {jur.label!r}")
    dates = {}
    for fld in ("start", "end"):
        v = off.get(fld)
        if v is None:
            continue
        try:
            dates[fld] = dt.date.fromisoformat(v)
        except (TypeError, ValueError):
            _fail(name, where, f"field {fld!r} is not a date (YYYY-MM-DD): {v!r}")
    if "end" in dates and dates["end"] < dates["start"]:
        _fail(name, where, f"end date {off['end']} is before start date {off['start']}")
    return Tenure(role=office.role, jurisdiction=jur.key, start=off["start"], end=off.get("end"))


def country_of_place(key: str) -> RefEntity | None:
    """The country a reference place lies in (``place/zeist`` -> Nederland), if known."""
    ref = load()
    place = ref.entities.get(key)
    if place is None or place.cls != "Place" or not place.country:
        return None
    return ref.entities.get(place.country)


_MEMBERS: list = [None, {}]  # (the Reference read, its members): the rules ask once per sentence


def nato_members() -> dict[str, str]:
    """Country key -> accession date (ISO) for every NATO member (worked out once
    per loaded reference: do not mutate)."""
    ref = load()
    if _MEMBERS[0] is not ref:
        _MEMBERS[:] = [ref, {e.key: e.nato_accession for e in ref.entities.values() if e.nato_accession}]
    return _MEMBERS[1]


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
    region: str | None = None  # the region of the host city that texts name it by ("Wales"): no second venue


def _summit_entry(n: int, row) -> str:
    """How a message names a summit entry: its position and id."""
    ident = row.get("id") if isinstance(row, dict) else None
    return f"entry {n}{f' ({ident})' if ident else ''}"


def read_summits(path: Path | None = None) -> tuple[SummitRef, ...]:
    """Read and check a summits file (default ``ontology/reference/summits.json``).

    Any error (malformed JSON, a missing field, a bad date, an end before the
    start, two entries with one id, one alias claimed by two places) raises
    ``BadReference`` with one line naming the file, the entry and the problem,
    as the other reference files do."""
    path = Path(path) if path else REF_DIR / "summits.json"
    data = _read(path)
    rows = data.get("summits") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        _fail(path, None, "expected a list of entries under 'summits'")
    ref = load()
    out: list[SummitRef] = []
    ids: dict[str, int] = {}
    alias_owner: dict[str, str] = {}  # folded alias -> folded place that claims it
    names_seen: dict[str, str] = {}  # folded meeting name -> id of the entry that has it
    for n, row in enumerate(rows, 1):
        entry = _summit_entry(n, row)
        if not isinstance(row, dict):
            _fail(path, entry, "not an object")
        for f in ("id", "kind", "start", "end", "name_nl", "name_en", "source"):
            if not row.get(f):
                _fail(path, entry, f"missing field {f!r}")
        if row["id"] != slugify(row["id"]):
            _fail(path, entry, f"id {row['id']!r} is not a slug")
        if row["id"] in ids:
            _fail(path, entry, f"id {row['id']!r} also used by entry {ids[row['id']]}")
        ids[row["id"]] = n
        if row["kind"] not in SUMMIT_KINDS:
            _fail(path, entry, f"kind {row['kind']!r} is not one of {', '.join(SUMMIT_KINDS)}")
        try:
            start, end = dt.date.fromisoformat(row["start"]), dt.date.fromisoformat(row["end"])
        except (TypeError, ValueError):
            _fail(path, entry, f"dates must be YYYY-MM-DD (start {row['start']!r}, end {row['end']!r})")
        if end < start:
            _fail(path, entry, f"end {end} before start {start}")
        place = row.get("place")
        country = None
        if row.get("country"):
            country = ref.by_iso2.get(row["country"])
            if country is None:
                _fail(path, entry, f"unknown country code {row['country']!r}")
        names: list[str] = []
        if place:
            ent = ref.lookup(place)
            names = [fold(x) for x in ((ent.label, *ent.aliases) if ent is not None and ent.cls == "Place" else (place,))]
            for alias in row.get("place_aliases", ()):
                a = fold(alias)
                owner = alias_owner.setdefault(a, fold(place))
                if owner != fold(place):
                    _fail(path, entry, f"alias {alias!r} is also an alias of the place of another entry")
                names.append(a)
            if row.get("region"):
                names.append(fold(row["region"]))
        for name in (row["name_nl"], row["name_en"], *row.get("aliases", ())):
            owner = names_seen.setdefault(fold(name), row["id"])
            if owner != row["id"]:
                _fail(path, entry, f"name {name!r} is also a name of entry {owner!r}")
        sources = row["source"] if isinstance(row["source"], list) else [row["source"]]
        out.append(SummitRef(key="summit/" + row["id"], kind=row["kind"], start=start, end=end, place=place,
                             country=country, place_names=tuple(dict.fromkeys(names)), label=row["name_nl"],
                             label_en=row["name_en"], source=tuple(sources),
                             aliases=tuple(row.get("aliases", ())), region=row.get("region") or None))
    return tuple(sorted(out, key=lambda s: s.start))


@lru_cache(maxsize=1)
def summits() -> tuple[SummitRef, ...]:
    """Every NATO summit of the reference data, oldest first (read once)."""
    return read_summits()


# A summit the text neither dates nor puts in the past is one within this many days
# of the document (summits are announced a year or two ahead, not more).
_NEAR_DAYS = 3 * 366
_NOTICE_DAYS = 31  # how far ahead an extraordinary summit can be known


def _on_day(s: SummitRef, month: int, day: int | None) -> bool:
    """Does a (month, day) the text gives fall on the summit (any year)?"""
    if day is None:
        return month in (s.start.month, s.end.month)
    if s.start.month == s.end.month:
        return month == s.start.month and s.start.day <= day <= s.end.day
    return (month == s.start.month and day >= s.start.day) or (month == s.end.month and day <= s.end.day)


def place_names(place: str) -> set[str]:
    """The folded names of a place: as written, and its reference names."""
    ent = load().lookup(place)
    names = {fold(place)}
    if ent is not None and ent.cls == "Place":
        names |= {fold(n) for n in (ent.label, *ent.aliases)}
    return names


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
        names = place_names(place)
        cands = [s for s in cands if not names.isdisjoint(s.place_names)]
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
    if doc_date is not None and tense == "future" and kind is None:
        # an extraordinary summit is called at short notice: a letter looking ahead to
        # "de volgende top, in 2022" months before cannot mean one
        cands = [s for s in cands if s.kind != "extraordinary" or (s.start - doc_date).days <= _NOTICE_DAYS]
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


def summit_by_key(key: str) -> SummitRef | None:
    """The reference summit of a key (``summit/vilnius-2023``), or None."""
    return _summits_by_key().get(key)


@lru_cache(maxsize=1)
def _summits_by_key() -> dict[str, SummitRef]:
    return {s.key: s for s in summits()}


def summit_in_country(country: str, year: int) -> SummitRef | None:
    """The one reference summit held in ``country`` (a country key) in ``year``
    ("de NAVO-top in 2016 in Polen"), or None when none or several were."""
    cands = [s for s in summits() if s.country == country and s.start.year == year]
    return cands[0] if len(cands) == 1 else None


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
