"""kg_persons: office + name, signatures, members, motions, bare surnames."""
import pytest

from kg.nlp import make_pipeline
from kg.nlp.spans import mentions


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def people(doc):
    return {(s.label_, s.kb_id_, s.text) for s in mentions(doc) if s.label_ in ("Person", "Minister", "Motion")}


def offices(doc):
    return [(o.person, o.role, o.jurisdiction) for o in doc.user_data["kg_offices"]]


def test_foreign_minister_with_adjective(nlp):
    doc = nlp("In 2019 sprak de Noorse minister van Defensie Frank Bakke-Jensen met de bondgenoten.")
    assert ("Minister", "person/bakke-jensen", "Frank Bakke-Jensen") in people(doc)
    assert offices(doc) == [("person/bakke-jensen", "minister van Defensie", "country/noorwegen")]


def test_prime_minister_and_president(nlp):
    doc = nlp("De Spaanse premier Pedro Sánchez ontving president Macron in Madrid.")
    got = people(doc)
    assert ("Minister", "person/sanchez", "Pedro Sánchez") in got
    assert ("Person", "person/macron", "Macron") in got
    assert ("person/sanchez", "minister-president", "country/spanje") in offices(doc)


def test_secretary_general_of_organisation(nlp):
    doc = nlp("Daarna sprak de secretaris-generaal van de NAVO Anders Fogh Rasmussen de ministers toe.")
    assert offices(doc) == [("person/fogh-rasmussen", "secretaris-generaal", "organisation/navo")]


def test_compound_office(nlp):
    doc = nlp("Volgens NAVO-secretaris-generaal Jaap de Hoop Scheffer is dat nodig.")
    assert offices(doc) == [("person/de-hoop-scheffer", "secretaris-generaal", "organisation/navo")]


def test_king_with_regnal_number_and_country(nlp):
    doc = nlp("Koningin Margrethe Il van Denemarken is uitgenodigd.")
    assert ("Person", "person/margrethe-ii", "Margrethe Il") in people(doc)
    assert offices(doc) == [("person/margrethe-ii", "koningin", "country/denemarken")]
    assert doc.user_data["kg_entities"]["person/margrethe-ii"]["label"] == "Margrethe II"


def test_parenthesised_acronym_before_name(nlp):
    doc = nlp("Ook de Hoge Vertegenwoordiger van de EU (EU HV) Federica Mogherini was aanwezig.")
    assert ("Person", "person/mogherini", "Federica Mogherini") in people(doc)


def test_signature_blocks(nlp):
    doc = nlp("Hierbij bied ik u het verslag aan.\n\nDe minister van Buitenlandse Zaken,\nA.B. de Vries\n\n"
              "De minister van Defensie,\nJ. K. Jansen\n\nDe bijeenkomst vond plaats.")
    sigs = [(o.person, o.role) for o in doc.user_data["kg_offices"] if o.signature]
    assert sigs == [("person/de-vries", "minister van Buitenlandse Zaken"),
                    ("person/jansen", "minister van Defensie")]


def test_member_and_motions(nlp):
    doc = nlp("Met deze brief geef ik uitvoering aan de motie van het lid Sjoerdsma c.s. en de "
              "motie Van der Graaf. Het lid Omtzigt vroeg ernaar.")
    got = people(doc)
    assert ("Motion", "motion/sjoerdsma", "motie van het lid Sjoerdsma c.s.") in got
    assert ("Motion", "motion/van-der-graaf", "motie Van der Graaf") in got
    assert ("Person", "person/omtzigt", "Omtzigt") in got
    assert doc.user_data["kg_entities"]["motion/sjoerdsma"]["label"] == "motie Sjoerdsma c.s."


def test_numbered_motion(nlp):
    doc = nlp("Motie 21 501-02, nr. 2345 – Boswijk\n\nHierbij reageer ik.")
    assert ("Motion", "motion/boswijk", "Motie 21 501-02, nr. 2345 – Boswijk") in people(doc)


def test_bare_surname_later(nlp):
    doc = nlp("De Litouwse minister van Buitenlandse Zaken Gabrielius Landsbergis was er. "
              "Landsbergis pleitte voor meer steun.")
    spans = [s for s in mentions(doc) if s.kb_id_ == "person/landsbergis"]
    assert [s.text for s in spans] == ["Gabrielius Landsbergis", "Landsbergis"]


