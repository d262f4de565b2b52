"""kg_events, which summit a mention is: the one reference summit of
``ontology/reference/summits.json`` (``kg.reference.match_summit``) that the
mention's place, date, year (its own, its clause's, "volgend jaar"), length, kind
and the sentence's tense fit against the letter's date; a mention that gives only
a place is the summit another mention of that place resolved to. A mention that
fits none keeps a document-scoped key (``summit/~tallinn``); never the letter's
year by default.

Feeds the summits' keys, labels and alternative names (``rdfs:label``,
``skos:altLabel``), and, through the reference summit, their dates and host city.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from spacy.tokens import Doc

from kg.reference import SummitRef, match_summit, place_names, summit_in_country, unmatched_summit_key
from kg.nlp.components.docindex import lowers, texts, sent_bounds, spaces
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.components.fold import fold  # fold: memoised kg.slug.fold
from kg.slug import slugify
from kg.nlp.components.events.common import DATA, MONTH_NAMES, Meeting
from kg.nlp.components.events.dates import _tense, _relative_year, _context_year
from kg.nlp.components.events.places import _known_place, _place_in_sentence, _reference_key


def _summit_slug(place: str) -> str:
    """``Washington D.C.`` and ``Washington`` name one summit city."""
    words = [w for w in place.split() if fold(w).strip(".") not in DATA.get("ignored_place_words", ["d.c", "dc"])]
    return slugify(" ".join(words) or place)


def _summit_of_text_dates(doc: Doc, place: str, dates) -> SummitRef | None:
    """The one summit at ``place`` on whose days the text's dates fall ("de tweede dag
    van de NAVO-top in Vilnius" ... "woensdag 12 juli"), if exactly one is."""
    hits = set()
    for _s, _e, d in dates:
        if not d.is_day:
            continue
        ref = match_summit(place, year=d.year if d.explicit_year else None, month=d.month1, day=d.day1)
        if ref is not None:
            hits.add(ref)
    return hits.pop() if len(hits) == 1 else None


def _own_relative_year(doc: Doc, m: Meeting, doc_date) -> tuple[int, int] | None:
    """``de NAVO-top van volgend jaar``, ``de vorig jaar gehouden top in Madrid``: a
    relative year that stands in the mention's own phrase, as (the year, the token
    its phrase ends at). One elsewhere in the sentence may be another clause's
    ("spraken op de top in Washington af om Oekraïne volgend jaar ... te steunen")."""
    if doc_date is None:
        return None
    lw, space = lowers(doc), spaces(doc)
    lo, hi = sent_bounds(doc, m.start)
    words = [i for i in range(lo, hi) if not space[i]]
    at = {i: n for n, i in enumerate(words)}
    first, last = at.get(m.start), at.get(m.end - 1)
    if first is None or last is None:
        return None
    sent_words = [lw[i] for i in words]
    for parts, delta in _RELATIVE_YEARS:
        n = len(parts)
        for k in range(len(words) - n + 1):
            if sent_words[k:k + n] != parts:
                continue
            # after it, over "van"/"die"/"in" only; or right before it, at most one word between
            after = k > last and all(lw[words[x]] in _OWN_YEAR_BRIDGE for x in range(last + 1, k))
            before = k + n <= first and first - (k + n) <= 1
            if after or before:
                # "de NAVO-top van volgend jaar" names it so; "de top die volgend jaar ..." does not
                named = after and [lw[words[x]] for x in range(last + 1, k)] == ["van"]
                return doc_date.year + delta, (words[k + n - 1] + 1 if named else m.end)
    return None


_OWN_YEAR_BRIDGE = frozenset({"van", "die", "dat", "in"})
_RELATIVE_YEARS = [(phrase.split(), delta) for phrase, delta in DATA["relative_years"].items()]  # "volgend jaar": +1


def _clause_years(doc: Doc, m: Meeting, others: list[Meeting]) -> set[int]:
    """The years a summit mention's sentence dates itself by: ``in 2014``, ``in september
    2014`` (only after "in": ``sinds 2018``, ``tot 2024`` are spans, not the time of the
    clause), less the years that belong to another summit named in the sentence."""
    lw, tx, space = lowers(doc), texts(doc), spaces(doc)
    lo, hi = sent_bounds(doc, m.start)
    out = set()
    for i in range(lo, hi):
        if not (len(tx[i]) == 4 and tx[i].isdigit() and 1949 <= int(tx[i]) <= 2100):
            continue
        j = i - 1
        while j >= lo and space[j]:
            j -= 1
        if j >= lo and lw[j] in MONTH_NAMES:  # "in september 2014"
            j -= 1
            while j >= lo and space[j]:
                j -= 1
        if j >= lo and lw[j] == "in":
            out.add(int(tx[i]))
    theirs = {o.year for o in others if o is not m and o.year and lo <= o.start < hi}
    return out - theirs


