"""Rule family: pledges and initiatives — kg:acronym, kg:agreedAt, kg:targetPercentGDP.

agreedAt: an agreement word and a summit in the sentence (by name or by place), the
document's summit when the sentence speaks of its results, of "de top", or of its
leaders acting ("Ook lanceerden de leiders het X"), or the summit of the sentence
before when this one names its agreement ("Die afspraak, de X, ..."). A target: a
percentage of GDP stated as a norm of the pledge the sentence (or the one before)
names, right after its name ("de DIP van 2 procent") or called its floor or goal;
a new pledge's target is the new pledge's. A pledge whose norm the reference knows takes it from
any percentage of GDP of that value in a sentence naming it; a sentence that states a norm
is the target of the pledge the next one names as ``Die/Deze <pledge>``.

The sentence before also gives the summit when this one points back to it: "Daar namen
de bondgenoten X aan", "Op die top", or goes on with "Daarnaast/Ook wordt X aangenomen"
(a present agreement only at the document's own summit, a past one never at a summit after
the document's date, nor, in a summit's report, at another summit the sentence before only
looks back to). A summit report's one GDP norm
agreed at its summit is the new pledge it names later ("De nieuwe NAVO-norm"); a new norm named by a
noun that a clause says a summit will adopt ("... dat de regeringsleiders haar tijdens de top in X
zullen aannemen") is that summit's new NATO norm. The norms
of known pledges are data (pledges.json): one node never carries two norms. So is the summit that
agreed a known plan: "de afspraak die in 2014 op de NAVO-top in Wales werd gemaakt" beside a plan
that summit agreed is that plan's agreement.

States that sign something at a summit (``Tijdens de NAVO-top in X tekenden A en B een
intentieverklaring``) take part in it."""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from decimal import Decimal
from pathlib import Path

from kg.amounts import find_amounts
from kg.dates import MONTH_PATTERN
from kg.extract.context import Context
from kg.model import Entity
from kg.extract.events.common import _DEMONSTRATIVES, REL, ensure, has_trigger, link, sentences_with, spans_in, words_of
from kg.nlp.components.docindex import lowers, mentions, same_paragraph, sents, span_text, texts, words_in
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.spans import entity_table
from kg.reference import summits as reference_summits
from kg.nlp.components.fold import fold  # memoised kg.slug.fold

AGREED_CLASSES = ("Pledge", "Initiative")
_DATA = json.loads(Path(__file__).with_name("pledges.json").read_text(encoding="utf-8"))
_NORMS = _DATA["norms"]
_KNOWN_SUMMIT = _DATA["agreed_at"]  # plan -> the summit that agreed it (facts about the world)
_CONSENT_PAIRS = [tuple(p) for p in _DATA["consent_pairs"]]  # consent to a plan the sentence names
_PREPARING = [tuple(p) for p in _DATA["preparation_phrases"]]  # "een nieuw X voor te bereiden": still to be made
_CONSENT_WORDS: list = []  # its own object: has_trigger caches its sets by the singles' identity
_RESULT_WORDS = {"resultaten", "resultaat", "uitkomst", "uitkomsten"}


def _acronyms(ctx: Context) -> None:
    doc = ctx.doc
    for key, acr in sorted(doc.user_data.get("kg_acronyms", {}).items()):
        if not ensure(ctx, key):
            continue
        first = next((s for s in mentions(doc) if s.kb_id_ == key and s.text == acr), None)
        ev = ctx.sentence_evidence(first, "pledges.acronym_definition") if first is not None else None
        ctx.relate(key, "kg:acronym", acr, ev)


_MINISTERS_MEET = frozenset({"ministers", "bijeen"})  # "de ministers ... kwamen in Brussel bijeen"


def _summit_by_place(ctx: Context, sent) -> str | None:
    """``In Washington zullen ...``: a place in the sentence that a summit of this document is held in;
    not where the sentence has ministers meet (``De ministers van Defensie ... kwamen in Brussel bijeen;
    daar besloten zij ...``): that place is of their meeting, not of a summit held there."""
    if _MINISTERS_MEET <= words_of(sent):
        return None
    ev = ctx.doc.user_data.get("kg_events") or {}
    by_place: dict[str, str] = {}
    for key, rec in ev.get("meetings", {}).items():
        if rec["cls"] == "Summit" and rec.get("place"):
            by_place.setdefault(rec["place"], key)
    if not by_place:
        return None
    for sp in spans_in(ctx.doc, sent.start, sent.end, ("Place",)):
        if sp.kb_id_ in by_place:
            return by_place[sp.kb_id_]
    table = entity_table(ctx.doc)
    names = {}
    for pkey, skey in by_place.items():
        info = table.get(pkey, {})
        for n in [info.get("label", ""), *info.get("alt_labels", ())]:
            if n:
                names[fold(n)] = skey
                names[fold(n.split()[0])] = skey
    regions = _summit_regions()  # "De bondgenoten spraken in Wales af ...": the host city's region
    for skey in by_place.values():
        if skey in regions:
            names.setdefault(fold(regions[skey]), skey)
    tx, lw = texts(ctx.doc), lowers(ctx.doc)  # per-doc arrays, no Tokens
    for i in range(sent.start + 1, sent.end):
        if lw[i - 1] in ("in", "op", "te") and tx[i][:1].isupper() and fold(tx[i]) in names:
            return names[fold(tx[i])]
    return None


_REGIONS: dict[str, str] = {}


def _summit_regions() -> dict[str, str]:
    """The reference summits named by their host city's region ("Wales"): summit key -> region."""
    if not _REGIONS:
        _REGIONS.update({s.key: s.region for s in reference_summits() if s.region})
        _REGIONS.setdefault("", "")  # filled once, even with no region at all
    return _REGIONS


def _refers_to_summit(sent) -> bool:
    """``tijdens deze Top``, ``op de top``: the document's own summit, named by anaphor."""
    toks = words_in(sent.doc, sent.start, sent.end)  # lower-cased words
    return any(a in ("deze", "de") and b == "top" for a, b in zip(toks, toks[1:]))


_NEGATIONS = frozenset({"geen", "niet", "nog", "nooit"})
# the summit's own agents: "Ook lanceerden de leiders het X" in the report of a summit is at that summit
_LEADERS = frozenset({"leiders", "regeringsleiders", "staatshoofden"})
# ... unless the sentence looks back to another time
_OTHER_TIME = frozenset({"eerder", "eerdere", "destijds", "toen", "vorige", "vorig", "geleden", "ooit", "sinds"})
_YEAR_WORD = re.compile(r"(?:19|20)\d\d")
# "Die afspraak, de Pledge of ...": a plan named as the agreement of the sentence before
_AGREEMENT_NOUNS = frozenset({"afspraak", "afspraken", "akkoord", "besluit", "overeenkomst", "toezegging"})


def _leaders_act(ctx: Context, sent, words: set[str], main: str) -> bool:
    """``De regeringsleiders hebben een Defence Package aangenomen`` in a document about a
    summit: the leaders agree at that summit, unless the sentence names another year before
    the plan or looks back (``eerder``, ``destijds``)."""
    if words.isdisjoint(_LEADERS) or not words.isdisjoint(_OTHER_TIME):
        return False
    start = ((ctx.doc.user_data.get("kg_events") or {}).get("meetings", {}).get(main) or {}).get("start")
    own = str(start)[:4] if start else None
    things = spans_in(ctx.doc, sent.start, sent.end, AGREED_CLASSES)
    clause = doc_text(ctx.doc)[sent.start_char:things[0].start_char] if things else span_text(ctx.doc, sent)
    return all(y == own for y in _YEAR_WORD.findall(clause))  # "vanaf 2020" after the plan is its content


def _names_that_agreement(ctx: Context, sent, before) -> bool:
    """Does ``sent`` open with ``Die afspraak``/``Dit besluit`` right after ``before``, in its paragraph?"""
    lw = lowers(ctx.doc)
    first = [lw[i] for i in range(sent.start, min(sent.end, sent.start + 4)) if lw[i].strip()][:2]
    if len(first) < 2 or first[0] not in _DEMONSTRATIVES or first[1] not in _AGREEMENT_NOUNS:
        return False
    all_sents = sents(ctx.doc)
    k = next((n for n, s in enumerate(all_sents) if s.start == sent.start), None)
    if k is None or k == 0 or all_sents[k - 1].start != before.start:
        return False
    return same_paragraph(ctx.doc, before, sent)


# "Daar namen de bondgenoten ... aan": the place, and so the summit, of the sentence before
_THERE = frozenset({"daar"})
_THAT_SUMMIT = frozenset({"die", "dezelfde", "datzelfde", "diezelfde"})
# "Daar de top ..." is "since": the locative "daar" is followed by its verb
_NOT_VERB_AFTER_THERE = frozenset({"de", "het", "een", "deze", "die", "dit", "dat", "zij", "ze", "hij", "wij", "we",
                                   "men", "er", "u", "ik", "jij", "je", "zich", "nu", "in", "op", "is", ","})
