"""Component kg_events: NATO summits, ministerials and their sessions.

Summits are identified by place + year (``summit/vilnius-2023``), ministerials
by kind + year-month (``ministerial/fmm-2024-04``), so the same meeting is one
node in every document. A mention without a year takes it from the date next
to it, the nearest earlier mention of the same meeting, or the letter's year.
Sessions come from the document's structure: headings (``Werksessie 2:
NATO-Ukraine Council``) and council meetings named in the text.

What the extract stage needs later (dates, places, session scopes) is left in
``doc.user_data["kg_events"]``; every mention is a span in ``doc.spans["kg"]``.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from kg.dates import DateMention, find_dates
from kg.nlp.components.docindex import lowers, memo, texts, mentions, non_space, sent_bounds, sent_of, span_text, spaces, words_where
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.spans import add_mention, entity_table, register_entity
from kg.nlp.components.fold import fold, ref_lookup  # fold: memoised kg.slug.fold
from kg.slug import slugify

DATA = json.loads(Path(__file__).with_name("events.json").read_text(encoding="utf-8"))
MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"]
# Tokens that may stand between a meeting word and its place/date ("die op 9 en 10 juli jl. in").
_BRIDGE = {"die", "dat", "op", "van", "tot", "en", "met", "jl.", "jl", "a.s.", "j.l.", "aanstaande", "afgelopen",
           "vorig", "vorige", "komende", "(", ")", ",", "–", "-", "t/m", "vindt", "plaats", "heeft", "wordt",
           "is", "zal", "dinsdag", "woensdag", "donderdag", "vrijdag", "maandag", "zaterdag", "zondag",
           *MONTH_NAMES}
_ABBREV = re.compile(r"^(?:[A-Z]\.)+$")
_NOT_MEETING_CONTEXT = {"commissiedebat", "debat", "ao", "notaoverleg", "schriftelijk"}


@dataclass
class Meeting:
    """One mention of a summit or ministerial, before identity is settled."""

    start: int  # token span of the mention
    end: int
    cls: str  # "Summit" | "MinisterialMeeting"
    kind: str = ""  # ministerial kind: fmm, dmm, joint, ministerial
    place: str | None = None  # surface form of the place
    place_span: tuple[int, int] | None = None
    date: DateMention | None = None
    year: int | None = None
    key: str = ""
    label: str = ""
    alt: list[str] = field(default_factory=list)  # further names ("FMM april 2024")


@dataclass
class Session:
    """A session of the document's main meeting and the text it covers."""

    key: str
    label: str
    start: int  # token span of the mention (heading or body name)
    end: int
    scopes: list[tuple[int, int]] = field(default_factory=list)  # char ranges of its text
    body: str | None = None  # key of the council/commission that meets
    heading: bool = False  # announced by a heading of the document


def _doc_year(doc: Doc) -> int | None:
    """The letter's year: from metadata a caller left, else the first dated expression."""
    meta = doc.user_data.get("kg_meta") or {}
    if meta.get("year"):
        return int(meta["year"])
    if meta.get("date"):
        return int(str(meta["date"])[:4])
    for d in find_dates(doc_text(doc)[:3000]):
        if d.year is not None and d.is_day:
            return d.year
    return None


def _ns(doc: Doc) -> list[int]:
    """Indices of the non-whitespace tokens (line breaks are not words)."""
    return non_space(doc)


def _is_cap(text: str) -> bool:
    return bool(text) and (text[0].isupper() or bool(_ABBREV.match(text))) and not text[0].isdigit()


def _place_after(doc: Doc, ns: list[int], k: int) -> tuple[int, int] | None:
    """Token span of a capitalised place name starting at ns[k], if any."""
    if k >= len(ns):
        return None
    first = doc[ns[k]]
    if not _is_cap(first.text) or not any(c.isalpha() for c in first.text) or first.lower_ in _BRIDGE:
        return None
    j = k
    while j + 1 < len(ns) and j - k < 2:
        nxt = doc[ns[j + 1]]
        if (_is_cap(nxt.text) and nxt.text.isalpha() or _ABBREV.match(nxt.text)) and nxt.lower_ not in _BRIDGE \
                and ns[j + 1] == ns[j] + 1 and "\n" not in doc[ns[j]].whitespace_:
            j += 1
        else:
            break
    return ns[k], ns[j] + 1


