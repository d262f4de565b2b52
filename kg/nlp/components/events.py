"""Component kg_events: NATO summits, ministerials and their sessions.

A summit mention is named by place ("NAVO-top in Vilnius", "de Madrid-top"),
by date ("de NAVO-top van 11 en 12 juli") or by kind ("Leaders' Meeting",
"speciale bijeenkomst van staatshoofden en regeringsleiders"); what it states
(place, its own date or year, "volgend jaar", "driedaagse", the sentence's
tense) and the letter's date pick one summit of ``ontology/reference/summits.json``
(``kg.reference.match_summit``), whose key (``summit/vilnius-2023``), dates and
host city it gets. A mention that gives nothing but a place is the summit
another mention of that place in the document resolved to, else the one at that
place that the letter's date and the sentence's tense point to (the last one
before the letter for the past, the next one for the future, within three
years). Never the letter's year by default: a mention that fits no summit
keeps a document-scoped key (``summit/~tallinn``).
Ministerials are keyed by kind + year-month of their start
(``ministerial/fmm-2024-04``, ``kg.reference.ministerial_key``); a date without
a year is read from the letter's date and tense, and an undated ministerial is
document-scoped. Sessions come from the document's structure: headings
(``Werksessie 2: NATO-Ukraine Council``) and council meetings named in the
text, keyed by the meeting and the content words of their name.

What the extract stage needs later (dates, places, session scopes) is left in
``doc.user_data["kg_events"]``; every mention is a span in ``doc.spans["kg"]``.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from kg.dates import DateMention, document_date, find_dates
from kg.reference import SummitRef, match_summit, ministerial_key, place_names, session_key, summit_in_country, unmatched_summit_key
from kg.nlp.components.docindex import lowers, memo, texts, mentions, non_space, sent_bounds, sent_of, span_text, spaces, words_where
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.components.docindex import mentions_from
from kg.nlp.spans import add_mention, entity_table, register_entity
from kg.nlp.components.fold import fold, ref_lookup  # fold: memoised kg.slug.fold
from kg.slug import slugify

DATA = json.loads(Path(__file__).with_name("events.json").read_text(encoding="utf-8"))
MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"]
# Tokens that may stand between a meeting word and its place/date ("die op 9 en 10 juli jl. in").
_BRIDGE = {"die", "dat", "op", "van", "tot", "en", "met", "jl.", "jl", "a.s.", "j.l.", "aanstaande", "afgelopen",
           "vorig", "vorige", "komende", "(", ")", ",", "–", "-", "t/m", "vindt", "plaats", "heeft", "wordt",
           "is", "zal", "dinsdag", "woensdag", "donderdag", "vrijdag", "maandag", "zaterdag", "zondag",
           *MONTH_NAMES, *DATA["held_bridge"], *DATA["date_bridge"]}
_SEASONS = frozenset(DATA["season_words"])
_ABBREV = re.compile(r"^(?:[A-Z]\.)+$")
_NOT_MEETING_CONTEXT = {"commissiedebat", "debat", "ao", "notaoverleg", "schriftelijk"}
_PAST, _FUTURE = frozenset(DATA["past_words"]), frozenset(DATA["future_words"])
# "wordt gehouden", "worden gemaakt": a participle with a present passive is no past
# (unless a perfect "is/zijn gemaakt" stands there too)
_PRESENT_PASSIVE, _PARTICIPLES = frozenset(DATA["present_passive"]), frozenset(DATA["past_participles"])
_PERFECT = frozenset(DATA["perfect_auxiliaries"])
_HELD = frozenset(DATA["held_words"])
_TENSE_WINDOW = 15  # tokens either side of a mention that say its tense
_NOT_NATO = frozenset(DATA["not_nato_summit_words"])
_DOCUMENT_WORDS = frozenset({"agenda", "verslag", "kabinetsinzet", "inzet", "geannoteerde"})
_GATHERINGS = frozenset({"bijeenkomst", "vergadering", "navo-bijeenkomst"})
_MEETING_ADJECTIVES = frozenset({"formele", "informele", "gezamenlijke", "buitengewone", "extra"})
_YEAR_BRIDGE = frozenset(DATA["year_bridge"])  # "in 2006 tijdens de NAVO-top"
_SESSION_NOUNS = frozenset(DATA["session_nouns"])
_GATHERING_SUFFIXES = tuple("-" + n for n in DATA["session_nouns"])  # "ISAF-bijeenkomst"
_KIND_RX = {k: re.compile(p, re.IGNORECASE) for k, p in DATA["summit_kind_patterns"].items()}
_KIND_RX_ALL = [*_KIND_RX.items(), *((k, re.compile(p, re.IGNORECASE))
                                     for k, p in DATA["summit_kind_patterns_government"].items())]


@dataclass
class Meeting:
    """One mention of a summit or ministerial, before identity is settled."""

    start: int  # token span of the mention
    end: int
    cls: str  # "Summit" | "MinisterialMeeting"
    kind: str = ""  # ministerial kind: fmm, dmm, joint, ministerial
    place: str | None = None  # surface form of the place
    place_span: tuple[int, int] | None = None
    date: DateMention | None = None
    year: int | None = None
    key: str = ""
    label: str = ""
    alt: list[str] = field(default_factory=list)  # further names ("FMM april 2024")
    days: int | None = None  # a stated length: "driedaagse NAVO-top"
    ref: SummitRef | None = None  # the reference summit the mention resolved to
    stated: bool = False  # the text dates the mention or names its kind (more than a place name)
    anaphor: bool = False  # "de ministers kwamen op ... bijeen": dates a ministerial named elsewhere, names none
    date_at: tuple[int, int] | None = None  # the mention whose date it took from (its sentence states it)
    needs_ref: bool = False  # names a summit only as a reference summit ("bijeenkomst van regeringsleiders")
    named: bool = True  # its words name the meeting (not so the subject of "komen de regeringsleiders bijeen")
    theirs: bool = False  # "(de ministers van X ...) hun bijeenkomst op ...": its kind is its own, not the letter's


@dataclass
class Session:
    """A session of the document's main meeting and the text it covers."""

    key: str
    label: str
    start: int  # token span of the mention (heading or body name)
    end: int
    scopes: list[tuple[int, int]] = field(default_factory=list)  # char ranges of its text
    body: str | None = None  # key of the council/commission that meets
    heading: bool = False  # announced by a heading of the document


def _doc_year(doc: Doc) -> int | None:
    """The letter's year: from metadata a caller left, else the first dated expression."""
    meta = doc.user_data.get("kg_meta") or {}
    if meta.get("year"):
        return int(meta["year"])
    if meta.get("date"):
        return int(str(meta["date"])[:4])
    for d in find_dates(doc_text(doc)[:3000]):
        if d.year is not None and d.is_day:
            return d.year
    # a news item dated only by its numeric date line ("Nieuwsbericht | 12-02-2031"):
    # "donderdag 13 februari" in its text is of that year
    found = document_date(doc_text(doc))
    return found.year if found is not None else None


def _doc_date(doc: Doc):
    """The document's own date (its ``Den Haag, <date>`` or date line), else the
    first explicit day-date of its opening: the point in time that "volgend
    jaar", "jl." and the tense of a sentence are read from. None if neither."""
    meta = doc.user_data.get("kg_meta") or {}
    if meta.get("date"):
        return meta["date"]
    text = doc_text(doc)
    found = document_date(text) or _header_date(text)
    if found is not None:
        return found
    for d in find_dates(text[:3000]):
        if d.year is not None and d.is_day and d.explicit_year:
            return d.start
    return None


def _header_date(text: str):
    """The date the document's metadata reads from its header when no letter or news
    date line gives one (an answer's ``(ontvangen 14 juni 2011)``, ``Vastgesteld …``):
    the answers' date, not the earlier ``(ingezonden …)`` of the questions, is the
    point "jl." looks back from."""
    from kg.extract.metadata import find_date  # the extract stage's reading; imported late (stage order)

    return find_date(text)[0]


def _tense(doc: Doc, i: int) -> str | None:
    """``past`` or ``future`` from the words near token ``i`` in its sentence
    ("jl.", "vond plaats", "a.s.", "zal"), None when it says neither or both."""
    sent = sent_of(doc, doc[i])
    # the words around the mention: a long sentence (or a header run into one) can
    # hold another clause's tense
    words = set(lowers(doc)[max(sent.start, i - _TENSE_WINDOW):min(sent.end, i + _TENSE_WINDOW)])
    if words & _PRESENT_PASSIVE and not words & _PERFECT:  # "de top die in Londen wordt gehouden": now or to come
        words -= _PARTICIPLES
    past, future = bool(words & _PAST), bool(words & _FUTURE)
    return "past" if past and not future else "future" if future and not past else None


def _relative_year(doc: Doc, i: int, doc_date) -> int | None:
    """``volgend jaar`` / ``vorig jaar`` in the sentence of token ``i``: that year."""
    if doc_date is None:
        return None
    sent = sent_of(doc, doc[i])
    low = " ".join(lowers(doc)[sent.start:sent.end])
    if "zomer" in low:  # "afgelopen zomer": the summer before the letter, "komende zomer" the next
        if re.search(r"\b(?:afgelopen|vorige) zomer\b", low):
            return doc_date.year if doc_date.month >= 9 else doc_date.year - 1
        if re.search(r"\b(?:komende|aankomende|volgende) zomer\b", low):
            return doc_date.year if doc_date.month < 6 else doc_date.year + 1
    for phrase, delta in DATA["relative_years"].items():
        if re.search(r"\b" + re.escape(phrase) + r"\b", low):
            return doc_date.year + delta
    return None


def _ns(doc: Doc) -> list[int]:
    """Indices of the non-whitespace tokens (line breaks are not words)."""
    return non_space(doc)


def _is_cap(text: str) -> bool:
    return bool(text) and (text[0].isupper() or bool(_ABBREV.match(text))) and not text[0].isdigit()


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


def _title(text: str) -> str:
    """``WASHINGTON D.C.`` -> ``Washington D.C.``; mixed case is kept."""
    if text.isupper() and len(text) > 3:
        return " ".join(w if _ABBREV.match(w) else w.capitalize() for w in text.split())
    return text


def _dates_by_token(doc: Doc, year: int | None) -> list[tuple[int, int, DateMention]]:
    """Date mentions with their token span."""
    out = []
    for d in find_dates(doc_text(doc), year):
        span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end, d))
    return out


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


def _season_year(doc, ns, k) -> tuple[int, int] | None:
    """``het voorjaar van 2009``, ``de eerste helft van 2026``, ``begin 2027`` from
    ns-position ``k``: (the year, the ns-position after it), or None."""
    lw = lowers(doc)
    j, seen = k, False
    while j < len(ns) and j - k < 5:
        w = lw[ns[j]]
        if re.fullmatch(r"(19|20)\d\d", w):
            return (int(w), j + 1) if seen else None
        if w in _SEASONS:
            seen = True
        elif w not in ("het", "de", "van"):
            return None
        j += 1
    return None


def _date_before(doc, ns, pos, dates):
    """A date that ends shortly before ns-position ``pos`` in the same sentence."""
    tok = doc[ns[pos]]
    best = None
    for s, e, d in dates:
        if e <= tok.i and s >= sent_bounds(doc, tok.i)[0] and tok.i - e <= 4 and \
                "\n" not in doc_text(doc)[d.end_char:tok.idx]:  # a date line above is not the meeting's
            best = d
    return best


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


def _year_before(doc: Doc, ns: list[int], k: int) -> int | None:
    """``in 2006 tijdens de NAVO-top``: a year a few bridge words before ns-position ``k``."""
    lo = sent_bounds(doc, ns[k])[0]
    for j in range(k - 1, max(-1, k - 5), -1):
        if ns[j] < lo:
            break
        t = texts(doc)[ns[j]]
        if re.fullmatch(r"(19|20)\d\d", t):
            # "in 2006 tijdens de NAVO-top": the year of an "in" phrase, not "tot 2030 op de top"
            return int(t) if j and lowers(doc)[ns[j - 1]] == "in" else None
        if lowers(doc)[ns[j]] not in _YEAR_BRIDGE:
            break
    return None


def _days_before(doc: Doc, ns: list[int], k: int) -> int | None:
    """``de driedaagse NAVO-top``: the stated length, in days."""
    for j in range(k - 1, max(-1, k - 3), -1):
        n = DATA["duration_words"].get(lowers(doc)[ns[j]])
        if n:
            return n
    return None


