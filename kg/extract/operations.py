"""Rule family: operations — who takes part in an operation a sentence does not name.

``kg.extract.events.operation_mentions`` reads participation from sentences that name the operation
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

* a sentence listing countries that ``leveren``, ``dragen bij``, ``stellen beschikbaar``,
  ``plaatsen``: they take part, when the operation is the paragraph's topic (no summit, plan or
  other operation named since) or the sentence speaks of ``de missie`` and the document has
  named one operation; never when they give to someone else (``aan Oekraïne``);
* ``het commando van de missie berust bij Canada``, ``onder leiding van Italië``: the commander;
* ``de Nederlandse eenheden worden gelegerd in ... Adana``: the units' country takes part, and
  the places after the verb are where the operation is;
* ``... missies boven Irak. Nederland neemt daarmee deel aan X``: X is where the sentence
  before acts.

* ``het besluit (van het kabinet) om bij te dragen aan X``: the Netherlands takes part in X;
* ``Hr.Ms. De Ruyter nam deel aan X``: a Dutch navy ship taking part is the Netherlands taking part;
* ``Ook partnerlanden leveren een bijdrage: Zweden ..., Qatar ...``: partner states the sentence
  names take part, though they are no allies;
* ``de battlegroup``, in a letter that named one operation, is that operation (its framework
  nation, where it is stationed).

* ``de coalitie tegen X, die onder Amerikaanse leiding opereert als Y``: the coalition is Y — who takes
  part in it, leads it or acts ``binnen de coalitie`` later takes part in Y;
* ``onder Duitse leiding`` close after the operation: that state commands it;
* ``het operatiegebied uit te breiden tot het oosten van Syrië``: the operation is in that state.

* ``de door Duitsland geleide battlegroup``: the states after ``door`` lead it; ``de inzet van Nederlandse
  F-16's in het kader van X``: the state of the forces takes part in X;
* ``X wordt uitgevoerd door de SNMG1, die onder Portugees bevel staat. ... leveren een schip aan de groep``:
  the force that carries X out is X (who commands it or gives to it takes part);
* ``droegen hun taak over aan een Spaanse eenheid``: the ally taking over takes part; ``Ook Duitsland houdt
  zijn eenheden in Turkije``, in a letter on one mission held there: the ally takes part;
* ``X (ACR), is gevestigd in Wiesbaden``: X is there; ``levert stafofficieren aan het hoofdkwartier``:
  gives to the paragraph's operation.

A hedged or negated sentence (``nemen aan deze missie niet deel``) states nothing.
An operation located in the first state of a list (``in Polen en Duitsland``) is
located in each.
"""
from __future__ import annotations

import json
from bisect import bisect_left
from pathlib import Path

from kg.extract.context import Context
from kg.extract.events.common import _hedged, link, spans_in
from kg.nlp.components.docindex import lowers, sent_of, sents, spaces
from kg.nlp.components.docindex import text as doc_text

_DATA = json.loads(Path(__file__).with_name("money.json").read_text(encoding="utf-8"))["operations"]
_ANAPHOR_DETS = frozenset(_DATA["anaphor_determiners"])
_ANAPHOR_NOUNS = frozenset(_DATA["anaphor_nouns"])
_SUPPORT_VERBS = frozenset(_DATA["passive_support_verbs"])
_TAKE_VERBS = frozenset(_DATA["take_part_verbs"])
_TROOP_NOUNS = frozenset(_DATA["troop_nouns"])
_SOURCE_WORDS = frozenset(_DATA["troop_source_words"])
_LEAD_NOUNS = frozenset(_DATA["lead_nouns"])
_TOPIC_VERBS = frozenset(_DATA["topic_verbs"])
_TOPIC_PAIRS = tuple(tuple(p) for p in _DATA["topic_verb_pairs"])
_MISSION_NOUNS = frozenset(_DATA["mission_anaphor_nouns"])
_COMMAND_NOUNS = frozenset(_DATA["command_nouns"])
_COMMAND_LINKS = frozenset(_DATA["command_links"])
_STATIONED = frozenset(_DATA["stationed_verbs"])
_UNIT_NOUNS = frozenset(_DATA["unit_nouns"])
_STATION_BLOCKERS = frozenset(_DATA["stationed_blockers"])
_SYSTEM_NOUNS = frozenset(_DATA["system_nouns"])  # "F-16's", "Patriots": weapon systems sent are forces
_FORCE_NOUNS = _UNIT_NOUNS | _TROOP_NOUNS | frozenset(_DATA["contribution_object_nouns"]) | _SYSTEM_NOUNS
_FORCE_SUFFIXES = tuple(_DATA["force_suffixes"])
_HOME = "country/nederland"  # the letters' own country: a place in it is a home base
_OTHER_TOPICS = ("Summit", "MinisterialMeeting", "Initiative", "Pledge")
_RECIPIENT_WORDS = frozenset({"aan", "naar"})
_DETS = frozenset({"de", "het", "deze", "dit", "die", "dat", "een"})
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
        seg = text[all_sents[j].start_char:all_sents[j + 1].start_char]
        body = seg.lstrip()
        if "\n" in body.strip(" "):
            return None  # a heading in the sentence or a new paragraph after it: the operation is named again
        ops = {sp.kb_id_ for sp in spans_in(ctx.doc, all_sents[j].start, all_sents[j].end, ("Operation",))}
        if ops:
            return next(iter(ops)) if len(ops) == 1 else None
        if "\n" in seg[:len(seg) - len(body)]:
            return None  # sentence j opens the paragraph: nothing before it is
    return None


def _paragraph_topic(ctx: Context, k: int, all_sents: list) -> str | None:
    """The operation sentence ``k`` is about without naming it: the one operation of the nearest
    earlier sentence of its paragraph that names any, when no sentence from there on (this one
    included) names a summit, a ministerial, a plan or a pledge — another subject."""
    op = _paragraph_operation(ctx, k, all_sents)
    if op is None:
        return None
    for j in range(k, -1, -1):
        sent = all_sents[j]
        if j < k and spans_in(ctx.doc, sent.start, sent.end, ("Operation",)):
            return op
        if spans_in(ctx.doc, sent.start, sent.end, _OTHER_TOPICS):
            return None
    return None


def _letter_operation(ctx: Context, k: int, all_sents: list) -> str | None:
    """The operation a letter about one mission speaks of in a paragraph that does not name it
    (``De operatie stond onder bevel van ... Naast bondgenoten als Frankrijk droegen ook partnerlanden
    bij``; under ``De Nederlandse bijdrage``: ``Nederland draagt bij met 160 militairen. ... Ook Zweden
    levert in Mazar-e-Sharif een bijdrage``): the one operation the document says a country takes part
    in (anywhere: a letter names its mission's contributors where it will), named before sentence ``k``, when the paragraph up to ``k`` names no operation, meeting, plan or
    pledge (another subject) and speaks of the mission (``de operatie``) or of contributing to no one
    named (``draagt bij met``). None otherwise."""
    doc = ctx.doc
    text = doc_text(doc)
    first = k
    while first > 0 and "\n" not in text[all_sents[first - 1].end_char:all_sents[first].start_char] \
            and "\n" not in text[all_sents[first].start_char:all_sents[first].end_char].strip(" ")[:1]:
        first -= 1
    para = all_sents[first:k + 1]
    if any(spans_in(doc, s.start, s.end, ("Operation",) + _OTHER_TOPICS) for s in para):
        return None
    if not any(_mission_anaphor(ctx, s) or _contributes_to_none(ctx, s) for s in para):
        return None
    ops = {f.subject for f in ctx.extraction.facts
           if f.predicate == "kg:participant" and f.subject.startswith("operation/")
           and getattr(f.object, "key", "").startswith("country/")}
    if len(ops) != 1:
        return None
    op = next(iter(ops))
    if any(_placed_elsewhere(ctx, s, op) for s in para):
        return None  # "... aan de battlegroup in Estland. X treedt daar op als ...": another mission's paragraph
    return op if any(sp.kb_id_ == op for sp in spans_in(doc, 0, all_sents[k].start, ("Operation",))) else None


