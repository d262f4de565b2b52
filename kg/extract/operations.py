"""Rule family: operations — who takes part in an operation a sentence does not name.

``kg.extract.events`` reads participation from sentences that name the operation
(``Nederland levert een bijdrage aan eFP``). Letters often name it once and go on
about it: ``Sinds 2022 leidt het Verenigd Koninkrijk operatie Interflex. Het Britse
programma wordt ondersteund door Canada, Finland en Zweden. Ook Nederland neemt
deel, met militairen afkomstig van het Korps Mariniers.`` Here the operation is the
one operation the paragraph named last (a sentence naming several names none), and:

* ``<operation or anaphor> wordt ondersteund/gesteund door <countries>``: the
  countries take part;
* ``<country> neemt deel`` with no object of its own: the country takes part, and so
  do the units its troops come from (``militairen, afkomstig van <units>``);
* ``<countries> treden op als kaderlanden``: the states of the opening list lead it.

A hedged or negated sentence (``nemen aan deze missie niet deel``) states nothing.
An operation located in the first state of a list (``in Polen en Duitsland``) is
located in each.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from pathlib import Path

from kg.extract.context import Context
from kg.extract.events import _hedged, link, spans_in
from kg.nlp.components.docindex import lowers, sents, spaces
from kg.nlp.components.docindex import text as doc_text

_DATA = json.loads(Path(__file__).with_name("money.json").read_text(encoding="utf-8"))["operations"]
_ANAPHOR_DETS = frozenset(_DATA["anaphor_determiners"])
_ANAPHOR_NOUNS = frozenset(_DATA["anaphor_nouns"])
_SUPPORT_VERBS = frozenset(_DATA["passive_support_verbs"])
_TAKE_VERBS = frozenset(_DATA["take_part_verbs"])
_TROOP_NOUNS = frozenset(_DATA["troop_nouns"])
_SOURCE_WORDS = frozenset(_DATA["troop_source_words"])
_LEAD_NOUNS = frozenset(_DATA["lead_nouns"])
_JOINERS = frozenset({",", "en"})
_SUBJECT_CUES = _TAKE_VERBS | {"ook"}  # "neemt Nederland", "Ook Nederland neemt"


def _words(ctx: Context, start: int, end: int) -> list[int]:
    """Token indices of the words (no whitespace) in [start, end)."""
    space = spaces(ctx.doc)
    return [i for i in range(start, end) if not space[i]]


def _list_after(ctx: Context, at: int, end: int, classes) -> list:
    """The coordinated list of ``classes`` mentions that starts at token ``at``
    (``Australië, Canada en Zweden``; ``het Korps Mariniers en de Koninklijke Landmacht``)."""
    lw = lowers(ctx.doc)
    by_start = {sp.start: sp for sp in spans_in(ctx.doc, at, end, classes)}
    out, words = [], _words(ctx, at, end)
    k = 0
    while k < len(words):
        i = words[k]
        if lw[i] in ("de", "het"):
            k += 1
            continue
        sp = by_start.get(i)
        if sp is None:
            break
        out.append(sp)
        k = next((n for n, j in enumerate(words) if j >= sp.end), len(words))
        if k < len(words) and lw[words[k]] in _JOINERS:
            k += 1
            continue
        break
    return out


def _opens_with_anaphor(ctx: Context, sent) -> bool:
    """``Het Britse programma ...``, ``De missie ...``, ``Deze operatie ...``: a determiner, at most
    one adjective and a noun for an operation open the sentence."""
    lw = lowers(ctx.doc)
    words = [lw[i] for i in _words(ctx, sent.start, min(sent.end, sent.start + 6))][:3]
    if not words or words[0] not in _ANAPHOR_DETS:
        return False
    return any(w in _ANAPHOR_NOUNS for w in words[1:3])


def _supported_by(ctx: Context, sent, current) -> None:
    """``Het Britse programma wordt ondersteund door Canada, Finland en Zweden``."""
    lw = lowers(ctx.doc)
    words = _words(ctx, sent.start, sent.end)
    for n, i in enumerate(words[:-1]):
        if lw[i] not in _SUPPORT_VERBS or lw[words[n + 1]] != "door":
            continue
        named = spans_in(ctx.doc, sent.start, i, ("Operation",))
        if len({sp.kb_id_ for sp in named}) == 1:
            op = named[0].kb_id_
        elif not named and current is not None and _opens_with_anaphor(ctx, sent):
            op = current
        else:
            continue
        for sp in _list_after(ctx, words[n + 1] + 1, sent.end, ("Country",)):
            link(ctx, op, "kg:participant", sp.kb_id_, sp, "operations.supported_by")


def _framework_nations(ctx: Context, sent, current: str) -> None:
    """``Het Verenigd Koninkrijk, Canada en Duitsland treden op als kaderlanden``: the states of
    the list that opens the sentence lead (a part of) the paragraph's operation."""
    for sp in _list_after(ctx, sent.start, sent.end, ("Country",)):
        link(ctx, current, "kg:participant", sp.kb_id_, sp, "operations.framework_nation")