def _year_after(doc: Doc, ns: list[int], k: int) -> int | None:
    """``NAVO-top in Wales (2014)``, ``de top van 2023``: a year right after ns-position ``k``."""
    for j in range(k, min(k + 3, len(ns))):
        t = texts(doc)[ns[j]]
        if re.fullmatch(r"(19|20)\d\d", t):
            return int(t)
        if t not in ("(", "van", "in"):
            break
    return None


def _summits(doc: Doc, ns: list[int], dates) -> list[Meeting]:
    words = set(DATA["summit_words"])
    adjectives = DATA["place_adjectives"]
    suffixes = tuple(DATA["summit_suffixes"])  # str.endswith takes a tuple: one C call per word
    out: list[Meeting] = []
    lw, tx = lowers(doc), texts(doc)  # per-doc arrays: no Token per word
    pos = _Positions(ns)
    # only a summit word or a word ending in one ("Vilniustop") can start a mention
    for k in words_where(doc, "LOWER", "events.summit_words", lambda w: w in words or w.endswith(suffixes)):
        i = ns[k]
        low = lw[i]
        start, place_span, place_text = i, None, None
        named_nato = low != "top"
        if low in words:
            prev = doc[ns[k - 1]] if k else None
            if prev is not None and prev.lower_ in _NOT_NATO and low in ("top", "summit", "topbijeenkomst"):
                continue  # "de Europese top", "de G20-top": another organisation's summit
            if prev is not None and prev.lower_ in adjectives:
                start, place_text = prev.i, adjectives[prev.lower_]
            elif prev is not None and prev.lower_ in DATA["summit_prefix_words"]:
                start, named_nato = prev.i, True
            elif prev is not None and _is_cap(prev.text) and _known_place(prev.text):
                start, place_text = prev.i, prev.text  # "de Washington Summit"
        elif low.endswith(suffixes) and low not in words:
            stem = tx[i].rsplit("-", 1)[0]
            if not _is_cap(stem) or fold(stem) in ("navo", "nato"):
                continue
            prev = doc[ns[k - 1]] if k else None
            if _ABBREV.match(stem) and prev is not None and _is_cap(prev.text):
                start, place_text = prev.i, prev.text + " " + stem
            else:
                place_text = stem
            if not _known_place(place_text):
                continue  # "EU-top", "G7-top": not a NATO summit
        else:
            continue
        place, date, year = _scan_after(doc, ns, k + 1, dates)
        if place is not None and place_text is None:
            place_span = place
            place_text = _title(doc[place[0]:place[1]].text)
        if date is None and year is None:
            date = _date_before(doc, ns, k, dates)
        year = year or _year_before(doc, ns, pos.get(start, k)) or _year_after(doc, ns, k + 1)
        if low == "top" and not named_nato and place_text is None and date is None and year is None:
            continue  # a bare "de top" is an anaphor, not a name
        end = max(i + 1, place[1] if place else i + 1)
        kpos = pos.get(start, k)
        kind = DATA["summit_kind_words"].get(lw[ns[kpos - 1]], "") if kpos else ""  # "een buitengewone NAVO-top"
        out.append(Meeting(start, end, "Summit", kind=kind, place=place_text, place_span=place_span, date=date,
                           year=year or (date.year if date is not None and date.explicit_year else None),
                           days=_days_before(doc, ns, kpos)))
    return out


def _kind_matches(text: str, low: str, rx: re.Pattern, anchor: str) -> list[tuple[int, int]]:
    """Spans of ``rx`` in ``text`` that hold the word ``anchor``: the pattern is only
    tried in a short window around each occurrence of that word (the whole text
    would be scanned at every position)."""
    out: list[tuple[int, int]] = []
    at = low.find(anchor)
    while at >= 0:
        lo = max(0, at - 60, out[-1][1] if out else 0)
        for m in rx.finditer(text, lo, min(len(text), at + 120)):
            if m.start() <= at < m.end():
                out.append(m.span())
                break
        at = low.find(anchor, at + len(anchor))
    return out


def _kind_summits(doc: Doc, ns: list[int], dates, taken: list[Meeting]) -> list[Meeting]:
    """Summits named by their kind: "NAVO Leaders' Meeting", "(speciale) bijeenkomst van
    staatshoofden en regeringsleiders (van de NAVO)"."""
    text = doc_text(doc)
    low = text.lower()
    if "leaders" not in low and "staatshoofden" not in low and "regeringsleiders" not in low:
        return taken
    out: list[Meeting] = []
    pos = _Positions(ns)
    for name, rx in _KIND_RX_ALL:
        anchor = "leaders" if name == "leaders-meeting" else "staatshoofden" if name in _KIND_RX else "regeringsleiders"
        for a, b in _kind_matches(text, low, rx, anchor):
            m = rx.match(text, a, b)
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            # "bijeenkomst van regeringsleiders": no kind of its own (it names a summit only by
            # a place or date that fits one, never as the one summit of the text)
            kind = "leaders-meeting" if name == "leaders-meeting" else "" if name not in _KIND_RX else \
                DATA["summit_kind_words"].get((m.group(1) or "").lower())
            k_end = pos.get(span.end - 1)
            k_start = pos.get(span.start)
            if k_end is None or k_start is None:
                continue
            place, date, year = _scan_after(doc, ns, k_end + 1, dates)
            end = span.end
            if place is not None and place[0] <= span.end + 1:  # "bijeenkomst van regeringsleiders in Londen"
                end = place[1]
            if date is None:
                date = _date_before(doc, ns, k_start, dates)
            if place is None:
                place = _place_before(doc, ns, k_start)
            mt = Meeting(span.start, end, "Summit", kind=kind or "",
                         place=_title(doc[place[0]:place[1]].text) if place else None, place_span=place, date=date,
                         year=year or (date.year if date is not None and date.explicit_year else None),
                         needs_ref=name not in _KIND_RX)
            out.append(mt)
    # a summit word inside a kind phrase ("NAVO-top van staatshoofden ...") is the same mention
    keep = [m for m in taken if not any(o.start <= m.start < o.end for o in out)]
    for o in out:
        inner = [m for m in taken if o.start <= m.start < o.end]
        for m in inner:  # what the summit word found is not lost
            o.place, o.place_span = o.place or m.place, o.place_span or m.place_span
            o.date, o.year = o.date or m.date, o.year or m.year
    return sorted(keep + out, key=lambda m: m.start)


_LEADERS = frozenset(DATA["leaders_words"])
_LEADERS_OF = frozenset(DATA["leaders_of_nato"])


def _leaders_phrase(lw: list[str], idx: list[int], a: int) -> tuple[int, int] | None:
    """``de (NAVO-)regeringsleiders``, ``de staatshoofden en regeringsleiders van de NAVO``,
    ``de leiders van de 28 NAVO-landen`` from position ``a`` of the clause's words ``idx``:
    (position of its head noun, position after it), or None. A complement may only name
    NATO or its members: "de leiders van de G8", "de Europese regeringsleiders" are none."""
    k = a + (a < len(idx) and lw[idx[a]] == "de")
    head = k
    if k >= len(idx) or lw[idx[k]] not in _LEADERS:
        return None
    k += 1
    if k + 1 < len(idx) and lw[idx[k]] == "en" and lw[idx[k + 1]].lstrip("-") in _LEADERS:
        k += 2  # "staatshoofden en (-)regeringsleiders"
    if k < len(idx) and lw[idx[k]] == "van":
        j = k + 1 + (k + 1 < len(idx) and lw[idx[k + 1]] == "de")
        if j < len(idx) and (lw[idx[j]].isdigit() or lw[idx[j]] in DATA["number_words"]):
            j += 1
        if j >= len(idx) or lw[idx[j]] not in _LEADERS_OF:
            return None
        k = j + 1
    return head, k


def _leaders_gathering(doc: Doc, ns: list[int], dates, taken: list[Meeting]) -> list[Meeting]:
    """``Volgende zomer komen de regeringsleiders bijeen in Warschau``, ``De leiders van de
    NAVO-landen komen in december in Londen bijeen``: the allies' leaders gathering in a
    place at a stated time (a date, a month, a year, "volgend jaar", "komende zomer"). Such a
    sentence names a summit only as the one reference summit that place and time fit
    (``needs_ref``), never a summit of its own; a sentence that names a summit itself
    ("... bijeen voor de NAVO-top") is left to that name."""
    low = doc_text(doc).lower()
    if "leiders" not in low or "bijeen" not in low and "samen" not in low:
        return taken
    lw, tx = lowers(doc), texts(doc)
    pos = _Positions(ns)
    named = {sent_bounds(doc, m.start) for m in taken}
    out, seen = [], set()
    doc_date = None
    for k in words_where(doc, "LOWER", "events.leaders", lambda w: w in _LEADERS):
        lo, hi = sent_bounds(doc, ns[k])
        if (lo, hi) in seen or (lo, hi) in named:
            continue
        seen.add((lo, hi))
        idx = ns[bisect_left(ns, lo):bisect_left(ns, hi)]
        words = [lw[i] for i in idx]
        if not _NOT_NATO.isdisjoint(words) or not _comes_together(words):
            continue
        j = next(x for x, w in enumerate(words) if w in _COME)
        subject = _leaders_phrase(lw, idx, j + 1)  # "komen de regeringsleiders bijeen"
        if subject is None and words[:1] == ["de"]:  # "De leiders ... komen"
            subject = _leaders_phrase(lw, idx, 0)
            subject = subject if subject is not None and subject[1] == j else None
        if subject is None:
            continue
        place = date = year = None
        clause_end = hi
        for x in range(len(idx)):  # "In juli komen ...": the time may stand before the verb
            if words[x] in (",", ";", ":") and x > j:
                clause_end = idx[x]
                break
            if words[x] != "in" or x + 1 >= len(idx):
                continue
            nxt = words[x + 1]
            if nxt in MONTH_NAMES and date is None:  # "in december": the month; its year from the letter
                t = doc[idx[x + 1]]
                month = MONTH_NAMES.index(nxt) + 1
                date = DateMention(t.idx, t.idx + len(t.text), None, month, None, month, None, explicit_year=False)
            elif re.fullmatch(r"(19|20)\d\d", nxt):
                year = int(nxt)
            elif place is None:
                kx = pos.get(idx[x + 1])
                ps = _place_after(doc, ns, kx) or _described_place(doc, ns, kx)
                if ps is not None and _known_place(doc[ps[0]:ps[1]].text):
                    place = ps
        if place is None:
            continue
        hit = next((d for s, e, d in dates if lo <= s and e <= clause_end), None)  # not another clause's date
        date = hit or date
        if doc_date is None:
            doc_date = _doc_date(doc)
        if date is None and year is None and _relative_year(doc, ns[k], doc_date) is None:
            continue  # a place alone: which of its summits is not said
        head = idx[subject[0]]
        out.append(Meeting(head, head + 1, "Summit", place=_title(doc[place[0]:place[1]].text), place_span=place,
                           date=date, year=year or (date.year if date is not None and date.explicit_year else None),
                           needs_ref=True, named=False))
    return sorted(taken + out, key=lambda m: m.start)


def _recalled_gathering(doc: Doc, ns: list[int], dates, taken: list[Meeting]) -> list[Meeting]:
    """``de eerste top sinds de bijeenkomst in Wales in september 2014``: "de bijeenkomst in
    <place> in <(month) year>" in a sentence that speaks of summits is the one reference
    summit that place, year and month fit. At the headquarters city a day must fit too
    (ministerials meet there in the months of its summits)."""
    low = doc_text(doc).lower()
    if "bijeenkomst in " not in low:
        return taken
    lw = lowers(doc)
    words = set(DATA["summit_words"])
    suffixes = tuple(DATA["summit_suffixes"])
    pos = _Positions(ns)
    out = []
    for k in words_where(doc, "LOWER", "events.gathering", lambda w: w == "bijeenkomst"):
        if not k or lw[ns[k - 1]] != "de" or k + 2 >= len(ns) or lw[ns[k + 1]] != "in":
            continue
        i = ns[k]
        lo, hi = sent_bounds(doc, i)
        if any(o.start <= i < o.end for o in taken) or not any(
                w in words or w.endswith(suffixes) for w in lw[lo:hi] if w != "bijeenkomst"):
            continue
        ps = _place_after(doc, ns, k + 2)
        if ps is None or not _known_place(doc[ps[0]:ps[1]].text):
            continue
        _p, date, year = _scan_after(doc, ns, pos.get(ps[1] - 1) + 1, dates)
        year = year or (date.year if date is not None and date.explicit_year else None)
        if year is None:
            continue
        place = _title(doc[ps[0]:ps[1]].text)
        month = date.month1 if date is not None else None
        day = date.day1 if date is not None else None
        if fold(place) in {fold(c) for c in DATA["headquarters_city"].values()} and day is None:
            continue
        if match_summit(place, year=year, month=month, day=day) is None:
            continue  # the year alone would still pick one: a month that fits none is another meeting
        out.append(Meeting(i, ps[1], "Summit", place=place, place_span=ps, date=date, year=year, needs_ref=True))
    return sorted(taken + out, key=lambda m: m.start)


