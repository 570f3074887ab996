"""Turn stored nodes and relationships into RDF triples (pure functions of rows; no I/O).

Each node becomes a typed resource with one triple per property value. Each stored relationship
(one per type, ends and report) gives:

- the direct triple in the schema's term and direction (``<event> schema:attendee <person>``),
  plus its OWL inverse where the vocabulary has one (org:holds / org:heldBy), so plain SPARQL works;
- a resource carrying its evidence: an ``rdf:Statement`` reifying the direct triple, or, for a
  relationship with a ``schema:roleName`` property (ATTENDED), a ``schema:Role`` in the schema.org
  role pattern (``<event> schema:attendee <role> . <role> schema:attendee <person>``);
- on that resource, PROV-O provenance (``prov:wasDerivedFrom`` the report, ``prov:wasGeneratedBy``
  the extractor version, ``kg:confidence``) and a Web Annotation whose body is the resource and
  whose target is the evidence sentence in the report, selected by quote (``oa:exact``) and by
  position (``oa:start`` / ``oa:end``).

HOLDS edges of one person and post also give one Popolo-style ``org:Membership``
(:func:`membership_triples`) dated by the first and last publication date of their reports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from rdflib import Literal, URIRef

from kg.rdf.errors import RDFError
from kg.rdf.iris import IRIs
from kg.rdf.vocab import DATATYPES, INVERSE_TERMS, OA, OPENGOV, ORG, PROV, RDF, RDFS, SDO, TERM_DATATYPES, XSD, term
from kg.schema import Property, Schema

Triple = tuple[URIRef, URIRef, Any]

_DATE_FORMS = ((re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date), (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
               (re.compile(r"\d{4}"), XSD.gYear))


def literal(value: Any, prop: Property, predicate: URIRef | None = None) -> Literal:
    """The RDF literal of one property value.

    Strings are plain literals (xsd:string); dates are xsd:date, or xsd:gYearMonth / xsd:gYear
    when the value is cut to month or year (an unreadable date stays a plain string, which the
    SHACL shapes then report); floats are xsd:double, ints xsd:integer unless the term fixes a
    narrower type (oa:start, oa:end: xsd:nonNegativeInteger).

    >>> from kg.schema import Property
    >>> literal("2024-11", Property("date", "date")).n3()
    '"2024-11"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    >>> literal(0.87654321, Property("confidence", "float")).n3()
    '"0.87654321"^^<http://www.w3.org/2001/XMLSchema#double>'
    """
    if prop.type == "date":
        text = str(value)
        for pattern, datatype in _DATE_FORMS:
            if pattern.fullmatch(text):
                return Literal(text, datatype=datatype)
        return Literal(text)
    if prop.type in ("string", "string[]"):
        return Literal(str(value))
    if prop.type == "float":
        return Literal(float(value))
    if prop.type == "int":
        return Literal(str(int(value)), datatype=TERM_DATATYPES.get(predicate, DATATYPES["int"]))
    if prop.type == "bool":
        return Literal(bool(value))
    raise RDFError(f"property {prop.name}: no RDF datatype for schema type {prop.type!r}")


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


@dataclass(frozen=True)
class Mapping:
    """What the schema says about RDF, resolved once: classes, predicates and reification."""

    schema: Schema
    classes: dict[str, URIRef]
    node_terms: dict[str, dict[str, URIRef]]
    rel_terms: dict[str, URIRef]
    rel_prop_terms: dict[str, dict[str, URIRef]]
    evidence_terms: dict[str, URIRef]
    role_reified: frozenset[str]

    @classmethod
    def from_schema(cls, schema: Schema) -> "Mapping":
        """Resolve every RDF term of the schema; a property without one is not exported."""
        classes = {label: term(node.rdf, schema) for label, node in schema.nodes.items()}
        node_terms = {label: {p.name: term(p.rdf, schema) for p in node.properties.values() if p.rdf}
                      for label, node in schema.nodes.items()}
        rel_terms = {rtype: term(rel.rdf, schema) for rtype, rel in schema.relationships.items()}
        rel_prop_terms = {rtype: {p.name: term(p.rdf, schema) for p in rel.properties.values() if p.rdf}
                          for rtype, rel in schema.relationships.items()}
        evidence_terms = {p.name: term(p.rdf, schema) for p in schema.evidence.values() if p.rdf}
        missing = {"report", "sentence", "span_start", "span_end", "extractor", "confidence"} - set(evidence_terms)
        if missing:
            raise RDFError(f"schema.yaml: evidence properties without an rdf term: {sorted(missing)}")
        role = frozenset(r for r, terms in rel_prop_terms.items() if SDO.roleName in terms.values())
        return cls(schema, classes, node_terms, rel_terms, rel_prop_terms, evidence_terms, role)

    def evidence_class(self, rtype: str) -> URIRef:
        """rdf:Statement, or schema:Role for a relationship that carries a role name."""
        return SDO.Role if rtype in self.role_reified else RDF.Statement

    def direct(self, rtype: str) -> list[URIRef]:
        """The predicates of a relationship's direct triples (its term and the term's inverse)."""
        p = self.rel_terms[rtype]
        return [p, INVERSE_TERMS[p]] if p in INVERSE_TERMS else [p]


def node_triples(m: Mapping, label: str, row: dict[str, Any], iris: IRIs) -> Iterator[Triple]:
    """The triples of one stored node."""
    subject = iris.node(row["id"])
    yield subject, RDF.type, m.classes[label]
    props = m.schema.nodes[label].properties
    for name, predicate in m.node_terms[label].items():
        value = row.get(name)
        if _empty(value):
            continue
        for item in value if props[name].type == "string[]" else (value,):
            if not _empty(item):
                yield subject, predicate, literal(item, props[name], predicate)


def activity_triples(extractor: str, iris: IRIs) -> Iterator[Triple]:
    """The PROV activity standing for one extractor version (emitted once per export)."""
    activity = iris.activity(extractor)
    yield activity, RDF.type, PROV.Activity
    yield activity, RDFS.label, Literal(extractor)


def edge_triples(m: Mapping, row: dict[str, Any], iris: IRIs) -> Iterator[Triple]:
    """The triples of one stored relationship: direct triple(s), reification, evidence."""
    rtype = row["type"]
    rel = m.schema.relationships[rtype]
    s, o = iris.node(row["src"]), iris.node(row["dst"])
    if rel.inverse:
        s, o = o, s
    p = m.rel_terms[rtype]
    yield s, p, o
    if p in INVERSE_TERMS:
        yield o, INVERSE_TERMS[p], s
    carrier = iris.evidence(rtype, row["src"], row["dst"], row["report"])
    if rtype in m.role_reified:
        yield carrier, RDF.type, SDO.Role
        yield s, p, carrier
        yield carrier, p, o
    else:
        yield carrier, RDF.type, RDF.Statement
        yield carrier, RDF.subject, s
        yield carrier, RDF.predicate, p
        yield carrier, RDF.object, o
    own = rel.properties
    for name, predicate in m.rel_prop_terms[rtype].items():
        value = row.get(name)
        if _empty(value):
            continue
        for item in value if own[name].type == "string[]" else (value,):
            if not _empty(item):
                yield carrier, predicate, literal(item, own[name], predicate)
    yield from evidence_triples(m, carrier, row, iris)


def evidence_triples(m: Mapping, carrier: URIRef, row: dict[str, Any], iris: IRIs) -> Iterator[Triple]:
    """Provenance of one relationship and a Web Annotation pointing at its sentence."""
    ev, props = m.evidence_terms, m.schema.evidence
    report = iris.node(row["report"])
    yield carrier, ev["report"], report
    if not _empty(row.get("extractor")):
        yield carrier, ev["extractor"], iris.activity(row["extractor"])
    if row.get("confidence") is not None:
        yield carrier, ev["confidence"], literal(row["confidence"], props["confidence"], ev["confidence"])
    annotation, target = iris.part(carrier, "annotation"), iris.part(carrier, "target")
    yield annotation, RDF.type, OA.Annotation
    yield annotation, OA.motivatedBy, OA.describing
    yield annotation, OA.hasBody, carrier
    yield annotation, OA.hasTarget, target
    yield target, RDF.type, OA.SpecificResource
    yield target, OA.hasSource, report
    if not _empty(row.get("sentence")):
        quote = iris.part(carrier, "quote")
        yield target, OA.hasSelector, quote
        yield quote, RDF.type, OA.TextQuoteSelector
        yield quote, ev["sentence"], literal(row["sentence"], props["sentence"], ev["sentence"])
    if row.get("span_start") is not None and row.get("span_end") is not None:
        position = iris.part(carrier, "position")
        yield target, OA.hasSelector, position
        yield position, RDF.type, OA.TextPositionSelector
        yield position, ev["span_start"], literal(row["span_start"], props["span_start"], ev["span_start"])
        yield position, ev["span_end"], literal(row["span_end"], props["span_end"], ev["span_end"])


def membership_triples(person: str, office: str, reports: Iterable[str], published: Iterable[str | None],
                       organizations: Iterable[str], iris: IRIs) -> Iterator[Triple]:
    """One person holding one post, as a Popolo-style org:Membership.

    ``published`` are the publication dates of the reports of the HOLDS edges; the earliest and
    latest known ones become ``schema:validFrom`` / ``schema:validThrough`` (first and last seen,
    not the term of office). ``organizations`` are the bodies the post is in (POST_IN).
    """
    membership = iris.membership(person, office)
    yield membership, RDF.type, ORG.Membership
    yield membership, ORG.member, iris.node(person)
    yield membership, OPENGOV.post, iris.node(office)
    for org in organizations:
        yield membership, ORG.organization, iris.node(org)
    for report in reports:
        yield membership, PROV.wasDerivedFrom, iris.node(report)
    date = Property("published", "date")
    dates = sorted(d for d in published if d and any(form.fullmatch(d) for form, _ in _DATE_FORMS))
    if dates:
        yield membership, SDO.validFrom, literal(dates[0], date)
        yield membership, SDO.validThrough, literal(dates[-1], date)


__all__ = ["Mapping", "Triple", "activity_triples", "edge_triples", "evidence_triples", "literal",
           "membership_triples", "node_triples"]
