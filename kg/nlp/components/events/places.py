"""kg_events, places: a capitalised place name after a meeting word ("NAVO-top in
Vilnius", "de Top van Vilnius", "in het Litouwse Vilnius"), the bridge walk from a
meeting word over "die op 9 en 10 juli jl. in" to its place, date and year, a place
elsewhere in the meeting's sentence, and the key of a place (another component's,
the reference data's, else ``place/<slug>``).

Feeds the meetings' ``schema:location`` (and the places they register as entities).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from kg.dates import DateMention
from kg.nlp.components.docindex import lowers, texts, mentions, sent_bounds, sent_of
from kg.nlp.spans import entity_table, register_entity
from kg.nlp.components.fold import fold, ref_lookup  # fold: memoised kg.slug.fold
from kg.slug import slugify
from kg.nlp.components.events.common import DATA, MONTH_NAMES, _BRIDGE, _ABBREV, Meeting, _is_cap
from kg.nlp.components.events.dates import _season_year


def _place_after(doc: Doc, ns: list[int], k: int) -> tuple[int, int] | None:
    """Token span of a capitalised place name starting at ns[k], if any."""
    if k >= len(ns):
        return None
    first = doc[ns[k]]
    if not _is_cap(first.text) or not any(c.isalpha() for c in first.text) or first.lower_ in _BRIDGE:
        return None
    j = k
    while j + 1 < len(ns) and j - k < 2:
        nxt = doc[ns[j + 1]]
        if (_is_cap(nxt.text) and nxt.text.isalpha() or _ABBREV.match(nxt.text)) and nxt.lower_ not in _BRIDGE \
                and ns[j + 1] == ns[j] + 1 and "\n" not in doc[ns[j]].whitespace_:
            j += 1
        else:
            break
    # "Washington D.C. Daar ...": the longest run of words that names a known place
    while j > k and not _known_place(" ".join(doc[ns[x]].text for x in range(k, j + 1))):
        j -= 1
    return ns[k], ns[j] + 1


def _scan_after(doc, ns, pos, dates, allow_in=True):
    """From ns-position ``pos``, walk over bridge tokens; return (place span, date, year)."""
    place, date, year = None, None, None
    sent_end = sent_bounds(doc, ns[pos - 1])[1] if pos else len(doc)
    k = pos
    steps = 0
    while k < len(ns) and ns[k] < sent_end and steps < 14:
        tok = doc[ns[k]]
        hit = next((d for s, e, d in dates if s <= tok.i < e), None)
        if hit is not None and date is None:
            date = hit
            while k < len(ns) and ns[k] < next(e for s, e, d in dates if d is hit):
                k += 1
            steps += 1
            continue
        if tok.lower_ in MONTH_NAMES and date is None and k + 1 < len(ns) and \
                not re.fullmatch(r"\d{4}", doc[ns[k + 1]].text):  # "de DMM van juni": the month, no year
            month = MONTH_NAMES.index(tok.lower_) + 1
            date = DateMention(tok.idx, tok.idx + len(tok.text), None, month, None, month, None, explicit_year=False)
            k += 1
            steps += 1
            continue
        if tok.lower_ == "van" and place is None and k + 1 < len(ns):  # "de Top van Vilnius"
            ps = _place_after(doc, ns, k + 1)
            if ps is not None and _known_place(doc[ps[0]:ps[1]].text):
                place = ps
                k = ns.index(ps[1] - 1) + 1
                continue
        if tok.lower_ in ("in", "te") and allow_in and k + 1 < len(ns):
            nxt = doc[ns[k + 1]]
            if any(s <= nxt.i < e for s, e, d in dates) or nxt.lower_ in MONTH_NAMES:  # "in (februari) 2021"
                k += 1
                continue
            if re.fullmatch(r"(19|20)\d\d", nxt.text):
                year = int(nxt.text)
                k += 2
                continue
            season = _season_year(doc, ns, k + 1)
            if season is not None and year is None:  # "in het voorjaar van 2009"
                year, k = season
                continue
            if place is None:
                ps = _place_after(doc, ns, k + 1) or _described_place(doc, ns, k + 1)
                if ps is not None:
                    place = ps
                    k = ns.index(ps[1] - 1) + 1
                    continue
            break
        if tok.lower_ in _BRIDGE or tok.like_num or tok.is_punct and tok.text not in ".;:":
            k += 1
            steps += 1
            continue
        break
    return place, date, year


def _described_place(doc, ns, k) -> tuple[int, int] | None:
    """``in het Welshe Newport``, ``in het Litouwse Vilnius``, ``in de Poolse hoofdstad
    Warschau``: the known place after "het" and a capitalised adjective of its region or
    country, or after "de", such an adjective and a noun of a town (news style), or None."""
    lw = lowers(doc)
    if k + 2 >= len(ns) or lw[ns[k]] not in ("het", "de"):
        return None
    adj = texts(doc)[ns[k + 1]]
    if not (adj[:1].isupper() and adj.isalpha() and adj.endswith("e")) or _known_place(adj):
        return None
    town = lw[ns[k + 2]] in DATA["town_nouns"]
    if lw[ns[k]] == "de" and not town:
        return None
    ps = _place_after(doc, ns, k + 2 + int(town))
    return ps if ps is not None and _known_place(doc[ps[0]:ps[1]].text) else None


def _known_place(name: str) -> bool:
    """Is ``name`` a place of the reference data or of a reference summit ("Wales")?"""
    if _reference_key(name, ("Place",)):
        return True
    return fold(name) in _summit_place_names()


@lru_cache(maxsize=1)
def _summit_place_names() -> frozenset[str]:
    """The folded place names of every reference summit (``kg.reference.summits`` is read once;
    this is its set of names, so a lookup is not a scan of every summit)."""
    from kg.reference import summits

    return frozenset(n for s in summits() for n in s.place_names)


def _place_before(doc: Doc, ns: list[int], k: int) -> tuple[int, int] | None:
    """``in Rome voor een bijeenkomst van ...``: a known place after "in" shortly before."""
    lo = sent_bounds(doc, ns[k])[0]
    for j in range(k - 1, max(0, k - 7), -1):
        if ns[j] < lo:
            break
        if lowers(doc)[ns[j - 1]] == "in" and _is_cap(texts(doc)[ns[j]]) and _known_place(texts(doc)[ns[j]]):
            return ns[j], ns[j] + 1
    return None


def _place_in_sentence(doc: Doc, m: Meeting, before: bool = False, others=()) -> tuple[int, int] | None:
    """``kwamen de ministers ... bijeen op het NAVO-hoofdkwartier in Brussel``: a known
    place after ``in`` later in the meeting's sentence (or, when the sentence says
    the meeting was held, earlier in it: "vond op het NAVO-hoofdkwartier in Brussel
    een vergadering plaats"). Not past another meeting's mention (``others``): "de
    laatste bijeenkomst van de ministers voor de NAVO-top in Den Haag" is not in Den Haag."""
    sent = sent_of(doc, doc[m.start])
    after_end = min([o.start for o in others if m.end <= o.start < sent.end], default=sent.end)
    before_start = max([o.end for o in others if sent.start <= o.end <= m.start], default=sent.start)
    spans = [doc[m.end:after_end], *([doc[before_start:m.start]] if before else [])]
    for n_part, part in enumerate(spans):
        for t in part:
            if t.text == ";" and n_part == 0:
                break  # "vond plaats via een videoverbinding; X nam vanuit Den Haag deel": another clause
            at = t.lower_ in ("in", "te") or t.lower_ == "het" and t.i > sent.start and doc[t.i - 1].lower_ == "op"
            if not at or t.i + 1 >= sent.end:
                continue
            nxt = doc[t.i + 1]
            for n in (2, 1):
                cand = doc[nxt.i:min(nxt.i + n, sent.end)]
                if _is_cap(cand.text) and _reference_key(cand.text) and \
                        _reference_key(cand.text).startswith("place/"):
                    return cand.start, cand.end
    return None


