"""Rule family: people — ``kg:holdsOffice`` -> ``kg:Office`` with ``kg:jurisdiction``.

``kg_persons`` leaves one ``OfficeMention`` per office + name pattern in
``doc.user_data["kg_offices"]``. Whose office it is comes from the text (a
country adjective ``Oekraïense``, ``van de NAVO``, ``NAVO-secretaris-generaal``,
``Koning … van Jordanië``); an office the text does not qualify takes its
default from ``offices.json`` (a Dutch letter's ``minister-president`` is the
Dutch one; ``secretaris-generaal`` is NATO's) — but only for a person the
document never places elsewhere. Signature blocks are left to
``kg.extract.document``.

A well-known office holder (``ontology/reference/persons.json``) named with an
office but no jurisdiction (``president Erdogan``, ``minister Blok``) gets
the office the reference data says the person held on the document's date
(``minister`` becomes ``minister van Buitenlandse Zaken`` when that is the one
ministry then held), and nothing when the reference data has no such office
for that day: never the default (``premier Tusk`` is not Dutch). A
jurisdiction of the wrong kind for the office (``minister-president`` of an
organisation) is never stated.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from kg import reference
from kg.extract.context import Context
from kg.model import Entity
from kg.slug import fold, slugify


def office_key(role: str, jurisdiction: str) -> str:
    """``office/<role>-<jurisdiction>``: ISO code for a country, name slug for an organisation."""
    ent = reference.load().get(jurisdiction)
    suffix = ent.iso2.lower() if ent is not None and ent.iso2 else jurisdiction.split("/", 1)[1]
    return f"office/{slugify(role)}-{suffix}"


def office_label(role: str, jurisdiction: str) -> str:
    """``minister van Defensie (Nederland)``: the role and whose office it is."""
    ref = reference.load().get(jurisdiction)
    return f"{role} ({ref.label if ref is not None else jurisdiction.split('/', 1)[1]})"


def _ensure_entity(ctx: Context, key: str) -> None:
    """Make sure an entity the facts point at has a node (unmentioned if the text did not name it)."""
    if key in ctx.extraction.entities:
        return
    ent = reference.load().get(key)
    if ent is not None:
        ctx.entity(Entity(key=key, cls=ent.cls, label=ent.label, same_as=ent.same_as, mentioned=False))


def add_office(ctx: Context, person: str, role: str, jurisdiction: str, span, rule: str) -> str:
    """Add ``person kg:holdsOffice office`` and ``office kg:jurisdiction jurisdiction``,
    with the sentence of ``span`` as evidence."""
    return state_office(ctx, person, role, jurisdiction, ctx.sentence_evidence(span, rule))


def state_office(ctx: Context, person: str, role: str, jurisdiction: str, ev) -> str:
    """Add ``person kg:holdsOffice office`` and ``office kg:jurisdiction jurisdiction`` with
    the evidence ``ev`` (a sentence, or a signature block's lines); the office's key."""
    key = office_key(role, jurisdiction)
    if not person.startswith("person/"):  # only a person holds an office (never an office or a body)
        return key
    ctx.entity(Entity(key=key, cls="Office", label=office_label(role, jurisdiction), alt_labels={role}, mentioned=False))
    _ensure_entity(ctx, jurisdiction)
    ctx.link(person, "kg:holdsOffice", key, ev)
    ctx.link(key, "kg:jurisdiction", jurisdiction, ev)
    return key


def fits(jurisdiction: str, classes: tuple[str, ...]) -> bool:
    """Can ``jurisdiction`` be whose office it is (a country for a minister-president)?"""
    if not classes:
        return True
    ent = reference.load().get(jurisdiction)
    if ent is not None:
        return ent.cls in classes
    return jurisdiction.split("/", 1)[0].capitalize() in classes


def reference_office(m, day: str | None):
    """(role, jurisdiction) of a reference person's office that the mention names, from ``persons.json``.

    The office of that role the person held on the document's day; failing
    that, the one office of that role the person ever held (a letter may
    recall an earlier office). A bare ``minister`` becomes the ministry held
    on that day, only with a known day. None when the person is not in the
    reference data; False when it is but no single office fits.
    """
    ref = reference.load()
    person = ref.persons.get(m.person)
    if person is None:
        return None
    base = getattr(m, "base_role", "") or m.role
    qualified = base != m.role  # oud-premier: a former office, whenever held
    exact = [t for t in person.tenures if t.role == base]
    found = {(m.role if qualified else t.role, t.jurisdiction) for t in exact
             if qualified or day is None or t.covers(day)}
    if not qualified and day is not None:
        # "minister" names any "minister van …" the person held on the document's day
        found |= {(t.role, t.jurisdiction) for t in person.tenures
                  if t.role.startswith(base + " ") and t.covers(day)}
    if not found:
        found = {(m.role if qualified else t.role, t.jurisdiction) for t in exact}
    return found.pop() if len(found) == 1 else False


def held_by_other(role: str, jurisdiction: str | None, person: str, day: str | None) -> bool:
    """Did another reference person hold ``role`` of ``jurisdiction`` on ``day``?

    Then a name the reference data does not know is not that office's holder (in a
    2019 letter a bare ``secretaris-generaal Gorbatsjov`` is no NATO secretary-general:
    Stoltenberg was), and the default jurisdiction must not be stated."""
    if jurisdiction is None or day is None:
        return False
    return any(key != person and t.role == role and t.jurisdiction == jurisdiction and t.covers(day)
               for key, p in reference.load().persons.items() for t in p.tenures)


def choose(m, placed: set[str], day: str | None, signature: bool = False):
    """(role, jurisdiction) to state for one office mention, or None.

    A signature block's office is the default one (a Dutch minister's) unless
    the reference data names the signer's office that day."""
    role, jur = m.role, m.jurisdiction
    if jur is None:
        got = reference_office(m, day)
        if got:
            role, jur = got
        elif (got is None or signature) and (m.person not in placed or _organisation_office(m)) \
                and not held_by_other(m.role, m.default_jurisdiction, m.person, day):
            jur = m.default_jurisdiction
    if jur is None or not fits(jur, getattr(m, "jurisdiction_classes", ())):
        return None
    return role, jur


