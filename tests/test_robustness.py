"""Issue 7, part 1, 4 and 5: every bad input gets a clear answer.

Each bad input (``tests/badinputs.py``) is built together with a good letter,
``goed.txt``. The tool must process it (with a warning where the issue asks
for one) or skip it with ONE stderr line naming the file and the reason,
still read ``goed.txt``, exit with the documented code (``kg/errors.py``:
0 done, 1 some inputs skipped, 2 nothing written), never print a traceback,
and write a graph that parses in rdflib and pyoxigraph and passes
``kg validate``. Builds run as subprocesses, a few at a time.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from badinputs import (  # noqa: E402
    GOOD_NAME, big_dutch_text, cleanup, graph_problems, is_root, is_skip_line, leftovers, lines_naming,
    make_bad_corpus, make_good, run_kg, run_table, source_files, unprivileged_prefix,
)
from kg.errors import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL  # noqa: E402

KEYS = ["empty", "whitespace", "binary", "latin1", "utf16", "pdf_notext", "pdf_truncated",
        "docx_notzip", "big50", "english", "nul", "missing", "unreadable", "symlink_loop",
        "dir_as_file"]


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    """One build per bad input (plus goed.txt), all run once for the module."""
    outcomes, _good = run_table(tmp_path_factory.mktemp("table"))
    yield outcomes
    cleanup(outcomes)


def _outcome(table, key):
    o = table[key]
    if o.rc is None and o.stderr.startswith("not run"):
        pytest.skip(o.stderr)
    return o


def test_corpus_has_every_bad_input_of_the_issue(tmp_path):
    assert set(make_bad_corpus(tmp_path)) == set(KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_no_traceback(table, key):
    o = _outcome(table, key)
    assert o.rc is not None, f"build of {o.item.name} hung:\n{o.stderr[-2000:]}"
    assert "Traceback" not in o.stderr, o.stderr[-3000:]
    assert "internal error" not in o.stderr, o.stderr[-1000:]


@pytest.mark.parametrize("key", KEYS)
def test_bad_input_gets_a_clear_answer(table, key):
    """Skipped with one line (exit 1) or processed (exit 0, with a warning where asked)."""
    o = _outcome(table, key)
    item = o.item
    said = o.said
    skips = [ln for ln in said if is_skip_line(ln)]
    expect = item.expect
    if expect == "either":
        expect = "skip" if skips else "processed"
    ctx = f"exit {o.rc}; stderr:\n{o.stderr[-2000:]}"
    if expect == "skip":
        assert len(skips) == 1, f"want ONE skip line naming {item.name}; {ctx}"
        assert len(said) == 1, f"{item.name} named on more than one line; {ctx}"
        assert re.search(item.reason, skips[0].split(item.name, 1)[-1], re.I), \
            f"skip line does not say why ({item.reason!r}): {skips[0]!r}"
        assert o.rc == EXIT_PARTIAL, f"a skipped input must give exit {EXIT_PARTIAL}; {ctx}"
        assert item.name not in o.sources, f"skipped {item.name} still in the graph"
    else:
        assert not skips, f"{item.name} must be processed, not skipped; {ctx}"
        assert o.rc == EXIT_OK, f"processed input: want exit {EXIT_OK}; {ctx}"
        assert item.name in o.sources, f"{item.name} has no kg:Document with kg:sourceFile; {ctx}"
        if expect == "warn":
            assert len(said) == 1, f"want ONE warning line naming {item.name}; {ctx}"
            assert re.search(item.reason, said[0], re.I), \
                f"warning does not say why ({item.reason!r}): {said[0]!r}"
        else:
            assert len(said) <= 1, ctx


@pytest.mark.parametrize("key", KEYS)
def test_other_files_still_processed(table, key):
    o = _outcome(table, key)
    assert o.others_processed, (
        f"the good letter in the same run is missing from the graph (exit {o.rc});\n"
        f"stderr:\n{o.stderr[-2000:]}\nsourceFiles: {sorted(o.sources)}")


@pytest.mark.parametrize("key", KEYS)
def test_graph_valid_under_stress(table, key):
    o = _outcome(table, key)
    assert o.output.exists(), f"no output written (exit {o.rc}); stderr:\n{o.stderr[-1500:]}"
    assert not o.problems, "\n".join(o.problems)


@pytest.mark.parametrize("key", ["latin1", "utf16"])
def test_encodings_decoded_without_mojibake(table, key):
    """The re-encoded letters come out as the same Dutch text ('België', 'financiële')."""
    o = _outcome(table, key)
    text = o.output.read_text(encoding="utf-8", errors="replace") if o.output.exists() else ""
    for bad in ("Ã«", "Ã¯", "\ufffd", "\\uFFFD", "\x00"):
        assert bad not in text, f"mojibake {bad!r} in the graph built from {o.item.name}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("all")
    items = make_bad_corpus(folder / "bad")
    good = make_good(folder / "bad", nr=107)
    return items, good, folder


def test_whole_download_folder_in_one_run(corpus, tmp_path):
    """All bad inputs and the good letter in ONE run: each bad file answered, the rest built."""
    items, good, _ = corpus
    usable = {k: it for k, it in items.items() if not (it.root_skip and is_root())}
    out = tmp_path / "all.trig"  # TriG: one named graph per document must parse too
    r = run_kg("build", *[str(it.path) for it in usable.values()], str(good), "-o", str(out), timeout=300)
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    assert r.returncode == EXIT_PARTIAL, f"exit {r.returncode}:\n{r.stderr[-3000:]}"
    sources = source_files(out)
    assert GOOD_NAME in sources and "brief_in_map.txt" in sources, sorted(sources)
    for key, it in usable.items():
        said = lines_naming(r.stderr, it.name)
        if it.expect == "skip":
            assert sum(map(is_skip_line, said)) == 1, f"{key}: {said!r}"
        elif it.expect == "warn":
            assert it.name in sources and len(said) == 1, f"{key}: {said!r}"
    assert not graph_problems(out)


def test_nothing_usable_exits_2_and_keeps_previous_output(table, corpus, tmp_path):
    items, _good, _ = corpus
    out = tmp_path / "kg.ttl"
    previous = table["empty"].output  # a good build's output from the table
    assert previous.exists(), "no earlier output to protect (the table builds failed)"
    out.write_bytes(previous.read_bytes())
    before = out.read_bytes()
    r = run_kg("build", str(items["empty"].path), str(items["binary"].path), "-o", str(out), timeout=120)
    assert r.returncode == EXIT_ERROR, f"exit {r.returncode}:\n{r.stderr}"
    assert "Traceback" not in r.stderr
    assert out.read_bytes() == before, "a failed build changed the previous output"
    assert not leftovers(tmp_path, {"kg.ttl"}), f"temporary files left behind: {leftovers(tmp_path, {'kg.ttl'})}"


def test_verbose_shows_details(table, tmp_path):
    """The same build as the table's .docx row, with --verbose: more detail, same answer."""
    plain = table["docx_notzip"]
    bad = plain.item
    verbose = run_kg("build", str(bad.path), str(plain.output.parent.parent / "good" / GOOD_NAME),
                     "-o", str(tmp_path / "v.ttl"), "--verbose", timeout=120)
    assert plain.rc == verbose.returncode == EXIT_PARTIAL, verbose.stderr[-2000:]
    assert any(is_skip_line(ln) for ln in lines_naming(verbose.stderr, bad.name)), verbose.stderr
    assert len(lines_naming(verbose.stderr, bad.name)) > len(plain.said), (
        f"--verbose says nothing more about {bad.name}:\n{verbose.stderr}")