def _place_before(doc: Doc, ns: list[int], k: int) -> tuple[int, int] | None:
    """``in Rome voor een bijeenkomst van ...``: a known place after "in" shortly before."""
    lo = sent_bounds(doc, ns[k])[0]
    for j in range(k - 1, max(0, k - 7), -1):
        if ns[j] < lo:
            break
        if lowers(doc)[ns[j - 1]] == "in" and _is_cap(texts(doc)[ns[j]]) and _known_place(texts(doc)[ns[j]]):
            return ns[j], ns[j] + 1
    return None


def _ministerial_matcher(nlp) -> PhraseMatcher:
    # A PhraseMatcher on LOWER finds what token patterns [{"LOWER": w}, ...] find
    # (the phrases are lower-case, one word per token), several times faster.
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    for kind, phrases in DATA["ministerial_phrases"].items():
        m.add(kind, [Doc(nlp.vocab, words=list(p)) for p in phrases])
    for wrong, right in DATA["ocr_acronyms"].items():
        m.add(right, [Doc(nlp.vocab, words=[wrong])])
    return m


class _Positions:
    """``{token index: position in ns}`` for a sorted ``ns``, answered by bisection
    (``get`` and ``[]`` as on that dict)."""

    __slots__ = ("ns",)

    def __init__(self, ns: list[int]):
        self.ns = ns

    def get(self, i: int, default=None):
        k = bisect_left(self.ns, i)
        return k if k < len(self.ns) and self.ns[k] == i else default

    def __getitem__(self, i: int) -> int:
        k = self.get(i)
        if k is None:
            raise KeyError(i)
        return k


def _kind_of_portfolio(doc, ns, k) -> str | None:
    """``ministers van Buitenlandse Zaken (en Defensie)`` -> fmm / dmm / joint."""
    kinds = set()
    for j in range(k, min(k + 6, len(ns))):
        kind = DATA["portfolio"].get(lowers(doc)[ns[j]])
        if kind:
            kinds.add(kind)
    if not kinds:
        return None
    return "joint" if len(kinds) > 1 else kinds.pop()


def _ministerials(doc: Doc, ns: list[int], dates, matcher: Matcher, others=()) -> list[Meeting]:
    """Ministerial mentions (phrases of ``ministerial_phrases``, "bijeenkomst van de ministers
    van …"), with the place and date their words state; ``others`` are the summit mentions
    (a place that follows one is that summit's)."""
    out: list[Meeting] = []
    pos = _Positions(ns)
    seen: set[int] = set()
    for match_id, s, e in sorted(matcher(doc), key=lambda m: (m[1], -m[2])):
        if s in seen or any(s <= x < e for x in seen):
            continue
        seen.update(range(s, e))
        kind = doc.vocab.strings[match_id]
        out.append(Meeting(s, e, "MinisterialMeeting", kind=kind))
    # "bijeenkomst van (de) (NAVO-)ministers van Buitenlandse Zaken", "ministers van X kwamen ... bijeen"
    nouns, ministers = set(DATA["meeting_nouns"]), set(DATA["ministers_words"])

    def back_context(doc, ns, k):
        return bool({lowers(doc)[ns[j]] for j in range(max(0, k - 4), k)} & set(DATA["not_ministerial_context"]))

    for k in words_where(doc, "LOWER", "events.ministers_words", ministers.__contains__):
        i = ns[k]
        if i in seen:
            continue
        if k + 1 >= len(ns) or lowers(doc)[ns[k + 1]] != "van":
            continue
        kind = _kind_of_portfolio(doc, ns, k + 2)
        if kind is None:
            continue
        back = [lowers(doc)[ns[j]] for j in range(max(0, k - 4), k)]
        sent = sent_of(doc, doc[i])
        ahead = lowers(doc)[i:sent.end][:14]
        if not (nouns & set(back) or set(DATA["gather_verbs"]) & set(ahead)
                or _comes_together(lowers(doc)[i:sent.end]) or _confer_together(lowers(doc)[i:sent.end])
                or _decided_on_a_day(doc, i, sent.end, dates)):
            their = _their_gathering(doc, i, sent.end)
            if their is not None and their not in seen and not back_context(doc, ns, k):
                seen.add(their)
                m = Meeting(their, their + 1, "MinisterialMeeting", kind=kind, theirs=True)
                out.append(m)
            continue
        start = i
        for j in range(k - 1, max(-1, k - 5), -1):
            if lowers(doc)[ns[j]] == "samenstelling":
                # "een vergadering van de Raad in de samenstelling van ministers van
                # Buitenlandse Zaken": the meeting is the gathering named before
                j = next((x for x in range(j - 1, max(-1, j - 14), -1) if ns[x] >= sent.start
                          and lowers(doc)[ns[x]] in _GATHERINGS), None)
                start = ns[j] if j is not None else None
                if j is not None and j and lowers(doc)[ns[j - 1]] in _MEETING_ADJECTIVES:
                    start = ns[j - 1]
                break
            if lowers(doc)[ns[j]] in nouns:
                start = ns[j]
                if j and (lowers(doc)[ns[j - 1]] in ("navo", "nato") or lowers(doc)[ns[j - 1]] in _MEETING_ADJECTIVES):
                    start = ns[j - 1]  # "een extra bijeenkomst van de ministers": the name a reader gives it
                break
        if start is None:
            continue  # "de NAVO-Georgië-commissie in samenstelling van ministers": a council, not the ministerial
        if set(back) & set(DATA["not_ministerial_context"]):
            continue
        end = ns[min(k + 6, len(ns) - 1)]
        while end > i and lowers(doc)[end] not in DATA["portfolio"] and lowers(doc)[end] != "zaken":
            end -= 1
        if lowers(doc)[end] == "buitenlandse" and end + 1 < len(doc):
            end += 1
        if not nouns & set(back) and _of_named_countries(doc, end + 1):
            continue  # "de ministers van Defensie van Duitsland en Frankrijk kwamen bijeen": not the allies
        end = _nato_complement_end(doc, end)
        if any(x in seen for x in range(start, end + 1)):
            continue
        seen.update(range(start, end + 1))
        out.append(Meeting(start, end + 1, "MinisterialMeeting", kind=kind))
    out += _gathered_ministers(doc, ns, seen)
    for m in out:
        k = pos.get(m.end - 1, None)
        if k is None:
            continue
        before = {lowers(doc)[ns[j]] for j in range(max(0, pos.get(m.start, 0) - 3), pos.get(m.start, 0))}
        # skip "(FMM)" right after the name
        k2 = k + 1
        if k2 + 2 < len(ns) and texts(doc)[ns[k2]] == "(" and texts(doc)[ns[k2 + 2]] == ")":
            m.end = ns[k2 + 2] + 1
            k2 += 3
        if before & _NOT_MEETING_CONTEXT:
            continue
        place, date, year = _scan_after(doc, ns, k2, dates)
        if date is None:
            date = _date_before(doc, ns, pos[m.start], dates)
        rest = lowers(doc)[m.start:sent_bounds(doc, m.start)[1]]
        m_sent = sent_of(doc, doc[m.start])
        held = _held_sentence(doc, m) or _confer_together(rest) or _decide_together(rest) \
            or _decided_on_a_day(doc, m.start, m_sent.end, dates)
        if date is None and held:
            date = _sentence_date(doc, m, dates)
        if date is None and year is None:
            date = _today(doc, m)
            held = held or date is not None  # "vandaag in Brussel ... tijdens de bijeenkomst": its place too
        m.date, m.year = date, (date.year if date else year)
        if place is None:
            place = _place_in_sentence(doc, m, before=held, others=others)
        if place is not None:
            m.place_span = place
            m.place = _title(doc[place[0]:place[1]].text)
    # undated, it says nothing ("tijdens hun bijeenkomst" without its days: which one?)
    # ("hun bijeenkomst in december": which days? only its days pin it down)
    out = [m for m in out if not (m.anaphor or m.theirs) or m.date is not None and (not m.theirs or m.date.day1 is not None)]
    return sorted(out, key=lambda m: m.start)


_THEIR_REACH = 16  # words from "ministers van X" to "hun bijeenkomst" in their clause


def _their_gathering(doc: Doc, i: int, end: int) -> int | None:
    """``De ministers van Defensie zullen ... bespreken tijdens hun bijeenkomst op 13 en 14
    februari``: the token of the meeting noun ``hun`` points back from to the ministers named
    as the subject at ``i`` (within reach, no clause break or other noun phrase of persons
    between), or None."""
    lw = lowers(doc)
    nouns = frozenset(DATA["meeting_nouns"]) - {"samenstelling", "overleg"}
    stop = min(end, i + _THEIR_REACH * 2)
    for j in range(i + 1, stop - 1):
        if lw[j] in (";", ":", "(") or lw[j] in _RELATIVE_PRONOUNS and lw[j - 1] == ",":
            return None
        if lw[j] == "hun":
            k = j + 1
            while k < stop and lw[k].isspace():
                k += 1
            return k if k < end and lw[k] in nouns else None
    return None


_COME = frozenset(DATA["come_forms"])
_TOGETHER = frozenset(DATA["together_particles"])
_PARTICLE_REACH = 14  # tokens from the finite verb to its particle ("kwamen op dinsdag 28 en woensdag 29 november bijeen")


def _comes_together(words: list[str]) -> bool:
    """``ministers van Buitenlandse Zaken van de 32 bondgenoten kwamen op … bijeen``: a
    form of "komen" in the first 14 words and its separated particle "bijeen"/"samen"
    later in the same clause (no comma or semicolon between)."""
    for j, w in enumerate(words[:14]):
        if w in _COME:
            for x in words[j + 1:j + 1 + _PARTICLE_REACH]:
                if x in _TOGETHER:
                    return True
                if x in (",", ";", ":"):
                    return False
            return False
    return False


_CONFER = frozenset(DATA["confer_words"])


_NATO_PREFIXES = ("navo", "nato")


def _of_named_countries(doc: Doc, j: int) -> bool:
    """``(ministers van Defensie) van Duitsland en Frankrijk``, ``… van de EU-lidstaten``:
    the ministers' complement from token ``j`` names a country, or the members of a union
    other than NATO (a gathering of those states' ministers, not of all allies)."""
    lw = lowers(doc)
    while j < len(doc) and doc[j].is_space:
        j += 1
    if j >= len(doc) or lw[j] != "van":
        return False
    j += 1
    while j < len(doc) and (doc[j].is_space or lw[j] in ("de", "het") or doc[j].like_num):
        j += 1
    if j < len(doc) and lw[j].endswith(("-lidstaten", "-landen")) and not lw[j].startswith(_NATO_PREFIXES):
        return True  # "de EU-lidstaten", "de G7-landen"
    ms, k = mentions_from(doc, j)
    if not (k < len(ms) and ms[k].start == j):
        return False
    return ms[k].label_ == "Country" or (ms[k].label_ == "Organisation" and ms[k].kb_id_ != "organisation/navo")


def _confer_together(words: list[str]) -> bool:
    """``De ministers van Defensie van de NAVO-landen hebben op … met elkaar overlegd``: the
    ministers confer "met elkaar" (a verb of ``confer_words`` right before or after it) within
    the first 20 words of the clause: they met."""
    for j, w in enumerate(words[:20]):
        if w in (",", ";", ":"):
            return False
        if w == "met" and j + 1 < len(words) and words[j + 1] == "elkaar" and (
                j + 2 < len(words) and words[j + 2] in _CONFER or j and words[j - 1] in _CONFER):
            return True
    return False


