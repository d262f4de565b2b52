"""Rule family: countries — kg:supports and kg:accessionDate.

* ``de steun van Iran, Noord-Korea, Belarus en China aan Rusland`` (and ``aan
  de Russische oorlogseconomie``): every country of the coordinated list
  supports the one after ``aan``.
* ``Iran en Belarus steunen Rusland``: a list before a support verb.
* ``Rusland ontvangt munitie uit Noord-Korea``, ``Iran levert drones aan Rusland``:
  the supplier of weapons supports the receiver.
* ``De toetreding van Zweden op 7 maart 2024``: the accession date.
* ``Finland is sinds 4 april 2023 lid``, ``Montenegro, dat op 5 juni 2017 lid
  werd``: membership since a day. Stated only when it is the day the
  reference data gives for the country's accession: a date beside ``lid``
  can be another membership's, or another country's in a list.
* ``Finland, dat op 4 april 2023 als 31e bondgenoot tot de NAVO toetrad``: the
  same, said with the verb of joining (toetreden tot, zich aansluiten bij).
* ``Albanië en Kroatië traden op 1 april 2009 toe``, ``Montenegro wordt op 5 juni
  het 29e lid``: any sentence that says a state joins, for every state it names
  whose reference accession day it states (a protocol's day is not that day).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from kg.dates import MONTH_PATTERN as _MONTH, find_dates
from kg.extract.context import Context
from kg.extract.events.common import REL, link, sentences_with, spans_in
from kg.nlp.components.docindex import lowers, mentions, non_space, same_paragraph, sents, words_where
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.spans import entity_table
from kg.nlp.components.fold import fold, ref_adjective  # fold: memoised kg.slug.fold


def _country_list(doc, ns: list[int], k: int, step: int) -> tuple[list, int]:
    """A coordinated list of Country spans from ns-position ``k`` walking by ``step`` (+1/-1)."""
    by_edge = {}
    for sp in mentions(doc):
        if sp.label_ == "Country":
            by_edge.setdefault(sp.start if step > 0 else sp.end - 1, sp)
    found, j = [], k
    while 0 <= j < len(ns):
        tok = doc[ns[j]]
        sp = by_edge.get(tok.i)
        if sp is not None:
            found.append(sp)
            edge = sp.end - 1 if step > 0 else sp.start
            j = ns.index(edge) + step if edge in ns else j + step
            continue
        if tok.lower_ in REL["list_joiners"] and found:
            j += step
            continue
        break
    return found, j


def _adjective_country(doc, word: str) -> str | None:
    """``Russische`` -> the Country of this document it derives from (``Rusland``)."""
    try:  # the reference data knows adjectives where it has been built
        from kg import reference

        ent = ref_adjective(reference.load(), word)
        if ent is not None:
            return ent.key
    except Exception:
        pass
    w = fold(word)
    if not (w.endswith("se") or w.endswith("sche") or w.endswith("ische")):
        return None
    best, best_len = None, 2
    for key, info in entity_table(doc).items():
        if info["cls"] != "Country":
            continue
        name = fold(info["label"])
        n = 0
        while n < min(len(name), len(w)) and name[n] == w[n]:
            n += 1
        if n > best_len:
            best, best_len = key, n
    return best


def _target_after(doc, ns, k):
    """The Country (or country adjective) right after ``aan`` / a support verb."""
    for j in range(k, min(k + 4, len(ns))):
        tok = doc[ns[j]]
        sp = next((s for s in mentions(doc) if s.label_ == "Country" and s.start == tok.i), None)
        if sp is not None:
            return sp.kb_id_, sp
        if tok.text[:1].isupper():
            key = _adjective_country(doc, tok.text)
            if key:
                return key, doc[tok.i:tok.i + 1]
            return None
        if tok.lower_ not in REL["support_skip"]:
            return None
    return None


def _agent_country(doc, ns: list[int], k: int) -> list:
    """The country a support agent noun at ns-position ``k`` says it of: the nearest Country
    before it, a few words back in the same clause (``noemen China voor het eerst een
    beslissende steunverlener``, ``Iran is een belangrijke steunverlener``)."""
    for j in range(k - 1, max(-1, k - 1 - _AGENT_WORDS), -1):
        tok = doc[ns[j]]
        if tok.text in ",;:()" or tok.lower_ in ("van", "aan", "dat", "die", "omdat", "maar"):
            return []
        sp = next((s for s in mentions(doc) if s.label_ == "Country" and s.end - 1 == tok.i), None)
        if sp is not None:
            return [sp]
    return []


_AGENT_WORDS = 7  # words between the country and its agent noun
_SUPPORT_NOUNS = frozenset(REL["support_nouns"])
_SUPPORT_VERBS = frozenset(REL["support_verbs"])
_SUPPORT_AGENTS = frozenset(REL["support_agent_nouns"])  # "steunverlener"


def _supports(ctx: Context) -> None:
    doc = ctx.doc
    ns = non_space(doc)
    lw = lowers(doc)
    nouns, verbs, agents = _SUPPORT_NOUNS, _SUPPORT_VERBS, _SUPPORT_AGENTS
    # only a support noun, verb or agent noun starts a pattern
    for k in words_where(doc, "LOWER", "countries.support_words", lambda w: w in nouns or w in verbs or w in agents):
        i = ns[k]
        low = lw[i]
        if low in agents:  # "China is een beslissende steunverlener van de Russische oorlog"
            sups = _agent_country(doc, ns, k)
            target = _target_after(doc, ns, k + 2) if sups and k + 1 < len(ns) and lw[ns[k + 1]] in ("van", "aan") else None
        elif low in REL["support_nouns"] and k + 1 < len(ns) and lw[ns[k + 1]] == "van":
            sups, j = _country_list(doc, ns, k + 2, +1)
            if not sups or j >= len(ns) or lw[ns[j]] != "aan":
                continue
            target = _target_after(doc, ns, j + 1)
        elif low in REL["support_verbs"] and k:
            sups, _ = _country_list(doc, ns, k - 1, -1)
            target = _target_after(doc, ns, k + 1) if sups else None
        else:
            continue
        if not target:
            continue
        tkey, _tspan = target
        rule = "countries.support_agent" if low in agents else "countries.support_list"
        for sp in sups:
            link(ctx, sp.kb_id_, "kg:supports", tkey, sp, rule)


_DATA = json.loads(Path(__file__).with_name("countries.json").read_text(encoding="utf-8"))
_RECEIVE = frozenset(_DATA["receive_verbs"])
_SUPPLY = frozenset(_DATA["supply_verbs"])
_WEAPONS = frozenset(_DATA["weapon_nouns"])
_OPENERS = frozenset(_DATA["openers"])
_FROM = {**{v: frozenset(_DATA["receive_from"]) for v in _RECEIVE}, **{v: frozenset(_DATA["supply_to"]) for v in _SUPPLY}}


def _opening_country(doc, sent):
    """The Country that opens the sentence, past an adverb (``Ook Iran ...``), or None."""
    lw = lowers(doc)
    first = next((i for i in range(sent.start, sent.end) if lw[i].strip()), None)
    if first is not None and lw[first] in _OPENERS:
        first = next((i for i in range(first + 1, sent.end) if lw[i].strip()), None)
    if first is None:
        return None
    return next((sp for sp in spans_in(doc, first, sent.end, ("Country",)) if sp.start == first), None)


def _supplies(ctx: Context) -> None:
    """``Rusland ... ontvangt daarnaast munitie uit Noord-Korea``, ``Iran levert drones aan
    Rusland``: the supplier supports the receiver. The sentence opens with the one, names a
    weapon right after the verb (an adverb or article between) and the other state right after
    ``uit``/``van`` or ``aan``; no other state stands between the opener and the verb."""
    doc = ctx.doc
    lw = lowers(doc)
    for sent in sentences_with(doc, "countries.supply_verbs", _RECEIVE | _SUPPLY):
        opener = _opening_country(doc, sent)
        if opener is None:
            continue
        words = [i for i in range(opener.end, sent.end) if lw[i].strip()]
        for n, i in enumerate(words[:_DATA["max_words"]]):
            if lw[i] not in _FROM:
                continue
            if spans_in(doc, opener.end, i, ("Country",)):
                break  # another state before the verb: not the opener's verb
            rest = words[n + 1:n + 5]
            w = next((k for k, j in enumerate(rest) if lw[j] in _WEAPONS), None)
            if w is None or w + 1 >= len(rest) or lw[rest[w + 1]] not in _FROM[lw[i]]:
                continue
            other = next((sp for sp in spans_in(doc, rest[w + 1] + 1, sent.end, ("Country",))
                          if sp.start == next((j for j in range(rest[w + 1] + 1, sent.end) if lw[j].strip()), -1)),
                         None)
            if other is None:
                continue
            supplier, receiver = (other, opener) if lw[i] in _RECEIVE else (opener, other)
            link(ctx, supplier.kb_id_, "kg:supports", receiver.kb_id_, supplier, "countries.supplies")
            break


def _accession(ctx: Context) -> None:
    """``De toetreding van Zweden op 7 maart 2024``: the day after ``toetreding van <state> ... op``,
    stated only when it is the day the reference data gives for that state's accession (the day its
    protocol was signed or ratified, or a day of talks about joining, is not)."""
    from kg import reference

    doc = ctx.doc
    year = (doc.user_data.get("kg_events") or {}).get("year")
    lw = lowers(doc)
    ref = reference.load()
    for sent in sents(doc):
        if "toetreding" not in lw[sent.start:sent.end]:
            continue  # the only trigger: skip building Tokens for other sentences
        words = [t for t in sent if not t.is_space]
        for n, tok in enumerate(words):
            if tok.lower_ != "toetreding" or n + 2 >= len(words) or words[n + 1].lower_ != "van":
                continue
            countries = spans_in(doc, words[n + 2].i, sent.end, ("Country",))
            if not countries or countries[0].start != words[n + 2].i:
                continue
            c = countries[0]
            ent = ref.get(c.kb_id_)
            if ent is None or not ent.nato_accession:
                continue  # no accession the reference knows: a day beside it may be of anything
            rest = doc_text(doc)[c.end_char:min(sent.end_char, c.end_char + 60)]
            dates = [d for d in find_dates(rest, year) if d.is_day and d.start]
            prefix = rest[:dates[0].start_char].lower().split() if dates else []
            if dates and len(prefix) <= 5 and "op" in prefix and str(dates[0].start) == str(ent.nato_accession):
                ctx.relate(c.kb_id_, "kg:accessionDate", dates[0].start,
                           ctx.sentence_evidence(c, "countries.accession_date"))


# "<Country>[, dat] is/werd sinds|op <day> [het 32e] lid [werd | van de NAVO]"; the country is found before it
_MEMBER_SINCE = re.compile(r"\b(?:op|sinds)\s+(\d{1,2}\s+" + _MONTH + r"\s+\d{4})\s+(?:(?:het|de)\s+)?(?:\w+\s+)?lid\b"
                           r"(?!\s+van\s+(?!de\s+NAVO\b|het\s+bondgenootschap\b|de\s+alliantie\b|de\s+NATO\b))",
                           re.IGNORECASE)
_NEAR_WORDS = 5  # words between the country and "op/sinds"
_PAIR_WORDS = 16  # words between a pair of countries and "beide landen zijn sinds"
_MEMBER_WORD = frozenset({"lid"})
# "Finland, dat op <day> als 31e bondgenoot tot de NAVO toetrad", "..., dat zich op <day> bij de NAVO
# aansloot": the day of joining, said with the verb of accession (the country is found before it)
_NATO_NP = r"(?:de\s+NAVO|de\s+NATO|het\s+bondgenootschap|de\s+alliantie)"
_JOIN_VERB = r"(?:toetrad|toetraden|is\s+toegetreden|zijn\s+toegetreden|toegetreden|aansloot|aansloten)"
_JOINED_ON = re.compile(r"\b(?:op|per)\s+(\d{1,2}\s+" + _MONTH + r"\s+\d{4})\s+(?:als\s+(?:\w+\s+){0,2}?"
                        r"(?:bondgenoot|lid|lidstaat)\s+)?(?:(?:tot|bij)\s+" + _NATO_NP + r"\s+" + _JOIN_VERB +
                        r"|(?:toetrad|toetraden|aansloot|aansloten)\s+(?:tot|bij)\s+" + _NATO_NP + r")\b",
                        re.IGNORECASE)
_JOIN_WORDS = frozenset({"toetrad", "toetraden", "toegetreden", "aansloot", "aansloten"})


def _membership(ctx: Context, pattern=_MEMBER_SINCE, trigger: frozenset = _MEMBER_WORD,
                rule: str = "countries.member_since") -> None:
    from kg import reference

    doc = ctx.doc
    text = doc_text(doc)
    year = (doc.user_data.get("kg_events") or {}).get("year")
    ref = reference.load()
    for sent in sentences_with(doc, rule, trigger):
        stext = text[sent.start_char:sent.end_char]
        for m in pattern.finditer(stext):
            at = sent.start_char + m.start()
            before = [sp for sp in spans_in(doc, sent.start, sent.end, ("Country",)) if sp.end_char <= at]
            if not before:
                _member_by_anaphor(ctx, sent, text[sent.start_char:at], m.group(1), year, ref)
                continue
            c = before[-1]
            gap = text[c.end_char:at]
            clause = re.split(r"[;,]", gap)[-1]
            if _BOTH.match(clause) and len(gap.split()) <= _PAIR_WORDS:  # "Albanië en Kroatië ...; beide landen zijn sinds <day> lid"
                group = _pair_before(doc, before)
            elif len(gap.split()) > _NEAR_WORDS or any(ch in gap for ch in ";:()"):
                continue
            else:
                group = [c]
            dates = [d for d in find_dates(m.group(1), year) if d.is_day]
            for c in group:
                ent = ref.get(c.kb_id_)
                if not dates or ent is None or not ent.nato_accession:
                    continue
                if str(dates[0].start) == str(ent.nato_accession):
                    ctx.relate(c.kb_id_, "kg:accessionDate", dates[0].start, ctx.sentence_evidence(c, rule))


# "Het land is sinds <day> lid", "Dit Scandinavische land werd op <day> lid": the subject is a country named before
_LAND_ANAPHOR = re.compile(r"^\s*(?:het|dit|dat|deze)\s+(?:\w+\s+)?(?:land|bondgenoot|lidstaat)\s+(?:is|werd|was)\s*$",
                           re.IGNORECASE)


def _member_by_anaphor(ctx: Context, sent, head: str, day: str, year, ref) -> None:
    """``Het land is sinds <day> lid van de NAVO`` right after a sentence of its paragraph that names
    the country: of the countries named there, the one whose accession the reference data puts on that
    day (exactly one, else nothing). The evidence is both sentences."""
    doc = ctx.doc
    if not _LAND_ANAPHOR.match(head):
        return
    all_sents = sents(doc)
    k = next((n for n, s in enumerate(all_sents) if s.start == sent.start), 0)
    if k == 0:
        return
    prev = all_sents[k - 1]
    if not same_paragraph(doc, prev, sent):
        return
    dates = [d for d in find_dates(day, year) if d.is_day]
    if not dates:
        return
    found = {sp.kb_id_: sp for sp in spans_in(doc, prev.start, prev.end, ("Country",))
             if (ent := ref.get(sp.kb_id_)) is not None and ent.nato_accession
             and str(ent.nato_accession) == str(dates[0].start)}
    if len(found) == 1:
        key = next(iter(found))
        ctx.relate(key, "kg:accessionDate", dates[0].start,
                   ctx.evidence(prev.start_char, sent.end_char, "countries.member_since_anaphor"))


# "...; beide landen zijn", ", en beide zijn", ". Die twee staten werden": the two countries named just before
_BOTH = re.compile(r"^\s*(?:en\s+)?(?:beide|allebei|(?:de|die|deze)\s+(?:beide|twee))(?:\s+(?:landen|staten))?"
                   r"\s+(?:zijn|werden|waren|is|werd)(?:\s+(?:allebei|beide|ook))?\s*$", re.IGNORECASE)


def _pair_before(doc, before: list) -> list:
    """The two countries joined by ``en`` that end ``before`` (``Albanië en Kroatië``); none
    when the list there is not of two."""
    if len(before) < 2:
        return []
    a, b = before[-2], before[-1]
    between = doc_text(doc)[a.end_char:b.start_char].split()
    if between != ["en"]:
        return []
    if len(before) >= 3 and doc_text(doc)[before[-3].end_char:a.start_char].strip() in (",", "en"):
        return []  # "Estland, Letland en Litouwen": three, not both
    return [a, b]


_JOIN_VERBS = frozenset(_DATA["join_verbs"])
_JOIN_SEPARABLE = frozenset(_DATA["join_separable"])
_MEMBER_NOUNS = frozenset(_DATA["member_nouns"])
_BECOME = frozenset(_DATA["become_verbs"])
_JOIN_NEGATIONS = frozenset(_DATA["join_negations"])
_NATO_KEYS = frozenset(_DATA["nato_keys"])


def _becomes_member(lw, sent) -> bool:
    """``wordt op 5 juni het 29e lid``, ``lid werd``: a form of ``worden`` and a member noun a few words
    apart in one clause (``werden uitgenodigd; ... zijn lid`` is a passive and a state)."""
    words = [w for w in lw[sent.start:sent.end] if w.strip()]
    become = [k for k, w in enumerate(words) if w in _BECOME]
    member = [k for k, w in enumerate(words) if w in _MEMBER_NOUNS]
    return any(abs(a - b) <= _BECOME_REACH and not _CLAUSE_MARKS.intersection(words[min(a, b):max(a, b)])
               for a in become for b in member)


_BECOME_REACH = 8  # words from "wordt" to "lid": "wordt daarmee op 7 maart 2024 de 32e bondgenoot"
_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")"})


def _says_joining(doc, sent) -> bool:
    """Does ``sent`` say that a state joins: a verb of joining (``toegetreden``), a separable one with
    its particle (``traden ... toe``), or a member noun with a form of ``worden`` (``wordt ... lid``);
    no negation, and no other organisation joined (``tot de Europese Unie toetrad``, ``lid van de EU``)?"""
    lw = lowers(doc)
    words = set(lw[sent.start:sent.end])
    joins = not words.isdisjoint(_JOIN_VERBS) or (
        not words.isdisjoint(_JOIN_SEPARABLE) and _DATA["join_particle"] in words) or _becomes_member(lw, sent)
    if not joins or not words.isdisjoint(_JOIN_NEGATIONS):
        return False
    for sp in spans_in(doc, sent.start, sent.end, ("Organisation",)):
        before = [lw[i] for i in range(max(sent.start, sp.start - 3), sp.start) if lw[i].strip()]
        if sp.kb_id_ not in _NATO_KEYS and ("tot" in before or "bij" in before or (
                "van" in before and not _MEMBER_NOUNS.isdisjoint(before))):  # "lid van de Raad van Europa"
            return False
    return True


def _joined_on_day(ctx: Context) -> None:
    """``Finland is op 4 april 2023 toegetreden``, ``Albanië en Kroatië traden op 1 april 2009 toe``,
    ``Montenegro wordt op 5 juni het 29e lid``: a sentence that says a state joins, and names a state
    and a day that the reference data gives as that state's accession. A day of signing or
    ratifying its protocol, or another state's day, is not the reference day: nothing."""
    from kg import reference

    doc = ctx.doc
    triggers = _JOIN_VERBS | _JOIN_SEPARABLE | _MEMBER_NOUNS
    sentences = sentences_with(doc, "countries.joined_on_day", triggers)
    if not sentences:
        return
    text = doc_text(doc)
    day = ctx.meta.get("date")  # "wordt op 5 juni lid": a day without a year is of the letter's year
    year = day.year if hasattr(day, "year") else (doc.user_data.get("kg_events") or {}).get("year")
    ref = reference.load()
    done = {f.subject for f in ctx.extraction.facts if f.predicate == "kg:accessionDate"}
    letter_day = ctx.meta.get("date")
    for sent in sentences:
        if not _says_joining(doc, sent):
            continue
        days = {str(d.start): d.start for d in find_dates(text[sent.start_char:sent.end_char], year)
                if d.is_day and d.start == d.end}  # "op 4 en 5 april": a meeting's days, not a day of joining
        days.update(_weekday_days(lowers(doc)[sent.start:sent.end], letter_day))
        countries = [sp for sp in spans_in(doc, sent.start, sent.end, ("Country",))
                     if sp.kb_id_ not in done and (ent := ref.get(sp.kb_id_)) is not None and ent.nato_accession]
        stated = False
        for sp in countries:
            day = days.get(str(ref.get(sp.kb_id_).nato_accession))
            if day is not None and sp.kb_id_ not in done:
                done.add(sp.kb_id_)
                stated = True
                ctx.relate(sp.kb_id_, "kg:accessionDate", day, ctx.sentence_evidence(sp, "countries.joined_on_day"))
        if not stated and all(_aside(doc, sp) for sp in spans_in(doc, sent.start, sent.end, ("Country",))):
            # "Na ratificatie door alle bondgenoten, waaronder Nederland, zijn beide landen ... lid geworden"
            _joined_by_anaphor(ctx, sent, days, ref, done)


