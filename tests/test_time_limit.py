"""A document that runs past its time limit is skipped with one line (kg build --max-seconds)."""
from __future__ import annotations

import signal
import time

import pytest

import kg.clean
from kg import build
from kg.cli import main

LETTER = ("Tweede Kamer der Staten-Generaal\n\nDen Haag, 4 maart 2031\n\n"
          "De minister van Defensie sprak in Brussel met de secretaris-generaal van de NAVO over Oekraïne.\n")


def _stuck_on(word: str, monkeypatch):
    """Make the cleaning stage loop forever on a text holding ``word`` (a stage gone wrong)."""
    real = kg.clean.clean

    def clean(source):
        while word in source.text:
            pass
        return real(source)
    monkeypatch.setattr(kg.clean, "clean", clean)


def test_time_allowed_grows_with_the_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"x" * 2_000_000)
    assert build.time_allowed(f, None) == build.TIME_BASE + 2 * build.TIME_PER_MB
    assert build.time_allowed(f, 5) == 5
    assert build.time_allowed(f, 0) is None  # no limit


def test_a_stuck_document_is_skipped_after_its_limit(tmp_path, monkeypatch):
    _stuck_on("VASTLOPER", monkeypatch)
    f = tmp_path / "stuck.txt"
    f.write_text(LETTER + "VASTLOPER\n", encoding="utf-8")
    t0 = time.monotonic()
    result = build.process_file((str(f), None, 0.5))
    assert time.monotonic() - t0 < 5
    assert result.extraction is None and result.skipped.startswith("took longer than 0.5 s")
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0  # the timer is off again


def test_build_skips_it_with_one_line_and_writes_the_others(tmp_path, monkeypatch, capsys):
    _stuck_on("VASTLOPER", monkeypatch)
    good, stuck = tmp_path / "goed.txt", tmp_path / "stuck.txt"
    good.write_text(LETTER, encoding="utf-8")
    stuck.write_text(LETTER + "VASTLOPER\n", encoding="utf-8")
    out = tmp_path / "g.trig"
    assert main(["build", str(good), str(stuck), "-o", str(out), "--max-seconds", "1", "-q"]) == 1
    said = [line for line in capsys.readouterr().err.splitlines() if "stuck.txt" in line]
    assert said == [f"skipped {stuck}: took longer than 1 s (raise --max-seconds, or split the file)"]
    text = out.read_text(encoding="utf-8")
    assert "goed.txt" in text and "stuck.txt" not in text


def test_a_timer_already_running_is_left_alone():
    fired = []
    old = signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with build.time_limit(0.05):
            time.sleep(0.2)  # past the inner limit: no _TimeUp, the outer timer keeps running
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 30 and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_bad_limit_is_a_user_error(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(LETTER, encoding="utf-8")
    assert main(["build", str(f), "-o", str(tmp_path / "g.ttl"), "--max-seconds", "-1"]) == 2
    assert "--max-seconds" in capsys.readouterr().err
