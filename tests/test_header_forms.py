"""Document metadata in each form a header takes: written for these tests, built end to end.

Kamerstuk export (tweedekamer.nl style), answer to written questions, news
item, tkconv export, a report titled in capitals, an HTML page with Dublin Core
<meta> tags and side panels, and markup that must never reach a label.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, XSD

KG = "https://w3id.org/navo-kg/def#"
DOC = "https://w3id.org/navo-kg/id/document/"
PERSON = "https://w3id.org/navo-kg/id/person/"
DATE = URIRef("http://purl.org/dc/terms/date")
OA = "http://www.w3.org/ns/oa#"

EXPORT = """Brief regering : Stand van zaken voorbereiding defensieraad in Oslo
31 999 NAVO
Nr. 81
BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 6 maart 2031
Met deze brief informeren wij uw Kamer over de voorbereiding van de bijeenkomst van de
NAVO-ministers van Defensie die op 12 en 13 maart 2031 in Oslo plaatsvindt.
Ook Zweden en Finland nemen deel aan de voorbereidende gesprekken.
De minister van Buitenlandse Zaken,
A.B. Verhoef
De minister van Defensie,
C.D. Lammers
Achtergrond
De bondgenoten bereiden zich al enkele maanden voor op de bijeenkomst in Oslo.
"""

ANSWER = """Antwoord schriftelijke vragen : Antwoord op vragen van het lid Bakker over de inzet van fregatten in de Oostzee
Vragen van het lid Bakker (PvdA) aan de Minister van Defensie over de inzet van fregatten in de
Oostzee (ingezonden 2 februari 2031).
Antwoord van Minister Lammers (Defensie) (ontvangen
3 maart 2031).
Vraag 1
Bent u bekend met het bericht over de inzet van fregatten in de Oostzee?
Antwoord 1
Ja. Nederland levert in 2031 twee fregatten aan de NAVO-taakgroep in de Oostzee.
"""

NEWS = """Defensieministers bespreken luchtverdediging in Oslo
Nieuwsbericht | 13-03-2031 | 17:45
De NAVO-ministers van Defensie hebben vandaag in Oslo gesproken over de luchtverdediging van
het bondgenootschap. Minister Lammers van Defensie kondigde een extra bijdrage aan.
"""

TKCONV = """Verslag van de NAVO-bijeenkomst van ministers van Defensie in Oslo
Brief regering
Nummer: 2031D12345, datum: 2031-03-20, bijgewerkt: 2031-03-21 09:10, versie: 2
Directe link naar document (.pdf), link naar pagina op de Tweede Kamer site, officiële HTML versie (kst-31999-84).
Gerelateerde personen:- Eerste ondertekenaar: C.D. Lammers, minister van Defensie
Op 12 en 13 maart 2031 kwamen de NAVO-ministers van Defensie bijeen in Oslo.
"""

CAPITALS = """31 999 NAVO

Nr. 90 BRIEF VAN DE MINISTER VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 2 april 2031

Hierbij bied ik u het verslag aan van de bijeenkomst in Oslo.

De minister van Defensie, C.D. Lammers

VERSLAG VAN DE NAVO-BIJEENKOMST VAN MINISTERS VAN DEFENSIE IN OSLO VAN 12 EN
13 MAART 2031

Op 12 en 13 maart 2031 kwamen de NAVO-ministers van Defensie bijeen in Oslo. De ministers van
Defensie spraken over de oostflank. Het verslag van de vorige bijeenkomst is eerder aan uw Kamer gestuurd.
"""

PAGE = """<!DOCTYPE html><html><head>
<meta name="DC.identifier" content="kst-31999-95">
<meta name="DCTERMS.issued" content="2031-04-09">
<meta name="DC.title" content="NAVO; Brief regering; Kabinetsinzet voor de defensieraad in Oslo">
<title>Kamerstuk 31999-95 | Overheid.nl</title></head>
<body><header><a href="/">Home</a><nav><ul><li>Zoeken in Portugal</li></ul></nav></header>
<div id="cookie-banner"><p>Wij plaatsen cookies. Ook voor bezoekers uit Griekenland.</p><button>Akkoord</button></div>
<main><article><h1>Brief van de minister van Defensie</h1>
<p>Het kabinet zet in Oslo in op steun aan Oekraïne en op versterking van de oostflank bij Estland.</p>
<aside><h2>Gerelateerde documenten</h2><ul><li>Verslag over de steun aan Moldavië</li></ul></aside>
</article></main><footer><p>Contact over Albanië</p></footer>
<script>var land = "Kroatië";</script></body></html>
"""

MARKUP = """Geannoteerde agenda NAVO-bijeenkomst van ministers van Defensie 4 en 5 juni 2031

