"""``kg build`` with a stopwatch on every stage, for the bench.

Runs the real CLI (``kg.cli.main``) in this process after wrapping the stage
functions the build calls (``kg.ingest.read``, ``kg.clean.clean``, the spaCy
pipeline, ``kg.extract.extract``, ``kg.resolve.resolve``, the RDF terms of
each graph (``kg.rdf.graph.document_triples``), their serialisation
(``kg.rdf.serialize.render_graph``), the assembly of the graphs into one
output (``kg.rdf.graph.plan_graphs`` and ``kg.rdf.serialize.assemble``: the
part that stays in the parent with ``--jobs N``) and the file write), and
writes the wall and CPU seconds spent in each to the JSON file named by
``NAVO_KG_STAGES_OUT``. With ``--jobs 1`` every document runs in this
process, so the split covers the whole build; the overhead is two clock reads
per call.

    NAVO_KG_STAGES_OUT=stages.json python bench/timed_build.py build DIR -o OUT.trig
"""
from __future__ import annotations

import atexit
import functools
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WALL: dict[str, float] = {}
CPU: dict[str, float] = {}
CALLS: dict[str, int] = {}


def _timed(stage: str, func):
    @functools.wraps(func)
    def wrapper(*a, **kw):
        w, c = time.perf_counter(), time.process_time()
        try:
            return func(*a, **kw)
        finally:
            WALL[stage] = WALL.get(stage, 0.0) + time.perf_counter() - w
            CPU[stage] = CPU.get(stage, 0.0) + time.process_time() - c
            CALLS[stage] = CALLS.get(stage, 0) + 1
    return wrapper


class _TimedPipeline:
    """The spaCy pipeline with its ``__call__`` timed; everything else passed through."""

    def __init__(self, nlp):
        object.__setattr__(self, "_nlp", nlp)
        object.__setattr__(self, "_call", _timed("nlp", nlp.__call__))

    def __call__(self, *a, **kw):
        return self._call(*a, **kw)

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def __setattr__(self, name, value):
        setattr(self._nlp, name, value)


def instrument() -> None:
    """Wrap the stage functions where the build looks them up."""
    import kg.build

    kg.build.import_spacy_lean()  # before kg.extract imports spaCy, as in the build
    import kg.clean
    import kg.extract
    import kg.ingest
    import kg.nlp
    import kg.resolve
    import kg.rdf.graph
    import kg.rdf.serialize

    t0 = (time.perf_counter(), time.process_time())
    kg.nlp.make_pipeline()  # built once, up front, so the "nlp" stage is per-document work
    WALL["pipeline_load"] = time.perf_counter() - t0[0]
    CPU["pipeline_load"] = time.process_time() - t0[1]
    timed_nlp = _TimedPipeline(kg.nlp.make_pipeline())
    kg.nlp.make_pipeline = lambda: timed_nlp
    kg.ingest.read = _timed("ingest", kg.ingest.read)
    kg.clean.clean = _timed("clean", kg.clean.clean)
    kg.extract.extract = _timed("relations", kg.extract.extract)
    kg.resolve.resolve = _timed("resolution", kg.resolve.resolve)
    kg.rdf.graph.document_triples = _timed("rdf", kg.rdf.graph.document_triples)
    kg.rdf.serialize.render_graph = _timed("serialisation", kg.rdf.serialize.render_graph)
    kg.rdf.graph.plan_graphs = _timed("assembly", kg.rdf.graph.plan_graphs)
    kg.rdf.serialize.assemble = _timed("assembly", kg.rdf.serialize.assemble)
    kg.build.write_atomic = _timed("write", kg.build.write_atomic)


def _dump() -> None:
    out = os.environ.get("NAVO_KG_STAGES_OUT")
    if out:
        Path(out).write_text(json.dumps({"wall": WALL, "cpu": CPU, "calls": CALLS}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    t_start = (time.perf_counter(), time.process_time())
    instrument()
    atexit.register(_dump)
    from kg.cli import main

    code = main(sys.argv[1:])
    WALL["total_in_process"] = time.perf_counter() - t_start[0]
    CPU["total_in_process"] = time.process_time() - t_start[1]
    sys.exit(code)
