"""kg_tokenizer: spaCy's Dutch tokenizer with a chunk cache that keeps working.

The tokens must be exactly those of ``spacy.blank("nl")``'s tokenizer with the
same exception table (spaCy's, less the genre's words that only look like
abbreviations), for any text and whatever was tokenised before (the cache is
filled from earlier texts).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.nlp import make_pipeline
from kg.nlp.components import docindex
from kg.nlp.components.tokenizer import WarmTokenizer, genre_exceptions

REPO = Path(__file__).resolve().parents[1]
_PLAIN = spacy.blank("nl").tokenizer
_PLAIN.rules = genre_exceptions(_PLAIN.rules)


def test_a_summit_at_the_end_of_a_sentence_ends_it():
    """spaCy's Dutch table has ``top.`` as an abbreviation; in these letters it is the summit."""
    doc = make_pipeline()("Nederland was aanwezig op de NAVO-top. Minister Brekelmans sprak met zijn collega's. "
                          "Bondgenoten spraken af dat o.a. Zweden deelneemt aan de top.")
    assert [t.text for t in doc][5:7] == ["NAVO-top", "."]
    assert [s.text for s in doc.sents][:2] == ["Nederland was aanwezig op de NAVO-top.",
                                              "Minister Brekelmans sprak met zijn collega's."]
    assert "o.a." in [t.text for t in doc]  # a real abbreviation stays one token


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


# --- exceptions added when a text needs them (kg.nlp.components.exceptions) ----

import json  # noqa: E402

from kg.nlp.components import exceptions  # noqa: E402
from kg.nlp.components.exceptions import ExceptionIndex  # noqa: E402

_RULES = sorted(_PLAIN.rules)
_CUTS = json.loads(exceptions.DATA.read_text(encoding="utf-8"))["cuts"]
ABBREVIATIONS = ("Zie o.a. blz. 3, d.w.z. mr. Jansen (jl. 2031), m.b.t. art. 5 e.a.; vgl. nr. 12 "
                 "v.Chr. (o.a.) o.a . d.w.z.) ca. 20 mln. t.a.v. bijv. :-) 't m'n")


def _fresh():
    """A new kg_tokenizer with its own vocab: no exceptions added but the few always added."""
    return spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": "kg_tokenizer"}}}).tokenizer


def _eager():
    """A kg_tokenizer with every exception added (what a changed affix rule does)."""
    tok = _fresh()
    tok.infix_finditer = tok.infix_finditer
    assert not tok._pending and tok._index is None
    return tok


SHIPPED = exceptions.DATA  # the committed table (the fixture below may point DATA elsewhere)


def _shipped_key() -> str:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))["key"]


@pytest.fixture(scope="module", autouse=True)
def _table_for_the_installed_spacy(tmp_path_factory):
    """Another spaCy release than the shipped table's (a patch upgrade): the
    tokenizer then adds every exception at start-up, slow but right. Test the
    lazy mechanism on a table made for the installed spaCy instead."""
    tok = _eager()
    if exceptions.table_key(tok, tok.rules) == _shipped_key():
        yield
        return
    table = tmp_path_factory.mktemp("tokenizer") / "exceptions.json"
    exceptions.write_table(tok, tok.rules, table)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(exceptions, "DATA", table)
        yield


def test_the_shipped_table_is_that_of_the_installed_spacy():
    if exceptions.DATA != SHIPPED:
        pytest.skip("kg/nlp/components/exceptions.json was made for another spaCy release: "
                    "run python scripts/make_tokenizer_table.py (until then start-up adds every exception)")
    tok = _fresh()
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert data["key"] == exceptions.table_key(tok, tok.rules)
    assert data["cuts"] == exceptions.affix_cuts(tok, tok.rules)
    assert tok._index is not None and len(tok._pending) > 4000  # lazy: start-up does not add them


def test_exceptions_added_lazily_give_the_eager_tokens():
    lazy, eager = _fresh(), _eager()
    before = len(lazy._pending)
    for _ in range(2):
        assert _tokens(lazy, ABBREVIATIONS) == _tokens(eager, ABBREVIATIONS) == _tokens(_PLAIN, ABBREVIATIONS)
    assert 10 < before - len(lazy._pending) < 60  # only what the text needs
    assert lazy.rules == eager.rules == _PLAIN.rules  # the whole table, added or not


# Texts where an exception's affix tokens match across a space (``( *_*)``):
# spaCy does not apply that match, but it blocks an overlapping one (``:(``).
ACROSS_SPACES = ["ChrRev.b.séc.soc.ed:( *_*)'HANDELSREG.W.", ":De(’(._. )ann.ét.eur .Pensioenverz .",
                 "PRG .-[ => :((M.v.a.", "r.b.d.i .’ChrDe: ():Kadasterw . "]


def test_matches_across_a_space_are_found(monkeypatch):
    for text in ACROSS_SPACES:
        assert _tokens(_fresh(), text) == _tokens(_PLAIN, text)
    # ... and they matter: without that look-up the tokens differ.
    monkeypatch.setattr(ExceptionIndex, "across_spaces", lambda self, text: set())
    assert any(_tokens(_fresh(), text) != _tokens(_PLAIN, text) for text in ACROSS_SPACES)


def _split_at_a_cut(rule: str, i: int) -> str:
    cuts = _CUTS.get(rule)
    return rule[:cuts[i % len(cuts)]] + " " + rule[cuts[i % len(cuts)]:] if cuts else rule


EXCEPTION_PIECES = st.one_of(
    st.sampled_from(_RULES),
    st.builds(_split_at_a_cut, st.sampled_from(sorted(_CUTS)), st.integers(0, 10)),
    st.sampled_from([" ", " ", "  ", "\n", ".", "(", ")", ":", "-", "'", "de", "Chr", "ed", "s"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(EXCEPTION_PIECES, max_size=12))
def test_fresh_lazy_tokenizer_same_tokens_on_exception_heavy_text(parts):
    text = "".join(parts)
    tok = _fresh()
    assert _tokens(tok, text) == _tokens(_PLAIN, text)
    assert _tokens(tok, text + " " + text) == _tokens(_PLAIN, text + " " + text)


def test_serialised_tokenizer_has_every_exception():
    from spacy.tokenizer import Tokenizer

    tok = _fresh()
    tok(ABBREVIATIONS)
    copy = Tokenizer(_PLAIN.vocab).from_bytes(tok.to_bytes())
    assert copy.rules == _PLAIN.rules
    assert _tokens(tok, ABBREVIATIONS) == _tokens(_PLAIN, ABBREVIATIONS)


def test_an_exception_added_from_outside_counts():
    tok = _fresh()
    tok.add_special_case("NAVO-top", [{"ORTH": "NAVO"}, {"ORTH": "-top"}])
    assert [t.text for t in tok("de NAVO-top.")] == ["de", "NAVO", "-top", "."]
    assert tok.rules["NAVO-top"] == [{"ORTH": "NAVO"}, {"ORTH": "-top"}]