# "Daarnaast wordt een X aangenomen": the agreement goes on at the summit of the sentence before
_GOING_ON = frozenset({"ook", "daarnaast", "verder", "tevens", "bovendien", "voorts", "eveneens"})
# "Centraal daarin staat X", "Onderdeel daarvan is X", "De kern daarvan vormt X": the sentence opens by
# naming a part of the thing the sentence before spoke of.
_THEREOF = frozenset({"daarin", "daarvan"})
_PART_WORDS = frozenset({"centraal", "onderdeel", "kern", "kernpunt", "hart", "spil"})
# the tense of that sentence: a present or future agreement is at the document's own summit only
_PRESENT = frozenset({"wordt", "worden", "zal", "zullen", "gaat", "gaan", "nemen", "neemt", "spreken", "komen",
                      "stellen", "stelt", "lanceren", "lanceert", "besluiten", "besluit"})
_PAST = frozenset({"werd", "werden", "was", "waren", "is", "zijn", "heeft", "hebben", "had", "hadden", "namen",
                   "nam", "spraken", "sprak", "kwamen", "kwam", "stelden", "stelde", "lanceerden", "lanceerde",
                   "besloten", "besloot"})


def _summit_named(ctx: Context, sent) -> str | None:
    """The one summit a sentence names: by a mention, by a meeting's mention in it, or by the place
    it is held in (``Vorig jaar in Madrid ... bij een NAVO-top``)."""
    found = {sp.kb_id_ for sp in spans_in(ctx.doc, sent.start, sent.end, ("Summit",))}
    if not found:
        for key, rec in ((ctx.doc.user_data.get("kg_events") or {}).get("meetings") or {}).items():
            if rec["cls"] == "Summit" and any(sent.start <= a and b <= sent.end for a, b in rec.get("mentions") or ()):
                found.add(key)
    if not found:
        if spans_in(ctx.doc, sent.start, sent.end, ("MinisterialMeeting",)):
            return None  # "De ministers kwamen in Brussel bijeen": the place is another meeting's
        return _summit_by_place(ctx, sent)
    return next(iter(found)) if len(found) == 1 else None


def _opening(ctx: Context, sent) -> list[str]:
    lw = lowers(ctx.doc)
    return [lw[i] for i in range(sent.start, min(sent.end, sent.start + 6)) if lw[i].strip()][:3]


def _summit_before(ctx: Context, sent, prev, main: str | None, prev_said_where: bool = False) -> str | None:
    """``... in Madrid ... Daar namen de bondgenoten het X aan`` / ``Op die top ...``: the summit the
    sentence before (of its paragraph) names. ``Daarnaast wordt een X aangenomen`` after a sentence
    of a summit: that summit, when the tenses agree (a present or future agreement is at the
    document's own summit; a past one not at a summit after the document's date). In a summit's
    report, another summit the sentence before only mentions (``de afspraak die in 2014 in Wales
    werd gemaakt``, no plan said to be agreed there) is no place ``Daarnaast`` goes on at. A
    sentence before that speaks of "de top" (named nowhere in it) speaks of the document's own.
    Nothing when the sentence looks to another time."""
    if prev is None or not same_paragraph(ctx.doc, prev, sent):
        return None
    first = _opening(ctx, sent)
    if len(first) < 2:
        return None
    words = words_of(sent)
    there = (first[0] in _THERE and first[1] not in _NOT_VERB_AFTER_THERE) or (
        first[0] in ("op", "tijdens") and first[1] in _THAT_SUMMIT and first[2:3] == ["top"])
    going_on = first[0] in _GOING_ON and words.isdisjoint(_OTHER_TIME) and not _YEAR_WORD.search(span_text(ctx.doc, sent))
    if not (there or going_on):
        return None
    summit = _summit_named(ctx, prev)
    if summit is None and first[0] in ("op", "tijdens"):
        summit = _that_summit_further_back(ctx, prev)  # "Tijdens dezelfde top ..." a sentence or two later
    if summit is None and main and going_on and _refers_to_summit(prev) and not _summit_by_place(ctx, prev):
        summit = main  # "Op de top zal X worden aangenomen. Voorts wordt besloten tot Y": the document's summit
    if summit is None or there:
        return summit
    if main and summit != main and not prev_said_where:
        return None
    past = words & _PAST
    if words & _PASSIVE_AUX:  # "Voorts wordt besloten tot ...": the participle, no past tense
        past -= _PARTICIPLES
    if not words.isdisjoint(_PRESENT) and not past:
        return summit if summit == main else None
    if past:
        return None if _after_document(ctx, summit) else summit
    return None


# a present passive ("wordt besloten"): the past plural that is also a participle then tells no past
_PASSIVE_AUX = frozenset({"wordt", "worden"})
_PARTICIPLES = frozenset({"besloten"})
_THAT_SUMMIT_REACH = 3  # sentences back from the one before "Op die top ..."


def _that_summit_further_back(ctx: Context, prev) -> str | None:
    """``Op de top in X besloten ... Nederland levert ... Tijdens dezelfde top spraken ...``: the summit
    named a few sentences back in the paragraph, when the sentences between name no meeting."""
    doc = ctx.doc
    all_sents = sents(doc)
    k = bisect_right([s.start for s in all_sents], prev.start) - 1
    for j in range(k, max(-1, k - _THAT_SUMMIT_REACH), -1):
        here = all_sents[j]
        if j < k and not same_paragraph(doc, here, all_sents[j + 1]):
            return None
        found = _summit_named(ctx, here)
        if found is not None:
            return found if j < k else None
        if spans_in(doc, here.start, here.end, ("Summit", "MinisterialMeeting")):
            return None  # a meeting that is no one summit: which one "die top" is, is unsure
    return None


def _after_document(ctx: Context, summit: str) -> bool:
    """Does ``summit`` start after the document's date (``de volgende top, in 2022 in Madrid``)?
    Nothing was agreed there yet."""
    day = ctx.meta.get("date")
    rec = ((ctx.doc.user_data.get("kg_events") or {}).get("meetings") or {}).get(summit) or {}
    start = rec.get("start")
    return bool(day and start and hasattr(day, "isoformat") and str(start)[:10] > day.isoformat())


def _part_of_that(ctx: Context, sent) -> bool:
    """Does the sentence open by naming a part of what the sentence before spoke of (``Centraal daarin
    staat``, ``Onderdeel daarvan is``) and hold no negation?"""
    first = _opening(ctx, sent)
    words = words_of(sent)
    return bool(_THEREOF & set(first)) and bool(_PART_WORDS & set(first)) and words.isdisjoint(_NEGATIONS)


def _carries_over(doc, prev, sent, words: set[str], prev_said_where: bool, prev_agreed: bool = False) -> bool:
    """May an agreement sentence without a plan of its own speak of the previous
    sentence's plans? Only in the same paragraph, when that sentence did not itself
    speak of their agreement ("De in 2014 afgesproken DIP ..."; where it was, it says or
    not: a later "op de top wordt een nieuwe norm vastgesteld" is of another plan), and
    this one is no negation ("daarover is nog geen besluit genomen"), nor opens with a word that adds
    another thing ("Ook het besluit dat in Warschau werd genomen ...")."""
    if prev is None or prev_said_where or prev_agreed or not same_paragraph(doc, prev, sent):
        return False
    if next((w for w in lowers(doc)[sent.start:sent.start + 3] if w.strip()), "") in _GOING_ON:
        return False
    return words.isdisjoint(_NEGATIONS) and not _names_its_agreement(doc, sent)


def _names_its_agreement(doc, sent) -> bool:
    """``... houdt zich aan de afspraak die in 2014 op de NAVO-top in Wales werd gemaakt``, ``de afspraak
    dat ...``: the sentence says which agreement it speaks of (an agreement noun and its own clause),
    so it is not the agreement of a plan of the sentence before."""
    lw = lowers(doc)
    words = [w for w in lw[sent.start:sent.end] if w.strip()]
    return any(a in _AGREEMENT_NOUNS and b in ("die", "dat") for a, b in zip(words, words[1:]))


def _first_since(doc, sent) -> bool:
    """Is every ``sinds`` of the sentence one of comparison (``het eerste sinds``, ``voor het eerst
    sinds``), which says the act is now, not that the sentence looks back?"""
    toks = words_in(doc, sent.start, sent.end)
    at = [k for k, w in enumerate(toks) if w == "sinds"]
    return bool(at) and all(k > 0 and toks[k - 1] in ("eerste", "eerst") for k in at)


def _since(doc, sp, sent) -> bool:
    """``een nieuw X, het eerste sinds de top van Lissabon``: the summit marks a time, it is not where
    the sentence's plan is agreed."""
    lw = lowers(doc)
    return "sinds" in lw[max(sent.start, sp.start - 4):sp.start]


def _consents_to(doc, things) -> bool:
    """``stemden de leiders in met een nieuw NATO Force Model``: is a plan the object of ``met`` (at
    most three words, no comma, between)? Consent to ``de aanbevelingen ... in het kader van X`` is
    consent to something else."""
    lw = lowers(doc)
    for sp in things:
        gap = [lw[i] for i in range(max(sp.sent.start, sp.start - 4), sp.start)]
        if "met" in gap and "," not in gap[gap.index("met"):]:
            return True
    return False


def _to_be_prepared(doc, sp, sent) -> bool:
    """``... aannemen en de SG opdracht geven een nieuw X voor te bereiden``: the plan is the object of a
    preparation infinitive right after it, and no agreement word follows it in the sentence (``..., dat
    in Madrid wordt vastgesteld`` would say where it is to be agreed)."""
    lw = lowers(doc)
    after = [w for w in lw[sp.end:min(sent.end, sp.end + 5)] if w.strip()]
    if not any(tuple(after[:len(p)]) == p for p in _PREPARING):
        return False
    return not has_trigger(set(lw[sp.end:sent.end]), REL["agreement_words"], REL["agreement_pairs"])


