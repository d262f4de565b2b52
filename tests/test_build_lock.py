"""The build's output lock: held while writing, gone when the build ends (issue 15, item 11)."""
from __future__ import annotations

import threading
import time

from kg.build import output_lock


def test_no_lock_file_left_after_a_build(seeds_build):
    folder = seeds_build.ttl.parent
    assert seeds_build.ttl.is_file() and seeds_build.trig.is_file()
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".lock")]


def test_lock_file_goes_even_when_the_writer_fails(tmp_path):
    out = tmp_path / "g.ttl"
    try:
        with output_lock(out, quiet=True):
            assert (tmp_path / ".g.ttl.lock").exists()
            raise RuntimeError("write failed")
    except RuntimeError:
        pass
    assert list(tmp_path.iterdir()) == []


def test_removing_the_lock_file_keeps_writers_apart(tmp_path):
    """Many writers, each removing the lock file as it leaves: never two inside at once."""
    out = tmp_path / "g.ttl"
    inside, overlaps, entries = [0], [], []
    guard = threading.Lock()

    def writer(n):
        for _ in range(15):
            with output_lock(out, quiet=True):
                with guard:
                    inside[0] += 1
                    if inside[0] > 1:
                        overlaps.append(n)
                    entries.append(n)
                time.sleep(0.002)
                with guard:
                    inside[0] -= 1

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(entries) == 6 * 15
    assert not overlaps, f"{len(overlaps)} times two writers held the lock at once"
    assert list(tmp_path.iterdir()) == []
