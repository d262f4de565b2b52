"""Dutch amounts and percentages: ``EUR 75 miljoen``, ``€ 1,5 miljard``,
``45.000``, ``2%``, ``3,5 procent`` -> ``Decimal``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

SCALES = {
    "duizend": Decimal(1_000), "miljoen": Decimal(1_000_000), "mln": Decimal(1_000_000),
    "mln.": Decimal(1_000_000), "miljard": Decimal(1_000_000_000), "mld": Decimal(1_000_000_000),
    "mld.": Decimal(1_000_000_000), "mrd": Decimal(1_000_000_000), "mrd.": Decimal(1_000_000_000),
}
# A Dutch number: "45.000", "1.250.000", "1,5", "75".
# A scale word may end the sentence ("EUR 36 miljoen."), but is no scale glued to a word ("mln.euro").
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_SCALE = r"(?:\s+(" + "|".join(re.escape(s) for s in sorted(SCALES, key=len, reverse=True)) + r")(?!\w|\.\w))?"
_MONEY = re.compile(
    r"(?:(EUR|€|euro)\s*)(" + _NUM + r")" + _SCALE + r"(?:\s+(euro))?"
    r"|(?<![\w.,])(" + _NUM + r")" + _SCALE + r"\s+(euro)\b", re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\w.,])(" + _NUM + r")\s*(%|procent\b)", re.IGNORECASE)
_PLAIN = re.compile(r"(?<![\w.,])(" + _NUM + r")" + _SCALE + r"(?![\w])")


@dataclass(frozen=True)
class Amount:
    """A number found in a text: ``unit`` is ``"EUR"``, ``"%"`` or ``""``."""

    start_char: int
    end_char: int
    value: Decimal
    unit: str


def parse_number(text: str) -> Decimal | None:
    """A Dutch number (``"45.000"`` -> 45000, ``"1,5"`` -> 1.5), or None."""
    s = text.strip()
    if not re.fullmatch(_NUM, s):
        return None
    try:
        return Decimal(s.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def _scaled(num: str, scale: str | None) -> Decimal | None:
    value = parse_number(num)
    if value is None:
        return None
    if scale:
        value *= SCALES[scale.lower()]
    return value.normalize() if value != value.to_integral() else value.quantize(Decimal(1))


def find_amounts(text: str) -> list[Amount]:
    """Every money amount, percentage and plain number in ``text``, left to right."""
    out: list[Amount] = []
    taken: list[tuple[int, int]] = []

    def add(m, value, unit):
        if value is None or any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        out.append(Amount(m.start(), m.end(), value, unit))

    for m in _MONEY.finditer(text):
        if m.group(2):
            add(m, _scaled(m.group(2), m.group(3)), "EUR")
        else:
            add(m, _scaled(m.group(5), m.group(6)), "EUR")
    for m in _PERCENT.finditer(text):
        add(m, _scaled(m.group(1), None), "%")
    for m in _PLAIN.finditer(text):
        add(m, _scaled(m.group(1), m.group(2)), "")
    return sorted(out, key=lambda a: a.start_char)


def parse_amount(text: str) -> Decimal | None:
    """The value of the first amount in ``text`` (money, percentage or number)."""
    found = find_amounts(text)
    return found[0].value if found else None


def euros(text: str) -> Decimal | None:
    """The first euro amount in ``text`` in whole euros, or None."""
    for a in find_amounts(text):
        if a.unit == "EUR":
            return a.value.quantize(Decimal(1))
    return None
