"""Which meeting a sentence speaks of: the main meeting of the document or a gathering it
names (``de top``, ``deze bijeenkomst``, ``de Raad in Vilnius``), or another one (before, beside,
an earlier gathering of the paragraph, dates outside the meeting's days).

Feeds the object of ``kg:participant`` (meeting or session) for participation and its kin.
"""
from __future__ import annotations

import re

from kg.dates import MONTHS
from kg.extract.context import Context
from kg.model import PERSON_CLASSES
from kg.nlp.components.docindex import lowers, sents, span_text, spaces, word_set, text as doc_text
from kg.extract.events.common import _DEMONSTRATIVES, _DETS, has_trigger, _is_excluded, _NEWS_SETS, _past_dets, _prev_in_paragraph, _prev_word, REL, _sent_starts, _SETS_REL, spans_in, _subordinate_start, words_of
from kg.extract.events.meetings import _in_session_scope, _ordinal_session


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
    return next((m for m in meetings if _relative_on_meeting(doc, sent, m)), None)


_DEFINITE = frozenset({"de", "die", "deze"})


def _kind_named_before(doc, ev: dict, sent, meeting_spans: list) -> object | None:
    """``Tijdens de NAVO-top op 11 en 12 juli in Vilnius ... X nam voor Nederland aan de top
    deel.``: in a document whose own meeting is of another kind or none, ``de top`` (``de
    ministeriële``) as the object of taking part is the one meeting of that kind the paragraph
    named before, not as another edition (``de top in Madrid van vorig jaar``). Its mention (the
    last one) or None; never in a sentence of another time or another day."""
    lw, space = lowers(doc), spaces(doc)
    main = ev.get("main")
    main_cls = ev["meetings"].get(main, {}).get("cls") if main else None
    cls = None
    for i in range(sent.start, sent.end):
        w = lw[i].rstrip(".")
        kind = next((c for c, ws in _WHOLE.items() if w in ws), None)
        if kind is None or kind == main_cls or any(m.start <= i < m.end for m in meeting_spans):
            continue
        j, det = _prev_word(lw, space, i, sent.start)
        if det in _DEFINITE and _prev_word(lw, space, j, sent.start)[1] in _SETS_REL["target_prepositions"]:
            cls = kind
            break
    if cls is None or not _main_clause_words(doc, sent).isdisjoint(_SETS_REL["other_time_words"]) \
            or not words_of(sent).isdisjoint(_SETS_REL["outside_meeting_words"]) or _another_edition(doc, sent):
        return None
    text = doc_text(doc)
    para = text.rfind("\n\n", 0, sent.start_char)
    found = []
    for m in meeting_spans:
        if m.label_ != cls or not (para < m.start_char and m.end <= sent.start):
            continue
        stop = next((k for k in range(m.end, min(m.end + 8, sent.end)) if lw[k] in _CLAUSE_MARKS), min(m.end + 8, len(lw)))
        after = [w for w in lw[m.start:stop] if not w.isspace()]  # its name may hold the year
        if not set(after).isdisjoint(_SETS_REL["other_time_words"]) or any(p in _EDITION_PAIRS for p in zip(after, after[1:])):
            continue  # "de NAVO-top in Madrid van vorig jaar": another edition
        found.append(m)
    if len({m.kb_id_ for m in found}) != 1:
        return None
    rec = ev["meetings"].get(found[-1].kb_id_, {})
    if rec.get("start") is not None:
        from kg.dates import find_dates
        for d in find_dates(span_text(doc, sent), rec["start"].year):
            if d.is_day and d.start and not (rec["start"] <= d.start <= rec["end"]):
                return None
    return found[-1]


_DATE_GAP = frozenset(REL["meeting_gap_words"])
_RELATIVE_ON_MEETING = frozenset(REL["meeting_relative_adverbs"])


