"""The per-doc indexes (kg.nlp.components.docindex) answer exactly what spaCy does,
and the tokenizer no longer takes quadratic time on long punctuation runs."""
from __future__ import annotations

import time

import pytest
import spacy

from kg.nlp import make_pipeline
from kg.nlp.components import docindex as dx
from kg.nlp.spans import mentions

TEXT = (
    "Geachte Voorzitter,\n\n"
    "Op 3 en 4 april 2019 vond in Washington de bijeenkomst van de NAVO-ministers van "
    "Buitenlandse Zaken plaats. Minister Blok nam deel namens Nederland.\n\n"
    "Noorwegen levert EUR 12 miljoen aan het Comprehensive Assistance Package (CAP). "
    "Tijdens deze Top spraken de bondgenoten over de Oost-\nflank; ook Finland en "
    "Zweden waren aanwezig.\n\nDe Minister van Defensie,\nA.B. de Wit\n"
)


@pytest.fixture(scope="module")
def doc():
    return make_pipeline()(TEXT)


def test_sentences_match_spacy(doc):
    assert [(s.start, s.end) for s in dx.sents(doc)] == [(s.start, s.end) for s in doc.sents]


def test_sent_of_matches_span_sent_for_tokens_and_spans(doc):
    for tok in doc:
        want = tok.sent
        got = dx.sent_of(doc, tok)
        assert (got.start, got.end) == (want.start, want.end)
        assert dx.sent_bounds(doc, tok.i) == (want.start, want.end)
    for i in range(0, len(doc) - 6, 3):  # spans crossing sentence boundaries too
        span = doc[i:i + 6]
        assert (dx.sent_of(doc, span).start, dx.sent_of(doc, span).end) == (span.sent.start, span.sent.end)


def test_token_arrays_match_token_attributes(doc):
    assert dx.texts(doc) == [t.text for t in doc]
    assert dx.lowers(doc) == [t.lower_ for t in doc]
    assert dx.spaces(doc) == [t.is_space for t in doc]
    assert dx.non_space(doc) == [t.i for t in doc if not t.is_space]
    assert dx.text(doc) == doc.text
    for s in doc.sents:
        assert dx.span_text(doc, s) == s.text


def test_mentions_cached_but_refreshed_when_spans_are_added(doc):
    assert [(s.start, s.end, s.kb_id_) for s in dx.mentions(doc)] == \
        [(s.start, s.end, s.kb_id_) for s in mentions(doc)]
    before = len(dx.mentions(doc))
    doc.spans["kg"].append(doc[0:1])
    assert len(dx.mentions(doc)) == before + 1
    doc.spans["kg"] = list(doc.spans["kg"])[:-1]


def test_a_new_doc_is_not_answered_from_the_previous_one(doc):
    other = make_pipeline()("Kort bericht. Over Portugal.")
    assert dx.texts(other) == [t.text for t in other]
    assert len(dx.sents(other)) == 2


def test_long_punctuation_run_tokenizes_fast_and_like_spacy():
    nlp = make_pipeline()
    t = time.perf_counter()
    doc = nlp.make_doc("(" * 8000)
    assert time.perf_counter() - t < 8  # was ~40 s: quadratic suffix search
    assert len(doc) == 8000


@pytest.mark.parametrize("text", [
    "." * 600 + "x", "x" + "." * 700, "(" * 300 + "kosten." + ")" * 300,
    "3" + "." * 400, "12km" + ")" * 400, "Zie www.voorbeeld.nl/" + "a" * 500 + ").",
])
def test_tail_suffix_search_gives_spacys_tokens(text):
    plain = spacy.blank("nl")
    assert [t.text for t in make_pipeline().make_doc(text)] == [t.text for t in plain.make_doc(text)]


def test_words_where_and_compact_columns_match_the_tokens(doc):
    from kg.nlp.components.fold import compact_tokens

    ns = dx.non_space(doc)
    for attr, get in (("ORTH", lambda t: t.text), ("LOWER", lambda t: t.lower_)):
        want = [k for k, i in enumerate(ns) if get(doc[i])[:1].isupper() or "-" in get(doc[i])]
        assert dx.words_where(doc, attr, "test." + attr, lambda s: s[:1].isupper() or "-" in s) == want
    words = compact_tokens(doc)
    assert list(words) == [words[i] for i in range(len(words))] == words[:]
    assert [w.text for w in words] == words.texts and [w.norm for w in words] == words.norms
    assert all(doc[w.start].text == w.text for w in words if w.end - w.start == 1)


def test_mentions_added_one_by_one_keep_the_sorted_order():
    from kg.nlp.spans import add_mention

    d = make_pipeline().make_doc("een twee drie vier vijf zes zeven acht negen tien")
    for start, end, label in [(3, 5, "B"), (0, 2, "A"), (3, 5, "A"), (3, 4, "C"), (1, 6, "A"), (3, 5, "B")]:
        add_mention(d, start, end, label, "k/" + label)
        got = [(s.start, s.end, s.label_) for s in dx.mentions(d)]
        assert got == [(s.start, s.end, s.label_) for s in mentions(d)]
