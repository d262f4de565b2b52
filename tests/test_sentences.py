"""kg_sentencizer: spaCy's punctuation rule, and a blank line ends a sentence."""
from __future__ import annotations

import pytest

from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_heading_without_full_stop_is_a_sentence_of_its_own(nlp):
    text = "Steun aan Georgië\n\nDe ministers spraken over de oefening. Zij besloten niets.\n"
    assert sentences(nlp, text) == ["Steun aan Georgië", "De ministers spraken over de oefening.", "Zij besloten niets."]


def test_a_title_and_a_date_line_do_not_run_into_the_first_sentence(nlp):
    text = "Minister naar Oslo\n\nNieuwsbericht | 02-06-2031\n\nDe minister reist morgen af naar Oslo.\n"
    assert sentences(nlp, text) == ["Minister naar Oslo", "Nieuwsbericht | 02-06-2031",
                                    "De minister reist morgen af naar Oslo."]


def test_a_single_line_break_still_joins(nlp):
    # a signature block and a wrapped line are no sentence break
    assert sentences(nlp, "De Minister van Defensie,\nP. Jansen") == ["De Minister van Defensie,\nP. Jansen"]


def test_a_list_of_items_stays_with_the_sentence_that_opens_it(nlp):
    text = "Op de top zijn drie verklaringen aangenomen:\n\n• Verklaring over Oslo\n\n• Verklaring over Riga\n"
    assert len(sentences(nlp, text)) == 1


def test_a_heading_on_its_own_line_is_a_sentence(nlp):
    assert sentences(nlp, "Steun aan Georgië\nDe ministers spraken over de oefening.") == \
        ["Steun aan Georgië", "De ministers spraken over de oefening."]
    # a name under its office is no new sentence
    assert len(sentences(nlp, "De Minister van Defensie\nP.J. Jansen")) == 1
