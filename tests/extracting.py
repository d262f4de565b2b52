"""Helpers for tests that run the whole extractor over a short text."""
from __future__ import annotations

from pathlib import Path

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText
from kg.nlp import make_pipeline


def run(nlp, text: str, name: str = "brief.txt"):
    """Clean, annotate and extract ``text`` as if it were the file ``name``: (doc, extraction)."""
    ct = clean(SourceText(Path(name), text))
    doc = nlp(ct.text)
    return doc, extract(doc, ct)


def facts(ex, predicate: str) -> set[tuple]:
    """(subject, object key or value) of every fact of ``predicate``."""
    return {(f.subject, f.object.key if isinstance(f.object, Ref) else f.object)
            for f in ex.facts if f.predicate == predicate}


def read_people(nlp, text: str, with_metadata: bool = False):
    """Run the document, entities and people rule families (and metadata first, if asked)
    over ``text`` as given (identity cleaning): the extraction context."""
    from kg.extract import document, entities, metadata, people
    from kg.extract.context import Context
    from kg.model import CleanText

    source = SourceText(Path("brief.txt"), text)
    ctx = Context(doc=nlp(text), clean=CleanText(source, text, tuple(range(len(text) + 1))))
    for stage in ((metadata,) if with_metadata else ()) + (document, entities, people):
        stage.run(ctx)
    return ctx


def read(nlp, text: str):
    """:func:`read_people` with the metadata stage first, as for a whole letter: the context."""
    return read_people(nlp, text, with_metadata=True)


def offices(ctx) -> list[tuple[str, str]]:
    """Sorted (person key, office key) of every kg:holdsOffice fact of the context."""
    return sorted((f.subject, f.object.key) for f in ctx.extraction.facts if f.predicate == "kg:holdsOffice")


def persons(ctx) -> dict[str, tuple[str, str]]:
    """Person key -> (class, label) of every person entity of the context."""
    return {k: (e.cls, e.label) for k, e in ctx.extraction.entities.items() if k.startswith("person/")}


def summit_keys(doc) -> set[str]:
    """Keys of the summits the annotated ``doc`` mentions."""
    return {s.kb_id_ for s in doc.spans.get("kg", []) if s.label_ == "Summit"}


def ministerial_keys(doc) -> set[str]:
    """Keys of the ministerial meetings the annotated ``doc`` mentions."""
    return {s.kb_id_ for s in doc.spans.get("kg", []) if s.label_ == "MinisterialMeeting"}


def days(ex, key: str) -> tuple[set, set]:
    """(start dates, end dates) the extraction states of ``key``."""
    return ({d for k, d in facts(ex, "schema:startDate") if k == key},
            {d for k, d in facts(ex, "schema:endDate") if k == key})


def extraction(nlp, text: str, name: str):
    """Clean and extract ``text`` as the file ``name``: the extraction only."""
    ct = clean(SourceText(Path(name), text))
    return extract(nlp(ct.text), ct)


def participants(ex, subject_prefix: str) -> set[str]:
    """Keys of the kg:participant objects of subjects whose key starts with ``subject_prefix``."""
    return {f.object.key for f in ex.facts if f.predicate == "kg:participant"
            and isinstance(f.object, Ref) and f.subject.startswith(subject_prefix)}


def contributions(text: str, name: str) -> list[dict]:
    """Predicate -> object (key or value) of each contribution with an amount, extracted from
    ``text`` as the file ``name`` with a fresh pipeline."""
    ct = clean(SourceText(Path(name), text))
    ex = extract(make_pipeline()(ct.text), ct)
    out: dict[str, dict] = {}
    for f in ex.facts:
        if f.subject.startswith("contribution/"):
            out.setdefault(f.subject, {})[f.predicate] = f.object.key if isinstance(f.object, Ref) else f.object
    return [c for c in out.values() if "kg:amountEUR" in c]
