"""Relations with evidence: from a spaCy Doc to an ``Extraction``.

Each module here handles one family of facts and exposes ``run(ctx)``; they
run in the order of ``RULE_MODULES``. They read the entity spans the NLP
components left in ``doc.spans["kg"]`` and add ``Entity``/``Fact`` objects to
``ctx.extraction``. Nothing here builds RDF.
"""
from __future__ import annotations

import importlib

from kg.extract.context import Context
from kg.model import CleanText, Extraction

# Order matters only where a later family reads what an earlier one found
# (document metadata first, then the entities, then relations between them).
RULE_MODULES = [
    "kg.extract.metadata",   # dossier/nr, date, vergaderjaar, type, title, cites
    "kg.extract.document",   # signatories, motions
    "kg.extract.entities",   # entity spans -> Entity + kg:mentions
    "kg.extract.people",     # holdsOffice, jurisdiction
    "kg.extract.events",     # dates, location, inCountry, sessions, participants, concerns
    "kg.extract.pledges",    # acronym, agreedAt, targetPercentGDP
    "kg.extract.editions",   # agreedAt of a plan adopted anew at summits -> its edition
    "kg.extract.operations", # participants of the operation a paragraph is about
    "kg.extract.money",      # Contribution (after operations: a cost paragraph's giver is who takes part)
    "kg.extract.countries",  # supports, accessionDate
    "kg.extract.title",      # a descriptive title for a document without one (needs concerns)
]


def extract(doc, clean: CleanText) -> Extraction:
    """Run every rule family over ``doc`` (made from ``clean.text``)."""
    ctx = Context(doc=doc, clean=clean)
    for name in RULE_MODULES:
        importlib.import_module(name).run(ctx)
    # A pipeline component that failed on this text skipped its part rather
    # than stopping the build (doc.user_data["kg_warnings"]); say so.
    ctx.extraction.warnings.extend(f"part of the analysis failed, some facts may be missing ({w})"
                                   for w in doc.user_data.get("kg_warnings", ()))
    return ctx.extraction
