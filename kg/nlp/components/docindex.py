"""Per-document indexes shared by the components and the rule families (for speed).

spaCy recomputes ``doc.sents`` and ``span.sent`` by walking tokens on every
call, and ``kg.nlp.spans.mentions`` sorts every span on every call; the rules
ask for these once per sentence or per mention, which made reading a letter
quadratic. This module computes each once per Doc and answers lookups with
``bisect``. Results are identical to the spaCy/``mentions`` originals:

* ``sents(doc)`` == ``list(doc.sents)`` (boundaries are fixed once the
  sentencizer ran; no component changes them),
* ``sent_of(doc, span)`` == ``span.sent`` (for a Token too): the sentence of
  the span's first token,
* ``mentions(doc)`` == ``kg.nlp.spans.mentions(doc)``, recomputed whenever the
  span group grows (components only ever append to it). Callers must not
  mutate the returned list.

It also gives token texts, lower-case forms, whitespace flags and the doc
text from ``Doc.to_array`` instead of creating a spaCy ``Token`` per word.
One Doc is cached at a time (documents are read one after another).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress
from operator import add

import numpy

from spacy.tokens import Span, Token

from kg.nlp.spans import GROUP
from kg.slug import fold as _fold_text
from kg.nlp.spans import mentions as _sorted_mentions


class _Index:
    __slots__ = ("doc", "n", "bounds", "sents", "mentions", "n_mentions", "group", "keys", "by_start", "extra")

    def __init__(self, doc) -> None:
        self.doc, self.n = doc, len(doc)
        self.bounds = None     # sentence starts, plus len(doc)
        self.sents = None
        self.mentions = None
        self.n_mentions = -1
        self.group = None      # the SpanGroup ``mentions`` was read from
        self.keys = None       # sort key of each sorted mention
        self.by_start = None   # start token of each sorted mention
        self.extra = {}        # other per-doc memos (see ``memo``)


_LAST: list = [None]


def _index(doc) -> _Index:
    ix = _LAST[0]
    if ix is None or ix.doc is not doc or ix.n != len(doc):
        ix = _LAST[0] = _Index(doc)
    return ix


def _bounds(ix: _Index) -> list[int]:
    if ix.bounds is None:
        doc = ix.doc
        # Token 0 always opens a sentence (spaCy's Span.sent stops there too);
        # a later token opens one when its SENT_START is 1 (as in Doc.sents).
        flags = doc.to_array("SENT_START").tolist() if len(doc) else []
        starts = [0] + [i for i in range(1, len(flags)) if flags[i] == 1]
        ix.bounds = starts + [len(doc)] if len(doc) else [0]
    return ix.bounds


def sents(doc) -> list:
    """The sentences of ``doc`` as a list (same spans as ``doc.sents``)."""
    ix = _index(doc)
    if ix.sents is None:
        b = _bounds(ix)
        ix.sents = [Span(doc, b[k], b[k + 1]) for k in range(len(b) - 1)]  # == doc[b[k]:b[k + 1]]
    return ix.sents


def sent_of(doc, span):
    """``span.sent`` / ``token.sent`` without spaCy's token walk: the sentence
    holding the span's first token (as spaCy does for a span crossing a boundary)."""
    start = span.i if isinstance(span, Token) else span.start
    return sents(doc)[bisect_right(_bounds(_index(doc)), start) - 1]


def sent_bounds(doc, i: int) -> tuple[int, int]:
    """(start, end) token offsets of the sentence holding token ``i``."""
    b = _bounds(_index(doc))
    k = bisect_right(b, i) - 1
    return b[k], b[k + 1]


def _mention_key(span) -> tuple:
    return (span.start, -span.end, span.label_)  # the order of kg.nlp.spans.mentions


def mentions(doc) -> list:
    """All mention spans in text order (cached ``kg.nlp.spans.mentions``).

    Components append to the span group while they run; the spans added since
    the last call are inserted into the sorted list (after equal keys, as the
    stable sort of the whole group places them) instead of sorting it again."""
    ix = _index(doc)
    group = doc.spans[GROUP] if GROUP in doc.spans else None
    n = len(group) if group is not None else 0
    if ix.mentions is not None and ix.n_mentions == n and ix.group is group:
        return ix.mentions
    if ix.mentions is not None and group is not None and ix.group is group and n > ix.n_mentions:
        ms, keys, starts = list(ix.mentions), ix.keys, ix.by_start
        for j in range(ix.n_mentions, n):
            span = group[j]
            key = _mention_key(span)
            at = bisect_right(keys, key)
            keys.insert(at, key)
            ms.insert(at, span)
            starts.insert(at, key[0])
        ix.mentions = ms  # a new list: callers may still hold the previous one
    else:
        ix.mentions = _sorted_mentions(doc)
        ix.keys = [_mention_key(s) for s in ix.mentions]
        ix.by_start = [k[0] for k in ix.keys]
    ix.n_mentions, ix.group = n, group
    return ix.mentions


