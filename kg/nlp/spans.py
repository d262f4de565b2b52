"""How components leave entity mentions on a Doc for the extract stage.

* ``doc.spans["kg"]``: every mention, overlapping allowed; ``span.label_`` is
  the contract class ("Country", "Minister", "Summit", ...), ``span.kb_id_``
  the entity key ("country/oekraine").
* ``doc.user_data["kg_entities"]``: key -> dict(cls, label, alt_labels,
  same_as): the canonical description of each entity the components found.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

GROUP = "kg"


def entity_table(doc: Doc) -> dict[str, dict]:
    return doc.user_data.setdefault("kg_entities", {})


def register_entity(doc: Doc, key: str, cls: str, label: str,
                    alt_labels=(), same_as: str | None = None) -> dict:
    """Record (or extend) the canonical description of entity ``key``."""
    table = entity_table(doc)
    info = table.get(key)
    if info is None:
        info = table[key] = {"cls": cls, "label": label, "alt_labels": set(), "same_as": same_as}
    else:
        if cls == "Minister" and info["cls"] == "Person":
            info["cls"] = cls
        info["same_as"] = info["same_as"] or same_as
        if label != info["label"]:
            info["alt_labels"].add(label)
    info["alt_labels"].update(a for a in alt_labels if a != info["label"])
    return info


# ``span.id_`` of a mention whose words refer to the entity without naming it (the
# subject "de regeringsleiders" of a summit's gathering): it mentions, its text is no altLabel
UNNAMED = "unnamed"


def add_mention(doc: Doc, start: int, end: int, cls: str, key: str, named: bool = True) -> Span:
    """Add a mention span over tokens ``[start, end)``; its text becomes an altLabel unless
    ``named`` is False (``UNNAMED``)."""
    span = Span(doc, start, end, label=cls, kb_id=key, span_id="" if named else UNNAMED)
    if GROUP not in doc.spans:
        doc.spans[GROUP] = []
    doc.spans[GROUP].append(span)
    return span


def mentions(doc: Doc) -> list[Span]:
    """All mention spans, in text order."""
    if GROUP not in doc.spans:
        return []
    return sorted(doc.spans[GROUP], key=lambda s: (s.start, -s.end, s.label_))
