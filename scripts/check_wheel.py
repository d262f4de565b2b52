"""Check that an installed wheel of kg finds its ontology and query library.

    python scripts/check_wheel.py [--site-packages DIR]

Builds a wheel of this checkout (``pip wheel --no-deps``), installs it with
``--no-deps`` into a fresh virtual environment whose dependencies come from
DIR (``.pth`` lines; default: the site-packages folders of the Python running
this script), then, from a temporary folder outside the checkout, runs
``kg build seeds/*.txt -o x.trig`` and ``kg query class-counts`` on the result.
The build must equal a build by the checkout's own ``kg`` byte for byte.

Prints one line per step; exits 1 when a step fails. Needs a package index for
pip's build isolation (setuptools); takes ten seconds or so.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUILD_INPUTS = ("pyproject.toml", "README.md", "kg", "ontology", "queries")  # what the wheel is made of


def _run(step: str, cmd: list, cwd: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["(no output)"]
        raise SystemExit(f"FAIL {step}: exit {proc.returncode}: {tail[0]}")
    print(f"ok   {step}")
    return proc


def check(site_packages: list[Path]) -> None:
    """Run every step; ``SystemExit`` with a one-line message on the first failure."""
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="kg-wheel-") as tmp:
        tmp = Path(tmp)
        # From a copy: setuptools leaves build/ in the source folder, and a stale one would
        # put files into the wheel that the packaging no longer names.
        src = tmp / "src"
        src.mkdir()
        for name in BUILD_INPUTS:
            if (REPO / name).is_dir():
                shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(REPO / name, src / name)
        _run("build the wheel", [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", src, "-w", tmp / "wheel"],
             tmp)
        wheel = next((tmp / "wheel").glob("navo_kg-*.whl"))
        venv.EnvBuilder(with_pip=False).create(tmp / "venv")
        py = tmp / "venv" / "bin" / "python"
        purelib = Path(subprocess.check_output([py, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                               text=True).strip())
        (purelib / "deps.pth").write_text("".join(f"{d}\n" for d in site_packages), encoding="utf-8")
        _run("install the wheel into a fresh venv",
             [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", purelib, wheel], tmp)
        where = _run("import kg from the wheel", [py, "-c", "import kg.paths as p; print(p.ONTOLOGY_DIR)"], tmp)
        if Path(where.stdout.strip()) != purelib / "kg" / "ontology":
            raise SystemExit(f"FAIL the ontology is read from {where.stdout.strip()}, not from the wheel")
        work = tmp / "work"
        work.mkdir()
        kg = [py, "-m", "kg"]
        _run("kg build seeds (installed)", [*kg, "build", *seeds, "-o", work / "x.trig", "-q"], work)
        _run("kg query class-counts (installed)", [*kg, "query", "class-counts", "--graph", work / "x.trig"], work)
        _run("kg build seeds (checkout)", [sys.executable, "-m", "kg", "build", *seeds, "-o", work / "y.trig", "-q"],
             work)
        if (work / "x.trig").read_bytes() != (work / "y.trig").read_bytes():
            raise SystemExit("FAIL the installed build differs from the checkout's")
        print("ok   the installed build equals the checkout's")


def _site_dirs() -> list[Path]:
    """This Python's site-packages folders (a venv's own and those its .pth files add)."""
    return [Path(p) for p in sys.path if Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site-packages", type=Path, action="append",
                    help="where the dependencies are installed (repeatable; default: this Python's site-packages)")
    args = ap.parse_args(argv)
    try:
        check(args.site_packages or _site_dirs())
    except SystemExit as e:
        print(e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
