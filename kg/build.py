"""``kg build``: documents on disk -> one RDF file, through every stage.

ingest -> clean -> nlp -> extract -> resolve -> rdf -> atomic write.

With ``--jobs N`` both per-document halves run in the worker processes, in two
rounds: the workers read and extract every document (``process_file``); this
process resolves entities across all of them (small and cheap) and plans the
named graphs; the workers then build and serialise each document's graph
(``render_graph_task``); this process only puts the pieces together in a fixed
order (``kg.rdf.serialize.assemble``), so any number of jobs writes the same bytes.

A file that cannot be read is reported on one line (``skipped FILE: reason``)
and the build goes on; the exit status says whether anything was skipped
(see ``kg.errors``). So is a file over ``--max-size``, and one whose reading
and extraction run past its time limit (``--max-seconds``, ``time_allowed``). The output is written to a temporary file in the same
folder and renamed into place, under a lock, so an interrupted or concurrent
build never leaves a half-written or interleaved graph.
"""
from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL, KGError, SkipDocument
from kg.model import CleanText, Extraction

# Names in a folder that are never documents and not worth a "skipped" line.
_IGNORED_PREFIXES = (".", "~$", "__")


@dataclass
class DocResult:
    """What processing one file gave: an Extraction, or the reason it was skipped."""

    path: str
    extraction: Extraction | None = None
    skipped: str | None = None
    warnings: list[str] = field(default_factory=list)
    detail: str = ""  # traceback text for --verbose
    seconds: float = 0.0


# --- collecting inputs -------------------------------------------------------

