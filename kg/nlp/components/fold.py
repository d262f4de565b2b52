"""Component kg_fold: ``token.norm_`` = lower-cased, accent-folded text.

``Oekraine``/``Oekraïne``, ``Jordanié``/``Jordanië`` and ``Israél``/``Israël``
share a NORM, so later matchers (on NORM) see them as one name. The helper
``compact_tokens`` gives the word sequence the matchers scan: whitespace
tokens dropped and words split over a line break (``Noord-\\nKorea``) joined.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, repeat
from typing import NamedTuple

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.components.docindex import columns, fold, spaces, texts  # noqa: F401  (fold: memoised kg.slug.fold)


class Word(NamedTuple):
    """A word of the compact sequence: its text/norm and the doc tokens it covers.

    A NamedTuple (not a frozen dataclass): a letter has thousands and building
    frozen dataclasses was a hot spot."""

    text: str
    norm: str
    start: int  # first token index
    end: int  # one past the last token index


def fold_doc(doc: Doc) -> Doc:
    """Set every token's NORM to its folded text (one array pass, no Token objects)."""
    if not len(doc):
        return doc
    arr = doc.to_array([ORTH, NORM])
    arr[:, 1] = columns(doc)[3]
    doc.from_array([ORTH, NORM], arr)
    return doc


# (Reference object, {(method, name): answer}): ``ref.lookup``/``ref.country_of_adjective``
# fold the name on every call; letters ask for the same names again and again.
_REF_ANSWERS: list = [None, {}]


def ref_lookup(ref, name: str):
    """``ref.lookup(name)``, memoised per ``Reference`` object."""
    return _ref_answer(ref, "lookup", name)


def ref_adjective(ref, word: str):
    """``ref.country_of_adjective(word)``, memoised per ``Reference`` object."""
    return _ref_answer(ref, "country_of_adjective", word)


def _ref_answer(ref, method: str, name: str):
    if _REF_ANSWERS[0] is not ref:
        _REF_ANSWERS[:] = [ref, {}]
    answers = _REF_ANSWERS[1]
    key = (method, name)
    try:
        return answers[key]
    except KeyError:
        if len(answers) >= 1 << 16:
            answers.clear()
        got = answers[key] = getattr(ref, method)(name)
        return got


def _joined(prefix: str, rest: str) -> str:
    """``"Noord-"`` + ``"Korea"`` -> ``"Noord-Korea"``; ``"bondge-"`` + ``"nootschap"`` -> one word."""
    head = prefix[:-1]
    if rest[:1].isupper() or (head.isupper() and len(head) > 1):
        return prefix + rest
    return head + rest


def newline_between(doc: Doc, i: int, j: int) -> bool:
    """True if a line break separates token ``i`` from token ``j`` (> i)."""
    if j <= i + 1:
        return False
    tx, sp = texts(doc), spaces(doc)
    return any("\n" in tx[k] for k in range(i + 1, j) if sp[k])


_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.-?)+$")


class Words(Sequence):
    """The compact word sequence: a read-only sequence of ``Word``, kept as columns
    (``texts``, ``norms``, ``starts``, ``ends``; do not mutate them). A ``Word`` is
    made when one is read (a slice gives a list): building a tuple per word of a
    letter cost more than all the lookups that read a few of them."""

    __slots__ = ("texts", "norms", "starts", "ends")

    def __init__(self, texts: list[str], norms: list[str], starts: list[int], ends: list[int]):
        self.texts, self.norms, self.starts, self.ends = texts, norms, starts, ends

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(map(_new_tuple, repeat(Word), zip(self.texts[i], self.norms[i], self.starts[i], self.ends[i])))
        return _new_tuple(Word, (self.texts[i], self.norms[i], self.starts[i], self.ends[i]))

    def __iter__(self):
        return map(_new_tuple, repeat(Word), zip(self.texts, self.norms, self.starts, self.ends))

    def __repr__(self) -> str:
        return f"Words({list(self)!r})"


_LAST: list = [None, None, None]  # (doc, token count, words): components share one computation