def mentions_from(doc, start_tok: int) -> tuple[list, int]:
    """The sorted mentions and the index of the first one starting at or after ``start_tok``."""
    ms = mentions(doc)
    return ms, bisect_left(_index(doc).by_start, start_tok)


def memo(doc, name: str, make):
    """A per-doc value computed once by ``make()``; only for values that depend on
    the tokens alone (not on the mention spans, which grow while components run)."""
    ix = _index(doc)
    if name not in ix.extra:
        ix.extra[name] = make()
    return ix.extra[name]


_WS = ("", " ")


# (doc, token count, text) of the last text the tokenizer read: ``doc.text`` is
# exactly that text, so it need not be joined again from the tokens.
_TOKENIZED: list = [None, -1, ""]


def remember_text(doc, text: str) -> None:
    """Called by the tokenizer: ``doc`` was made from ``text``."""
    _TOKENIZED[:] = [doc, len(doc), text]


def text(doc) -> str:
    """``doc.text`` (spaCy joins every token on each call; this joins once per doc)."""
    def make():
        if _TOKENIZED[0] is doc and _TOKENIZED[1] == len(doc):
            return _TOKENIZED[2]
        # == doc.text (token text plus its trailing space), without Token objects
        flags = doc.to_array("SPACY").tolist() if len(doc) else []
        return "".join(map(add, texts(doc), map(_WS.__getitem__, flags)))
    return memo(doc, "text", make)


def same_paragraph(doc, a, b) -> bool:
    """Are sentences ``a`` and ``b`` (``a`` first) of one paragraph? The blank line between them can
    end ``a`` or begin ``b`` (the parser puts the whitespace token on either side), so the gap is read
    from ``a``'s last word to ``b``'s first."""
    t = text(doc)
    end = a.start_char + len(t[a.start_char:a.end_char].rstrip())
    body = t[b.start_char:b.end_char]
    return "\n\n" not in t[end:b.start_char + len(body) - len(body.lstrip())]


def span_text(doc, span) -> str:
    """``span.text`` cut from the cached doc text."""
    return text(doc)[span.start_char:span.end_char]


def _space_flags(doc):
    """IS_SPACE of every token as a numpy array (do not mutate)."""
    return memo(doc, "space_flags", lambda: doc.to_array("IS_SPACE") if len(doc) else numpy.zeros(0, "uint64"))


def non_space(doc) -> list[int]:
    """Indices of the non-whitespace tokens (a fresh list: callers may keep it)."""
    return list(memo(doc, "non_space", lambda: numpy.flatnonzero(_space_flags(doc) == 0).tolist()))


# Folding is pure and documents repeat their words: memoise it (``kg_fold`` uses it too).
fold = lru_cache(maxsize=1 << 17)(_fold_text)

# Per StringStore: ORTH hash -> (text, lower-case text, folded text, NORM hash of
# the folded text). Strings are never removed from a StringStore, so entries stay
# valid; each word type is worked out once, not once per token.
_TYPES: list = [None, {}]


def _type_table(strings) -> dict:
    if _TYPES[0] is not strings:
        _TYPES[:] = [strings, {}]
    return _TYPES[1]


def columns(doc) -> tuple[list[str], list[str], list[str], list[int]]:
    """Per token: texts, lower-case texts, folded texts and the NORM hashes of the
    folded texts, from one ORTH array pass (do not mutate)."""
    def make():
        if not len(doc):
            return [], [], [], []
        vocab = doc.vocab
        strings = vocab.strings
        table = _type_table(strings)
        orths = doc.to_array("ORTH").tolist()
        for orth in set(orths).difference(table):
            text = strings[orth]
            folded = fold(text)
            table[orth] = (text, strings[vocab[orth].lower], folded, strings.add(folded))
        return tuple(map(list, zip(*map(table.__getitem__, orths))))
    return memo(doc, "columns", make)