def test_max_size_is_configurable(tmp_path):
    """--max-size MB: a bigger document is skipped with a clear message, the others built."""
    small = make_good(tmp_path, nr=108)
    big = tmp_path / "dik_verslag.txt"
    big.write_text(big_dutch_text(30_000), encoding="utf-8")
    out = tmp_path / "kg.ttl"
    r = run_kg("build", str(small), str(big), "-o", str(out), "--max-size", "0.02", timeout=120)
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    assert r.returncode == EXIT_PARTIAL, r.stderr
    said = lines_naming(r.stderr, big.name)
    assert len(said) == 1 and is_skip_line(said[0]), r.stderr
    assert re.search(r"MB|size|groot|max|limit", said[0], re.I), said[0]
    assert source_files(out) == {GOOD_NAME}
    r = run_kg("build", str(small), str(big), "-o", str(out), timeout=180)
    assert r.returncode == EXIT_OK, r.stderr[-2000:]
    assert source_files(out) == {GOOD_NAME, big.name}


@pytest.mark.slow
def test_50mb_file_processed_when_allowed(tmp_path, request):
    """Opt-in (``-m slow``): the 50 MB file built with --max-size 60; see bench/memory_50mb.py."""
    if "slow" not in (request.config.getoption("-m") or ""):
        pytest.skip("slow: run with -m slow (bench/memory_50mb.py measures peak RSS)")
    from badinputs import write_big_file

    big = write_big_file(tmp_path / "groot.txt")
    out = tmp_path / "groot.ttl"
    r = run_kg("build", str(big), "-o", str(out), "--max-size", "60", timeout=3600)
    assert r.returncode == EXIT_OK, r.stderr[-3000:]
    assert not graph_problems(out)
