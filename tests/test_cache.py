"""kg.cache: a changed document is re-extracted, an unchanged one is not."""
from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.cache import ExtractionCache, code_fingerprint, extract_cached
from kg.model import Entity, Extraction, SourceText

LETTERS = {
    "101_brief.txt": "Den Haag, 12 februari 2031\n\nDe minister van Defensie, A.B. Verhoeven",
    "102_verslag.txt": "Op 5 en 6 maart 2031 kwamen de NAVO-ministers bijeen in Brussel.",
    "103_agenda.txt": "Nederland draagt EUR 40 miljoen bij aan het fonds voor Moldavië.",
}


class CountingExtractor:
    """Stands in for the real per-document pipeline and counts its calls."""

    def __init__(self):
        self.calls: list[str] = []

    def __call__(self, path) -> Extraction:
        path = Path(path)
        self.calls.append(path.name)
        text = path.read_text(encoding="utf-8")
        ex = Extraction(SourceText(path, text), f"document/{path.stem}")
        ex.add_entity(Entity(f"document/{path.stem}", "Document", text.split("\n")[0]))
        return ex


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in LETTERS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def test_second_run_extracts_nothing(corpus, tmp_path):
    f = CountingExtractor()
    first = extract_cached(f, corpus, ExtractionCache(tmp_path / "cache"))
    assert f.calls == [p.name for p in corpus]
    f.calls.clear()
    cache = ExtractionCache(tmp_path / "cache")
    second = extract_cached(f, corpus, cache)
    assert f.calls == []
    assert (cache.hits, cache.misses) == (3, 0)
    assert [e.source.text for e in second] == [e.source.text for e in first]
    assert [e.entities["document/" + p.stem].label for e, p in zip(second, corpus)] == \
        [e.entities["document/" + p.stem].label for e, p in zip(first, corpus)]


def test_changed_document_is_reextracted_unchanged_not(corpus, tmp_path):
    f = CountingExtractor()
    extract_cached(f, corpus, ExtractionCache(tmp_path / "cache"))
    corpus[1].write_text("Op 9 en 10 april 2031 kwamen de NAVO-ministers bijeen in Oslo.", encoding="utf-8")
    f.calls.clear()
    out = extract_cached(f, corpus, ExtractionCache(tmp_path / "cache"))
    assert f.calls == [corpus[1].name]
    assert "Oslo" in out[1].source.text


def test_added_document_is_the_only_one_extracted(corpus, tmp_path):
    f = CountingExtractor()
    extract_cached(f, corpus, ExtractionCache(tmp_path / "cache"))
    new = corpus[0].parent / "104_nieuw.txt"
    new.write_text("Den Haag, 3 mei 2031\n\nDe minister van Buitenlandse Zaken, K. Mulder", encoding="utf-8")
    f.calls.clear()
    out = extract_cached(f, [*corpus, new], ExtractionCache(tmp_path / "cache"))
    assert f.calls == ["104_nieuw.txt"]
    assert len(out) == 4


def test_pipeline_version_and_code_invalidate(corpus, tmp_path, monkeypatch):
    f = CountingExtractor()
    extract_cached(f, corpus, ExtractionCache(tmp_path / "cache"))
    assert ExtractionCache(tmp_path / "cache").get(corpus[0]) is not None
    assert ExtractionCache(tmp_path / "cache", fingerprint="other code").get(corpus[0]) is None
    monkeypatch.setattr(kg, "PIPELINE_VERSION", kg.PIPELINE_VERSION + ".next")
    assert ExtractionCache(tmp_path / "cache").get(corpus[0]) is None


def test_renamed_file_misses_moved_file_hits_with_new_path(corpus, tmp_path):
    cache = ExtractionCache(tmp_path / "cache")
    cache.put(corpus[0], CountingExtractor()(corpus[0]))
    renamed = tmp_path / "ander_naam.txt"
    renamed.write_bytes(corpus[0].read_bytes())
    assert cache.get(renamed) is None  # kg:sourceFile would be wrong
    moved = tmp_path / "elders" / corpus[0].name
    moved.parent.mkdir()
    moved.write_bytes(corpus[0].read_bytes())
    hit = cache.get(moved)
    assert hit is not None and hit.source.path == moved


