"""kg_events, ministerial mentions: the phrases of ``ministerial_phrases`` ("FMM",
"NAVO-ministers van Defensie"), "bijeenkomst van de ministers van Buitenlandse
Zaken", "tijdens hun bijeenkomst op ...", and the ministers gathered on a date ("De
ministers kwamen op 29 en 30 november bijeen", an anaphor), each with the place and
date its words state. What a clause says of such a gathering makes it a meeting:
the ministers "kwamen ... bijeen", "hebben met elkaar overlegd", "hebben ...
goedgekeurd" (only their meeting decides), the meeting "werd gehouden" / "vond
plaats"; and the one date of such a clause (before the mention, after it in its
clause, or in a relative clause on it). "vandaag" dates it by the document's own
date (a stated length closed or opened today gives its days); "Het overleg gaat
morgen verder" later in the paragraph runs it on; "de volgende bijeenkomst ...
vindt in oktober plaats" is the first October after the document's date. The allies'
ministers doing anything on a day the clause dates ("maandag", "vandaag", a day-date) in
a place it names ("in de Estse hoofdstad Tallinn") met there that day. A weekday right
after a mention ("het overleg ... in Brussel donderdag") or a word of today in a relative
clause on it (", die gisteren begon") dates a day of it: its days only with its length told
("de tweedaagse bijeenkomst", there or in the next sentences) and its opening or close
("na afloop") that day, else the month; so does a weekday before it when the act is during it
("X heeft woensdag tijdens een vergadering van NAVO-defensieministers ..."), and a later "De
bewindslieden spraken woensdag en donderdag ..." gives its two days. A meeting noun whose "van"
names the ministers by a compound of their portfolio ("vergadering van NAVO-defensieministers")
is a ministerial of that kind. An undated "hun bijeenkomst in <place>" is the
meeting of its kind named last before it in that place ("de volgende bijeenkomst ... staat
gepland voor februari": that month).

Feeds ``kg:MinisterialMeeting`` entities, their mentions and dates; their keys are
settled in ``ministerial_identity``. ``_comes_together`` also serves the leaders'
gatherings of ``summits``.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from kg import reference
from kg.dates import DateMention
from kg.nlp.components.docindex import lowers, texts, sent_bounds, sent_of, words_where
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.components.docindex import mentions_from
from kg.nlp.components.fold import fold  # fold: memoised kg.slug.fold
from kg.nlp.components.events.common import DATA, MONTH_NAMES, Meeting, _title, _Positions, _CLAUSE_MEETING_WORDS, _SUMMIT_SUFFIXES
from kg.nlp.components.events.dates import _date_before, _days_before, _doc_date, _today, _today_at
from kg.nlp.components.events.dates import _TODAY as _TODAY_WORDS, _TODAY_BLOCKERS
from kg.nlp.components.events.places import _scan_after, _place_in_sentence, _place_after, _described_place, _known_place

_NOT_MEETING_CONTEXT = frozenset(DATA["not_meeting_context"])

_HELD = frozenset(DATA["held_words"])

_GATHERINGS = frozenset(DATA["gathering_nouns"])
_MEETING_ADJECTIVES = frozenset(DATA["meeting_adjectives"])
_MEETING_NOUNS = frozenset(DATA["meeting_nouns"])
_MINISTERS_WORDS = frozenset(DATA["ministers_words"])
_NOT_MINISTERIAL_CONTEXT = frozenset(DATA["not_ministerial_context"])
_GATHER_VERBS = frozenset(DATA["gather_verbs"])

# the words a meeting's name may have between "bijeenkomst" and "ministers" ("bijeenkomst van de NAVO-ministers")
_NAME_LINKS = frozenset({"van", "de", "der", "alle", "navo", "nato", "-"})


def _ministerial_matcher(nlp) -> PhraseMatcher:
    # A PhraseMatcher on LOWER finds what token patterns [{"LOWER": w}, ...] find
    # (the phrases are lower-case, one word per token), several times faster.
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    for kind, phrases in DATA["ministerial_phrases"].items():
        m.add(kind, [Doc(nlp.vocab, words=list(p)) for p in phrases])
    for wrong, right in DATA["ocr_acronyms"].items():
        m.add(right, [Doc(nlp.vocab, words=[wrong])])
    return m


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
    nouns, ministers = _MEETING_NOUNS, _MINISTERS_WORDS

    def back_context(doc, ns, k):
        return bool({lowers(doc)[ns[j]] for j in range(max(0, k - 4), k)} & _NOT_MINISTERIAL_CONTEXT)

    acted: dict[int, tuple[DateMention, tuple[int, int]]] = {}
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
        met = (nouns & set(back) or _GATHER_VERBS & set(ahead)
               or _comes_together(lowers(doc)[i:sent.end]) or _confer_together(lowers(doc)[i:sent.end])
               or _decided_on_a_day(doc, i, sent.end, dates))
        if not met:  # else, doing anything on a day in a place: they met there that day
            found = _acted_in_place(doc, ns, k, dates)
            if found is not None:
                acted[k] = met = found
        if not met:
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
                if not set(lowers(doc)[ns[x]] for x in range(j + 1, k)) <= _NAME_LINKS:
                    start = None  # "Aan de bijeenkomst namen de ministers …": a clause, not a name
                    break
                start = ns[j]
                if j and (lowers(doc)[ns[j - 1]] in ("navo", "nato") or lowers(doc)[ns[j - 1]] in _MEETING_ADJECTIVES):
                    start = ns[j - 1]  # "een extra bijeenkomst van de ministers": the name a reader gives it
                break
        if start is None:
            continue  # "de NAVO-Georgië-commissie in samenstelling van ministers": a council, not the ministerial
        if set(back) & _NOT_MINISTERIAL_CONTEXT:
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
        m = Meeting(start, end + 1, "MinisterialMeeting", kind=kind)
        if k in acted:  # its day and place are those of the clause
            m.date, m.place_span = acted[k]
            m.year, m.place = m.date.year, _title(doc[m.place_span[0]:m.place_span[1]].text)
            acted[k] = m
        out.append(m)
    out += _meeting_of_compound_ministers(doc, ns, seen)
    out += _gathered_ministers(doc, ns, seen)
    out += _conferred_with_colleagues(doc, ns, seen)
    going_on: list[Meeting] = []
    for m in out:
        k = pos.get(m.end - 1, None)
        if k is None or m.date is not None and m.place_span is not None:
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
            if date is None and held:
                date = _today_after(doc, m.start, sent_bounds(doc, m.start)[1])
            weekday = (_weekday_next_to(doc, m, place) or _weekday_before(doc, m)) if date is None else None
            relative = _relative_clause_today(doc, m) if date is None and weekday is None else None
            if weekday is not None:  # "het overleg van de ministers ... in Brussel donderdag": a day of it
                date = _days_conferred(doc, m, weekday) or _days_around(doc, ns, pos.get(m.start, 0), m, weekday)
            elif relative is not None:  # "de tweedaagse bijeenkomst ..., die gisteren begon"
                date = _days_of_relative(doc, ns, pos.get(m.start, 0), *relative)
            elif date is not None:
                date = _days_from_today(doc, ns, pos.get(m.start, 0), m, date)
                date, noun = _continued(doc, m, date, dates)
                if noun is not None:  # "Het overleg gaat ... verder": a mention of this meeting
                    going_on.append(Meeting(noun, noun + 1, "MinisterialMeeting", kind=m.kind, date=date,
                                            year=date.year, date_at=(m.start, m.end)))
            else:
                date = _next_meeting_month(doc, ns, pos.get(m.start, 0), m)
            held = held or date is not None  # "vandaag in Brussel ... tijdens de bijeenkomst": its place too
        m.date, m.year = date, (date.year if date else year)
        if place is None:
            place = _place_in_sentence(doc, m, before=held, others=others)
        if place is not None:
            m.place_span = place
            m.place = _title(doc[place[0]:place[1]].text)
    # undated, it says nothing ("tijdens hun bijeenkomst" without its days: which one?)
    # ("hun bijeenkomst in december": which days? only its days pin it down)
    out += [g for g in going_on if g.start not in seen]
    for m in acted.values():
        _one_day_of(m, out)
    for m in out:
        _their_named_meeting(doc, m, out, dates)
    out = [m for m in out if not (m.anaphor or m.theirs) or m.date is not None and (not m.theirs or m.date.day1 is not None)]
    return sorted(out, key=lambda m: m.start)


_CLOSING, _OPENING = frozenset(DATA["closing_words"]), frozenset(DATA["opening_words"])


def _days_from_today(doc: Doc, ns: list[int], k: int, m: Meeting, today: DateMention) -> DateMention:
    """A meeting dated by "vandaag" (``today``) whose length the text states ("de tweedaagse
    bijeenkomst", ns-position ``k`` of its mention): closed today ("afgesloten", ``closing_words``)
    it began that many days before; opened today ("geopend") it runs on from today; else which
    of its days today is is unknown, and only the month stands (no day)."""
    n = _days_before(doc, ns, k)
    if not n or n < 2:
        return today
    lw = lowers(doc)
    lo, hi = sent_bounds(doc, m.start)
    a = next((j for j in range(m.start - 1, lo - 1, -1) if lw[j] in (",", ";", ":")), lo - 1) + 1
    b = next((j for j in range(m.end, hi) if lw[j] in (",", ";", ":")), hi)
    clause = set(lw[a:b])
    day = today.start
    if clause & _CLOSING and not clause & _OPENING:
        first, last = day - dt.timedelta(days=n - 1), day
    elif clause & _OPENING and not clause & _CLOSING:
        first, last = day, day + dt.timedelta(days=n - 1)
    else:
        return DateMention(today.start_char, today.end_char, day.year, day.month, None, day.month, None)
    return DateMention(today.start_char, today.end_char, first.year, first.month, first.day, last.month, last.day)


def _weekday_next_to(doc: Doc, m: Meeting, place) -> DateMention | None:
    """``het overleg van de NAVO-ministers van Defensie in Brussel donderdag (overschaduwd)``: a
    weekday right after the mention (or after the place that follows it), one of the last few
    days before the document's date (``_weekday_at``): a day the meeting was going on; not
    "donderdag en vrijdag" (more days than one)."""
    lw = lowers(doc)
    j = m.end
    if place is not None and (place[0] == j or place[0] == j + 1 and lw[j] == "in"):
        j = place[1]
    if j + 1 >= len(doc) or lw[j] not in _WEEKDAY_NUMBERS or lw[j + 1] in ("en", "tot", "t/m"):
        return None
    return _weekday_at(doc, j)


_DURING = frozenset(DATA["during_words"])
_WEEKDAY_BEFORE_REACH = 8  # words from the weekday to the mention


def _weekday_before(doc: Doc, m: Meeting) -> DateMention | None:
    """``X heeft woensdag tijdens een vergadering van NAVO-defensieministers ...``: a weekday in
    the mention's clause shortly before it, the mention right after "tijdens"/"bij"
    (``during_words``, an article between) and no other clause or time between, one of the last
    few days before the document's date (``_weekday_at``): a day the meeting was going on."""
    lw = lowers(doc)
    lo = sent_bounds(doc, m.start)[0]
    j = m.start - 1
    while j >= lo and (doc[j].is_space or lw[j] in ("een", "de", "het")):
        j -= 1
    if j < lo or lw[j] not in _DURING:
        return None
    for x in range(j - 1, max(lo, m.start - _WEEKDAY_BEFORE_REACH) - 1, -1):
        if lw[x] in (",", ";", ":", "\"", "(") or lw[x] in _TODAY_BLOCKERS:
            return None
        if lw[x] in _WEEKDAY_NUMBERS:
            if x + 1 < len(doc) and lw[x + 1] in ("en", "tot", "t/m") or x and lw[x - 1] in ("sinds", "tot", "vanaf"):
                return None  # "woensdag en donderdag", "sinds woensdag": no one day of it
            return _weekday_at(doc, x)
    return None


_MEMBERS = frozenset(DATA["meeting_members_words"])
_ANOTHER_TIME = frozenset(DATA["another_time_words"])


def _days_conferred(doc: Doc, m: Meeting, day: DateMention) -> DateMention | None:
    """``De bewindslieden spraken woensdag en donderdag ook over Afghanistan``: in a news item
    whose ministerial the text dates to a weekday (``day``), a later sentence in which the
    meeting's ministers (``meeting_members_words`` after "de") confer (``confer_words``,
    ``discuss_words``) on two consecutive weekdays, one of them ``day``'s, gives its days;
    not when that clause (up to a comma) names a month, a meeting or another time ("vorige
    week"). Else None."""
    if day.day1 is None:
        return None
    lw = lowers(doc)
    first = dt.date(day.year, day.month1, day.day1)
    i = sent_bounds(doc, m.start)[1]
    while i < len(doc):
        lo, hi = sent_bounds(doc, i)
        pairs = [x for x in range(lo + 1, hi - 1) if lw[x] == "en" and lw[x - 1] in _WEEKDAY_NUMBERS
                 and lw[x + 1] in _WEEKDAY_NUMBERS]
        # the clause of the days: up to the first comma after them (", waar ... in juli ...": another topic)
        end = next((x for x in range(pairs[0], hi) if lw[x] in (",", ";", ":")), hi) if pairs else hi
        words = lw[lo:end]
        members = any(a == "de" and b in _MEMBERS for a, b in zip(words, words[1:]))
        confer = not (_CONFER.isdisjoint(words) and _DISCUSS.isdisjoint(words))
        other = not _ANOTHER_TIME.isdisjoint(words) or any(
            w in _CLAUSE_MEETING_WORDS or w.endswith(_SUMMIT_SUFFIXES) or w in MONTH_NAMES for w in words)
        if pairs and members and confer and not other:
            a, b = _WEEKDAY_NUMBERS[lw[pairs[0] - 1]], _WEEKDAY_NUMBERS[lw[pairs[0] + 1]]
            if len(pairs) == 1 and (b - a) % 7 == 1 and first.weekday() in (a, b):
                start = first if first.weekday() == a else first - dt.timedelta(days=1)
                last = start + dt.timedelta(days=1)
                return DateMention(day.start_char, day.end_char, start.year, start.month, start.day, last.month, last.day)
        i = hi
    return None


def _days_around(doc: Doc, ns: list[int], k: int, m: Meeting, day: DateMention) -> DateMention:
    """The days of a meeting the text says was going on on ``day`` (a weekday of a news item):
    its length stated at its mention ("de tweedaagse bijeenkomst") or in the next sentences of
    the paragraph by a definite meeting noun ("zei na afloop van de tweedaagse bijeenkomst");
    closed ("na afloop", ``closing_words``) on the document's own date, which ``day`` is, it
    began that many days before; opened that day, it runs on from it. Anything else: which of its
    days ``day`` is, is unknown, and only the month stands."""
    month = DateMention(day.start_char, day.end_char, day.year, day.month1, None, day.month1, None)
    n, clause = _days_before(doc, ns, k), None
    if n:
        lo, hi = sent_bounds(doc, m.start)
        clause = set(lowers(doc)[lo:hi])
    else:
        n, clause = _length_told_after(doc, m)
    if not n or clause is None:
        return month
    today = _doc_date(doc)
    if isinstance(today, str):
        today = dt.date.fromisoformat(today[:10]) if re.fullmatch(r"\d{4}-\d\d-\d\d", today[:10]) else None
    if n == 1:
        return day
    if clause & _CLOSING and not clause & _OPENING and day.start == today:
        first, last = day.start - dt.timedelta(days=n - 1), day.start
    elif clause & _OPENING and not clause & _CLOSING and day.start == today:
        first, last = day.start, day.start + dt.timedelta(days=n - 1)
    else:
        return month
    return DateMention(day.start_char, day.end_char, first.year, first.month, first.day, last.month, last.day)


_RELATIVE_TODAY_REACH = 14  # tokens of a relative clause on the mention, up to its word of today


def _relative_clause_on(doc: Doc, m: Meeting) -> tuple[int, int] | None:
    """``<mention> van de ministers van X, die ...``: (the comma before the relative pronoun, the
    sentence's end) when a relative clause follows the mention past a short complement that
    names no other meeting; else None."""
    lw = lowers(doc)
    hi = sent_bounds(doc, m.start)[1]
    j = m.end
    while j < hi and j - m.end <= 5 and lw[j] != "," and lw[j] not in _CLAUSE_MEETING_WORDS:
        j += 1
    if j + 1 >= hi or lw[j] != "," or lw[j + 1] not in _RELATIVE_PRONOUNS:
        return None
    return j, hi


def _relative_clause_today(doc: Doc, m: Meeting) -> tuple[DateMention, set] | None:
    """``de tweedaagse bijeenkomst van de NAVO-ministers van Defensie, die gisteren in het
    NAVO-hoofdkwartier begon``: a relative clause right after the mention (past a short
    complement) with a word of today (``today_words``, one day: not "vandaag en morgen"):
    (the day it names, the clause's words); else None."""
    lw = lowers(doc)
    found = _relative_clause_on(doc, m)
    if found is None:
        return None
    j, hi = found
    end = next((x for x in range(j + 2, hi) if lw[x] in (",", ";", ":", "(")), hi)
    clause = lw[j + 2:end]
    if len(clause) > _RELATIVE_TODAY_REACH or any(w in _CLAUSE_MEETING_WORDS or w.endswith(_SUMMIT_SUFFIXES) for w in clause):
        return None
    at = [x for x in range(j + 2, end) if lw[x] in _TODAY_WORDS]
    if len(at) != 1 or at[0] + 1 < end and lw[at[0] + 1] in ("en", "tot", "t/m"):
        return None
    day = _today_at(doc, at[0])
    return (day, set(clause)) if day is not None else None


def _days_of_relative(doc: Doc, ns: list[int], k: int, day: DateMention, clause: set) -> DateMention | None:
    """The days of a meeting whose relative clause dates it by a word of today (``day``): with
    its length stated at its mention ("de tweedaagse bijeenkomst"), begun that day ("begon",
    ``opening_words``) it runs on from it, closed that day it began that many days before, else
    only the month stands; without a length, held that day ("plaatsvond") or begun, that one day.
    None when the clause says neither."""
    n = _days_before(doc, ns, k)
    opened, closed = not clause.isdisjoint(_OPENING), not clause.isdisjoint(_CLOSING)
    if n and n > 1:
        if opened != closed:
            first = day.start if opened else day.start - dt.timedelta(days=n - 1)
            last = first + dt.timedelta(days=n - 1)
            return DateMention(day.start_char, day.end_char, first.year, first.month, first.day, last.month, last.day)
        return DateMention(day.start_char, day.end_char, day.year, day.month1, None, day.month1, None)
    return day if opened or not clause.isdisjoint(_HELD) else None


_LENGTH_SENTENCES = 2  # a meeting's length told at most two sentences after its dated mention


def _length_told_after(doc: Doc, m: Meeting) -> tuple[int | None, set | None]:
    """``... zei na afloop van de tweedaagse bijeenkomst dat ...``: in the next sentences of the
    mention's paragraph, "de/het" + a duration word + a meeting noun (the same meeting, referred
    to back): (its length in days, the words of that sentence); (None, None) when no such words,
    or a sentence on the way names a date or a summit (another gathering)."""
    lw, text = lowers(doc), doc_text(doc)
    hi = sent_bounds(doc, m.start)[1]
    durations = DATA["duration_words"]
    for _ in range(_LENGTH_SENTENCES):
        if hi >= len(doc) or "\n" in text[doc[hi - 1].idx:doc[hi].idx + 1]:
            return None, None  # the paragraph ends
        lo2, hi2 = sent_bounds(doc, hi)
        words = [w for w in lw[lo2:hi2] if not w.isspace()]
        if any(w in _SUMMIT_WORDS or w.endswith(_SUMMIT_SUFFIXES) for w in words):
            return None, None
        for a, b, c in zip(words, words[1:], words[2:]):
            if a in ("de", "het") and b in durations and c in _CONTINUED_NOUNS:
                return durations[b], set(words)
        hi = hi2
    return None, None


_CONTINUE = frozenset(DATA["continue_words"])
_CONTINUE_PAIRS = [tuple(p) for p in DATA["continue_verbs"]]
_CONTINUED_NOUNS = frozenset(DATA["meeting_nouns"]) - {"samenstelling", "ministeriële"}
_CONTINUED_DAYS = 4  # a meeting runs on a few days at most
_CONTINUED_SENTENCES = 3  # the continuing sentence, at most two sentences after the dated one
_SUMMIT_WORDS = frozenset(DATA["summit_words"])


def _continued(doc: Doc, m: Meeting, day: DateMention, dates) -> tuple[DateMention, int | None]:
    """``... besloten de ministers vandaag in Brussel. Het overleg gaat morgen, woensdag 2 april,
    verder.``: the next sentence of the paragraph, opening with a definite meeting noun ("Het
    overleg", "De bijeenkomst") and a verb of going on (``continue_words``, "gaat ... verder"),
    extends the one day ``day`` to the day it states (a day-date in it, else "morgen": the next
    day), within a few days after it; with the token of that noun (a mention of the meeting).
    Else ``day`` as it is, and None."""
    if not day.is_day or day.start is None or day.end != day.start:
        return day, None
    text = doc_text(doc)
    hi = sent_bounds(doc, m.start)[1]
    for _ in range(_CONTINUED_SENTENCES):
        if hi >= len(doc) or "\n" in text[doc[hi - 1].idx:doc[hi].idx + 1]:
            return day, None  # the paragraph ends
        lo2, hi2 = sent_bounds(doc, hi)
        words = [w for w in lowers(doc)[lo2:hi2] if not w.isspace()]
        if len(words) >= 3 and words[0] in ("het", "de") and words[1] in _CONTINUED_NOUNS:
            noun = next(x for x in range(lo2, hi2) if lowers(doc)[x] == words[1])
            break
        # a sentence between may say more of the meeting, not name a time or another summit
        if any(lo2 <= s < hi2 for s, _e, _d in dates) or any(
                w in _SUMMIT_WORDS or w.endswith(_SUMMIT_SUFFIXES) for w in words):
            return day, None
        hi = hi2
    else:
        return day, None
    if _CONTINUE.isdisjoint(words) and not any(a in words and b in words[words.index(a) + 1:]
                                                 for a, b in _CONTINUE_PAIRS):
        return day, None
    stated = [d for s, e, d in dates if lo2 <= s and e <= hi2 and d.is_day and d.start is not None]
    if len(stated) > 1:
        return day, None
    last = stated[0].start if stated else (day.start + dt.timedelta(days=1) if "morgen" in words else None)
    if last is None or not 0 < (last - day.start).days <= _CONTINUED_DAYS:
        return day, None
    return DateMention(day.start_char, day.end_char, day.year, day.month1, day.day1, last.month, last.day), noun


_WEEKDAY_NUMBERS = {w: n for n, w in enumerate(DATA["weekdays"])}
_ACT_BLOCKERS = frozenset(DATA["act_blockers"])
_SUBJECT_PREPOSITIONS = frozenset(DATA["subject_prepositions"])
_STATEMENT = frozenset(DATA["statement_words"])
_ACT_REACH = 16  # words from the ministers' word to the clause's day and place
_ACT_DAYS_BACK = 3  # a weekday in a news item: that day of the last few days


def _acted_in_place(doc: Doc, ns: list[int], k: int, dates) -> tuple[DateMention, tuple[int, int]] | None:
    """``De ministers van Defensie van de bondgenoten hebben maandag in de Letse hoofdstad Riga
    ... besproken``: the allies' ministers of a portfolio (the subject at ns-position ``k``, with
    a NATO complement) doing anything on a day the clause dates (a weekday of the last few days
    before the document's date, "vandaag", a day-date) in a place it names ("in <Place>", "in de
    Letse hoofdstad <Place>") met there that day: (that day, the place's token span). None when
    the clause breaks, names another gathering, denies, hedges or foretells (``act_blockers``)
    before both are found, or when its act is a statement (``statement_words``)."""
    lw = lowers(doc)
    i = ns[k]
    before = [lw[ns[x]] for x in range(max(0, k - 2), k)]
    if before and before[-1] in ("de", "alle"):
        before = before[:-1]
    if before and before[-1] in _SUBJECT_PREPOSITIONS:
        return None  # "een brief aan de ministers": not their act
    hi = sent_bounds(doc, i)[1]
    if not _decide_together([w for w in lw[i:hi] if not w.isspace()], decided=True, counted=_allied_count(doc)):
        return None  # not the allies' ministers
    stop = next((x for x in range(i, hi) if lw[x] in (",", ";", ":")), hi)
    if not _STATEMENT.isdisjoint(lw[i:stop]):
        return None  # a statement: issued from anywhere, no sign they met
    day = place = None
    j = k + 1
    while j < len(ns) and ns[j] < hi and j - k <= _ACT_REACH and (day is None or place is None):
        t, w = ns[j], lw[ns[j]]
        if w in (",", ";", ":", "(", "\"") or w in _ACT_BLOCKERS or w in _CLAUSE_BREAKS and w != "en" \
                or w in _CLAUSE_MEETING_WORDS or w.endswith(_SUMMIT_SUFFIXES):
            return None
        hit = next(((s, e, d) for s, e, d in dates if s <= t < e), None)
        if hit is None and w in _WEEKDAY_NUMBERS and j + 1 < len(ns):
            nxt = ns[j + 1]
            hit = next(((s, e, d) for s, e, d in dates if s <= nxt < e), None)  # "donderdag 2 juni"
        if hit is not None:
            s, e, d = hit
            if day is not None or not d.is_day or d.start is None or d.end != d.start:
                return None
            day = d
            while j < len(ns) and ns[j] < e:
                j += 1
            continue
        if w in _WEEKDAY_NUMBERS or w in _TODAY_WORDS:
            if day is not None:
                return None
            two = _two_weekdays(doc, ns, j) if w in _WEEKDAY_NUMBERS else None
            if two is not None:  # "donderdag en vrijdag": both days
                day, j = two
                continue
            day = _weekday_at(doc, t) if w in _WEEKDAY_NUMBERS else _today_at(doc, t)
            if day is None:
                return None
        elif w == "in" and place is None:
            ps = _place_after(doc, ns, j + 1)
            if ps is None or not _known_place(doc[ps[0]:ps[1]].text):
                ps = _described_place(doc, ns, j + 1)
            if ps is not None:
                place = ps
                while j < len(ns) and ns[j] < ps[1]:
                    j += 1
                continue
        j += 1
    return (day, place) if day is not None and place is not None else None


def _two_weekdays(doc: Doc, ns: list[int], j: int) -> tuple[DateMention, int] | None:
    """``donderdag en vrijdag`` at ns-position ``j``: two weekdays in a row of a news item's last
    few days, as one two-day date, and the ns-position after them; else None."""
    lw = lowers(doc)
    if j + 2 >= len(ns) or lw[ns[j + 1]] != "en" or lw[ns[j + 2]] not in _WEEKDAY_NUMBERS:
        return None
    if (_WEEKDAY_NUMBERS[lw[ns[j]]] + 1) % 7 != _WEEKDAY_NUMBERS[lw[ns[j + 2]]]:
        return None  # "maandag en donderdag": two meetings, or one of unknown length
    last = _weekday_at(doc, ns[j + 2])
    if last is None:
        return None
    first = last.start - dt.timedelta(days=1)
    end = doc[ns[j + 2]]
    return DateMention(doc[ns[j]].idx, end.idx + len(end.text), first.year, first.month, first.day,
                       last.month1, last.day1), j + 3


_EU_COUNTS = sorted((dt.date.fromisoformat(d), n) for d, n in DATA["eu_member_counts"].items())


def _allied_count(doc: Doc) -> int | None:
    """The number of NATO members on the document's date when it differs from the EU's
    (``de ministers van Defensie van de 29 lidstaten`` in 2018 are the allies'; 28 in 2015
    may be the EU's): the count of member states that names the allies; else None."""
    day = _doc_date(doc)
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day[:10])
        except ValueError:
            return None
    if not isinstance(day, dt.date):
        return None
    nato = sum(1 for d in reference.nato_members().values() if dt.date.fromisoformat(d[:10]) <= day)
    eu = next((n for d, n in reversed(_EU_COUNTS) if d <= day), None)
    return nato if nato != eu else None


