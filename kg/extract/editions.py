"""Rule family: editions — a plan adopted anew at summits is one entity per summit.

NATO has adopted several Strategic Concepts (Rome 1991, Washington 1999, Lisbon
2010, Madrid 2022), each another document. The ``kg:agreedAt`` that
``kg.extract.pledges`` reads for such a plan (``editions.json``) is moved to its
edition, keyed by the summit like a new pledge (``initiative/strategisch-concept-
madrid-2022``, "Strategisch Concept (NAVO-top Madrid 2022)"), so one IRI never
has two summits; the plan's other mentions stay with the plan.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from kg.extract.context import Context
from kg.model import Entity, Ref

EDITIONS = frozenset(json.loads(Path(__file__).with_name("editions.json").read_text(encoding="utf-8"))["editions"])


def edition_key(plan: str, summit: str) -> str:
    """``initiative/strategisch-concept`` + ``summit/madrid-2022`` -> ``initiative/strategisch-concept-madrid-2022``;
    a document-scoped summit (``summit/~x``) gives a document-scoped edition."""
    from kg.reference import DOCUMENT_SCOPED

    kind, _, slug = plan.partition("/")
    place = summit.split("/", 1)[1]
    if place.startswith(DOCUMENT_SCOPED):
        return f"{kind}/{DOCUMENT_SCOPED}{slug}-{place[len(DOCUMENT_SCOPED):]}"
    return f"{kind}/{slug}-{place}"


def run(ctx: Context) -> None:
    ex = ctx.extraction
    for n, f in enumerate(ex.facts):
        if f.predicate != "kg:agreedAt" or f.subject not in EDITIONS or not isinstance(f.object, Ref):
            continue
        plan, summit = ex.entities.get(f.subject), ex.entities.get(f.object.key)
        if plan is None or summit is None:
            continue
        key = edition_key(f.subject, f.object.key)
        ctx.entity(Entity(key=key, cls=plan.cls, label=f"{plan.label} ({summit.label})",
                          alt_labels={plan.label}, mentioned=True))
        ex.facts[n] = replace(f, subject=key)
        ctx.link(ex.doc_key, "kg:mentions", key, replace(f.evidence, rule="editions.agreed_edition"))