def _relative_on_meeting(doc, sent, m) -> bool:
    """``de bijeenkomst van de ministers op 4 en 5 april in Brussel, waaraan X deelnam``: a
    relative clause opened by ``waaraan``/``waarbij`` right after the meeting (past only its
    days and place) that says the taking part: the meeting is its object."""
    lw, space = lowers(doc), spaces(doc)
    places = {k for sp in spans_in(doc, m.end, sent.end, ("Place", "Country")) for k in range(sp.start, sp.end)}
    k = m.end
    while k < sent.end and (space[k] or k in places or lw[k] in _DATE_GAP or lw[k].isdigit() or lw[k] in MONTHS):
        k += 1
    if k >= sent.end or lw[k] != ",":
        return False
    k += 1
    while k < sent.end and space[k]:
        k += 1
    if k >= sent.end or lw[k] not in _RELATIVE_ON_MEETING:
        return False
    stop = next((t for t in range(k + 1, sent.end) if lw[t] in _CLAUSE_MARKS), sent.end)
    return has_trigger(word_set(doc, k + 1, stop), REL["participation_words"], REL["participation_pairs"])


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
        if w == "naar" and any(s.start < j for s in spans_in(doc, sent.start, j, PERSON_CLASSES)):
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


def _at_table(lw: list[str], i: int) -> bool:
    """``aan tafel`` (no article) at token ``i``: seated at the meeting, no object of its own."""
    return lw[i] == "aan" and next((w for w in lw[i + 1:i + 3] if not w.isspace()), "") == "tafel"


def _other_object(doc, sent, ev: dict) -> bool:
    """The verb of attendance has an object that is not a meeting (``deel aan de missie``,
    ``aanwezig bij de oefening``) or a place that is not the meeting's (``aanwezig in
    Kyiv``): the sentence is about something else."""
    lw, space = lowers(doc), spaces(doc)
    end = _subordinate_start(lw, sent)  # "..., omdat premier X in eigen land bleef": not about the verb
    for i in range(sent.start, end - 1):
        if lw[i] not in _OBJECT_PREPOSITIONS or _at_table(lw, i):
            continue
        j = _past_dets(lw, space, i + 1, end)
        if j < end and lw[j][:1].isalpha() and lw[j] not in _MEETING_WORDS \
                and lw[j].rsplit("-", 1)[-1] not in _MEETING_WORDS and not _members_act(doc, sent, j):
            return True
    rec = ev["meetings"].get(ev.get("main"), {})
    places = [sp for sp in spans_in(doc, sent.start, end, ("Place", "Country"))
              if _prev_word(lw, space, sp.start, sent.start, _DETS)[1] == "in"]
    return any(sp.kb_id_ != rec.get("place") for sp in places)


_OBJECT_PREPOSITIONS = _SETS_REL["object_prepositions"]
_ACT_NOUNS = {n: frozenset(vs) for n, vs in REL["members_act_nouns"].items()}
_MEMBER_SEQS = [tuple(m.split()) for m in REL["member_subjects"]]
# "De ministers van Defensie van de 27 EU-lidstaten hebben ... ondertekend": members of another body
_OTHER_BODY_MEMBERS = frozenset(REL["other_body_members"])


def _members_act(doc, sent, j: int) -> bool:
    """``De ministers van ... hebben vandaag het protocol ondertekend. X was bij de ondertekening
    aanwezig.``: the noun at token ``j`` names an act (``members_act_nouns``) that the sentence
    before in the paragraph says the meeting's members (``de ministers``, ``de regeringsleiders``
    before the verb, after an article, no negation, not of another body: ``van de EU-lidstaten``)
    performed, on no day outside the meeting's."""
    verbs = _ACT_NOUNS.get(lowers(doc)[j])
    prev = _prev_in_paragraph(doc, sent) if verbs else None
    if prev is None:
        return False
    words = words_of(prev)
    if words.isdisjoint(verbs) or not words.isdisjoint(_NEWS_SETS["negations"]) or _members_of_other_body(doc, prev) \
            or not words.isdisjoint(_SETS_REL["other_time_words"]) or spans_in(doc, prev.start, prev.end, ("Summit", "MinisterialMeeting")):
        return False
    ev = doc.user_data.get("kg_events") or {}
    if ev.get("main") and _outside_main_dates(None, ev, prev, doc):
        return False
    toks = [w for w in lowers(doc)[prev.start:prev.end] if not w.isspace()]
    v = next(k for k, w in enumerate(toks) if w in verbs)
    return any(tuple(toks[k:k + len(m)]) == m and toks[k - 1] in ("de", "alle") for m in _MEMBER_SEQS for k in range(1, v))


