"""The documentation stands alone and keeps up with the ontology and the command line."""
from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, URIRef

from kg.cli import VERBS

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
VOCABULARY = REPO / "docs" / "VOCABULARY.md"
ONTOLOGY = REPO / "ontology" / "navo-kg.ttl"
OWN_DOCS = [README, VOCABULARY, REPO / "docs" / "EVALUATION.md", REPO / "docs" / "DESIGN.md",
            REPO / "eval" / "README.md"]

# Terms of other vocabularies that every graph uses for its contract
# (names, dates, Wikidata links) and that the ontology does not redeclare.
BORROWED = ["rdfs:label", "skos:altLabel", "dcterms:date", "owl:sameAs"]


def declared_terms() -> list[str]:
    """Every term navo-kg.ttl describes (it gives each a label), as a CURIE."""
    g = Graph().parse(ONTOLOGY)
    prefixes = {str(ns): p for p, ns in g.namespaces()}
    out = []
    for s in sorted(set(g.subjects(RDFS.label, None))):
        if not isinstance(s, URIRef) or str(s) == "https://w3id.org/navo-kg/def":  # the ontology itself
            continue
        for ns, p in prefixes.items():
            if str(s).startswith(ns) and str(s)[len(ns):]:
                out.append(f"{p}:{str(s)[len(ns):]}")
                break
        else:
            out.append(str(s))
    return out


def named(text: str, curie: str) -> bool:
    return re.search(rf"(?<![\w:#/]){re.escape(curie)}(?![\w-])", text) is not None


def test_the_ontology_declares_the_terms_this_test_reads():
    terms = declared_terms()
    assert "kg:Minister" in terms and "kg:holdsOffice" in terms and "schema:startDate" in terms
    assert len(terms) > 40


def test_every_term_of_the_ontology_is_described_in_the_vocabulary():
    text = VOCABULARY.read_text(encoding="utf-8")
    missing = [t for t in declared_terms() + BORROWED if not named(text, t)]
    assert not missing, f"describe these terms in docs/VOCABULARY.md: {missing}"


def test_a_term_without_description_would_be_noticed():
    assert not named("`kg:Summit` and `kg:SummitX`", "kg:Summi")
    assert named("| `kg:Summit` | a summit |", "kg:Summit")
    assert not named("kg:MinisterialMeeting", "kg:Minister")


def test_the_docs_do_not_point_outside_the_repository():
    for doc in OWN_DOCS:
        text = doc.read_text(encoding="utf-8")
        assert "../shared" not in text and "/work/" not in text, doc.name


def test_every_relative_link_in_the_docs_exists():
    for doc in OWN_DOCS:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", doc.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            assert (doc.parent / target).exists(), f"{doc.name} links to missing {target}"


def test_the_readme_documents_every_verb_and_the_make_targets():
    text = README.read_text(encoding="utf-8")
    assert text.lstrip().startswith("# navo-kg")
    first_block = re.search(r"```sh\n(.*?)```", text, re.S).group(1).split()
    assert first_block[:4] == ["make", "run", "make", "test"]
    for verb in VERBS:
        assert f"kg {verb}" in text, f"README does not show kg {verb}"
    for target in ("make eval", "make docs", "out/site/index.html", "docs/VOCABULARY.md"):
        assert target in text


def test_the_makefile_runs_what_the_readme_and_ci_promise():
    make = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("run:", "test:", "eval:", "docs:"):
        assert re.search(rf"^{target}", make, re.M), target
    assert "kg) evaluate --gold eval/gold/seeds --docs seeds" in make.replace("$(KG", "kg")


@pytest.mark.skipif(importlib.util.find_spec("pylode") is None,
                    reason="pyLODE not installed (pip install -e '.[docs]' to check docs/ontology.html)")
def test_the_generated_ontology_page_is_up_to_date(tmp_path):
    out = tmp_path / "ontology.html"
    pylode = Path(subprocess.sys.executable).parent / "pylode"
    subprocess.run([str(pylode), str(ONTOLOGY), "--sort", "-o", str(out)], check=True,
                   capture_output=True, cwd=REPO)
    assert out.read_bytes() == (REPO / "docs" / "ontology.html").read_bytes(), "run make docs"
