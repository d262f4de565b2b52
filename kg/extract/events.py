"""Rule family: events — dates, location, inCountry, sessions, participants, concerns.

Reads what ``kg_events`` left in ``doc.user_data["kg_events"]`` and the mention
spans of ``doc.spans["kg"]``. Every relation between two entities carries the
sentence it was read from.
"""
from __future__ import annotations

import json
import re
from itertools import compress
from pathlib import Path

from kg.extract.context import Context
from kg.model import Entity, from_reference
from kg.nlp.components.docindex import is_word, lowers, memo, mentions, mentions_from, non_space, same_paragraph, sent_of, sents, span_text, spaces, texts, word_set, words_in, words_where
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.spans import entity_table
from kg.nlp.components.fold import fold  # memoised kg.slug.fold

REL = json.loads(Path(__file__).with_name("relations.json").read_text(encoding="utf-8"))
PARTY_CLASSES = ("Person", "Minister", "Country", "Organisation")
_NAME_CLASSES = ("Organisation", "Operation", "Initiative", "Pledge")


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


# ---------------------------------------------------------------- rules

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
            span = doc[rec["place_span"][0]:rec["place_span"][1]]
            ensure(ctx, rec["place"], mentioned=rec.get("place_in_text", True))
            link(ctx, key, "schema:location", rec["place"], span, "events.meeting_place")
        for place, (s, e) in rec.get("also_places", ()):  # a second host the text names ("Kehl")
            link(ctx, key, "schema:location", place, doc[s:e], "events.meeting_place")


def _reference_values(ctx: Context, key: str, rec: dict) -> None:
    """A reference summit's dates and host city (rule ``events.summit_reference``): each
    with a sentence of the text that states it (its day, its city or region), else
    marked as the reference data's (``from_reference``: no quote, reference graph)."""
    doc, rule = ctx.doc, "events.summit_reference"

    def evidence(at):
        return ctx.sentence_evidence(doc[at[0]:at[1]], rule) if at else from_reference(rule)

    if rec["start"] is not None:
        ctx.relate(key, "schema:startDate", rec["start"], evidence(rec.get("start_at")))
        ctx.relate(key, "schema:endDate", rec["end"], evidence(rec.get("end_at")))
    if rec["place"] and ensure(ctx, rec["place"], mentioned=rec.get("place_in_text", True)):
        ctx.link(key, "schema:location", rec["place"], evidence(rec.get("place_at")))


def _concerns(ctx: Context, ev: dict) -> None:
    """kg:concerns: the meeting the document is the agenda or report of (``kg_events``
    decides; a document that only recalls a meeting concerns none)."""
    main = ev.get("concerns")
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
        if _governed_by_place_or_topic(lw, tx, sent.start, sp.start, covers):
            continue
        if _jurisdiction_of_named_holder(doc, lw, sent, sp):
            continue
        out.append(sp)
    return out


def _office_words() -> frozenset:
    from kg.nlp.components.persons import WORDS  # the title words a name never holds
    return frozenset(fold(w) for w in WORDS["not_names"]) - {"navo", "nato", "eu", "vn", "top", "kamer", "kabinet"}


_OFFICE_WORDS = _office_words()


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
    return any(p.start == k for p in spans_in(doc, k, sent.end, ("Person", "Minister")))


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


def _governed_by_place_or_topic(lw: list[str], tx: list[str], sent_start: int, start: int, covers: dict) -> bool:
    """Walk back from a name over lists, articles, titles and other names to the word that
    governs it: a place or topic preposition (``in``, ``over``, ``tegen``) means the name is
    not a participant; so does ``met`` after a relation noun (``de relatie met Rusland``) and
    an ``over`` earlier in the same phrase (``spreken over de steun aan Oekraïne``)."""
    blocked, walk = _SETS_REL["participant_blocked_by"], _SETS_REL["participant_walk_words"]
    i, steps = start - 1, 0
    while i >= sent_start and steps < 12:
        sp = covers.get(i)
        if sp is not None:
            i, steps = sp.start - 1, steps + 1
            continue
        w = lw[i]
        if w in blocked:
            return True
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


_SETS_REL = {k: frozenset(v) for k, v in REL.items() if isinstance(v, list) and all(isinstance(x, str) for x in v)}
_NEVER_IN_OPERATION = _SETS_REL["never_participant_labels"] - _SETS_REL["own_country_labels"]
_MISSION_HEADS = tuple(REL["mission_heads"])
_UNDERSIGNED = {w: n for n, ws in ((1, REL["undersigned"][0]), (2, REL["undersigned"][1])) for w in ws}


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


_DETS = frozenset({"de", "het", "een", "deze", "dit", "die", "dat", "alle"})


def _past_dets(lw: list[str], space: list[bool], j: int, end: int) -> int:
    """The first token from ``j`` (before ``end``) that is neither whitespace nor a determiner."""
    while j < end and (space[j] or lw[j] in _DETS):
        j += 1
    return j
_DEMONSTRATIVES = frozenset({"deze", "dit", "die", "dat"})
_FORMAT_SUFFIXES = tuple(REL["format_suffixes"])


def _target_meeting(doc, sent, meetings: list) -> object | None:
    """The meeting a participation sentence names as its object: ``deel aan de NAVO-top``,
    ``uitgenodigd voor de FMM``, ``naar NAVO-top in Brussel``; not one named in a clause of its
    own that says nothing of taking part (see ``_in_quiet_clause``)."""
    lw, space = lowers(doc), spaces(doc)
    for m in meetings:
        j, w = _prev_word(lw, space, m.start, sent.start, _DETS)
        if w in _SETS_REL["target_prepositions"] and not _in_quiet_clause(doc, sent, j, m.end):
            return m
    return None


_CLAUSE_OPENERS = frozenset({"die", "dat", "welke", "wat"}) | _SETS_REL["subordinators"]
_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")"})
_GOING = frozenset(REL["participation_words"]) | _SETS_REL["travel_words"]


def _in_quiet_clause(doc, sent, j: int, end: int) -> bool:
    """The words from token ``j`` to ``end`` stand in a relative or subordinate clause (``de
    afspraak die in 2014 op de top in Wales werd gemaakt``, ``omdat op de top ...``) that says
    nothing of taking part or going: a meeting named there is not the one the main clause's
    person attends. A sentence's first ``Dat``/``Die`` is a demonstrative, no opener."""
    lw = lowers(doc)
    for i in range(j - 1, sent.start - 1, -1):
        w = lw[i]
        if w in _CLAUSE_MARKS:
            return False
        if w in _CLAUSE_OPENERS or (w.startswith("waar") and len(w) > 6):
            if w in ("die", "dat", "wat") and not any(not t.isspace() for t in lw[sent.start:i]):
                return False
            if w in _SETS_REL["subordinators"] and _prev_word(lw, spaces(doc), i, sent.start)[1] not in (",", ""):
                return False  # "neemt nu deel aan de top": an adverb, no clause of its own
            stop = next((k for k in range(end, sent.end) if lw[k] in _CLAUSE_MARKS), sent.end)
            words = word_set(doc, i, stop)
            return words.isdisjoint(_GOING) and not has_trigger(words, (), REL["participation_pairs"])
    return False


def _travels_to(doc, sent, meetings: list) -> object | None:
    """``Rutte, Blok en Bijleveld naar NAVO-top in Brussel``: persons going to a meeting."""
    lw, space = lowers(doc), spaces(doc)
    words = word_set(doc, sent.start, sent.end)
    if "naar" not in words or not words.isdisjoint(_SETS_REL["travel_blockers"]):
        return None
    for m in meetings:
        j, w = _prev_word(lw, space, m.start, sent.start, _DETS)
        if w == "naar" and any(s.start < j for s in spans_in(doc, sent.start, j, ("Person", "Minister"))):
            return m
    return None


def _goes_to_the_meeting(doc, sent) -> bool:
    """``reist naar Ankara voor de NAVO-top``: the document's meeting as the goal of a journey."""
    lw, space = lowers(doc), spaces(doc)
    whole = _whole_words(doc)
    for i in range(sent.start, sent.end):
        if lw[i].rstrip(".") in whole:
            j, w = _prev_word(lw, space, i, sent.start, _DETS)
            if w in ("voor", "naar") and lw[j - 1:j] != ["ter"]:
                return True
    return False


def _has_pair(toks: list[str], pairs) -> bool:
    return any(toks[i:i + len(p)] == list(p) for p in pairs for i in range(len(toks)))


_GATHERING_SUFFIXES = tuple(REL["gathering_nouns"]) + ("bijeenkomst", "diner", "lunch", "sessie")
_WHOLE = {cls: frozenset(ws) for cls, ws in REL["whole_meeting_words"].items()}
_MEETING_KIND_WORDS = frozenset().union(*_WHOLE.values())
_MEETING_WORDS = _MEETING_KIND_WORDS | _SETS_REL["gathering_nouns"]


def _whole_words(doc) -> frozenset:
    """The words that name the document's main meeting as a whole, by its class."""
    ev = doc.user_data.get("kg_events") or {}
    main = ev.get("main")
    return _WHOLE.get(ev["meetings"][main]["cls"], frozenset()) if main else frozenset()


def _names_other_kind(lw: list[str], sent, whole_words: frozenset) -> bool:
    """``de top`` in a letter about a ministerial: a meeting of another kind is meant."""
    others = _MEETING_KIND_WORDS - whole_words
    # ("top." is one token where the tokenizer takes it for an abbreviation)
    return any(lw[i].rstrip(".") in others and lw[i - 1] in _DETS for i in range(sent.start + 1, sent.end))


def _gathering_ref(lw: list[str], sent, whole_words: frozenset = frozenset()) -> tuple[bool, bool, bool]:
    """(a meeting-wide reference, a session reference, a new gathering) in the sentence:
    ``aan alle sessies``/``deze top``; ``deze sessie``/``de vergadering``; ``een werkdiner``,
    ``een ISAF-bijeenkomst``."""
    whole = session = gathering = False
    toks = lw[sent.start:sent.end]
    if "alle" in toks and _has_pair(toks, REL["all_sessions"]):
        whole = True
    for k, w in enumerate(toks):
        w = w.rstrip(".")  # "top." at a sentence's end is one token
        if w not in _MEETING_WORDS and not w.endswith(_GATHERING_SUFFIXES):
            continue
        head = w.rsplit("-", 1)[-1]
        det = next((toks[j] for j in range(k - 1, max(-1, k - 3), -1) if toks[j] in _DETS), None)
        if w in whole_words and det in _DETS - {"een"}:
            whole = True
        elif (w in _SETS_REL["gathering_nouns"] or head in _SETS_REL["gathering_nouns"]
              or w.endswith(_GATHERING_SUFFIXES)):
            if det == "een" or ("-" in w and det != "deze"):
                gathering = True
            elif det is not None or (k + 1 < len(toks) and toks[k + 1] in ("waaraan", "waarbij", "waarop", "waar")):
                session = True
        elif w in whole_words and k + 1 < len(toks) and toks[k + 1] in ("waaraan", "waarbij", "waarop"):
            whole = True
    return whole, session, gathering


def _main_in_paragraph(doc, ev: dict, sent) -> bool:
    """The main meeting is named earlier in the paragraph of ``sent``."""
    main = ev.get("main")
    text = doc_text(doc)
    para = text.rfind("\n\n", 0, sent.start_char)
    for s, e in ev["meetings"][main]["mentions"]:
        if s < sent.start and doc[s].idx > para:
            return True
    return False


def _main_in_section(doc, ev: dict, sent) -> bool:
    """The main meeting is named earlier in the section of ``sent`` (since the last heading
    line) and no other meeting is named in its paragraph before it: a report's account of
    the meeting goes on past the paragraph that names it (``Op 24 maart kwamen ... bijeen.
    Minister-president X vertegenwoordigde Nederland.``)."""
    main = ev.get("main")
    text = doc_text(doc)
    at = sent.start_char
    para = text.rfind("\n\n", 0, at)
    head = max(((s, e) for s, e in ev.get("headings", ()) if e <= at), default=(0, 0), key=lambda h: h[1])
    section = head[1]
    named = in_head = False
    for key, rec in ev["meetings"].items():
        for s, _ in rec["mentions"]:
            c = doc[s].idx
            if c >= at:
                continue
            in_head = in_head or head[0] <= c < head[1]
            if key == main:
                named = named or c >= section
            elif c > para:
                return False
    if not named and not in_head and section:  # a heading that names the meeting by its kind ("Verloop van de top")
        words = text[head[0]:head[1]].lower().split()
        whole = _whole_words(doc)
        named = any(w.strip(".:,") in whole and words[k - 1] in _DETS for k, w in enumerate(words) if k)
    return named


def _other_object(doc, sent, ev: dict) -> bool:
    """The verb of attendance has an object that is not a meeting (``deel aan de missie``,
    ``aanwezig bij de oefening``) or a place that is not the meeting's (``aanwezig in
    Kyiv``): the sentence is about something else."""
    lw, space = lowers(doc), spaces(doc)
    end = _subordinate_start(lw, sent)  # "..., omdat premier X in eigen land bleef": not about the verb
    for i in range(sent.start, end - 1):
        if lw[i] not in _OBJECT_PREPOSITIONS:
            continue
        j = _past_dets(lw, space, i + 1, end)
        if j < end and lw[j][:1].isalpha() and lw[j] not in _MEETING_WORDS \
                and lw[j].rsplit("-", 1)[-1] not in _MEETING_WORDS:
            return True
    rec = ev["meetings"].get(ev.get("main"), {})
    places = [sp for sp in spans_in(doc, sent.start, end, ("Place", "Country"))
              if _prev_word(lw, space, sp.start, sent.start, _DETS)[1] == "in"]
    return any(sp.kb_id_ != rec.get("place") for sp in places)


