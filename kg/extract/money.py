"""Rule family: money — kg:Contribution with contributor, recipient, amountEUR, year.

A contribution is a euro amount in a sentence that speaks of a contribution
(``bijdrage``, ``draagt ... bij``, ``kondigde ... aan``, ``geraamd``,
``geschat op``, ``uitgaven``). Amounts are ``EUR 5 miljoen``, ``€10,4 miljoen``,
``7 miljoen euro``, and a bare ``100 miljoen`` where a contribution word stands
right before it or ``bij`` right after it.

The contributor is the giver: the country named nearest before the amount in the
sentence that no preposition governs (``in Litouwen``, ``aan Oekraïne`` are a place
and a beneficiary; ``de bijdrage van Nederland`` gives), else the one a country
adjective names (``de Nederlandse bijdrage``), else the giver of the last earlier
sentence of the section that speaks of contributing or taking part (``Nederland
neemt deel aan ...``). The recipient is the operation, fund or initiative named in
the sentence, else — when the sentence names no other recipient (``aan het X``) —
the nearest one earlier in the section, else the one operation the document has
already said a country takes part in (a cost paragraph under its own heading).

Each amount takes the year of its own clause (``voor 2019 geraamd op EUR 44,7
miljoen; voor 2020 is EUR 41 miljoen gereserveerd``); years and amounts in one
clause pair off in order (``respectievelijk``, ``EUR 3 miljoen voor 2028 en EUR
2,5 miljoen voor 2029``); ``dit jaar`` is the letter's year. Where the pairing is
unsure no year is stated. Totals (``een totale bijdrage van ...``) are not new
contributions. An amount followed by its own purpose, a kind of aid (``EUR 3 miljard aan
militaire steun voor X``), takes no recipient from an earlier sentence. A country that contributes to an operation takes part in it
(``levert een bijdrage aan de missie``).

``hiervoor`` after a sentence that gives ``aan deze regeling`` points at the thing named before that
sentence; a sentence right after that opens with the money (``De middelen komen uit het budget voor
2025``) gives the year of an amount that has none; a fund topped up ``met EUR x`` (``het trustfonds ... te
versterken``) takes the amount; ``Het kabinet`` as subject gives as the Netherlands when nothing else does.
"""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from pathlib import Path

from kg import reference
from kg.amounts import Amount, find_amounts
from kg.extract.context import Context
from kg.extract.events.common import REL, _SETS_REL, link, sentences_with, spans_in
from kg.extract.events.operation_mentions import _adjective_parties, _country_entity, _served_by
from kg.model import Entity, GYear
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.components.fold import ref_adjective
from kg.nlp.components.docindex import lowers, mentions, same_paragraph, sent_of, sents, spaces, span_text

