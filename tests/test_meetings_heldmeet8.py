"""Wave 8b (heldmeet8): a ministerial named by the compound 'defensieministers', dated in a news
item by a weekday before its mention and by the days its ministers conferred."""
import pytest

from kg.nlp import make_pipeline

from extracting import facts, run


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _news(day: str, body: str) -> str:
    return f"Kritiek op bondgenoten\n\nGepubliceerd: {day}\n\nBRUSSEL - {body}\n"


def _ministerials(ex) -> dict[str, tuple]:
    """key -> (startDate, endDate) of every MinisterialMeeting the extraction dates."""
    starts = {s.split("/id/")[-1]: str(o) for s, o in facts(ex, "schema:startDate") if "ministerial/" in s}
    ends = {s.split("/id/")[-1]: str(o) for s, o in facts(ex, "schema:endDate") if "ministerial/" in s}
    return {k: (v, ends.get(k)) for k, v in starts.items()}


TALLINN = _news("14 februari 2018", "De Noorse minister van Defensie heeft dinsdag tijdens een bijeenkomst van "
                "NAVO-defensieministers in Brussel gepleit voor meer oefeningen in het noorden. "
                "Zij kreeg steun van Denemarken.\n\nDe ministers spraken dinsdag en woensdag ook over de missie in Irak.")


def test_compound_ministers_name_a_ministerial_dated_by_weekday_and_conferred_days(nlp):
    doc, ex = run(nlp, TALLINN)
    assert _ministerials(ex) == {"ministerial/dmm-2018-02": ("2018-02-13", "2018-02-14")}
    assert doc.user_data["kg_events"]["concerns"] == "ministerial/dmm-2018-02"


@pytest.mark.parametrize("body", [
    "Tijdens de buitengewone vergadering van de defensieministers op maandag in Brussel ging het over Oekraïne.",
    "Bij het overleg van alle NAVO-defensieministers in Brussel stond maandag de oostflank centraal.",
])
def test_other_wordings_of_the_compound_name_a_ministerial(nlp, body):
    doc, _ex = run(nlp, _news("12 februari 2018", body))
    assert any(k.startswith("ministerial/") for k in doc.user_data["kg_events"]["meetings"])


@pytest.mark.parametrize("body", [
    # the ministers of named countries or of another union are no NATO ministerial
    "De minister sprak dinsdag tijdens een bijeenkomst van de defensieministers van de EU in Brussel.",
    "De minister sprak dinsdag tijdens een bijeenkomst van defensieministers van Duitsland en Frankrijk.",
    # leaders, not ministers
    "Er was een vergadering van staatshoofden en regeringsleiders.",
])
def test_compound_ministers_of_others_name_no_ministerial(nlp, body):
    doc, _ex = run(nlp, _news("14 februari 2018", body))
    assert not any(k.startswith("ministerial/") for k in doc.user_data["kg_events"]["meetings"])


def test_weekday_before_needs_the_act_during_the_meeting(nlp):
    # the weekday dates an act about the meeting, not one during it: only what else the text says
    text = _news("14 februari 2018", "De minister heeft dinsdag kritiek geuit op een vergadering van "
                                     "NAVO-defensieministers in Brussel.")
    _doc, ex = run(nlp, text)
    assert not any(v[0].endswith("-13") for v in _ministerials(ex).values())


@pytest.mark.parametrize("later", [
    # not consecutive days, another week, or a month in the clause: no days from it
    "De ministers spraken maandag en woensdag ook over de missie in Irak.",
    "De ministers spraken vorige week dinsdag en woensdag ook over de missie in Irak.",
    "De ministers spraken dinsdag en woensdag in maart over de missie in Irak.",
    # not the meeting's ministers
    "Kamerleden spraken dinsdag en woensdag ook over de missie in Irak.",
])
def test_conferred_days_only_from_the_meetings_ministers_on_its_days(nlp, later):
    text = TALLINN.replace("De ministers spraken dinsdag en woensdag ook over de missie in Irak.", later)
    _doc, ex = run(nlp, text)
    assert ("2018-02-13", "2018-02-14") not in _ministerials(ex).values()


