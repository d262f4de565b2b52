"""kg.extract.entities: Entities, labels/altLabels and kg:mentions with evidence."""
from pathlib import Path

import pytest

from kg.extract import entities
from kg.extract.context import Context
from kg.model import CleanText, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def read(nlp, text):
    source = SourceText(Path("verslag.txt"), text)
    clean = CleanText(source, text, tuple(range(len(text) + 1)))
    ctx = Context(doc=nlp(text), clean=clean)
    entities.run(ctx)
    return ctx


def test_surface_joins_broken_lines():
    assert entities.surface("Zuid-\nKorea") == "Zuid-Korea"
    assert entities.surface("bondge-\nnootschap") == "bondgenootschap"
    assert entities.surface("Frank\n  Bakke-Jensen") == "Frank Bakke-Jensen"


def test_entities_labels_and_alt_labels(nlp):
    ctx = read(nlp, "De Spaanse premier Pedro Sánchez sprak in Madrid over Roemenie.\n"
                    "Sánchez wees op de steun aan Roemenië en de NATO.")
    ents = ctx.extraction.entities
    ro = ents["country/roemenie"]
    assert ro.label == "Roemenië" and "Roemenie" in ro.alt_labels
    assert ro.same_as is None or ro.same_as.startswith("http://www.wikidata.org/entity/")
    assert ents["person/sanchez"].label == "Pedro Sánchez" and ents["person/sanchez"].cls == "Minister"
    assert "Sánchez" in ents["person/sanchez"].alt_labels
    assert ents["organisation/navo"].label == "NAVO" and "NATO" in ents["organisation/navo"].alt_labels
    assert ents["place/madrid"].cls == "Place"


def test_mentions_with_first_sentence_evidence(nlp):
    text = "Het kabinet steunt Moldavië.\nDe EU en Moldavië werken samen."
    ctx = read(nlp, text)
    men = {f.object.key: f.evidence for f in ctx.extraction.facts if f.predicate == "kg:mentions"}
    assert set(men) == {"country/moldavie", "organisation/europese-unie"}
    ev = men["country/moldavie"]
    assert ev.sentence == "Het kabinet steunt Moldavië." == text[ev.start:ev.end]
    assert ev.rule == "entities.mention"
    assert all(f.subject == ctx.extraction.doc_key for f in ctx.extraction.facts)


def test_no_entities_from_function_words_or_adjectives(nlp):
    ctx = read(nlp, "De Britse en Franse inzet. Het is laat. In de zomer.")
    assert ctx.extraction.entities == {}


def test_compound_mention_is_written_as_its_head(nlp):
    ctx = read(nlp, "De Navo-bondgenoten spraken.")
    assert ctx.extraction.entities["organisation/navo"].alt_labels == {"Navo"}


def test_a_name_after_a_lower_case_operation_noun_is_written_as_the_name(nlp):
    ctx = read(nlp, "Nederland stuurt een fregat naar de maritieme operatie Sea Guardian bij Sicilië.")
    ent = ctx.extraction.entities["operation/operation-sea-guardian"]
    assert "Sea Guardian" in ent.alt_labels and "operatie Sea Guardian" not in ent.alt_labels


def test_a_council_name_glued_to_its_head_is_the_reference_body(nlp):
    ctx = read(nlp, "Aansluitend kwam de NAVO-Georgiëcommissie bijeen, gevolgd door de NAVO-Ruslandraad.")
    keys = set(ctx.extraction.entities)
    assert {"organisation/nato-georgia-commission", "organisation/navo-rusland-raad"} <= keys


def _named(ctx) -> dict[str, str]:
    return {k: e.cls for k, e in ctx.extraction.entities.items()}


def test_an_institution_noun_with_its_link_and_capitalised_words_names_an_organisation(nlp):
    ctx = read(nlp, "Volgens een analist van het Rotterdamse Instituut voor Internationale Betrekkingen en een "
                    "hoogleraar aan de Universiteit van Tartu is de dreiging reëel.")
    got = _named(ctx)
    assert got.get("organisation/instituut-voor-internationale-betrekkingen") == "Organisation"
    assert got.get("organisation/universiteit-van-tartu") == "Organisation"
    # two names joined by "en", or a run too long to delimit: nothing
    ctx = read(nlp, "Het Centrum voor Vredesstudies en Clingendael schreven een rapport.")
    assert not [k for k in _named(ctx) if k.startswith("organisation/centrum")]


def test_a_contact_group_by_its_dutch_name_is_the_reference_body(nlp):
    ctx = read(nlp, "Daarna kwam de Contactgroep voor de Verdediging van Oekraïne in Ramstein bijeen.")
    assert "organisation/ukraine-defense-contact-group" in _named(ctx)


def test_a_town_attacked_is_a_place(nlp):
    ctx = read(nlp, "Na de raketaanval op Kramatorsk en de Taliban-aanval op Kunduz volgde overleg.")
    got = _named(ctx)
    assert got.get("place/kunduz") == "Place" and got.get("place/kramatorsk") == "Place"


def test_a_national_before_a_full_name_names_a_person(nlp):
    ctx = read(nlp, "Voorzitter van de groep is de Noor Henrik Aas; lid werd de Spanjaard Pablo Ruiz Gómez.")
    got = _named(ctx)
    assert got.get("person/aas") in ("Person", "Minister") and "person/ruiz-gomez" in got


def test_a_role_word_after_a_verb_of_saying_is_no_part_of_the_name(nlp):
    ctx = read(nlp, "Dat meldde Navo-woordvoerder Ingrid Solberg woensdag aan de pers.")
    people = [e for k, e in ctx.extraction.entities.items() if k.startswith("person/")]
    assert [e.label for e in people] == ["Ingrid Solberg"]
    assert not any("woordvoerder" in a for a in people[0].alt_labels)
