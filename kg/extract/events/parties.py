"""Who may be a party to a meeting: the persons, countries and organisations a sentence
names, less those that only say where, on what or for whom (``de minister van Defensie``,
``de NAVO-top over Oekraïne``), and the undersigned of a letter (``ondergetekende``).

Feeds the parties of ``kg:participant`` read by participation, news, acts and operations.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.model import PERSON_CLASSES
from kg.nlp.components.docindex import lowers, mentions_from, spaces, texts
from kg.nlp.spans import entity_table
from kg.nlp.components.fold import fold
from kg.extract.events.common import _DETS, _is_excluded, _NAME_CLASSES, _OFFICE_WORDS, PARTY_CLASSES, _prev_word, REL, _SETS_REL, spans_in


def _participants(ctx: Context, sent, exclude: set[str], operation: bool = False) -> list:
    """The parties a participation sentence names as taking part: persons, countries and
    organisations, less places and topics (``in Afghanistan``, ``over Oekraïne``), the
    host country (``in Washington D.C., Verenigde Staten``), the one who invites
    (``Rutte heeft ... uitgenodigd``) and the councils that are themselves sessions."""
    doc = ctx.doc
    cands = [sp for sp in spans_in(doc, sent.start, sent.end, PARTY_CLASSES)
             if sp.kb_id_ not in exclude and not _is_excluded(doc, sp.kb_id_, operation)]
    if not cands:
        return []
    lw, tx = lowers(doc), texts(doc)
    inviter_end = _inviter_end(lw, sent)
    # spans that may stand between a name and the word that governs it ("in Washington D.C., Verenigde Staten")
    # (a meeting's own words are walked: "de NAVO-top in Washington D.C., Verenigde Staten")
    ms, k = mentions_from(doc, sent.start)
    covers = {}
    for s in ms[k:]:
        if s.start >= sent.end:
            break
        if s.label_ not in ("Summit", "MinisterialMeeting"):
            covers.update((i, s) for i in range(s.start, s.end) if i not in covers or covers[i].start > s.start)
    # a name inside another name ("NAVO-Oekraïne Commissie", "EU-missie in Mali") is part of that name
    inside = [s for s in ms[k:] if s.start < sent.end and s.label_ in _NAME_CLASSES]
    out = []
    for sp in cands:
        if sp.start < inviter_end or _is_forum(doc, sp.kb_id_):
            continue
        if any(o.start <= sp.start and sp.end <= o.end and (o.start, o.end) != (sp.start, sp.end) for o in inside):
            continue
        if _governed_by_place_or_topic(lw, tx, sent.start, sp.start, covers, sp.label_ in PERSON_CLASSES):
            continue
        if _jurisdiction_of_named_holder(doc, lw, sent, sp):
            continue
        out.append(sp)
    return out


def _jurisdiction_of_named_holder(doc, lw: list[str], sent, sp) -> bool:
    """``de secretaris-generaal van de VN, Ban Ki-moon``, ``VN-secretaris-generaal Ban
    Ki-moon``, ``EU Hoge Vertegenwoordiger Mogherini``: a country or organisation after
    ``van`` (or before the office) with the office holder named right after it is the
    office's jurisdiction; the holder is the one who takes part."""
    if sp.label_ not in ("Country", "Organisation"):
        return False
    space, tx = spaces(doc), texts(doc)
    j, w = _prev_word(lw, space, sp.start, sent.start, _DETS)
    last = tx[sp.end - 1]
    # "VN-secretaris-generaal Ban Ki-moon": the office is part of the organisation's token
    office_compound = "-" in last and last.rsplit("-", 1)[-1][:1].islower() and last[:1].isupper()
    k = sp.end
    while k < sent.end and (space[k] or lw[k] == ","):
        k += 1
    # "EU Hoge Vertegenwoordiger Mogherini": office words may stand between
    titled = False
    for _ in range(3):
        if k < sent.end and fold(lw[k]) in _OFFICE_WORDS:
            k, titled = k + 1, True
            while k < sent.end and space[k]:
                k += 1
    if w != "van" and not office_compound and not titled:
        return False
    return any(p.start == k for p in spans_in(doc, k, sent.end, PERSON_CLASSES))


def _inviter_end(lw: list[str], sent) -> int:
    """``Secretaris-generaal Rutte heeft Koning Abdullah II uitgenodigd``: the token where the
    inviter's part ends (the auxiliary), or the sentence start when the sentence is passive."""
    words = set(lw[sent.start:sent.end])
    if "uitgenodigd" not in words and words.isdisjoint(("nodigt", "nodigde", "nodigden")):
        return sent.start
    for i in range(sent.start, sent.end):
        if lw[i] in _SETS_REL["inviter_auxiliaries"]:
            return i
        if lw[i] in ("is", "zijn", "werd", "werden", "wordt", "worden", "was", "waren"):
            return sent.start  # passive: "X is uitgenodigd"
    return sent.start