# a relative clause set off by commas: ", dat op 19 mei het protocol ondertekende,"
_RELATIVE_ASIDE = re.compile(r",\s*(?:dat|die|wat|welke)\b[^,;:()]*,")
# the same opened by a pronominal adverb: ", waarvan het protocol op 19 mei werd ondertekend,"
_ADVERB_ASIDE = re.compile(r",\s*waar(?:van|aan|bij|in|op|mee|voor|over|door|tijdens)\b[^,;:()]*,")
# a relative clause that ends the sentence
_FINAL_RELATIVE = re.compile(r",\s*(?:dat|die|wat|welke)\b[^,;:()]*$")
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
    asides += [m.span() for m in _ADVERB_ASIDE.finditer(text) if not has_trigger(
        set(re.findall(r"[\w-]+", m.group().lower())), REL["participation_words"], REL["participation_pairs"])]
    last = _FINAL_RELATIVE.search(text)
    if last and not has_trigger(set(re.findall(r"[\w-]+", last.group().lower())), REL["participation_words"],
                                REL["participation_pairs"], REL["participation_phrases"]):
        asides.append(last.span())  # "X werd vergezeld door Y, die op 2 juli waren beëdigd.": that day is the oath's
    for d in find_dates(text, rec["start"].year):
        if text[max(0, d.start_char - 6):d.start_char].rstrip().endswith("d.d."):
            continue  # the date of a cited press release or letter
        if any(a <= d.start_char < b for a, b in asides):
            continue  # "Montenegro, dat op 19 mei het protocol tekende, neemt deel": another event's date
        if d.is_day and d.year and not (rec["start"] <= d.start <= rec["end"]):
            return True
    return False


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
    people = spans_in(doc, prev.start, prev.end, PERSON_CLASSES)
    return people[0] if len({sp.kb_id_ for sp in people}) == 1 else None


def _demonstrative_gathering(lw: list[str], sent) -> bool:
    """``aan deze sessie``, ``voor deze bijeenkomst``: a gathering the text has just named."""
    return any(lw[i] in _DEMONSTRATIVES and lw[i + 1] in _SETS_REL["gathering_nouns"]
               for i in range(sent.start, sent.end - 1))


_MEETING_DEMONSTRATED = frozenset({"overleg", "bijeenkomst", "vergadering"}) | _MEETING_KIND_WORDS


# "aansluitend op de NAVO-bijeenkomst kwamen ... bijeen": the meeting only tells when another gathering was
_BESIDE = frozenset(_SETS_REL["outside_meeting_words"]) | {"aansluitend", "aansluiting"}
_CONVENE = _SETS_REL["convene_words"]
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


_SIDE_PHRASES = tuple(tuple(p) for p in REL["side_event_phrases"])
_GATHERING_ENDINGS = tuple(_SETS_REL["gathering_nouns"])
_SIDE_HOSTS = _GATHERING_HEADS + tuple(_MEETING_KIND_WORDS) + ("meeting",)


def _side_event_sentence(lw: list[str], sent, meeting_spans: list) -> bool:
    """Does ``sent`` set a gathering in the margin or on the eve of a meeting it names (``En
    marge van de top vindt het X-event plaats``, ``aan de vooravond van de bijeenkomst``)?"""
    idx = [i for i in range(sent.start, sent.end) if lw[i].strip()]
    toks = [lw[i] for i in idx]
    starts = {m.start for m in meeting_spans if sent.start <= m.start and m.end <= sent.end}
    for n in range(len(toks)):
        for ph in _SIDE_PHRASES:
            if tuple(toks[n:n + len(ph)]) == ph:
                after = idx[n + len(ph):n + len(ph) + 6]  # "en marge van de NAVO Leaders' Meeting"
                if any(j in starts or lw[j].endswith(_SIDE_HOSTS) for j in after):
                    return True
    return False


