"""Component kg_persons: persons named with an office, in signatures, as members and in motions.

General Dutch patterns over the compact word sequence (``kg_fold``):

* ``[de] [Oekraïense] <office> [van <Country|Organisation>] [(…)] [,] <Name> [van <Country>]``
  — ``secretaris-generaal Jens Stoltenberg``, ``Koning Abdullah II van Jordanië``,
  ``EU HV Kaja Kallas``; a signature block is the same pattern with a comma
  and a line break (``De Minister van Buitenlandse Zaken,\\nC.C.J. Veldkamp``);
* the ministry may follow the name: ``minister <Name> van Defensie``,
  ``minister <Name> (Buitenlandse Zaken)``; the jurisdiction may be a compound
  prefix: ``NAVO-secretaris-generaal``, ``Europese Raad-voorzitter``;
* a qualifier is part of the office (``persons.json`` "office_qualifiers"):
  ``plaatsvervangend SG`` is the deputy secretary-general, not the
  secretary-general; likewise ``waarnemend``, ``beoogd``, ``oud-``/``voormalig``, and
  ``a.i.``/``ad interim`` after the office (``minister van Defensie a.i. X``: acting);
* counterparts of listed states: ``zijn ambtgenoten uit Finland en Zweden, A en B``,
  ``haar Deense en Noorse collega's A en B``, ``zijn ambtgenoot uit Finland, A`` (one name
  per state, in the same place; ``Counterpart`` each);
* ``het lid <Name>`` (a member of parliament); ``zei|aldus|benadrukte <Name>``;
* ``motie [van het lid] <Name> [c.s.]`` and ``Motie 28 676, nr. 365 – <Name>``
  (a kg:Motion and its submitter);
* the full name of a well-known office holder (``persons.json``: ``Jens
  Stoltenberg``, ``Volodymyr Zelenskyy``) is a mention wherever it stands;
* afterwards every bare occurrence of a known surname is a mention too.

Offices come from ``ontology/reference/offices.json``, pattern words from
``persons.json`` beside this file. Office mentions are left in
``doc.user_data["kg_offices"]`` and motions in ``doc.user_data["kg_motions"]``
for the extract stage (people, document).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg import reference
from kg.names import ROMAN, given_names, is_initials, normalise_name, person_key, surname
from kg.nlp.components.acronyms import is_acronym
from kg.nlp.components.docindex import sent_bounds
from kg.nlp.components.fold import Word, compact_tokens, newline_between
from kg.nlp.spans import GROUP, add_mention, register_entity
from kg.nlp.components.fold import fold, ref_adjective, ref_lookup  # fold: memoised kg.slug.fold
from kg.slug import slugify

WORDS = json.loads(Path(__file__).with_name("persons.json").read_text("utf-8"))
_NUMBERISH = re.compile(r"^\d[\w.,-]*$|^nr\.?$", re.I)
_DASHES = {"-", "–", "—", "‒"}
_ROLE_NOUNS = frozenset(WORDS["role_nouns"])
_RANKS = frozenset(WORDS["military_ranks"])
_NATIONALS = frozenset(WORDS["nationality_nouns"])
_LONG_ROLES = tuple(r for r in WORDS["role_nouns"] if len(r) >= 9)  # heads of closed compounds: "kremlinwoordvoerder"
_TITLES = {"mevrouw", "mevr.", "dhr.", "mw."}  # forms of address before a name (besides "de heer")
# Academic titles before a name ("drs. K.H. X", "mr. dr. X", "Prof.dr.ir. X"): never part of it.
_ACADEMIC = re.compile(r"^(?:(?:%s)\.)*(?:%s)\.?$" % (("|".join(WORDS["academic_titles"]),) * 2))


@dataclass
class OfficeMention:
    """An office + name occurrence, for ``kg.extract.people`` and ``kg.extract.document``."""

    person: str  # person key
    role: str  # office role label ("minister van Buitenlandse Zaken")
    minister: bool
    jurisdiction: str | None  # country/organisation key named in the text
    default_jurisdiction: str | None  # applies when nothing is named
    start: int  # token span of the whole pattern
    end: int
    signature: bool = False  # "De <office>,\n<Name>"
    name_start: int = 0
    name_end: int = 0
    jurisdiction_classes: tuple[str, ...] = ()  # what the jurisdiction may be ("Country")
    qualifier: str | None = None  # "plaatsvervangend", "waarnemend", "beoogd", "oud-"
    base_role: str = ""  # the role without its qualifier


_COUNTERPART_OWNERS = frozenset({"mijn", "zijn", "haar"})


@dataclass
class Counterpart:
    """``zijn Afghaanse collega X``: X holds, in that country, the post of the one whose
    counterpart X is (``owner``: the possessive, ``mijn`` for the writer); ``kg.extract.people``."""

    person: str
    country: str | None  # None: the state of the owner's office ("zijn collega van Defensie, X")
    owner: str  # folded possessive before the adjective ("mijn", "zijn", "haar"), or another word
    start: int  # token span from the possessive to the end of the name
    end: int
    noun: str = ""  # the counterpart word, folded ("ambtgenoot" says: the same office; "collega" less)
    role: str = ""  # the portfolio named after the word ("zijn collega van Buitenlandse Zaken"): another post


class Persons:
    """The kg_persons component."""

    def __init__(self, tokenize):
        self.ref = reference.load()
        self.particles = set(WORDS["particles"])
        self.roman = WORDS["roman_numerals"]
        self.not_names = set(WORDS["not_names"])
        self.modifiers = set(WORDS["office_modifiers"])
        self.qualifiers: dict[str, str] = WORDS["office_qualifiers"]  # folded word -> qualifier
        self.qualifier_prefixes: dict[str, str] = WORDS["office_qualifier_prefixes"]  # "oud" (oud-premier)
        # "a.i.", "ad interim" after the office: folded word tuple -> qualifier
        self.qualifiers_after = {tuple(k.split()): v for k, v in WORDS["office_qualifiers_after"].items()}
        self.office_forms: dict[tuple[str, ...], reference.Office] = {}
        for off in self.ref.offices:
            for form in off.forms:
                words = tuple(fold(t.text) for t in tokenize(form) if not t.is_space)
                self.office_forms.setdefault(words, off)
                self.not_names.update(w for w in words if len(w) > 2)
        self.max_office = max(len(k) for k in self.office_forms)
        self.office_first: dict[str, int] = {}
        for k in self.office_forms:
            self.office_first[k[0]] = max(self.office_first.get(k[0], 0), len(k))
        from spacy.lang.nl.stop_words import STOP_WORDS
        self.stop = {fold(w) for w in STOP_WORDS}
        # Full names (two words or more) of reference persons -> person key.
        self.full_names: dict[tuple[str, ...], str] = {}
        for person in self.ref.persons.values():
            for form in (person.label, *person.names):
                words = tuple(fold(t.text) for t in tokenize(form) if not t.is_space)
                if len(words) > 1:
                    self.full_names.setdefault(words, person.key)
            if person.alone:  # a surname that names the person on its own (Stoltenberg, Poetin)
                for form in (person.label, *person.names):
                    words = tuple(fold(t.text) for t in tokenize(surname(form)) if not t.is_space)
                    if len(words) == 1 and not is_initials(surname(form)):
                        self.full_names.setdefault(words, person.key)
        self.full_first: dict[str, int] = {}
        for k in self.full_names:
            self.full_first[k[0]] = max(self.full_first.get(k[0], 0), len(k))
        self.ruler_heads = frozenset(WORDS.get("ruler_compound_heads", ()))
        self.succession = frozenset(WORDS["succession_words"] + WORDS["succession_passive"] + WORDS["succession_verbs"])
        # Words at which a pattern of ``__call__`` can start (besides any word
        # with a hyphen: compound offices, ``motie-Boswijk``).
        self.triggers = set(self.office_first).union(self.qualifiers,
            WORDS["plural_offices"], WORDS["honorifics"], WORDS["motion_words"], WORDS["counterpart_words"],
            WORDS["counterpart_plurals"],
            self.succession,
            WORDS["speech_verbs"], WORDS["member_words"], _ROLE_NOUNS, _NATIONALS)

    # --- words -----------------------------------------------------------------
    def _entity_at(self, doc: Doc) -> dict[int, tuple]:
        """Token index -> (start, end, cls, key) of the gazetteer span covering it."""
        at = {}
        for span in doc.spans[GROUP] if GROUP in doc.spans else []:
            if span.label_ in ("Country", "Organisation", "Place") and not self._compound_head(span):
                for i in range(span.start, span.end):
                    at[i] = (span.start, span.end, span.label_, span.kb_id_)
        return at

    def _compound_head(self, span) -> bool:
        """A one-token compound that names an organisation only by its head (``NAVO-secretaris-generaal``)."""
        if len(span) != 1 or "-" not in span.text:
            return False
        whole = ref_lookup(self.ref, span.text)
        return whole is None or whole.key != span.kb_id_

    @staticmethod
    def _role_noun(norm: str) -> bool:
        """``woordvoerder``, ``oud-diplomaat``, ``kremlinwoordvoerder``: a role word (``role_nouns``),
        alone or as the head of a compound."""
        if norm in _ROLE_NOUNS:
            return True
        head = norm.rsplit("-", 1)[-1]
        if head in _ROLE_NOUNS:
            return True
        return any(norm.endswith(r) and len(norm) - len(r) >= 4 for r in _LONG_ROLES)

    @staticmethod
    def _national(words, i: int) -> bool:
        """``de Nederlander``, ``de Roemeen``: a national, capitalised after ``de``, names the person after it."""
        return words.norms[i] in _NATIONALS and words.texts[i][:1].isupper() and i > 0 and words.norms[i - 1] == "de"

    def _is_name_word(self, w: Word, ents: dict) -> bool:
        t = w.text
        if w.start in ents or not t[:1].isupper() or w.norm in self.not_names:
            return False
        if is_initials(t):
            return True
        if not any(c.islower() for c in t):  # acronyms and headings
            return False
        # Short function words (De, Het, Ook, Zij) are never names; longer stop
        # words can be (Anders Fogh Rasmussen).
        if w.norm in self.stop and w.norm not in self.particles and len(w.norm) <= 4:
            return False
        return bool(re.match(r"^[^\W\d_][\w'’.-]*$", t)) and not t.endswith(".")

    def parse_name(self, words: list[Word], j: int, doc: Doc, ents: dict) -> int:
        """End index (exclusive) of the name starting at word ``j``; ``j`` if none."""
        k, real = j, 0
        while k < len(words) and k - j < 6:
            w = words[k]
            if k > j and self._newline_between(doc, words[k - 1], w):
                break
            if self._is_name_word(w, ents):
                k += 1
                if not is_initials(w.text):
                    real += 1
                continue
            if real and self._prefixed_surname(w.text):  # "Najib al-Rashid", "Abdel Fattah el-Sisi"
                k += 1
                real += 1
                continue
            # a regnal number ends the name (Felipe VI, Frederik X; OCR'd "Il" too)
            if real and (w.text in ROMAN or w.text in self.roman or (w.norm in self.roman and w.text[:1] == "I")):
                k += 1
                break
            if w.norm in self.particles and (k > j or w.text[:1].isupper()):
                m = k  # a run of particles ("van der") must lead to a name word on the same line
                while m < len(words) and words.norms[m] in self.particles and m - k < 3:
                    m += 1
                # "op"/"in" are particles only before an article ("Op den Akker", "in 't Veld"):
                # "Elizabeth op Buckingham Palace" is a name and a place
                weak = words.norms[k] in WORDS["weak_particles"] and m - k < 2
                if not weak and m < len(words) and self._is_name_word(words[m], ents) and not is_initials(words.texts[m]) \
                        and not self._newline_between(doc, words[k], words[m]):
                    k = m
                    continue
            break
        # trim trailing initials/particles
        while k > j and (is_initials(words.texts[k - 1]) or words.norms[k - 1] in self.particles):
            k -= 1
        if not any(not is_initials(words.texts[x]) for x in range(j, k)):
            return j
        return k

    def _prefixed_surname(self, t: str) -> bool:
        """A surname written with a lower-case particle joined by a hyphen (``al-Rashid``,
        ``el-Sisi``, ``bin-Salman``): part of a name after a name word."""
        pre, sep, rest = t.partition("-")
        return bool(sep) and pre in self.particles and rest[:1].isupper() and rest.replace("-", "").isalpha()

    @staticmethod
    def _newline_between(doc: Doc, a: Word, b: Word) -> bool:
        return newline_between(doc, a.end - 1, b.start)

    def _name_text(self, words: list[Word], j: int, k: int) -> str:
        parts = []
        for w in words[j:k]:
            parts.append(self.roman.get(w.norm, w.text) if w.text[:1] == "I" and w.norm in self.roman else w.text)
        return normalise_name(" ".join(parts))

    def _forms_from(self, first: str, words: list[Word], j: int):
        """Longest office form that starts with the word ``first`` and goes on at word ``j``: (office, end)."""
        for n in range(min(self.office_first.get(first, 0) - 1, len(words) - j), -1, -1):
            off = self.office_forms.get((first, *words.norms[j:j + n]))
            if off:
                return off, j + n
        return None

    def _office_at(self, doc: Doc, words: list[Word], i: int):
        """(office, end word index, jurisdiction key from a compound prefix, first word, qualifier) at word ``i``."""
        norm = words.norms[i]
        if norm not in self.office_first and "-" not in norm:
            return None  # most words: neither starts an office nor is a compound
        got = self._forms_from(norm, words, i + 1) if norm in self.office_first else None
        if got:
            return got[0], got[1], None, i, None
        if "-" not in norm:
            return None
        head, rest = norm.split("-", 1)
        if head in self.qualifier_prefixes:  # oud-premier, ex-minister van Defensie
            got = self._forms_from(rest, words, i + 1)
            if got:
                return got[0], got[1], None, i, self.qualifier_prefixes[head]
            return None
        off = self.office_forms.get((rest,))
        if not off:
            return None
        ent = ref_lookup(self.ref, head)
        if ent and ent.cls in ("Country", "Organisation"):  # NAVO-secretaris-generaal
            return off, i + 1, ent.key, i, None
        head_text = words.texts[i].split("-", 1)[0]
        for back in (1, 2):  # Europese Raad-voorzitter: the name starts before the compound
            if i - back < 0 or self._newline_between(doc, words[i - back], words[i]):
                break
            ent = ref_lookup(self.ref, " ".join([*words.texts[i - back:i], head_text]))
            if ent and ent.cls in ("Country", "Organisation"):
                return off, i + 1, ent.key, i - back, None
        return None

    def _qualifier_before(self, words, i: int) -> str | None:
        """A qualifier just before the office, past modifiers and a country adjective
        (``de voormalige Amerikaanse president``, ``plaatsvervangend SG``)."""
        k = i - 1
        while k >= 0 and i - k <= 3:
            norm = words.norms[k]
            if norm in self.qualifiers:
                return self.qualifiers[norm]
            if norm in self.modifiers or ref_adjective(self.ref, words.texts[k]):
                k -= 1
                continue
            break
        return None

    def _qualifier_after(self, words, j: int) -> tuple[str | None, int]:
        """A qualifier written after the office and its jurisdiction (``a.i.``, ``ad interim``):
        (qualifier, index after it), else (None, ``j``)."""
        for n in (2, 1):
            got = self.qualifiers_after.get(tuple(words.norms[j:j + n]))
            if got:
                return got, j + n
        return None, j

    def _ministry_after(self, words, base: tuple[str, ...], k: int):
        """``minister <Name> van Defensie`` / ``minister <Name> (Defensie)``: the fuller office after the name."""
        if k >= len(words):
            return None
        if words.texts[k] == "(":
            close = next((x for x in range(k + 1, min(k + 6, len(words))) if words.texts[x] == ")"), None)
            if close is None or close == k + 1:
                return None
            inner = tuple(words.norms[k + 1:close])
            for link in WORDS["ministry_links"]:
                off = self.office_forms.get((*base, link, *inner))
                if off:
                    return off, close + 1
            return None
        if words.norms[k] not in WORDS["ministry_links"]:
            return None
        for n in range(min(6, len(words) - k), 1, -1):
            off = self.office_forms.get((*base, *words.norms[k:k + n]))
            if off:
                return off, k + n
        return None

    def _jurisdiction_after(self, doc, words, j, ents, bare: bool = False):
        """``van [de] <Country|Organisation>`` at word j -> (key, new j); with ``bare``
        also an organisation right after the office on its line (``SG NAVO``)."""
        if bare and 0 < j < len(words) and words.starts[j] in ents and ents[words.starts[j]][2] == "Organisation" \
                and not self._newline_between(doc, words[j - 1], words[j]):
            e, key = ents[words.starts[j]][1], ents[words.starts[j]][3]
            k = j
            while k < len(words) and words.starts[k] < e:
                k += 1
            return key, k
        if j < len(words) and words.norms[j] in WORDS["jurisdiction_links"]:
            k = j + 1
            if k < len(words) and words.norms[k] in WORDS["jurisdiction_dets"]:
                k += 1
            if k < len(words) and words.starts[k] in ents:
                s, e, cls, key = ents[words.starts[k]]
                if cls in ("Country", "Organisation"):
                    while k < len(words) and words.starts[k] < e:
                        k += 1
                    return key, k
        return None, j

    @staticmethod
    def _unknown_body_after(words, j: int) -> int:
        """``de voorzitter van de NTC, X``: a body only its acronym names, unknown to the reference
        data, before the comma that opens the name: the index of that comma (whose office it is
        stays unsaid), else 0."""
        if j + 2 >= len(words) or words.norms[j] not in WORDS["jurisdiction_links"]:
            return 0
        k = j + 1 + (words.norms[j + 1] in WORDS["jurisdiction_dets"])
        if k + 1 < len(words) and words.texts[k + 1] == "," and is_acronym(words.texts[k]):
            return k + 1
        return 0

    def _adjective_before(self, words, i, ents):
        """Country adjective (or organisation) just before the office, skipping modifiers."""
        k = i - 1
        while k >= 0 and (words.norms[k] in self.modifiers or words.norms[k] in self.qualifiers):
            k -= 1
        if k < 0:
            return None
        k = self._counterpart_adjective(words, k)
        country = ref_adjective(self.ref, words.texts[k])
        if country:
            return country.key
        if words.starts[k] in ents and ents[words.starts[k]][2] == "Organisation":
            return ents[words.starts[k]][3]
        return None

    def _counterpart_adjective(self, words, k: int) -> int:
        """An office in apposition to a counterpart (``mijn Australische ambtgenoot, [de] minister
        van Defensie X``) is that country's: the index of the adjective before the counterpart
        word, else ``k`` unchanged."""
        m = k
        if m >= 0 and words.norms[m] in WORDS["jurisdiction_dets"]:
            m -= 1
        if m >= 0 and words.texts[m] == ",":
            m -= 1
        if m < 1 or words.norms[m] not in WORDS["counterpart_words"]:
            return k
        m -= 1
        while m > 0 and words.norms[m] in self.modifiers:
            m -= 1
        return m if ref_adjective(self.ref, words.texts[m]) else k

    # --- patterns --------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        words = compact_tokens(doc)
        ents = self._entity_at(doc)
        offices: list[OfficeMention] = []
        motions: list[tuple[str, int, int]] = []
        counterparts: list[Counterpart] = []
        took: list[tuple] = []  # offices after "aangetreden als": their holder is named before
        names: dict[str, tuple[str, str]] = {}  # person key -> (cls, label)
        taken: set[int] = set()
        # Every pattern starts at a trigger word; the scan jumps from one to the next
        # (``i`` only moves forward).
        triggers = self.triggers
        # (each distinct word tested once: the suffix test is the costly one)
        start_words = {norm for norm in set(words.norms)
                       if norm in triggers or "-" in norm or norm.endswith(_LONG_ROLES)}
        starts = [x for x, norm in enumerate(words.norms) if norm in start_words]
        n_starts, s_at = len(starts), 0
        i = 0
        while i < len(words):
            while s_at < n_starts and starts[s_at] < i:
                s_at += 1
            if s_at == n_starts:
                break
            i = starts[s_at]
            got = self._office_at(doc, words, i)
            if got and words.starts[i] not in ents:
                off, j, jur, first, qualifier = got
                one_word = j == i + 1  # "minister", "staatssecretaris": the ministry may follow the name
                qualifier = qualifier or self._qualifier_before(words, first)
                jur = jur or self._adjective_before(words, first, ents)
                after, j = self._jurisdiction_after(doc, words, j, ents, bare=True)
                jur = jur or after
                late, j = self._qualifier_after(words, j)  # "minister van Defensie a.i. X"
                qualifier = qualifier or late
                unknown = not after and self._unknown_body_after(words, j)
                if unknown:  # the office of a body the text names only by an unknown acronym: no office
                    j = unknown
                if j < len(words) and words.texts[j] == "(":  # "(EU HV)" before the name
                    close = next((x for x in range(j, min(j + 6, len(words))) if words.texts[x] == ")"), None)
                    j = close + 1 if close is not None else j
                elif j < len(words) and words.texts[j] == ")":
                    j += 1
                comma = j < len(words) and words.texts[j] == ","
                rank = None  # "(SACEUR), de Amerikaanse generaal X": the rank's own mention is read next
                if comma:
                    j += 1
                    j = self._after_title(words, j)  # "de minister van Defensie, de heer Hillen,"
                    rank = None if off.minister else self._rank_before_name(words, j)
                elif not off.minister:
                    rank = self._rank_before_name(words, j, bare=True)  # "SACEUR generaal X"
                if rank is not None:
                    rank, j = rank
                # A name on the next line belongs to the office only in a signature ("…,\nName").
                on_next_line = j < len(words) and self._newline_between(doc, words[j - 1], words[j])
                k = self.parse_name(words, j, doc, ents) if comma or not on_next_line else j
                if on_next_line and k > j and k - j < 2 and not is_initials(words.texts[j]):
                    k = j  # "Geachte Voorzitter,\nGraag …": a lone word on the next line is no signature
                if k > j:
                    label = self._name_text(words, j, k)
                    name_end = k
                    if one_word and not after and not comma:  # minister <Name> van Defensie / (Defensie)
                        fuller = self._ministry_after(words, self._office_words(words, i, off), k)
                        if fuller:
                            off, k = fuller
                    tail, k2 = self._jurisdiction_after(doc, words, k, ents)
                    jur = jur or tail
                    minister = off.minister and qualifier not in WORDS["not_holding_qualifiers"]
                    cls = "Minister" if minister else "Person"
                    key = self._person(doc, names, person_key(label), cls, label, words.starts[j],
                                       words.ends[name_end - 1], off.role)
                    taken.update(range(words.starts[j], words.ends[name_end - 1]))
                    line_start = first == 0 or self._newline_between(doc, words[first - 1], words[first]) or (
                        first >= 1 and words.norms[first - 1] == "de" and (
                            first == 1 or self._newline_between(doc, words[first - 2], words[first - 1])))
                    signature = comma and line_start and (any(is_initials(w.text) for w in words[j:name_end])
                                                          or on_next_line)
                    role = self._qualified(off.role, qualifier)
                    base = self.ref.office_by_role(role) if qualifier else None  # a post of its own (deputy SG)
                    if not unknown:
                        offices.append(OfficeMention(key, role, minister, jur,
                                                     (base or off).default_jurisdiction,
                                                     words.starts[first], words.ends[k - 1], signature,
                                                     words.starts[j], words.ends[name_end - 1],
                                                     (base or off).jurisdiction_classes, qualifier,
                                                     role if base else off.role))
                    i = rank if rank is not None else k
                    continue
                if first >= 2 and words.norms[first - 1] == "als" and words.norms[first - 2] in WORDS["took_office"]:
                    took.append((first, j, off, qualifier, jur))  # "X is … aangetreden als <office>"
                i = j if j > i else i + 1
                continue
            if words.norms[i] in WORDS["counterpart_plurals"] or words.norms[i] in WORDS["counterpart_words"]:
                k = self._counterpart_list(doc, words, i, ents, names, taken, counterparts)
                if k > i + 1:
                    i = k
                    continue
            if words.norms[i] in WORDS["plural_offices"] and i + 1 < len(words):
                k = self._plural(doc, words, i, ents, names, taken, offices)
                if k > i + 1:
                    i = k
                    continue
            if words.norms[i] in self.succession:
                k = self._succession(doc, words, i, ents, names, taken)
                if k > i + 1:
                    i = k
                    continue
            if words.norms[i] in WORDS["counterpart_words"]:
                k = self._counterpart(doc, words, i, ents, names, taken, counterparts)
                if k > i + 1:
                    i = k
                    continue
            if words.norms[i] in WORDS["honorifics"] and (words.norms[i] != "heer" or i and words.norms[i - 1] == "de"):
                k = self.parse_name(words, i + 1, doc, ents)
                if k > i + 1 and not self._newline_between(doc, words[i], words[i + 1]):
                    label = self._name_text(words, i + 1, k)
                    self._person(doc, names, person_key(label), "Person", label, words.starts[i + 1], words.ends[k - 1])
                    taken.update(range(words.starts[i + 1], words.ends[k - 1]))
                    i = k
                    continue
            if words.norms[i].startswith("motie-") and words.texts[i][6:7].isupper():
                m = self._hyphen_motion(doc, words, i, ents, names)  # "motie-Van Wijngaarden"
            elif words.norms[i] in WORDS["motion_words"]:
                m = self._motion(doc, words, i, ents, names)  # "de motie van het lid X"
            else:
                m = None
            if m:
                motions.append(m)
                taken.update(range(m[1], m[2]))
                i += 1
                continue
            if self._role_noun(words.norms[i]) or self._national(words, i):  # "Kremlinwoordvoerder Dmitri Peskov"
                k = self.parse_name(words, i + 1, doc, ents)
                if k > i + 2 and not self._newline_between(doc, words[i], words[i + 1]) \
                        and not any(words.starts[x] in taken for x in range(i + 1, k)):
                    label = self._name_text(words, i + 1, k)
                    self._person(doc, names, person_key(label), "Person", label, words.starts[i + 1], words.ends[k - 1])
                    taken.update(range(words.starts[i + 1], words.ends[k - 1]))
                    i = k
                    continue
            if words.norms[i] in WORDS["speech_verbs"] and words.texts[i].islower():
                if i + 1 < len(words) and self._role_noun(words.norms[i + 1]):
                    i += 1  # "zei Kremlin-woordvoerder X": the role word's reading names X, without it
                    continue
                k = self.parse_name(words, i + 1, doc, ents)
                if k > i + 1 and not self._newline_between(doc, words[i], words[i + 1]):
                    label = self._name_text(words, i + 1, k)
                    self._person(doc, names, person_key(label), "Person", label, words.starts[i + 1], words.ends[k - 1])
                    taken.update(range(words.starts[i + 1], words.ends[k - 1]))
                    i = k
                    continue
            if words.norms[i] == "leden" and i > 0 and words.norms[i - 1] == "de":
                k = self._members(doc, words, i + 1, ents, names, taken)
                if k > i + 1:
                    i = k
                    continue
            if words.norms[i] in WORDS["member_words"] and i > 0 and words.norms[i - 1] in WORDS["member_dets"]:
                k = self.parse_name(words, i + 1, doc, ents)
                if k > i + 1:
                    label = self._name_text(words, i + 1, k)
                    self._person(doc, names, person_key(label), "Person", label, words.starts[i + 1], words.ends[k - 1])
                    taken.update(range(words.starts[i + 1], words.ends[k - 1]))
                    i = k
                    continue
            i += 1
        self._ruler_compounds(doc, words, names, taken, ents)
        self._full_names(doc, words, names, taken, ents)
        self._bare_surnames(doc, words, names, taken, ents)
        for first, j, off, qualifier, jur in took:
            got = self._took_office(doc, words, first, j, off, qualifier, jur)
            if got is not None:
                offices.append(got)
        doc.user_data["kg_offices"] = offices
        doc.user_data["kg_motions"] = motions
        doc.user_data["kg_counterparts"] = counterparts
        return doc

    def _took_office(self, doc, words, first: int, j: int, off, qualifier, jur) -> OfficeMention | None:
        """``De Roemeen X is per 17 oktober aangetreden als plaatsvervangend secretaris-generaal``:
        the office (words ``first``..``j``) of the one person named before it in its sentence, with
        no other person between (a pronoun subject names no one here)."""
        s0 = sent_bounds(doc, words.starts[first])[0]
        persons = [sp for sp in doc.spans.get(GROUP, []) if sp.label_ in ("Person", "Minister")
                   and s0 <= sp.start and sp.end <= words.starts[first]]
        if len(persons) != 1 or words.starts[first] - persons[0].end > 16:
            return None
        sp = persons[0]
        role = self._qualified(off.role, qualifier)
        base = self.ref.office_by_role(role) if qualifier else None
        minister = off.minister and qualifier not in WORDS["not_holding_qualifiers"]
        return OfficeMention(sp.kb_id_, role, minister, jur, (base or off).default_jurisdiction,
                             sp.start, words.ends[j - 1], False, sp.start, sp.end,
                             (base or off).jurisdiction_classes, qualifier, role if base else off.role)

    @staticmethod
    def _after_title(words, j: int) -> int:
        """Past a form of address opening an apposition to an office (``, de heer``, ``, mevrouw``)."""
        if j + 1 < len(words) and words.norms[j] == "de" and words.norms[j + 1] == "heer":
            return j + 2
        if j < len(words) and words.norms[j] in _TITLES:
            return j + 1
        return _after_academic(words, j)

    def _rank_before_name(self, words, j: int, bare: bool = False) -> tuple[int, int] | None:
        """``(SACEUR), de Amerikaanse generaal X``, ``SACEUR generaal X`` (``bare``: right after the
        office): a military rank (``military_ranks``), with ``de`` and a country's adjective before
        it unless ``bare``, between a (non-ministerial) office and its holder's name: (the first
        word of the rank, the name's first word); else None."""
        m = j
        if not bare and m < len(words) and words.norms[m] == "de":
            m += 1
        if not bare and m < len(words) and ref_adjective(self.ref, words.texts[m]):
            m += 1
        if m + 1 < len(words) and words.norms[m] in _RANKS and words.texts[m + 1][:1].isupper():
            return j, m + 1
        return None

    @staticmethod
    def _office_words(words, i: int, off) -> tuple[str, ...]:
        """The folded words that named the office at ``i`` (a compound's office part: ``oud-minister`` -> minister)."""
        norm = words.norms[i]
        if "-" in norm and norm not in off.forms:
            return (norm.split("-", 1)[1],)
        return (norm,)

    @staticmethod
    def _qualified(role: str, qualifier: str | None) -> str:
        """``plaatsvervangend secretaris-generaal``, ``oud-minister-president``."""
        if not qualifier or role.startswith(qualifier):
            return role
        return qualifier + role

    def _person(self, doc, names, key, cls, label, start, end, role: str | None = None) -> str:
        """Mention and register a person; the key it got (a bare surname may join an earlier full name)."""
        if not key.startswith("person/"):  # a person is never minted on another kind's key
            return key
        if key not in names:  # "aldus Lopes Ferreira" after "minister Maria Lopes Ferreira": her surname
            key = self._named_before(names, key, label, role)
        elif key not in self.ref.persons and _other_given(names[key][1], label):  # "Karel Jansen" after "Piet Jansen": someone else
            key = "person/" + slugify(label)
        add_mention(doc, start, end, cls, key)
        register_entity(doc, key, cls, label)
        have = names.get(key)
        if have is None or (cls == "Minister" and have[0] == "Person"):
            names[key] = (cls, label if have is None else have[1])
        return key

    def _named_before(self, names, key: str, label: str, role: str | None) -> str:
        """A bare surname (``minister Niinistö``) after the one full name of that surname in the
        document (``Jussi Niinistö``) is that person: its key; ``key`` when the document named no
        one, or more than one, of that surname, or when ``role`` is an office the reference person
        of ``key`` held (``president Niinistö`` is the president)."""
        folded = fold(label)
        got = {k for k, (_, have) in names.items() if have != label and fold(surname(have)) == folded}
        if len(got) != 1:
            return key
        ref = self.ref.persons.get(key)
        if ref is not None and role and any(t.role == role for t in ref.tenures):
            return key
        return got.pop()

    def _plural(self, doc, words, i, ents, names, taken, offices=None) -> int:
        """``de ministers [van Buitenlandse Zaken en Defensie,] Smit en De Boer``,
        ``de presidenten van Finland en Estland, Niinistö en Karis``: each name a person (and
        with as many states as names, each the office of the state in its place: ``_respective``)."""
        minister = WORDS["plural_offices"][words.norms[i]]
        j = i + 1
        # skip a ministry or state description up to a comma: only office words, links and
        # the states or organisations whose office it is
        k = j
        while k < len(words) and k - j < 8 and (words.norms[k] in self.not_names or words.norms[k] in ("van", "voor", "en")
                                                or k > j and self._jurisdiction_word(words, k, ents)):
            k += 1
        if k > j and k < len(words) and words.texts[k] == ",":
            j = k + 1
        elif k > j:
            return i + 1
        end = self.parse_name(words, j, doc, ents)
        if end == j or self._newline_between(doc, words[j - 1], words[j]):
            return i + 1
        found = [(j, end)]
        while end + 1 < len(words) and words.norms[end] in WORDS["coordinators"]:
            nxt = self.parse_name(words, end + 1, doc, ents)
            if nxt == end + 1:
                break
            found.append((end + 1, nxt))
            end = nxt
        if len(found) < 2 and k == j:
            return i + 1  # "ministers Kuleba" alone is fine, but demand a list without a ministry
        held = self._respective(words, i, j - 1, ents, len(found)) if k > i + 1 and offices is not None else None
        for n, (a, b) in enumerate(found):
            label = self._name_text(words, a, b)
            key = self._person(doc, names, person_key(label), "Minister" if minister else "Person", label,
                               words.starts[a], words.ends[b - 1])
            taken.update(range(words.starts[a], words.ends[b - 1]))
            if held is not None:
                off, jur = held[0], held[1][n]
                offices.append(OfficeMention(key, off.role, off.minister, jur, off.default_jurisdiction,
                                             words.starts[i], words.ends[b - 1], False, words.starts[a],
                                             words.ends[b - 1], off.jurisdiction_classes, None, off.role))
        return end

    def _respective(self, words, i: int, comma: int, ents: dict, count: int):
        """``de ministers van Buitenlandse Zaken van Georgië en Oekraïne, A en B``: the singular
        office of the plural at word ``i`` and the states (or organisations) named up to the comma,
        in order, when there are exactly ``count`` of them (one per name, in the same place);
        else None."""
        singular = WORDS["plural_singulars"].get(words.norms[i])
        got = self._forms_from(singular, words, i + 1) if singular else None
        if not got:
            return None
        off, k = got
        jurs: list[str] = []
        while k < comma:
            at = ents.get(words.starts[k])
            if at is not None and at[2] in ("Country", "Organisation"):
                if at[3] in jurs:
                    return None
                jurs.append(at[3])
                while k < comma and words.starts[k] < at[1]:
                    k += 1
                continue
            if words.norms[k] not in ("van", "en", "de", "het"):
                return None
            k += 1
        return (off, jurs) if len(jurs) == count and count > 1 else None

    @staticmethod
    def _jurisdiction_word(words, k: int, ents: dict) -> bool:
        """Word ``k`` belongs to a country or organisation the gazetteer named (``van Oekraïne en Georgië``)."""
        got = ents.get(words.starts[k])
        return got is not None and got[2] in ("Country", "Organisation")

    def _members(self, doc, words, j, ents, names, taken) -> int:
        """``de leden Dassen (Volt) en Paternotte (D66)``: members of parliament, each with an
        optional party in brackets; two names at least. Returns the index after the list (j: none)."""
        found, start = [], j
        while j < len(words):
            k = self.parse_name(words, j, doc, ents)
            if k == j:
                break
            found.append((j, k))
            j = k
            if j < len(words) and words.texts[j] == "(":  # the party
                close = next((x for x in range(j + 1, min(j + 6, len(words))) if words.texts[x] == ")"), None)
                if close is None:
                    break
                j = close + 1
            if j + 1 < len(words) and (words.norms[j] in WORDS["coordinators"] or words.texts[j] == ","):
                j += 1
                continue
            break
        if len(found) < 2:
            return start
        for a, b in found:
            label = self._name_text(words, a, b)
            self._person(doc, names, person_key(label), "Person", label, words.starts[a], words.ends[b - 1])
            taken.update(range(words.starts[a], words.ends[b - 1]))
        return found[-1][1]

    def _succession(self, doc, words, i, ents, names, taken) -> int:
        """Persons named as succeeding or preceded: ``zijn voorganger X``, ``de opvolger van X``,
        ``opgevolgd door X`` (the index after the name), and ``die X was opgevolgd``, ``die X
        opvolgt`` (the name before; ``i + 1``)."""
        norm = words.norms[i]
        owned = i > 0 and words.norms[i - 1] in WORDS["succession_owners"]  # "zijn voorganger"
        if not owned and not self._person_before(doc, words, i):
            return i + 1  # operations and plans succeed each other too: a person must be in view
        if norm in WORDS["succession_passive"] and i + 1 < len(words) and words.norms[i + 1] == "door":
            j = i + 2
        elif norm in WORDS["succession_words"]:
            j = i + 2 if i + 1 < len(words) and words.norms[i + 1] == "van" else i + 1
        else:
            j = None
        if j is not None:
            k = self.parse_name(words, j, doc, ents) if j < len(words) else j
            if k > j and not self._newline_between(doc, words[i], words[j]):
                self._named(doc, words, j, k, names, taken)
                return k
            return i + 1
        end = i - 1 if norm in WORDS["succession_passive"] else i  # "X was opgevolgd" / "X opvolgt"
        if norm in WORDS["succession_passive"] and (end < 1 or words.norms[end] not in WORDS["succession_aux"]):
            return i + 1
        start = end
        while start > 0 and end - start < 4 and (self._is_name_word(words[start - 1], ents)
                                                  or words.norms[start - 1] in self.particles and start < end):
            start -= 1
        while start < end and (words.norms[start] in self.particles or self._sentence_start(doc, words, start)
                               and words.norms[start] in self.stop):
            start += 1  # a name starts with a name word ("die Patrick Shanahan", not "Die")
        if start < end and self.parse_name(words, start, doc, ents) == end and words.starts[start] not in taken \
                and not any(self._newline_between(doc, words[x], words[x + 1]) for x in range(start, i)):
            self._named(doc, words, start, end, names, taken)
        return i + 1

    def _person_before(self, doc, words, i) -> bool:
        """The sentence names a person (or says ``hij``/``zij``) before word ``i``."""

        s0 = sent_bounds(doc, words.starts[i])[0]
        if any(sp.label_ in ("Person", "Minister") and s0 <= sp.start and sp.end <= words.starts[i]
               for sp in doc.spans.get(GROUP, [])):
            return True
        x = i - 1
        while x >= 0 and words.starts[x] >= s0:
            if words.norms[x] in WORDS["succession_pronouns"]:
                return True
            x -= 1
        return False

    def _named(self, doc, words, j, k, names, taken) -> str:
        """A Person named by words ``j..k``: its key."""
        label = self._name_text(words, j, k)
        key = self._person(doc, names, person_key(label), "Person", label, words.starts[j], words.ends[k - 1])
        taken.update(range(words.starts[j], words.ends[k - 1]))
        return key

    def _counterpart(self, doc, words, i, ents, names, taken, found) -> int:
        """``mijn Noorse collega Bjørn Arild Gram``, ``zijn Japanse ambtgenoot X``: a person named as
        the foreign counterpart of someone (``Counterpart``); the index after the name, ``i + 1`` if none."""
        k = i - 1
        while k > 0 and words.norms[k] in self.modifiers:
            k -= 1
        country = ref_adjective(self.ref, words.texts[k]) if k >= 0 else None
        if country is not None and country.cls != "Country":
            return i + 1
        # "zijn collega van Buitenlandse Zaken, X": the portfolio of another post of the same state
        j, role = i + 1, ""
        got = self._ministry_after(words, ("minister",), j) if j < len(words) and words.norms[j] != "," else None
        if got and got[0].role.startswith(("minister van ", "minister voor ")):
            role, j = got[0].role, got[1]
            if j < len(words) and words.texts[j] == ",":
                j += 1
        if country is None and not (role and i >= 1 and words.norms[i - 1] in _COUNTERPART_OWNERS):
            return i + 1  # without its state, only a possessive's counterpart of a named portfolio
        if j >= len(words) or self._newline_between(doc, words[i], words[i + 1]) \
                or self._newline_between(doc, words[j - 1], words[j]):
            return i + 1
        end = self.parse_name(words, j, doc, ents)
        if end == j:
            return i + 1
        key = self._named(doc, words, j, end, names, taken)
        if country is None:
            k = i
        owner = words.norms[k - 1] if k >= 1 else ""
        found.append(Counterpart(key, country.key if country else None, owner, words.starts[max(k - 1, 0)],
                                 words.ends[end - 1], words.norms[i], role))
        return end

    def _counterpart_list(self, doc, words, i, ents, names, taken, found) -> int:
        """Counterparts whose states are listed: ``zijn ambtgenoten uit Finland en Zweden, A en B``,
        ``haar Finse en Zweedse collega's A en B`` (as many names as states, each of the state in
        its place) and ``zijn ambtgenoot uit Finland, A``. A ``Counterpart`` per name; the index
        after the last name, ``i + 1`` if the pattern does not hold."""
        plural = words.norms[i] in WORDS["counterpart_plurals"]
        noun = WORDS["counterpart_plurals"].get(words.norms[i], words.norms[i])
        states: list[str] = []
        first = i  # the first word of the states' adjectives (or the counterpart word)
        if plural:  # "Finse en Zweedse" before the word
            k = i - 1
            while k >= 0 and words.texts[k][:1].isupper() and (c := ref_adjective(self.ref, words.texts[k])) \
                    and c.cls == "Country":
                states.insert(0, c.key)
                first = k
                if k < 2 or words.norms[k - 1] not in WORDS["coordinators"]:
                    break
                k -= 2
        j = i + 1
        if not states and j < len(words) and words.norms[j] in WORDS["counterpart_from"]:
            j += 1  # "uit Finland en Zweden"
            while j < len(words) and self._jurisdiction_word(words, j, ents) and ents[words.starts[j]][2] == "Country":
                states.append(ents[words.starts[j]][3])
                e = ents[words.starts[j]][1]
                while j < len(words) and words.starts[j] < e:
                    j += 1
                if j + 1 < len(words) and words.norms[j] in WORDS["coordinators"] \
                        and ents.get(words.starts[j + 1], (0, 0, ""))[2] == "Country":
                    j += 1
                    continue
                break
        if not states or len(states) != len(set(states)) or (len(states) > 1) != plural:
            return i + 1
        if j < len(words) and words.texts[j] == ",":
            j += 1
        spans: list[tuple[int, int]] = []
        while j < len(words) and not self._newline_between(doc, words[j - 1], words[j]):
            end = self.parse_name(words, j, doc, ents)
            if end == j:
                break
            spans.append((j, end))
            j = end
            if j + 1 < len(words) and words.norms[j] in WORDS["coordinators"] \
                    and self.parse_name(words, j + 1, doc, ents) > j + 1:
                j += 1
                continue
            break
        if not spans or len(spans) != len(states):
            return i + 1  # one name per state, in the same place, or nothing
        o = first - 1
        while o > 0 and words.norms[o] in self.modifiers:
            o -= 1
        owner = words.norms[o] if o >= 0 else ""
        for (a, b), country in zip(spans, states):
            key = self._named(doc, words, a, b, names, taken)
            found.append(Counterpart(key, country, owner, words.starts[max(o, 0)], words.ends[b - 1], noun))
        return spans[-1][1]

    def _hyphen_motion(self, doc, words, i, ents, names):
        """``motie-Boswijk``: one token naming the motion and its submitter; a surname that
        starts with a particle goes on past the token (``motie-Van der Staaij``)."""
        name, last = words.texts[i][6:], i
        if fold(name) in self.particles:
            m = i + 1  # "motie-Van der Staaij": the lower-case particles, then the name proper
            while m < len(words) and words.norms[m] in self.particles and words.texts[m].islower() and m - i < 3:
                m += 1
            k = self.parse_name(words, m, doc, ents) if m < len(words) else m
            if k == m or self._newline_between(doc, words[i], words[m]):
                return None  # "motie-De" alone names no one
            name, last = " ".join([name, *words.texts[i + 1:k]]), k - 1
        name = normalise_name(name)
        cs = last + 1 < len(words) and words.norms[last + 1] in WORDS["co_signers"]
        end = words.ends[last + 1] if cs else words.ends[last]
        mkey = "motion/" + slugify(surname(name))
        # the person is named too; kg.extract.entities writes the mention without "motie-"
        self._person(doc, names, person_key(name), "Person", name, words.starts[i], words.ends[last])
        add_mention(doc, words.starts[i], end, "Motion", mkey)
        register_entity(doc, mkey, "Motion", f"motie {surname(name)}" + (" c.s." if cs else ""))
        return (mkey, words.starts[i], end)

    def _motion(self, doc, words, i, ents, names):
        """``motie [van het lid] Name [c.s.]`` or ``Motie 28 676, nr. 365 – Name``."""
        j = i + 1
        if j < len(words) and words.texts[j] == "(":  # "motie (36 410-X, nr. 12) van het lid …"
            close = next((x for x in range(j, min(j + 10, len(words))) if words.texts[x] == ")"), None)
            j = close + 1 if close is not None else j
        while j < len(words) and words.norms[j] in WORDS["motion_member_words"] and words.texts[j].islower():
            j += 1
        if j == i + 1 or words.texts[j - 1] == ")":
            k = j
            while k < len(words) and (_NUMBERISH.match(words.texts[k]) or words.texts[k] == ","):
                k += 1
            if k > j and k < len(words) and words.texts[k] in _DASHES:
                j = k + 1
        k = self.parse_name(words, j, doc, ents)
        if k == j:
            return None
        name = self._name_text(words, j, k)
        cs = k < len(words) and words.norms[k] in WORDS["co_signers"]
        end = words.ends[k] if cs else words.ends[k - 1]
        pkey = person_key(name)
        mkey = "motion/" + slugify(surname(name))
        label = f"motie {surname(name)}" + (" c.s." if cs else "")
        self._person(doc, names, pkey, "Person", name, words.starts[j], words.ends[k - 1])
        add_mention(doc, words.starts[i], end, "Motion", mkey)
        register_entity(doc, mkey, "Motion", label)
        return (mkey, words.starts[i], end)

    def _ruler_compounds(self, doc, words, names, taken, ents):
        """``het regime-Kadhafi``, ``het bewind-Poetin``: a compound of a word for a rule
        (persons.json ``ruler_compound_heads``) and a reference person's surname names that
        person; kg.extract.entities writes the mention without the head."""
        heads, norms = self.ruler_heads, words.norms
        blob = " ".join(norms)  # one C-level scan: most texts hold no such compound
        if not any(h + "-" in blob for h in heads):
            return
        for i, norm in enumerate(norms):
            if "-" not in norm or norm.split("-", 1)[0] not in heads or words.starts[i] in taken \
                    or words.starts[i] in ents:
                continue
            tail = words.texts[i].split("-", 1)[1]
            key = self.ref.person_by_surname.get(fold(tail)) if tail[:1].isupper() else None
            if key is not None:
                self._person(doc, names, key, "Person", tail, words.starts[i], words.ends[i])
                taken.add(words.starts[i])

    def _full_names(self, doc, words, names, taken, ents):
        """Full names of reference persons (``Jens Stoltenberg``): capitalised, on one line, not inside another mention."""
        first, norms = self.full_first, words.norms
        i = 0
        for c in [x for x, n in enumerate(map(first.get, norms)) if n]:
            if c < i:
                continue
            i = c
            for n in range(min(first[norms[i]], len(words) - i), 0, -1):
                key = self.full_names.get(tuple(norms[i:i + n]))
                if key is None:
                    continue
                if n == 1 and (not self._alone(doc, words, i, ents) or any(
                        k != key and fold(surname(have)) == norms[i] for k, (_, have) in names.items())):
                    continue  # a surname the document gave someone else too is no reference person's alone
                span = range(i, i + n)
                if any(words.starts[x] in taken or words.starts[x] in ents or not words.texts[x][:1].isupper()
                       and fold(words.texts[x]) not in self.particles for x in span) \
                        or any(self._newline_between(doc, words[x], words[x + 1]) for x in range(i, i + n - 1)):
                    continue
                label = self._name_text(words, i, i + n)
                self._person(doc, names, key, "Person", label, words.starts[i], words.ends[i + n - 1])
                taken.update(range(words.starts[i], words.ends[i + n - 1]))
                i += n
                break

    def _alone(self, doc, words, i, ents) -> bool:
        """A surname standing alone: no other name word right before or after it on its line
        (``Hunter Biden`` and ``Trump Tower`` are someone and something else)."""
        for x in (i - 1, i + 1):
            if 0 <= x < len(words) and self._is_name_word(words[x], ents) \
                    and not self._newline_between(doc, words[min(x, i)], words[max(x, i)]) \
                    and not (x < i and words.norms[x] in self.stop and self._sentence_start(doc, words, x)):
                return False
        return True

    def _sentence_start(self, doc, words, x: int) -> bool:
        """Word ``x`` opens a sentence or line (its capital says nothing)."""
        return x == 0 or words.texts[x - 1] in (".", "!", "?", ":", ";", "\"", "“", "(") \
            or self._newline_between(doc, words[x - 1], words[x])

    def _bare_surnames(self, doc, words, names, taken, ents):
        """Mark later bare occurrences of a known person's surname (``Kuleba``, ``Bruins Slot``)."""
        by_words: dict[tuple[str, ...], tuple[str, str]] = {}
        ambiguous: set[tuple[str, ...]] = set()
        for key, (cls, label) in names.items():
            forms = [label]
            ref = self.ref.persons.get(key)
            if ref is not None:  # every spelling of a reference person's surname (Zelensky, Zelenskyy)
                forms += [ref.label, *ref.names]
            for form in forms:
                sur = tuple(fold(p) for p in surname(form).split())
                if sur and not all(is_initials(p) for p in surname(form).split()):
                    if by_words.setdefault(sur, (key, cls))[0] != key:
                        ambiguous.add(sur)  # two persons of one surname: a bare one names neither
        for sur in ambiguous:
            del by_words[sur]
        if not by_words:
            return
        # longest surname per first word: most words start none, so skip them at once
        first: dict[str, int] = {}
        for k in by_words:
            first[k[0]] = max(first.get(k[0], 0), len(k))
        norms = words.norms
        i = 0
        for c in [x for x, n in enumerate(map(first.get, norms)) if n]:  # words that start a surname
            if c < i:
                continue  # inside the surname before
            i = c
            for n in range(min(first[norms[i]], len(words) - i), 0, -1):
                hit = by_words.get(tuple(norms[i:i + n]))
                if hit and words.texts[i][:1].isupper() and words.starts[i] not in taken and words.starts[i] not in ents:
                    key, cls = hit
                    add_mention(doc, words.starts[i], words.ends[i + n - 1], cls, key)
                    i += n - 1
                    break
            i += 1


def _after_academic(words, j: int) -> int:
    """Past academic titles before a name (``drs.``, ``mr. dr.``, ``Prof.dr.ir.``; a final dot the
    tokenizer split off goes with them): they hide neither the signer nor anyone else named."""
    while j < len(words) and _ACADEMIC.match(words.norms[j]):
        dotted = words.norms[j].endswith(".")
        j += 1
        if not dotted:
            if j < len(words) and words.texts[j] == ".":
                j += 1
            else:
                return j - 1  # "dr" without its dot: a word of a name, not a title
    return j


def _other_given(have: str, label: str) -> bool:
    """Two full names of one surname whose first given names (or initials) differ: two people."""
    a, b = given_names(have), given_names(label)
    return bool(a and b) and fold(a[0][:1]) != fold(b[0][:1])


@Language.factory("kg_persons")
def make_persons(nlp, name):
    """Factory for kg_persons."""
    return Persons(nlp.tokenizer)
