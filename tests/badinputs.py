"""The bad-input corpus of issue 7, made in a temporary folder at test time.

Binary and large files are generated here, never committed. Each input is a
``BadInput``: the path to hand to ``kg build``, the base name the tool must
name on stderr, what it must do with it (``skip``, ``warn`` = process with a
warning, ``either``) and a loose pattern (English or Dutch) for the reason it
gives. ``make_bad_corpus`` also writes ``goed.txt``, a well-formed letter that
every run includes, so a test can see that the other files were still read.

The letters are fictional: other people, countries, dates and amounts than
the seed letters.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

GOOD_NAME = "goed.txt"

# A fictional annotated-agenda letter; ``{nr}`` keeps the Kamerstuk number of
# each variant apart so that each file is its own kg:Document.
LETTER = """Tweede Kamer der Staten-Generaal

Vergaderjaar 2025-2026

21 501-28

Nr. {nr}

BRIEF VAN DE MINISTER VAN DEFENSIE
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 14 januari 2026

Hierbij zend ik u de geannoteerde agenda voor de bijeenkomst van de
NAVO-ministers van Defensie op 12 en 13 februari 2026 in Brussel.

De ministers bespreken de versterking van de oostflank van het
bondgenootschap. Estland en Litouwen vragen om extra luchtverdediging.
België en Polen kondigden aan hun financiële bijdragen te verhogen. De
ideeën over gezamenlijke inkoop worden verder uitgewerkt.
Nederland draagt EUR 40 miljoen bij aan het steunpakket voor Moldavië.
De Georgische minister van Defensie, Irakli Beridze, is uitgenodigd voor
de werksessie over de veiligheid in het Zwarte Zeegebied.

De Minister van Defensie,
H.J. de Roos
"""

ENGLISH = """Minutes of the allotment committee, spring meeting

