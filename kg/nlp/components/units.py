"""Component kg_units: military units named by their type noun, as Organisation.

``43 Gemechaniseerde Brigade``, ``11 Luchtmobiele Brigade``, ``312 Squadron``,
``Defensie Cyber Commando``: a capitalised type noun (``units.json``
``end_heads``) closing a run of a number and/or capitalised modifiers.
``Korps Mariniers``, ``Commando Landstrijdkrachten``: a capitalised type
noun (``lead_heads``) opening one or two capitalised words. A bare type noun
(``de Brigade``) or one after a country adjective only (``Duitse Brigade``)
is no name. Words another component already marked are left alone.

It also names an organisation's mission by where it is, ``EU-missie in Mali``,
``VN-vredesmissie in Libanon`` (``mission_prefixes``, ``mission_nouns``), and by
the name in apposition to its description, ``de politiemissie van de EU, EUPOL
Kosovo,`` (``mission_suffixes``), as an Operation, when no other component named it;
and one state's initiative or fund, ``het Tsjechische munitie-initiatief``, as an
Initiative; a unit named after its description (``de Litouwse ...brigade Iron Wolf``,
``de Duitse 1. Panzerdivision``); and a base by its noun, ``vliegbasis Decimomannu``,
as a Place.
"""
from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg import reference
from kg.nlp.components.docindex import lowers, mentions, non_space, sent_bounds, texts, words_where
from kg.nlp.spans import add_mention, register_entity
from kg.nlp.components.acronyms import DESIGNATORS
from kg.slug import fold, slugify

DATA = json.loads(Path(__file__).with_name("units.json").read_text(encoding="utf-8"))
_END = frozenset(DATA["end_heads"])
_LEAD = frozenset(DATA["lead_heads"])
_NOT_MOD = frozenset(DATA["not_modifiers"])
_PREFIXES = frozenset(DATA["mission_prefixes"])
_MISSIONS = frozenset(DATA["mission_nouns"])
_SUFFIXES = tuple(DATA["mission_suffixes"])
_NAME_ENDS = frozenset(DATA["appositive_name_ends"])
_INITIATIVE_HEADS = tuple(DATA["initiative_heads"])
_INITIATIVE_DETS = frozenset(DATA["initiative_determiners"])
_NAMED_HEADS = tuple(DATA["named_unit_heads"])
_ORDINAL_HEADS = tuple(DATA["ordinal_unit_heads"])
_BASE_NOUNS = frozenset(DATA["base_nouns"])
_BASE_HEADS = frozenset(DATA["base_heads"])
_PLAIN_BASES = frozenset(DATA["plain_base_nouns"])
_BODY_NOUNS = frozenset(DATA["body_nouns"])
_LINKED_HEADS = frozenset(DATA["linked_body_heads"])
_LINKS = frozenset(DATA["linked_body_links"])
_PLACE_PART_HEADS = frozenset(DATA["place_part_heads"])
_ARTICLES = frozenset(("de", "het"))
_TOWN_NOUNS = frozenset(DATA["town_nouns"])
_TOWN_PREPOSITIONS = frozenset(DATA["town_prepositions"])
_NOT_TOWNS = frozenset(DATA["not_town_words"])


def _is_initiative_compound(low: str) -> bool:
    """``munitie-initiatief``, ``wapenfonds``: a compound on an initiative head, not the bare head."""
    return low.endswith(_INITIATIVE_HEADS) and low not in _INITIATIVE_HEADS and low[:1].isalpha()


def _is_mission_word(low: str) -> bool:
    """``navo-missie``, ``eu-trainingsmissie``: an organisation's prefix and a mission noun."""
    head, _, tail = low.partition("-")
    return bool(tail) and head in _PREFIXES and tail in _MISSIONS


