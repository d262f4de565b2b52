"""Write ``fixture.trig``: a small hand-made graph in the shape of docs/DESIGN.md.

Two invented letters (``fx_a.txt``, ``fx_b.txt`` beside this file) with other
people, places and numbers than the seeds. Each fact is listed by hand with the
sentence that supports it (an evidence record for every fact, dates and
amounts included, as ``kg build`` writes them); offsets are looked up in the text so that
``text[start:end] == sentence`` holds. Run it again after editing the facts:

    .venv/bin/python tests/data/make_fixture.py
"""
from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

HERE = Path(__file__).parent
KG = Namespace("https://w3id.org/navo-kg/def#")
ID = "https://w3id.org/navo-kg/id/"
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")

# key -> (class, label, alt labels)
ENTITIES = {
    "person/de-wit": ("Minister", "Marijke de Wit", ["De Wit"]),
    "person/bakker": ("Minister", "Pieter Bakker", ["Bakker"]),
    "person/beridze": ("Minister", "Ilia Beridze", ["Beridze"]),
    "office/minister-van-buitenlandse-zaken-nl": ("Office", "minister van Buitenlandse Zaken", []),
    "office/minister-van-buitenlandse-zaken-ge": ("Office", "minister van Buitenlandse Zaken", []),
    "office/minister-president-nl": ("Office", "minister-president", []),
    "office/minister-van-defensie-nl": ("Office", "minister van Defensie", []),
    "country/nederland": ("Country", "Nederland", []),
    "country/georgie": ("Country", "Georgië", ["Georgie"]),
    "country/portugal": ("Country", "Portugal", []),
    "country/estland": ("Country", "Estland", []),
    "country/syrie": ("Country", "Syrië", ["Syrie"]),
    "country/rusland": ("Country", "Rusland", []),
    "country/wit-rusland": ("Country", "Wit-Rusland", []),
    "country/ierland": ("Country", "Ierland", []),
    "organisation/navo": ("Organisation", "NAVO", ["bondgenootschap"]),
    "place/tallinn": ("Place", "Tallinn", []),
    "place/lissabon": ("Place", "Lissabon", []),
    "summit/lissabon-2032": ("Summit", "NAVO-top Lissabon 2032", ["NAVO-top in Lissabon", "top in Lissabon"]),
    "ministerial/fmm-2031-05": ("MinisterialMeeting", "NAVO-bijeenkomst van ministers van Buitenlandse Zaken mei 2031", []),
    "session/fmm-2031-05-navo-georgie-commissie": ("Session", "NAVO-Georgië Commissie", []),
    "session/fmm-2031-05-voorbereiding-top": ("Session", "voorbereiding van de NAVO-top", []),
    "pledge/cyber-resilience-pledge": ("Pledge", "Cyber Resilience Pledge", ["CRP"]),
    "initiative/georgia-defence-fund": ("Initiative", "Georgia Defence Fund", ["GDF"]),
    "motion/pietersen": ("Motion", "motie Pietersen", []),
    "document/kst-30001-8": ("Document", "Kamerstuk 30001 nr. 8", []),
    "document/kst-30001-12": ("Document", "Kamerstuk 30001 nr. 12", []),
}

S = {  # sentences, by a short name
    "a_sig": "De Minister van Buitenlandse Zaken,\nMarijke de Wit",
    "a_fmm": "Hierbij bied ik u de geannoteerde agenda aan voor de NAVO-bijeenkomst van ministers van Buitenlandse Zaken op 27 en 28 mei 2031 in Tallinn.",
    "a_ses": "De bijeenkomst bestaat uit twee werksessies.",
    "a_geo": "In de NAVO-Georgië Commissie spreken de bondgenoten met de Georgische minister van Buitenlandse Zaken Ilia Beridze en met Portugal over de hervormingen in Georgië.",
    "a_top": "De tweede sessie is gewijd aan de voorbereiding van de NAVO-top in Lissabon op 14 en 15 juni 2032.",
    "a_crp": "Tijdens de top in Lissabon zullen de bondgenoten naar verwachting de Cyber Resilience Pledge (CRP) overeenkomen, met een doel van 1,5 procent van het bbp.",
    "a_gdf": "Nederland kondigde een bijdrage van EUR 12 miljoen aan het Georgia Defence Fund (GDF) voor 2031 aan.",
    "a_syr": "Het kabinet veroordeelt de steun van Syrië aan Rusland.",
    "a_ier": "Ierland trad op 15 januari 2030 toe tot het bondgenootschap.",
    "a_cit": "Zie ook Kamerstuk 30 001, nr. 8 en de motie Pietersen.",
    "b_cit": "Zoals aangekondigd in Kamerstuk 30 001, nr. 12 sprak de NAVO-Georgië Commissie met minister Ilia Beridze van Georgië.",
    "b_pm": "Minister-president Marijke de Wit nam deel aan het overleg over de NAVO-top in Lissabon.",
    "b_syr": "Syrië en Wit-Rusland bleven Rusland steunen.",
    "b_sig": "De Minister van Defensie,\nPieter Bakker",
}

