"""Signature blocks whose signer carries academic titles before the initials (``drs.``,
``mr. dr.``, ``Prof.dr.ir.``): the titles never hide the signatory, nor join the name.
Sentences are our own."""

import pytest

from kg.nlp import make_pipeline
from extracting import read_people


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def facts(ctx, pred):
    return sorted((f.subject, f.object.key) for f in ctx.extraction.facts if f.predicate == pred)


def test_academic_titles_before_a_signers_initials(nlp):
    text = ("Wij hopen uw Kamer hiermee voldoende te hebben geïnformeerd.\n\n"
            "De minister van Defensie,\ndrs. P.J. Veenstra\n\n"
            "De staatssecretaris van Buitenlandse Zaken,\nmr. dr. A.M. van Dalen\n")
    ctx = read_people(nlp, text)
    doc = ctx.extraction.doc_key
    assert facts(ctx, "kg:signatory") == [(doc, "person/van-dalen"), (doc, "person/veenstra")]
    offices = facts(ctx, "kg:holdsOffice")
    assert ("person/veenstra", "office/minister-van-defensie-nl") in offices
    assert ctx.extraction.entities["person/veenstra"].cls == "Minister"
    assert ctx.extraction.entities["person/veenstra"].label == "P.J. Veenstra"


def test_glued_titles_with_a_split_final_dot(nlp):
    text = ("Met vriendelijke groet,\n\n"
            "De minister van Buitenlandse Zaken,\nProf.dr.ir. H.C. Meijers\n")
    ctx = read_people(nlp, text)
    doc = ctx.extraction.doc_key
    assert facts(ctx, "kg:signatory") == [(doc, "person/meijers")]
    assert ("person/meijers", "office/minister-van-buitenlandse-zaken-nl") in facts(ctx, "kg:holdsOffice")
    assert ctx.extraction.entities["person/meijers"].label == "H.C. Meijers"
