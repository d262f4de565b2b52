"""Where the data that ships with kg lives: ``ontology/`` and ``queries/``.

In a checkout both folders stand at the top of the repository, beside ``kg/``
(that is where users and the contract find them). A wheel carries them inside
the package, as ``kg/ontology`` and ``kg/queries`` (pyproject.toml maps the
top-level folders there), because nothing outside ``site-packages/kg`` is
installed. The package copy wins when it exists; else the repository's.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str, package: Path = _PACKAGE) -> Path:
    """The folder ``name`` ("ontology", "queries"): ``package/name`` in an installed
    wheel, else ``name`` at the top of the checkout that holds ``package``."""
    inside = package / name
    return inside if inside.is_dir() else package.parent / name


ONTOLOGY_DIR = data_dir("ontology")
QUERY_DIR = data_dir("queries")
REF_DIR = ONTOLOGY_DIR / "reference"
