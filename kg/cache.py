"""Per-document extraction cache, so a rebuild re-reads only what changed.

An entry holds the pickled ``kg.model.Extraction`` of one file. Its key is a
hash of

* the file's bytes and base name (``kg:sourceFile`` comes from the name),
* ``kg.PIPELINE_VERSION`` (bumped by hand when extraction output changes), and
* a fingerprint of the code and data that shape extraction: the contents of
  every file under ``kg/`` and ``ontology/`` except the stages that run after
  extraction (resolution, RDF, the viewers). Editing a rule or a gazetteer
  therefore invalidates every entry, without anyone remembering to bump the
  version.

Cross-document resolution is never cached: the build always reruns it over
all documents (cached and fresh alike). Writes are atomic (temp file +
``os.replace``), so an interrupted build leaves no half-written entry, and an
unreadable entry counts as a miss.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

import kg
from kg import paths
from kg.model import Extraction

ROOT = Path(__file__).resolve().parent.parent
# Code that runs after extraction (or never touches it): editing it must not
# throw the cache away.
_NOT_EXTRACTION = {
    "build.py", "cache.py", "executors.py", "push.py", "cli.py", "resolve.py", "query.py",
    "serve.py", "explain.py", "stats.py", "store.py", "gcutil.py", "rdf", "viz", "__pycache__",
}
_UMASK = os.umask(0o022)
os.umask(_UMASK)
_DATA_SUFFIXES = {".py", ".cfg", ".json", ".jsonl", ".csv", ".tsv", ".txt", ".ttl", ".yml", ".yaml", ".toml"}


def _files(folder: Path, skip: set[str]) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in skip and not d.startswith("."))
        for name in sorted(filenames):
            p = Path(dirpath, name)
            if name not in skip and p.suffix in _DATA_SUFFIXES:
                out.append(p)
    return out


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extraction code and reference data (computed once per process)."""
    h = hashlib.sha256()
    # The ontology is hashed under its checkout name ("ontology/..."), wherever kg.paths finds it
    # (a wheel ships it inside the package: skipped in the code walk, so it counts once).
    ont = paths.ONTOLOGY_DIR
    named = [(p, p.relative_to(ROOT)) for p in _files(ROOT / "kg", _NOT_EXTRACTION | {"ontology", "queries"})]
    named += [(p, Path("ontology") / p.relative_to(ont)) for p in _files(ont, {"__pycache__"})]
    for p, name in named:
        h.update(str(name).encode())
        h.update(b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:  # a file vanished while we looked: it changes the hash anyway
            h.update(b"?")
        h.update(b"\0")
    return h.hexdigest()


class ExtractionCache:
    """A folder of pickled Extractions keyed by content + pipeline version.

    Picklable (folder and salt only), so worker processes can store entries."""

    def __init__(self, folder: str | os.PathLike, fingerprint: str | None = None):
        self.folder = Path(folder)
        self.salt = f"{kg.PIPELINE_VERSION}\0{fingerprint or code_fingerprint()}".encode()
        self.hits = 0
        self.misses = 0
        # Keys computed by get(), reused by put(): the entry then describes
        # the bytes that were read, even if the file changes meanwhile.
        self._keys: dict[str, str] = {}

    def __getstate__(self):
        return {"folder": self.folder, "salt": self.salt}

    def __setstate__(self, state):
        self.__dict__.update(state, hits=0, misses=0, _keys={})

    def key(self, path: str | os.PathLike) -> str:
        """The cache key of the file at ``path`` as it is now."""
        p = Path(path)
        h = hashlib.sha256(self.salt)
        h.update(b"\0" + p.name.encode() + b"\0")
        h.update(p.read_bytes())
        return h.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, path: str | os.PathLike) -> Extraction | None:
        """The cached Extraction for ``path``, or None (never cached, changed, unreadable)."""
        try:
            key = self._keys[str(path)] = self.key(path)
            with open(self._entry(key), "rb") as f:
                ex = pickle.load(f)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # noqa: BLE001  corrupt or from an incompatible version: redo it
            self.misses += 1
            return None
        if not isinstance(ex, Extraction):
            self.misses += 1
            return None
        self.hits += 1
        # Same bytes and name, possibly another folder: point at where it is now.
        if Path(ex.source.path) != Path(path):
            ex.source = dataclasses.replace(ex.source, path=Path(path))
        return ex

    def put(self, path: str | os.PathLike, extraction: Extraction, key: str | None = None) -> bool:
        """Store ``extraction`` for ``path`` (atomically); False if it could not be.

        The key is ``key`` if given, else the one ``get(path)`` computed, else
        that of the file's current bytes. A failed write (file gone, disk full,
        folder read-only) only costs a re-extraction next time, so it does not raise.
        """
        tmp = None
        try:
            key = key or self._keys.pop(str(path), None) or self.key(path)
            entry = self._entry(key)
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(extraction, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.chmod(tmp, 0o644 & ~_UMASK)  # mkstemp makes 0600; a shared cache needs the usual mode
            os.replace(tmp, entry)
            return True
        except (OSError, pickle.PicklingError):
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            return False


def _same(x):
    return x


def _hit(_item, extraction):
    return extraction


class _Storing:
    """``func`` on an item, then its Extraction into the cache -- in the worker
    that computed it, so the parent does not pickle every new entry itself.
    A task is (key computed when the item was looked up, or None; path; item)."""

    def __init__(self, func, cache: ExtractionCache, extraction_of):
        self.func, self.cache, self.extraction_of = func, cache, extraction_of

    def __call__(self, task):
        key, path, item = task
        result = self.func(item)
        ex = self.extraction_of(result)
        if isinstance(ex, Extraction):
            self.cache.put(path, ex, key)
        return result


def extract_cached(func, items, cache: ExtractionCache | None, *, path_of=_same,
                   extraction_of=_same, from_cache=_hit, **map_kwargs) -> list:
    """``func`` over ``items`` in order, skipping items whose file is cached.

    ``func(item)`` runs only for cache misses, through
    ``kg.executors.map_documents`` (``map_kwargs``: jobs, executor, scheduler,
    initializer, on_result). The three adapters let the caller keep its own
    task and result types; by default an item is a path and a result is an
    ``Extraction``:

    * ``path_of(item)`` -> the file's path (the cache key is its bytes),
    * ``extraction_of(result)`` -> the Extraction to store, or None (not stored:
      a skipped file or an error is retried next time),
    * ``from_cache(item, extraction)`` -> the result to return for a hit.

    With the local executor new entries are written where ``func`` ran (the
    worker processes: ``func`` and ``extraction_of`` must then be picklable,
    i.e. module-level); with Dask (workers may not share the disk) this process
    writes them. A slot holds the exception when ``func`` raised for that item.
    With ``cache=None`` every item is computed. ``on_result(i, result)`` is
    called for misses only, with ``i`` the position in ``items``.
    """
    from kg.executors import map_documents
    from kg.gcutil import collector_paused

    items = list(items)
    out: list = [None] * len(items)
    todo = []
    with collector_paused():  # unpickling many entries; nothing read holds a cycle
        for i, item in enumerate(items):
            ex = cache.get(path_of(item)) if cache is not None else None
            if ex is None:
                todo.append(i)
            else:
                out[i] = from_cache(item, ex)
    on_result = map_kwargs.pop("on_result", None)
    if on_result is not None:  # report positions in ``items``, not in the misses
        map_kwargs["on_result"] = lambda j, result: on_result(todo[j], result)
    in_workers = cache is not None and map_kwargs.get("executor", "local") == "local"
    if in_workers:
        tasks = []
        for i in todo:
            path = path_of(items[i])
            tasks.append((cache._keys.pop(str(path), None), str(path), items[i]))
        fresh = map_documents(_Storing(func, cache, extraction_of), tasks, **map_kwargs)
    else:
        fresh = map_documents(func, [items[i] for i in todo], **map_kwargs)
    for i, result in zip(todo, fresh):
        out[i] = result
        if cache is not None and not in_workers and not isinstance(result, BaseException):
            ex = extraction_of(result)
            if isinstance(ex, Extraction):
                cache.put(path_of(items[i]), ex)
    return out