# "in 2024", "voor 2025", "over 2023" name the year of an amount; "tot 2026", "vanaf 2024" a span's end or start
_YEAR = re.compile(r"\b(?:in|voor|over)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# years named relative to the document's own: "dit jaar", "volgend jaar"
# "in 2012 en 2013", "voor 2024-2026", "over 2023 tot en met 2025": the phrase names several years, not one
_YEAR_LIST = re.compile(r"\s*(?:,|en|of|-|–|/|tot(?:\s+en\s+met)?|t/m)\s*(?:19|20)\d\d\b", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"\b(dit|vorig|volgend|komend)\s+(?:kalender|begrotings)?jaar\b", re.IGNORECASE)
_RELATIVE_OFFSET = {"dit": 0, "vorig": -1, "volgend": 1, "komend": 1}
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DATA = json.loads(Path(__file__).with_name("money.json").read_text(encoding="utf-8"))
_GOVERNING = frozenset(_DATA["governing_prepositions"])
_GIVERS_AFTER = {prep: frozenset(nouns) for prep, nouns in _DATA["givers_after"].items()}
_LIST_JOINERS = frozenset(_DATA["list_joiners"])
_CONTEXT_WORDS = frozenset(_DATA["context_words"])
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


def _governed(ctx: Context, sp) -> bool:
    """Is the country ``sp`` a place, a beneficiary or a source rather than a giver: governed by a
    preposition (``in Litouwen``, ``aan Oekraïne``, ``in Polen en Duitsland``) other than ``van``/``voor``
    after a contribution or cost noun (``de bijdrage van Nederland``, ``de kosten voor Nederland`` give),
    or ``door`` before a participle
    (``de door Duitsland geleide eenheid``; a passive's agent, ``door Nederland betaald``, gives)?"""
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    floor = sent_of(doc, sp).start
    starts = {s.end - 1: s.start for s in spans_in(doc, floor, sp.start, ("Country",))}
    if _gloss(doc, sp, floor):
        return True
    i = sp.start - 1
    while i >= floor and (space[i] or lw[i] in _LIST_JOINERS or i in starts):
        i = starts.get(i, i) - 1
    if i < floor:
        return False
    word = lw[i]
    if word == "door":
        after = next((lw[j] for j in range(sp.end, sent_of(doc, sp).end) if not space[j]), "")
        return after.startswith("ge") and after.endswith(("de", "te", "den", "ten"))
    if word in _GIVERS_AFTER:  # "de bijdrage van Nederland", "de kosten voor Nederland"
        j = i - 1
        while j >= floor and space[j]:
            j -= 1
        if j >= floor and lw[j] in _GIVERS_AFTER[word]:
            return False
    return word in _GOVERNING


def _gloss(doc, sp, floor: int) -> bool:
    """``Northwood (Verenigd Koninkrijk)``, ``Szczecin (Polen)``: a country in brackets right after a
    capitalised name says where that name lies; it gives nothing."""
    space = spaces(doc)
    i = sp.start - 1
    while i >= floor and space[i]:
        i -= 1
    if i <= floor or doc[i].text != "(":
        return False
    i -= 1
    while i >= floor and space[i]:
        i -= 1
    return i >= floor and doc[i].text[:1].isupper()


def _givers(ctx: Context, start: int, end: int) -> list:
    """The countries in tokens [start, end) that no preposition governs, in order."""
    return [sp for sp in spans_in(ctx.doc, start, end, ("Country",)) if not _governed(ctx, sp)]


def _contributor_before(ctx: Context, sent, floor: int, triggers: set[str]) -> str | None:
    """The giver of an earlier sentence of the section (``Sinds 2021 levert Denemarken een bijdrage
    aan ...``, ``Nederland neemt deel aan ...``, ``De Nederlandse bijdrage ...``): the last country
    no preposition governs, or named by its adjective before a contribution noun, in a sentence
    that speaks of contributing or taking part. None when no sentence does: the nearest country
    may be where the mission is or whom it helps."""
    doc = ctx.doc
    lw = lowers(doc)
    words = triggers | _CONTEXT_WORDS
    best = None  # (token index, country key)
    for prev in sents(doc):
        if prev.start_char < floor:
            continue
        if prev.start >= sent.start:
            break
        if not words.intersection(lw[prev.start:prev.end]):
            continue
        for sp in _givers(ctx, prev.start, prev.end):
            if best is None or sp.start >= best[0]:
                best = (sp.start, sp.kb_id_)
        for key, tok in _adjective_parties(ctx, prev):
            if _country_entity(ctx, key) and (best is None or tok.i >= best[0]):
                best = (tok.i, key)
    return best[1] if best else None


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


_AID_NOUNS = frozenset(_DATA["aid_nouns"])
_PURPOSE_LINKS = frozenset({"aan", "voor"})


def _own_purpose(text: str, a: Amount) -> bool:
    """``EUR 3 miljard aan militaire steun voor X gereserveerd``, ``EUR 40 miljoen voor humanitaire
    hulp``: the amount's own purpose, a kind of aid, stands right after it. Such an amount is not
    the contribution of an operation or fund named only in an earlier sentence."""
    after = _words(text[a.end_char:a.end_char + 80])
    if after[:1] == ["euro"]:
        after = after[1:]
    if after[:1] != ["aan"] and after[1:2] in (["aan"], ["voor"]):
        after = after[1:]  # "EUR 3 miljard gereserveerd voor ...": past the participle
    if not after or after[0] not in _PURPOSE_LINKS:
        return False
    if after[1:2] in (["de"], ["het"]):
        after = after[1:]
    # at most two adjectives between the preposition and the noun ("militaire", "extra")
    return any(w in _AID_NOUNS for w in after[1:4])


_PART_WORDS = frozenset({"waarvan", "waaronder"})


def _is_part(text: str, a: Amount, amounts: list[Amount]) -> bool:
    """``EUR 33 miljoen, waarvan EUR 14,5 miljoen in 2012``: a share of an amount stated before it,
    not a contribution of its own (the whole would be counted twice)."""
    before = _words(text[max(0, a.start_char - 30):a.start_char])[-2:]
    return not _PART_WORDS.isdisjoint(before) and any(b.start_char < a.start_char for b in amounts)


def _respective_years(text: str, amounts: list[Amount]) -> dict[int, int]:
    """``voor 2024, 2025 en 2026 respectievelijk EUR 3, 4 en 5 miljoen``: amount start -> year."""
    idx = text.lower().find("respectievelijk")
    if idx < 0:
        return {}
    years = [int(y) for y in _ANY_YEAR.findall(text[:idx])]
    after = [a for a in amounts if a.start_char > idx]
    if len(years) >= 2 and len(years) == len(after):
        return {a.start_char: y for a, y in zip(after, years)}
    lo = text.rfind(";", 0, idx) + 1
    hi = text.find(";", idx)
    hi = len(text) if hi < 0 else hi
    # "voor 2020 en 2021 geraamd op EUR 47 mln respectievelijk EUR 45 mln": the word stands between
    # the amounts of its clause, and the clause names as many years, all before its first amount
    around = [a for a in amounts if lo <= a.start_char < hi]
    if len(around) >= 2 and around[0].start_char < idx < around[-1].start_char:
        years = [(m.start(), int(m.group())) for m in _ANY_YEAR.finditer(text, lo, hi)]
        if len(years) == len(around) and years[-1][0] < around[0].start_char:
            return {a.start_char: y for a, (_, y) in zip(around, years)}
    # "EUR 12 mln en EUR 3 mln, respectievelijk in 2012 en 2013": the years of the clause after
    # the word pair off with the amounts of its own clause before it
    years = [int(y) for y in _ANY_YEAR.findall(text[idx:hi])]
    before = [a for a in amounts if lo <= a.start_char < idx]
    if len(years) >= 2 and len(years) == len(before) and not any(idx < a.start_char < hi for a in amounts):
        return {a.start_char: y for a, y in zip(before, years)}
    return {}


def _year_phrases(text: str, doc_year: int | None) -> list[tuple[int, int]]:
    """(char offset, year) of each phrase naming a year in ``text``: ``voor 2025``, ``in 2024``,
    and, when the document's year is known, ``dit jaar`` (that year) or ``volgend jaar``."""
    found = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text) if not _YEAR_LIST.match(text, m.end())]
    if doc_year:
        found += [(m.start(), doc_year + _RELATIVE_OFFSET[m.group(1).lower()]) for m in _RELATIVE_YEAR.finditer(text)]
    return sorted(found)


