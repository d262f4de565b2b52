"""Rule family: money — kg:Contribution with contributor, recipient, amountEUR, year.

A contribution is a euro amount in a sentence that speaks of a contribution
(``bijdrage``, ``draagt ... bij``, ``kondigde ... aan``, ``geraamd``,
``geschat op``). Amounts are ``EUR 5 miljoen``, ``€10,4 miljoen``, ``7 miljoen
euro``, and a bare ``100 miljoen`` where a contribution word stands right
before it or ``bij`` right after it. The contributor is the country named
nearest before the amount in the sentence, else the one a country adjective
names (``de Nederlandse bijdrage``), else the last country earlier in the
same section that is named before a contribution word. The recipient is the
operation, fund or initiative named in the sentence, else — when the
sentence names no other recipient (``aan het X``) — the nearest one earlier in
the section. Amounts per year (``voor 2024, 2025 en 2026 respectievelijk
...``) take their year in order. Totals (``een totale bijdrage van ...``) are
not new contributions. A country that contributes to an operation takes part
in it (``levert een bijdrage aan de missie``).
"""
from __future__ import annotations

import hashlib
import re

from kg.amounts import Amount, find_amounts
from kg.extract.context import Context
from kg.extract.events import REL, _SETS_REL, _adjective_parties, _country_entity, link, sentences_with, spans_in
from kg.model import Entity, GYear
from kg.nlp.components.docindex import lowers, mentions, sent_of, sents, span_text