_CHANGE_INF = tuple(tuple(p.split()) for p in _DATA["change_infinitives"])
_CHANGE_NOUNS = frozenset(_DATA["change_nouns"])
_VERSION_NOUNS = frozenset(_DATA["version_nouns"])
_CARRIED_OUT = frozenset(_DATA["implementation_nouns"])


def _changed_plans(ctx: Context, sent, things) -> set[str]:
    """Plans the sentence decides to change, not to agree: ``besloten het X om te vormen tot``
    (named after the first agreement word, before a change infinitive), ``tot uitbreiding
    van het X`` (within three words after a change noun); and plans the sentence only implements or
    reaffirms: ``een geactualiseerde versie van het X``, ``de uitvoering van het X`` (within three words
    after a version or implementation noun, anywhere in the sentence), any plan of a sentence with a word
    of reaffirming (``bevestigden het besluit over het X``), unless the plan's own relative clause says
    it was agreed (``de DIP, die in 2014 in Wales werd afgesproken``). The plan exists already."""
    lw = lowers(ctx.doc)
    # "een geactualiseerde versie van X", "de uitvoering van X", "bevestigden het X": anywhere in the sentence
    versions = [i for i in range(sent.start, sent.end) if lw[i] in _VERSION_NOUNS or lw[i] in _CARRIED_OUT]
    reaffirmed = not _REAFFIRM.isdisjoint(lw[sent.start:sent.end])
    kept = {sp.kb_id_ for sp in things if _own_clause_agrees(ctx.doc, sp, sent)}  # "X, dat in Y werd afgesproken"
    older = {sp.kb_id_ for sp in things if reaffirmed or any(0 < sp.start - i <= 3 for i in versions)} - kept
    agree = next((i for i in range(sent.start, sent.end) if lw[i] in REL["agreement_words"]), None)
    if agree is None:
        return older
    infs = [i for i in range(agree + 1, sent.end) for p in _CHANGE_INF if tuple(lw[i:i + len(p)]) == p]
    nouns = [i for i in range(agree + 1, sent.end) if lw[i] in _CHANGE_NOUNS]
    return older | {sp.kb_id_ for sp in things
                    if any(agree < sp.start and sp.end <= i for i in infs) or any(0 < sp.start - i <= 3 for i in nouns)}


_RELATIVES = frozenset(_DATA["relative_pronouns"])


def _own_clause_agrees(doc, sp, sent) -> bool:
    """Does a clause of the plan's own say at which summit it was agreed: a relative clause right after
    it (its acronym and a comma between; ``de DIP, die in 2014 op de top in Wales werd afgesproken``,
    ``het RAP (RAP), waartoe op de NAVO-top in Wales werd besloten``) or a ``zoals`` clause of the
    sentence (``de voortgang van de X, zoals tijdens de NAVO-top in Y werd afgesproken``), holding an
    agreement word and a summit? Then the sentence says where the plan itself was agreed, whatever it
    says of its implementation."""
    lw = lowers(doc)
    i = sp.end
    while i < sent.end and (not lw[i].strip() or lw[i] == ","):
        i += 1
    if i < sent.end and lw[i] == "(":
        close = next((j for j in range(i, min(sent.end, i + 6)) if lw[j] == ")"), None)
        i = close + 1 if close is not None else i
        while i < sent.end and (not lw[i].strip() or lw[i] == ","):
            i += 1
    starts = [j for j in range(sp.end, sent.end) if lw[j] == "zoals"]
    if i < sent.end and lw[i] in _RELATIVES:
        starts.append(i)
    for lo in starts:
        end = next((j for j in range(lo, sent.end) if lw[j] in (";", ":")), sent.end)
        if any(lw[j] in REL["agreement_words"] or lw[j] in _AGREEMENT_PAIR_WORDS for j in range(lo + 1, end)) \
                and spans_in(doc, lo, end, ("Summit",)):
            return True
    return False


_ENDORSE = frozenset(_DATA["endorsement_words"])
_REAFFIRM = frozenset(_DATA["reaffirming_words"])
_COMMIT = frozenset(_DATA["commit_verbs"])
_COMMIT_AGENTS = frozenset(_DATA["commit_agents"])


def _endorsed(ctx: Context, sent, words: set[str], things: list) -> bool:
    """``... verwacht dat Smart Defence in Chicago door de regeringsleiders wordt bekrachtigd``, ``de DIP,
    waartoe de regeringsleiders zich in 2014 tijdens de NAVO-top in Wales verbonden``: an endorsement of
    the plans the sentence names, or the allies binding themselves to them, is their agreement; not when
    the sentence denies or reaffirms it, nor of a plan the reference says another summit than the one the
    sentence names agreed (endorsed again, not made)."""
    endorse = not words.isdisjoint(_ENDORSE)
    commit = "zich" in words and not words.isdisjoint(_COMMIT) and not words.isdisjoint(_COMMIT_AGENTS)
    if not (endorse or commit) or not words.isdisjoint(_NEGATIONS) or not words.isdisjoint(_REAFFIRM):
        return False
    known = {_KNOWN_SUMMIT[sp.kb_id_] for sp in things if sp.kb_id_ in _KNOWN_SUMMIT}
    return not known or known == {_summit_named(ctx, sent)}


_OBSERVING = frozenset(_DATA["observation_words"])
_AGREEMENT_PAIRS = [frozenset(p) for p in REL["agreement_pairs"]]
_AGREEMENT_PAIR_WORDS = frozenset().union(*_AGREEMENT_PAIRS)


_DENYING = frozenset({"niet", "geen", "nooit"})
_DENIAL_REACH = 2  # words before an agreement word: "werd niet aangenomen", "geen akkoord", "niet worden aangenomen"


def _agreement_denied(doc, sent) -> bool:
    """Is every agreement word of the sentence denied: ``niet``, ``geen`` or ``nooit`` at most two words
    before it (``werd het X niet aangenomen``, ``kwamen geen akkoord overeen``), or before the particle of
    a split pair (``namen het voorstel niet aan``)? Then the sentence agrees nothing."""
    lw = lowers(doc)
    toks = [(i, lw[i]) for i in range(sent.start, sent.end) if lw[i].strip()]
    particles = {w for p in _AGREEMENT_PAIRS for w in p} - set(REL["agreement_words"])
    found = False
    for n, (_i, w) in enumerate(toks):
        if w in REL["agreement_words"] or (w in particles and n and toks[n - 1][1] in _DENYING):
            found = True
            if _DENYING.isdisjoint(t for _j, t in toks[max(0, n - _DENIAL_REACH):n]):
                return False
    return found


def _agreement_in(doc, sent, words: set[str]) -> bool:
    """Does the sentence hold an agreement word (or pair) that is no observation? ``De bondgenoten
    zullen vaststellen dat de maatregelen van het X zijn uitgevoerd`` ascertains a fact: a form of
    ``vaststellen`` before ``dat`` agrees nothing, so a sentence whose only agreement words are such
    forms states no agreement (``afgesproken dat``, ``besloten dat`` do agree)."""
    if not has_trigger(words, REL["agreement_words"], REL["agreement_pairs"]) or _agreement_denied(doc, sent):
        return False
    singles = words.intersection(REL["agreement_words"])
    if not singles or not singles <= _OBSERVING or any(p <= words for p in _AGREEMENT_PAIRS):
        return True
    lw = lowers(doc)
    after = [next((lw[j] for j in range(i + 1, sent.end) if lw[j].strip() and lw[j] != ","), "")
             for i in range(sent.start, sent.end) if lw[i] in singles]
    return any(w != "dat" for w in after)


_CLAUSE_BREAKS = frozenset({",", ";", ":"})


def _in_agreement_clause(doc, sent, summits: list) -> list:
    """Of several summits a sentence names, those of the clause (between commas, colons, semicolons;
    a parenthesis holds no break) that holds its agreement word: ``De top in Warschau staat in het teken
    van het X, waartoe op de NAVO-top in Wales werd besloten`` agreed X at Wales, not at the summit
    that implements it. All of them when that clause names none or they are of one summit."""
    if len({sp.kb_id_ for sp in summits}) < 2:
        return summits
    lw = lowers(doc)
    clause, depth, of_token = 0, 0, {}
    for i in range(sent.start, sent.end):
        depth += (lw[i] == "(") - (lw[i] == ")")
        if depth <= 0 and lw[i] in _CLAUSE_BREAKS:
            clause += 1
        of_token[i] = clause
    agree = {of_token[i] for i in range(sent.start, sent.end)
             if lw[i] in REL["agreement_words"] or lw[i] in _AGREEMENT_PAIR_WORDS}
    inside = [sp for sp in summits if of_token.get(sp.start) in agree]
    return inside or summits


