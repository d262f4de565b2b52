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