_DECIDE = frozenset(DATA["decide_words"])
_DECIDE_PAIRS = [tuple(p) for p in DATA["decide_pairs"]]
_NATO_COMPLEMENTS = frozenset(DATA["nato_complements"])
_DECIDE_REACH = 24  # words from "ministers" to the clause's verb of deciding


def _inverted_decision(doc: Doc, i: int) -> bool:
    """``Daartoe besloten de ministers van …``: a word of deciding right before ``de`` and the
    ministers' word at token ``i`` (the verb before its subject)."""
    before = [w for w in lowers(doc)[max(0, i - 6):i] if not w.isspace()][-2:]
    return len(before) == 2 and before[1] == "de" and before[0] in _DECIDE


def _decide_together(words: list[str], decided: bool = False) -> bool:
    """``De ministers van Defensie van de NAVO hebben op ... het plan goedgekeurd``: the allies'
    ministers (``ministers`` plural; ``van de NAVO``, ``van de bondgenoten`` or ``NAVO-ministers``
    within its first 8 words) and a past act of deciding (``decide_words``; or ``keurden`` with
    its particle ``goed`` later) in the first 24 words of the clause: only their meeting does that.
    ``words`` starts at the ministers' word."""
    clause = []
    for w in words[:_DECIDE_REACH]:
        if w in (",", ";", ":"):
            break
        clause.append(w)
    if not clause or not clause[0].endswith("ministers"):
        return False
    if not clause[0].startswith(("navo-", "nato-")):
        head = clause[1:8]
        if not any(w in _NATO_COMPLEMENTS and j and head[j - 1] in ("de", "het", "alle") or w.isdigit() and
                   j + 1 < len(head) and head[j + 1] == "bondgenoten" for j, w in enumerate(head)):
            return False
    if decided or not _DECIDE.isdisjoint(clause):
        return True
    return any(a in clause and b in clause[clause.index(a) + 1:] for a, b in _DECIDE_PAIRS)


def _nato_complement_end(doc: Doc, end: int) -> int:
    """``ministers van Defensie`` + ``van de NAVO(-landen)``: the mention runs on to the
    complement that says whose ministers they are (the name a reader gives them); the last
    token of the mention."""
    lw = lowers(doc)
    j = end + 1
    words = []
    while j < len(doc) and len(words) < 3:
        if not doc[j].is_space:
            words.append((j, lw[j]))
        j += 1
    if len(words) == 3 and words[0][1] == "van" and words[1][1] == "de" and words[2][1] in _NATO_COMPLEMENTS \
            and words[2][1] not in ("bondgenoten", "bondgenootschap"):
        return words[2][0]
    return end


_TODAY = DATA["today_words"]
_TODAY_BLOCKERS = frozenset(DATA["today_blockers"])
_TODAY_REACH = 12  # tokens from "vandaag" to the meeting's mention


def _today(doc: Doc, m: Meeting) -> DateMention | None:
    """``X heeft dat vandaag in Brussel bekendgemaakt tijdens een bijeenkomst van de
    NAVO-ministers``: ``vandaag`` (``gisteren``: the day before; ``today_words``) in the
    mention's clause shortly before it, no other clause or time between, dates the meeting
    by the document's own date (its date line or header; never a date from its body)."""
    sent = sent_of(doc, doc[m.start])
    lw = lowers(doc)
    at = next((i for i in range(m.start - 1, max(sent.start, m.start - _TODAY_REACH) - 1, -1)
               if lw[i] in _TODAY or lw[i] in (",", ";", ":", "\"", "(") or lw[i] in _TODAY_BLOCKERS), None)
    if at is None or lw[at] not in _TODAY:
        return None
    meta = doc.user_data.get("kg_meta") or {}
    text = doc_text(doc)
    day = meta.get("date") or document_date(text) or _header_date(text)
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day[:10])
        except ValueError:
            return None
    if not isinstance(day, dt.date):
        return None
    day = day + dt.timedelta(days=_TODAY[lw[at]])
    tok = doc[at]
    return DateMention(tok.idx, tok.idx + len(tok.text), day.year, day.month, day.day, day.month, day.day)


def _decided_on_a_day(doc: Doc, i: int, end: int, dates) -> bool:
    """``_decide_together`` from token ``i`` (the ministers' word), and a day-date in that
    clause (``op 21 en 22 oktober 2021``): a decision with no day may be taken by other means."""
    words = [w for w in lowers(doc)[i:end] if not w.isspace()]
    if not _decide_together(words, _inverted_decision(doc, i)):
        return False
    stop = next((k for k in range(i, end) if lowers(doc)[k] in (",", ";", ":")), end)
    return any(d.is_day and i < s and e <= stop for s, e, d in dates)


def _gathered_ministers(doc: Doc, ns: list[int], seen: set[int]) -> list[Meeting]:
    """``De ministers kwamen op 29 en 30 november bijeen``, ``Op 17 oktober vergaderden de
    defensieministers``: the ministers of a ministerial gathering on a date. Not a name of
    the meeting (an anaphor): it dates the one the document names (kind from the compound,
    "defensieministers", else the document's one kind), see ``_settle_ministerials``."""
    lw = lowers(doc)
    compounds = DATA["minister_compounds"]
    gather = frozenset(DATA["gather_verbs"])
    out = []
    for k in words_where(doc, "LOWER", "events.gathered_ministers", lambda w: w == "ministers" or w in compounds):
        i = ns[k]
        if i in seen or not k or lw[ns[k - 1]] != "de" or k + 1 < len(ns) and lw[ns[k + 1]] == "van":
            continue
        sent = sent_of(doc, doc[i])
        if gather.isdisjoint(lw[i + 1:min(sent.end, i + 12)]):
            continue
        out.append(Meeting(i, i + 1, "MinisterialMeeting", kind=compounds.get(lw[i], "ministerial"), anaphor=True))
    return out


def _held_sentence(doc: Doc, m: Meeting) -> bool:
    """Does the mention's sentence say the meeting was held ("werd ... gehouden",
    "vond plaats", "kwamen bijeen")? Then its date and place may stand anywhere in it."""
    sent = sent_of(doc, doc[m.start])
    return not _HELD.isdisjoint(lowers(doc)[sent.start:sent.end])


def _sentence_date(doc: Doc, m: Meeting, dates) -> DateMention | None:
    """The one date of the mention's sentence before it ("Op 3 en 4 december jl. vond ...
    een vergadering plaats"), when there is exactly one."""
    sent = sent_of(doc, doc[m.start])
    text = doc_text(doc)
    inside = [d for s, e, d in dates if s >= sent.start and e <= m.start
              and "\n\n" not in text[min(d.end_char, doc[m.start].idx):max(d.start_char, doc[m.start].idx)]]
    if not inside:  # "De ministers van Defensie kwamen op 17 en 18 oktober bijeen": after it, in its clause
        inside = [d for s, e, d in dates if m.end <= s <= m.end + _HELD_DATE_REACH and e <= sent.end and d.is_day
                  and _same_clause(doc, m.end, s)][:1]
    if not inside:
        return _relative_clause_date(doc, m, dates)
    return inside[0] if len(inside) == 1 else None


_RELATIVE_PRONOUNS = frozenset({"die", "dat", "welke"})


def _relative_clause_date(doc: Doc, m: Meeting, dates) -> DateMention | None:
    """``de bijeenkomst van de ministers van X van de NAVO-lidstaten, die op 22 en 23 april
    jl. in Tallinn werd gehouden``: the one day-date of a relative clause on the mention
    (after a short complement of it), up to the clause's held word ("gehouden",
    "plaatsvond"), when the clause names no other meeting; else None."""
    lw = lowers(doc)
    hi = sent_bounds(doc, m.start)[1]
    j = m.end
    while j < hi and j - m.end <= 5 and lw[j] != "," and lw[j] not in _CLAUSE_MEETING_WORDS:
        j += 1
    if j + 1 >= hi or lw[j] != "," or lw[j + 1] not in _RELATIVE_PRONOUNS:
        return None
    held = next((x for x in range(j + 2, min(hi, j + 18)) if lw[x] in _HELD), None)
    if held is None or any(w in _CLAUSE_MEETING_WORDS or w.endswith(_SUMMIT_SUFFIXES) for w in lw[j + 2:held]):
        return None
    inside = [d for s, e, d in dates if j + 2 <= s and e <= held and d.is_day]
    return inside[0] if len(inside) == 1 else None


# how far after a held meeting's mention its date may stand, in tokens: past a complement
# ("De ministers van Buitenlandse Zaken van de 32 bondgenoten kwamen op ... bijeen")
_HELD_DATE_REACH = 10
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", "dat", "die", "toen", "waarop", "waarin", "nadat", "sinds", "en"})
_CLAUSE_MEETING_WORDS = frozenset(DATA["summit_words"]) | frozenset(DATA["meeting_nouns"])
_SUMMIT_SUFFIXES = tuple(DATA["summit_suffixes"])