def _title(text: str) -> str:
    """``WASHINGTON D.C.`` -> ``Washington D.C.``; mixed case is kept."""
    if text.isupper() and len(text) > 3:
        return " ".join(w if _ABBREV.match(w) else w.capitalize() for w in text.split())
    return text


def _dates_by_token(doc: Doc, year: int | None) -> list[tuple[int, int, DateMention]]:
    """Date mentions with their token span."""
    out = []
    for d in find_dates(doc_text(doc), year):
        span = doc.char_span(d.start_char, d.end_char, alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end, d))
    return out


def _scan_after(doc, ns, pos, dates, allow_in=True):
    """From ns-position ``pos``, walk over bridge tokens; return (place span, date, year)."""
    place, date, year = None, None, None
    sent_end = sent_bounds(doc, ns[pos - 1])[1] if pos else len(doc)
    k = pos
    steps = 0
    while k < len(ns) and ns[k] < sent_end and steps < 14:
        tok = doc[ns[k]]
        hit = next((d for s, e, d in dates if s <= tok.i < e), None)
        if hit is not None and date is None:
            date = hit
            while k < len(ns) and ns[k] < next(e for s, e, d in dates if d is hit):
                k += 1
            steps += 1
            continue
        if tok.lower_ == "in" and allow_in and k + 1 < len(ns):
            nxt = doc[ns[k + 1]]
            if any(s <= nxt.i < e for s, e, d in dates):  # "in februari 2021"
                k += 1
                continue
            if re.fullmatch(r"(19|20)\d\d", nxt.text):
                year = int(nxt.text)
                k += 2
                continue
            if place is None:
                ps = _place_after(doc, ns, k + 1)
                if ps is not None:
                    place = ps
                    k = ns.index(ps[1] - 1) + 1
                    continue
            break
        if tok.lower_ in _BRIDGE or tok.like_num or tok.is_punct and tok.text not in ".;:":
            k += 1
            steps += 1
            continue
        break
    return place, date, year


def _date_before(doc, ns, pos, dates):
    """A date that ends shortly before ns-position ``pos`` in the same sentence."""
    tok = doc[ns[pos]]
    best = None
    for s, e, d in dates:
        if e <= tok.i and s >= sent_bounds(doc, tok.i)[0] and tok.i - e <= 4:
            best = d
    return best


def _summits(doc: Doc, ns: list[int], dates) -> list[Meeting]:
    words = set(DATA["summit_words"])
    adjectives = DATA["place_adjectives"]
    suffixes = tuple(DATA["summit_suffixes"])  # str.endswith takes a tuple: one C call per word
    out: list[Meeting] = []
    lw, tx = lowers(doc), texts(doc)  # per-doc arrays: no Token per word
    # only a summit word or a word ending in one ("Vilniustop") can start a mention
    for k in words_where(doc, "LOWER", "events.summit_words", lambda w: w in words or w.endswith(suffixes)):
        i = ns[k]
        low = lw[i]
        start, place_span, place_text = i, None, None
        if low in words:
            prev = doc[ns[k - 1]] if k else None
            if prev is not None and prev.lower_ in adjectives:
                start, place_text = prev.i, adjectives[prev.lower_]
            elif prev is not None and prev.lower_ in DATA["summit_prefix_words"]:
                start = prev.i
        elif low.endswith(suffixes) and low not in words:
            stem = tx[i].rsplit("-", 1)[0]
            if not _is_cap(stem) or fold(stem) in ("navo", "nato"):
                continue
            prev = doc[ns[k - 1]] if k else None
            if _ABBREV.match(stem) and prev is not None and _is_cap(prev.text):
                start, place_text = prev.i, prev.text + " " + stem
            else:
                place_text = stem
        else:
            continue
        place, date, year = _scan_after(doc, ns, k + 1, dates)
        if place is not None and place_text is None:
            place_span = place
            place_text = _title(doc[place[0]:place[1]].text)
        if low == "top" and place_text is None:
            continue  # a bare "de top" is an anaphor, not a name
        if date is None and year is None:
            date = _date_before(doc, ns, k, dates)
        end = max(i + 1, place[1] if place else i + 1)
        out.append(Meeting(start, end, "Summit", place=place_text, place_span=place_span, date=date,
                           year=year or (date.year if date else None)))
    return out


