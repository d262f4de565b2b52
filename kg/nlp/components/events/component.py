"""kg_events, the spaCy component: runs the readings in order (dates, summit and
ministerial mentions, their identity, the main meeting, its sessions), registers
every meeting and session mention in ``doc.spans["kg"]``, and leaves per meeting a
record of its dates, place and mentions in ``doc.user_data["kg_events"]``.

Feeds, through ``kg.extract.events``, the meetings' ``schema:startDate``,
``schema:endDate`` and ``schema:location`` (and the spans that state them).
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.components.docindex import lowers
from kg.nlp.spans import add_mention, entity_table, register_entity
from kg.nlp.components.fold import fold  # fold: memoised kg.slug.fold
from kg.nlp.components.events.common import DATA, Meeting, _ns, _title
from kg.nlp.components.events.dates import _doc_year, _doc_date, _dates_by_token
from kg.nlp.components.events.places import _place_after, _reference_key, _place_key
from kg.nlp.components.events.ministerials import _ministerial_matcher, _ministerials
from kg.nlp.components.events.summits import (
    _summits, _kind_summits, _leaders_gathering, _recalled_gathering, _referring_summit, _self_dated_summit,
    _agreed_in_place, _leaders_acted,
)
from kg.nlp.components.events.summit_identity import _resolve_summits
from kg.nlp.components.events.ministerial_identity import _settle_ministerials
from kg.nlp.components.events.sessions import _doc_headings, _sessions
from kg.nlp.components.events.main_meeting import _main_meeting, _concerned


def _register(doc: Doc, m: Meeting) -> None:
    if not m.key:
        return
    surface = [" ".join(doc[m.start:m.end].text.split())] if m.named else []
    register_entity(doc, m.key, m.cls, m.label, alt_labels=[*surface, *m.alt])
    add_mention(doc, m.start, m.end, m.cls, m.key, named=m.named)


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
            _stated_days_within(rec, d, ref, (span.start, span.end))
    if rec.get("place_at") is None and rec["place"] and (text_place == rec["place"] or region):
        rec["place_at"] = m.place_span or (m.start, m.end)


def _stated_days_within(rec: dict, d, ref, at: tuple[int, int]) -> None:
    """``de NAVO-top in Madrid (29 en 30 juni 2022)`` of a summit the reference data dates
    28-30 June: a range of days the text states for the reference summit, wholly inside the
    reference's days, stands in the document as stated (``rec["stated"]``: "start"/"end" ->
    (date, token span)) where it differs from the reference's first or last day. A single
    day ("op 29 juni") may be a moment at the summit, not its span: it states neither."""
    if not d.day2 or (d.month2, d.day2) == (d.month1, d.day1):
        return
    try:
        first = dt.date(ref.start.year, d.month1, d.day1)
        last = dt.date(ref.start.year, d.month2, d.day2)
    except ValueError:
        return
    if not ref.start <= first < last <= ref.end:
        return
    if first != ref.start:
        rec.setdefault("stated", {}).setdefault("start", (first, at))
    if last != ref.end:
        rec.setdefault("stated", {}).setdefault("end", (last, at))


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
        summits = _agreed_in_place(doc, ns, dates, summits)
        summits = _leaders_acted(doc, ns, dates, summits)
        summits = _referring_summit(doc, ns, dates, summits, doc_date)
        summits = _self_dated_summit(doc, ns, dates, summits, doc_date)
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
        gatherings = [m for m in meetings if not m.anaphor and not m.named]
        meetings = [m for m in meetings if not m.anaphor and m.named]
        main = _main_meeting(doc, meetings, doc_date, gatherings)
        sessions = _sessions(doc, main)
        for s in sessions:
            register_entity(doc, s.key, "Session", s.label)
            add_mention(doc, s.start, s.end, "Session", s.key)
        doc.user_data["kg_events"] = {
            "year": year,
            "meetings": info,
            "main": main.key if main else None,
            "main_at": (main.start, main.end) if main else None,  # a gathering that names it nowhere else
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
