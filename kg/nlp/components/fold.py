"""Component kg_fold: ``token.norm_`` = lower-cased, accent-folded text.

``Oekraine``/``Oekraïne``, ``Jordanié``/``Jordanië`` and ``Israél``/``Israël``
share a NORM, so later matchers (on NORM) see them as one name. The helper
``compact_tokens`` gives the word sequence the matchers scan: whitespace
tokens dropped and words split over a line break (``Noord-\\nKorea``) joined.
"""
from __future__ import annotations

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


def compact_tokens(doc: Doc) -> list[Word]:
    """The doc's words without whitespace tokens, with hyphenated line breaks joined."""
    words: list[Word] = []
    toks = [t for t in doc if not t.is_space]
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (nxt is not None and len(t.text) > 1 and t.text.endswith("-") and t.text[-2].isalpha()
                and "\n" in doc.text[t.idx + len(t.text):nxt.idx] and nxt.text[:1].isalpha()):
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
