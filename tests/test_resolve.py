"""kg.resolve: one key, label and class per entity across documents."""
from pathlib import Path

from kg.model import Entity, Evidence, Extraction, Fact, Ref, SourceText
from kg.resolve import resolve

EV = Evidence("x", 0, 1, "test")


def ex(name, ents, facts=()):
    e = Extraction(source=SourceText(Path(name), "x"), doc_key="document/" + name)
    for ent in ents:
        e.add_entity(ent)
    e.facts = list(facts)
    return e


def test_surname_alone_in_other_document_is_the_full_person():
    a = ex("a", [Entity("person/sanchez", "Minister", "Pedro Sánchez", {"Sánchez"})])
    b = ex("b", [Entity("person/sanchez", "Person", "Sanchez")],
           [Fact("document/b", "kg:mentions", Ref("person/sanchez"), EV)])
    ra, rb = resolve([a, b])
    pb = rb.entities["person/sanchez"]
    # one label across the build; the class is what each document says of him
    assert pb.label == "Pedro Sánchez" and pb.cls == "Person"
    assert ra.entities["person/sanchez"].cls == "Minister"
    assert pb.alt_labels == {"Sanchez"}  # the form document b used
    assert ra.entities["person/sanchez"].alt_labels == {"Sánchez"}


def test_surname_first_name_joins_short_form():
    a = ex("a", [Entity("person/moon", "Person", "Moon")])
    b = ex("b", [Entity("person/jae-in", "Person", "Moon Jae-in")],
           [Fact("document/b", "kg:mentions", Ref("person/jae-in"), EV)])
    ra, rb = resolve([a, b])
    assert set(rb.entities) == {"person/moon"}
    assert rb.facts[0].object == Ref("person/moon")
    assert ra.entities["person/moon"].label == "Moon Jae-in"


def test_short_form_of_double_surname():
    a = ex("a", [Entity("person/bakke", "Minister", "Bakke")])
    b = ex("b", [Entity("person/bakke-jensen", "Minister", "Frank Bakke-Jensen")])
    ra, rb = resolve([a, b])
    assert set(ra.entities) == {"person/bakke-jensen"}


def test_ocr_acronym_variant_within_document():
    a = ex("a", [Entity("organisation/nmr", "Organisation", "NMR"),
                 Entity("organisation/nivir", "Organisation", "NIVIR")],
           [Fact("document/a", "kg:mentions", Ref("organisation/nivir"), EV)])
    (ra,) = resolve([a])
    assert set(ra.entities) == {"organisation/nmr"}
    assert ra.entities["organisation/nmr"].alt_labels == {"NIVIR"}
    assert ra.facts[0].object == Ref("organisation/nmr")


def test_reference_label_with_diacritics_wins():
    a = ex("a", [Entity("country/roemenie", "Country", "Roemenie")])
    (ra,) = resolve([a])
    assert ra.entities["country/roemenie"].label == "Roemenië"
    assert ra.entities["country/roemenie"].alt_labels == {"Roemenie"}


def test_inputs_not_changed():
    a = ex("a", [Entity("person/moon", "Person", "Moon")])
    b = ex("b", [Entity("person/jae-in", "Person", "Moon Jae-in")])
    resolve([a, b])
    assert "person/jae-in" in b.entities and a.entities["person/moon"].label == "Moon"
