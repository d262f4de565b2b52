"""Rule family: document — ``kg:signatory``, the signer's office, ``kg:cites`` motions.

A signature block is an office at the start of a line followed by a comma
and a name (``De Minister van Buitenlandse Zaken,\\nC.C.J. Veldkamp``); there
may be two. ``kg_persons`` marks them (``OfficeMention.signature``). The signer
holds that office in the Netherlands unless the block says otherwise.
Motions found by ``kg_persons`` (``motie Dassen c.s.``) are cited.
"""
from __future__ import annotations

from kg.extract.context import Context
from kg.extract.people import add_office, choose, document_day


def run(ctx: Context) -> None:
    """Signatories with their offices, and cited motions."""
    doc, key = ctx.doc, ctx.extraction.doc_key
    seen = set()
    for m in doc.user_data.get("kg_offices", []):
        if not m.signature or m.person in seen:
            continue
        seen.add(m.person)
        span = doc[m.start:m.end]
        ctx.link(key, "kg:signatory", m.person, ctx.sentence_evidence(span, "document.signature"))
        got = choose(m, set(), document_day(ctx), signature=True)
        if got:
            add_office(ctx, m.person, got[0], got[1], span, "document.signature_office")
    cited = set()
    for mkey, start, end in doc.user_data.get("kg_motions", []):
        if mkey not in cited:
            cited.add(mkey)
            ctx.link(key, "kg:cites", mkey, ctx.sentence_evidence(doc[start:end], "document.motion"))
