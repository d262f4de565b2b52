"""Shared pieces of the events rules: the word lists (relations.json, participation_news.json),
making entities and linking them with evidence, the spans and trigger words of a sentence,
and the small token helpers every reading uses (the word before, articles, hedges, clauses).

Feeds no triple itself; every other module of ``kg.extract.events`` imports from here.
"""
from __future__ import annotations

import json
from pathlib import Path

from kg.extract.context import Context
from kg.model import PERSON_CLASSES, Entity
from kg.nlp.components.docindex import memo, mentions_from, non_space, same_paragraph, sents, word_set, words_in, words_where
from kg.nlp.spans import entity_table
from kg.nlp.components.fold import fold


REL = json.loads(Path(__file__).parents[1].joinpath("relations.json").read_text(encoding="utf-8"))
_SETS_REL = {k: frozenset(v) for k, v in REL.items() if isinstance(v, list) and all(isinstance(x, str) for x in v)}
NEWS = json.loads(Path(__file__).parents[1].joinpath("participation_news.json").read_text(encoding="utf-8"))
_NEWS_SETS = {k: frozenset(v) for k, v in NEWS.items() if isinstance(v, list) and all(isinstance(x, str) for x in v)}
PARTY_CLASSES = PERSON_CLASSES | {"Country", "Organisation"}
_NAME_CLASSES = ("Organisation", "Operation", "Initiative", "Pledge")


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


def sentences_with(doc, name: str, words: frozenset) -> list:
    """The sentences that hold one of ``words`` (lower case), found once per document with
    numpy (``words_where``) instead of a set of words per sentence."""
    from bisect import bisect_right
    ns = non_space(doc)
    hits = words_where(doc, "LOWER", name, words.__contains__)
    if not hits:
        return []
    all_sents = sents(doc)
    starts = [s.start for s in all_sents]
    return [all_sents[k] for k in sorted({bisect_right(starts, ns[h]) - 1 for h in hits})]


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


def _is_excluded(doc, key: str, operation: bool = False) -> bool:
    """NATO itself, the Kamer and (at meetings) the sender's own country are never listed."""
    info = entity_table(doc).get(key, {})
    names = {fold(info.get("label", "")), *(fold(a) for a in info.get("alt_labels", ()))}
    # which allies take part in an operation is the point, the Netherlands too
    return not names.isdisjoint(_NEVER_IN_OPERATION if operation else _SETS_REL["never_participant_labels"])


def _office_words() -> frozenset:
    from kg.nlp.components.persons import WORDS  # the title words a name never holds
    return frozenset(fold(w) for w in WORDS["not_names"]) - {"navo", "nato", "eu", "vn", "top", "kamer", "kabinet"}


_OFFICE_WORDS = _office_words()


_NEVER_IN_OPERATION = _SETS_REL["never_participant_labels"] - _SETS_REL["own_country_labels"]


def _hedged(words: set[str]) -> bool:
    """``De verwachting is dat Zweden ... kan deelnemen``, ``kon nog niet deelnemen``."""
    return not words.isdisjoint(_SETS_REL["participation_hedges"])


def _request_done(lw: list[str], space: list[bool], sent, words: set[str]) -> set[str]:
    """``wordt op verzoek van de Iraakse regering uitgevoerd`` says at whose request a thing is
    done, not that it is only asked for: ``verzoek`` after ``op`` is no hedge."""
    if "verzoek" not in words:
        return words
    for i in range(sent.start, sent.end):
        if lw[i] == "verzoek" and _prev_word(lw, space, i, sent.start)[1] != "op":
            return words
    return words - {"verzoek"}


def _prev_word(lw: list[str], space: list[bool], i: int, floor: int, skip=frozenset()) -> tuple[int, str]:
    """The word before token ``i`` (skipping whitespace and ``skip`` words), as (index, word)."""
    j = i - 1
    while j >= floor and (space[j] or lw[j] in skip):
        j -= 1
    return (j, lw[j]) if j >= floor else (-1, "")


_DETS = _SETS_REL["determiners"]
_ORDINAL_DETS = _NEWS_SETS["ordinal_determiners"]  # "zijn laatste top": a possessive before an ordinal
_FIRST_LAST = _NEWS_SETS["first_last"]


def _past_dets(lw: list[str], space: list[bool], j: int, end: int) -> int:
    """The first token from ``j`` (before ``end``) that is neither whitespace nor a determiner."""
    while j < end and (space[j] or lw[j] in _DETS):
        j += 1
    return j