The committee met in the community hall on a rainy Tuesday evening. The
treasurer reported that the water bill had risen again and proposed a small
increase in the yearly fee. Members discussed the new compost bins, the
broken gate near plot twelve and the summer open day. The secretary will
write to the council about the car park. Tea and biscuits were served.
"""


@dataclass(frozen=True)
class BadInput:
    """One entry of the bad-input table."""

    label: str  # what the table calls it
    path: Path  # what is passed to ``kg build``
    name: str  # the base name the tool must mention
    expect: str  # "skip" | "warn" | "either"
    reason: str  # regex (case-insensitive) the skip/warning line must match
    root_skip: str = ""  # non-empty: cannot be tested as root, and why


def letter(nr: int) -> str:
    """The fictional letter with Kamerstuk number ``nr``."""
    return LETTER.format(nr=nr)


def big_dutch_text(size: int) -> str:
    """Dutch text of at least ``size`` characters (the letter body repeated)."""
    body = letter(999).split("Den Haag, 14 januari 2026", 1)[1]
    reps = size // len(body) + 1
    return letter(998) + body * reps


def write_big_file(path: Path, size: int = 50 * 1024 * 1024) -> Path:
    """Write a ``size``-byte UTF-8 Dutch text file without building it in memory twice."""
    body = letter(997).split("Den Haag, 14 januari 2026", 1)[1].encode("utf-8")
    head = letter(996).encode("utf-8")
    with open(path, "wb") as f:
        f.write(head)
        written = len(head)
        chunk = body * (1024 * 1024 // len(body) + 1)
        while written < size:
            part = chunk[: size - written]
            f.write(part)
            written += len(part)
    return path


def minimal_pdf(text: str | None) -> bytes:
    """A one-page PDF, with ``text`` as its text layer, or without one (a 'scan')."""
    content = b"" if text is None else (
        b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    xref = []
    for i, body in enumerate(objs, 1):
        xref.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in xref:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, start)
    return bytes(out)


def blank_pdf() -> bytes:
    """A PDF with one blank page and no text layer, made with pypdf."""
    import io

    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def make_good(folder: Path, nr: int = 101) -> Path:
    """Write ``goed.txt`` (UTF-8) into ``folder``."""
    p = folder / GOOD_NAME
    p.write_text(letter(nr), encoding="utf-8")
    return p


def make_bad_corpus(folder: Path) -> dict[str, BadInput]:
    """Create every bad input of issue 7 under ``folder``; returns them by key."""
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(7)  # deterministic bytes
    items: dict[str, BadInput] = {}

    def add(key: str, label: str, path: Path, expect: str, reason: str, name: str = "", **kw) -> None:
        items[key] = BadInput(label, path, name or path.name, expect, reason, **kw)

    p = folder / "leeg.txt"
    p.write_bytes(b"")
    add("empty", "empty file", p, "skip", r"empty|leeg|no text|geen tekst|0 bytes")

    p = folder / "spaties.txt"
    p.write_text(" \n\t\n   \r\n\n", encoding="ascii")
    add("whitespace", "whitespace-only file", p, "skip",
        r"empty|leeg|no text|geen tekst|whitespace|witruimte|blank")

    p = folder / "bijlage.txt"
    p.write_bytes(bytes(rnd.getrandbits(8) for _ in range(8192)))
    add("binary", "binary blob named .txt", p, "skip", r"binar|not (a )?text|geen tekst|decode|encoding|codering")

    p = folder / "brief_latin1.txt"
    p.write_bytes(letter(102).encode("latin-1"))
    add("latin1", "Latin-1 letter", p, "warn", r"latin|iso-8859|cp1252|windows-1252|encoding|codering")

    p = folder / "brief_utf16.txt"
    p.write_bytes(letter(103).encode("utf-16"))
    add("utf16", "UTF-16 letter", p, "warn", r"utf.?16|encoding|codering")

    p = folder / "scan.pdf"
    p.write_bytes(blank_pdf())
    add("pdf_notext", "PDF without text layer", p, "skip", r"text|tekst|scan|ocr|image|afbeelding")

    p = folder / "afgekapt.pdf"
    whole = minimal_pdf("Nederland steunt de NAVO-missie in Litouwen met EUR 12 miljoen.")
    p.write_bytes(whole[: len(whole) // 2])
    add("pdf_truncated", "truncated PDF", p, "either",
        r"pdf|truncat|afgekapt|corrupt|beschadigd|damaged|broken|EOF|xref|text|tekst")

    p = folder / "kapot.docx"
    p.write_bytes(b"Dit is geen Word-bestand, alleen platte tekst met een .docx-naam.\n" * 20)
    add("docx_notzip", ".docx that is not a zip", p, "skip",
        r"docx|zip|word|corrupt|beschadigd|not a valid|ongeldig|package")

    p = folder / "groot.txt"
    write_big_file(p)
    add("big50", "50 MB text file (default --max-size 20)", p, "skip",
        r"MB|size|groot|max|limit|limiet|large")

    p = folder / "engels.txt"
    p.write_text(ENGLISH, encoding="utf-8")
    add("english", "English text", p, "warn", r"dutch|nederlands|nato|navo|language|taal|no .*content|geen")

    p = folder / "nul.txt"
    text = letter(104)
    p.write_bytes(text[:300].encode() + b"\x00\x00\x00" + text[300:600].encode() + b"\x00" + text[600:].encode())
    add("nul", "text with NUL bytes", p, "either", r"nul|null|\\x00|binar|control|controle")

    p = folder / "bestaat_niet.txt"  # never created
    add("missing", "path that does not exist", p, "skip",
        r"not exist|does not exist|not found|no such|bestaat niet|niet gevonden|missing|ontbreekt")

    p = folder / "geen_rechten.txt"
    p.write_text(letter(105), encoding="utf-8")
    p.chmod(0)
    add("unreadable", "file without read permission", p, "skip",
        r"permission|rechten|toegang|access|denied|cannot read|kan niet|unreadable|geweigerd",
        root_skip="running as root, which can read any file; run as an unprivileged user "
                  "(the test does this with setpriv when available)")

    loopdir = folder / "map_met_lus"
    loopdir.mkdir(exist_ok=True)
    (loopdir / "brief_in_map.txt").write_text(letter(106), encoding="utf-8")
    os.symlink("kring.txt", loopdir / "kring.txt")  # ELOOP on open
    (loopdir / "sub").mkdir(exist_ok=True)
    os.symlink("..", loopdir / "sub" / "terug")  # sub/terug -> map_met_lus: a cycle for a walk
    add("symlink_loop", "symlink loop in a folder (map_met_lus/kring.txt -> itself)", loopdir,
        "skip", r"loop|lus|symlink|symbolic|too many|link|kring", name="kring.txt")

    notfile = folder / "verslag.pdf"  # a folder that looks like a file
    notfile.mkdir(exist_ok=True)
    add("dir_as_file", "folder named like a file (verslag.pdf/)", notfile, "skip",
        r"folder|map|director|no documents|geen documenten|empty|leeg|not a file|geen bestand")
    return items


def is_root() -> bool:
    """True when this process runs as root (which ignores file permissions)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def unprivileged_prefix() -> list[str] | None:
    """A command prefix that drops root to 'nobody', or None when impossible."""
    if not is_root():
        return []
    exe = shutil.which("setpriv")
    if not exe:
        return None
    return [exe, "--reuid=65534", "--regid=65534", "--clear-groups"]


