"""Acts only those at a meeting perform: hosting, chairing, opening or closing it, sitting
with someone at it, leaving it early (``de top, voorgezeten door ...``, ``gastheer ... was``).

Feeds ``kg:participant``.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.model import PERSON_CLASSES
from kg.nlp.components.docindex import lowers, spaces, texts
from kg.extract.events.common import _before_comma, _clause_at, _CLAUSE_EDGES, _DETS, _hedged, link, _names_meeting, _NEWS_SETS, _OFFICE_WORDS, sentences_with, _SETS_REL, spans_in, _subordinate_start, words_of
from kg.extract.events.news import _SITTING_SUFFIXES
from kg.extract.events.parties import _is_forum, _participants
from kg.extract.events.scope import _antecedent, _gathering_ref, _names_other_kind, _whole_words


_ACT_WORDS = _NEWS_SETS["host_nouns"] | _NEWS_SETS["chair_verbs"] | _NEWS_SETS["chair_separable"] \
    | _NEWS_SETS["leave_verbs"] | _NEWS_SETS["first_last"] | frozenset({"woord", "voorzitterschap", "erbij"}) \
    | _NEWS_SETS["sitting_with_verbs"]


_PRESENCE_OR_BECOMING = _NEWS_SETS["presence_verbs"] | frozenset({"wordt", "werd"})


def _act_performers(ctx: Context, sent, a: int, b: int, persons: list):
    """Who performs the act of the clause [a, b): the persons named in it; for ``, die ...``
    the person named right before the comma; for ``Hij``/``Zij`` opening the sentence the one
    person of the sentence before (``_antecedent``)."""
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    first = next((k for k in range(a, b) if not space[k]), b)
    if first < b and lw[first] in _NEWS_SETS["relative_pronouns"] and a > sent.start and lw[a - 1] == ",":
        comma = a - 1
        if lw[first] != "die":
            return [p for p in persons if p.end <= comma and all(space[k] for k in range(p.end, comma))]
        return _before_comma(doc, persons, comma, sent.start)
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
            if (_singular(lw[k]) in whole or _singular(lw[k]).endswith("sessie")) and lw[k - 1] in _DETS \
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
        return a, _likewise_end(lw, space, sent, b)
    if w == "woord" and i > a and lw[i - 1] == "het":  # "nam het woord", "het woord voeren"
        around = [lw[k] for k in range(max(a, i - 4), min(b, i + 3)) if not space[k]]
        return (a, b) if not _NEWS_SETS["floor_verbs"].isdisjoint(around) else None
    return None


def _singular(w: str) -> str:
    """``vergaderingen`` -> ``vergadering``, ``sessies`` -> ``sessie``: a plural noun of
    meeting as its singular (``zat de vergaderingen voor``); other words as they are."""
    return w[:-2] if w.endswith(("ingen", "sten")) else w[:-1] if w.endswith("ies") else w


def _likewise_end(lw: list[str], space: list[bool], sent, b: int) -> int:
    """``X was erbij, net als haar collega Y``: a clause ending at the comma ``b`` and followed
    by ``net als``/``evenals`` says the same of the ones named there: the end of that phrase
    (the next clause edge), else ``b``."""
    toks = [k for k in range(b, min(sent.end, b + 6)) if not space[k]]
    if len(toks) < 3 or lw[toks[0]] != "," or not ([lw[toks[1]], lw[toks[2]]] == ["net", "als"] or lw[toks[1]] == "evenals"):
        return b
    k = toks[2] + 1
    while k < sent.end and lw[k] not in _CLAUSE_EDGES:
        k += 1
    return k


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
    # a title may hold "nieuwe" and set the name off by a comma: "voor de nieuwe minister, X"
    return [p for p in persons if after < p.start and all(
        lw[t] in _DETS or lw[t] in _OFFICE_WORDS or lw[t] in _NEWS_SETS["title_adjectives"] or lw[t] == "van" or texts(doc)[t][:1].isupper()
        or lw[t] == "," and t == max(k for k in range(after + 1, p.start) if not space[k])
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
    for p in spans_in(doc, nxt + 1, sent.end, PERSON_CLASSES):
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


def _toen_opens_clause(doc, sent, blocking: set[str]) -> bool:
    """``begonnen toen Trump het woord nam``: ``toen`` right before a person's name opens a
    clause (``when``), it does not place what is told at another time (``toen was X ...``).
    True when that is the only word that would block the sentence."""
    if blocking != {"toen"}:
        return False
    lw, space = lowers(doc), spaces(doc)
    starts = {p.start for p in spans_in(doc, sent.start, sent.end, PERSON_CLASSES)}
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
        persons = spans_in(doc, sent.start, sent.end, PERSON_CLASSES)
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
            if p.label_ in PERSON_CLASSES or rule == "events.sitting_with_participant":
                link(ctx, main, "kg:participant", p.kb_id_, p, rule)
