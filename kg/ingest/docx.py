"""Word .docx via python-docx: paragraphs (and table cells) in document order.

A document reads the same however its paragraphs were laid out. Word writes
one paragraph per block; converters (PDF to Word) often write one paragraph
per printed line. Such a file is recognised (many paragraphs end mid-sentence
and the next one goes on in lower case) and its lines are regrouped into
blocks: a block ends at an empty paragraph, a heading, or a short line (the
last line of a paragraph, a heading, a signature). Lines of a block are
separated by one line break, blocks by a blank line, so the cleaning joins a
block's lines as it joins any wrapped paragraph.

Paragraphs in a Word heading style (Heading 1…, Kop 1…, Title) are headings:
always a block of their own. The first paragraph in the Title style is kept
in ``SourceText.meta`` as ``docx.title``.
"""
from __future__ import annotations

import re
from pathlib import Path

from kg.errors import SkipDocument
from kg.model import SourceText

_HEADING_STYLE = re.compile(r"^(?:heading|kop|title|titel|subtitle|ondertitel)\b", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|titel)\b", re.IGNORECASE)
_SENTENCE_END = (".", ":", ";", "!", "?")
# A paragraph shorter than this share of the typical line ends its block.
_SHORT = 0.75


def read_docx(path: Path) -> SourceText:
    """The text of a .docx: blocks separated by blank lines; tables row by row."""
    import zipfile

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - declared dependency
        raise SkipDocument(path, "python-docx is not installed") from None
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise SkipDocument(path, f"not a readable .docx ({type(e).__name__})") from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    items: list[tuple[str, str]] = []  # (kind, text): kind "p", "h" (heading) or "t" (table row)
    title = None
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            style = _style_name(para)
            heading = bool(_HEADING_STYLE.match(style))
            text = " ".join(para.text.split())
            if heading and title is None and text and _TITLE_STYLE.match(style):
                title = text
            items.append(("h" if heading else "p", text))
        elif tag == "tbl":
            for row in Table(child, document).rows:
                items.append(("t", "\t".join(" ".join(cell.text.split()) for cell in row.cells)))
    text = layout(items)
    meta = (("docx.title", title),) if title else ()
    return SourceText(path=Path(path), text=text + "\n", encoding="docx", meta=meta)


def _style_name(para) -> str:
    try:
        return para.style.name or "" if para.style is not None else ""
    except (KeyError, ValueError, AttributeError):  # a style the file names but does not define
        return ""


def layout(items: list[tuple[str, str]]) -> str:
    """Join (kind, text) paragraphs into the reader's text: one block per paragraph,
    or, for a file written one paragraph per line, the lines regrouped into blocks."""
    if not line_per_paragraph(items):
        return "\n\n".join(t for _, t in items if t.strip())
    width = _typical_width([t for k, t in items if k == "p" and t])
    blocks: list[list[str]] = []
    open_block = False
    for kind, text in items:
        if kind != "p" or not text:
            if text:
                blocks.append([text])
            open_block = False
            continue
        if open_block:
            blocks[-1].append(text)
        else:
            blocks.append([text])
        # A paragraph ends with a short line; a full line goes on in the next.
        open_block = len(text) >= _SHORT * width
    return "\n\n".join("\n".join(b) for b in blocks)


def line_per_paragraph(items: list[tuple[str, str]]) -> bool:
    """True for a file written one paragraph per printed line: at least a fifth of
    its paragraphs end mid-sentence with the next one going on in lower case."""
    paras = [t for k, t in items if k == "p" and t]
    if len(paras) < 4:
        return False
    runs_on = sum(1 for a, b in zip(paras, paras[1:])
                  if not a.endswith(_SENTENCE_END) and b[:1].islower())
    return runs_on >= 0.2 * (len(paras) - 1)


def _typical_width(lines: list[str]) -> int:
    lengths = sorted(len(t) for t in lines)
    return max(40, lengths[int(len(lengths) * 0.75)]) if lengths else 80