def test_no_person_from_function_words_or_places(nlp):
    doc = nlp("De minister van Defensie, Nederland en Duitsland spraken. Volgens de president. Het was "
              "laat. De minister van Defensie zal de Kamer informeren. Het lid van de NAVO Zweden.")
    assert {k for _, k, _ in people(doc)} == set()


def test_name_does_not_run_into_next_line(nlp):
    doc = nlp("De Minister van Defensie,\nC.D. Pietersen\nForeign Ministers Meeting 2019")
    assert {t for _, _, t in people(doc)} == {"C.D. Pietersen"}


def test_speech_verb(nlp):
    doc = nlp("In het rapport zei Kaag al dat de uitgaven stijgen.")
    assert ("Person", "person/kaag", "Kaag") in people(doc)


def test_plural_office_with_name_list(nlp):
    doc = nlp("Hierbij bieden de ministers van Buitenlandse Zaken en Defensie, Smit en De Boer, het verslag aan.")
    assert {(c, k) for c, k, _ in people(doc)} == {("Minister", "person/smit"), ("Minister", "person/de-boer")}
    assert people(nlp("De ministers zullen spreken. De ministers van Defensie kwamen bijeen.")) == set()


def test_honorifics_and_hyphenated_motion(nlp):
    doc = nlp("De heer Solana sprak met mevrouw Ashton over de motie-Knops c.s. en de "
              "motie (33 400-V, nr. 12) van het lid Ten Broeke.")
    got = people(doc)
    assert {("Person", "person/solana", "Solana"), ("Person", "person/ashton", "Ashton"),
            ("Motion", "motion/knops", "motie-Knops c.s."),
            ("Motion", "motion/ten-broeke", "motie (33 400-V, nr. 12) van het lid Ten Broeke")} <= got


def test_letter_address_is_no_person(nlp):
    doc = nlp("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 1 mei 2019\n\nGeachte Voorzitter,")
    assert people(doc) == set()


def test_initials_split_by_tokenizer(nlp):
    doc = nlp("De Minister van Defensie,\nA.Th.B. Bijleveld-Schouten\n")
    assert people(doc) == {("Minister", "person/bijleveld-schouten", "A.Th.B. Bijleveld-Schouten")}
    assert [o.signature for o in doc.user_data["kg_offices"]] == [True]


def test_salutation_is_no_signature(nlp):
    assert people(nlp("Geachte Voorzitter,\nGraag informeer ik u.")) == set()


def test_several_members_with_their_parties(nlp):
    doc = nlp("Vragen van de leden Bakker (PvdA) en De Wit (SP) aan de Minister van Defensie over de vloot.")
    found = people(doc)
    assert any("Bakker" in p for p in found) and any("De Wit" in p for p in found), found
    # "de leden van de Kamer" names nobody
    assert not people(nlp("Ik heb de leden van de Kamer hierover eerder geïnformeerd."))


def test_a_middle_given_name_does_not_split_a_reference_person(nlp):
    # "Asif Ali Zardari" and "Zardari" in two documents are one president of Pakistan
    full = nlp("Aan de bijeenkomst nam ook de Pakistaanse president Asif Ali Zardari deel.")
    bare = nlp("Of president Zardari komt, is onzeker.")
    assert {k for _c, k, _t in people(full)} == {k for _c, k, _t in people(bare)} == {"person/zardari"}
    assert ("person/zardari", "president", "country/pakistan") in offices(full)


def test_a_surname_of_two_words_written_alone_is_the_same_person(nlp):
    # e48: "aldus Bruins Slot" is minister Hanke Bruins Slot, never a person "Slot"
    from extracting import run

    text = ("Den Haag, 6 december 2023\n\nDe Portugese minister Maria Lopes Ferreira sprak over de steun aan Oekraïne. "
            "\"Wij blijven helpen,\" aldus Lopes Ferreira. \"De winter wordt zwaar,\" aldus Bruins Slot.\n")
    _, ex = run(nlp, text)
    people = {k for k in ex.entities if k.startswith("person/")}
    assert people == {"person/lopes-ferreira", "person/bruins-slot"}
    assert ex.entities["person/lopes-ferreira"].label == "Maria Lopes Ferreira"
