"""Rule family: people — ``kg:holdsOffice`` -> ``kg:Office`` with ``kg:jurisdiction``.

``kg_persons`` leaves one ``OfficeMention`` per office + name pattern in
``doc.user_data["kg_offices"]``. Whose office it is comes from the text (a
country adjective ``Oekraïense``, ``van de NAVO``, ``NAVO-secretaris-generaal``,
``Koning … van Jordanië``); an office the text does not qualify takes its
default from ``offices.json`` (a Dutch letter's ``minister-president`` is the
Dutch one; ``secretaris-generaal`` is NATO's) — but only for a person the
document never places elsewhere. Signature blocks are left to
``kg.extract.document``.
"""
from __future__ import annotations

from kg import reference
from kg.extract.context import Context
from kg.model import Entity
from kg.slug import slugify


def office_key(role: str, jurisdiction: str) -> str:
    """``office/<role>-<jurisdiction>``: ISO code for a country, name slug for an organisation."""
    ent = reference.load().get(jurisdiction)
    suffix = ent.iso2.lower() if ent is not None and ent.iso2 else jurisdiction.split("/", 1)[1]
    return f"office/{slugify(role)}-{suffix}"


def _ensure_entity(ctx: Context, key: str) -> None:
    """Make sure an entity the facts point at has a node (unmentioned if the text did not name it)."""
    if key in ctx.extraction.entities:
        return
    ent = reference.load().get(key)
    if ent is not None:
        ctx.entity(Entity(key=key, cls=ent.cls, label=ent.label, same_as=ent.same_as, mentioned=False))


def add_office(ctx: Context, person: str, role: str, jurisdiction: str, span, rule: str) -> str:
    """Add ``person kg:holdsOffice office`` and ``office kg:jurisdiction jurisdiction`` with evidence."""
    key = office_key(role, jurisdiction)
    ref = reference.load().get(jurisdiction)
    where = ref.label if ref is not None else jurisdiction.split("/", 1)[1]
    ctx.entity(Entity(key=key, cls="Office", label=f"{role} ({where})", alt_labels={role}, mentioned=False))
    _ensure_entity(ctx, jurisdiction)
    ev = ctx.sentence_evidence(span, rule)
    ctx.link(person, "kg:holdsOffice", key, ev)
    ctx.link(key, "kg:jurisdiction", jurisdiction, ev)
    return key


def office_facts(mentions) -> list[tuple[object, str]]:
    """Choose (mention, jurisdiction) pairs: stated jurisdictions, else defaults for unplaced persons."""
    placed = {m.person for m in mentions if m.jurisdiction}
    chosen, seen = [], set()
    for m in mentions:
        jur = m.jurisdiction or (m.default_jurisdiction if m.person not in placed else None)
        if jur and (m.person, m.role, jur) not in seen:
            seen.add((m.person, m.role, jur))
            chosen.append((m, jur))
    return chosen


def run(ctx: Context) -> None:
    """Offices of every person named with an office (signatures excepted)."""
    mentions = [m for m in ctx.doc.user_data.get("kg_offices", []) if not m.signature]
    for m, jur in office_facts(mentions):
        add_office(ctx, m.person, m.role, jur, ctx.doc[m.start:m.end], "people.office_name")