_BIJ_PAIRS = tuple(p for p in _TOPIC_PAIRS if p[1] == "bij")


def _contributes_to_none(ctx: Context, sent) -> bool:
    """``Nederland draagt bij met 160 militairen``, ``droegen ook partnerlanden bij, waaronder ...``: the
    verb of contributing, with nothing after ``aan`` it contributes to."""
    words = set(lowers(ctx.doc)[sent.start:sent.end])
    return any(a in words and b in words for a, b in _BIJ_PAIRS) and "aan" not in words


def _mission_anaphor(ctx: Context, sent) -> bool:
    """``aan de missie``, ``van deze operatie``: the sentence speaks of a mission it does not name."""
    lw = lowers(ctx.doc)
    words = [lw[i] for i in _words(ctx, sent.start, sent.end)]
    return any(w in _MISSION_NOUNS and words[n - 1] in _DETS for n, w in enumerate(words) if n)


_EXECUTOR_VERBS = frozenset(_DATA["executor_verbs"])
_GROUP_NOUNS = frozenset(_DATA["executor_group_nouns"])
_PASSIVE_AUX = frozenset({"wordt", "worden", "werd", "werden", "is", "zijn"})


def _executors(ctx: Context) -> dict[str, list]:
    """``Allied Protector wordt uitgevoerd door de Standing NATO Maritime Group 1``: operation key ->
    the organisation spans the document says carry it out (the operation, a passive auxiliary, the
    verb, ``door``, an article and the organisation in a row; not hedged or negated)."""
    from kg.extract.events.common import sentences_with
    from kg.nlp.components.docindex import memo

    def build():
        doc = ctx.doc
        lw = lowers(doc)
        out: dict[str, list] = {}
        for sent in sentences_with(doc, "operations.executors", _EXECUTOR_VERBS):
            if _hedged(set(lw[sent.start:sent.end])):
                continue
            idx = _words(ctx, sent.start, sent.end)
            orgs = {sp.start: sp for sp in spans_in(doc, sent.start, sent.end, ("Organisation",))}
            for op in spans_in(doc, sent.start, sent.end, ("Operation",)):
                n = bisect_left(idx, op.end)
                seq = [lw[i] for i in idx[n:n + 3]]
                if len(seq) < 3 or seq[0] not in _PASSIVE_AUX or seq[1] not in _EXECUTOR_VERBS or seq[2] != "door":
                    continue
                m = n + 3
                while m < len(idx) and lw[idx[m]] in ("de", "het"):
                    m += 1
                if m < len(idx) and idx[m] in orgs:
                    out.setdefault(op.kb_id_, []).append(orgs[idx[m]])
        return out
    return memo(ctx.doc, "operations.executors", build)


def _only_operation_before(ctx: Context, sent) -> str | None:
    """The one operation the document named before ``sent`` (None when none or several)."""
    ops = {sp.kb_id_ for sp in spans_in(ctx.doc, 0, sent.start, ("Operation",))}
    return next(iter(ops)) if len(ops) == 1 else None


def _other_recipient(ctx: Context, sent, also: frozenset = frozenset()) -> bool:
    """``levert wapens aan Oekraïne``, ``stuurt troepen naar de grens``: the sentence gives to
    something other than a mission it speaks of (``aan de missie``)."""
    lw = lowers(ctx.doc)
    words = [lw[i] for i in _words(ctx, sent.start, sent.end)]
    for n, w in enumerate(words[:-1]):
        if w in _RECIPIENT_WORDS:
            m = n + 1
            while m < len(words) - 1 and words[m] in _DETS:
                m += 1
            if words[m] not in _MISSION_NOUNS | also \
                    and not (words[m] in _COMMAND_POSTS and words[m + 1:m + 2] != ["van"]):
                return True  # "aan het hoofdkwartier" (of the mission) is no other recipient
    return False


_COMMAND_POSTS = frozenset(_DATA["command_post_nouns"])


def _topic_verb(words: set[str]) -> bool:
    return not words.isdisjoint(_TOPIC_VERBS) or any(a in words and b in words for a, b in _TOPIC_PAIRS)


def _topic_contributors(ctx: Context, sent, op: str) -> None:
    """``Naast Nederland leveren onder andere Denemarken, Spanje en Turkije personeel aan de missie``,
    ``Duitsland plaatst zijn batterijen bij ...``: the countries no preposition governs take part in
    the operation the sentence is about."""
    from kg.extract.events.common import _is_excluded
    from kg.extract.money import _givers
    from kg.reference import nato_members
    group = _GROUP_NOUNS if op in _executors(ctx) else frozenset()  # "aan de groep" that carries it out
    if _other_recipient(ctx, sent, group) or not (_gives_forces(ctx, sent) or _mission_anaphor(ctx, sent)
                                           or _contributes_to_none(ctx, sent)) or _placed_elsewhere(ctx, sent, op):
        return
    allies = nato_members()  # "Rusland plaatst troepen in Belarus" is no contribution to the mission
    partners_from = _partners_from(ctx, sent)
    for sp in _givers(ctx, sent.start, sent.end):
        if (sp.kb_id_ in allies or sp.start > partners_from) and not _is_excluded(ctx.doc, sp.kb_id_, operation=True):
            link(ctx, op, "kg:participant", sp.kb_id_, sp, "operations.topic_contributor")


def _placed_elsewhere(ctx: Context, sent, op: str) -> bool:
    """``Ook Portugal levert in Estland een bijdrage``, ``militairen aan de adviesmissie in Irak``: the
    sentence places the contribution in a country that is not the theatre the reference data gives
    the operation (``mission_theatres`` of units.json), so it speaks of another mission. False when
    the theatre is not known."""
    from kg.nlp.components.units import _THEATRES
    theatre = (_THEATRES.get(op) or [None])[0]
    if theatre is None:
        return False
    lw, space = lowers(ctx.doc), spaces(ctx.doc)
    for sp in spans_in(ctx.doc, sent.start, sent.end, ("Country",)):
        i = sp.start - 1
        while i >= sent.start and space[i]:
            i -= 1
        if i >= sent.start and lw[i] == "in" and sp.kb_id_ != theatre:
            return True
    return False


_PARTNER_NOUNS = frozenset(_DATA["partner_nouns"])


def _partners_from(ctx: Context, sent) -> int:
    """``Ook partnerlanden buiten het bondgenootschap leveren een bijdrage: Zweden ..., Qatar ...``: the
    token after which the sentence names partner countries that contribute (states that need not be
    allies); past the sentence's end when it speaks of no partners."""
    lw = lowers(ctx.doc)
    words = _words(ctx, sent.start, sent.end)
    for n, i in enumerate(words):
        if lw[i] in _PARTNER_NOUNS and not _partners_set_apart(lw, words, n):
            return i
    return sent.end


_PARTNER_CONTRAST = frozenset(_DATA["partner_contrast_words"])
_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")"})


def _partners_set_apart(lw: list[str], words: list[int], n: int) -> bool:
    """``Anders dan de partners X ...``, ``terwijl partners als X ...``, ``partners als X leveren
    geen troepen``: the partner noun at ``words[n]`` stands in a clause that sets the partners
    against the givers, or that gives nothing (``partner_contrast_words`` in its clause)."""
    a = n
    while a > 0 and lw[words[a - 1]] not in _CLAUSE_MARKS:
        a -= 1
    b = n + 1
    while b < len(words) and lw[words[b]] not in _CLAUSE_MARKS:
        b += 1
    return any(lw[words[k]] in _PARTNER_CONTRAST and not (k + 1 < b and lw[words[k + 1]] in _ADDING)
               for k in range(a, b) if k != n)


_ADDING = frozenset({"ook", "alleen"})  # "maar ook partners", "niet alleen bondgenoten": not set apart


