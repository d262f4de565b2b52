#!/usr/bin/env python3
"""Generate ``kg/nlp/components/exceptions.json``: where spaCy's affix rules
split each Dutch tokenizer exception (see ``kg/nlp/components/exceptions.py``).

Run after upgrading spaCy or changing the tokenizer's affix rules:
``python scripts/make_tokenizer_table.py``. The output is committed; without a
matching table kg_tokenizer still works, adding every exception at start-up.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.nlp import make_pipeline  # noqa: E402
from kg.nlp.components.exceptions import DATA, write_table  # noqa: E402


def main() -> None:
    """Write the table for the installed spaCy and the pipeline's tokenizer."""
    tokenizer = make_pipeline().tokenizer
    write_table(tokenizer, tokenizer.rules)
    print(f"written {DATA}")


if __name__ == "__main__":
    main()