_NOT_THE_NAMED = frozenset(DATA["another_time_words"]) | frozenset(DATA["other_meeting_words"])


def _their_named_meeting(doc: Doc, m: Meeting, out: list[Meeting], dates) -> None:
    """``Kunt u aangeven wat de NAVO-ministers van X op 2 en 3 december in Brussel hebben besloten?
    … De ministers van X hebben tijdens hun bijeenkomst in Brussel besloten …``: an undated "hun
    bijeenkomst" of a portfolio's ministers, in a place, is the meeting of that kind named last
    before it when that one is dated to the day and named in the same place, and its own sentence
    gives no time (no date, no "vorige", "eerder", "weer" ...); it takes that one's date."""
    if not m.theirs or m.anaphor or m.date is not None or m.year is not None or not m.place:
        return
    lo, hi = sent_bounds(doc, m.start)
    if any(lo <= s < hi for s, _e, _d in dates) or not _NOT_THE_NAMED.isdisjoint(lowers(doc)[lo:hi]):
        return
    before = [o for o in out if o.start < m.start and o.kind == m.kind and not (o.anaphor or o.theirs)]
    if not before:
        return
    o = max(before, key=lambda x: x.start)
    if o.date is not None and o.date.is_day and o.date.day1 is not None and o.place \
            and fold(o.place) == fold(m.place):
        m.date, m.date_at = o.date, (o.start, o.end)


