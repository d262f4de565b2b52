"""PDF via pypdf: the text layer, page by page, without running headers and footers.

A line that stands at the top or the bottom of most pages, the same but for
its numbers (``Pagina 3 van 9``, ``Ministerie van Defensie | Verslag …``), is a
running header or footer, not text of the document, and is dropped; so is a
bare page number there (``4``, ``- 4 -``). The Kamerstuk footer
(``Tweede Kamer, vergaderjaar …, nr. 453 4``) is left to ``kg.clean``, which
also reads the document number from it.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from kg.errors import SkipDocument
from kg.model import SourceText

# How many lines at each end of a page may be running text.
EDGE_LINES = 2
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^[\s\-–—|]*(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,4}(?:\s*(?:/|van|of)\s*\d{1,4})?[\s\-–—|]*$",
                          re.IGNORECASE)
_KAMERSTUK_FOOTER = re.compile(r"vergaderjaar", re.IGNORECASE)


def read_pdf(path: Path) -> SourceText:
    """The text layer of a PDF, pages separated by a blank line.

    A PDF without a text layer (a scan) or a damaged file is skipped with a reason.
    """
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not the user's business
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001
                raise SkipDocument(path, "encrypted PDF") from None
        pages = [(page.extract_text() or "") for page in reader.pages]
    except SkipDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as e:
        raise SkipDocument(path, f"not a readable PDF ({type(e).__name__}: {str(e)[:120]})") from None
    text = "\n\n".join(p.strip("\n") for p in drop_running_lines(pages))
    if not text.strip():
        raise SkipDocument(path, "PDF has no text layer (a scan?); OCR it first")
    return SourceText(path=Path(path), text=text + "\n", encoding="pdf")


def _shape(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def drop_running_lines(pages: list[str]) -> list[str]:
    """The pages without their running headers, footers and page numbers."""
    split = [p.strip("\n").split("\n") for p in pages]
    edge_shapes: Counter = Counter()
    for lines in split:
        edges = lines[:EDGE_LINES] + lines[-EDGE_LINES:] if len(lines) > 2 * EDGE_LINES else lines
        edge_shapes.update({_shape(line) for line in edges if line.strip()})
    # A running line repeats on most pages (at least two).
    need = max(2, (len(split) + 1) // 2)
    running = {s for s, n in edge_shapes.items() if n >= need}
    out = []
    for lines in split:
        n = len(lines)
        keep = []
        for i, line in enumerate(lines):
            at_edge = i < EDGE_LINES or i >= n - EDGE_LINES
            if at_edge and line.strip() and not _KAMERSTUK_FOOTER.search(line) and (
                    _shape(line) in running or (len(split) > 1 and _PAGE_NUMBER.match(line))):
                continue
            keep.append(line)
        out.append("\n".join(keep))
    return out
