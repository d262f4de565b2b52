"""kg.extract.editions: a plan adopted anew at summits has one entity per summit."""
from pathlib import Path

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline

TEXT = """Den Haag, 14 september 2022

Tijdens de NAVO-top in Lissabon werd in 2010 het Strategisch Concept aangenomen. Dat concept is sinds de Russische inval achterhaald. Op de NAVO-top in Madrid is daarom in juni 2022 een nieuw Strategisch Concept aangenomen. Het kabinet zal het Strategisch Concept betrekken bij de Defensienota.
"""


def test_each_summit_that_adopts_a_strategic_concept_has_its_own_edition():
    ct = clean(SourceText(Path("brief.txt"), TEXT))
    ex = extract(make_pipeline()(ct.text), ct)
    agreed = {(f.subject, f.object.key) for f in ex.facts if f.predicate == "kg:agreedAt"}
    assert agreed == {("initiative/strategisch-concept-lissabon-2010", "summit/lissabon-2010"),
                      ("initiative/strategisch-concept-madrid-2022", "summit/madrid-2022")}
    # one IRI never has two summits; the plain mentions stay with the plan, which is agreed nowhere
    mentioned = {f.object.key for f in ex.facts if f.predicate == "kg:mentions" and isinstance(f.object, Ref)}
    assert {"initiative/strategisch-concept", "initiative/strategisch-concept-madrid-2022"} <= mentioned
    madrid = ex.entities["initiative/strategisch-concept-madrid-2022"]
    assert madrid.cls == "Initiative" and "Strategisch Concept" in madrid.alt_labels
