"""Participation as news items and reports state it: journeys to the meeting's place,
statements made during the meeting, who is present for it, who opens it, who arrives
(``Rutte reist dinsdag naar Vilnius``, ``zei Rutte tijdens de top``).

Feeds ``kg:participant``.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.model import PERSON_CLASSES
from kg.nlp.components.docindex import lowers, memo, mentions, sent_of, sents, span_text, spaces
from kg.extract.events.common import _clause_at, _prev_in_paragraph, _DETS, has_trigger, _hedged, link, _names_meeting, NEWS, _NEWS_SETS, _past_dets, _prev_word, REL, sentences_with, _SETS_REL, spans_in, words_of
from kg.extract.events.parties import _participants, _UNDERSIGNED, _undersigned
from kg.extract.events.scope import _antecedent, _main_in_paragraph, _MEETING_WORDS, _names_other_kind, _outside_main_dates, _RELATIVE_CLAUSE, _whole_words


_JOURNEY_BLOCKERS = _SETS_REL["travel_blockers"] | _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"]
_SITTING_SUFFIXES = tuple(_NEWS_SETS["sitting_nouns"])  # "werksessie" ends in "sessie"


def _journey_to_main_place(ctx: Context, ev: dict, sent, words: set[str]) -> int | None:
    """``Rutte en Blok reizen dinsdag naar Vilnius``, ``Rutte, die naar Brussel was gekomen``,
    ``X, die naar de top was gereisd``: persons who journey to the city of the document's meeting,
    or to the meeting named by its kind, go to that meeting. The token of ``naar``, or None when
    the sentence names another meeting, another time or another goal."""
    rec = ev["meetings"].get(ev.get("main"), {})
    if "naar" not in words or not rec or words.isdisjoint(_NEWS_SETS["journey_words"]) \
            or not _journey_words(ctx.doc, sent, words).isdisjoint(_JOURNEY_BLOCKERS):
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
            if sp is not None and sp.kb_id_ == rec.get("place") and not _other_purpose(lw, space, sp.end, sent.end):
                return i
            if j < sent.end and lw[j].rstrip(".") in _whole_words(doc) and not _names_other_kind(lw, sent, _whole_words(doc)):
                return i  # "naar de top": the document's meeting by its kind
    return None


def _journey_words(doc, sent, words: set[str]) -> set[str]:
    """The words that say when and why the journey is made: those of the one relative clause
    ``, die ... naar ...`` that tells of it (``X, die naar de top was gereisd, sprak van 'een goede
    afloop'``: what X said is no time of the journey), else the whole sentence's."""
    text = span_text(doc, sent)
    found = [m for m in _RELATIVE_CLAUSE.finditer(text) if re.match(r",\s*die\b", m.group())
             and not _NEWS_SETS["journey_words"].isdisjoint(re.findall(r"[\w-]+", m.group().lower()))
             and re.search(r"\bnaar\b", m.group())]
    if len(found) != 1 or len(re.findall(r"\bnaar\b", text)) != 1:
        return words
    return set(re.findall(r"[\w-]+", found[0].group().lower()))


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
_OPEN_CLOSE = _NEWS_SETS["opening_words"] | _NEWS_SETS["closing_words"]
_NEWS_VERBS = _STATEMENT_ANY | _OPEN_CLOSE


def _news_verb_sentences(doc) -> list:
    """The sentences with a verb of saying or of opening, found in one scan of the document."""
    return memo(doc, "events.news_verbs", lambda: sentences_with(doc, "events.news_verbs", _NEWS_VERBS))


class _MainMeeting:
    """The document's meeting where a sentence names it by its kind alone (``tijdens de top``):
    the key and an empty token span, as a mention span would give them."""

    __slots__ = ("kb_id_", "start", "end")

    def __init__(self, key: str, start: int, end: int):
        self.kb_id_, self.start, self.end = key, start, end


_AUXILIARIES = _NEWS_SETS["object_auxiliaries"]


def _object_pronoun(lw: list[str], space: list[bool], i: int, floor: int) -> bool:
    """``X heeft dat vandaag bekendgemaakt``: ``dat`` right after a finite auxiliary is the
    verb's object (what the sentence before said), not a clause of what is said."""
    return lw[i] == "dat" and _prev_word(lw, space, i, floor)[1] in _AUXILIARIES


def _placed_elsewhere(doc, j: int, end: int, main: str) -> bool:
    """``tijdens de ministeriële in Madrid``: the kind word at ``j`` (past its article) is placed
    ``in`` a city that is not the document's meeting's: another meeting of that kind."""
    lw, space = lowers(doc), spaces(doc)
    toks = [k for k in range(j, min(end, j + 8)) if not space[k]]
    if len(toks) < 4 or lw[toks[2]] != "in":
        return False
    place = (doc.user_data.get("kg_events") or {}).get("meetings", {}).get(main, {}).get("place")
    return any(sp.start == toks[3] and sp.kb_id_ != place for sp in spans_in(doc, toks[3], end, ("Place", "Country")))


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
        clause = set(lw[first:end])
        if not has_trigger(clause, NEWS["statement_words"], NEWS["statement_pairs"]):
            continue
        if not clause.isdisjoint(_SETS_REL["other_time_words"]):
            continue  # "had vorig jaar tijdens een vergadering ... aangespoord": another edition's sitting
        meetings = {sp.start: sp for sp in spans_in(doc, first, end, ("Summit", "MinisterialMeeting"))}
        for t in range(first, end):
            if lw[t] not in ("tijdens", "op"):
                continue
            j = _past_dets(lw, space, t + 1, end)
            meeting = meetings.get(j)
            if meeting is None and bare and _names_meeting(lw, space, t + 1, end, whole) \
                    and not _placed_elsewhere(doc, t + 1, end, main):
                meeting = _MainMeeting(main, sent.end, sent.end)  # "tijdens de top": named by its kind
            if meeting is None:
                continue
            for sp in _participants(ctx, sent, set()):
                if sp.label_ in PERSON_CLASSES and sp.start < end and not meeting.start <= sp.start < meeting.end:
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
                if sp.label_ in PERSON_CLASSES and sp.end <= i \
                        and not any(lw[t] in _NEWS_SETS["complementizers"] for t in range(sp.end, i)):
                    link(ctx, key, "kg:participant", sp.kb_id_, sp, "events.presence_participant")
            break


_ALSO = _NEWS_SETS["also_words"]
_NOT_THERE = _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"] | _NEWS_SETS["negations"]


def _also_in_city(ctx: Context, ev: dict) -> None:
    """``X nam op 11 juli deel aan de top. Minister Y en minister Z waren eveneens in
    Vilnius.``: in a paragraph that names the document's meeting before, persons who are
    ``ook``/``eveneens`` in its city (a verb of being, the clause ending with the city) are there
    as the others were: they take part. The persons before the verb; not with a hedge, a
    negation, another time, another meeting, or a day outside the meeting's."""
    doc, main = ctx.doc, ev.get("main")
    rec = ev["meetings"].get(main, {}) if main else {}
    if not rec.get("place") or ev.get("concerns", main) != main:
        return
    at = {sent_of(doc, sp).start for sp in mentions(doc) if sp.label_ == "Place" and sp.kb_id_ == rec["place"]}
    lw, space = lowers(doc), spaces(doc)
    for sent in (s for s in sents(doc) if s.start in at):
        words = words_of(sent)
        if words.isdisjoint(_ALSO) or words.isdisjoint(_NEWS_SETS["presence_verbs"]) or _hedged(words) \
                or not words.isdisjoint(_NOT_THERE) or spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting")) \
                or _outside_main_dates(ctx, ev, sent) or not _main_in_paragraph(doc, ev, sent):
            continue
        toks = [i for i in range(sent.start, sent.end) if not space[i]]
        city = next((sp for sp in spans_in(doc, sent.start, sent.end, ("Place",))
                     if sp.kb_id_ == rec["place"] and _prev_word(lw, space, sp.start, sent.start)[1] == "in"), None)
        if city is None or [lw[t] for t in toks if t >= city.end][:1] not in ([], ["."], ["!"]):
            continue  # "waren ook in Vilnius voor een bezoek aan ...": another purpose
        verb = next((t for t in toks if t < city.start and lw[t] in _NEWS_SETS["presence_verbs"]), None)
        if verb is None or any(lw[t] in _NEWS_SETS["complementizers"] or lw[t] in (",", ";", ":") for t in toks if t < city.start):
            continue
        for sp in spans_in(doc, sent.start, verb, PERSON_CLASSES):
            link(ctx, main, "kg:participant", sp.kb_id_, sp, "events.city_presence_participant")


def _openers(ctx: Context, ev: dict) -> None:
    """``Premier X, die als gastheer de top opende, ...``, ``X opende de bijeenkomst``, ``de top
    werd geopend door X``: the person who opens the document's meeting (named by its kind
    right next to the verb) takes part in it; so does who closes it (``X heeft ... de
    bijeenkomst van de NAVO-ministers afgesloten``, ``X sloot de top af``: the meeting's
    name may end right before the participle)."""
    doc, main = ctx.doc, ev.get("main")
    found = _news_verb_sentences(doc) if main else []
    if not found:
        return
    lw, space = lowers(doc), spaces(doc)
    whole = _whole_words(doc) | _NEWS_SETS["sitting_nouns"]
    for sent in found:
        words = words_of(sent)
        if words.isdisjoint(_OPEN_CLOSE) or _hedged(words) or not words.isdisjoint(_SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"]) \
                or any(m.kb_id_ != main for m in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))):
            continue
        toks = [i for i in range(sent.start, sent.end) if not space[i]]
        persons = spans_in(doc, sent.start, sent.end, PERSON_CLASSES)
        named = spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))
        for n, v in enumerate(toks):
            if lw[v] not in _OPEN_CLOSE or lw[v] in _NEWS_SETS["closing_words"] and lw[v] != "afgesloten" and "af" not in words:
                continue
            near = [lw[k].rstrip(".") for k in toks[max(0, n - 3):n + 3]]
            if not any(w in whole and near[k - 1] in _DETS for k, w in enumerate(near) if k) \
                    and not (lw[v] == "afgesloten" and any(m.end in toks[max(0, n - 1):n + 1] for m in named)):
                continue
            comma = next((toks[m] for m in range(n - 1, -1, -1) if lw[toks[m]] == ","), None)
            if comma is not None and lw[toks[toks.index(comma) + 1]] == "die":  # ", die ... opende": whom it is about
                who = [p for p in persons if p.end <= comma and all(space[k] for k in range(p.end, comma))]
            elif lw[v] == "geopend" or lw[v] == "afgesloten" and any(lw[k] == "door" for k in toks[n + 1:n + 3]):
                # "werd geopend door X" ("X heeft de top afgesloten": the subject, below)
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
        persons = spans_in(doc, sent.start, sent.end, PERSON_CLASSES)
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


