"""The Dutch spaCy pipeline: ``spacy.blank("nl")`` plus navo-kg components.

The components are listed in ``config.cfg`` beside this file and registered
by name (``@Language.factory``) in ``kg/nlp/components/``. Each one adds
entity mention spans to ``doc.spans["kg"]`` through ``kg.nlp.spans``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CONFIG = Path(__file__).with_name("config.cfg")


@lru_cache(maxsize=1)
def make_pipeline():
    """Build (once per process) the pipeline described by ``config.cfg``."""
    from spacy import util

    import kg.nlp.components  # noqa: F401  (registers the factories)

    config = util.load_config(CONFIG)
    return util.load_model_from_config(config, auto_fill=True, validate=True)