def _ministerial_matcher(nlp) -> PhraseMatcher:
    # A PhraseMatcher on LOWER finds what token patterns [{"LOWER": w}, ...] find
    # (the phrases are lower-case, one word per token), several times faster.
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    for kind, phrases in DATA["ministerial_phrases"].items():
        m.add(kind, [Doc(nlp.vocab, words=list(p)) for p in phrases])
    for wrong, right in DATA["ocr_acronyms"].items():
        m.add(right, [Doc(nlp.vocab, words=[wrong])])
    return m


class _Positions:
    """``{token index: position in ns}`` for a sorted ``ns``, answered by bisection
    (``get`` and ``[]`` as on that dict)."""

    __slots__ = ("ns",)

    def __init__(self, ns: list[int]):
        self.ns = ns

    def get(self, i: int, default=None):
        k = bisect_left(self.ns, i)
        return k if k < len(self.ns) and self.ns[k] == i else default

    def __getitem__(self, i: int) -> int:
        k = self.get(i)
        if k is None:
            raise KeyError(i)
        return k


def _kind_of_portfolio(doc, ns, k) -> str | None:
    """``ministers van Buitenlandse Zaken (en Defensie)`` -> fmm / dmm / joint."""
    kinds = set()
    for j in range(k, min(k + 6, len(ns))):
        kind = DATA["portfolio"].get(lowers(doc)[ns[j]])
        if kind:
            kinds.add(kind)
    if not kinds:
        return None
    return "joint" if len(kinds) > 1 else kinds.pop()


def _ministerials(doc: Doc, ns: list[int], dates, matcher: Matcher) -> list[Meeting]:
    out: list[Meeting] = []
    pos = _Positions(ns)
    seen: set[int] = set()
    for match_id, s, e in sorted(matcher(doc), key=lambda m: (m[1], -m[2])):
        if s in seen or any(s <= x < e for x in seen):
            continue
        seen.update(range(s, e))
        kind = doc.vocab.strings[match_id]
        out.append(Meeting(s, e, "MinisterialMeeting", kind=kind))
    # "bijeenkomst van (de) (NAVO-)ministers van Buitenlandse Zaken", "ministers van X kwamen ... bijeen"
    nouns, ministers = set(DATA["meeting_nouns"]), set(DATA["ministers_words"])
    for k in words_where(doc, "LOWER", "events.ministers_words", ministers.__contains__):
        i = ns[k]
        if i in seen:
            continue
        if k + 1 >= len(ns) or lowers(doc)[ns[k + 1]] != "van":
            continue
        kind = _kind_of_portfolio(doc, ns, k + 2)
        if kind is None:
            continue
        back = [lowers(doc)[ns[j]] for j in range(max(0, k - 4), k)]
        sent = sent_of(doc, doc[i])
        ahead = lowers(doc)[i:sent.end][:14]
        if not (nouns & set(back) or set(DATA["gather_verbs"]) & set(ahead)):
            continue
        start = i
        for j in range(k - 1, max(-1, k - 5), -1):
            if lowers(doc)[ns[j]] in nouns:
                start = ns[j]
                if j and lowers(doc)[ns[j - 1]] in ("navo", "nato", "gezamenlijke"):
                    start = ns[j - 1]
                break
        if set(back) & set(DATA["not_ministerial_context"]):
            continue
        end = ns[min(k + 6, len(ns) - 1)]
        while end > i and lowers(doc)[end] not in DATA["portfolio"] and lowers(doc)[end] != "zaken":
            end -= 1
        if lowers(doc)[end] == "buitenlandse" and end + 1 < len(doc):
            end += 1
        if any(x in seen for x in range(start, end + 1)):
            continue
        seen.update(range(start, end + 1))
        out.append(Meeting(start, end + 1, "MinisterialMeeting", kind=kind))
    for m in out:
        k = pos.get(m.end - 1, None)
        if k is None:
            continue
        before = {lowers(doc)[ns[j]] for j in range(max(0, pos.get(m.start, 0) - 3), pos.get(m.start, 0))}
        # skip "(FMM)" right after the name
        k2 = k + 1
        if k2 + 2 < len(ns) and texts(doc)[ns[k2]] == "(" and texts(doc)[ns[k2 + 2]] == ")":
            m.end = ns[k2 + 2] + 1
            k2 += 3
        if before & _NOT_MEETING_CONTEXT:
            continue
        place, date, year = _scan_after(doc, ns, k2, dates)
        if date is None:
            date = _date_before(doc, ns, pos[m.start], dates)
        m.date, m.year = date, (date.year if date else year)
        if place is None:
            place = _place_in_sentence(doc, m)
        if place is not None:
            m.place_span = place
            m.place = _title(doc[place[0]:place[1]].text)
    return sorted(out, key=lambda m: m.start)