_DEMONSTRATIVES = _SETS_REL["demonstratives"]


def _sent_starts(doc) -> list[int]:
    """The first token of each sentence, worked out once per doc."""
    return memo(doc, "events.sent_starts", lambda: [s.start for s in sents(doc)])


def _subordinate_start(lw: list[str], sent) -> int:
    """The token where a subordinate clause after a comma begins (``, omdat``, ``, terwijl``):
    who is named there is the reason or the contrast, not who takes part. The sentence end if none."""
    for i in range(sent.start + 1, sent.end):
        if lw[i] in _SETS_REL["subordinators"]:
            j = i - 1
            while j > sent.start and lw[j].isspace():
                j -= 1
            if lw[j] == ",":
                return i
    return sent.end


def _prev_in_paragraph(doc, sent) -> object | None:
    """The sentence before ``sent`` when it stands in the same paragraph."""
    from bisect import bisect_right
    all_sents = sents(doc)
    k = bisect_right(_sent_starts(doc), sent.start) - 1
    if k <= 0:
        return None
    prev = all_sents[k - 1]
    return prev if same_paragraph(doc, prev, sent) else None


_CLAUSE_EDGES = frozenset({",", ";", ":", "(", ")"}) | _NEWS_SETS["complementizers"] | _SETS_REL["subordinators"] \
    | frozenset({"waarna", "waarop", "waarbij"})


def _clause_at(lw: list[str], sent, i: int) -> tuple[int, int]:
    """The token range of the clause around token ``i``: between punctuation that splits a
    sentence and the words that open a subordinate clause (``toen``, ``dat``, ``waarna``)."""
    a = i
    while a > sent.start and lw[a - 1] not in _CLAUSE_EDGES:
        a -= 1
    b = i + 1
    while b < sent.end and lw[b] not in _CLAUSE_EDGES:
        b += 1
    return a, b


# between a name and ", die ..." only the verbs that close the main clause may stand
# ("Hij zal X ondersteunen, die de top voorzit"): no article, preposition or conjunction
_GAP_BLOCKERS = _DETS | _SETS_REL["not_subject_prepositions"] | _SETS_REL["subordinators"] \
    | _SETS_REL["person_pronouns"] | frozenset({"en", "of", "maar", "om", "op", "tot", "tegen", "tijdens", "onder", "zijn"})


def _before_comma(doc, persons: list, comma: int, floor: int) -> list:
    """The person a relative clause opened by ``, die`` at token ``comma`` is on: the one named
    right before the comma, or before the verbs a Dutch main clause ends in when the relative
    clause is put after them (``Hij zal X ondersteunen, die ...``: at most three lower-case
    words, the last a verb form (``-en``, ``-n``, ``-t``, ``-d``), no article, preposition or
    conjunction between)."""
    from kg.nlp.components.docindex import lowers, spaces, texts
    lw, space, tx = lowers(doc), spaces(doc), texts(doc)
    gap = []
    for p in sorted((p for p in persons if floor <= p.start and p.end <= comma), key=lambda p: -p.end):
        gap = [k for k in range(p.end, comma) if not space[k]]
        if not gap:
            return [p]
        if len(gap) <= 3 and lw[gap[-1]].endswith(("n", "t", "d")) and all(
                tx[k].isalpha() and tx[k].islower() and lw[k] not in _GAP_BLOCKERS for k in gap):
            return [p]
        break
    return []


def _names_meeting(lw: list[str], space: list[bool], j: int, end: int, words: frozenset) -> bool:
    """Does a determiner and then a word of ``words`` (the meeting as a whole, or a sitting of
    it) stand at token ``j`` (``de top``, ``de bijeenkomst``; with an ordinal after a
    possessive or the article: ``zijn laatste top``, ``haar eerste bijeenkomst``)?"""
    while j < end and space[j]:
        j += 1
    if j >= end or lw[j] not in _DETS and lw[j] not in _ORDINAL_DETS:
        return False
    det, ordinal_only = lw[j], lw[j] not in _DETS
    j += 1
    while j < end and space[j]:
        j += 1
    if j < end and lw[j] in _FIRST_LAST and det in _ORDINAL_DETS:
        ordinal_only = False
        j += 1
        while j < end and space[j]:
            j += 1
    if ordinal_only:
        return False
    return j < end and (lw[j].rstrip(".") in words or lw[j].rstrip(".").endswith("sessie"))  # "de slotsessie"