def _organisation_office(m) -> bool:
    """An office only an organisation has (SACEUR, NATO's secretary-general): a person placed in a
    country (``de Amerikaanse generaal X``) may still hold it, so the placing does not withhold
    its default (the reference data on who held it that day still does)."""
    return tuple(getattr(m, "jurisdiction_classes", ())) == ("Organisation",)


def office_facts(mentions, day: str | None = None, also_placed=frozenset(),
                 asked=lambda m: False) -> list[tuple[object, str, str]]:
    """Choose (mention, role, jurisdiction): stated jurisdictions, else reference data, else defaults for unplaced persons.

    A mention in a question (``asked(m)``) states nothing, so it does not stand for a later
    mention that states the same office (``minister X`` in the answer)."""
    placed = {m.person for m in mentions if m.jurisdiction} | set(also_placed)
    chosen, seen = [], set()
    for m in mentions:
        got = choose(m, placed, day)
        if got and (m.person, *got) not in seen:
            if not asked(m):
                seen.add((m.person, *got))
            chosen.append((m, *got))
    return chosen


def document_day(ctx: Context) -> str | None:
    """The document's date as an ISO string, if known."""
    day = ctx.meta.get("date")
    return day.isoformat() if hasattr(day, "isoformat") else None


def abroad(doc, mentions) -> set[str]:
    """Persons named with an unqualified Dutch-by-default office in a sentence that names countries,
    none of them the Netherlands ("Australië werd vertegenwoordigd door vicepremier
    X"): the Dutch default is no safer a guess than the country named. A capital does not
    count here: a Dutch minister visits one ("minister X bezocht Kabul")."""
    from kg.extract.events.common import spans_in
    from kg.nlp.components.docindex import sent_of

    out = set()
    for m in mentions:
        if m.jurisdiction is not None or m.default_jurisdiction != _HOME:
            continue  # a secretary-general's default (NATO) does not depend on the country named
        sent = sent_of(doc, doc[m.start:m.end])
        countries = {sp.kb_id_ for sp in spans_in(doc, sent.start, sent.end, ("Country",))}
        if countries and _HOME not in countries:
            out.add(m.person)
    return out


_HOME = "country/nederland"
# a seat of government stands for its state as a sender or the one represented ("Kabul stuurde ...")
_SEATS: dict[str, str] = json.loads(Path(__file__).with_name("capitals.json").read_text("utf-8"))["seats"]
_SEND = frozenset({"stuurde", "stuurt", "stuurden", "zond", "zendt", "zonden"})
_REPRESENT_ACTIVE = frozenset({"vertegenwoordigt", "vertegenwoordigde"})
_REPRESENT_PASSIVE_AUX = frozenset({"werd", "wordt", "is", "was", "zal", "worden", "werden"})


