"""The Dutch spaCy pipeline: ``spacy.blank("nl")`` plus navo-kg components.

The components are listed in ``config.cfg`` beside this file and registered
by name (``@Language.factory``) in ``kg/nlp/components/``. Each one adds
entity mention spans to ``doc.spans["kg"]`` through ``kg.nlp.spans``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

CONFIG = Path(__file__).with_name("config.cfg")

# spaCy's tokenizer peels prefixes one at a time and, after each, runs the
# ``...$`` suffix regex over the whole rest of the chunk: a long run of
# punctuation without spaces (``"(" * 8000``) took tens of seconds. Searching only
# the last _TAIL characters finds the same match: every suffix alternative but
# ``\.\.+$`` is at most a few characters, and when a match begins right at the
# window's edge (a long dot run) the whole chunk is searched as before.
_TAIL = 256


def _tail_suffix_search(search):
    """Wrap a compiled suffix regex's ``search`` so it scans only the end of long strings."""
    pattern = getattr(search, "__self__", None)
    if not isinstance(pattern, re.Pattern):
        return search

    def suffix_search(string: str):
        pos = len(string) - _TAIL
        if pos <= 0:
            return pattern.search(string)
        m = pattern.search(string, pos)  # lookbehinds still see the text before pos
        if m is not None and m.start() == pos:
            return pattern.search(string)
        return m

    return suffix_search


@lru_cache(maxsize=1)
def make_pipeline():
    """Build (once per process) the pipeline described by ``config.cfg``."""
    import spacy
    from spacy import util

    import kg.nlp.components  # noqa: F401  (registers the factories)

    config = util.load_config(CONFIG)
    # Setting suffix_search re-adds every tokenizer exception (~3,000 for Dutch,
    # a third of the start-up). So the tokenizer is built without them, gets its
    # suffix search, and then adds them once -- the order spaCy's own
    # Tokenizer.from_bytes uses. The result is the same tokenizer.
    defaults = util.get_lang_class(config["nlp"]["lang"]).Defaults
    rules, own = defaults.tokenizer_exceptions, "tokenizer_exceptions" in vars(defaults)
    defaults.tokenizer_exceptions = {}
    try:
        nlp = util.load_model_from_config(config, auto_fill=True, validate=True)
    finally:
        if own:
            defaults.tokenizer_exceptions = rules
        else:
            del defaults.tokenizer_exceptions
    tokenizer = nlp.tokenizer
    tokenizer.suffix_search = _tail_suffix_search(tokenizer.suffix_search)
    if not tokenizer.rules:  # built from the (emptied) defaults: add them now
        tokenizer.rules = rules
    return nlp
