"""The dataclasses every stage after the NLP speaks.

Data flows one way:

    SourceText (ingest) -> CleanText (clean) -> spaCy Doc (nlp)
        -> Extraction (extract) -> resolved Extractions (resolve) -> RDF (rdf)

Nothing after ``extract`` looks at spaCy objects, and nothing before ``rdf``
makes RDF terms. Entity identity is a *key* ``"<kind>/<slug>"``; the RDF stage
turns it into ``https://w3id.org/navo-kg/id/<kind>/<slug>``.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Union

# Contract classes (local names in the kg: namespace) -> IRI path segment.
# A Minister is a Person, so both live under "person/": the same human seen
# as "minister" in one letter and as a plain person in another is one node.
KIND_OF_CLASS: dict[str, str] = {
    "Document": "document",
    "Person": "person",
    "Minister": "person",
    "Office": "office",
    "Country": "country",
    "Organisation": "organisation",
    "Summit": "summit",
    "MinisterialMeeting": "ministerial",
    "Session": "session",
    "Pledge": "pledge",
    "Operation": "operation",
    "Initiative": "initiative",
    "Place": "place",
    "Motion": "motion",
    "Contribution": "contribution",
}


@dataclass(frozen=True)
class SourceText:
    """The text of one input file, decoded, exactly as the reader produced it.

    Evidence offsets point into ``text``. For ``.txt``/``.md`` it is the file's
    characters; for PDF/DOCX/HTML it is the text layer the reader extracted.
    """

    path: Path
    text: str
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    # Metadata the file carries beside its text (an HTML page's <meta> tags):
    # (name lower-cased, value) pairs, e.g. ("dc.identifier", "kst-28676-474").
    meta: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class CleanText:
    """Text the NLP sees, with a map from each of its characters to the source.

    ``offsets[i]`` is the index in ``source.text`` of ``text[i]``; it has one
    extra final element (the source length or the end of the last mapped
    character) so that an exclusive ``end`` maps too.
    """

    source: SourceText
    text: str
    offsets: tuple[int, ...]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean ``[start, end)`` span to a source ``[start, end)`` span."""
        if end <= start:
            s = self.offsets[min(start, len(self.offsets) - 1)]
            return s, s
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: a sentence of the source file and the rule."""

    sentence: str  # == source.text[start:end]
    start: int  # character offsets in SourceText.text
    end: int
    rule: str  # name of the rule that produced the fact, e.g. "people.office_name"


@dataclass(frozen=True)
class ReferenceEvidence(Evidence):
    """A value the reference data gives (a summit's dates and host city from
    ``summits.json``) that no sentence of the document states: it quotes nothing
    (``sentence`` "", offsets 0), and the fact stands in the reference graph, not
    in the document's (``kg.rdf.graph``)."""


def from_reference(rule: str) -> ReferenceEvidence:
    """The evidence of a value read from the reference data by ``rule``."""
    return ReferenceEvidence("", 0, 0, rule)


@dataclass(frozen=True)
class GYear:
    """An ``xsd:gYear`` value (a year without month and day)."""

    year: int


# A fact's object: another entity (by key) or a literal value.
Literal = Union[str, int, Decimal, _dt.date, GYear]


@dataclass(frozen=True)
class Ref:
    """A reference to an entity by key (``"country/oekraine"``)."""

    key: str


@dataclass
class Entity:
    """One entity as a document names it."""

    key: str  # "<kind>/<slug>", see KIND_OF_CLASS
    cls: str  # most specific contract class local name ("Minister", "Summit", ...)
    label: str  # fullest correct form seen
    alt_labels: set[str] = field(default_factory=set)  # every other surface form
    same_as: str | None = None  # Wikidata IRI where known
    mentioned: bool = True  # False for helper nodes (offices, contributions) the text does not "name"


@dataclass(frozen=True)
class Fact:
    """One triple-to-be: subject key, predicate CURIE, object, evidence.

    ``predicate`` is a CURIE over the contract prefixes: ``"kg:holdsOffice"``,
    ``"schema:startDate"``, ``"dcterms:date"``, ``"owl:sameAs"`` ...
    Every fact whose object is a ``Ref`` must carry evidence.
    """

    subject: str
    predicate: str
    object: Ref | Literal
    evidence: Evidence | None = None


@dataclass
class Extraction:
    """Everything read from one document."""

    source: SourceText
    doc_key: str  # the key of the kg:Document entity ("document/kst-28676-474")
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add_entity(self, ent: Entity) -> Entity:
        """Add or merge an entity by key; returns the stored one."""
        have = self.entities.get(ent.key)
        if have is None:
            self.entities[ent.key] = ent
            return ent
        merge_entity(have, ent)
        return have

    def add_fact(self, fact: Fact) -> None:
        self.facts.append(fact)


# The classes of a person (a minister is a person the text calls a minister).
PERSON_CLASSES = frozenset({"Person", "Minister"})

# Specificity order for merging classes of one entity seen in several places.
_MORE_SPECIFIC = {("Person", "Minister"): "Minister"}


def merge_entity(into: Entity, other: Entity) -> None:
    """Merge ``other`` into ``into``: union of names, the longer label wins."""
    names = {into.label, *into.alt_labels, other.label, *other.alt_labels}
    if len(other.label) > len(into.label):
        into.label = other.label
    into.alt_labels = {n for n in names if n != into.label}
    into.cls = _MORE_SPECIFIC.get((into.cls, other.cls), into.cls)
    into.same_as = into.same_as or other.same_as
    into.mentioned = into.mentioned or other.mentioned