def _one_day_of(m: Meeting, out: list[Meeting]) -> None:
    """The day the ministers of ``m`` did something on is one day of their meeting: when
    another mention of that kind in ``out`` dates it to days that include that day ("De
    defensieministers kwamen op 14 en 15 februari bijeen"), those are its days (one such range)."""
    d = m.date
    spans = {(o.date.start, o.date.end) for o in out if o is not m and o.kind == m.kind and o.date is not None
             and o.date.is_day and o.date.start is not None and o.date.end is not None
             and o.date.start <= d.start <= o.date.end and o.date.end != o.date.start}
    if len(spans) == 1:
        first, last = spans.pop()
        m.date = DateMention(d.start_char, d.end_char, first.year, first.month, first.day, last.month, last.day)


def _weekday_at(doc: Doc, at: int) -> DateMention | None:
    """The weekday at token ``at`` ("donderdag") as the last such day on or before the
    document's own date, within a few days (a news item's "donderdag"); else None."""
    today = _today_at(doc, at) if lowers(doc)[at] in _TODAY_WORDS else None
    meta_day = _doc_date(doc)
    if isinstance(meta_day, str):
        try:
            meta_day = dt.date.fromisoformat(meta_day[:10])
        except ValueError:
            return None
    if today is not None or not isinstance(meta_day, dt.date):
        return today
    back = (meta_day.weekday() - _WEEKDAY_NUMBERS[lowers(doc)[at]]) % 7
    if back > _ACT_DAYS_BACK:
        return None
    day = meta_day - dt.timedelta(days=back)
    tok = doc[at]
    return DateMention(tok.idx, tok.idx + len(tok.text), day.year, day.month, day.day, day.month, day.day)