_WEEKDAYS = tuple(_DATA["weekdays"])
_WEEK = 6  # "donderdag" in a dated news item: a day of the week around the letter's date


def _weekday_days(words: list[str], letter_day) -> dict:
    """``Zweden is donderdag toegetreden``: the days named by a weekday alone, read as the
    nearest such weekday on or before the letter's date and the one after it (a joining
    sentence's day is then stated only if it is also the reference accession day)."""
    if not hasattr(letter_day, "weekday"):
        return {}
    out = {}
    for w in set(words).intersection(_WEEKDAYS):
        target = _WEEKDAYS.index(w)
        for delta in range(-_WEEK, _WEEK + 1):
            day = letter_day + dt.timedelta(days=delta)
            if day.weekday() == target:
                out[str(day)] = day
    return out


# "Het land trad op 27 maart toe", "Beide landen traden op 1 april toe", "..., zijn beide landen op <day> lid
# geworden": a subject that points back, anywhere in the sentence but after a preposition ("voor beide landen")
_JOIN_ANAPHOR = re.compile(r"(?:^|(?<=\s))(?:(?P<one>(?:het|dit|dat|deze)\s+(?:\w+\s+)?(?:land|lidstaat))|"
                           r"(?:beide|allebei|(?:de|die|deze)\s+(?:beide|twee))\s+(?:landen|staten|lidstaten))\s",
                           re.IGNORECASE)
