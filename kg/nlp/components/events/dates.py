"""kg_events, time: the document's own date and year, a sentence's tense ("jl.",
"a.s.", "zal"), relative years ("volgend jaar", "afgelopen zomer"), the date
mentions of the text by token, a year or length stated beside a meeting word
("in 2006 tijdens de NAVO-top", "de driedaagse top"), "vandaag"/"gisteren", and
the year a date without one takes from the letter.

Feeds the meetings' ``schema:startDate``/``endDate`` (through their records) and
the year in their keys (``ministerial/fmm-2024-04``) and labels.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from kg.dates import DateMention, document_date, find_dates
from kg.nlp.components.docindex import lowers, memo, texts, sent_bounds, sent_of
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.components.events.common import DATA, MONTH_NAMES, Meeting

_SEASONS = frozenset(DATA["season_words"])

_PAST, _FUTURE = frozenset(DATA["past_words"]), frozenset(DATA["future_words"])
# "wordt gehouden", "worden gemaakt": a participle with a present passive is no past
# (unless a perfect "is/zijn gemaakt" stands there too)
_PRESENT_PASSIVE, _PARTICIPLES = frozenset(DATA["present_passive"]), frozenset(DATA["past_participles"])
_PERFECT = frozenset(DATA["perfect_auxiliaries"])

_TENSE_WINDOW = 15  # tokens either side of a mention that say its tense

_YEAR_BRIDGE = frozenset(DATA["year_bridge"])  # "in 2006 tijdens de NAVO-top"


def _doc_year(doc: Doc) -> int | None:
    """The letter's year: from metadata a caller left, else the document's own date (its
    ``Den Haag, <date>``, a news item's date line, an answer's ``(ontvangen …)``: a news
    item of 2017 that recalls 2014 is of 2017), else the first dated expression."""
    meta = doc.user_data.get("kg_meta") or {}
    if meta.get("year"):
        return int(meta["year"])
    if meta.get("date"):
        return int(str(meta["date"])[:4])
    found = _own_date(doc)
    if found is not None:
        return found.year
    for d in _opening_dates(doc):
        if d.year is not None and d.is_day:
            return d.year
    return None


def _doc_date(doc: Doc):
    """The document's own date (its ``Den Haag, <date>`` or date line), else the
    first explicit day-date of its opening: the point in time that "volgend
    jaar", "jl." and the tense of a sentence are read from. None if neither."""
    meta = doc.user_data.get("kg_meta") or {}
    if meta.get("date"):
        return meta["date"]
    found = _own_date(doc)
    if found is not None:
        return found
    for d in _opening_dates(doc):
        if d.year is not None and d.is_day and d.explicit_year:
            return d.start
    return None


def _own_date(doc: Doc):
    """The date the document gives itself (``document_date``, else ``_header_date``), read
    once per document: the year, the date and several rules ask for it."""
    def make():
        text = doc_text(doc)
        return document_date(text) or _header_date(text)
    return memo(doc, "events.own_date", make)


def _opening_dates(doc: Doc) -> list:
    """The date expressions of the document's opening (its first 3,000 characters), once per document."""
    return memo(doc, "events.opening_dates", lambda: find_dates(doc_text(doc)[:3000]))


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


_LAST_SUMMER = re.compile(r"\b(?:afgelopen|vorige) zomer\b")
_NEXT_SUMMER = re.compile(r"\b(?:komende|aankomende|volgende) zomer\b")
# "volgend jaar" -> +1, as whole words (compiled once, not per sentence)
_RELATIVE_YEARS = [(re.compile(r"\b" + re.escape(phrase) + r"\b"), delta) for phrase, delta in DATA["relative_years"].items()]


def _relative_year(doc: Doc, i: int, doc_date) -> int | None:
    """``volgend jaar`` / ``vorig jaar`` in the sentence of token ``i``: that year."""
    if doc_date is None:
        return None
    sent = sent_of(doc, doc[i])
    low = " ".join(lowers(doc)[sent.start:sent.end])
    if "zomer" in low:  # "afgelopen zomer": the summer before the letter, "komende zomer" the next
        if _LAST_SUMMER.search(low):
            return doc_date.year if doc_date.month >= 9 else doc_date.year - 1
        if _NEXT_SUMMER.search(low):
            return doc_date.year if doc_date.month < 6 else doc_date.year + 1
    for pattern, delta in _RELATIVE_YEARS:
        if pattern.search(low):
            return doc_date.year + delta
    return None


def _dates_by_token(doc: Doc, year: int | None) -> list[tuple[int, int, DateMention]]:
    """Date mentions with their token span."""
    out = []
    for d in find_dates(doc_text(doc), year):
        span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end, d))
    return out


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
    """A date that ends shortly before ns-position ``pos`` in the same sentence; not one a
    coordinating "en" parts from it ("de top in Londen van december 2019 en de eerste NAVO-top
    ...": the date is the first conjunct's)."""
    tok = doc[ns[pos]]
    best = None
    for s, e, d in dates:
        if e <= tok.i and s >= sent_bounds(doc, tok.i)[0] and tok.i - e <= 4 and \
                "\n" not in doc_text(doc)[d.end_char:tok.idx] and \
                "en" not in lowers(doc)[e:tok.i]:  # a date line above is not the meeting's
            best = d
    return best


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
    return _today_at(doc, at)


def _today_at(doc: Doc, at: int) -> DateMention | None:
    """The day the word of ``today_words`` at token ``at`` names ("vandaag": the document's
    own date from its date line or header, never a date from its body; "gisteren": the day
    before), or None when the document has no date of its own."""
    lw = lowers(doc)
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


def _date_label(d: DateMention) -> str:
    month = MONTH_NAMES[d.month1 - 1]
    if d.day1 is None:
        return f"{month} {d.year}"
    if d.day2 and (d.day2 != d.day1 or d.month2 != d.month1):
        if d.month2 != d.month1:
            return f"{d.day1} {month}-{d.day2} {MONTH_NAMES[d.month2 - 1]} {d.year}"
        return f"{d.day1}-{d.day2} {month} {d.year}"
    return f"{d.day1} {month} {d.year}"
