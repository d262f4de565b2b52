"""Who takes part in which meeting or session as a sentence states it (``nam deel aan``,
``was aanwezig bij``, ``was bij het overleg``, ``aan tafel zat``, ``zijn komst toegezegd``, ``reist
naar``, ``samen met``, ``vertegenwoordigt``), with the tests that keep a sentence about another time
or edition, a membership invitation or a hedged plan out.

Feeds ``kg:participant``.
"""
from __future__ import annotations

import re
from itertools import compress

from kg.extract.context import Context
from kg.model import PERSON_CLASSES
from kg.nlp.components.docindex import is_word, lowers, mentions, sent_of, span_text, spaces, word_set, words_in, text as doc_text
from kg.extract.events.common import _DETS, ensure, NEWS, _NEWS_SETS, has_trigger, _hedged, _is_excluded, link, PARTY_CLASSES, _past_dets, _prev_in_paragraph, _prev_word, REL, sentences_with, _SETS_REL, spans_in, _subordinate_start, words_of
from kg.extract.events.news import _journey_to_main_place, _members_talk_in_sitting, _unhedged_clauses
from kg.extract.events.parties import _is_forum, _participants, _UNDERSIGNED, _undersigned
from kg.extract.events.scope import _ADVERB_ASIDE, _antecedent, _antecedent_gathering, _kind_named_before, _RELATIVE_ASIDE, _at_table, _CLAUSE_MARKS, _destination, _goes_to_the_meeting, _in_quiet_clause, _MEETING_WORDS, _one_meeting_named, _outside_main_dates, _points_back_at_side_event, _points_back_beside, _RELATIVE_CLAUSE, _RELATIVE_ON_MEETING, _relative_on_meeting, _target_meeting, _travels_to


# a word every sentence of participation holds: a trigger, the verb of a pair ("nam ... deel"),
# the longest word of a phrase ("samen met"), a travel verb, "naar" or a verb of talking with
_PARTICIPATION_ANY = frozenset(REL["participation_words"]).union(
    (p[0] for p in REL["participation_pairs"]), (max(p, key=len) for p in REL["participation_phrases"]),
    REL["travel_words"], ("naar", "bij"), REL["conversation_verbs"], REL["talk_verbs"])
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
    lw, space = lowers(doc), spaces(doc)
    for sent in sentences_with(doc, "events.participation_any", _PARTICIPATION_ANY):
        words = words_of(sent)
        triggered = has_trigger(words, REL["participation_words"], REL["participation_pairs"],
                                REL["participation_phrases"], sent) and not _together_only(doc, sent, words) \
            and not _forces_present(doc, sent, words) \
            or _talks_during(doc, sent, words) or _members_talk_in_sitting(doc, sent, words) or _was_at(doc, sent, words)
        travels = not words.isdisjoint(_SETS_REL["travel_words"])
        met_at = None if triggered or "met" not in words or words.isdisjoint(_SETS_REL["talk_verbs"]) \
            else _members_talk_with(doc, sent) or _council_meets_with(doc, ev, sent)
        if not triggered and "naar" not in words and not travels and met_at is None:
            continue
        # "de eerste top sinds de top in Londen die X bijwoont": a meeting after "sinds" only dates
        here = [m for m in meeting_spans if m.start >= sent.start and m.end <= sent.end
                and _prev_word(lw, space, m.start, sent.start, _DETS)[1] not in _SINCE]
        target = None
        if triggered:
            target = _target_meeting(doc, sent, here)
            if target is None and not here:
                target = _kind_named_before(doc, ev, sent, meeting_spans)
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
        scope = sent  # the part of the sentence that says which meeting (a clause, when another is elsewhere)
        if len(live) > 1 and not here:
            # "X neemt deel; zij woont in Vilnius de OVSE-ministersraad bij": that clause is another gathering
            kept = [c for c in live if not _attends_other_body(doc, c)]
            if len(kept) == 1:
                live, scope = kept, doc[kept[0][0]:kept[0][1]]
        parties = [sp for sp in _participants(ctx, sent, set()) + _own_country_stated(doc, sent, words)
                   if any(a <= sp.start < b for a, b in live)]
        if clauses:  # "X neemt deel; het is naar verwachting ...": only the clause that says it
            parties = [sp for sp in parties if any(a <= sp.start < b for a, b in clauses)]
        if journey is not None:  # "Rutte en Blok reizen naar Vilnius": the persons who travel
            parties = [sp for sp in parties if sp.start < journey and sp.label_ in PERSON_CLASSES]
        if met_at is not None and not (target or goes_to_main):
            parties = [sp for sp in parties if sp.start > met_at]  # "spreken de ministers met X": X
        parties = [sp for sp in _outside_asides(doc, sent, parties) if sp.label_ != "Country" or not _in_place(doc, sp)]
        if journey is not None:  # "X, die samen met Y naar de top was gereisd, ...": the clause and whom it is on
            parties = _journey_clause(doc, sent, journey) or parties
        if present is not None:  # "Rutte, die in Madrid wordt vergezeld door X": the clause and whom it is on
            a, b, on = present
            parties = [sp for sp in _participants(ctx, sent, set()) if a <= sp.start < b or sp.start == on]
        if triggered and target is None and journey is None and present is None \
                and not has_trigger(words, REL["participation_words"], REL["participation_pairs"]):
            # "samen met X", "onder leiding van X": only X (not when they journey: "X, die samen met
            # Y naar Brussel was gekomen": X travels too)
            parties = _after_phrase(doc, sent, parties)
        undersigned = {} if words.isdisjoint(_UNDERSIGNED) else _undersigned(ctx, sent)
        if target is not None and not words.isdisjoint(_FIRST_PERSON):
            undersigned.update(_first_person_on_meeting(ctx, sent, target))
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
        # "En marge van de top vindt een event plaats. X neemt deel aan deze bijeenkomst": the side
        # event's participants; only its own session (``_margin_gatherings``) may have them
        side = not here and _points_back_at_side_event(doc, lw, sent, meeting_spans)
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
            if target is None and not goes_to_main and scope is sent:
                # "X, die aan het overleg deelnam, zei na afloop ...": only the clause says which meeting
                scope = _relative_on_person(doc, sent) or sent
                if scope is not sent and not words_of(scope).isdisjoint(_SETS_REL["other_time_words"]):
                    continue  # "X, die vorig jaar aan de top deelnam, ...": another edition
            dest = (main, "events.meeting_participant", None) if goes_to_main else \
                _destination(ctx, ev, scope, _outside_quiet_clauses(doc, sent, here), target, char, bare)
        if dest is None or side and not _introduced_in(ev, dest[0], _prev_in_paragraph(doc, sent)):
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