def _points_back_at_side_event(doc, lw: list[str], sent, meeting_spans: list) -> bool:
    """``En marge van de top vindt een X-event plaats. A neemt samen met B deel aan deze
    bijeenkomst.``: the sentence points back (``deze ...bijeenkomst``, ``hieraan``) at a side
    event the sentence before set beside the meeting: taking part in it is no part in the meeting."""
    idx = [i for i in range(sent.start, sent.end) if lw[i].strip()]
    refers = not _SETS_REL["anaphoric_adverbs"].isdisjoint(lw[i] for i in idx) or any(
        lw[i] in _DEMONSTRATIVES and any(lw[j] not in _MEETING_KIND_WORDS and lw[j].endswith(_GATHERING_ENDINGS)
                                         for j in idx[n + 1:n + 4])
        for n, i in enumerate(idx))
    if not refers:
        return False
    prev = _prev_in_paragraph(doc, sent)
    return prev is not None and _side_event_sentence(lw, prev, meeting_spans)


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


def _destination(ctx: Context, ev: dict, sent, here: list, target, char: int, bare: str = "") -> tuple | None:
    """(event key, rule, the session's own council) that a participation sentence is about:
    the meeting it names as object; the n-th session; the whole meeting (``alle sessies``,
    ``deze top``); the session whose section holds it (``deze sessie``, or nothing named); a
    gathering it introduces (``een werkdiner``) belongs to the meeting, not that session."""
    doc = ctx.doc
    main = ev.get("main")
    if target is not None:
        return target.kb_id_, "events.meeting_participant", None
    if not main or _there_elsewhere(doc, ev, sent):
        return None
    # a gathering before or after the meeting ("voorafgaand aan de top"), or on another day,
    # or another edition ("nam vorig jaar deel aan de top")
    if not words_of(sent).isdisjoint(_SETS_REL["outside_meeting_words"]) or _outside_main_dates(ctx, ev, sent) \
            or _another_edition(doc, sent):
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
    if not here and _other_body_before(doc, sent):
        return None  # "De ministers van de EU-lidstaten namen vandaag een besluit. X was daarbij aanwezig."
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
    if scopes and bare == "talk" and _opens_next_sitting(lw, sent):
        scopes = []  # "Aansluitend sprak de NAVO met X": a sitting after the session, of the meeting
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
            and not _other_object(doc, sent, ev) and words_of(sent).isdisjoint(_SETS_REL["other_time_words"]) \
            and not _other_gathering_before(ctx, ev, sent):
        return main, "events.meeting_section_participant", None
    return None


def _other_body_before(doc, sent) -> bool:
    """The sentence before in the paragraph tells of the members of another body than NATO (``De
    ministers van Defensie van de 27 EU-lidstaten hebben vandaag ...``): a sentence after it that names
    no meeting of its own is about their act, not about the document's meeting."""
    prev = _prev_in_paragraph(doc, sent)
    return prev is not None and _members_of_other_body(doc, prev)


_BODY_REACH = 8  # words from "de ministers" to "EU-lidstaten": "de ministers van Defensie van de 27 EU-lidstaten"


def _members_of_other_body(doc, sent) -> bool:
    """Does the sentence name members (``de ministers``, ``de regeringsleiders``) of another body than
    NATO, a word of that body a few words after them (``... van de 27 EU-lidstaten``)?"""
    toks = [w for w in lowers(doc)[sent.start:sent.end] if not w.isspace()]
    for m in _MEMBER_SEQS:
        for k in range(len(toks)):
            if tuple(toks[k:k + len(m)]) != m:
                continue
            for b in range(k + len(m), min(len(toks), k + len(m) + _BODY_REACH)):
                if toks[b] in _OTHER_BODY_MEMBERS and _of_body(toks, b):
                    return True
    return False


