"""Rule family: a descriptive title for a document whose text has none.

Runs last, once ``kg.extract.events`` knows which meeting the document is the
agenda or report of (``kg:concerns``): "Verslag NAVO-top Lissabon 2010 (brief
van 14 december 2010)". The document's own title, where
``kg.extract.metadata`` found one, is never replaced.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.metadata import describe


def run(ctx: Context) -> None:
    """Give an untitled document a title from its type, meeting and date."""
    if ctx.meta.get("title"):
        return
    ent = ctx.extraction.entities.get(ctx.extraction.doc_key)
    if ent is None:
        return
    meetings = [f.object.key for f in ctx.extraction.facts
                if f.subject == ctx.extraction.doc_key and f.predicate == "kg:concerns"]
    meeting = ctx.extraction.entities.get(meetings[0]) if meetings else None
    old = ent.label
    ent.label = describe(ctx.meta, meeting.label if meeting else None, ctx.clean.text)
    if old.startswith("Kamerstuk ") and old != ent.label:
        ent.alt_labels.add(old)  # the number stays a name of the document
