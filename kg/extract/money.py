"""Rule family: money — kg:Contribution with contributor, recipient, amountEUR, year.

A contribution is a euro amount in a sentence that speaks of a contribution
(``bijdrage``, ``kondigde ... aan``, ``geraamd``). The contributor is the
country named nearest before the amount (in the sentence, else earlier in the
same section); the recipient the operation or initiative named in the
sentence, else the nearest one earlier in the section. Totals
(``een totale bijdrage van ...``) are not new contributions.
"""
from __future__ import annotations

import hashlib
import re

from kg.amounts import find_amounts
from kg.extract.context import Context
from kg.extract.events import REL, link, spans_in
from kg.model import Entity, GYear
from kg.nlp.components.docindex import lowers, mentions, sent_of, sents, span_text

_YEAR = re.compile(r"\b(?:in|voor|over|tot|per|vanaf)\s+((?:19|20)\d\d)\b")


def _section_start(ctx: Context, char: int) -> int:
    """Char offset where the section holding ``char`` begins (last heading before it)."""
    ev = ctx.doc.user_data.get("kg_events") or {}
    starts = [s for s, e in ev.get("headings", []) if s <= char]
    return starts[-1] if starts else 0


def _nearest_before(ctx: Context, classes, char: int, floor: int):
    best = None
    for sp in mentions(ctx.doc):
        if sp.label_ in classes and floor <= sp.start_char < char:
            best = sp
    return best


def _contributor_before(ctx: Context, char: int, floor: int, triggers: set[str]):
    """The last country that, earlier in the section, is named before a contribution word
    in its sentence ("Sinds 2021 levert Denemarken een bijdrage aan ...")."""
    best = None
    for sp in mentions(ctx.doc):
        if sp.label_ != "Country" or not floor <= sp.start_char < char:
            continue
        if any(t.lower_ in triggers for t in ctx.doc[sp.end:sent_of(ctx.doc, sp).end]):
            best = sp
    return best or _nearest_before(ctx, ("Country",), char, floor)


def _contribution_key(contributor: str, recipient: str, amount, year) -> str:
    digest = hashlib.sha1(f"{contributor}|{recipient}|{amount}|{year}".encode()).hexdigest()[:16]
    return "contribution/" + digest


def run(ctx: Context) -> None:
    """Find every contribution stated in the document."""
    doc = ctx.doc
    triggers = set(REL["contribution_words"])
    for sent in sents(doc):
        words = set(lowers(doc)[sent.start:sent.end])
        if not words & triggers:
            continue
        text = span_text(doc, sent)
        for a in find_amounts(text):
            if a.unit != "EUR":
                continue
            before = text[max(0, a.start_char - 40):a.start_char].lower().split()
            if set(before[-4:]) & set(REL["total_words"]):
                continue
            char = sent.start_char + a.start_char
            floor = _section_start(ctx, sent.start_char)
            in_sent = [s for s in spans_in(doc, sent.start, sent.end, ("Country",)) if s.start_char < char]
            contributor = in_sent[-1] if in_sent else _contributor_before(ctx, sent.start_char, floor, triggers)
            recips = spans_in(doc, sent.start, sent.end, ("Operation", "Initiative"))
            recipient = recips[0] if recips else _nearest_before(ctx, ("Operation", "Initiative"), sent.start_char, floor)
            if contributor is None or recipient is None:
                continue
            ym = _YEAR.search(text[a.end_char:a.end_char + 30]) or _YEAR.search(text)
            year = int(ym.group(1)) if ym else None
            key = _contribution_key(contributor.kb_id_, recipient.kb_id_, a.value, year)
            ctx.entity(Entity(key=key, cls="Contribution",
                              label=f"{a.value} EUR" + (f" ({year})" if year else ""), mentioned=False))
            amount_span = doc.char_span(char, sent.start_char + a.end_char, alignment_mode="expand") or sent
            link(ctx, key, "kg:contributor", contributor.kb_id_, amount_span, "money.contribution_contributor")
            link(ctx, key, "kg:recipient", recipient.kb_id_, amount_span, "money.contribution_recipient")
            ev = ctx.sentence_evidence(amount_span, "money.contribution_amount")
            ctx.relate(key, "kg:amountEUR", a.value, ev)
            if year:
                ctx.relate(key, "kg:year", GYear(year), ev)
