"""Meetings themselves: their dates, place and country (from ``kg_events`` and the reference
data), the meeting the document concerns, its sessions, and the country of a place a
document names (``Vilnius, Litouwen``).

Feeds ``schema:startDate``/``schema:endDate``, ``schema:location``, ``kg:inCountry``,
``kg:concerns`` and ``kg:hasSession``; its session helpers tell ``scope`` which session a sentence names.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.model import from_reference
from kg.nlp.components.docindex import lowers, mentions, mentions_from, non_space, sent_of, spaces, text as doc_text, \
    texts, words_in, words_where
from kg.extract.events.common import _SETS_REL, ensure, link, REL, spans_in


def _dates_and_places(ctx: Context, ev: dict) -> None:
    """Start, end and place of each meeting. A summit resolved to the reference
    data has the reference's dates and host city (``_reference_values``); a host
    city the text does not name is not one the document mentions."""
    doc = ctx.doc
    for key, rec in ev["meetings"].items():
        ensure(ctx, key)
        if rec.get("reference", False):
            _reference_values(ctx, key, rec)
        elif rec["start"] is not None:
            span = doc[rec["date_span"][0]:rec["date_span"][1]]
            ev_ = ctx.sentence_evidence(span, "events.meeting_dates")
            ctx.relate(key, "schema:startDate", rec["start"], ev_)
            ctx.relate(key, "schema:endDate", rec["end"], ev_)
        if rec["place"] and not rec.get("reference", False):
            span = _stating_place_mention(ctx, rec)
            ensure(ctx, rec["place"], mentioned=rec.get("place_in_text", True))
            link(ctx, key, "schema:location", rec["place"], span, "events.meeting_place")
        for place, (s, e) in rec.get("also_places", ()):  # a second host the text names ("Kehl")
            link(ctx, key, "schema:location", place, doc[s:e], "events.meeting_place")


def _stating_place_mention(ctx: Context, rec: dict):
    """The mention of a meeting whose sentence gives its place: the one ``kg_events`` read the
    place at, unless that sentence only asks (``Wat was de uitkomst van het overleg in Berlijn?``);
    then a later mention whose sentence names the same place and states (the answer)."""
    doc = ctx.doc
    span = doc[rec["place_span"][0]:rec["place_span"][1]]
    if not ctx.asks(ctx.sentence_evidence(span, "events.meeting_place"), "schema:location"):
        return span
    for s, e in rec["mentions"]:
        sent = sent_of(doc, doc[s:e])
        if any(p.kb_id_ == rec["place"] for p in spans_in(doc, sent.start, sent.end, ("Place",))) \
                and not ctx.asks(ctx.sentence_evidence(sent, "events.meeting_place"), "schema:location"):
            return doc[s:e]
    return span  # only questions name it there: the link is refused


def _reference_values(ctx: Context, key: str, rec: dict) -> None:
    """A reference summit's dates and host city (rule ``events.summit_reference``): each
    with a sentence of the text that states it (its day, its city or region), else
    marked as the reference data's (``from_reference``: no quote, reference graph), as where
    the sentence only asks. A first or last day the text states inside the reference's days,
    other than the reference's, stands as stated too (rule ``events.summit_stated_days``)."""
    doc, rule = ctx.doc, "events.summit_reference"

    def evidence(at):
        ev_ = ctx.sentence_evidence(doc[at[0]:at[1]], rule) if at else None
        # a question names the summit but states nothing: the value is the reference data's
        return from_reference(rule) if ev_ is None or ctx.asks(ev_, "schema:location") else ev_

    if rec["start"] is not None:
        ctx.relate(key, "schema:startDate", rec["start"], evidence(rec.get("start_at")))
        ctx.relate(key, "schema:endDate", rec["end"], evidence(rec.get("end_at")))
    # days the text states inside the reference's span ("(29 en 30 juni 2022)" of 28-30 June):
    # the document's own statement, beside the reference data's value
    stated = rec.get("stated", {})
    for part, predicate in (("start", "schema:startDate"), ("end", "schema:endDate")):
        if part in stated:
            day, at = stated[part]
            ctx.relate(key, predicate, day, ctx.sentence_evidence(doc[at[0]:at[1]], "events.summit_stated_days"))
    if rec["place"] and ensure(ctx, rec["place"], mentioned=rec.get("place_in_text", True)):
        ctx.link(key, "schema:location", rec["place"], evidence(rec.get("place_at")))


def _concerns(ctx: Context, ev: dict) -> None:
    """kg:concerns: the meeting the document is the agenda or report of (``kg_events``
    decides; a document that only recalls a meeting concerns none)."""
    main = ev.get("concerns")
    if not main:
        return
    mentions = ev["meetings"][main]["mentions"]
    s, e = mentions[0] if mentions else ev["main_at"]  # only a dated gathering of its members names it
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


def _sessions(ctx: Context, ev: dict) -> None:
    """kg:hasSession: the sessions ``kg_events`` found are parts of the main meeting."""
    doc = ctx.doc
    main = ev.get("main")
    if not main:
        return
    for s in ev["sessions"]:
        ensure(ctx, s["key"])
        span = doc[s["span"][0]:s["span"][1]]
        if s.get("heading"):  # a bare heading ("Werklunch") states little: the sentence that names the sitting
            span = _sitting_named_in_text(ctx, ev, main, s) or span
        link(ctx, main, "kg:hasSession", s["key"], span, "events.session_structure")


_SITTING_ARTICLES = frozenset(("de", "het", "een"))


