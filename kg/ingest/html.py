"""HTML (e.g. officielebekendmakingen.nl pages) via selectolax.

Only the page's main content is the letter: the reader takes ``<main>`` (else
the one ``<article>``, else ``<body>``) and drops what is not the text of the
document wherever it stands: navigation, site header and footer, side panels
(``<aside>``: "Gerelateerde documenten"), scripts, styles, forms, hidden
elements and cookie banners. Dublin Core ``<meta>`` tags (``DC.identifier``
``kst-28676-474``, ``DCTERMS.issued``, ``DC.title``) are kept in
``SourceText.meta`` for ``kg.extract.metadata``.
"""
from __future__ import annotations

import re
from pathlib import Path

from kg.ingest.text import decode
from kg.model import SourceText

# Elements whose text is never part of the document.
_DROP = ("script", "style", "noscript", "template", "nav", "aside", "form", "button", "svg",
         "iframe", "dialog", "[hidden]", "[aria-hidden=true]",
         "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=complementary]",
         "[role=search]", "[role=dialog]", "[role=alertdialog]")
# Page furniture outside the main content: dropped when the reader falls back to <body>
# (inside <main>/<article> a <header> holds the document's own heading).
_PAGE_FURNITURE = ("header", "footer")
# A class or id word that starts with one of these marks a banner or panel, not
# the letter ("cookie-banner", "cookieconsent", "breadcrumbs"); these words mark
# one when they stand alone ("share", "social").
_BANNER_PREFIXES = ("cookie", "consent", "gdpr", "breadcrumb", "skiplink")
_BANNER_WORDS = {"share", "sharing", "social", "skip", "print"}
# <meta name=…> read into SourceText.meta (lower-cased names).
_META_NAMES = ("dc.identifier", "dcterms.identifier", "dc.title", "dcterms.title", "dcterms.issued",
               "dc.date", "dcterms.date", "dcterms.available", "dcterms.created", "dc.type", "dcterms.type",
               "overheidop.dossiernummer", "overheidop.ondernummer", "overheidop.datumbrief",
               "overheidop.documenttitel", "og:title")
# Block elements: their text starts on a new line.
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "section", "main",
           "article", "header", "footer", "table", "ul", "ol", "dd", "dt", "blockquote", "pre",
           "title", "figcaption", "caption", "address"}
_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "blockquote", "pre"}


def read_html(path: Path) -> SourceText:
    """The main content of an HTML page as text, one block element per paragraph."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    raw, encoding, warnings = decode(Path(path).read_bytes(), path)
    tree = HTMLParser(raw)
    meta = read_meta(tree)
    root = main_content(tree)
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
                      warnings=tuple(warnings), meta=meta)


def read_meta(tree) -> tuple[tuple[str, str], ...]:
    """The Dublin Core (and ``og:title``) ``<meta>`` values of a page, in page order."""
    out = []
    for node in tree.css("meta"):
        attrs = node.attributes
        name = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        value = " ".join((attrs.get("content") or "").split())
        if name in _META_NAMES and value:
            out.append((name, value))
    return tuple(out)


def main_content(tree):
    """The node that holds the document: ``<main>``, the only ``<article>``, else ``<body>``.

    Everything in ``_DROP`` and every cookie banner or side panel is removed from
    the tree first; a site header and footer too when the body is the root."""
    for selector in _DROP:
        for node in tree.css(selector):
            node.decompose()
    for node in tree.css("[class], [id]"):
        words = re.split(r"[\s_-]+", f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower())
        if node.tag not in ("html", "body", "main", "article") and any(
                w.startswith(_BANNER_PREFIXES) or w in _BANNER_WORDS for w in words):
            node.decompose()
    mains = tree.css("main, [role=main]")
    articles = tree.css("article")
    if mains:
        return mains[0]
    if len(articles) == 1:
        return articles[0]
    for selector in _PAGE_FURNITURE:
        for node in tree.css(selector):
            node.decompose()
    return tree.body or tree.root


def _walk(node, parts: list[str]) -> None:
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag not in ("-comment",):
            block = tag in _BLOCKS
            if block:
                parts.append("\n\n" if tag in _PARAGRAPHS else "\n")
            _walk(child, parts)
            if block:
                parts.append("\n")
            elif tag in ("td", "th"):
                parts.append(" ")  # cells of a row stay apart
        child = child.next
