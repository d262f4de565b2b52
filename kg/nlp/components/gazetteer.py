"""Component kg_gazetteer: countries, organisations and places from reference data.

Names (labels and aliases of ``kg.reference``) are tokenised with the
pipeline's own tokenizer and matched on folded words (see ``kg_fold``), the
longest match winning. Country adjectives are not names, so ``Russische
agressie`` creates no entity. Aliases listed as ``exact`` (``Kamer``) match
only with the same capitals. Each match becomes a mention span and the entity
is registered with its canonical label and Wikidata IRI.

Places are GeoNames cities as well as curated ones (``ontology/reference/places.json``),
and a city list that large holds ordinary words and given names (Nice, Split,
Victoria). So a GeoNames city (match ``name`` or ``context``) is never taken
right after a capitalised word or a person word, nor right before a capitalised
word (there it is part of a person's or an organisation's name: ``koningin
Victoria``, ``Universiteit Leiden``) or after ``<title> van`` (``de prins van
Wales``); and a ``context`` city only right after a place word (``in Zeist``,
``vliegbasis Volkel``, ``vanaf Kunduz``), right before ``, <country>`` (``Tapa,
Estland``), or after a place word, an article and the adjective of the country it
lies in (``in het Duitse Wiesbaden``, ``naar het Oost-Oekraïense Kramatorsk``; not
a reference person's surname). A place's name matches with hyphens or spaces
between its parts (``Mazar-e Sharif``, ``Mazar-e-Sharif``), and only with a capital
somewhere in it (``een pentagon``, ``fil rouge`` are words). The word lists are in
``gazetteer.json``.

A national body of the reference data (an entry with a ``country``: the Dutch
ministries, the Koninklijke Luchtmacht) is not matched right after another
state's adjective or before ``van <that state>`` (``het Britse ministerie van
Defensie``, ``de luchtmacht van Polen``). An initiative's or pledge's name is matched
only with a capital (``een nieuw strategisch concept`` is a common phrase), and not
right after a capitalised word that is not one of ``plan_prefixes`` (``NAVO``, ``EU``)
or a country adjective: there it ends a longer name (``Space Readiness Action Plan``)
that kg_acronyms reads. An entry's ``context_aliases`` (``IS`` for ISIS: a common
word in capitals) count only with their capitals and in context: the document names
the entity otherwise, one of its ``context_words`` stands right before, or, where the
entry allows, they open a compound (``IS-strijders``). A venue that several cities
have, named without its city (``het Koninklijk Paleis``, ``city_venues`` in
``gazetteer.json``), is the one of the only such city its paragraph names; else nothing.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg import reference
from kg.nlp.components.docindex import text as doc_text
from kg.nlp.components.fold import compact_tokens
from kg.nlp.spans import add_mention, register_entity
from kg.nlp.components.fold import fold  # memoised kg.slug.fold


DATA = json.loads(Path(__file__).with_name("gazetteer.json").read_text(encoding="utf-8"))
_PLACE_WORDS = frozenset(DATA["place_words_before"])
_PERSON_OR_PLACE_WORDS = frozenset(DATA["person_or_place_words"])
_ATTACK_HEADS = tuple(DATA["attack_heads"])
_PERSON_WORDS = frozenset(DATA["person_words"])
_COUNCIL_HEADS = frozenset(DATA["council_heads"])
_LIST_WORDS = frozenset((",", "en", "of"))
_PLAN_PREFIXES = frozenset(DATA["plan_prefixes"])
_TITLE_WORDS = frozenset(DATA["title_words"])
_OFFICE_HEADS = frozenset(DATA["office_heads"])
_TREATY_WORDS = frozenset(DATA.get("treaty_words", ()))
# "het Koninklijk Paleis": folded words -> {city key: venue key or None (a palace not in the data)}
_CITY_VENUES = {tuple(k.split()): v for k, v in DATA.get("city_venues", {}).items()}
_VENUE_LINKS = frozenset(("van", "in", "te", "op"))
_ARTICLES = frozenset(DATA["articles"])
_TOWN_ARTICLES = frozenset(DATA.get("town_articles", ()))
_COMPASS = frozenset(DATA["compass_prefixes"])
# A name the tokenizer splits at spaces only (no dots, apostrophes, digits): most city names.
_PLAIN = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")
_SEPARATOR = re.compile(r"[ -]")
_DASH = re.compile("[\u2013\u2014]")


def separator_variants(name: str) -> tuple[str, ...]:
    """A transliterated name is written with hyphens or spaces between its parts
    (``Mazar-e Sharif``, ``Mazar-e-Sharif``, ``Mazar e Sharif``): the all-hyphen and
    all-space spellings of a plain name of two or more parts, other than ``name``."""
    if not _PLAIN.fullmatch(name) or not _SEPARATOR.search(name):
        return ()
    parts = _SEPARATOR.split(name)
    return tuple(v for v in ("-".join(parts), " ".join(parts)) if v != name)


def _in_treaty_name(words, i: int) -> bool:
    """Word ``i`` follows ``<treaty word> van`` (``het Verdrag van Washington``, ``de akkoorden
    van Minsk``): the place names the treaty, it is not a place the text speaks of."""
    return i > 1 and words.norms[i - 1] in ("van", "of") and words.norms[i - 2] in _TREATY_WORDS


def _lower_case(words, i: int, j: int) -> bool:
    """Words ``i..j`` hold no capital (``een pentagon``, ``fil rouge``, ``de munster``): a place's
    name is written with one, so an ordinary word that a curated venue's name shares is no place."""
    return not any(ch.isupper() for t in words.texts[i:j] for ch in t)


