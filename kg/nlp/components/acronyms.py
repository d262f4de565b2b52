"""Component kg_acronyms (stub: to be written)."""
from spacy.language import Language


@Language.factory("kg_acronyms")
def make_acronyms(nlp, name):
    return lambda doc: doc
