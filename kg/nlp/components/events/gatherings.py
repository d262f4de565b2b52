"""kg_events, gatherings at the meeting that are sessions of it. A council or
commission mention ("NATO-Ukraine Council", "de NAR") that meets there, and the text
it covers (its sentence and the next ones of the paragraph up to another
gathering); the hedges that make a council no session: it does not meet ("komt niet
bijeen", "staat niet op de agenda"), meets later ("staat later dit jaar gepland"),
met at another time ("was donderdag al bijeengekomen", "had op 21 oktober besloten"),
is replaced or abolished, or its sittings are suspended or do not take place ("Formele
bijeenkomsten van de X vinden sindsdien niet plaats", "zijn opgeschort"). A NATO body without
a council noun in its name (``nato_bodies``: the Nuclear Planning Group) counts as a council. A gathering in a format ("kwamen de ministers in
RS-formaat bijeen", "in ISAF-samenstelling", "een ISAF-bijeenkomst"); whether a
sentence speaks of the main meeting (``_at_main``) and how far a gathering's text
runs ("Hieraan namen ... deel", ``_referring_end``).

Feeds sessions of a council or format (``kg:Session``, ``kg:hasSession``) and the
scopes that the extract stage reads participants (``kg:participant``) from.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Doc

from kg.dates import find_dates
from kg.nlp.components.docindex import lowers, memo, texts, mentions, sent_of, span_text, spaces, words_where
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.spans import entity_table
from kg.nlp.components.fold import fold  # fold: memoised kg.slug.fold
from kg.nlp.components.events.common import (
    DATA, MONTH_NAMES, _BRIDGE, _SESSION_NOUNS, _GATHERING_SUFFIXES, Meeting, _ns, _is_cap, _REFERRING,
    _REFERRING_OPENERS,
)
from kg.nlp.components.events.places import _reference_key

_BODY_HEADS = frozenset(DATA["body_heads"])
_NATO_BODIES = frozenset(DATA["nato_bodies"])


@lru_cache(maxsize=1 << 14)
def _ends_in_body_head(name: str) -> bool:
    """``NATO-Ukraine Council``: the name's last word (hyphens split words) is a council noun."""
    last = fold(name).replace("-", " ").split()[-1:]
    return bool(last) and last[0] in _BODY_HEADS


def _body_spans(doc: Doc) -> list:
    """Council/commission organisation mentions (NATO-Ukraine Council, NAR, ...)."""
    out = []
    for span in mentions(doc):
        if span.label_ != "Organisation":
            continue
        info = entity_table(doc).get(span.kb_id_, {})
        names = [info.get("label", ""), span_text(doc, span), *info.get("alt_labels", ())]
        if span.kb_id_ in _NATO_BODIES or any(_ends_in_body_head(n) for n in names if n):
            out.append(span)
    return out


def _is_nato_body(doc: Doc, span) -> bool:
    if span.kb_id_ in _NATO_BODIES:
        return True
    info = entity_table(doc).get(span.kb_id_, {})
    names = " ".join([info.get("label", ""), span.text, *info.get("alt_labels", ())])
    return any(m in fold(names) for m in DATA["nato_markers"])


def _paragraph_end(text: str, pos: int) -> int:
    m = re.compile(r"\n\s*\n").search(text, pos)
    return m.start() if m else len(text)


_DOCUMENT_NOUNS = frozenset(DATA["body_document_nouns"])
_MEETING_CUES = frozenset(DATA["body_meeting_cues"]) | frozenset(DATA["format_gathering_cues"]) \
    | frozenset(DATA["gather_verbs"]) | _SESSION_NOUNS


def _meets(doc: Doc, body) -> bool:
    """Is this council mention a meeting of the council (a session), not just its name? A
    session noun before it says so; a NATO council's name needs a sentence that speaks of a
    sitting (``body_meeting_cues``), not a title in a list of declarations."""
    lw = lowers(doc)
    sent = sent_of(doc, body)
    before = set(lw[max(sent.start, body.start - 5):body.start])
    if before & _DOCUMENT_NOUNS:
        return False
    if _agent(doc, body):  # "door de Noord-Atlantische Raad benoemd": the council acts, it is no sitting
        return False
    if _named_as_means(doc_text(doc), body):  # "dat de NAVO-X Raad een volwaardig forum blijft"
        return False
    if before & _SESSION_NOUNS:
        return True
    return _is_nato_body(doc, body) and not _MEETING_CUES.isdisjoint(lw[sent.start:sent.end])


