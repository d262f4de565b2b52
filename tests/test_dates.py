"""Dutch dates: single dates, ranges, month-only mentions, years from context."""
import datetime as dt

from kg.dates import find_dates, first_year, parse_date, parse_range


def test_parse_date_single():
    assert parse_date("Den Haag, 7 oktober 2019") == dt.date(2019, 10, 7)
    assert parse_date("geen datum hier") is None


def test_range_with_en():
    assert parse_range("op 12 en 13 februari 2019 in Brussel") == (dt.date(2019, 2, 12), dt.date(2019, 2, 13))


def test_range_with_dash_and_en_dash():
    assert parse_range("de top (28-29 juni 2022)") == (dt.date(2022, 6, 28), dt.date(2022, 6, 29))
    assert parse_range("de top (28–30 juni 2022)") == (dt.date(2022, 6, 28), dt.date(2022, 6, 30))


def test_range_with_tot():
    assert parse_range("van 14 tot 16 mei 2021") == (dt.date(2021, 5, 14), dt.date(2021, 5, 16))


def test_range_across_months():
    assert parse_range("op 30 november en 1 december 2020") == (dt.date(2020, 11, 30), dt.date(2020, 12, 1))


def test_upper_case_and_line_break():
    assert parse_range("BIJEENKOMST VAN 6 EN \n7 OKTOBER 2021") == (dt.date(2021, 10, 6), dt.date(2021, 10, 7))


def test_year_from_context():
    assert parse_range("de ministeriële van 22-23 oktober") is None
    assert parse_range("de ministeriële van 22-23 oktober", year=2020) == (dt.date(2020, 10, 22), dt.date(2020, 10, 23))
    found = find_dates("op 22 oktober", 2020)[0]
    assert not found.explicit_year and found.start == dt.date(2020, 10, 22)


def test_month_only():
    d = find_dates("in februari 2021 ligt het plan voor")[0]
    assert not d.is_day
    assert (d.start, d.end) == (dt.date(2021, 2, 1), dt.date(2021, 2, 28))


def test_two_dates_in_one_sentence():
    found = find_dates("Na de top van 28 en 29 juni 2022 volgt op 14 februari 2023 een ministeriële.")
    assert [(d.start, d.end) for d in found] == [(dt.date(2022, 6, 28), dt.date(2022, 6, 29)),
                                                 (dt.date(2023, 2, 14), dt.date(2023, 2, 14))]


def test_invalid_day_is_ignored():
    assert parse_range("op 31 en 32 april 2020") is None


def test_first_year():
    assert first_year("Brief van 3 maart 2018 over de top in juli 2018") == 2018
    assert first_year("zonder jaartal") is None


# --- the speed-ups of find_dates give the matches of the plain regex scan -------

import re as _re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg import dates as _dates

_PLAIN = [  # the patterns as first written: \b first, each run over the whole text
    ("dmdm", _re.compile(r"\b(\d{1,2})\s+" + _dates._M + "(?:" + _dates._JOIN + r")(\d{1,2})\s+" + _dates._M
                         + _dates._YEAR, _re.IGNORECASE)),
    ("ddm", _re.compile(r"\b(\d{1,2})(?:" + _dates._JOIN + r")(\d{1,2})\s+" + _dates._M + _dates._YEAR,
                        _re.IGNORECASE)),
    ("dm", _re.compile(r"\b(\d{1,2})\s+" + _dates._M + _dates._YEAR, _re.IGNORECASE)),
    ("my", _re.compile(r"\b" + _dates._M + r"\s+(\d{4})\b", _re.IGNORECASE)),
]


def _plain_find_dates(text, year=None):
    taken, out = [], []
    for kind, rx in _PLAIN:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            found = _dates._mention(kind, m, year)
            if found is not None:
                taken.append((m.start(), m.end()))
                out.append(found)
    return sorted(out, key=lambda d: d.start_char)


_DATE_PIECES = st.sampled_from([
    "januari", "JUNI", "Juli", "mei", "oKtober", "april", "augustus", " ", "  ", "\n", "\t", "2024", "12345",
    "1", "12", "31", "0", "-", "–", "/", " en ", " tot ", " tot en met ", " t/m ", "t.e.m.", "x", "a", ".", ",",
    "(", "_", "3", "op "])


@settings(max_examples=400, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=30), st.sampled_from([None, 2023]))
def test_find_dates_gives_the_plain_regex_scans_matches(parts, year):
    text = "".join(parts)
    assert find_dates(text, year) == _plain_find_dates(text, year)


def test_unicode_case_variants_of_month_names_do_not_raise():
    # re.IGNORECASE matches "ſ" for "s", "İ" for "i" and the Kelvin sign for "k";
    # str.lower() maps none of them back, which once raised KeyError.
    assert parse_date("3 ſeptember 2024") == dt.date(2024, 9, 3)
    assert parse_date("1 o\u212atober 2023") == dt.date(2023, 10, 1)
    [m] = find_dates("op 7 maart en 9 jul\u0130 2024 werd")
    assert (m.year, m.month1, m.day1, m.month2, m.day2) == (2024, 3, 7, 7, 9)