def texts(doc) -> list[str]:
    """``[t.text for t in doc]`` without creating Token objects (do not mutate)."""
    ix = _LAST[0]  # fast path: called inside per-token loops
    if ix is not None and ix.doc is doc and "columns" in ix.extra:
        return ix.extra["columns"][0]
    return columns(doc)[0]


def lowers(doc) -> list[str]:
    """``[t.lower_ for t in doc]`` without creating Token objects (do not mutate)."""
    ix = _LAST[0]
    if ix is not None and ix.doc is doc and "columns" in ix.extra:
        return ix.extra["columns"][1]
    return columns(doc)[1]


def spaces(doc) -> list[bool]:
    """``[t.is_space for t in doc]`` without creating Token objects (do not mutate)."""
    return memo(doc, "spaces", lambda: (_space_flags(doc) != 0).tolist())


def is_word(doc) -> list[bool]:
    """``[not t.is_space for t in doc]`` (do not mutate)."""
    return memo(doc, "is_word", lambda: (_space_flags(doc) == 0).tolist())


def words_in(doc, start: int, end: int) -> list[str]:
    """Lower-cased non-space token texts of tokens [start, end)."""
    return list(compress(lowers(doc)[start:end], is_word(doc)[start:end]))


def word_set(doc, start: int, end: int) -> set[str]:
    """``set(words_in(doc, start, end))``."""
    return set(compress(lowers(doc)[start:end], is_word(doc)[start:end]))


# --- token predicates, decided once per distinct string --------------------------

# Every distinct string of an attribute seen so far, in the order first seen
# (attribute -> (list, set)): each document adds its new strings once, and a
# predicate is asked about the strings added since it last ran, instead of each
# call working out which of the document's strings its answers lack.
_SEEN: dict[str, tuple[list[str], set[str]]] = {"ORTH": ([], set()), "LOWER": ([], set())}

# (attribute, predicate name) -> [how many strings of _SEEN[attribute] it has
# answered, the set of those answered True]. The predicates are pure, so an
# answer holds for every document.
_ANSWERS: dict[tuple[str, str], list] = {}
_ATTR_STRINGS = {"ORTH": texts, "LOWER": lowers}


def _distinct(doc, attr: str) -> frozenset:
    """The distinct ``attr`` strings of ``doc``, after adding the new ones to ``_SEEN``."""
    def make():
        distinct = frozenset(_ATTR_STRINGS[attr](doc))
        seen, seen_set = _SEEN[attr]
        new = distinct.difference(seen_set)
        seen.extend(new)  # (the order is only that of the questions, never of an answer)
        seen_set.update(new)
        return distinct
    return memo(doc, "distinct:" + attr, make)


def words_where(doc, attr: str, name: str, pred) -> list[int]:
    """Positions ``k`` in ``non_space(doc)`` of the non-space tokens whose ``attr``
    string (``"ORTH"``: text, ``"LOWER"``: lower-case text) satisfies ``pred``.

    ``pred`` is asked once per distinct string ever seen, not once per token;
    ``name`` keys its answers (one name, one predicate). The document's strings
    that are a yes are then looked up in a per-document table of positions
    (a list comprehension over every token cost several times more)."""
    if not len(doc):
        return []
    entry = _ANSWERS.get((attr, name))
    if entry is None:
        entry = _ANSWERS[(attr, name)] = [0, set()]
    distinct = _distinct(doc, attr)
    seen = _SEEN[attr][0]
    if entry[0] < len(seen):
        entry[1].update(w for w in seen[entry[0]:] if pred(w))
        entry[0] = len(seen)
    hits = distinct.intersection(entry[1])
    if not hits:
        return []  # none of the document's strings is one (trigger words are rare)
    at = _positions(doc, attr)  # (a string of whitespace tokens only has no positions)
    if len(hits) == 1:
        return list(at.get(next(iter(hits)), ()))
    return sorted([k for w in hits for k in at.get(w, ())])


def _positions(doc, attr: str) -> dict[str, list[int]]:
    """``attr`` string -> its positions ``k`` in ``non_space(doc)``, ascending."""
    def make():
        out: dict[str, list[int]] = {}
        strings = _ATTR_STRINGS[attr](doc)
        for k, i in enumerate(non_space(doc)):
            out.setdefault(strings[i], []).append(k)
        return out
    return memo(doc, "positions:" + attr, make)
