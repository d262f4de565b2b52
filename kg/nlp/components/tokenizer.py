"""Tokenizer kg_tokenizer: spaCy's Dutch tokenizer with a cache that works.

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
"""
from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy import util
from spacy.util import registry

from kg.nlp.components.docindex import remember_text

# spaCy's default keeps 10,000 chunks; a corpus of letters has more distinct words.
# An entry is a few dozen bytes.
CACHE_SIZE = 200_000


class WarmTokenizer(Tokenizer):
    """A spaCy ``Tokenizer`` that fills its chunk cache before tokenising a text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_cache_size = CACHE_SIZE
        self._seen: set[str] = set()  # chunks handed to the cache (or that cannot be cached)
        self._rule_set: frozenset[str] | None = None  # the special cases' strings, made when needed

    def _flush_cache(self):
        # Called by spaCy when rules or affix patterns change (once per special case
        # while they are loaded): the cache is empty again.
        self._seen = set()
        self._rule_set = None
        super()._flush_cache()

    def __call__(self, text: str):
        seen = self._seen
        if len(seen) < self.max_cache_size:
            new = set(text.split()).difference(seen)  # str.split and spaCy agree on what is space
            if new:
                self._warm(new)
                seen.update(new)
        doc = Tokenizer.__call__(self, text)
        remember_text(doc, text)  # doc.text == text: kg.nlp.components.docindex.text need not join it
        return doc

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


@registry.tokenizers("kg_tokenizer")
def create_tokenizer():
    """spaCy's default tokenizer factory, building a :class:`WarmTokenizer`."""
    def make(nlp):
        d = nlp.Defaults
        return WarmTokenizer(
            nlp.vocab,
            rules=d.tokenizer_exceptions,
            prefix_search=util.compile_prefix_regex(d.prefixes).search if d.prefixes else None,
            suffix_search=util.compile_suffix_regex(d.suffixes).search if d.suffixes else None,
            infix_finditer=util.compile_infix_regex(d.infixes).finditer if d.infixes else None,
            token_match=d.token_match,
            url_match=d.url_match,
        )
    return make