def _agenda(date: str, opening: str) -> str:
    return ("Tweede Kamer der Staten-Generaal\nVergaderjaar 2022–2023\n\n28 676 NAVO\n\nNr. 401 BRIEF VAN DE MINISTER "
            "VAN BUITENLANDSE ZAKEN\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            f"Den Haag, {date}\n\n{opening} Hierbij ontvangt u de geannoteerde agenda van de top.\n\n"
            "Oekraïne\nDe regeringsleiders zullen spreken over de steun aan Oekraïne.\n")


VILNIUS_AGENDA = _agenda("30 juni 2023", "Op 11 en 12 juli a.s. komen de regeringsleiders van de bondgenoten bijeen in "
                                         "Vilnius. Het is de eerste top sinds de NAVO-top in Madrid van juni 2022.")


def test_agenda_of_a_summit_only_its_leaders_gathering_dates(nlp):
    doc, ex = run(nlp, VILNIUS_AGENDA)
    assert doc.user_data["kg_events"]["concerns"] == "summit/vilnius-2023"
    assert any(o == "summit/vilnius-2023" for _s, o in facts(ex, "kg:concerns"))


def test_a_leaders_gathering_long_past_is_no_topic(nlp):
    text = _agenda("30 juni 2024", "Op 11 en 12 juli 2023 kwamen de regeringsleiders van de bondgenoten bijeen in "
                                   "Vilnius. Sindsdien is er veel gebeurd.")
    doc, _ex = run(nlp, text)
    assert doc.user_data["kg_events"]["concerns"] is None


def _agreed(ex) -> set[tuple[str, str]]:
    return {(s.split("/")[-1], o.split("/")[-1]) for s, o in facts(ex, "kg:agreedAt")}


VILNIUS_PLANS = VILNIUS_AGENDA.replace(
    "Oekraïne\nDe regeringsleiders zullen spreken over de steun aan Oekraïne.\n",
    "Innovatie\nOp de top zal het Defence Production Action Plan (DPAP) worden aangenomen. Daarnaast wordt besloten "
    "tot de oprichting van een NATO Innovation Fund (NIF). Over het Membership Action Plan (MAP) voor Oekraïne zal op "
    "de top geen besluit worden genomen.\n")


def test_agenda_summit_by_its_gathering_agrees_the_plans_of_de_top(nlp):
    _doc, ex = run(nlp, VILNIUS_PLANS)
    agreed = _agreed(ex)
    # the plan the sentence gives 'de top', and the one 'Daarnaast wordt besloten tot' goes on with
    assert ("nato-innovation-fund", "vilnius-2023") in agreed
    # a summit that takes no decision agrees nothing
    assert not any(p == "membership-action-plan" and s == "vilnius-2023" for p, s in agreed)


def test_a_date_of_the_first_conjunct_does_not_date_the_second(nlp):
    text = VILNIUS_AGENDA.replace("Het is de eerste top sinds de NAVO-top in Madrid van juni 2022.",
                                  "Het is de eerste bijeenkomst sinds de top in Madrid van juni 2022 en de eerste "
                                  "NAVO-top met Finland als lid.")
    doc, _ex = run(nlp, text)
    madrid = doc.user_data["kg_events"]["meetings"].get("summit/madrid-2022")
    assert madrid is not None and len(madrid["mentions"]) == 1  # 'NAVO-top' is not Madrid's


def test_strengthened_resilience_commitment_is_one_initiative_not_warsaws_commitment(nlp):
    text = _agenda("4 juni 2021", "Op 14 juni a.s. komen de regeringsleiders van de bondgenoten bijeen in Brussel.") \
        .replace("Oekraïne\nDe regeringsleiders zullen spreken over de steun aan Oekraïne.\n",
                 "Weerbaarheid\nOp de top wordt de Strengthened Resilience Commitment aangenomen. Die "
                 "verplichting bouwt voort op de Resilience Commitment van 2016.\n")
    doc, ex = run(nlp, text)
    keys = {o.split("/id/")[-1] for _s, o in facts(ex, "kg:mentions")}
    assert {"initiative/strengthened-resilience-commitment", "pledge/commitment-to-enhance-resilience"} <= keys
    assert ("strengthened-resilience-commitment", "brussel-2021") in _agreed(ex)


def test_weekday_after_op_before_the_meeting_dates_it_too(nlp):
    text = TALLINN.replace("heeft dinsdag tijdens", "heeft op dinsdag tijdens")
    _doc, ex = run(nlp, text)
    assert _ministerials(ex) == {"ministerial/dmm-2018-02": ("2018-02-13", "2018-02-14")}
