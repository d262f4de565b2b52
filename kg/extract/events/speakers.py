"""Who speaks at a meeting: speakers and those speaking on someone's behalf, briefers, persons
sent to it, partners of a session of a format (``onder wie``, ``zoals``), the guests a sitting is
held with (``In een bijeenkomst van ..., met minister X, bespraken ...``), and the signatory of
a letter who acts there (``ik heb tijdens de bijeenkomst ...``). Not in a paragraph that has just
told of a gathering beside the meeting (``Voorafgaand aan de ministeriële ... X gaf daar ...``).

Feeds ``kg:participant``.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.model import PERSON_CLASSES
from kg.nlp.components.fold import fold
from kg.nlp.components.docindex import lowers, sent_of, spaces, texts, text as doc_text
from kg.extract.events.common import _clause_at, _DETS, _prev_in_paragraph, _hedged, _is_excluded, link, _names_meeting, NEWS, _NEWS_SETS, _OFFICE_WORDS, _prev_word, sentences_with, _SETS_REL, spans_in, words_of
from kg.extract.events.news import _JOURNEY_BLOCKERS
from kg.extract.events.participation import _NOT_SUBJECT
from kg.extract.events.meetings import _in_session_scope
from kg.extract.events.scope import _main_in_section, _other_gathering_before, _names_other_kind, _outside_main_dates, _whole_words


_SPEECH_SINGLES = _NEWS_SETS["speech_verbs"]
_SPEECH_PARTICLES = {v: frozenset(ps) for v, ps in NEWS["speech_separable"].items()}
_SPEECH_ANY = _SPEECH_SINGLES | frozenset(_SPEECH_PARTICLES)
_NOT_SAID_THERE = _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"] | _NEWS_SETS["other_forums"] \
    | _NEWS_SETS["speech_elsewhere"]
_NEGATIONS = _NEWS_SETS["negations"]
_WELCOME_VERBS = _NEWS_SETS["welcome_verbs"]
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
    words, capitalised words and ``van``, the name maybe set off by commas, maybe followed by its
    portfolio: ``Minister X van Defensie zei``) and the token of the verb of saying right after it. None if the sentence does not open so."""
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
    elif after and lw[after[0]] == "van":  # "Minister X van Buitenlandse Zaken zei": past his portfolio
        n = next((n for n in range(1, min(len(after), 5)) if not tx[after[n]][:1].isupper()), 0)
        if n > 1:
            after = after[n:]
    elif after and lw[after[0]] == "(":  # "Minister X (Defensie) noemde": past his portfolio in brackets
        n = next((n for n in range(1, min(len(after), 5)) if lw[after[n]] == ")"), 0)
        if n > 1 and all(tx[k][:1].isupper() or lw[k] == "en" for k in after[1:n]):
            after = after[n + 1:]
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


def _at_the_end_of(lw: list[str], space: list[bool], j: int, end: int, whole: frozenset) -> range:
    """The tokens of ``na afloop van de (tweedaagse) bijeenkomst`` from ``j`` on (before ``end``):
    said as the meeting (named by its kind, past at most two adjectives) closed, at its venue,
    unlike ``na de top`` (some time after); an empty range if there is none."""
    toks = [k for k in range(j, end) if not space[k]]
    for n in range(len(toks) - 4):
        if [lw[k] for k in toks[n:n + 3]] != ["na", "afloop", "van"] or lw[toks[n + 3]] not in _DETS:
            continue
        for m in range(n + 4, min(n + 7, len(toks))):
            if lw[toks[m]].rstrip(".") in whole:
                return range(toks[n], toks[m] + 1)
            if not lw[toks[m]].endswith("e"):
                break  # only adjectives ("tweedaagse", "informele") between the article and the noun
    return range(0)