def _place_in_sentence(doc: Doc, m: Meeting) -> tuple[int, int] | None:
    """``kwamen de ministers ... bijeen op het NAVO-hoofdkwartier in Brussel``: a known
    place after ``in`` later in the meeting's sentence."""
    sent = sent_of(doc, doc[m.start])
    for t in doc[m.end:sent.end]:
        if t.lower_ != "in" or t.i + 1 >= sent.end:
            continue
        nxt = doc[t.i + 1]
        for n in (2, 1):
            cand = doc[nxt.i:min(nxt.i + n, sent.end)]
            if _is_cap(cand.text) and _reference_key(cand.text) and \
                    _reference_key(cand.text).startswith("place/"):
                return cand.start, cand.end
    return None


# ---------------------------------------------------------------- identity

def _lookup(doc: Doc, name: str, classes=("Place", "Country")) -> str | None:
    """The key another component gave an entity with this name in this doc."""
    want = fold(name)
    for key, info in entity_table(doc).items():
        if info["cls"] in classes and (fold(info["label"]) == want or want in {fold(a) for a in info["alt_labels"]}):
            return key
    for span in mentions(doc):
        if span.label_ in classes and fold(span.text) == want:
            return span.kb_id_
    return None


def _reference_key(name: str) -> str | None:
    """The reference data's key for a place name (``Washington`` -> Washington D.C.)."""
    try:
        from kg import reference

        ent = ref_lookup(reference.load(), name)
    except Exception:  # reference data missing or broken: fall back to the text
        return None
    return ent.key if ent is not None and ent.cls in ("Place", "Country") else None


def _place_key(doc: Doc, name: str) -> str:
    key = _lookup(doc, name) or _reference_key(name)
    if key is not None and key not in entity_table(doc):
        from kg import reference

        ent = reference.load().get(key)
        register_entity(doc, key, ent.cls, ent.label, alt_labels=[name] if name != ent.label else (),
                        same_as=ent.same_as)
    if key is None:
        key = "place/" + slugify(name)
        register_entity(doc, key, "Place", name)
    return key


def _summit_slug(place: str) -> str:
    """``Washington D.C.`` and ``Washington`` name one summit city."""
    words = [w for w in place.split() if fold(w).strip(".") not in DATA.get("ignored_place_words", ["d.c", "dc"])]
    return slugify(" ".join(words) or place)


def _settle_summits(doc: Doc, summits: list[Meeting], doc_year: int | None) -> None:
    """Give every summit mention a place and a year, then a key."""
    for m in summits:
        if m.place is None and m.year is not None:
            same = [o for o in summits if o.place and o.year == m.year]
            if same:
                m.place = same[0].place
    for idx, m in enumerate(summits):
        if m.place is None or m.year is not None:
            continue
        slug = _summit_slug(m.place)
        earlier = [o for o in summits[:idx] if o.place and _summit_slug(o.place) == slug and o.year]
        later = [o for o in summits[idx + 1:] if o.place and _summit_slug(o.place) == slug and o.year]
        m.year = earlier[-1].year if earlier else later[0].year if later else doc_year
    for m in summits:
        if m.place is None:
            continue
        m.key = "summit/" + _summit_slug(m.place) + (f"-{m.year}" if m.year else "")
        m.label = f"NAVO-top {m.place}" + (f" {m.year}" if m.year else "")


def _settle_ministerials(ms: list[Meeting], doc_year: int | None) -> None:
    specific = {m.kind for m in ms if m.kind not in ("ministerial",)}
    for m in ms:
        if m.kind == "ministerial" and len(specific) == 1:
            m.kind = next(iter(specific))
    for idx, m in enumerate(ms):
        if m.date is None:
            earlier = [o for o in ms[:idx] if o.date is not None and o.kind == m.kind]
            if earlier:
                m.date = earlier[-1].date
            elif m.kind == "ministerial":
                anyd = [o for o in ms[:idx] if o.date is not None]
                m.date = anyd[-1].date if anyd else None
    for m in ms:
        d = m.date
        if d is not None and d.year is None and doc_year:
            d = m.date = d.with_year(doc_year)
        stamp = f"{d.year}-{d.month1:02d}" if d is not None and d.year else (str(doc_year) if doc_year else "")
        m.key = f"ministerial/{m.kind}" + (f"-{stamp}" if stamp else "")
        base = DATA["kind_labels"].get(m.kind, "NAVO-ministeriële")
        m.label = base + (" " + _date_label(d) if d is not None and d.year else "")
        m.alt = []
        short = DATA["kind_acronyms"].get(m.kind)
        if short and d is not None and d.year:
            m.alt = [f"{short} {_date_label(d)}", f"{short} {MONTH_NAMES[d.month1 - 1]} {d.year}",
                     f"{base.removeprefix('NAVO ')} {_date_label(d)}"]