_BESIDE_MEETING = frozenset(DATA["beside_meeting_words"])
_FRAMEWORK = frozenset(DATA["meeting_framework_words"])


def _beside_the_meeting(doc: Doc, body) -> bool:
    """Does the body's sentence set its sitting before or after the meeting (``Voorafgaand aan de
    bijeenkomst komt de X bijeen``, ``na afloop van de top``, ``aansluitend op de ministeriële``),
    and not in the meeting's framework (``in het kader van``)? Then it sits beside the meeting,
    no session of it. A bare ``Aansluitend komt de X bijeen`` is the next item of the programme."""
    lw = lowers(doc)
    sent = sent_of(doc, body)
    words = lw[sent.start:sent.end]
    if not _FRAMEWORK.isdisjoint(words):
        return False
    if not _BESIDE_MEETING.isdisjoint(words):
        return True
    toks = [w for w in words if w.strip()]
    return any(w == "aansluitend" and nxt in ("aan", "op") for w, nxt in zip(toks, toks[1:]))


def _agent(doc: Doc, body) -> bool:
    """``door de Raad benoemd``: the council is the agent of a passive verb (the body that
    decided or appointed, at whatever time), not a session of the meeting."""
    lw, space = lowers(doc), spaces(doc)
    start = sent_of(doc, body).start
    i = body.start - 1
    while i >= start and (space[i] or lw[i] in ("de", "het")):
        i -= 1
    return i >= start and lw[i] == "door"


def _scope_end(doc: Doc, body, bodies) -> int:
    """A council named in running text: its sentence and the next ones of the paragraph,
    up to a sentence that turns to another session."""
    end = _paragraph_end(doc_text(doc), sent_of(doc, body).end_char)
    nouns = _SESSION_NOUNS
    formats = _format_sessions(doc)  # "in RS-formaat": another gathering
    sent = sent_of(doc, body)
    lw, space = lowers(doc), spaces(doc)  # per-doc arrays, no Tokens
    while sent.end < len(doc) and sent.end_char < end:
        nxt = sent_of(doc, doc[sent.end])
        other = any(b.start >= nxt.start and b.end <= nxt.end and b.kb_id_ != body.kb_id_ and _meets(doc, b)
                    for b in bodies)
        # another gathering: "een bijeenkomst", "een ISAF-bijeenkomst", "het werkdiner"
        new = any((lw[i] in nouns or lw[i].endswith(_GATHERING_SUFFIXES)) and not (i > nxt.start and lw[i - 1] in ("deze", "die", "dit"))
                  for i in range(nxt.start, nxt.end)) or any(nxt.start <= f[0] < nxt.end for f in formats)
        first = next((lw[i] for i in range(nxt.start, nxt.end) if not space[i]), "")
        if other or new or first in _TOPIC_SHIFT and not _refers_back(lw, nxt):
            return nxt.start_char
        sent = nxt
    return min(end, sent.end_char)


_TOPIC_SHIFT = frozenset(DATA["topic_shift_words"])


def _refers_back(lw: list[str], sent) -> bool:
    """Does ``sent`` point back at the gathering before it: a referring adverb ("daaraan",
    "hieraan") or "deze/die" + a gathering noun ("aan deze sessie")?"""
    return any(lw[j] in _REFERRING_OPENERS or lw[j] in _SESSION_NOUNS and j > sent.start and lw[j - 1] in _REFERRING
               for j in range(sent.start, sent.end))


# "<council> komt (tijdens deze bijeenkomst) niet (op ministerieel niveau) bijeen", "… vergadert niet",
# "… zal niet bijeenkomen": said right after the council's name
# a report's past tense too: "… kwam niet bijeen", "… is sinds 2019 niet meer gehouden"
_IDLE = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:komt|komen|zal|zullen|wordt|worden|vergadert|vergaderen"
                   r"|kwam|kwamen|werd|werden|is|was|vergaderde|vergaderden)\b"
                   r"[^.;:!?]{0,60}?\b(?:niet|geen)\b(?:[^.;:!?]{0,40}?\b(?:bijeen\w*|vergader\w*|belegd|plaats|gehouden)\b)?")


