"""Which tokenizer exceptions a text needs, so kg_tokenizer adds only those.

spaCy's Dutch tokenizer has ~4,700 exceptions (special cases: ``o.a.``,
``blz.``, ``:-)``). Adding one costs spaCy lexemes, a Doc and a matcher
pattern: all of them took 0.6 s of every start-up, while a letter uses a
handful. An exception ``R`` (without whitespace) can change a text's tokens in
two ways only:

1. spaCy looks chunks up in the exception table: each whitespace-delimited
   chunk, and what is left of it as prefixes and suffixes are peeled off. A
   hit means ``R`` is a substring of a chunk.
2. A last pass matches each exception's *affix tokens* (``R`` split by the
   prefix, suffix and infix rules alone: ``o.a.`` -> ``o.a`` ``.``) against the
   Doc's tokens and re-tokenises the matches. A match inside one chunk is case 1.
   A match across a single space (``o.a .``) is not re-tokenised but can block an
   overlapping one; there two adjacent affix tokens of ``R`` are the last token
   before that space and the first after it: the text has ``left + " " + right``.

``ExceptionIndex`` finds both from the text alone. Case 2 needs each
exception's affix tokens; computing them is the slow part, so they are made
once per spaCy version and affix rules and shipped in ``exceptions.json``
(``scripts/make_tokenizer_table.py`` writes it). When the file does not
match the tokenizer, kg_tokenizer adds every exception at once, as spaCy does.
Exceptions with whitespace or without punctuation (a few) are always added.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("exceptions.json")


def _anchor(rule: str) -> int | None:
    """Index of the rule's first non-alphanumeric character; None when it has
    none or has whitespace (such rules are always loaded)."""
    if rule.isalnum() or rule.split() != [rule]:
        return None
    for i, c in enumerate(rule):
        if not c.isalnum():
            return i
    return None


def _pattern_of(fn) -> list | None:
    """What a tokenizer's affix or match function does: its regex (through a
    ``__wrapped__`` equivalent); None when it is not a compiled regex's method."""
    fn = getattr(fn, "__wrapped__", fn)
    pattern = getattr(fn, "__self__", None)
    if not isinstance(pattern, re.Pattern):
        return None
    return [fn.__name__, pattern.pattern, pattern.flags]


def table_key(tokenizer, rules: Iterable[str]) -> str | None:
    """A digest of everything the affix tokens of ``rules`` depend on: spaCy's
    version, the tokenizer's affix and match regexes, the exception strings.
    None when one of the tokenizer's functions is not a regex (nothing to compare)."""
    import spacy

    parts: list = [spacy.__version__]
    for fn in (tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer,
               tokenizer.token_match, tokenizer.url_match):
        if fn is None:
            parts.append(None)
        elif (p := _pattern_of(fn)) is None:
            return None
        else:
            parts.append(p)
    parts.append(sorted(rules))
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def affix_cuts(tokenizer, rules: Iterable[str]) -> dict[str, list[int]]:
    """For each exception the affix rules alone split into several tokens, the
    offsets where one token ends and the next begins (``"o.a.": [3]``).

    Slow (what spaCy does for every exception); for making ``exceptions.json``."""
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    bare = Tokenizer(Vocab(), prefix_search=tokenizer.prefix_search, suffix_search=tokenizer.suffix_search,
                     infix_finditer=tokenizer.infix_finditer, token_match=tokenizer.token_match,
                     url_match=tokenizer.url_match)
    out = {}
    for rule in sorted(rules):
        if _anchor(rule) is not None:
            cuts = [t.idx for t in bare(rule)][1:]
            if cuts:
                out[rule] = cuts
    return out


def write_table(tokenizer, rules: Iterable[str], path: Path = DATA) -> None:
    """Write the affix table of ``tokenizer`` and its exceptions ``rules`` to ``path``
    (one exception a line)."""
    rules = list(rules)
    cuts = affix_cuts(tokenizer, rules)
    lines = ",\n".join(f"  {json.dumps(r, ensure_ascii=False)}: {json.dumps(c)}" for r, c in cuts.items())
    path.write_text(
        "{\n"
        f' "_doc": {json.dumps(_DOC)},\n'
        f' "key": {json.dumps(table_key(tokenizer, rules))},\n'
        f' "cuts": {{\n{lines}\n }}\n}}\n', encoding="utf-8")