_NEXT = frozenset(DATA["next_meeting_words"])


_PLANNED = frozenset(("gepland", "voorzien"))


def _next_meeting_month(doc: Doc, ns: list[int], k: int, m: Meeting) -> DateMention | None:
    """``De volgende bijeenkomst van de NAVO-ministers van Defensie vindt naar verwachting in
    oktober plaats``: the next meeting (``next_meeting_words`` before the mention at ns-position
    ``k``) held (``held_words``) "in <maand>" in its clause, or planned for it ("staat gepland voor
    februari"), is in the first such month after the
    document's date (a year right after the month: that year); a month-only date. None when the
    clause names no one month, the document has no date, or the month is the document's own."""
    lw = lowers(doc)
    j = k - 1
    while j >= 0 and lw[ns[j]] in ("de", "het"):
        j -= 1
    if j < 0 or lw[ns[j]] not in _NEXT:
        return None
    hi = sent_bounds(doc, m.start)[1]
    stop = next((x for x in range(m.end, hi) if lw[x] in (",", ";", ":", "(")), hi)
    clause = lw[m.end:stop]
    planned = not _PLANNED.isdisjoint(clause)  # "staat gepland voor februari 2024"
    if _HELD.isdisjoint(clause) and not planned:
        return None
    months = [x for x in range(m.end + 1, stop) if lw[x] in MONTH_NAMES and (lw[x - 1] == "in" or planned and lw[x - 1] == "voor")]
    if len(months) != 1 or sum(w in MONTH_NAMES for w in clause) != 1:
        return None
    at = months[0]
    month = MONTH_NAMES.index(lw[at]) + 1
    nxt = texts(doc)[at + 1] if at + 1 < stop else ""
    if re.fullmatch(r"(19|20)\d\d", nxt):
        year = int(nxt)
    else:
        today = _doc_date(doc)
        if not isinstance(today, dt.date) or month == today.month:
            return None
        year = today.year + (month < today.month)
    tok = doc[at]
    return DateMention(tok.idx, tok.idx + len(tok.text), year, month, None, month, None)