def open_up_for(folder: Path) -> None:
    """Make ``folder`` writable and its files readable for an unprivileged run."""
    paths = [folder]
    for top, dirs, files in os.walk(folder):  # does not follow symlinks
        paths += [Path(top, n) for n in dirs + files]
    for p in paths:
        if p.is_symlink() or p.name == "geen_rechten.txt":
            continue
        mode = p.stat().st_mode
        extra = stat.S_IROTH | (stat.S_IWOTH | stat.S_IXOTH if p.is_dir() else 0)
        p.chmod(mode | extra)


def lines_naming(stderr: str, name: str) -> list[str]:
    """The stderr lines that mention ``name``."""
    return [ln for ln in stderr.splitlines() if name in ln]


def is_skip_line(line: str) -> bool:
    """Whether a stderr line reports that a file was skipped."""
    return re.search(r"skip|overgeslagen|sla .* over", line, re.I) is not None


# --- running kg and checking what it wrote ---------------------------------

REPO = Path(__file__).resolve().parents[1]
KG_NS = "https://w3id.org/navo-kg/def#"
RDF_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld"}


def kg_cmd(*args: str) -> list[str]:
    """The command line for ``kg ARGS`` with this interpreter (no install needed)."""
    import sys

    return [sys.executable, "-m", "kg", *args]


