"""SHACL shapes: generated from the schema without drift; exports conform; broken graphs are caught."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from kg.rdf.errors import RDFInputError
from kg.rdf.export import export_graph
from kg.rdf.shapes import SHAPES_FILE, build_shapes, load_shapes
from kg.rdf.validate import parse_rdf, validate_graph
from kg.rdf.vocab import FOAF, OA, ORG, RDF, SDO, SH
from tests.fixtures.rdf import small, small_dir  # noqa: F401 (fixtures)

BASE = "https://example.org/kg/"


def exported(store) -> Graph:
    return export_graph(store, BASE)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def test_committed_shapes_match_the_schema(shapes):
    """Drift test: regenerate with `python -m kg.rdf.shapes` after changing schema/schema.yaml."""
    from rdflib.compare import isomorphic

    assert isomorphic(build_shapes(), shapes), f"{SHAPES_FILE} is stale: run `python -m kg.rdf.shapes`"


def test_shapes_cover_every_label_and_relationship(shapes):
    from kg.schema import load_schema

    schema = load_schema()
    targets = set(shapes.objects(None, SH.targetClass))
    assert {FOAF.Person, ORG.Post, ORG.Organization, SDO.Event, SDO.NewsArticle, ORG.Membership, SDO.Role} <= targets
    from kg.rdf.vocab import term
    rel_terms = {term(r.rdf) for r in schema.relationships.values()}
    # every relationship term is checked for its subjects, but schema:subjectOf (any entity may be
    # mentioned), plus org:heldBy, written as the inverse of org:holds
    assert set(shapes.objects(None, SH.targetSubjectsOf)) == rel_terms - {SDO.subjectOf} | {ORG.heldBy}


def test_small_graph_export_conforms(small, shapes):
    report = validate_graph(exported(small), shapes)
    assert report.conforms, "\n".join(report.lines())


def test_corpus_export_conforms(corpus_store, shapes):
    graph = exported(corpus_store)
    report = validate_graph(graph, shapes)
    assert report.conforms, "\n".join(report.lines()[:40])
    assert report.triples == len(graph)


def _node(graph: Graph, cls, name: str) -> URIRef:
    node = next(graph.subjects(FOAF.name, Literal(name)))
    assert (node, RDF.type, cls) in graph
    return node


def test_broken_graph_gives_the_expected_violations(small, shapes):
    g = exported(small)
    ridwan = _node(g, FOAF.Person, "A. Ridwan")
    mulyono = _node(g, FOAF.Person, "Mulyono")
    event = _node(g, SDO.Event, "Pertemuan Lintas Sektor Sulteng")
    polres = _node(g, ORG.Organization, "Kepolisian Resor Kota Jambi")
    g.remove((ridwan, FOAF.name, None))                 # missing name
    g.add((event, SDO.location, mulyono))               # an event held at a person
    g.add((mulyono, ORG.postIn, polres))                # a person used as a post
    g.add((event, SDO.startDate, Literal("16 Sept 2020")))  # unreadable, and a second date
    position = next(g.subjects(RDF.type, OA.TextPositionSelector))
    g.set((position, OA.start, Literal(-3)))

    report = validate_graph(g, shapes)
    assert not report.conforms
    got = {(v.focus, v.path, v.component) for v in report.violations}
    q = lambda n: f"<{n}>"  # noqa: E731
    assert got == {
        (q(ridwan), "foaf:name", "MinCount"),
        (q(event), "schema:location", "Class"),
        (q(mulyono), "org:postIn", "Class"),
        (q(event), "schema:startDate", "Or"),
        (q(event), "schema:startDate", "MaxCount"),
        (q(position), "oa:start", "Datatype"),
    }
    lines = report.lines()
    assert f"violation: {q(ridwan)} foaf:name: missing foaf:name [kgsh:Person, MinCount]" in lines
    assert (f"violation: {q(event)} schema:location: {q(mulyono)} is not of class schema:Place "
            "[kgsh:Event, Class]") in lines
    assert (f"violation: {q(mulyono)} org:postIn: is the subject of org:postIn but not of class org:Post "
            "[kgsh:POST_IN-subject, Class]") in lines
    assert lines[-1] == f"does not conform: 6 violations on 4 nodes ({len(g)} triples)"


def test_wrong_endpoint_type_on_attendance(small, shapes):
    g = exported(small)
    event = _node(g, SDO.Event, "Sosialisasi Pencegahan TPPO")
    place = _node(g, SDO.Place, "Kota Jambi")
    g.add((event, SDO.attendee, place))
    report = validate_graph(g, shapes)
    assert [(v.path, v.component, v.message) for v in report.violations] == [
        ("schema:attendee", "Or", f"<{place}> is not of class foaf:Person or org:Organization or schema:Role")]


def test_unparseable_file_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is < not turtle", encoding="utf-8")
    with pytest.raises(RDFInputError, match="bad.ttl: not valid turtle"):
        parse_rdf(bad)
    with pytest.raises(RDFInputError, match="no such file"):
        parse_rdf(tmp_path / "missing.nt")
    with pytest.raises(RDFInputError, match="give --format"):
        parse_rdf(tmp_path / "data.unknown")