def _gives_forces(ctx: Context, sent) -> bool:
    """The sentence gives units, troops or a contribution (``stafofficieren``, ``F-16-jachtvliegtuigen``,
    ``een bijdrage``), not just anything (``kernwapens``)."""
    lw = lowers(ctx.doc)
    return any(lw[i] in _FORCE_NOUNS or lw[i].endswith(_FORCE_SUFFIXES) for i in _words(ctx, sent.start, sent.end))


def _commander(ctx: Context, sent, op: str) -> None:
    """``Het commando van de missie berust bij Canada``, ``staat onder leiding van Italië``: the
    country that commands the operation takes part in it."""
    lw = lowers(ctx.doc)
    words = _words(ctx, sent.start, sent.end)
    pos = {i: n for n, i in enumerate(words)}
    for sp in spans_in(ctx.doc, sent.start, sent.end, ("Country",)):
        n = pos.get(sp.start, 0) - 1
        while n > 0 and lw[words[n]] in _DETS:
            n -= 1
        if n <= 0 or lw[words[n]] not in _COMMAND_LINKS:
            continue
        before = [lw[i] for i in words[max(0, n - 8):n]]
        if (lw[words[n]] == "van" and before[-1:] and before[-1] in _COMMAND_NOUNS) \
                or (lw[words[n]] == "bij" and not _COMMAND_NOUNS.isdisjoint(before)):
            link(ctx, op, "kg:participant", sp.kb_id_, sp, "operations.commander")
    _commander_adjective(ctx, sent, op, words)


_LEAD_HAVE = frozenset(_DATA["lead_have_verbs"])
_SUPPLY = frozenset(_DATA["commander_supply_verbs"])
_COMMANDER = frozenset(_DATA["commander_nouns"])
_CLAUSE_STOPS = frozenset({";", ":", "die", "dat", "maar", "terwijl", "omdat", "nadat", "waarna", "toen", "zodat"})
_AFTER_LEAD = frozenset({".", ",", "en", "over", "van", "bij", "in", "op", "tijdens", "sinds"})


def _holds_command(ctx: Context, sent, op: str) -> None:
    """``Canada heeft het eerste jaar de leiding en levert de commandant``, ``Italië levert de
    commandant``: the country that opens the sentence (as its subject) and holds "de leiding"
    (a verb of having or taking it, ``lead_have_verbs``) or supplies "de commandant"
    (``commander_supply_verbs``) in the same clause commands the operation the sentence is
    about, and so takes part. Not "heeft de leiding overgedragen": a word after "leiding"
    must end the phrase."""
    lw = lowers(ctx.doc)
    words = _words(ctx, sent.start, sent.end)
    k = 1 if words and lw[words[0]] == "ook" else 0
    subject = next((sp for sp in spans_in(ctx.doc, sent.start, sent.end, ("Country",))
                    if k < len(words) and sp.start == words[k]), None)
    if subject is None:
        return
    n = bisect_left(words, subject.end)
    verb = None
    for m in range(n, len(words)):
        w = lw[words[m]]
        if w in _CLAUSE_STOPS:
            return
        if w in _LEAD_HAVE or w in _SUPPLY:
            verb = w
        elif verb is not None and m and lw[words[m - 1]] in ("de", "het"):
            nxt = lw[words[m + 1]] if m + 1 < len(words) else "."
            if (verb in _LEAD_HAVE and w == "leiding" and nxt in _AFTER_LEAD) or (verb in _SUPPLY and w in _COMMANDER):
                link(ctx, op, "kg:participant", subject.kb_id_, subject, "operations.holds_command")
                return


def _seated_anaphor(ctx: Context, sent, op: str) -> None:
    """``Deze niet-gevechtsmissie is op uitnodiging van de regering opgezet en wordt gevestigd in
    Bagdad``: a sentence that opens with a word for the mission it is about (a determiner, at
    most one adjective and a mission noun) and places it with a verb of being seated
    (``seat_verbs`` and "in"/"te" and a place), no relative clause or comma between, says
    where that operation is."""
    lw = lowers(ctx.doc)
    words = _words(ctx, sent.start, sent.end)
    if len(words) < 5 or lw[words[0]] not in _ANAPHOR_DETS:
        return
    head = next((m for m in (1, 2) if lw[words[m]] in _ANAPHOR_NOUNS or lw[words[m]] in _MISSION_NOUNS
                 or lw[words[m]].endswith(("missie", "operatie"))), None)
    if head is None or spans_in(ctx.doc, sent.start, sent.end, ("Operation",)):
        return
    places = {sp.start: sp for sp in spans_in(ctx.doc, sent.start, sent.end, ("Place",))}
    for m in range(head + 1, len(words) - 2):
        w = lw[words[m]]
        if w in _CLAUSE_STOPS or w in (",", "waar", "welke"):
            return
        if w in _SEAT_VERBS and lw[words[m + 1]] in _SEAT_PREPS and words[m + 2] in places:
            at = places[words[m + 2]]
            link(ctx, op, "schema:location", at.kb_id_, at, "operations.seated_anaphor")
            return


_COMMAND_BREAKS = frozenset({"en", "aan", "naar", "bij", "maar", "terwijl", "naast", ";", "zoals", "waaronder"})


def _commander_adjective(ctx: Context, sent, op: str, words: list[int]) -> None:
    """``de battlegroup in Litouwen, die onder Duitse leiding staat``, ``De missie staat onder Italiaans
    bevel``: the country a command noun's adjective names after ``onder``, a few words after the
    operation or the word for it, commands the operation."""
    from kg import reference
    from kg.extract.events.operation_mentions import _country_entity
    from kg.nlp.components.docindex import texts
    lw, tx = lowers(ctx.doc), texts(ctx.doc)
    anchors = {bisect_left(words, sp.end) for sp in spans_in(ctx.doc, sent.start, sent.end, ("Operation",))
               if sp.kb_id_ == op}
    # "X wordt uitgevoerd door de SNMG1, die onder Portugees bevel staat": the force that carries it out
    anchors |= {bisect_left(words, org.end) for org in _executors(ctx).get(op, ())
                if sent.start <= org.start < sent.end}
    if not anchors:  # "De missie staat onder Italiaans bevel": the sentence speaks of the operation
        anchors = {n + 1 for n, i in enumerate(words) if lw[i] in _MISSION_NOUNS}
    for n in range(len(words) - 2):
        if lw[words[n]] != "onder" or lw[words[n + 2]] not in _COMMAND_NOUNS or not tx[words[n + 1]][:1].isupper():
            continue
        # the phrase belongs to the operation: close after it, no other thing joined in between
        if not any(0 <= n - a <= 12 and _COMMAND_BREAKS.isdisjoint(lw[i] for i in words[a:n]) for a in anchors):
            continue
        ent = reference.load().country_of_adjective(tx[words[n + 1]])
        if ent is not None and _country_entity(ctx, ent.key):
            ctx.link(op, "kg:participant", ent.key,
                     ctx.sentence_evidence(ctx.doc[words[n + 1]], "operations.commander_adjective"))


def _stationed(ctx: Context, sent, op: str) -> None:
    """``De Nederlandse eenheden worden gelegerd in de omgeving van de stad Adana``: the country of
    the units takes part, and the places after the verb (not where the units come from) are
    where the operation is."""
    from kg import reference
    from kg.nlp.components.docindex import texts
    lw, tx = lowers(ctx.doc), texts(ctx.doc)
    words = _words(ctx, sent.start, sent.end)
    verb = next((i for i in words if lw[i] in _STATIONED), None)
    if verb is None:
        return
    from kg.extract.events.operation_mentions import _country_entity
    ref, allies = reference.load(), reference.nato_members()
    units = []
    for n, i in enumerate(words[1:], 1):
        if i < verb and lw[i] in _UNIT_NOUNS and tx[words[n - 1]][:1].isupper():
            ent = ref.country_of_adjective(tx[words[n - 1]])
            if ent is not None:
                units.append((ent.key, words[n - 1]))
    if any(key not in allies for key, _ in units):
        return  # "De Russische troepen worden gelegerd in ...": not the mission's units
    for key, i in units:
        if _country_entity(ctx, key):
            ctx.link(op, "kg:participant", key, ctx.sentence_evidence(ctx.doc[i], "operations.stationed_units"))
    for sp in spans_in(ctx.doc, verb + 1, sent.end, ("Place",)):
        home = reference.country_of_place(sp.kb_id_)
        if home is not None and home.key == _HOME:
            continue  # "gelegerd in Oirschot": the units' home garrison, not the mission's place
        if _STATION_BLOCKERS.isdisjoint(lw[verb:sp.start]):
            link(ctx, op, "schema:location", sp.kb_id_, sp, "operations.stationed_location")