_THEIR_REACH = 16  # words from "ministers van X" to "hun bijeenkomst" in their clause
_THEIR_GATHERING_NOUNS = frozenset(DATA["meeting_nouns"]) - {"samenstelling", "overleg"}


def _their_gathering(doc: Doc, i: int, end: int) -> int | None:
    """``De ministers van Defensie zullen ... bespreken tijdens hun bijeenkomst op 13 en 14
    februari``: the token of the meeting noun ``hun`` points back from to the ministers named
    as the subject at ``i`` (within reach, no clause break or other noun phrase of persons
    between), or None."""
    lw = lowers(doc)
    nouns = _THEIR_GATHERING_NOUNS
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
_DISCUSS = frozenset(DATA["discuss_words"])
_DECIDE_PAIRS = [tuple(p) for p in DATA["decide_pairs"]]
_NATO_COMPLEMENTS = frozenset(DATA["nato_complements"])
_DECIDE_REACH = 24  # words from "ministers" to the clause's verb of deciding


def _inverted_decision(doc: Doc, i: int) -> bool:
    """``Daartoe besloten de ministers van …``: a word of deciding right before ``de`` and the
    ministers' word at token ``i`` (the verb before its subject)."""
    before = [w for w in lowers(doc)[max(0, i - 6):i] if not w.isspace()][-2:]
    return len(before) == 2 and before[1] == "de" and before[0] in _DECIDE


