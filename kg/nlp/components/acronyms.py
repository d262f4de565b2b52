"""Component kg_acronyms: acronym definitions and named plans, pledges, operations.

* ``Defence Investment Pledge (DIP)``, ``NATO-Ukraine Council (NUC)``: a
  Schwartz–Hearst matcher finds the long form before an acronym in brackets
  (and the reverse order, ``DIP (Defence Investment Pledge)``); the acronym
  alone elsewhere in the document is then the same entity.
* The class comes from the head noun, the long form's last word (data in
  ``acronyms.json``): Pledge, Operation, Initiative or Organisation. A long
  form the gazetteer already marked keeps the gazetteer's entity.
* Names without an acronym are typed the same way where they are clearly
  names: capitalised multiword English names (``Defence Production Action
  Plan``), ``operatie Interflex``, ``Patriot-initiatief``, ``NAVO-hybride
  strategie``.
* Keys (``name_key``): the reference organisation, operation, initiative or pledge whose name
  folds to the same slug, else ``<kind>/<slug>`` of the name folded to one
  form (one spelling, Dutch heads to English ones, country names by key,
  adjectives without their inflection), so ``NATO-Ukraine Council`` and
  ``NAVO-Oekraïne-raad``, or ``Strategische Concept`` and ``Strategisch
  Concept``, are one entity.

Acronyms found are left in ``doc.user_data["kg_acronyms"]`` (key -> acronym).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.components.docindex import lowers, texts, mentions, non_space, sent_bounds, words_where
from kg.nlp.spans import add_mention, entity_table, register_entity
from kg.nlp.components.fold import fold  # memoised kg.slug.fold
from kg.slug import slugify

DATA = json.loads(Path(__file__).with_name("acronyms.json").read_text(encoding="utf-8"))
HEADS: dict[str, str] = DATA["heads"]
_ACRONYM = re.compile(r"^[a-z]{0,2}[A-Z][A-Za-z&]{1,9}$")
_DUTCH_HEADS = frozenset(DATA["dutch_heads"])
PART_TAILS = frozenset(DATA["part_tails"])  # kg.extract.entities uses it too
_ORG_PREFIXES = frozenset(DATA["org_prefixes"])
_OPERATION_ORGS = frozenset(DATA["operation_org_prefixes"])
_COUNCIL_HEADS = frozenset(("raad", "commissie", "comite"))  # Dutch heads of a council's name
_NOT_NAME = frozenset(DATA["not_name_words"])
_ENGLISH_HEADS = frozenset(DATA["english_heads"])
_NAME_CONNECTORS = frozenset(DATA["name_connectors"])  # "of", "for"
_OPERATION_WORDS = frozenset(DATA["operation_words"])
_KIND = {"Pledge": "pledge", "Operation": "operation", "Initiative": "initiative", "Organisation": "organisation"}


def is_acronym(text: str) -> bool:
    """``DIP``, ``aANP``, ``UCAP``, ``CoE`` look like acronyms; ``Rusland`` does not."""
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2 and \
        sum(c.isupper() for c in text) >= len(text) - 2


def long_form(short: str, candidate: str) -> str | None:
    """Schwartz–Hearst: the shortest tail of ``candidate`` that ``short`` abbreviates."""
    chars = [c.lower() for c in short if c.isalnum()]
    if len(chars) < 2:
        return None
    s, l = len(chars) - 1, len(candidate) - 1
    while s >= 0:
        c = chars[s]
        while l >= 0 and (candidate[l].lower() != c or (s == 0 and l > 0 and candidate[l - 1].isalnum())):
            l -= 1
        if l < 0:
            return None
        l -= 1
        s -= 1
    start = max(candidate.rfind(" ", 0, l + 1), candidate.rfind("-", 0, l + 1)) + 1
    while start > 0 and candidate[start - 1] == "-":  # keep "NATO-Ukraine" whole
        start = candidate.rfind(" ", 0, start - 1) + 1
    out = candidate[start:].strip()
    # "adapted Annual National Programme (aANP)": a lower-case lead letter is a word too
    lead = "".join(c for c in short if c.isalnum())
    before = candidate[:start].split()
    if lead[:1].islower() and before and before[-1][:1] == lead[0] and not out.startswith(lead[0]):
        out = before[-1] + " " + out
    if len(out.split()) > min(len(chars) + 5, len(chars) * 2) or len(out) <= len(short):
        return None
    return out


@lru_cache(maxsize=1 << 14)  # pure (the data is fixed); asked for every capitalised word
def head_class(name: str) -> str | None:
    """Contract class from the head noun: the last word (or last compound part)."""
    words = re.split(r"[\s]+", name.strip())
    if len(words) >= 3 and fold(words[-2]) in ("of", "for"):  # "Centre of Excellence", "Fund for Ukraine"
        words = words[:-2]
    elif len(words) >= 3 and words[-2] == "in" and words[-1][:1].isupper():  # "Support Mission in Libya"
        words = words[:-2]
    last = fold(words[-1])
    if last in HEADS:
        return HEADS[last]
    part = last.rsplit("-", 1)[-1]
    if part in DATA["dutch_heads"]:
        return HEADS[part]
    for head in DATA["dutch_heads"]:  # Dutch compounds: "Actieagenda", "Defensiestrategie"
        if last.endswith(head) and len(last) > len(head) + 2 and words[-1][0].isupper():
            return HEADS.get(head)
    return None


_ADJ_FORMS: dict[str, str] = DATA["adjective_forms"]
_ADJ_SUFFIXES: list[list[str]] = DATA["adjective_suffixes"]


def uninflect(word: str) -> str:
    """A Dutch adjective without its inflection -e, for keys: ``strategische`` ->
    ``strategisch``, ``europese`` -> ``europees``, ``grote`` -> ``groot``. Only
    adjective endings are touched, so nouns (``strategie``, ``brigade``) and
    English words (``force``, ``defence``) keep theirs. ``word`` is folded."""
    if word in _ADJ_FORMS:
        return _ADJ_FORMS[word]
    for suffix, repl in _ADJ_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: len(word) - len(suffix)] + repl
    return word


@lru_cache(maxsize=1 << 14)
def key_word(word: str) -> str:
    """A folded word in the form keys use: one spelling (Defense -> defence), the
    English head for a Dutch one (raad -> council), a country by its key
    (Ukraine, Oekraïne -> oekraine), an adjective uninflected (strategische -> strategisch)."""
    from kg import reference

    word = DATA["spelling"].get(word, word)
    country = reference.load().country_words.get(word)
    return country if country is not None else uninflect(word)


def canonical_slug(name: str) -> str:
    """One key for variants: Defense/Defence, NAVO/NATO, Dutch/English heads and
    country names, inflected adjectives; a leading NATO or lower-case word dropped."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    while len(words) > 1 and words[0][:1].islower():  # "adapted Annual National Programme"
        words = words[1:]
    words = [key_word(fold(w)) for w in words]
    if len(words) > 2 and words[0] == "nato":  # "NATO New Force Model" = "New Force Model"
        words = words[1:]
    return slugify(" ".join(words))


