"""Dutch amounts and percentages."""
from decimal import Decimal

from kg.amounts import euros, find_amounts, parse_amount, parse_number


def test_parse_number_dutch_separators():
    assert parse_number("12.500") == Decimal(12500)
    assert parse_number("2,25") == Decimal("2.25")
    assert parse_number("abc") is None


def test_money_with_scale():
    assert euros("Noorwegen stelt EUR 40 miljoen beschikbaar") == Decimal(40_000_000)
    assert euros("een bijdrage van € 2,5 miljard") == Decimal(2_500_000_000)
    assert euros("ruim 300 miljoen euro extra") == Decimal(300_000_000)


def test_a_scale_word_that_ends_the_sentence():
    assert euros("De kosten bedragen EUR 12,4 miljoen.") == Decimal(12_400_000)
    assert euros("Voor 2027 is € 9 mld. gereserveerd") == Decimal(9_000_000_000)
    assert find_amounts("10 mln.euro")[0].value == Decimal(10)  # glued to a word: no scale


def test_plain_thousands_and_percentages():
    found = find_amounts("Ruim 12.500 militairen, 1,8% van het bbp en 3,25 procent groei.")
    assert [(a.value, a.unit) for a in found] == [(Decimal(12500), ""), (Decimal("1.8"), "%"), (Decimal("3.25"), "%")]


def test_year_after_amount_is_a_separate_number():
    found = find_amounts("geraamd op EUR 8 miljoen voor 2026")
    assert found[0].value == Decimal(8_000_000) and found[0].unit == "EUR"
    assert found[1].value == Decimal(2026) and found[1].unit == ""


def test_parse_amount_first_value():
    assert parse_amount("minimaal 2% van het bbp") == Decimal(2)
    assert parse_amount("geen getal") is None
