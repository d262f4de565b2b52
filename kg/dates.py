"""Dutch dates: single dates, ranges (``3 en 4 april 2024``, ``9-11 juli 2024``,
``9 tot 11 juli 2024``), month-only mentions (``april 2024``) and a year
carried over from context when the text leaves it out; ``document_date``
finds the date a letter or news item gives itself in its opening."""
from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
_M = "(" + "|".join(MONTHS) + ")"
MONTH_PATTERN = "(?:" + "|".join(MONTHS) + ")"  # a month name, non-capturing, for other modules' patterns
_DATE = re.compile(r"\b(\d{1,2})\s+" + _M + r"\s+(\d{4})\b", re.IGNORECASE)

# Joiners between the two days of a range: "en", "tot", "t/m", "tot en met", dashes.
_JOIN = r"\s*(?:-|–|—|/)\s*|\s+(?:en|tot(?:\s+en\s+met)?|t/m|t\.e\.m\.)\s+"
_YEAR = r"(?:\s+(\d{4})\b)?"
# "dinsdag 28 en woensdag 29 november": the second day of a range may carry its weekday
_JOIN_DAY = "(?:" + _JOIN + r")(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?"
# A pattern that opens with a digit or one character class lets ``re`` skip
# straight to candidate positions; one that opens with ``\b`` is tried at every
# position of the text. So the leading ``\b`` is checked by a lookbehind after
# the first character instead, which matches exactly the same:
# ``\b(\d{1,2})`` == ``(\d(?<!\w\d)\d?)``.
_DAY = r"(\d(?<!\w\d)\d?)"
# Ordered: the longest forms first, so "3 april en 4 mei 2024" beats "4 mei 2024".
_PATTERNS = [
    ("dmdm", re.compile(_DAY + r"\s+" + _M + _JOIN_DAY + r"(\d{1,2})\s+" + _M + _YEAR, re.IGNORECASE)),
    ("ddm", re.compile(_DAY + _JOIN_DAY + r"(\d{1,2})\s+" + _M + _YEAR, re.IGNORECASE)),
    ("dm", re.compile(_DAY + r"\s+" + _M + _YEAR, re.IGNORECASE)),
    ("my", re.compile(r"\b" + _M + r"\s+(\d{4})\b", re.IGNORECASE)),
]
_YEAR4 = re.compile(r"\d{4}\b")
_DAY_START = re.compile(r"\d(?<!\w\d)")  # where a day pattern can match: a digit after no word character


def _from_days(rx: re.Pattern, text: str, days: list[int]):
    """``rx.finditer(text)`` for a pattern that opens with ``_DAY``: tried only where a
    day can start (``days``, found once for the three day patterns), skipping what
    an earlier match took, as ``finditer`` does."""
    pos = 0
    for p in days:
        if p >= pos:
            m = rx.match(text, p)
            if m is not None:
                yield m
                pos = m.end()


_MONTH_LENGTHS = sorted({len(m) for m in MONTHS})


def _month_years(rx: re.Pattern, text: str):
    r"""``rx.finditer(text)`` for the month-year pattern, found from the years.

    A match is ``\b<month>\s+<4 digits>\b``: its year follows a whitespace run
    right after the month, so each 4-digit year after whitespace is looked at
    and the pattern tried where the month would start (``\b`` still sees the
    text before). Matches cannot overlap and each year has at most one, so
    this yields the same matches, in order, without trying ``rx`` at every
    position of the text (which opens with ``\b`` and a case-blind name)."""
    for y in _YEAR4.finditer(text):
        end = j = y.start()
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j == end:
            continue  # no whitespace before the year
        for n in _MONTH_LENGTHS:
            if n <= j:
                m = rx.match(text, j - n)
                if m is not None and m.end() == y.end():
                    yield m
                    break


@dataclass(frozen=True)
class DateMention:
    """One date expression found in a text (character offsets into it).

    ``day1``/``day2`` are None for a month-only mention; ``year`` is None when
    the text gives none and no context year was supplied.
    """

    start_char: int
    end_char: int
    year: int | None
    month1: int
    day1: int | None
    month2: int
    day2: int | None
    explicit_year: bool = True

    @property
    def start(self) -> dt.date | None:
        """First day (the 1st for a month-only mention), or None without a year."""
        return _safe_date(self.year, self.month1, self.day1 or 1)

    @property
    def end(self) -> dt.date | None:
        """Last day (the month's last day for a month-only mention)."""
        if self.year is None:
            return None
        day = self.day2 or self.day1 or calendar.monthrange(self.year, self.month2)[1]
        return _safe_date(self.year, self.month2, day)

    @property
    def is_day(self) -> bool:
        return self.day1 is not None

    def with_year(self, year: int | None) -> "DateMention":
        """The same mention with ``year`` filled in where the text left it out."""
        if self.year is not None or year is None:
            return self
        return DateMention(self.start_char, self.end_char, year, self.month1, self.day1,
                           self.month2, self.day2, explicit_year=False)