@lru_cache(maxsize=1)
def _reference_keys() -> dict[tuple[str, str], str]:
    """(class, canonical slug of a name) -> reference key, for the organisations,
    operations, initiatives and pledges of the reference data: a form its aliases
    lack still finds it."""
    from kg import reference

    out: dict[tuple[str, str], str] = {}
    for ent in reference.load().entities.values():
        if ent.cls in _KIND:
            for name in (ent.label, *ent.aliases):
                out.setdefault((ent.cls, canonical_slug(name)), ent.key)
    return out


def name_key(cls: str, name: str) -> str:
    """The entity key for a name of class ``cls``: the reference entity whose name
    folds to the same slug, else ``<kind>/<canonical slug>``."""
    slug = canonical_slug(name)
    return _reference_keys().get((cls, slug)) or f"{_KIND[cls]}/{slug}"


def _ns(doc: Doc) -> list[int]:
    return non_space(doc)


def _covering(doc: Doc, start: int, end: int):
    """A mention another component made over exactly/around these tokens."""
    for span in mentions(doc):
        if span.start <= start and span.end >= end and span.label_ not in ("Session",):
            return span
    return None


def _named_operation(doc: Doc, start: int, end: int):
    """``de NAVO-operatie Sea Guardian (OSG)``, ``operatie Unified Protector (OUP)``: the long form is an
    operation word (``operatie``, ``NAVO-missie``) before an operation's name another component marked;
    the acronym, whose first letter is the operation word's, names that operation."""
    for span in mentions(doc):
        if span.label_ == "Operation" and span.end == end and start < span.start:
            lead = [t for t in texts(doc)[start:span.start] if t.strip()]
            if lead and all(t.rsplit("-", 1)[-1].lower() in _OPERATION_WORDS for t in lead):
                return span
    return None


