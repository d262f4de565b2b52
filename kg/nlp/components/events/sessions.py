"""kg_events, sessions of the document's main meeting. The letter's headings (short
lines that stand alone, "Werksessie 2: NATO-Ukraine Council", "Tweede sessie: ...",
a heading wrapped over two lines or run on into its paragraph by cleaning) and the
sessions they name; the councils meeting in it ("de eerste werksessie van de NAR": that
council's sitting, which "de eerste werksessie" elsewhere also names) and gatherings in a format (see
``gatherings``; not one the text calls a forum); sittings named by topic ("een sessie
over ...") or order ("In een eerste sessie ..."), a section that calls itself "deze
sessie", and gatherings "in de marge van" the meeting (one of a council named there is
that council's session). Each is keyed by the meeting and the content words of its name
(``session_slug``).

Feeds ``kg:Session`` entities, ``kg:hasSession``, the session scopes that the
extract stage reads participants (``kg:participant``) from, and the ``headings``
it scopes its sentences by.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.reference import session_key
from kg.nlp.components.docindex import lowers, memo, mentions, texts, sent_of, words_where
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.spans import entity_table
from kg.nlp.components.fold import fold  # fold: memoised kg.slug.fold
from kg.slug import slugify
from kg.nlp.components.events.common import (
    DATA, _SESSION_NOUNS, _GATHERING_SUFFIXES, Meeting, Session, _ns, _is_cap, _CLAUSE_MEETING_WORDS,
    _SUMMIT_SUFFIXES, _REFERRING,
)
from kg.nlp.components.events.gatherings import (
    _body_spans, _meets, _scope_end, _idle_bodies, _planned_later, _format_sessions, _at_main, _format_name,
    _referring_end, _format_gatherings, _met_another_time, _ambassadors_council, _beside_the_meeting,
)

_HEADING_PREFIX = re.compile(r"^(?:(?:eerste|tweede|derde|vierde|vijfde|zesde|laatste)\s+(?=(?:werk)?sessie\s*\d*\s*:))?"
                             r"(?:werksessie|sessie)\s*\d*\s*[:.\-–]?\s*", re.IGNORECASE)
# "Tweede sessie: Oekraïne en partners": a numbered session heading, with its colon
_ORDINAL_SESSION = re.compile(r"^(?:eerste|tweede|derde|vierde|vijfde|zesde|laatste)\s+(?:werk)?sessie\s*\d*\s*:", re.IGNORECASE)


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _doc_headings(doc: Doc) -> list[tuple[int, int]]:
    """``headings(doc_text(doc))``, worked out once per doc (a fresh list each call)."""
    return list(memo(doc, "events.headings", lambda: headings(doc_text(doc))))


_RUN_ON_HEADS = frozenset(DATA["run_on_heads"])
_OPENERS = frozenset(DATA["sentence_openers"])


def _run_on_heading(line: str) -> int | None:
    """The length of a session heading that cleaning ran into the paragraph after
    it ("Werksessie Partners in de Kaukasus Daarnaast spreken de ministers ..."):
    it ends before the first capitalised word that opens a sentence, within 14
    words; None if there is no such word."""
    pos = 0
    for n, m in enumerate(re.finditer(r"\S+", line)):
        if n > 14:
            return None
        if n >= 2 and m.group() in _OPENERS:
            return pos
        pos = m.end()
    return None


_SESSION_HEADING_WORDS = frozenset(DATA["session_heading_words"])  # a heading that opens with one names a sitting


def headings(text: str) -> list[tuple[int, int]]:
    """Char ranges of the heading lines of a letter (short lines that stand alone)."""
    lines = list(_lines(text))
    out = []
    for n, (start, line) in enumerate(lines):
        raw = line.strip()
        stripped = raw.strip("#* ").strip()
        if not stripped:
            continue
        words = stripped.split()
        first = fold(words[0]).strip(":")
        prev = lines[n - 1][1].strip() if n else ""
        standalone = not prev or prev.endswith((".", "!", "?", ":", ")")) or raw.startswith("#") or n == 0
        is_session = (first in _SESSION_HEADING_WORDS or bool(_ORDINAL_SESSION.match(stripped))) and len(words) <= 16
        short = len(words) <= 8 and not stripped.endswith((".", ",", ";", ":")) and stripped[0].isupper()
        run_on = _run_on_heading(stripped) if standalone and first in _RUN_ON_HEADS and not is_session else None
        if run_on is not None:  # "Werksessie X Daarnaast zal ...": a heading the text ran on into
            lead = len(line) - len(line.lstrip())
            out.append((start + lead, start + lead + run_on))
            continue
        if not (standalone and (is_session or short or raw.startswith("#"))):
            continue
        end = start + len(line)
        # a heading wrapped over two lines ("... regio\nen de EU HV")
        if n + 1 < len(lines):
            nxt = lines[n + 1][1].strip()
            after = lines[n + 2][1].strip() if n + 2 < len(lines) else ""
            if nxt and len(nxt.split()) <= 6 and nxt[0].islower() and not after:
                end = lines[n + 1][0] + len(lines[n + 1][1])
        lead = len(line) - len(line.lstrip())
        out.append((start + lead, end))
    return out


_SESSION_STOP = frozenset(DATA["session_stopwords"])


def session_slug(name: str) -> str:
    """The part of a session key its name gives: the name's content words, so an
    agenda's "Bijeenkomst met de partners in het Noordpoolgebied" and a report's
    "Werksessie 2: Bijeenkomst met partners in het Noordpoolgebied" are one
    session (``partners-noordpoolgebied``); a name of
    nothing but such words ("Werksessie 3") keeps them all."""
    words = slugify(_HEADING_PREFIX.sub("", name) or name).split("-")
    content = [w for w in words if w and w not in _SESSION_STOP]
    if all(w.isdigit() for w in content):
        return slugify(name)
    return "-".join(content)


def _sessions(doc: Doc, main: Meeting | None) -> list[Session]:
    if main is None or not main.key:
        return []
    text = doc_text(doc)
    heads = _doc_headings(doc)
    bodies = _body_spans(doc)
    out: dict[str, Session] = {}
    idle = _idle_bodies(doc, bodies)
    ordered: dict[str, str] = {}  # ordinal word -> key of the council's sitting it names

    def add(name, label, start, end, scope, body=None, heading=False, key=None):
        key = key or session_key(main.key, session_slug(name))
        sess = out.get(key)
        if sess is None:
            sess = out[key] = Session(key, label, start, end, body=body)
        sess.heading = sess.heading or heading
        sess.scopes.append(scope)

    for n, (hs, he) in enumerate(heads):
        title = " ".join(text[hs:he].strip("#* ").split())
        nxt = heads[n + 1][0] if n + 1 < len(heads) else len(text)
        span = doc.char_span(hs, he, alignment_mode="expand")
        if span is None:
            continue
        in_head = [b for b in bodies if b.start >= span.start and b.end <= span.end]
        first = fold(title.split()[0]).strip(":")
        if in_head and in_head[0].kb_id_ in idle:
            continue
        if in_head:
            b = in_head[0]
            label = entity_table(doc).get(b.kb_id_, {}).get("label", b.text)
            add(b.kb_id_.split("/", 1)[1], label, span.start, span.end, (he, nxt), body=b.kb_id_, heading=True)
        elif (first in _SESSION_HEADING_WORDS or _ORDINAL_SESSION.match(title)) and not _names_main(doc, main, span):
            name = _HEADING_PREFIX.sub("", title) or title
            add(name, title, span.start, span.end, (he, nxt), heading=True)
    # councils meeting inside the main meeting, named in running text
    for b in bodies:
        if any(b.start >= out_s.start and b.end <= out_s.end for out_s in out.values()):
            continue
        if b.kb_id_ in idle or not _meets(doc, b) or _planned_later(text, b) or _met_another_time(doc, b, main) \
                or _ambassadors_council(doc, b) or _beside_the_meeting(doc, b):
            continue
        label = entity_table(doc).get(b.kb_id_, {}).get("label", b.text)
        para = text.rfind("\n\n", 0, b.start_char)  # a sentence may run on from a signature block
        add(b.kb_id_.split("/", 1)[1], label, b.start, b.end,
            (max(sent_of(doc, b).start_char, para + 2 if para >= 0 else 0), _scope_end(doc, b, bodies)), body=b.kb_id_)
        order = _ordinal_of_body(doc, b)
        if order:  # "de eerste werksessie van de NAR": elsewhere "de eerste werksessie" is this sitting
            ordered.setdefault(order, session_key(main.key, session_slug(b.kb_id_.split("/", 1)[1])))
    # a gathering named by its format at the meeting ("een ISAF-bijeenkomst met ..."): a session
    # of its own, over its sentence, not part of the council's session before it
    for i in _format_gatherings(doc):
        tok = doc[i]
        if any(sess.start <= i < sess.end for sess in out.values()):
            continue
        sent = sent_of(doc, tok)
        add(tok.text, tok.text, i, i + 1, (sent.start_char, _referring_end(doc, sent)))
    # a gathering "in RS-formaat", "in ISAF-samenstelling": a session named after that format
    for start, end, stem in _format_sessions(doc):
        if any(sess.start <= start < sess.end or start <= sess.start < end for sess in out.values()):
            continue
        sent = sent_of(doc, doc[start])
        if not _at_main(doc, main, sent):
            continue
        label = "bijeenkomst in " + " ".join(doc[start:end].text.split())
        add(_format_name(doc, stem), label, start, end, (sent.start_char, _referring_end(doc, sent)))
    # "een sessie over de samenwerking met de EU": a session named by its topic
    for i, name, scope in _topic_sessions(doc, main):
        if not any(sess.start <= i < sess.end for sess in out.values()):
            add(name, name, i, i + 1, scope)
    # "In een eerste sessie spreken de ministers over ...": a sitting named by its order
    if not any(sess.heading for sess in out.values()):
        for i, name, scope in _ordinal_sittings(doc, main, bodies):
            if not any(sess.start <= i < sess.end for sess in out.values()):
                add(name, name, i, i + 1, scope, key=ordered.get(name.split()[0]))
    # a section whose text calls itself "deze sessie": its heading names a session
    for (hs, he), scope in _section_sessions(doc, main, heads, out.values()):
        span = doc.char_span(hs, he, alignment_mode="expand")
        title = " ".join(text[hs:he].strip("#* ").split())
        if span is not None:  # not a "Werksessie N" heading: "de tweede sessie" does not count it
            add(title, title, span.start, span.end, scope)
    # a gathering held "in de marge van" the meeting: a session of its own, not the meeting
    for i, scope in _margin_gatherings(doc):
        if any(sess.start <= i < sess.end or sess.body and _of_body(doc, i, sess.start) for sess in out.values()):
            continue  # "een bijeenkomst van de NAVO-Rusland Raad": that council's session, one gathering
        name = f"{texts(doc)[i].lower()} in de marge"
        add(name, name, i, i + 1, scope)
    return list(out.values())


def _of_body(doc: Doc, i: int, start: int) -> bool:
    """Is the gathering noun at token ``i`` followed by ``van (de|het)`` and then token ``start``
    (``een bijeenkomst van de NAVO-Rusland Raad``)?"""
    lw = lowers(doc)
    between = [lw[j] for j in range(i + 1, start) if not doc[j].is_space]
    return i < start and bool(between) and between[0] == "van" and all(w in ("de", "het") for w in between[1:])


def _names_main(doc: Doc, main: Meeting, span) -> bool:
    """``Bijeenkomst van de NAVO-ministers van Buitenlandse Zaken``: a heading that opens with
    a mention of the main meeting itself heads the section on the meeting, not a session of it."""
    return any(sp.label_ in ("Summit", "MinisterialMeeting") and sp.kb_id_ == main.key and span.start <= sp.start < span.end
               and all(t.is_punct or t.is_space for t in doc[span.start:sp.start]) for sp in mentions(doc))


_SITTINGS = frozenset(DATA["sitting_nouns"])
_TOPIC_STOPS = frozenset({",", ".", ";", ":", "(", ")", "?", "!", "waar", "waarin", "waarbij", "waaraan", "die", "dat"})


def _topic_sessions(doc: Doc, main: Meeting) -> list[tuple[int, str, tuple[int, int]]]:
    """``schoof … aan voor een sessie over de samenwerking tussen de EU en de NAVO``, ``In de
    sessie over Afghanistan …``: (the session noun's token, the name "sessie over <topic>",
    its scope: the sentence and the next ones that refer to it) for a sitting named by its
    topic at the main meeting (its sentence names no other meeting or day)."""
    lw = lowers(doc)
    out = []
    for k in words_where(doc, "LOWER", "events.sittings", _SITTINGS.__contains__):
        i = _ns(doc)[k]
        sent = sent_of(doc, doc[i])
        if i + 2 >= sent.end or lw[i + 1] != "over" or i == sent.start or lw[i - 1] not in ("een", "de"):
            continue
        j = i + 2
        if _is_cap(texts(doc)[j]):  # "over Afghanistan stond …": a name, its capitalised words only
            while j < sent.end and j - i <= 6 and _is_cap(texts(doc)[j]):
                j += 1
        elif _opens_sentence(doc, sent, i - 1):
            continue  # "In de sessie over de transitie bespraken …": where the topic ends is not known
        else:  # "aan voor een sessie over de samenwerking tussen de EU en de NAVO."
            while j < sent.end and j - i <= 12 and lw[j] not in _TOPIC_STOPS and not doc[j].is_space:
                j += 1
        topic = " ".join(doc[i + 2:j].text.split())
        if not topic or not _at_main(doc, main, sent) or any(
                w in _CLAUSE_MEETING_WORDS or w.endswith(_SUMMIT_SUFFIXES) for w in lw[i + 2:j]):
            continue
        out.append((i, f"sessie over {topic}", (sent.start_char, _referring_end(doc, sent))))
    return out


_SITTING_ORDINALS = frozenset(DATA["sitting_ordinals"])


def _ordinal_sittings(doc: Doc, main: Meeting, bodies) -> list[tuple[int, str, tuple[int, int]]]:
    """``In een eerste sessie spreken de ministers over X. Voor deze sessie zijn ... uitgenodigd``:
    (the session noun's token, the name "eerste sessie", its scope: the sentence and the next
    ones that refer to it) for a sitting named by its order at the main meeting, in a sentence
    that names no council (that council's session is the sitting) and no other meeting or day.
    Only for a meeting without session headings (``de eerste sessie`` counts those)."""
    lw = lowers(doc)
    out = []
    for k in words_where(doc, "LOWER", "events.sittings", _SITTINGS.__contains__):
        i = _ns(doc)[k]
        sent = sent_of(doc, doc[i])
        prev = [j for j in range(max(sent.start, i - 3), i) if not doc[j].is_space][-2:]
        if len(prev) < 2 or lw[prev[0]] not in ("een", "de") or lw[prev[1]] not in _SITTING_ORDINALS:
            continue
        if any(sent.start <= b.start < sent.end for b in bodies) or not _at_main(doc, main, sent):
            continue
        out.append((i, f"{lw[prev[1]]} {lw[i]}", (sent.start_char, _referring_end(doc, sent))))
    return out


def _ordinal_of_body(doc: Doc, body) -> str | None:
    """``de eerste werksessie van de Noord-Atlantische Raad``: the ordinal word (``eerste``) of the
    sitting the council's name is "van" in its own sentence; None if it follows no such sitting."""
    lw = lowers(doc)
    start = sent_of(doc, body).start
    prev = [j for j in range(max(start, body.start - 6), body.start) if not doc[j].is_space]
    while prev and lw[prev[-1]] in ("de", "het"):
        prev.pop()
    if len(prev) < 4 or lw[prev[-1]] != "van" or lw[prev[-2]] not in _SITTINGS \
            or lw[prev[-3]] not in _SITTING_ORDINALS or lw[prev[-4]] not in ("de", "een"):
        return None
    return lw[prev[-3]]


def _opens_sentence(doc: Doc, sent, i: int) -> bool:
    """Does the phrase whose article is token ``i`` open ``sent`` (after one preposition)?"""
    first = next((j for j in range(sent.start, sent.end) if not doc[j].is_space), sent.start)
    return i - first <= 1


_QA_HEADS = frozenset(DATA["qa_heading_words"])


def _qa_label(heading: str) -> bool:
    """"Vraag 3" / "Antwoord 3": the label of a written question or its answer, no session's name."""
    words = heading.strip("#* ").split()
    return bool(words) and fold(words[0]).strip(":") in _QA_HEADS


def _names_sitting(text: str, a: int, b: int) -> bool:
    """The heading at ``text[a:b]`` names a sitting: ``Werksessie 1: …``, ``Tweede sessie``."""
    return bool(text[a:b].split()) and bool(fold(text[a:b].strip("#* ").split()[0]).strip(":") in _SITTINGS
                                            or _ORDINAL_SESSION.match(text[a:b].strip("#* ")))


def _section_sessions(doc: Doc, main: Meeting, heads: list[tuple[int, int]], sessions) -> list:
    """``Resolute Support`` / ``Op 8 juni spreken de ministers over … Aan deze sessie nemen
    ook … deel``: a section of an agenda or report whose text refers to itself as "deze
    sessie" is a session named by its heading: ((heading span), scope of its text). Only
    when every sitting noun of the section so refers back (none introduces another
    sitting: "een werkdiner", "de tweede sessie"), no session found already covers it,
    and its sentences name no other meeting or day."""
    text, lw = doc_text(doc), lowers(doc)
    taken = [sc for sess in sessions for sc in sess.scopes]
    out = []
    for n, (hs, he) in enumerate(heads):
        nxt = heads[n + 1][0] if n + 1 < len(heads) else len(text)
        # under "Werksessie 1: …" a sub-heading's "deze werksessie" is that one: no section
        # after a heading that names a sitting (the headings before n - 1 were read at their turn)
        if n and _names_sitting(text, *heads[n - 1]):
            break
        if any(sess.start <= (doc.char_span(hs, he, alignment_mode="expand") or doc[0:0]).start < sess.end
               for sess in sessions):
            continue
        body = doc.char_span(he, nxt, alignment_mode="expand")
        if body is None or len(text[hs:he].split()) > 8 or _qa_label(text[hs:he]):
            continue
        refs, other = [], False
        for i in range(body.start, body.end):
            w = lw[i]
            if w in _SESSION_NOUNS or w.endswith(_GATHERING_SUFFIXES) or w.endswith("sessies"):
                if w in _SITTINGS and i > body.start and lw[i - 1] in _REFERRING | {"de"} \
                        and (i + 1 >= len(doc) or lw[i + 1] != "over"):
                    refs.append(i)
                else:
                    other = True
        if other or not any(lw[i - 1] in _REFERRING for i in refs):
            continue
        if any(a <= doc[i].idx < b for i in refs for a, b in taken):
            continue
        first = sent_of(doc, doc[refs[0]])
        sents = [sent_of(doc, doc[body.start])] if body.start < len(doc) else []
        if not all(_at_main(doc, main, s) for s in {(x.start, x.end): x for x in sents + [first]}.values()):
            continue
        out.append(((hs, he), (he, nxt)))
    return out


def _margin_gatherings(doc: Doc) -> list[tuple[int, tuple[int, int]]]:
    """``In de marge van de bijeenkomst vindt een vergadering plaats van …, waaraan …
    deelnemen``: (token of the gathering's noun, its scope). The scope is its sentence and
    the next ones of the paragraph that refer to it ("is voor deze vergadering uitgenodigd")."""
    lw = lowers(doc)
    nouns = _SESSION_NOUNS
    text = doc_text(doc)
    out = []
    for k in words_where(doc, "LOWER", "events.margin", "marge".__eq__):
        i = _ns(doc)[k]
        if not (i >= 2 and lw[i - 1] == "de" and lw[i - 2] == "in" and i + 1 < len(doc) and lw[i + 1] == "van"):
            continue
        sent = sent_of(doc, doc[i])
        # the meeting it is held beside: "van de bijeenkomst"; the gathering: the next noun after it
        host = next((j for j in range(i + 2, min(i + 5, sent.end)) if lw[j] in nouns), None)
        after = host + 1 if host is not None else i + 2
        noun = next((j for j in range(after, sent.end) if lw[j] in nouns), None)
        if noun is None:
            continue
        end = sent.end_char
        para_end = text.find("\n\n", sent.end_char)
        para_end = len(text) if para_end < 0 else para_end
        nxt = sent
        while nxt.end < len(doc) and nxt.end_char < para_end:
            nxt = sent_of(doc, doc[nxt.end])
            refers = any(lw[j] in nouns and j > nxt.start and lw[j - 1] in _REFERRING for j in range(nxt.start, nxt.end))
            if not refers:
                break
            end = nxt.end_char
        out.append((noun, (sent.start_char, end)))
    return out