def _decide_together(words: list[str], decided: bool = False, verbs: frozenset = _DECIDE,
                     counted: int | None = None) -> bool:
    """``De ministers van Defensie van de NAVO hebben op ... het plan goedgekeurd``: the allies'
    ministers (``ministers`` plural; ``van de NAVO``, ``van de bondgenoten`` or ``NAVO-ministers``
    within its first 8 words) and a past act of deciding (``decide_words``; or ``keurden`` with
    its particle ``goed`` later) in the first 24 words of the clause: only their meeting does that.
    ``words`` starts at the ministers' word; ``verbs`` another set of verbs (no pairs then);
    ``counted`` a number of ``lidstaten`` that names the allies (``_allied_count``)."""
    clause = []
    for w in words[:_DECIDE_REACH]:
        if w in (",", ";", ":"):
            break
        clause.append(w)
    if not clause or not clause[0].endswith("ministers"):
        return False
    if not clause[0].startswith(("navo-", "nato-")):
        head = clause[1:8]
        members = ("bondgenoten", "lidstaten") if _at_headquarters(clause) else ("bondgenoten",)
        # "van de NAVO", "van alle bondgenoten", "van de 28 NAVO-lidstaten", "van de 32 bondgenoten"
        if not any(w in _NATO_COMPLEMENTS and j and (head[j - 1] in ("de", "het", "alle") or head[j - 1].isdigit()
                   and j > 1 and head[j - 2] in ("de", "alle")) or w.isdigit() and
                   j + 1 < len(head) and (head[j + 1] in members or head[j + 1] == "lidstaten"
                                          and counted is not None and int(w) == counted)
                   for j, w in enumerate(head)):
            return False
    if decided or not verbs.isdisjoint(clause):
        return True
    return verbs is _DECIDE and any(a in clause and b in clause[clause.index(a) + 1:] for a, b in _DECIDE_PAIRS)