# "… staat niet op de agenda", "… is (dit keer) niet voorzien": said right after the council's name
_OFF_AGENDA = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:staat|staan|is|zijn|wordt|worden)\b[^.;:!?]{0,30}?\b(?:niet|geen|evenmin|nooit)\b"
                         r"[^.;:!?]{0,20}?\b(?:op\s+(?:de|het)\s+(?:agenda|programma)|voorzien|gepland|geagendeerd)\b")
# "er vond geen bijeenkomst van de NAVO-Rusland Raad plaats", "geen aparte NRC": a negated gathering
# of the council, said right before its name
_NOT_HELD_BEFORE = re.compile(r"\b(?:geen|niet\s+een)\s+(?:\w+\s+)?(?:(?:bijeenkomst(?:en)?|vergadering(?:en)?|sessies?|zitting(?:en)?)\s+"
                              r"(?:plaats\s+)?van\s+(?:de\s+|het\s+)?)?$", re.IGNORECASE)
# "Een bijeenkomst van de NAVO-Rusland Raad (op het niveau van …) vond in Chicago niet plaats": a
# gathering of the council named before it, its clause saying it did not take place
# ("Formele bijeenkomsten van de X vinden sindsdien niet plaats": the plural too)
_GATHERING_OF_BEFORE = re.compile(r"\b(?:bijeenkomst(?:en)?|vergadering(?:en)?|sessies?|zitting(?:en)?)\s+van\s+(?:de\s+|het\s+)?$",
                                  re.IGNORECASE)
_DID_NOT_TAKE_PLACE = re.compile(r"[^.;:!?]{0,100}?\b(?:vond|vindt|vinden|vonden)\b[^.;:!?]{0,40}?\b(?:niet|geen)\b"
                                 r"[^.;:!?]{0,20}?\bplaats\b", re.IGNORECASE)
# a council named as the one replaced or abolished ("de NUC, die de NAVO-Oekraïne Commissie vervangt",
# "de voormalige X", "X werd opgeheven"): no longer a council that meets
_FORMER_BEFORE = re.compile(r"(?:\b(?:voormalige|vroegere|toenmalige|opgeheven|afgeschafte)\s+|"
                            r"\b(?:vervanging\s+van|opvolger\s+van|in\s+plaats\s+van|vervangt|verving)\s+(?:de\s+|het\s+)?)$", re.IGNORECASE)
_REPLACED_OBJECT = re.compile(r"\b(?:die|dat|welke)\s+(?:de\s+|het\s+)$", re.IGNORECASE)
_REPLACES = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:vervangt|vervangen|verving|vervingen|opvolgt|opvolgen|opvolgde)\b", re.IGNORECASE)
_REPLACED_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:is|zijn|wordt|worden|werd|werden)\s+(?:\w+\s+){0,3}?"
                             r"(?:vervangen|opgeheven|afgeschaft|opgevolgd)\b", re.IGNORECASE)


# "de bijeenkomsten van de X zijn (sinds 2014) opgeschort", "de opschorting van de X": a council
# whose sittings are suspended (not "… kwam weer bijeen, na de opschorting": its own clause
# may speak of no sitting after all)
_SUSPENDED_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[^.;:!?]{0,50}?\b(?:opgeschort|bevroren)\b", re.IGNORECASE)
_SUSPENDED_BEFORE = re.compile(r"\bopschorting\s+van\s+(?:de\s+|het\s+)?(?:(?:\w+\s+)?(?:bijeenkomsten|vergaderingen|"
                               r"contacten)\s+(?:in|van)\s+(?:de\s+|het\s+)?)?$", re.IGNORECASE)
_RESUMED = re.compile(r"\b(?:bijeen\w*|vergader\w*|plaats\w*|weer|opnieuw|hervat\w*)\b", re.IGNORECASE)