def test_corrupt_entry_is_a_miss_and_errors_are_not_cached(corpus, tmp_path):
    cache = ExtractionCache(tmp_path / "cache")
    cache.put(corpus[0], CountingExtractor()(corpus[0]))
    entry = next((tmp_path / "cache").rglob("*.pickle"))
    entry.write_bytes(b"not a pickle")
    assert cache.get(corpus[0]) is None

    def broken(path):
        raise ValueError(f"cannot read {Path(path).name}")

    out = extract_cached(broken, corpus, ExtractionCache(tmp_path / "cache2"))
    assert all(isinstance(r, ValueError) for r in out)
    assert not list((tmp_path / "cache2").rglob("*.pickle"))
    assert not list((tmp_path / "cache").rglob(".tmp-*"))  # atomic writes leave no temp files


def test_fingerprint_is_stable_and_cheap():
    import time

    t = time.perf_counter()
    code_fingerprint.cache_clear()
    a = code_fingerprint()
    assert time.perf_counter() - t < 1.0
    code_fingerprint.cache_clear()
    assert code_fingerprint() == a


def test_entry_describes_the_bytes_that_were_read(corpus, tmp_path):
    """A file edited while it is being extracted is extracted again next time."""
    cache = ExtractionCache(tmp_path / "cache")
    path = corpus[2]

    def edit_while_extracting(p):
        ex = CountingExtractor()(p)
        Path(p).write_text("Nederland draagt EUR 55 miljoen bij aan het fonds voor Georgië.", encoding="utf-8")
        return ex

    extract_cached(edit_while_extracting, [path], cache)
    f = CountingExtractor()
    extract_cached(f, [path], ExtractionCache(tmp_path / "cache"))
    assert f.calls == [path.name]


def test_unwritable_cache_does_not_fail(corpus, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    cache = ExtractionCache(blocker)
    assert cache.put(corpus[0], CountingExtractor()(corpus[0])) is False
    assert cache.get(corpus[0]) is None


def test_kg_build_cache_reextracts_only_the_changed_letter(tmp_path, monkeypatch):
    """Through the real ``kg build --cache`` (in-process, --jobs 1): count extractions."""
    import kg.build
    from kg.cli import main

    docs = tmp_path / "brieven"
    docs.mkdir()
    letters = {
        "201_agenda.txt": "Den Haag, 3 maart 2031\n\nHierbij bied ik u de geannoteerde agenda aan voor de "
                          "NAVO-bijeenkomst van ministers van Defensie op 12 en 13 maart 2031 in Brussel. "
                          "Noorwegen en Polen spreken over de steun aan Moldavië.\n",
        "202_verslag.txt": "Den Haag, 20 maart 2031\n\nOp 12 en 13 maart 2031 kwamen de NAVO-ministers van "
                           "Defensie bijeen in Brussel. Canada kondigde een bijdrage van EUR 30 miljoen aan.\n",
    }
    for name, text in letters.items():
        (docs / name).write_text(text, encoding="utf-8")
    calls: list[str] = []
    real = kg.build.process_file

    def counting(task):
        calls.append(Path(task[0]).name)
        return real(task)

    monkeypatch.setattr(kg.build, "process_file", counting)
    out, cache = tmp_path / "kg.nq", tmp_path / "cache"
    argv = ["build", str(docs), "-o", str(out), "--cache", str(cache), "-q"]
    assert main(argv) in (0, 1)
    assert sorted(calls) == sorted(letters)
    first = out.read_text(encoding="utf-8")

    calls.clear()
    assert main(argv) in (0, 1)
    assert calls == []
    assert out.read_text(encoding="utf-8") == first  # cached extractions give the same graph

    (docs / "202_verslag.txt").write_text(letters["202_verslag.txt"].replace("Canada", "Denemarken"),
                                          encoding="utf-8")
    calls.clear()
    assert main(argv) in (0, 1)
    assert calls == ["202_verslag.txt"]
    assert out.read_text(encoding="utf-8") != first


def _extract_letter(path) -> Extraction:
    """Module-level, so pool workers can run it."""
    return CountingExtractor()(path)


def test_pool_workers_store_the_entries(corpus, tmp_path):
    """With --jobs N the workers write the entries of what they extracted;
    the next run finds every one of them."""
    first = extract_cached(_extract_letter, corpus, ExtractionCache(tmp_path / "cache"), jobs=2)
    assert all(isinstance(e, Extraction) for e in first)
    assert len(list((tmp_path / "cache").rglob("*.pickle"))) == len(corpus)
    f = CountingExtractor()
    cache = ExtractionCache(tmp_path / "cache")
    second = extract_cached(f, corpus, cache, jobs=2)
    assert f.calls == [] and (cache.hits, cache.misses) == (3, 0)
    assert [e.source.text for e in second] == [e.source.text for e in first]