def _safe_date(year, month, day) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    """The month of a Dutch month name as the regexes matched it.

    ``re.IGNORECASE`` also matches Unicode case variants (``ſeptember``,
    ``İ``, the Kelvin sign for ``k``), which ``str.lower`` does not map back,
    so fold those to their ASCII letters; 0 for anything else."""
    key = name.lower()
    if key not in MONTHS:
        key = "".join(c for c in unicodedata.normalize("NFKD", name.casefold())
                      if not unicodedata.combining(c))
    return MONTHS.get(key, 0)


def parse_date(text: str) -> dt.date | None:
    """The first full Dutch date in ``text`` (``"22 november 2024"``), or None."""
    m = _DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), _month_number(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _mention(kind: str, m: re.Match, year: int | None) -> DateMention | None:
    g = m.groups()
    if kind == "dmdm":
        d1, m1, d2, m2, y = int(g[0]), _month_number(g[1]), int(g[2]), _month_number(g[3]), g[4]
    elif kind == "ddm":
        d1, d2, m1, y = int(g[0]), int(g[1]), _month_number(g[2]), g[3]
        m2 = m1
        if d2 < d1:  # "30-2 juni" is not a range we understand
            return None
    elif kind == "dm":
        d1, m1, y = int(g[0]), _month_number(g[1]), g[2]
        d2, m2 = None, m1
    else:
        d1, d2, m1, y = None, None, _month_number(g[0]), g[1]
        m2 = m1
    if not m1 or not m2:
        return None
    if d1 is not None and not 1 <= d1 <= 31 or d2 is not None and not 1 <= d2 <= 31:
        return None
    found = DateMention(m.start(), m.end(), int(y) if y else None, m1, d1, m2, d2)
    return found.with_year(year)


def find_dates(text: str, year: int | None = None) -> list[DateMention]:
    """Every date expression in ``text``, left to right, without overlaps.

    ``year`` fills in ranges and dates that omit it (``"3-4 april"``).
    """
    # The spans taken so far never overlap, so sorted by start they are sorted by
    # end too: a new span [a, b) overlaps one iff the first taken span ending
    # after a starts before b.
    starts: list[int] = []
    ends: list[int] = []
    out: list[DateMention] = []
    days = [m.start() for m in _DAY_START.finditer(text)]
    for kind, rx in _PATTERNS:
        for m in _month_years(rx, text) if kind == "my" else _from_days(rx, text, days):
            a, b = m.span()
            at = bisect_right(ends, a)
            if at < len(starts) and starts[at] < b:
                continue
            found = _mention(kind, m, year)
            if found is None:
                continue
            starts.insert(at, a)
            ends.insert(at, b)
            out.append(found)
    return _same_day_years(text, sorted(out, key=lambda d: d.start_char))


_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]|\n")


def _same_day_years(text: str, dates: list[DateMention]) -> list[DateMention]:
    """A year-less day range that takes in a day the same sentence gave with a year
    earlier takes that year: in ``op 4 december 2018, tijdens de ministeriële van 4 en
    5 december`` both are 2018, whatever year the context supplies."""
    out = list(dates)
    for n, d in enumerate(out):
        if d.day1 is None or (d.year is not None and d.explicit_year):
            continue
        for prev in reversed(out[:n]):
            if _SENTENCE_BREAK.search(text, prev.end_char, d.start_char):
                break
            if prev.explicit_year and prev.year is not None and prev.day1 is not None \
                    and prev.day2 is None and d.month1 == d.month2 == prev.month1 \
                    and d.day1 <= prev.day1 <= (d.day2 or d.day1):
                # the text states the year, one date earlier: as explicit as its own
                out[n] = DateMention(d.start_char, d.end_char, prev.year, d.month1, d.day1, d.month2, d.day2)
                break
    return out