def _agreed_at(ctx: Context) -> None:
    doc = ctx.doc
    ev = doc.user_data.get("kg_events") or {}
    main = ev.get("main")
    main_is_summit = bool(main and ev["meetings"][main]["cls"] == "Summit")
    prev, prev_said_where, prev_agreed = None, False, False
    last_where = None  # (summit, sentence, its sentences) of the last agreement said to be at a summit, of no named plan
    for sent in sents(doc):
        words = words_of(sent)
        things = spans_in(doc, sent.start, sent.end, AGREED_CLASSES)
        said_where = False
        agreed = _agreement_in(doc, sent, words) or bool(
            things and has_trigger(words, _CONSENT_WORDS, _CONSENT_PAIRS) and _consents_to(doc, things)) or bool(
            things and _endorsed(ctx, sent, words, things))
        if agreed:
            mentioned = spans_in(doc, sent.start, sent.end, ("Summit",))
            summits = [sp for sp in mentioned if not _since(doc, sp, sent)]  # "het eerste sinds de top van X"
            summits = _in_agreement_clause(doc, sent, summits)  # "De top in X staat ..., waartoe in Y werd besloten"
            summit = summits[0].kb_id_ if summits else (
                None if mentioned or "sinds" in words else _summit_by_place(ctx, sent))
            now = words - {"sinds"} if _first_since(doc, sent) else words  # "het eerste sinds ...": the act is now
            # "daarover zal op de top geen besluit worden genomen": the document's summit decides nothing
            if summit is None and main_is_summit and words.isdisjoint(_NEGATIONS - {"nog"}) and (
                    words & _RESULT_WORDS or _refers_to_summit(sent) or _leaders_act(ctx, sent, now, main)):
                summit = main
            named = None  # the sentences of the agreement this one names
            if summit is None and things and last_where is not None and _names_that_agreement(ctx, sent, last_where[1]):
                summit, named = last_where[0], last_where[2]  # "... spraken op de top in X af om ... Die afspraak, de Y"
            if summit is None:
                summit = _summit_before(ctx, sent, prev, main if main_is_summit else None, prev_said_where)
            if summit is not None and not things:
                last_where = (summit, sent, [sent])
            changed = _changed_plans(ctx, sent, things) if things else set()
            subjects = [sp for sp in things if sp.kb_id_ not in changed]
            if not things and _carries_over(doc, prev, sent, words, prev_said_where, prev_agreed and bool(
                    spans_in(doc, prev.start, prev.end, AGREED_CLASSES))):
                subjects = spans_in(doc, prev.start, prev.end, AGREED_CLASSES)
            said_where = bool(summit and things)
            if summit:
                by_key: dict[str, list] = {}
                for sp in subjects:
                    by_key.setdefault(sp.kb_id_, []).append(sp)
                for spans_of in by_key.values():
                    own = [sp for sp in spans_of if sent.start <= sp.start]
                    if own and all(_to_be_prepared(doc, sp, sent) for sp in own):
                        continue  # "opdracht geven een nieuw X voor te bereiden": not agreed yet
                    # "een nieuwe Defence Investment Pledge (DIP)": new by any of its names in the sentence
                    new = [sp for sp in spans_of if sp.label_ == "Pledge" and sent.start <= sp.start < sent.end
                           and _is_new(ctx, sent, [sp])]
                    value = _named_target(ctx, named, sent) if named and spans_of[0].label_ == "Pledge" else None
                    if new:
                        _new_pledge(ctx, sent, new[0], value, summit)  # "de nieuwe NAVO-norm": not the old one
                        continue
                    sp = spans_of[-1]
                    if _names_another_norm(ctx, sp.kb_id_):
                        continue
                    if sp.start < sent.start:  # a plan of the sentence before: the evidence is both
                        if ensure(ctx, sp.kb_id_) and ensure(ctx, summit):
                            ctx.link(sp.kb_id_, "kg:agreedAt", summit,
                                     ctx.evidence(prev.start_char, sent.end_char, "pledges.agreed_at_summit"))
                        continue
                    link(ctx, sp.kb_id_, "kg:agreedAt", summit, sp, "pledges.agreed_at_summit")
                    if value is not None:
                        _relate_target(ctx, sp.kb_id_, value, ctx.evidence(named[0].start_char, sent.end_char,
                                                                           "pledges.target_of_that_agreement"))
        elif last_where is not None and last_where[1] is prev and things and _part_of_that(ctx, sent) \
                and same_paragraph(doc, prev, sent):
            # "De top neemt een pakket aan. Centraal daarin staat X": a part of what was agreed there
            for sp in things:
                if sp.label_ != "Pledge" and ensure(ctx, sp.kb_id_) and ensure(ctx, last_where[0]):
                    ctx.link(sp.kb_id_, "kg:agreedAt", last_where[0],
                             ctx.evidence(prev.start_char, sent.end_char, "pledges.part_of_that_agreement"))
        elif last_where is not None and last_where[1] is prev and _opening(ctx, sent)[:1] == ["daar"] \
                and same_paragraph(doc, prev, sent):
            # "... spraken op de top in X af. Daar beloofden ze ...": the same agreement, told on
            last_where = (last_where[0], sent, [*last_where[2], sent])
        # a sentence that denies its plans' agreement ("daarover zal geen besluit worden genomen") spoke of
        # it too: the next sentence's agreement is not of those plans
        spoke = agreed or bool(things) and has_trigger(words, REL["agreement_words"], REL["agreement_pairs"])
        prev, prev_said_where, prev_agreed = sent, said_where, spoke


def _named_target(ctx: Context, named: list, sent):
    """The one percentage of GDP the sentences of an agreement state (``Daar beloofden ze naar 2 procent
    van hun bbp te groeien``) that ``Die afspraak, de X, ...`` names: X's target. None when they state
    none or more than one, deny or propose."""
    values = set()
    for s in named:
        if _is_proposal(ctx, s) or not words_of(s).isdisjoint(_NEGATIONS - {"nog"}):
            return None
        values.update(a.value for a in _gdp_percents(span_text(ctx.doc, s)))
    return values.pop() if len(values) == 1 else None


def _names_another_norm(ctx: Context, key: str) -> bool:
    """Is ``key`` a name that a later summit gave to a new norm (``de NAVO-norm``), in a text not
    dated before that summit? Then which norm it is, is unsure: nothing is stated of the old node."""
    until = (_NORMS.get(key) or {}).get("named_so_until")
    date = ctx.meta.get("date")
    return bool(until) and (date is None or str(date)[:10] >= until)


def _relate_target(ctx: Context, key: str, value, evidence) -> None:
    """``key``'s target percentage of GDP; for a pledge whose norm the reference knows
    (pledges.json), only that norm, and only while its name is not the newer norm's."""
    norm = _NORMS.get(key)
    if norm is not None and Decimal(str(value)) != Decimal(norm["target"]):
        return  # "de NAVO-norm van 3,5 procent": another norm than the one this node is
    if _names_another_norm(ctx, key):
        return
    if ensure(ctx, key):
        ctx.relate(key, "kg:targetPercentGDP", value, evidence)


_PERCENT_SIGN = re.compile(r"%|procent", re.IGNORECASE)
_NEW_WORDS = frozenset({"nieuwe", "nieuw"})
_PROPOSAL_WORDS = frozenset({"voorstel", "voorstellen", "voorgestelde", "voorgesteld", "voorgelegd"})
# across sentences only words that name a norm will do ("23 bondgenoten geven minimaal 2% uit" is a figure)
_NORM_CUES = frozenset({"richting", "norm", "doel", "doelstelling", "streefwaarde", "ondergrens", "bodem", "streven",
                        "streeft"})
# words that make a percentage a target, not a figure ("in de richting van 2 procent BBP", "minimaal 2%"):
# the norm words and the words of a lower bound
_TARGET_CUES = _NORM_CUES | {"minimaal", "minstens", "tenminste", "minimum", "van"}


def _is_target(text: str, a, cues: frozenset = _TARGET_CUES) -> bool:
    """``minimaal 2% van het bbp``, ``de 2%-norm``, ``in de richting van 2 procent``: a target,
    not a figure spent (``Nederland besteedt in 2024 2,05% van het bbp``)."""
    before = fold(text[max(0, a.start_char - 30):a.start_char]).split()[-3:]
    return not cues.isdisjoint(before) or text[a.end_char:a.end_char + 6].lower().startswith("-norm")


def _gdp_percents(text: str) -> list:
    """Percentages of GDP in a sentence (``2% van het bbp``, ``2 procent BBP``)."""
    out = []
    for a in find_amounts(text):
        if a.unit != "%":
            continue
        after = fold(text[a.end_char:a.end_char + 40]).split()
        if any(w.strip(".,;()") in REL["gdp_words"] for w in after[:5]):
            out.append(a)
    return out


_AFTER_PLEDGE = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?van\s+(?:minimaal\s+|ten minste\s+|minstens\s+)?$", re.IGNORECASE)
# nouns that make a bare percentage a pledge's norm: "waarin 2 procent een ondergrens is"
_NORM_NOUNS = frozenset({"doel", "doelstelling", "ondergrens", "norm", "streefwaarde", "minimum", "bodem"})
_NORM_REACH = 6  # words after the percentage


