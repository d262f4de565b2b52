"""Read a graph file (any of our output formats) or an on-disk store into an rdflib Dataset."""
from __future__ import annotations

from pathlib import Path

from kg.errors import KGError

FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld",
          ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".n3": "n3"}


def load_dataset(path: str | Path):
    """Parse ``path`` by extension, or read the named graphs of a ``kg build -o
    DIR.oxigraph`` store (``kg.store.store_dataset``: the same graphs as the
    build's TriG); a user error (missing, unparsable, stale store) raises KGError."""
    from rdflib import Dataset

    from kg.store import STORE_SUFFIX, is_store, store_dataset

    p = Path(path)
    if is_store(p) or p.suffix.lower() == STORE_SUFFIX:
        return store_dataset(p)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise KGError(f"{p}: unknown graph format (use {', '.join(sorted(FORMATS))})")
    if not p.is_file():
        raise KGError(f"{p}: no such file")
    ds = Dataset(default_union=True)
    try:
        ds.parse(p, format=fmt)
    except Exception as e:  # noqa: BLE001  any parser error is the file's problem
        raise KGError(f"{p}: cannot parse as {fmt}: {str(e).splitlines()[0][:200] if str(e) else type(e).__name__}") from None
    return ds
