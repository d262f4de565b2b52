"""HTML (e.g. officielebekendmakingen.nl pages) via selectolax."""
from __future__ import annotations

from pathlib import Path

from kg.ingest.text import decode
from kg.model import SourceText

# Elements whose text is not part of the document.
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "template")
# Block elements: their text starts on a new line.
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "section",
           "article", "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "title"}


def read_html(path: Path) -> SourceText:
    """The visible text of an HTML file, one block element per paragraph."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    raw, encoding, warnings = decode(Path(path).read_bytes(), path)
    tree = HTMLParser(raw)
    for tag in _DROP:
        for node in tree.css(tag):
            node.decompose()
    root = tree.body or tree.root
    parts: list[str] = []
    _walk(root, parts)
    text = "".join(parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out, blank = [], False
    for line in lines:
        if line:
            out.append(line)
            blank = False
        elif not blank and out:
            out.append("")
            blank = True
    return SourceText(path=Path(path), text="\n".join(out).strip() + "\n", encoding=encoding,
                      warnings=tuple(warnings))


def _walk(node, parts: list[str]) -> None:
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag not in ("-comment",):
            block = tag in _BLOCKS
            if block:
                parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li") else "\n")
            _walk(child, parts)
            if block:
                parts.append("\n")
        child = child.next
