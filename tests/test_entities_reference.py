"""Entities that Dutch NATO letters name and that only reference data (or a plural
office naming its holders) brings in: parliaments, UN programmes, defence firms,
Dutch defence commands, venues and bases, small foreign towns in place context."""
from __future__ import annotations

import pytest

from kg.nlp import make_pipeline
from kg.nlp.spans import mentions


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def found(nlp, text: str, cls: str) -> set[tuple[str, str]]:
    return {(s.text, s.kb_id_) for s in mentions(nlp(text)) if s.label_ == cls}


def test_foreign_parliaments(nlp):
    got = found(nlp, "Het wetsvoorstel ligt bij de Assemblée nationale; de Bundestag stemde vorige week al in.",
                "Organisation")
    assert ("Assemblée nationale", "organisation/assemblee-nationale") in got
    assert ("Bundestag", "organisation/bondsdag") in got


def test_another_states_national_assembly_is_not_the_french_one(nlp):
    got = found(nlp, "De Nationale Assemblee van Servië nam de resolutie aan.", "Organisation")
    assert not any(key == "organisation/assemblee-nationale" for _, key in got)


def test_un_programmes(nlp):
    got = found(nlp, "Nederland steunt de ontmijning via UNMAS en het herstel van scholen via UNICEF en UNDP.",
                "Organisation")
    assert {key for _, key in got} >= {"organisation/unmas", "organisation/unicef", "organisation/undp"}


def test_defence_manufacturers(nlp):
    text = ("De Amerikaanse fabrikant Lockheed Martin levert de toestellen; de raketten komen van "
            "Kongsberg Defence & Aerospace en de munitie van Rheinmetall.")
    keys = {key for _, key in found(nlp, text, "Organisation")}
    assert {"organisation/lockheed-martin", "organisation/rheinmetall"} <= keys
    assert any(k.startswith("organisation/kongsberg") for k in keys)


def test_dutch_air_defence_command_and_its_base(nlp):
    text = ("Twee Patriot-eenheden van het Defensie Grondgebonden Luchtverdedigingscommando (DGLC) "
            "vertrekken volgende maand vanaf de vliegbasis De Peel naar Slowakije.")
    assert ("Defensie Grondgebonden Luchtverdedigingscommando", "organisation/defensie-grondgebonden-"
            "luchtverdedigingscommando") in found(nlp, text, "Organisation")
    assert ("De Peel", "place/de-peel") in found(nlp, text, "Place")


def test_de_peel_as_a_region_without_capital_is_no_place(nlp):
    assert not any(k == "place/de-peel" for _, k in found(nlp, "Boeren in de Peel protesteerden.", "Place"))


def test_prime_ministers_residence(nlp):
    got = found(nlp, "Het kabinet overlegde zondag in het Catshuis over de steun aan Oekraïne.", "Place")
    assert ("Catshuis", "place/catshuis") in got


def test_small_town_after_bij_and_after_a_diminutive_place_noun(nlp):
    # GeoNames towns that are matched only in place context ("context" match)
    text = ("De Spaanse eenheid staat opgesteld bij Fetești. In het grensplaatsje Akçakale "
            "vielen vorig jaar slachtoffers.")
    keys = {k for _, k in found(nlp, text, "Place")}
    assert {"place/fetesti", "place/akcakale"} <= keys


def test_bij_before_a_person_named_elsewhere_is_no_place(nlp):
    # Austin is a context town; the letter names the man as minister Austin
    text = "Minister Austin opende de vergadering. Daarna lag het woord bij Austin."
    assert not any(k == "place/austin" for _, k in found(nlp, text, "Place"))


def test_plural_office_with_states_names_each_holder(nlp):
    text = ("De minister sprak in Vilnius met de presidenten van Letland en Litouwen, "
            "Edgars Rinkēvičs en Gitanas Nausėda, over de luchtverdediging.")
    got = {(cls, key) for cls in ("Person", "Minister") for _, key in found(nlp, text, cls)}
    assert ("Person", "person/rinkevics") in got
    assert ("Person", "person/nauseda") in got


