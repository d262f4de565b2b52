"""Dutch military units are organisations from the reference data."""
from __future__ import annotations

import pytest

from kg.nlp import make_pipeline


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def test_units_by_their_number_and_name(nlp):
    doc = nlp("Eenheden van 11 Luchtmobiele Brigade en het Korps Mariniers oefenen in Noorwegen; "
              "43 Gemechaniseerde Brigade levert de compagnie.")
    orgs = {s.text for s in doc.spans["kg"] if s.label_ == "Organisation"}
    assert {"11 Luchtmobiele Brigade", "Korps Mariniers", "43 Gemechaniseerde Brigade"} <= orgs