def _country_adjective(text: str) -> bool:
    """A Dutch country adjective (``Nederlandse``): it describes an English name, it is not part of it."""
    from kg import reference
    from kg.nlp.components.fold import ref_adjective

    return text[:1].isupper() and ref_adjective(reference.load(), text) is not None


DESIGNATORS = frozenset(DATA["designators"])
_DESIGNATOR_NUMBER = re.compile(r"^\d{1,3}$")  # not a year, not "5.000"


def _designator(doc: Doc, end: int, taken) -> int | None:
    """Where a name that closes with a head noun at ``end`` really ends. English unit and body
    names may take one designator after the head (``Regional Command North``, ``Task Force
    Uruzgan``): a compass word, a place, or one unknown capitalised word on the same line; or a
    number of up to three digits (``Combined Task Force 151``) that no noun counts after it.
    ``end`` when none follows; None when more unknown capitalised words do (the name's end is
    not known, and a fragment of it would be a false entity)."""
    if end >= len(doc) or doc[end].is_space or not doc[end - 1].whitespace_ == " ":
        return end
    word = doc[end].text
    if _DESIGNATOR_NUMBER.match(word) and head_class(doc[end - 1].text) in ("Organisation", "Operation"):
        nxt = doc[end + 1] if end + 1 < len(doc) else None  # "151 (CTF-151)", "151, die": not "300 militairen", "2 %"
        counted = nxt is not None and (nxt.text in ("%", "‰") or not (nxt.is_punct or nxt.is_space or nxt.is_stop))
        return end if counted else end + 1
    if not word[:1].isupper() or not word.replace("-", "").isalpha() or fold(word) in _NOT_NAME:
        return end
    if fold(word) in DESIGNATORS:
        return end + 1
    span = _covering(doc, end, end + 1)
    if span is not None:
        return end + 1 if span.label_ == "Place" and span.end == end + 1 else end
    if end in taken:
        return end
    nxt = end + 1
    if nxt < len(doc) and doc[end].whitespace_ == " " and doc[nxt].text[:1].isupper() \
            and fold(doc[nxt].text) not in _NOT_NAME and _covering(doc, nxt, nxt + 1) is None:
        return None
    return end + 1


def _capital_or_hyphen(text: str) -> bool:
    return text[:1].isupper() or "-" in text