def _pledge_percents(ctx: Context, sent, text: str, pledges: list) -> list:
    """Bare percentages that a sentence naming a pledge states as its norm: right after its name
    (``de Defence Investment Pledge (DIP) van 2 procent``) or before a norm noun (``waarin
    deze 2 procent niet langer een doel maar een ondergrens is``)."""
    if not pledges:
        return []
    out = []
    ends = [p.end_char - sent.start_char for p in pledges]
    for a in find_amounts(text):
        if a.unit != "%":
            continue
        if any(0 <= a.start_char - e <= 30 and _AFTER_PLEDGE.fullmatch(text[e:a.start_char]) for e in ends):
            out.append(a)
            continue
        after = fold(text[a.end_char:a.end_char + 80]).split()[:_NORM_REACH]
        words = [w.strip(".,;:()") for w in after]
        cut = next((n for n, w in enumerate(words) if any(ch.isdigit() for ch in w)), len(words))
        if not _NORM_NOUNS.isdisjoint(words[:cut]):
            out.append(a)
    return out


_PLUS = re.compile(r"[^.;:]{0,100}?\b(?:plus|aangevuld met)\s+$", re.IGNORECASE)


def _with_part_added(text: str, a):
    """A new norm stated in parts, ``3,5 procent van het bbp aan defensie, plus 1,5 procent voor
    weerbaarheid``: its whole (5). Only a smaller part after ``plus`` that is no share of
    something else (``plus 20 procent van de begroting``) is added."""
    for b in find_amounts(text[a.end_char:]):
        if b.unit != "%":
            continue
        between = text[a.end_char:a.end_char + b.start_char]
        after = fold(text[a.end_char + b.end_char:a.end_char + b.end_char + 40]).split()[:2]
        if _PLUS.fullmatch(between) and b.value < a.value and (not after or after[0] != "van" or any(
                w.strip(".,;()") in REL["gdp_words"] for w in after[1:])):
            return a.value + b.value
        break
    return a.value


def _is_new(ctx: Context, sent, pledges: list) -> bool:
    """``een nieuwe Defence Investment Pledge van 5%``: a target a new pledge sets."""
    lw = lowers(ctx.doc)
    return any(lw[i] in _NEW_WORDS for p in pledges for i in range(max(sent.start, p.start - 2), p.start))


def _is_proposal(ctx: Context, sent) -> bool:
    """``het voorstel om de norm te verhogen naar 5%``: a proposed target, of no pledge yet."""
    return not _PROPOSAL_WORDS.isdisjoint(lowers(ctx.doc)[sent.start:sent.end])


def _upcoming_summit(ctx: Context, sent) -> str | None:
    """The summit a new pledge is (to be) agreed at: one named in the sentence, else by its
    place, else the summit the document is about."""
    summits = spans_in(ctx.doc, sent.start, sent.end, ("Summit",))
    if summits:
        return summits[0].kb_id_
    found = _summit_by_place(ctx, sent)
    if found:
        return found
    ev = ctx.doc.user_data.get("kg_events") or {}
    main = ev.get("main")
    return main if main and ev["meetings"][main]["cls"] == "Summit" else None


def _new_pledge(ctx: Context, sent, pledge, value, summit: str | None = None, stated_in=None) -> str | None:
    """A new pledge (``nieuwe Defence Investment Pledge``) is its own entity, named after the
    summit that agrees it; without that summit, or at a summit years before the text (new then,
    so the pledge itself), nothing is stated. ``stated_in``: the sentence that states its
    target and summit, when that is not the one naming it. Returns its key."""
    summit = summit or _upcoming_summit(ctx, sent)
    if summit is None or _long_before(ctx, summit, sent) or not ensure(ctx, summit) or not ensure(ctx, pledge.kb_id_):
        return None
    old = ctx.extraction.entities[pledge.kb_id_]
    from kg.reference import DOCUMENT_SCOPED
    # a summit agrees one new spending norm, whichever old norm's name the text gives it
    # ("de nieuwe NAVO-norm", "een nieuwe Defence Investment Pledge"): one key for it
    kind, _, slug = (next(iter(_NORMS)) if pledge.kb_id_ in _NORMS else pledge.kb_id_).partition("/")
    summit_slug = summit.split("/", 1)[1]
    if summit_slug.startswith(DOCUMENT_SCOPED):  # a summit of this document only: so is its pledge
        key = f"{kind}/{DOCUMENT_SCOPED}{slug}-{summit_slug[len(DOCUMENT_SCOPED):]}"
    else:
        key = f"{kind}/{slug}-{summit_slug}"
    summit_label = ctx.extraction.entities[summit].label
    surface = " ".join(span_text(ctx.doc, ctx.doc[max(sent.start, pledge.start - 1):pledge.end]).split())
    ctx.entity(Entity(key=key, cls=old.cls, label=f"{old.label} ({summit_label})",
                      alt_labels={old.label, surface}, mentioned=True))
    ev = ctx.sentence_evidence(pledge, "pledges.new_pledge")
    ctx.link(ctx.extraction.doc_key, "kg:mentions", key, ev)
    if stated_in is not None:
        ev = ctx.evidence(stated_in.start_char, stated_in.end_char, "pledges.new_norm_agreed")
        if value is not None:
            ctx.relate(key, "kg:targetPercentGDP", value, ev)
        if ensure(ctx, summit):
            ctx.link(key, "kg:agreedAt", summit, ev)
        return key
    if value is not None:
        ctx.relate(key, "kg:targetPercentGDP", value, ev)
    link(ctx, key, "kg:agreedAt", summit, pledge, "pledges.new_pledge_agreed_at")
    return key


def _long_before(ctx: Context, summit: str, sent) -> bool:
    """Was ``summit`` held more than a year before the text's date (``de nieuwe NAVO-norm vervangt
    de norm die in 2014 in Wales werd afgesproken``)? A summit of no known date: by the years
    the sentence names."""
    start = (((ctx.doc.user_data.get("kg_events") or {}).get("meetings") or {}).get(summit) or {}).get("start")
    date = ctx.meta.get("date")
    if date is None or not hasattr(date, "year"):
        return False
    if start is not None:
        return start.year < date.year - 1
    years = [int(y) for y in _YEAR_WORD.findall(span_text(ctx.doc, sent))]
    return bool(years) and all(y < date.year - 1 for y in years)


def _main_summit(doc) -> str | None:
    """The key of the summit the document is the agenda or report of (``kg_events``' main meeting), or None."""
    ev = doc.user_data.get("kg_events") or {}
    main = ev.get("main")
    return main if main and ev["meetings"][main]["cls"] == "Summit" else None


def _agreed_norm(ctx: Context) -> None:
    """``Op de NAVO-top in X hebben de leiders afgesproken dat ieder land 5 procent van zijn bbp ...
    besteedt`` in the report of the summit X, and later ``de nieuwe NAVO-norm``: the new pledge is
    that norm, agreed at X. Only when the text states one such norm (one value) of its own summit,
    and names one new pledge after it, of which no sentence states another target."""
    doc = ctx.doc
    main = _main_summit(doc)
    if main is None:
        return
    all_sents = sents(doc)
    agreed, values = [], set()
    for k, sent in enumerate(all_sents):
        words = words_of(sent)
        if not has_trigger(words, REL["agreement_words"], REL["agreement_pairs"]):
            continue
        percents = _gdp_percents(span_text(doc, sent))
        if not percents or spans_in(doc, sent.start, sent.end, AGREED_CLASSES):
            continue
        if _is_proposal(ctx, sent) or not words.isdisjoint(_NEGATIONS) or _summit_named(ctx, sent) != main:
            continue
        agreed.append(k)
        values.update(a.value for a in percents)
    if not agreed or len(values) != 1:
        return
    new = [(k, sp) for k in range(agreed[0] + 1, len(all_sents))
           for sp in spans_in(doc, all_sents[k].start, all_sents[k].end, ("Pledge",)) if _is_new(ctx, all_sents[k], [sp])]
    if len({sp.kb_id_ for _, sp in new}) != 1:
        return
    if any(_gdp_percents(span_text(doc, all_sents[k])) or _pledge_percents(ctx, all_sents[k], span_text(
            doc, all_sents[k]), [sp]) for k, sp in new):
        return  # "de nieuwe NAVO-norm van 3,5 procent": its own target, read by _targets
    k, sp = new[0]
    _new_pledge(ctx, all_sents[k], sp, values.pop(), main, stated_in=all_sents[agreed[0]])


def _pledge_before(ctx: Context, k: int, all_sents: list):
    """The one pledge named in the two sentences before sentence ``k`` of its paragraph (or of
    the list a colon introduces): ``... de Defence Investment Pledge. ... toe: • 1. ... 2 procent BBP``."""
    doc = ctx.doc
    text = doc_text(doc)
    found = []
    for j in range(k - 1, max(-1, k - 3), -1):
        between = text[all_sents[j].end_char:all_sents[j + 1].start_char]
        if "\n\n" in between and not text[:all_sents[j].end_char].rstrip().endswith(":"):
            break
        found = spans_in(doc, all_sents[j].start, all_sents[j].end, ("Pledge",))
        if found:
            break
    keys = {p.kb_id_ for p in found}
    return found[-1] if len(keys) == 1 else None