_OBJECT_PREPOSITIONS = frozenset({"aan", "bij"})


# a relative clause set off by commas: ", dat op 19 mei het protocol ondertekende,"
_RELATIVE_ASIDE = re.compile(r",\s*(?:dat|die|wat|welke)\b[^,;:()]*,")
# the same, or one that runs to the end of the sentence, or an adverbial clause
# (``, waaraan X deelnam,``: a pronominal relative, the adverb ``waar`` + preposition)
_RELATIVE_CLAUSE = re.compile(r",\s*(?:dat|die|wat|welke|omdat|doordat|aangezien|hoewel|terwijl|nadat|zodat"
                              r"|waar(?:aan|bij|in|op|voor|tijdens))\b"
                              r"[^,;:()]*(?:,|[.!?]?\s*$)")


def _outside_main_dates(ctx: Context | None, ev: dict, sent, doc=None) -> bool:
    """The sentence is dated on a day outside the main meeting (another gathering)."""
    rec = ev["meetings"].get(ev.get("main"), {})
    if rec.get("start") is None:
        return False
    from kg.dates import find_dates
    text = span_text(ctx.doc if ctx is not None else doc, sent)
    asides = [m.span() for m in _RELATIVE_ASIDE.finditer(text)]
    for d in find_dates(text, rec["start"].year):
        if text[max(0, d.start_char - 6):d.start_char].rstrip().endswith("d.d."):
            continue  # the date of a cited press release or letter
        if any(a <= d.start_char < b for a, b in asides):
            continue  # "Montenegro, dat op 19 mei het protocol tekende, neemt deel": another event's date
        if d.is_day and d.year and not (rec["start"] <= d.start <= rec["end"]):
            return True
    return False


# a word every sentence of participation holds: a trigger, the verb of a pair ("nam ... deel"),
# the longest word of a phrase ("samen met"), a travel verb, "naar" or a verb of talking with
_PARTICIPATION_ANY = frozenset(REL["participation_words"]).union(
    (p[0] for p in REL["participation_pairs"]), (max(p, key=len) for p in REL["participation_phrases"]),
    REL["travel_words"], ("naar",), REL["conversation_verbs"], REL["talk_verbs"])
_MEMBER_SUBJECTS = [tuple(m.split()) for m in REL["member_subjects"]]


def _members_talk_with(doc, sent) -> int | None:
    """``Op 4 april spreken de ministers met de partners ...``: the token of ``met`` when the
    meeting's members (``de ministers``, ``de regeringsleiders``) talk with others, the
    verb, subject and ``met`` close together and no ``over``/``af`` between (``spraken over
    de gesprekken met Rusland``, ``spraken met Oekraïne af`` are not); else None."""
    lw, space = lowers(doc), spaces(doc)
    ns = [i for i in range(sent.start, sent.end) if not space[i]]
    toks = [lw[i] for i in ns]
    if not _SETS_REL["other_time_words"].isdisjoint(toks):
        return None  # "De ministers spreken later met X": not the gathering the text is at
    if _SETS_REL["talk_verbs"].isdisjoint(toks) or "met" not in toks or not _SETS_REL["talk_blockers"].isdisjoint(
            toks[:toks.index("met")]) or "af" in toks:
        return None
    m = toks.index("met")
    verb = max((k for k in range(m) if toks[k] in _SETS_REL["talk_verbs"]), default=None)
    subj = max((k + len(p) - 1 for p in _MEMBER_SUBJECTS for k in range(1, m)
                if tuple(toks[k:k + len(p)]) == p and toks[k - 1] in ("de", "alle")), default=None)
    if verb is None or subj is None or m - max(verb, subj) > 5:
        return None
    return ns[m]


def _council_meets_with(doc, ev: dict, sent) -> int | None:
    """``Daarna kwam de NAVO-Oekraïne Raad bijeen met de Oekraïense minister X``: the token of
    ``met`` when a council that is a session of the meeting is the one that meets (its name,
    the verb and ``met`` close together, nothing negated, no ``over``/``af``); the ones after
    ``met`` take part in that session. Else None."""
    bodies = {s.get("body") for s in ev.get("sessions", ()) if s.get("body")}
    if not bodies:
        return None
    lw, space = lowers(doc), spaces(doc)
    ns = [i for i in range(sent.start, sent.end) if not space[i]]
    toks = [lw[i] for i in ns]
    if "met" not in toks or "af" in toks or not _SETS_REL["other_time_words"].isdisjoint(toks):
        return None
    m = toks.index("met")
    if not _SETS_REL["talk_blockers"].isdisjoint(toks[:m]) or {"niet", "geen"} & set(toks[:m]):
        return None
    verb = max((k for k in range(m) if toks[k] in _SETS_REL["talk_verbs"]), default=None)
    ends = [ns.index(sp.end - 1) for sp in spans_in(doc, sent.start, ns[m], ("Organisation",))
            if sp.kb_id_ in bodies and sp.end - 1 in ns]
    if verb is None or not ends or m - max(verb, max(ends)) > 5:
        return None
    return ns[m]


def _participation(ctx: Context, ev: dict) -> None:
    """kg:participant from sentences of attendance and invitation; see ``_participants`` for
    who, and below for which meeting or session."""
    doc = ctx.doc
    main = ev.get("main")
    meeting_spans = [sp for sp in mentions(doc) if sp.label_ in ("Summit", "MinisterialMeeting")]
    lw = lowers(doc)
    for sent in sentences_with(doc, "events.participation_any", _PARTICIPATION_ANY):
        words = words_of(sent)
        triggered = has_trigger(words, REL["participation_words"], REL["participation_pairs"],
                                REL["participation_phrases"], sent) and not _together_only(doc, sent, words) \
            or _talks_during(doc, sent, words) or _members_talk_in_sitting(doc, sent, words)
        travels = not words.isdisjoint(_SETS_REL["travel_words"])
        met_at = None if triggered or "met" not in words or words.isdisjoint(_SETS_REL["talk_verbs"]) \
            else _members_talk_with(doc, sent) or _council_meets_with(doc, ev, sent)
        if not triggered and "naar" not in words and not travels and met_at is None:
            continue
        here = [m for m in meeting_spans if m.start >= sent.start and m.end <= sent.end]
        target = None
        if triggered:
            target = _target_meeting(doc, sent, here)
        elif here:
            target = _travels_to(doc, sent, here)
            if target is None and travels and words.isdisjoint(_SETS_REL["travel_blockers"]):
                target = _target_meeting(doc, sent, here)  # "reist naar Washington voor de NAVO-top"
        goes_to_main = (not triggered and target is None and travels and main is not None
                        and words.isdisjoint(_SETS_REL["travel_blockers"]) and _goes_to_the_meeting(doc, sent))
        journey = None if target is not None or goes_to_main else _journey_to_main_place(ctx, ev, sent, words)
        goes_to_main = goes_to_main or journey is not None
        present = _present_in_main_city(ctx, ev, sent, here) if triggered and target is None and not goes_to_main else None
        goes_to_main = goes_to_main or present is not None
        if not (triggered or target or goes_to_main or met_at is not None):
            continue
        clauses = _unhedged_clauses(doc, sent) if _hedged(words) else None
        if clauses == [] or _membership_invitation(words) or not here and _invitation_to_join(doc, sent, words):
            continue
        live = (_live_clauses(doc, sent) or [(sent.start, sent.end)]) if triggered and ";" in words \
            else [(sent.start, sent.end)]
        parties = [sp for sp in _participants(ctx, sent, set()) + _own_country_stated(doc, sent, words)
                   if any(a <= sp.start < b for a, b in live)]
        if clauses:  # "X neemt deel; het is naar verwachting ...": only the clause that says it
            parties = [sp for sp in parties if any(a <= sp.start < b for a, b in clauses)]
        if journey is not None:  # "Rutte en Blok reizen naar Vilnius": the persons who travel
            parties = [sp for sp in parties if sp.start < journey and sp.label_ in ("Person", "Minister")]
        if met_at is not None and not (target or goes_to_main):
            parties = [sp for sp in parties if sp.start > met_at]  # "spreken de ministers met X": X
        parties = [sp for sp in _outside_asides(doc, sent, parties) if sp.label_ != "Country" or not _in_place(doc, sp)]
        if present is not None:  # "Rutte, die in Madrid wordt vergezeld door X": the clause and whom it is on
            a, b, on = present
            parties = [sp for sp in _participants(ctx, sent, set()) if a <= sp.start < b or sp.start == on]
        if triggered and target is None and journey is None and present is None \
                and not has_trigger(words, REL["participation_words"], REL["participation_pairs"]):
            # "samen met X", "onder leiding van X": only X (not when they journey: "X, die samen met
            # Y naar Brussel was gekomen": X travels too)
            parties = _after_phrase(doc, sent, parties)
        undersigned = {} if words.isdisjoint(_UNDERSIGNED) else _undersigned(ctx, sent)
        parties = sorted(parties + [sp for sp, _ in undersigned.values()], key=lambda sp: sp.start)
        # a sentence run on from a signature block or a heading: only its last paragraph speaks
        # (the blank line that closes a heading is not one)
        text = doc_text(doc)
        cut = text.rfind("\n\n", sent.start_char, sent.start_char + len(text[sent.start_char:sent.end_char].rstrip()))
        if cut >= 0:
            parties = [sp for sp in parties if sp.start_char > cut]
        clause = _subordinate_start(lw, sent)  # "..., omdat premier X in eigen land bleef"
        parties = [sp for sp in parties if sp.start < clause]
        antecedent = _antecedent(ctx, sent)  # "Hij neemt deel aan ...": the one person named before
        if not parties and antecedent is None:
            continue
        # a heading run into its first sentence: the section starts after the heading
        prev = None if goes_to_main or target is not None or here else _antecedent_gathering(doc, ev, sent, meeting_spans)
        if not here and _points_back_beside(doc, lw, sent, meeting_spans):
            continue  # "Aansluitend op de top kwamen ... bijeen. Dat overleg ...": another gathering
        named = _one_meeting_named(lw, sent, prev, meeting_spans) if prev is not None else None
        if named is not None and not any(prev.start <= s_["span"][0] < prev.end and not s_.get("heading") for s_ in ev["sessions"]):
            dest = (named, "events.meeting_participant", None)  # "nam deel aan dit overleg": the one named before
        elif prev is not None:  # "Hieraan namen ... deel": the gathering of the sentence before
            dest = _destination(ctx, ev, prev, [m for m in meeting_spans if prev.start <= m.start and m.end <= prev.end],
                                None, prev.end_char - 1)
        else:
            # "Ook Japan en Australië namen deel": no object named, the letter's own meeting
            # (and the members talking with others: "kwamen de regeringsleiders bijeen met X")
            bare = "" if main is None or ev.get("concerns", main) != main else \
                "talk" if met_at is not None else "bare" if triggered and _bare(doc, live) else ""
            char = parties[-1].start_char if parties else sent.start_char
            dest = (main, "events.meeting_participant", None) if goes_to_main else \
                _destination(ctx, ev, sent, here, target, char, bare)
        if dest is None:
            continue
        key, rule, body = dest
        for sp in parties:
            for party in undersigned[sp.start][1] if sp.start in undersigned else (sp.kb_id_,):
                if party != body:
                    link(ctx, key, "kg:participant", party, sp, rule)
        if antecedent is not None and antecedent.kb_id_ not in {sp.kb_id_ for sp in parties} \
                and ensure(ctx, key) and ensure(ctx, antecedent.kb_id_):
            # the evidence is both sentences: the one that names the person and the one that says it
            ev_ = ctx.evidence(sent_of(doc, antecedent).start_char, sent.end_char, rule + "_pronoun")
            ctx.link(key, "kg:participant", antecedent.kb_id_, ev_)


_REPRESENTS = frozenset({"vertegenwoordigt", "vertegenwoordigde", "vertegenwoordigen", "vertegenwoordigden"})
_NOT_SUBJECT = frozenset({"in", "uit", "door", "van", "voor", "naar", "met", "over", "bij", "aan"})


def _own_country_stated(doc, sent, words: set[str]) -> list:
    """``Nederland werd vertegenwoordigd door X``, ``X vertegenwoordigde Nederland``, ``X nam
    namens Nederland deel``: the sender's own country, never listed at meetings otherwise, takes
    part where a sentence states it explicitly (the subject of ``vertegenwoordigd``, the object
    of ``vertegenwoordigde``, or after ``namens`` with a verb of taking part)."""
    if words.isdisjoint(_REPRESENTS | {"vertegenwoordigd", "namens"}):
        return []
    lw, space = lowers(doc), spaces(doc)
    out = []
    for sp in spans_in(doc, sent.start, sent.end, ("Country",)):
        if not _is_excluded(doc, sp.kb_id_):
            continue
        _, prev = _prev_word(lw, space, sp.start, sent.start)
        after = [lw[k] for k in range(sp.end, min(sent.end, sp.end + 14)) if not space[k]][:7]
        cut = next((n for n, w in enumerate(after) if not w[:1].isalnum()), len(after))
        if prev in _REPRESENTS or prev not in _NOT_SUBJECT and "vertegenwoordigd" in after[:cut] \
                or prev == "namens" and has_trigger(words, REL["participation_words"], REL["participation_pairs"]):
            out.append(sp)
    return out


