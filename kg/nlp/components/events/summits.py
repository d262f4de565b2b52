"""kg_events, summit mentions: a summit named by place ("NAVO-top in Vilnius",
"de Madrid-top", "Vilniustop"), by date ("de NAVO-top van 11 en 12 juli"), by kind
("Leaders' Meeting", "bijeenkomst van staatshoofden en regeringsleiders"), the
allies' leaders gathering in a place at a stated time ("Volgende zomer komen de
regeringsleiders bijeen in Warschau"), a gathering recalled by place and year
("sinds de bijeenkomst in Wales in september 2014"), an agreement of the allies recalled
by place and month ("In Wales is in september 2014 afgesproken dat bondgenoten ...") and
"die (NAVO-)top" after a sentence that gives the exact days and place of a reference summit.

Feeds ``kg:Summit`` entities and their mentions (``kg:mentions``); their identity
is settled in ``summit_identity``.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from kg.dates import DateMention
from kg.reference import match_summit, place_names
from kg.reference import summits as reference_summits
from kg.nlp.components.docindex import lowers, texts, sent_bounds, words_where
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.components.fold import fold  # fold: memoised kg.slug.fold
from kg.nlp.components.events.common import DATA, MONTH_NAMES, _ABBREV, Meeting, _is_cap, _title, _Positions
from kg.nlp.components.events.dates import (
    _doc_date, _relative_year, _date_before, _year_before, _days_before, _year_after, _context_year,
)
from kg.nlp.components.events.places import _place_after, _scan_after, _described_place, _known_place, _place_before
from kg.nlp.components.events.common import _CLAUSE_MEETING_WORDS
from kg.nlp.components.events.dates import _today_at
from kg.nlp.components.events.ministerials import (
    _COME, _comes_together, _weekday_at, _WEEKDAY_NUMBERS, _ACT_BLOCKERS, _STATEMENT, _SUBJECT_PREPOSITIONS,
    _CLAUSE_BREAKS, _TODAY_WORDS, _NATO_PREFIXES,
)

_NOT_NATO = frozenset(DATA["not_nato_summit_words"])

_KIND_RX = {k: re.compile(p, re.IGNORECASE) for k, p in DATA["summit_kind_patterns"].items()}
_KIND_RX_ALL = [*_KIND_RX.items(), *((k, re.compile(p, re.IGNORECASE))
                                     for k, p in DATA["summit_kind_patterns_government"].items())]


_SUMMIT_WORDS = frozenset(DATA["summit_words"])
_SUMMIT_SUFFIXES = tuple(DATA["summit_suffixes"])  # str.endswith takes a tuple: one C call per word
_SUMMIT_PREFIX_WORDS = frozenset(DATA["summit_prefix_words"])
_NUMBER_WORDS = frozenset(DATA["number_words"])
_HEADQUARTERS = frozenset(fold(c) for c in DATA["headquarters_city"].values())  # Brussel


def _summits(doc: Doc, ns: list[int], dates) -> list[Meeting]:
    words = _SUMMIT_WORDS
    adjectives = DATA["place_adjectives"]
    suffixes = _SUMMIT_SUFFIXES
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
            elif prev is not None and prev.lower_ in _SUMMIT_PREFIX_WORDS:
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
        if kind:  # the kind word is part of the name the text gives it ("buitengewone NAVO-top")
            start = ns[kpos - 1]
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
        if j < len(idx) and (lw[idx[j]].isdigit() or lw[idx[j]] in _NUMBER_WORDS):
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


_ACT_REACH = 16  # words from the leaders' phrase to the clause's day and place


def _leaders_acted(doc: Doc, ns: list[int], dates, taken: list[Meeting]) -> list[Meeting]:
    """``De regeringsleiders van de 32 NAVO-landen hebben woensdag in Washington afgesproken
    ...``, ``De NAVO-leiders besloten vandaag in Madrid ...``: the allies' leaders (a NATO
    complement or a NATO-prefixed noun, as the subject) doing something on a day the clause
    dates (a weekday of the last few days before a news item's date, "vandaag", a day-date)
    in a known place met there that day: the one reference summit at that place whose days
    hold that day (``needs_ref``). Not when the clause denies, hedges or foretells it
    (``act_blockers``), states (``statement_words``), names another body or names a summit
    itself (that name is the mention)."""
    low = doc_text(doc).lower()
    if "leiders" not in low and "staatshoofden" not in low:
        return taken
    lw = lowers(doc)
    named = {sent_bounds(doc, m.start) for m in taken}
    out, seen = [], set()
    for k in words_where(doc, "LOWER", "events.leaders", lambda w: w in _LEADERS):
        lo, hi = sent_bounds(doc, ns[k])
        if (lo, hi) in seen or (lo, hi) in named:
            continue
        a = bisect_left(ns, lo)
        idx = ns[a:bisect_left(ns, hi)]
        words = [lw[i] for i in idx]
        if not _NOT_NATO.isdisjoint(words):
            continue
        at = k - a - (k - a > 0 and words[k - a - 1] == "de")
        if at and words[at - 1] in _SUBJECT_PREPOSITIONS:
            continue  # "een brief aan de regeringsleiders": not their act
        subject = _leaders_phrase(lw, idx, at)
        if subject is None:
            continue
        phrase = words[subject[0]:subject[1]]
        if not (phrase[0].startswith(_NATO_PREFIXES) or any(w in _LEADERS_OF for w in phrase)):
            continue  # bare "de regeringsleiders": whose is not said
        seen.add((lo, hi))
        stop = next((x for x in range(subject[1], len(words)) if words[x] in (",", ";", ":")), len(words))
        if not _STATEMENT.isdisjoint(words[subject[1]:stop]):
            continue  # a statement may be issued from anywhere
        day = place = None
        j = subject[1]
        while j < len(idx) and j - subject[1] <= _ACT_REACH and (day is None or place is None):
            t, w = idx[j], words[j]
            if w in (",", ";", ":", "(", "\"") or w in _ACT_BLOCKERS or w in _CLAUSE_BREAKS and w != "en" \
                    or w in _CLAUSE_MEETING_WORDS or w.endswith(_SUMMIT_SUFFIXES):
                break
            hit = next(((e, d) for s, e, d in dates if s <= t < e), None)
            if hit is None and w in _WEEKDAY_NUMBERS and j + 1 < len(idx):
                hit = next(((e, d) for s, e, d in dates if s <= idx[j + 1] < e), None)  # "woensdag 10 juli"
            if hit is not None:
                e, d = hit
                if day is not None or not d.is_day or d.start is None or d.end != d.start:
                    break
                day = d
                while j < len(idx) and idx[j] < e:
                    j += 1
                continue
            if w in _WEEKDAY_NUMBERS or w in _TODAY_WORDS:
                if day is not None:
                    break
                day = _weekday_at(doc, t) if w in _WEEKDAY_NUMBERS else _today_at(doc, t)
                if day is None:
                    break
            elif w == "in" and place is None:
                ps = _place_after(doc, ns, a + j + 1)
                if ps is None or not _known_place(doc[ps[0]:ps[1]].text):
                    ps = _described_place(doc, ns, a + j + 1)
                if ps is not None:
                    place = ps
                    while j < len(idx) and idx[j] < ps[1]:
                        j += 1
                    continue
            j += 1
        if day is None or place is None:
            continue
        name = _title(doc[place[0]:place[1]].text)
        if match_summit(name, year=day.year, month=day.month1, day=day.day1) is None:
            continue  # no summit of the allies there that day: another gathering
        head = idx[subject[0]]
        out.append(Meeting(head, head + 1, "Summit", place=name, place_span=place, date=day, year=day.year,
                           needs_ref=True, named=False))
    if not out:
        return taken
    return sorted(taken + out + _bare_after_acted(doc, ns, taken, out), key=lambda m: m.start)


_OTHER_TIME = frozenset(DATA["another_time_words"])


def _bare_after_acted(doc: Doc, ns: list[int], taken: list[Meeting], acted: list[Meeting]) -> list[Meeting]:
    """``De regeringsleiders ... hebben woensdag in Washington afgesproken ... De jubileumtop
    ... Schoof sprak in de marge van de top ...``: in a text that names no summit itself and
    whose leaders' acts (``_leaders_acted``) all fall on one reference summit, the later bare
    summit words ("top", "jubileumtop", "topbijeenkomst"; not "vorige top", "de volgende top")
    are that summit: named mentions of it (the main meeting of a news item is one of them)."""
    refs = {match_summit(m.place, year=m.year, month=m.date.month1, day=m.date.day1) for m in acted}
    if taken or len(refs) != 1:
        return []
    ref = refs.pop()
    first = min(m.start for m in acted)
    lw = lowers(doc)
    out = []
    for k in words_where(doc, "LOWER", "events.top_compound", _summit_compound):
        i = ns[k]
        if i <= first or (k and lw[ns[k - 1]] in _OTHER_TIME):
            continue
        out.append(Meeting(i, i + 1, "Summit", ref=ref, stated=True, place=acted[0].place, date=acted[0].date))
    return out


def _recalled_gathering(doc: Doc, ns: list[int], dates, taken: list[Meeting]) -> list[Meeting]:
    """``de eerste top sinds de bijeenkomst in Wales in september 2014``: "de bijeenkomst in
    <place> in <(month) year>" in a sentence that speaks of summits is the one reference
    summit that place, year and month fit. At the headquarters city a day must fit too
    (ministerials meet there in the months of its summits)."""
    low = doc_text(doc).lower()
    if "bijeenkomst in " not in low:
        return taken
    lw = lowers(doc)
    words = _SUMMIT_WORDS
    suffixes = _SUMMIT_SUFFIXES
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
        if fold(place) in _HEADQUARTERS and day is None:
            continue
        if match_summit(place, year=year, month=month, day=day) is None:
            continue  # the year alone would still pick one: a month that fits none is another meeting
        out.append(Meeting(i, ps[1], "Summit", place=place, place_span=ps, date=date, year=year, needs_ref=True))
    return sorted(taken + out, key=lambda m: m.start)


_AGREED = frozenset(DATA["agreed_participles"])
_AGREEING_PARTIES = frozenset(DATA["agreeing_parties"])
_PASSIVE = frozenset(("is", "werd", "zijn", "werden"))


def _agreed_in_place(doc: Doc, ns: list[int], dates, taken: list[Meeting]) -> list[Meeting]:
    """``In Wales is in september 2014 afgesproken dat bondgenoten ...``: a sentence that opens
    with "In <place>" and a passive of agreeing (``agreed_participles``), dated by a month and
    year in its clause and naming the allies (``agreeing_parties``), with no summit word of
    its own, recalls the one reference summit that place, year and month fit. At the
    headquarters city a day must fit too (ministerials meet there in the months of its
    summits)."""
    lw = lowers(doc)
    out = []
    hq = {fold(c) for c in DATA["headquarters_city"].values()}
    for k in words_where(doc, "ORTH", "events.agreed_in", "In".__eq__):  # "In" opens a sentence
        i = ns[k]
        lo, hi = sent_bounds(doc, i)
        if i != next((x for x in range(lo, hi) if not doc[x].is_space), None):
            continue  # "In <place>" opens the sentence
        ps = _place_after(doc, ns, k + 1)
        if ps is None or not _known_place(doc[ps[0]:ps[1]].text) or any(o.start <= i < o.end for o in taken):
            continue
        after = [x for x in range(ps[1], hi) if not doc[x].is_space]
        if not after or lw[after[0]] not in _PASSIVE:
            continue
        agreed = next((x for x in after[1:10] if lw[x] in _AGREED), None)
        words = [w for w in lw[lo:hi] if not w.isspace()]
        if agreed is None or _AGREEING_PARTIES.isdisjoint(words) \
                or any(w in _SUMMIT_WORDS or w.endswith(_SUMMIT_SUFFIXES) for w in words):
            continue
        stated = [d for s, e, d in dates if ps[1] <= s and e <= agreed]
        if len(stated) != 1 or stated[0].year is None or not stated[0].explicit_year or stated[0].month1 is None:
            continue
        date = stated[0]
        place = _title(doc[ps[0]:ps[1]].text)
        if fold(place) in hq and date.day1 is None:
            continue
        if match_summit(place, year=date.year, month=date.month1, day=date.day1) is None:
            continue
        out.append(Meeting(ps[0], ps[1], "Summit", place=place, place_span=ps, date=date, year=date.year, needs_ref=True))
    return sorted(taken + out, key=lambda m: m.start) if out else taken


_DEMONSTRATIVES = frozenset(("die", "deze"))
_RECALL_DAYS = 366  # a summit recalled by its days alone ("op 11 en 12 juli") lies within a year before the text


def _referring_summit(doc: Doc, ns: list[int], dates, summits: list[Meeting], doc_date) -> list[Meeting]:
    """``... de afspraken die de regeringsleiders op 11 en 12 juli in Brussel maakten. Op
    die (NAVO-)top ...``: a summit word after a demonstrative ("die", "deze"), with no place,
    date or year of its own, names the gathering the sentence before it dates and places.
    That sentence must hold exactly one day-date and one known place after "in", and name
    no summit itself; the mention is the reference summit whose first and last days are
    exactly those days at that place, in the year the letter's date and the tense give
    the date, else the one such summit in the year before the letter. None fits: nothing
    (a bare "die top" that fits none stays no mention). Returns the summit mentions."""
    if doc_date is None:
        return summits
    lw = lowers(doc)
    pos = _Positions(ns)
    starts = {m.start for m in summits}
    # "die top": _summits leaves a bare "top" out (no name alone); here it may refer
    bare = [Meeting(ns[k], ns[k] + 1, "Summit", named=False) for k in words_where(doc, "LOWER", "events.top", "top".__eq__)
            if ns[k] not in starts]
    found = []
    for m in summits + bare:
        if m.ref is not None or m.place or m.date is not None or m.year or m.needs_ref:
            continue
        k = pos.get(m.start)
        if not k or lw[ns[k - 1]] not in _DEMONSTRATIVES:
            continue
        lo = sent_bounds(doc, m.start)[0]
        if lo == 0:
            continue
        plo, phi = sent_bounds(doc, lo - 1)
        if any(plo <= o.start < phi for o in summits):
            continue  # the sentence before names a summit: the word refers to that name
        days = [(s, d) for s, e, d in dates if plo <= s and e <= phi]
        if len(days) != 1 or not days[0][1].is_day:
            continue
        at, d = days[0]
        places = {fold(doc[p[0]:p[1]].text): p for p in _places_after_in(doc, ns, plo, phi)}
        if len(places) != 1:
            continue
        span = next(iter(places.values()))
        place = _title(doc[span[0]:span[1]].text)
        ref = _exact_summit(place, d, _context_year(doc, Meeting(at, at + 1, "Summit", date=d), doc_date), doc_date)
        if ref is None:
            continue
        m.ref, m.stated, m.place, m.place_span, m.date = ref, True, place, span, d
        found.append(m)
    new = [m for m in bare if m in found]
    return sorted(summits + new, key=lambda m: m.start) if new else summits


def _places_after_in(doc: Doc, ns: list[int], lo: int, hi: int) -> list[tuple[int, int]]:
    """The token spans of the known places after "in" between tokens ``lo`` and ``hi`` ("in
    Vilnius", "in de Litouwse hoofdstad Vilnius")."""
    out = []
    for k in range(bisect_left(ns, lo), len(ns)):
        if ns[k] >= hi:
            break
        if lowers(doc)[ns[k]] != "in":
            continue
        ps = _place_after(doc, ns, k + 1)
        if ps is None or not _known_place(doc[ps[0]:ps[1]].text):
            ps = _described_place(doc, ns, k + 1)
        if ps is not None and ps[1] <= hi and _known_place(doc[ps[0]:ps[1]].text):
            out.append(ps)
    return out


def _exact_summit(place: str, d: DateMention, dated: DateMention | None, doc_date):
    """The reference summit at ``place`` whose first and last days are exactly the days of
    ``d``: in the year of ``dated`` (``d`` with the year the letter gives it), else the one
    such summit within _RECALL_DAYS before ``doc_date``; None when none or several are."""
    def exact(s) -> bool:
        return (s.start.month, s.start.day) == (d.month1, d.day1) and \
            (s.end.month, s.end.day) == (d.month2 or d.month1, d.day2 or d.day1)

    names = place_names(place)
    at = [s for s in reference_summits() if names & set(s.place_names) and exact(s)]
    if d.explicit_year:
        hits = [s for s in at if s.start.year == d.year]
    else:
        hits = [s for s in at if dated is not None and s.start.year == dated.year] or \
            [s for s in at if 0 <= (doc_date - s.start).days <= _RECALL_DAYS]
    return hits[0] if len(hits) == 1 else None


def _summit_compound(low: str) -> bool:
    """A word that may name a summit by its head "top" alone: "top", "jubileumtop",
    "afscheidstop", never another body's ("EU-top", "G7-top")."""
    if low == "top":
        return True
    if not low.endswith("top") or len(low) < 6:
        return False
    stem = low[:-3].rstrip("-")
    return stem not in _NOT_NATO and not stem.startswith(tuple(w for w in _NOT_NATO if w.endswith("-")))


def _self_dated_summit(doc: Doc, ns: list[int], dates, summits: list[Meeting], doc_date) -> list[Meeting]:
    """``De jubileumtop werd op 3 en 4 april ... in Straatsburg en in Kehl georganiseerd``:
    a summit word with no place, date or year of its own ("top", "NAVO-top", a compound
    on "-top") whose own sentence holds exactly one day-date and known places after "in"
    names the reference summit whose first and last days are exactly those days and whose
    host names all those places (``_exact_summit``). Anything less exact: no mention."""
    if doc_date is None:
        return summits
    lw = lowers(doc)
    starts = {m.start for m in summits}
    bare = [Meeting(ns[k], ns[k] + 1, "Summit", named=lw[ns[k]] != "top")
            for k in words_where(doc, "LOWER", "events.top_compound", _summit_compound) if ns[k] not in starts]
    found, new = False, []
    for m in summits + bare:
        if m.ref is not None or m.place or m.date is not None or m.year or m.needs_ref:
            continue
        lo, hi = sent_bounds(doc, m.start)
        days = [(s, d) for s, e, d in dates if lo <= s and e <= hi]
        if len(days) != 1 or not days[0][1].is_day:
            continue
        at, d = days[0]
        spans = _places_after_in(doc, ns, lo, hi)
        if not spans:
            continue
        span = spans[0]
        place = _title(doc[span[0]:span[1]].text)
        ref = _exact_summit(place, d, _context_year(doc, Meeting(at, at + 1, "Summit", date=d), doc_date), doc_date)
        if ref is None or any(not place_names(doc[s:e].text) & set(ref.place_names) for s, e in spans[1:]):
            continue
        m.ref, m.stated, m.place, m.place_span, m.date = ref, True, place, span, d
        found = True
        if m in bare:
            new.append(m)
    if not found:
        return summits
    return sorted(summits + new, key=lambda m: m.start) if new else summits
