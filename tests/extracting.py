"""Helpers for tests that run the whole extractor over a short text."""
from __future__ import annotations

from pathlib import Path

from kg.clean import clean
from kg.extract import extract
from kg.model import Ref, SourceText


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
