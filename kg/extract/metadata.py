"""Rule family: document metadata read from the text itself (and a web page's ``<meta>`` tags).

* dossier and document number: a page's ``DC.identifier`` ``kst-28676-474``
  (or OVERHEIDop numbers), the identifier in the text, the header (a line
  ``28 676`` and a line ``Nr. 474``), officielebekendmakingen's page table, or
  the running footer ``Tweede Kamer, vergaderjaar 2023–2024, 28 676, nr. 453 4``
  (read from the source text, because cleaning removes footers);
* vergaderjaar (``2024-2025``), stated or derived from the letter's date;
* the document's date: ``Den Haag, 22 november 2024``, else an answer's
  ``(ontvangen …)``, a report's ``Vastgesteld …``, tkconv's ``datum:
  2024-11-22``, a news item's date line, or the page's ``DCTERMS.issued``;
* the document type (geannoteerde agenda, verslag, brief);
* its own title in normal case (``find_title``): an agenda or report heading,
  the page's ``DC.title``, an export's ``Brief regering : …`` line, what an
  answer's questions were about, the heading after the signature block, a news
  item's headline; never the letterhead. A document without one is described
  later by ``kg.extract.title`` (``describe``); its Kamerstuk number stays a
  second name;
* ``kg:cites`` for Kamerstuk references (``Kamerstuk 28 676, nr. 430``,
  ``21 501-02, nr. 2794``, ``36410-X, nr. 93``).

What it finds is stored in ``ctx.meta`` (dossier, number, date, year,
doc_type, title) for the other rule families, and the document key becomes
``document/kst-<dossier>-<nr>`` when the numbers are known.
"""
from __future__ import annotations

import datetime as dt
import re

from kg.dates import MONTH_PATTERN as _MONTH, MONTHS, news_date_line, parse_date
from kg.extract.context import Context, line_span
from kg.model import Entity
from kg.slug import slugify

# How far into the text the header may reach (characters of clean text).
HEADER_CHARS = 2500

_DOSSIER_SUFFIX = r"(?:\s?-\s?([A-Z0-9]{1,4})|\s([A-Z]{1,4}|[IVXL]{1,5})(?=,))?"
_DOSSIER = r"(\d{2}\s?\d{3})" + _DOSSIER_SUFFIX
# Patterns open with a literal or one character class where they can, so ``re``
# skips ahead to candidates instead of trying every position: a leading ``\b``
# or lookbehind is checked after the first character(s) instead (``\bkst-`` ==
# ``kst-(?<!\wkst-)``), and a case-blind word starts with its letter in both
# cases (IGNORECASE kept for the rest with ``(?i:...)``). Same matches.
_KST_ID = re.compile(r"kst-(?<!\wkst-)(\d{5})(?:-([A-Za-z0-9]{1,4}))?-(\d{1,5})\b")
_HEADER_DOSSIER = re.compile(r"^(\d{2}\s?\d{3})(?:-([A-Z0-9]{1,4}))?(?=[ \t]|$)(?![ \t]+(?:nr\.|[a-z]))",
                             re.MULTILINE)