def _known_norm_stated(ctx: Context, pledges: list, percents: list) -> None:
    """``De DIP vraagt bondgenoten 2 procent van hun bbp aan defensie te besteden``, ``bondgenoten die
    minder dan 2 procent van hun bbp besteden, groeien naar die norm toe``: a sentence naming a pledge
    whose norm the reference knows (pledges.json) and stating a percentage of GDP of that very value
    states that norm, whatever words stand before the figure. Another value says nothing."""
    values = {Decimal(str(a.value)) for a in percents}
    for key in dict.fromkeys(p.kb_id_ for p in pledges):
        norm = _NORMS.get(key)
        if norm is not None and Decimal(norm["target"]) in values:
            _relate_target(ctx, key, Decimal(norm["target"]),
                           ctx.sentence_evidence(next(p for p in pledges if p.kb_id_ == key),
                                                 "pledges.known_norm_stated"))


_COMMITMENT = frozenset(_DATA["commitment_words"])


def _target_of_that_pledge(ctx: Context, k: int, all_sents: list, text: str, percents: list) -> None:
    """``... alle bondgenoten streven ernaar 2 procent van hun bbp aan defensie te besteden. Die Defence
    Investment Pledge werd in 2014 overeengekomen``: the next sentence of the paragraph opens by naming a
    pledge with a demonstrative, so this one said what the pledge is; its one percentage of GDP,
    stated as a norm (a norm or agreement word in the sentence), is the pledge's target. Not when
    the sentence proposes or denies, or states more than one value."""
    doc = ctx.doc
    if k + 1 >= len(all_sents) or not same_paragraph(doc, all_sents[k], all_sents[k + 1]):
        return
    nxt = all_sents[k + 1]
    lw = lowers(doc)
    opening = [i for i in range(nxt.start, min(nxt.end, nxt.start + 4)) if lw[i].strip()]
    if not opening or lw[opening[0]] not in _DEMONSTRATIVES:
        return
    pledge = next((sp for sp in spans_in(doc, nxt.start, nxt.end, ("Pledge",))
                   if len(opening) > 1 and sp.start == opening[1]), None)
    if pledge is None:
        return
    sent = all_sents[k]
    words = words_of(sent)
    if _is_proposal(ctx, sent) or not words.isdisjoint(_NEGATIONS - {"nog"}):
        return
    if words.isdisjoint(_NORM_CUES | _NORM_NOUNS | _AGREEMENT_NOUNS | _COMMITMENT) and not has_trigger(
            words, REL["agreement_words"], REL["agreement_pairs"]):
        return
    if len({a.value for a in percents}) != 1 or len(_gdp_percents(text)) != len(percents):
        return
    _relate_target(ctx, pledge.kb_id_, percents[0].value,
                   ctx.evidence(sent.start_char, nxt.end_char, "pledges.target_of_that_pledge"))


def _targets(ctx: Context) -> None:
    doc = ctx.doc
    all_sents = sents(doc)
    # only sentences with a percentage are read (found once in the text, not per sentence)
    full = doc_text(doc)
    starts = [sent.start_char for sent in all_sents]
    hits = sorted({bisect_right(starts, m.start()) - 1 for m in _PERCENT_SIGN.finditer(full)})
    for k in hits:
        sent = all_sents[k]
        text = span_text(doc, sent)
        pledges = spans_in(doc, sent.start, sent.end, ("Pledge",))
        percents = _gdp_percents(text) or _pledge_percents(ctx, sent, text, pledges)
        if not percents:
            continue
        if pledges and _is_new(ctx, sent, pledges):
            _new_pledge(ctx, sent, pledges[0], _with_part_added(text, percents[0]))
            continue
        if _is_proposal(ctx, sent):
            continue
        if not pledges:
            # a target stated of the pledge the sentences before name ("in de richting van 2 procent BBP")
            prev = _pledge_before(ctx, k, all_sents)
            if prev is None:
                _target_of_that_pledge(ctx, k, all_sents, text, percents)
                continue
            if not _is_target(text, percents[0], _NORM_CUES) or not _NEW_WORDS.isdisjoint(
                    lowers(doc)[prev.start - 2:prev.start]):
                continue
            _relate_target(ctx, prev.kb_id_, percents[0].value,
                           ctx.sentence_evidence(sent, "pledges.target_percent_gdp_context"))
            continue
        if not _is_target(text, percents[0]):
            _known_norm_stated(ctx, pledges, percents)
            continue
        for key in dict.fromkeys(p.kb_id_ for p in pledges):
            _relate_target(ctx, key, percents[0].value, ctx.sentence_evidence(pledges[0], "pledges.target_percent_gdp"))




def _agreement_of_known_summit(ctx: Context) -> None:
    """``... de afspraak die in 2014 op de NAVO-top in Wales werd gemaakt. In de Defence Investment
    Pledge zegden de bondgenoten toen toe ...``: a sentence that says an agreement was made at a
    summit, and a plan named in it or in the sentence before or after it (same paragraph) that the
    reference data (pledges.json ``agreed_at``) says that summit agreed: the plan was agreed there.
    Which agreement the text means is told by the data, so a plan of another summit is never it."""
    doc = ctx.doc
    if not any(sp.kb_id_ in _KNOWN_SUMMIT for sp in mentions(doc)):
        return  # most texts name no such plan: no sentence is read
    all_sents = sents(doc)
    for k, sent in enumerate(all_sents):
        if not _agreement_in(doc, sent, words_of(sent)):
            continue
        summit = _summit_named(ctx, sent)
        if summit is None or summit.split("/", 1)[0] != "summit":
            continue
        near = [sent]
        if k > 0 and same_paragraph(doc, all_sents[k - 1], sent):
            near.insert(0, all_sents[k - 1])
        if k + 1 < len(all_sents) and same_paragraph(doc, sent, all_sents[k + 1]):
            near.append(all_sents[k + 1])
        for other in near:
            for key in dict.fromkeys(sp.kb_id_ for sp in spans_in(doc, other.start, other.end, AGREED_CLASSES)):
                if _KNOWN_SUMMIT.get(key) != summit or not ensure(ctx, key) or not ensure(ctx, summit):
                    continue
                first, last = (other, sent) if other.start <= sent.start else (sent, other)
                ctx.link(key, "kg:agreedAt", summit,
                         ctx.evidence(first.start_char, last.end_char, "pledges.agreement_of_known_summit"))


# "Daarnaast werd het X aangenomen": a plan adopted (passive, past), said in the report of a summit
_ADOPTED = frozenset({"aangenomen", "overeengekomen", "afgesproken", "vastgesteld", "goedgekeurd", "gelanceerd"})
_PASSIVE_PAST = frozenset({"werd", "werden", "is", "zijn"})
# "dat al eerder werd aangenomen": adopted before the summit the report is of
_BEFORE_NOW = _OTHER_TIME | {"al", "reeds", "inmiddels", "vroeger"}
_MONTH_WORD = re.compile(r"\b" + MONTH_PATTERN + r"\b", re.IGNORECASE)
_CLAUSE_END = frozenset({",", ";", ":", "(", ")", "–", "-"})


def _adopted_plan(ctx: Context, sent):
    """``Daarnaast werd het Defence Production Action Plan aangenomen, dat ...``: the plan that is the
    subject of a passive past of adoption in the sentence's first clause (``werd``/``is`` ... the plan
    ... the participle, no comma between), or None."""
    doc = ctx.doc
    lw = lowers(doc)
    end = next((i for i in range(sent.start, sent.end) if lw[i] in _CLAUSE_END), sent.end)
    part = next((i for i in range(sent.start, end) if lw[i] in _ADOPTED), None)
    if part is None or not any(lw[i] in _PASSIVE_PAST for i in range(sent.start, part)):
        return None
    plans = spans_in(doc, sent.start, part, AGREED_CLASSES)
    if not plans:
        return _apposed_plan(ctx, sent, part)
    if len({sp.kb_id_ for sp in plans}) != 1:
        return None
    return plans[-1]


_PLAN_NOUNS = tuple(_DATA["plan_nouns"])


def _apposed_plan(ctx: Context, sent, part: int):
    """``Ook werd een actieplan aangenomen om ... op te schroeven, het Defence Production Action Plan``:
    the subject of the adoption is a plan noun (``een actieplan``, ``een steunpakket``: the words right
    before the participle), and the sentence ends naming it: after its last comma only ``het``/``de``
    and one plan (its acronym may follow). None otherwise."""
    doc = ctx.doc
    lw = lowers(doc)
    before = [lw[i] for i in range(max(sent.start, part - 3), part) if lw[i].strip()]
    if len(before) < 2 or before[-2] not in ("een", "het", "de") or not before[-1].endswith(_PLAN_NOUNS):
        return None
    # words and the marks that part them ('.', a quote the splitter left at the end are none)
    words = [i for i in range(part, sent.end) if lw[i] in (",", "(", ")") or any(ch.isalnum() for ch in lw[i])]
    comma = max((n for n, i in enumerate(words) if lw[i] == ","), default=None)
    if comma is None:
        return None
    tail = words[comma + 1:]
    if tail[:1] and lw[tail[0]] in ("het", "de"):
        tail = tail[1:]
    plans = spans_in(doc, tail[0], sent.end, AGREED_CLASSES) if tail else []
    if len({sp.kb_id_ for sp in plans}) != 1 or plans[0].start != tail[0]:
        return None
    named = {i for sp in plans for i in range(sp.start, sp.end)}
    if any(i not in named and lw[i] not in ("(", ")") for i in tail):
        return None  # "..., het X van de bondgenoten": more than the plan's name (its acronym may follow)
    return plans[0]


