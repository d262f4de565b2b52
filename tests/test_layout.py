"""Word and PDF files read the same whatever their layout (files written by the tests)."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import rdflib

from kg.ingest import read

# A letter written for these tests: header, signature, a heading, sessions.
HEADER = ["31 999 NAVO", "Nr. 77", "BRIEF VAN DE MINISTER VAN DEFENSIE",
          "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Den Haag, 20 maart 2031"]
OPENING = ("Hierbij bied ik u het verslag aan van de bijeenkomst van de NAVO-ministers van Defensie "
           "die op 12 en 13 maart 2031 in Brussel heeft plaatsgevonden.")
SIGNATURE = ["De minister van Defensie,", "P.Q. Terhorst"]
TITLE = "Verslag van de NAVO-bijeenkomst van ministers van Defensie van 12 en 13 maart 2031"
BODY = [
    ("h", "Werksessie over de oostflank"),
    ("p", "Op 12 en 13 maart 2031 kwamen de NAVO-ministers van Defensie bijeen op het NAVO-hoofdkwartier "
          "in Brussel. De bijeenkomst bestond uit twee werksessies en een overleg met de partners uit de "
          "Indo-Pacific. Zweden en Finland namen als bondgenoten deel aan de bijeenkomst, en de minister van "
          "Defensie van Oekraïne, Olena Bondarenko, was voor de tweede werksessie uitgenodigd."),
    ("p", "In de eerste werksessie bespraken de ministers de versterking van de oostflank van het "
          "bondgenootschap. Nederland kondigde een aanvullende bijdrage van EUR 25 miljoen aan voor de "
          "luchtverdediging van de bondgenoten in het oosten van het verdragsgebied."),
    ("h", "Werksessie over de steun aan Oekraïne"),
    ("p", "Tijdens de tweede werksessie spraken de bondgenoten met de Oekraïense minister over de steun "
          "aan Oekraïne. Secretaris-generaal Maria Lindqvist benadrukte dat de steun van de bondgenoten "
          "voor Oekraïne ook in de komende jaren onverminderd door moet gaan, ondanks de hoge kosten."),
]


def _docx(path: Path, per_line: bool) -> Path:
    import docx

    d = docx.Document()

    def para(text: str, style: str | None = None) -> None:
        lines = textwrap.wrap(text, 72) if per_line and style is None else [text]
        for line in lines:
            d.add_paragraph(line, style=style)

    for line in HEADER:
        para(line)
    para(OPENING)
    for line in SIGNATURE:
        para(line)
    para(TITLE, "Title")
    for kind, text in BODY:
        para(text, "Heading 1" if kind == "h" else None)
    d.save(path)
    return path


def _triples(path: Path) -> set:
    """Every triple but evidence and the source file name, the document IRI made generic."""
    ds = rdflib.Dataset(default_union=True)
    ds.parse(path, format="trig")
    kg = "https://w3id.org/navo-kg/def#"
    skip = {rdflib.URIRef(kg + "sourceFile")}
    evidence = {s for s, o in ds.subject_objects(rdflib.RDF.type) if str(o) == kg + "Evidence"}
    out = set()
    for s, p, o in ds.triples((None, None, None)):
        if p in skip or s in evidence or "/evidence/" in str(s) or "/graph/" in str(s):
            continue
        out.add((s, p, o))
    return out


def _build(paths: list[Path], out: Path) -> Path:
    from kg.cli import main

    assert main(["build", *map(str, paths), "-o", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def two_layouts(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("layouts")
    (tmp / "a").mkdir()
    (tmp / "b").mkdir()
    block = _docx(tmp / "a" / "brief.docx", per_line=False)
    lines = _docx(tmp / "b" / "brief.docx", per_line=True)
    return block, lines, _build([block], tmp / "a.trig"), _build([lines], tmp / "b.trig")


def test_docx_one_paragraph_per_line_reads_as_blocks(two_layouts):
    block, lines, _, _ = two_layouts
    import docx

    assert len(docx.Document(str(lines)).paragraphs) > len(docx.Document(str(block)).paragraphs) + 5
    text = read(lines).text
    # the wrapped lines of a paragraph stay one block (no blank line inside it)
    para = text.split("\n\n")
    assert any(p.startswith("In de eerste werksessie") and "verdragsgebied." in p for p in para)


def test_docx_layouts_give_the_same_graph(two_layouts):
    _, _, a, b = two_layouts
    ta, tb = _triples(a), _triples(b)
    assert ta == tb
    labels = {str(o) for _, p, o in ta if p == rdflib.RDFS.label}
    assert TITLE in labels  # the Title style paragraph names the document
    assert not any(label.startswith("BRIEF VAN") for label in labels)


def test_docx_heading_styles_are_blocks(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("De ministers spraken over de oostflank en over de steun aan Oekraïne in de")
    d.add_paragraph("Werksessie over de zuidflank", style="Heading 2")
    d.add_paragraph("komende jaren, zo meldde de minister na afloop van de bijeenkomst.")
    d.add_paragraph("Een tweede alinea met nog een zin over de bondgenoten en hun bijdragen aan de")
    d.add_paragraph("missie in het oosten van het verdragsgebied.")
    d.save(tmp_path / "k.docx")
    text = read(tmp_path / "k.docx").text
    assert "\n\nWerksessie over de zuidflank\n\n" in text  # a heading never joins a paragraph
    assert "bijdragen aan de\nmissie in het oosten" in text  # the lines of a paragraph do


# --- PDF: a hand-made file with a running header and footer on every page --------

def _pdf(path: Path, pages: list[list[str]]) -> Path:
    """A minimal PDF (Helvetica, WinAnsi) with one text line per list item."""
    objs: list[bytes] = []

    def esc(s: str) -> bytes:
        return s.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, lines in enumerate(pages):
        stream = b"BT /F1 10 Tf 14 TL 50 800 Td " + b" ".join(b"(" + esc(t) + b") Tj T*" for t in lines) + b" ET"
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
                    f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode())
        objs.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def test_pdf_running_header_and_footer_are_dropped(tmp_path):
    body = [
        ["De bondgenoten spraken in Brussel over de versterking van de", "oostflank van het bondgenootschap."],
        ["Nederland kondigde een aanvullende bijdrage aan voor de", "luchtverdediging in het oosten."],
        ["Tot slot spraken de ministers over de steun aan Oekraïne in", "de komende jaren."],
    ]
    pages = [["Ministerie van Defensie | Verslag defensieraad maart 2031"] + lines + [f"Pagina {i + 1} van 3"]
             for i, lines in enumerate(body)]
    text = read(_pdf(tmp_path / "v.pdf", pages)).text
    assert "Verslag defensieraad" not in text and "Pagina" not in text
    assert "oostflank van het bondgenootschap." in text and "de komende jaren." in text


def test_pdf_keeps_lines_that_do_not_repeat(tmp_path):
    pages = [["Verslag van de defensieraad", "De ministers spraken over de oostflank."],
             ["Tweede pagina", "Daarna spraken zij over Oekraïne."]]
    text = read(_pdf(tmp_path / "w.pdf", pages)).text
    assert "Verslag van de defensieraad" in text and "Tweede pagina" in text
