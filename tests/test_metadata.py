"""kg.extract.metadata on Dutch headers written for these tests (not the seeds)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from kg.clean import clean
from kg.extract.context import Context
from kg.extract import metadata as md
from kg.extract import title
from kg.model import Ref, SourceText

HEADER = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2030-2031

21 501-28

Nr. 319

kst-21501-28-319

VERSLAG VAN DE NAVO-DEFENSIEMINISTERS IN BRUSSEL
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 7 maart 2031

Hierbij zend ik u het verslag van de bijeenkomst van 12 en 13 februari 2031,
waarover ik u eerder informeerde (Kamerstuk 21 501-28, nr. 311). Zie ook de
brief over het Defensiefonds (36 600 X, nr. 12) en de agenda (29521, nr. 470).

De minister van Defensie,
R.S. Terpstra
"""

NO_ID = """35 925 NAVO

Nr. 88 BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

's-Gravenhage, 2 oktober 2029

Hierbij bied ik u de geannoteerde agenda aan voor de bijeenkomst in Praag.
"""

FOOTER_ONLY = ("Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-top in Ankara. De top\n"
               "vindt plaats op 8 en 9 juli 2032 en staat in het teken van de afschrikking.\n\n"
               "Tweede Kamer, vergaderjaar 2031–2032, 28 676, nr. 530 2\n")


def _run(text: str, name: str = "brief.txt") -> Context:
    ctx = Context(doc=None, clean=clean(SourceText(Path(name), text)))
    md.run(ctx)
    return ctx


def _facts(ctx: Context, subject: str | None = None) -> dict:
    subject = subject or ctx.extraction.doc_key
    return {f.predicate: f.object for f in ctx.extraction.facts if f.subject == subject}


def test_identifier_header_date_year_type():
    ctx = _run(HEADER)
    assert ctx.extraction.doc_key == "document/kst-21501-28-319"
    facts = _facts(ctx)
    assert facts["kg:dossierNumber"] == "21501-28"
    assert facts["kg:documentNumber"] == "319"
    assert facts["dcterms:date"] == dt.date(2031, 3, 7)
    assert facts["kg:parliamentaryYear"] == "2030-2031"
    assert ctx.meta["doc_type"] == "Report"
    assert ctx.meta["year"] == "2030-2031" and ctx.meta["date"] == dt.date(2031, 3, 7)
    doc = ctx.extraction.entities[ctx.extraction.doc_key]
    assert doc.cls == "Report" and doc.label == "Verslag van de NAVO-defensieministers in Brussel"


def test_citations_become_cited_documents():
    ctx = _run(HEADER)
    cites = sorted(f.object.key for f in ctx.extraction.facts if f.predicate == "kg:cites")
    assert cites == ["document/kst-21501-28-311", "document/kst-29521-470", "document/kst-36600-x-12"]
    assert _facts(ctx, "document/kst-36600-x-12") == {"kg:dossierNumber": "36600-X",
                                                      "kg:documentNumber": "12"}
    for f in ctx.extraction.facts:
        if isinstance(f.object, Ref):
            ev = f.evidence
            assert ctx.clean.source.text[ev.start:ev.end] == ev.sentence
            assert "nr." in ev.sentence


def test_header_without_identifier():
    ctx = _run(NO_ID)
    facts = _facts(ctx)
    assert (facts["kg:dossierNumber"], facts["kg:documentNumber"]) == ("35925", "88")
    assert facts["dcterms:date"] == dt.date(2029, 10, 2)
    assert facts["kg:parliamentaryYear"] == "2029-2030"  # derived: after Prinsjesdag
    assert ctx.meta["doc_type"] == "AnnotatedAgenda"
    # the letterhead is no title: without a heading the document is described
    assert ctx.meta["title"] is None
    title.run(ctx)
    assert ctx.extraction.entities[ctx.extraction.doc_key].label == \
        "Geannoteerde agenda van 2 oktober 2029 (Kamerstuk 35925, nr. 88)"


def test_footer_gives_numbers_and_year():
    ctx = _run(FOOTER_ONLY, "077_ankara.txt")
    assert ctx.extraction.doc_key == "document/kst-28676-530"
    facts = _facts(ctx)
    assert facts["kg:parliamentaryYear"] == "2031-2032"
    assert "dcterms:date" not in facts  # no "Den Haag, <date>" line: no guess


