"""kg build start-up: spaCy is imported without its command line, and nothing
is lost by that (each check in a fresh interpreter)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _python(code: str) -> str:
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout


def test_spacy_without_its_cli_then_the_cli_on_demand():
    out = _python(
        "import sys\n"
        "from kg.build import import_spacy_lean\n"
        "spacy = import_spacy_lean()\n"
        "print('cli loaded:', 'spacy.cli' in sys.modules, 'typer' in sys.modules)\n"
        "print('tokens:', len(spacy.blank('nl')('Den Haag, 14 jan. 2031.')))\n"
        "print('cli attr:', spacy.cli.__file__.endswith('cli/__init__.py'), callable(spacy.cli.download))\n"
        "from spacy.cli.info import info\n"
        "print('info:', spacy.info.__name__, callable(info))\n"
        "print('again:', import_spacy_lean() is spacy)\n")
    assert "cli loaded: False False" in out
    assert "cli attr: True True" in out and "info: info True" in out and "again: True" in out


def test_pipeline_offers_every_tokenizer_exception_and_tokenises_as_blank_nl():
    out = _python(
        "import spacy\n"
        "from kg.nlp import make_pipeline\n"
        "from kg.nlp.components.tokenizer import genre_exceptions\n"
        "nlp = make_pipeline()\n"
        "blank = spacy.blank('nl')\n"
        "blank.tokenizer.rules = genre_exceptions(blank.Defaults.tokenizer_exceptions)\n"
        "print('same rules:', nlp.tokenizer.rules == blank.tokenizer.rules, len(nlp.tokenizer.rules) > 1000)\n"
        "gone = set(blank.Defaults.tokenizer_exceptions) - set(blank.tokenizer.rules)\n"
        "acronyms = {k for k in gone if k[:-1].isupper() and k[:-1].isalpha() and k.endswith('.')}\n"
        "print('defaults kept:', gone - acronyms == {'top.', 'Top.', '):', '(:', ':)', ':(', ';)', '(;'} and 'CAP.' in acronyms and 'cap.' not in gone)\n"
        "text = 'Zie o.a. art. 5 v.d. NAVO-top, d.w.z. 14-15 jan. 2031 (Den Haag).\\nVgl. blz. 3.'\n"
        "print('same tokens:', [t.text for t in nlp.tokenizer(text)] == [t.text for t in blank.tokenizer(text)])\n")
    assert "same rules: True True" in out and "defaults kept: True" in out and "same tokens: True" in out