def _present_in_main_city(ctx: Context, ev: dict, sent, here: list) -> tuple[int, int, int] | None:
    """``Rutte, die in Madrid wordt vergezeld door X en Y, ...``: a clause of taking part that
    places it ``in`` the city of the document's meeting, with no object of its own (``aan``,
    ``bij``, ``voor``), no other time and no hedge, in a document about that meeting, in a
    sentence dated inside it that names no other meeting (but in a clause of its own, see
    ``_in_quiet_clause``). (clause start, end, the token of the person a relative clause is
    on or -1), or None."""
    main = ev.get("main")
    rec = ev["meetings"].get(main, {})
    if not rec.get("place") or ev.get("concerns", main) != main or _outside_main_dates(ctx, ev, sent):
        return None
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    for m in here:
        if m.kb_id_ != main and not _in_quiet_clause(doc, sent, _prev_word(lw, space, m.start, sent.start, _DETS)[0], m.end):
            return None
    for sp in spans_in(doc, sent.start, sent.end, ("Place",)):
        if sp.kb_id_ != rec["place"] or _prev_word(lw, space, sp.start, sent.start)[1] != "in" \
                or any(m.start <= sp.start < m.end for m in here):  # "de top in Madrid": the meeting's own place
            continue
        a = sp.start
        while a > sent.start and lw[a - 1] not in (",", ";", ":"):
            a -= 1
        b = sp.end
        while b < sent.end and lw[b] not in (",", ";", ":"):
            b += 1
        words = word_set(doc, a, b)
        if not has_trigger(words, REL["participation_words"], REL["participation_pairs"]) \
                or not words.isdisjoint(_SETS_REL["participation_objects"]) \
                or not words.isdisjoint(_SETS_REL["other_time_words"]) or _hedged(words):
            return None
        first = next((i for i in range(a, b) if not space[i]), b)
        on = -1
        if lw[first] in ("die", "dat") and a > sent.start:  # a relative clause: the name before its comma
            j, _ = _prev_word(lw, space, a - 1, sent.start)
            on = next((p.start for p in spans_in(doc, sent.start, a, PARTY_CLASSES) if p.end == j + 1), -1)
        return a, b, on
    return None


# "samen met" says who goes along only with a verb of meeting, talking or travelling
_TOGETHER_VERBS = _SETS_REL["talk_verbs"] | _SETS_REL["conversation_verbs"] | _SETS_REL["travel_words"] | {
    "komen", "komt", "kwam", "kwamen"}
# ... or being there, when the sentence names the gathering ("is samen met X in Londen voor de top")
_BEING = frozenset({"is", "was", "zijn", "waren"})
# "in het midden van Slowakije", "in het noorden van X": a place, not a party
_REGION_NOUNS = frozenset({"midden", "noorden", "zuiden", "oosten", "westen", "centrum", "hart", "buurt"})