def _said_there(lw: list[str], space: list[bool], sent, v: int, whole: frozenset, particle: bool = True) -> bool:
    """The clause of the verb of saying at token ``v`` (up to what is said: ``dat``, ``:``) is
    unhedged, not negated, has the verb's particle, and places the saying at no other time or
    forum (``al voor de top``, ``via een videoverbinding``, ``na afloop``)."""
    end = next((k for k in range(v + 1, sent.end) if lw[k] in _NEWS_SETS["complementizers"] or lw[k] in (":", ";")), sent.end)
    ending = _at_the_end_of(lw, space, v + 1, end, whole)
    clause = [lw[k] for k in range(sent.start, end) if not space[k] and k not in ending]
    words = set(clause)
    if _hedged(words) or not words.isdisjoint(_NEGATIONS) or not words.isdisjoint(_NOT_SAID_THERE):
        return False
    particles = _SPEECH_PARTICLES.get(lw[v]) if particle else None  # "namens X sprak": no particle
    if particles is not None and words.isdisjoint(particles):
        return False
    for k in range(v + 1, end - 2):  # "al voor de top", "na de bijeenkomst"
        if lw[k] in ("voor", "na", "sinds") and k not in ending and _names_meeting(lw, space, k + 1, end, whole):
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
        persons = spans_in(doc, sent.start, sent.end, PERSON_CLASSES)
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
        persons = spans_in(doc, sent.start, sent.end, PERSON_CLASSES)
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
    document is that meeting's report and its paragraph names no other meeting before it; never
    when the paragraph has just told of a gathering before, after or beside the meeting."""
    if _other_gathering_before(None, ev, sent, doc):
        return False
    if _main_in_section(doc, ev, sent):
        return True
    if ev.get("concerns") != ev.get("main"):
        return False
    text = doc_text(doc)
    para = text.rfind("\n\n", 0, sent.start_char)
    return not any(para < doc[s].idx < sent.start_char for key, r in ev["meetings"].items() if key != ev["main"]
                   for s, _ in r["mentions"])


_GATHERING_NOUNS = frozenset(_SETS_REL["gathering_nouns"])


def _gathering_in_other_state(ctx: Context, sent, rec: dict) -> bool:
    """``Minister X noemde de bijeenkomst van de EU-ministers in Luxemburg "nuttig"``: the sentence names
    a gathering and, after ``in``, a state other than the one of the meeting's place: it speaks of that
    gathering, not at the meeting."""
    from kg import reference
    doc = ctx.doc
    if words_of(sent).isdisjoint(_GATHERING_NOUNS):
        return False
    home = reference.country_of_place(rec["place"]) if rec.get("place") else None
    lw, space = lowers(doc), spaces(doc)
    return any(_prev_word(lw, space, sp.start, sent.start, _DETS)[1] == "in" and sp.kb_id_ != getattr(home, "key", None)
               for sp in spans_in(doc, sent.start, sent.end, ("Country",)))


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
        persons = spans_in(doc, sent.start, sent.end, PERSON_CLASSES)
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
        if any(sp.kb_id_ != rec.get("place") for sp in places) or _from_outside(ctx, ev, sent, p) \
                or _gathering_in_other_state(ctx, sent, rec):
            continue
        link(ctx, main, "kg:participant", p.kb_id_, p, "events.speaker_participant")
        if lw[v] in _WELCOME_VERBS:  # "X heette zijn ambtgenoot Y welkom": Y is there too
            end = next((k for k in range(v + 1, sent.end) if lw[k] in (".", ";", ":", ",")), sent.end)
            for q in persons:
                if v < q.start and q.end <= end and q.kb_id_ != p.kb_id_ and not _from_outside(ctx, ev, sent, q):
                    link(ctx, main, "kg:participant", q.kb_id_, q, "events.welcomed_participant")


_ADVERSARIES = _NEWS_SETS["adversary_states"]


def _from_outside(ctx: Context, ev: dict, sent, p) -> bool:
    """``De Russische minister van Buitenlandse Zaken X verklaarde dat ...``: a speaker of a
    state that is no partner of NATO (his title's adjective or country, an office the document
    or the reference data gives him) answers the meeting from outside; he spoke at it only when
    it held a session with his state (``de NAVO-Rusland Raad``)."""
    states = _states_of(ctx, sent, p) & _ADVERSARIES
    return bool(states) and not any(_session_with(ev, state) for state in states)


def _states_of(ctx: Context, sent, p) -> set[str]:
    """The states a person speaks for: a state or a state's adjective in the words before his
    name, the jurisdictions of the offices the document states he holds, and of his offices in
    the reference data."""
    from kg import reference
    ref = reference.load()
    doc = ctx.doc
    out = {sp.kb_id_ for sp in spans_in(doc, sent.start, p.start, ("Country",))}
    tx = texts(doc)
    out.update(c.key for c in map(ref.country_of_adjective, (tx[k] for k in range(sent.start, p.start))) if c)
    facts = ctx.extraction.facts
    offices = {f.object.key for f in facts if f.predicate == "kg:holdsOffice" and f.subject == p.kb_id_}
    out.update(f.object.key for f in facts if f.predicate == "kg:jurisdiction" and f.subject in offices)
    person = ref.persons.get(p.kb_id_)
    if person is not None:
        out.update(t.jurisdiction for t in person.tenures)
    return out


def _session_with(ev: dict, state: str) -> bool:
    """Has the document's meeting a session whose name names ``state`` (``NAVO-Rusland Raad``)?"""
    from kg import reference
    ent = reference.load().get(state)
    if ent is None:
        return False
    names = {fold(n) for n in (ent.label, *ent.aliases, *ent.adjectives)}
    return any(not names.isdisjoint(_NON_WORD.split(fold(s.get("label", "")))) for s in ev["sessions"])


