"""Tokenizer kg_tokenizer: spaCy's Dutch tokenizer with a cache that works,
exceptions added when a text needs them, and a bounded suffix search.

spaCy's ``Tokenizer`` caches the tokens of every whitespace-delimited chunk,
but stops *saving* to that cache for the rest of a text once one special case
(tokenizer exception) was used in it. The Dutch rules make a line break
(``"\\n"``) a special case, so after a letter's first line nothing was cached
and every word went through the prefix/suffix/infix regexes again: the
tokenizer was the slowest stage of the pipeline.

``WarmTokenizer`` first tokenises each chunk of a text it has not seen before
on its own (where no earlier special case blocks the saving), then the whole
text as spaCy always does, which now finds nearly every chunk in the cache.
The tokens are the same: a chunk's tokens never depend on the text around it,
the cache stores exactly what tokenising the chunk gives, and the pass that
applies multi-token special cases still runs over the whole text.

Adding all ~4,700 Dutch exceptions took 0.6 s of every start-up. The tokenizer
adds an exception only before the first text it could affect
(``kg.nlp.components.exceptions`` says which), so the tokens are those of the
full table; ``rules`` is still the full table.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.tokenizer import Tokenizer
from spacy import util
from spacy.util import registry

from kg.nlp.components import exceptions
from kg.nlp.components.docindex import remember_text

# spaCy's default keeps 10,000 chunks; a corpus of letters has more distinct words.
# An entry is a few dozen bytes.
CACHE_SIZE = 200_000

# spaCy's tokenizer peels prefixes one at a time and, after each, runs the
# ``...$`` suffix regex over the whole rest of the chunk: a long run of
# punctuation without spaces (``"(" * 8000``) took tens of seconds. Searching only
# the last _TAIL characters finds the same match: every suffix alternative but
# ``\.\.+$`` is at most a few characters, and when a match begins right at the
# window's edge (a long dot run) the whole chunk is searched as before.
_TAIL = 256


def tail_suffix_search(search):
    """Wrap a compiled suffix regex's ``search`` so it scans only the end of long
    strings (same matches; ``__wrapped__`` is the original)."""
    pattern = getattr(search, "__self__", None)
    if not isinstance(pattern, re.Pattern):
        return search

    def suffix_search(string: str):
        pos = len(string) - _TAIL
        if pos <= 0:
            return pattern.search(string)
        m = pattern.search(string, pos)  # lookbehinds still see the text before pos
        if m is not None and m.start() == pos:
            return pattern.search(string)
        return m

    suffix_search.__wrapped__ = search
    suffix_search.__self__ = pattern  # how spaCy's to_bytes finds the regex
    return suffix_search


class WarmTokenizer(Tokenizer):
    """A spaCy ``Tokenizer`` that fills its chunk cache before tokenising a text
    and adds tokenizer exceptions as texts need them."""

    _index: exceptions.ExceptionIndex | None = None  # None: every exception is added
    _adding = False  # adding exceptions a text needs: the cache stays valid

    def __init__(self, vocab, rules=None, *args, **kwargs):
        self._table: dict = {}  # every exception, added or not (``rules``)
        self._pending: set[str] = set()  # exceptions not added yet
        super().__init__(vocab, None, *args, **kwargs)
        self.max_cache_size = CACHE_SIZE
        self._seen: set[str] = set()  # chunks handed to the cache (or that cannot be cached)
        self._rule_set: frozenset[str] | None = None  # the special cases' strings, made when needed
        self.rules = rules

    @property
    def rules(self):
        """The tokenizer exceptions, including those not added yet."""
        return self._table

    @rules.setter
    def rules(self, rules):
        table = dict(rules or {})
        self._table = table
        self._index = index = exceptions.load_index(self, table)
        self._pending = set(table).difference(index.always) if index else set()
        if index is not None:
            table = {r: table[r] for r in index.always}
        Tokenizer.rules.__set__(self, table)

    def add_special_case(self, string, substrings):
        substrings = list(substrings)
        Tokenizer.add_special_case(self, string, substrings)
        self._table[string] = substrings
        self._pending.discard(string)

    def _reload_special_cases(self):
        # An affix or match rule changed, so the shipped table of where exceptions
        # split no longer describes this tokenizer: add them all, as spaCy does.
        pending, self._pending, self._index = self._pending, set(), None
        super()._reload_special_cases()
        self._load_special_cases({r: self._table[r] for r in pending})

    def _flush_cache(self):
        # Called by spaCy when rules or affix patterns change (once per special case
        # while they are loaded): the cache is empty again. Not for an exception a
        # text needs (_add_needed): no chunk tokenised before contains it.
        if self._adding:
            return
        self._seen = set()
        self._rule_set = None
        super()._flush_cache()

    def to_bytes(self, **kwargs):
        """spaCy's ``to_bytes``, after adding every exception (spaCy writes those added)."""
        self._add(set(self._pending))
        return super().to_bytes(**kwargs)

    def __call__(self, text: str):
        seen, lazy = self._seen, self._index is not None
        warm = len(seen) < self.max_cache_size
        if warm or lazy:
            new = set(text.split()).difference(seen)  # str.split and spaCy agree on what is space
            if lazy:
                self._add_needed(text, new)
            if new and warm:
                self._warm(new)
                seen.update(new)
        doc = Tokenizer.__call__(self, text)
        remember_text(doc, text)  # doc.text == text: kg.nlp.components.docindex.text need not join it
        return doc

    def _add_needed(self, text: str, chunks: set[str]) -> None:
        """Add the exceptions that can affect ``text`` whose ``chunks`` were not
        looked at before. A chunk seen before was tokenised with every exception
        inside it already added, so no cached tokens change."""
        index = self._index
        need = index.in_chunks(chunks) if chunks else set()
        need.update(index.across_spaces(text))
        self._add(need.intersection(self._pending))

    def _add(self, rules: set[str]) -> None:
        if not rules:
            return
        self._pending.difference_update(rules)
        table = self._table
        self._adding = True
        try:
            for r in sorted(rules):  # spaCy's order
                Tokenizer.add_special_case(self, r, table[r])
        finally:
            self._adding = False
        if not self._pending:
            self._index = None

    def _warm(self, chunks) -> None:
        if self._rule_set is None:
            self._rule_set = frozenset(self.rules or ())
        call, rules = Tokenizer.__call__, self._rule_set
        # Plain words (and a word with one trailing mark, ``NAVO.``) use no special
        # case, so one call saves them all; any other chunk is tokenised alone, as a
        # special case inside it stops the saving for what follows it.
        plain, other = [], []
        for c in chunks:
            if c.isalnum() or (c[:-1].isalnum() and c not in rules):
                plain.append(c)
            else:
                other.append(c)
        if plain:
            call(self, " ".join(plain))
        for c in other:
            call(self, c)


