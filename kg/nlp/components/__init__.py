"""navo-kg's spaCy components; importing this module registers their factories."""
from kg.nlp.components import tokenizer, fold, gazetteer, acronyms, persons, events  # noqa: F401
