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


@pytest.mark.parametrize("sentence", [
    "De missie valt onder bevel van de Supreme Allied Commander Europe (SACEUR), de Britse generaal R.J. Hamblin.",
    "Tijdens het werkbezoek sprak de minister met SACEUR generaal Rupert Hamblin over de oefening.",
    "De eenheden worden ter beschikking gesteld van SACEUR, admiraal Rupert Hamblin.",
])
def test_a_rank_between_saceur_and_the_name_keeps_the_holder(nlp, sentence):
    ctx = read_people(nlp, sentence)
    assert ("person/hamblin", "office/supreme-allied-commander-europe-navo") in facts(ctx, "kg:holdsOffice")


def test_the_rank_keeps_its_own_nationality(nlp):
    ctx = read_people(nlp, "De missie valt onder bevel van SACEUR, de Britse generaal Rupert Hamblin.")
    offices = facts(ctx, "kg:holdsOffice")
    assert ("person/hamblin", "office/generaal-gb") in offices or any(
        p == "person/hamblin" and o.startswith("office/generaal-") for p, o in offices)
    assert ("person/hamblin", "office/supreme-allied-commander-europe-navo") in offices


def test_a_ministers_enumeration_with_a_general_is_no_apposition(nlp):
    ctx = read_people(nlp, "Aanwezig waren de minister van Defensie, de Amerikaanse generaal Rupert Hamblin en "
                           "de ambassadeur.")
    assert ("person/hamblin", "office/minister-van-defensie-nl") not in facts(ctx, "kg:holdsOffice")
