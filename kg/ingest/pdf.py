"""PDF via pypdf: the text layer, page by page."""
from __future__ import annotations

from pathlib import Path

from kg.errors import SkipDocument
from kg.model import SourceText


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
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise SkipDocument(path, "PDF has no text layer (a scan?); OCR it first")
    return SourceText(path=Path(path), text=text + "\n", encoding="pdf")