def _clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of a sentence a semicolon separates (``voor 2019 EUR 4 miljoen; voor 2020 ...``)."""
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == ";":
            out.append((start, i))
            start = i + 1
    return out + [(start, len(text))]


def _amount_years(text: str, amounts: list[Amount], doc_year: int | None) -> dict[int, int]:
    """Amount start -> the year it is for. ``respectievelijk`` pairs years and amounts in order;
    else each clause's year goes to its amounts: one year for them all, or years and amounts
    that alternate (``voor 2019 EUR 4 miljoen en voor 2020 EUR 5 miljoen`` pairs each year with
    the amount after it, ``EUR 4 miljoen voor 2019 en EUR 5 miljoen voor 2020`` with the one
    before). A clause without a year takes the sentence's one year; otherwise none is stated."""
    out = _respective_years(text, amounts)
    phrases = _year_phrases(text, doc_year)
    sentence_years = {y for _, y in phrases}
    for lo, hi in _clauses(text):
        own = [a for a in amounts if lo <= a.start_char < hi and a.start_char not in out]
        if not own:
            continue
        years = [(at, y) for at, y in phrases if lo <= at < hi]
        if not years:
            if len(sentence_years) == 1:
                out.update((a.start_char, next(iter(sentence_years))) for a in own)
            continue
        if len({y for _, y in years}) == 1:
            out.update((a.start_char, years[0][1]) for a in own)
            continue
        seq = sorted([(at, "Y", y) for at, y in years] + [(a.start_char, "A", a.start_char) for a in own])
        kinds = "".join(k for _, k, _ in seq)
        if len(years) != len(own) or kinds not in ("YA" * len(own), "AY" * len(own)):
            continue  # years and amounts that do not pair off: no year is stated
        for n in range(0, len(seq), 2):
            first, second = seq[n], seq[n + 1]
            year, amount = (first[2], second[2]) if kinds[0] == "Y" else (second[2], first[2])
            out[amount] = year
    return out


def _names_other_recipient(ctx: Context, sent) -> bool:
    """``aan het ANA Trust Fund`` that no rule recognised: a recipient the sentence names,
    so the one of an earlier sentence is not it."""
    doc = ctx.doc
    lw = lowers(doc)
    known = {i for s in spans_in(doc, sent.start, sent.end) for i in range(s.start, s.end)}
    for i in range(sent.start, sent.end - 1):
        if lw[i] == "," and lw[_next_word(lw, i + 1, sent.end)] in _RELATIVE_WORDS:
            return False  # ", waarmee een pakket ... voor Patriot-systemen": what the money does
        if lw[i] in ("aan", "voor"):
            j = i + 1
            while j < sent.end and lw[j] in ("de", "het", "een"):
                j += 1
            if j < sent.end and doc[j].text[:1].isupper() and j not in known \
                    and not ref_adjective(reference.load(), doc[j].text):
                return True  # (not "voor de Nederlandse inzet": a country's adjective names no recipient)
    return False