# officielebekendmakingen's page table: "| Tweede Kamer der Staten-Generaal | 2011-2012 | 28676 nr. 142 |"
_TABLE_NR = re.compile(r"\|[ \t]*(\d{2}\s?\d{3})(?:-([A-Z0-9]{1,4}))?[ \t]+nr\.\s?(\d{1,5})[ \t]*\|")
# A dossier's own header line: its number, perhaps with a suffix, and the dossier's title in capitals
# ("28 676 NAVO", "36 045 Situatie in Oekraïne") or nothing after it; never a sum ("10 000 militairen")
_DOSSIER_LINE = re.compile(r"^(\d{2} ?\d{3})(?:-([A-Z0-9]{1,4}))?(?:[ \t]+[A-Z][^\n.]{0,80})?[ \t]*$", re.MULTILINE)
_HEADER_NR = re.compile(r"^Nr\.\s?(\d{1,5})\b", re.MULTILINE)
# == vergaderjaar\s+(\d{4})\s?[-–—]\s?(\d{4}),\s*<dossier>,\s*nr\.\s?(\d{1,5}) (IGNORECASE)
_FOOTER = re.compile(r"[Vv](?i:ergaderjaar\s+(\d{4})\s?[-–—]\s?(\d{4}),\s*" + _DOSSIER + r",\s*nr\.\s?(\d{1,5}))")
# == \bvergaderjaar\s+(\d{4})\s?[-–—/]\s?(\d{4})\b (IGNORECASE)
_YEAR_LINE = re.compile(r"[Vv](?<!\w[Vv])(?i:ergaderjaar\s+(\d{4})\s?[-–—/]\s?(\d{4})\b)")
# == (?:Den Haag|['’‘]s[- ]Gravenhage),?\s+(\d{1,2}\s+[a-z]+\s+\d{4}) (IGNORECASE)
_PLACE_DATE = re.compile(r"[Dd'’‘](?i:(?<=[Dd])en Haag|(?<=['’‘])s[- ]Gravenhage),?(?i:\s+(\d{1,2}\s+[a-z]+\s+\d{4}))")
# "Kamerstuk 28 676, nr. 430", "(21501-02, nr. 2794)", "36 200 V, nr. 73", "nr.93"
# == (?<![\d-])<dossier>,?\s+nr\.\s?(\d{1,5})\b, the lookbehind after the first digit
_CITE = re.compile(r"(\d(?<![\d-]\d)\d\s?\d{3})" + _DOSSIER_SUFFIX + r",?\s+nr\.\s?(\d{1,5})\b")

# Written questions and their answers (an Aanhangsel van de Handelingen, no Kamerstuk):
# "Vragen van het lid X (SP) aan …", "Vragen gesteld door de leden der Kamer, met de
# daarop door de regering gegeven antwoorden", "Antwoord van minister X (Defensie)".
_ANSWER = re.compile(r"\bVragen (?:van (?:het lid|de leden)|gesteld door de leden der Kamer)\b"
                     r"|\bAntwoord(?:en)? van (?:de )?(?:minister|staatssecretaris)\b", re.IGNORECASE)
_TYPES = [  # (pattern, class); the earliest match in the opening of the text wins
    (re.compile(r"geannoteerde\s+agenda", re.IGNORECASE), "AnnotatedAgenda"),
    (re.compile(r"\bverslag\b", re.IGNORECASE), "Report"),
    (_ANSWER, "Answer"),  # opens before any "Kent u het verslag …?" in the questions
]
# How a letter without a Kamerstuk header opens or addresses the Chamber.
_SALUTATION = re.compile(r"^(?:Geachte (?:voorzitter|Kamer)|Hierbij (?:bied|zend|informeer|stuur|ontvangt))"
                         r"|Aan de [Vv]oorzitter van de Tweede Kamer", re.IGNORECASE | re.MULTILINE)