def _together_only(doc, sent, words: set[str]) -> bool:
    """A sentence whose only sign of taking part is ``samen met`` and no verb of meeting,
    talking or travelling (``De eenheid wordt samen met Duitsland ingezet``): working
    together, not attending."""
    if has_trigger(words, REL["participation_words"], REL["participation_pairs"]) or not words.isdisjoint(_TOGETHER_VERBS):
        return False
    if not words.isdisjoint(_BEING) and (not _SETS_REL["gathering_nouns"].isdisjoint(words) or any(
            sp.label_ in ("Summit", "MinisterialMeeting") for sp in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting")))):
        return False
    toks = words_in(doc, sent.start, sent.end)
    found = {tuple(p) for p in REL["participation_phrases"] for k in range(len(toks)) if toks[k:k + len(p)] == list(p)}
    return found == {("samen", "met")}


def _in_place(doc, sp) -> bool:
    """A country named as a place: ``in Polen``, ``in het midden van Slowakije``."""
    lw, space = lowers(doc), spaces(doc)
    prev = [lw[i] for i in range(max(0, sp.start - 6), sp.start) if not space[i]][-4:]
    if prev[-1:] == ["in"]:
        return True
    return len(prev) >= 4 and prev[-1] == "van" and prev[-2] in _REGION_NOUNS and prev[-4] in ("in", "op", "naar")


def _talks_during(doc, sent, words: set[str]) -> bool:
    """``Tijdens de NAVO-Oekraïne Commissie spreken de ministers met minister X``: whom the
    ministers speak with during a session or meeting takes part in it."""
    if "met" not in words or "tijdens" not in words or words.isdisjoint(_SETS_REL["conversation_verbs"]):
        return False
    lw, space = lowers(doc), spaces(doc)
    starts = {sp.start: sp for sp in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting", "Organisation"))}
    for i in range(sent.start, sent.end - 1):
        if lw[i] != "tijdens":
            continue
        j = _past_dets(lw, space, i + 1, sent.end)
        sp = starts.get(j)
        if sp is not None and (sp.label_ != "Organisation" or _is_forum(doc, sp.kb_id_)):
            return True
        if j < sent.end and (lw[j].rstrip(".") in _MEETING_WORDS or lw[j].rsplit("-", 1)[-1] in _MEETING_WORDS):
            return True
    return False


def _sent_starts(doc) -> list[int]:
    """The first token of each sentence, worked out once per doc."""
    return memo(doc, "events.sent_starts", lambda: [s.start for s in sents(doc)])


def _membership_invitation(words: set[str]) -> bool:
    """``werden Finland en Zweden uitgenodigd lid te worden``: invited to join the alliance,
    not to the meeting (unless another word of attendance says so)."""
    return not words.isdisjoint(_SETS_REL["membership_words"]) and \
        words.isdisjoint(_SETS_REL["participation_words"] - _SETS_REL["invitation_words"]) and \
        not any(p[0] in words and p[1] in words for p in REL["participation_pairs"] if p[0] not in _SETS_REL["invitation_words"])


def _invitation_to_join(doc, sent, words: set[str]) -> bool:
    """A sentence naming no meeting whose only sign of taking part is an invitation, when the
    invitation is ``de uitnodiging van X`` (whose aim it does not say) or the sentence before
    in the paragraph speaks of accession (``... hopen een uitnodiging voor toetredingsgesprekken
    te ontvangen. Het kabinet steunt de uitnodiging van X``): an invitation to join, not to attend."""
    if words.isdisjoint(_SETS_REL["invitation_words"]) or not _SETS_REL["gathering_nouns"].isdisjoint(words) or \
            not words.isdisjoint(_SETS_REL["participation_words"] - _SETS_REL["invitation_words"]) or \
            any(p[0] in words and p[1] in words for p in REL["participation_pairs"] if p[0] not in _SETS_REL["invitation_words"]):
        return False
    toks = words_in(doc, sent.start, sent.end)
    if any(a == "uitnodiging" and b == "van" for a, b in zip(toks, toks[1:])):
        return True
    prev = _prev_in_paragraph(doc, sent)
    return prev is not None and _membership_invitation(words_of(prev))


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


def _antecedent(ctx: Context, sent):
    """``Hij``/``Zij`` (one person) opening a sentence: the one person the previous sentence of
    the paragraph names, or None when it names none or several."""
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    i = sent.start
    while i < sent.end and space[i]:
        i += 1
    if i + 1 >= sent.end or lw[i] not in _SETS_REL["singular_pronouns"]:
        return None
    if lw[i] != "hij" and lw[i + 1] not in _SETS_REL["singular_verbs"]:
        return None  # "Zij namen deel": the allies, not one person
    from bisect import bisect_left
    all_sents = sents(doc)
    k = bisect_left(_sent_starts(doc), sent.start)
    if k == 0 or k >= len(all_sents) or all_sents[k].start != sent.start:
        return None
    prev = all_sents[k - 1]
    if "\n\n" in doc_text(doc)[prev.end_char:doc[i].idx]:
        return None  # a new paragraph (its blank line may open the sentence): no antecedent across it
    if not word_set(doc, prev.start, prev.end).isdisjoint(_SETS_REL["person_pronouns"]):
        return None  # "Daar ontmoet hij X. Hij neemt deel": the one speaking of is someone else
    people = spans_in(doc, prev.start, prev.end, ("Person", "Minister"))
    return people[0] if len({sp.kb_id_ for sp in people}) == 1 else None


def _live_clauses(doc, sent) -> list[tuple[int, int]]:
    """The ``;``-separated clauses of ``sent`` (token ranges) that speak of taking part:
    ``X en Y namen deel; Z gaf een persconferentie`` (Z takes no part by this sentence)."""
    lw = lowers(doc)
    out, a = [], sent.start
    for i in range(sent.start, sent.end + 1):
        if i == sent.end or lw[i] == ";":
            words = word_set(doc, a, i)
            if has_trigger(words, REL["participation_words"], REL["participation_pairs"],
                           REL["participation_phrases"], doc[a:i]):
                out.append((a, i))
            a = i + 1
    return out


def _bare(doc, live: list[tuple[int, int]]) -> bool:
    """Clauses that take part with no object (``X namen deel``, ``Y was aanwezig``): no
    ``aan``/``bij``/``voor`` (but ``voor het eerst``) names what they take part in."""
    lw = lowers(doc)
    if not all(has_trigger(word_set(doc, a, b), REL["participation_words"], REL["participation_pairs"]) for a, b in live):
        return False
    for a, b in live:
        for i in range(a, b):
            if lw[i] in _SETS_REL["participation_objects"] and not (lw[i] == "voor" and lw[i + 1:i + 3] == ["het", "eerst"]):
                return False
    return True


def _outside_asides(doc, sent, parties: list) -> list:
    """Less the parties named in a relative or adverbial clause that says nothing of taking
    part (``Y, die eerder X was opgevolgd``, ``Y, omdat X thuisbleef``): the clause is about
    another event. When only such a clause speaks of taking part (``X, die voor het eerst
    een top bijwoonde, bevestigde dat Y ...``), only its antecedent and the names in it do."""
    text = span_text(doc, sent)
    if "," not in text:
        return parties
    quiet, loud = [], []
    pronoun = False  # "..., waaraan hij deelnam": the person the pronoun stands for takes part too
    for m in _RELATIVE_CLAUSE.finditer(text):
        words = set(re.findall(r"[\w-]+", m.group().lower()))
        rng = (sent.start_char + m.start(), sent.start_char + m.end())
        is_loud = has_trigger(words, REL["participation_words"], REL["participation_pairs"])
        (loud if is_loud else quiet).append(rng)
        pronoun = pronoun or is_loud and not words.isdisjoint(_SETS_REL["singular_pronouns"])
    out = [sp for sp in parties if not any(a <= sp.start_char < b for a, b in quiet)]
    if loud:
        rest = text
        for a, b in loud:
            rest = rest[:a - sent.start_char] + " " * (b - a) + rest[b - sent.start_char:]
        if not has_trigger(set(re.findall(r"[\w-]+", rest.lower())), REL["participation_words"],
                           REL["participation_pairs"], REL["participation_phrases"]):
            doc_txt = doc_text(doc)
            people = {sp.kb_id_ for sp in out if sp.label_ in ("Person", "Minister")}
            out = [sp for sp in out if any(a <= sp.start_char < b or sp.end_char <= a and not doc_txt[sp.end_char:a].strip()
                                           for a, b in loud)
                   or pronoun and len(people) == 1 and sp.kb_id_ in people]
    return out


def _after_phrase(doc, sent, parties: list) -> list:
    """A sentence that speaks of taking part only by a phrase (``samen met``, ``onder leiding
    van``) names as taking part those after the phrase, not the subject (``X ondertekende
    samen met Y een verklaring``: X only signed)."""
    toks = words_in(doc, sent.start, sent.end)
    ns = list(compress(range(sent.start, sent.end), is_word(doc)[sent.start:sent.end]))  # toks[k] is token ns[k]
    starts = [ns[k + len(p) - 1] for p in REL["participation_phrases"] for k in range(len(toks))
              if toks[k:k + len(p)] == list(p)]
    if not starts:  # taken part in by another sign ("tijdens de sessie spreken ... met X")
        return parties
    return [sp for sp in parties if sp.start > min(starts)]


def _prev_in_paragraph(doc, sent) -> object | None:
    """The sentence before ``sent`` when it stands in the same paragraph."""
    from bisect import bisect_right
    all_sents = sents(doc)
    k = bisect_right(_sent_starts(doc), sent.start) - 1
    if k <= 0:
        return None
    prev = all_sents[k - 1]
    return prev if same_paragraph(doc, prev, sent) else None


def _demonstrative_gathering(lw: list[str], sent) -> bool:
    """``aan deze sessie``, ``voor deze bijeenkomst``: a gathering the text has just named."""
    return any(lw[i] in _DEMONSTRATIVES and lw[i + 1] in _SETS_REL["gathering_nouns"]
               for i in range(sent.start, sent.end - 1))


_MEETING_DEMONSTRATED = frozenset({"overleg", "bijeenkomst", "vergadering"}) | _MEETING_KIND_WORDS


# "aansluitend op de NAVO-bijeenkomst kwamen ... bijeen": the meeting only tells when another gathering was
_BESIDE = frozenset(_SETS_REL["outside_meeting_words"]) | {"aansluitend", "aansluiting"}
_CONVENE = frozenset({"bijeen", "samen", "vergaderden", "vergaderde", "overlegden", "overlegde"})
_GATHERING_HEADS = tuple(_MEETING_DEMONSTRATED | {"top", "ministeriële", "vergadering"})


def _beside_meetings(lw: list[str], sent, meeting_spans: list) -> bool:
    """Does ``sent`` place a gathering before or after a meeting it names (``Aansluitend op de
    NAVO-bijeenkomst kwamen de ministers van de coalitie bijeen``, ``Voorafgaand aan de top``)?
    Then it introduces another gathering, and a demonstrative after it (``Dat overleg``) points
    at that one, not at the meeting."""
    starts = {m.start for m in meeting_spans if sent.start <= m.start and m.end <= sent.end}
    for i in range(sent.start, sent.end):
        if lw[i] in _BESIDE:
            for j in range(i + 1, min(i + 5, sent.end)):
                if j in starts or lw[j].endswith(_GATHERING_HEADS):
                    return True
    return False


def _points_back_beside(doc, lw: list[str], sent, meeting_spans: list) -> bool:
    """Does ``sent`` point back (``dat overleg``, ``hieraan``) at a gathering the sentence before
    placed beside a meeting (``_beside_meetings``)? Then it is about that other gathering."""
    if not (_demonstrative_gathering(lw, sent) or not _SETS_REL["anaphoric_adverbs"].isdisjoint(lw[sent.start:sent.end])
            or any(lw[i] in _DEMONSTRATIVES and lw[i + 1] in _MEETING_DEMONSTRATED for i in range(sent.start, sent.end - 1))):
        return False
    prev = _prev_in_paragraph(doc, sent)
    if prev is None or not _beside_meetings(lw, prev, meeting_spans):
        return False
    # the sentence before must bring people together ("kwamen ... bijeen", "een overleg"): a
    # ceremony before the meeting ("werd een vlaggenceremonie gehouden. X nam deel aan deze
    # bijeenkomst") leaves the demonstrative to the meeting
    nouns = {lw[i + 1] for i in range(sent.start, sent.end - 1) if lw[i] in _DEMONSTRATIVES}
    return not (_CONVENE | nouns).isdisjoint(lw[prev.start:prev.end])


def _one_meeting_named(lw: list[str], sent, prev, meeting_spans: list) -> str | None:
    """``Op 14 april kwamen de ministers in Berlijn bijeen. X nam deel aan dit overleg``: the
    one meeting the sentence before names, when ``dit``/``deze`` points at a meeting (not at a
    session or a dinner) and that sentence names no other."""
    if not any(lw[i] in _DEMONSTRATIVES and lw[i + 1] in _MEETING_DEMONSTRATED for i in range(sent.start, sent.end - 1)):
        return None
    if _beside_meetings(lw, prev, meeting_spans):
        return None
    keys = {m.kb_id_ for m in meeting_spans if prev.start <= m.start and m.end <= prev.end}
    return next(iter(keys)) if len(keys) == 1 else None


def _antecedent_gathering(doc, ev: dict, sent, meeting_spans: list) -> object | None:
    """``Op 21 mei vond een bijeenkomst plaats ... Hieraan namen X en Y deel``: the sentence
    before, in the same paragraph, when the participation sentence points back at it with a
    pronominal adverb (``hieraan``, ``hiervoor``) and names no gathering itself, and that
    sentence names a meeting, a session or a gathering; or with ``deze sessie`` when that
    sentence introduces a session of its own (``een ISAF-bijeenkomst``)."""
    lw = lowers(doc)
    adverb = not _SETS_REL["anaphoric_adverbs"].isdisjoint(lw[sent.start:sent.end])
    demonstrative = not adverb and _demonstrative_gathering(lw, sent)
    if not (adverb or demonstrative):
        return None
    whole, session, gathering = _gathering_ref(lw, sent, _whole_words(doc))
    if whole or gathering or (adverb and session):
        return None
    prev = _prev_in_paragraph(doc, sent)
    if prev is None:
        return None
    introduces = any(prev.start <= s["span"][0] < prev.end and not s.get("heading") for s in ev["sessions"])
    if demonstrative:
        return prev if introduces or _one_meeting_named(lw, sent, prev, meeting_spans) else None
    if introduces or any(prev.start <= m.start and m.end <= prev.end for m in meeting_spans) \
            or any(_gathering_ref(lw, prev)):
        return prev
    return None


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


def _destination(ctx: Context, ev: dict, sent, here: list, target, char: int, bare: str = "") -> tuple | None:
    """(event key, rule, the session's own council) that a participation sentence is about:
    the meeting it names as object; the n-th session; the whole meeting (``alle sessies``,
    ``deze top``); the session whose section holds it (``deze sessie``, or nothing named); a
    gathering it introduces (``een werkdiner``) belongs to the meeting, not that session."""
    doc = ctx.doc
    main = ev.get("main")
    if target is not None:
        return target.kb_id_, "events.meeting_participant", None
    if not main:
        return None
    # a gathering before or after the meeting ("voorafgaand aan de top"), or on another day
    if not words_of(sent).isdisjoint(_SETS_REL["outside_meeting_words"]) or _outside_main_dates(ctx, ev, sent):
        return None
    ordinal = _ordinal_session(ev, sent)
    if ordinal is not None:  # "Bij de laatste sessie sloten ... aan"
        return ordinal["key"], "events.session_participant", ordinal.get("body")
    lw, whole_words = lowers(doc), _whole_words(doc)
    whole, session, gathering = _gathering_ref(lw, sent, whole_words)
    # "spraken de regeringsleiders in RS-formaat met ...": a gathering of its own
    gathering = gathering or any(w.endswith(_FORMAT_SUFFIXES) for w in lw[sent.start:sent.end])
    if any(m.kb_id_ != main for m in here) or _names_other_kind(lw, sent, whole_words):
        return None  # another meeting, not the object of the verb ("afspraken ... tijdens de top in Wales")
    if whole or (here and not session):
        return main, "events.meeting_participant", None
    scopes = _in_session_scope(ev, char)
    named = {sp.kb_id_ for sp in spans_in(doc, sent.start, sent.end, ("Organisation",))}
    for sess in scopes + ev["sessions"]:
        if sess.get("body") in named:  # "een bijeenkomst van de NATO-Ukraine Council": that session
            return sess["key"], "events.session_participant", sess["body"]
    for sess in ev["sessions"]:
        if not sess.get("heading") and sent.start <= sess["span"][0] < sent.end:
            return sess["key"], "events.session_participant", sess.get("body")  # "een ISAF-bijeenkomst met ..."
    if gathering:
        return main, "events.meeting_participant", None
    if not here and not words_of(sent).isdisjoint(_SETS_REL["talk_nouns"]) and _preparation_earlier_in_paragraph(doc, sent):
        return None  # "Bij het overleg waren ... aanwezig": the preparatory gathering the paragraph introduced
    if scopes:
        sess = scopes[-1]
        return sess["key"], "events.session_participant", sess.get("body")
    if session or here or _main_in_paragraph(doc, ev, sent) or _joins_the_members(doc, sent):
        return main, "events.meeting_participant", None
    # the letter's meeting by inference: no object named (``bare``: "namen deel", "talk": the
    # members talking with others), the sender's delegation, a paragraph about the meeting;
    # never with another object or place ("aanwezig in Kyiv") or another time ("vorig jaar")
    if _main_clause_words(doc, sent).isdisjoint(_SETS_REL["other_time_words"]) \
            and (bare == "talk" or not _other_object(doc, sent, ev)) \
            and not _other_meeting_before(doc, ev, sent) \
            and not _meeting_earlier_in_paragraph(doc, ev, sent, whole_words, elsewhere=True) \
            and (bare or _own_delegation(lw, sent) or _meeting_earlier_in_paragraph(doc, ev, sent, whole_words)):
        return main, "events.meeting_participant", None
    if (_main_in_section(doc, ev, sent) or _paragraph_on_main_day(ctx, ev, sent)) \
            and not _other_object(doc, sent, ev) and words_of(sent).isdisjoint(_SETS_REL["other_time_words"]):
        return main, "events.meeting_section_participant", None
    return None


def _preparation_earlier_in_paragraph(doc, sent) -> bool:
    """``X heeft in het Catshuis de voorbereidingen voor de top besproken. Bij het overleg waren
    ... aanwezig``: an earlier sentence of the paragraph tells of a gathering before or in
    preparation of the meeting, so ``het overleg``, ``de bespreking`` is that one."""
    prev = _prev_in_paragraph(doc, sent)
    while prev is not None:
        if not words_of(prev).isdisjoint(_SETS_REL["outside_meeting_words"]):
            return True
        prev = _prev_in_paragraph(doc, prev)
    return False


def _main_clause_words(doc, sent) -> set[str]:
    """The words of ``sent`` less those of its relative clauses (``Y, die eerder X was
    opgevolgd,``: "eerder" dates the succession, not the sentence)."""
    text = span_text(doc, sent).lower()
    if "," in text:
        text = _RELATIVE_CLAUSE.sub(" ", text)
    return set(re.findall(r"[\w-]+", text))


def _other_meeting_before(doc, ev: dict, sent) -> bool:
    """Another meeting is named earlier in the paragraph of ``sent`` (``Zoals eerder tijdens
    de NAVO-top in Vilnius ...``): what follows may be about that one."""
    text = doc_text(doc)
    para = text.rfind("\n\n", 0, sent.start_char + 1)
    return any(key != ev.get("main") and para < doc[s].idx < sent.start_char
               for key, rec in ev["meetings"].items() for s, _ in rec["mentions"])


def _own_delegation(lw: list[str], sent) -> bool:
    """``Nederland wordt vertegenwoordigd door ...``, ``leidde de Nederlandse delegatie``: the
    sender's own delegation, which goes to the meeting the letter is about."""
    words = set(lw[sent.start:sent.end])
    return not words.isdisjoint(_SETS_REL["own_country_labels"] | _SETS_REL["own_country_adjectives"]) \
        and not words.isdisjoint(_SETS_REL["own_delegation_words"])


def _meeting_earlier_in_paragraph(doc, ev: dict, sent, whole_words: frozenset, elsewhere: bool = False) -> bool:
    """``De bijeenkomst werd voorgezeten door X. De Verenigde Staten waren vertegenwoordigd door
    Y.``: an earlier sentence of the paragraph refers to the meeting (``de bijeenkomst``,
    ``deze top``), and none introduces another gathering, another meeting or another day.
    With ``elsewhere``: whether one does introduce such (``Op 2 mei vergaderden ...``)."""
    if not elsewhere and not has_trigger(words_of(sent), REL["participation_words"], REL["participation_pairs"]):
        return False  # "de groep onder leiding van X" says nothing of the meeting
    lw = lowers(doc)
    main = ev.get("main")
    found = False
    prev = _prev_in_paragraph(doc, sent)
    while prev is not None:
        cut = doc_text(doc).rfind("\n\n", prev.start_char, prev.end_char)
        if cut > prev.start_char + 2:  # a heading run into it: only what follows the blank line
            k = next((i for i in range(prev.start, prev.end) if doc[i].idx > cut), prev.end)
            prev, last = doc[k:prev.end], True
        else:
            last = False
        whole, session, gathering = _gathering_ref(lw, prev, whole_words)
        other = any(sp.label_ in ("Summit", "MinisterialMeeting") and sp.kb_id_ != main
                    for sp in spans_in(doc, prev.start, prev.end))
        if gathering or other or _names_other_kind(lw, prev, whole_words) or _outside_main_dates(None, ev, prev, doc) \
                or not words_of(prev).isdisjoint(_SETS_REL["outside_meeting_words"]) \
                or any(s["span"][0] >= prev.start and s["span"][0] < prev.end for s in ev["sessions"]):
            return elsewhere
        found = found or whole or session
        prev = None if last else _prev_in_paragraph(doc, prev)
    return False if elsewhere else found


def _sessions(ctx: Context, ev: dict) -> None:
    doc = ctx.doc
    main = ev.get("main")
    if not main:
        return
    for s in ev["sessions"]:
        ensure(ctx, s["key"])
        link(ctx, main, "kg:hasSession", s["key"], doc[s["span"][0]:s["span"][1]], "events.session_structure")


# ---------------------------------------------------------------- operations

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
            j = op.end
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
                    and not _served_by(lw, space, sp, sent.start):
                link(ctx, op.kb_id_, "kg:participant", sp.kb_id_, sp, "events.operation_participant")
        for key, tok in _adjective_parties(ctx, sent):
            if _country_entity(ctx, key):
                ctx.link(op.kb_id_, "kg:participant", key, ctx.sentence_evidence(tok, "events.operation_participant"))


# "de opleiding van het Afghaanse leger", "steun aan de Iraakse kustwacht": whom the mission serves
_SERVICE_NOUNS = frozenset({"opleiding", "opleidingen", "training", "trainingen", "begeleiding", "mentoring", "steun",
                            "ondersteuning", "advisering", "bescherming", "uitrusting", "bevoorrading", "versterking"})


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
    return any(w in _SERVICE_NOUNS and words[k + 1:k + 2] in (["van"], ["aan"]) for k, w in enumerate(words))


def _names_a_gathering(lw: list[str], op) -> bool:
    """``deze ISAF-bijeenkomst``: a meeting about the operation, not the operation itself."""
    return lw[op.end - 1].rsplit("-", 1)[-1] in _SETS_REL["gathering_nouns"]


def _located_by(doc, sp, ops) -> bool:
    """A name inside an operation's own name ("NAVO Missie Irak")."""
    return any(o.start <= sp.start and sp.end <= o.end for o in ops)


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


# ---------------------------------------------------------------- participation as news items state it

NEWS = json.loads(Path(__file__).with_name("participation_news.json").read_text(encoding="utf-8"))
_NEWS_SETS = {k: frozenset(v) for k, v in NEWS.items() if isinstance(v, list) and all(isinstance(x, str) for x in v)}
_JOURNEY_BLOCKERS = _SETS_REL["travel_blockers"] | _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"]
_SITTING_SUFFIXES = tuple(_NEWS_SETS["sitting_nouns"])  # "werksessie" ends in "sessie"


def _journey_to_main_place(ctx: Context, ev: dict, sent, words: set[str]) -> int | None:
    """``Rutte en Blok reizen dinsdag naar Vilnius``, ``Rutte, die naar Brussel was gekomen``:
    persons who journey to the city of the document's meeting go to that meeting. The token of
    ``naar``, or None when the sentence names another meeting, another time or another goal."""
    rec = ev["meetings"].get(ev.get("main"), {})
    if "naar" not in words or not rec.get("place") or words.isdisjoint(_NEWS_SETS["journey_words"]) \
            or not words.isdisjoint(_JOURNEY_BLOCKERS):
        return None
    doc = ctx.doc
    if any(sp.kb_id_ != ev["main"] for sp in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))) \
            or _outside_main_dates(ctx, ev, sent):
        return None
    lw, space = lowers(doc), spaces(doc)
    places = {sp.start: sp for sp in spans_in(doc, sent.start, sent.end, ("Place",))}
    for i in range(sent.start, sent.end - 1):
        if lw[i] == "naar":
            j = _past_dets(lw, space, i + 1, sent.end)
            sp = places.get(j)
            if sp is not None and sp.kb_id_ == rec["place"] and not _other_purpose(lw, space, sp.end, sent.end):
                return i
    return None


def _other_purpose(lw: list[str], space: list[bool], k: int, end: int) -> bool:
    """``naar Washington voor een bezoek aan ...``, ``om te spreken met ...``: the journey has a
    purpose of its own, not the meeting (``voor de NAVO-top`` is the meeting)."""
    while k < end and space[k]:
        k += 1
    if k >= end or lw[k] not in ("voor", "om"):
        return False
    k = _past_dets(lw, space, k + 1, end)
    return k >= end or (lw[k].rstrip(".") not in _MEETING_WORDS and lw[k].rsplit("-", 1)[-1] not in _MEETING_WORDS)


def _unhedged_clauses(doc, sent) -> list[tuple[int, int]]:
    """The clauses (token ranges, split at ``;``) of a sentence with a hedge word that state
    attendance without a hedge, counting no hedge of a relative clause about a name that does
    not itself hold the verb (``Zweden, waarvan de toetreding nog niet is afgerond, neemt als
    genodigde deel``). Empty when every such clause is hedged, or a hedged clause points back
    at the one before (``; dat is nog niet bevestigd``)."""
    lw = lowers(doc)
    cuts = [sent.start] + [i + 1 for i in range(sent.start, sent.end) if lw[i] == ";"] + [sent.end]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        opener = next((w for w in lw[a:b] if not w.isspace()), "")
        if a > sent.start and opener in _NEWS_SETS["back_pointers"] and _hedged(set(lw[a:b])):
            return []
        main: set[str] = set()
        hedged = False
        i = a
        while i < b:
            if lw[i] == "," and next((w for w in lw[i + 1:b] if not w.isspace()), "") in _NEWS_SETS["relative_pronouns"]:
                k = i + 1
                while k < b and lw[k] != ",":
                    k += 1
                rel = set(lw[i + 1:k])
                if has_trigger(rel, REL["participation_words"], REL["participation_pairs"]):
                    hedged = hedged or _hedged(rel)  # "Zelensky, die mogelijk aanwezig is, ..."
                    main |= rel
                i = k
                continue
            main.add(lw[i])
            i += 1
        if has_trigger(main, REL["participation_words"], REL["participation_pairs"]) and not hedged \
                and not _hedged(main):
            out.append((a, b))
    return out


def _joins_the_members(doc, sent) -> bool:
    """``schoof aan bij de ministers``, ``sloot aan bij de regeringsleiders``: the members of the
    meeting as the object of the verb stand for the meeting; not the ministers of another body
    (``bij de ministers van de EU``), nor agreeing with them (``sluit zich aan bij``)."""
    lw, space = lowers(doc), spaces(doc)
    if "zich" in lw[sent.start:sent.end]:
        return False
    for i in range(sent.start, sent.end - 2):
        if lw[i] != "bij":
            continue
        j = _past_dets(lw, space, i + 1, sent.end)
        if j == i + 1 or j >= sent.end or lw[j] not in _NEWS_SETS["member_nouns"]:
            continue
        k = j + 1
        while k < sent.end and space[k]:
            k += 1
        if k < sent.end and lw[k] == "van":
            k = _past_dets(lw, space, k + 1, sent.end)
            other = [sp for sp in spans_in(doc, k, sent.end, ("Organisation", "Country")) if sp.start == k]
            if other and not _is_excluded(doc, other[0].kb_id_):
                continue
        return True
    return False


def _paragraph_on_main_day(ctx: Context, ev: dict, sent) -> bool:
    """``De regeringsleiders hebben op 4 december in Watford ... aangenomen. Minister-president X
    vertegenwoordigde Nederland.``: a paragraph that dates what it tells on a day of the main
    meeting (and names no other meeting, nor another day) speaks of that meeting."""
    rec = ev["meetings"].get(ev.get("main"), {})
    if rec.get("start") is None:
        return False
    doc = ctx.doc
    text = doc_text(doc)
    body = sent.start_char + len(text[sent.start_char:sent.end_char]) - len(text[sent.start_char:sent.end_char].lstrip())
    para = text.rfind("\n\n", 0, body) + 1  # (a sentence that opens a paragraph starts with its blank line)
    for key, r in ev["meetings"].items():
        if key != ev["main"] and any(para <= doc[s].idx < sent.end_char for s, _ in r["mentions"]):
            return False
    from kg.dates import find_dates
    days = [d for d in find_dates(text[para:sent.end_char], rec["start"].year) if d.is_day and d.start]
    return bool(days) and all(rec["start"] <= d.start and (d.end or d.start) <= rec["end"] for d in days)


def _members_talk_in_sitting(doc, sent, words: set[str]) -> bool:
    """``In een aparte sessie spraken de ministers met Georgië en Moldavië``: in a sitting of
    the meeting its members (``de ministers``, ``de regeringsleiders``) speak with whom sits at
    the table. Not anyone speaking with someone (``sprak Rutte met X``): the members must be the
    subject, right after the verb or before it."""
    if "met" not in words or "in" not in words or words.isdisjoint(_SETS_REL["conversation_verbs"]) \
            or words.isdisjoint(_NEWS_SETS["member_nouns"]):
        return False
    lw, space = lowers(doc), spaces(doc)
    toks = [i for i in range(sent.start, sent.end) if not space[i]]
    sitting = False
    for n, i in enumerate(toks[:-2]):
        if lw[i] == "in" and lw[toks[n + 1]] in _DETS:
            head = next((lw[k] for k in toks[n + 2:n + 4] if lw[k].endswith(_SITTING_SUFFIXES)), None)
            sitting = sitting or head is not None
    if not sitting:
        return False
    for n, i in enumerate(toks):
        if lw[i] in _SETS_REL["conversation_verbs"]:
            after = [lw[k] for k in toks[n + 1:n + 3]]
            before = [lw[k] for k in toks[max(0, n - 2):n]]
            if any(len(p) == 2 and p[0] in ("de", "alle") and p[1] in _NEWS_SETS["member_nouns"] for p in (after, before)):
                return True
    return False


_STATEMENT_ANY = frozenset(NEWS["statement_words"]).union(p[0] for p in NEWS["statement_pairs"])
_NEWS_VERBS = _STATEMENT_ANY | _NEWS_SETS["opening_words"]


def _news_verb_sentences(doc) -> list:
    """The sentences with a verb of saying or of opening, found in one scan of the document."""
    return memo(doc, "events.news_verbs", lambda: sentences_with(doc, "events.news_verbs", _NEWS_VERBS))


class _MainMeeting:
    """The document's meeting where a sentence names it by its kind alone (``tijdens de top``):
    the key and an empty token span, as a mention span would give them."""

    __slots__ = ("kb_id_", "start", "end")

    def __init__(self, key: str, start: int, end: int):
        self.kb_id_, self.start, self.end = key, start, end


_AUXILIARIES = frozenset({"heeft", "hebben", "had", "hadden", "zal", "zullen"})


def _object_pronoun(lw: list[str], space: list[bool], i: int, floor: int) -> bool:
    """``X heeft dat vandaag bekendgemaakt``: ``dat`` right after a finite auxiliary is the
    verb's object (what the sentence before said), not a clause of what is said."""
    return lw[i] == "dat" and _prev_word(lw, space, i, floor)[1] in _AUXILIARIES


def _statements_during(ctx: Context) -> None:
    """``Dat maakte minister X bekend tijdens de bijeenkomst van de NAVO-ministers``, ``Tijdens
    de top zei premier Y dat ...``: who announces or says something during a named meeting is
    there; so is who says it ``op`` the meeting (``zei Rutte op de NAVO-top``). Persons only,
    named in the clause of the verb, not in what is said (after ``dat``). A meeting named by its
    kind alone (``zei X tijdens de top``) is the document's own."""
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    main = (doc.user_data.get("kg_events") or {}).get("main")
    whole = _whole_words(doc) | _NEWS_SETS["sitting_nouns"] if main else frozenset()
    blockers = _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"] | _NEWS_SETS["other_forums"]
    for sent in _news_verb_sentences(doc):
        words = words_of(sent)
        if words.isdisjoint(("tijdens", "op")) or not has_trigger(words, NEWS["statement_words"], NEWS["statement_pairs"]) \
                or _hedged(words):
            continue
        named = spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))
        # no meeting named: "tijdens de top" is the document's own (no other time, no other kind)
        bare = not named and main is not None and words.isdisjoint(blockers) and not _names_other_kind(lw, sent, whole)
        if not named and not bare:
            continue
        first = next((i for i in range(sent.start, sent.end) if not space[i]), sent.end)
        # the clause of the main verb ends where what is said begins ("Dat" opening the sentence points back)
        end = next((i for i in range(first + 1, sent.end) if lw[i] in _NEWS_SETS["complementizers"]
                    and not _object_pronoun(lw, space, i, first)), sent.end)
        if not has_trigger(set(lw[first:end]), NEWS["statement_words"], NEWS["statement_pairs"]):
            continue
        meetings = {sp.start: sp for sp in spans_in(doc, first, end, ("Summit", "MinisterialMeeting"))}
        for t in range(first, end):
            if lw[t] not in ("tijdens", "op"):
                continue
            j = _past_dets(lw, space, t + 1, end)
            meeting = meetings.get(j)
            if meeting is None and bare and _names_meeting(lw, space, t + 1, end, whole):
                meeting = _MainMeeting(main, sent.end, sent.end)  # "tijdens de top": named by its kind
            if meeting is None:
                continue
            for sp in _participants(ctx, sent, set()):
                if sp.label_ in ("Person", "Minister") and sp.start < end and not meeting.start <= sp.start < meeting.end:
                    link(ctx, meeting.kb_id_, "kg:participant", sp.kb_id_, sp, "events.statement_participant")
            # "Tijdens de bijeenkomst ... heeft ondergetekende toegelicht dat ...": the letter's signatory
            undersigned = {} if words.isdisjoint(_UNDERSIGNED) else _undersigned(ctx, sent)
            for i, (sp, signers) in undersigned.items():
                if first <= i < end:
                    for key in signers:
                        link(ctx, meeting.kb_id_, "kg:participant", key, sp, "events.statement_participant")
            break


