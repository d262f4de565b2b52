"""kg_events, which ministerial a mention is: keyed by kind + year-month of its start
(``ministerial/fmm-2024-04``, ``kg.reference.ministerial_key``); an undated mention
takes the date of an earlier mention of its kind or of the one day a later sentence
gathers the ministers on; "de vorige FMM", "de volgende DMM" name another meeting.
An undated ministerial is document-scoped (``ministerial/~dmm``).

Feeds the ministerials' keys, labels and alternative names ("FMM april 2024").
"""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from kg.dates import DateMention
from kg.reference import ministerial_key
from kg.nlp.components.docindex import lowers, sent_bounds
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.components.fold import fold  # fold: memoised kg.slug.fold
from kg.nlp.components.events.common import DATA, MONTH_NAMES, Meeting, _ns
from kg.nlp.components.events.dates import _context_year, _date_label

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
                if dated and dated[-1].kind not in ("ministerial", ""):
                    m.kind = dated[-1].kind  # "de eerste ministeriële bijeenkomst ..." after the FMM: that FMM
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
_ANOTHER_TIME = frozenset(DATA["another_time_words"])


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
