"""Word .docx via python-docx: paragraphs (and table cells) in document order."""
from __future__ import annotations

from pathlib import Path

from kg.errors import SkipDocument
from kg.model import SourceText


def read_docx(path: Path) -> SourceText:
    """The paragraphs of a .docx, separated by blank lines; tables row by row."""
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
    blocks: list[str] = []
    body = document.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                blocks.append("\t".join(cell.text for cell in row.cells))
    text = "\n\n".join(b for b in blocks if b.strip())
    return SourceText(path=Path(path), text=text + "\n", encoding="docx")
