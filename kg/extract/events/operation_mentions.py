"""Operations as sentences name them: who takes part (``Nederland levert een bijdrage aan eFP``,
``de Nederlandse inzet in KFOR``) and where the operation is (``Resolute Support in Afghanistan``).

Feeds ``kg:participant`` and ``schema:location`` of operations.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.model import Entity
from kg.nlp.components.docindex import lowers, mentions, sent_of, spaces, texts
from kg.extract.events.common import _DETS, ensure, has_trigger, _hedged, link, _prev_word, REL, _request_done, _SETS_REL, spans_in, words_of
from kg.extract.events.parties import _participants


def _governing_word(lw: list[str], space: list[bool], start: int, floor: int) -> str:
    """The word before an operation's name, past articles and ``operatie``/``missie``
    (``aan de NAVO-missie Resolute Support`` -> ``aan``)."""
    skip = _DETS | _SETS_REL["operation_words"]
    return _prev_word(lw, space, start, floor, skip)[1]


def _appositive_governor(doc, lw: list[str], space: list[bool], op, floor: int) -> str:
    """The word governing an operation named in apposition (``aan de politiemissie van de EU,
    EUPOL Afghanistan``: ``aan``), or "" when the name is no such apposition."""
    j, word = _prev_word(lw, space, op.start, floor)
    if word != ",":
        return ""
    owner = next((s for s in spans_in(doc, floor, j) if s.end == j or (s.end < j and all(space[x] for x in range(s.end, j)))),
                 None)
    if owner is not None:  # "van de Europese Unie,"
        j, word = _prev_word(lw, space, owner.start, floor, _DETS)
        if word != "van":
            return ""
        j, word = _prev_word(lw, space, j, floor)
    if not word.endswith(("missie", "operatie", "mission", "operation")):
        return ""
    j, word = _prev_word(lw, space, j, floor)
    if word not in _DETS:  # an adjective ("de militaire opleidingsmissie")
        j, word = _prev_word(lw, space, j, floor)
    return _prev_word(lw, space, j, floor, _DETS)[1] if word in _DETS else ""


def _country_entity(ctx: Context, key: str) -> bool:
    """A country named only by its adjective is an entity of the document, not a mention."""
    if ensure(ctx, key, mentioned=False):
        return True
    from kg import reference
    ent = reference.load().get(key)
    if ent is None:
        return False
    ctx.entity(Entity(key=key, cls="Country", label=ent.label, alt_labels=set(), same_as=ent.same_as, mentioned=False))
    return True


def _adjective_parties(ctx: Context, sent) -> list[tuple[str, object]]:
    """``de Nederlandse bijdrage``, ``Duitse militairen``: (country key, adjective token)."""
    from kg import reference
    ref = reference.load()
    doc, lw, tx = ctx.doc, lowers(ctx.doc), texts(ctx.doc)
    nouns = _SETS_REL["contribution_nouns"]
    out = []
    for i in range(sent.start + 1, sent.end):
        if lw[i] in nouns and tx[i - 1][:1].isupper():
            ent = ref.country_of_adjective(tx[i - 1])
            if ent is not None:
                out.append((ent.key, doc[i - 1]))
    return out


# a singular unit noun between an operation's name and "in <place>" ("de eFP battlegroup in Litouwen")
_UNIT_NOUNS = frozenset(REL["operation_unit_nouns"])


def _operations(ctx: Context) -> None:
    """Who takes part in an operation (``Nederland levert een bijdrage aan eFP``, ``de
    Nederlandse inzet in KFOR``) and where it is (``Resolute Support in Afghanistan``)."""
    doc = ctx.doc
    lw, tx, space = lowers(doc), texts(doc), spaces(doc)
    by_sent: dict[int, list] = {}
    for sp in mentions(doc):
        if sp.label_ == "Operation":
            sent = sent_of(doc, sp)
            if sp.end <= sent.end:
                by_sent.setdefault(sent.start, []).append(sp)
    for ops in by_sent.values():
        sent = sent_of(doc, ops[0])
        # where: "<operation> in (het) <country or place>", or a name that ends so ("EU-missie in Mali")
        for op in ops:
            inner = [c for c in spans_in(doc, op.start + 1, op.end, ("Country", "Place")) if c.end == op.end]
            if inner and lw[inner[0].start - 1] == "in":
                link(ctx, op.kb_id_, "schema:location", inner[0].kb_id_, op, "events.operation_location")
                continue
            j = _past_brackets(lw, space, op.end, sent.end)
            if j < sent.end and lw[j] in _UNIT_NOUNS:  # "eFP (...) battlegroup in Litouwen": the operation's unit there
                j += 1
                while j < sent.end and space[j]:
                    j += 1
            if j < sent.end and lw[j] == "in":
                k = j + 1
                while k < sent.end and (space[k] or lw[k] in ("het", "de")):
                    k += 1
                at = spans_in(doc, k, sent.end, ("Country", "Place"))
                if at and at[0].start == k:
                    link(ctx, op.kb_id_, "schema:location", at[0].kb_id_, op, "events.operation_location")
        words = words_of(sent)
        if not has_trigger(words, REL["operation_participation_words"], REL["operation_participation_pairs"]) \
                or _hedged(_request_done(lw, space, sent, words)):
            continue
        targets = [op for op in ops if not _names_a_gathering(lw, op)
                   and (_governing_word(lw, space, op.start, sent.start) in _SETS_REL["operation_target_prepositions"]
                        or _appositive_governor(doc, lw, space, op, sent.start)
                        in _SETS_REL["operation_target_prepositions"])]
        if len({op.kb_id_ for op in targets}) != 1:
            continue  # none named as object, or several: say nothing
        op = targets[0]
        for sp in _participants(ctx, sent, set(), operation=True):
            if sp.label_ in ("Country", "Organisation") and not _located_by(doc, sp, ops) \
                    and not _served_by(lw, space, sp, sent.start) and not _area_of(lw, space, sp, sent.start):
                link(ctx, op.kb_id_, "kg:participant", sp.kb_id_, sp, "events.operation_participant")
        for key, tok in _adjective_parties(ctx, sent):
            if _country_entity(ctx, key):
                ctx.link(op.kb_id_, "kg:participant", key, ctx.sentence_evidence(tok, "events.operation_participant"))


def _past_brackets(lw: list[str], space: list[bool], j: int, end: int) -> int:
    """The first word from token ``j`` on, past an acronym in brackets (``Resolute Support (RSM) in
    Afghanistan``; from the acronym's own span, past its closing bracket)."""
    while j < end and space[j]:
        j += 1
    if j < end and lw[j] == "(":
        close = next((k for k in range(j + 1, min(end, j + 5)) if lw[k] == ")"), None)
        if close is None:
            return j
        j = close
    if j < end and lw[j] == ")":
        j += 1
        while j < end and space[j]:
            j += 1
    return j


_AREA_OF = _SETS_REL["area_of_nouns"]


def _area_of(lw: list[str], space: list[bool], sp, start: int) -> bool:
    """``voor de kust van Somalië``, ``aan de oostgrens van Polen``: a party after ``van`` and a noun
    of an area (``area_of_nouns``) names where the operation acts, not who takes part in it."""
    j, word = _prev_word(lw, space, sp.start, start, _DETS)
    if word != "van":
        return False
    return _prev_word(lw, space, j, start)[1] in _AREA_OF


# "de opleiding van het Afghaanse leger", "steun aan de Iraakse kustwacht": whom the mission serves
_SERVICE_NOUNS = _SETS_REL["service_nouns"]


def _served_by(lw: list[str], space: list[bool], sp, start: int) -> bool:
    """Is party ``sp`` in the object of a noun of training or support (``neemt de opleiding en
    begeleiding van de 4e brigade van het Afghaanse leger over``)? It is who the mission serves,
    not who takes part. Looks back within the clause (to a comma) for the noun and its ``van``/``aan``."""
    words = []
    for i in range(sp.start - 1, start - 1, -1):
        if space[i]:
            continue
        if lw[i] in (",", ";", ":") or len(words) >= 14:
            break
        words.append(lw[i])
    words.reverse()  # the clause's words before the party, in order
    if words[-1:] == ["voor"]:
        return True  # "een storting in het trustfonds voor Oekraïne": the party the money is for
    if any(w in _SERVICE_NOUNS and words[k + 1:k + 2] in (["van"], ["aan"]) for k, w in enumerate(words)):
        return True
    return words in (["die"], ["dat"]) and _serving_clause(lw, space, sp.end)


_SERVICE_VERBS = _SETS_REL["service_verbs"]


def _serving_clause(lw: list[str], space: list[bool], j: int) -> bool:
    """``..., die Turkije beschermt tegen ...``: the relative clause the party opens (to its comma or
    the sentence's end) has a verb of protecting, training or supporting: the party is its object."""
    for i in range(j, min(len(lw), j + 12)):
        if space[i]:
            continue
        if lw[i] in (",", ";", ":", ".", "(") or "\n" in lw[i]:
            return False
        if lw[i] in _SERVICE_VERBS:
            return True
    return False


def _names_a_gathering(lw: list[str], op) -> bool:
    """``deze ISAF-bijeenkomst``: a meeting about the operation, not the operation itself."""
    return lw[op.end - 1].rsplit("-", 1)[-1] in _SETS_REL["gathering_nouns"]


def _located_by(doc, sp, ops) -> bool:
    """A name inside an operation's own name ("NAVO Missie Irak")."""
    return any(o.start <= sp.start and sp.end <= o.end for o in ops)