CONTRIB = "contribution/" + hashlib.sha1(b"nederland|georgia-defence-fund|12000000|2031").hexdigest()[:16]

DOCS = {
    "document/kst-30001-12": {
        "file": "fx_a.txt", "type": "AnnotatedAgenda", "date": "2031-05-20",
        "title": "Geannoteerde agenda NAVO-bijeenkomst ministers van Buitenlandse Zaken 27-28 mei 2031",
        "dossier": "30001", "number": "12", "year": "2030-2031",
        "facts": [
            ("$doc", "kg:signatory", "person/de-wit", "a_sig"),
            ("$doc", "kg:concerns", "ministerial/fmm-2031-05", "a_fmm"),
            ("$doc", "kg:cites", "document/kst-30001-8", "a_cit"),
            ("$doc", "kg:cites", "motion/pietersen", "a_cit"),
            ("person/de-wit", "kg:holdsOffice", "office/minister-van-buitenlandse-zaken-nl", "a_sig"),
            ("office/minister-van-buitenlandse-zaken-nl", "kg:jurisdiction", "country/nederland", "a_sig"),
            ("person/beridze", "kg:holdsOffice", "office/minister-van-buitenlandse-zaken-ge", "a_geo"),
            ("office/minister-van-buitenlandse-zaken-ge", "kg:jurisdiction", "country/georgie", "a_geo"),
            ("ministerial/fmm-2031-05", "schema:startDate", Literal("2031-05-27", datatype=XSD.date), "a_fmm"),
            ("ministerial/fmm-2031-05", "schema:endDate", Literal("2031-05-28", datatype=XSD.date), "a_fmm"),
            ("ministerial/fmm-2031-05", "schema:location", "place/tallinn", "a_fmm"),
            ("place/tallinn", "kg:inCountry", "country/estland", "a_fmm"),
            ("ministerial/fmm-2031-05", "kg:hasSession", "session/fmm-2031-05-navo-georgie-commissie", "a_geo"),
            ("ministerial/fmm-2031-05", "kg:hasSession", "session/fmm-2031-05-voorbereiding-top", "a_top"),
            ("session/fmm-2031-05-navo-georgie-commissie", "kg:participant", "person/beridze", "a_geo"),
            ("session/fmm-2031-05-navo-georgie-commissie", "kg:participant", "country/portugal", "a_geo"),
            ("summit/lissabon-2032", "schema:startDate", Literal("2032-06-14", datatype=XSD.date), "a_top"),
            ("summit/lissabon-2032", "schema:endDate", Literal("2032-06-15", datatype=XSD.date), "a_top"),
            ("summit/lissabon-2032", "schema:location", "place/lissabon", "a_top"),
            ("place/lissabon", "kg:inCountry", "country/portugal", "a_top"),
            ("pledge/cyber-resilience-pledge", "kg:acronym", Literal("CRP"), "a_crp"),
            ("pledge/cyber-resilience-pledge", "kg:targetPercentGDP", Literal(Decimal("1.5")), "a_crp"),
            ("pledge/cyber-resilience-pledge", "kg:agreedAt", "summit/lissabon-2032", "a_crp"),
            ("initiative/georgia-defence-fund", "kg:acronym", Literal("GDF"), "a_gdf"),
            (CONTRIB, "kg:contributor", "country/nederland", "a_gdf"),
            (CONTRIB, "kg:recipient", "initiative/georgia-defence-fund", "a_gdf"),
            (CONTRIB, "kg:amountEUR", Literal(Decimal("12000000")), "a_gdf"),
            (CONTRIB, "kg:year", Literal("2031", datatype=XSD.gYear), "a_gdf"),
            ("country/syrie", "kg:supports", "country/rusland", "a_syr"),
            ("country/ierland", "kg:accessionDate", Literal("2030-01-15", datatype=XSD.date), "a_ier"),
        ],
    },
    "document/kst-30001-15": {
        "file": "fx_b.txt", "type": "Report", "date": "2031-06-02",
        "title": "Verslag NAVO-bijeenkomst ministers van Buitenlandse Zaken mei 2031",
        "dossier": "30001", "number": "15", "year": "2030-2031",
        "facts": [
            ("$doc", "kg:signatory", "person/bakker", "b_sig"),
            ("$doc", "kg:concerns", "ministerial/fmm-2031-05", "b_cit"),
            ("$doc", "kg:cites", "document/kst-30001-12", "b_cit"),
            ("person/bakker", "kg:holdsOffice", "office/minister-van-defensie-nl", "b_sig"),
            ("office/minister-van-defensie-nl", "kg:jurisdiction", "country/nederland", "b_sig"),
            ("person/de-wit", "kg:holdsOffice", "office/minister-president-nl", "b_pm"),
            ("office/minister-president-nl", "kg:jurisdiction", "country/nederland", "b_pm"),
            ("ministerial/fmm-2031-05", "kg:hasSession", "session/fmm-2031-05-navo-georgie-commissie", "b_cit"),
            ("session/fmm-2031-05-navo-georgie-commissie", "kg:participant", "person/beridze", "b_cit"),
            ("session/fmm-2031-05-navo-georgie-commissie", "kg:participant", "country/georgie", "b_cit"),
            ("country/syrie", "kg:supports", "country/rusland", "b_syr"),
            ("country/wit-rusland", "kg:supports", "country/rusland", "b_syr"),
        ],
    },
}

