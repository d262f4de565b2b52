"""kg.resolve: a document is named and typed as it reads itself, not as others cite it."""
from pathlib import Path

from kg.model import Entity, Extraction, SourceText
from kg.resolve import resolve


def _ex(name: str, key: str, ents: list[Entity]) -> Extraction:
    e = Extraction(source=SourceText(Path(name), "x"), doc_key=key)
    for ent in ents:
        e.add_entity(ent)
    return e


def test_own_title_and_class_win_over_citations():
    cited = Entity("document/kst-31999-12", "Document", "Kamerstuk 31999, nr. 12", mentioned=False)
    citing = [_ex(f"c{i}.txt", f"document/kst-31999-{20 + i}",
                  [Entity(f"document/kst-31999-{20 + i}", "Letter", f"Brief {i}"), cited]) for i in range(3)]
    own = _ex("12.txt", "document/kst-31999-12",
              [Entity("document/kst-31999-12", "Report", "Verslag van de defensieraad")])
    out = resolve(citing + [own])
    for ex in out:
        doc = ex.entities["document/kst-31999-12"]
        assert doc.label == "Verslag van de defensieraad"
        assert doc.cls == "Report"


def test_a_person_is_typed_per_document_as_that_document_reads_him():
    # a member of parliament asking questions in one text, a minister years later in another
    member = _ex("vragen.txt", "document/vragen",
                 [Entity("document/vragen", "Answer", "Antwoord op vragen"),
                  Entity("person/terpstra", "Person", "Terpstra")])
    minister = _ex("brief.txt", "document/brief",
                   [Entity("document/brief", "Letter", "Brief"),
                    Entity("person/terpstra", "Minister", "Rik Terpstra")])
    out = {ex.doc_key: ex for ex in resolve([member, minister])}
    assert out["document/vragen"].entities["person/terpstra"].cls == "Person"
    assert out["document/brief"].entities["person/terpstra"].cls == "Minister"
    # one label for the key across the build all the same
    assert out["document/vragen"].entities["person/terpstra"].label == "Rik Terpstra"

    import rdflib
    from kg.rdf.graph import build_dataset
    from kg.rdf.namespaces import KG, entity_iri
    ds = build_dataset(list(out.values()))
    person = entity_iri("person/terpstra")
    assert (person, rdflib.RDF.type, KG.Person) in ds.graph(entity_iri("document/vragen"))
    assert (person, rdflib.RDF.type, KG.Minister) not in ds.graph(entity_iri("document/vragen"))
    assert (person, rdflib.RDF.type, KG.Minister) in ds.graph(entity_iri("document/brief"))
