"""Identity across mentions and documents: one key, one label, one class per entity.

* Persons: a well-known office holder (``persons.json``) already has the key
  of its reference entry (``kg.names.person_key``), its reference label and
  Wikidata IRI, and is never merged into anyone else. For others, a name written surname-first (``Yoon Suk-yeol``) joins the person
  known by its first word (``president Yoon``); a short form of a double
  surname (``Hennis``) joins ``Hennis-Plasschaert``.
* OCR variants: an all-caps label where ``IVI`` read as ``M`` gives the label
  or an alias of another entity of the same document (``FIVIM`` -> ``FMM``)
  is that entity.
* Labels: the reference label where the entity is reference data, else for
  persons the fullest name (with diacritics, regnal numbers repaired), else
  the label most documents use (then the longest). Every other surface form is
  kept as an altLabel in the document that used it.
* Class: the most specific one seen anywhere (a Minister is a Person).
* Meetings: their keys come from the reference data and ``kg.reference``'s key
  functions at extraction; here a key marked document-scoped (``summit/~madrid``,
  ``ministerial/~dmm``: fits no reference summit, or has no date) becomes the
  document's own (``ministerial/d01-dmm``), and each meeting keeps one start and
  one end date across documents (``settle_meeting_dates``).

``resolve(extractions)`` returns new Extractions; the inputs are not changed.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from kg import reference
from kg.model import KIND_OF_CLASS, PERSON_CLASSES, Entity, Extraction, Fact, Ref
from kg.names import PARTICLES, is_initials, normalise_name, surname
from kg.slug import fold, slugify



def _names(ent: Entity) -> set[str]:
    return {ent.label, *ent.alt_labels}


def _find(parent: dict[str, str], k: str) -> str:
    while parent.get(k, k) != k:
        k = parent[k]
    return k


def person_merges(people: dict[str, set[str]]) -> dict[str, str]:
    """Person key -> key it joins, from the name forms seen for each person."""
    single = {}  # folded one-word surname -> key
    for key, names in people.items():
        for n in names:
            words = [w for w in normalise_name(n).split() if not is_initials(w)]
            if len(words) == 1:
                single.setdefault(fold(words[0]), key)
    known = reference.load().persons
    merges: dict[str, str] = {}
    for key, names in people.items():
        if key in known:
            continue  # a reference person's key is already the stable one
        sur = fold(surname(max(names, key=len)))
        for n in names:
            words = [w for w in normalise_name(n).split() if not is_initials(w)]
            if len(words) > 1 and fold(words[0]) in single and single[fold(words[0])] != key \
                    and fold(words[0]) != sur.split()[0]:
                merges[key] = single[fold(words[0])]  # surname written first
        head = sur.split("-")[0]
        if "-" in sur and head in single and single[head] != key and single[head] not in known:
            merges[single[head]] = key  # short form of a double surname
    return merges


def ocr_merges(ex: Extraction, variants: set[str] | None = None) -> dict[str, str]:
    """Within one document: ``FIVIM`` -> the entity called ``FMM`` (variant names added to ``variants``)."""
    by_name: dict[str, str] = {}
    for ent in ex.entities.values():
        for n in _names(ent):
            by_name.setdefault(n, ent.key)
    merges = {}
    for ent in ex.entities.values():
        for n in _names(ent):
            if n.isupper() and "IVI" in n:
                other = by_name.get(n.replace("IVI", "M"))
                if other and other != ent.key:
                    if ent.label == n:
                        merges[ent.key] = other
                    if variants is not None:
                        variants.add(n)
    return merges


def _global_label(key: str, ents: list[Entity], doc_labels: Counter, variants: set[str]) -> str:
    ref = reference.load().get(key) or reference.load().persons.get(key)
    if ref is not None:
        return ref.label
    if ents[0].cls in PERSON_CLASSES or any(e.cls in PERSON_CLASSES for e in ents):
        names = {normalise_name(n) for e in ents for n in _names(e)}
        return max(sorted(names), key=lambda n: (len(n.split()), len(n), not n.isascii()))
    good = Counter({n: c for n, c in doc_labels.items() if n not in variants})
    if not good:  # the documents' labels were OCR variants: use the forms they map to
        good = Counter(n for e in ents for n in _names(e) if n not in variants) or doc_labels
    return max(sorted(good), key=lambda n: (good[n], len(n)))


def _person_same_as(key: str, cls: str) -> str | None:
    """The Wikidata IRI of a reference person (``persons.json``), if checked."""
    if cls not in PERSON_CLASSES:
        return None
    ref = reference.load().persons.get(key)
    return ref.same_as if ref is not None else None


def _copy_entity(ent: Entity, key: str) -> Entity:
    """A copy of ``ent`` under ``key`` with its own set of names (every field
    kept; ``dataclasses.replace`` does the same at several times the cost)."""
    try:
        e = object.__new__(type(ent))
        e.__dict__.update(ent.__dict__)
    except AttributeError:  # no __dict__ (slots)
        return replace(ent, key=key, alt_labels=set(ent.alt_labels))
    e.key = key
    e.alt_labels = set(ent.alt_labels)
    return e


def _rewrite_fact(f: Fact, m) -> Fact:
    obj = Ref(m(f.object.key)) if isinstance(f.object, Ref) else f.object
    return Fact(m(f.subject), f.predicate, obj, f.evidence)


DOCUMENT_SCOPED = reference.DOCUMENT_SCOPED  # see kg.reference


def scoped_key(key: str, doc_key: str) -> str:
    """``ministerial/~dmm`` in ``document/kst-28676-210`` -> ``ministerial/kst-28676-210-dmm``;
    other keys are returned as they are."""
    kind, _, slug = key.partition("/")
    if not slug.startswith(DOCUMENT_SCOPED):
        return key
    return f"{kind}/{doc_key.partition('/')[2]}-{slug[len(DOCUMENT_SCOPED):]}"


def scope_to_document(ex: Extraction) -> Extraction:
    """``ex`` with its document-scoped keys (``summit/~madrid``, ``session/~dmm-...``)
    made the document's own; ``ex`` itself when it has none."""
    if not any(f"/{DOCUMENT_SCOPED}" in k for k in ex.entities):
        return ex

    def m(key: str) -> str:
        return scoped_key(key, ex.doc_key)

    new = Extraction(source=ex.source, doc_key=ex.doc_key, warnings=list(ex.warnings))
    for ent in ex.entities.values():
        new.add_entity(_copy_entity(ent, m(ent.key)))
    new.facts = [_rewrite_fact(f, m) for f in ex.facts]
    return new


