"""Synthetic benchmark corpora: the seed letters rewritten N times.

Document ``i`` is seed ``i % len(seeds)`` with, drawn from a RNG seeded by
``(seed, i)`` so every corpus is the same on every run:

* other Kamerstuk numbers (unique per document, so each is its own
  ``kg:Document``; ``kst-…``, ``Nr. …`` and ``nr. …`` stay consistent inside it),
* years shifted by -6…+6 (so dates, summits and ministerials differ),
* other amounts (``EUR 75 miljoen`` -> ``EUR 312 miljoen``),
* names swapped within the pools of ``bench/pool.json`` (countries, cities,
  people, Dutch surnames; signatures such as ``H.G.J. Jansen`` get new initials
  and surname), so entities repeat across documents and new ones appear, as in
  a real archive.

Usage: ``python bench/corpus.py N OUT_DIR`` (the bench calls ``generate``).
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
POOL = json.loads((HERE / "pool.json").read_text(encoding="utf-8"))

_NUMBER = re.compile(r"(?<=\bkst-\d{5}-)(\d+)|(?<=\b[Nn]r\. )(\d+)|(?<=\b[Nn]r\.)(\d+)")
_YEAR = re.compile(r"\b(20[0-4]\d)\b")
_AMOUNT = re.compile(r"\b(EUR|€) ?(\d+(?:[.,]\d+)?) (miljoen|miljard)\b")
# "H.G.J. Bruins Slot", "K.H. Ollongren": initials then a capitalised surname
# (particles allowed), on one line.
_SIGNATURE = re.compile(r"\b((?:[A-Z]\.){1,4}) ?((?:(?:van|der|de|den|ter|ten) )*[A-Z][a-zëé]+(?:[ -][A-Z][a-zëé]+)?)\b")


def _alternation(names: list[str]) -> re.Pattern:
    # Longest first so "Jens Stoltenberg" wins over "Stoltenberg".
    alts = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")


_PEOPLE_SURNAMES = {p.split(" ", 1)[1]: p for p in POOL["people"]}
_NAMES = _alternation(POOL["countries"] + POOL["cities"] + POOL["people"]
                      + list(_PEOPLE_SURNAMES) + POOL["surnames"])


def _pool_of(name: str) -> str:
    for pool in ("countries", "cities", "people", "surnames"):
        if name in POOL[pool]:
            return pool
    return "people-surname"


def rewrite(text: str, rng: random.Random, numbers) -> str:
    """One rewritten copy of ``text`` (see the module docstring)."""
    nums: dict[str, str] = {}

    def number(m: re.Match) -> str:
        old = m.group(0)
        if old not in nums:
            nums[old] = str(next(numbers))
        return nums[old]

    text = _NUMBER.sub(number, text)
    shift = rng.randint(-6, 6)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = _AMOUNT.sub(lambda m: f"{m.group(1)} {rng.randint(1, 950)} {m.group(3)}", text)

    # Names: one consistent mapping per document.
    names: dict[str, str] = {}

    def signature(m: re.Match) -> str:
        surname = m.group(2)
        if surname not in names:
            names[surname] = rng.choice(POOL["surnames"])
        initials = "".join(f"{rng.choice('ABCDEFGHJKLMNPRSTW')}." for _ in range(len(m.group(1)) // 2))
        return f"{initials} {names[surname]}"

    text = _SIGNATURE.sub(signature, text)

    def swap(m: re.Match) -> str:
        old = m.group(1)
        if old not in names:
            pool = _pool_of(old)
            if pool == "people-surname":
                names[old] = rng.choice(POOL["people"]).split(" ", 1)[1]
            else:
                names[old] = rng.choice(POOL[pool])
        return names[old]

    return _NAMES.sub(swap, text)


def load_seeds(folder: Path = SEEDS) -> list[str]:
    """The seed texts, in file-name order."""
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def generate(n: int, out_dir: Path, seed: int = 8, seeds_dir: Path = SEEDS) -> list[Path]:
    """Write ``n`` rewritten documents to ``out_dir`` (other files there are removed);
    return their paths. Files already there with the right name are kept."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    templates = load_seeds(seeds_dir)
    numbers = iter(random.Random(seed).sample(range(500, 500 + 40 * n + 1000), 20 * n + 100))
    paths = []
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        text = rewrite(templates[i % len(templates)], rng, numbers)
        digest = hashlib.sha1(text.encode()).hexdigest()[:16]
        path = out_dir / f"{i:05d}_{digest}.txt"
        if not path.exists():  # the name carries the content hash: an existing file is this one
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    keep = set(paths)
    for old in out_dir.glob("*.txt"):
        if old not in keep:
            old.unlink()
    return paths


def count_words(paths) -> int:
    """Whitespace-separated words in the files (the bench's words-per-second unit)."""
    return sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python bench/corpus.py N OUT_DIR")
    ps = generate(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{len(ps)} documents, {count_words(ps)} words in {sys.argv[2]}")