def _of_body(toks: list[str], b: int) -> bool:
    """``van (de) (27) EU-lidstaten``: the body word at ``b`` is the complement of the members before it."""
    j = b - 1
    if j >= 0 and toks[j].isdigit():
        j -= 1
    if j >= 0 and toks[j] == "de":
        j -= 1
    return j >= 0 and toks[j] == "van"


def _there_elsewhere(doc, ev: dict, sent) -> bool:
    """``... de NAVO-top, die in juli in Ankara plaatsvindt. Daar is ook X aanwezig.``: ``daar``
    points back at the sentence before, which names a meeting other than the document's own
    (and not that one): what the sentence tells happens there, not at the document's meeting."""
    if "daar" not in lowers(doc)[sent.start:sent.end]:
        return False
    prev = _prev_in_paragraph(doc, sent)
    keys = {sp.kb_id_ for sp in spans_in(doc, prev.start, prev.end, ("Summit", "MinisterialMeeting"))} if prev else set()
    return bool(keys) and ev.get("main") not in keys


def _opens_next_sitting(lw: list[str], sent) -> bool:
    """The sentence opens with a word of what follows next (``Aansluitend``, ``Daarna``)."""
    first = next((k for k in range(sent.start, sent.end) if lw[k].strip()), None)
    return first is not None and lw[first] in _SETS_REL["next_sitting_openers"]


def _other_gathering_before(ctx: Context | None, ev: dict, sent, doc=None) -> bool:
    """``Voorafgaand aan de ministeriële vond op 4 juni een bijeenkomst plaats van de X. Deze werd
    voorgezeten door Y. Minister Z gaf daar een toelichting``: the nearest earlier sentence of the
    paragraph that speaks of a gathering places it before or after the meeting, or on a day
    outside it; what follows (``daar``, ``deze``, no object) is about that gathering."""
    doc = ctx.doc if ctx is not None else doc
    lw = lowers(doc)
    if _gathering_ref(lw, sent, _whole_words(doc))[0]:
        return False  # "Tijdens de top sprak X ...": the sentence itself names the meeting
    prev = _prev_in_paragraph(doc, sent)
    while prev is not None:
        words = words_of(prev)
        refers = any(_gathering_ref(lw, prev)) or not words.isdisjoint(_CONVENE) \
            or not words.isdisjoint(_SETS_REL["gathering_nouns"])
        if refers:
            return not words.isdisjoint(_SETS_REL["outside_meeting_words"]) or _outside_main_dates(None, ev, prev, doc) \
                or _denied_gathering(lw, prev)
        prev = _prev_in_paragraph(doc, prev)
    return False


def _denied_gathering(lw: list[str], sent) -> bool:
    """``Het was geen NAVO-bijeenkomst.``: ``geen`` right before a word of gathering (maybe past
    one adjective): the gathering the paragraph tells of is another one."""
    toks = [w for w in lw[sent.start:sent.end] if not w.isspace()]
    nouns = _SETS_REL["gathering_nouns"]
    return any(w == "geen" and any(t in nouns or t.rsplit("-", 1)[-1] in nouns for t in toks[n + 1:n + 3])
               for n, w in enumerate(toks))


_EDITION_PAIRS = frozenset(tuple(p) for p in REL["other_edition_pairs"])


def _another_edition(doc, sent) -> bool:
    """``X nam vorig jaar deel aan de top``, ``Y woonde de top eerder bij``: the words of a past
    or other time (not of sequence: ``daarna`` is the same meeting) outside the sentence's
    relative clauses say it is about another edition of the meeting."""
    words = _main_clause_words(doc, sent)
    if not words.isdisjoint(_SETS_REL["other_edition_words"]):
        return True
    toks = [w for w in lowers(doc)[sent.start:sent.end] if not w.isspace()]
    return any(p in _EDITION_PAIRS and p[0] in words for p in zip(toks, toks[1:]))


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