def _is_forum(doc, key: str) -> bool:
    """A council or commission that is itself a session of a NATO meeting (NAR, NUC)
    meets; it does not take part."""
    ev = doc.user_data.get("kg_events") or {}
    if any(s.get("body") == key for s in ev.get("sessions", ())):
        return True
    info = entity_table(doc).get(key, {})
    if info.get("cls") != "Organisation":
        return False
    from kg.nlp.components.events.common import DATA as EVENTS
    from kg.nlp.components.events.gatherings import _ends_in_body_head
    names = [n for n in (info.get("label", ""), *info.get("alt_labels", ())) if n]
    return any(_ends_in_body_head(n) for n in names) and \
        any(m in fold(" ".join(names)) for m in EVENTS["nato_markers"])


def _governed_by_place_or_topic(lw: list[str], tx: list[str], sent_start: int, start: int, covers: dict,
                                person: bool = False) -> bool:
    """Walk back from a name over lists, articles, titles and other names to the word that
    governs it: a place or topic preposition (``in``, ``over``, ``tegen``) means the name is
    not a participant; so does ``met`` after a relation noun (``de relatie met Rusland``) and
    an ``over`` earlier in the same phrase (``spreken over de steun aan Oekraïne``). A person
    (``person``), or a name listed after one, is never where someone comes from: ``zijn
    ambtgenoten uit Finland en Zweden, A en B, en Georgië`` (A, B and Georgia are invited)."""
    blocked, walk = _SETS_REL["participant_blocked_by"], _SETS_REL["participant_walk_words"]
    i, steps = start - 1, 0
    while i >= sent_start and steps < 12:
        sp = covers.get(i)
        if sp is not None:
            person = person or sp.label_ in PERSON_CLASSES
            i, steps = sp.start - 1, steps + 1
            continue
        w = lw[i]
        if w in blocked:
            return not (person and w in _ORIGIN_WORDS)
        if w in walk or tx[i][:1].isupper() or w.isdigit() or w.isspace() and "\n\n" not in w:
            i, steps = i - 1, steps + 1
            continue
        if w in ("met", "aan"):  # "de relatie met Rusland", "de steun aan Oekraïne": not who is there
            j = i - 1
            while j >= sent_start and lw[j] in walk:
                j -= 1
            nouns = _SETS_REL["relation_nouns"] if w == "met" else _SETS_REL["support_nouns"]
            if j >= sent_start and lw[j] in nouns:
                return True
            if w == "met":
                return False
        if w == "van":  # "de politiemissie van de EU": the mission's owner, not who takes part
            j = i - 1
            while j >= sent_start and lw[j].isspace():
                j -= 1
            return j >= sent_start and lw[j].endswith(_MISSION_HEADS)
        break
    # an "over" a few words back, in the same phrase (no other name between), makes it a topic
    for j in range(i, max(sent_start, i - 4) - 1, -1):
        if j in covers:
            break
        if lw[j] in ("over", "omtrent", "inzake"):
            return True
    return False


_MISSION_HEADS = tuple(REL["mission_heads"])
_ORIGIN_WORDS = frozenset({"uit"})  # "ambtgenoten uit X": where they come from, not a place of the name
_UNDERSIGNED = {w: n for n, ws in ((1, REL["undersigned"][0]), (2, REL["undersigned"][1])) for w in ws}


def _undersigned(ctx: Context, sent) -> dict[int, tuple]:
    """``en ondergetekende``, ``de beide ondergetekenden``: the letter's signatories, by token
    (start -> (its span, signatory keys)). The singular is read only in a letter with one
    signatory, the plural only in one with several; a place or topic (``over ondergetekende``)
    or the one who invites is no participant."""
    doc = ctx.doc
    lw = lowers(doc)
    hits = [i for i in range(sent.start, sent.end) if lw[i] in _UNDERSIGNED]
    if not hits:
        return {}
    signers = list(dict.fromkeys(f.object.key for f in ctx.extraction.facts if f.predicate == "kg:signatory"))
    inviter_end = _inviter_end(lw, sent)
    out = {}
    for i in hits:
        if len(signers) != 1 if _UNDERSIGNED[lw[i]] == 1 else len(signers) < 2:
            continue
        if i < inviter_end or _governed_by_place_or_topic(lw, texts(doc), sent.start, i, {}):
            continue
        out[i] = (doc[i:i + 1], signers)
    return out
