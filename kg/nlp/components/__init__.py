"""navo-kg's spaCy components; importing this module registers their factories."""
from kg.nlp.components import tokenizer, sentences, fold, gazetteer, acronyms, units, persons, events  # noqa: F401
