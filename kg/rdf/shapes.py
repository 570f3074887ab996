"""SHACL shapes for kg's RDF, generated from schema/schema.yaml into schema/shapes.ttl.

- one node shape per label (``kgsh:Person`` …), targeting its class: the schema's properties with
  their datatypes, ``sh:minCount 1`` (and a non-empty string) where required, one value unless
  the property is a list, ``sh:in`` for enumerations; and, per relationship the label is the RDF
  subject of, ``sh:class`` of the endpoint types it may point to;
- one shape per relationship term (``kgsh:HOLDS-subject`` …) targeting the subjects of the term,
  so a relationship drawn from the wrong kind of node is caught whatever that node is (except
  where any entity may be the subject, as for MENTIONED_IN);
- shapes for what the exporter adds: the evidence resources (rdf:Statement, schema:Role), their
  Web Annotations and selectors, org:Membership, and the extractor activities.

Regenerate after changing the schema: ``python -m kg.rdf.shapes`` (tests/test_rdf_shapes.py fails
while schema/shapes.ttl is stale).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kg.rdf.triples import Mapping
from kg.rdf.vocab import (DATATYPES, DATE_DATATYPES, INVERSE_TERMS, OA, OPENGOV, ORG, PROV, RDF, RDFS, SDO, SH,
                          TERM_DATATYPES, XSD, bind)
from kg.schema import SCHEMA_FILE, Property, Schema, load_schema

SHAPES_FILE = SCHEMA_FILE.parent / "shapes.ttl"
KGSH = Namespace("https://w3id.org/kg-id/shapes#")  # shape names, minted from labels and types
HEADER = ("# SHACL shapes of kg's RDF export. Generated from schema/schema.yaml by kg.rdf.shapes:\n"
          "# do not edit; regenerate with `python -m kg.rdf.shapes`.\n")


class _Builder:
    def __init__(self, graph: Graph) -> None:
        self.g = graph

    def rdf_list(self, items: Iterable) -> BNode:
        head = BNode()
        Collection(self.g, head, list(items))
        return head

    def node_shape(self, name: str, comment: str = "", target_class: Iterable[URIRef] = (),
                   subjects_of: URIRef | None = None) -> URIRef:
        shape = KGSH[name]
        self.g.add((shape, RDF.type, SH.NodeShape))
        for cls in target_class:
            self.g.add((shape, SH.targetClass, cls))
        if subjects_of is not None:
            self.g.add((shape, SH.targetSubjectsOf, subjects_of))
        if comment:
            self.g.add((shape, RDFS.comment, Literal(comment)))
        return shape

    def classes(self, node: URIRef | BNode, classes: list[URIRef]) -> None:
        """sh:class, or sh:or of sh:class when several classes are allowed."""
        classes = sorted(set(classes))
        if len(classes) == 1:
            self.g.add((node, SH["class"], classes[0]))
        else:
            alternatives = []
            for cls in classes:
                alt = BNode()
                self.g.add((alt, SH["class"], cls))
                alternatives.append(alt)
            self.g.add((node, SH["or"], self.rdf_list(alternatives)))

    def prop(self, shape: URIRef, path: URIRef, *, name: str = "", min_count: int = 0, max_count: int | None = None,
             datatype: URIRef | tuple[URIRef, ...] | None = None, classes: list[URIRef] | None = None,
             values: Iterable | None = None, non_empty: bool = False, node_kind: URIRef | None = None,
             min_inclusive: float | None = None, max_inclusive: float | None = None,
             less_or_equal: URIRef | None = None) -> BNode:
        p = BNode()
        g = self.g
        g.add((shape, SH.property, p))
        g.add((p, SH.path, path))
        if name:
            g.add((p, SH.name, Literal(name)))
        if min_count:
            g.add((p, SH.minCount, Literal(min_count)))
        if max_count is not None:
            g.add((p, SH.maxCount, Literal(max_count)))
        if isinstance(datatype, tuple):
            alternatives = []
            for dt in datatype:
                alt = BNode()
                g.add((alt, SH.datatype, dt))
                alternatives.append(alt)
            g.add((p, SH["or"], self.rdf_list(alternatives)))
        elif datatype is not None:
            g.add((p, SH.datatype, datatype))
        if classes:
            self.classes(p, classes)
        if values is not None:
            g.add((p, SH["in"], self.rdf_list(values)))
        if non_empty:
            g.add((p, SH.minLength, Literal(1)))
        if node_kind is not None:
            g.add((p, SH.nodeKind, node_kind))
        if min_inclusive is not None:
            g.add((p, SH.minInclusive, Literal(min_inclusive)))
        if max_inclusive is not None:
            g.add((p, SH.maxInclusive, Literal(max_inclusive)))
        if less_or_equal is not None:
            g.add((p, SH.lessThanOrEquals, less_or_equal))
        return p

    def literal_prop(self, shape: URIRef, path: URIRef, prop: Property, required: bool | None = None) -> None:
        required = prop.required if required is None else required
        datatype = DATE_DATATYPES if prop.type == "date" else TERM_DATATYPES.get(path, DATATYPES[prop.type])
        self.prop(shape, path, name=prop.name, min_count=1 if required else 0,
                  max_count=None if prop.type == "string[]" else 1, datatype=datatype,
                  values=[Literal(v) for v in prop.enum] if prop.enum else None,
                  non_empty=required and prop.type == "string")


def _endpoint_classes(m: Mapping) -> tuple[dict, dict]:
    """(label, predicate) → classes its objects may have; predicate → (rel type, subject classes)."""
    objects: dict[tuple[str, URIRef], list[URIRef]] = {}
    subjects: dict[URIRef, tuple[str, list[URIRef]]] = {}
    for rtype, rel in m.schema.relationships.items():
        p = m.rel_terms[rtype]
        for src, dst in rel.endpoints:
            s_label, o_label = (dst, src) if rel.inverse else (src, dst)
            o_classes = [m.classes[o_label]] + ([SDO.Role] if rtype in m.role_reified else [])
            objects.setdefault((s_label, p), []).extend(o_classes)
            subjects.setdefault(p, (rtype, []))[1].append(m.classes[s_label])
            if p in INVERSE_TERMS:
                objects.setdefault((o_label, INVERSE_TERMS[p]), []).append(m.classes[s_label])
                subjects.setdefault(INVERSE_TERMS[p], (f"{rtype}-inverse", []))[1].append(m.classes[o_label])
        if rtype in m.role_reified:  # the role pattern: the Role is the subject of the term too
            subjects[p][1].append(SDO.Role)
    return objects, subjects


def build_shapes(schema: Schema | None = None) -> Graph:
    """The SHACL shapes graph of the schema (see the module docstring for what it checks)."""
    m = Mapping.from_schema(schema or load_schema())
    schema = m.schema
    g = Graph(bind_namespaces="none")
    bind(g)
    g.bind("sh", str(SH))
    g.bind("kgsh", str(KGSH))
    b = _Builder(g)
    objects, subjects = _endpoint_classes(m)
    news = m.classes["Report"]

    for label, node in schema.nodes.items():
        shape = b.node_shape(label, f"{label}: {node.doc}", [m.classes[label]])
        for name, path in m.node_terms[label].items():
            b.literal_prop(shape, path, node.properties[name])
        for (s_label, path), classes in sorted(objects.items()):
            if s_label == label:
                b.prop(shape, path, classes=classes, node_kind=SH.IRI)

    entities = {m.classes[label] for label in schema.entity_labels}
    for path, (rtype, classes) in sorted(subjects.items(), key=lambda kv: kv[1][0]):
        if entities <= set(classes):
            continue  # any entity may be the subject (MENTIONED_IN): little to check, costly to run
        shape = b.node_shape(f"{rtype}-subject", f"subjects of {g.qname(path)} ({rtype})", subjects_of=path)
        b.classes(shape, classes)

    evidence_classes = [RDF.Statement] + ([SDO.Role] if m.role_reified else [])
    ev, ev_props = m.evidence_terms, schema.evidence
    shape = b.node_shape("Evidence", "a stored relationship: where it was read, by what, how sure", evidence_classes)
    b.prop(shape, ev["report"], name="report", min_count=1, max_count=1, classes=[news])
    b.prop(shape, ev["extractor"], name="extractor", min_count=1 if ev_props["extractor"].required else 0,
           max_count=1, classes=[PROV.Activity])
    b.prop(shape, ev["confidence"], name="confidence", min_count=1 if ev_props["confidence"].required else 0,
           max_count=1, datatype=XSD.double, min_inclusive=0.0, max_inclusive=1.0)

    shape = b.node_shape("Statement", "a relationship, reified (rdf:Statement)", [RDF.Statement])
    b.prop(shape, RDF.subject, min_count=1, max_count=1, node_kind=SH.IRI)
    b.prop(shape, RDF.predicate, min_count=1, max_count=1,
           values=sorted({m.rel_terms[r] for r in schema.relationships if r not in m.role_reified}))
    b.prop(shape, RDF.object, min_count=1, max_count=1, node_kind=SH.IRI)
    for rtype in schema.relationships:
        if rtype not in m.role_reified:
            for name, path in m.rel_prop_terms[rtype].items():
                b.literal_prop(shape, path, schema.relationships[rtype].properties[name], required=False)

    if m.role_reified:
        shape = b.node_shape("Role", "a relationship with a role (schema.org role pattern)", [SDO.Role])
        only = len(m.role_reified) == 1
        for rtype in sorted(m.role_reified):
            rel = schema.relationships[rtype]
            ends = [m.classes[src if rel.inverse else dst] for src, dst in rel.endpoints]
            b.prop(shape, m.rel_terms[rtype], name=rtype, min_count=1 if only else 0, max_count=1, classes=ends)
            for name, path in m.rel_prop_terms[rtype].items():
                b.literal_prop(shape, path, rel.properties[name], required=rel.properties[name].required and only)

    shape = b.node_shape("Annotation", "points from a relationship to the sentence it was read from", [OA.Annotation])
    # Bodies and selectors are checked by their own shapes (by class); an sh:or of classes here
    # would double pyshacl's time on a large export.
    b.prop(shape, OA.hasBody, min_count=1, max_count=1, node_kind=SH.IRI)
    b.prop(shape, OA.hasTarget, min_count=1, max_count=1, classes=[OA.SpecificResource])
    shape = b.node_shape("SpecificResource", "the evidence sentence within a report", [OA.SpecificResource])
    b.prop(shape, OA.hasSource, min_count=1, max_count=1, classes=[news])
    b.prop(shape, OA.hasSelector, node_kind=SH.IRI)
    shape = b.node_shape("TextQuoteSelector", "the sentence, quoted", [OA.TextQuoteSelector])
    b.literal_prop(shape, ev["sentence"], ev_props["sentence"])
    shape = b.node_shape("TextPositionSelector", "the sentence's character span", [OA.TextPositionSelector])
    b.prop(shape, ev["span_start"], name="span_start", min_count=1, max_count=1,
           datatype=TERM_DATATYPES.get(ev["span_start"], XSD.integer), less_or_equal=ev["span_end"])
    b.prop(shape, ev["span_end"], name="span_end", min_count=1, max_count=1,
           datatype=TERM_DATATYPES.get(ev["span_end"], XSD.integer))

    holds = [r for r, t in m.rel_terms.items() if t == ORG.holds]
    if holds:
        (person, post), = {pair for r in holds for pair in schema.relationships[r].endpoints}
        post_in = [schema.relationships[r] for r, t in m.rel_terms.items() if t == ORG.postIn]
        orgs = sorted({m.classes[dst] for rel in post_in for _, dst in rel.endpoints}) or [ORG.Organization]
        shape = b.node_shape("Membership", "a person holding a post, first and last seen", [ORG.Membership])
        b.prop(shape, ORG.member, min_count=1, max_count=1, classes=[m.classes[person]])
        b.prop(shape, OPENGOV.post, min_count=1, max_count=1, classes=[m.classes[post]])
        b.prop(shape, ORG.organization, classes=orgs)
        b.prop(shape, SDO.validFrom, max_count=1, datatype=DATE_DATATYPES)
        b.prop(shape, SDO.validThrough, max_count=1, datatype=DATE_DATATYPES)
        b.prop(shape, PROV.wasDerivedFrom, min_count=1, classes=[news])

    shape = b.node_shape("Activity", "an extractor version that generated relationships", [PROV.Activity])
    b.prop(shape, RDFS.label, min_count=1, max_count=1, datatype=XSD.string, non_empty=True)
    return g


def shapes_text(schema: Schema | None = None) -> str:
    """The shapes as the Turtle text of schema/shapes.ttl."""
    return HEADER + build_shapes(schema).serialize(format="turtle")


def load_shapes(path: Path = SHAPES_FILE) -> Graph:
    """The committed shapes graph."""
    return Graph().parse(path, format="turtle")


def main() -> None:
    """Regenerate schema/shapes.ttl from schema/schema.yaml."""
    SHAPES_FILE.write_text(shapes_text(), encoding="utf-8")
    print(f"wrote {SHAPES_FILE}")


if __name__ == "__main__":
    main()


__all__ = ["KGSH", "SHAPES_FILE", "build_shapes", "load_shapes", "shapes_text"]
