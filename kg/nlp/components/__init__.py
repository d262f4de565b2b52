"""navo-kg's spaCy components; importing this module registers their factories."""
from kg.nlp.components import fold, gazetteer, acronyms, persons, events  # noqa: F401