def test_unknown_numbers_keep_the_file_key():
    ctx = _run("Een korte notitie over de NAVO zonder kop.\n", "notitie_12.txt")
    assert ctx.extraction.doc_key == "document/notitie-12"
    # no header, salutation or signature: read as a news item, described as a "Bericht"
    assert ctx.meta["dossier"] is None and ctx.meta["doc_type"] == "NewsItem"
    title.run(ctx)  # never the file name: the opening words describe it
    assert ctx.extraction.entities["document/notitie-12"].label == "Bericht: Een korte notitie over de NAVO zonder kop"


def test_parliamentary_year_boundary():
    # Prinsjesdag 2031 is Tuesday 16 September.
    assert md.parliamentary_year(dt.date(2031, 9, 15)) == "2030-2031"
    assert md.parliamentary_year(dt.date(2031, 9, 16)) == "2031-2032"
    assert md.parliamentary_year(dt.date(2032, 1, 5)) == "2031-2032"


def test_dossier_strings():
    assert md.dossier_string("36 410", "X") == "36410-X"
    assert md.document_key("21501-02", "2794") == "document/kst-21501-02-2794"
    assert [c[:2] for c in md.find_citations("zie Kamerstuk 36 410-X, nr.93 en 28676, nr. 5")] == \
        [("36410-X", "93"), ("28676", "5")]


# --- rewritten patterns match exactly what their first forms matched -------------

import re as _re

from hypothesis import given, settings
from hypothesis import strategies as st

