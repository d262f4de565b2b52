"""Component kg_sentencizer: spaCy's rule-based sentencizer without a Token per word.

spaCy's ``Sentencizer`` walks the Doc token by token in Python. This one gives
the same sentence starts from two token arrays. spaCy's rule: a token opens a
sentence when a sentence-final mark (``punct_chars``) was seen since the
last opening and the token is neither punctuation nor such a mark. Equivalently,
token ``i`` of that kind opens a sentence when the last mark before it comes
after the last token of that kind before it; token 0 always opens one.
One addition: a paragraph break (a ``"\n\n"`` token) counts as such a mark.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IS_PUNCT, ORTH
from spacy.language import Language
from spacy.pipeline import Sentencizer


PARAGRAPH = "\n\n"  # the clean text's paragraph break (kg.clean collapses longer runs)
BULLETS = frozenset("•-–*·▪")
FUNCTION_WORDS = frozenset(("de", "het", "een", "van", "en", "voor", "in", "op", "tot", "te", "met", "aan", "over",
                            "bij", "der", "den", "naar", "om", "uit", "of", "die", "dat"))
_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.)+$")
# Amount abbreviations the tokenizer keeps with their full stop ("€ 18 mln."): that stop
# also ends the sentence when a capitalised word follows ("... mln. Daarnaast ...").
AMOUNT_ABBREVIATIONS = ("mln.", "mld.", "mrd.")


class ArraySentencizer(Sentencizer):
    """spaCy's ``Sentencizer`` with an array ``predict``; a blank line also ends a sentence."""

    def _mark_hashes(self, strings):
        """The ORTH hashes of ``punct_chars`` (recomputed if that set is replaced)."""
        cached = getattr(self, "_marks", None)
        if cached is None or cached[0] is not self.punct_chars:
            cached = self._marks = (self.punct_chars, numpy.array(
                [strings.as_int(c) for c in self.punct_chars], dtype=numpy.uint64))
        return cached[1]

    def predict(self, docs):
        return [self._predict_doc(doc) for doc in docs]

    def _predict_doc(self, doc) -> list[bool]:
        n = len(doc)
        if not n:
            return []
        arr = doc.to_array([ORTH, IS_PUNCT])
        is_mark = numpy.isin(arr[:, 0], self._mark_hashes(doc.vocab.strings))
        plain = (arr[:, 1] == 0) & ~is_mark  # neither punctuation nor a mark
        idx = numpy.arange(n, dtype=numpy.int64)
        last_mark = numpy.maximum.accumulate(numpy.where(is_mark, idx, -1))
        last_plain = numpy.maximum.accumulate(numpy.where(plain, idx, -1))
        opens = numpy.zeros(n, dtype=bool)
        opens[1:] = plain[1:] & (last_mark[:-1] > last_plain[:-1])
        opens[0] = True
        # A blank line ends a sentence too: a heading, a title or a date line has no full
        # stop, and would otherwise run into the sentence below it (the cleaner has
        # already joined the paragraphs a page break cut). The first plain token after
        # a paragraph break that opens nothing opens a sentence.
        # Not inside a list: the items after "…zijn aangenomen:" and "• item" lines stay one sentence.
        breaks = numpy.flatnonzero(arr[:, 0] == doc.vocab.strings.as_int(PARAGRAPH))
        plain_at = numpy.flatnonzero(plain) if len(breaks) else None  # searched, not rescanned per break
        for i in breaks:
            if opens[i] or i + 1 >= n or doc[i + 1].text in BULLETS or i and doc[i - 1].text == ":":
                continue
            k = numpy.searchsorted(plain_at, i + 1)  # the first plain token after the break
            if k < len(plain_at):
                opens[plain_at[k]] = True
        # "… geraamd op € 45,1 mln. Daarnaast …": the abbreviation's stop ends the sentence
        # before a capitalised word (an amount's scale is never followed by a name).
        abbr = numpy.isin(arr[:, 0], numpy.array([doc.vocab.strings.as_int(a) for a in AMOUNT_ABBREVIATIONS],
                                                 dtype=numpy.uint64))
        for i in numpy.flatnonzero(abbr[:-1]):
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n and plain[j] and doc[j].text[:1].isupper():
                opens[j] = True
        # A line kept apart by the cleaner that ends in a word (a heading, "Steun aan Oekraïne")
        # before a line that opens with a capital: the heading is a sentence of its own. Not
        # before initials (a signature's name under its office) or after a function word.
        for i in numpy.flatnonzero(arr[:, 0] == doc.vocab.strings.as_int("\n")):
            if opens[i] or not 0 < i < n - 1 or opens[i + 1]:
                continue
            prev, nxt = doc[i - 1], doc[i + 1]
            if prev.is_alpha and prev.lower_ not in FUNCTION_WORDS and nxt.text[:1].isupper() and \
                    nxt.is_alpha and not _INITIALS.match(nxt.text):
                opens[i + 1] = True
        return opens.tolist()


@Language.factory("kg_sentencizer", default_config={"punct_chars": None, "overwrite": False})
def make_sentencizer(nlp, name, punct_chars, overwrite):
    """Factory for :class:`ArraySentencizer` (the settings of spaCy's ``sentencizer``)."""
    return ArraySentencizer(name, punct_chars=punct_chars, overwrite=overwrite)
