"""Cleaning that keeps offsets: the text the NLP sees, mapped back to the source.

Each cleaning step is a regular expression plus a replacement; the steps run in
order over ``(text, offsets)`` and every step keeps the map from each clean
character to the index of the source character it came from. Deleted
characters vanish from the map; a replacement of the same length maps
position by position; any other replacement maps to the start of what it
replaced. So for every letter ``source.text[offsets[i]] == text[i]``, except
where an OCR fix deliberately changed a letter (``Abdullah Il`` -> ``II``).

What is removed or repaired, and why:

* Word bookmarks ``[bookmark: _Hlk…]`` and HTML tags; ``<sup>1</sup>``
  footnote markers and digits glued after punctuation (``China.1 Tevens``).
* Markdown marks (``##``, ``**``, ``*…*``, ``[text](url)``).
* Running page footers ``Tweede Kamer, vergaderjaar 2023–2024, 28 676, nr. 453 4``
  (a page break may fall inside a sentence, so the text around is joined).
* Words hyphenated across a line break: ``verschil-\\nlende`` -> ``verschillende``;
  the hyphen stays for ``Noord-\\nKorea`` (capital after), ``NAVO-\\nbondgenoten``
  (capital prefix) and vowel clashes ``defensie-\\nindustrie``.
* A single line break inside a paragraph becomes a space; short lines
  (headings, signatures, addresses) keep their break; blank lines become one
  paragraph break.
* OCR confusions that are safe as text edits (``Il`` after a capitalised name
  -> roman ``II``). Spelling variants (``Oekraine``) are left to the matcher.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Callable

from kg.dates import MONTH_PATTERN as _MONTH
from kg.model import CleanText, SourceText

Replacement = Callable[[re.Match, str], str]

# --- patterns -------------------------------------------------------------

_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]{0,200}\]")
_SUP = re.compile(r"<sup>[^<\n]{0,20}</sup>", re.IGNORECASE)
# A tag, or an HTML comment / declaration. Removed to a fixpoint: deleting the
# inner tag of "<scr<b>ipt>" assembles a new one, which the next pass removes.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>]{0,200})?/?>|<!--.{0,2000}?-->|<![A-Za-z][^<>]{0,200}>",
                  re.DOTALL)
_TAG_PASSES = 3
_TAG_OPEN = re.compile(r"<(?=/?[A-Za-z!?])")  # a "<" a browser would read as opening a tag
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
# Patterns start with a literal or a character class where they can (a lookbehind
# moved behind the first character), so ``re`` skips ahead to candidates
# instead of trying every position of the text.
_MD_STRONG = re.compile(r"\*\*|__(?=\S)|__(?<=\S__)")  # == \*\*|__(?=\S)|(?<=\S)__
_MD_EM = re.compile(r"\*(?:(?<![\w*\\]\*)(?=[^\s*])|(?<=[^\s*]\*)(?![\w*]))")  # == (?<![\w*\\])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\s]{0,500}\)")
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)
# Zero-width characters, soft hyphens and BOMs carry no text.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\r]")
_ODD_SPACE = re.compile("[\u00a0\u2007\u2009\u202f\t]")
# "Tweede Kamer, vergaderjaar 2023–2024, 28 676, nr. 453 4" (page number at the end).
_FOOTER = re.compile(
    r"^[ \t]*Tweede Kamer,? vergaderjaar \d{4}\s?[-–—]\s?\d{4},\s*\d{2}\s?\d{3}(?:-[A-Z0-9]+)?,"
    r"\s*nr\.\s*\d+(?:[ \t]+\d{1,4})?[ \t]*$",
    re.MULTILINE | re.IGNORECASE)
# A footnote digit glued after sentence punctuation: "met China.1 Tevens", "jl.5"
# (not "nr.93", where the number belongs to the abbreviation).
# or glued to a lower-case word: "tot China7 en" (not "G7", "F35": one capital).
# == (?<=[a-zà-ÿ)][.,;:])(?<!\bnr\.)(?<!\bart\.)(?<!\bblz\.)\d{1,2}(?=\s|$)|(?<=[a-zà-ÿ]{3})\d{1,2}(?=[\s.,;:)]|$)
_FOOTNOTE_MARK = re.compile(r"\d(?:(?<=[a-zà-ÿ)][.,;:]\d)(?<!\bnr\.\d)(?<!\bart\.\d)(?<!\bblz\.\d)\d?(?=\s|$)"
                            r"|(?<=[a-zà-ÿ]{3}\d)\d?(?=[\s.,;:)]|$))")
# word-final hyphen, line break, next word part
_HYPHEN_BREAK = re.compile(r"-(?<=([\w%)])-)[ \t]*\n[ \t]*(?=(\w))")  # == (?<=([\w%)]))-[ \t]*\n[ \t]*(?=(\w))
_ROMAN_IL = re.compile(r"\b([A-Z][a-z]{2,} )Il\b")
_TRAILING_WS = re.compile(r"[ \t]+$", re.MULTILINE)
_LEADING_WS = re.compile(r"^[ \t]+", re.MULTILINE)
_MULTI_SPACE = re.compile(r"  (?<=\S  ) *")  # == (?<=\S) {2,}
_BLANK_LINES = re.compile(r"\n\n\n+")  # == \n{3,}
# spaCy's tokenizer splits affixes one character at a time, which is
# quadratic on a long run of punctuation ("((((…", ".(.(…"); no letter needs
# more than a few in a row, so a run is cut to its first four characters.
_PUNCT_RUN = re.compile(r"[^\w\s]{9,}")

_LONE_BREAK = re.compile(r"\n(?<!\n\n)(?!\n)")  # == (?<!\n)\n(?!\n)

# Lines of a Kamerstuk header, each kept on a line of its own however long its
# neighbours are (tweedekamer.nl and tkconv exports print them without blank
# lines): "Brief regering : <title>", "28 676 NAVO" (before "Nr. 448"),
# "Nr. 448 [BRIEF VAN …]", "Den Haag, 18 december 2023".
_HEADER_LABEL_LINE = re.compile(r"[A-Z][^\n:]{2,60} : \S")
_HEADER_NR_LINE = re.compile(r"Nr\.\s?\d{1,5}(?:\s+[A-Z]{2}[^\n]*)?$")
_HEADER_DOSSIER_LINE = re.compile(r"\d{2} ?\d{3}(?:-[A-Z0-9]{1,4})?(?:[ \t]+[A-Z][^\n,.;:]{0,100})?$")
_HEADER_DATE_LINE = re.compile(r"(?:Den Haag|['’‘]s[- ]Gravenhage),?\s+\d{1,2}\s+" + _MONTH + r"\s+\d{4}\s*$",
                               re.IGNORECASE)
# The first line of a signature block: "De minister van Defensie," alone on its line.
_SIGNATURE_LINE = re.compile(r"(?:De|Het) [A-Za-z][^\n.,;:]{3,100},$|Hoogachtend,?$")
# A line that ends in a word no Dutch heading or sentence ends with runs on
# ("VERSLAG VAN DE BIJEENKOMST VAN 12 EN" / "13 MAART 2031").
_RUNS_ON = re.compile(r"(?:^|\s)(?i:de|het|een|van|en|voor|in|op|tot|te|met|aan|over|bij|der|den|naar|om|uit)$")
_PAGE_BREAK = re.compile(r"\n(?:[ \t]*\n)+")

_DIGRAPHS = {"aa", "ee", "ii", "oo", "uu", "ai", "ei", "oi", "ui", "au", "eu", "ou", "ie", "oe", "ij"}
_BULLET = re.compile(r"(?:[-•–*·▪]|\d{1,2}[.)]|[a-z][.)])\s")
_SENTENCE_END = (".", ":", ";", "!", "?")


# --- the engine -------------------------------------------------------------

def _apply(text: str, offs: array, pattern: re.Pattern, repl: Replacement) -> tuple[str, array]:
    """Replace every match of ``pattern`` by ``repl(match, text)``, keeping the map."""
    out_text: list[str] = []
    out_offs = None  # made at the first replacement that changes the length
    pos = opos = 0  # copied up to: text, offsets
    for m in _FINDITER.get(pattern, _finditer)(pattern, text):
        s, e = m.span()
        old = m.group(0)
        new = repl(m, text)
        if new == old:
            continue
        out_text.append(text[pos:s])
        out_text.append(new)
        pos = e
        if len(new) == len(old):
            continue  # maps position by position: the offsets stay as they are
        if out_offs is None:
            out_offs = array(offs.typecode)
        out_offs.extend(offs[opos:s])
        out_offs.extend(_map_replacement(offs, s, e, new, old))
        opos = e
    if pos == 0:
        return text, offs
    out_text.append(text[pos:])
    if out_offs is None:
        return "".join(out_text), offs
    out_offs.extend(offs[opos:])  # the rest and the end sentinel
    return "".join(out_text), out_offs


def _finditer(pattern: re.Pattern, text: str):
    return pattern.finditer(text)


def _line_end_runs(pattern: re.Pattern, text: str):
    """``_TRAILING_WS.finditer(text)`` found from the line ends: the pattern itself
    is tried at every space of the text. A match is the whole run of spaces and
    tabs before a line break (or the end of the text), and there is one per line."""
    end = text.find("\n")
    while True:
        e = len(text) if end < 0 else end
        if e and text[e - 1] in " \t":
            s = e - 1
            while s and text[s - 1] in " \t":
                s -= 1
            m = pattern.match(text, s)
            if m is not None and m.end() == e:
                yield m
        if end < 0:
            return
        end = text.find("\n", end + 1)


def _line_start_runs(pattern: re.Pattern, text: str):
    """``_LEADING_WS.finditer(text)`` found from the line starts (one run per line)."""
    start = 0
    while start >= 0:
        if start < len(text) and text[start] in " \t":
            m = pattern.match(text, start)
            if m is not None:
                yield m
        start = text.find("\n", start)
        if start >= 0:
            start += 1


def _map_replacement(offs: array, s: int, e: int, new: str, old: str) -> list[int]:
    if not new:
        return []
    if len(new) == len(old):
        return list(offs[s:e])
    if old.startswith(new):
        return list(offs[s:s + len(new)])
    # e.g. "-\n" -> "-" keeps the hyphen's own offset; anything else maps to
    # the first replaced character.
    i = old.find(new)
    if i >= 0:
        return list(offs[s + i:s + i + len(new)])
    return [offs[s]] * len(new)


def _delete(m: re.Match, text: str) -> str:
    return ""


def _space(m: re.Match, text: str) -> str:
    return " "


def _footer(m: re.Match, text: str) -> str:
    return ""


def _hyphen(m: re.Match, text: str) -> str:
    """Join a word split by a line-break hyphen, or keep a real hyphen."""
    s = m.start()
    word_start = s
    while word_start > 0 and (text[word_start - 1].isalnum()):
        word_start -= 1
    prefix = text[word_start:s]
    nxt = m.group(2)
    keep = (not m.group(1).isalpha()                  # 2%-norm, 75-jarig
            or nxt.isupper() or nxt.isdigit()         # Noord-Korea, COVID-19
            or (prefix.isupper() and len(prefix) > 1)  # NAVO-bondgenoten
            or (prefix[-1:].lower() + nxt.lower()) in _DIGRAPHS)  # defensie-industrie
    return "-" if keep else ""


def _roman(m: re.Match, text: str) -> str:
    return m.group(1) + "II"


# --- line joining -------------------------------------------------------------

def _wrap_width(text: str) -> int:
    """The typical width of wrapped lines (90th percentile of non-blank lines)."""
    lengths = sorted(len(line) for line in text.split("\n") if 0 < len(line) <= 160)
    if not lengths:
        return 80
    return max(60, lengths[int(len(lengths) * 0.9)])


def _is_unwrapped(text: str) -> bool:
    """True when most text stands in long lines: one paragraph per line
    (Word exports, Markdown), so a single line break ends a paragraph."""
    lines = text.split("\n")
    total = sum(len(line) for line in lines) or 1
    return sum(len(line) for line in lines if len(line) > 160) / total > 0.5


def _join_page_breaks(text: str, offs: array) -> tuple[str, array]:
    """Blank lines inside a sentence (a page break, a removed footer) become one
    line break: the line before is a full-width line that does not end a
    sentence, and text follows."""
    width = _wrap_width(text)

    def repl(m: re.Match, t: str) -> str:
        line_start = t.rfind("\n", 0, m.start()) + 1
        line = t[line_start:m.start()]
        nxt = t[m.end():m.end() + 1]
        if (not nxt.isalnum() or line.endswith(_SENTENCE_END) or line.isupper()
                or _BULLET.match(t[m.end():m.end() + 3]) is not None):
            return m.group(0)
        first_of_paragraph = line_start < 2 or t[line_start - 2] == "\n"
        if len(line) > 160 or (len(line) >= 0.6 * width and not first_of_paragraph):
            return "\n"  # a one-line paragraph broken by a page, or a wrapped one
        return m.group(0)

    return _apply(text, offs, _PAGE_BREAK, repl)


def _header_break(t: str, line: str, next_start: int) -> bool:
    """True when the break between ``line`` and the line at ``next_start`` separates
    Kamerstuk header lines (see ``_HEADER_NR_LINE`` and its neighbours)."""
    nl = t.find("\n", next_start)
    nxt = t[next_start:] if nl < 0 else t[next_start:nl]
    if _HEADER_LABEL_LINE.match(line) or _HEADER_DATE_LINE.match(line):
        return True
    if _HEADER_NR_LINE.match(line):
        return not _RUNS_ON.search(line)  # "Nr. 12 BRIEF VAN DE MINISTERS VAN … EN VAN" / "DEFENSIE" runs on
    if _HEADER_NR_LINE.match(nxt) or _HEADER_DATE_LINE.match(nxt):
        return True
    if line.endswith(_SENTENCE_END) and _SIGNATURE_LINE.match(nxt):
        return True  # the text ends, a signature block begins
    if _HEADER_DOSSIER_LINE.match(line):
        return bool(_HEADER_NR_LINE.match(nxt))
    if _HEADER_DOSSIER_LINE.match(nxt):  # the dossier line is one when "Nr. …" follows it
        nl2 = t.find("\n", nl + 1) if nl >= 0 else -1
        after = "" if nl < 0 else (t[nl + 1:] if nl2 < 0 else t[nl + 1:nl2])
        return bool(_HEADER_NR_LINE.match(after))
    return False


def _join_lines(text: str, offs: array) -> tuple[str, array]:
    """A single line break inside a paragraph becomes a space; blank lines and
    the breaks after short lines (headings, signatures) stay."""
    width = _wrap_width(text)
    short = 0.6 * width
    unwrapped = _is_unwrapped(text)

    def repl(m: re.Match, t: str) -> str:
        s = m.start()
        line_start = t.rfind("\n", 0, s) + 1
        line = t[line_start:s]
        nxt = t[m.end():m.end() + 3]
        if not line or not nxt or nxt[0] == "\n":
            return "\n"
        if _header_break(t, line, m.end()):
            return "\n"
        if unwrapped:  # one paragraph per line: join only a sentence cut by a page
            return " " if nxt[0].islower() and not line.endswith(_SENTENCE_END) else "\n"
        if _BULLET.match(nxt):
            return "\n"  # list items
        if len(line) > 160:  # unwrapped paragraphs, one per line (unless a page broke one)
            return "\n" if line.endswith(_SENTENCE_END) or line.isupper() else " "
        if _RUNS_ON.search(line) and not line.endswith(_SENTENCE_END):
            return " "  # "… VAN 12 EN" / "13 MAART 2031": a heading wrapped after a function word
        if line.isupper() and not nxt[0].islower():
            return "\n"  # a heading in capitals
        if len(line) < short and (not nxt[0].islower() or line.endswith(_SENTENCE_END)):
            return "\n"
        if nxt[0].isupper() and not line.endswith(_SENTENCE_END + (",",)) and _heading_line(t, line_start, line,
                                                                                              m.end(), width, short):
            return "\n"
        return " "

    return _apply(text, offs, _LONE_BREAK, repl)


def _heading_line(t: str, line_start: int, line: str, next_start: int, width: int, short: float) -> bool:
    """A heading longer than a short line: it opens its block (after a blank line, a short
    line or a full stop) and the next word would have fitted on it, so the break was made
    on purpose ("Verslag van de bijeenkomst (FMM) 3–4 april 2031" / "Op 3 en 4 april …")."""
    end = next_start
    while end < len(t) and not t[end].isspace():
        end += 1
    if len(line) + 1 + (end - next_start) > 0.85 * width:
        return False
    if line_start < 2 or t[line_start - 2] == "\n":
        return True
    prev = t[t.rfind("\n", 0, line_start - 1) + 1:line_start - 1]
    return len(prev) < short or prev.endswith(_SENTENCE_END)


_FINDITER = {_TRAILING_WS: _line_end_runs, _LEADING_WS: _line_start_runs}


# --- public API -------------------------------------------------------------

STEPS: list[tuple[str, re.Pattern, Replacement]] = [
    ("invisible", _INVISIBLE, _delete),
    ("odd spaces", _ODD_SPACE, _space),
    ("bookmarks", _BOOKMARK, _delete),
    ("footnote markers", _SUP, _delete),
    ("html tags", _TAG, _delete),
    ("markdown links", _MD_LINK, lambda m, t: m.group(1)),
    ("markdown headings", _MD_HEADING, _delete),
    ("markdown rules", _MD_RULE, _delete),
    ("markdown strong", _MD_STRONG, _delete),
    ("markdown emphasis", _MD_EM, _delete),
    ("trailing spaces", _TRAILING_WS, _delete),
    ("leading spaces", _LEADING_WS, _delete),
    ("page footers", _FOOTER, _footer),
]

POST_STEPS: list[tuple[str, re.Pattern, Replacement]] = [
    ("long punctuation runs", _PUNCT_RUN, lambda m, t: m.group(0)[:4]),
    ("footnote digits", _FOOTNOTE_MARK, _delete),
    ("ocr roman II", _ROMAN_IL, _roman),
    ("multiple spaces", _MULTI_SPACE, _space),  # one space stays: "28 676    NAVO", "Brussel.  De"
]


_RULE_MARKS = re.compile(r"[-*_][ \t]*[-*_][ \t]*[-*_]")
_FOOTER_WORD = re.compile(r"vergaderjaar", re.IGNORECASE)

# A step whose pattern cannot match without some short text is skipped (a fast
# ``in`` test) when that text is missing: most letters have no markup at all.
NEEDS: dict[str, Callable[[str], bool]] = {
    "bookmarks": lambda t: "[bookmark:" in t,
    "footnote markers": lambda t: "<" in t,
    "html tags": lambda t: "<" in t,
    "markdown links": lambda t: "](" in t,
    "markdown headings": lambda t: "#" in t,
    "markdown rules": lambda t: _RULE_MARKS.search(t) is not None,
    "markdown strong": lambda t: "**" in t or "__" in t,
    "markdown emphasis": lambda t: "*" in t,
    "trailing spaces": lambda t: " \n" in t or "\t\n" in t or t.endswith((" ", "\t")),
    "leading spaces": lambda t: "\n " in t or "\n\t" in t or t.startswith((" ", "\t")),
    "page footers": lambda t: _FOOTER_WORD.search(t) is not None,
    "ocr roman II": lambda t: " Il" in t,
    "multiple spaces": lambda t: "  " in t,
}


def _always(text: str) -> bool:
    return True


def _identity_map(n: int) -> array:
    """``array(range(n))``, 4-byte while it fits (half the memory on very large files).

    numpy (which spaCy needs anyway) fills it some 100 times faster than ``array``
    reading a ``range``."""
    code = "i" if n < 2**31 - 1 else "q"
    try:
        import numpy
    except ImportError:  # pragma: no cover
        return array(code, range(n))
    out = array(code)
    out.frombytes(numpy.arange(n, dtype=numpy.int32 if code == "i" else numpy.int64).tobytes())
    return out


def clean_text(text: str) -> tuple[str, array]:
    """Clean ``text``; returns (clean text, offsets with a final sentinel)."""
    # 4-byte offsets while they fit: half the memory on very large files.
    offs = _identity_map(len(text) + 1)
    for name, pattern, repl in STEPS:
        if NEEDS.get(name, _always)(text):
            text, offs = _apply(text, offs, pattern, repl)
            if pattern is _TAG:  # to a fixpoint: no markup survives
                text, offs = _untag(text, offs)
    text, offs = _join_page_breaks(text, offs)
    text, offs = _apply(text, offs, _HYPHEN_BREAK, _hyphen)
    text, offs = _join_lines(text, offs)
    text, offs = _apply(text, offs, _BLANK_LINES, lambda m, t: "\n\n")
    for name, pattern, repl in POST_STEPS:
        if NEEDS.get(name, _always)(text):
            text, offs = _apply(text, offs, pattern, repl)
    if "<" in text:  # a later step (a cut punctuation run) can have joined a tag again
        text, offs = _untag(text, offs)
    # Leading/trailing blank space of the whole text.
    lead = len(text) - len(text.lstrip())
    if lead:
        text, offs = text[lead:], offs[lead:]
    trail = len(text) - len(text.rstrip())
    if trail:
        sentinel = offs[len(text)]
        text = text[:len(text) - trail]
        offs = offs[:len(text)]
        offs.append(offs[-1] + 1 if len(offs) else sentinel)
    return text, offs


def _untag(text: str, offs: array) -> tuple[str, array]:
    """Tags removed again while removing them assembles new ones ("<scr<b>ipt>"); after
    a few passes every ``<`` that could still open a tag becomes a space, so nesting
    cannot make it slow and no markup is left."""
    for _ in range(_TAG_PASSES):
        if _TAG.search(text) is None:
            break
        text, offs = _apply(text, offs, _TAG, _delete)
    if _TAG_OPEN.search(text) is not None:
        text, offs = _apply(text, offs, _TAG_OPEN, _space)  # a space: deleting could join a new tag
    return text, offs


def plain_text(text: str) -> str:
    """``text`` with every tag removed to a fixpoint and its spaces collapsed:
    for labels read from outside the cleaned text (an HTML ``<meta>`` title)."""
    for _ in range(_TAG_PASSES):
        stripped = _TAG.sub("", text)
        if stripped == text:
            break
        text = stripped
    return " ".join(_TAG_OPEN.sub(" ", text).split())


def clean(source: SourceText) -> CleanText:
    """The ``CleanText`` of a source: text for the NLP plus its offset map."""
    text, offs = clean_text(source.text)
    return CleanText(source=source, text=text, offsets=offs)