def _line_start(doc: Doc, k: int) -> bool:
    """Token ``k`` opens a sentence or a line (a heading above need not end in a full stop)."""
    if doc[k].is_sent_start:
        return True
    return k > 0 and doc[k - 1].is_space and "\n" in doc[k - 1].text


# words that end an indefinite noun phrase before a body's name ("een deel van de luchtmacht")
_NOT_ADJECTIVES = frozenset(DATA["indefinite_breakers"])


class Gazetteer:
    """Longest-match lookup of folded word sequences."""

    def __init__(self, tokenize):
        self.ref = reference.load()
        self.phrases: dict[tuple[str, ...], tuple[str, str | None]] = {}  # words -> (key, exact surface)
        self.max_len = 1
        self.first: dict[str, int] = {}  # first word -> longest phrase starting with it
        self.context: dict[tuple[str, ...], str] = {}  # words -> key of a place named only in context
        self.context_len = 1
        self.guarded: set[str] = set()  # keys of GeoNames places (never inside another name)
        # a national body (a Dutch ministry, the Koninklijke Luchtmacht) -> its state's key
        self.home: dict[str, str] = {}
        self.named_plans: set[str] = set()  # keys of initiatives and pledges (never the tail of a longer name)
        # an alias that is a common word ("IS") -> (key, words that may stand before it, compounds too?)
        self.contextual: dict[str, tuple[str, frozenset, bool]] = {}
        context = set()
        for ent in self.ref.entities.values():
            if ent.cls != "Place" and ent.country:
                self.home[ent.key] = ent.country
            if ent.cls in ("Initiative", "Pledge"):
                self.named_plans.add(ent.key)
            for alias in ent.context_aliases:
                self.contextual[alias] = (ent.key, frozenset(ent.context_words), ent.context_compounds)
            if ent.cls == "Place" and ent.match != "curated":
                self.guarded.add(ent.key)
                if ent.match == "context":
                    context.add(ent.key)
                    continue
            for name in (ent.label, *ent.aliases):
                if name in ent.exact:
                    continue  # a label that is a common word too ("storting", a deposit): only with its capitals
                words = self._add(tokenize, name, ent.key, None)
                if ent.cls == "Place":
                    for variant in separator_variants(name):
                        self._add(tokenize, variant, ent.key, None)
                if len(words) > 1 and ent.cls != "Place" and all(w.replace("-", "").isalpha() for w in words):
                    # a Dutch compound is written with hyphens too: "NAVO-Oekraïne Raad" = "NAVO-Oekraïne-raad"
                    self._add_words(("-".join(words),), ent.key, None)
                    if words[-1] in _COUNCIL_HEADS and "-" in words[-2]:
                        # ... or glued to its head: "NAVO-Rusland Raad" = "NAVO-Ruslandraad"
                        self._add_words(("-".join(words[:-2] + (words[-2] + words[-1],)),), ent.key, None)
            for name in ent.exact:
                self._add(tokenize, name, ent.key, name)

        # Context places by their folded names (reference.by_name holds them already folded).
        for folded, key in self.ref.by_name.items():
            if key in context:
                plain = folded.replace(" ", "").replace("-", "").isalpha()
                words = tuple(folded.split()) if plain else self._words(tokenize, folded)
                self.context.setdefault(words, key)
                self.context_len = max(self.context_len, len(words))
                for variant in separator_variants(folded) if plain else ():
                    self.context.setdefault(tuple(variant.split()), key)

    @staticmethod
    def _words(tokenize, name: str) -> tuple[str, ...]:
        if _PLAIN.fullmatch(name):  # the tokenizer would split at the spaces only: skip it (start-up time)
            return tuple(fold(name).split())
        return tuple(fold(t.text) for t in tokenize(name) if not t.is_space)

    def _add(self, tokenize, name: str, key: str, exact: str | None) -> tuple[str, ...]:
        words = self._words(tokenize, name)
        self._add_words(words, key, exact)
        return words

    def _add_words(self, words: tuple[str, ...], key: str, exact: str | None) -> None:
        if words and words not in self.phrases:
            self.phrases[words] = (key, exact)
            self.max_len = max(self.max_len, len(words))
            self.first[words[0]] = max(self.first.get(words[0], 0), len(words))

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """(start token, end token, key) of every longest, non-overlapping match, in text order."""
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
            if hit and (hit[1] not in self.guarded or self._free(doc, words, i, i + hit[0])
                        or self._adjective_context(words, i, hit[1])
                        and self._free(doc, words, i, i + hit[0], after_place_word=True)) \
                    and not (hit[1] in self.home and self._foreign(words, i, i + hit[0], self.home[hit[1]])) \
                    and not (hit[1] in self.named_plans and self._not_plan(doc, words, i, i + hit[0])) \
                    and not (hit[1].startswith("place/") and (_in_treaty_name(words, i)
                                                               or _lower_case(words, i, i + hit[0]))) \
                    and not (hit[1].startswith("country/") and i and words.texts[i - 1] == "New") \
                    and not (hit[1].startswith("organisation/") and i and words.norms[i - 1] in _OFFICE_HEADS):
                # "New Jersey"; "Chef Defensiestaf" is an office title, not the staff
                n, key = hit
                out.append((words[i].start, words[i + n - 1].end, key))
                i += n
                continue
            key = self._compound_head(words[i])
            if key:
                out.append((words[i].start, words[i].end, key))
            i += 1
        # doc_text: the text the tokenizer read (spaCy's doc.text joins every token on each call)
        text = doc_text(doc)
        if "\u2013" in text or "\u2014" in text:  # one C-level scan: dashes inside words are rare
            out = self._dash_joined(words, out)
        if self.contextual:
            out = self._contextual(words, out, hyphens)
        if self.context:
            out = self._in_context(doc, words, out)
        if _CITY_VENUES and "Paleis" in text:  # one C-level check: the venues are palaces
            out = self._city_venue(doc, words, out)
        return out

    def _dash_joined(self, words, out: list) -> list:
        """``de lijn Damascus–Aleppo``: known places or countries joined by an en or em dash
        into one word are each named there (``kg.extract.entities`` writes each mention as
        its own part). Any part that is no known place, or is a reference person's surname
        (``Biden–Poetin``), leaves the word alone."""
        taken = {s for s, _, _ in out}
        found = []
        for i, text in enumerate(words.texts):
            if "\u2013" not in text and "\u2014" not in text or words[i].start in taken:
                continue
            parts = _DASH.split(text)
            if len(parts) < 2 or not all(p[:1].isupper() for p in parts) \
                    or any(fold(p) in self.ref.person_by_surname for p in parts):
                continue
            ents = [self.ref.lookup(p) for p in parts]
            if all(e is not None and e.cls in ("Place", "Country") for e in ents):
                found += [(words[i].start, words[i].end, e.key) for e in dict.fromkeys(ents)]
        return sorted(out + found) if found else out

    def _contextual(self, words, out: list, hyphens: list[int]) -> list:
        """Add the aliases that are common words (``IS``), written with their capitals, where
        the context says they are the name: the document names the entity otherwise
        (``ISIS``), one of the entry's context words stands right before (``terreurgroep
        IS``), or they open a compound (``IS-strijders``) when the entry allows that."""
        ctx, texts, norms = self.contextual, words.texts, words.norms
        cands = [i for i, t in enumerate(texts) if t in ctx]
        cands += [i for i in hyphens if texts[i].split("-", 1)[0] in ctx and texts[i].split("-", 1)[1][:1].islower()]
        if not cands:
            return out
        named = {key for _, _, key in out}
        taken = {w for s, e, _ in out for w in range(s, e)}
        found = []
        for i in sorted(set(cands)):
            text = texts[i]
            compound = text not in ctx
            key, before, compounds = ctx[text.split("-", 1)[0] if compound else text]
            if words[i].start in taken or not (key in named or (i and norms[i - 1] in before)
                                               or (compound and compounds)) or self._shouted(words, i):
                continue
            found.append((words[i].start, words[i].end, key))
        return sorted(out + found) if found else out

    def _city_venue(self, doc: Doc, words, out: list) -> list:
        """``een diner in het Koninklijk Paleis``: a venue several cities have, named without
        its city, is the one of the only city of ``city_venues`` its paragraph (text between
        blank lines) names. Written with its capitals and not followed by a name or by
        ``van``/``in`` and a name (there the text names the city itself)."""
        taken = {w for s, e, _ in out for w in range(s, e)}
        found = []
        firsts = {phrase[0] for phrase in _CITY_VENUES}
        for i in [x for x, n in enumerate(words.norms) if n in firsts]:
            for phrase, cities in _CITY_VENUES.items():
                j = i + len(phrase)
                if tuple(words.norms[i:j]) != phrase or words[i].start in taken \
                        or not all(t[:1].isupper() for t in words.texts[i:j]):
                    continue
                nxt = words.texts[j:j + 2]
                if nxt and (nxt[0][:1].isupper() or len(nxt) > 1 and words.norms[j] in _VENUE_LINKS
                            and nxt[1][:1].isupper()):
                    continue
                text = doc_text(doc)
                lo = text.rfind("\n\n", 0, doc[words[i].start].idx) + 1
                hi = text.find("\n\n", doc[words[i].start].idx)
                hi = len(text) if hi < 0 else hi
                named = {key for s, _, key in out if key in cities and lo <= doc[s].idx < hi}
                if len(named) == 1 and cities[next(iter(named))]:
                    found.append((words[i].start, words[j - 1].end, cities[named.pop()]))
        return sorted(out + found) if found else out

    def _in_context(self, doc: Doc, words, out: list) -> list:
        """Add the ``context`` places: after a place word (``in Zeist``), before
        ``, <country>``/``(<country>)`` (``Tapa, Estland``), or joined by ``en``/``of``/a
        comma to a place (``in Den Haag en Zeist``), outside other matches."""
        norms, texts, starts_of = words.norms, words.texts, words.starts
        taken = {w for s, e, _ in out for w in range(s, e)}  # doc token indices
        countries = {s for s, _, key in out if key.startswith("country/")}
        after = [i + 1 for i, n in enumerate(norms[:-1]) if n in _PLACE_WORDS]
        # "de (Taliban-)aanval op Kunduz": the place attacked
        after += [i + 1 for i, n in enumerate(norms[:-1]) if n == "op" and i and norms[i - 1].endswith(_ATTACK_HEADS)]
        # a place already matched lends its context to the next one in a list ("Den Haag en Zeist")
        after += [k for k in (bisect_left(starts_of, e) for _, e, key in out if key.startswith("place/"))
                  if k < len(words) and norms[k] in _LIST_WORDS]
        before = [i - 1 for i, t in enumerate(texts) if t in (",", "(") and i + 1 < len(words)
                  and starts_of[i + 1] in countries]
        # "in het Duitse Wiesbaden": a place word, an article and the adjective of the place's country
        adjective = [i + 2 for i in after if i + 2 < len(words) and norms[i] in _ARTICLES
                     and self._state_of_adjective(norms[i + 1])]
        # "biedt het Duitse Ulm aan": a neuter article names a town (never a person) without a place word
        adjective += [i + 2 for i, n in enumerate(norms[:-2]) if n in _TOWN_ARTICLES
                      and self._state_of_adjective(norms[i + 1])]
        found: list[tuple[int, int, str]] = []

        def place_at(i: int, n: int, after_place_word: bool, after_adjective: bool = False) -> int | None:
            if i < 0 or i + n > len(words) or not texts[i][:1].isupper():
                return None
            key = self.context.get(tuple(norms[i:i + n]))
            if after_adjective and key and not self._adjective_context(words, i, key):
                return None
            if key and not any(w in taken for w in range(starts_of[i], words.ends[i + n - 1])) \
                    and self._free(doc, words, i, i + n, after_place_word=after_place_word):
                found.append((starts_of[i], words.ends[i + n - 1], key))
                taken.update(range(starts_of[i], words.ends[i + n - 1]))
                return i + n
            return None

        queue = sorted(set(after))
        while queue:
            i = queue.pop(0)
            if i < len(words) and norms[i] in _LIST_WORDS:  # "Den Haag en Zeist": after the joining word
                i += 1
            if i >= len(words) or not texts[i][:1].isupper():
                continue  # no place starts here, however long (place_at's first test, once for every length)
            for n in range(self.context_len, 0, -1):
                j = place_at(i, n, True)
                if j is not None:
                    if j < len(words) and norms[j] in _LIST_WORDS:
                        queue.append(j)
                    break
        for e in before:
            for n in range(self.context_len, 0, -1):
                if place_at(e - n + 1, n, False) is not None:
                    break
        for i in adjective:
            if not texts[i][:1].isupper():
                continue  # (as above)
            for n in range(self.context_len, 0, -1):
                if place_at(i, n, True, after_adjective=True) is not None:
                    break
        found = [f for f in found if not self._named_person(words, f) and not self._person_after(words, f)]
        return sorted(out + found) if found else out

    def _person_after(self, words, match: tuple[int, int, str]) -> bool:
        """A reference person's surname right after a word that stands before persons as
        often as before places (``bij Sandu``, ``naar Austin``): the person, not a town."""
        i = bisect_left(words.starts, match[0])
        j = bisect_left(words.starts, match[1])
        return i > 0 and words.norms[i - 1] in _PERSON_OR_PLACE_WORDS \
            and " ".join(words.norms[i:j]) in self.ref.person_by_surname

    @staticmethod
    def _named_person(words, match: tuple[int, int, str]) -> bool:
        """The document names a person this way elsewhere (``Marco Rubio``, ``minister
        Rubio``): then ``naar Rubio`` is the person, not a town of that name."""
        start, end, _key = match
        i = bisect_left(words.starts, start)
        j = bisect_left(words.starts, end)
        name = words.norms[i:j]
        n = len(name)
        first, norms = name[0], words.norms
        for k in range(1, len(words) - n + 1):
            if norms[k] == first and k != i and norms[k:k + n] == name:
                prev = words.texts[k - 1]
                if words.norms[k - 1] in _PERSON_WORDS or prev[:1].isupper() and prev.isalpha() \
                        and words.norms[k - 1] not in _PLACE_WORDS:
                    return True
        return False

    def _shouted(self, words, i: int) -> bool:
        """Word ``i`` stands among words in capitals (a heading ``WAT IS DE ROL``): there a
        common word is in capitals too. Acronyms of the reference data do not count."""
        for k in (i - 1, i + 1):
            if 0 <= k < len(words):
                t = words.texts[k]
                if len(t) > 1 and t.isalpha() and t.isupper() and (words.norms[k],) not in self.phrases:
                    return True
        return False

    def _foreign(self, words, i: int, j: int, home: str) -> bool:
        """Another state's adjective right before a national body's name, or ``van
        <that state>`` right after it: ``het Britse ministerie van Defensie``, ``de Duitse
        luchtmacht``, ``het ministerie van Defensie van Oekraïne`` are not the Dutch ones; nor is
        a body after an indefinite article (``een sterke luchtmacht``: any state's, no name)."""
        state = self.ref.by_adjective.get(words.norms[i - 1]) if i else None
        if state is not None and state != home:
            return True
        for k in range(i - 1, max(-1, i - 6), -1):  # "een (grote en goed getrainde) luchtmacht"
            if words.norms[k] == "een":
                return True
            if not words.texts[k].isalpha() or not words.texts[k].islower() or words.norms[k] in _NOT_ADJECTIVES:
                break  # only adjectives between: "een deel van de luchtmacht" is the body itself
        k = j + 1
        if j < len(words) and words.norms[j] == "van":
            if k < len(words) and words.norms[k] in _ARTICLES:
                k += 1
            for n in range(min(4, len(words) - k), 0, -1):
                got = self.phrases.get(tuple(words.norms[k:k + n]))
                if got is not None and got[0].startswith("country/"):
                    return got[0] != home
        return False

    def _not_plan(self, doc: Doc, words, i: int, j: int) -> bool:
        """Words ``[i, j)`` that match a plan's or pledge's name but are not that name:
        written without a capital (``een nieuw strategisch concept``, a common phrase), or
        after a capitalised word that makes a longer name of its own (``Space Readiness
        Action Plan`` is not the ``Readiness Action Plan``); NATO, EU and the like (``NAVO
        Strategisch Concept``), a country adjective and a sentence's first word do not."""
        if not any(c.isupper() for w in words.texts[i:j] for c in w):
            return True
        if not i:
            return False
        prev, norm = words.texts[i - 1], words.norms[i - 1]
        return prev[:1].isupper() and prev.isalpha() and not doc[words.starts[i - 1]].is_sent_start \
            and norm not in _PLAN_PREFIXES and norm not in self.ref.by_adjective

    def _adjective_context(self, words, i: int, key: str) -> bool:
        """``in het Duitse Wiesbaden``, ``naar de Poolse Rzeszów``: a place word, an article
        and the adjective of the country place ``key`` lies in stand right before word ``i``;
        or only ``het`` and that adjective (``het Duitse Ulm``: a town, never a person).
        The country must agree, and a reference person's surname is never taken: ``het Noorse
        Kongsberg`` without a place word is as often the firm, ``de Amerikaanse Austin`` the man."""
        if i < 2 or not (words.norms[i - 2] in _TOWN_ARTICLES or i >= 3 and words.norms[i - 2] in _ARTICLES
                         and words.norms[i - 3] in _PLACE_WORDS):
            return False
        state = self._state_of_adjective(words.norms[i - 1])
        ent = self.ref.get(key)
        return state is not None and ent is not None and ent.country == state \
            and words.norms[i] not in self.ref.person_by_surname

    def _state_of_adjective(self, norm: str) -> str | None:
        """The country key of a folded country adjective, also with a compass prefix
        (``oost-oekraiense``, ``zuid-duitse``); ``zuid-koreaanse`` is South Korea's own."""
        state = self.ref.by_adjective.get(norm)
        if state is None and "-" in norm:
            head, tail = norm.split("-", 1)
            if head in _COMPASS:
                state = self.ref.by_adjective.get(tail)
        return state

    @staticmethod
    def _free(doc: Doc, words, i: int, j: int, after_place_word: bool = False) -> bool:
        """Words ``[i, j)`` stand on their own as a place name: not after a capitalised
        word or a person word (``koningin Victoria``, ``Universiteit Leiden``) or in a
        title (``de prins van Wales``), not before a capitalised word (``Victoria Nuland``)."""
        if i and not after_place_word:
            prev = words.texts[i - 1]
            if words.norms[i - 1] in _PERSON_WORDS or \
                    prev[:1].isupper() and prev.isalpha() and not _line_start(doc, words.starts[i - 1]):
                return False
            if i > 1 and words.norms[i - 1] == "van" and words.norms[i - 2] in _TITLE_WORDS:
                return False
        if j < len(words):
            nxt = words.texts[j]
            if nxt[:1].isupper() and nxt.replace("-", "").isalpha():
                return False
        return True

    def _compound_head(self, word) -> str | None:
        """``NAVO-bondgenoten``/``Navo-missies``/``ISAF-partners`` name the organisation
        or operation before the hyphen; ``anti-ISIS`` the one after a lower-case prefix."""
        if "-" not in word.text:  # most words: skip the split
            return None
        head, tail = word.text.split("-", 1)
        if "-" in tail and fold(tail.rsplit("-", 1)[1]) in _COUNCIL_HEADS:
            return None  # "NAVO-Georgië-commissie" is a body of its own, not NATO (kg_acronyms names it)
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
            info = register_entity(doc, key, ent.cls, ent.label, same_as=ent.same_as)
            if ent.context_aliases and end - start == 1:  # "IS-strijders": the name is "IS"
                head = doc[start].text.split("-", 1)[0]
                if head in ent.context_aliases and head != doc[start].text:
                    info["alt_labels"].add(head)
        return doc


@Language.factory("kg_gazetteer")
def make_gazetteer(nlp, name):
    """Factory for kg_gazetteer."""
    return Gazetteer(nlp.tokenizer)