def _sitting_named_in_text(ctx: Context, ev: dict, main: str, sess: dict):
    """The first token of running text that names a heading's sitting (``Werkdiner`` over
    ``Tijdens het werkdiner spreken de ministers ...``) after an article or a comma of a list,
    in a sentence that states and whose paragraph names the main meeting, with no word of
    another time or of a gathering beside it (``voorafgaand``); None when no sentence does."""
    doc = ctx.doc
    title = sess["label"].strip("#*: ").lower().split()
    if not title or len(title) > 3:
        return None
    text, lw, ns = doc_text(doc), lowers(doc), non_space(doc)
    heads = ev.get("headings", ())
    mains = [m.start_char for m in mentions(doc) if m.kb_id_ == main]
    n = len(title)
    for k in words_where(doc, "LOWER", "events.sitting_word:" + title[0], title[0].__eq__):
        if k == 0 or k + n > len(ns) or [lw[ns[k + j]] for j in range(n)] != title:
            continue
        i = ns[k]
        if lw[ns[k - 1]] not in _SITTING_ARTICLES and lw[ns[k - 1]] != ",":
            continue
        tok = doc[i]
        if any(a <= tok.idx < b for a, b in heads):
            continue
        sent = sent_of(doc, tok)
        words = set(lw[sent.start:sent.end])
        if not (words.isdisjoint(_SETS_REL["outside_meeting_words"]) and words.isdisjoint(_SETS_REL["other_time_words"])):
            continue
        para_start = text.rfind("\n\n", 0, sent.start_char) + 1
        para_end = text.find("\n\n", sent.end_char)
        para_end = len(text) if para_end < 0 else para_end
        if not any(para_start <= c < para_end for c in mains):
            continue
        if ctx.asks(ctx.sentence_evidence(tok, "events.session_structure"), "kg:hasSession"):
            continue
        return doc[i:ns[k + n - 1] + 1]
    return None


def _closes_phrase(tx: list[str], space: list[bool], country, sent_end: int) -> bool:
    """``Newport, Verenigd Koninkrijk, op 4 september`` / ``Sliač (Slowakije)``: the country closes
    the place's phrase; not ``in Washington, Oekraïne op onomkeerbaar pad`` (a new clause)."""
    nxt = next((i for i in range(country.end, sent_end) if not space[i]), None)
    return nxt is None or tx[nxt] in (",", ".", ")", ";", ":", "-", "–")


def _place_country_fits(place: str, country, tx: list[str], space: list[bool], sent_end: int) -> bool:
    """``<Place>, <Country>``: the place's country when the reference data agrees (never against
    it); for a place the reference puts nowhere, only when the country closes the phrase."""
    known = _reference_country(place)
    return known == country.kb_id_ if known else _closes_phrase(tx, space, country, sent_end)


def _reference_country(key: str) -> str | None:
    """The country the reference data puts a place in (None when it knows none)."""
    from kg import reference

    ent = reference.load().entities.get(key)
    return getattr(ent, "country", None)


def _town_country(ctx: Context, sp, tx: list[str], lw: list[str], space: list[bool]) -> None:
    """``de Noorse havenstad Narvik``: a place right after an article, a country's adjective and a noun
    for a town (``town_nouns`` of units.json) lies in that country — unless the reference data puts it
    in another."""
    from kg import reference
    from kg.extract.events.operation_mentions import _country_entity
    from kg.nlp.components.units import _TOWN_NOUNS, _TOWN_PREPOSITIONS
    before = [i for i in range(max(0, sp.start - 6), sp.start) if not space[i]][-3:]
    if len(before) < 3:
        return
    if lw[before[2]] in _TOWN_NOUNS and lw[before[0]] in ("de", "het"):
        adj = before[1]  # "de Noorse havenstad Narvik"
    elif lw[before[1]] == "het" and lw[before[0]] in _TOWN_PREPOSITIONS:
        adj = before[2]  # "in het Britse Carbis Bay"
    else:
        return
    ent = reference.load().country_of_adjective(tx[adj]) if tx[adj][:1].isupper() else None
    known = _reference_country(sp.kb_id_)
    if ent is not None and (known is None or known == ent.key) and _country_entity(ctx, ent.key):
        link(ctx, sp.kb_id_, "kg:inCountry", ent.key, sp, "events.town_country")


def _in_country(ctx: Context) -> None:
    """``Newport, Verenigd Koninkrijk``; ``operatie X, een programma in het Verenigd Koninkrijk``;
    ``de Noorse havenstad Narvik``."""
    doc = ctx.doc
    spans = mentions(doc)
    tx, lw, space = texts(doc), lowers(doc), spaces(doc)  # per-doc arrays, no Tokens
    for sp in spans:
        if sp.label_ not in ("Place", "Operation"):
            continue
        if sp.label_ == "Place":
            _town_country(ctx, sp, tx, lw, space)
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
                and [i for i in range(sp.end, countries[0].start) if not space[i]][-1] == first \
                and _place_country_fits(sp.kb_id_, countries[0], tx, space, sent_end):
            link(ctx, sp.kb_id_, "kg:inCountry", countries[0].kb_id_, sp, "events.place_country")
        elif sp.label_ == "Operation" and tx[first] == ",":
            for c in countries:
                between = [lw[i] for i in range(sp.end, c.start) if not space[i]]
                if len(between) <= 14 and between[-1:] in (["in"], ["het"], ["de"]) and "in" in between[-3:] \
                        and not any(o.label_ == "Operation" for o in spans if sp.end <= o.start < c.start):
                    link(ctx, sp.kb_id_, "schema:location", c.kb_id_, sp, "events.operation_country")
                    break