def _takes_part(ctx: Context, sent, current: str) -> None:
    """``Ook Nederland neemt sinds eind 2022 deel, met negentig militairen, afkomstig van het Korps
    Mariniers``: a take-part verb whose ``deel`` has no object of its own (``aan ...``)."""
    lw = lowers(ctx.doc)
    words = _words(ctx, sent.start, sent.end)
    for n, i in enumerate(words):
        if lw[i] != "deel" or n + 1 >= len(words) or lw[words[n + 1]] == "aan" or n == 0:
            continue
        verb = next((words[m] for m in range(n - 1, -1, -1) if lw[words[m]] in _TAKE_VERBS), None)
        if verb is None:
            continue
        # the subject right before or right after the verb ("Nederland neemt", "neemt ook Nederland")
        subjects = [sp for sp in spans_in(ctx.doc, sent.start, i, ("Country",))
                    if sp.start == words[0] or lw[words[bisect_left(words, sp.start) - 1]] in _SUBJECT_CUES]
        if len(subjects) != 1:
            return
        link(ctx, current, "kg:participant", subjects[0].kb_id_, subjects[0], "operations.takes_part")
        for m in range(n + 1, len(words) - 1):
            if lw[words[m]] in _TROOP_NOUNS:
                src = next((words[x] for x in range(m + 1, min(m + 4, len(words))) if lw[words[x]] in _SOURCE_WORDS),
                           None)
                if src is not None:
                    for unit in _list_after(ctx, src + 1, sent.end, ("Organisation",)):
                        link(ctx, current, "kg:participant", unit.kb_id_, unit, "operations.troops_from")
                return
        return


_LOOK_BACK = 4  # sentences


def _coordinated_locations(ctx: Context) -> None:
    """``EUMAM Ukraine, die trainingen in Polen en Duitsland verzorgt``: an operation located in
    the first state of a coordinated list is located in each of them."""
    from kg.nlp.components.docindex import sent_of
    doc = ctx.doc
    located = [(f.subject, f.object.key, f.evidence.start) for f in ctx.extraction.facts
               if f.predicate == "schema:location" and f.subject.startswith("operation/")
               and hasattr(f.object, "key") and f.evidence is not None]
    if not located:
        return
    places = spans_in(doc, 0, len(doc), ("Country", "Place"))
    for op, where, ev_start in located:
        for sp in (s for s in places if s.kb_id_ == where):
            sent = sent_of(doc, sp)
            if ctx.clean.to_source(sent.start_char, sent.start_char)[0] != ev_start:
                continue
            for other in _list_after(ctx, sp.start, sent.end, ("Country", "Place"))[1:]:
                link(ctx, op, "schema:location", other.kb_id_, other, "operations.location_list")


def _paragraph_operation(ctx: Context, k: int, all_sents: list) -> str | None:
    """The operation the paragraph of sentence ``k`` named last before it: the one operation of
    the nearest earlier sentence that names any, none when that sentence names several or a
    paragraph break or heading comes first."""
    text = doc_text(ctx.doc)
    own = text[all_sents[k].start_char:all_sents[k].end_char]
    if "\n" in own[:len(own) - len(own.lstrip())]:
        return None  # the sentence opens a paragraph
    for j in range(k - 1, max(-1, k - 1 - _LOOK_BACK), -1):
        if "\n" in text[all_sents[j].start_char:all_sents[j + 1].start_char].strip(" "):
            return None  # a new paragraph or a heading between: the operation is named again
        ops = {sp.kb_id_ for sp in spans_in(ctx.doc, all_sents[j].start, all_sents[j].end, ("Operation",))}
        if ops:
            return next(iter(ops)) if len(ops) == 1 else None
    return None


def run(ctx: Context) -> None:
    """Participants of the operation a paragraph is about, from sentences that do not name it."""
    from bisect import bisect_right

    from kg.extract.events import sentences_with
    doc = ctx.doc
    _coordinated_locations(ctx)
    found = sentences_with(doc, "operations.triggers", _SUPPORT_VERBS | _LEAD_NOUNS | {"deel"})
    if not found:
        return
    all_sents = sents(doc)
    starts = [s.start for s in all_sents]
    lw = lowers(doc)
    for sent in found:
        words = set(lw[sent.start:sent.end])
        if _hedged(words):  # hedges include the negations (niet, geen, nooit)
            continue
        current = _paragraph_operation(ctx, bisect_right(starts, sent.start) - 1, all_sents)
        if words & _SUPPORT_VERBS:
            _supported_by(ctx, sent, current)
        if current is None or spans_in(doc, sent.start, sent.end, ("Operation",)):
            continue
        if "deel" in words and words & _TAKE_VERBS:
            _takes_part(ctx, sent, current)
        if words & _LEAD_NOUNS:
            _framework_nations(ctx, sent, current)