# "Daar/Toen/Op die top werd X aangenomen": the time or place of the sentence before, not the report's
_BACK = frozenset({"daar", "daarbij", "daarop", "toen", "destijds"})


def _elsewhere(ctx: Context, sent, main: str, own_year: str) -> bool:
    """Does ``sent`` speak of another meeting or time than the summit ``main`` (of ``own_year``): a
    meeting, month, other year or earlier time in it?"""
    text = span_text(ctx.doc, sent)
    if _MONTH_WORD.search(text) or any(y != own_year for y in _YEAR_WORD.findall(text)):
        return True
    if not words_of(sent).isdisjoint(_BEFORE_NOW):
        return True
    meetings = spans_in(ctx.doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))
    return any(sp.kb_id_ != main for sp in meetings) or _summit_named(ctx, sent) not in (None, main)


def _first_verb_present(ctx: Context, sent) -> bool:
    """Is the first finite verb of ``sent`` present or future (``Daarmee wordt de afspraak die in
    2014 ... werd gemaakt, aangescherpt``)? Then a past it names is only looked back to."""
    lw = lowers(ctx.doc)
    first = next((lw[i] for i in range(sent.start, sent.end) if lw[i] in _PRESENT or lw[i] in _PAST), None)
    return first is not None and first in _PRESENT and first not in _PAST


def _adopted_at_report_summit(ctx: Context) -> None:
    """In the report of a summit (dated after it began), ``Daarnaast werd het X aangenomen`` with no
    other meeting, place, month, year (but the summit's) or earlier time in the sentence: X was
    adopted at that summit. Nothing for a new pledge (its own node) or a plan already given a summit."""
    doc = ctx.doc
    ev = doc.user_data.get("kg_events") or {}
    main = ev.get("main")
    rec = (ev.get("meetings") or {}).get(main) or {}
    day, start = ctx.meta.get("date"), rec.get("start")
    if rec.get("cls") != "Summit" or not start or not hasattr(day, "isoformat") or day.isoformat() < str(start)[:10]:
        return
    own_year = str(start)[:4]
    place = rec.get("place")
    given = {f.subject for f in ctx.extraction.facts if f.predicate == "kg:agreedAt"}
    all_sents = sents(doc)
    index = {s.start: k for k, s in enumerate(all_sents)}
    for sent in sentences_with(doc, "pledges.adopted_words", _ADOPTED):
        if _elsewhere(ctx, sent, main, own_year) or not words_of(sent).isdisjoint(_NEGATIONS) or _is_proposal(ctx, sent):
            continue
        first = _opening(ctx, sent)
        if not first or first[0] in _BACK or _THAT_SUMMIT.intersection(first[1:2]):
            continue  # "Daar werd ...", "Op die top werd ...": the sentence before tells where
        k = index.get(sent.start, 0)
        prev = all_sents[k - 1] if k > 0 and same_paragraph(doc, all_sents[k - 1], sent) else None
        if prev is not None and _elsewhere(ctx, prev, main, own_year) and not _first_verb_present(ctx, prev):
            continue  # "In 2014 spraken de bondgenoten in Wales af ... Daarnaast werd X aangenomen"
        if any(sp.kb_id_ != place for sp in spans_in(doc, sent.start, sent.end, ("Place",))):
            continue
        plan = _adopted_plan(ctx, sent)
        if plan is None or plan.kb_id_ in given or _is_new(ctx, sent, [plan]) or _names_another_norm(ctx, plan.kb_id_):
            continue
        if _changed_plans(ctx, sent, [plan]):
            continue  # "Daarnaast werd een herziene versie van het X aangenomen": X itself is older
        link(ctx, plan.kb_id_, "kg:agreedAt", main, plan, "pledges.adopted_at_report_summit")


# "een ontwerp opstellen, dat tijdens de NAVO-top in X moet worden aangenomen": the draft of a plan
_DRAFT = frozenset({"ontwerp", "ontwerptekst", "ontwerpversie", "conceptversie", "concepttekst"})


def _draft_adopted(ctx: Context) -> None:
    """``Tijdens de top van 2009 ... opdracht een nieuw Strategisch Concept op te stellen. ... De SG
    zal daarna een ontwerp opstellen, dat tijdens de NAVO-top in Lissabon moet worden aangenomen``:
    a draft that a sentence (naming no plan) says is (to be) adopted at a summit it names is the
    draft of the new plan its paragraph speaks of: that plan is agreed there. Only when the
    paragraph before names one plan, an initiative called new (a new pledge is its own node), and
    the draft names no other object (``een ontwerp van de slotverklaring``)."""
    doc = ctx.doc
    lw = lowers(doc)
    all_sents = sents(doc)
    for sent in sentences_with(doc, "pledges.draft_words", _DRAFT):
        words = words_of(sent)
        if not has_trigger(words, REL["agreement_words"], REL["agreement_pairs"]) or not words.isdisjoint(_NEGATIONS):
            continue
        if spans_in(doc, sent.start, sent.end, AGREED_CLASSES):
            continue
        draft = next(i for i in range(sent.start, sent.end) if lw[i] in _DRAFT)
        after = [lw[i] for i in range(draft + 1, min(sent.end, draft + 3)) if lw[i].strip()]
        if after[:1] and after[0] in ("van", "voor", "over"):
            continue  # "een ontwerp van de slotverklaring": the draft of something else
        agree = [i for i in range(draft + 1, sent.end) if lw[i] in REL["agreement_words"]]
        if not agree or any(lw[i] in (";", ":") for i in range(draft, agree[0])):
            continue
        summit = _summit_named(ctx, sent)
        if summit is None:
            continue
        k = next(n for n, s in enumerate(all_sents) if s.start == sent.start)
        plans = []
        for j in range(k - 1, -1, -1):
            if not same_paragraph(doc, all_sents[j], all_sents[j + 1]):
                break
            plans += spans_in(doc, all_sents[j].start, all_sents[j].end, AGREED_CLASSES)
        if len({sp.kb_id_ for sp in plans}) != 1 or plans[0].label_ != "Initiative":
            continue
        if not any(lw[i] in _NEW_WORDS for sp in plans for i in range(max(0, sp.start - 2), sp.start)):
            continue
        plan = plans[0]
        if ensure(ctx, plan.kb_id_) and ensure(ctx, summit):
            first = next(s for s in all_sents if s.start <= plan.start < s.end)
            ctx.link(plan.kb_id_, "kg:agreedAt", summit,
                     ctx.evidence(first.start_char, sent.end_char, "pledges.draft_adopted"))
_REPLACES = tuple(tuple(p.split()) for p in _DATA["replacement_phrases"])
_NEW_NORM_NOUNS = frozenset(_DATA["new_norm_nouns"])


def _replaces_pledge(ctx: Context, sent):
    """``De nieuwe norm komt in de plaats van de Defence Investment Pledge``, ``De nieuwe afspraak
    vervangt de DIP``: the pledge (span) a new norm, named by a noun, replaces. None otherwise."""
    lw = lowers(ctx.doc)
    words = [(i, lw[i]) for i in range(sent.start, sent.end) if lw[i].strip()]
    seq = [w for _, w in words]
    for n in range(len(seq)):
        phrase = next((p for p in _REPLACES if tuple(seq[n:n + len(p)]) == p), None)
        if phrase is None:
            continue
        head = seq[:n]
        name = next((f"{a} {b}" for a, b in zip(head, head[1:])
                     if a in _NEW_WORDS and (b in _NEW_NORM_NOUNS or b.endswith("norm"))), None)
        if name is None:
            return None
        after = words[n + len(phrase)][0] if n + len(phrase) < len(words) else sent.end
        old = [sp for sp in spans_in(ctx.doc, after, sent.end, ("Pledge",))
               if all(lw[j] in ("de", "het") or not lw[j].strip() for j in range(after, sp.start))]
        return (old[0], name) if old else None
    return None


def _the_new_norm(ctx: Context, name: str, old, value, summit: str, sent, rule: str = "pledges.replacing_norm") -> None:
    """The new norm (``de nieuwe norm``) that replaces pledge ``old``: not ``old`` itself nor named
    after it, but the new NATO norm of ``summit`` (the node letters name ``de nieuwe NAVO-norm``).
    ``old`` is the span its evidence sentence holds; ``value`` None states no target."""
    from kg.reference import DOCUMENT_SCOPED
    if _long_before(ctx, summit, sent) or not ensure(ctx, summit):
        return
    kind, _, slug = _DATA["replacing_norm"].partition("/")
    summit_slug = summit.split("/", 1)[1]
    if summit_slug.startswith(DOCUMENT_SCOPED):  # a summit of this document only: so is its norm
        key = f"{kind}/{DOCUMENT_SCOPED}{slug}-{summit_slug[len(DOCUMENT_SCOPED):]}"
    else:
        key = f"{kind}/{slug}-{summit_slug}"
    label = f"{_DATA['replacing_norm_label']} ({ctx.extraction.entities[summit].label})"
    ctx.entity(Entity(key=key, cls="Pledge", label=label, alt_labels={name}, mentioned=True))
    ev = ctx.sentence_evidence(old, rule)
    ctx.link(ctx.extraction.doc_key, "kg:mentions", key, ev)
    if value is not None:
        ctx.relate(key, "kg:targetPercentGDP", value, ev)
    ctx.link(key, "kg:agreedAt", summit, ev)