_RELATIVE_WORDS = frozenset(_DATA["relative_words"])


def _next_word(lw: list[str], j: int, end: int) -> int:
    """The first token from ``j`` (before ``end``) that is no whitespace; ``end - 1`` when none."""
    while j < end - 1 and not lw[j].strip():
        j += 1
    return j


_DENIALS = tuple(tuple(p.split()) for p in _DATA["denial_phrases"])
_THAT = frozenset({"deze", "dit", "die", "dat"})


def _denied_recipients(ctx: Context, sent) -> set[str]:
    """Funds and operations the sentence, or the next one of its paragraph that opens with a
    demonstrative (``Deze middelen staan los van het X``), says the amount is not for."""
    doc = ctx.doc
    lw = lowers(doc)
    spans = [sent]
    if sent.end < len(doc):
        nxt = sent_of(doc, doc[sent.end])
        j = next((j for j in range(nxt.start, nxt.end) if lw[j].strip()), nxt.start)
        # the sentence after it in the same paragraph (it may begin with the blank line)
        if lw[j] in _THAT and "\n\n" not in doc_text(doc)[sent.end_char:doc[j].idx]:
            spans.append(nxt)
    out = set()
    for s in spans:
        for sp in spans_in(doc, s.start, s.end, ("Operation", "Initiative")):
            i = sp.start
            while i > s.start and lw[i - 1] in ("de", "het"):
                i -= 1
            if any(tuple(lw[i - len(p):i]) == p for p in _DENIALS if i - len(p) >= s.start):
                out.add(sp.kb_id_)
    return out


_CONTRIBUTION_NOUNS = frozenset({"bijdrage", "bijdragen"})
_OBLIGATION = frozenset({"roept", "riep", "oproep", "oproepen", "moet", "moeten", "moest", "dienen", "dient", "vraagt",
                         "vroeg", "verzoekt", "aangespoord", "aansporen", "spoort"})


def _stated_contributions(ctx: Context, seen: set[tuple[str, str]]) -> None:
    """``de extra bijdragen aan Resolute Support, waaronder die van Nederland``, ``Noorwegen
    levert een bijdrage aan eFP``: a contribution without an amount, when the sentence names
    one recipient right after ``bijdrage(n) aan`` and states no amount for it."""
    from kg.extract.events.common import _hedged
    from kg.extract.events.parties import _participants
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
        parties = [(sp.kb_id_, sp) for sp in _participants(ctx, sent, set(), operation=True)
                   if sp.label_ == "Country" and not _served_by(lw, spaces(doc), sp, sent.start)]
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


_HOME = "country/nederland"  # the letters are the Dutch government's: costs it states are its own
_COST_WORDS = frozenset(_DATA["cost_words"])
_OTHER_TOPICS = ("Summit", "MinisterialMeeting", "Session", "Pledge", "Initiative", "Operation")
_OTHER_TOPIC_WORDS = frozenset(_DATA["other_cost_topics"])


def _document_operation(ctx: Context, sent) -> tuple[str, str | None] | None:
    """The operation a cost sentence under a heading of its own speaks of (``Financiële
    aspecten: De uitgaven voor de missie worden ... geraamd op ...``): the one operation that
    the document, before this sentence, has said a country takes part in, with that country
    when it named exactly one. None when it named several operations, or the sentence names
    a meeting or another plan, or speaks of costs of another kind (``de kosten van de top``). Where
    several allies take part and the Netherlands is one, the costs (``kosten``, ``uitgaven``) the
    Dutch letter states are the Dutch ones."""
    if spans_in(ctx.doc, sent.start, sent.end, _OTHER_TOPICS) \
            or not _OTHER_TOPIC_WORDS.isdisjoint(lowers(ctx.doc)[sent.start:sent.end]):
        return None
    at = ctx.clean.to_source(sent.start_char, sent.start_char)[0]
    parties: dict[str, set[str]] = {}
    for f in ctx.extraction.facts:
        if f.predicate == "kg:participant" and f.subject.startswith("operation/") and f.evidence is not None \
                and f.evidence.start < at:
            parties.setdefault(f.subject, set()).add(f.object.key)
    if len(parties) != 1:
        return None
    op, who = next(iter(parties.items()))
    if _other_mission(ctx, sent, op):
        return None
    countries = [k for k in who if k.startswith("country/")]
    if len(countries) > 1 and _HOME in countries and not spans_in(ctx.doc, sent.start, sent.end, ("Organisation",)) \
            and not _COST_WORDS.isdisjoint(lowers(ctx.doc)[sent.start:sent.end]):
        return op, _HOME  # a Dutch letter's costs of a mission several allies take part in are its own
    return op, (countries[0] if len(countries) == 1 else None)