_DUTCH_DATE = r"(\d{1,2}\s+" + _MONTH + r"\s+\d{4})"
# Other ways a header dates a document, tried after "Den Haag, <date>":
_OTHER_DATES = [
    # an answer to written questions: "Antwoord van Minister X (Defensie) (ontvangen 4 maart 2031)"
    re.compile(r"\(ontvangen\s+" + _DUTCH_DATE + r"\)", re.IGNORECASE),
    # a committee report: "Vastgesteld 4 maart 2031"
    re.compile(r"^Vastgesteld\s+" + _DUTCH_DATE, re.IGNORECASE | re.MULTILINE),
]
# tkconv: "Nummer: 2031D01234, datum: 2031-03-04, bijgewerkt: …"
_ISO_DATUM = re.compile(r"\b[Dd]atum:\s*(\d{4})-(\d{2})-(\d{2})\b")
# A news item's date line: only a date, perhaps after a publication label and a weekday, perhaps a time after it
# ("Nieuwsbericht | 04-03-2031 | 17:30", "dinsdag 4 maart 2031", "Gepubliceerd op 4 maart 2031").
_DATE_LINE = re.compile(
    r"^(?:(?:nieuwsbericht|persbericht|nieuws|bericht|gepubliceerd|geplaatst|publicatiedatum|datum)(?: op)?"
    r"\s*[|:,–-]?\s*)?"
    # a news report's dateline: the place it was written in ("Brussel, 2 december 2015",
    # "PRAAG - Dinsdag 4 maart 2031, 17:30")
    r"(?:(?-i:[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})(?:,|\s+[-–—])\s+)?"
    r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
    r",?\s+)?(?:" + _DUTCH_DATE + r"|(\d{1,2})-(\d{1,2})-(\d{4}))(?:\s*[|,–-]?\s*(?:om\s+)?(?:\d{1,2}[:.]\d{2})(?:\s*uur)?)?"
    # a news site's revision stamp after it: "4 maart 2031 17:30 Aangepast 4 maart 2031 18:02"
    r"(?:\s*[|,–-]?\s*(?:laatst\s+)?(?:aangepast|bijgewerkt|gewijzigd)(?:\s+op)?:?(?:\s+[\w:.,-]+){1,5})?\s*$",
    re.IGNORECASE | re.MULTILINE)
# A wire report's dateline opening its first paragraph: the place in capitals, the date,
# perhaps the agency, then a dash ("MADRID, 29 juni 2022 (ANP) - De NAVO-landen …").
_WIRE_DATELINE = re.compile(r"^(?-i:[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}),\s+" + _DUTCH_DATE
                            + r"(?:\s*\((?-i:[A-Z][\w/.-]{1,15})\))?\s*[-–—]\s", re.IGNORECASE | re.MULTILINE)
# How many opening lines a news item's date line may stand in.
DATE_LINE_LINES = 8

# A title line that names the document's type: an agenda or report heading (typos
# such as "GEANNOTEEERDE" occur), perhaps after the "Nr. 123" it shares a line with.
_TITLE = re.compile(r"^(?:Nr\.\s?\d+\s+)?((?:geannot\w*\s+agenda|verslag)\b[^\n]{5,})$",
                    re.MULTILINE | re.IGNORECASE)
# The export's title line: "Brief regering : <title>" (tweedekamer.nl).
_LABEL_LINE = re.compile(r"^[A-Z][a-z]+(?: [a-z]+){0,3} : (\S[^\n]{4,})$")
# Header lines that are never a title.
_NOT_TITLE = re.compile(
    r"^(?:\d{2} ?\d{3}\b|Nr\.\s?\d|Tweede Kamer|Eerste Kamer|Vergaderjaar|Aan de |Den Haag|['’‘]s[- ]Gravenhage"
    r"|\d{1,2}(?:\.\d{1,2})*\.?\s|[a-z]\)\s|[IVX]{1,4}\.\s"  # a numbered section heading
    r"|kst-|ISSN|Nummer:|(?:BRIEF|Brief) VAN |Geachte|Datum\b|Onderwerp\b|Bijlage|Inleiding\b)", re.IGNORECASE)
_TITLE_MAX = 160
# "Vragen van het lid Bakker (PvdA) aan de Minister van Defensie over <onderwerp> (ingezonden 2 februari 2031)"
# (several members each with their party: "de leden Dassen (Volt) en Paternotte (D66)")
_QUESTIONS = re.compile(r"Vragen van (?P<who>(?:het lid|de leden) (?:[^()\n]|\([^()\n]{1,40}\)){2,240}?)\s*(?:\([^()\n]{1,40}\)\s*)?"
                        r"aan (?:de|het) [^\n]{3,200}? over (?P<about>[^\n]{5,300}?)\s*\(ingezonden")