def _date_label(d: DateMention) -> str:
    month = MONTH_NAMES[d.month1 - 1]
    if d.day1 is None:
        return f"{month} {d.year}"
    if d.day2 and (d.day2 != d.day1 or d.month2 != d.month1):
        if d.month2 != d.month1:
            return f"{d.day1} {month}-{d.day2} {MONTH_NAMES[d.month2 - 1]} {d.year}"
        return f"{d.day1}-{d.day2} {month} {d.year}"
    return f"{d.day1} {month} {d.year}"


# ---------------------------------------------------------------- sessions

_HEADING_PREFIX = re.compile(r"^(?:werksessie|sessie)\s*\d*\s*[:.\-–]?\s*", re.IGNORECASE)


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _doc_headings(doc: Doc) -> list[tuple[int, int]]:
    """``headings(doc_text(doc))``, worked out once per doc (a fresh list each call)."""
    return list(memo(doc, "events.headings", lambda: headings(doc_text(doc))))


def headings(text: str) -> list[tuple[int, int]]:
    """Char ranges of the heading lines of a letter (short lines that stand alone)."""
    lines = list(_lines(text))
    session_words = set(DATA["session_heading_words"])
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
        is_session = first in session_words and len(words) <= 16
        short = len(words) <= 8 and not stripped.endswith((".", ",", ";", ":")) and stripped[0].isupper()
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


_BODY_HEADS = frozenset(DATA["body_heads"])


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
        if any(_ends_in_body_head(n) for n in names if n):
            out.append(span)
    return out


def _is_nato_body(doc: Doc, span) -> bool:
    info = entity_table(doc).get(span.kb_id_, {})
    names = " ".join([info.get("label", ""), span.text, *info.get("alt_labels", ())])
    return any(m in fold(names) for m in DATA["nato_markers"])


def _paragraph_end(text: str, pos: int) -> int:
    m = re.compile(r"\n\s*\n").search(text, pos)
    return m.start() if m else len(text)


def _meets(doc: Doc, body) -> bool:
    """Is this council mention a meeting of the council (a session), not just its name?"""
    before = set(lowers(doc)[max(sent_of(doc, body).start, body.start - 5):body.start])
    if before & {"verslag", "resolutie", "resoluties"}:
        return False
    return bool(before & set(DATA["session_nouns"])) or _is_nato_body(doc, body)


def _scope_end(doc: Doc, body, bodies) -> int:
    """A council named in running text: its sentence and the next ones of the paragraph,
    up to a sentence that turns to another session."""
    end = _paragraph_end(doc_text(doc), sent_of(doc, body).end_char)
    nouns = set(DATA["session_nouns"])
    sent = sent_of(doc, body)
    lw, space = lowers(doc), spaces(doc)  # per-doc arrays, no Tokens
    while sent.end < len(doc) and sent.end_char < end:
        nxt = sent_of(doc, doc[sent.end])
        other = any(b.start >= nxt.start and b.end <= nxt.end and b.kb_id_ != body.kb_id_ and _meets(doc, b)
                    for b in bodies)
        new = any(lw[i] in nouns and not (i > nxt.start and lw[i - 1] in ("deze", "die", "dit"))
                  for i in range(nxt.start, nxt.end))
        first = next((lw[i] for i in range(nxt.start, nxt.end) if not space[i]), "")
        if other or new or first in DATA["topic_shift_words"]:
            return nxt.start_char
        sent = nxt
    return min(end, sent.end_char)


