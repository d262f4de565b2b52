"""Component kg_gazetteer: countries, organisations and places from reference data.

Names (labels and aliases of ``kg.reference``) are tokenised with the
pipeline's own tokenizer and matched on folded words (see ``kg_fold``), the
longest match winning. Country adjectives are not names, so ``Russische
agressie`` creates no entity. Aliases listed as ``exact`` (``Kamer``) match
only with the same capitals. Each match becomes a mention span and the entity
is registered with its canonical label and Wikidata IRI.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg import reference
from kg.nlp.components.fold import compact_tokens
from kg.nlp.spans import add_mention, register_entity
from kg.nlp.components.fold import fold  # memoised kg.slug.fold


class Gazetteer:
    """Longest-match lookup of folded word sequences."""

    def __init__(self, tokenize):
        self.ref = reference.load()
        self.phrases: dict[tuple[str, ...], tuple[str, str | None]] = {}  # words -> (key, exact surface)
        self.max_len = 1
        self.first: dict[str, int] = {}  # first word -> longest phrase starting with it
        for ent in self.ref.entities.values():
            for name in (ent.label, *ent.aliases):
                self._add(tokenize, name, ent.key, None)
            for name in ent.exact:
                self._add(tokenize, name, ent.key, name)

    def _add(self, tokenize, name: str, key: str, exact: str | None) -> None:
        words = tuple(fold(t.text) for t in tokenize(name) if not t.is_space)
        if words and words not in self.phrases:
            self.phrases[words] = (key, exact)
            self.max_len = max(self.max_len, len(words))
            self.first[words[0]] = max(self.first.get(words[0], 0), len(words))

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start token, end token, key) of every longest, non-overlapping match."""
        words = compact_tokens(doc)
        norms, texts = words.norms, words.texts
        first, phrases = self.first, self.phrases
        # Only a word that starts a phrase or holds a hyphen can begin a match;
        # the scan jumps from one such word to the next.
        starts = [i for i, n in enumerate(map(first.get, norms)) if n]
        hyphens = [i for i, t in enumerate(texts) if "-" in t]
        out, i = [], 0
        for c in sorted(set(starts).union(hyphens)) if hyphens else starts:
            if c < i:
                continue  # inside the previous match
            i = c
            hit = None
            for n in range(min(first.get(norms[i], 0), len(words) - i), 0, -1):
                cand = phrases.get(tuple(norms[i:i + n]))
                if cand and self._surface_ok(words[i:i + n], cand[1]):
                    hit = (n, cand[0])
                    break
            if hit:
                n, key = hit
                out.append((words[i].start, words[i + n - 1].end, key))
                i += n
                continue
            key = self._compound_head(words[i])
            if key:
                out.append((words[i].start, words[i].end, key))
            i += 1
        return out

    def _compound_head(self, word) -> str | None:
        """``NAVO-bondgenoten``/``Navo-missies``/``ISAF-partners`` name the organisation
        or operation before the hyphen; ``anti-ISIS`` the one after a lower-case prefix."""
        if "-" not in word.text:  # most words: skip the split
            return None
        head, tail = word.text.split("-", 1)
        if head.islower() and tail[:1].isupper():
            head = tail  # a prefix before the name: "anti-ISIS", "pro-NAVO"
        if len(head) < 2 or not head[:1].isupper():
            return None
        cand = self.phrases.get((fold(head),))
        if cand and cand[1] is None and self.ref.get(cand[0]).cls in ("Organisation", "Operation"):
            return cand[0]
        return None

    @staticmethod
    def _surface_ok(words, exact: str | None) -> bool:
        surface = " ".join(w.text for w in words)
        if exact is not None:
            return surface == exact
        # A capitalised name written all lower-case is usually a common word.
        return any(c.isupper() for c in surface) or surface.islower() and not words[0].text[:1].isupper()

    def __call__(self, doc: Doc) -> Doc:
        for start, end, key in self.matches(doc):
            ent = self.ref.get(key)
            add_mention(doc, start, end, ent.cls, key)
            register_entity(doc, key, ent.cls, ent.label, same_as=ent.same_as)
        return doc


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp, name):
    """Factory for kg_gazetteer."""
    return Gazetteer(nlp.tokenizer)
