"""``scripts/audit_sample.py``: each sampled relation names the file its document was read from."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("audit_sample", ROOT / "scripts" / "audit_sample.py")
audit_sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit_sample)


def test_each_sampled_relation_names_its_source_file(capsys):
    assert audit_sample.main([str(ROOT / "tests" / "data" / "fixture.trig"), "-n", "40", "--seed", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2] == "| # | subject | predicate | object | rule | document | file | sentence | verdict |"
    rows = [line.split(" | ") for line in out[4:]]
    assert rows and all(len(r) == 9 for r in rows)
    files = {(r[5], r[6]) for r in rows}
    # the fixture's two letters, each beside its own file name (kg:sourceFile)
    assert files == {("document/kst-30001-12", "fx_a.txt"), ("document/kst-30001-15", "fx_b.txt")}
