"""Shared fixtures: one build of the seed letters per test session."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


class SeedsBuild(NamedTuple):
    """The seeds built once: ``trig`` (named graphs) and ``ttl`` (their union)."""

    trig: Path
    ttl: Path


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> SeedsBuild:
    """Build ``seeds/`` into a temporary folder as .trig and .ttl (in this process)."""
    from kg.cli import main

    out = tmp_path_factory.mktemp("seeds_build")
    trig, ttl = out / "graph.trig", out / "graph.ttl"
    for path in (trig, ttl):
        code = main(["build", str(SEEDS), "-o", str(path), "-q"])
        assert code == 0, f"seeds build to {path.name} exited {code}"
    return SeedsBuild(trig=trig, ttl=ttl)