_DOC = ("Where spaCy's affix rules alone split each tokenizer exception into tokens (offsets), "
        "for kg/nlp/components/exceptions.py. 'key' is table_key() of the tokenizer it was "
        "made for. Remake with: python scripts/make_tokenizer_table.py")


def load_index(tokenizer, rules: Iterable[str], path: Path | None = None) -> ExceptionIndex | None:
    """The index for ``rules``, if the table at ``path`` (default: the shipped
    ``DATA``) was made for this tokenizer and these exceptions; else None."""
    rules = list(rules)
    key = table_key(tokenizer, rules)
    data = _read(path or DATA) if key is not None else None
    if not data or data.get("key") != key:
        return None
    return ExceptionIndex(rules, data["cuts"])


@lru_cache(maxsize=4)
def _read(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class ExceptionIndex:
    """Finds the exceptions that can affect a text's tokens (module docstring)."""

    def __init__(self, rules: Iterable[str], cuts: Mapping[str, list[int]]):
        self.always: list[str] = []  # whitespace or no punctuation: loaded up front
        # rule up to its first mark -> (the lengths of such rules, longest first; the rules)
        self.by_head: dict[str, tuple[list[int], set[str]]] = {}
        self.head_len = 0  # letters and digits before a rule's first mark, at most
        for rule in rules:
            k = _anchor(rule)
            if k is None:
                self.always.append(rule)
            else:
                self.by_head.setdefault(rule[:k + 1], ([], set()))[1].add(rule)
                self.head_len = max(self.head_len, k)
        for lengths, same_head in self.by_head.values():
            lengths[:] = sorted({len(r) for r in same_head}, reverse=True)
        # (last char before a space, first char after) -> (left token, right token, rule)
        self.pairs: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        for rule, inner in cuts.items():
            edges = [0, *inner, len(rule)]
            for a, b, c in zip(edges, edges[1:], edges[2:]):
                left, right = rule[a:b], rule[b:c]
                self.pairs.setdefault((left[-1], right[0]), []).append((left, right, rule))
        self._spaces = _pair_regexes(self.pairs)

    def in_chunks(self, chunks: Iterable[str]) -> set[str]:
        """Rules that occur inside any of ``chunks`` (case 1)."""
        found: set[str] = set()
        heads, most = self.by_head, self.head_len
        for chunk in chunks:
            if chunk.isalnum():
                continue
            for j, ch in enumerate(chunk):
                if ch.isalnum():
                    continue
                # A rule starting at s has letters or digits up to its first mark at j.
                s = j
                while True:
                    head = heads.get(chunk[s:j + 1])
                    if head:
                        room = len(chunk) - s
                        for n in head[0]:
                            if n <= room and chunk[s:s + n] in head[1]:
                                found.add(chunk[s:s + n])
                    s -= 1
                    if s < 0 or j - s > most or not chunk[s].isalnum():
                        break
        return found

    def across_spaces(self, text: str) -> set[str]:
        """Rules with two adjacent affix tokens around a single space of ``text`` (case 2)."""
        found: set[str] = set()
        pairs = self.pairs
        for regex, shift in self._spaces:
            for m in regex.finditer(text):
                i = m.start() + shift  # the space
                for left, right, rule in pairs.get((text[i - 1], text[i + 1]), ()):
                    if text.startswith(right, i + 1) and text.endswith(left, 0, i):
                        found.add(rule)
        return found


def _pair_regexes(pairs: Mapping[tuple[str, str], list[tuple[str, str, str]]]) -> list[tuple[re.Pattern, int]]:
    """Regexes finding the spaces where a pair's left token may end and its right
    token begin, each with the offset of the space in its match (a superset: the
    caller checks the tokens). Two regexes that ``re`` can skip through quickly:
    spaces before a mark, and marks before a space and a word (``. Chr``)."""
    mark_after = {b for a, b in pairs if not b.isalnum()}
    words_after: dict[str, set[str]] = {}  # last char before the space -> right tokens
    for (a, b), found in pairs.items():
        if b.isalnum():
            words_after.setdefault(a, set()).update(right for _, right, _ in found)
    out = []
    if mark_after:
        out.append((re.compile(" (?=[" + "".join(map(re.escape, sorted(mark_after))) + "])"), 0))
    if words_after:
        out.append((re.compile("|".join(
            f"{re.escape(a)}(?= (?:{'|'.join(map(re.escape, sorted(rights, key=lambda r: (-len(r), r))))}))"
            for a, rights in sorted(words_after.items()))), 1))
    return out