def _sessions(doc: Doc, main: Meeting | None) -> list[Session]:
    if main is None or not main.key:
        return []
    text = doc_text(doc)
    heads = _doc_headings(doc)
    bodies = _body_spans(doc)
    out: dict[str, Session] = {}
    session_words = set(DATA["session_heading_words"])
    base = main.key.split("/", 1)[1]

    def add(name, label, start, end, scope, body=None, heading=False):
        key = f"session/{base}-{slugify(name)}"
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
        if in_head:
            b = in_head[0]
            label = entity_table(doc).get(b.kb_id_, {}).get("label", b.text)
            add(b.kb_id_.split("/", 1)[1], label, span.start, span.end, (he, nxt), body=b.kb_id_, heading=True)
        elif first in session_words:
            name = _HEADING_PREFIX.sub("", title) or title
            add(name, title, span.start, span.end, (he, nxt), heading=True)
    # councils meeting inside the main meeting, named in running text
    for b in bodies:
        if any(b.start >= out_s.start and b.end <= out_s.end for out_s in out.values()):
            continue
        if not _meets(doc, b):
            continue
        label = entity_table(doc).get(b.kb_id_, {}).get("label", b.text)
        para = text.rfind("\n\n", 0, b.start_char)  # a sentence may run on from a signature block
        add(b.kb_id_.split("/", 1)[1], label, b.start, b.end,
            (max(sent_of(doc, b).start_char, para + 2 if para >= 0 else 0), _scope_end(doc, b, bodies)), body=b.kb_id_)
    return list(out.values())


# ---------------------------------------------------------------- component

def _register(doc: Doc, m: Meeting) -> None:
    if not m.key:
        return
    surface = " ".join(doc[m.start:m.end].text.split())
    register_entity(doc, m.key, m.cls, m.label, alt_labels=[surface, *m.alt])
    add_mention(doc, m.start, m.end, m.cls, m.key)


class EventFinder:
    """Finds meetings and sessions; see the module docstring."""

    def __init__(self, nlp):
        self.matcher = _ministerial_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._run(doc)
        except Exception as exc:  # a bad heuristic must never stop the build
            doc.user_data.setdefault("kg_warnings", []).append(f"kg_events: {exc!r}")
            return doc

    def _run(self, doc: Doc) -> Doc:
        year = _doc_year(doc)
        ns = _ns(doc)
        dates = _dates_by_token(doc, year)
        summits = _summits(doc, ns, dates)
        ministerials = _ministerials(doc, ns, dates, self.matcher)
        # a summit date without a year ("op 20 en 21 mei a.s.") takes the letter's year
        for m in summits + ministerials:
            if m.date is not None and m.date.year is None and year:
                m.date = m.date.with_year(year)
                m.year = m.year or year
        _settle_summits(doc, summits, year)
        _settle_ministerials(ministerials, year)
        meetings = sorted([m for m in summits + ministerials if m.key], key=lambda m: m.start)
        info: dict[str, dict] = {}
        for m in meetings:
            _register(doc, m)
            rec = info.setdefault(m.key, {"cls": m.cls, "start": None, "end": None, "date_span": None,
                                          "place": None, "place_span": None, "mentions": []})
            rec["mentions"].append((m.start, m.end))
            if m.date is not None and m.date.is_day and m.date.year and rec["start"] is None:
                rec["start"], rec["end"] = m.date.start, m.date.end
                rec["date_span"] = (m.start, m.end)
            if m.place and rec["place"] is None:
                rec["place"] = _place_key(doc, m.place)
                rec["place_span"] = (m.start, m.end)
                if m.place_span:
                    add_mention(doc, m.place_span[0], m.place_span[1], "Place", rec["place"])
        main = meetings[0] if meetings and meetings[0].start < len(doc) and \
            doc[meetings[0].start].idx < max(1500, len(doc_text(doc)) // 5) else None
        sessions = _sessions(doc, main)
        for s in sessions:
            register_entity(doc, s.key, "Session", s.label)
            add_mention(doc, s.start, s.end, "Session", s.key)
        doc.user_data["kg_events"] = {
            "year": year,
            "meetings": info,
            "main": main.key if main else None,
            "sessions": [{"key": s.key, "label": s.label, "span": (s.start, s.end), "scopes": s.scopes, "heading": s.heading,
                          "body": s.body} for s in sessions],
            "headings": _doc_headings(doc),
        }
        return doc


@Language.factory("kg_events")
def make_events(nlp, name):
    """spaCy factory for :class:`EventFinder`."""
    return EventFinder(nlp)
