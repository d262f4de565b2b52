"""Rule family: document metadata read from the text itself.

* dossier and document number: the identifier ``kst-28676-474``, the header
  (a line ``28 676`` and a line ``Nr. 474``) or the running footer
  ``Tweede Kamer, vergaderjaar 2023–2024, 28 676, nr. 453 4`` (read from the
  source text, because cleaning removes footers);
* vergaderjaar (``2024-2025``), stated or derived from the letter's date;
* the letter's date (``Den Haag, 22 november 2024``);
* the document type (geannoteerde agenda, verslag, brief) and a title;
* ``kg:cites`` for Kamerstuk references (``Kamerstuk 28 676, nr. 430``,
  ``21 501-02, nr. 2794``, ``36410-X, nr. 93``).

What it finds is stored in ``ctx.meta`` (dossier, number, date, year,
doc_type, title) for the other rule families, and the document key becomes
``document/kst-<dossier>-<nr>`` when the numbers are known.
"""
from __future__ import annotations

import datetime as dt
import re

from kg.dates import parse_date
from kg.extract.context import Context
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

_TYPES = [  # (pattern, class); the earliest match in the opening of the text wins
    (re.compile(r"geannoteerde\s+agenda", re.IGNORECASE), "AnnotatedAgenda"),
    (re.compile(r"\bverslag\b", re.IGNORECASE), "Report"),
]
# Title lines: an agenda or report heading (typos such as "GEANNOTEEERDE" occur),
# else the letter heading, possibly after the "Nr. 123" it shares a line with.
_TITLE = re.compile(r"^(?:Nr\.\s?\d+\s+)?((?:geannot\w*\s+agenda|verslag)\b[^\n]{5,200})$",
                    re.MULTILINE | re.IGNORECASE)
_LETTER_TITLE = re.compile(r"^(?:Nr\.\s?\d+\s+)?((?:BRIEF|Brief) VAN [^\n]{5,150})$", re.MULTILINE)


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
        return dossier_string(d.group(1), d.group(2)), n.group(1), "header"
    f = _FOOTER.search(source)
    if f:
        return dossier_string(f.group(3), f.group(4) or f.group(5)), f.group(6), "footer"
    return None, None, ""


def find_year(clean: str, source: str, date: dt.date | None) -> str | None:
    """The vergaderjaar as ``"2024-2025"``: stated in the header or footer, else derived."""
    m = _YEAR_LINE.search(clean[:HEADER_CHARS]) or _YEAR_LINE.search(source)
    if m and int(m.group(2)) == int(m.group(1)) + 1:
        return f"{m.group(1)}-{m.group(2)}"
    return parliamentary_year(date) if date else None


def find_date(clean: str) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The letter's date (``Den Haag, 22 november 2024``) and its span."""
    m = _PLACE_DATE.search(clean[:HEADER_CHARS]) or _PLACE_DATE.search(clean)
    if not m:
        return None, None
    return parse_date(m.group(1)), m.span()


def find_type(clean: str) -> str:
    """``AnnotatedAgenda``, ``Report`` or ``Letter``: what the opening calls itself."""
    head = clean[:HEADER_CHARS]
    best = None
    for rx, cls in _TYPES:
        m = rx.search(head)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), cls)
    return best[1] if best else "Letter"


def find_title(clean: str) -> str | None:
    """The document's title line (agenda/report heading, else the letter heading)."""
    head = clean[:HEADER_CHARS * 2]
    m = _TITLE.search(head) or _LETTER_TITLE.search(head)
    if m and len(m.group(1)) > 120 and "\n" not in m.group(1):
        # A heading joined with the lines after it: cut before the address.
        cut = re.search(r"\s(?:Aan de|Den Haag|['’]s-Gravenhage)\b", m.group(1))
        if cut:
            return " ".join(m.group(1)[:cut.start()].split()).rstrip(" .,:;")
    if not m:
        return None
    return " ".join(m.group(1).split()).rstrip(" .,:;")


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
    text = ctx.clean.text
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    return s, (len(text) if e < 0 else e)


def run(ctx: Context) -> None:
    """Find the document's metadata and citations; set the document key."""
    clean, source = ctx.clean.text, ctx.clean.source.text
    ex = ctx.extraction
    dossier, number, _how = find_numbers(clean, source)
    date, date_span = find_date(clean)
    year = find_year(clean, source, date)
    doc_type = find_type(clean)
    title = find_title(clean)
    ctx.meta.update(dossier=dossier, number=number, date=date, year=year, doc_type=doc_type, title=title)

    if dossier and number:
        ex.doc_key = document_key(dossier, number)
    key = ex.doc_key
    label = title or (f"Kamerstuk {dossier}, nr. {number}" if dossier and number else ctx.clean.source.name)
    ctx.entity(Entity(key=key, cls=doc_type, label=label, mentioned=False))
    if dossier and number:
        ctx.relate(key, "kg:dossierNumber", dossier)
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