def _present_for_meeting(ctx: Context, ev: dict) -> None:
    """``Premier X is dinsdag en woensdag in Vilnius voor de NAVO-top``: a person who is in a
    meeting's city for that meeting takes part in it. The meeting is named after ``voor``
    (by name, or by its kind for the document's meeting) and the city is its own."""
    doc = ctx.doc
    cities = {r.get("place") for r in ev["meetings"].values()} - {None}
    at = {sent_of(doc, sp).start for sp in mentions(doc) if sp.label_ == "Place" and sp.kb_id_ in cities}
    if not at:
        return
    found = [s for s in sents(doc) if s.start in at]  # the sentences that name a meeting's city
    lw, space = lowers(doc), spaces(doc)
    whole = _whole_words(doc)
    for sent in found:
        words = words_of(sent)
        if "voor" not in words or "in" not in words or _hedged(words) \
                or not words.isdisjoint(_SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"]):
            continue
        toks = [i for i in range(sent.start, sent.end) if not space[i]]
        places = {sp.start: sp for sp in spans_in(doc, sent.start, sent.end, ("Place",))}
        meetings = {sp.start: sp for sp in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))}
        for n, i in enumerate(toks[:-3]):
            place = places.get(toks[n + 1]) if lw[i] == "in" else None
            if place is None:
                continue
            m = next((k for k, t in enumerate(toks) if t >= place.end), None)
            if m is None or lw[toks[m]] != "voor":
                continue
            m += 1
            while m < len(toks) and lw[toks[m]] in _DETS:
                m += 1
            named = meetings.get(toks[m]) if m < len(toks) else None
            key = named.kb_id_ if named is not None else \
                ev.get("main") if m < len(toks) and lw[toks[m]].rstrip(".") in whole and lw[toks[m - 1]] in _DETS else None
            if key is None or ev["meetings"].get(key, {}).get("place") != place.kb_id_:
                continue
            verb = next((t for t in toks[:n] if lw[t] in _NEWS_SETS["presence_verbs"]), None)
            if verb is None or any(lw[t] in _NEWS_SETS["complementizers"] or lw[t] == "," for t in toks[:n] if t > verb):
                continue
            for sp in _participants(ctx, sent, set()):
                if sp.label_ in ("Person", "Minister") and sp.end <= i \
                        and not any(lw[t] in _NEWS_SETS["complementizers"] for t in range(sp.end, i)):
                    link(ctx, key, "kg:participant", sp.kb_id_, sp, "events.presence_participant")
            break


