"""kg.ingest: one reader per format; encodings detected and reported."""
from __future__ import annotations

import pytest

from kg.errors import SkipDocument
from kg.ingest import is_document, read

LETTER = ("Den Haag, 9 oktober 2030\n\nHierbij informeer ik uw Kamer over de bijeenkomst van "
          "de NAVO-ministers van Defensie in Brussel, waar Canada en Estland spraken over Moldavië.\n")


def test_utf8_text_is_read_exactly(tmp_path):
    p = tmp_path / "brief.txt"
    p.write_text(LETTER, encoding="utf-8")
    src = read(p)
    assert src.text == LETTER and src.encoding == "utf-8" and src.warnings == ()
    assert src.name == "brief.txt"


def test_utf8_bom_is_dropped(tmp_path):
    p = tmp_path / "bom.md"
    p.write_bytes(b"\xef\xbb\xbf" + LETTER.encode())
    assert read(p).text == LETTER


def test_latin1_is_detected_with_a_warning(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes((LETTER * 3).encode("latin-1"))
    src = read(p)
    assert "Moldavië" in src.text
    assert src.encoding != "utf-8"
    assert any("not UTF-8" in w for w in src.warnings)


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "utf16.txt"
    p.write_bytes(LETTER.encode("utf-16"))
    src = read(p)
    assert src.text == LETTER
    assert src.warnings


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"),
    (b"  \n\t\n  ", "no text"),
    (bytes(range(256)) * 40, "binary"),
    (b"Den Haag\x00\x00\x00 brief", "binary"),
])
def test_unreadable_text_is_skipped_with_reason(tmp_path, content, reason):
    p = tmp_path / "slecht.txt"
    p.write_bytes(content)
    with pytest.raises(SkipDocument) as e:
        read(p)
    assert reason in e.value.reason


def test_missing_file_and_unknown_extension(tmp_path):
    with pytest.raises(SkipDocument, match="no such file"):
        read(tmp_path / "weg.txt")
    p = tmp_path / "data.xlsx"
    p.write_bytes(b"PK")
    with pytest.raises(SkipDocument, match="not a document type"):
        read(p)
    assert not is_document(p) and is_document(tmp_path / "a.PDF")


def test_size_limit(tmp_path):
    p = tmp_path / "groot.txt"
    p.write_text(LETTER * 100, encoding="utf-8")
    with pytest.raises(SkipDocument, match="too large"):
        read(p, max_bytes=1000)


def test_html_visible_text(tmp_path):
    p = tmp_path / "brief.html"
    p.write_text("<html><head><title>t</title><script>var x = 1;</script><style>p{}</style></head>"
                 "<body><h1>Verslag NAVO-top Riga</h1><p>De top vond plaats in <b>Riga</b>.</p>"
                 "<p>Letland was gastheer.</p></body></html>", encoding="utf-8")
    text = read(p).text
    assert "Verslag NAVO-top Riga" in text and "De top vond plaats in Riga." in text
    assert "var x" not in text and "p{}" not in text
    assert text.index("Riga.") < text.index("Letland")


def test_docx_paragraphs_and_tables(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Geannoteerde agenda NAVO-defensieministers")
    d.add_paragraph("De bijeenkomst vindt plaats op 12 en 13 februari 2031 in Brussel.")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Land", "Estland"
    p = tmp_path / "agenda.docx"
    d.save(p)
    text = read(p).text
    assert "12 en 13 februari 2031" in text and "Estland" in text
    assert text.index("Geannoteerde") < text.index("Estland")


def test_docx_that_is_not_a_zip_is_skipped(tmp_path):
    p = tmp_path / "nep.docx"
    p.write_text("dit is geen Word-bestand", encoding="utf-8")
    with pytest.raises(SkipDocument, match="not a readable .docx"):
        read(p)


def test_pdf_without_text_layer_and_truncated_pdf(tmp_path):
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    p = tmp_path / "scan.pdf"
    with open(p, "wb") as f:
        w.write(f)
    with pytest.raises(SkipDocument, match="no text layer"):
        read(p)
    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(p.read_bytes()[:60])
    with pytest.raises(SkipDocument):
        read(broken)


def test_html_main_content_without_panels_and_with_meta(tmp_path):
    p = tmp_path / "pagina.html"
    p.write_text(
        '<html><head><meta name="DC.identifier" content="kst-31999-7">'
        '<meta name="DCTERMS.issued" content="2031-05-02"><meta name="description" content="niet dit"></head>'
        '<body><header><p>Rijksoverheid menu</p></header><nav>Home</nav>'
        '<div class="cookiebar"><p>Deze site gebruikt cookies.</p></div>'
        '<div class="hero-banner"><h1>Bijeenkomst in Riga</h1></div>'
        '<p>De ministers spraken in Riga.</p><aside><p>Gerelateerde documenten</p></aside>'
        '<footer><p>Privacy</p></footer></body></html>', encoding="utf-8")
    source = read(p)
    assert source.text == "Bijeenkomst in Riga\n\nDe ministers spraken in Riga.\n"
    assert dict(source.meta) == {"dc.identifier": "kst-31999-7", "dcterms.issued": "2031-05-02"}


def test_html_inside_main_keeps_the_article_header(tmp_path):
    p = tmp_path / "artikel.html"
    p.write_text("<html><body><header>Site</header><main><article><header><h1>Verslag defensieraad</h1>"
                 "</header><p>Tekst.</p></article></main><footer>Voet</footer></body></html>", encoding="utf-8")
    assert read(p).text == "Verslag defensieraad\n\nTekst.\n"


def test_html_table_cells_stay_apart(tmp_path):
    p = tmp_path / "tabel.html"
    p.write_text("<html><body><table><tr><td>Land</td><td>Estland</td></tr></table></body></html>", encoding="utf-8")
    assert "Land Estland" in read(p).text
