"""kg_events, shared: the component's word lists (``DATA``, read once from
``kg/nlp/components/events.json``), the ``Meeting`` and ``Session`` records every
reading fills, and small token helpers (non-space tokens, capitals, positions).

Feeds no triple itself; every module of the package reads it.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from kg.dates import DateMention
from kg.reference import SummitRef
from kg.nlp.components.docindex import non_space

DATA = json.loads(Path(__file__).parent.with_name("events.json").read_text(encoding="utf-8"))
MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"]
# Tokens that may stand between a meeting word and its place/date ("die op 9 en 10 juli jl. in").
_BRIDGE = {"die", "dat", "op", "van", "tot", "en", "met", "jl.", "jl", "a.s.", "j.l.", "aanstaande", "afgelopen",
           "vorig", "vorige", "komende", "(", ")", ",", "–", "-", "t/m", "vindt", "plaats", "heeft", "wordt",
           "is", "zal", "dinsdag", "woensdag", "donderdag", "vrijdag", "maandag", "zaterdag", "zondag",
           *MONTH_NAMES, *DATA["held_bridge"], *DATA["date_bridge"]}

_ABBREV = re.compile(r"^(?:[A-Z]\.)+$")

_SESSION_NOUNS = frozenset(DATA["session_nouns"])
_GATHERING_SUFFIXES = tuple("-" + n for n in DATA["session_nouns"])  # "ISAF-bijeenkomst"


@dataclass
class Meeting:
    """One mention of a summit or ministerial, before identity is settled."""

    start: int  # token span of the mention
    end: int
    cls: str  # "Summit" | "MinisterialMeeting"
    kind: str = ""  # ministerial kind: fmm, dmm, joint, ministerial
    place: str | None = None  # surface form of the place
    place_span: tuple[int, int] | None = None
    date: DateMention | None = None
    year: int | None = None
    key: str = ""
    label: str = ""
    alt: list[str] = field(default_factory=list)  # further names ("FMM april 2024")
    days: int | None = None  # a stated length: "driedaagse NAVO-top"
    ref: SummitRef | None = None  # the reference summit the mention resolved to
    stated: bool = False  # the text dates the mention or names its kind (more than a place name)
    anaphor: bool = False  # "de ministers kwamen op ... bijeen": dates a ministerial named elsewhere, names none
    date_at: tuple[int, int] | None = None  # the mention whose date it took from (its sentence states it)
    needs_ref: bool = False  # names a summit only as a reference summit ("bijeenkomst van regeringsleiders")
    named: bool = True  # its words name the meeting (not so the subject of "komen de regeringsleiders bijeen")
    theirs: bool = False  # "(de ministers van X ...) hun bijeenkomst op ...": its kind is its own, not the letter's


@dataclass
class Session:
    """A session of the document's main meeting and the text it covers."""

    key: str
    label: str
    start: int  # token span of the mention (heading or body name)
    end: int
    scopes: list[tuple[int, int]] = field(default_factory=list)  # char ranges of its text
    body: str | None = None  # key of the council/commission that meets
    heading: bool = False  # announced by a heading of the document


def _ns(doc: Doc) -> list[int]:
    """Indices of the non-whitespace tokens (line breaks are not words)."""
    return non_space(doc)


def _is_cap(text: str) -> bool:
    return bool(text) and (text[0].isupper() or bool(_ABBREV.match(text))) and not text[0].isdigit()


def _title(text: str) -> str:
    """``WASHINGTON D.C.`` -> ``Washington D.C.``; mixed case is kept."""
    if text.isupper() and len(text) > 3:
        return " ".join(w if _ABBREV.match(w) else w.capitalize() for w in text.split())
    return text


class _Positions:
    """``{token index: position in ns}`` for a sorted ``ns``, answered by bisection
    (``get`` and ``[]`` as on that dict)."""

    __slots__ = ("ns",)

    def __init__(self, ns: list[int]):
        self.ns = ns

    def get(self, i: int, default=None):
        k = bisect_left(self.ns, i)
        return k if k < len(self.ns) and self.ns[k] == i else default

    def __getitem__(self, i: int) -> int:
        k = self.get(i)
        if k is None:
            raise KeyError(i)
        return k


_CLAUSE_MEETING_WORDS = frozenset(DATA["summit_words"]) | frozenset(DATA["meeting_nouns"])
_SUMMIT_SUFFIXES = tuple(DATA["summit_suffixes"])

_REFERRING = frozenset(("deze", "die", "dit", "dat"))

_REFERRING_OPENERS = frozenset(DATA["referring_openers"])