def _same_clause(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) neither open another clause ("vindt plaats op het moment dat
    ..., op 4 april 1949") nor name another meeting ("in aanloop naar de top van 9 juli")."""
    return not any(w in _CLAUSE_BREAKS or w in _CLAUSE_MEETING_WORDS or w.endswith(_SUMMIT_SUFFIXES)
                   for w in lowers(doc)[start:end])


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
    for part in spans:
        for t in part:
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


# ---------------------------------------------------------------- identity

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
    for phrase, delta in DATA["relative_years"].items():
        parts = phrase.split()
        n = len(parts)
        for k in range(len(words) - n + 1):
            if [lw[words[k + x]] for x in range(n)] != parts:
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
            m.ref = match_summit(m.place, year=clause_rel, month=month, day=day, days=m.days, kind=m.kind or None,
                                 doc_date=doc_date, tense=tense)
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
        same = [o for o in summits if o.ref is not None and names & set(o.ref.place_names)]
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


def _date_tense(doc: Doc, d: DateMention) -> str | None:
    """``past`` or ``future`` from the word right after a date ("4 december jl.",
    "20 mei a.s."): it says more about that date than the words around the mention."""
    text = doc_text(doc)
    m = re.match(r"\s*(\S+)", text[d.end_char:d.end_char + 20])
    word = m.group(1).lower().rstrip(",;:)") if m else ""
    return "past" if word in _PAST else "future" if word in _FUTURE else None


def _context_year(doc: Doc, m: Meeting, doc_date) -> DateMention | None:
    """A date without a year ("op 3 en 4 december") takes the document's year, one more
    when the sentence looks ahead to a month already past ("a.s.", "zal") and one
    less when it looks back to a month still to come ("jl.")."""
    d = m.date
    if d is None or d.explicit_year or doc_date is None:
        return d
    bare = DateMention(d.start_char, d.end_char, None, d.month1, d.day1, d.month2, d.day2)
    year = doc_date.year
    when = (d.month1, d.day1 or 1)
    tense = _date_tense(doc, d) or _tense(doc, m.start)
    if tense == "future" and when < (doc_date.month, doc_date.day):
        year += 1
    elif tense == "past" and when > (doc_date.month, doc_date.day):
        year -= 1
    return bare.with_year(year)


_PORTFOLIO_RX = re.compile(r"\bministers?\s+van\s+(buitenlandse\s+zaken|defensie)\b", re.IGNORECASE)


def _portfolio_of_letter(doc: Doc) -> set[str]:
    """``{"fmm"}`` when the opening of the letter names only ministers of Foreign
    Affairs (its letterhead, "de ministers van Buitenlandse Zaken kwamen bijeen"),
    ``{"dmm"}`` for Defence only; empty when it names both or neither."""
    found = {DATA["portfolio"][m.group(1).split()[0].lower()] for m in _PORTFOLIO_RX.finditer(doc_text(doc)[:1500])}
    return found if len(found) == 1 else set()


def _settle_ministerials(doc: Doc, ms: list[Meeting], doc_date) -> None:
    """Key every ministerial by kind + year-month of its start (``ministerial/fmm-2024-04``).

    A mention without a date of its own takes the date of the nearest earlier
    mention of that kind, else the one day a later sentence gathers the ministers
    on ("De ministers kwamen op 29 en 30 november bijeen", ``_gathered_ministers``,
    kept only within ANAPHOR_DAYS of the document's date); a date without a year
    takes the document's (see ``_context_year``). A ministerial this leaves undated
    gets a key that ``kg.resolve`` scopes to the document (``ministerial/~dmm``): two undated
    mentions in two documents are not known to be one meeting."""
    specific = {m.kind for m in ms if m.kind not in ("ministerial",) and not m.anaphor and not m.theirs} \
        or _portfolio_of_letter(doc)
    for m in ms:
        if m.kind == "ministerial" and len(specific) == 1:
            m.kind = next(iter(specific))
    for m in ms:
        m.date = _context_year(doc, m, doc_date)
    # "de ministers kwamen op ... bijeen" is the document's own meeting only on a day near its date
    ms[:] = [m for m in ms if not m.anaphor or _near_document(m.date, doc_date)
             and _ANOTHER_TIME.isdisjoint(lowers(doc)[slice(*sent_bounds(doc, m.start))])]
    # "de vorige FMM, van 3 en 4 december": another meeting; a later bare "de FMM" is not it,
    # and an undated "de vorige FMM" is not the one named before it either
    other = [_another_meeting(doc, m) for m in ms]
    for idx, m in enumerate(ms):
        if (m.date is None or m.date.year is None) and not other[idx]:
            dated = [o for j, o in enumerate(ms[:idx]) if o.date is not None and o.date.year and not other[j]]
            earlier = [o for o in dated if o.kind == m.kind]
            if earlier:
                m.date, m.date_at = earlier[-1].date, earlier[-1].date_at or (earlier[-1].start, earlier[-1].end)
            elif m.kind == "ministerial":
                m.date = dated[-1].date if dated else m.date
            else:
                # "het overleg van de NAVO-ministers van Defensie ... De defensieministers kwamen
                # op 17 en 18 oktober bijeen": the one date the document gives a meeting of that kind
                later = [o for o in ms[idx + 1:]
                         if o.anaphor and o.date is not None and o.date.year and o.kind == m.kind]
                if later and len({(o.date.year, o.date.month1) for o in later}) == 1:
                    m.date, m.date_at = later[0].date, (later[0].start, later[0].end)
                else:
                    named = _later_dated_same(doc, m, ms[idx + 1:], other[idx + 1:], doc_date)
                    if named is not None:
                        m.date, m.date_at = named.date, named.date_at or (named.start, named.end)
    for m in ms:
        d = m.date if m.date is not None and m.date.year else None
        base = DATA["kind_labels"].get(m.kind, "NAVO-ministeriële")
        m.alt = []
        if d is None:
            m.key, m.label = ministerial_key(m.kind), base
            continue
        m.key = ministerial_key(m.kind, d.year, d.month1)
        m.label = base + " " + _date_label(d)
        short = DATA["kind_acronyms"].get(m.kind)
        if short:
            m.alt = [f"{short} {_date_label(d)}", f"{short} {MONTH_NAMES[d.month1 - 1]} {d.year}",
                     f"{base.removeprefix('NAVO ')} {_date_label(d)}"]
    # an anaphor dates a ministerial the document names; alone, of no one kind, it names none
    named = {m.key for m in ms if not m.anaphor}
    for m in ms:
        if m.anaphor and (m.key not in named or m.kind == "ministerial"):
            m.key = ""


def _later_dated_same(doc: Doc, m: Meeting, later: list[Meeting], other: list[bool], doc_date) -> Meeting | None:
    """``het overleg van de NAVO-ministers van Buitenlandse Zaken in Berlijn … Op 14 en 15
    april kwamen de ministers van Buitenlandse Zaken in Berlijn bijeen``: the later mention
    that dates an undated one. Only when every later dated mention of its kind (none
    qualified as another meeting) falls in one month, and the two agree on the place
    (both name it) or, the undated one naming none, the date is within ANAPHOR_DAYS
    of the document's (a news item's own meeting). Else None: nothing is guessed."""
    dated = [o for o, oth in zip(later, other) if not oth and not o.anaphor and o.kind == m.kind
             and o.date is not None and o.date.year and o.date.is_day]
    if not dated or len({(o.date.year, o.date.month1) for o in dated}) != 1:
        return None
    here = _meeting_city(m)
    for o in dated:
        there = _meeting_city(o)
        if here is not None and there == here or here is None and _near_document(o.date, doc_date):
            return o
    return None


def _meeting_city(m: Meeting) -> str | None:
    """The folded city a mention names (the headquarters' city for "NAVO-hoofdkwartier")."""
    if not m.place:
        return None
    return fold(DATA["headquarters_city"].get(fold(m.place), m.place))


ANAPHOR_DAYS = 31  # a news item or agenda speaks of its own meeting within a month of its date
_ANOTHER_TIME = frozenset({"weer", "opnieuw", "volgende", "eerstvolgende", "vorige", "eerder", "toen", "destijds"})


def _near_document(d: DateMention | None, doc_date) -> bool:
    """Is day-date ``d`` within ANAPHOR_DAYS of the document's date?"""
    return d is not None and d.is_day and d.start is not None and doc_date is not None \
        and abs((d.start - doc_date).days) <= ANAPHOR_DAYS


_OTHER_MEETING = frozenset(DATA["other_meeting_words"])
_PREVIOUS_MEETING = frozenset(DATA["previous_meeting_words"])


def _another_meeting(doc: Doc, m: Meeting, words: frozenset = _OTHER_MEETING) -> bool:
    """``de vorige FMM``, ``de volgende DMM``: the mention names a meeting other than the
    one the text is about (one of ``words`` before it, past an article)."""
    lw, ns = lowers(doc), _ns(doc)
    k = bisect_left(ns, m.start)
    for j in range(k - 1, max(-1, k - 3), -1):
        if lw[ns[j]] in words:
            return True
        if lw[ns[j]] not in ("de", "het", "een"):
            break
    return False


def _date_label(d: DateMention) -> str:
    month = MONTH_NAMES[d.month1 - 1]
    if d.day1 is None:
        return f"{month} {d.year}"
    if d.day2 and (d.day2 != d.day1 or d.month2 != d.month1):
        if d.month2 != d.month1:
            return f"{d.day1} {month}-{d.day2} {MONTH_NAMES[d.month2 - 1]} {d.year}"
        return f"{d.day1}-{d.day2} {month} {d.year}"
    return f"{d.day1} {month} {d.year}"


# ---------------------------------------------------------------- sessions

_HEADING_PREFIX = re.compile(r"^(?:(?:eerste|tweede|derde|vierde|vijfde|zesde|laatste)\s+(?=(?:werk)?sessie\s*\d*\s*:))?"
                             r"(?:werksessie|sessie)\s*\d*\s*[:.\-–]?\s*", re.IGNORECASE)
# "Tweede sessie: Oekraïne en partners": a numbered session heading, with its colon
_ORDINAL_SESSION = re.compile(r"^(?:eerste|tweede|derde|vierde|vijfde|zesde|laatste)\s+(?:werk)?sessie\s*\d*\s*:", re.IGNORECASE)


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _doc_headings(doc: Doc) -> list[tuple[int, int]]:
    """``headings(doc_text(doc))``, worked out once per doc (a fresh list each call)."""
    return list(memo(doc, "events.headings", lambda: headings(doc_text(doc))))


_RUN_ON_HEADS = frozenset({"werksessie", "sessie", "werkdiner", "werklunch"})
_OPENERS = frozenset(DATA["sentence_openers"])


def _run_on_heading(line: str) -> int | None:
    """The length of a session heading that cleaning ran into the paragraph after
    it ("Werksessie Partners in de Kaukasus Daarnaast spreken de ministers ..."):
    it ends before the first capitalised word that opens a sentence, within 14
    words; None if there is no such word."""
    pos = 0
    for n, m in enumerate(re.finditer(r"\S+", line)):
        if n > 14:
            return None
        if n >= 2 and m.group() in _OPENERS:
            return pos
        pos = m.end()
    return None


def headings(text: str) -> list[tuple[int, int]]:
    """Char ranges of the heading lines of a letter (short lines that stand alone)."""
    lines = list(_lines(text))
    session_words = set(DATA["session_heading_words"])
    out = []
    for n, (start, line) in enumerate(lines):
        raw = line.strip()
        stripped = raw.strip("#* ").strip()
        if not stripped:
            continue
        words = stripped.split()
        first = fold(words[0]).strip(":")
        prev = lines[n - 1][1].strip() if n else ""
        standalone = not prev or prev.endswith((".", "!", "?", ":", ")")) or raw.startswith("#") or n == 0
        is_session = (first in session_words or bool(_ORDINAL_SESSION.match(stripped))) and len(words) <= 16
        short = len(words) <= 8 and not stripped.endswith((".", ",", ";", ":")) and stripped[0].isupper()
        run_on = _run_on_heading(stripped) if standalone and first in _RUN_ON_HEADS and not is_session else None
        if run_on is not None:  # "Werksessie X Daarnaast zal ...": a heading the text ran on into
            lead = len(line) - len(line.lstrip())
            out.append((start + lead, start + lead + run_on))
            continue
        if not (standalone and (is_session or short or raw.startswith("#"))):
            continue
        end = start + len(line)
        # a heading wrapped over two lines ("... regio\nen de EU HV")
        if n + 1 < len(lines):
            nxt = lines[n + 1][1].strip()
            after = lines[n + 2][1].strip() if n + 2 < len(lines) else ""
            if nxt and len(nxt.split()) <= 6 and nxt[0].islower() and not after:
                end = lines[n + 1][0] + len(lines[n + 1][1])
        lead = len(line) - len(line.lstrip())
        out.append((start + lead, end))
    return out


_BODY_HEADS = frozenset(DATA["body_heads"])


@lru_cache(maxsize=1 << 14)
def _ends_in_body_head(name: str) -> bool:
    """``NATO-Ukraine Council``: the name's last word (hyphens split words) is a council noun."""
    last = fold(name).replace("-", " ").split()[-1:]
    return bool(last) and last[0] in _BODY_HEADS


def _body_spans(doc: Doc) -> list:
    """Council/commission organisation mentions (NATO-Ukraine Council, NAR, ...)."""
    out = []
    for span in mentions(doc):
        if span.label_ != "Organisation":
            continue
        info = entity_table(doc).get(span.kb_id_, {})
        names = [info.get("label", ""), span_text(doc, span), *info.get("alt_labels", ())]
        if any(_ends_in_body_head(n) for n in names if n):
            out.append(span)
    return out


def _is_nato_body(doc: Doc, span) -> bool:
    info = entity_table(doc).get(span.kb_id_, {})
    names = " ".join([info.get("label", ""), span.text, *info.get("alt_labels", ())])
    return any(m in fold(names) for m in DATA["nato_markers"])


def _paragraph_end(text: str, pos: int) -> int:
    m = re.compile(r"\n\s*\n").search(text, pos)
    return m.start() if m else len(text)


def _meets(doc: Doc, body) -> bool:
    """Is this council mention a meeting of the council (a session), not just its name?"""
    lw = lowers(doc)
    before = set(lw[max(sent_of(doc, body).start, body.start - 5):body.start])
    if before & {"verslag", "resolutie", "resoluties"}:
        return False
    if _agent(doc, body):  # "door de Noord-Atlantische Raad benoemd": the council acts, it is no sitting
        return False
    return bool(before & _SESSION_NOUNS) or _is_nato_body(doc, body)


def _agent(doc: Doc, body) -> bool:
    """``door de Raad benoemd``: the council is the agent of a passive verb (the body that
    decided or appointed, at whatever time), not a session of the meeting."""
    lw, space = lowers(doc), spaces(doc)
    start = sent_of(doc, body).start
    i = body.start - 1
    while i >= start and (space[i] or lw[i] in ("de", "het")):
        i -= 1
    return i >= start and lw[i] == "door"


def _scope_end(doc: Doc, body, bodies) -> int:
    """A council named in running text: its sentence and the next ones of the paragraph,
    up to a sentence that turns to another session."""
    end = _paragraph_end(doc_text(doc), sent_of(doc, body).end_char)
    nouns = _SESSION_NOUNS
    formats = _format_sessions(doc)  # "in RS-formaat": another gathering
    sent = sent_of(doc, body)
    lw, space = lowers(doc), spaces(doc)  # per-doc arrays, no Tokens
    while sent.end < len(doc) and sent.end_char < end:
        nxt = sent_of(doc, doc[sent.end])
        other = any(b.start >= nxt.start and b.end <= nxt.end and b.kb_id_ != body.kb_id_ and _meets(doc, b)
                    for b in bodies)
        # another gathering: "een bijeenkomst", "een ISAF-bijeenkomst", "het werkdiner"
        new = any((lw[i] in nouns or lw[i].endswith(_GATHERING_SUFFIXES)) and not (i > nxt.start and lw[i - 1] in ("deze", "die", "dit"))
                  for i in range(nxt.start, nxt.end)) or any(nxt.start <= f[0] < nxt.end for f in formats)
        first = next((lw[i] for i in range(nxt.start, nxt.end) if not space[i]), "")
        if other or new or first in _TOPIC_SHIFT and not _refers_back(lw, nxt):
            return nxt.start_char
        sent = nxt
    return min(end, sent.end_char)


_SESSION_STOP = frozenset(DATA["session_stopwords"])
_TOPIC_SHIFT = frozenset(DATA["topic_shift_words"])


def _refers_back(lw: list[str], sent) -> bool:
    """Does ``sent`` point back at the gathering before it: a referring adverb ("daaraan",
    "hieraan") or "deze/die" + a gathering noun ("aan deze sessie")?"""
    return any(lw[j] in _REFERRING_OPENERS or lw[j] in _SESSION_NOUNS and j > sent.start and lw[j - 1] in _REFERRING
               for j in range(sent.start, sent.end))


def session_slug(name: str) -> str:
    """The part of a session key its name gives: the name's content words, so an
    agenda's "Bijeenkomst met de partners in het Noordpoolgebied" and a report's
    "Werksessie 2: Bijeenkomst met partners in het Noordpoolgebied" are one
    session (``partners-noordpoolgebied``); a name of
    nothing but such words ("Werksessie 3") keeps them all."""
    words = slugify(_HEADING_PREFIX.sub("", name) or name).split("-")
    content = [w for w in words if w and w not in _SESSION_STOP]
    if all(w.isdigit() for w in content):
        return slugify(name)
    return "-".join(content)


def _sessions(doc: Doc, main: Meeting | None) -> list[Session]:
    if main is None or not main.key:
        return []
    text = doc_text(doc)
    heads = _doc_headings(doc)
    bodies = _body_spans(doc)
    out: dict[str, Session] = {}
    session_words = set(DATA["session_heading_words"])
    idle = _idle_bodies(doc, bodies)

    def add(name, label, start, end, scope, body=None, heading=False):
        key = session_key(main.key, session_slug(name))
        sess = out.get(key)
        if sess is None:
            sess = out[key] = Session(key, label, start, end, body=body)
        sess.heading = sess.heading or heading
        sess.scopes.append(scope)

    for n, (hs, he) in enumerate(heads):
        title = " ".join(text[hs:he].strip("#* ").split())
        nxt = heads[n + 1][0] if n + 1 < len(heads) else len(text)
        span = doc.char_span(hs, he, alignment_mode="expand")
        if span is None:
            continue
        in_head = [b for b in bodies if b.start >= span.start and b.end <= span.end]
        first = fold(title.split()[0]).strip(":")
        if in_head and in_head[0].kb_id_ in idle:
            continue
        if in_head:
            b = in_head[0]
            label = entity_table(doc).get(b.kb_id_, {}).get("label", b.text)
            add(b.kb_id_.split("/", 1)[1], label, span.start, span.end, (he, nxt), body=b.kb_id_, heading=True)
        elif first in session_words or _ORDINAL_SESSION.match(title):
            name = _HEADING_PREFIX.sub("", title) or title
            add(name, title, span.start, span.end, (he, nxt), heading=True)
    # councils meeting inside the main meeting, named in running text
    for b in bodies:
        if any(b.start >= out_s.start and b.end <= out_s.end for out_s in out.values()):
            continue
        if b.kb_id_ in idle or not _meets(doc, b) or _planned_later(text, b):
            continue
        label = entity_table(doc).get(b.kb_id_, {}).get("label", b.text)
        para = text.rfind("\n\n", 0, b.start_char)  # a sentence may run on from a signature block
        add(b.kb_id_.split("/", 1)[1], label, b.start, b.end,
            (max(sent_of(doc, b).start_char, para + 2 if para >= 0 else 0), _scope_end(doc, b, bodies)), body=b.kb_id_)
    # a gathering named by its format at the meeting ("een ISAF-bijeenkomst met ..."): a session
    # of its own, over its sentence, not part of the council's session before it
    for i in _format_gatherings(doc):
        tok = doc[i]
        if any(sess.start <= i < sess.end for sess in out.values()):
            continue
        sent = sent_of(doc, tok)
        add(tok.text, tok.text, i, i + 1, (sent.start_char, _referring_end(doc, sent)))
    # a gathering "in RS-formaat", "in ISAF-samenstelling": a session named after that format
    for start, end, stem in _format_sessions(doc):
        if any(sess.start <= start < sess.end or start <= sess.start < end for sess in out.values()):
            continue
        sent = sent_of(doc, doc[start])
        if not _at_main(doc, main, sent):
            continue
        label = "bijeenkomst in " + " ".join(doc[start:end].text.split())
        add(_format_name(doc, stem), label, start, end, (sent.start_char, _referring_end(doc, sent)))
    # "een sessie over de samenwerking met de EU": a session named by its topic
    for i, name, scope in _topic_sessions(doc, main):
        if not any(sess.start <= i < sess.end for sess in out.values()):
            add(name, name, i, i + 1, scope)
    # "In een eerste sessie spreken de ministers over ...": a sitting named by its order
    if not any(sess.heading for sess in out.values()):
        for i, name, scope in _ordinal_sittings(doc, main, bodies):
            if not any(sess.start <= i < sess.end for sess in out.values()):
                add(name, name, i, i + 1, scope)
    # a section whose text calls itself "deze sessie": its heading names a session
    for (hs, he), scope in _section_sessions(doc, main, heads, out.values()):
        span = doc.char_span(hs, he, alignment_mode="expand")
        title = " ".join(text[hs:he].strip("#* ").split())
        if span is not None:  # not a "Werksessie N" heading: "de tweede sessie" does not count it
            add(title, title, span.start, span.end, scope)
    # a gathering held "in de marge van" the meeting: a session of its own, not the meeting
    for i, scope in _margin_gatherings(doc):
        if any(sess.start <= i < sess.end for sess in out.values()):
            continue
        name = f"{texts(doc)[i].lower()} in de marge"
        add(name, name, i, i + 1, scope)
    return list(out.values())


_REFERRING = frozenset(("deze", "die", "dit", "dat"))
_SITTINGS = frozenset(DATA["sitting_nouns"])
_TOPIC_STOPS = frozenset({",", ".", ";", ":", "(", ")", "?", "!", "waar", "waarin", "waarbij", "waaraan", "die", "dat"})


def _topic_sessions(doc: Doc, main: Meeting) -> list[tuple[int, str, tuple[int, int]]]:
    """``schoof … aan voor een sessie over de samenwerking tussen de EU en de NAVO``, ``In de
    sessie over Afghanistan …``: (the session noun's token, the name "sessie over <topic>",
    its scope: the sentence and the next ones that refer to it) for a sitting named by its
    topic at the main meeting (its sentence names no other meeting or day)."""
    lw = lowers(doc)
    out = []
    for k in words_where(doc, "LOWER", "events.sittings", _SITTINGS.__contains__):
        i = _ns(doc)[k]
        sent = sent_of(doc, doc[i])
        if i + 2 >= sent.end or lw[i + 1] != "over" or i == sent.start or lw[i - 1] not in ("een", "de"):
            continue
        j = i + 2
        if _is_cap(texts(doc)[j]):  # "over Afghanistan stond …": a name, its capitalised words only
            while j < sent.end and j - i <= 6 and _is_cap(texts(doc)[j]):
                j += 1
        elif _opens_sentence(doc, sent, i - 1):
            continue  # "In de sessie over de transitie bespraken …": where the topic ends is not known
        else:  # "aan voor een sessie over de samenwerking tussen de EU en de NAVO."
            while j < sent.end and j - i <= 12 and lw[j] not in _TOPIC_STOPS and not doc[j].is_space:
                j += 1
        topic = " ".join(doc[i + 2:j].text.split())
        if not topic or not _at_main(doc, main, sent) or any(
                w in _CLAUSE_MEETING_WORDS or w.endswith(_SUMMIT_SUFFIXES) for w in lw[i + 2:j]):
            continue
        out.append((i, f"sessie over {topic}", (sent.start_char, _referring_end(doc, sent))))
    return out


_SITTING_ORDINALS = frozenset(DATA["sitting_ordinals"])


def _ordinal_sittings(doc: Doc, main: Meeting, bodies) -> list[tuple[int, str, tuple[int, int]]]:
    """``In een eerste sessie spreken de ministers over X. Voor deze sessie zijn ... uitgenodigd``:
    (the session noun's token, the name "eerste sessie", its scope: the sentence and the next
    ones that refer to it) for a sitting named by its order at the main meeting, in a sentence
    that names no council (that council's session is the sitting) and no other meeting or day.
    Only for a meeting without session headings (``de eerste sessie`` counts those)."""
    lw = lowers(doc)
    out = []
    for k in words_where(doc, "LOWER", "events.sittings", _SITTINGS.__contains__):
        i = _ns(doc)[k]
        sent = sent_of(doc, doc[i])
        prev = [j for j in range(max(sent.start, i - 3), i) if not doc[j].is_space][-2:]
        if len(prev) < 2 or lw[prev[0]] not in ("een", "de") or lw[prev[1]] not in _SITTING_ORDINALS:
            continue
        if any(sent.start <= b.start < sent.end for b in bodies) or not _at_main(doc, main, sent):
            continue
        out.append((i, f"{lw[prev[1]]} {lw[i]}", (sent.start_char, _referring_end(doc, sent))))
    return out


def _opens_sentence(doc: Doc, sent, i: int) -> bool:
    """Does the phrase whose article is token ``i`` open ``sent`` (after one preposition)?"""
    first = next((j for j in range(sent.start, sent.end) if not doc[j].is_space), sent.start)
    return i - first <= 1


def _section_sessions(doc: Doc, main: Meeting, heads: list[tuple[int, int]], sessions) -> list:
    """``Resolute Support`` / ``Op 8 juni spreken de ministers over … Aan deze sessie nemen
    ook … deel``: a section of an agenda or report whose text refers to itself as "deze
    sessie" is a session named by its heading: ((heading span), scope of its text). Only
    when every sitting noun of the section so refers back (none introduces another
    sitting: "een werkdiner", "de tweede sessie"), no session found already covers it,
    and its sentences name no other meeting or day."""
    text, lw = doc_text(doc), lowers(doc)
    taken = [sc for sess in sessions for sc in sess.scopes]
    out = []
    for n, (hs, he) in enumerate(heads):
        nxt = heads[n + 1][0] if n + 1 < len(heads) else len(text)
        # under "Werksessie 1: …" a sub-heading's "deze werksessie" is that one
        if any(fold(text[a:b].strip("#* ").split()[0]).strip(":") in _SITTINGS
               or _ORDINAL_SESSION.match(text[a:b].strip("#* ")) for a, b in heads[:n] if text[a:b].split()):
            break
        if any(sess.start <= (doc.char_span(hs, he, alignment_mode="expand") or doc[0:0]).start < sess.end
               for sess in sessions):
            continue
        body = doc.char_span(he, nxt, alignment_mode="expand")
        if body is None or len(text[hs:he].split()) > 8:
            continue
        refs, other = [], False
        for i in range(body.start, body.end):
            w = lw[i]
            if w in _SESSION_NOUNS or w.endswith(_GATHERING_SUFFIXES) or w.endswith("sessies"):
                if w in _SITTINGS and i > body.start and lw[i - 1] in _REFERRING | {"de"} \
                        and (i + 1 >= len(doc) or lw[i + 1] != "over"):
                    refs.append(i)
                else:
                    other = True
        if other or not any(lw[i - 1] in _REFERRING for i in refs):
            continue
        if any(a <= doc[i].idx < b for i in refs for a, b in taken):
            continue
        first = sent_of(doc, doc[refs[0]])
        sents = [sent_of(doc, doc[body.start])] if body.start < len(doc) else []
        if not all(_at_main(doc, main, s) for s in {(x.start, x.end): x for x in sents + [first]}.values()):
            continue
        out.append(((hs, he), (he, nxt)))
    return out


def _margin_gatherings(doc: Doc) -> list[tuple[int, tuple[int, int]]]:
    """``In de marge van de bijeenkomst vindt een vergadering plaats van …, waaraan …
    deelnemen``: (token of the gathering's noun, its scope). The scope is its sentence and
    the next ones of the paragraph that refer to it ("is voor deze vergadering uitgenodigd")."""
    lw = lowers(doc)
    nouns = _SESSION_NOUNS
    text = doc_text(doc)
    out = []
    for k in words_where(doc, "LOWER", "events.margin", "marge".__eq__):
        i = _ns(doc)[k]
        if not (i >= 2 and lw[i - 1] == "de" and lw[i - 2] == "in" and i + 1 < len(doc) and lw[i + 1] == "van"):
            continue
        sent = sent_of(doc, doc[i])
        # the meeting it is held beside: "van de bijeenkomst"; the gathering: the next noun after it
        host = next((j for j in range(i + 2, min(i + 5, sent.end)) if lw[j] in nouns), None)
        after = host + 1 if host is not None else i + 2
        noun = next((j for j in range(after, sent.end) if lw[j] in nouns), None)
        if noun is None:
            continue
        end = sent.end_char
        para_end = text.find("\n\n", sent.end_char)
        para_end = len(text) if para_end < 0 else para_end
        nxt = sent
        while nxt.end < len(doc) and nxt.end_char < para_end:
            nxt = sent_of(doc, doc[nxt.end])
            refers = any(lw[j] in nouns and j > nxt.start and lw[j - 1] in _REFERRING for j in range(nxt.start, nxt.end))
            if not refers:
                break
            end = nxt.end_char
        out.append((noun, (sent.start_char, end)))
    return out


# "<council> komt (tijdens deze bijeenkomst) niet (op ministerieel niveau) bijeen", "… vergadert niet",
# "… zal niet bijeenkomen": said right after the council's name
_IDLE = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:komt|komen|zal|zullen|wordt|worden|vergadert|vergaderen)\b"
                   r"[^.;:!?]{0,60}?\b(?:niet|geen)\b(?:[^.;:!?]{0,40}?\b(?:bijeen\w*|vergader\w*|belegd|plaats)\b)?")