De NAVO-ministers van Defensie komen op 4 en 5 juni 2031 bijeen in Brussel.

Werksessie 2: <scr<b>ipt>alert(43)</scr<b>ipt>

In de tweede werksessie spreken de ministers over Oekraïne.
"""

MARKUP_HTML = """<html><body><main><h1>Verslag NAVO-bijeenkomst Oslo 2031</h1>
<p>Op 3 en 4 juni 2031 kwamen de ministers van Defensie bijeen in Oslo.</p>
<h2>Werksessie 2: &lt;scr&lt;b&gt;ipt&gt;alert(44)&lt;/scr&lt;b&gt;ipt&gt; <scr<b>ipt>alert(45)</scr<b>ipt></h2>
<p>In de tweede werksessie spraken de ministers over Oekraïne.</p></main></body></html>
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> rdflib.Dataset:
    from kg.cli import main

    tmp = tmp_path_factory.mktemp("headers")
    docs = tmp / "docs"
    docs.mkdir()
    for name, text in [("export.txt", EXPORT), ("answer.txt", ANSWER), ("news.txt", NEWS),
                       ("tkconv.txt", TKCONV), ("capitals.txt", CAPITALS), ("page.html", PAGE),
                       ("markup.txt", MARKUP), ("markup-page.html", MARKUP_HTML)]:
        (docs / name).write_text(text, encoding="utf-8")
    out = tmp / "g.trig"
    assert main(["build", str(docs), "-o", str(out), "-q"]) == 0
    ds = rdflib.Dataset(default_union=True)
    ds.parse(out, format="trig")
    return ds


def _doc(ds, source_file: str) -> URIRef:
    docs = list(ds.subjects(URIRef(KG + "sourceFile"), Literal(source_file)))
    assert len(docs) == 1, docs
    return docs[0]


def _label(ds, node) -> str:
    return str(ds.value(node, RDFS.label))


def _signatories(ds, doc) -> set[str]:
    return {str(p).rsplit("/", 1)[1] for p in ds.objects(doc, URIRef(KG + "signatory"))}