_HQ_WORDS, _HQ_OF = frozenset(DATA["headquarters_words"]), frozenset(DATA["headquarters_of"])


def _at_headquarters(words: list[str]) -> bool:
    """``op het NAVO-hoofdkwartier``, ``op het hoofdkwartier van het bondgenootschap``: the
    clause's words place it at NATO's headquarters."""
    for j, w in enumerate(words):
        if w in _HQ_WORDS:
            return True
        if w == "hoofdkwartier" and any(x in _HQ_OF for x in words[j + 1:j + 4]):
            return True
    return False


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


def _decided_on_a_day(doc: Doc, i: int, end: int, dates) -> bool:
    """``_decide_together`` from token ``i`` (the ministers' word), and a day-date in that
    clause (``op 21 en 22 oktober 2021``): a decision with no day may be taken by other means.
    The allies' ministers discussing on that day (``discuss_words``: "bespraken ... op 3 en 4
    oktober") meet as well, unless the date is that of a gathering the clause names ("bespreken
    tijdens hun bijeenkomst op 13 en 14 februari": that name is the meeting)."""
    words = [w for w in lowers(doc)[i:end] if not w.isspace()]
    decided = _decide_together(words, _inverted_decision(doc, i))
    if not decided and not _decide_together(words, verbs=_DISCUSS):
        return False
    stop = next((k for k in range(i, end) if lowers(doc)[k] in (",", ";", ":")), end)
    if decided and _today_after(doc, i, stop) is not None:
        return True  # "besloten de ministers ... vandaag": the document's own day
    return any(d.is_day and i < s and e <= stop and (decided or _same_clause(doc, i + 1, s)) for s, e, d in dates)


_TODAY_REACH_AFTER = 12  # tokens from the ministers' word to "vandaag" in their clause