def _introduced_in(ev: dict, key: str, sent) -> bool:
    """Is ``key`` a session that ``sent`` introduces in running text (not a heading's)?"""
    return sent is not None and any(s["key"] == key and not s.get("heading") and sent.start <= s["span"][0] < sent.end
                                    for s in ev["sessions"])


_SINCE = frozenset({"sinds", "sedert"})
_REPRESENTS = _SETS_REL["represents_verbs"]
_NOT_SUBJECT = _SETS_REL["not_subject_prepositions"]
_FIRST_PERSON = NEWS["first_person"]  # the signatory (1); the signatories of a letter of several (2)


def _first_person_on_meeting(ctx: Context, sent, m) -> dict[int, tuple]:
    """``de bijeenkomst van de ministers van 3 en 4 mei in Brussel, waaraan ik heb
    deelgenomen``: the letter's signatory (``ik``; ``wij``/``we`` in a letter of several), the
    subject of a relative clause on the named meeting that states the taking part, takes part
    in it. By token (start -> (its span, signatory keys)) like ``_undersigned``; never after a
    preposition (``waarbij mij werd gevraagd``), never negated."""
    doc = ctx.doc
    if not _relative_on_meeting(doc, sent, m):
        return {}
    signers = list(dict.fromkeys(f.object.key for f in ctx.extraction.facts if f.predicate == "kg:signatory"))
    lw, space = lowers(doc), spaces(doc)
    k = next((t for t in range(m.end, sent.end) if lw[t] in _RELATIVE_ON_MEETING), None)
    if k is None or not signers:
        return {}
    stop = next((t for t in range(k + 1, sent.end) if lw[t] in _CLAUSE_MARKS), sent.end)
    if not word_set(doc, k + 1, stop).isdisjoint(_NEWS_SETS["negations"]):
        return {}
    for t in range(k + 1, stop):
        n = _FIRST_PERSON.get(lw[t])
        if n is not None and (len(signers) == 1) == (n == 1) and _prev_word(lw, space, t, sent.start)[1] not in _NOT_SUBJECT:
            return {t: (doc[t:t + 1], signers)}
    return {}


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