def _openers(ctx: Context, ev: dict) -> None:
    """``Premier X, die als gastheer de top opende, ...``, ``X opende de bijeenkomst``, ``de top
    werd geopend door X``: the person who opens the document's meeting (named by its kind
    right next to the verb) takes part in it."""
    doc, main = ctx.doc, ev.get("main")
    found = _news_verb_sentences(doc) if main else []
    if not found:
        return
    lw, space = lowers(doc), spaces(doc)
    whole = _whole_words(doc) | _NEWS_SETS["sitting_nouns"]
    for sent in found:
        words = words_of(sent)
        if words.isdisjoint(_NEWS_SETS["opening_words"]) or _hedged(words) or not words.isdisjoint(_SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"]) \
                or any(m.kb_id_ != main for m in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))):
            continue
        toks = [i for i in range(sent.start, sent.end) if not space[i]]
        persons = spans_in(doc, sent.start, sent.end, ("Person", "Minister"))
        for n, v in enumerate(toks):
            if lw[v] not in _NEWS_SETS["opening_words"]:
                continue
            near = [lw[k].rstrip(".") for k in toks[max(0, n - 3):n + 3]]
            if not any(w in whole and near[k - 1] in _DETS for k, w in enumerate(near) if k):
                continue
            comma = next((toks[m] for m in range(n - 1, -1, -1) if lw[toks[m]] == ","), None)
            if comma is not None and lw[toks[toks.index(comma) + 1]] == "die":  # ", die ... opende": whom it is about
                who = [p for p in persons if p.end <= comma and all(space[k] for k in range(p.end, comma))]
            elif lw[v] == "geopend":  # "werd geopend door X"
                door = next((k for k in toks[n + 1:n + 3] if lw[k] == "door"), None)
                who = [p for p in persons if door is not None and door < p.start <= door + 6][:1]
            else:  # "X opende de top": the subject before the verb, in the same clause
                start = comma + 1 if comma is not None else sent.start
                who = [p for p in persons if start <= p.start and p.end <= v]
                if not who and comma is None:  # "Hij opende de top": the one person named before
                    ante = _antecedent(ctx, sent)
                    who = [ante] if ante is not None and lw[toks[0]] in _SETS_REL["singular_pronouns"] else []
            for p in who:
                link(ctx, main, "kg:participant", p.kb_id_, p, "events.opener_participant")


_ACT_WORDS = _NEWS_SETS["host_nouns"] | _NEWS_SETS["chair_verbs"] | _NEWS_SETS["chair_separable"] \
    | _NEWS_SETS["leave_verbs"] | _NEWS_SETS["first_last"] | frozenset({"woord", "voorzitterschap", "erbij"}) \
    | _NEWS_SETS["sitting_with_verbs"]
_CLAUSE_EDGES = frozenset({",", ";", ":", "(", ")"}) | _NEWS_SETS["complementizers"] | _SETS_REL["subordinators"] \
    | frozenset({"waarna", "waarop", "waarbij"})
_PRESENCE_OR_BECOMING = _NEWS_SETS["presence_verbs"] | frozenset({"wordt", "werd"})


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


def _names_meeting(lw: list[str], space: list[bool], j: int, end: int, words: frozenset) -> bool:
    """Does a determiner and then a word of ``words`` (the meeting as a whole, or a sitting of
    it) stand at token ``j`` (``de top``, ``de bijeenkomst``)?"""
    while j < end and space[j]:
        j += 1
    if j >= end or lw[j] not in _DETS:
        return False
    j += 1
    while j < end and space[j]:
        j += 1
    return j < end and (lw[j].rstrip(".") in words or lw[j].rstrip(".").endswith("sessie"))  # "de slotsessie"


def _act_performers(ctx: Context, sent, a: int, b: int, persons: list):
    """Who performs the act of the clause [a, b): the persons named in it; for ``, die ...``
    the person named right before the comma; for ``Hij``/``Zij`` opening the sentence the one
    person of the sentence before (``_antecedent``)."""
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    first = next((k for k in range(a, b) if not space[k]), b)
    if first < b and lw[first] in _NEWS_SETS["relative_pronouns"] and a > sent.start and lw[a - 1] == ",":
        comma = a - 1
        return [p for p in persons if p.end <= comma and all(space[k] for k in range(p.end, comma))]
    inside = [p for p in persons if a <= p.start and p.end <= b]
    if inside:
        return inside
    subject = _appositive_subject(doc, sent, a, persons)
    if subject is not None:
        return [subject]
    if first < b and lw[first] in _SETS_REL["singular_pronouns"] and a == sent.start:
        ante = _antecedent(ctx, sent)
        return [ante] if ante is not None else []
    return []


def _appositive_subject(doc, sent, a: int, persons: list):
    """``De Amerikaanse minister van Buitenlandse Zaken, Mike Pompeo, treedt op als gastheer``:
    the clause [a, ...) follows a name set off by commas after a title that opens the sentence
    (determiners, office words, capitalised words and ``van`` only, no verb): that name is the
    subject of the clause. None otherwise."""
    lw, space, tx = lowers(doc), spaces(doc), texts(doc)
    comma = a - 1
    while comma > sent.start and space[comma]:
        comma -= 1
    if comma <= sent.start or lw[comma] != ",":
        return None
    name = next((p for p in persons if p.end <= comma and all(space[k] for k in range(p.end, comma))), None)
    if name is None:
        return None
    k = name.start - 1
    while k > sent.start and space[k]:
        k -= 1
    if k <= sent.start or lw[k] != ",":
        return None
    title = [t for t in range(sent.start, k) if not space[t]]
    if not title or not any(lw[t] in _OFFICE_WORDS for t in title):
        return None
    ok = all(lw[t] in _DETS or lw[t] in _OFFICE_WORDS or lw[t] == "van" or tx[t][:1].isupper() for t in title)
    return name if ok else None


def _act_clause(lw: list[str], space: list[bool], sent, i: int, whole: frozenset) -> tuple[int, int] | None:
    """The clause of an act of taking part at token ``i``, or None when token ``i`` states none:
    ``gastheer`` (``van`` names the meeting, if anything), a verb of chairing or leaving with the
    meeting as its object, ``het woord`` with a verb of taking or holding it."""
    w = lw[i]
    a, b = _clause_at(lw, sent, i)
    if w in _NEWS_SETS["host_nouns"]:
        j = i + 1
        while j < b and (space[j] or lw[j] in _PRESENCE_OR_BECOMING):  # "gastheer was van ..."
            j += 1
        # "gastheer van een diner": of something else; "gastheer van de top": of the meeting
        return (a, b) if j >= b or lw[j] != "van" or _names_meeting(lw, space, j + 1, b, whole) else None
    if w in _NEWS_SETS["chair_verbs"] or w in _NEWS_SETS["leave_verbs"]:
        near = range(max(a, i - 4), min(b, i + 2))
        return (a, b) if any(_names_meeting(lw, space, k, b, whole) for k in near) else None
    if w in _NEWS_SETS["chair_separable"]:  # "zat de bijeenkomst voor", "zat X de top voor"
        for k in range(i + 1, b - 1):
            if (lw[k] in whole or lw[k].endswith("sessie")) and lw[k - 1] in _DETS \
                    and next((lw[t] for t in range(k + 1, b) if not space[t]), "") == "voor":
                return a, b
        return None
    if w == "erbij":  # "X en Y waren erbij.": present; not "erbij stil", "erbij gebaat"
        before = next((lw[k] for k in range(i - 1, a - 1, -1) if not space[k] and lw[k] not in ("ook", "allemaal")), "")
        after = next((lw[k] for k in range(i + 1, sent.end) if not space[k]), ".")
        if before not in _NEWS_SETS["presence_verbs"] or after not in (".", ",", ";", "!"):
            return None
        # the subject may be a list with commas: back to the clause's opening word, not the comma
        while a > sent.start and lw[a - 1] not in _CLAUSE_EDGES - {","}:
            a -= 1
        return a, b
    if w == "woord" and i > a and lw[i - 1] == "het":  # "nam het woord", "het woord voeren"
        around = [lw[k] for k in range(max(a, i - 4), min(b, i + 3)) if not space[k]]
        return (a, b) if not _NEWS_SETS["floor_verbs"].isdisjoint(around) else None
    return None


def _meeting_head(w: str) -> str:
    """``navo-ministeriële`` -> ``ministeriële``; ``top.`` -> ``top``."""
    return w.rstrip(".").rsplit("-", 1)[-1]


def _first_or_last(ctx: Context, sent, whole: frozenset, persons: list) -> list:
    """``Voor X was het de eerste top``, ``Voor X was dit haar tweede ministeriële``, ``Het was
    de eerste top voor X``, ``Het was de laatste bijeenkomst van X``: the persons for whom the
    meeting was the first, the n-th or the last (they attend it)."""
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    toks = [k for k in range(sent.start, sent.end) if not space[k]]
    if len(toks) < 6:
        return []
    v = next((n for n, k in enumerate(toks[:12]) if lw[k] in _PRESENCE_OR_BECOMING), None)
    if v is None or v + 3 >= len(toks):
        return []
    if lw[toks[0]] == "voor":  # "Voor X was het de eerste top"
        subject, ord_at = toks[v + 1], v + 2
    elif v == 1 and lw[toks[0]] in ("het", "dit"):  # "Het was de eerste top voor X"
        subject, ord_at = toks[0], v + 1
    else:
        return []
    if lw[subject] not in ("het", "dit") or lw[toks[ord_at]] not in _NEWS_SETS["ordinal_determiners"]:
        return []
    rest = [_meeting_head(lw[k]) for k in toks[ord_at + 1:ord_at + 4]]
    if not rest or rest[0] not in _NEWS_SETS["first_last"]:
        return []
    head = next((n for n, w in enumerate(rest[1:3], ord_at + 2) if w in whole), None)
    if head is None:
        return []
    if lw[toks[0]] == "voor":
        return [p for p in persons if toks[0] < p.start and p.end <= toks[v]]
    # "... top voor X" / "... top van X": the person right after the preposition
    after = toks[head + 1] if head + 1 < len(toks) else None
    if after is None or lw[after] not in ("voor", "van"):
        return []
    return [p for p in persons if after < p.start and all(lw[t] in _DETS or lw[t] in _OFFICE_WORDS or texts(doc)[t][:1].isupper()
                                                        for t in range(after + 1, p.start) if not space[t])][:1]


def _chaired_by(ctx: Context, sent, i: int, whole: frozenset) -> list:
    """``Op 23 april volgden twee werksessies in de NAR, onder voorzitterschap van de
    secretaris-generaal, X``: the chair of the meeting's sittings (token ``i`` is
    ``voorzitterschap``). Not of a new gathering (``een bijeenkomst van de Contact Group
    onder voorzitterschap van ...``): every body named before it is a council of NATO."""
    doc = ctx.doc
    lw, space, tx = lowers(doc), spaces(doc), texts(doc)
    prev = next((lw[k] for k in range(i - 1, sent.start - 1, -1) if not space[k]), "")
    nxt = next((k for k in range(i + 1, sent.end) if not space[k]), None)
    if prev not in ("onder", "het") or nxt is None or lw[nxt] != "van":
        return []
    heads = [_meeting_head(lw[k]) for k in range(sent.start, i)]
    sitting = any(h in whole or h.endswith(_SITTING_SUFFIXES) or h.rstrip("s").endswith(_SITTING_SUFFIXES)
                  or h.endswith("en") and h[:-2].endswith(_SITTING_SUFFIXES) for h in heads)
    if not sitting or _gathering_ref(lw, doc[sent.start:i], whole)[2]:
        return []
    if any(not _is_forum(doc, o.kb_id_) for o in spans_in(doc, sent.start, i, ("Organisation",))):
        return []
    for p in spans_in(doc, nxt + 1, sent.end, ("Person", "Minister")):
        between = [k for k in range(nxt + 1, p.start) if not space[k]]
        if all(lw[k] in _DETS or lw[k] in _OFFICE_WORDS or lw[k] in ("van", ",") or tx[k][:1].isupper() for k in between):
            return [p]
        break
    return []


def _sitting_with(ctx: Context, sent, i: int) -> list:
    """``Op 5 april vond een sessie plaats met A, B en C``: the parties a sitting of the meeting
    is held with (after ``met``, up to a ``;`` or a subordinate clause)."""
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    toks = [k for k in range(sent.start, sent.end) if not space[k]]
    n = toks.index(i)
    heads = [m for m in range(max(0, n - 4), n) if lw[toks[m]].endswith(tuple(_NEWS_SETS["sitting_with_heads"]))
             and m and lw[toks[m - 1]] in ("een", "de")]
    if not heads or n + 1 >= len(toks) or lw[toks[n + 1]] != "met":
        return []
    start = toks[n + 1]
    end = next((k for k in range(start, sent.end) if lw[k] == ";"), sent.end)
    end = min(end, _subordinate_start(lw, sent))
    return [sp for sp in _participants(ctx, sent, set()) if start < sp.start and sp.end <= end]


_ARRIVALS = _NEWS_SETS["arrival_words"]
_ARRIVAL_SINGLES = _ARRIVALS - _NEWS_SETS["arrival_pair_verbs"]


def _arrivals(ctx: Context, ev: dict) -> None:
    """``Premier X arriveerde dinsdag in Vilnius``, ``X kwam woensdag aan in Brussel``,
    ``arriveerde bij de top``: who arrives at the meeting's city, or at the meeting, attends it.
    The persons of the clause before the place; not in a sentence with a hedge, another time,
    another meeting or another goal (``voor een bezoek aan ...``)."""
    doc, main = ctx.doc, ev.get("main")
    rec = ev["meetings"].get(main, {}) if main else {}
    found = sentences_with(doc, "events.arrivals", _ARRIVALS) if main else []
    lw, space = lowers(doc), spaces(doc)
    whole = _whole_words(doc)
    for sent in found:
        words = words_of(sent)
        arrive = not words.isdisjoint(_ARRIVAL_SINGLES) or \
            "aan" in words and not words.isdisjoint(_NEWS_SETS["arrival_pair_verbs"])
        if not arrive or _hedged(words) or not words.isdisjoint(_JOURNEY_BLOCKERS) \
                or any(m.kb_id_ != main for m in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))) \
                or _outside_main_dates(ctx, ev, sent):
            continue
        places = {sp.start: sp for sp in spans_in(doc, sent.start, sent.end, ("Place",))}
        persons = spans_in(doc, sent.start, sent.end, ("Person", "Minister"))
        for i in range(sent.start, sent.end - 1):
            if lw[i] not in ("in", "op", "bij"):
                continue
            j = i + 1
            while j < sent.end and space[j]:
                j += 1
            sp = places.get(j)
            at_city = lw[i] == "in" and sp is not None and sp.kb_id_ == rec.get("place") \
                and not _other_purpose(lw, space, sp.end, sent.end)
            if not at_city and not (lw[i] in ("op", "bij") and _names_meeting(lw, space, j, sent.end, whole)):
                continue
            a, _ = _clause_at(lw, sent, i)
            verbs = [k for k in range(a, sent.end) if lw[k] in _ARRIVALS]
            if not verbs:
                continue
            for p in persons:
                if a <= p.start and p.end <= i:
                    link(ctx, main, "kg:participant", p.kb_id_, p, "events.arrival_participant")
            break


