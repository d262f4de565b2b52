"""The pytest configuration silences the named warnings of dependencies and no
others (issue 15, item 11): run a small test file with it in a fresh pytest."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = '''
import warnings
from rdflib import Dataset
from rdflib.namespace import XSD  # pytest probes module globals: XSD warns on "_mock_name"

NQ = '<http://a> <http://b> <http://c> <http://g> .\\n<http://a> <http://b> "d" .\\n'
TRIG = '<http://g> { <http://a> <http://b> <http://c> . }\\n'
JSONLD = '[{"@id": "http://g", "@graph": [{"@id": "http://a", "http://b": [{"@id": "http://c"}]}]}]'


def test_rdflib_calls_its_own_deprecated_api():
    ds = Dataset(default_union=True)
    ds.parse(data=NQ, format="nquads")
    ds.parse(data=TRIG, format="trig")
    ds.parse(data=JSONLD, format="json-ld")
    ds.serialize(format="nquads")
    rows = list(ds.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"))
    assert rows
    assert XSD.date


def test_our_own_deprecation_still_shows():
    warnings.warn("kg: an old call of ours", DeprecationWarning)
'''


def test_only_the_named_dependency_warnings_are_silenced(tmp_path):
    probe = tmp_path / "test_probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-c", str(REPO / "pyproject.toml"),
                        "--rootdir", str(REPO), "-p", "no:cacheprovider", str(probe)],
                       capture_output=True, text=True, timeout=300, cwd=REPO)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out[-3000:]
    assert "2 passed, 1 warning" in out, out[-3000:]
    assert "kg: an old call of ours" in out
    assert "deprecated" not in out.replace("an old call", "")