NS = {"kg": KG, "schema": SCHEMA, "dcterms": DCTERMS}


def iri(key: str) -> URIRef:
    return URIRef(ID + key)


def pred(curie: str) -> URIRef:
    prefix, local = curie.split(":")
    return NS[prefix][local]


def add_entity(g, key: str) -> None:
    cls, label, alts = ENTITIES[key] if key in ENTITIES else ("Contribution", None, [])
    g.add((iri(key), RDF.type, KG[cls]))
    if label:
        g.add((iri(key), RDFS.label, Literal(label)))
    for a in alts:
        g.add((iri(key), SKOS.altLabel, Literal(a)))
    if key.startswith("document/kst-"):  # a cited Kamerstuk: its numbers identify it
        dossier, number = key.removeprefix("document/kst-").rsplit("-", 1)
        g.add((iri(key), KG.dossierNumber, Literal(dossier)))
        g.add((iri(key), KG.documentNumber, Literal(number)))


def main() -> None:
    ds = Dataset()
    for prefix, ns in [("kg", KG), ("schema", SCHEMA), ("oa", OA), ("prov", PROV), ("skos", SKOS),
                       ("dcterms", DCTERMS), ("owl", OWL)]:
        ds.bind(prefix, ns)
    for doc_key, d in DOCS.items():
        text = (HERE / d["file"]).read_text(encoding="utf-8")
        doc = iri(doc_key)
        g = ds.graph(doc)
        g.add((doc, RDF.type, KG[d["type"]]))
        g.add((doc, RDFS.label, Literal(d["title"])))
        g.add((doc, KG.sourceFile, Literal(d["file"])))
        g.add((doc, KG.dossierNumber, Literal(d["dossier"])))
        g.add((doc, KG.documentNumber, Literal(d["number"])))
        g.add((doc, KG.parliamentaryYear, Literal(d["year"])))
        g.add((doc, DCTERMS.date, Literal(d["date"], datatype=XSD.date)))
        seen = set()
        for s, p, o, sent in d["facts"]:
            s = doc_key if s == "$doc" else s
            is_ref = not isinstance(o, Literal)
            for k in (s, o) if is_ref else (s,):
                if k not in seen and k != doc_key:
                    seen.add(k)
                    add_entity(g, k)
                    if not k.startswith(("office/", "contribution/")):
                        g.add((doc, KG.mentions, iri(k)))
            obj = iri(o) if is_ref else o
            g.add((iri(s), pred(p), obj))
            sentence = S[sent]
            start = text.index(sentence)
            end = start + len(sentence)
            h = hashlib.sha1(f"{doc_key}|{s}|{p}|{o}|{start}|{end}".encode()).hexdigest()[:16]
            ev = URIRef(ID + "evidence/" + h)
            tgt, quote, pos = (URIRef(f"{ev}#{x}") for x in ("target", "quote", "position"))
            g.add((ev, RDF.type, KG.Evidence))
            g.add((ev, RDF.subject, iri(s)))
            g.add((ev, RDF.predicate, pred(p)))
            g.add((ev, RDF.object, obj))
            g.add((ev, PROV.wasDerivedFrom, doc))
            g.add((ev, KG.rule, Literal("fixture." + p.split(":")[1])))
            g.add((ev, OA.hasTarget, tgt))
            g.add((tgt, RDF.type, OA.SpecificResource))
            g.add((tgt, OA.hasSource, doc))
            g.add((tgt, OA.hasSelector, quote))
            g.add((tgt, OA.hasSelector, pos))
            g.add((quote, RDF.type, OA.TextQuoteSelector))
            g.add((quote, OA.exact, Literal(sentence)))
            g.add((pos, RDF.type, OA.TextPositionSelector))
            g.add((pos, OA.start, Literal(start)))
            g.add((pos, OA.end, Literal(end)))
    ref = ds.graph(URIRef(ID + "graph/reference"))
    ref.add((iri("country/georgie"), OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q230")))
    (HERE / "fixture.trig").write_text(ds.serialize(format="trig"), encoding="utf-8")


if __name__ == "__main__":
    main()