_GENERIC_MISSIONS = frozenset(_DATA["generic_mission_nouns"])


def _other_mission(ctx: Context, sent, op: str) -> bool:
    """``Daarnaast draagt Nederland bij aan de capaciteitsopbouwmissie in Irak. ... De kosten van de
    trainingsmissie bedragen ...``: a cost sentence that names a mission by a word of its own
    (``trainingsmissie``, not just ``de missie``) which the document never set next to the name of
    operation ``op`` (``de trainingsmissie operatie X``, ``X, de trainingsmissie van de NAVO``)
    may speak of another mission: its costs are not the operation's."""
    doc = ctx.doc
    lw = lowers(doc)
    own = {w for w in lw[sent.start:sent.end] if w.endswith(("missie", "operatie")) and w not in _GENERIC_MISSIONS}
    if not own:
        return False
    near = set()
    for sp in spans_in(doc, 0, len(doc), ("Operation",)):
        if sp.kb_id_ == op:
            near.update(lw[max(0, sp.start - 6):sp.start])
            near.update(lw[sp.end:sp.end + 6])
    return not own <= near


def _known_participant(ctx: Context, op: str, sent) -> str | None:
    """The one country the document, before ``sent``, has said takes part in operation ``op``
    (``Nederland neemt deel aan Inherent Resolve. ... De kosten van de inzet in het kader van
    Inherent Resolve worden geraamd op ...``): whose costs a cost sentence naming no giver states.
    None when it named none or several."""
    if spans_in(ctx.doc, sent.start, sent.end, ("Organisation",)):
        return None  # "De NAVO raamt de gemeenschappelijke kosten van X op ...": not one ally's
    at = ctx.clean.to_source(sent.start_char, sent.start_char)[0]
    who = {f.object.key for f in ctx.extraction.facts
           if f.predicate == "kg:participant" and f.subject == op and f.evidence is not None
           and f.evidence.start < at and hasattr(f.object, "key") and f.object.key.startswith("country/")}
    return next(iter(who)) if len(who) == 1 else None


def _document_year(ctx: Context) -> int | None:
    """The year of the document's own date, which ``dit jaar`` names."""
    date = ctx.meta.get("date")  # ctx.meta["year"] is the parliamentary year ("2024-2025")
    if date is not None and hasattr(date, "year"):
        return date.year
    year = (ctx.doc.user_data.get("kg_events") or {}).get("year")
    return year if isinstance(year, int) else None


# the words an amount is written with: a sentence without one states no amount
_AMOUNT_WORDS = frozenset({"eur", "€", "euro", "miljoen", "miljard", "mln", "mld", "mrd"})


def _one_giver(ctx: Context, sent) -> str | None:
    """The one country a sentence names as giver: no preposition governs it, or its adjective
    stands before a contribution noun (``De Nederlandse bijdrage``). None for none or several."""
    keys = {sp.kb_id_ for sp in _givers(ctx, sent.start, sent.end)}
    keys |= {k for k, _ in _adjective_parties(ctx, sent) if _country_entity(ctx, k)}
    return next(iter(keys)) if len(keys) == 1 else None