_THEREBY = frozenset(_DATA["thereby_words"])
_WHERE_WORDS = frozenset(_DATA["activity_place_prepositions"])


def _thereby_location(ctx: Context, all_sents: list) -> None:
    """``Sinds oktober voeren Nederlandse F-16's missies uit boven Irak. Nederland neemt daarmee deel
    aan Operation X``: the taking part is the activity of the sentence before, so the one state or
    place that sentence does it in (``in``, ``boven``) is where the operation is."""
    from kg.extract.events.common import REL, _request_done, has_trigger, sentences_with, words_of
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    starts = [s.start for s in all_sents]
    for sent in sentences_with(doc, "operations.thereby", _THEREBY):
        ops = {sp.kb_id_ for sp in spans_in(doc, sent.start, sent.end, ("Operation",))}
        words = words_of(sent)
        if len(ops) != 1 or _hedged(_request_done(lw, space, sent, words)) or not has_trigger(
                words, REL["operation_participation_words"], REL["operation_participation_pairs"]):
            continue
        k = bisect_left(starts, sent.start)
        if k == 0 or _paragraph_break_before(ctx, k, all_sents):
            continue
        prev = all_sents[k - 1]
        if spans_in(doc, prev.start, prev.end, ("Operation",)) or _hedged(words_of(prev)):
            continue
        where = []
        for sp in spans_in(doc, prev.start, prev.end, ("Country", "Place")):
            j = sp.start - 1
            while j > prev.start and (space[j] or lw[j] in ("de", "het")):
                j -= 1
            if lw[j] in _WHERE_WORDS:
                where.append(sp)
        if len({sp.kb_id_ for sp in where}) == 1:
            link(ctx, next(iter(ops)), "schema:location", where[0].kb_id_, where[0], "operations.thereby_location")


_CABINET = frozenset(_DATA["cabinet_words"])
_DECIDE = frozenset(_DATA["decision_words"])
_INFINITIVES = tuple(tuple(t) for t in _DATA["contribute_infinitives"])
_RECIPIENT_HEADS = frozenset(_DATA["recipient_heads"]) | _DETS


def _decides_to_contribute(words: list[str]) -> bool:
    """``om ... bij te dragen``, ``deel te nemen``, ``een bijdrage te leveren``, ``een bijdrage aan X te leveren``."""
    for n in range(len(words) - 2):
        if tuple(words[n:n + 3]) in _INFINITIVES:
            return True
    return any(w in ("bijdrage", "bijdragen") for w in words) and any(
        words[n:n + 2] == ["te", "leveren"] for n in range(len(words) - 1))


def _after_aan(words: list[str], idx: list[int], sp) -> bool:
    """``aan (de NAVO-operatie) X``: the operation is what one contributes to or takes part in."""
    n = bisect_left(idx, sp.start) - 1
    while n > 0 and words[n] in _RECIPIENT_HEADS:
        n -= 1
    return n > 0 and words[n] == "aan"


def _foreign_cabinet(ctx: Context, idx: list[int]) -> bool:
    """``het Deense kabinet``, ``de Franse regering``: a country's adjective other than Dutch before
    the word for a government."""
    from kg import reference
    from kg.nlp.components.docindex import texts
    lw, tx, ref = lowers(ctx.doc), texts(ctx.doc), reference.load()
    for n, i in enumerate(idx[1:], 1):
        if lw[i] in _CABINET:
            ent = ref.country_of_adjective(tx[idx[n - 1]]) if tx[idx[n - 1]][:1].isupper() else None
            if ent is not None and ent.key != _HOME:
                return True
    return False


def _cabinet_decision(ctx: Context) -> None:
    """``Met deze brief informeert het kabinet u over het besluit om bij te dragen aan X``, ``Het kabinet
    heeft besloten deel te nemen aan X``: the Dutch government's decision to contribute to the one
    operation the sentence names (after ``aan``) — the Netherlands takes part. Nothing when the
    decision is someone else's (``het besluit van Duitsland``, ``de Belgische regering``), another
    country gives in the sentence, or it is hedged or negated."""
    from kg.extract.events.common import sentences_with
    from kg.extract.events.operation_mentions import _adjective_parties, _country_entity
    from kg.extract.money import _givers
    doc = ctx.doc
    lw = lowers(doc)
    for sent in sentences_with(doc, "operations.cabinet", _CABINET):
        idx = _words(ctx, sent.start, sent.end)
        words = [lw[i] for i in idx]
        wordset = set(words)
        if _DECIDE.isdisjoint(wordset) or _hedged(wordset) or not _decides_to_contribute(words):
            continue
        if any(w in _DECIDE and words[n + 1:n + 2] == ["van"] and words[n + 2:n + 4] not in (
                ["het", "kabinet"], ["de", "regering"]) for n, w in enumerate(words)):
            continue  # "het besluit van de bondgenoten om ...": not the cabinet's
        ops = spans_in(doc, sent.start, sent.end, ("Operation",))
        if len({sp.kb_id_ for sp in ops}) != 1 or not _after_aan(words, idx, ops[0]):
            continue
        if any(sp.kb_id_ != _HOME for sp in _givers(ctx, sent.start, sent.end)) \
                or any(key != _HOME for key, _ in _adjective_parties(ctx, sent)) or _foreign_cabinet(ctx, idx):
            continue  # "het Duitse kabinet", "Duitsland en Nederland hebben besloten ..."
        if _country_entity(ctx, _HOME):
            ctx.link(ops[0].kb_id_, "kg:participant", _HOME,
                     ctx.sentence_evidence(ops[0], "operations.cabinet_decision"))


_SHIP_TITLES = frozenset(_DATA["navy_ship_titles"])
_SHIP_FIRST_WORDS = frozenset(t.split()[0] for t in _SHIP_TITLES)
_RELATIVES = frozenset({"die", "dat", "welke", "waarmee", "waarin", "waarvan", "waaraan", "terwijl", "nadat"})


def _ship_title_at(words: list[str], n: int) -> bool:
    return words[n] in _SHIP_TITLES or " ".join(words[n:n + 2]) in _SHIP_TITLES


def _navy_ship(ctx: Context) -> None:
    """``In 2009 nam Hr.Ms. De Ruyter deel aan de NAVO-operatie X``, ``Zr.Ms. Tromp draagt bij aan X``:
    a ship of the Dutch navy taking part in the one operation the sentence names is the Netherlands
    taking part. The ship must be the sentence's subject (no preposition before it: not ``aan boord van
    Zr.Ms. X``), come before the operation, and no other state give in the sentence."""
    from kg.extract.events.common import REL, _request_done, has_trigger, sentences_with, words_of
    from kg.extract.events.operation_mentions import _adjective_parties, _country_entity
    from kg.extract.money import _GOVERNING, _givers
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    for sent in sentences_with(doc, "operations.navy_ship", _SHIP_FIRST_WORDS):
        idx = _words(ctx, sent.start, sent.end)
        words = [lw[i] for i in idx]
        ships = [n for n in range(len(words)) if _ship_title_at(words, n)]
        if not ships:
            continue
        wordset = words_of(sent)
        if _hedged(_request_done(lw, space, sent, wordset)) or not has_trigger(
                wordset, REL["operation_participation_words"], REL["operation_participation_pairs"]):
            continue
        ops = [sp for sp in spans_in(doc, sent.start, sent.end, ("Operation",)) if _after_aan(words, idx, sp)]
        if len({sp.kb_id_ for sp in ops}) != 1 or idx[ships[0]] > ops[0].start:
            continue  # the one operation it takes part in ("deel aan X, de voorloper van Y": X)
        if not _RELATIVES.isdisjoint(words[ships[0]:bisect_left(idx, ops[0].start)]):
            continue  # "Zr.Ms. X oefende met schepen die deelnamen aan Y": others take part
        if any(n > 0 and words[n - 1] in _GOVERNING | _DETS - {"de", "het"} for n in ships):
            continue  # "aan boord van Zr.Ms. Tromp", "met Hr.Ms. X": the ship is not the subject
        if any(sp.kb_id_ != _HOME for sp in _givers(ctx, sent.start, sent.end)) \
                or any(key != _HOME for key, _ in _adjective_parties(ctx, sent)):
            continue
        if _country_entity(ctx, _HOME):
            ctx.link(ops[0].kb_id_, "kg:participant", _HOME, ctx.sentence_evidence(ops[0], "operations.navy_ship"))