_NON_WORD = re.compile(r"[^\w]+")


_EXAMPLE_INTROS = tuple(tuple(p.split()) for p in NEWS["example_intros"])


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


_GATHERING_WORDS = _NEWS_SETS["account_gathering_words"]
_FIRST_PERSON = NEWS["first_person"]  # the signatory; the signatories (a letter of several)
_AT_PREPOSITIONS = _NEWS_SETS["at_prepositions"]


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


_STATING = _NEWS_SETS["signatory_statements"]
_FUTURE = frozenset({"zal", "zullen"})


def _signatory_states_there(ctx: Context, ev: dict) -> None:
    """``Ik zal aangeven dat het kabinet ...``, ``Daarbij zal ik benadrukken ...``: in the section
    of a session of the meeting a letter concerns (its agenda), the signatory (``ik``; ``wij`` in
    a letter of several) as the subject of ``zal`` and an infinitive of stating says what he will
    state at that meeting: he takes part in it. Not to parliament (``uw Kamer``), not hedged or
    negated, at no other time, meeting or day."""
    doc, main = ctx.doc, ev.get("main")
    if not main or ev.get("concerns") != main or not ev.get("sessions"):
        return
    signers = list(dict.fromkeys(f.object.key for f in ctx.extraction.facts if f.predicate == "kg:signatory"))
    found = sentences_with(doc, "events.signatory_states", _STATING) if signers else []
    lw, space = lowers(doc), spaces(doc)
    blockers = _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"] | _NEWS_SETS["negations"] \
        | _NEWS_SETS["signatory_addressees"]
    for sent in found:
        # the clause that states (up to what is stated: "dat ...", ":"), not what is stated
        v = next(k for k in range(sent.start, sent.end) if lw[k] in _STATING)
        end = next((k for k in range(v, sent.end) if lw[k] in _NEWS_SETS["complementizers"] or lw[k] in (":", ";")), sent.end)
        toks = [k for k in range(sent.start, end) if not space[k]]
        words = {lw[k] for k in toks}
        if words.isdisjoint(_FUTURE) or _hedged(words) or not words.isdisjoint(blockers) \
                or spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting")) or _outside_main_dates(ctx, ev, sent) \
                or not _in_session_scope(ev, sent.start_char):
            continue
        aux = next((n for n, k in enumerate(toks) if lw[k] in _FUTURE), None)
        # the pronoun right before or right after the auxiliary is its subject
        for n in (aux - 1, aux + 1):
            if 0 <= n < len(toks) and _FIRST_PERSON.get(lw[toks[n]]) == (1 if len(signers) == 1 else 2) \
                    and (n == 0 or lw[toks[n - 1]] not in _NOT_SUBJECT) \
                    and any(lw[k] in _STATING for k in toks[aux + 1:]):
                for key in signers:
                    link(ctx, main, "kg:participant", key, doc[toks[n]:toks[n] + 1], "events.signatory_participant")
                break