def states_in(doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, country key) of every state named in tokens [start, end): a country, or a
    seat of government standing for it (``Kabul``, ``Moskou``)."""
    from kg.extract.events.common import spans_in

    out = []
    for sp in spans_in(doc, start, end, ("Country", "Place")):
        key = sp.kb_id_ if sp.label_ == "Country" else _SEATS.get(sp.kb_id_)
        if key:
            out.append((sp.start, sp.end, key))
    return out


def represented(doc, mentions) -> dict[int, str]:
    """The country a person with an office of no stated jurisdiction represents is whose office
    it is: ``Australië werd vertegenwoordigd door vicepremier X``, ``Vicepremier X
    vertegenwoordigde Australië``; so is the state that sends the person (``Kabul stuurde
    minister van Defensie X``, ``stuurde Moskou vicepremier Y``). {index of the mention: country key}."""
    from kg.nlp.components.docindex import lowers, sent_of, spaces

    lw, space = lowers(doc), spaces(doc)

    def word(i: int, step: int, floor: int, ceil: int) -> int:
        while floor <= i < ceil and (space[i] or lw[i] in ("de", "het")):
            i += step
        return i if floor <= i < ceil else -1

    out = {}
    for n, m in enumerate(mentions):
        if m.jurisdiction is not None or m.signature:
            continue
        sent = sent_of(doc, doc[m.start:m.end])
        countries = states_in(doc, sent.start, sent.end)
        i = word(m.start - 1, -1, sent.start, sent.end)
        sender = _sender(countries, lw, i, lambda k: word(k, -1, sent.start, sent.end)) \
            or _on_behalf(countries, lw, i, word(m.end, 1, sent.start, sent.end),
                          lambda k, step: word(k, step, sent.start, sent.end))
        if sender:
            out[n] = sender
            continue
        if i >= 0 and lw[i] == "door":  # "<Country> werd vertegenwoordigd door <office> <name>"
            i = word(i - 1, -1, sent.start, sent.end)
            if i >= 0 and lw[i] == "vertegenwoordigd":
                # the auxiliary, a few words back ("werd op de top vertegenwoordigd"), right after the country
                aux = next((k for k in range(i - 1, max(sent.start, i - 6) - 1, -1)
                            if lw[k] in _REPRESENT_PASSIVE_AUX or lw[k] in ",;:"), -1)
                if aux >= 0 and lw[aux] in _REPRESENT_PASSIVE_AUX:
                    k = _before_relative(lw, word(aux - 1, -1, sent.start, sent.end), sent.start)
                    got = [c for c in countries if c[1] - 1 == k]
                    if got:
                        out[n] = got[0][2]
            continue
        i = word(m.end, 1, sent.start, sent.end)  # "<office> <name> vertegenwoordigde <Country>"
        if i >= 0 and lw[i] in _REPRESENT_ACTIVE:
            j = word(i + 1, 1, sent.start, sent.end)
            got = [c for c in countries if c[0] == j]
            if got:
                out[n] = got[0][2]
    return out


_RELATIVE_PRONOUNS = frozenset({"dat", "die"})


def _before_relative(lw, k: int, floor: int) -> int:
    """``Finland, dat dit jaar lid werd, was vertegenwoordigd``: when word ``k`` is the comma that
    closes a relative clause (one without commas of its own), the word before the clause, else ``k``."""
    if k < 0 or lw[k] != ",":
        return k
    j = k - 1
    while j > floor and lw[j] not in (",", ";", ":"):
        j -= 1
    if j <= floor or lw[j] != "," or lw[j + 1] not in _RELATIVE_PRONOUNS:
        return k
    return j - 1


def _sender(states, lw, i: int, back) -> str | None:
    """The state right before a send verb that stands right before the office (``Kabul stuurde
    minister X``), or right between the two (``stuurde Kabul minister X``); ``i`` is the word
    before the office, ``back(k)`` the word at or before ``k``."""
    if i < 0:
        return None
    if lw[i] in _SEND:  # "<state> stuurde <office> <name>"
        k = back(i - 1)
        got = [c for c in states if c[1] - 1 == k]
        return got[0][2] if got else None
    got = [c for c in states if c[1] - 1 == i]  # "stuurde <state> <office> <name>"
    k = back(got[0][0] - 1) if got else -1
    return got[0][2] if k >= 0 and lw[k] in _SEND else None


def _on_behalf(states, lw, i: int, j: int, step) -> str | None:
    """The state a person speaks or acts for: ``Namens <state> sprak minister X`` (``namens``,
    the state and one verb right before the office) or ``minister X sprak namens <state>`` (one
    verb and ``namens`` right after the name); ``i``/``j`` are the words before and after the
    mention, ``step(k, d)`` the word at or from ``k`` going ``d``."""
    if i >= 0 and lw[i].isalpha():  # the verb between "namens <state>" and the office
        k = step(i - 1, -1)
        got = [c for c in states if c[1] - 1 == k]
        if got and (b := step(got[0][0] - 1, -1)) >= 0 and lw[b] == "namens":
            return got[0][2]
    if j >= 0 and lw[j].isalpha() and (k := step(j + 1, 1)) >= 0 and lw[k] == "namens":
        got = [c for c in states if c[0] == step(k + 1, 1)]
        if got:
            return got[0][2]
    return None


_COUNTERPART_NOUNS = frozenset({"collega", "ambtsgenoot"})


def counterparts(ctx: Context) -> None:
    """``mijn Noorse collega X`` in a letter a minister signs: X is a minister too (class
    Minister; the office only where ``counterpart_offices`` knows the portfolio). Not for a letter a state
    secretary or nobody signs: a state secretary's colleague may be one as well."""
    from kg.nlp.components.docindex import lowers, mentions, spaces, texts

    ents = ctx.extraction.entities
    signers = [f.object.key for f in ctx.extraction.facts if f.predicate == "kg:signatory"]
    if not signers or not all(k in ents and ents[k].cls == "Minister" for k in signers):
        return
    doc = ctx.doc
    lw, tx, space = lowers(doc), texts(doc), spaces(doc)

    def before(i: int) -> int:
        i -= 1
        while i >= 0 and space[i]:
            i -= 1
        return i

    for sp in mentions(doc):
        if sp.label_ != "Person" or sp.kb_id_ not in ents or ents[sp.kb_id_].cls != "Person":
            continue
        i = before(sp.start)
        if i < 0 or lw[i] not in _COUNTERPART_NOUNS:
            continue
        i = before(i)
        if i >= 0 and tx[i][:1].isupper():  # the country's adjective ("Noorse")
            i = before(i)
        if i >= 0 and lw[i] == "mijn":
            ent = ents[sp.kb_id_]
            ctx.entity(Entity(key=ent.key, cls="Minister", label=ent.label, same_as=ent.same_as))


