"""kg_events, the meeting the document is about: the one that follows "agenda",
"verslag" or "inzet" in its opening, else the first one named unless long past;
and whether the document concerns it at all (not answers to written questions,
nor a letter whose "Hierbij ..." sentence names no meeting).

Feeds ``kg:concerns`` and the main meeting whose sessions are read.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.nlp.components.docindex import lowers, sent_of
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.components.events.common import DATA, Meeting, _ns
from kg.nlp.components.events.ministerial_identity import _PREVIOUS_MEETING, _another_meeting

_DOCUMENT_WORDS = frozenset(DATA["document_words"])


def _main_meeting(doc: Doc, meetings: list[Meeting], doc_date, gatherings: list[Meeting] = ()) -> Meeting | None:
    """The meeting the document is the agenda or report of: in its opening, the one
    that follows "agenda", "verslag" or "inzet" in its sentence ("de geannoteerde
    agenda voor de NAVO-top ..."), else the first one named; when none is (or all are
    long past), the first gathering the opening dates and places without naming it
    ("Op 14 juni komen de regeringsleiders bijeen in Brussel", a reference meeting:
    ``gatherings``), unless long past."""
    limit = max(1500, len(doc_text(doc)) // 5)
    opening = [m for m in meetings if m.start < len(doc) and doc[m.start].idx < limit]
    if not opening:
        return _opening_gathering(doc, gatherings, doc_date, limit)
    # "het verslag van de vorige FMM" in an agenda: not the meeting it is the agenda of
    opening = [m for m in opening if not _another_meeting(doc, m, _PREVIOUS_MEETING)]
    for m in opening:
        if _named_as_document_topic(doc, m):
            return m
    # Else the first one named, unless it is long past: a letter that recalls "de
    # NAVO-top in Warschau in 2016" is not about that summit.
    return next((m for m in opening if not _long_past(m, doc_date)), None) \
        or _opening_gathering(doc, gatherings, doc_date, limit)


def _opening_gathering(doc: Doc, gatherings: list[Meeting], doc_date, limit: int) -> Meeting | None:
    """The first meeting of ``gatherings`` (mentions that date and place a reference meeting
    without naming it, not anaphors) in the opening, not long past; else None."""
    return next((m for m in gatherings if m.ref is not None and m.key and not m.anaphor and not m.named
                 and m.start < len(doc) and doc[m.start].idx < limit and not _long_past(m, doc_date)), None)


def _named_as_document_topic(doc: Doc, m: Meeting) -> bool:
    """Does "agenda", "verslag" or "inzet" precede meeting ``m`` in its sentence?"""
    sent = sent_of(doc, doc[m.start])
    return any(w in _DOCUMENT_WORDS for w in lowers(doc)[sent.start:m.start])


_NOT_MEETING_DOC = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in DATA["not_meeting_document_patterns"]]
_PURPOSE_OPENERS = tuple(tuple(p.split()) for p in DATA["purpose_openers"])
_OPENER_HEADS = frozenset(p[0] for p in _PURPOSE_OPENERS)
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
    starts with "Hierbij" or "Met deze brief" (``purpose_openers``) and addresses the
    reader within a few words ("Hierbij informeer ik u", "Met deze brief informeert het
    kabinet uw Kamer"), or None."""
    lw, ns = lowers(doc), _ns(doc)
    limit = min(len(doc_text(doc)), 2500)
    for k, i in enumerate(ns):
        if doc[i].idx >= limit:
            break
        if lw[i] not in _OPENER_HEADS:
            continue
        for parts in _PURPOSE_OPENERS:
            n = len(parts)
            if [lw[j] for j in ns[k:k + n]] != list(parts) or {lw[j] for j in ns[k + n:k + n + 6]}.isdisjoint(("u", "uw")):
                continue
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
