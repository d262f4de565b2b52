"""An installed kg (a wheel, not the checkout) finds ontology/ and queries/.

The checkout keeps both folders at the top of the repository; pyproject.toml maps
them into the package (kg/ontology, kg/queries) and kg/paths.py looks there first.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kg import paths

REPO = Path(__file__).resolve().parent.parent


def _setuptools() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]


def test_locator_prefers_the_package_copy(tmp_path):
    pkg = tmp_path / "site" / "kg"
    (pkg / "ontology").mkdir(parents=True)
    assert paths.data_dir("ontology", pkg) == pkg / "ontology"
    assert paths.data_dir("queries", pkg) == tmp_path / "site" / "queries"  # no package copy: the checkout's


def test_checkout_reads_the_top_level_folders():
    assert paths.ONTOLOGY_DIR == REPO / "ontology"
    assert paths.QUERY_DIR == REPO / "queries"
    assert paths.REF_DIR == REPO / "ontology" / "reference"


def test_pyproject_ships_every_package_and_data_folder():
    conf = _setuptools()
    assert conf["package-dir"] == {"kg.ontology": "ontology", "kg.queries": "queries"}
    want = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "kg").rglob("__init__.py")}
    for pkg, folder in conf["package-dir"].items():
        want |= {".".join((pkg, *d.relative_to(REPO / folder).parts)).rstrip(".")
                 for d in [REPO / folder, *(REPO / folder).rglob("*")] if d.is_dir() and d.name != "__pycache__"}
    assert set(conf["packages"]) == want
    shipped = set(conf["package-data"]["*"])
    suffixes = {p.suffix for folder in conf["package-dir"].values() for p in (REPO / folder).rglob("*") if p.is_file()}
    assert {"*" + s for s in suffixes} <= shipped


def test_installed_layout_finds_reference_data_and_queries(tmp_path):
    """kg laid out as the wheel lays it out (package-dir of pyproject.toml), imported
    from another folder: reference data, ontology and library queries are found."""
    site = tmp_path / "site"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "kg", site / "kg", ignore=ignore)
    for pkg, folder in _setuptools()["package-dir"].items():
        shutil.copytree(REPO / folder, site.joinpath(*pkg.split(".")), ignore=ignore)
    code = ("import kg, kg.reference as r, kg.query as q, kg.store as s; "
            "print(kg.__file__); print(r.load().get('country/oekraine').label); "
            "print('class-counts' in q.library()); print(len(s.ontology_files()))")
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    where, label, found, n_ttl = out.stdout.split("\n")[:4]
    assert Path(where).is_relative_to(site)
    assert (label, found) == ("Oekraïne", "True")
    assert int(n_ttl) == len(list((REPO / "ontology").glob("**/*.ttl")))


@pytest.mark.slow
def test_wheel_builds_and_runs_from_another_folder(tmp_path):
    """The whole check: pip wheel, a fresh venv, kg build and kg query from outside the checkout."""
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "check_wheel.py")], cwd=tmp_path,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