def _instalments(ctx: Context, doc_year: int | None, triggers: set[str], seen: set[tuple[str, str]]) -> None:
    """``De Nederlandse bijdrage aan het X wordt in termijnen gestort. Voor 2023 gaat het om EUR 4,5
    miljoen, voor 2024 om EUR 6 miljoen ...``: a sentence of euro amounts, each of its own year, that
    names no contribution word and nothing else (no giver, no recipient), right after a sentence of its
    paragraph that states a contribution with one giver and one recipient but no amount: each amount
    is that giver's to that recipient in its year. Where an amount's year is unsure, nothing."""
    from kg.extract.events.common import _hedged
    doc = ctx.doc
    lw = lowers(doc)
    all_sents = sents(doc)
    starts = [s.start for s in all_sents]
    for sent in sentences_with(doc, "money.amount_words", _AMOUNT_WORDS):
        k = bisect_right(starts, sent.start) - 1
        if k == 0 or not triggers.isdisjoint(lw[sent.start:sent.end]) or spans_in(doc, sent.start, sent.end):
            continue  # run() reads a contribution sentence; one that names anything is not a bare breakdown
        text = span_text(doc, sent)
        amounts = _euro_amounts(text)
        per_year = _amount_years(text, amounts, doc_year) if amounts else {}
        if not amounts or any(a.start_char not in per_year for a in amounts) \
                or len(set(per_year.values())) != len(amounts):
            continue  # each amount a year of its own, or no breakdown
        prev = all_sents[k - 1]
        if not same_paragraph(doc, prev, sent):
            continue  # another paragraph
        words = set(lw[prev.start:prev.end])
        if triggers.isdisjoint(words) or _hedged(words) or not words.isdisjoint(_OBLIGATION) \
                or _euro_amounts(span_text(doc, prev)):
            continue
        recips = {r.kb_id_: r for r in spans_in(doc, prev.start, prev.end, ("Operation", "Initiative"))}
        giver = _one_giver(ctx, prev)
        if len(recips) != 1 or giver is None:
            continue
        recipient = next(iter(recips.values()))
        both = ctx.evidence(prev.start_char, sent.end_char, "money.instalment")
        for a in amounts:
            year = per_year[a.start_char]
            seen.add((giver, recipient.kb_id_))
            key = _contribution_key(giver, recipient.kb_id_, a.value, year)
            ctx.entity(Entity(key=key, cls="Contribution", label=f"{a.value} EUR ({year})", mentioned=False))
            ctx.link(key, "kg:contributor", giver, both)
            ctx.link(key, "kg:recipient", recipient.kb_id_, both)
            ev = ctx.evidence(sent.start_char, sent.end_char, "money.instalment")
            ctx.relate(key, "kg:amountEUR", a.value, ev)
            ctx.relate(key, "kg:year", GYear(year), ev)
            if recipient.label_ == "Operation":
                ctx.link(recipient.kb_id_, "kg:participant", giver, both)


_AMOUNT_ANAPHORS = tuple(tuple(p) for p in _DATA["amount_anaphors"])


def _year_after(ctx: Context, sent, a: Amount, doc_year: int | None) -> tuple[dict[int, int], int | None]:
    """``Het kabinet stelt hiervoor EUR 500 miljoen beschikbaar. De middelen komen uit het budget dat voor
    2025 ... is gereserveerd``: the next sentence of the paragraph opens with a phrase for the money
    (``amount_anaphors``), states no amount of its own and names one year: the amount's year. Returns
    (amount start -> year, end char of that next sentence), or ({}, None)."""
    doc = ctx.doc
    if sent.end >= len(doc):
        return {}, None
    nxt = sent_of(doc, doc[sent.end])
    if nxt.start == sent.start or not same_paragraph(doc, sent, nxt):
        return {}, None
    lw = lowers(doc)
    words = [w for w in lw[nxt.start:nxt.end] if w.strip()]
    if tuple(words[:2]) not in _AMOUNT_ANAPHORS:
        return {}, None
    text = span_text(doc, nxt)
    years = {y for _, y in _year_phrases(text, doc_year)}
    if len(years) != 1 or _euro_amounts(text) or len(set(_ANY_YEAR.findall(text))) != 1:
        return {}, None
    return {a.start_char: next(iter(years))}, nxt.end_char


_TOP_UP = frozenset(_DATA["top_up_verbs"])
_FUND_ENDINGS = tuple(_DATA["fund_endings"])
_CABINET_SUBJECTS = tuple(tuple(p) for p in _DATA["cabinet_subjects"])


def _fund_topped_up(ctx: Context, sent) -> bool:
    """``het trustfonds in 2025 met EUR 12,5 miljoen te versterken``: a fund noun, then (before the
    top-up verb) ``met`` right before a euro amount."""
    lw = lowers(ctx.doc)
    words = [w for w in lw[sent.start:sent.end] if w.strip()]
    fund = next((n for n, w in enumerate(words) if w.endswith(_FUND_ENDINGS)), None)
    verb = next((n for n, w in enumerate(words) if w in _TOP_UP), None)
    if fund is None or verb is None or verb < fund:
        return False
    return any(w == "met" and words[n + 1] in ("eur", "€") for n, w in enumerate(words[fund:verb], fund))


_UNSURE_GIVING = frozenset(_DATA["unsure_giving_words"])
_AMOUNT_NEGATIONS = frozenset(_DATA["amount_negations"])
_NEGATION_REACH = _DATA["amount_negation_reach"]


def _unsure_amount(text: str, a: Amount) -> bool:
    """Is the amount ``a`` of the sentence ``text`` asked of a giver or weighed (a word of request or
    consideration before it: ``Het kabinet heeft Duitsland gevraagd ... EUR 20 miljoen ... te leveren``)
    or denied (a negation right before its currency: ``niet met EUR 50 miljoen te verhogen``)?"""
    before = re.findall(r"\w+", text[:a.start_char].lower())
    if not _UNSURE_GIVING.isdisjoint(before):
        return True
    near = [w for w in before[-_NEGATION_REACH - 1:] if w != "met"]
    return not _AMOUNT_NEGATIONS.isdisjoint(near[-_NEGATION_REACH:])