def test_plural_office_with_states_but_no_name_list(nlp):
    text = "De ministers van Defensie van Polen en Duitsland, Warschau en Berlijn zijn het eens."
    assert not found(nlp, text, "Person") and not found(nlp, text, "Minister")


def test_georgian_president_as_reference_person(nlp):
    got = found(nlp, "Margvelasjvili sprak de bondgenoten toe in Brussel.", "Person")
    assert ("Margvelasjvili", "person/margvelasjvili") in got


def test_acronym_defined_command_and_organisation(nlp):
    text = ("De Defensie Vastgoed Organisatie (DVO) en het Joint Logistics Command (JLC) bereiden de "
            "ontvangst voor. Het JLC meldt zich in maart.")
    doc = nlp(text)
    got = {(s.text, s.label_) for s in mentions(doc)}
    assert ("Defensie Vastgoed Organisatie", "Organisation") in got
    assert ("Joint Logistics Command", "Organisation") in got
    assert sum(1 for s in mentions(doc) if s.text == "JLC" and s.label_ == "Organisation") == 2


def test_letters_without_a_decomposition_fold_to_the_plain_letter():
    from kg.slug import fold, slugify
    assert fold("Şanlıurfa") == fold("Sanliurfa") == "sanliurfa"
    assert fold("Łódź") == "lodz" and fold("Tromsø") == "tromso" and fold("Ærø") == "aero"
    assert slugify("Białystok") == "bialystok"


def test_place_written_with_or_without_turkish_and_polish_letters(nlp):
    dotless = found(nlp, "De gevechtsvliegtuigen stijgen op vanuit Diyarbakır.", "Place")
    plain = found(nlp, "De gevechtsvliegtuigen stijgen op vanuit Diyarbakir.", "Place")
    assert {k for _, k in dotless} == {k for _, k in plain} == {"place/diyarbakir"}
    assert {k for _, k in found(nlp, "Het congres vindt plaats in Lodz.", "Place")} == {"place/lodz"}


def test_reference_office_holders_by_transliteration(nlp):
    text = ("Loekasjenko stelde zijn grondgebied ter beschikking. De Russische minister Beloesov "
            "en de Moldavische president Maia Sandu spraken in Chisinau. Xi Jinping was niet aanwezig.")
    keys = {k for cls in ("Person", "Minister") for _, k in found(nlp, text, cls)}
    assert {"person/loekasjenko", "person/beloesov", "person/sandu", "person/xi-jinping"} <= keys


def test_training_areas_and_air_bases_abroad(nlp):
    text = ("Oekraïense militairen oefenen in Grafenwöhr; de Nederlandse F-35's vliegen vanaf Graf Ignatievo "
            "en de staf werkt vanuit Norfolk.")
    keys = {k for _, k in found(nlp, text, "Place")}
    assert {"place/grafenwohr", "place/graf-ignatievo", "place/norfolk"} <= keys


def test_assad_is_no_air_base(nlp):
    assert not found(nlp, "Het regime van Bashar al-Asad viel in december.", "Place")


def test_firm_named_like_a_town_is_the_firm(nlp):
    doc = nlp("Defensie bestelt de luchtverdedigingssystemen bij Kongsberg; de telecomapparatuur komt van Nokia.")
    got = {(s.text, s.label_) for s in mentions(doc)}
    assert ("Kongsberg", "Organisation") in got
    assert not any(label == "Place" for _, label in got)


def test_reference_surname_after_bij_is_the_person_not_a_town(nlp):
    doc = nlp("De minister was dinsdag te gast bij Sandu in Chisinau.")
    got = {(s.text, s.label_, s.kb_id_) for s in mentions(doc)}
    assert ("Sandu", "Person", "person/sandu") in got
    assert not any(label == "Place" and text == "Sandu" for text, label, _ in got)