_NOT_SUBJECT_BEFORE = frozenset(_DATA["anaphor_blockers"])
_ANAPHOR_REACH = 3  # sentences back in the paragraph


_ASIDE_BEFORE = _NOT_SUBJECT_BEFORE | frozenset(_DATA["aside_words"])


def _aside(doc, sp) -> bool:
    """Is the state named after a preposition or in an aside (``waaronder Nederland``), so that it is
    no subject a ``beide landen`` of its sentence could be?"""
    lw = lowers(doc)
    before = next((lw[i] for i in range(sp.start - 1, -1, -1) if lw[i].strip()), "")
    return before in _ASIDE_BEFORE


def _join_anaphor(text: str):
    """The first subject in ``text`` that points back to states named before, or None."""
    for m in _JOIN_ANAPHOR.finditer(text):
        before = text[:m.start()].split()
        if not before or before[-1].lower().strip(",") not in _NOT_SUBJECT_BEFORE:
            return m
    return None


def _joined_by_anaphor(ctx: Context, sent, days: dict, ref, done: set) -> None:
    """``... waaraan Noord-Macedonië als lid deelnam. Het land trad op 27 maart toe``: a joining
    sentence whose subject points back (``het land``, ``beide landen``) names the states of the
    nearest sentence before it in its paragraph (at most three back) that names a state whose
    reference accession day it states: exactly one for ``het land``, two for ``beide landen``,
    else nothing. The evidence runs from that sentence to this one."""
    doc = ctx.doc
    m = _join_anaphor(doc_text(doc)[sent.start_char:sent.end_char])
    if m is None or not days:
        return
    all_sents = sents(doc)
    k = next((n for n, s in enumerate(all_sents) if s.start == sent.start), 0)
    for j in range(k - 1, max(-1, k - 1 - _ANAPHOR_REACH), -1):
        if not same_paragraph(doc, all_sents[j], all_sents[j + 1]):
            return
        prev = all_sents[j]
        named = spans_in(doc, prev.start, prev.end, ("Country",))
        if named:
            break
    else:
        return
    found = {sp.kb_id_: days[str(ent.nato_accession)] for sp in named
             if sp.kb_id_ not in done and (ent := ref.get(sp.kb_id_)) is not None and ent.nato_accession
             and str(ent.nato_accession) in days}
    if len(found) != (1 if m.group("one") else 2):
        return
    for key in sorted(found):
        done.add(key)
        ctx.relate(key, "kg:accessionDate", found[key],
                   ctx.evidence(prev.start_char, sent.end_char, "countries.joined_by_anaphor"))


def run(ctx: Context) -> None:
    """Support between states and accession dates."""
    _supports(ctx)
    _supplies(ctx)
    _accession(ctx)
    _membership(ctx)
    _membership(ctx, _JOINED_ON, _JOIN_WORDS, "countries.joined_on")
    _joined_on_day(ctx)