def _cabinet_subject(ctx: Context, sent) -> bool:
    """The sentence opens with the Dutch government as subject (``Het kabinet heeft besloten ...``)."""
    lw = lowers(ctx.doc)
    words = tuple(w for w in lw[sent.start:min(sent.end, sent.start + 8)] if w.strip())
    return any(words[:len(p)] == p for p in _CABINET_SUBJECTS)


def _antecedent_elsewhere(doc, sent, recipient) -> bool:
    """``Nederland draagt daaraan EUR 20 miljoen bij``: a pronominal adverb points at the nearest
    thing named before, in the sentence before. Unless that sentence (of the paragraph) names
    the operation or initiative found, the adverb points at something else (``de financiering
    van X``): the recipient is unknown."""
    lw = lowers(doc)
    if _SETS_REL["anaphoric_adverbs"].isdisjoint(lw[sent.start:sent.end]):
        return False
    from kg.extract.events.common import _prev_in_paragraph

    prev = _prev_in_paragraph(doc, sent)
    if recipient is not None and prev is not None and recipient.end <= prev.start and _points_back(lw, prev):
        return False  # "een bijdrage aan deze regeling. ... hiervoor": the thing named before that sentence
    return recipient is None or prev is None or not (prev.start <= recipient.start and recipient.end <= prev.end)


_DEMONSTRATIVE_LINKS = frozenset(_DATA["demonstrative_recipient_links"])


def _points_back(lw: list[str], sent) -> bool:
    """``een bijdrage aan deze regeling``, ``voor dit fonds``: the sentence gives to a thing it names
    only by a demonstrative and a common noun, the one named before it."""
    words = [w for w in lw[sent.start:sent.end] if w.strip()]
    return any(w in _DEMONSTRATIVE_LINKS and words[n + 1] in ("deze", "dit") and words[n + 2].isalpha()
               for n, w in enumerate(words[:-2]))


def _recipient_per_amount(text: str, offset: int, amounts: list[Amount], recips) -> dict | None:
    """Amount start -> its recipient span when the sentence names two amounts and two recipients or
    more (None otherwise): amounts and recipients that alternate pair off (``EUR 5 mln bij aan KFOR en EUR 3
    mln aan EUFOR Althea``: each amount with the recipient after it; ``voor KFOR EUR 5 mln, voor
    EUFOR EUR 3 mln``: with the one before), as do recipients before ``respectievelijk`` and as
    many amounts (``voor KFOR en EUFOR ... EUR 12 mln respectievelijk EUR 3 mln``). Otherwise no
    amount has a recipient stated: an empty mapping."""
    named = []  # one entry per run of mentions of one recipient ("Resolute Support (RSM)")
    for r in sorted(recips, key=lambda r: r.start_char):
        if not named or named[-1].kb_id_ != r.kb_id_:
            named.append(r)
    if len({r.kb_id_ for r in named}) < 2 or len(amounts) < 2:
        return None  # one amount: the first recipient, as before (``aan het X Trust Fund voor RSM``)
    idx = text.lower().find("respectievelijk")
    if idx >= 0:  # years before the word as well: which list it pairs the amounts with is unsure
        before = [r for r in named if r.start_char - offset < idx]
        if len(before) == len(named) == len(amounts) and len(set(_ANY_YEAR.findall(text[:idx]))) < 2:
            return {a.start_char: r for a, r in zip(amounts, named)}
        return {}
    seq = sorted([(r.start_char - offset, "R", r) for r in named] + [(a.start_char, "A", a) for a in amounts],
                 key=lambda x: x[0])
    kinds = "".join(k for _, k, _ in seq)
    n = len(amounts)
    if len(named) != n or kinds not in ("RA" * n, "AR" * n):
        return {}
    out = {}
    for i in range(0, len(seq), 2):
        first, second = seq[i][2], seq[i + 1][2]
        amount, rec = (second, first) if kinds[0] == "R" else (first, second)
        out[amount.start_char] = rec
    return out


_CONTRIBUTION_WORDS = frozenset(REL["contribution_words"])
# A sentence may state a contribution by a contribution word or by topping up a fund.
_TRIGGERS = _CONTRIBUTION_WORDS | _TOP_UP