def _suspended(text: str, b, before: str) -> bool:
    """Is council mention ``b`` said in its own clause to be suspended (``… van de NAVO-Rusland
    Raad zijn opgeschort``, ``de opschorting van de X``), with no word of it meeting again?"""
    clause = re.match(r"[^.;:!?]*", text[b.end_char:b.end_char + 200]).group(0)
    if _RESUMED.search(clause):
        return False
    return bool(_SUSPENDED_AFTER.match(clause) or _SUSPENDED_BEFORE.search(before))


def _idle_bodies(doc: Doc, bodies) -> set[str]:
    """Councils the text says do not meet (``… komt niet bijeen``, ``… staat niet op de
    agenda``, ``er vond geen bijeenkomst van … plaats``) or names as replaced or
    abolished: no session of the meeting, even under their own heading."""
    text = doc_text(doc)
    out = set()
    for b in bodies:
        m = _IDLE.match(text, b.end_char, min(len(text), b.end_char + 160))
        if m and (m.group(0).split()[0] == "vergadert" or re.search(r"(?:bijeen|vergader|belegd|plaats|gehouden)\w*$", m.group(0))):
            out.add(b.kb_id_)
            continue
        before = text[max(0, b.start_char - 80):b.start_char]
        if _OFF_AGENDA.match(text, b.end_char, min(len(text), b.end_char + 120)) or _NOT_HELD_BEFORE.search(before):
            out.add(b.kb_id_)
        elif _GATHERING_OF_BEFORE.search(before) and _DID_NOT_TAKE_PLACE.match(text, b.end_char, min(len(text), b.end_char + 200)):
            out.add(b.kb_id_)
        elif _superseded(text, b, before) or _suspended(text, b, before):
            out.add(b.kb_id_)
    return out


# "… staat later dit jaar gepland", "… zal op een later tijdstip bijeenkomen": said in the council's
# own clause, a gathering after this meeting (not "later vandaag", "later die middag"); "… volgt in juni"
_LATER_WHEN = (r"later\s+(?:dit|dat|deze|in\s+het|in\s+de)\s+(?:jaar|najaar|voorjaar|zomer|herfst|winter|maand)"
               r"|op\s+een\s+latere?\s+(?:moment|tijdstip|datum)|volgend\s+jaar|volgende\s+(?:maand|week)"
               r"|in\s+de\s+loop\s+van\s+(?:dit|het|volgend)\s+jaar")
_LATER_AFTER = re.compile(
    r"[^.;:!?]{0,60}?\b(?:(?:" + _LATER_WHEN + r")\b[^.;:!?]{0,40}?\b(?:gepland|voorzien|plaats\w*|bijeen\w*|vergader\w*|gehouden|georganiseerd)"
    r"|volg(?:t|en)\s+(?:later|in\s+(?:" + "|".join(MONTH_NAMES) + r")))\b", re.IGNORECASE)


# "<council> ... een volwaardig forum voor overleg blijft": in the council's own clause, a noun of a
# means with its article and at most two words before it, no verb of sitting between
_MEANS_AFTER = re.compile(r"[^.;:!?]{0,80}?\b(?:een|het|dat|dit)\s+(?:[\w-]+\s+){0,2}(?:" + "|".join(DATA["means_nouns"])
                         + r")\b", re.IGNORECASE)
_SITTING_VERB = re.compile(r"\b(?:bijeen\w*|vergader\w*|plaats\w*|belegd|sessie\w*)\b", re.IGNORECASE)


def _named_as_means(text: str, b) -> bool:
    """Is council mention ``b`` called a means in its own clause (``dat de NAVO-X Raad een
    volwaardig forum voor overleg blijft``)? It is named as a body, not as a sitting."""
    m = _MEANS_AFTER.match(text, b.end_char, min(len(text), b.end_char + 200))
    return bool(m) and not _SITTING_VERB.search(m.group(0))


def _planned_later(text: str, b) -> bool:
    """Is council mention ``b`` said in its own clause to meet later than this meeting
    (``een bijeenkomst van de X staat later dit jaar gepland``)? No session of the meeting."""
    return bool(_LATER_AFTER.match(text, b.end_char, min(len(text), b.end_char + 160)))


