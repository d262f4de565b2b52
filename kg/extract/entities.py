"""Rule family: entities — mention spans -> ``Entity`` objects and ``kg:mentions``.

Every span in ``doc.spans["kg"]`` (from any component) names an entity whose
canonical description is in ``doc.user_data["kg_entities"]``. The span's
surface form (whitespace collapsed, line-break hyphenation undone) becomes an
altLabel; the label is the registered canonical one, for persons the fullest
name seen. A ``kg:mentions`` fact from the document to each entity carries the
sentence of its first mention as evidence. Spans that are only a Dutch
function word (a sentence-initial ``De``) never become entities.
"""
from __future__ import annotations

import re

from kg.extract.context import Context
from kg.model import KIND_OF_CLASS, PERSON_CLASSES, Entity
from kg.names import normalise_name
from kg.nlp.components.acronyms import DATA as ACRONYM_WORDS
from kg.nlp.components.docindex import mentions, span_text
from kg.nlp.components.fold import ref_lookup
from kg.nlp.spans import UNNAMED, entity_table

_BREAK = re.compile(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])")


def surface(text: str) -> str:
    """The written form of a mention on one line: ``"Noord-\\nKorea"`` -> ``"Noord-Korea"``."""
    def join(m: re.Match) -> str:
        nxt = text[m.end():m.end() + 1]
        prev = text[max(0, m.start() - 4):m.start()]
        return "-" if nxt.isupper() or prev.isupper() else ""
    if "\n" in text and "-" in text:  # else _BREAK cannot match
        text = _BREAK.sub(join, text)
    return " ".join(text.split())


def _stop_words() -> set[str]:
    from spacy.lang.nl.stop_words import STOP_WORDS
    return {w.casefold() for w in STOP_WORDS}


_STOP = _stop_words()


def is_function_word(text: str) -> bool:
    """True for a mention that is only a Dutch function word (``De``, ``Het``, ``In``)."""
    return text.casefold() in _STOP


def best_person_label(names: set[str]) -> str:
    """The fullest form of a person's name: most words, then longest, then alphabetical."""
    fixed = {normalise_name(n) for n in names if n}
    return max(sorted(fixed), key=lambda n: (len(n.split()), len(n)))


_COMPOUND_PREFIX = re.compile(r"^[^\W\d_A-Z]+-(?=[^\W\d_])")


def _name_surface(text: str) -> str:
    """A person named in a compound (``motie-Servaes``) is written as the name alone."""
    return _COMPOUND_PREFIX.sub("", text) if "-" in text and text[:1].islower() else text


# lower-case common nouns a mention may open with ("operatie Active Endeavour"): no part of the name
_LEAD_NOUNS = frozenset(ACRONYM_WORDS["operation_words"])


def _head_surface(text: str, key: str) -> str:
    """A compound (``Navo-missies``) that names an entity by its head is written as the head;
    a name after a lower-case ``operatie``/``missie`` as the name;
    so is one on a part of the thing (``NMI-hoofdkwartier``, acronyms.json ``part_tails``), and
    one of names joined by a slash or a dash (``Straatsburg/Kehl``, ``Damascus–Aleppo``) as the
    name of this one."""
    from kg import reference
    lead, _, rest = text.partition(" ")
    if rest and lead in _LEAD_NOUNS:  # "de maritieme operatie Active Endeavour": the name is what follows
        got = ref_lookup(reference.load(), rest)
        if got is not None and got.key == key:
            return rest
    if "/" in text or "\u2013" in text or "\u2014" in text:  # "Straatsburg/Kehl", "Damascus–Aleppo"
        ref = reference.load()
        part = next((p for p in re.split("[/\u2013\u2014]", text)
                     if (e := ref_lookup(ref, p)) is not None and e.key == key), None)
        return part or text
    if "-" not in text or " " in text:
        return text
    ref = reference.load()
    whole, head = ref_lookup(ref, text), ref_lookup(ref, text.split("-", 1)[0])
    if (whole is None or whole.key != key) and head is not None and head.key == key:
        return text.split("-", 1)[0]
    from kg.nlp.components.acronyms import PART_TAILS
    if (whole is None or whole.key != key) and text.rsplit("-", 1)[-1].lower() in PART_TAILS:
        return text.rsplit("-", 1)[0]  # "NMI-hoofdkwartier": a use of "NMI", not a name of the mission
    return text


def run(ctx: Context) -> None:
    """Add an Entity for every mentioned/registered entity and a kg:mentions fact per entity."""
    doc = ctx.doc
    table = entity_table(doc)
    first_span: dict[str, object] = {}
    surfaces: dict[str, set[str]] = {}
    for span in mentions(doc):
        key = span.kb_id_
        text = _head_surface(surface(span_text(doc, span)), key)
        if span.label_ in PERSON_CLASSES:
            text = _name_surface(text)
        if not key or not text or is_function_word(text) or span.label_ not in KIND_OF_CLASS:
            continue
        first_span.setdefault(key, span)
        if span.id_ != UNNAMED:  # "de regeringsleiders" mentions a summit, but is no name of it
            surfaces.setdefault(key, set()).add(text)
    for key in sorted(set(table) | set(first_span)):
        info = table.get(key)
        span = first_span.get(key)
        cls = info["cls"] if info else span.label_
        label = info["label"] if info else surface(span.text)
        alts = set(info["alt_labels"]) if info else set()
        alts |= surfaces.get(key, set())
        if cls in PERSON_CLASSES:
            label = best_person_label({label, *alts})
        alts = {a for a in alts if a != label}
        ctx.entity(Entity(key=key, cls=cls, label=label, alt_labels=alts,
                          same_as=info.get("same_as") if info else None, mentioned=span is not None))
    doc_key = ctx.extraction.doc_key
    for key in sorted(first_span):
        ctx.link(doc_key, "kg:mentions", key, ctx.sentence_evidence(first_span[key], "entities.mention"))
