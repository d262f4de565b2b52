"""kg_tokenizer: spaCy's Dutch tokenizer with a chunk cache that keeps working.

The tokens must be exactly those of ``spacy.blank("nl")``'s tokenizer, for any
text and whatever was tokenised before (the cache is filled from earlier texts).
"""
from __future__ import annotations

from pathlib import Path

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.nlp import make_pipeline
from kg.nlp.components import docindex
from kg.nlp.components.tokenizer import WarmTokenizer

REPO = Path(__file__).resolve().parents[1]
_PLAIN = spacy.blank("nl").tokenizer


def _tokens(tokenizer, text: str) -> list[tuple]:
    return [(t.text, t.whitespace_, t.idx, t.norm_) for t in tokenizer(text)]


def test_pipeline_uses_warm_tokenizer():
    assert isinstance(make_pipeline().tokenizer, WarmTokenizer)


def test_same_tokens_as_spacy_on_letters():
    tok = make_pipeline().tokenizer
    for path in sorted((REPO / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for _ in range(2):  # cold, then from the cache
            assert _tokens(tok, text) == _tokens(_PLAIN, text)


PIECES = st.sampled_from(["bijv.", "o.a.", "a.s.", "(bijv.", "nr.", "zo'n", "'s", ":)", "NAVO.", "NAVO-top",
                          "2024,", "(DIP)", "e-mail", "http://x.nl/a?b=1", "\n", "\n\n", " ", "  ", "\t",
                          "\xa0", ".", ",", "(", ")", "-", "–", "Rutte", "de", "1.000", "€"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=40))
def test_same_tokens_as_spacy_on_any_text(parts):
    text = "".join(parts)
    tok = make_pipeline().tokenizer
    assert _tokens(tok, text) == _tokens(_PLAIN, text)
    doc = tok(text)
    assert docindex.text(doc) == doc.text == text  # the text the tokenizer remembered
    assert _tokens(tok, text) == _tokens(_PLAIN, text)
