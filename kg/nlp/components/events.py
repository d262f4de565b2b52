"""Component kg_events (stub: to be written)."""
from spacy.language import Language


@Language.factory("kg_events")
def make_events(nlp, name):
    return lambda doc: doc