# "… staat niet op de agenda", "… is (dit keer) niet voorzien": said right after the council's name
_OFF_AGENDA = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:staat|staan|is|zijn|wordt|worden)\b[^.;:!?]{0,30}?\b(?:niet|geen|evenmin|nooit)\b"
                         r"[^.;:!?]{0,20}?\b(?:op\s+(?:de|het)\s+(?:agenda|programma)|voorzien|gepland|geagendeerd)\b")
# "er vond geen bijeenkomst van de NAVO-Rusland Raad plaats", "geen aparte NRC": a negated gathering
# of the council, said right before its name
_NOT_HELD_BEFORE = re.compile(r"\b(?:geen|niet\s+een)\s+(?:\w+\s+)?(?:(?:bijeenkomst|vergadering|sessie|zitting)\s+"
                              r"(?:plaats\s+)?van\s+(?:de\s+|het\s+)?)?$", re.IGNORECASE)
# a council named as the one replaced or abolished ("de NUC, die de NAVO-Oekraïne Commissie vervangt",
# "de voormalige X", "X werd opgeheven"): no longer a council that meets
_FORMER_BEFORE = re.compile(r"(?:\b(?:voormalige|vroegere|toenmalige|opgeheven|afgeschafte)\s+|"
                            r"\b(?:vervanging\s+van|opvolger\s+van|in\s+plaats\s+van|vervangt|verving)\s+(?:de\s+|het\s+)?)$", re.IGNORECASE)