def _superseded(text: str, b, before: str) -> bool:
    """Is council mention ``b`` named as a former council, or as the one another replaces?"""
    after = (text, b.end_char, min(len(text), b.end_char + 80))
    if _FORMER_BEFORE.search(before) or _REPLACED_AFTER.match(*after):
        return True
    return bool(_REPLACED_OBJECT.search(before)) and bool(_REPLACES.match(*after))


_FORMAT_SUFFIXES = tuple(DATA["format_suffixes"])
_FORMAT_CUES = frozenset(DATA["format_gathering_cues"])


def _format_sessions(doc: Doc) -> list[tuple[int, int, str]]:
    """:func:`_find_format_sessions`, worked out once per doc."""
    return memo(doc, "events.format_sessions_found", lambda: _find_format_sessions(doc))


def _find_format_sessions(doc: Doc) -> list[tuple[int, int, str]]:
    """``kwamen de ministers in RS-formaat bijeen``, ``vond een bijeenkomst plaats in
    ISAF-samenstelling``: (first token, end token, the format's name) of a gathering in
    the format of a named mission or forum, in a sentence that speaks of a gathering.
    The name is capitalised and not NATO itself ("in NAVO-samenstelling")."""
    out = []
    lw, tx, ns = lowers(doc), texts(doc), _ns(doc)
    for k in words_where(doc, "LOWER", "events.format_sessions", lambda w: w.endswith(_FORMAT_SUFFIXES)):
        i = ns[k]
        head = tx[i].rsplit("-", 1)[0]
        if not head or not _is_cap(head) or fold(head) in DATA["nato_markers"] or fold(head) in ("navo", "nato"):
            continue
        # a name of more words: "in Resolute Support-formaat"
        j = k
        while j > 0 and j - k > -3 and _is_cap(tx[ns[j - 1]]) and lw[ns[j - 1]] not in _BRIDGE:
            j -= 1
        before = j - 1
        while before >= 0 and lw[ns[before]] in ("het", "de"):
            before -= 1
        if before < 0 or lw[ns[before]] != "in":
            continue
        sent = sent_of(doc, doc[i])
        if _FORMAT_CUES.isdisjoint(lw[sent.start:sent.end]):
            continue
        stem = " ".join([*(tx[ns[x]] for x in range(j, k)), head])
        out.append((ns[j], i + 1, stem))
    return out


def _at_main(doc: Doc, main: Meeting, sent) -> bool:
    """Does sentence ``sent`` speak of a gathering at the main meeting: it names no other
    meeting and no day outside the main meeting's ("in 2019 spraken de ministers in
    Weimar-formaat in Parijs" is not)?"""
    if any(sp.label_ in ("Summit", "MinisterialMeeting") and sp.kb_id_ != main.key
           and sent.start <= sp.start < sent.end for sp in mentions(doc)):
        return False
    first, last = (main.ref.start, main.ref.end) if main.ref is not None else \
        (main.date.start, main.date.end) if main.date is not None and main.date.is_day and main.date.year else (None, None)
    if first is None:
        return True
    lw = lowers(doc)
    for i in range(sent.start + 1, sent.end):  # "in 2016 kwamen de ministers ... bijeen"
        if lw[i - 1] == "in" and re.fullmatch(r"(19|20)\d\d", lw[i]) and not first.year <= int(lw[i]) <= last.year:
            return False
    for d in find_dates(span_text(doc, sent), first.year):
        if d.year is None:
            continue
        if d.explicit_year and not first.year <= d.year <= last.year:
            return False  # a year other than the meeting's: another gathering
        if d.is_day and not first <= d.start <= last:
            return False
    return True


def _format_name(doc: Doc, stem: str) -> str:
    """The name a format session is keyed by: the reference mission or forum the format's
    name folds to ("ISAF"), else the one of the document whose initials it is ("RS":
    Resolute Support), else the name itself."""
    key = _reference_key(stem, ("Operation", "Organisation"))
    if key is None and stem.isupper() and len(stem) >= 2:
        for k, info in entity_table(doc).items():
            if info["cls"] not in ("Operation", "Organisation"):
                continue
            names = [info["label"], *info.get("alt_labels", ())]
            if any("".join(w[0] for w in n.replace("-", " ").split() if w[:1].isupper()) == stem
                   and len(n.split()) >= 2 for n in names):
                key = k
                break
    return key.split("/", 1)[1].replace("-", " ") if key else stem