_REPRESENTATIVES = _SETS_REL["representative_nouns"]
# "samen met" says who goes along only with a verb of meeting, talking or travelling
_TOGETHER_VERBS = _SETS_REL["talk_verbs"] | _SETS_REL["conversation_verbs"] | _SETS_REL["travel_words"] | {
    "komen", "komt", "kwam", "kwamen"}
# ... or being there, when the sentence names the gathering ("is samen met X in Londen voor de top")
_BEING = _SETS_REL["being_verbs"]
# "in het midden van Slowakije", "in het noorden van X": a place, not a party
_REGION_NOUNS = _SETS_REL["region_nouns"]


def _together_only(doc, sent, words: set[str]) -> bool:
    """A sentence whose only sign of taking part is ``samen met`` and no verb of meeting,
    talking or travelling (``De eenheid wordt samen met Duitsland ingezet``): working
    together, not attending."""
    if has_trigger(words - _REPRESENTATIVES, REL["participation_words"], REL["participation_pairs"]) \
            or not words.isdisjoint(_TOGETHER_VERBS):
        return False  # ("vertegenwoordigers van negen landen" names a group, no taking part)
    if not words.isdisjoint(_BEING) and (not _SETS_REL["gathering_nouns"].isdisjoint(words) or any(
            sp.label_ in ("Summit", "MinisterialMeeting") for sp in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting")))):
        return False
    toks = words_in(doc, sent.start, sent.end)
    found = {tuple(p) for p in REL["participation_phrases"] for k in range(len(toks)) if toks[k:k + len(p)] == list(p)}
    return found == {("samen", "met")}


def _outside_quiet_clauses(doc, sent, here: list) -> list:
    """The meetings of ``here`` not named in a relative clause set off by commas that says
    nothing of taking part (``Montenegro, waarvan het protocol tijdens de bijeenkomst van ...
    werd getekend, neemt deel``): that meeting only dates another event, it is not what the
    subject attends. (A clause that runs to the sentence's end may be the verb's object.)"""
    text = span_text(doc, sent)
    asides = [(sent.start_char + m.start(), sent.start_char + m.end())
              for rx in (_RELATIVE_ASIDE, _ADVERB_ASIDE) for m in rx.finditer(text)
              if not has_trigger(set(re.findall(r"[\w-]+", m.group().lower())), REL["participation_words"],
                                 REL["participation_pairs"])]
    return [m for m in here if not any(a <= m.start_char < b for a, b in asides)]


_PRESENCE = _SETS_REL["presence_nouns"]


def _forces_present(doc, sent, words: set[str]) -> bool:
    """A sentence whose only sign of taking part is a noun of presence that states no
    attendance (``een versterkte aanwezigheid van het bondgenootschap in het oosten``): the
    presence of forces somewhere. Attendance is ``in aanwezigheid van X``, the presence of X
    ``bij`` a gathering, or the bare ``De aanwezigheid van X`` (no adjective) placed nowhere
    (no ``in`` in its clause)."""
    found = words & _PRESENCE
    if not found or has_trigger(words - found, REL["participation_words"], REL["participation_pairs"],
                                REL["participation_phrases"], sent):
        return False
    lw, space = lowers(doc), spaces(doc)
    for i in range(sent.start, sent.end):
        if lw[i] not in found:
            continue
        if _prev_word(lw, space, i, sent.start)[1] == "in":
            return False  # "in aanwezigheid van de Oekraïense minister"
        stop = next((k for k in range(i + 1, sent.end) if lw[k] in (",", ";", ":")), sent.end)
        if "bij" in lw[i + 1:stop]:
            return False  # "De aanwezigheid van de partners bij de top"
        if _prev_word(lw, space, i, sent.start)[1] == "de" and _next_word(lw, space, i, stop) == "van" \
                and "in" not in lw[i + 1:stop]:
            return False  # "De aanwezigheid van de partners A, B en C bood ..."
    return True


def _next_word(lw: list[str], space: list[bool], i: int, end: int) -> str:
    """The word after token ``i`` (before ``end``), or ""."""
    j = i + 1
    while j < end and space[j]:
        j += 1
    return lw[j] if j < end else ""


def _in_place(doc, sp) -> bool:
    """A country named as a place: ``in Polen``, ``in het midden van Slowakije``."""
    lw, space = lowers(doc), spaces(doc)
    prev = [lw[i] for i in range(max(0, sp.start - 6), sp.start) if not space[i]][-4:]
    if prev[-1:] == ["in"]:
        return True
    return len(prev) >= 4 and prev[-1] == "van" and prev[-2] in _REGION_NOUNS and prev[-4] in ("in", "op", "naar")


def _talks_during(doc, sent, words: set[str]) -> bool:
    """``Tijdens de NAVO-Oekraïne Commissie spreken de ministers met minister X``, ``X sprak in
    de marge van de top met Y``: who speaks with whom during a session or meeting, or on its
    sidelines, takes part in it."""
    if "met" not in words or "tijdens" not in words and "marge" not in words \
            or words.isdisjoint(_SETS_REL["conversation_verbs"]):
        return False
    lw, space = lowers(doc), spaces(doc)
    starts = {sp.start: sp for sp in spans_in(doc, sent.start, sent.end, ("Summit", "MinisterialMeeting", "Organisation"))}
    for i in range(sent.start, sent.end - 1):
        if lw[i] == "marge":  # "in de marge van de top": on the meeting's sidelines
            back = [lw[k] for k in range(max(sent.start, i - 4), i) if not space[k]][-2:]
            nxt = _past_dets(lw, space, i + 1, sent.end)
            if back != ["in", "de"] or nxt >= sent.end or lw[nxt] != "van":
                continue
            i = nxt
        elif lw[i] != "tijdens":
            continue
        j = _past_dets(lw, space, i + 1, sent.end)
        sp = starts.get(j)
        if sp is not None and (sp.label_ != "Organisation" or _is_forum(doc, sp.kb_id_)):
            return True
        if j < sent.end and (lw[j].rstrip(".") in _MEETING_WORDS or lw[j].rsplit("-", 1)[-1] in _MEETING_WORDS):
            return True
    return False


def _was_at(doc, sent, words: set[str]) -> bool:
    """``Ook de Amerikaanse minister X was bij het overleg.``: a verb of being, ``bij``, an
    article and a word of meeting that ends the clause (not ``was bij de top betrokken``)."""
    if "bij" not in words or words.isdisjoint(_BEING):
        return False
    lw, space = lowers(doc), spaces(doc)
    toks = [k for k in range(sent.start, sent.end) if not space[k]]
    for n in range(len(toks) - 4):
        if lw[toks[n]] in _BEING and lw[toks[n + 1]] == "bij" and lw[toks[n + 2]] in ("de", "het"):
            w = lw[toks[n + 3]].rstrip(".")
            if (w in _MEETING_WORDS or w.rsplit("-", 1)[-1] in _MEETING_WORDS) and lw[toks[n + 4]] in (".", ",", ";", "!", "in"):
                return True
    return False


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


_OTHER_GATHERING_HEADS = tuple(REL["other_gathering_heads"])


def _attends_other_body(doc, clause: tuple[int, int]) -> bool:
    """A clause that takes part in a gathering of another body (``zij woont de
    OVSE-ministersraad bij``): it names, after an article, a body whose name ends in a word of
    gathering (``-raad``, ``-conferentie``) that is no council of the meeting."""
    lw, space = lowers(doc), spaces(doc)
    a, b = clause
    for sp in spans_in(doc, a, b, ("Organisation",)):
        if _prev_word(lw, space, sp.start, a)[1] in _DETS and sp.text.lower().endswith(_OTHER_GATHERING_HEADS) \
                and not _is_forum(doc, sp.kb_id_):
            return True
    return False


def _bare(doc, live: list[tuple[int, int]]) -> bool:
    """Clauses that take part with no object (``X namen deel``, ``Y was aanwezig``): no
    ``aan``/``bij``/``voor`` (but ``voor het eerst``) names what they take part in."""
    lw = lowers(doc)
    if not all(has_trigger(word_set(doc, a, b), REL["participation_words"], REL["participation_pairs"]) for a, b in live):
        return False
    for a, b in live:
        for i in range(a, b):
            if lw[i] in _SETS_REL["participation_objects"] and not (lw[i] == "voor" and lw[i + 1:i + 3] == ["het", "eerst"]) \
                    and not _at_table(lw, i):
                return False
    return True


# "Minister X van Buitenlandse Zaken, die ...": the portfolio between a person's name and the comma
_PORTFOLIO_TAIL = re.compile(r"\s+van\s+(?:[A-Z][\w-]*\s*){1,3}")


def _right_before(doc_txt: str, end_char: int, a: int) -> bool:
    """Does a name ending at ``end_char`` stand right before ``a`` (a clause's comma), maybe
    past its portfolio (``Minister X van Buitenlandse Zaken, die ...``)?"""
    gap = doc_txt[end_char:a]
    return not gap.strip() or bool(_PORTFOLIO_TAIL.fullmatch(gap))


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
        if is_loud:  # "..., waarvoor de partners zijn uitgenodigd, onder wie A, B en C.": the list is theirs
            rng = (rng[0], sent.start_char + _members_listed(text, m.end()))
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
            people = {sp.kb_id_ for sp in out if sp.label_ in PERSON_CLASSES}
            out = [sp for sp in out if any(a <= sp.start_char < b or sp.end_char <= a and _right_before(doc_txt, sp.end_char, a)
                                           for a, b in loud)
                   or pronoun and len(people) == 1 and sp.kb_id_ in people]
    return out


_MEMBERS_LISTED = re.compile(r"\s*onder\s+wie\b[^;:()]*")


def _members_listed(text: str, end: int) -> int:
    """``, onder wie A, B en C`` right after a clause that ends at ``end``: the end of that
    list of the group's members (the group the clause says takes part), else ``end``."""
    m = _MEMBERS_LISTED.match(text, end)
    return m.end() if m and text[end - 1:end] == "," else end


def _journey_clause(doc, sent, journey: int) -> list:
    """``X, die samen met Y naar de top was gereisd, sprak ...``: when the journey (the token of
    ``naar``) stands in a relative clause ``, die ...``, the persons who travel are the ones in
    that clause before it and the one the clause is on (named right before its comma); else []."""
    text = span_text(doc, sent)
    at = doc[journey].idx - sent.start_char
    m = next((m for m in _RELATIVE_CLAUSE.finditer(text) if m.start() < at < m.end()), None)
    if m is None or not re.match(r",\s*die\b", m.group()):
        return []
    a = sent.start_char + m.start()
    doc_txt = doc_text(doc)
    people = spans_in(doc, sent.start, journey, PERSON_CLASSES)
    on = [p for p in people if p.end_char <= a and _right_before(doc_txt, p.end_char, a)]
    return on + [p for p in people if p.start_char > a] if on else []


def _relative_on_person(doc, sent):
    """``Premier X, die namens Nederland aan het overleg deelnam, zei na afloop ...``: the one
    relative clause (``, die ...``) right after a person's name that states the taking part,
    when the rest of the sentence states none; as a span (its time and object are the clause's
    own, not those of what the person did next). None otherwise."""
    text = span_text(doc, sent)
    if ", die " not in text:
        return None
    loud = []
    for m in _RELATIVE_CLAUSE.finditer(text):
        words = set(re.findall(r"[\w-]+", m.group().lower()))
        if has_trigger(words, REL["participation_words"], REL["participation_pairs"]):
            loud.append(m)
    if len(loud) != 1 or not re.match(r",\s*die\b", loud[0].group()):
        return None
    a, b = sent.start_char + loud[0].start(), sent.start_char + loud[0].end()
    rest = text[:loud[0].start()] + " " + text[loud[0].end():]
    if has_trigger(set(re.findall(r"[\w-]+", rest.lower())), REL["participation_words"], REL["participation_pairs"],
                   REL["participation_phrases"]):
        return None
    doc_txt = doc_text(doc)
    if not any(p.end_char <= a and _right_before(doc_txt, p.end_char, a) for p in spans_in(doc, sent.start, sent.end, PERSON_CLASSES)):
        return None  # the clause is on a person named right before its comma
    return doc.char_span(a + 1, b, alignment_mode="expand")


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