_CONVENES = _NEWS_SETS["council_meets_words"]


def _partner_country(doc, body: str, surface: str) -> str | None:
    """The partner of a bilateral council of NATO (``NAVO-Georgië Commissie``, ``NATO-Russia
    Council``): the one country the document names whose name stands in the body's name."""
    from kg.nlp.components.fold import fold
    from kg.nlp.spans import entity_table

    table = entity_table(doc)
    info = table.get(body, {})
    names = " ".join(fold(n) for n in (surface, info.get("label", ""), *info.get("alt_labels", ())) if n)
    if not any(m in names for m in ("navo-", "nato-")):
        return None
    found = {key for key, e in table.items() if e.get("cls") == "Country" and any(
        len(f) > 3 and f in names for f in (fold(n) for n in (e.get("label", ""), *e.get("alt_labels", ())) if n))}
    return next(iter(found)) if len(found) == 1 else None


def _bilateral_council_partners(ctx: Context, ev: dict) -> None:
    """``Op 7 december komt tevens de NAVO-Georgië Commissie op ministerieel niveau bijeen``: a
    council of NATO and one partner that meets as a session of the meeting has that partner at
    the table by its make-up. Only where a sentence states the council meets (``komt ...
    bijeen``, ``vergaderde``): not negated, not hedged, not another time or meeting."""
    doc, main = ctx.doc, ev.get("main")
    bodies = {s["body"]: s["key"] for s in ev.get("sessions", ()) if s.get("body")}
    if not main or not bodies:
        return
    for sent in sentences_with(doc, "events.convene", _CONVENES):
        words = words_of(sent)
        if _hedged(words) or not words.isdisjoint(_NEGATIONS | _NOT_SAID_THERE) \
                or any(m.kb_id_ != main for m in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))) \
                or _outside_main_dates(ctx, ev, sent):
            continue
        for sp in spans_in(doc, sent.start, sent.end, ("Organisation",)):
            partner = _partner_country(doc, sp.kb_id_, sp.text) if sp.kb_id_ in bodies else None
            if partner is not None:
                link(ctx, bodies[sp.kb_id_], "kg:participant", partner, sp, "events.council_partner")


_GUEST_SITTINGS = _NEWS_SETS["guest_gathering_nouns"]


def _opening_sitting(lw: list[str], space: list[bool], sent) -> int | None:
    """``In een bijeenkomst van ..., met X, bespraken ...``, ``Tijdens een werklunch met X``:
    the token of the sitting noun when the sentence opens with ``in``/``tijdens``/``bij`` and
    an article before it (a ``-bijeenkomst`` compound too), else None."""
    toks = [k for k in range(sent.start, sent.end) if not space[k]]
    if len(toks) < 4 or lw[toks[0]] not in ("in", "tijdens", "bij") or lw[toks[1]] not in ("een", "de", "het"):
        return None
    w = lw[toks[2]]
    return toks[2] if w in _GUEST_SITTINGS or w.rsplit("-", 1)[-1] in _GUEST_SITTINGS else None