_PARTY = re.compile(r"\s*\([^()\n]{1,40}\)")
_NOT_A_META_TITLE = re.compile(r"(?:brief van |kamerstuk\b|kst-|[\w-]+\.(?:html?|pdf|docx?|txt)$)", re.IGNORECASE)
_MONTH_GLUED = re.compile(r"(" + _MONTH + r")(\d{4})\b", re.IGNORECASE)


def dossier_string(number: str, suffix: str | None) -> str:
    """A dossier number as the contract writes it: no spaces, ``-suffix``."""
    base = re.sub(r"\s", "", number)
    return f"{base}-{suffix}" if suffix else base


def document_key(dossier: str, number: str) -> str:
    """``("28676", "474")`` -> ``"document/kst-28676-474"``."""
    return f"document/kst-{slugify(dossier)}-{number}"


def parliamentary_year(date: dt.date) -> str:
    """The vergaderjaar a date falls in: it starts on Prinsjesdag, the third
    Tuesday of September."""
    first = dt.date(date.year, 9, 1)
    prinsjesdag = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 14)
    start = date.year if date >= prinsjesdag else date.year - 1
    return f"{start}-{start + 1}"


def find_numbers(clean: str, source: str) -> tuple[str | None, str | None, str]:
    """(dossier, number, how) from the identifier, the header or the footer."""
    m = _KST_ID.search(clean[:HEADER_CHARS]) or _KST_ID.search(clean)
    if m:
        return dossier_string(m.group(1), m.group(2) and m.group(2).upper()), m.group(3), "identifier"
    head = clean[:HEADER_CHARS]
    d, n = _HEADER_DOSSIER.search(head), _HEADER_NR.search(head)
    if d and n:
        # tkconv's "28676-247" above "Nr. 247": the suffix is the document's number, no part of the dossier
        suffix = None if d.group(2) == n.group(1) else d.group(2)
        return dossier_string(d.group(1), suffix), n.group(1), "header"
    t = _TABLE_NR.search(head)
    if t:
        return dossier_string(t.group(1), t.group(2)), t.group(3), "table"
    f = _FOOTER.search(source)
    if f:
        return dossier_string(f.group(3), f.group(4) or f.group(5)), f.group(6), "footer"
    d = _DOSSIER_LINE.search(head[:_salutation_at(head)])
    if d:  # "28 676 NAVO" heading a letter without its "Nr." line: the dossier alone
        return dossier_string(d.group(1), d.group(2)), None, "header"
    return None, None, ""


def _salutation_at(head: str) -> int:
    """Where the letter's address to the Chamber opens (the header ends there), else the head's end."""
    m = _SALUTATION.search(head)
    return m.start() if m else len(head)


def find_year(clean: str, source: str, date: dt.date | None) -> str | None:
    """The vergaderjaar as ``"2024-2025"``: stated in the header or footer, else derived."""
    m = _YEAR_LINE.search(clean[:HEADER_CHARS]) or _YEAR_LINE.search(source)
    if m and int(m.group(2)) == int(m.group(1)) + 1:
        return f"{m.group(1)}-{m.group(2)}"
    return parliamentary_year(date) if date else None


def find_date(clean: str) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The document's date and its span: ``Den Haag, 22 november 2024``, else an
    answer's ``(ontvangen …)``, a report's ``Vastgesteld …``, tkconv's ``datum:
    2024-11-22``, or a news item's date line."""
    head = clean[:HEADER_CHARS]
    m = _PLACE_DATE.search(head) or _PLACE_DATE.search(clean)
    if m and (d := parse_date(m.group(1))):  # (a headline ending in "Den Haag" above "25 jun 2025 om 17:12" is none)
        return d, m.span()
    for rx in _OTHER_DATES:
        m = rx.search(head)
        if m:
            return parse_date(m.group(1)), m.span()
    m = _ISO_DATUM.search(head)
    if m:
        date = _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if date:
            return date, line_span(clean, m.start())
    opening = "\n".join(head.split("\n")[:DATE_LINE_LINES])
    m = _DATE_LINE.search(opening)
    if m:
        date = parse_date(m.group(1)) if m.group(1) else _ymd(int(m.group(4)), int(m.group(3)), int(m.group(2)))
        if date:
            return date, m.span()
    m = _WIRE_DATELINE.search(opening)
    if m and (date := parse_date(m.group(1))):
        return date, m.span()
    line = news_date_line(head)  # "25 jun 2025 om 17:12 Update: …", "Persbericht | … | Ministerie van …"
    if line is not None:
        return line.date, (line.start, line.end)
    return None, None


