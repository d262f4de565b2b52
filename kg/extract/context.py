"""The state shared by the rule families while one document is read."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import CleanText, Entity, Evidence, Extraction, Fact, Ref
from kg.nlp.components.docindex import sent_of


@dataclass
class Context:
    """A document being read: its spaCy Doc, its clean text, what was found."""

    doc: object  # spacy.tokens.Doc over clean.text
    clean: CleanText
    extraction: Extraction = field(init=False)
    meta: dict = field(default_factory=dict)  # document metadata found by kg.extract.document
    _asked: tuple | None = field(default=None, init=False, repr=False)  # (spans, starts), source offsets

    def __post_init__(self) -> None:
        # The document key is refined by kg.extract.document once the
        # Kamerstuk number is known.
        self.extraction = Extraction(source=self.clean.source, doc_key="document/" + _file_slug(self.clean.source.name))

    def evidence(self, start_char: int, end_char: int, rule: str) -> Evidence:
        """Evidence for a clean-text span (usually a sentence), in source offsets."""
        s, e = self.clean.to_source(start_char, end_char)
        return Evidence(sentence=self.clean.source.text[s:e], start=s, end=e, rule=rule)

    def sentence_evidence(self, span, rule: str) -> Evidence:
        """Evidence for the sentence that holds a spaCy span or token."""
        sent = sent_of(self.doc, span)
        return self.evidence(sent.start_char, sent.end_char, rule)

    def relate(self, subject: str, predicate: str, obj, evidence: Evidence | None = None) -> None:
        """Add a fact; an object that is an entity key string must be wrapped in Ref by the caller.
        A fact whose evidence only asks (a question) is not added (``kg.extract.questions``)."""
        if evidence is not None and self.asks(evidence, predicate):
            return
        self.extraction.add_fact(Fact(subject, predicate, obj, evidence))

    def link(self, subject: str, predicate: str, obj_key: str, evidence: Evidence) -> None:
        """Add a relation between two entities (evidence is required); not one a question asks."""
        self.relate(subject, predicate, Ref(obj_key), evidence)

    def asks(self, evidence: Evidence, predicate: str) -> bool:
        """Is ``evidence`` a question (or part of a question block), and ``predicate`` no fact
        about the document itself? A question states nothing about the world."""
        from kg.extract import questions
        if predicate in questions.DOCUMENT_PREDICATES or evidence.end <= evidence.start:
            return False
        if self._asked is None:
            from kg.nlp.components.docindex import sents
            text = self.clean.text
            sentences = [(st.start_char, st.end_char) for st in sents(self.doc)] \
                if self.doc is not None and questions.may_ask(text) else []  # a doc-less Context: tests
            spans = [self.clean.to_source(s, e) for s, e in questions.asked_spans(text, sentences)]
            self._asked = (spans, [s for s, _ in spans])
        return questions.within(*self._asked, evidence.start, evidence.end)

    def entity(self, ent: Entity) -> Entity:
        return self.extraction.add_entity(ent)


def line_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The whole lines that ``text[start:end]`` stands on (``end`` defaults to
    ``start``): a signature block's or a header's evidence is its lines."""
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", start if end is None else end)
    return s, (len(text) if e < 0 else e)


def _file_slug(name: str) -> str:
    from kg.slug import slugify

    return slugify(name.rsplit(".", 1)[0])
