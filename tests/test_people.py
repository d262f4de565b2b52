"""kg.extract.people and kg.extract.document: offices with jurisdiction, signatories, motions."""

import pytest

from kg.model import Ref
from kg.nlp import make_pipeline
from extracting import read_people


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def read(nlp, text):
    return read_people(nlp, text)


def facts(ctx, pred):
    return [(f.subject, f.object.key) for f in ctx.extraction.facts if f.predicate == pred]


def test_office_from_adjective(nlp):
    ctx = read(nlp, "In Oslo ontving de Noorse minister van Defensie Frank Bakke-Jensen zijn collega's.")
    assert facts(ctx, "kg:holdsOffice") == [("person/bakke-jensen", "office/minister-van-defensie-no")]
    assert facts(ctx, "kg:jurisdiction") == [("office/minister-van-defensie-no", "country/noorwegen")]
    office = ctx.extraction.entities["office/minister-van-defensie-no"]
    assert office.cls == "Office" and not office.mentioned
    assert "minister van Defensie" in office.label + "|".join(office.alt_labels)
    ev = ctx.extraction.facts[-1].evidence
    assert ev.sentence == ctx.clean.source.text[ev.start:ev.end] and "Bakke-Jensen" in ev.sentence
    assert ctx.extraction.entities["person/bakke-jensen"].cls == "Minister"


def test_unqualified_prime_minister_is_dutch(nlp):
    ctx = read(nlp, "Minister-president Balkenende sprak in Boekarest met de bondgenoten.")
    assert facts(ctx, "kg:holdsOffice") == [("person/balkenende", "office/minister-president-nl")]
    nl = ctx.extraction.entities["country/nederland"]
    assert nl.label == "Nederland" and not nl.mentioned  # jurisdiction node, not a mention


def test_default_not_used_for_person_placed_elsewhere(nlp):
    ctx = read(nlp, "De Litouwse minister van Buitenlandse Zaken Gabrielius Landsbergis sprak. "
                    "Later gaf minister van Buitenlandse Zaken Landsbergis een toelichting.")
    assert facts(ctx, "kg:jurisdiction") == [("office/minister-van-buitenlandse-zaken-lt", "country/litouwen")]


def test_secretary_general_defaults_to_nato(nlp):
    ctx = read(nlp, "Secretaris-generaal Javier Solana opende de vergadering.")
    assert facts(ctx, "kg:jurisdiction") == [("office/secretaris-generaal-navo", "organisation/navo")]


def test_signatories_and_their_offices(nlp):
    text = ("Hierbij bieden wij u het verslag aan.\n\nDe minister van Buitenlandse Zaken,\nP.Q. Smit\n\n"
            "De minister van Defensie,\nR. de Boer\n\nIn de werksessie sprak men over de motie Boswijk c.s.")
    ctx = read(nlp, text)
    doc_key = ctx.extraction.doc_key
    assert facts(ctx, "kg:signatory") == [(doc_key, "person/smit"), (doc_key, "person/de-boer")]
    assert ("person/de-boer", "office/minister-van-defensie-nl") in facts(ctx, "kg:holdsOffice")
    assert facts(ctx, "kg:cites") == [(doc_key, "motion/boswijk")]
    assert all(isinstance(f.object, Ref) and f.evidence for f in ctx.extraction.facts)