def meta_date(meta: dict[str, str]) -> dt.date | None:
    """The date a page's ``<meta>`` tags give (``DCTERMS.issued``: the day of publication)."""
    for name in ("overheidop.datumbrief", "dcterms.issued", "dcterms.available", "dc.date", "dcterms.date",
                 "dcterms.created"):
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", meta.get(name, ""))
        if m:
            return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def meta_numbers(meta: dict[str, str]) -> tuple[str | None, str | None]:
    """(dossier, number) from ``DC.identifier`` ``kst-28676-474`` or OVERHEIDop numbers."""
    for name in ("dc.identifier", "dcterms.identifier"):
        m = _KST_ID.search(meta.get(name, ""))
        if m:
            return dossier_string(m.group(1), m.group(2) and m.group(2).upper()), m.group(3)
    d, n = meta.get("overheidop.dossiernummer", ""), meta.get("overheidop.ondernummer", "")
    if re.fullmatch(r"\d{5}(?:-[A-Z0-9]{1,4})?", d.replace(" ", "")) and re.fullmatch(r"\d{1,5}", n):
        return d.replace(" ", ""), n
    return None, None


def meta_title(meta: dict[str, str]) -> str | None:
    """A page's ``DC.title`` (its last part when it is ``dossier; type; title``), as plain text.

    A part that only names the type (``Brief regering``, ``Advies``), a letterhead
    (``Brief van de minister …``) or a number (``Kamerstuk 28676, nr. 474``) is no title."""
    from kg.clean import plain_text

    for name in ("dc.title", "dcterms.title", "overheidop.documenttitel", "docx.title", "og:title"):
        value = plain_text(meta.get(name, ""))
        parts = [p.strip() for p in value.split(";") if p.strip()]
        if parts:
            title = _tidy(parts[-1])
            if len(title.split()) > 2 and not _NOT_A_META_TITLE.match(title):
                return title
    return None


def _ymd(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_type(clean: str) -> str:
    """``AnnotatedAgenda``, ``Report``, ``Answer`` or ``Letter``: what the opening calls itself."""
    head = clean[:HEADER_CHARS]
    best = None
    for rx, cls in _TYPES:
        m = rx.search(head)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), cls)
    return best[1] if best else "Letter"


def find_kind(clean: str, signed: bool) -> str:
    """The document's class: an agenda, report or answers to written questions by what
    its opening calls itself (``find_type``); else ``NewsItem`` for a text with neither a
    letter's header, salutation nor signature (a news item, press release or news
    report); else ``Letter``."""
    kind = find_type(clean)
    if kind != "Letter":
        return kind
    head = clean[:HEADER_CHARS]
    if signed or _SALUTATION.search(head) or _HEADER_NR.search(head) or _LABEL_LINE.match(head):
        return "Letter"
    # "Den Haag, 4 maart 2031" heads a letter; a news item may carry it in its date line
    if _PLACE_DATE.search(head) and not news_date_line(head):
        return "Letter"
    return "NewsItem"