def _replacing_norm(ctx: Context) -> None:
    """A new norm that replaces a pledge (``De nieuwe norm komt in de plaats van de DIP``), whose
    percentage of GDP the sentences before in the paragraph state (proposed or agreed: ``Rutte heeft
    voorgesteld dat bondgenoten 5 procent van hun bbp ...``): the new norm, to be agreed at the
    summit the document is about, with that target. Nothing when they state none or several, or
    deny it, or the document is about no summit."""
    doc = ctx.doc
    main = _main_summit(doc)
    if main is None:
        return
    all_sents = sents(doc)
    starts = [s.start for s in all_sents]
    text = doc_text(doc)
    for sent in sentences_with(doc, "pledges.replaces", frozenset(p[0] for p in _REPLACES)):
        found = _replaces_pledge(ctx, sent)
        if found is None or not words_of(sent).isdisjoint(_NEGATIONS - {"nog"}):
            continue
        k = bisect_right(starts, sent.start) - 1
        values = set()
        for j in range(k - 1, max(-1, k - 3), -1):
            if "\n" in text[all_sents[j].end_char:all_sents[j + 1].start_char]:
                break
            if spans_in(doc, all_sents[j].start, all_sents[j].end, ("Pledge",)):
                break  # the sentences before speak of a named pledge: whose figures they are is unsure
            if not words_of(all_sents[j]).isdisjoint(_NEGATIONS - {"nog"}):
                values.add(None)
            values.update(a.value for a in _gdp_percents(span_text(doc, all_sents[j])))
        if len(values) == 1 and None not in values:
            _the_new_norm(ctx, found[1], found[0], values.pop(), main, sent)


_DOUBT = frozenset(_DATA["doubt_words"])


def _norm_named_new(ctx: Context, sent) -> tuple[int, str] | None:
    """``deze nieuwe norm``, ``de nieuwe uitgavennorm``: (token, name) of a new spending norm the
    sentence names by a noun, not by a pledge's own name (``de nieuwe NAVO-norm`` is read elsewhere)."""
    doc = ctx.doc
    lw = lowers(doc)
    inside = {i for sp in spans_in(doc, sent.start, sent.end, ("Pledge",)) for i in range(sp.start, sp.end)}
    for i in range(sent.start + 1, sent.end):
        w = lw[i]
        if (w in _NEW_NORM_NOUNS and w.endswith("norm") or w.endswith("uitgavennorm")) and lw[i - 1] in _NEW_WORDS \
                and i not in inside:
            return i, f"{lw[i - 1]} {w}"
    return None


def _clauses_of(doc, sent) -> list[tuple[int, int]]:
    """The token ranges of a sentence's clauses, split at ``;`` and ``:``."""
    lw = lowers(doc)
    out, lo = [], sent.start
    for i in range(sent.start, sent.end):
        if lw[i] in (";", ":"):
            out.append((lo, i))
            lo = i + 1
    out.append((lo, sent.end))
    return out


def _new_norm_adopted(ctx: Context) -> None:
    """``Over deze nieuwe norm is in Brussel nog geen besluit genomen; de verwachting is dat de
    regeringsleiders haar tijdens de top in Den Haag zullen aannemen``: a new spending norm named by a
    noun, in a sentence one of whose clauses says it is (or will be) adopted at a summit it names (by
    name or by its place), is the new NATO norm of that summit, agreed there. Not when that clause
    denies or doubts it; a clause that puts it before the summit (``wordt in Den Haag een nieuwe norm
    voorgelegd``) says it is to be adopted there. Its target is the one percentage of GDP (parts added:
    ``3,5 procent ..., aangevuld met 1,5 procent ...``) that the sentence states after the norm's noun,
    else that the two sentences before in the paragraph state, if they state one."""
    doc = ctx.doc
    all_sents = sents(doc)
    starts = [s.start for s in all_sents]
    read = []  # (norm noun, value, summit, sentence) of each sentence that says a new norm is adopted
    for sent in sentences_with(doc, "pledges.new_norm_nouns", _NEW_NORM_NOUNS):
        found = _norm_named_new(ctx, sent)
        if found is None:
            continue
        summit = None
        for lo, hi in _clauses_of(doc, sent):
            clause = doc[lo:hi]
            words = words_of(clause)
            if not (has_trigger(words, REL["agreement_words"], REL["agreement_pairs"]) or _submitted(doc, lo, hi, words)) \
                    or not words.isdisjoint(_NEGATIONS | _DOUBT):
                continue
            summits = {sp.kb_id_ for sp in spans_in(doc, lo, hi, ("Summit",))}
            here = summits.pop() if len(summits) == 1 else (None if summits else _summit_by_place(ctx, clause))
            if here is not None and summit not in (None, here):
                summit = None
                break
            summit = here or summit
        if summit is None:
            continue
        k = bisect_right(starts, sent.start) - 1
        values = set()
        own = _own_norm_value(ctx, sent, found[0])  # "een nieuwe norm ... van in totaal 5 procent van het bbp"
        for j in ([k] if own else range(k - 1, max(-1, k - 3), -1)):
            if j < k and not same_paragraph(doc, all_sents[j], all_sents[j + 1]):
                break
            text = span_text(doc, all_sents[j])
            percents = _gdp_percents(text)
            if percents and not words_of(all_sents[j]).isdisjoint(_NEGATIONS - {"nog"}):
                values.add(None)
            if percents:
                whole = _with_part_added(text, percents[0])
                values.update([whole] if whole != percents[0].value else [a.value for a in percents])
        value = values.pop() if len(values) == 1 else None
        read.append((found, value, summit, sent))
    stated = {(summit, value) for _, value, summit, _ in read if value is not None}
    for found, value, summit, sent in read:
        if len({v for s, v in stated if s == summit}) > 1:
            value = None  # two sentences give the summit's new norm two targets: which is its own, is unsure
        _the_new_norm(ctx, found[1], doc[found[0]], value, summit, sent, "pledges.new_norm_adopted")


_SUBMITTED = frozenset(_DATA["submission_words"])
_PASSIVE = frozenset({"wordt", "worden", "werd", "werden"})


def _submitted(doc, lo: int, hi: int, words: set[str]) -> bool:
    """``... wordt in Den Haag een nieuwe norm voorgelegd``: a clause that says, in the passive, that the
    norm is put before the summit to be adopted (no state in it: ``Spanje heeft een norm voorgelegd`` is
    one member's proposal)."""
    return not words.isdisjoint(_SUBMITTED) and not words.isdisjoint(_PASSIVE) and not spans_in(doc, lo, hi, ("Country",))


def _own_norm_value(ctx: Context, sent, noun: int) -> bool:
    """Does the sentence state a percentage of GDP after the new norm's noun (``een nieuwe norm ...
    van in totaal 5 procent van het bbp``)? Then its target is read from this sentence."""
    text = span_text(ctx.doc, sent)
    at = ctx.doc[noun].idx - sent.start_char
    return any(a.start_char > at for a in _gdp_percents(text))


_SIGN_WORDS = frozenset(_DATA["signing_verbs"])
_AT_SUMMIT = frozenset(_DATA["at_summit_prepositions"])
_SIGN_BLOCKERS = _NEGATIONS | _OTHER_TIME | frozenset(_DATA["signing_blockers"])


def _at_summit(ctx: Context, sp, floor: int) -> bool:
    """``tijdens de NAVO-top``, ``op de top``, ``in de marge van de top``: the summit is when."""
    lw = lowers(ctx.doc)
    words = [lw[i] for i in range(floor, sp.start) if lw[i].strip()]
    while words and words[-1] in ("de", "het"):
        words.pop()
    return bool(words) and (words[-1] in _AT_SUMMIT or words[-4:] == ["in", "de", "marge", "van"])


def _signed_at_summit(ctx: Context) -> None:
    """``Tijdens de NAVO-top in Vilnius hebben Nederland en Roemenië een intentieverklaring getekend``:
    the states that sign something at a summit take part in it. Not when the signing is denied,
    hedged or set at another time (``nadat``, ``eerder``)."""
    from kg.extract.events.common import _hedged
    from kg.extract.money import _givers
    doc = ctx.doc
    for sent in sentences_with(doc, "pledges.signing", _SIGN_WORDS):
        words = words_of(sent)
        if _hedged(words) or not words.isdisjoint(_SIGN_BLOCKERS):
            continue
        summits = [sp for sp in spans_in(doc, sent.start, sent.end, ("Summit",)) if _at_summit(ctx, sp, sent.start)]
        if len({sp.kb_id_ for sp in summits}) != 1:
            continue
        inside = range(summits[0].start, summits[0].end)
        for sp in _givers(ctx, sent.start, sent.end):
            if sp.start not in inside:
                link(ctx, summits[0].kb_id_, "kg:participant", sp.kb_id_, sp, "pledges.signed_at_summit")


def run(ctx: Context) -> None:
    """Acronyms, the summit a pledge or initiative was agreed at, GDP targets, who signed at a summit."""
    _acronyms(ctx)
    _agreed_at(ctx)
    _agreement_of_known_summit(ctx)
    _adopted_at_report_summit(ctx)
    _draft_adopted(ctx)
    _targets(ctx)
    _agreed_norm(ctx)
    _replacing_norm(ctx)
    _new_norm_adopted(ctx)
    _signed_at_summit(ctx)
