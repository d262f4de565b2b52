"""Issue 7, part 2: a failed or interrupted build loses nothing.

* SIGINT (sent to the process group, as Ctrl-C does) and SIGTERM (sent to the
  main process, as ``kill`` does) in the middle of a long build: exit 130, the
  previous output byte-identical, no temporary files left, no workers left.
* Two builds writing the same output at the same time: the result parses and
  equals what one of the two builds writes on its own.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from badinputs import REPO, graph_problems, kg_cmd, kg_env, leftovers, letter, run_kg  # noqa: E402
from kg.errors import EXIT_INTERRUPTED, EXIT_OK  # noqa: E402

SEEDS = sorted((REPO / "seeds").glob("*.txt"))

# A valid previous output, written by hand so this test does not depend on
# a first build succeeding; what matters is that its bytes survive.
PREVIOUS = """@prefix kg: <https://w3id.org/navo-kg/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<https://w3id.org/navo-kg/id/document/vorige-build> a kg:Document ;
    rdfs:label "Vorige build" ;
    kg:sourceFile "vorige.txt" .
"""

COPIES = 200  # 1000 letters: minutes of work, so the build is surely still running
# "Mid-way" = the build has used this much CPU (summed over its process group):
# start-up (imports, spaCy pipeline per worker) costs ~3 s per process, a seed
# letter ~0.5 s; wall-clock waits would depend on how loaded the machine is.
MIDWAY_CPU = {1: 7.0, 2: 11.0}
MAX_WAIT = 180.0


def _big_corpus(folder: Path, copies: int = COPIES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for s in SEEDS:
            shutil.copyfile(s, folder / f"k{i:03d}_{s.name}")
    return folder


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    return _big_corpus(tmp_path_factory.mktemp("copies"))


def _group_cpu(pgid: int) -> float:
    """CPU seconds (user + system) used by the live processes of group ``pgid``."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after "(comm)": state ppid pgrp ... utime(11) stime(12)
            total += int(fields[11]) + int(fields[12])
    return total / tick


def wait_midway(p: subprocess.Popen, jobs: int) -> bool:
    """Wait until the build is past start-up and into the documents; False if it ended."""
    deadline = time.monotonic() + MAX_WAIT
    while time.monotonic() < deadline:
        if p.poll() is not None:
            return False
        if _group_cpu(p.pid) >= MIDWAY_CPU[jobs]:
            return True
        time.sleep(0.2)
    return p.poll() is None


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


@pytest.mark.parametrize("sig,to_group,jobs", [
    (signal.SIGINT, True, 1),
    (signal.SIGTERM, False, 2),
], ids=["SIGINT-to-group-jobs1", "SIGTERM-to-main-jobs2"])
def test_interrupted_build_leaves_previous_output(big_corpus, tmp_path, sig, to_group, jobs):
    outdir = tmp_path / "out"
    outdir.mkdir()
    out = outdir / "kg.ttl"
    out.write_text(PREVIOUS, encoding="utf-8")
    before = out.read_bytes()
    errf = tmp_path / "stderr.txt"
    with open(errf, "wb") as err:
        p = subprocess.Popen(kg_cmd("build", str(big_corpus), "-o", str(out), "--jobs", str(jobs)),
                             cwd=REPO, env=kg_env(), stdout=subprocess.DEVNULL, stderr=err,
                             start_new_session=True)
        try:
            still_running = wait_midway(p, jobs)
            if still_running:
                (os.killpg if to_group else os.kill)(p.pid, sig)
            rc = p.wait(timeout=30)  # an interrupted build must stop promptly
        finally:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
    stderr = errf.read_text(errors="replace")
    assert still_running, (f"the build ended (exit {p.returncode}) before it got mid-way: "
                           f"corpus too small or the build is broken:\n{stderr[-2000:]}")
    assert rc == EXIT_INTERRUPTED, f"exit {rc} after {sig.name}:\n{stderr[-2000:]}"
    assert "Traceback" not in stderr, stderr[-3000:]
    assert out.read_bytes() == before, "the interrupted build changed the previous output"
    assert not leftovers(outdir, {"kg.ttl"}), f"temporary files left behind: {leftovers(outdir, {'kg.ttl'})}"
    for _ in range(50):  # workers must go too
        if not _group_alive(p.pid):
            break
        time.sleep(0.1)
    else:
        os.killpg(p.pid, signal.SIGKILL)
        pytest.fail(f"worker processes still running after {sig.name}")


def test_interrupt_without_previous_output_leaves_nothing(big_corpus, tmp_path):
    """SIGTERM to the main process of a one-process build: no output, no temporary file."""
    out = tmp_path / "kg.ttl"
    p = subprocess.Popen(kg_cmd("build", str(big_corpus), "-o", str(out)), cwd=REPO, env=kg_env(),
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    running = wait_midway(p, 1)
    if running:
        os.kill(p.pid, signal.SIGTERM)
    try:
        _, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    assert running, "build ended before the signal"
    assert p.returncode == EXIT_INTERRUPTED, err.decode(errors="replace")[-2000:]
    assert not leftovers(tmp_path, set()), f"half-written or temporary output left: {leftovers(tmp_path, set())}"


def _corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_concurrent_builds_do_not_interleave(tmp_path):
    """Two builds, same output file, same moment: the file is one of the two whole results."""
    import rdflib
    from rdflib.compare import isomorphic

    a = _corpus(tmp_path / "a", {f"brief_{n}.txt": letter(n) for n in range(300, 303)})
    b = _corpus(tmp_path / "b", {f"brief_{n}.txt": letter(n) for n in range(310, 316)})
    ref_a, ref_b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    for src, ref in ((a, ref_a), (b, ref_b)):
        r = run_kg("build", str(src), "-o", str(ref), timeout=300)
        assert r.returncode == EXIT_OK, r.stderr[-2000:]
    graphs = [rdflib.Graph().parse(ref_a), rdflib.Graph().parse(ref_b)]
    assert not isomorphic(*graphs), "the two corpora should give different graphs"

    outdir = tmp_path / "same"
    outdir.mkdir()
    out = outdir / "kg.ttl"
    for round_ in range(1):
        procs = [subprocess.Popen(kg_cmd("build", str(src), "-o", str(out)), cwd=REPO, env=kg_env(),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                 for src in (a, b)]
        results = [(p.communicate(timeout=300)[1].decode(errors="replace"), p.returncode)[::-1]
                   for p in procs]
        for rc, err in results:
            assert rc == EXIT_OK, f"round {round_}: exit {rc}:\n{err[-2000:]}"
        assert not graph_problems(out), f"round {round_}: {graph_problems(out)}"
        got = rdflib.Graph().parse(out)
        data = out.read_bytes()
        assert data in (ref_a.read_bytes(), ref_b.read_bytes()) or any(isomorphic(got, g) for g in graphs), \
            f"round {round_}: the output is neither build's result (interleaved?)"
        assert not leftovers(outdir, {"kg.ttl"}), f"temporary files left behind: {leftovers(outdir, {'kg.ttl'})}"