def _lookup(doc: Doc, name: str, classes=("Place", "Country")) -> str | None:
    """The key another component gave an entity with this name in this doc."""
    want = fold(name)
    for key, info in entity_table(doc).items():
        if info["cls"] in classes and (fold(info["label"]) == want or want in {fold(a) for a in info["alt_labels"]}):
            return key
    for span in mentions(doc):
        if span.label_ in classes and fold(span.text) == want:
            return span.kb_id_
    return None


def _reference_key(name: str, classes=("Place", "Country")) -> str | None:
    """The reference data's key for a place name (``Washington`` -> Washington D.C.)."""
    try:
        from kg import reference

        ent = ref_lookup(reference.load(), name)
    except Exception:  # reference data missing or broken: fall back to the text
        return None
    return ent.key if ent is not None and ent.cls in classes else None


def _place_key(doc: Doc, name: str) -> str:
    key = _lookup(doc, name) or _reference_key(name)
    if key is not None and key not in entity_table(doc):
        from kg import reference

        ent = reference.load().get(key)
        register_entity(doc, key, ent.cls, ent.label, alt_labels=[name] if name != ent.label else (),
                        same_as=ent.same_as)
    if key is None:
        key = "place/" + slugify(name)
        register_entity(doc, key, "Place", name)
    return key
