"""Component kg_events: NATO summits, ministerials and their sessions.

A summit mention is named by place ("NAVO-top in Vilnius", "de Madrid-top"),
by date ("de NAVO-top van 11 en 12 juli") or by kind ("Leaders' Meeting",
"speciale bijeenkomst van staatshoofden en regeringsleiders"); what it states
(place, its own date or year, "volgend jaar", "driedaagse", the sentence's
tense) and the letter's date pick one summit of ``ontology/reference/summits.json``
(``kg.reference.match_summit``), whose key (``summit/vilnius-2023``), dates and
host city it gets. A mention that gives nothing but a place is the summit
another mention of that place in the document resolved to, else the one at that
place that the letter's date and the sentence's tense point to (the last one
before the letter for the past, the next one for the future, within three
years). Never the letter's year by default: a mention that fits no summit
keeps a document-scoped key (``summit/~tallinn``).
Ministerials are keyed by kind + year-month of their start
(``ministerial/fmm-2024-04``, ``kg.reference.ministerial_key``); a date without
a year is read from the letter's date and tense, and an undated ministerial is
document-scoped. Sessions come from the document's structure: headings
(``Werksessie 2: NATO-Ukraine Council``) and council meetings named in the
text, keyed by the meeting and the content words of their name.

What the extract stage needs later (dates, places, session scopes) is left in
``doc.user_data["kg_events"]``; every mention is a span in ``doc.spans["kg"]``.

The package, one module per family of reading (each says which triples it feeds):
``common`` (word lists of ``events.json``, the Meeting/Session records, token
helpers), ``dates`` (the letter's date, tense, dates in the text), ``places``,
``summits`` and ``ministerials`` (mentions), ``summit_identity`` and
``ministerial_identity`` (keys), ``gatherings`` (councils and formats that are
sessions, and the hedges that make them none), ``sessions``, ``main_meeting``
(``kg:concerns``), ``component`` (the spaCy factory; importing this package
registers it).
"""
from kg.nlp.components.events import component  # noqa: F401  (registers the kg_events factory)
