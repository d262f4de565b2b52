"""Person names: normalisation, surname and the person key.

``person_key("Ursula von der Leyen") == person_key("Commissievoorzitter Von
der Leyen"[20:]) == "person/von-der-leyen"``; initials are stripped
(``C.C.J. Veldkamp`` -> ``veldkamp``); a regnal number stays part of the name
(``Abdullah II`` -> ``abdullah-ii``), and the OCR misreading ``Il`` is read
as ``II``. A well-known office holder of ``ontology/reference/persons.json``
has its reference key whatever form the text uses (``Bijleveld`` ->
``person/bijleveld-schouten``).
"""
from __future__ import annotations

import re

from kg.slug import slugify

PARTICLES = {"van", "der", "den", "de", "von", "ten", "ter", "te", "le", "la", "du", "da", "di", "op", "in",
             "del", "della", "al", "el", "bin", "ibn", "zu", "vom", "'t"}
# Regnal numbers I..XX (Willem I, Felipe VI, Frederik X): part of a monarch's or pope's name.
ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split())
OCR_ROMAN = {"Il": "II", "Ill": "III", "lI": "II", "IlI": "III"}
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.-?)+$")


def is_initials(word: str) -> bool:
    """``"C.C.J."``, ``"J."``, ``"Th."`` are initials."""
    return bool(_INITIALS.match(word))


def normalise_name(text: str) -> str:
    """Collapse whitespace and repair OCR'd regnal numbers (``Abdullah Il`` -> ``Abdullah II``)."""
    words = text.split()
    if len(words) > 1 and words[-1] in OCR_ROMAN:
        words[-1] = OCR_ROMAN[words[-1]]
    return " ".join(words)


def surname(name: str) -> str:
    """The family name with its particles, as written: ``"Hanke Bruins Slot"`` -> ``"Bruins Slot"``."""
    words = normalise_name(name).split()
    had_initials = any(is_initials(w) for w in words)
    words = [w for w in words if not is_initials(w)]
    if not words:
        return name.strip()
    if len(words) == 1 or words[-1] in ROMAN or had_initials:
        return " ".join(words)
    if words[0].lower() in PARTICLES:
        return " ".join(words)
    for i, w in enumerate(words[1:], start=1):
        if w.lower() in PARTICLES:
            return " ".join(words[i:])
    return " ".join(words[1:])


def given_names(name: str) -> list[str]:
    """The words before the surname (given names and initials): ``"C.C.J. Veldkamp"`` -> ``["C.C.J."]``."""
    words = normalise_name(name).split()
    sur = surname(name).split()
    if not sur or words[-len(sur):] != sur:
        return []
    return [w for w in words[:len(words) - len(sur)] if w.lower() not in PARTICLES]


def person_key(name: str) -> str:
    """``"person/<slug>"``: the same for every way the text writes the person.

    A well-known office holder (``ontology/reference/persons.json``) has the key
    of its reference entry whatever form the text uses (``Bijleveld``, ``Ank
    Bijleveld-Schouten`` -> ``person/bijleveld-schouten``), so that its key does
    not depend on which form a build sees first; anyone else the slug of the
    surname. A full name whose surname is a reference person's key but whose given
    name does not fit that person keys on the full name (``person/nick-carter``).
    """
    from kg import reference

    refs = reference.load()
    ref = refs.person_for(name)
    if ref is not None:
        return ref.key
    key = "person/" + slugify(surname(name))
    given = given_names(name)
    if given and key in refs.persons:
        # a given name that does not fit the reference person of this surname is someone
        # else: "Nick Carter" is not Ash Carter, "Jussi Niinistö" not Sauli Niinistö
        return "person/" + slugify(" ".join([*given, surname(name)]))
    return key