# what is said there: the verbs of stating and the past verbs of saying of the speakers
# ("X bevestigde daar dat ...")
_THERE_VERBS = _NEWS_SETS["there_verbs"] | _STATEMENT_ANY | _NEWS_SETS["speech_verbs"]
_THERE_BLOCKERS = _JOURNEY_BLOCKERS | frozenset({"niet", "geen", "nooit"})


def _before_bracket(lw: list[str], space: list[bool], sent, a: int) -> int:
    """``Minister X (Buitenlandse Zaken) heeft daar ...``: a clause that opens right after a
    closing bracket goes on before it (the bracket glosses its subject): the start of the clause
    before the ``(``; else ``a``."""
    k = a - 1
    while k > sent.start and space[k]:
        k -= 1
    if k <= sent.start or lw[k] != ")":
        return a
    op = next((t for t in range(k - 1, max(sent.start, k - 12) - 1, -1) if lw[t] == "("), None)
    if op is None or op <= sent.start:
        return a
    return _clause_at(lw, sent, op - 1)[0]


def _there_at_meeting(ctx: Context, ev: dict) -> None:
    """``De ministers kwamen op 12 februari in Brussel bijeen. Minister X heeft daar ...
    gesproken``: ``daar`` points back at the one meeting the sentence before (same paragraph)
    names, when that sentence names no other meeting and no place but the meeting's own; who
    speaks, talks or is present ``daar`` (the persons of the clause before ``daar``) takes part.
    Not with a hedge, a negation, another time, or a meeting or place of its own."""
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    for sent in sentences_with(doc, "events.there", frozenset({"daar"})):
        words = words_of(sent)
        if words.isdisjoint(_THERE_VERBS) or _hedged(words) or not words.isdisjoint(_THERE_BLOCKERS) \
                or spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting", "Place")):
            continue
        prev = _prev_in_paragraph(doc, sent)
        if prev is None:
            continue
        named = {sp.kb_id_ for sp in spans_in(doc, prev.start, prev.end, ("Summit", "MinisterialMeeting"))}
        if len(named) != 1:
            continue
        key = next(iter(named))
        own = ev["meetings"].get(key, {}).get("place")
        if any(sp.kb_id_ != own for sp in spans_in(doc, prev.start, prev.end, ("Place",))):
            continue
        i = next(k for k in range(sent.start, sent.end) if lw[k] == "daar")
        a, _ = _clause_at(lw, sent, i)
        a = _before_bracket(lw, space, sent, a)
        for sp in spans_in(doc, a, i, PERSON_CLASSES):
            link(ctx, key, "kg:participant", sp.kb_id_, sp, "events.there_participant")
