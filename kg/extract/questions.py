"""Questions state nothing: the parts of a document that ask rather than tell.

A written question (``Nemen Oekraïne en Georgië deel aan de bijeenkomst?``) names the
very relation it asks about; the answer below may deny it (``Nee.``). So a sentence
that ends in a question mark, and the whole of a numbered question block of written
questions (``Vraag 4`` up to its ``Antwoord``, where a sentence may set out a claim
before asking ``Klopt dit?``), is never the evidence of a relation. ``Context.relate``
(and ``Context.link`` through it) asks ``Context.asks`` for every fact, so no rule can
forget it. Facts about the document itself (what it mentions and cites, its title's
meeting) stand.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from pathlib import Path

_DATA = json.loads(Path(__file__).with_name("questions.json").read_text(encoding="utf-8"))
DOCUMENT_PREDICATES = frozenset(_DATA["document_predicates"])
# "Vraag 4", "Vraag 4:", "Vragen 2 en 3": a line that opens a numbered question block
_QUESTION_HEAD = re.compile(r"^[ \t]*(?:%s)[ \t]+\d+\b" % "|".join(_DATA["question_heads"]), re.I | re.M)
# the end of a block: a blank line, or the answer's head on a line of its own or after the question
_BLOCK_END = re.compile(r"\n[ \t]*\n|(?:\n|(?<=[?.])[ \t]+)[ \t]*(?:%s)\b" % "|".join(_DATA["answer_heads"]), re.I)
# what may follow the question mark of a sentence: closing quotes and brackets, a footnote number
_AFTER_MARK = " \t\r\n\"'»”’)]0123456789"


def asked_spans(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The character ranges of ``text`` that ask, merged: the sentences (``(start, end)``
    pairs in text order) that end in ``?`` or lie inside a numbered question block."""
    if not may_ask(text):
        return []
    blocks = []
    for m in _QUESTION_HEAD.finditer(text):
        end = _BLOCK_END.search(text, m.end())
        blocks.append((m.start(), end.start() if end else len(text)))
    out: list[list[int]] = []
    k = 0
    for s, e in sentences:
        chunk = text[s:e]
        first = s + len(chunk) - len(chunk.lstrip())  # past the whitespace a sentence may open with
        last = s + len(chunk.rstrip(_AFTER_MARK))
        while k < len(blocks) and blocks[k][1] <= first:
            k += 1
        in_block = k < len(blocks) and blocks[k][0] <= first and last <= blocks[k][1]
        if not (in_block or text[s:last].endswith("?")):
            continue
        if out and out[-1][1] >= s:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def may_ask(text: str) -> bool:
    """Has ``text`` a question mark or a question block at all (most letters have neither)?"""
    return "?" in text or _QUESTION_HEAD.search(text) is not None


def within(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Does ``[start, end)`` lie inside one of ``spans`` (sorted, ``starts`` their starts)?"""
    k = bisect_right(starts, start) - 1
    return k >= 0 and end <= spans[k][1]