def compact_tokens(doc: Doc) -> Words:
    """The doc's words without whitespace tokens, with hyphenated line breaks joined (cached per doc)."""
    if _LAST[0] is doc and _LAST[1] == len(doc):
        return _LAST[2]
    words = _compact(doc)
    _LAST[:] = [doc, len(doc), words]
    return words


def _initials_run(texts: list[str], idxs: list[int], i: int) -> int:
    """Number of adjacent tokens from ``i`` that together spell initials (``A.Th``
    ``.`` ``B.``), else 0; ``texts`` and ``idxs`` are the tokens' texts and
    character offsets."""
    best, text = 0, ""
    for n in range(min(5, len(texts) - i)):
        if n and idxs[i + n - 1] + len(texts[i + n - 1]) != idxs[i + n]:
            break
        text += texts[i + n]
        if _INITIALS.match(text):
            best = n + 1
    return best if best > 1 else 0


_new_tuple = tuple.__new__  # builds a Word from a tuple without the Python-level __new__


def _compact(doc: Doc) -> Words:
    # Token attributes read as arrays: creating a spaCy Token per word was the cost.
    # Most words are one token of their own; only a capitalised token glued to the
    # next one (initials ``A.Th.B.``) or a token followed by whitespace (a hyphen
    # at a line break) can be joined, so only those are looked at one by one and
    # the columns between them are copied in bulk.
    if not len(doc):
        return Words([], [], [], [])
    arr = doc.to_array([IDX, LENGTH, IS_SPACE])
    keep = numpy.flatnonzero(arr[:, 2] == 0)
    ids = keep.tolist()
    n_toks = len(ids)
    word = (arr[:, 2] == 0).tolist()
    all_texts, _lowers, all_folds, _norms = columns(doc)
    texts = list(compress(all_texts, word))
    norms = list(compress(all_folds, word))
    ends = (keep + 1).tolist()
    glued = (arr[keep[:-1], 0] + arr[keep[:-1], 1] == arr[keep[1:], 0])  # token k+1 starts where k ends
    spaced = (keep[1:] - keep[:-1]) > 1  # a whitespace token between k and k+1
    special = [k for k in numpy.flatnonzero(glued).tolist() if texts[k][:1].isupper()]
    special += [k for k in numpy.flatnonzero(spaced).tolist() if texts[k].endswith("-")]
    if not special:
        return Words(texts, norms, ids, ends)
    special.sort()
    idxs = arr[keep, 0].tolist()
    w_texts: list[str] = []
    w_norms: list[str] = []
    w_starts: list[int] = []
    w_ends: list[int] = []

    def add(text: str, norm: str, start: int, end: int) -> None:
        w_texts.append(text)
        w_norms.append(norm)
        w_starts.append(start)
        w_ends.append(end)

    i = 0
    for k in special:
        if k < i:
            continue  # joined into the word before
        if k > i:
            w_texts += texts[i:k]
            w_norms += norms[i:k]
            w_starts += ids[i:k]
            w_ends += ends[i:k]
        i = k
        t = texts[i]
        run = _initials_run(texts, idxs, i) if t[:1].isupper() else 0
        if run:
            text = "".join(texts[i:i + run])
            add(text, fold(text), ids[i], ids[i + run - 1] + 1)
            i += run
            continue
        if (i + 1 < n_toks and len(t) > 1 and t.endswith("-") and t[-2].isalpha()
                and newline_between(doc, ids[i], ids[i + 1]) and texts[i + 1][:1].isalpha()):
            text = _joined(t, texts[i + 1])
            add(text, fold(text), ids[i], ids[i + 1] + 1)
            i += 2
            continue
        add(t, norms[i], ids[i], ids[i] + 1)
        i += 1
    if i < n_toks:
        w_texts += texts[i:]
        w_norms += norms[i:]
        w_starts += ids[i:]
        w_ends += ends[i:]
    return Words(w_texts, w_norms, w_starts, w_ends)


@Language.factory("kg_fold")
def make_fold(nlp, name):
    """Factory for kg_fold."""
    return fold_doc
