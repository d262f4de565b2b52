"""Rule family: document — ``kg:signatory``, the signer's office, ``kg:cites`` motions.

Who signed a document, in each form a header gives it:

* a signature block: an office at the start of a line followed by a comma and
  a name (``De Minister van Buitenlandse Zaken,\\nC.C.J. Veldkamp``); there may
  be two. ``kg_persons`` marks them (``OfficeMention.signature``). The signer
  holds that office in the Netherlands unless the block says otherwise, or
  the reference data on office holders names the signer's office that day
  (``kg.extract.people.choose``);
* an answer to written questions: ``Antwoord van Minister X (Defensie)``;
* a tkconv export: ``Eerste ondertekenaar: W.B. X, minister van Defensie``.

The evidence is the signature itself (the block's lines, the answer's line),
never the sentence the NLP happened to run it into.
Motions found by ``kg_persons`` (``motie Dassen c.s.``) are cited.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg import reference
from kg.extract.context import Context, line_span
from kg.extract.people import choose, document_day, state_office
from kg.model import Entity
from kg.names import normalise_name, person_key
from kg.slug import fold

# How far into the text an answer's or an export's signatory line may stand.
HEADER_CHARS = 5000
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|van|der|den|de|ter|ten|von|le|la)"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+{_NAME_WORD}){{0,4}}"
# "Antwoord van Minister Uitermark (Binnenlandse Zaken en Koninkrijksrelaties)",
# "Antwoord van staatssecretaris Van der Maat (Defensie)"
_ANSWER = re.compile(r"Antwoord van (?:de )?(?P<title>[Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris|[Pp]remier)"
                     rf"\s+(?P<name>{_NAME})\s*\((?P<dept>[^()\n]{{3,80}})\)")
# tkconv: "Eerste ondertekenaar: W.B. Hoekstra, minister van Buitenlandse Zaken"
_SIGNER_LINE = re.compile(rf"(?:Eerste|Mede)[ -]ondertekenaar:\s*(?P<name>{_NAME}),\s*(?P<office>[^\n(,;]{{3,100}})")


def run(ctx: Context) -> None:
    """Signatories with their offices, and cited motions."""
    doc, key = ctx.doc, ctx.extraction.doc_key
    seen = set()
    for m in doc.user_data.get("kg_offices", []):
        if not m.signature or m.person in seen:
            continue
        seen.add(m.person)
        span = doc[m.start:m.end]
        ev = ctx.evidence(*line_span(ctx.clean.text, span.start_char, span.end_char), "document.signature")
        ctx.link(key, "kg:signatory", m.person, ev)
        got = choose(m, set(), document_day(ctx), signature=True)
        if got:
            _office(ctx, m.person, got[0], got[1], ev, "document.signature_office")
    if not seen:
        for person, role, start, end, rule in header_signatories(ctx.clean.text):
            _signatory(ctx, person, role, start, end, rule)
    cited = set()
    for mkey, start, end in doc.user_data.get("kg_motions", []):
        if mkey not in cited:
            cited.add(mkey)
            ctx.link(key, "kg:cites", mkey, ctx.sentence_evidence(doc[start:end], "document.motion"))


def header_signatories(text: str) -> list[tuple[str, str | None, int, int, str]]:
    """Signatories an answer or an export names in its header:
    (name, office role or None, start, end of the name in ``text``, rule)."""
    head = text[:HEADER_CHARS]
    out = []
    m = _ANSWER.search(head)
    if m:
        title = m.group("title").lower().replace("premier", "minister-president")
        role = title if title == "minister-president" else f"{title} van {m.group('dept').strip()}"
        out.append((normalise_name(m.group("name")), role, m.start("name"), m.end("name"), "document.answer"))
    for m in _SIGNER_LINE.finditer(head):
        out.append((normalise_name(m.group("name")), m.group("office").strip(), m.start("name"), m.end("name"),
                    "document.signer_line"))
    return out


def _signatory(ctx: Context, name: str, role_text: str | None, start: int, end: int, rule: str) -> None:
    """Link a header's signatory, with the office its header names when the reference data knows it."""
    office = None
    if role_text:  # "minister van X", or the office is "minister voor X" (Buitenlandse Handel …)
        office = reference.load().office_for(fold(role_text)) or reference.load().office_for(
            fold(role_text.replace(" van ", " voor ", 1)))
    key = person_key(name)
    ctx.entity(Entity(key=key, cls="Minister" if office and office.minister else "Person", label=name))
    ev = ctx.evidence(*line_span(ctx.clean.text, start, end), rule)
    ctx.link(ctx.extraction.doc_key, "kg:signatory", key, ev)
    if office and office.default_jurisdiction:
        _office(ctx, key, office.role, office.default_jurisdiction, ev, rule + "_office")


def _office(ctx: Context, person: str, role: str, jurisdiction: str, ev, rule: str) -> None:
    """The signer's office, with the signature as evidence under ``rule``."""
    state_office(ctx, person, role, jurisdiction, replace(ev, rule=rule))