def _used_alone(text: str, before: str, last: str) -> bool:
    """Does ``text`` write ``last`` on its own, inside a sentence ("volgens Gram", "minister
    Gram"), not right after ``before`` (the full name) nor where a capital says nothing
    (at the start of a sentence or line, where "Slot" may be any word) nor as the first
    word of another name ("Slot Loevestein")?"""
    for m in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", text):
        pre = text[max(0, m.start() - 80):m.start()].rstrip(" \t")
        if not pre or pre[-1] in ".!?:;\n\"'“‘(" or pre.endswith(before):
            continue
        if re.match(r"[ \t]+[A-ZÀ-Þ]", text[m.end():m.end() + 2]):
            continue
        return True
    return False


def middle_name_merges(ex: Extraction) -> dict[str, str]:
    """Within one document: a person whose name was cut after the first given name
    (``Bjørn Arild Gram`` -> ``person/arild-gram``) while the document itself calls
    the person by the last word alone (``Gram``: a person of that key, or the word
    inside a sentence) -> the key of that last word. A second given name is no part
    of the surname; a reference person, a surname with particles or a hyphen, and a
    name that the document never shortens keep their key."""
    known = reference.load().persons
    out: dict[str, str] = {}
    for ent in ex.entities.values():
        if ent.cls not in PERSON_CLASSES or ent.key in known:
            continue
        full = max(sorted(_names(ent)), key=len)
        words = [w for w in normalise_name(full).split() if not is_initials(w)]
        sur = surname(full).split()
        if len(sur) < 2 or len(words) < len(sur) + 1 or any("-" in w or w.lower() in PARTICLES for w in sur):
            continue
        new = "person/" + slugify(sur[-1])
        if new == ent.key or new in known:
            continue
        other = ex.entities.get(new)
        bare = other is not None and other.cls in PERSON_CLASSES and {fold(n) for n in _names(other)} == {fold(sur[-1])}
        if bare or _used_alone(ex.source.text, sur[-2], sur[-1]):
            out[ent.key] = new
    return out


def rekey_middle_names(ex: Extraction) -> Extraction:
    """``ex`` with ``middle_name_merges`` applied (``ex`` itself when there are none):
    the document's own usage decides, so the key is the same alone and in any build."""
    merges = middle_name_merges(ex)
    if not merges:
        return ex

    def m(key: str) -> str:
        return merges.get(key, key)

    new = Extraction(source=ex.source, doc_key=ex.doc_key, warnings=list(ex.warnings))
    for ent in ex.entities.values():
        new.add_entity(_copy_entity(ent, m(ent.key)))
    new.facts = [_rewrite_fact(f, m) for f in ex.facts]
    return new


_MEETING_KINDS = ("ministerial/", "summit/")


def _stated_within_reference(f: Fact) -> bool:
    """A day a text states inside a reference summit's days (``events.summit_stated_days``):
    it stands in its document as stated, beside the reference data's first or last day."""
    return f.evidence is not None and f.evidence.rule == "events.summit_stated_days"


