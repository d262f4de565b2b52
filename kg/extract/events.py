"""Rule family: events — dates, location, inCountry, sessions, participants, concerns.

Reads what ``kg_events`` left in ``doc.user_data["kg_events"]`` and the mention
spans of ``doc.spans["kg"]``. Every relation between two entities carries the
sentence it was read from.
"""
from __future__ import annotations

import json
from pathlib import Path

from kg.extract.context import Context
from kg.model import Entity
from kg.nlp.components.docindex import lowers, mentions, mentions_from, sent_of, sents, spaces, texts, word_set, words_in
from kg.nlp.spans import entity_table
from kg.nlp.components.fold import fold  # memoised kg.slug.fold

REL = json.loads(Path(__file__).with_name("relations.json").read_text(encoding="utf-8"))
PARTY_CLASSES = ("Person", "Minister", "Country", "Organisation")


# ---------------------------------------------------------------- shared helpers

def ensure(ctx: Context, key: str, mentioned: bool = True) -> bool:
    """Make sure ``key`` is an Entity of the extraction (from the NLP entity table)."""
    if key in ctx.extraction.entities:
        return True
    info = entity_table(ctx.doc).get(key)
    if info is None:
        return False
    ctx.entity(Entity(key=key, cls=info["cls"], label=info["label"], alt_labels=set(info["alt_labels"]),
                      same_as=info.get("same_as"), mentioned=mentioned))
    return True


def link(ctx: Context, subject: str, predicate: str, obj: str, span, rule: str) -> None:
    """A relation between two entities, with the sentence of ``span`` as evidence."""
    if subject == obj or not (ensure(ctx, subject) and ensure(ctx, obj)):
        return
    ctx.link(subject, predicate, obj, ctx.sentence_evidence(span, rule))


def spans_in(doc, start_tok: int, end_tok: int, classes=None) -> list:
    """Mention spans inside tokens [start_tok, end_tok), longest first at each start, no overlaps."""
    ms, k = mentions_from(doc, start_tok)  # sorted by start: skip straight to start_tok
    out, last_end = [], -1
    for k in range(k, len(ms)):
        s = ms[k]
        if s.start >= end_tok:
            break
        if s.end <= end_tok and (classes is None or s.label_ in classes):
            if s.start >= last_end:
                out.append(s)
                last_end = s.end
    return out


def words_of(sent) -> set[str]:
    """The lower-cased words of a sentence (read from per-doc arrays, not Tokens)."""
    return word_set(sent.doc, sent.start, sent.end)


_SETS: dict[int, tuple] = {}  # id of a trigger list -> (the list, its words as sets)


def _trigger_sets(singles, pairs, phrases) -> tuple:
    """``set(singles)``, ``[set(p) for p in pairs]``, the union of the pair words and the
    smallest pair size, and ``[set(p) for p in phrases]``: made once per trigger lists."""
    got = _SETS.get(id(singles))
    if got is None or got[0] is not singles or got[1] is not pairs or got[2] is not phrases:
        pair_sets = [frozenset(p) for p in pairs]
        got = _SETS[id(singles)] = (singles, pairs, phrases, frozenset(singles), pair_sets,
                                    frozenset().union(*pair_sets), min(map(len, pair_sets), default=0),
                                    [frozenset(p) for p in phrases])
    return got[3:]


def has_trigger(words: set[str], singles, pairs, phrases=(), sent=None) -> bool:
    """A sentence with one of the trigger words, all words of a (separable) trigger pair,
    or a contiguous trigger phrase."""
    single_set, pair_sets, pair_words, min_pair, phrase_sets = _trigger_sets(singles, pairs, phrases)
    if not words.isdisjoint(single_set):
        return True
    # a pair is within ``words`` iff it is within the words it shares with all pairs
    hits = words & pair_words
    if len(hits) >= min_pair and any(p <= hits for p in pair_sets):
        return True
    if sent is not None and phrases:
        # a phrase can only occur if all its words do: skip the scan otherwise
        have = word_set(sent.doc, sent.start, sent.end)
        if not any(ps <= have for ps in phrase_sets):
            return False
        toks = words_in(sent.doc, sent.start, sent.end)
        return any(toks[i:i + len(p)] == list(p) for p, ps in zip(phrases, phrase_sets) if ps <= have
                   for i in range(len(toks)))
    return False


def _is_excluded(doc, key: str) -> bool:
    info = entity_table(doc).get(key, {})
    names = {fold(info.get("label", "")), *(fold(a) for a in info.get("alt_labels", ()))}
    return bool(names & set(REL["never_participant_labels"]))


# ---------------------------------------------------------------- rules

def _dates_and_places(ctx: Context, ev: dict) -> None:
    """Start, end and place of each meeting. A summit resolved to the reference
    data has the reference's dates and host city (rule ``events.summit_reference``,
    with the sentence that names the summit); a host city the text does not name
    is not one the document mentions."""
    doc = ctx.doc
    for key, rec in ev["meetings"].items():
        ensure(ctx, key)
        from_ref = rec.get("reference", False)
        if rec["start"] is not None:
            span = doc[rec["date_span"][0]:rec["date_span"][1]]
            ev_ = ctx.sentence_evidence(span, "events.summit_reference" if from_ref else "events.meeting_dates")
            ctx.relate(key, "schema:startDate", rec["start"], ev_)
            ctx.relate(key, "schema:endDate", rec["end"], ev_)
        if rec["place"]:
            span = doc[rec["place_span"][0]:rec["place_span"][1]]
            ensure(ctx, rec["place"], mentioned=rec.get("place_in_text", True))
            link(ctx, key, "schema:location", rec["place"], span,
                 "events.summit_reference" if from_ref else "events.meeting_place")
        for place, (s, e) in rec.get("also_places", ()):  # the region the text names ("Wales")
            link(ctx, key, "schema:location", place, doc[s:e], "events.meeting_place")