_DOSSIER = r"(\d{2}\s?\d{3})(?:\s?-\s?([A-Z0-9]{1,4})|\s([A-Z]{1,4}|[IVXL]{1,5})(?=,))?"
_META_FIRST_FORMS = [
    (md._KST_ID, _re.compile(r"\bkst-(\d{5})(?:-([A-Za-z0-9]{1,4}))?-(\d{1,5})\b")),
    (md._FOOTER, _re.compile(r"vergaderjaar\s+(\d{4})\s?[-–—]\s?(\d{4}),\s*" + _DOSSIER + r",\s*nr\.\s?(\d{1,5})",
                             _re.IGNORECASE)),
    (md._YEAR_LINE, _re.compile(r"\bvergaderjaar\s+(\d{4})\s?[-–—/]\s?(\d{4})\b", _re.IGNORECASE)),
    (md._PLACE_DATE, _re.compile(r"(?:Den Haag|['’‘]s[- ]Gravenhage),?\s+(\d{1,2}\s+[a-z]+\s+\d{4})",
                                 _re.IGNORECASE)),
    (md._CITE, _re.compile(r"(?<![\d-])" + _DOSSIER + r",?\s+nr\.\s?(\d{1,5})\b")),
]
_META_PIECES = st.sampled_from([
    "kst-28676-474", "xkst-12345-1", "kst-12345-AB-12", "vergaderjaar 2023–2024", "Vergaderjaar 2023 - 2024",
    "VERGADERJAAR 2024/2025", "xvergaderjaar", "28 676, nr. 430", "21501-02, nr. 2794", "36 200 V, nr. 73",
    "nr.93", "-28 676, nr. 4", "128 676", "Den Haag, 22 november 2024", "den haag 3 MEI 2023",
    "’s-Gravenhage, 1 juni 2020", "'S GRAVENHAGE 1 sept 2020", "x", " ", "\n", ",", "-", "–", "V", "ı", "K",
    "ſ", "nr.", "NR. ", "12", "2024", "a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_META_PIECES, max_size=25))
def test_rewritten_patterns_match_like_their_first_forms(parts):
    text = "".join(parts)
    for new, old in _META_FIRST_FORMS:
        assert [(m.span(), m.groups()) for m in new.finditer(text)] == \
            [(m.span(), m.groups()) for m in old.finditer(text)], old.pattern


# --- header forms, titles (texts written for these tests) --------------------------

def test_dates_of_each_header_form():
    assert md.find_date("Antwoord van Minister Jansen (Defensie) (ontvangen 3 maart 2031).\n")[0] == dt.date(2031, 3, 3)
    assert md.find_date("Verslag van een schriftelijk overleg\nVastgesteld 9 mei 2031\nDe commissie …\n")[0] == \
        dt.date(2031, 5, 9)
    assert md.find_date("Titel\nNummer: 2031D01234, datum: 2031-04-05, bijgewerkt: 2031-04-07\n")[0] == dt.date(2031, 4, 5)
    assert md.find_date("Kop van het bericht\nNieuwsbericht | 06-07-2031 | 10:15\nTekst.\n")[0] == dt.date(2031, 7, 6)
    assert md.find_date("Kop van het bericht\ndinsdag 8 juli 2031\nTekst.\n")[0] == dt.date(2031, 7, 8)
    # a date inside a sentence is no date line
    assert md.find_date("De ministers spreken op 8 juli 2031 in Oslo over de oostflank.\n")[0] is None


def test_meta_numbers_date_and_title():
    meta = {"dc.identifier": "kst-36410-X-12", "dcterms.issued": "2031-02-03",
            "dc.title": "Vaststelling begroting; Brief regering; Inzet voor de <b>defensieraad</b>"}
    assert md.meta_numbers(meta) == ("36410-X", "12")
    assert md.meta_date(meta) == dt.date(2031, 2, 3)
    assert md.meta_title(meta) == "Inzet voor de defensieraad"


def test_normal_case_keeps_acronyms_and_the_texts_forms():
    body = ("Hierbij bied ik u het verslag aan. De ministers kwamen bijeen in Riga, waar de NAVO-top "
            "werd voorbereid. De ministeriële bijeenkomst duurde twee dagen.")
    assert md.normal_case("VERSLAG VAN DE MINISTERIËLE BIJEENKOMST IN RIGA (DMM) OVER DE NAVO-TOP", body) == \
        "Verslag van de ministeriële bijeenkomst in Riga (DMM) over de NAVO-top"
    assert md.normal_case("Verslag van de bijeenkomst in Riga", body) == "Verslag van de bijeenkomst in Riga"


def test_title_never_the_letterhead_and_cut_where_the_source_broke():
    text = ("35 925 NAVO\n\nNr. 88 BRIEF VAN DE MINISTER VAN DEFENSIE\n\nDen Haag, 2 oktober 2029\n\n"
            "Hierbij bied ik u het verslag aan.\n\nDe minister van Defensie,\nP.Q. Jansen\n"
            "Verslag van de bijeenkomst van defensieministers (DMM) 12-13 september 2029\n"
            "Op 12 en 13 september kwamen de ministers bijeen. Zij spraken over de oostflank.\n")
    c = clean(SourceText(Path("x.txt"), text))
    title = md.find_title(c.text, c.source.text, c.offsets)
    assert title == "Verslag van de bijeenkomst van defensieministers (DMM) 12-13 september 2029"
    letter_only = "35 925 NAVO\n\nNr. 88 BRIEF VAN DE MINISTER VAN DEFENSIE\n\nDen Haag, 2 oktober 2029\n\nTekst.\n"
    assert md.find_title(letter_only) is None


def test_describe_a_document_without_title():
    meta = {"doc_type": "Report", "date": dt.date(2029, 10, 2), "dossier": "35925", "number": "88"}
    assert md.describe(meta, "NAVO-top Praag 2029", "") == \
        "Verslag NAVO-top Praag 2029 (2 oktober 2029, Kamerstuk 35925, nr. 88)"
    assert md.describe({"doc_type": "Letter", "date": None}, "NAVO-top Praag 2029",
                       "De leiders komen bijeen.") == "Bericht over NAVO-top Praag 2029"


def test_numbers_from_the_page_table():
    text = ("Kamerstuk\nDatum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer |\n"
            "---|---|---|---|\nTweede Kamer der Staten-Generaal | 2030-2031 | 31999 nr. 17 |\n"
            "Vastgesteld 4 januari 2031\nDe vaste commissie voor Defensie heeft overleg gevoerd.\n")
    assert md.find_numbers(text, text)[:2] == ("31999", "17")


def test_meta_title_is_never_a_type_a_letterhead_or_a_number():
    assert md.meta_title({"dc.title": "NAVO; Brief regering"}) is None
    assert md.meta_title({"dc.title": "Regels; Advies"}) is None
    assert md.meta_title({"overheidop.documenttitel": "Brief van de minister van Defensie"}) is None
    assert md.meta_title({"dc.title": "Kamerstuk 31999, nr. 12"}) is None
    assert md.meta_title({"dc.title": "NAVO; Brief regering; Verslag van de defensieraad",
                          "overheidop.documenttitel": "Brief van de minister van Defensie"}) == \
        "Verslag van de defensieraad"
    # the letter's own date before the day of publication
    assert md.meta_date({"dcterms.issued": "2031-02-05", "overheidop.datumbrief": "2031-02-03"}) == dt.date(2031, 2, 3)


def test_an_answer_without_export_title_says_what_was_asked():
    text = ("Vragen van het lid Bakker (PvdA) aan de Minister van Defensie over de inzet van fregatten in de "
            "Oostzee (ingezonden 2 februari 2031).\n\nAntwoord van Minister Lammers (Defensie) (ontvangen 3 maart 2031).\n\n"
            "Vraag 1\n\nBent u bekend met het bericht?\n")
    c = clean(SourceText(Path("ah.txt"), text))
    assert md.find_title(c.text, c.source.text, c.offsets) == \
        "Antwoord op vragen van het lid Bakker over de inzet van fregatten in de Oostzee"


def test_a_heading_with_a_date_is_no_date_line():
    assert md.find_date("Kop van het bericht\nBijeenkomst 12 maart 2031\nTekst.\n")[0] is None
    assert md.find_date("Kop van het bericht\nGepubliceerd op 12 maart 2031 om 10:00 uur\nTekst.\n")[0] == \
        dt.date(2031, 3, 12)
    assert md.find_date("Kop van het bericht\nGepubliceerd op 12 maart 2031 10:00\nTekst.\n")[0] == dt.date(2031, 3, 12)


def test_a_news_date_line_may_carry_a_revision_stamp():
    # news sites print when a piece was changed after the date it went out; the first date is the item's
    assert md.find_date("Kop van het bericht\n\n3 maart 2031 21:40 Aangepast 4 maart 2031 08:15\n\nTekst.\n")[0] == \
        dt.date(2031, 3, 3)
    assert md.find_date("Kop van het bericht\n3 maart 2031, laatst bijgewerkt om 22:05\nTekst.\n")[0] == \
        dt.date(2031, 3, 3)
    # a sentence after the date is no stamp
    assert md.find_date("Kop\n3 maart 2031 Aangepast is het plan van de minister voor de vloot\nTekst.\n")[0] is None


def test_questions_of_several_members_with_their_parties_give_the_title(nlp_free=None):
    text = ("Vragen van de leden Bakker (PvdA) en De Wit (SP) aan de Minister van Defensie over de inzet van "
            "fregatten in de Oostzee (ingezonden 2 februari 2031).\n\nAntwoord van Minister Lammers (Defensie), mede "
            "namens de Minister van Buitenlandse Zaken (ontvangen 3 maart 2031).\n\nVraag 1\n\nBent u bekend met het bericht?\n")
    c = clean(SourceText(Path("ah.txt"), text))
    assert md.find_title(c.text, c.source.text, c.offsets) == \
        "Antwoord op vragen van de leden Bakker en De Wit over de inzet van fregatten in de Oostzee"


NEWS_ITEM = ("Ministers bespreken luchtverdediging in Brussel\n\nNieuwsbericht | 12-03-2031 | 16:40\n\n"
             "De NAVO-ministers van Defensie kwamen vandaag bijeen. Minister Lammers pleitte voor meer munitie.\n")
ANSWER = ("Vragen van het lid Bakker (PvdA) aan de Minister van Defensie over munitievoorraden "
          "(ingezonden 2 februari 2031).\n\nVraag 1\n\nKent u het verslag van de bijeenkomst?\n")
UNHEADED_LETTER = ("Geachte voorzitter,\n\nHierbij informeer ik u over de uitkomsten van de NAVO-top.\n")


def test_document_kinds_of_each_genre():
    # an opening that calls itself an agenda or report keeps that class, whatever else it is
    assert md.find_kind(HEADER, signed=True) == "Report"
    assert md.find_kind(NO_ID, signed=False) == "AnnotatedAgenda"
    # written questions are answers, even when a question quotes a "verslag" later on
    assert md.find_kind(ANSWER, signed=False) == "Answer"
    assert md.find_kind("Antwoord van minister Lammers (Defensie) (ontvangen 3 maart 2031)\n\nVraag 1\n",
                        signed=False) == "Answer"
    # no header, salutation or signature: a news item; any of them makes it a letter
    assert md.find_kind(NEWS_ITEM, signed=False) == "NewsItem"
    assert md.find_kind(NEWS_ITEM, signed=True) == "Letter"
    assert md.find_kind(UNHEADED_LETTER, signed=False) == "Letter"
    assert md.find_kind("35 925 NAVO\n\nNr. 90\n\nDen Haag, 2 oktober 2029\n\nDe inzet gaat door.\n",
                        signed=False) == "Letter"


def test_run_types_an_unsigned_news_item():
    ctx = _run(NEWS_ITEM)
    assert ctx.extraction.entities[ctx.extraction.doc_key].cls == "NewsItem"


def test_a_news_reports_dateline_names_its_place_before_the_date():
    assert md.find_date("Ministers eens over munitie\n\nVilnius, 14 maart 2031\n\nDe ministers …\n")[0] == \
        dt.date(2031, 3, 14)
    assert md.find_date("Kop\nWashington D.C., dinsdag 9 juli 2030\nTekst.\n")[0] == dt.date(2030, 7, 9)
    # a lower-case word before the comma is no place
    assert md.find_date("Kop\nvergadering, 12 maart 2031\nTekst.\n")[0] is None


def test_a_news_dateline_may_set_its_place_off_with_a_dash_and_carry_a_time():
    assert md.find_date("Top eens over drones\n\nVILNIUS - Woensdag 11 juni 2031, 09:15\n\nDe leiders …\n")[0] == \
        dt.date(2031, 6, 11)
    assert md.find_date("Kop\nDen Haag – 2 februari 2030\nTekst.\n")[0] == dt.date(2030, 2, 2)
    # a lower-case word before the dash is no place
    assert md.find_date("Kop\noverleg - 12 maart 2031\nTekst.\n")[0] is None


def test_a_wire_reports_dateline_opens_its_first_paragraph():
    text = "Leiders eens over luchtverdediging\n\nANKARA, 8 juli 2026 (ANP) - De NAVO-landen hebben woensdag besloten.\n"
    assert md.find_date(text)[0] == dt.date(2026, 7, 8)
    assert md.find_date("Kop\n\nRIGA, 3 april 2031 - De ministers kwamen bijeen.\n")[0] == dt.date(2031, 4, 3)
    # an ordinary sentence opening with a name and a date is no dateline
    assert md.find_date("Kop\n\nDe NAVO, 3 april 2031 - een datum om te onthouden.\n")[0] is None


def test_an_export_header_joining_dossier_and_number_gives_the_bare_dossier():
    # tkconv writes "dossier-number" above "Nr. number": the suffix is the number, not a dossier suffix
    text = ("Brief regering ; Verslag van de bijeenkomst van de NAVO-defensieministers\n35925-91\nNr. 91\n"
            "Datum: 14-02-2030\n\n35925 NAVO\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            "Den Haag, 14 februari 2030\n\nHierbij zend ik u het verslag.\n")
    facts = _facts(_run(text))
    assert (facts["kg:dossierNumber"], facts["kg:documentNumber"]) == ("35925", "91")
    # a real suffix stays: "21 501-28" above "Nr. 319"
    assert _facts(_run(HEADER))["kg:dossierNumber"] == "21501-28"


def test_a_dossier_line_without_its_number_still_gives_the_dossier():
    text = ("Tweede Kamer der Staten-Generaal\nVergaderjaar 2029–2030\n\n35 925 NAVO\n\n"
            "BRIEF VAN DE MINISTER VAN DEFENSIE\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            "Den Haag, 3 maart 2030\n\nHierbij zend ik u het verslag van de bijeenkomst in Brussel.\n")
    ctx = _run(text, "verslag_dmm.txt")
    facts = _facts(ctx)
    assert facts["kg:dossierNumber"] == "35925" and "kg:documentNumber" not in facts
    assert ctx.extraction.doc_key == "document/verslag-dmm"  # no number: the file's key stays
    # a sum heading a paragraph of the body is no dossier
    body = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2030\n\n"
            "12 000 Militairen\n\nDe bondgenoten stellen extra troepen beschikbaar.\n")
    assert "kg:dossierNumber" not in _facts(_run(body))