def parse_range(text: str, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of the first day-level date expression in ``text``."""
    for d in find_dates(text, year):
        if d.is_day and d.start and d.end:
            return d.start, d.end
    return None


def first_year(text: str) -> int | None:
    """The year of the first date expression that states one (context year)."""
    for d in find_dates(text):
        if d.year is not None:
            return d.year
    return None


# The letter's own date: "Den Haag, 22 november 2024", "'s-Gravenhage, 3 mei 2019",
# "Datum 18 december 2023", or a line that holds nothing but a date.
_LETTER_DATE = re.compile(
    r"(?:(?:Den Haag|['’‘]s[- ]Gravenhage),?|^\s*Datum:?)[ \t]+(\d{1,2}\s+" + _M + r"\s+\d{4})"
    r"|^[ \t]*(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)[ \t]+)?(\d{1,2}\s+" + _M
    + r"\s+\d{4})[ \t]*$",
    re.IGNORECASE | re.MULTILINE)


_NUMERIC_DATE_LINE = re.compile(r"^[^\n]{0,40}?\b(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)\b[^\n]{0,40}$", re.MULTILINE)


def document_date(text: str, head: int = 3000) -> dt.date | None:
    """The date a letter or news item gives itself in its opening (``Den Haag,
    <date>``, ``Datum <date>``, a date line), or None. Dates named in the
    running text are not the document's date."""
    m = _LETTER_DATE.search(text[:head])
    if m is not None:
        return parse_date(m.group(1) or m.group(3))
    line = news_date_line(text[:head])  # "Persbericht | 30-11-2022 | 14:20 | Ministerie …", "25 jun 2025 om 17:12"
    if line is not None:
        return line.date
    m = _NUMERIC_DATE_LINE.search(text[:600])  # a news item's "Nieuwsbericht | 26-06-2025 | 17:45"
    if m is not None:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return None


# A news item's date line, as government sites, press releases and news sites print it:
# "Persbericht | 30-11-2022 | 14:20 | Ministerie van Buitenlandse Zaken", "25 jun 2025 om 17:12
# Update: 25 jun 2025 om 19:40", "12 juli 2018, 17:48", "wo 4 maart 2031". Short month names
# ("jun", "okt.") are read here only: in running text "mei" is the one short form.
SHORT_MONTHS = {"jan": 1, "feb": 2, "febr": 2, "mrt": 3, "maa": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12}
_LINE_MONTH = "(" + "|".join(sorted([*MONTHS, *SHORT_MONTHS], key=len, reverse=True)) + r")\.?"
_LINE_LABEL = (r"(?:nieuwsbericht|persbericht|nieuws|bericht|gepubliceerd|geplaatst|publicatiedatum|datum)"
               r"(?:\s+op)?\s*[|:,–-]?\s*")
_WEEKDAY = r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?,?\s+)"
_LINE_DATE = r"(?:(\d{1,2})\s+" + _LINE_MONTH + r"\s+(\d{4})|(\d{1,2})-(\d{1,2})-(\d{4}))"
_LINE_TIME = r"(?:\s*[|,•·–-]?\s*(?:om\s+)?\d{1,2}[:.]\d{2}(?:\s*uur)?)"
_NEWS_DATE_LINE = re.compile(
    r"^[ \t]*(?:" + _LINE_LABEL + r")?" + _WEEKDAY + r"?" + _LINE_DATE + _LINE_TIME + r"?"
    # a revision stamp after it ("Update: 25 jun 2025 om 19:40", "Aangepast 19:40")
    r"(?:\s*[|,•·–-]?\s*(?:update|laatste update|laatst aangepast|aangepast|bijgewerkt|gewijzigd)(?:\s+op)?:?"
    r"(?:[ \t]+[\w:.,-]+){1,6})?"
    # the publisher after a bar: "| Ministerie van Buitenlandse Zaken"
    r"(?:[ \t]*\|[ \t]*([^|\n]{2,80}?))?[ \t]*$",
    re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class DateLine:
    """A news item's date line: its date, its character span, and the publisher it names (or None)."""

    date: dt.date
    start: int
    end: int
    publisher: str | None


def news_date_line(text: str, lines: int = 8) -> DateLine | None:
    """The date line among the first ``lines`` lines of a news item or press release, or None."""
    opening = "\n".join(text.split("\n", lines)[:lines])
    for m in _NEWS_DATE_LINE.finditer(opening):
        if m.group(1):
            month = _month_number(m.group(2)) or SHORT_MONTHS.get(m.group(2).lower(), 0)
            date = _safe_date(int(m.group(3)), month, int(m.group(1))) if month else None
        else:
            date = _safe_date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
        if date is not None:
            publisher = (m.group(7) or "").strip() or None
            return DateLine(date, m.start(), m.end(), publisher)
    return None