def _toen_opens_clause(doc, sent, blocking: set[str]) -> bool:
    """``begonnen toen Trump het woord nam``: ``toen`` right before a person's name opens a
    clause (``when``), it does not place what is told at another time (``toen was X ...``).
    True when that is the only word that would block the sentence."""
    if blocking != {"toen"}:
        return False
    lw, space = lowers(doc), spaces(doc)
    starts = {p.start for p in spans_in(doc, sent.start, sent.end, ("Person", "Minister"))}
    tx = texts(doc)
    for i in range(sent.start, sent.end):
        if lw[i] == "toen":
            # past a determiner, a nationality and a title: "toen de Canadese premier X"
            j = i + 1
            while j < sent.end and j not in starts and j < i + 6 and (
                    space[j] or lw[j] in _DETS or lw[j] in _OFFICE_WORDS or tx[j][:1].isupper()):
                j += 1
            if j not in starts:
                return False
    return True


_ACT_SINGLES = _NEWS_SETS["host_nouns"] | _NEWS_SETS["chair_verbs"] | _NEWS_SETS["leave_verbs"] | {"voorzitterschap", "erbij"}


def _hedged_segments(doc, sent) -> list[tuple[int, int]] | None:
    """The parts of a sentence (split at ``;``) with a hedge word: ``Voor X was het de laatste
    ministeriële; zijn opvolger Y was niet aanwezig`` hedges only what follows the ``;``. None
    when every part is hedged, or a hedged part points back at the one before (``; dat is
    nog niet bevestigd``)."""
    lw = lowers(doc)
    cuts = [sent.start] + [i + 1 for i in range(sent.start, sent.end) if lw[i] == ";"] + [sent.end]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        part = set(lw[a:b])
        if not _hedged(part):
            continue
        opener = next((w for w in lw[a:b] if not w.isspace()), "")
        if a > sent.start and opener in _NEWS_SETS["back_pointers"]:
            return None
        out.append((a, b))
    return None if len(out) == len(cuts) - 1 else out


def _may_state_an_act(words: set[str]) -> bool:
    """A cheap first look: the words an act needs together (``het woord`` and a verb of taking
    it, ``plaats`` and ``met``, ``voor`` and ``zat``, ``eerste`` and ``voor``/``van``) are all
    in the sentence."""
    return not words.isdisjoint(_ACT_SINGLES) \
        or "woord" in words and not words.isdisjoint(_NEWS_SETS["floor_verbs"]) \
        or "met" in words and not words.isdisjoint(_NEWS_SETS["sitting_with_verbs"]) \
        or "voor" in words and not words.isdisjoint(_NEWS_SETS["chair_separable"]) \
        or not words.isdisjoint(_NEWS_SETS["first_last"]) and not words.isdisjoint(("voor", "van"))


def _meeting_acts(ctx: Context, ev: dict) -> None:
    """Acts that only those at the document's meeting perform: hosting it (``Gastheer was
    premier X``), chairing it (``X, die de top voorzit``), taking the floor (``toen X het woord
    nam``), leaving it (``X verliet de bijeenkomst``), having it as one's first or last (``Voor
    X was het de eerste top``), or being the partners a sitting of it is held with (``vond een
    sessie plaats met A en B``). Only where the sentence names no other meeting, no other time
    and no hedge; persons, but the partners of a sitting may be countries too."""
    doc, main = ctx.doc, ev.get("main")
    if not main:
        return
    found = sentences_with(doc, "events.meeting_acts", _ACT_WORDS)
    if not found:
        return
    lw, space = lowers(doc), spaces(doc)
    whole = _whole_words(doc)
    meetingish = whole | _NEWS_SETS["sitting_nouns"]
    blockers = _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"] | _NEWS_SETS["other_forums"]
    for sent in found:
        words = words_of(sent)
        if not _may_state_an_act(words):
            continue
        hedged = _hedged_segments(doc, sent) if _hedged(words) else []
        if hedged is None or not words.isdisjoint(blockers) and not _toen_opens_clause(doc, sent, words & blockers) \
                or _names_other_kind(lw, sent, whole) \
                or any(m.kb_id_ != main for m in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))):
            continue
        persons = spans_in(doc, sent.start, sent.end, ("Person", "Minister"))
        who: list = []
        rule = "events.act_participant"
        if "met" in words and not words.isdisjoint(_NEWS_SETS["sitting_with_verbs"]):
            for i in range(sent.start, sent.end):
                if lw[i] in _NEWS_SETS["sitting_with_verbs"]:
                    who += _sitting_with(ctx, sent, i)
            rule = "events.sitting_with_participant" if who else rule
        if not who and not words.isdisjoint(_NEWS_SETS["first_last"]):
            who = _first_or_last(ctx, sent, meetingish, persons)
        if not who and "voorzitterschap" in words:
            who = [p for i in range(sent.start, sent.end) if lw[i] == "voorzitterschap"
                   for p in _chaired_by(ctx, sent, i, meetingish)]
        if not who:
            for i in range(sent.start, sent.end):
                clause = _act_clause(lw, space, sent, i, meetingish) if lw[i] in _ACT_WORDS else None
                if clause is not None:
                    who += _act_performers(ctx, sent, clause[0], clause[1], persons)
        for p in who:
            if any(x <= p.start < y for x, y in hedged):
                continue
            if p.label_ in ("Person", "Minister") or rule == "events.sitting_with_participant":
                link(ctx, main, "kg:participant", p.kb_id_, p, rule)


_SPEECH_SINGLES = _NEWS_SETS["speech_verbs"]
_SPEECH_PARTICLES = {v: frozenset(ps) for v, ps in NEWS["speech_separable"].items()}
_SPEECH_ANY = _SPEECH_SINGLES | frozenset(_SPEECH_PARTICLES)
_NOT_SAID_THERE = _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"] | _NEWS_SETS["other_forums"] \
    | _NEWS_SETS["speech_elsewhere"]
_NEGATIONS = frozenset({"niet", "nooit", "geen"})
_TITLE_WORDS = _NEWS_SETS["title_words"]
_BRIEF_VERBS = _NEWS_SETS["brief_verbs"]


def _reported_meeting(doc, rec: dict) -> bool:
    """The document is dated on or after its meeting began: it reports on it (an agenda's
    ``X benadrukte`` tells of an earlier occasion)."""
    from kg.nlp.components.events.dates import _doc_date
    d = _doc_date(doc)
    return d is not None and rec.get("start") is not None and rec["start"] <= d


def _opening_speaker(ctx: Context, sent, persons: list, verbs: frozenset = _SPEECH_ANY) -> tuple[object, int] | None:
    """``De Duitse minister van Buitenlandse Zaken, X, onderstreepte ...``, ``Ook minister X
    benadrukte ...``: the person who opens the sentence (after a title of determiners, office
    words, capitalised words and ``van``, the name maybe set off by commas) and the token of the
    verb of saying right after it. None if the sentence does not open so."""
    doc = ctx.doc
    lw, space, tx = lowers(doc), spaces(doc), texts(doc)
    toks = [k for k in range(sent.start, sent.end) if not space[k]]
    if toks and lw[toks[0]] == "ook":
        toks = toks[1:]
    if not toks or not persons:
        return None
    p = next((q for q in persons if q.start >= toks[0]), None)
    if p is None or p.start - toks[0] > 10:
        return None
    before = [k for k in toks if k < p.start]
    opened = any(lw[k] == "," for k in before)  # "De commandant van ISAF, (de generaal) X, ..."
    if before and lw[before[-1]] == ",":
        before = before[:-1]
    if any(not (lw[k] in _DETS or lw[k] in _OFFICE_WORDS or lw[k] in _TITLE_WORDS or lw[k] in ("van", ",")
                or tx[k][:1].isupper()) for k in before) or sum(lw[k] == "," for k in before) > 1:
        return None
    after = [k for k in toks if k >= p.end]
    if opened and len(after) > 1 and lw[after[0]] == ",":
        after = after[1:]  # ", X," closes the apposition
    if not after or lw[after[0]] not in verbs:
        return None
    return p, after[0]


_BEHALF_VERBS = _NEWS_SETS["behalf_verbs"] | _SPEECH_SINGLES
_SPEAKER_WORDS = _SPEECH_ANY | _BEHALF_VERBS


def _behalf_speaker(ctx: Context, sent, persons: list) -> tuple[object, int] | None:
    """``Namens Afghanistan sprak minister van Defensie X.``: the person a sentence opened by
    ``namens`` and a state names right after the verb of speaking (past a title), ending the
    clause; (the person, the verb's token) or None."""
    doc = ctx.doc
    lw, space, tx = lowers(doc), spaces(doc), texts(doc)
    toks = [k for k in range(sent.start, sent.end) if not space[k]]
    if len(toks) < 4 or lw[toks[0]] != "namens" or not persons:
        return None
    state = next((sp for sp in spans_in(doc, sent.start, sent.end, ("Country",)) if sp.start == toks[1]), None)
    if state is None:
        return None
    v = next((k for k in toks if k >= state.end), None)
    if v is None or lw[v] not in _BEHALF_VERBS:
        return None
    k = v + 1
    while k < sent.end and (space[k] or lw[k] in _DETS or lw[k] in _OFFICE_WORDS or lw[k] in _TITLE_WORDS
                            or lw[k] in ("van", ",") or tx[k][:1].isupper() and not any(p.start == k for p in persons)):
        k += 1
    p = next((q for q in persons if q.start == k), None)
    if p is None:
        return None
    rest = [t for t in toks if t >= p.end]
    return (p, v) if not rest or lw[rest[0]] in (".", ";") else None


def _said_there(lw: list[str], space: list[bool], sent, v: int, whole: frozenset, particle: bool = True) -> bool:
    """The clause of the verb of saying at token ``v`` (up to what is said: ``dat``, ``:``) is
    unhedged, not negated, has the verb's particle, and places the saying at no other time or
    forum (``al voor de top``, ``via een videoverbinding``, ``na afloop``)."""
    end = next((k for k in range(v + 1, sent.end) if lw[k] in _NEWS_SETS["complementizers"] or lw[k] in (":", ";")), sent.end)
    clause = [lw[k] for k in range(sent.start, end) if not space[k]]
    words = set(clause)
    if _hedged(words) or not words.isdisjoint(_NEGATIONS) or not words.isdisjoint(_NOT_SAID_THERE):
        return False
    particles = _SPEECH_PARTICLES.get(lw[v]) if particle else None  # "namens X sprak": no particle
    if particles is not None and words.isdisjoint(particles):
        return False
    for k in range(v + 1, end - 2):  # "al voor de top", "na de bijeenkomst"
        if lw[k] in ("voor", "na", "sinds") and _names_meeting(lw, space, k + 1, end, whole):
            return False
    # "zei dat zij tijdens de top een plan wil presenteren": what is said speaks of the meeting,
    # so was likely said before it
    return not any(_names_meeting(lw, space, k, sent.end, whole) for k in range(end, sent.end))