def _summit_of_clause_years(doc: Doc, m: Meeting, summits: list[Meeting], doc_date, tense, month, day,
                            relative) -> SummitRef | None:
    """The one reference summit at the mention's place that a year of its sentence
    (``_clause_years``, or a relative year such as "vorig jaar") fits, agreeing with
    the sentence's tense against the document's date; None when none or several do."""
    years = _clause_years(doc, m, summits) | ({relative} if relative else set())
    hits = set()
    for y in years:
        ref = match_summit(m.place, year=y, month=month, day=day, days=m.days, kind=m.kind or None)
        if ref is None:
            continue
        if doc_date is not None and (tense == "past" and ref.start > doc_date
                                     or tense == "future" and ref.end < doc_date):
            continue
        hits.add(ref)
    return hits.pop() if len(hits) == 1 else None


def _resolve_summits(doc: Doc, summits: list[Meeting], doc_date, dates=()) -> None:
    """Give every summit mention its reference summit (``kg.reference.match_summit``),
    then a key: the reference summit's, or, for a mention that fits none, a key
    that ``kg.resolve`` scopes to this document (``summit/~<place>``).

    A mention that gives a date, a year ("in 2014", "volgend jaar"), a length or
    its kind is matched on those; one that gives only a place is the summit
    another mention of that place in this document resolved to, else the one
    the document's date and the sentence's tense point at."""
    host_names = _host_country_summits(summits)
    for m in summits:
        if m.ref is not None:
            continue
        tense = _tense(doc, m.start)
        own = None if m.year else _own_relative_year(doc, m, doc_date)
        clause_rel = None if m.year or own else _relative_year(doc, m.start, doc_date)
        year = m.year or (own[0] if own else None)
        if own and own[1] > m.end:  # "de NAVO-top van volgend jaar": that is its name here
            m.end = own[1]
        month = m.date.month1 if m.date is not None else None
        day = m.date.day1 if m.date is not None else None
        if year is None and m.place is not None:
            # "In 2014 spraken de bondgenoten op de top in Wales af": a year of its clause
            # that one summit at that place fits
            m.ref = _summit_of_clause_years(doc, m, summits, doc_date, tense, month, day, clause_rel)
            if m.ref is not None:
                m.stated = True
                continue
        # a relative year elsewhere in the sentence that fits no summit: nothing is guessed
        # from the place alone ("volgend jaar" may be this summit's year)
        m.stated = bool(year or month or m.days or m.kind or clause_rel)
        if m.stated and clause_rel is not None:  # "De volgende NAVO-top wordt volgend jaar ... gehouden"
            if m.place is None:  # "de NAVO-top die later dit jaar in Madrid plaatsvindt": its clause places it
                _clause_place(doc, m, summits)
            m.ref = match_summit(m.place, year=clause_rel, month=month, day=day, days=m.days, kind=m.kind or None,
                                 doc_date=doc_date, tense=tense)
            if m.ref is not None and m.place is None and not _fits_sentence(doc, m, m.ref, summits):
                m.ref = None  # the year's other summit, where the sentence names a city it was not held in
            if m.ref is not None or month is None:
                continue
        if m.stated:
            if year is None and month is not None and doc_date is not None:
                # "de top van 11 en 12 juli", "in juli": the year the document's date and the
                # tense give that day; a month recalled ("in juli") may be of an earlier year
                m.ref = match_summit(m.place, year=_context_year(doc, m, doc_date).year, month=month, day=day,
                                     days=m.days, kind=m.kind or None)
                if m.ref is None and day is None and tense == "past":
                    m.ref = match_summit(m.place, month=month, day=day, days=m.days, kind=m.kind or None,
                                         doc_date=doc_date, tense=tense)
            else:
                m.ref = match_summit(m.place, year=year, month=month, day=day, days=m.days, kind=m.kind or None,
                                     doc_date=doc_date, tense=tense)
            if m.ref is None and m.place is not None and year:  # a date of a side event: the year still holds
                m.ref = match_summit(m.place, year=year)
            if m.ref is not None and m.place is None and not _fits_sentence(doc, m, m.ref, summits):
                m.ref = None
    for m in summits:
        if m.ref is not None or m.place is None:
            continue
        names = place_names(m.place)
        same = [o for o in summits if o.ref is not None and not names.isdisjoint(o.ref.place_names)]
        earlier = [o for o in same if o.start < m.start]
        if same:
            m.ref = (earlier[-1] if earlier else same[0]).ref
        elif not m.stated:
            m.ref = match_summit(m.place, doc_date=doc_date, tense=_tense(doc, m.start))
    for m in summits:
        if m.ref is None and m.place is not None and not m.stated:
            m.ref = _summit_of_text_dates(doc, m.place, dates)
    found = {m.ref.key: m.ref for m in summits if m.ref is not None}
    for m in summits:
        if m.ref is None and m.place is None and m.kind and len(found) == 1:
            m.ref = next(iter(found.values()))  # "deze Leaders' Meeting": the one of this text
    for m in summits:
        if m.ref is not None:
            m.key, m.label, m.alt = m.ref.key, m.ref.label, [m.ref.label_en, *m.ref.aliases, *_generic_names(m.ref)]
            if id(m) in host_names:
                m.alt.append(host_names[id(m)])
        elif m.place is not None and _known_place(m.place) and not m.needs_ref:
            m.key = unmatched_summit_key(_summit_slug(m.place))
            m.label = f"NAVO-top {m.place}"