_REPLACED_OBJECT = re.compile(r"\b(?:die|dat|welke)\s+(?:de\s+|het\s+)$", re.IGNORECASE)
_REPLACES = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:vervangt|vervangen|verving|vervingen|opvolgt|opvolgen|opvolgde)\b", re.IGNORECASE)
_REPLACED_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:is|zijn|wordt|worden|werd|werden)\s+(?:\w+\s+){0,3}?"
                             r"(?:vervangen|opgeheven|afgeschaft|opgevolgd)\b", re.IGNORECASE)


def _idle_bodies(doc: Doc, bodies) -> set[str]:
    """Councils the text says do not meet (``… komt niet bijeen``, ``… staat niet op de
    agenda``, ``er vond geen bijeenkomst van … plaats``) or names as replaced or
    abolished: no session of the meeting, even under their own heading."""
    text = doc_text(doc)
    out = set()
    for b in bodies:
        m = _IDLE.match(text, b.end_char, min(len(text), b.end_char + 160))
        if m and (m.group(0).split()[0] == "vergadert" or re.search(r"(?:bijeen|vergader|belegd|plaats)\w*$", m.group(0))):
            out.add(b.kb_id_)
            continue
        before = text[max(0, b.start_char - 80):b.start_char]
        if _OFF_AGENDA.match(text, b.end_char, min(len(text), b.end_char + 120)) or _NOT_HELD_BEFORE.search(before):
            out.add(b.kb_id_)
        elif _superseded(text, b, before):
            out.add(b.kb_id_)
    return out


# "… staat later dit jaar gepland", "… zal op een later tijdstip bijeenkomen": said in the council's
# own clause, a gathering after this meeting (not "later vandaag", "later die middag"); "… volgt in juni"
_LATER_WHEN = (r"later\s+(?:dit|dat|deze|in\s+het|in\s+de)\s+(?:jaar|najaar|voorjaar|zomer|herfst|winter|maand)"
               r"|op\s+een\s+latere?\s+(?:moment|tijdstip|datum)|volgend\s+jaar|volgende\s+(?:maand|week)"
               r"|in\s+de\s+loop\s+van\s+(?:dit|het|volgend)\s+jaar")
_LATER_AFTER = re.compile(
    r"[^.;:!?]{0,60}?\b(?:(?:" + _LATER_WHEN + r")\b[^.;:!?]{0,40}?\b(?:gepland|voorzien|plaats\w*|bijeen\w*|vergader\w*|gehouden|georganiseerd)"
    r"|volg(?:t|en)\s+(?:later|in\s+(?:" + "|".join(MONTH_NAMES) + r")))\b", re.IGNORECASE)


def _planned_later(text: str, b) -> bool:
    """Is council mention ``b`` said in its own clause to meet later than this meeting
    (``een bijeenkomst van de X staat later dit jaar gepland``)? No session of the meeting."""
    return bool(_LATER_AFTER.match(text, b.end_char, min(len(text), b.end_char + 160)))


def _superseded(text: str, b, before: str) -> bool:
    """Is council mention ``b`` named as a former council, or as the one another replaces?"""
    after = (text, b.end_char, min(len(text), b.end_char + 80))
    if _FORMER_BEFORE.search(before) or _REPLACED_AFTER.match(*after):
        return True
    return bool(_REPLACED_OBJECT.search(before)) and bool(_REPLACES.match(*after))


_FORMAT_SUFFIXES = tuple(DATA["format_suffixes"])
_FORMAT_CUES = frozenset(DATA["format_gathering_cues"])
_REFERRING_OPENERS = frozenset(DATA["referring_openers"])


def _format_sessions(doc: Doc) -> list[tuple[int, int, str]]:
    """:func:`_find_format_sessions`, worked out once per doc."""
    return memo(doc, "events.format_sessions_found", lambda: _find_format_sessions(doc))


def _find_format_sessions(doc: Doc) -> list[tuple[int, int, str]]:
    """``kwamen de ministers in RS-formaat bijeen``, ``vond een bijeenkomst plaats in
    ISAF-samenstelling``: (first token, end token, the format's name) of a gathering in
    the format of a named mission or forum, in a sentence that speaks of a gathering.
    The name is capitalised and not NATO itself ("in NAVO-samenstelling")."""
    out = []
    lw, tx, ns = lowers(doc), texts(doc), _ns(doc)
    for k in words_where(doc, "LOWER", "events.format_sessions", lambda w: w.endswith(_FORMAT_SUFFIXES)):
        i = ns[k]
        head = tx[i].rsplit("-", 1)[0]
        if not head or not _is_cap(head) or fold(head) in DATA["nato_markers"] or fold(head) in ("navo", "nato"):
            continue
        # a name of more words: "in Resolute Support-formaat"
        j = k
        while j > 0 and j - k > -3 and _is_cap(tx[ns[j - 1]]) and lw[ns[j - 1]] not in _BRIDGE:
            j -= 1
        before = j - 1
        while before >= 0 and lw[ns[before]] in ("het", "de"):
            before -= 1
        if before < 0 or lw[ns[before]] != "in":
            continue
        sent = sent_of(doc, doc[i])
        if _FORMAT_CUES.isdisjoint(lw[sent.start:sent.end]):
            continue
        stem = " ".join([*(tx[ns[x]] for x in range(j, k)), head])
        out.append((ns[j], i + 1, stem))
    return out


def _at_main(doc: Doc, main: Meeting, sent) -> bool:
    """Does sentence ``sent`` speak of a gathering at the main meeting: it names no other
    meeting and no day outside the main meeting's ("in 2019 spraken de ministers in
    Weimar-formaat in Parijs" is not)?"""
    if any(sp.label_ in ("Summit", "MinisterialMeeting") and sp.kb_id_ != main.key
           and sent.start <= sp.start < sent.end for sp in mentions(doc)):
        return False
    first, last = (main.ref.start, main.ref.end) if main.ref is not None else \
        (main.date.start, main.date.end) if main.date is not None and main.date.is_day and main.date.year else (None, None)
    if first is None:
        return True
    lw = lowers(doc)
    for i in range(sent.start + 1, sent.end):  # "in 2016 kwamen de ministers ... bijeen"
        if lw[i - 1] == "in" and re.fullmatch(r"(19|20)\d\d", lw[i]) and not first.year <= int(lw[i]) <= last.year:
            return False
    for d in find_dates(span_text(doc, sent), first.year):
        if d.year is None:
            continue
        if d.explicit_year and not first.year <= d.year <= last.year:
            return False  # a year other than the meeting's: another gathering
        if d.is_day and not first <= d.start <= last:
            return False
    return True


def _format_name(doc: Doc, stem: str) -> str:
    """The name a format session is keyed by: the reference mission or forum the format's
    name folds to ("ISAF"), else the one of the document whose initials it is ("RS":
    Resolute Support), else the name itself."""
    key = _reference_key(stem, ("Operation", "Organisation"))
    if key is None and stem.isupper() and len(stem) >= 2:
        for k, info in entity_table(doc).items():
            if info["cls"] not in ("Operation", "Organisation"):
                continue
            names = [info["label"], *info.get("alt_labels", ())]
            if any("".join(w[0] for w in n.replace("-", " ").split() if w[:1].isupper()) == stem
                   and len(n.split()) >= 2 for n in names):
                key = k
                break
    return key.split("/", 1)[1].replace("-", " ") if key else stem


def _referring_end(doc: Doc, sent) -> int:
    """The end of a gathering's text: its sentence ``sent`` and the next ones of the paragraph
    that speak of it ("Hieraan namen … deel", "… nam aan deze sessie deel")."""
    lw, text = lowers(doc), doc_text(doc)
    nouns = _SESSION_NOUNS
    para_end = text.find("\n\n", sent.end_char)
    para_end = len(text) if para_end < 0 else para_end
    end, nxt = sent.end_char, sent
    while nxt.end < len(doc) and nxt.end_char <= para_end:
        nxt = sent_of(doc, doc[nxt.end])
        if nxt.start_char >= para_end:
            break
        first = next((lw[j] for j in range(nxt.start, nxt.end) if not doc[j].is_space), "")
        refers = first in _REFERRING_OPENERS or any(
            lw[j] in nouns and j > nxt.start and lw[j - 1] in _REFERRING for j in range(nxt.start, nxt.end))
        if not refers:
            break
        end = nxt.end_char
    return end


def _format_gatherings(doc: Doc) -> list[int]:
    """Tokens such as ``ISAF-bijeenkomst``, ``NUC-vergadering``: a gathering noun after
    a capitalised name (not the NATO meeting itself: "NAVO-bijeenkomst")."""
    out = []
    for k in words_where(doc, "LOWER", "events.format_gatherings", lambda w: w.endswith(_GATHERING_SUFFIXES)):
        i = _ns(doc)[k]
        head = texts(doc)[i].rsplit("-", 1)[0]
        if head[:1].isupper() and fold(head) not in DATA["nato_markers"] and fold(head) not in ("navo", "nato"):
            out.append(i)
    return out