_YEAR = re.compile(r"\b(?:in|voor|over|tot|per|vanaf)\s+((?:19|20)\d\d)\b")
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[\w$€]+(?:[.,'][\w]+)*", re.UNICODE)
_SCALE = re.compile(r"\b(?:miljoen|miljard|mln|mld|mrd)\b", re.IGNORECASE)
_MONEY_HINT = re.compile(r"EUR|€|euro|miljoen|miljard|mln|mld|mrd", re.IGNORECASE)


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


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _plain_euros(text: str, a: Amount) -> bool:
    """``draagt 100 miljoen bij``, ``een bijdrage van 5 miljoen``: a scaled bare number that
    a contribution word introduces, with no other currency or unit after it."""
    if not _SCALE.search(text[a.start_char:a.end_char]):
        return False
    after = _words(text[a.end_char:a.end_char + 40])[:3]
    if set(after) & _SETS_REL["not_euro_words"] or text[max(0, a.start_char - 4):a.start_char].strip().endswith("$"):
        return False
    if after[:1] == ["bij"]:  # "draagt 100 miljoen bij"
        return True
    before = _words(text[max(0, a.start_char - 40):a.start_char])[-2:]
    intro = _SETS_REL["plain_amount_before"]
    if not before or before[-1] not in intro:
        return False
    if before[-1] in ("van", "op", "met"):  # "een bijdrage van", "geschat op": the word before says money
        return len(before) == 2 and before[0] in intro | {"kosten", "bedrag", "waarde"}
    return True


def _euro_amounts(text: str) -> list[Amount]:
    """The euro amounts of a sentence: written in euros, or bare and introduced as money."""
    return [a for a in find_amounts(text) if a.unit == "EUR" or a.unit == "" and _plain_euros(text, a)]


def _is_total(text: str, a: Amount) -> bool:
    """``een totale bijdrage van EUR 40 miljoen``, ``brengt het totaal op EUR ...``."""
    before = _words(text[max(0, a.start_char - 50):a.start_char])
    return bool(set(before[-4:]) & _SETS_REL["total_words"]) or "totaal" in before[-2:]


def _respective_years(text: str, amounts: list[Amount]) -> dict[int, int]:
    """``voor 2024, 2025 en 2026 respectievelijk EUR 3, 4 en 5 miljoen``: amount start -> year."""
    idx = text.lower().find("respectievelijk")
    if idx < 0:
        return {}
    years = [int(y) for y in _ANY_YEAR.findall(text[:idx])]
    after = [a for a in amounts if a.start_char > idx]
    if len(years) < 2 or len(years) != len(after):
        return {}
    return {a.start_char: y for a, y in zip(after, years)}


def _names_other_recipient(ctx: Context, sent) -> bool:
    """``aan het ANA Trust Fund`` that no rule recognised: a recipient the sentence names,
    so the one of an earlier sentence is not it."""
    doc = ctx.doc
    lw = lowers(doc)
    known = {i for s in spans_in(doc, sent.start, sent.end) for i in range(s.start, s.end)}
    for i in range(sent.start, sent.end - 1):
        if lw[i] in ("aan", "voor"):
            j = i + 1
            while j < sent.end and lw[j] in ("de", "het", "een"):
                j += 1
            if j < sent.end and doc[j].text[:1].isupper() and j not in known:
                return True
    return False


_CONTRIBUTION_NOUNS = frozenset({"bijdrage", "bijdragen"})
_OBLIGATION = frozenset({"roept", "riep", "oproep", "oproepen", "moet", "moeten", "moest", "dienen", "dient", "vraagt",
                         "vroeg", "verzoekt", "aangespoord", "aansporen", "spoort"})


def _stated_contributions(ctx: Context, seen: set[tuple[str, str]]) -> None:
    """``de extra bijdragen aan Resolute Support, waaronder die van Nederland``, ``Noorwegen
    levert een bijdrage aan eFP``: a contribution without an amount, when the sentence names
    one recipient right after ``bijdrage(n) aan`` and states no amount for it."""
    from kg.extract.events import _hedged, _participants
    doc = ctx.doc
    lw = lowers(doc)
    for sent in sentences_with(doc, "money.contribution_nouns", _CONTRIBUTION_NOUNS):
        words = set(lw[sent.start:sent.end])
        if _hedged(words) or not words.isdisjoint(_OBLIGATION):
            continue
        recips = {}
        for r in spans_in(doc, sent.start, sent.end, ("Operation", "Initiative")):
            j = r.start - 1
            while j > sent.start and lw[j] in ("de", "het", "operatie", "missie", "navo-missie", "het", "een"):
                j -= 1
            if lw[j] == "aan" and j > sent.start and lw[j - 1] in _CONTRIBUTION_NOUNS:
                recips[r.kb_id_] = r
        if len(recips) != 1 or _euro_amounts(span_text(doc, sent)):
            continue
        recipient = next(iter(recips.values()))
        parties = [(sp.kb_id_, sp) for sp in _participants(ctx, sent, set(), operation=True) if sp.label_ == "Country"]
        parties += [(k, tok) for k, tok in _adjective_parties(ctx, sent) if _country_entity(ctx, k)]
        for country, sp in parties:
            if (country, recipient.kb_id_) in seen:
                continue
            seen.add((country, recipient.kb_id_))
            key = _contribution_key(country, recipient.kb_id_, None, None)
            ctx.entity(Entity(key=key, cls="Contribution", label="bijdrage", mentioned=False))
            link(ctx, key, "kg:contributor", country, sp, "money.stated_contribution")
            link(ctx, key, "kg:recipient", recipient.kb_id_, sp, "money.stated_contribution")
            if recipient.label_ == "Operation":
                link(ctx, recipient.kb_id_, "kg:participant", country, sp, "money.contribution_participant")


def run(ctx: Context) -> None:
    """Find every contribution stated in the document."""
    doc = ctx.doc
    triggers = set(REL["contribution_words"])
    seen: set[tuple[str, str]] = set()
    for sent in sentences_with(doc, "money.contribution_words", frozenset(triggers)):
        text = span_text(doc, sent)
        if not _MONEY_HINT.search(text):  # no amount can be read: skip the amount parser
            continue
        amounts = _euro_amounts(text)
        if not amounts:
            continue
        per_year = _respective_years(text, amounts)
        floor = _section_start(ctx, sent.start_char)
        recips = spans_in(doc, sent.start, sent.end, ("Operation", "Initiative"))
        recipient = recips[0] if recips else (
            None if _names_other_recipient(ctx, sent)
            else _nearest_before(ctx, ("Operation", "Initiative"), sent.start_char, floor))
        if recipient is None:
            continue
        adjectives = _adjective_parties(ctx, sent)
        for a in amounts:
            if _is_total(text, a):
                continue
            char = sent.start_char + a.start_char
            in_sent = [s for s in spans_in(doc, sent.start, sent.end, ("Country",)) if s.start_char < char]
            amount_span = doc.char_span(char, sent.start_char + a.end_char, alignment_mode="expand") or sent
            if in_sent:
                contributor = in_sent[-1].kb_id_
            elif adjectives and _country_entity(ctx, adjectives[0][0]):
                contributor = adjectives[0][0]  # "de Nederlandse bijdrage van EUR 5 miljoen"
            else:
                found = _contributor_before(ctx, sent.start_char, floor, triggers)
                contributor = found.kb_id_ if found is not None else None
            if contributor is None:
                continue
            year = per_year.get(a.start_char)
            if year is None:
                ym = _YEAR.search(text[a.end_char:a.end_char + 30]) or _YEAR.search(text)
                year = int(ym.group(1)) if ym else None
            seen.add((contributor, recipient.kb_id_))
            key = _contribution_key(contributor, recipient.kb_id_, a.value, year)
            ctx.entity(Entity(key=key, cls="Contribution",
                              label=f"{a.value} EUR" + (f" ({year})" if year else ""), mentioned=False))
            link(ctx, key, "kg:contributor", contributor, amount_span, "money.contribution_contributor")
            link(ctx, key, "kg:recipient", recipient.kb_id_, amount_span, "money.contribution_recipient")
            ev = ctx.sentence_evidence(amount_span, "money.contribution_amount")
            ctx.relate(key, "kg:amountEUR", a.value, ev)
            if year:
                ctx.relate(key, "kg:year", GYear(year), ev)
            if recipient.label_ == "Operation":  # "levert een bijdrage aan de missie": takes part
                link(ctx, recipient.kb_id_, "kg:participant", contributor, amount_span,
                     "money.contribution_participant")
    _stated_contributions(ctx, seen)