_COALITION = frozenset(_DATA["coalition_nouns"])
_ALIAS_VERBS = frozenset(_DATA["alias_verbs"])
_WITHIN = frozenset(_DATA["within_prepositions"])
_SUBORDINATORS = _RELATIVES | {"dat", "omdat", "of", "hoewel", "zodat", "waardoor", "waarbij"}


def _alias_clause(words: list[str], idx: list[int], n: int, ops: list) -> tuple[int, object] | None:
    """``coalitie tegen ISIS, die onder Amerikaanse leiding opereert als Operation Inherent Resolve``:
    for the coalition noun at word ``n``, (word position of its ``die``, the operation span after
    ``als``) when a relative clause says the coalition operates as (is known as) that operation."""
    rel = next((m for m in range(n + 1, min(n + 8, len(words))) if words[m] == "die" and words[m - 1] == ","), None)
    if rel is None:
        return None
    for sp in ops:
        k = bisect_left(idx, sp.start)
        j = k - 1
        while j > rel and words[j] in _RECIPIENT_HEADS:
            j -= 1  # "als de operatie X"
        if j > rel and words[j] == "als" and j - rel <= 8 and not _ALIAS_VERBS.isdisjoint(words[rel + 1:j]) \
                and "," not in words[rel + 1:j]:
            return rel, sp
    return None


def _coalition_operation(ctx: Context) -> None:
    """``Nederland neemt deel aan de internationale coalitie tegen ISIS, die onder Amerikaanse leiding
    opereert als Operation Inherent Resolve``: the coalition is the operation. The countries that
    take part in it (subject of the sentence's take-part words, before ``aan``) and the one that leads
    it (``onder Amerikaanse leiding``, ``onder leiding van de VS`` in the relative clause) take part
    in the operation, and so do the countries a later sentence places ``binnen de coalitie``
    (``Binnen de coalitie voeren Frankrijk en Australië luchtaanvallen uit``) when it names no other
    operation. Hedged or negated sentences state nothing."""
    from kg import reference
    from kg.extract.events.common import REL, _request_done, has_trigger, sentences_with, words_of
    from kg.extract.events.operation_mentions import _country_entity
    from kg.extract.money import _givers
    from kg.nlp.components.docindex import texts
    doc = ctx.doc
    lw, tx, space = lowers(doc), texts(doc), spaces(doc)
    found = sentences_with(doc, "operations.coalition", _COALITION)
    op = noun = None
    for sent in found:
        idx = _words(ctx, sent.start, sent.end)
        words = [lw[i] for i in idx]
        wordset = set(words)
        if op is not None:  # a later sentence: "Binnen de coalitie voeren Frankrijk en ... uit"
            inside = any(w == noun and words[n - 1] in ("de", "deze") and n > 1 and words[n - 2] in _WITHIN
                         for n, w in enumerate(words))
            if inside and not _hedged(_request_done(lw, space, sent, wordset)) \
                    and not spans_in(doc, sent.start, sent.end, ("Operation",)):
                # the main clause only: "Binnen de coalitie is er zorg dat Rusland ..." names no member
                cut = next((idx[n] for n, w in enumerate(words) if w in _SUBORDINATORS), sent.end)
                for sp in _givers(ctx, sent.start, cut):
                    link(ctx, op, "kg:participant", sp.kb_id_, sp, "operations.within_coalition")
            continue
        ops = spans_in(doc, sent.start, sent.end, ("Operation",))
        if len({sp.kb_id_ for sp in ops}) != 1:
            continue
        for n, w in enumerate(words):
            clause = _alias_clause(words, idx, n, ops) if w in _COALITION else None
            if clause is None:
                continue
            rel, sp = clause
            op, noun = sp.kb_id_, w
            if _hedged(_request_done(lw, space, sent, wordset)):
                break
            # the leader named in the relative clause
            for m in range(rel + 1, bisect_left(idx, sp.start) - 1):
                if words[m] != "onder":
                    continue
                if words[m + 2:m + 3] == ["leiding"] and tx[idx[m + 1]][:1].isupper():
                    ent = reference.load().country_of_adjective(tx[idx[m + 1]])
                    if ent is not None and _country_entity(ctx, ent.key):
                        ctx.link(op, "kg:participant", ent.key,
                                 ctx.sentence_evidence(doc[idx[m + 1]], "operations.coalition_leader"))
                elif words[m + 1:m + 3] == ["leiding", "van"]:
                    for c in _list_after(ctx, idx[m + 3], sent.end, ("Country",)):
                        link(ctx, op, "kg:participant", c.kb_id_, c, "operations.coalition_leader")
            # who takes part in the coalition: "X neemt deel aan de (internationale) coalitie"
            j = n - 1
            while j > 0 and words[j] != "aan" and n - j <= 4 and words[j].isalpha() and words[j] != "en":
                j -= 1
            if words[j] == "aan" and has_trigger(wordset, REL["operation_participation_words"],
                                                 REL["operation_participation_pairs"]):
                for c in _givers(ctx, sent.start, idx[j]):
                    link(ctx, op, "kg:participant", c.kb_id_, c, "operations.coalition_member")
            break


_AREA_NOUNS = frozenset(_DATA["area_nouns"])
_AREA_VERBS = frozenset(_DATA["area_verbs"])
_AREA_PREPS = frozenset(_DATA["area_prepositions"])
_REGION_WORDS = frozenset(_DATA["region_words"])


def _operation_area(ctx: Context) -> None:
    """``Het kabinet heeft besloten het operatiegebied uit te breiden tot het oosten van Syrië``,
    ``het inzetgebied omvat Irak en Syrië``: the states the area of the operation is extended to (or
    covers) are where it is. The operation is the one the sentence names, else the one operation the
    document named before it. Hedged or negated sentences state nothing."""
    from kg.extract.events.common import _request_done, sentences_with, words_of
    doc = ctx.doc
    lw, space = lowers(doc), spaces(doc)
    for sent in sentences_with(doc, "operations.area", _AREA_NOUNS):
        idx = _words(ctx, sent.start, sent.end)
        words = [lw[i] for i in idx]
        wordset = set(words)
        if _AREA_VERBS.isdisjoint(wordset) or _hedged(_request_done(lw, space, sent, words_of(sent))):
            continue
        named = {sp.kb_id_ for sp in spans_in(doc, sent.start, sent.end, ("Operation",))}
        op = next(iter(named)) if len(named) == 1 else None if named else _only_operation_before(ctx, sent)
        if op is None:
            continue
        area = next(n for n, w in enumerate(words) if w in _AREA_NOUNS)
        verb = next((n for n in range(area + 1, min(area + 6, len(words))) if words[n] in _AREA_VERBS), None)
        if verb is None:
            continue
        # "uit te breiden tot het oosten van Syrië", "omvat Irak en Syrië"
        n = verb + 1
        if words[verb] not in ("omvat", "omvatten", "beslaat"):
            n = next((m for m in range(verb - 3, min(verb + 4, len(words))) if m > area and words[m] in _AREA_PREPS), None)
            if n is None:
                continue
            n += 1
        while n < len(words) and words[n] in _REGION_WORDS:
            n += 1
        if n < len(words):
            for sp in _list_after(ctx, idx[n], sent.end, ("Country",)):
                link(ctx, op, "schema:location", sp.kb_id_, sp, "operations.area")