# States whose head of government is no prime minister (a chancellor, or a president who heads
# the government): a premier's counterpart there holds another post, so no guess.
_NO_PREMIER = frozenset(json.loads(Path(__file__).with_name("people.json").read_text("utf-8"))
                        ["no_premier_states"])
_PREMIER = "minister-president"
_SAME_OFFICE = frozenset(json.loads(Path(__file__).with_name("people.json").read_text("utf-8"))["same_office_nouns"])
_APPOSITION_OFFICES = frozenset(json.loads(Path(__file__).with_name("people.json").read_text("utf-8"))
                                ["apposition_office_heads"])


def _office_in_apposition(doc, end: int) -> bool:
    """``zijn Deense collega X, (de) minister van Binnenlandse Zaken``: after the name that ends at
    token ``end``, a comma and an office noun give the counterpart's own post."""
    from kg.nlp.components.docindex import lowers, spaces

    lw, space = lowers(doc), spaces(doc)
    words = [lw[i] for i in range(end, min(len(doc), end + 8)) if not space[i]][:3]
    if not words or words[0] != ",":
        return False
    head = words[2] if len(words) > 2 and words[1] in ("de", "het") else words[1] if len(words) > 1 else ""
    return head in _APPOSITION_OFFICES


def _portfolio(role: str, country: str | None = None, noun: str = "") -> bool:
    """A minister with a portfolio (``minister van Defensie``): a counterpart abroad holds the same
    post. So does a premier's ``ambtgenoot`` (the holder of the same office), in a state whose
    government a prime minister heads; elsewhere, or called a ``collega``, a head of government's
    counterpart may be a president or a chancellor: no guess there."""
    if role == _PREMIER:
        return country is not None and country not in _NO_PREMIER and noun in _SAME_OFFICE
    return role.startswith(("minister van ", "minister voor "))