def _referring_end(doc: Doc, sent) -> int:
    """The end of a gathering's text: its sentence ``sent`` and the next ones of the paragraph
    that speak of it ("Hieraan namen … deel", "… nam aan deze sessie deel")."""
    lw, text = lowers(doc), doc_text(doc)
    nouns = _SESSION_NOUNS
    para_end = text.find("\n\n", sent.end_char)
    para_end = len(text) if para_end < 0 else para_end
    end, nxt = sent.end_char, sent
    while nxt.end < len(doc) and nxt.end_char <= para_end:
        nxt = sent_of(doc, doc[nxt.end])
        if nxt.start_char >= para_end:
            break
        first = next((lw[j] for j in range(nxt.start, nxt.end) if not doc[j].is_space), "")
        refers = first in _REFERRING_OPENERS or any(
            lw[j] in nouns and j > nxt.start and lw[j - 1] in _REFERRING for j in range(nxt.start, nxt.end))
        if not refers:
            break
        end = nxt.end_char
    return end


def _format_gatherings(doc: Doc) -> list[int]:
    """Tokens such as ``ISAF-bijeenkomst``, ``NUC-vergadering``: a gathering noun after
    a capitalised name (not the NATO meeting itself: "NAVO-bijeenkomst")."""
    out = []
    for k in words_where(doc, "LOWER", "events.format_gatherings", lambda w: w.endswith(_GATHERING_SUFFIXES)):
        i = _ns(doc)[k]
        head = texts(doc)[i].rsplit("-", 1)[0]
        if head[:1].isupper() and fold(head) not in DATA["nato_markers"] and fold(head) not in ("navo", "nato"):
            out.append(i)
    return out


_WEEKDAYS = {w: n for n, w in enumerate(DATA["weekdays"])}
_PLUPERFECT = frozenset(DATA["pluperfect_auxiliaries"])
_GATHERED = frozenset(DATA["gathered_participles"])


def _met_another_time(doc: Doc, body, main: Meeting) -> bool:
    """Does the council's sentence put its gathering at another time than the main
    meeting: a day-date outside the meeting's days ("De NAR had op 21 oktober besloten"),
    a weekday none of its days fall on ("was donderdag al bijeengekomen" of a Friday's
    summit), or a pluperfect gathering ("was ... bijeengekomen": before the time told of)?
    Then it is no session of the meeting. Without the meeting's days only the pluperfect
    counts."""
    sent = sent_of(doc, body)
    lw = lowers(doc)
    words = lw[sent.start:sent.end]
    if not _PLUPERFECT.isdisjoint(words) and not _GATHERED.isdisjoint(words):
        return True
    first, last = (main.ref.start, main.ref.end) if main.ref is not None else \
        (main.date.start, main.date.end) if main.date is not None and main.date.is_day and main.date.year else (None, None)
    if first is None or last is None:
        return False
    days = {(first + dt.timedelta(days=n)).weekday() for n in range((last - first).days + 1)}
    if any(_WEEKDAYS.get(w) is not None and _WEEKDAYS[w] not in days for w in words):
        return True
    return any(d.is_day and d.year is not None and d.start is not None and not first <= d.start <= last
               for d in find_dates(span_text(doc, sent), first.year))


_AMBASSADORS = frozenset(DATA["ambassador_words"])


def _ambassadors_council(doc: Doc, body) -> bool:
    """Does the council's sentence name the ambassadors (``ambassador_words``: "de ambassadeurs
    kunnen elkaar nog spreken in de NAVO-Rusland Raad", "op ambassadeursniveau")? Then the council
    sits at the level of the permanent representatives: no session of the ministers' or leaders'
    meeting."""
    sent = sent_of(doc, body)
    return not _AMBASSADORS.isdisjoint(lowers(doc)[sent.start:sent.end])