def _contributes_to(doc: Doc, end: int, spans) -> bool:
    """``… met de trainingsmissie in Kunduz bij aan de ISAF``: right after the description, the
    separable ``bij`` of ``bijdragen`` (or ``een bijdrage``, ``levert … een bijdrage aan``) and
    ``aan`` an Operation: the described mission is one the sender contributes to that operation
    with, not that operation."""
    lw = lowers(doc)
    k = end
    while k < len(doc) and lw[k].isspace():
        k += 1
    want = ["een", "bijdrage", "aan"] if k < len(doc) and lw[k] == "een" else ["bij", "aan"]
    while k < len(doc) and want:
        if not lw[k].isspace():
            if lw[k] != want.pop(0):
                return False
        k += 1
    while k < len(doc) and (lw[k].isspace() or lw[k] in ("de", "het")):
        k += 1
    return not want and any(sp.start == k and sp.label_ == "Operation" for sp in spans)


def _named_operation_after(doc: Doc, end: int, spans):
    """``de NAVO-trainingsmissie in Irak, NATO Mission Iraq (NMI),``: the description stands
    in apposition to a mission's name, so it is that mission, no second Operation: that
    mission's span, or None."""
    tx = texts(doc)
    k = end
    while k < len(doc) and tx[k].isspace():
        k += 1
    if k >= len(doc) or tx[k] != ",":
        return None
    k += 1
    while k < len(doc) and tx[k].isspace():
        k += 1
    return next((sp for sp in spans if sp.start == k and sp.label_ == "Operation"), None)


_GROUPS: dict[str, str] = DATA["mission_prefix_groups"]
_THEATRES: dict[str, list[str]] = DATA["mission_theatres"]


def _the_operation_there(prefix: str, country: str, spans):
    """The one operation the text names (a span) that the organisation of ``prefix`` carries
    out in ``country`` (``mission_theatres``), or None: with none or two, the description
    (``de NAVO-operatie in Libië``) cannot be told to be one of them."""
    group = _GROUPS.get(prefix)
    found = {}
    for sp in spans:
        if sp.label_ == "Operation" and _THEATRES.get(sp.kb_id_) == [country, group]:
            found.setdefault(sp.kb_id_, sp)
    return next(iter(found.values())) if group and len(found) == 1 else None


_PURPOSE_STEMS = frozenset(DATA["purpose_mission_stems"])
_CONTRIBUTES = frozenset(DATA["contribution_words"])


def _is_purpose_mission(low: str) -> bool:
    """``politietrainingsmissie``, ``capaciteitsopbouwmissie``: a mission noun after a stem
    that says what the mission does (``purpose_mission_stems``), no organisation's prefix."""
    return _purpose_of(low) is not None


def _purpose_of(low: str) -> str | None:
    """The stem of a mission named by its purpose (``trainingsmissie`` -> ``trainings``), or None."""
    for tail in ("missie", "operatie"):
        if low.endswith(tail) and low[:-len(tail)] in _PURPOSE_STEMS:
            return low[:-len(tail)]
    return None


_MISSION_PURPOSES = {k: frozenset(v) for k, v in DATA["mission_purposes"].items()}


def _does(operation: str, stem: str) -> bool:
    """Does ``operation`` do what ``stem`` says (``mission_purposes``; one not listed may)?"""
    purposes = _MISSION_PURPOSES.get(operation)
    return purposes is None or stem in purposes


def _country_of(span) -> str | None:
    """The country key of a Country mention, or of the country a Place mention lies in."""
    if span.label_ == "Country":
        return span.kb_id_
    country = reference.country_of_place(span.kb_id_)
    return country.key if country is not None else None


def _operations_in(country: str, spans) -> set[str]:
    """Keys of the operations the text names that act in ``country``: by ``mission_theatres``,
    or by the place their own mention names (``de NAVO-missie in Irak``)."""
    found = set()
    for sp in spans:
        if sp.label_ != "Operation":
            continue
        if (_THEATRES.get(sp.kb_id_) or [None])[0] == country or any(
                o.label_ in ("Country", "Place") and sp.start <= o.start < sp.end and _country_of(o) == country
                for o in spans):
            found.add(sp.kb_id_)
    return found


def _is_number(text: str) -> bool:
    return text.isdigit() and len(text) <= 4