def find_title(clean: str, source_text: str | None = None, offsets=None, after: int | None = None,
               meta: dict[str, str] | None = None) -> str | None:
    """The document's own title, in normal case; None when the text has none.

    In order: an agenda or report heading; the page's ``DC.title``; the
    export's ``Brief regering : <title>`` line; the heading right after the
    signature block (``after``: where the last signature ends); a news item's
    headline (its first line). Never the letterhead (``BRIEF VAN DE MINISTER …``),
    an address or a header line. A heading the cleaning glued to the text after
    it is cut where the source had its line break (``source_text``, ``offsets``).
    """
    head = clean[:HEADER_CHARS * 2]
    m = _TITLE.search(head)
    raw = None
    if m:
        raw = _heading_at(clean, m.start(1), m.end(1), source_text, offsets)
    if raw is None and meta:
        t = meta_title(meta)
        if t:
            return t
    if raw is None:
        first = head.split("\n", 1)[0]
        lm = _LABEL_LINE.match(first)
        if lm:
            raw = lm.group(1)
    if raw is None:
        q = _QUESTIONS.search(head)
        if q:  # an answer to written questions without its export title: say what was asked
            who = " ".join(_PARTY.sub("", q.group("who")).split())  # the parties are no part of the title
            return _tidy(f"Antwoord op vragen van {who} over {q.group('about')}")
    if raw is None and after is not None:
        s = clean.find("\n", after)
        while 0 <= s < len(clean) and clean[s] == "\n":
            s += 1
        if 0 <= s < len(clean):
            e = clean.find("\n", s)
            raw = _heading_at(clean, s, len(clean) if e < 0 else e, source_text, offsets)
    if raw is None and not _has_letter_header(head):
        e = head.find("\n")
        raw = _heading_at(clean, 0, len(head) if e < 0 else e, source_text, offsets)
    if raw is None:
        return None
    title = _tidy(raw)
    if len(title) < 5:
        return None
    return normal_case(title, clean)


def _has_letter_header(head: str) -> bool:
    return bool(_PLACE_DATE.search(head) or _HEADER_NR.search(head) or _LABEL_LINE.match(head))


def _heading_at(clean: str, start: int, end: int, source_text, offsets) -> str | None:
    """The heading that opens the clean line ``[start, end)``, or None when the line is
    no heading (a sentence, a header line, too long even after the cut)."""
    line = clean[start:end]
    if source_text is not None and offsets is not None and (len(line) > _TITLE_MAX or ". " in line):
        # Cut at the first line break the source had inside this clean line.
        for i in range(start + 1, min(end, start + _TITLE_MAX + 2)):  # a heading is no longer
            if source_text[offsets[i]] == "\n" or "\n" in source_text[offsets[i - 1] + 1:offsets[i]]:
                line = clean[start:i]
                break
    line = line.strip()
    if (not line or len(line) > _TITLE_MAX or line.endswith((".", ",", ";", ":", "?", "!"))
            or not line[0].isupper() and not line[0].isdigit() or _NOT_TITLE.match(line)
            or not any(c.isalpha() for c in line)):
        return None
    return line


def _tidy(title: str) -> str:
    """Spaces collapsed, a year glued to its month parted (``november2023``), no trailing marks."""
    title = _MONTH_GLUED.sub(r"\1 \2", " ".join(title.split()))
    return title.strip(" .,:;*#")


_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ROMAN = re.compile(r"(?=[IVXLC])(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")


# Words a title writes in lower case (after its first word), and how much of the
# text shows how the others are written.
_FUNCTION_WORDS = {"de", "het", "een", "van", "en", "voor", "in", "op", "tot", "te", "met", "aan", "over",
                   "bij", "der", "den", "naar", "om", "uit", "of", "als", "door", "tegen", "na"}
CASE_SAMPLE_CHARS = 30000
_LOWER_RUN = re.compile(r"[a-zß-öø-ÿ]{3}")


def _reference_form(word: str) -> str | None:
    """How the reference data writes a name (``NAVO``, ``Vilnius``), if it knows it."""
    from kg import reference
    from kg.slug import fold

    ref = reference.load().lookup(word)
    if ref is None:
        return None
    return next((n for n in (ref.label, *ref.aliases, *ref.exact) if fold(n) == fold(word)), None)