def _writer_roles(ctx: Context) -> set[str]:
    """The offices of whoever wrote the document (``mijn`` in its text): signature blocks, else
    the answer's or export's header."""
    from kg.extract.document import header_signatories

    ref = reference.load()
    roles = {m.base_role or m.role for m in ctx.doc.user_data.get("kg_offices", []) if m.signature}
    if not roles:
        for _, role_text, *_ in header_signatories(ctx.clean.text):
            off = role_text and (ref.office_for(fold(role_text))
                                 or ref.office_for(fold(role_text.replace(" van ", " voor ", 1))))
            roles.add(off.role if off else "?")  # a writer of unknown office: no guess
    return roles


def _owner_roles(ctx: Context, c, day: str | None = None) -> set[str]:
    """The offices of the person ``zijn``/``haar`` refers to: the nearest person named before it,
    in its sentence or the one before. A bare ``minister`` of a reference person is the ministry
    the reference data gives for ``day`` (``minister Timmermans`` in 2013: Buitenlandse Zaken)."""
    from kg.nlp.components.docindex import sent_bounds

    doc = ctx.doc
    s0, _ = sent_bounds(doc, c.start)
    lo = sent_bounds(doc, s0 - 1)[0] if s0 > 0 else s0
    before = [sp for sp in doc.spans.get("kg", []) if sp.label_ in ("Person", "Minister")
              and lo <= sp.start and sp.end <= c.start and sp.kb_id_ != c.person]
    if not before:
        return set()
    owner = max(before, key=lambda sp: (sp.end, sp.start)).kb_id_
    roles = set()
    for m in doc.user_data.get("kg_offices", []):
        if m.person == owner:
            got = reference_office(m, day) if not _portfolio(m.role) and m.role != _PREMIER else None
            roles.add(got[0] if got else m.base_role or m.role)
    return roles


def counterpart_offices(ctx: Context, day: str | None) -> None:
    """``mijn Noorse collega X``, ``zijn Afghaanse ambtgenoot X``: X holds the post of the one it is
    the counterpart of (a minister with a portfolio, and only one such post) in that country. A
    reference person takes it only where the reference data agrees for the document's day."""
    ref = reference.load()
    for c in ctx.doc.user_data.get("kg_counterparts", []):
        if c.role:
            _portfolio_counterpart(ctx, c, day)
            continue
        if c.owner == "mijn":
            roles = _writer_roles(ctx)
        elif c.owner in ("zijn", "haar"):
            roles = _owner_roles(ctx, c, day)
        else:
            continue
        if _office_in_apposition(ctx.doc, c.end):
            continue  # its own post is stated: not the one of whom it is the counterpart
        known = ref.persons.get(c.person)
        if known is not None:  # the reference data decides: the one ministry held there that day
            roles = {t.role for t in known.tenures if t.jurisdiction == c.country and (day is None or t.covers(day))
                     and (t.role in roles or not roles) and _portfolio(t.role, c.country, c.noun)}
        if len(roles) != 1 or not _portfolio(next(iter(roles)), c.country, c.noun):
            continue
        role = roles.pop()
        label = ctx.extraction.entities[c.person].label if c.person in ctx.extraction.entities else c.person
        ctx.entity(Entity(key=c.person, cls="Minister", label=label))
        add_office(ctx, c.person, role, c.country, ctx.doc[c.start:c.end], "people.counterpart")


def _owner(ctx: Context, c) -> str | None:
    """The person ``zijn``/``haar`` refers to: the nearest person named before it, in its sentence
    or the one before."""
    from kg.nlp.components.docindex import sent_bounds

    doc = ctx.doc
    s0, _ = sent_bounds(doc, c.start)
    lo = sent_bounds(doc, s0 - 1)[0] if s0 > 0 else s0
    before = [sp for sp in doc.spans.get("kg", []) if sp.label_ in ("Person", "Minister")
              and lo <= sp.start and sp.end <= c.start and sp.kb_id_ != c.person]
    return max(before, key=lambda sp: (sp.end, sp.start)).kb_id_ if before else None


def _stated_states(ctx: Context, person: str) -> set[str]:
    """The states whose offices ``person`` holds by the facts stated so far."""
    held = {f.object.key for f in ctx.extraction.facts if f.predicate == "kg:holdsOffice" and f.subject == person}
    return {f.object.key for f in ctx.extraction.facts if f.predicate == "kg:jurisdiction" and f.subject in held
            and f.object.key.startswith("country/")}


