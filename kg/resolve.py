"""Identity across mentions and documents (stub: to be written)."""
from __future__ import annotations

from kg.model import Extraction


def resolve(extractions: list[Extraction]) -> list[Extraction]:
    """Give every entity one key and one label across all documents."""
    return extractions
