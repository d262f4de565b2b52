"""Reading documents: one reader per format, each returning a ``SourceText``.

``read(path)`` picks the reader from the file extension. Readers raise
``kg.errors.SkipDocument`` for a file that cannot be read (the build reports
it on one line and goes on with the others).
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import SkipDocument
from kg.model import SourceText

# extension -> "module:function" (imported lazily: PDF/DOCX libraries are slow to load)
READERS: dict[str, str] = {
    ".txt": "kg.ingest.text:read_text",
    ".md": "kg.ingest.text:read_text",
    ".html": "kg.ingest.html:read_html",
    ".htm": "kg.ingest.html:read_html",
    ".pdf": "kg.ingest.pdf:read_pdf",
    ".docx": "kg.ingest.docx:read_docx",
}

SUFFIXES = tuple(READERS)


def is_document(path: Path) -> bool:
    """True when ``path`` has an extension one of the readers handles."""
    return path.suffix.lower() in READERS


def read(path: Path, max_bytes: int | None = None) -> SourceText:
    """Read one document file into a ``SourceText``.

    Raises ``SkipDocument`` for an unknown extension, a missing or unreadable
    file, a file larger than ``max_bytes``, an empty text, or a reader failure.
    """
    import importlib

    path = Path(path)
    target = READERS.get(path.suffix.lower())
    if target is None:
        raise SkipDocument(path, f"not a document type navo-kg reads ({path.suffix or 'no extension'}; "
                                 f"expected one of {', '.join(SUFFIXES)})")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SkipDocument(path, "no such file") from None
    except OSError as e:
        raise SkipDocument(path, f"cannot read: {e.strerror or e}") from None
    if not path.is_file():
        raise SkipDocument(path, "not a regular file")
    if size == 0:
        raise SkipDocument(path, "empty file")
    if max_bytes is not None and size > max_bytes:
        raise SkipDocument(path, f"too large ({size / 1e6:.1f} MB > limit {max_bytes / 1e6:g} MB; "
                                 "raise it with --max-size)")
    module, func = target.split(":")
    try:
        source = getattr(importlib.import_module(module), func)(path)
    except SkipDocument:
        raise
    except PermissionError:
        raise SkipDocument(path, "permission denied") from None
    except OSError as e:
        raise SkipDocument(path, f"cannot read: {e.strerror or e}") from None
    if not source.text.strip():
        raise SkipDocument(path, "no text in the file (empty, whitespace only, or a scan without a text layer)")
    return source