def normal_case(title: str, text: str) -> str:
    """A title in capitals put in normal case, acronyms kept.

    Each word takes the form the document's own running text gives it most
    often outside headings and sentence starts (``NAVO``, ``Vilnius``,
    ``ministeriële``, ``NAVO-top``); a word the text never writes that way
    takes the reference data's form (``NAVO``, ``Brussel``), else stays in
    capitals when it has no vowel (``FMM``) or is a Roman numeral, and
    is lower case otherwise. The first letter is a capital. A title not in
    capitals is returned as it is."""
    letters = [c for c in title if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return title
    wanted = {w.lower() for w in _WORD.findall(title)}
    wanted |= {p for w in wanted for p in w.split("-")}
    wanted -= _FUNCTION_WORDS  # always lower case: not worth a look through the text
    text = text[:CASE_SAMPLE_CHARS]
    forms: dict[str, dict[str, int]] = {}
    # Only the title's words are looked at: one alternation, longest first, as whole words.
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(wanted, key=len, reverse=True))
                    + r")(?![\w])", re.IGNORECASE)
    capital_lines: dict[int, bool] = {}
    for m in rx.finditer(text) if wanted else ():
        line_start = text.rfind("\n", 0, m.start()) + 1
        caps = capital_lines.get(line_start)
        if caps is None:
            end = text.find("\n", line_start, line_start + 200)
            # a line in capitals has no run of three lower-case letters
            caps = capital_lines[line_start] = _LOWER_RUN.search(
                text, line_start, line_start + 200 if end < 0 else end) is None
        if caps:
            continue  # a heading or letterhead in capitals says nothing about case
        before = text[line_start:m.start()].rstrip()
        if not before or before.endswith((".", "!", "?", ":", "•", "-", "–")):
            continue  # a sentence start is capitalised whatever the word
        counts = forms.setdefault(m.group().lower(), {})
        counts[m.group()] = counts.get(m.group(), 0) + 1

    def form(word: str) -> str:
        low = word.lower()
        if len(word) == 1:
            return word  # an initial or a letter of "D.C."
        if low in _FUNCTION_WORDS:
            return low
        if low in forms:
            return max(sorted(forms[low]), key=lambda f: forms[low][f])
        named = _reference_form(word)
        if named:
            return named
        if "-" in word:
            return "-".join(form(p) for p in word.split("-"))
        if len(word) == 1 or _ROMAN.match(word) or not re.search(r"[aeiouyàáäèéëïíóöúü]", low):
            return word
        return low

    out = _WORD.sub(lambda m: form(m.group()), title)
    return out[:1].upper() + out[1:]


_KIND = {"AnnotatedAgenda": "Geannoteerde agenda", "Report": "Verslag"}
_MONTH_NAMES = tuple(MONTHS)  # in calendar order
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def describe(meta: dict, meeting: str | None, clean: str) -> str:
    """A title for a document without one: its type, the meeting it concerns and its date.

    ``Verslag NAVO-top Lissabon 2010 (14 december 2010)``; a letter without a
    meeting is ``Brief van 14 december 2010 (Kamerstuk 28676, nr. 123)``, a text
    that is no Kamerstuk a ``Bericht``; with neither meeting nor date, the
    opening words of its first sentence stand after the type."""
    letter = bool(meta.get("number") or _has_letter_header(clean[:HEADER_CHARS]))
    kind = _KIND.get(meta.get("doc_type") or "", "Brief" if letter else "Bericht")
    date = meta.get("date")
    when = f"{date.day} {_MONTH_NAMES[date.month - 1]} {date.year}" if date else None
    number = (f"Kamerstuk {meta['dossier']}, nr. {meta['number']}"
              if meta.get("dossier") and meta.get("number") else None)
    if meeting:
        title = f"{kind} {meeting}" if kind in _KIND.values() else f"{kind} over {meeting}"
        extra = ", ".join(x for x in (when, number) if x)
        return f"{title} ({extra})" if extra else title
    if when:
        return f"{kind} van {when}" + (f" ({number})" if number else "")
    if number:
        return number
    opening = clean[:1000]
    m = _SENTENCE_END.search(opening)
    words = (opening[:m.end()] if m else opening).split()
    gist = " ".join(words[:12]).rstrip(".!?,;:") + ("…" if len(words) > 12 else "")
    return f"{kind}: {gist}" if gist else kind