def _portfolio_counterpart(ctx: Context, c, day: str | None) -> None:
    """``zijn collega van Buitenlandse Zaken, X``: X is the minister of that portfolio in the state
    the counterpart word names (``zijn Finse collega van …``), else in the one state whose office the
    owner holds (the writer's: the Netherlands). A reference person only where the reference data
    agrees for the document's day."""
    country = c.country
    if country is None:
        if c.owner == "mijn":
            states = {_HOME} if _writer_roles(ctx) - {"?"} else set()
        else:
            owner = _owner(ctx, c) if c.owner in ("zijn", "haar") else None
            states = _stated_states(ctx, owner) if owner else set()
        if len(states) != 1:
            return
        country = states.pop()
    known = reference.load().persons.get(c.person)
    if known is not None and not any(t.role == c.role and t.jurisdiction == country
                                     and (day is None or t.covers(day)) for t in known.tenures):
        return
    label = ctx.extraction.entities[c.person].label if c.person in ctx.extraction.entities else c.person
    ctx.entity(Entity(key=c.person, cls="Minister", label=label))
    add_office(ctx, c.person, c.role, country, ctx.doc[c.start:c.end], "people.counterpart")


# "de vertegenwoordiger van de VN-secretaris-generaal, X": X serves the office holder, holds no office
_SERVING_NOUNS = frozenset({"vertegenwoordiger", "gezant", "woordvoerder", "woordvoerster", "adviseur", "opvolger",
                            "opvolgster", "voorganger", "voorgangster", "plaatsvervanger", "assistent", "medewerker",
                            "echtgenoot", "echtgenote", "afgezant", "chef-staf", "secretaris", "tolk"})
_ARTICLES = frozenset({"de", "het", "een", "zijn", "haar", "diens"})


def _of_another_person(doc, m) -> bool:
    """Is office mention ``m`` the complement of another person noun (``de speciale vertegenwoordiger
    van de VN-secretaris-generaal, X``, ``de adviseur van de Britse premier, X``)? The name in
    apposition is that person's, not the office holder's. A bare title before the name (``de
    woordvoerder van minister X``) still names the holder."""
    toks = [t for t in doc[max(0, m.start - 5):m.start] if not t.is_space]
    k = len(toks) - 1
    article = False
    while k >= 0 and (toks[k].lower_ in _ARTICLES or toks[k].text[:1].isupper() and toks[k].lower_.endswith("se")):
        article = article or toks[k].lower_ in _ARTICLES  # "de Britse premier"
        k -= 1
    if k < 1 or toks[k].lower_ != "van" or toks[k - 1].lower_.rsplit("-", 1)[-1] not in _SERVING_NOUNS:
        return False
    comma = any(t.text == "," for t in doc[m.start:m.name_start])
    return article or comma


def run(ctx: Context) -> None:
    """Offices of every person named with an office (signatures excepted), and of counterparts."""
    counterparts(ctx)
    mentions = [m for m in ctx.doc.user_data.get("kg_offices", []) if not m.signature and not _of_another_person(ctx.doc, m)]
    # "Australië werd vertegenwoordigd door vicepremier X": the office is Australia's
    for n, country in represented(ctx.doc, mentions).items():
        if fits(country, getattr(mentions[n], "jurisdiction_classes", ())):
            mentions[n] = replace(mentions[n], jurisdiction=country)
    # a person placed abroad by the sentence counts as placed: no default for them
    placed_abroad = abroad(ctx.doc, mentions)
    def asked(m) -> bool:
        return ctx.asks(ctx.sentence_evidence(ctx.doc[m.start:m.end], "people.office_name"), "kg:holdsOffice")

    for m, role, jur in office_facts(mentions, document_day(ctx), placed_abroad, asked):
        add_office(ctx, m.person, role, jur, ctx.doc[m.start:m.end], "people.office_name")
        if jur == m.jurisdiction:
            name_jurisdiction(ctx, jur, ctx.doc[m.start:m.end])
    counterpart_offices(ctx, document_day(ctx))


def name_jurisdiction(ctx: Context, jurisdiction: str, span) -> None:
    """A jurisdiction the text states for an office is named by the document, also when
    only its adjective says it (``de Oekraïense minister van Buitenlandse Zaken X``,
    ``de Turkse president Y``): a mentioned entity of the document, with the office's
    sentence as evidence. Defaults and reference offices are not in the text: never these."""
    ent = ctx.extraction.entities.get(jurisdiction)
    if ent is None or ent.mentioned:
        return
    ent.mentioned = True
    ctx.link(ctx.extraction.doc_key, "kg:mentions", jurisdiction,
             ctx.sentence_evidence(span, "people.jurisdiction_named"))