def _name_after(ns, tx, k: int, taken: set, hyphens: bool) -> tuple[int, int] | None:
    """The one or two capitalised words right after the noun at ``ns[k]`` (``vliegbasis
    Decimomannu``, ``persbureau Interfax``) as a token range, or None when there is no such
    word, a longer capitalised run, or a run into a name found already. ``hyphens``: a
    word may hold a hyphen (``Trapani-Birgi``)."""
    e = k + 1
    while e < len(ns) and e - k <= 3 and ns[e] == ns[e - 1] + 1 and tx[ns[e]][:1].isupper() \
            and (tx[ns[e]].replace("-", "") if hyphens else tx[ns[e]]).isalpha() and ns[e] not in taken:
        e += 1
    if e == k + 1 or e - k > 3 or e < len(ns) and ns[e] in taken and ns[e] == ns[e - 1] + 1:
        return None
    return ns[k + 1], ns[e - 1] + 1


class UnitFinder:
    """Finds unit names; see the module docstring."""

    def __init__(self):
        self.ref = reference.load()

    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._run(doc)
        except Exception as exc:  # a bad heuristic must never stop the build
            doc.user_data.setdefault("kg_warnings", []).append(f"kg_units: {exc!r}")
            return doc

    def _modifier(self, text: str) -> bool:
        """A capitalised word that can be part of a unit's name."""
        return (text[:1].isupper() and text.lower() not in _NOT_MOD and any(c.isalpha() for c in text)
                and "." not in text)

    def _run(self, doc: Doc) -> Doc:
        self._missions(doc)
        self._purpose_missions(doc)
        self._appositive_missions(doc)
        self._national_initiatives(doc)
        self._described_units(doc)
        self._ordinal_units(doc)
        self._named_bases(doc)
        self._named_towns(doc)
        self._neuter_towns(doc)
        self._headed_bases(doc)
        self._named_bodies(doc)
        self._linked_bodies(doc)
        heads = words_where(doc, "LOWER", "units.heads", lambda w: w in _END or w in _LEAD)
        if not heads:
            return doc
        ns = non_space(doc)
        tx = texts(doc)
        taken = {i for s in mentions(doc) for i in range(s.start, s.end)}
        found: list[tuple[int, int]] = []
        for k in heads:
            i = ns[k]
            if not tx[i][:1].isupper() or i in taken or any(s <= i < e for s, e in found):
                continue
            low = tx[i].lower()
            span = None
            if low in _END:
                j, mods, number = k, 0, False
                while j - 1 >= 0 and mods < DATA["max_modifiers"] and ns[j - 1] not in taken \
                        and ns[j - 1] == ns[j] - 1 and not doc[ns[j - 1]].is_sent_start:
                    prev = tx[ns[j - 1]]
                    if self._modifier(prev):
                        j, mods = j - 1, mods + 1
                    elif _is_number(prev):
                        j, number = j - 1, True
                        break
                    else:
                        break
                words = [tx[ns[x]] for x in range(j, k)]
                adjectives_only = words and all(self.ref.country_of_adjective(w) for w in words if not _is_number(w))
                if (number or mods) and not (adjectives_only and not number):
                    span = (ns[j], i + 1)
                    if i + 1 < len(doc) and doc[i].whitespace_ == " " and tx[i + 1][:1].isupper() \
                            and fold(tx[i + 1]) in DESIGNATORS:  # "Regional Command North"
                        span = (ns[j], i + 2)
            if span is None and low in _LEAD:
                j = k
                while j + 1 < len(ns) and j - k < 2 and ns[j + 1] == ns[j] + 1 and ns[j + 1] not in taken \
                        and self._modifier(tx[ns[j + 1]]) and tx[ns[j + 1]].lower() not in _END:
                    j += 1
                if j > k:
                    span = (i, ns[j] + 1)
            if span is not None:
                found.append(span)
        for s, e in found:
            name = " ".join(doc[s:e].text.split())
            key = "organisation/" + slugify(name)
            register_entity(doc, key, "Organisation", name)
            add_mention(doc, s, e, "Organisation", key)
        return doc


    def _missions(self, doc: Doc) -> None:
        found = words_where(doc, "LOWER", "units.missions", _is_mission_word)
        if not found:
            return
        ns, tx = non_space(doc), texts(doc)
        spans = mentions(doc)
        for k in found:
            i = ns[k]
            if k + 2 >= len(ns) or tx[ns[k + 1]] != "in" or ns[k + 1] != i + 1:
                continue
            if any(s.label_ == "Operation" and s.start <= i < s.end for s in spans):
                continue
            place = next((s for s in spans if s.start == ns[k + 2] and s.label_ in ("Country", "Place")), None)
            if place is None:
                continue
            named = _named_operation_after(doc, place.end, spans)
            if named is None:  # "de NAVO-operatie in Libië" and "operatie Unified Protector" in one text
                named = _the_operation_there(tx[i].lower().partition("-")[0], place.kb_id_, spans)
            if named is not None:  # the description is another name of that mission
                add_mention(doc, i, place.end, "Operation", named.kb_id_)
                continue
            name = " ".join(doc[i:place.end].text.split())
            key = "operation/" + slugify(name)
            register_entity(doc, key, "Operation", name)
            add_mention(doc, i, place.end, "Operation", key)


    def _purpose_missions(self, doc: Doc) -> None:
        """``de politietrainingsmissie in Kunduz``, ``de capaciteitsopbouwmissie in Irak``: a
        mission described by what it does and where. It is the one operation the text names
        in that country (``mission_theatres``, or one named by that place) if it does that
        (``mission_purposes``: not the air policing there, else nothing is said); with two it
        is told from neither and nothing is said; with none, a sentence in which the Netherlands
        contributes to it makes it a mission of its own, keyed in this document only (a
        description does not identify a mission across documents)."""
        found = words_where(doc, "LOWER", "units.purpose_missions", _is_purpose_mission)
        if not found:
            return
        ns, lw = non_space(doc), lowers(doc)
        spans = mentions(doc)
        for k in found:
            a = k  # "de geïntegreerde politietrainingsmissie": up to two inflected adjectives before the noun
            while a > 0 and k - a < 2 and lw[ns[a - 1]].endswith("e") and doc[ns[a - 1]].text.isalpha() \
                    and doc[ns[a - 1]].text.islower() and lw[ns[a - 1]] not in ("de", "die", "deze"):
                a -= 1
            i = ns[a]
            if not a or lw[ns[a - 1]] != "de" or k + 2 >= len(ns) or lw[ns[k + 1]] != "in":
                continue  # "een trainingsmissie in X" is one to come, not one the text knows
            if any(s.label_ == "Operation" and s.start <= i < s.end for s in spans):
                continue
            place = next((s for s in spans if s.start == ns[k + 2] and s.label_ in ("Country", "Place")), None)
            country = _country_of(place) if place is not None else None
            if country is None:
                continue
            named = _named_operation_after(doc, place.end, spans)
            there = {named.kb_id_} if named is not None else _operations_in(country, spans)
            lo, hi = sent_bounds(doc, i)
            if _contributes_to(doc, place.end, spans) and any(
                    s.kb_id_ == "country/nederland" and lo <= s.start < hi for s in spans):
                there = set()  # "Nederland draagt met de X-missie in Y bij aan ISAF": a part, not ISAF
            elif len(there) == 1:
                # not an operation that does otherwise (the air policing there): then nothing
                if named is not None or _does(next(iter(there)), _purpose_of(lw[i])):
                    add_mention(doc, i, place.end, "Operation", there.pop())
                continue
            if there or not any(s.kb_id_ == "country/nederland" and lo <= s.start < hi for s in spans) \
                    or _CONTRIBUTES.isdisjoint(lw[lo:hi]) and not _contributes_to(doc, place.end, spans):
                continue
            name = " ".join(doc[i:place.end].text.split())
            key = "operation/" + reference.DOCUMENT_SCOPED + slugify(name)
            register_entity(doc, key, "Operation", name)
            add_mention(doc, i, place.end, "Operation", key)

    def _appositive_missions(self, doc: Doc) -> None:
        """``de politiemissie van de Europese Unie, EUPOL Kosovo,``: the name in apposition to
        a mission noun (``...missie``, ``...operatie``), past ``van de <organisation>``, is an
        Operation when it holds an acronym (``EUPOL``) and a punctuation mark or a relative
        pronoun closes it; a name another component knows is left alone."""
        found = words_where(doc, "LOWER", "units.appositive_missions", lambda w: w.endswith(_SUFFIXES))
        if not found:
            return
        ns, tx = non_space(doc), texts(doc)
        spans = mentions(doc)
        by_start = {}
        for sp in spans:
            by_start.setdefault(sp.start, sp)
        for k in found:
            j = k + 1
            if j < len(ns) and tx[ns[j]].lower() == "van":  # "van de Europese Unie"
                j += 1
                while j < len(ns) and tx[ns[j]].lower() in ("de", "het"):
                    j += 1
                org = by_start.get(ns[j]) if j < len(ns) else None
                if org is None or org.label_ != "Organisation":
                    continue
                while j < len(ns) and ns[j] < org.end:
                    j += 1
            if j + 1 >= len(ns) or tx[ns[j]] != "," or doc[ns[j + 1]].is_sent_start:
                continue
            first = j + 1
            e = first
            while e < len(ns) and e - first < DATA["max_name_words"] and tx[ns[e]].lower() not in _NAME_ENDS \
                    and (tx[ns[e]][:1].isupper() or tx[ns[e]].isdigit()) and not doc[ns[e]].is_sent_start:
                e += 1
            if e == first or e >= len(ns) or tx[ns[e]].lower() not in _NAME_ENDS:
                continue
            words = [tx[ns[x]] for x in range(first, e)]
            if not any(w.isupper() and w.isalpha() and len(w) >= 3 for w in words):
                continue
            s0, e0 = ns[first], ns[e - 1] + 1
            if any(sp.start <= s0 < sp.end and (sp.label_ == "Operation" or (sp.start, sp.end) == (s0, e0)
                                                or sp.start < s0) for sp in spans if sp.start <= s0):
                continue  # a known name, or inside one
            name = " ".join(doc[s0:e0].text.split())
            key = "operation/" + slugify(name)
            register_entity(doc, key, "Operation", name)
            add_mention(doc, s0, e0, "Operation", key)


    def _described_units(self, doc: Doc) -> None:
        """``de Litouwse gemechaniseerde infanteriebrigade Iron Wolf``: a country adjective, up
        to two lower-case adjectives and a lower-case unit noun (``named_unit_heads``, also in a
        compound: ``infanteriebrigade``) before one to three capitalised words: those words are
        the unit's name, an Organisation. A name another component knows is left alone."""
        found = words_where(doc, "ORTH", "units.described", lambda w: w[:1].islower() and w.endswith(_NAMED_HEADS))
        if not found:
            return
        ns, tx = non_space(doc), texts(doc)
        taken = {i for s in mentions(doc) for i in range(s.start, s.end)}
        for k in found:
            j = k - 1
            while j >= 0 and k - j <= 3 and ns[j + 1] == ns[j] + 1 and tx[ns[j]].isalpha() and tx[ns[j]].islower():
                j -= 1  # "gemechaniseerde": the adjectives before the noun
            if j < 0 or ns[j + 1] != ns[j] + 1 or self.ref.country_of_adjective(tx[ns[j]]) is None:
                continue
            e = k + 1
            while e < len(ns) and e - k <= 3 and ns[e] == ns[e - 1] + 1 and tx[ns[e]][:1].isupper() \
                    and tx[ns[e]].replace("-", "").isalpha() and ns[e] not in taken and not doc[ns[e]].is_sent_start:
                e += 1
            if e == k + 1 or e - k > 3 or e < len(ns) and ns[e] == ns[e - 1] + 1 and tx[ns[e]][:1].isupper():
                continue  # no name, or a longer capitalised run than a unit's name
            s0, e0 = ns[k + 1], ns[e - 1] + 1
            name = " ".join(doc[s0:e0].text.split())
            known = self.ref.lookup(name)
            if self.ref.country_of_adjective(tx[s0]) is not None or known is not None and known.cls != "Organisation":
                continue  # "de Duitse brigade Augustdorf": its garrison town, not its name
            key = "organisation/" + slugify(name)
            register_entity(doc, key, "Organisation", name)
            add_mention(doc, s0, e0, "Organisation", key)
            taken.update(range(s0, e0))

    def _ordinal_units(self, doc: Doc) -> None:
        """``de Duitse 1. Panzerdivision``: an ordinal number with its full stop before a
        capitalised compound on a unit noun (``ordinal_unit_heads``) names a unit in the German
        manner, an Organisation. At the start of a line the number numbers a list item instead."""
        found = words_where(doc, "ORTH", "units.ordinal", lambda w: w[:1].isupper() and w.lower().endswith(_ORDINAL_HEADS))
        if not found:
            return
        ns, tx = non_space(doc), texts(doc)
        taken = {i for s in mentions(doc) for i in range(s.start, s.end)}
        for k in found:
            if k < 3:
                continue
            num, dot, before = ns[k - 2], ns[k - 1], ns[k - 3]
            if not (tx[dot] == "." and dot == num + 1 and ns[k] == dot + 1 and before == num - 1
                    and tx[num].isdigit() and len(tx[num]) <= 2 and tx[before].isalpha()) \
                    or {num, ns[k]} & taken:
                continue
            name = f"{tx[num]}. {tx[ns[k]]}"
            key = "organisation/" + slugify(name)
            register_entity(doc, key, "Organisation", name)
            add_mention(doc, num, ns[k] + 1, "Organisation", key)

    def _named_bases(self, doc: Doc) -> None:
        """``vanaf de vliegbasis Decimomannu``: one or two capitalised words after a base noun
        (``base_nouns``) name the base, a Place, also when the reference data lacks it; a longer
        capitalised run or a name the text uses for something else is left alone."""
        found = words_where(doc, "LOWER", "units.bases", lambda w: w in _BASE_NOUNS or w in _PLAIN_BASES)
        if not found:
            return
        ns, tx = non_space(doc), texts(doc)
        taken = {i for s in mentions(doc) for i in range(s.start, s.end)}
        for k in found:
            if tx[ns[k]].lower() in _PLAIN_BASES and not (k and (tx[ns[k - 1]].lower() in ("de", "het")
                                                                 or self.ref.country_of_adjective(tx[ns[k - 1]]))):
                continue  # "de (Hongaarse) basis Pápa"; not "op basis X"
            if tx[ns[k]].lower() in _PLAIN_BASES and k + 1 < len(ns) and doc.vocab[tx[ns[k + 1]].lower()].is_stop:
                continue  # "de basis Voor ...": a function word, no name
            run = _name_after(ns, tx, k, taken, hyphens=True)
            if run is None:
                continue
            s0, e0 = run
            if self.ref.country_of_adjective(tx[s0]) is None:
                self._add_name(doc, s0, e0, "Place", taken)

    def _named_towns(self, doc: Doc) -> None:
        """``de Noorse havenstad Narvik``, ``het Poolse grensdorp Hrubieszów``: one or two capitalised words
        after an article, a country's adjective and a noun for a town (``town_nouns``) name a Place, also
        when the reference data lacks it (``kg.extract.events.meetings`` puts it in that country)."""
        found = words_where(doc, "LOWER", "units.towns", _TOWN_NOUNS.__contains__)
        if not found:
            return
        ns, tx = non_space(doc), texts(doc)
        taken = {i for s in mentions(doc) for i in range(s.start, s.end)}
        for k in found:
            if k < 2 or tx[ns[k - 2]].lower() not in _ARTICLES or not tx[ns[k - 1]][:1].isupper() \
                    or self.ref.country_of_adjective(tx[ns[k - 1]]) is None:
                continue
            run = _name_after(ns, tx, k, taken, hyphens=True)
            if run is not None and self.ref.country_of_adjective(tx[run[0]]) is None \
                    and self.ref.lookup(" ".join(doc[run[0]:run[1]].text.split())) is None:
                self._add_name(doc, run[0], run[1], "Place", taken)  # a known name is the gazetteer's

    def _neuter_towns(self, doc: Doc) -> None:
        """``in het Britse Carbis Bay``, ``in de omgeving van het Noorse Rena``: a town's name is neuter, so
        one or two capitalised words after a place preposition, ``het`` and a country's adjective name a
        town (not an institution: ``het Britse Lagerhuis``, ``not_town_words``)."""
        ns, tx = non_space(doc), texts(doc)
        taken = {i for s in mentions(doc) for i in range(s.start, s.end)}
        for k in words_where(doc, "LOWER", "units.neuter_towns", "het".__eq__):
            if k < 1 or k + 2 >= len(ns) or tx[ns[k - 1]].lower() not in _TOWN_PREPOSITIONS \
                    or not tx[ns[k + 1]][:1].isupper() or self.ref.country_of_adjective(tx[ns[k + 1]]) is None:
                continue
            run = _name_after(ns, tx, k + 1, taken, hyphens=True)
            if run is None or any(not p[:1].isupper() for w in tx[run[0]:run[1]] for p in w.split("-")) \
                    or any(w.lower() in _NOT_TOWNS for w in tx[run[0]:run[1]]) \
                    or self.ref.country_of_adjective(tx[run[0]]) is not None:
                continue
            after = next((j for j in range(run[1], min(run[1] + 3, len(tx))) if tx[j].strip()), None)
            if after is not None and tx[after].lower() in ("van", "voor"):
                continue  # "het Duitse Bureau voor ...": an institution's name goes on
            if self.ref.lookup(" ".join(doc[run[0]:run[1]].text.split())) is not None:
                continue  # a name the reference knows is the gazetteer's to judge ("het Duitse Nice": none)
            self._add_name(doc, run[0], run[1], "Place", taken)

    def _named_bodies(self, doc: Doc) -> None:
        """``het persbureau Interfax``: one or two capitalised words after a noun for a press agency,
        broadcaster or think tank (``body_nouns``) name an organisation. A name found already, a
        longer capitalised run, or one the reference knows as something else is left alone."""
        found = words_where(doc, "LOWER", "units.bodies", _BODY_NOUNS.__contains__)
        if not found:
            return
        ns, tx = non_space(doc), texts(doc)
        taken = {i for s in mentions(doc) for i in range(s.start, s.end)}
        for k in found:
            run = _name_after(ns, tx, k, taken, hyphens=False)
            if run is None:
                continue
            s0, e0 = run
            if not doc.vocab[tx[s0].lower()].is_stop:  # "de omroep Die ...": a function word, no name
                self._add_name(doc, s0, e0, "Organisation", taken)

    def _linked_bodies(self, doc: Doc) -> None:
        """``het Haagse Centrum voor Strategische Studies``, ``de Universiteit van Tartu``: a capitalised
        institution noun (``linked_body_heads``), ``voor``/``van``, perhaps an article, and capitalised
        words (again after ``van``/``voor``/``en``) name an organisation; a state or place among them
        stays named too. A noun found already, or no capitalised word after the link, is none."""
        found = words_where(doc, "LOWER", "units.linked_bodies", _LINKED_HEADS.__contains__)
        if not found:
            return
        ns, tx, lw = non_space(doc), texts(doc), lowers(doc)
        taken = {i for s in mentions(doc) for i in range(s.start, s.end)}
        for k in found:
            if not tx[ns[k]][:1].isupper() or ns[k] in taken:
                continue
            j, end, first = k + 1, None, None
            while j < len(ns) and j - k <= 10 and lw[ns[j]] in _LINKS:
                c = j + 1 + (j + 1 < len(ns) and lw[ns[j + 1]] in _ARTICLES)
                e = c
                while e < len(ns) and e - c < 4 and self._name_word(doc, tx[ns[e]], lw[ns[e]]):
                    e += 1
                if e == c:
                    break
                first = c if first is None else first
                end, j = e, e
            if end is None or end < len(ns) and self._name_word(doc, tx[ns[end]], lw[ns[end]]):
                continue  # a longer run than can be delimited
            if end + 1 < len(ns) and lw[ns[end]] == "en" and self._name_word(doc, tx[ns[end + 1]], lw[ns[end + 1]]):
                continue  # "... Studies en Clingendael": one name with "en", or two names? Nothing
            if self._part_of_place(doc, ns, k, first, end):
                continue
            self._add_name(doc, ns[k], ns[end - 1] + 1, "Organisation", taken)

    @staticmethod
    def _part_of_place(doc: Doc, ns: list, k: int, first: int, end: int) -> bool:
        """``Centrum van Kyiv opnieuw getroffen``: the words after the link are one place or state, and the
        head is a noun of a part of a place (``centrum``) or opens its sentence (its capital says nothing):
        the middle of a city, no institution (``de Universiteit van Tartu`` mid-sentence still is one)."""
        lo, hi = ns[first], ns[end - 1] + 1
        if not any(m.start == lo and m.end == hi and m.label_ in ("Place", "Country") for m in mentions(doc)):
            return False
        return doc[ns[k]].lower_ in _PLACE_PART_HEADS or sent_bounds(doc, ns[k])[0] == ns[k]

    @staticmethod
    def _name_word(doc: Doc, text: str, low: str) -> bool:
        """A capitalised word (perhaps hyphenated) that is no function word: part of a name."""
        return text[:1].isupper() and text.replace("-", "").isalpha() and not doc.vocab[low].is_stop

    def _add_name(self, doc: Doc, s0: int, e0: int, cls: str, taken: set) -> None:
        """Tokens ``s0:e0`` name an entity of ``cls``: the reference entity of that name, else one
        keyed by the name; nothing when the reference knows the name as another class."""
        name = " ".join(doc[s0:e0].text.split())
        known = self.ref.lookup(name)
        if known is not None and known.cls != cls:
            return
        key = known.key if known is not None else cls.lower() + "/" + slugify(name)
        register_entity(doc, key, cls, known.label if known is not None else name)
        add_mention(doc, s0, e0, cls, key)
        taken.update(range(s0, e0))

    def _headed_bases(self, doc: Doc) -> None:
        """``op de Lucius D. Clay Kaserne``: one to four capitalised words or initials right before a
        capitalised base head (``base_heads``) and the head name a base, a Place. A run that starts
        its sentence, or touches a name already found, is left alone."""
        found = words_where(doc, "ORTH", "units.base_heads", _BASE_HEADS.__contains__)
        if not found:
            return
        ns, tx = non_space(doc), texts(doc)
        taken = {i for s in mentions(doc) for i in range(s.start, s.end)}
        for k in found:
            b = k
            while b - 1 >= 0 and k - b < 4 and ns[b - 1] == ns[b] - 1 and ns[b - 1] not in taken \
                    and tx[ns[b - 1]][:1].isupper() and (tx[ns[b - 1]].isalpha() or _initial(tx[ns[b - 1]])):
                b -= 1
            if b == k or ns[k] in taken or doc[ns[b]].is_sent_start or not tx[ns[b]].isalpha() \
                    or b - 1 >= 0 and ns[b - 1] in taken and ns[b - 1] == ns[b] - 1:
                continue
            name = " ".join(doc[ns[b]:ns[k] + 1].text.split())
            key = "place/" + slugify(name)
            register_entity(doc, key, "Place", name)
            add_mention(doc, ns[b], ns[k] + 1, "Place", key)
            taken.update(range(ns[b], ns[k] + 1))

    def _national_initiatives(self, doc: Doc) -> None:
        """``het Tsjechische munitie-initiatief``: a determiner, a country adjective and a lower-case
        compound on an initiative head name one state's initiative or fund, an Initiative."""
        found = words_where(doc, "LOWER", "units.national_initiatives", _is_initiative_compound)
        if not found:
            return
        from kg.nlp.components.acronyms import name_key
        ns, tx = non_space(doc), texts(doc)
        taken = {i for s in mentions(doc) for i in range(s.start, s.end)}
        for k in found:
            if k < 2 or not tx[ns[k]][:1].islower():
                continue
            adj, det = ns[k - 1], ns[k - 2]
            if not (adj == ns[k] - 1 and tx[adj][:1].isupper() and tx[det].lower() in _INITIATIVE_DETS) \
                    or doc[adj].is_sent_start or {adj, ns[k]} & taken or self.ref.country_of_adjective(tx[adj]) is None:
                continue
            name = f"{tx[adj]} {tx[ns[k]]}"
            key = name_key("Initiative", name)
            register_entity(doc, key, "Initiative", name)
            add_mention(doc, adj, ns[k] + 1, "Initiative", key)


def _initial(word: str) -> bool:
    """``D.``: a capital and a full stop, a person's initial inside a name."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


@Language.factory("kg_units")
def make_units(nlp, name):
    """spaCy factory for :class:`UnitFinder`."""
    return UnitFinder()