def run(ctx: Context) -> None:
    """Find every contribution stated in the document."""
    doc = ctx.doc
    triggers = _CONTRIBUTION_WORDS
    seen: set[tuple[str, str]] = set()
    doc_year = _document_year(ctx)
    for sent in sentences_with(doc, "money.contribution_words", _TRIGGERS):
        text = span_text(doc, sent)
        if not _MONEY_HINT.search(text):  # no amount can be read: skip the amount parser
            continue
        if triggers.isdisjoint(lowers(doc)[sent.start:sent.end]) and not _fund_topped_up(ctx, sent):
            continue  # a top-up verb without a fund it tops up: no contribution word
        amounts = _euro_amounts(text)
        if not amounts:
            continue
        per_year = _amount_years(text, amounts, doc_year)
        year_end = None  # where the quote for a year read from the next sentence ends
        if len(amounts) == 1 and not per_year:
            per_year, year_end = _year_after(ctx, sent, amounts[0], doc_year)
        floor = _section_start(ctx, sent.start_char)
        recips = spans_in(doc, sent.start, sent.end, ("Operation", "Initiative"))
        denied = _denied_recipients(ctx, sent)
        other = bool(recips) and all(r.kb_id_ in denied for r in recips)  # "los van het X": not X's
        recips = [r for r in recips if r.kb_id_ not in denied]
        other = other or (not recips and _names_other_recipient(ctx, sent))
        recipient = recips[0] if recips else (
            None if other else _nearest_before(ctx, ("Operation", "Initiative"), sent.start_char, floor))
        if recipient is not None and recipient.kb_id_ in denied:
            continue
        topic = None
        if recipient is None and not recips and not other:
            topic = _document_operation(ctx, sent)  # "De uitgaven voor de missie ..." under its own heading
        if recipient is None and topic is None or not recips and _antecedent_elsewhere(doc, sent, recipient):
            continue
        recipient_key = recipient.kb_id_ if recipient is not None else topic[0]
        recipient_cls = recipient.label_ if recipient is not None else "Operation"
        own = _recipient_per_amount(text, sent.start_char, amounts, recips)
        adjectives = _adjective_parties(ctx, sent)
        for a in amounts:
            if _is_total(text, a) or _is_part(text, a, amounts) or _unsure_amount(text, a):
                continue
            if not recips and _own_purpose(text, a):
                continue  # an amount for aid of its own kind: not the earlier-named operation's or fund's
            if own is not None:  # two recipients: each amount its own, or none when they do not pair off
                if a.start_char not in own:
                    continue
                recipient_key, recipient_cls = own[a.start_char].kb_id_, own[a.start_char].label_
            char = sent.start_char + a.start_char
            in_sent = [s for s in _givers(ctx, sent.start, sent.end) if s.start_char < char]
            amount_span = doc.char_span(char, sent.start_char + a.end_char, alignment_mode="expand") or sent
            if in_sent:
                contributor = in_sent[-1].kb_id_
            elif adjectives and _country_entity(ctx, adjectives[0][0]):
                contributor = adjectives[0][0]  # "de Nederlandse bijdrage van EUR 5 miljoen"
            else:
                contributor = _contributor_before(ctx, sent, floor, triggers)
                if contributor is None and topic is not None:
                    contributor = topic[1]
                elif contributor is None and recipient_cls == "Operation":
                    contributor = _known_participant(ctx, recipient_key, sent)
                if contributor is None and _cabinet_subject(ctx, sent) and _country_entity(ctx, _HOME):
                    contributor = _HOME  # "Het kabinet heeft besloten het trustfonds ... te versterken"
            if contributor is None:
                continue
            year = per_year.get(a.start_char)
            seen.add((contributor, recipient_key))
            key = _contribution_key(contributor, recipient_key, a.value, year)
            ctx.entity(Entity(key=key, cls="Contribution",
                              label=f"{a.value} EUR" + (f" ({year})" if year else ""), mentioned=False))
            link(ctx, key, "kg:contributor", contributor, amount_span, "money.contribution_contributor")
            link(ctx, key, "kg:recipient", recipient_key, amount_span, "money.contribution_recipient")
            ev = ctx.sentence_evidence(amount_span, "money.contribution_amount")
            ctx.relate(key, "kg:amountEUR", a.value, ev)
            if year:
                ctx.relate(key, "kg:year", GYear(year), ev if year_end is None else
                           ctx.evidence(sent.start_char, year_end, "money.year_after"))
            if recipient_cls == "Operation":  # "levert een bijdrage aan de missie": takes part
                link(ctx, recipient_key, "kg:participant", contributor, amount_span,
                     "money.contribution_participant")
    _instalments(ctx, doc_year, triggers, seen)  # "Voor 2023 gaat het om EUR x" after the contribution
    _stated_contributions(ctx, seen)
