"""Readable, stable IRI slugs and the name normalisation used for matching."""
from __future__ import annotations

import re
import unicodedata


# Letters that Unicode does not decompose into a base letter and a mark, written with
# the plain letter in Dutch texts: "Diyarbakir", "Lodz", "Store", "Radoslaw".
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
                               "ħ": "h", "Ħ": "h", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
                               "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"})


def fold(text: str) -> str:
    """Case- and accent-insensitive form: ``"Oekraïne"`` and ``"Oekraine"`` -> ``"oekraine"``,
    ``"Diyarbakır"`` and ``"Diyarbakir"`` -> ``"diyarbakir"``."""
    if text.__class__ is str and text.isascii():  # nothing to decompose; ASCII casefold is lower (common, fast)
        return text.lower()
    s = unicodedata.normalize("NFKD", text).translate(_UNDECOMPOSED)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def slugify(text: str) -> str:
    """``"NAVO-top Den Haag 2025"`` -> ``"navo-top-den-haag-2025"``."""
    s = re.sub(r"[^a-z0-9]+", "-", fold(text))
    return s.strip("-") or "x"