def _theatre_location(ctx: Context) -> None:
    """``ISAF, in Uruzgan, Afghanistan``: an operation held in one country (``mission_theatres`` of
    units.json) is located there when the sentence that names the operation names that country
    too; the province or town beside it is no country, and the reference data says which
    country is the operation's. A country elsewhere in the paragraph is no statement of it."""
    from kg.nlp.components.units import _THEATRES
    doc = ctx.doc
    text = doc_text(doc)
    countries = spans_in(doc, 0, len(doc), ("Country",))
    for op in spans_in(doc, 0, len(doc), ("Operation",)):
        theatre = (_THEATRES.get(op.kb_id_) or [None])[0]
        if theatre is None:
            continue
        sent = sent_of(doc, op)  # the quote must name both: a country elsewhere in the paragraph is no statement
        for sp in countries:
            if sp.kb_id_ == theatre and sent.start_char <= sp.start_char < sent.end_char:
                link(ctx, op.kb_id_, "schema:location", theatre, sp, "operations.theatre_location")
                break


_SEAT_NOUNS = frozenset(_DATA["seat_nouns"])
_SEAT_VERBS = frozenset(_DATA["seat_verbs"])
_SEAT_PREPS = frozenset(_DATA["seat_prepositions"])


_NAMED_SEAT = frozenset(_DATA["named_seat_nouns"])
_NAME_PHRASES = [tuple(p) for p in _DATA["name_phrases"]]


def _named_command(ctx: Context) -> None:
    """``Daarvoor komt er een nieuw commando in het Duitse Wiesbaden, onder de naam NATO Security
    Assistance and Training for Ukraine (NSATU)``: a command or headquarters (``named_seat_nouns``)
    "in" a place, then "onder de naam" (``name_phrases``) and the operation, in a row (a
    determiner and a country adjective before the place, a comma before the name): the
    operation is there. Hedged or negated sentences state nothing."""
    from kg.extract.events.common import sentences_with
    from kg.nlp.components.docindex import texts
    doc = ctx.doc
    lw, tx = lowers(doc), texts(doc)
    for sent in sentences_with(doc, "operations.named_seat", frozenset({"naam", "noemer"})):
        if _hedged(set(lw[sent.start:sent.end])):
            continue
        idx = _words(ctx, sent.start, sent.end)
        places = {sp.end: sp for sp in spans_in(doc, sent.start, sent.end, ("Place",))}
        for op in spans_in(doc, sent.start, sent.end, ("Operation",)):
            n = bisect_left(idx, op.start)
            if n < 4 or tuple(lw[i] for i in idx[n - 3:n]) not in _NAME_PHRASES:
                continue
            m = n - 5 if lw[idx[n - 4]] == "," else n - 4
            at = places.get(idx[m] + 1) if m >= 0 else None
            if at is None:
                continue
            k = bisect_left(idx, at.start) - 1
            while k > 0 and (lw[idx[k]] in ("het", "de") or tx[idx[k]][:1].isupper() and lw[idx[k - 1]] in ("het", "de")):
                k -= 1  # "in het Duitse Wiesbaden"
            if k < 1 or lw[idx[k]] != "in" or lw[idx[k - 1]] not in _NAMED_SEAT:
                continue
            link(ctx, op.kb_id_, "schema:location", at.kb_id_, at, "operations.named_command")


def _headquarters(ctx: Context) -> None:
    """``Het hoofdkwartier van KFOR is gevestigd op Camp Film City in Pristina``: the place the
    command of a named operation sits in is where the operation is. Only ``hoofdkwartier van <operation>``
    followed, within its clause, by a verb of being seated and ``in``/``te`` and a place; hedged or
    negated sentences state nothing."""
    from kg.extract.events.common import sentences_with
    doc = ctx.doc
    lw = lowers(doc)
    for sent in sentences_with(doc, "operations.seat", _SEAT_NOUNS):
        if _hedged(set(lw[sent.start:sent.end])):
            continue
        idx = _words(ctx, sent.start, sent.end)
        ops = {sp.start: sp for sp in spans_in(doc, sent.start, sent.end, ("Operation",))}
        places = {sp.start: sp for sp in spans_in(doc, sent.start, sent.end, ("Place",))}
        for n, i in enumerate(idx[:-2]):
            if lw[i] not in _SEAT_NOUNS or lw[idx[n + 1]] != "van":
                continue
            m = n + 2
            while m < len(idx) and lw[idx[m]] in ("de", "het", "operatie", "missie"):
                m += 1
            op = ops.get(idx[m]) if m < len(idx) else None
            if op is None:
                continue
            rest = [j for j in idx if j >= op.end][:14]
            verb = next((k for k, j in enumerate(rest[:6]) if lw[j] in _SEAT_VERBS), None)
            if verb is None:
                continue
            for k in range(verb + 1, len(rest)):
                j = rest[k]
                if lw[j] in (",", ";", ":") or j in ops:
                    break  # the clause ends, or another operation's words begin
                if lw[j] not in _SEAT_PREPS:
                    continue
                at = next((r for r in rest[k + 1:k + 3] if lw[r] not in ("de", "het")), None)
                if at in places:
                    link(ctx, op.kb_id_, "schema:location", places[at].kb_id_, places[at], "operations.headquarters")
                    break


_LED = frozenset(_DATA["led_participles"])


def _led_by(ctx: Context) -> None:
    """``een bijdrage aan de door Duitsland geleide eFP-battlegroup``, ``de door Canada en Polen
    aangevoerde missie X``: the states after ``door``, right before a participle of leading that
    stands right before the operation's name, lead it and so take part. Hedged or negated
    sentences state nothing."""
    from kg.extract.events.common import sentences_with
    doc = ctx.doc
    lw = lowers(doc)
    for sent in sentences_with(doc, "operations.led_by", _LED):
        if _hedged(set(lw[sent.start:sent.end])):
            continue
        idx = _words(ctx, sent.start, sent.end)
        pos = {i: n for n, i in enumerate(idx)}
        for op in spans_in(doc, sent.start, sent.end, ("Operation",)):
            n = pos.get(op.start, 0) - 1
            if n < 2 or lw[idx[n]] not in _LED:
                continue
            door = next((m for m in range(n - 1, max(-1, n - 9), -1) if lw[idx[m]] == "door"), None)
            if door is None:
                continue
            leaders = _list_after(ctx, idx[door] + 1, idx[n], ("Country",))
            if leaders and bisect_left(idx, leaders[-1].end) == n:  # the list fills the gap: "door A en B geleide"
                for sp in leaders:
                    link(ctx, op.kb_id_, "kg:participant", sp.kb_id_, sp, "operations.led_by")


_BE_VERBS = frozenset({"is", "was", "wordt", "werd", "blijft"})


def _seated(ctx: Context) -> None:
    """``Het commando, NATO Security Assistance and Training for Ukraine (NSATU), is gevestigd in
    Wiesbaden``, ``NSATU zetelt in Wiesbaden``: an operation that is the subject of a verb of being seated
    (right after its name, past an acronym in brackets and a comma) is where that verb places it.
    Hedged or negated sentences state nothing."""
    from kg.extract.events.common import sentences_with
    doc = ctx.doc
    lw = lowers(doc)
    for sent in sentences_with(doc, "operations.seated", _SEAT_VERBS):
        if _hedged(set(lw[sent.start:sent.end])):
            continue
        idx = _words(ctx, sent.start, sent.end)
        places = {sp.start: sp for sp in spans_in(doc, sent.start, sent.end, ("Place",))}
        for op in spans_in(doc, sent.start, sent.end, ("Operation",)):
            n = bisect_left(idx, op.end)
            if n < len(idx) and lw[idx[n]] == "(":  # "(NSATU)"
                n = next((m + 1 for m in range(n, min(n + 5, len(idx))) if lw[idx[m]] == ")"), len(idx))
            if n < len(idx) and lw[idx[n]] == ",":
                n += 1
            if n < len(idx) and lw[idx[n]] in _BE_VERBS:
                n += 1
            if n + 2 < len(idx) and lw[idx[n]] in _SEAT_VERBS and lw[idx[n + 1]] in _SEAT_PREPS \
                    and idx[n + 2] in places:
                at = places[idx[n + 2]]
                link(ctx, op.kb_id_, "schema:location", at.kb_id_, at, "operations.seated")