def kg_env(home: Path | None = None) -> dict[str, str]:
    """Environment for a kg subprocess: the repository importable, no colour/bytecode noise."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if home is not None:
        env["HOME"] = str(home)
    return env


def run_kg(*args: str, timeout: float = 180, prefix: list[str] | None = None,
           home: Path | None = None):
    """Run ``kg ARGS``; returns the CompletedProcess (text mode). A hang is a TimeoutExpired."""
    import subprocess

    return subprocess.run([*(prefix or []), *kg_cmd(*args)], cwd=REPO, env=kg_env(home),
                          capture_output=True, text=True, errors="replace", timeout=timeout)


def graph_problems(path: Path) -> list[str]:
    """Why the graph file at ``path`` is not valid: rdflib, Oxigraph, ``kg validate``."""
    import rdflib
    import pyoxigraph

    problems = []
    fmt = RDF_FORMATS.get(path.suffix)
    if not path.exists():
        return [f"{path.name} was not written"]
    try:
        rdflib.Dataset().parse(path, format=fmt)
    except Exception as e:  # noqa: BLE001 - any parser failure is the finding
        problems.append(f"rdflib cannot parse {path.name}: {type(e).__name__}: {e}")
    try:
        oxfmt = {"turtle": pyoxigraph.RdfFormat.TURTLE, "trig": pyoxigraph.RdfFormat.TRIG,
                 "nquads": pyoxigraph.RdfFormat.N_QUADS, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
                 "json-ld": getattr(pyoxigraph.RdfFormat, "JSON_LD", None)}[fmt]
        if oxfmt is not None:
            for _ in pyoxigraph.parse(path=str(path), format=oxfmt):
                pass
    except Exception as e:  # noqa: BLE001
        problems.append(f"pyoxigraph cannot parse {path.name}: {type(e).__name__}: {e}")
    rc, said = kg_validate(path)
    if rc != 0:
        problems.append(f"kg validate exit {rc}: " + " | ".join(said.strip().splitlines()[-5:]))
    return problems


def kg_validate(path: Path) -> tuple[int, str]:
    """``kg validate PATH`` through the CLI entry point, in this process (no
    interpreter and spaCy start-up per graph); returns (exit status, output)."""
    import contextlib
    import io

    from kg.cli import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        try:
            rc = main(["validate", str(path)])
        except SystemExit as e:  # argparse
            rc = e.code if isinstance(e.code, int) else 2
    return rc, buf.getvalue()


def source_files(path: Path) -> set[str]:
    """The ``kg:sourceFile`` values in a graph file (empty when it does not parse)."""
    import rdflib

    if not path.exists():
        return set()
    ds = rdflib.Dataset(default_union=True)
    try:
        ds.parse(path, format=RDF_FORMATS.get(path.suffix))
    except Exception:  # noqa: BLE001 - graph_problems reports parse errors
        return set()
    return {str(o) for o in ds.objects(None, rdflib.URIRef(KG_NS + "sourceFile"))}


# --- one build per bad input (together with goed.txt), and the table --------

@dataclass
class Outcome:
    """What ``kg build BAD goed.txt -o OUT`` did."""

    item: BadInput
    rc: int | None  # None: not run (see ``stderr``)
    stderr: str
    output: Path
    sources: set[str]
    problems: list[str]
    scratch: Path | None = None  # a folder of its own (unprivileged run), removed by ``cleanup``

    @property
    def said(self) -> list[str]:
        return lines_naming(self.stderr, self.item.name)

    @property
    def others_processed(self) -> bool:
        return GOOD_NAME in self.sources or "brief_in_map.txt" in self.sources


def _unprivileged_copy(item: BadInput, good: Path) -> tuple[Path, Path]:
    """A world-accessible folder holding goed.txt and an unreadable copy of ``item``."""
    import tempfile

    d = Path(tempfile.mkdtemp(prefix="kg-unpriv-"))
    d.chmod(0o777)
    shutil.copy(good, d / GOOD_NAME)
    (d / GOOD_NAME).chmod(0o644)
    bad = d / item.name
    bad.write_text(letter(105), encoding="utf-8")
    bad.chmod(0)
    return d, bad


def run_one(item: BadInput, good: Path, outdir: Path, extra: tuple[str, ...] = ()) -> Outcome:
    """Build ``item`` together with ``good`` into ``outdir/<name>.ttl`` and check the graph."""
    import subprocess

    prefix: list[str] = []
    inputs = [item.path, good]
    home = None
    if item.root_skip and is_root():
        pre = unprivileged_prefix()
        if pre is None:
            return Outcome(item, None, f"not run: {item.root_skip}", outdir / "none.ttl", set(), [])
        prefix = pre
        d, bad = _unprivileged_copy(item, good)
        inputs = [bad, d / GOOD_NAME]
        outdir = d / "out"
        outdir.mkdir()
        outdir.chmod(0o777)
        home = d
    out = outdir / (item.path.name.replace(".", "_") + ".ttl")
    try:
        r = run_kg("build", *map(str, inputs), "-o", str(out), *extra, prefix=prefix, home=home, timeout=240)
    except subprocess.TimeoutExpired as e:
        err = e.stderr.decode(errors="replace") if isinstance(e.stderr, bytes) else (e.stderr or "")
        return Outcome(item, None, err + "\n[hung: killed after 240 s]", out, set(), ["build hung"])
    return Outcome(item, r.returncode, r.stderr, out, set(), [], scratch=home)


def run_table(folder: Path, workers: int = 3) -> tuple[dict[str, Outcome], Path]:
    """Make the corpus in ``folder`` and run one build per bad input, ``workers`` at a time."""
    from concurrent.futures import ThreadPoolExecutor

    items = make_bad_corpus(folder / "bad")
    good_dir = folder / "good"
    good_dir.mkdir(exist_ok=True)
    good = make_good(good_dir)
    outdir = folder / "out"
    outdir.mkdir(exist_ok=True)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futs = {k: pool.submit(run_one, it, good, outdir) for k, it in items.items()}
        outcomes = {k: f.result() for k, f in futs.items()}
    for o in outcomes.values():  # in this thread: kg validate runs in-process
        if o.output.exists():
            o.problems = graph_problems(o.output)
            o.sources = source_files(o.output)
    return outcomes, good


def cleanup(outcomes: dict[str, Outcome]) -> None:
    """Remove the scratch folders of unprivileged runs."""
    for o in outcomes.values():
        if o.scratch is not None:
            shutil.rmtree(o.scratch, ignore_errors=True)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def format_table(outcomes: dict[str, Outcome]) -> str:
    """The issue-7 table in Markdown."""
    rows = ["| bad input | what kg build said (stderr lines naming it) | exit | goed.txt in same run processed | graph valid |",
            "|---|---|---|---|---|"]
    for o in outcomes.values():
        said = " / ".join(o.said) or ("(nothing)" if o.rc is not None else o.stderr)
        if "Traceback" in o.stderr:
            said = "TRACEBACK: " + o.stderr.strip().splitlines()[-1]
        elif o.rc not in (0, 1) and not o.said:
            said = "(nothing naming it) " + " / ".join(o.stderr.strip().splitlines()[-2:])
        valid = "-" if not o.output.exists() else ("yes" if not o.problems else "NO: " + "; ".join(o.problems))
        rows.append(f"| {_cell(o.item.label)} | {_cell(said)[:300]} | {o.rc} | "
                    f"{'yes' if o.others_processed else 'no'} | {_cell(valid)[:200]} |")
    return "\n".join(rows)


if __name__ == "__main__":  # python tests/badinputs.py : print the table
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        outcomes, _ = run_table(Path(tmp))
        print(format_table(outcomes))
        cleanup(outcomes)
        for o in outcomes.values():  # let TemporaryDirectory remove the unreadable file
            if o.item.path.exists() and not o.item.path.is_symlink():
                o.item.path.chmod(0o644) if o.item.path.is_file() else None


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    """Files in ``folder`` other than ``keep``: temporary outputs or a lock file a build left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)