def collect(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files and folders into document files (sorted, de-duplicated).

    Returns (documents, skipped) where skipped holds (path, reason) for
    inputs that are missing or not documents. Folders are walked without
    following symlinked folders, so a symlink loop cannot hang the build.
    """
    from kg.ingest import SUFFIXES, is_document

    docs: list[Path] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        try:
            real = os.path.realpath(p)
        except OSError:
            real = str(p)
        if real not in seen:
            seen.add(real)
            docs.append(p)

    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith(_IGNORED_PREFIXES))
                for name in sorted(files):
                    if name.startswith(_IGNORED_PREFIXES):
                        continue
                    f = Path(root) / name
                    if is_document(f):
                        found.append(f)
                    else:
                        skipped.append((str(f), f"not a document type navo-kg reads "
                                                 f"(expected {', '.join(SUFFIXES)})"))
            if not found:
                skipped.append((str(p), f"folder holds no documents ({', '.join(SUFFIXES)})"))
            for f in sorted(found):
                add(f)
        elif os.path.lexists(p):
            if not is_document(p):
                skipped.append((str(p), f"not a document type navo-kg reads "
                                        f"(expected {', '.join(SUFFIXES)})"))
            else:
                add(p)
        else:
            skipped.append((str(p), "no such file or folder"))
    return docs, skipped


# --- one document ------------------------------------------------------------

# A document is given two minutes plus one per megabyte (``--max-seconds``
# overrides): some twenty times what the slowest input the size limit lets in
# takes (20 MB, some 3 million words, in about a minute at 50,000 words/s), so
# only a document that sends a stage into a loop or a quadratic corner meets it.
TIME_BASE, TIME_PER_MB = 120.0, 60.0


def time_allowed(path: str | Path, max_seconds: float | None) -> float | None:
    """The seconds document ``path`` may take: ``max_seconds`` when given (0: no
    limit, None), else ``TIME_BASE`` plus ``TIME_PER_MB`` per megabyte of the file."""
    if max_seconds is not None:
        return max_seconds or None
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0  # reading it will say what is wrong
    return TIME_BASE + TIME_PER_MB * size / 1_000_000


class _TimeUp(BaseException):
    """A document ran past its time limit. Not an ``Exception``: a stage's
    ``except Exception`` must not swallow it."""


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """Raise ``_TimeUp`` in the block after ``seconds`` (a SIGALRM timer).

    Only where a timer can interrupt the work: the main thread of a POSIX
    process (a build, a pool worker), not a Dask worker's thread; and not when
    a timer is already running (whoever set it keeps it). Elsewhere no limit.
    The signal is handled between Python steps, so a long call into compiled
    code (one spaCy call on a piece of ``CHUNK_CHARS``) ends before it stops.
    """
    import threading

    if (not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return

    def expired(signum, frame):
        raise _TimeUp

    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def process_file(task: tuple) -> DocResult:
    """Read, clean, analyse and extract one file (runs in a worker process).

    ``task`` is (path, max_bytes) or (path, max_bytes, max_seconds) (see
    ``time_allowed``). Never raises for a bad file: the reason goes into
    ``DocResult.skipped``.
    """
    path, max_bytes, *rest = task
    limit = time_allowed(path, rest[0] if rest else None)
    t0 = time.perf_counter()
    result = DocResult(path=path)
    try:
        import_spacy_lean()
        from kg.clean import clean
        from kg.extract import extract
        from kg.ingest import read
        from kg.nlp import make_pipeline

        nlp = make_pipeline()  # once per process: start-up is not the document's time
        with time_limit(limit):
            source = read(Path(path), max_bytes)
            result.warnings.extend(source.warnings)
            cleaned = clean(source)
            ex = None
            for part in chunks(cleaned):
                if len(part.text) >= nlp.max_length:
                    nlp.max_length = len(part.text) + 1
                found = extract(nlp(part.text), part)
                ex = found if ex is None else merge_chunk(ex, found)
            result.warnings.extend(f"{path}: {w}" for w in ex.warnings)
            if not any(e.mentioned for k, e in ex.entities.items() if k != ex.doc_key):
                result.warnings.append(f"{path}: no Dutch NATO content found (no entities recognised)")
            result.extraction = ex
    except _TimeUp:
        result.skipped = f"took longer than {limit:g} s (raise --max-seconds, or split the file)"
        result.warnings.clear()  # of a document that is not in the graph
        result.extraction = None
    except SkipDocument as e:
        result.skipped = e.reason
    except MemoryError:
        result.skipped = "out of memory while processing (lower --max-size or split the file)"
    except RecursionError:
        result.skipped = "text too deeply nested to process"
    except Exception as e:  # noqa: BLE001  a bug in a stage must not stop the other files
        result.skipped = f"internal error: {type(e).__name__}: {e}"
        result.detail = traceback.format_exc()
    result.seconds = time.perf_counter() - t0
    return result


def import_spacy_lean():
    """``import spacy`` without importing its command line (``spacy.cli``).

    ``spacy/__init__.py`` imports ``spacy.cli`` only to offer ``spacy.info``,
    and that pulls in every CLI command with typer, weasel, httpx, requests...:
    a quarter of spaCy's import time, paid by every build and worker for
    nothing. During the import a stand-in answers for ``spacy.cli.info``; it is
    removed right after, ``spacy.cli`` imports the real thing on first use
    (``spacy.cli`` attribute included), and ``spacy.info`` calls the real one.
    Does nothing when spaCy is already imported.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    import importlib
    import types

    def info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    sub = types.ModuleType("spacy.cli.info")
    sub.info = info
    cli.info = sub
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, sub
    try:
        import spacy
    finally:
        for name, stub in (("spacy.cli", cli), ("spacy.cli.info", sub)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if spacy.__dict__.get("cli") is cli:
        del spacy.cli
    if "__getattr__" not in spacy.__dict__:
        def __getattr__(name: str):
            if name == "cli":
                return importlib.import_module("spacy.cli")
            raise AttributeError(f"module 'spacy' has no attribute {name!r}")

        spacy.__getattr__ = __getattr__
    return spacy


# Very long documents go through the NLP in pieces of about this many
# characters (cut at paragraph breaks), so memory stays bounded; ordinary
# letters (10-50 kB) are one piece.
CHUNK_CHARS = 500_000


def chunks(cleaned: CleanText, size: int = CHUNK_CHARS) -> list[CleanText]:
    """Split a long CleanText at paragraph breaks into pieces of about ``size``
    characters; each piece keeps its map into the same source text."""
    text = cleaned.text
    if len(text) <= size:
        return [cleaned]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        out.append(CleanText(source=cleaned.source, text=text[start:end],
                             offsets=cleaned.offsets[start:end + 1]))
        start = end
    return out


def merge_chunk(into: Extraction, part: Extraction) -> Extraction:
    """Fold the extraction of a later piece of a document into the first one's."""
    from kg.model import Ref

    old, new = part.doc_key, into.doc_key
    for key, ent in part.entities.items():
        if key != old:
            into.add_entity(ent)
    facts = [f for f in part.facts if not (f.subject == old and not isinstance(f.object, Ref))]
    into.facts.extend(_rekeyed(facts, old, new))
    into.warnings.extend(w for w in part.warnings if w not in into.warnings)
    return into


def _rekeyed(facts: list, old: str, new: str) -> list:
    """``facts`` with the entity key ``old`` (as subject or object) renamed ``new``."""
    from dataclasses import replace

    from kg.model import Ref

    def swap(v):
        if isinstance(v, Ref) and v.key == old:
            return Ref(new)
        return new if v == old else v

    return [replace(f, subject=swap(f.subject), object=swap(f.object)) for f in facts]


def _from_cache(task: tuple, ex: Extraction) -> DocResult:
    """A DocResult for a cached extraction (its warnings said again)."""
    path = task[0]
    return DocResult(path=path, extraction=ex,
                     warnings=[*ex.source.warnings, *(f"{path}: {w}" for w in ex.warnings)])


def _path_of(task: tuple) -> str:
    return task[0]


def _extraction_of(result: DocResult) -> Extraction | None:
    """What the cache keeps of a result: its Extraction, unless the file was skipped."""
    return result.extraction if result.skipped is None else None


def _warm() -> None:
    """Worker initializer: build the spaCy pipeline once per process."""
    import_spacy_lean()
    from kg.nlp import make_pipeline

    make_pipeline()


def separate_duplicates(extractions: list[Extraction]) -> list[str]:
    """Give each document its own key when two files are the same Kamerstuk
    (copies, or a .pdf and a .txt of one letter), so their named graphs stay
    apart; the first file in input order keeps the Kamerstuk key. Returns warnings."""
    from kg.slug import slugify

    first: dict[str, str] = {}
    warnings = []
    for ex in extractions:
        old = ex.doc_key
        if old not in first:
            first[old] = ex.source.name
            continue
        new = f"{old}-{slugify(ex.source.path.stem)}"
        n = 2
        while new in first:
            new, n = f"{old}-{slugify(ex.source.path.stem)}-{n}", n + 1
        first[new] = ex.source.name
        warnings.append(f"{ex.source.path}: same document number as {first[old]} ({old}); "
                        f"kept apart as {new}")
        ex.doc_key = new
        if old in ex.entities:
            ent = ex.entities.pop(old)
            ent.key = new
            ex.entities[new] = ent
        ex.facts = _rekeyed(ex.facts, old, new)
    return warnings


# --- writing -------------------------------------------------------------------

@contextlib.contextmanager
def output_lock(output: Path, quiet: bool = False):
    """An exclusive lock beside ``output`` so two builds never interleave writes.

    The lock file (``.NAME.lock``) is removed when the lock is released. A
    build that waited on a lock file since removed (or replaced) holds a lock
    nobody else sees, so after locking it checks that the path still names
    the file it locked, and else locks again.
    """
    import fcntl

    lock_path = output.with_name(f".{output.name}.lock")
    said = False
    while True:
        try:
            fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o644)
        except OSError as e:
            raise KGError(f"cannot write to {output.parent}: {e.strerror or e}") from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not quiet and not said:
                    print(f"kg build: waiting for another build writing {output} ...", file=sys.stderr)
                    said = True
                fcntl.flock(fd, fcntl.LOCK_EX)
            if _same_file(fd, lock_path):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)  # while still locked: a waiter then sees it gone and locks anew
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except FileNotFoundError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def check_output(output: Path) -> None:
    """Fail early (before any work) when the output cannot be written."""
    from kg.rdf.serialize import format_for
    from kg.store import STORE_SUFFIX, check_store_output

    parent = output.parent if str(output.parent) else Path(".")
    if output.suffix.lower() == STORE_SUFFIX:  # an on-disk store: a folder
        check_store_output(output)
    else:
        format_for(output)
    if output.is_dir() and output.suffix.lower() != STORE_SUFFIX:
        raise KGError(f"output {output} is a folder; give a file name such as {output}/graph.ttl")
    if not parent.is_dir():
        raise KGError(f"cannot write {output}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise KGError(f"cannot write {output}: no write permission in {parent}")
    if output.exists() and not os.access(output, os.W_OK):  # (a store: its folder)
        raise KGError(f"cannot write {output}: file is read-only")


def write_atomic(output: Path, text: str | list[str]) -> None:
    """Write ``text`` (a string, or a list of pieces written one after the
    other) to a temporary file beside ``output``, then rename it into place."""
    parent = output.parent if str(output.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            if isinstance(text, str):
                f.write(text)
            else:
                f.writelines(text)
            f.flush()
            os.fsync(f.fileno())
        if output.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, output.stat().st_mode & 0o777)
        else:
            with contextlib.suppress(OSError):
                os.chmod(tmp, 0o644)
        os.replace(tmp, output)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def sigterm_as_interrupt():
    """Treat SIGTERM like Ctrl-C, so the same cleanup runs for both."""
    def handler(signum, frame):
        raise KeyboardInterrupt

    try:
        old = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


@contextlib.contextmanager
def _results_frozen():
    """Undo ``gc.freeze()`` calls made inside the block when it ends."""
    try:
        yield
    finally:
        gc.unfreeze()


# --- summary -------------------------------------------------------------------

def summarize(extractions: list[Extraction], chosen: dict[str, tuple[str, str]], triples: int,
              output: Path, seconds: float) -> str:
    """A short human summary: documents, entities per class, triples, output.

    ``chosen`` is ``kg.rdf.graph.global_entities`` of the build, ``triples``
    the number of distinct triples written."""
    docs = {ex.doc_key for ex in extractions}
    classes = Counter(cls for key, (cls, _label) in chosen.items()
                      if not key.startswith("document/") or key in docs)
    lines = [f"documents: {len(extractions)}"]
    lines.append("entities:  " + (", ".join(f"{c} {n}" for c, n in sorted(classes.items())) or "none"))
    lines.append(f"triples:   {triples}")
    lines.append(f"written:   {output} ({seconds:.1f} s)")
    return "\n".join(lines)


# --- the verb ------------------------------------------------------------------

def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def cmd_build(args) -> int:
    """Run ``kg build``: see the module docstring. Returns the exit status."""
    t0 = time.perf_counter()
    output = Path(args.output)
    quiet = getattr(args, "quiet", False)
    verbose = getattr(args, "verbose", False)
    jobs = max(1, int(getattr(args, "jobs", 1) or 1))
    max_mb = getattr(args, "max_size", 20.0)
    if max_mb is not None and max_mb <= 0:
        raise KGError("--max-size must be a positive number of megabytes")
    max_bytes = int(max_mb * 1_000_000) if max_mb else None
    max_seconds = getattr(args, "max_seconds", None)
    if max_seconds is not None and max_seconds < 0:
        raise KGError("--max-seconds must be a number of seconds (0: no limit)")
    check_output(output)
    from kg import reference

    reference.load()  # bad reference data: one line (a KGError) before any work
    reference.summits()

    docs, skipped = collect(args.paths)
    for path, reason in skipped:
        _say(f"skipped {path}: {reason}")
    if not docs:
        raise KGError("no documents to read in " + ", ".join(args.paths))

    with sigterm_as_interrupt(), _results_frozen():
        results = _run(docs, max_bytes, jobs, args, quiet)
        # The extractions live until the end of the build: keep the garbage
        # collector from walking them again and again in what follows (and
        # forked workers from copying their pages when it would).
        gc.freeze()
        extractions = []
        for r in results:
            for w in r.warnings:
                _say(f"warning: {w}")
            if r.skipped is not None:
                skipped.append((r.path, r.skipped))
                _say(f"skipped {r.path}: {r.skipped}")
                if verbose and r.detail:
                    _say(r.detail.rstrip())
            else:
                extractions.append(r.extraction)
        if not extractions:
            raise KGError(f"nothing written: none of the {len(docs)} document(s) could be read")

        from kg.rdf import graph as rdf_graph
        from kg.rdf import serialize as rdf_serialize
        from kg.resolve import resolve

        for w in separate_duplicates(extractions):
            _say(f"warning: {w}")
        extractions = resolve(extractions)
        plan = rdf_graph.plan_graphs(extractions)
        from kg.store import STORE_SUFFIX

        to_store = output.suffix.lower() == STORE_SUFFIX
        fmt = "nquads" if to_store else rdf_serialize.format_for(output)
        rendered = _render(plan, fmt, jobs, args, count=not quiet)
        fragments = [fragment for fragment, _counts in rendered]
        fragments += rdf_graph.render_reference(plan, fmt, count=not quiet)
        fragments += rdf_graph.render_statistics(plan, [counts for _f, counts in rendered], fmt,
                                                 count=not quiet)
        with output_lock(output, quiet):
            try:
                if to_store:
                    from kg.store import write_store

                    write_store(output, [(f.order[2], f.lines) for f in fragments])
                else:
                    write_atomic(output, rdf_serialize.assemble(fragments, fmt))
            except OSError as e:
                raise KGError(f"cannot write {output}: {e.strerror or e}") from None
    if not quiet:
        _say(summarize(extractions, plan.chosen, rdf_serialize.triple_count(fragments), output,
                       time.perf_counter() - t0))
        if skipped:
            _say(f"skipped:   {len(skipped)} input(s), listed above")
    return EXIT_PARTIAL if skipped else EXIT_OK


def _run(docs: list[Path], max_bytes: int | None, jobs: int, args, quiet: bool) -> list[DocResult]:
    """Process every document (in order), with progress on stderr for long runs."""
    from kg.executors import map_documents

    max_seconds = getattr(args, "max_seconds", None)
    tasks = [(str(p), max_bytes, max_seconds) for p in docs]
    n = len(tasks)
    show = not quiet and n > 1 and sys.stderr.isatty()
    # Not a terminal (a log file, CI): a plain line every tenth of a long run.
    every = max(1, n // 10) if not quiet and not show and n >= 50 else 0
    verbose = getattr(args, "verbose", False)
    done = [0]

    def progress(i: int, result) -> None:
        done[0] += 1
        if verbose and not isinstance(result, BaseException):
            _say(f"read {tasks[i][0]} ({result.seconds:.2f} s)")
        elif show:
            print(f"\r[{done[0]}/{n}] {Path(tasks[i][0]).name[:60]:<60}", end="",
                  file=sys.stderr, flush=True)
        elif every and done[0] % every == 0:
            _say(f"[{done[0]}/{n}] documents read")

    options = dict(jobs=jobs, executor=getattr(args, "executor", "local") or "local",
                   scheduler=getattr(args, "scheduler", None),
                   initializer=_warm if jobs > 1 else None, on_result=progress)
    cache_dir = getattr(args, "cache", None)
    if cache_dir:
        from kg.cache import ExtractionCache, extract_cached

        try:
            Path(cache_dir).mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise KGError(f"cannot use cache folder {cache_dir}: {e.strerror or e}") from None
        results = extract_cached(process_file, tasks, ExtractionCache(cache_dir),
                                 path_of=_path_of,
                                 extraction_of=_extraction_of,
                                 from_cache=_from_cache, **options)
    else:
        results = map_documents(process_file, tasks, **options)
    if show and not verbose:
        print("\r" + " " * 70 + "\r", end="", file=sys.stderr, flush=True)
    out = []
    for (path, *_), r in zip(tasks, results):
        if isinstance(r, BaseException):  # the worker itself failed (killed, out of memory)
            r = DocResult(path=path, skipped=f"worker failed: {type(r).__name__}: {r}")
        out.append(r)
    if tasks and len(tasks) != len(out):  # pragma: no cover - executors keep one slot per item
        raise KGError("internal error: results lost")
    return out


# --- rendering the graphs ------------------------------------------------------

# The graph tasks of the build in progress. Workers that share this process's
# memory (forked, or this process itself) read their task from here by index,
# so no extraction is pickled a second time; other workers get the task itself.
_GRAPH_TASKS: list = []


def render_graph_task(item: tuple) -> object:
    """Build and render one document's named graph (runs in a worker process)."""
    from kg.rdf.graph import render_task

    task, fmt, count = item
    if isinstance(task, int):
        task = _GRAPH_TASKS[task]
    return render_task(task, fmt, count)


def _render(plan, fmt: str, jobs: int, args, count: bool) -> list:
    """Every document graph of ``plan`` rendered, with its statistics counts
    (``kg.rdf.graph.render_task``), through the same executor as the extraction."""
    from kg.executors import map_documents, shares_memory

    executor = getattr(args, "executor", "local") or "local"
    inherit = shares_memory(jobs, executor)
    if inherit:
        _GRAPH_TASKS[:] = plan.tasks
    try:
        items = [(i if inherit else task, fmt, count) for i, task in enumerate(plan.tasks)]
        rendered = map_documents(render_graph_task, items, jobs=jobs, executor=executor,
                                 scheduler=getattr(args, "scheduler", None))
    finally:
        _GRAPH_TASKS.clear()
    for r in rendered:
        if isinstance(r, BaseException):  # a bug, or a worker killed: no partial graph
            raise r
    return rendered


__all__ = ["cmd_build", "collect", "process_file", "write_atomic", "check_output", "EXIT_ERROR"]