class AcronymFinder:
    """See the module docstring."""

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._run(doc)
        except Exception as exc:  # never stop the build on one odd sentence
            doc.user_data.setdefault("kg_warnings", []).append(f"kg_acronyms: {exc!r}")
            return doc

    def _run(self, doc: Doc) -> Doc:
        ns = _ns(doc)
        found: dict[str, str] = {}  # acronym -> key
        acr_of: dict[str, str] = doc.user_data.setdefault("kg_acronyms", {})
        tx = texts(doc)
        for k in words_where(doc, "ORTH", "acronyms.open_bracket", "(".__eq__):
            if k + 2 >= len(ns) or tx[ns[k + 2]] != ")":
                continue
            inner = doc[ns[k + 1]]
            if is_acronym(inner.text):
                self._define_before(doc, ns, k, inner, found, acr_of)
        self._reverse(doc, ns, found, acr_of)
        self._acronym_uses(doc, found)
        self._names(doc, ns)
        return doc

    # -- "Long Form (LF)"
    def _define_before(self, doc, ns, k, inner, found, acr_of):
        sent_start = sent_bounds(doc, ns[k])[0]
        j, words = k - 1, []
        while j >= 0 and ns[j] >= sent_start and len(words) < 12:
            t = doc[ns[j]]
            if t.is_punct and t.text not in ("-",) or t.like_num:
                break
            words.insert(0, ns[j])
            j -= 1
        if not words:
            return
        cand = " ".join(texts(doc)[x] for x in words)
        lf = long_form(inner.text, cand)
        if lf is None:
            lf = self._by_initials(doc, words, inner.text)
        hint = None
        if lf is None:
            lf = self._translated_body(doc, words, inner.text)
            hint = "Organisation"
        if lf is None:
            return
        n_tokens = len(lf.split())
        start, end = words[-n_tokens] if n_tokens <= len(words) else words[0], words[-1] + 1
        self._define(doc, start, end, inner, found, acr_of, hint)

    def _translated_body(self, doc, words, short):
        """``de Nationale Overgangsraad (NTC)``: a Dutch name of a body whose acronym is that of
        its English name. Two capitalised words at least, the last a compound of a body noun
        (``translated_body_heads``: ``-raad``, ``-commissie``); an acronym the reference data knows
        (``VS``, ``VN``) says whose body it is, not what it is called."""
        from kg import reference

        if reference.load().lookup(short) is not None:
            return None
        tx = texts(doc)
        run = []
        for x in reversed(words):
            t = tx[x]
            if not (t[:1].isupper() and t.isalpha() and not t.isupper()):
                break
            run.insert(0, t)
        if len(run) < 2 or doc[words[-len(run)]].is_sent_start:
            return None
        last = fold(run[-1])
        if not any(last.endswith(h) and len(last) > len(h) + 2 for h in DATA["translated_body_heads"]):
            return None
        return " ".join(run)

    @staticmethod
    def _by_initials(doc, words, short):
        """Translated names ("Navo-Oekraïne Commissie (NUC)"): one capital word per letter."""
        letters = [c for c in short if c.isupper()]
        parts, tokens = [], []
        for x in reversed(words):
            subs = texts(doc)[x].split("-")
            if not all(s[:1].isupper() for s in subs if s):
                break
            parts[:0] = subs
            tokens.insert(0, texts(doc)[x])
            if len(parts) >= len(letters):
                break
        if len(parts) == len(letters) and [p[0].upper() for p in parts] == letters:
            return " ".join(tokens)
        return None

    def _define(self, doc, start, end, inner, found, acr_of, hint=None):
        span = doc[start:end]
        name = " ".join(span.text.split())
        have = _covering(doc, start, end) or _named_operation(doc, start, end)
        if have is not None and have.label_ in ("Organisation", "Country", "Place", "Person", "Minister",
                                                 "Summit", "MinisterialMeeting", "Pledge", "Initiative", "Operation"):
            key, cls = have.kb_id_, have.label_
        else:
            cls = head_class(name) or hint
            if cls is None:
                return
            key = name_key(cls, name)
            register_entity(doc, key, cls, name, alt_labels=[inner.text])
            add_mention(doc, start, end, cls, key)
        if entity_table(doc).get(key) is not None:
            entity_table(doc)[key]["alt_labels"].add(inner.text)
        found[inner.text] = key
        acr_of[key] = inner.text
        if _covering(doc, inner.i, inner.i + 1) is None:
            add_mention(doc, inner.i, inner.i + 1, cls, key)

    # -- "LF (Long Form)"
    def _reverse(self, doc, ns, found, acr_of):
        tx = texts(doc)
        for k in words_where(doc, "ORTH", "acronyms.open_bracket", "(".__eq__):
            if k == 0:
                continue
            short = doc[ns[k - 1]]
            if not is_acronym(short.text) or short.text in found:
                continue
            close = next((x for x in range(k + 1, min(k + 10, len(ns))) if texts(doc)[ns[x]] == ")"), None)
            if close is None or close - k < 3:
                continue
            inside = " ".join(texts(doc)[ns[x]] for x in range(k + 1, close))
            lf = long_form(short.text, inside)
            if lf is None or lf != inside:
                continue
            cls = head_class(lf)
            if cls is None:
                continue
            key = name_key(cls, lf)
            register_entity(doc, key, cls, lf, alt_labels=[short.text])
            add_mention(doc, ns[k + 1], ns[close - 1] + 1, cls, key)
            add_mention(doc, short.i, short.i + 1, cls, key)
            found[short.text] = key
            acr_of[key] = short.text

    # -- the acronym alone elsewhere ("het aANP", "deze NICE", "NICE-pledge")
    def _acronym_uses(self, doc, found):
        if not found:
            return
        marked = {(s.start, s.end) for s in mentions(doc)}
        tx = texts(doc)  # token texts, no Token objects
        # only tokens that are an acronym found, or one before a hyphen, can be uses
        for i in [i for i, t in enumerate(tx) if t in found or "-" in t and t.split("-", 1)[0] in found]:
            text = tx[i]
            base = text.split("-", 1)[0] if "-" in text else text
            key = found.get(text) or found.get(base)
            if key is None or (i, i + 1) in marked or _covering(doc, i, i + 1) is not None:
                continue
            cls = entity_table(doc).get(key, {}).get("cls")
            if cls:
                add_mention(doc, i, i + 1, cls, key)
                if text != base and text.rsplit("-", 1)[-1].lower() not in PART_TAILS:  # "NMI-hoofdkwartier"
                    entity_table(doc)[key]["alt_labels"].add(text)

    # -- names without an acronym
    def _names(self, doc, ns):
        stop, english, connectors, ops = _NOT_NAME, _ENGLISH_HEADS, _NAME_CONNECTORS, _OPERATION_WORDS
        taken: set[int] = {x for s in mentions(doc) for x in range(s.start, s.end)}
        tx, lw = texts(doc), lowers(doc)  # per-doc arrays: no Token per word
        # Every branch below needs a capitalised word, a hyphen or an operation word
        # ("operatie Interflex"); other tokens are skipped at once.
        # (the candidates as positions in ns: it is non_space(doc), as ``words_where`` counts)
        cands = sorted(set(words_where(doc, "ORTH", "acronyms.capital_or_hyphen", _capital_or_hyphen)).union(
            words_where(doc, "LOWER", "acronyms.operation_words", ops.__contains__)))
        for k in cands:
            i = ns[k]
            text, low = tx[i], lw[i]
            stem, _, tail = text.rpartition("-")
            # "NAVO-norm", "Patriot-initiatief": a compound whose head makes it a name of its own
            if tail.lower() in _DUTCH_HEADS and stem[:1].isupper() and stem.replace("-", "").isalpha():
                self._name(doc, i, i + 1, taken)
                continue
            # "NAVO-Georgië-commissie", "NAVO-Rusland-raad": a council of NATO and a partner
            if "-" in stem and fold(tail) in _COUNCIL_HEADS and fold(stem.split("-", 1)[0]) in _ORG_PREFIXES \
                    and stem.replace("-", "").isalpha():
                self._name(doc, i, i + 1, taken, "Organisation")
                continue
            # "NAVO-hybride strategie"
            if fold(stem) in _ORG_PREFIXES and tail.islower() and k + 1 < len(ns) \
                    and lw[ns[k + 1]] in _DUTCH_HEADS:
                self._name(doc, i, ns[k + 1] + 1, taken)
                continue
            # "de EU-operatie Sophia", "de NAVO-operatie Northern Lantern": the organisation's compound
            # stays its mention; the capitalised words after it name the operation
            if "-" in text and tail.lower() in ops and fold(stem) in _OPERATION_ORGS:
                self._org_operation(doc, ns, k, taken, stop)
                continue
            if i in taken:
                continue
            # capitalised English-style names ending in a head noun
            if low in english and text[0].isupper():
                j = k
                while j - 1 >= 0 and k - j < DATA["max_name_tokens"]:
                    prev = doc[ns[j - 1]]
                    if prev.is_punct or prev.like_num:
                        break
                    if ns[j - 1] in taken:  # only NATO/NAVO in front may already be an entity
                        if fold(prev.text).split("-")[0] in _ORG_PREFIXES:
                            j -= 1
                        break
                    if prev.text[0].isupper() and fold(prev.text) not in stop:
                        j -= 1
                    elif prev.lower_ in connectors and j - 2 >= 0 and tx[ns[j - 2]][:1].isupper() \
                            and fold(tx[ns[j - 2]]) not in stop:
                        j -= 1
                    else:
                        break
                while j < k and lw[ns[j]] in connectors:
                    j += 1
                while j < k and _country_adjective(tx[ns[j]]):  # "de Nederlandse Task Force Uruzgan"
                    j += 1
                end = i + 1
                # run on to the last head of the capitalised run ("New Force Model")
                r = k + 1
                while r < len(ns) and r - k < 4 and tx[ns[r]][:1].isupper() and not doc[ns[r]].is_punct \
                        and fold(tx[ns[r]]) not in stop and ns[r] not in taken:
                    if lw[ns[r]] in english:
                        end = ns[r] + 1
                    r += 1
                if end > i + 1:
                    j = min(j, k)
                # "Centre of Excellence", "International Fund for Ukraine"
                if k + 2 < len(ns) and lw[ns[k + 1]] in ("of", "for") and tx[ns[k + 2]][:1].isupper():
                    end = ns[k + 2] + 1
                if j < k:
                    after = _designator(doc, end, taken)
                    if after is None:
                        continue  # the name goes on past what can be delimited: no fragment of it
                    self._name(doc, ns[j], after, taken, head_class(doc[ns[j]:end].text) if after > end else None)
                continue
            # "operatie Interflex", "NAVO Missie Irak", "ISAF-missie"
            if low in ops and k + 1 < len(ns) and tx[ns[k + 1]][:1].isupper() \
                    and fold(tx[ns[k + 1]]) not in stop:
                start = ns[k - 1] if k and lw[ns[k - 1]] in _ORG_PREFIXES else i
                name_tok = doc[ns[k + 1]]
                geo = _covering(doc, name_tok.i, name_tok.i + 1)
                if ns[k + 1] in taken and (geo is None or geo.label_ not in ("Country", "Place")):
                    continue
                if geo is not None and geo.label_ in ("Country", "Place"):  # "Missie Irak" is named by its country
                    key = "operation/" + canonical_slug(text + " " + name_tok.text)
                    label = doc[start:name_tok.i + 1].text
                else:
                    # "operatie Northern Shield": up to three capitalised words
                    first = name_tok
                    while name_tok.i + 1 < len(doc) and name_tok.i - first.i < 2 \
                            and tx[name_tok.i + 1][:1].isupper() and tx[name_tok.i + 1].isalpha() \
                            and fold(tx[name_tok.i + 1]) not in stop:
                        name_tok = doc[name_tok.i + 1]
                    name = doc[first.i:name_tok.i + 1].text
                    key = name_key("Operation", name)
                    label = name if start == i else doc[start:name_tok.i + 1].text
                register_entity(doc, key, "Operation", label, alt_labels=[doc[start:name_tok.i + 1].text])
                add_mention(doc, start, name_tok.i + 1, "Operation", key)
                taken.update(range(start, name_tok.i + 1))
                continue
            # "ISAF-missie" (stem and tail as split at the top of the loop)
            if "-" in text and tail.lower() in ops and stem[:1].isupper() and stem.isalpha():
                key = name_key("Operation", stem)
                register_entity(doc, key, "Operation", stem, alt_labels=[text])
                add_mention(doc, i, i + 1, "Operation", key)
                taken.add(i)
                continue
            # Dutch compound names mid-sentence: "de Actieagenda productie- en leveringszekerheid ..."
            # (the memoised head_class first: it rules out nearly every word before Tokens are made)
            if text[:1].isupper() and head_class(text) == "Initiative" and not doc[i].is_sent_start and k \
                    and not doc[ns[k - 1]].is_punct and low not in HEADS and fold(text) not in stop:
                end, j = i + 1, k + 1
                while j < len(ns) and j - k <= 7 and not doc[ns[j]].is_punct and tx[ns[j]][:1].islower():
                    end = ns[j] + 1
                    j += 1
                self._name(doc, i, end, taken, head_class(text))

    @staticmethod
    def _org_operation(doc, ns, k, taken, stop):
        """``EU-operatie Sophia``: up to three capitalised words right after an organisation's
        ``-operatie``/``-missie`` compound, none of them a mention already, name an operation."""
        tx = texts(doc)
        if k + 1 >= len(ns) or ns[k + 1] in taken:
            return
        first = last = ns[k + 1]
        if not (tx[first][:1].isupper() and tx[first].isalpha()) or fold(tx[first]) in stop:
            return
        while last + 1 < len(doc) and last - first < 2 and last + 1 not in taken and tx[last + 1][:1].isupper() \
                and tx[last + 1].isalpha() and fold(tx[last + 1]) not in stop:
            last += 1
        name = doc[first:last + 1].text
        # the reference knows some only as "Operatie Sophia"
        key = _reference_keys().get(("Operation", canonical_slug("Operatie " + name))) or name_key("Operation", name)
        register_entity(doc, key, "Operation", name)
        add_mention(doc, first, last + 1, "Operation", key)
        taken.update(range(first, last + 1))

    @staticmethod
    def _name(doc, start, end, taken, cls=None):
        name = " ".join(doc[start:end].text.split())
        name = re.split(r"[<\[(]", name)[0].rstrip(" .,;:")  # "defensiematerieel.<sup>3</sup>"
        cls = cls or head_class(name)
        if cls is None:
            return
        key = name_key(cls, name)
        if cls == "Organisation" and _covering(doc, start, end) is not None:
            return
        register_entity(doc, key, cls, name)
        add_mention(doc, start, end, cls, key)
        taken.update(range(start, end))


@Language.factory("kg_acronyms")
def make_acronyms(nlp, name):
    """spaCy factory for :class:`AcronymFinder`."""
    return AcronymFinder()
