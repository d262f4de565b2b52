"""Component kg_fold: ``token.norm_`` = lower-cased, accent-folded text.

``Oekraine``/``Oekraïne``, ``Jordanié``/``Jordanië`` and ``Israél``/``Israël``
share a NORM, so later matchers (on NORM) see them as one name. The helper
``compact_tokens`` gives the word sequence the matchers scan: whitespace
tokens dropped and words split over a line break (``Noord-\\nKorea``) joined.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import IDX, IS_SPACE, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from kg.slug import fold as _fold_text

# Folding is pure and documents repeat their words: memoise it.
fold = lru_cache(maxsize=1 << 17)(_fold_text)


class Word(NamedTuple):
    """A word of the compact sequence: its text/norm and the doc tokens it covers.

    A NamedTuple (not a frozen dataclass): a letter has thousands and building
    frozen dataclasses was a hot spot."""

    text: str
    norm: str
    start: int  # first token index
    end: int  # one past the last token index


# Per StringStore: ORTH hash -> (text, NORM hash of its folded text). Strings are
# never removed from a StringStore, so entries stay valid.
_ORTH_CACHE: list = [None, {}]


def _orth_table(strings) -> dict:
    if _ORTH_CACHE[0] is not strings:
        _ORTH_CACHE[:] = [strings, {}]
    return _ORTH_CACHE[1]


def _orth_info(strings, table: dict, orth: int) -> tuple[str, int]:
    info = table.get(orth)
    if info is None:
        text = strings[orth]
        info = table[orth] = (text, strings.add(fold(text)))
    return info


def fold_doc(doc: Doc) -> Doc:
    """Set every token's NORM to its folded text (one array pass, no Token objects)."""
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    table = _orth_table(strings)
    arr = doc.to_array([ORTH, NORM])
    arr[:, 1] = [_orth_info(strings, table, o)[1] for o in arr[:, 0].tolist()]
    doc.from_array([ORTH, NORM], arr)
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


def _initials_run_at(texts: list[str], idxs: list[int], i: int) -> int:
    """``_initials_run`` over parallel lists of token texts and character offsets."""
    best, text = 0, ""
    for n in range(min(5, len(texts) - i)):
        if n and idxs[i + n - 1] + len(texts[i + n - 1]) != idxs[i + n]:
            break
        text += texts[i + n]
        if _INITIALS.match(text):
            best = n + 1
    return best if best > 1 else 0


def _compact(doc: Doc) -> list[Word]:
    # Token attributes read as arrays: creating a spaCy Token per word was the cost.
    words: list[Word] = []
    if not len(doc):
        return words
    strings = doc.vocab.strings
    table = _orth_table(strings)
    ids, texts, idxs = [], [], []
    for i, (orth, idx, space) in enumerate(doc.to_array([ORTH, IDX, IS_SPACE]).tolist()):
        if not space:
            ids.append(i)
            texts.append(_orth_info(strings, table, orth)[0])
            idxs.append(idx)
    n_toks = len(ids)
    i = 0
    while i < n_toks:
        t = texts[i]
        run = _initials_run_at(texts, idxs, i) if t[:1].isupper() else 0
        if run:
            text = "".join(texts[i:i + run])
            words.append(Word(text, fold(text), ids[i], ids[i + run - 1] + 1))
            i += run
            continue
        if (i + 1 < n_toks and len(t) > 1 and t.endswith("-") and t[-2].isalpha()
                and newline_between(doc, ids[i], ids[i + 1]) and texts[i + 1][:1].isalpha()):
            text = _joined(t, texts[i + 1])
            words.append(Word(text, fold(text), ids[i], ids[i + 1] + 1))
            i += 2
            continue
        words.append(Word(t, fold(t), ids[i], ids[i] + 1))
        i += 1
    return words


@Language.factory("kg_fold")
def make_fold(nlp, name):
    """Factory for kg_fold."""
    return fold_doc