def settle_meeting_dates(extractions: list[Extraction]) -> list[Extraction]:
    """One start and one end date per meeting across documents: the earliest start
    and the latest end any document states. A letter that names only one day of a
    two-day ministerial ("op 4 april") states a day of it, not its first day, so
    its other date facts are dropped. Documents with nothing to drop are returned
    as they are. Days stated inside a reference summit's span stay as stated."""
    starts: dict[str, set] = defaultdict(set)
    ends: dict[str, set] = defaultdict(set)
    for ex in extractions:
        for f in ex.facts:
            if f.subject.startswith(_MEETING_KINDS) and not _stated_within_reference(f):
                if f.predicate == "schema:startDate":
                    starts[f.subject].add(f.object)
                elif f.predicate == "schema:endDate":
                    ends[f.subject].add(f.object)
    keep = {k: min(v) for k, v in starts.items() if len(v) > 1}
    keep_end = {k: max(v) for k, v in ends.items() if len(v) > 1}
    if not keep and not keep_end:
        return extractions

    def wanted(f: Fact) -> bool:
        if _stated_within_reference(f):
            return True
        if f.predicate == "schema:startDate" and f.subject in keep:
            return f.object == keep[f.subject]
        if f.predicate == "schema:endDate" and f.subject in keep_end:
            return f.object == keep_end[f.subject]
        return True

    out = []
    for ex in extractions:
        facts = [f for f in ex.facts if wanted(f)]
        if len(facts) != len(ex.facts):
            new = Extraction(source=ex.source, doc_key=ex.doc_key, warnings=list(ex.warnings))
            new.entities = ex.entities
            new.facts = facts
            ex = new
        out.append(ex)
    return out


def resolve(extractions: list[Extraction]) -> list[Extraction]:
    """Give every entity one key and one label across all documents."""
    extractions = settle_meeting_dates([rekey_middle_names(scope_to_document(ex)) for ex in extractions])
    parent: dict[str, str] = {}
    people: dict[str, set[str]] = defaultdict(set)
    variants: set[str] = set()
    for ex in extractions:
        for k, v in ocr_merges(ex, variants).items():
            parent[_find(parent, k)] = _find(parent, v)
        for ent in ex.entities.values():
            if ent.cls in PERSON_CLASSES:
                people[ent.key] |= _names(ent)
    for k, v in person_merges(people).items():
        a, b = _find(parent, k), _find(parent, v)
        if a != b:
            parent[a] = b

    def m(key: str) -> str:
        return _find(parent, key)

    # Merge within each document under the new keys. Entities are copied (their
    # label, class and names change below); facts are immutable, so a document
    # none of whose keys changed keeps its list of facts.
    out: list[Extraction] = []
    for ex in extractions:
        new = Extraction(source=ex.source, doc_key=m(ex.doc_key), warnings=list(ex.warnings))
        for ent in ex.entities.values():
            new.add_entity(_copy_entity(ent, m(ent.key)))
        if parent and any(f.subject in parent or (isinstance(f.object, Ref) and f.object.key in parent)
                          for f in ex.facts):
            new.facts = [_rewrite_fact(f, m) for f in ex.facts]
        else:
            new.facts = list(ex.facts)
        out.append(new)
    # One label and class per key across documents.
    by_key: dict[str, list[Entity]] = defaultdict(list)
    labels: dict[str, Counter] = defaultdict(Counter)
    own: dict[str, Entity] = {}  # a document as read from itself, not as cited by others
    for ex in out:
        for ent in ex.entities.values():
            by_key[ent.key].append(ent)
            labels[ent.key][ent.label] += 1
        if ex.doc_key in ex.entities:
            own[ex.doc_key] = ex.entities[ex.doc_key]
    for key, ents in by_key.items():
        mine = own.get(key)
        # the key's kind decides which classes and names may hold it: a Minister seen under an
        # office's key (``office/minister-van-defensie-nl``) never turns the office into a person
        kind = key.partition("/")[0]
        fit = [e for e in ents if KIND_OF_CLASS.get(e.cls, kind) == kind] or ents
        doc_labels = labels[key] if len(fit) == len(ents) else Counter(e.label for e in fit)
        label = mine.label if mine is not None else _global_label(key, fit, doc_labels, variants)
        cls = ("Minister" if any(e.cls == "Minister" for e in fit)
               else mine.cls if mine is not None else fit[0].cls)
        same_as = next((e.same_as for e in ents if e.same_as), None) or _person_same_as(key, cls)
        for e in ents:
            names = _names(e)
            # a person keeps the class its own document gives: a minister elsewhere
            # may be a member of parliament here (kg.rdf.graph writes it per document)
            e.label, e.same_as = label, same_as
            if not (e.cls in PERSON_CLASSES and cls in PERSON_CLASSES):
                e.cls = cls
            e.alt_labels = names - {label}
    return out