def _concerns(ctx: Context, ev: dict) -> None:
    main = ev.get("main")
    if not main:
        return
    s, e = ev["meetings"][main]["mentions"][0]
    link(ctx, ctx.extraction.doc_key, "kg:concerns", main, ctx.doc[s:e], "events.concerns_opening")


def _ordinal_session(ev: dict, sent) -> dict | None:
    """``Bij de laatste sessie ...``: the n-th session heading of the document."""
    ordered = sorted((s for s in ev["sessions"] if s.get("heading")), key=lambda s: s["span"][0])
    if not ordered:
        return None
    toks = words_in(sent.doc, sent.start, sent.end)  # lower-cased words, no Tokens
    for a, b in zip(toks, toks[1:]):
        n = REL["ordinals"].get(a)
        if n is not None and b in REL["session_reference_nouns"]:
            idx = len(ordered) - 1 if n == -1 else n - 1
            return ordered[idx] if 0 <= idx < len(ordered) else None
    return None


def _in_session_scope(ev: dict, char: int) -> list[dict]:
    return [s for s in ev["sessions"] if any(a <= char < b for a, b in s["scopes"])]


def _participants(ctx: Context, sent, exclude: set[str]) -> list:
    doc = ctx.doc
    out = []
    for sp in spans_in(doc, sent.start, sent.end, PARTY_CLASSES):
        if sp.kb_id_ in exclude or _is_excluded(doc, sp.kb_id_):
            continue
        out.append(sp)
    return out


def _sessions(ctx: Context, ev: dict) -> None:
    doc = ctx.doc
    main = ev.get("main")
    if not main:
        return
    for s in ev["sessions"]:
        ensure(ctx, s["key"])
        link(ctx, main, "kg:hasSession", s["key"], doc[s["span"][0]:s["span"][1]], "events.session_structure")
    meeting_spans = [sp for sp in mentions(doc) if sp.label_ in ("Summit", "MinisterialMeeting")]
    for sent in sents(doc):
        words = words_of(sent)
        if not has_trigger(words, REL["participation_words"], REL["participation_pairs"],
                           REL["participation_phrases"], sent):
            continue
        here = [m for m in meeting_spans if m.start >= sent.start and m.end <= sent.end]
        other = [m for m in here if m.kb_id_ != main]
        ordinal = _ordinal_session(ev, sent)
        refers = None  # computed once, when first needed
        for sp in _participants(ctx, sent, set()):
            if other:  # "dat Zweden kan deelnemen aan de Top in Vilnius": that meeting
                link(ctx, other[0].kb_id_, "kg:participant", sp.kb_id_, sp, "events.meeting_participant")
                continue
            if ordinal is not None:  # "Bij de laatste sessie sloten ... aan"
                if sp.kb_id_ != ordinal.get("body"):
                    link(ctx, ordinal["key"], "kg:participant", sp.kb_id_, sp, "events.session_participant")
                continue
            scopes = _in_session_scope(ev, sp.start_char)
            if scopes:
                for sess in scopes:
                    if sp.kb_id_ != sess.get("body"):
                        link(ctx, sess["key"], "kg:participant", sp.kb_id_, sp, "events.session_participant")
                continue
            if refers is None:
                lw = lowers(doc)
                refers = any(lw[i] in REL["meeting_reference_nouns"] and i > sent.start and
                             lw[i - 1] in REL["meeting_reference_determiners"] for i in range(sent.start, sent.end))
            if here or refers:
                link(ctx, main, "kg:participant", sp.kb_id_, sp, "events.meeting_participant")


def _in_country(ctx: Context) -> None:
    """``Newport, Verenigd Koninkrijk``; ``operatie X, een programma in het Verenigd Koninkrijk``."""
    doc = ctx.doc
    spans = mentions(doc)
    tx, lw, space = texts(doc), lowers(doc), spaces(doc)  # per-doc arrays, no Tokens
    for sp in spans:
        if sp.label_ not in ("Place", "Operation"):
            continue
        sent_end = sent_of(doc, sp).end
        first = next((i for i in range(sp.end, sent_end) if not space[i]), None)  # first word after
        if first is None:
            continue
        ms, k = mentions_from(doc, sp.end)  # sorted by start: the spans from sp.end on
        countries = []
        for c in ms[k:]:
            if c.start >= sent_end:
                break
            if c.label_ == "Country":
                countries.append(c)
        if sp.label_ == "Place" and tx[first] in (",", "(") and countries \
                and [i for i in range(sp.end, countries[0].start) if not space[i]][-1] == first:
            link(ctx, sp.kb_id_, "kg:inCountry", countries[0].kb_id_, sp, "events.place_country")
        elif sp.label_ == "Operation" and tx[first] == ",":
            for c in countries:
                between = [lw[i] for i in range(sp.end, c.start) if not space[i]]
                if len(between) <= 14 and between[-1:] in (["in"], ["het"], ["de"]) and "in" in between[-3:] \
                        and not any(o.label_ == "Operation" for o in spans if sp.end <= o.start < c.start):
                    link(ctx, sp.kb_id_, "kg:inCountry", c.kb_id_, sp, "events.operation_country")
                    break


def run(ctx: Context) -> None:
    """Dates, places, sessions, participants and the meeting the document concerns."""
    ev = ctx.doc.user_data.get("kg_events")
    if ev:
        _dates_and_places(ctx, ev)
        _concerns(ctx, ev)
        _sessions(ctx, ev)
    _in_country(ctx)