# ---------------------------------------------------------------- component

def _register(doc: Doc, m: Meeting) -> None:
    if not m.key:
        return
    surface = [" ".join(doc[m.start:m.end].text.split())] if m.named else []
    register_entity(doc, m.key, m.cls, m.label, alt_labels=[*surface, *m.alt])
    add_mention(doc, m.start, m.end, m.cls, m.key, named=m.named)


def _main_meeting(doc: Doc, meetings: list[Meeting], doc_date) -> Meeting | None:
    """The meeting the document is the agenda or report of: in its opening, the one
    that follows "agenda", "verslag" or "inzet" in its sentence ("de geannoteerde
    agenda voor de NAVO-top ..."), else the first one named."""
    limit = max(1500, len(doc_text(doc)) // 5)
    opening = [m for m in meetings if m.start < len(doc) and doc[m.start].idx < limit]
    if not opening:
        return None
    # "het verslag van de vorige FMM" in an agenda: not the meeting it is the agenda of
    opening = [m for m in opening if not _another_meeting(doc, m, _PREVIOUS_MEETING)]
    for m in opening:
        if _named_as_document_topic(doc, m):
            return m
    # Else the first one named, unless it is long past: a letter that recalls "de
    # NAVO-top in Warschau in 2016" is not about that summit.
    return next((m for m in opening if not _long_past(m, doc_date)), None)


def _named_as_document_topic(doc: Doc, m: Meeting) -> bool:
    """Does "agenda", "verslag" or "inzet" precede meeting ``m`` in its sentence?"""
    sent = sent_of(doc, doc[m.start])
    return any(w in _DOCUMENT_WORDS for w in lowers(doc)[sent.start:m.start])


_NOT_MEETING_DOC = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in DATA["not_meeting_document_patterns"]]
_PURPOSE_OPENERS = frozenset(DATA["purpose_openers"])
_TOPIC_WORDS = frozenset(DATA["meeting_topic_words"])
_TOPIC_SUFFIXES = tuple(DATA["meeting_topic_words"])


def _concerned(doc: Doc, main: Meeting | None, meetings: list[Meeting]) -> str | None:
    """The key of the meeting the document concerns (is the agenda or report of): its
    main meeting, unless its genre never is a meeting's agenda or report (answers to
    written questions, an article-100 letter), or, when no "agenda"/"verslag" names
    the meeting, the letter's "Hierbij ..." sentence names no meeting at all (it
    is about a decision, a mission, a question: the summit it recalls is not its topic)."""
    if main is None or not main.key:
        return None
    opening = doc_text(doc)[:2500]
    if any(rx.search(opening) for rx in _NOT_MEETING_DOC):
        return None
    if _named_as_document_topic(doc, main):
        return main.key
    purpose = _purpose_sentence(doc)
    if purpose is not None and not _names_meeting(doc, purpose, meetings):
        return None
    return main.key


def _purpose_sentence(doc: Doc):
    """The sentence of the opening that tells the reader what the letter is for: it
    starts with "Hierbij" and addresses the reader within a few words ("Hierbij
    informeer ik u", "Hierbij ontvangt uw Kamer"), or None."""
    lw, ns = lowers(doc), _ns(doc)
    limit = min(len(doc_text(doc)), 2500)
    for k, i in enumerate(ns):
        if doc[i].idx >= limit:
            break
        if lw[i] in _PURPOSE_OPENERS and not {lw[j] for j in ns[k + 1:k + 7]}.isdisjoint(("u", "uw")):
            sent = sent_of(doc, doc[i])
            if next(j for j in ns if j >= sent.start) == i:
                return sent
    return None


def _names_meeting(doc: Doc, sent, meetings: list[Meeting]) -> bool:
    """A meeting mention, or a word for a meeting or its agenda/report, in ``sent``."""
    if any(sent.start <= m.start < sent.end for m in meetings):
        return True
    return any(w in _TOPIC_WORDS or w.endswith(_TOPIC_SUFFIXES) and "-" in w
               for w in lowers(doc)[sent.start:sent.end])


RECALLED_DAYS = 120  # a report follows its meeting within weeks; a meeting further back is recalled


def _long_past(m: Meeting, doc_date) -> bool:
    """Did meeting ``m`` end more than RECALLED_DAYS before the document's date?"""
    if doc_date is None:
        return False
    end = m.ref.end if m.ref is not None else (
        m.date.end if m.date is not None and m.date.is_day and m.date.year and m.date.explicit_year else None)
    return end is not None and (doc_date - end).days > RECALLED_DAYS


def _settle_record(doc: Doc, m: Meeting, rec: dict) -> None:
    """Dates and place of a meeting from one of its mentions: a reference summit's
    own (with the first mention as the sentence that names it), else what the
    text states (a day-level date with a year; the place it names, or the city
    of the headquarters it names)."""
    joined = _joined_places(m.place) if m.ref is not None and m.place else None
    if joined:  # "de top van Straatsburg/Kehl": its host places, written as one name
        text_place = _joined_hosts(doc, m, rec, joined)
    else:
        text_place = _place_key(doc, m.place) if m.place else None
        if text_place and m.place_span:
            add_mention(doc, m.place_span[0], m.place_span[1], "Place", text_place)
    if m.ref is not None:
        region = m.ref.region and m.place and fold(m.place) == fold(m.ref.region)
        if text_place and fold(m.place) in m.ref.place_names and not region and \
                text_place != _place_key(doc, m.ref.place or m.place):  # "de top in Kehl": held there too
            also = rec.setdefault("also_places", [])
            if text_place not in (k for k, _ in also):
                also.append((text_place, (m.start, m.end)))
        second = _second_host(doc, m)
        if second is not None:  # "in Straatsburg en Kehl": a summit with two host places
            key = _place_key(doc, _title(doc[second[0]:second[1]].text))
            add_mention(doc, second[0], second[1], "Place", key)
            also = rec.setdefault("also_places", [])
            if key not in (k for k, _ in also):
                also.append((key, (m.start, m.end)))
        if rec["start"] is None:
            rec["start"], rec["end"], rec["date_span"] = m.ref.start, m.ref.end, (m.start, m.end)
        if rec["place"] is None and m.ref.place:
            rec["place"] = _place_key(doc, m.ref.place)
            rec["place_span"] = (m.start, m.end)
            rec["place_in_text"] = rec["place"] == text_place
        if region and rec["place"]:  # "de top in Wales": the host city, named here with its region
            info = entity_table(doc)[rec["place"]]
            register_entity(doc, rec["place"], info["cls"], info["label"], alt_labels=[f"{m.ref.place} ({m.ref.region})"])
        _stated_reference_values(doc, m, rec, text_place, region)
        return
    if m.date is not None and m.date.is_day and m.date.year and rec["start"] is None:
        rec["start"], rec["end"] = m.date.start, m.date.end
        rec["date_span"] = m.date_at or (m.start, m.end)  # the sentence that states the date
    if text_place and rec["place"] is None:
        city = DATA["headquarters_city"].get(fold(m.place))
        rec["place"] = _place_key(doc, city) if city else text_place
        rec["place_span"] = (m.start, m.end)


def _joined_places(name: str) -> list[str] | None:
    """``Straatsburg/Kehl``, ``Straatsburg-Kehl``: known places written as one name
    (that is no place of its own), or None."""
    if _reference_key(name, ("Place",)):
        return None
    parts = [p.strip() for p in re.split(r"[/-]", name)]
    if len(parts) < 2 or not all(p and _reference_key(p, ("Place",)) for p in parts):
        return None
    return parts


def _joined_hosts(doc: Doc, m: Meeting, rec: dict, parts: list[str]) -> str | None:
    """Each place of a joined name is a place the text names and a location of the
    summit (the host city, the others as further hosts); returns the host's key when
    the name holds it. No place is made of the joined name itself."""
    keys = [_place_key(doc, p) for p in parts]
    if m.place_span:
        for key in keys:
            add_mention(doc, m.place_span[0], m.place_span[1], "Place", key)
    host = _place_key(doc, m.ref.place) if m.ref.place else None
    also = rec.setdefault("also_places", [])
    for key in keys:
        if key != host and key not in (k for k, _ in also):
            also.append((key, (m.start, m.end)))
    return host if host in keys else None


def _stated_reference_values(doc: Doc, m: Meeting, rec: dict, text_place: str | None, region) -> None:
    """Where the text itself states a reference summit's values: the token span of a
    date that gives its first (``start_at``) or last day (``end_at``), and of a
    mention that names its host city or the region it lies in (``place_at``). The
    reference data gives the values; these sentences are their evidence, and a
    value no sentence states is the reference data's alone."""
    d, ref = m.date, m.ref
    if d is not None and d.day1 is not None and (d.year is None or d.year == ref.start.year):
        span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
        if span is not None:
            if rec.get("start_at") is None and (d.month1, d.day1) == (ref.start.month, ref.start.day):
                rec["start_at"] = (span.start, span.end)
            if rec.get("end_at") is None and (d.month2, d.day2 or d.day1) == (ref.end.month, ref.end.day):
                rec["end_at"] = (span.start, span.end)
    if rec.get("place_at") is None and rec["place"] and (text_place == rec["place"] or region):
        rec["place_at"] = m.place_span or (m.start, m.end)


def _second_host(doc: Doc, m: Meeting) -> tuple[int, int] | None:
    """``gehouden in Straatsburg en Kehl``: the token span of a second place after "en" that
    the reference summit also names as its host, or None."""
    if m.ref is None or m.place_span is None:
        return None
    ns = _ns(doc)
    k = bisect_left(ns, m.place_span[1])
    if k + 1 >= len(ns) or lowers(doc)[ns[k]] != "en":
        return None
    span = _place_after(doc, ns, k + 1)
    if span is None or fold(doc[span[0]:span[1]].text) not in m.ref.place_names:
        return None
    return span


class EventFinder:
    """Finds meetings and sessions; see the module docstring."""

    def __init__(self, nlp):
        self.matcher = _ministerial_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._run(doc)
        except Exception as exc:  # a bad heuristic must never stop the build
            doc.user_data.setdefault("kg_warnings", []).append(f"kg_events: {exc!r}")
            return doc

    def _run(self, doc: Doc) -> Doc:
        year = _doc_year(doc)
        ns = _ns(doc)
        dates = _dates_by_token(doc, year)
        summits = _summits(doc, ns, dates)
        ministerials = _ministerials(doc, ns, dates, self.matcher, summits)
        doc_date = _doc_date(doc)
        summits = _kind_summits(doc, ns, dates, summits)
        summits = _recalled_gathering(doc, ns, dates, _leaders_gathering(doc, ns, dates, summits))
        _resolve_summits(doc, summits, doc_date, dates)
        _settle_ministerials(doc, ministerials, doc_date)
        meetings = sorted([m for m in summits + ministerials if m.key], key=lambda m: m.start)
        info: dict[str, dict] = {}
        for m in meetings:
            rec = info.setdefault(m.key, {"cls": m.cls, "start": None, "end": None, "date_span": None,
                                          "place": None, "place_span": None, "mentions": [],
                                          "reference": m.ref is not None, "place_in_text": True})
            if not m.anaphor:
                _register(doc, m)
                if m.named:  # "komen de regeringsleiders bijeen" mentions the summit but is no naming of it
                    rec["mentions"].append((m.start, m.end))  # that later rules read as "the text names it here"
            _settle_record(doc, m, rec)
        meetings = [m for m in meetings if not m.anaphor and m.named]
        main = _main_meeting(doc, meetings, doc_date)
        sessions = _sessions(doc, main)
        for s in sessions:
            register_entity(doc, s.key, "Session", s.label)
            add_mention(doc, s.start, s.end, "Session", s.key)
        doc.user_data["kg_events"] = {
            "year": year,
            "meetings": info,
            "main": main.key if main else None,
            "concerns": _concerned(doc, main, meetings),
            "sessions": [{"key": s.key, "label": s.label, "span": (s.start, s.end), "scopes": s.scopes, "heading": s.heading,
                          "body": s.body} for s in sessions],
            "headings": _doc_headings(doc),
        }
        return doc


@Language.factory("kg_events")
def make_events(nlp, name):
    """spaCy factory for :class:`EventFinder`."""
    return EventFinder(nlp)