_NOT_ABBREVIATIONS = frozenset(json.loads(Path(__file__).with_name("tokenizer.json").read_text(encoding="utf-8"))
                               ["not_abbreviations"])


def _acronym_stop(key: str) -> bool:
    """``CAP.``, ``VS.``: spaCy's upper-case copy of a lower-case abbreviation (``cap.``). In
    this genre an upper-case word before a full stop is an acronym that ends a sentence."""
    return len(key) > 2 and key.endswith(".") and key[:-1].isalpha() and key[:-1].isupper()


def genre_exceptions(rules: dict) -> dict:
    """spaCy's exceptions less the words of this genre that only look like
    abbreviations (``top.``: "de NAVO-top. Minister X ..." is two sentences)."""
    return {k: v for k, v in rules.items() if k not in _NOT_ABBREVIATIONS and not _acronym_stop(k)}


@registry.tokenizers("kg_tokenizer")
def create_tokenizer():
    """spaCy's default tokenizer factory, building a :class:`WarmTokenizer`
    whose suffix search looks at the end of long chunks only."""
    def make(nlp):
        d = nlp.Defaults
        suffix_search = util.compile_suffix_regex(d.suffixes).search if d.suffixes else None
        return WarmTokenizer(
            nlp.vocab,
            rules=genre_exceptions(d.tokenizer_exceptions),
            prefix_search=util.compile_prefix_regex(d.prefixes).search if d.prefixes else None,
            suffix_search=tail_suffix_search(suffix_search),
            infix_finditer=util.compile_infix_regex(d.infixes).finditer if d.infixes else None,
            token_match=d.token_match,
            url_match=d.url_match,
        )
    return make