def _today_after(doc: Doc, i: int, stop: int) -> DateMention | None:
    """``de ministers van … kwamen vandaag bijeen``: a word of ``today_words`` after token ``i``
    in its clause (before ``stop``, no other clause or time between): the day it names."""
    lw = lowers(doc)
    for x in range(i + 1, min(stop, i + _TODAY_REACH_AFTER)):
        if lw[x] in _TODAY_WORDS:
            # "vandaag en morgen", "vandaag tot en met vrijdag": more days than the one
            return None if x + 1 < stop and lw[x + 1] in ("en", "tot", "t/m") else _today_at(doc, x)
        if lw[x] in _TODAY_BLOCKERS or lw[x] in (",", ";", ":", "(", "\""):
            return None
    return None


def _meeting_of_compound_ministers(doc: Doc, ns: list[int], seen: set[int]) -> list[Meeting]:
    """``een vergadering van NAVO-defensieministers``, ``de buitengewone bijeenkomst van de
    defensieministers``: a meeting noun whose ``van`` names the ministers by a compound that
    carries the portfolio (``minister_compounds``) is a ministerial of that kind, named like
    "bijeenkomst van de ministers van Defensie". Not the ministers of named countries or of
    another union ("van de EU", "van Duitsland en Frankrijk"): a complement after the compound
    must be the allies' own ("van de NAVO")."""
    lw = lowers(doc)
    compounds = DATA["minister_compounds"]
    out = []
    for k in words_where(doc, "LOWER", "events.compound_ministers", compounds.__contains__):
        i = ns[k]
        if i in seen or k < 2:
            continue
        j = k - 1  # back over "de", "alle", "NAVO-" to "van" and the meeting noun before it
        while j > 0 and lw[ns[j]] in _NAME_LINKS and lw[ns[j]] != "van":
            j -= 1
        if lw[ns[j]] != "van" or not j or lw[ns[j - 1]] not in _MEETING_NOUNS or lw[ns[j - 1]] == "samenstelling":
            continue
        start = ns[j - 1]
        if j > 1 and lw[ns[j - 2]] in _MEETING_ADJECTIVES:
            start = ns[j - 2]
        if {lw[ns[x]] for x in range(max(0, j - 5), j)} & _NOT_MINISTERIAL_CONTEXT:
            continue
        end = _nato_complement_end(doc, i)
        if end == i and k + 1 < len(ns) and lw[ns[k + 1]] == "van":
            continue  # "van de EU", "van Duitsland en Frankrijk", "van de landen die ...": not all allies
        if any(x in seen for x in range(start, end + 1)):
            continue
        seen.update(range(start, end + 1))
        out.append(Meeting(start, end + 1, "MinisterialMeeting", kind=compounds[lw[i]]))
    return out


def _gathered_ministers(doc: Doc, ns: list[int], seen: set[int]) -> list[Meeting]:
    """``De ministers kwamen op 29 en 30 november bijeen``, ``Op 17 oktober vergaderden de
    defensieministers``: the ministers of a ministerial gathering on a date. Not a name of
    the meeting (an anaphor): it dates the one the document names (kind from the compound,
    "defensieministers", else the document's one kind), see ``_settle_ministerials``."""
    lw = lowers(doc)
    compounds = DATA["minister_compounds"]
    gather = _GATHER_VERBS
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


_COLLEAGUES = frozenset(DATA["colleague_words"])
_POSSESSIVES = frozenset(("zijn", "haar", "hun"))


def _conferred_with_colleagues(doc: Doc, ns: list[int], seen: set[int]) -> list[Meeting]:
    """``Minister X (Buitenlandse Zaken) heeft donderdag 2 april met zijn NAVO-collega's
    overlegd``: a minister conferring with "zijn/haar NAVO-collega's" (a verb of
    ``confer_words`` in the sentence) is a ministerial gathering of the portfolio the
    sentence names before it (exactly one: Foreign Affairs or Defence). Like
    ``_gathered_ministers`` an anaphor: it only dates the ministerial the document names,
    and only with a day of its own (``theirs``: its kind is its own)."""
    lw = lowers(doc)
    out = []
    for k in words_where(doc, "LOWER", "events.colleagues", _COLLEAGUES.__contains__):
        i = ns[k]
        if i in seen or k < 2 or lw[ns[k - 1]] not in _POSSESSIVES or lw[ns[k - 2]] != "met":
            continue
        lo, hi = sent_bounds(doc, i)
        if _CONFER.isdisjoint(lw[lo:hi]):
            continue
        kinds = {DATA["portfolio"][w] for w in lw[lo:i] if w in DATA["portfolio"]}
        if len(kinds) != 1:
            continue
        out.append(Meeting(i, i + 1, "MinisterialMeeting", kind=kinds.pop(), anaphor=True, theirs=True))
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
    found = _relative_clause_on(doc, m)
    if found is None:
        return None
    j, hi = found
    held = next((x for x in range(j + 2, min(hi, j + 18)) if lw[x] in _HELD), None)
    if held is None or any(w in _CLAUSE_MEETING_WORDS or w.endswith(_SUMMIT_SUFFIXES) for w in lw[j + 2:held]):
        return None
    inside = [d for s, e, d in dates if j + 2 <= s and e <= held and d.is_day]
    return inside[0] if len(inside) == 1 else None


# how far after a held meeting's mention its date may stand, in tokens: past a complement
# ("De ministers van Buitenlandse Zaken van de 32 bondgenoten kwamen op ... bijeen")
_HELD_DATE_REACH = 10
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", "dat", "die", "toen", "waarop", "waarin", "nadat", "sinds", "en"})


def _same_clause(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) neither open another clause ("vindt plaats op het moment dat
    ..., op 4 april 1949") nor name another meeting ("in aanloop naar de top van 9 juli")."""
    return not any(w in _CLAUSE_BREAKS or w in _CLAUSE_MEETING_WORDS or w.endswith(_SUMMIT_SUFFIXES)
                   for w in lowers(doc)[start:end])