_FRAMEWORK = tuple(_DATA["framework_phrase"])


def _in_framework(ctx: Context) -> None:
    """``de inzet van Nederlandse F-16's in het kader van de operatie Inherent Resolve``, ``de Belgische
    bijdrage in het kader van X``: the state whose adjective stands right before a force or contribution
    noun that stands right before ``in het kader van`` (the operation's name then, past articles and
    ``operatie``) takes part in it. Hedged or negated sentences state nothing."""
    from kg import reference
    from kg.extract.events.common import _SETS_REL, sentences_with
    from kg.extract.events.operation_mentions import _country_entity
    from kg.nlp.components.docindex import texts
    doc = ctx.doc
    lw, tx = lowers(doc), texts(doc)
    nouns = _FORCE_NOUNS | _SETS_REL["contribution_nouns"]
    allies = reference.nato_members()
    for sent in sentences_with(doc, "operations.framework", frozenset({_FRAMEWORK[2]})):
        if _hedged(set(lw[sent.start:sent.end])):
            continue
        idx = _words(ctx, sent.start, sent.end)
        pos = {i: n for n, i in enumerate(idx)}
        for op in spans_in(doc, sent.start, sent.end, ("Operation",)):
            n = pos.get(op.start, 0) - 1
            while n > 0 and lw[idx[n]] in _RECIPIENT_HEADS:
                n -= 1  # "van de operatie X"
            n -= len(_FRAMEWORK) - 1
            if n < 2 or tuple(lw[i] for i in idx[n:n + len(_FRAMEWORK)]) != _FRAMEWORK:
                continue
            noun, adj = idx[n - 1], idx[n - 2]
            if not (lw[noun] in nouns or lw[noun].endswith(_FORCE_SUFFIXES)) or not tx[adj][:1].isupper():
                continue
            ent = reference.load().country_of_adjective(tx[adj])
            if ent is not None and ent.key in allies and _country_entity(ctx, ent.key):
                ctx.link(op.kb_id_, "kg:participant", ent.key, ctx.sentence_evidence(doc[adj], "operations.framework_forces"))


_HANDOVER = frozenset(_DATA["handover_verbs"])
_HANDOVER_SPLIT = frozenset(_DATA["handover_split_verbs"])
_UNIT_ENDINGS = tuple(_UNIT_NOUNS)


def _handover(ctx: Context, sent, op: str) -> None:
    """``Deze week droegen de militairen hun taak in Adana over aan een Spaanse Patriot-eenheid``, ``het
    commando wordt overgedragen aan een Deense eenheid``: the ally whose unit (its adjective, then a unit
    noun or a compound on one) takes over a task of the operation the sentence is about takes part."""
    from kg import reference
    from kg.extract.events.operation_mentions import _country_entity
    from kg.nlp.components.docindex import texts
    lw, tx = lowers(ctx.doc), texts(ctx.doc)
    idx = _words(ctx, sent.start, sent.end)
    words = [lw[i] for i in idx]
    split = next((n for n, w in enumerate(words) if w in _HANDOVER_SPLIT and "over" in words[n + 1:]), None)
    begin = 0 if not _HANDOVER.isdisjoint(words) else split  # "wordt aan X overgedragen"; "droeg ... over aan X"
    if begin is None:
        return
    for n in range(begin, len(words) - 2):
        if words[n] != "aan":
            continue
        m = n + 1
        while m < len(words) and words[m] in ("een", "de", "het"):
            m += 1
        if m + 1 >= len(words) or not tx[idx[m]][:1].isupper() or not words[m + 1].endswith(_UNIT_ENDINGS):
            continue
        ent = reference.load().country_of_adjective(tx[idx[m]])
        if ent is not None and ent.key in reference.nato_members() and ent.key not in _hosts(ctx, op) \
                and _country_entity(ctx, ent.key):
            ctx.link(op, "kg:participant", ent.key, ctx.sentence_evidence(ctx.doc[idx[m]], "operations.handover"))
        return


def _prev_is_in(lw: list[str], space: list[bool], i: int) -> bool:
    """Is the word before token ``i`` (past articles) ``in``?"""
    j = i - 1
    while j >= 0 and (space[j] or lw[j] in ("de", "het")):
        j -= 1
    return j >= 0 and lw[j] == "in"


def _hosts(ctx: Context, op: str) -> set[str]:
    """The states the operation may be in as far as the document says: its theatre (``mission_theatres``),
    its stated locations, the states of the document's places and the states it names after ``in``
    (wide on purpose); their own forces taking over a task host it, they do not join it."""
    from kg import reference
    from kg.nlp.components.units import _THEATRES
    out = set(_THEATRES.get(op) or ())
    out |= {f.object.key for f in ctx.extraction.facts if f.subject == op and f.predicate == "schema:location"}
    lw, space = lowers(ctx.doc), spaces(ctx.doc)
    for sp in spans_in(ctx.doc, 0, len(ctx.doc), ("Place", "Country")):
        if sp.label_ == "Place":
            home = reference.country_of_place(sp.kb_id_)
            if home is not None:
                out.add(home.key)
        elif _prev_is_in(lw, space, sp.start):
            out.add(sp.kb_id_)
    return out


_KEEP = frozenset(_DATA["keep_verbs"])
_POSSESSIVES = frozenset(_DATA["possessives"])


_KEPT_PURPOSE = frozenset(_DATA["kept_purpose_words"])
_KEPT_PURPOSE_PAIRS = tuple(tuple(p) for p in _DATA["kept_purpose_pairs"])


def _kept_for_other(ctx: Context, after: list[str]) -> bool:
    """Do the words after ``houden hun eenheden`` give the units a purpose of their own (``om ...``,
    ``voor een oefening``) or keep them only until a year before the letter's (``tot 2012``)?"""
    if not _KEPT_PURPOSE.isdisjoint(after) or any(tuple(after[n:n + 2]) == p for n in range(len(after))
                                                  for p in _KEPT_PURPOSE_PAIRS):
        return True
    day = ctx.meta.get("date")
    return hasattr(day, "year") and any(a == "tot" and b.isdigit() and len(b) == 4 and int(b) < day.year
                                        for a, b in zip(after, after[1:]))


def _units_kept(ctx: Context) -> None:
    """``Ook Duitsland en de Verenigde Staten houden hun eenheden voorlopig in Turkije``, ``Spanje houdt zijn
    eenheid tot eind 2015 in Adana``: in a document that names one operation, held in one state
    (``mission_theatres``), the allies that open a sentence and keep their own units (keep verb, possessive,
    unit noun) in that state or a place of it take part. Hedged or negated sentences state nothing."""
    from kg import reference
    from kg.extract.events.common import sentences_with
    from kg.nlp.components.units import _THEATRES
    doc = ctx.doc
    ops = {sp.kb_id_ for sp in spans_in(doc, 0, len(doc), ("Operation",))}
    theatre = (_THEATRES.get(next(iter(ops))) or [None])[0] if len(ops) == 1 else None
    if theatre is None:
        return
    op = next(iter(ops))
    lw, space = lowers(doc), spaces(doc)
    allies = reference.nato_members()
    for sent in sentences_with(doc, "operations.kept", _KEEP):
        if _hedged(set(lw[sent.start:sent.end])):
            continue
        idx = _words(ctx, sent.start, sent.end)
        words = [lw[i] for i in idx]
        verb = next(n for n, w in enumerate(words) if w in _KEEP)
        if not (verb + 2 < len(words) and words[verb + 1] in _POSSESSIVES and words[verb + 2].endswith(_UNIT_ENDINGS)):
            continue
        if _kept_for_other(ctx, words[verb + 3:]):
            continue
        where = [sp for sp in spans_in(doc, idx[verb], sent.end, ("Country", "Place")) if _prev_is_in(lw, space, sp.start)]
        if not any(sp.kb_id_ == theatre or getattr(reference.country_of_place(sp.kb_id_), "key", None) == theatre
                   for sp in where):
            continue
        first = 1 if words[0] == "ook" else 0
        for sp in _list_after(ctx, idx[first], idx[verb], ("Country",)):
            if sp.kb_id_ in allies and sp.kb_id_ != theatre:
                link(ctx, op, "kg:participant", sp.kb_id_, sp, "operations.units_kept")