def find_citations(clean: str) -> list[tuple[str, str, int, int]]:
    """Every Kamerstuk reference: (dossier, number, start, end) in text order."""
    out = []
    for m in _CITE.finditer(clean):
        dossier = dossier_string(m.group(1), m.group(2) or m.group(3))
        out.append((dossier, m.group(4), m.start(), m.end()))
    return out


def _sentence_span(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """The sentence of the spaCy doc around a clean-text span (else its line)."""
    doc = ctx.doc
    try:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and doc.has_annotation("SENT_START"):
            sent = span.sent
            return sent.start_char, sent.end_char
    except Exception:  # noqa: BLE001  no sentence boundaries: fall back to the line
        pass
    return line_span(ctx.clean.text, start, end)


def _signature_end(ctx: Context) -> int | None:
    """Where the last signature block of the opening ends (clean-text offset), if any."""
    if ctx.doc is None:
        return None
    ends = [ctx.doc[m.start:m.end].end_char for m in ctx.doc.user_data.get("kg_offices", []) if m.signature]
    ends = [e for e in ends if e < HEADER_CHARS * 2]
    return max(ends) if ends else None


def run(ctx: Context) -> None:
    """Find the document's metadata and citations; set the document key."""
    clean, source = ctx.clean.text, ctx.clean.source.text
    meta = dict(ctx.clean.source.meta)
    ex = ctx.extraction
    dossier, number = meta_numbers(meta)
    if not (dossier and number):
        dossier, number, _how = find_numbers(clean, source)
    date, date_span = find_date(clean)
    if date is None:
        date = meta_date(meta)
    year = find_year(clean, source, date)
    signed = ctx.doc is not None and any(m.signature for m in ctx.doc.user_data.get("kg_offices", []))
    doc_type = find_kind(clean, signed)
    title = find_title(clean, source, ctx.clean.offsets, _signature_end(ctx), meta)
    ctx.meta.update(dossier=dossier, number=number, date=date, year=year, doc_type=doc_type, title=title)

    if dossier and number:
        ex.doc_key = document_key(dossier, number)
    key = ex.doc_key
    # No title of its own: kg.extract.title describes it once the meeting is known.
    number_name = f"Kamerstuk {dossier}, nr. {number}" if dossier and number else None
    label = title or number_name or "Document"
    # The Kamerstuk number stays a name of the document (kg explain "Kamerstuk 28676, nr. 453").
    alt = {number_name} if number_name and number_name != label else set()
    ctx.entity(Entity(key=key, cls=doc_type, label=label, alt_labels=alt, mentioned=False))
    if dossier:
        ctx.relate(key, "kg:dossierNumber", dossier)
    if dossier and number:
        ctx.relate(key, "kg:documentNumber", number)
    if year:
        ctx.relate(key, "kg:parliamentaryYear", year)
    if date:
        ev = ctx.evidence(*date_span, "metadata.date") if date_span else None
        ctx.relate(key, "dcterms:date", date, ev)

    seen = set()
    for c_dossier, c_number, start, end in find_citations(clean):
        c_key = document_key(c_dossier, c_number)
        if c_key == key or c_key in seen:
            continue
        seen.add(c_key)
        ctx.entity(Entity(key=c_key, cls="Document", label=f"Kamerstuk {c_dossier}, nr. {c_number}",
                          mentioned=False))
        ctx.relate(c_key, "kg:dossierNumber", c_dossier)
        ctx.relate(c_key, "kg:documentNumber", c_number)
        ctx.link(key, "kg:cites", c_key, ctx.evidence(*_sentence_span(ctx, start, end), "metadata.cites"))
