"""Component kg_fold: ``token.norm_`` = lower-cased, accent-folded text.

``Oekraine``/``Oekraïne``, ``Jordanié``/``Jordanië`` and ``Israél``/``Israël``
share a NORM, so later matchers (on NORM) see them as one name. The helper
``compact_tokens`` gives the word sequence the matchers scan: whitespace
tokens dropped and words split over a line break (``Noord-\\nKorea``) joined.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from kg.slug import fold


@dataclass(frozen=True)
class Word:
    """A word of the compact sequence: its text/norm and the doc tokens it covers."""

    text: str
    norm: str
    start: int  # first token index
    end: int  # one past the last token index


def fold_doc(doc: Doc) -> Doc:
    """Set every token's NORM to its folded text."""
    for tok in doc:
        tok.norm_ = fold(tok.text)
    return doc


def _joined(prefix: str, rest: str) -> str:
    """``"Noord-"`` + ``"Korea"`` -> ``"Noord-Korea"``; ``"bondge-"`` + ``"nootschap"`` -> one word."""
    head = prefix[:-1]
    if rest[:1].isupper() or (head.isupper() and len(head) > 1):
        return prefix + rest
    return head + rest


def newline_between(doc: Doc, i: int, j: int) -> bool:
    """True if a line break separates token ``i`` from token ``j`` (> i)."""
    return any("\n" in doc[k].text for k in range(i + 1, j) if doc[k].is_space)


_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.-?)+$")


def _initials_run(toks, i: int) -> int:
    """Number of adjacent tokens from ``i`` that together spell initials (``A.Th`` ``.`` ``B.``), else 0."""
    best, text = 0, ""
    for n in range(min(5, len(toks) - i)):
        t = toks[i + n]
        if n and toks[i + n - 1].idx + len(toks[i + n - 1].text) != t.idx:
            break
        text += t.text
        if _INITIALS.match(text):
            best = n + 1
    return best if best > 1 else 0


_LAST: list = [None, None, None]  # (doc, token count, words): components share one computation


def compact_tokens(doc: Doc) -> list[Word]:
    """The doc's words without whitespace tokens, with hyphenated line breaks joined (cached per doc)."""
    if _LAST[0] is doc and _LAST[1] == len(doc):
        return _LAST[2]
    words = _compact(doc)
    _LAST[:] = [doc, len(doc), words]
    return words


def _compact(doc: Doc) -> list[Word]:
    words: list[Word] = []
    toks = [t for t in doc if not t.is_space]
    i = 0
    while i < len(toks):
        t = toks[i]
        run = _initials_run(toks, i) if t.text[:1].isupper() else 0
        if run:
            text = "".join(x.text for x in toks[i:i + run])
            words.append(Word(text, fold(text), t.i, toks[i + run - 1].i + 1))
            i += run
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (nxt is not None and len(t.text) > 1 and t.text.endswith("-") and t.text[-2].isalpha()
                and newline_between(doc, t.i, nxt.i) and nxt.text[:1].isalpha()):
            text = _joined(t.text, nxt.text)
            words.append(Word(text, fold(text), t.i, nxt.i + 1))
            i += 2
            continue
        words.append(Word(t.text, fold(t.text), t.i, t.i + 1))
        i += 1
    return words


@Language.factory("kg_fold")
def make_fold(nlp, name):
    """Factory for kg_fold."""
    return fold_doc