def _clause_place(doc: Doc, m: Meeting, summits: list[Meeting]) -> None:
    """``de NAVO-top die later dit jaar in Madrid plaatsvindt``: a known place after "in" in
    the mention's own clause (no comma between) is its place (``m.place``)."""
    span = _place_in_sentence(doc, m, others=[o for o in summits if o is not m])
    if span is None or "," in doc_text(doc)[doc[m.end - 1].idx:doc[span[0]].idx]:
        return
    m.place, m.place_span = doc[span[0]:span[1]].text, span


def _host_country_summits(summits: list[Meeting]) -> dict[int, str]:
    """``De volgende NAVO-top vindt in 2016 in Polen plaats``: a mention "in" a country
    with a year of its own is the one reference summit that country hosted that year
    (none when it hosted none or two). The country is no place of the summit: the
    mention keeps no place. Returns id(mention) -> its name by country and year
    ("NAVO-top Polen 2016")."""
    names = {}
    for m in summits:
        if m.place is None or not m.year or _known_place(m.place):
            continue
        country = _reference_key(m.place, ("Country",))
        ref = summit_in_country(country, m.year) if country else None
        if ref is None:
            continue
        m.ref, m.stated = ref, True
        names[id(m)] = f"NAVO-top {m.place} {m.year}"
        m.place = m.place_span = None
    return names


def _fits_sentence(doc: Doc, m: Meeting, ref: SummitRef, summits: list[Meeting]) -> bool:
    """Does what the sentence of a mention named by its date alone ("de top, maandag
    10 juli") say agree with the summit it matched: the weekday before the date falls
    on that day in the summit's year, and a city it is "in" is the summit's city."""
    d = m.date
    if d is not None and d.day1 is not None:
        before = doc_text(doc)[max(0, d.start_char - 12):d.start_char].lower().split()
        wd = _WEEKDAYS.get(before[-1].strip(",")) if before else None
        if wd is not None:
            try:
                if dt.date(ref.start.year, d.month1, d.day1).weekday() != wd:
                    return False
            except ValueError:
                return False
    place = _place_in_sentence(doc, m, before=True, others=[o for o in summits if o is not m])
    return place is None or fold(doc[place[0]:place[1]].text) in ref.place_names


_WEEKDAYS = {w: i for i, w in enumerate(("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"))}


def _generic_names(ref: SummitRef) -> list[str]:
    """``NAVO-top Brussel 2017``: the plain name of a reference summit ("speciale NAVO-top
    Brussel 2017", "NAVO-top Brussel mei 1989" name it otherwise), as texts name any
    summit; none when another summit was held at that place that year."""
    if not ref.place or ref.start is None:
        return []
    if _summits_at(ref.place, ref.start.year) > 1:
        return []
    # a leaders' meeting also goes by NATO's own English name ("NATO Leaders Meeting")
    names = [f"NAVO-top {ref.place} {ref.start.year}"] + (
        [f"NATO Leaders Meeting {ref.place} {ref.start.year}"] if ref.kind == "leaders-meeting" else [])
    return [n for n in names if n != ref.label and n not in ref.aliases]


@lru_cache(maxsize=None)
def _summits_at(place: str, year: int) -> int:
    """How many reference summits were held at ``place`` in ``year``."""
    from kg.reference import summits

    return sum(1 for s in summits() if s.place == place and s.start is not None and s.start.year == year)
