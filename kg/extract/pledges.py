"""Rule family: pledges and initiatives — kg:acronym, kg:agreedAt, kg:targetPercentGDP."""
from __future__ import annotations

from kg.amounts import find_amounts
from kg.extract.context import Context
from kg.extract.events import REL, ensure, has_trigger, link, spans_in, words_of
from kg.nlp.components.docindex import lowers, mentions, sents, span_text, texts, words_in
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.spans import entity_table
from kg.nlp.components.fold import fold  # memoised kg.slug.fold

AGREED_CLASSES = ("Pledge", "Initiative")
_RESULT_WORDS = {"resultaten", "resultaat", "uitkomst", "uitkomsten"}


def _acronyms(ctx: Context) -> None:
    doc = ctx.doc
    for key, acr in sorted(doc.user_data.get("kg_acronyms", {}).items()):
        if not ensure(ctx, key):
            continue
        first = next((s for s in mentions(doc) if s.kb_id_ == key and s.text == acr), None)
        ev = ctx.sentence_evidence(first, "pledges.acronym_definition") if first is not None else None
        ctx.relate(key, "kg:acronym", acr, ev)


def _summit_by_place(ctx: Context, sent) -> str | None:
    """``In Washington zullen ...``: a place in the sentence that a summit of this document is held in."""
    ev = ctx.doc.user_data.get("kg_events") or {}
    by_place: dict[str, str] = {}
    for key, rec in ev.get("meetings", {}).items():
        if rec["cls"] == "Summit" and rec.get("place"):
            by_place.setdefault(rec["place"], key)
    if not by_place:
        return None
    for sp in spans_in(ctx.doc, sent.start, sent.end, ("Place",)):
        if sp.kb_id_ in by_place:
            return by_place[sp.kb_id_]
    table = entity_table(ctx.doc)
    names = {}
    for pkey, skey in by_place.items():
        info = table.get(pkey, {})
        for n in [info.get("label", ""), *info.get("alt_labels", ())]:
            if n:
                names[fold(n)] = skey
                names[fold(n.split()[0])] = skey
    tx, lw = texts(ctx.doc), lowers(ctx.doc)  # per-doc arrays, no Tokens
    for i in range(sent.start + 1, sent.end):
        if lw[i - 1] in ("in", "op", "te") and tx[i][:1].isupper() and fold(tx[i]) in names:
            return names[fold(tx[i])]
    return None


def _refers_to_summit(sent) -> bool:
    """``tijdens deze Top``, ``op de top``: the document's own summit, named by anaphor."""
    toks = words_in(sent.doc, sent.start, sent.end)  # lower-cased words
    return any(a in ("deze", "de") and b == "top" for a, b in zip(toks, toks[1:]))


def _agreed_at(ctx: Context) -> None:
    doc = ctx.doc
    ev = doc.user_data.get("kg_events") or {}
    main = ev.get("main")
    main_is_summit = bool(main and ev["meetings"][main]["cls"] == "Summit")
    prev = None
    for sent in sents(doc):
        words = words_of(sent)
        things = spans_in(doc, sent.start, sent.end, AGREED_CLASSES)
        if has_trigger(words, REL["agreement_words"], REL["agreement_pairs"]):
            summits = spans_in(doc, sent.start, sent.end, ("Summit",))
            summit = summits[0].kb_id_ if summits else _summit_by_place(ctx, sent)
            if summit is None and main_is_summit and (words & _RESULT_WORDS or _refers_to_summit(sent)):
                summit = main
            subjects = things
            if not subjects and prev is not None and "\n\n" not in doc_text(doc)[prev.end_char:sent.start_char]:
                subjects = spans_in(doc, prev.start, prev.end, AGREED_CLASSES)
            if summit:
                for sp in {s.kb_id_: s for s in subjects}.values():
                    link(ctx, sp.kb_id_, "kg:agreedAt", summit, sp, "pledges.agreed_at_summit")
        prev = sent


def _targets(ctx: Context) -> None:
    doc = ctx.doc
    for sent in sents(doc):
        pledges = spans_in(doc, sent.start, sent.end, ("Pledge",))
        if not pledges:
            continue
        text = span_text(doc, sent)
        for a in find_amounts(text):
            if a.unit != "%":
                continue
            after = fold(text[a.end_char:a.end_char + 40]).split()
            if any(w.strip(".,;()") in REL["gdp_words"] for w in after[:5]):
                for key in dict.fromkeys(p.kb_id_ for p in pledges):
                    if ensure(ctx, key):
                        ctx.relate(key, "kg:targetPercentGDP", a.value,
                                   ctx.sentence_evidence(pledges[0], "pledges.target_percent_gdp"))
                break


def run(ctx: Context) -> None:
    """Acronyms, the summit a pledge or initiative was agreed at, GDP targets."""
    _acronyms(ctx)
    _agreed_at(ctx)
    _targets(ctx)
