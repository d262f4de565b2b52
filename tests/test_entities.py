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
