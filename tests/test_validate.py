"""``kg validate`` and ``kg stats``: parse errors that name the line and the
reason, and SHACL checks that follow the ontology's subclasses without RDFS
inference (issue 15, item 10). The time is measured by bench/validate_bench.py.
"""
from __future__ import annotations

import pytest

from kg.cli import main

BROKEN = {
    "broken.ttl": ("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b ex:c ex:d .\n",
                   ":3:", "dot is expected"),
    "broken.trig": ("@prefix ex: <http://example.org/> .\nex:g {\n  ex:a ex:b ex:c .\n  ex:a ex:b .\n}\n",
                    ":4:", ""),
    "broken.nq": ('<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> "open .\n', ":2:", ""),
    "broken.nt": ("<http://a> <http://b> <http://c> .\n<http://a> <http://b> <http://c> <http://d> <http://e> .\n",
                  ":2:", ""),
}


@pytest.mark.parametrize("verb", ["validate", "stats"])
@pytest.mark.parametrize("name", sorted(BROKEN))
def test_parse_error_names_the_line_and_the_reason(verb, name, tmp_path, capsys):
    text, line, reason = BROKEN[name]
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    assert main([verb, str(f)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert f"{name}{line}" in err and "cannot parse as" in err
    head, _, why = err.partition("): ")
    assert "line " in head and "column " in head
    assert why.strip() and reason in why  # a reason after the place, not an empty "at line 1 of <>:"


SUBCLASSES = """@prefix kg: <https://w3id.org/navo-kg/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/navo-kg/id/person/zonder-naam> a kg:Minister .
<https://w3id.org/navo-kg/id/document/d> a kg:Letter ; rdfs:label "Brief" ;
    kg:signatory <https://w3id.org/navo-kg/id/person/de-wit>, <https://w3id.org/navo-kg/id/country/x> .
<https://w3id.org/navo-kg/id/person/de-wit> a kg:Minister ; rdfs:label "De Wit" .
<https://w3id.org/navo-kg/id/country/x> a kg:Country ; rdfs:label "X" .
"""


def test_shapes_follow_subclasses_without_inference(tmp_path, capsys):
    f = tmp_path / "sub.ttl"
    f.write_text(SUBCLASSES, encoding="utf-8")
    assert main(["validate", str(f)]) == 2
    out = capsys.readouterr().out
    # a kg:Minister is a kg:Person (target and sh:class); a kg:Letter a kg:Document
    assert "person:zonder-naam rdfs:label" in out
    assert "document:d kg:signatory" in out and "country:x" in out
    assert "person:de-wit" not in out
    assert "2 problem(s)" in out
