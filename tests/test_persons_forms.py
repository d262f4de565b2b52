"""Persons and offices in the forms the blind test texts showed: counterparts
(``mijn Deense ambtgenoot``), motions by surnames with capitalised particles."""
from pathlib import Path

import pytest

from kg.extract import document, entities, people
from kg.extract.context import Context
from kg.model import CleanText, SourceText
from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def read(nlp, text):
    """Run the document, entities and people rule families over ``text`` (identity cleaning)."""
    source = SourceText(Path("brief.txt"), text)
    clean = CleanText(source, text, tuple(range(len(text) + 1)))
    ctx = Context(doc=nlp(text), clean=clean)
    document.run(ctx)
    entities.run(ctx)
    people.run(ctx)
    return ctx


def facts(ctx, pred):
    return sorted((f.subject, f.object.key) for f in ctx.extraction.facts if f.predicate == pred)


def test_office_in_apposition_to_foreign_counterpart(nlp):
    ctx = read(nlp, "Vorige week sprak ik in Kopenhagen met mijn Deense ambtgenoot, minister van Defensie "
                    "Troels Lund Poulsen, over de luchtverdediging.")
    assert facts(ctx, "kg:holdsOffice") == [("person/lund-poulsen", "office/minister-van-defensie-dk")]
    assert facts(ctx, "kg:jurisdiction") == [("office/minister-van-defensie-dk", "country/denemarken")]


def test_office_after_counterpart_and_article(nlp):
    ctx = read(nlp, "De minister heeft met zijn Poolse collega, de minister van Buitenlandse Zaken "
                    "Piotr Zalewski, de luchtverdediging besproken.")
    assert ("person/zalewski", "office/minister-van-buitenlandse-zaken-pl") in facts(ctx, "kg:holdsOffice")
    assert not any(o.endswith("-nl") for _, o in facts(ctx, "kg:holdsOffice"))