def _evidence(ds, s, p, o) -> list[str]:
    q = f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX oa: <{OA}>
    SELECT ?q WHERE {{ ?e rdf:subject <{s}> ; rdf:predicate <{p}> ; rdf:object <{o}> ;
                       oa:hasTarget/oa:hasSelector/oa:exact ?q }}"""
    return [str(r[0]) for r in ds.query(q)]


def test_exported_kamerstuk_header(graph):
    doc = _doc(graph, "export.txt")
    assert str(doc) == DOC + "kst-31999-81"
    assert graph.value(doc, DATE) == Literal(dt.date(2031, 3, 6), datatype=XSD.date)
    assert graph.value(doc, URIRef(KG + "dossierNumber")) == Literal("31999")
    assert _label(graph, doc) == "Stand van zaken voorbereiding defensieraad in Oslo"
    alt = {str(o) for o in graph.objects(doc, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))}
    assert "Kamerstuk 31999, nr. 81" in alt  # the number stays a name of the letter
    assert _signatories(graph, doc) == {"verhoef", "lammers"}


def test_signatory_evidence_is_the_signature_block(graph):
    doc = _doc(graph, "export.txt")
    quotes = _evidence(graph, doc, KG + "signatory", PERSON + "lammers")
    assert quotes == ["De minister van Defensie,\nC.D. Lammers"]


def test_answer_to_written_questions(graph):
    doc = _doc(graph, "answer.txt")
    assert graph.value(doc, DATE) == Literal(dt.date(2031, 3, 3), datatype=XSD.date)
    assert _signatories(graph, doc) == {"lammers"}
    offices = {str(o) for o in graph.objects(URIRef(PERSON + "lammers"), URIRef(KG + "holdsOffice"))}
    assert "https://w3id.org/navo-kg/id/office/minister-van-defensie-nl" in offices
    assert _label(graph, doc).startswith("Antwoord op vragen van het lid Bakker")


def test_news_item_date_line_and_headline(graph):
    doc = _doc(graph, "news.txt")
    assert graph.value(doc, DATE) == Literal(dt.date(2031, 3, 13), datatype=XSD.date)
    assert _label(graph, doc) == "Defensieministers bespreken luchtverdediging in Oslo"
    assert _signatories(graph, doc) == set()


def test_tkconv_export(graph):
    doc = _doc(graph, "tkconv.txt")
    assert str(doc) == DOC + "kst-31999-84"
    assert graph.value(doc, DATE) == Literal(dt.date(2031, 3, 20), datatype=XSD.date)
    assert _signatories(graph, doc) == {"lammers"}
    assert _label(graph, doc) == "Verslag van de NAVO-bijeenkomst van ministers van Defensie in Oslo"


def test_title_in_capitals_is_joined_and_put_in_normal_case(graph):
    doc = _doc(graph, "capitals.txt")
    assert _label(graph, doc) == "Verslag van de NAVO-bijeenkomst van ministers van Defensie in Oslo van 12 en 13 maart 2031"


def test_html_page_reads_main_content_and_meta(graph):
    doc = _doc(graph, "page.html")
    assert str(doc) == DOC + "kst-31999-95"  # DC.identifier
    assert graph.value(doc, DATE) == Literal(dt.date(2031, 4, 9), datatype=XSD.date)  # DCTERMS.issued
    assert _label(graph, doc) == "Kabinetsinzet voor de defensieraad in Oslo"  # DC.title, last part
    mentioned = {_label(graph, o) for o in graph.objects(doc, URIRef(KG + "mentions"))}
    assert {"Oekraïne", "Estland"} <= mentioned
    # nav, cookie banner, aside, footer and script are not the letter
    assert not mentioned & {"Portugal", "Griekenland", "Moldavië", "Albanië", "Kroatië"}


def test_no_label_carries_markup(graph):
    labels = [str(o) for o in graph.objects(None, RDFS.label)] + \
             [str(o) for o in graph.objects(None, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))]
    assert labels
    assert not [label for label in labels if re.search(r"</?[A-Za-z!?]", label)]


def test_plain_text_strips_to_a_fixpoint():
    from kg.clean import clean_text, plain_text

    assert plain_text("Werksessie 2: <scr<b>ipt>alert(43)</scr<b>ipt>") == "Werksessie 2: alert(43)"
    assert plain_text("a <<i>i>b</<i>i> c") == "a b c"
    text = clean_text("Werksessie 2: <scr<b>ipt>alert(43)</scr<b>ipt>\n\nTekst <sc\nript>x\n")[0]
    assert "<" not in text and ">" not in text


def test_answer_signatory_with_a_minister_voor_office():
    from kg.clean import clean
    from kg.extract import document
    from kg.extract.context import Context
    from kg.model import SourceText

    text = ("Antwoord van Minister De Vries (Buitenlandse Handel en Ontwikkelingssamenwerking) "
            "(ontvangen 3 maart 2031).\nVraag 1\nKent u het bericht?\n")
    ctx = Context(doc=None, clean=clean(SourceText(Path("antwoord.txt"), text)))
    for name, role, start, end, rule in document.header_signatories(ctx.clean.text):
        document._signatory(ctx, name, role, start, end, rule)
    facts = {(f.subject, f.predicate, f.object.key) for f in ctx.extraction.facts}
    assert ("document/antwoord", "kg:signatory", "person/de-vries") in facts
    assert ("person/de-vries", "kg:holdsOffice",
            "office/minister-voor-buitenlandse-handel-en-ontwikkelingssamenwerking-nl") in facts
    assert ctx.extraction.entities["person/de-vries"].cls == "Minister"