def _briefers(ctx: Context, ev: dict) -> None:
    """``De commandant van ISAF, generaal X, zal de ministers briefen over ...``, ``SG Y
    informeerde de bondgenoten over ...``: the person who opens the sentence and briefs or
    addresses the members of the document's meeting (``de ministers``, ``de regeringsleiders``)
    is at it. Not hedged (``naar verwachting``), not by video, no other meeting, time or day."""
    doc, main = ctx.doc, ev.get("main")
    if not main or ev.get("concerns") != main:
        return
    found = sentences_with(doc, "events.briefers", _BRIEF_VERBS)
    lw, space = lowers(doc), spaces(doc)
    for sent in found:
        words = words_of(sent)
        if _hedged(words) or not words.isdisjoint(_NOT_SAID_THERE) or words.isdisjoint(_NEWS_SETS["member_nouns"]) \
                or spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting")) \
                or _outside_main_dates(ctx, ev, sent) or not _of_the_account(doc, ev, sent):
            continue
        persons = spans_in(doc, sent.start, sent.end, ("Person", "Minister"))
        opened = _opening_speaker(ctx, sent, persons, _NEWS_SETS["auxiliaries"])
        if opened is None:
            continue
        p, v = opened
        toks = [k for k in range(v + 1, min(sent.end, v + 12)) if not space[k]]
        # the members as the object right after the finite verb, then the verb of briefing
        if len(toks) < 3 or lw[toks[0]] not in ("de", "alle") or lw[toks[1]] not in _NEWS_SETS["member_nouns"]:
            continue
        if not any(lw[k] in _BRIEF_VERBS or lw[v] in _BRIEF_VERBS for k in toks[2:]) and lw[v] not in _BRIEF_VERBS:
            continue
        if lw[v] == "sprak" and "toe" not in (lw[k] for k in toks):
            continue
        link(ctx, main, "kg:participant", p.kb_id_, p, "events.briefer_participant")


def _sent_persons(ctx: Context, ev: dict) -> None:
    """``Omdat ..., stuurde Kabul minister van Defensie X``, ``Japan stuurde minister Y``: in the
    account of the document's meeting, the person a state (a country or its capital) sends takes
    part: the person right after the verb (past the sender and a title), sent to no other place
    (``naar Kyiv``); not hedged or negated (``stuurde geen minister``), no other meeting or time."""
    doc, main = ctx.doc, ev.get("main")
    if not main or ev.get("concerns") != main:
        return
    found = sentences_with(doc, "events.senders", _NEWS_SETS["send_verbs"])
    if not found:
        return
    lw, space, tx = lowers(doc), spaces(doc), texts(doc)
    place = ev["meetings"][main].get("place")
    blockers = _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"] | _NEWS_SETS["other_forums"]
    for sent in found:
        words = words_of(sent)
        if _hedged(words) or not words.isdisjoint(blockers) \
                or spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting")) \
                or _outside_main_dates(ctx, ev, sent) or not _of_the_account(doc, ev, sent):
            continue
        states = {sp.start: sp for sp in spans_in(doc, sent.start, sent.end, ("Country", "Place"))}
        persons = spans_in(doc, sent.start, sent.end, ("Person", "Minister"))
        for v in range(sent.start, sent.end):
            if lw[v] not in _NEWS_SETS["send_verbs"]:
                continue
            k, sender = v + 1, None
            while k < sent.end and k < v + 12:
                sp = states.get(k)
                if sp is not None and sender is None:
                    sender, k = sp, sp.end
                elif space[k] or lw[k] in _DETS or lw[k] in _OFFICE_WORDS or lw[k] in _TITLE_WORDS or lw[k] == "van" \
                        or tx[k][:1].isupper() and not any(p.start == k for p in persons):
                    k += 1
                else:
                    break
            p = next((q for q in persons if q.start == k), None)
            if p is None:
                continue
            a, _ = _clause_at(lw, sent, v)
            if sender is None and not any(a <= sp.start and sp.end <= v for sp in states.values()):
                continue  # no state sends ("Japan stuurde minister Y": the subject before the verb)
            after = [t for t in range(p.end, sent.end) if not space[t]]
            if after and lw[after[0]] == "naar":
                dest = states.get(after[1]) if len(after) > 1 else None
                if dest is None or dest.kb_id_ != place:
                    continue
            link(ctx, main, "kg:participant", p.kb_id_, p, "events.sent_participant")


def _of_the_account(doc, ev: dict, sent) -> bool:
    """The sentence belongs to the account of the main meeting: its section names it, or the
    document is that meeting's report and its paragraph names no other meeting before it."""
    if _main_in_section(doc, ev, sent):
        return True
    if ev.get("concerns") != ev.get("main"):
        return False
    text = doc_text(doc)
    para = text.rfind("\n\n", 0, sent.start_char)
    return not any(para < doc[s].idx < sent.start_char for key, r in ev["meetings"].items() if key != ev["main"]
                   for s, _ in r["mentions"])


def _speakers(ctx: Context, ev: dict) -> None:
    """``De Amerikaanse minister van Buitenlandse Zaken, X, zette vijf beginselen uiteen``,
    ``Minister Y onderstreepte dat ...``: in a report of its meeting, a person who opens a
    sentence of the account of that meeting (its section) as the subject of a past verb of
    saying spoke at it. Not where the sentence names another meeting, a date outside the
    meeting's days, a place other than the meeting's, another time or forum, or a hedge."""
    doc, main = ctx.doc, ev.get("main")
    rec = ev["meetings"].get(main, {}) if main else {}
    if not rec or not _reported_meeting(doc, rec):
        return
    found = sentences_with(doc, "events.speakers", _SPEAKER_WORDS)
    if not found:
        return
    lw, space = lowers(doc), spaces(doc)
    whole = _whole_words(doc) | _NEWS_SETS["sitting_nouns"]
    for sent in found:
        persons = spans_in(doc, sent.start, sent.end, ("Person", "Minister"))
        opened = _opening_speaker(ctx, sent, persons)
        behalf = _behalf_speaker(ctx, sent, persons) if opened is None else None
        if opened is None and behalf is None:
            continue
        p, v = opened or behalf
        if not _said_there(lw, space, sent, v, whole, particle=behalf is None) \
                or spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting")) \
                or _outside_main_dates(ctx, ev, sent) or not _of_the_account(doc, ev, sent):
            continue
        places = [sp for sp in spans_in(doc, sent.start, sent.end, ("Place",))
                  if _prev_word(lw, space, sp.start, sent.start, _DETS)[1] in ("in", "vanuit", "te", "vanaf")]
        if any(sp.kb_id_ != rec.get("place") for sp in places):
            continue
        link(ctx, main, "kg:participant", p.kb_id_, p, "events.speaker_participant")


_EXAMPLE_INTROS = (("onder", "wie"), ("zoals",), ("waaronder",), ("onder", "andere"), ("onder", "meer"))


def _format_session_partners(ctx: Context, ev: dict) -> None:
    """``vond een sessie plaats in ISAF-samenstelling, met de bondgenoten en de partnerlanden die
    aan ISAF bijdragen, onder wie Australië en Zweden``: the states listed after ``onder wie``,
    ``zoals``, ``waaronder`` in the group a session named in the sentence is held ``met`` sit in
    that session. States only, the list right after the word; not hedged, not another meeting."""
    doc, main = ctx.doc, ev.get("main")
    if not main:
        return
    lw, space = lowers(doc), spaces(doc)
    for sess in ev["sessions"]:
        if sess.get("heading"):
            continue
        s0 = sess["span"][0]
        sent = sent_of(doc, doc[s0])
        words = words_of(sent)
        if "met" not in words or _hedged(words) or not words.isdisjoint(_JOURNEY_BLOCKERS) \
                or any(m.kb_id_ != main for m in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))) \
                or _outside_main_dates(ctx, ev, sent):
            continue
        toks = [k for k in range(s0, sent.end) if not space[k]]
        met = next((n for n, k in enumerate(toks) if lw[k] == "met"), None)
        if met is None:
            continue
        for n in range(met + 1, len(toks)):
            intro = next((p for p in _EXAMPLE_INTROS if tuple(lw[k] for k in toks[n:n + len(p)]) == p), None)
            if intro is None:
                continue
            countries = {sp.start: sp for sp in spans_in(doc, toks[n], sent.end, ("Country",))}
            k = n + len(intro)
            found = []
            while k < len(toks):
                sp = countries.get(toks[k])
                if sp is not None:
                    found.append(sp)
                    while k < len(toks) and toks[k] < sp.end:
                        k += 1
                elif lw[toks[k]] in (",", "en"):
                    k += 1
                else:
                    break
            if k < len(toks) and lw[toks[k]] not in (".", ";", "!"):
                break  # the list runs on into more words: unsure where it ends
            for sp in found:
                if not _is_excluded(doc, sp.kb_id_):
                    link(ctx, sess["key"], "kg:participant", sp.kb_id_, sp, "events.format_session_partner")
            break


_GATHERING_WORDS = frozenset({"bijeenkomst", "vergadering"})
_FIRST_PERSON = {"ik": 1, "wij": 2, "we": 2}  # the signatory; the signatories (a letter of several)
_AT_PREPOSITIONS = frozenset({"tijdens", "op", "bij"})


def _at_the_meeting(lw: list[str], space: list[bool], sent, whole: frozenset) -> int | None:
    """The token of ``tijdens``/``op``/``bij`` or of ``in de marge van`` before the document's
    meeting named by its kind (``tijdens de bijeenkomst``, ``in de marge van de top``), or None."""
    toks = [k for k in range(sent.start, sent.end) if not space[k]]
    for n, k in enumerate(toks):
        if lw[k] in _AT_PREPOSITIONS and _names_meeting(lw, space, k + 1, sent.end, whole):
            return k
        if lw[k] == "marge" and n >= 2 and lw[toks[n - 1]] == "de" and lw[toks[n - 2]] == "in" \
                and n + 1 < len(toks) and lw[toks[n + 1]] == "van" and _names_meeting(lw, space, toks[n + 1] + 1, sent.end, whole):
            return toks[n - 2]
    return None


def _signatory_acts_there(ctx: Context, ev: dict) -> None:
    """``In de marge van de bijeenkomst zal ik bilaterale gesprekken voeren``, ``Tijdens de top
    zullen wij pleiten voor ...``: the letter's signatory (``ik``; ``wij`` in a letter of several)
    who says what he does at the document's meeting (named by its kind) attends it. The pronoun
    is the subject (not after a preposition); not hedged (``zou``, ``mogelijk``, ``indien``), not
    before or after the meeting, no other meeting named."""
    doc, main = ctx.doc, ev.get("main")
    if not main or ev.get("concerns") != main:
        return
    found = sentences_with(doc, "events.first_person", frozenset(_FIRST_PERSON))
    if not found:
        return
    signers = list(dict.fromkeys(f.object.key for f in ctx.extraction.facts if f.predicate == "kg:signatory"))
    if not signers:
        return
    lw, space = lowers(doc), spaces(doc)
    whole = _whole_words(doc)
    blockers = _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"] | _NEWS_SETS["other_forums"]
    for sent in found:
        words = words_of(sent)
        if _hedged(words) or not words.isdisjoint(blockers) or _names_other_kind(lw, sent, whole) \
                or spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting")) \
                or _outside_main_dates(ctx, ev, sent):
            continue
        # "de bijeenkomst" is the document's meeting where no other is named in the paragraph before
        at = _at_the_meeting(lw, space, sent, whole | _GATHERING_WORDS if _of_the_account(doc, ev, sent) else whole)
        if at is None:
            continue
        a, b = _clause_at(lw, sent, at)
        for k in range(sent.start, sent.end):
            n = _FIRST_PERSON.get(lw[k])
            if n is None or (len(signers) == 1) != (n == 1):
                continue
            if _prev_word(lw, space, k, sent.start)[1] in _NOT_SUBJECT or not (a <= k < b or k < at < b):
                continue
            for key in signers:
                link(ctx, main, "kg:participant", key, doc[k:k + 1], "events.signatory_participant")
            break


def run(ctx: Context) -> None:
    """Dates, places, sessions, participants and the meeting the document concerns."""
    ev = ctx.doc.user_data.get("kg_events")
    if ev:
        _dates_and_places(ctx, ev)
        _concerns(ctx, ev)
        _sessions(ctx, ev)
        if ev.get("main") or ev.get("meetings"):
            _participation(ctx, ev)
            _statements_during(ctx)
            _openers(ctx, ev)
            _present_for_meeting(ctx, ev)
            _meeting_acts(ctx, ev)
            _arrivals(ctx, ev)
            _speakers(ctx, ev)
            _format_session_partners(ctx, ev)
            _signatory_acts_there(ctx, ev)
            _briefers(ctx, ev)
            _sent_persons(ctx, ev)
    _operations(ctx)
    _in_country(ctx)