def _sitting_guests(ctx: Context, ev: dict) -> None:
    """``In een bijeenkomst van de landen die aan ISAF bijdragen, met de Afghaanse minister X,
    bespraken de ministers ...``: a sitting that opens the sentence, held ``met`` guests (named
    up to the next comma), in the account of the document's meeting, has them at the table: in
    the session the sentence introduces, else the meeting. Not hedged or negated, no other
    meeting, time, day or city."""
    doc, main = ctx.doc, ev.get("main")
    if not main or ev.get("concerns") != main:
        return
    lw, space = lowers(doc), spaces(doc)
    place = ev["meetings"][main].get("place")
    blockers = _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"] | _NEGATIONS
    for sent in sentences_with(doc, "events.sitting_guests", frozenset({"met"})):
        noun = _opening_sitting(lw, space, sent)
        if noun is None:
            continue
        words = words_of(sent)
        if _hedged(words) or not words.isdisjoint(blockers) \
                or any(m.kb_id_ != main for m in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting"))) \
                or _outside_main_dates(ctx, ev, sent) or not _of_the_account(doc, ev, sent):
            continue
        met = next((k for k in range(noun + 1, sent.end) if lw[k] == "met"), None)
        if met is None or lw[_prev_word(lw, space, met, sent.start)[0]] not in (",", lw[noun]):
            continue  # the guests follow the sitting or the comma that closes its relative clause
        end = next((k for k in range(met + 1, sent.end) if lw[k] in (",", ";", ":")), sent.end)
        if any(sp.kb_id_ != place and _prev_word(lw, space, sp.start, sent.start, _DETS)[1] == "in"
               for sp in spans_in(doc, sent.start, sent.end, ("Place",))):
            continue  # "In een bijeenkomst met X in Kyiv": another city
        from kg.extract.events.parties import _participants
        guests = [sp for sp in _participants(ctx, sent, set()) if met < sp.start and sp.end <= end]
        sess = next((s_ for s_ in ev["sessions"] if not s_.get("heading") and sent.start <= s_["span"][0] < sent.end), None)
        for sp in guests:
            link(ctx, sess["key"] if sess else main, "kg:participant", sp.kb_id_, sp,
                 "events.session_participant" if sess else "events.sitting_guest")


_JOIN_VERBS = frozenset({"schoof", "schoven"})


def _joined_the_sitting(ctx: Context, ev: dict) -> None:
    """``In een aparte sessie spraken de ministers met ... Ook de Afghaanse minister X schoof
    aan.``: who ``schoof aan`` (the bare particle closing the sentence: no ``bij`` naming
    another table) right after a sentence that opens with a sitting (``In een (aparte)
    sessie``, ``Tijdens de werklunch``) in the account of the document's meeting sat at that
    table: in the session that sentence introduces, else the meeting. Not hedged or negated, no
    other meeting, time or city in either sentence."""
    doc, main = ctx.doc, ev.get("main")
    if not main or ev.get("concerns") != main:
        return
    lw, space = lowers(doc), spaces(doc)
    blockers = _SETS_REL["other_time_words"] | _SETS_REL["outside_meeting_words"] | _NEGATIONS
    for sent in sentences_with(doc, "events.joined_sitting", _JOIN_VERBS):
        toks = [k for k in range(sent.start, sent.end) if not space[k] and lw[k] not in (".", "!")]
        if len(toks) < 3 or lw[toks[-1]] != "aan" or lw[toks[-2]] not in _JOIN_VERBS:
            continue
        prev = _prev_in_paragraph(doc, sent)
        if prev is None:
            continue
        ptoks = [k for k in range(prev.start, prev.end) if not space[k]]
        # "In een (aparte) sessie ...": the sitting noun, after at most one adjective
        if len(ptoks) < 5 or lw[ptoks[0]] not in ("in", "tijdens", "bij") or lw[ptoks[1]] not in ("een", "de", "het") \
                or not any(lw[ptoks[n]] in _GUEST_SITTINGS or lw[ptoks[n]].rsplit("-", 1)[-1] in _GUEST_SITTINGS
                           for n in (2, 3)):
            continue
        words = words_of(sent) | words_of(prev)
        if _hedged(words) or not words.isdisjoint(blockers) \
                or any(m.kb_id_ != main for m in spans_in(doc, prev.start, sent.end, ("Summit", "MinisterialMeeting"))) \
                or spans_in(doc, prev.start, sent.end, ("Place",)) or _outside_main_dates(ctx, ev, sent) \
                or not _of_the_account(doc, ev, prev):
            continue
        sess = next((s_ for s_ in ev["sessions"] if not s_.get("heading") and prev.start <= s_["span"][0] < prev.end), None)
        for sp in spans_in(doc, sent.start, toks[-2], PERSON_CLASSES):
            link(ctx, sess["key"] if sess else main, "kg:participant", sp.kb_id_, sp,
                 "events.session_participant" if sess else "events.sitting_guest")