def _paragraph_break_before(ctx: Context, k: int, all_sents: list) -> bool:
    text = doc_text(ctx.doc)
    return "\n" in text[all_sents[k - 1].end_char:all_sents[k].start_char]


_NATIONAL_FORCES = frozenset(_DATA["national_force_nouns"])


def _paragraph_operations(ctx: Context, k: int, all_sents: list) -> set[str]:
    """Every operation the paragraph of sentence ``k`` names up to and including it."""
    text = doc_text(ctx.doc)
    out: set[str] = set()
    for j in range(k, -1, -1):
        out |= {sp.kb_id_ for sp in spans_in(ctx.doc, all_sents[j].start, all_sents[j].end, ("Operation",))}
        own = text[all_sents[j].start_char:all_sents[j].end_char]
        if "\n" in own[:len(own) - len(own.lstrip())]:
            break  # sentence j opens the paragraph
    return out


def _national_forces(ctx: Context) -> None:
    """``Op 14 april besloten de bondgenoten X te beëindigen. De terugtrekking van de Nederlandse bijdrage
    is in volle gang``, ``de Noorse eenheden keren in mei terug``: ``de <ally's adjective> bijdrage/eenheden``
    in a sentence of the paragraph whose operation it names before (``_paragraph_topic``) are that ally's
    forces in it — the ally takes part. Not in a sentence naming an operation or giving to someone else
    (``aan de kustwacht``) or placing the forces in another state, nor hedged; never the operation's theatre
    (``de Afghaanse troepen``: the host's own forces) or a non-ally."""
    from bisect import bisect_right

    from kg import reference
    from kg.extract.events.common import _is_excluded, sentences_with
    from kg.extract.events.operation_mentions import _country_entity
    from kg.nlp.components.docindex import texts
    from kg.nlp.components.units import _THEATRES
    from kg.reference import nato_members
    doc = ctx.doc
    hits = sentences_with(doc, "operations.national_forces", _NATIONAL_FORCES)
    if not hits:
        return
    lw, tx, ref, allies = lowers(doc), texts(doc), reference.load(), nato_members()
    all_sents = sents(doc)
    starts = [s.start for s in all_sents]
    for sent in hits:
        if _hedged(set(lw[sent.start:sent.end])) or spans_in(doc, sent.start, sent.end, ("Operation",)):
            continue
        k = bisect_right(starts, sent.start) - 1
        op = _paragraph_topic(ctx, k, all_sents)
        if op is None or _other_recipient(ctx, sent) or _placed_elsewhere(ctx, sent, op) \
                or _paragraph_operations(ctx, k, all_sents) != {op}:
            continue  # "Met het einde van X ... de VN-missie Y ... de Nederlandse bijdrage": whose?
        idx = _words(ctx, sent.start, sent.end)
        for n in range(2, len(idx)):
            if lw[idx[n]] not in _NATIONAL_FORCES or lw[idx[n - 2]] != "de" or not tx[idx[n - 1]][:1].isupper():
                continue
            ent = ref.country_of_adjective(tx[idx[n - 1]])
            if ent is None or ent.key not in allies or ent.key in (_THEATRES.get(op) or ()) \
                    or _is_excluded(doc, ent.key, operation=True):
                continue
            country = next((sp for sp in spans_in(doc, idx[n - 1], idx[n - 1] + 1, ("Country",))), None)
            if country is not None or _country_entity(ctx, ent.key):
                ctx.link(op, "kg:participant", ent.key,
                         ctx.sentence_evidence(country or doc[idx[n - 1]:idx[n] + 1], "operations.national_forces"))


def run(ctx: Context) -> None:
    """Participants of the operation a paragraph is about, from sentences that do not name it."""
    from bisect import bisect_right

    from kg.extract.events.common import sentences_with
    doc = ctx.doc
    _coordinated_locations(ctx)
    _thereby_location(ctx, sents(doc))
    _cabinet_decision(ctx)
    _navy_ship(ctx)
    _coalition_operation(ctx)
    _operation_area(ctx)
    _theatre_location(ctx)
    _headquarters(ctx)
    _named_command(ctx)
    _led_by(ctx)
    _seated(ctx)
    _in_framework(ctx)
    _units_kept(ctx)
    _national_forces(ctx)
    found = sentences_with(doc, "operations.triggers", _SUPPORT_VERBS | _LEAD_NOUNS | {"deel"} | _HANDOVER | _HANDOVER_SPLIT | _TOPIC_VERBS
                           | {a for a, _ in _TOPIC_PAIRS} | _COMMAND_NOUNS | _STATIONED | _COMMANDER | _SEAT_VERBS)
    if not found:
        return
    all_sents = sents(doc)
    starts = [s.start for s in all_sents]
    lw = lowers(doc)
    for sent in found:
        words = set(lw[sent.start:sent.end])
        if _hedged(words):  # hedges include the negations (niet, geen, nooit)
            continue
        k = bisect_right(starts, sent.start) - 1
        current = _paragraph_operation(ctx, k, all_sents)
        if words & _SUPPORT_VERBS:
            _supported_by(ctx, sent, current)
        named = {sp.kb_id_ for sp in spans_in(doc, sent.start, sent.end, ("Operation",))}
        topic = None
        if not named:
            topic = _paragraph_topic(ctx, k, all_sents)
            if topic is None and _mission_anaphor(ctx, sent):
                topic = _only_operation_before(ctx, sent)
            if topic is None and not spans_in(doc, sent.start, sent.end, ("Organisation",)):
                letter_op = _letter_operation(ctx, k, all_sents)  # a letter about one mission
                if letter_op is not None and _topic_verb(words):
                    _topic_contributors(ctx, sent, letter_op)
                if letter_op is not None and current is None and words & _LEAD_NOUNS:
                    _framework_nations(ctx, sent, letter_op)  # "Duitsland treedt daar op als framework nation"
        about = next(iter(named)) if len(named) == 1 else topic
        if about is not None and not words.isdisjoint(_COMMAND_NOUNS) and (named or _mission_anaphor(ctx, sent)):
            _commander(ctx, sent, about)
        if about is not None and ("leiding" in words or not words.isdisjoint(_COMMANDER)):
            _holds_command(ctx, sent, about)
        if about is not None and not words.isdisjoint(_SEAT_VERBS):
            _seated_anaphor(ctx, sent, about)
        if about is not None and (not words.isdisjoint(_HANDOVER) or "over" in words):
            _handover(ctx, sent, about)
        if about is not None and not words.isdisjoint(_STATIONED):
            _stationed(ctx, sent, about)
        if topic is not None and _topic_verb(words):
            _topic_contributors(ctx, sent, topic)
        if current is None and topic is not None and words & _LEAD_NOUNS and _mission_anaphor(ctx, sent):
            _framework_nations(ctx, sent, topic)  # "Duitsland treedt op als kaderland van de battlegroup"
        if current is None or named:
            continue
        if "deel" in words and words & _TAKE_VERBS:
            _takes_part(ctx, sent, current)
        if words & _LEAD_NOUNS:
            _framework_nations(ctx, sent, current)
