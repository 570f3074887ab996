"""The vocabularies of kg's RDF, as closed namespaces: a misspelt term raises instead of minting
a wrong IRI.

rdflib ships ORG, FOAF, PROV, RDF, RDFS and SH closed. Its schema.org and XSD namespaces only
warn, so they are closed here; the Web Annotation (oa) and Popolo open-government (opengov)
vocabularies are declared here with the terms kg uses, and kg's own from the schema's ``kg:``
terms. schema/schema.yaml names terms as CURIEs
("org:holds"); :func:`term` resolves them through these classes, so a typo in the schema fails too.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib import namespace as _rdflib_ns  # its open SDO / XSD stay out of this module's names
from rdflib.namespace import FOAF, ORG, PROV, RDF, RDFS, SH

from kg.rdf.errors import RDFError
from kg.schema import Schema, load_schema


class SDO(_rdflib_ns.SDO):
    """schema.org, closed. rdflib's term list predates ``funding`` (schema.org "new" area)."""

    _fail = True
    funding: URIRef  # A Grant that directly or indirectly provides funding for this item.


class XSD(_rdflib_ns.XSD):
    """XML Schema datatypes, closed."""

    _fail = True


class OA(_rdflib_ns.DefinedNamespace):
    """W3C Web Annotation Vocabulary (the terms kg uses to point at evidence in a report)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    Annotation: URIRef
    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    motivatedBy: URIRef
    describing: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef


class OPENGOV(_rdflib_ns.DefinedNamespace):
    """Popolo's open-government vocabulary (only the term kg uses)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/opengov#")

    post: URIRef  # the org:Post a membership is held in


def _kg_namespace(schema: Schema) -> type:
    """kg's own vocabulary, closed over the ``kg:`` terms schema/schema.yaml uses.

    The schema is where a kg term is defined (with its doc), so the namespace is built from it
    rather than listed twice; code naming a kg term the schema lacks still fails.
    """
    curies = [p.rdf for node in schema.nodes.values() for p in node.properties.values()]
    curies += [p.rdf for p in schema.evidence.values()]
    curies += [r.rdf for r in schema.relationships.values()]
    curies += [p.rdf for r in schema.relationships.values() for p in r.properties.values()]
    terms = sorted({c.split(":", 1)[1] for c in curies if c and c.startswith("kg:")})
    return _rdflib_ns.DefinedNamespaceMeta("KG", (_rdflib_ns.DefinedNamespace,), {
        "__doc__": "kg's own terms, for what the shared vocabularies do not say (schema.yaml ``kg:``).",
        "__annotations__": {t: URIRef for t in terms}, "_NS": Namespace(schema.prefixes["kg"]), "_fail": True})


KG = _kg_namespace(load_schema())

#: Prefix → closed namespace, bound in every graph kg writes (so every format uses these prefixes).
NAMESPACES: dict[str, type] = {
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "org": ORG, "foaf": FOAF, "schema": SDO, "prov": PROV,
    "opengov": OPENGOV, "oa": OA, "kg": KG,
}

#: OWL inverses written alongside the schema's term, so either direction answers a query.
INVERSE_TERMS: dict[URIRef, URIRef] = {ORG.holds: ORG.heldBy}

#: Literal datatype per schema property type ("string[]" gives one literal per item).
DATATYPES: dict[str, URIRef] = {
    "string": XSD.string, "string[]": XSD.string, "int": XSD.integer, "float": XSD.double,
    "bool": XSD.boolean, "date": XSD.date,
}

#: Terms whose vocabulary fixes a narrower datatype than the schema type implies.
TERM_DATATYPES: dict[URIRef, URIRef] = {OA.start: XSD.nonNegativeInteger, OA.end: XSD.nonNegativeInteger}

#: Datatypes a "date" property may carry: the schema allows ISO dates cut to month or year.
DATE_DATATYPES = (XSD.date, XSD.gYearMonth, XSD.gYear)


def term(curie: str, schema: Schema | None = None) -> URIRef:
    """The IRI of a schema CURIE such as ``"org:holds"``, through the closed namespaces.

    Parameters
    ----------
    curie : "prefix:local", as written in schema/schema.yaml
    schema : when given, the prefix must be declared there with the same IRI as here

    Raises
    ------
    RDFError
        unknown prefix, a prefix the schema maps elsewhere, or a term the vocabulary lacks

    Examples
    --------
    >>> str(term("org:postIn"))
    'http://www.w3.org/ns/org#postIn'
    >>> term("foaf:nmae")
    Traceback (most recent call last):
    ...
    kg.rdf.errors.RDFError: foaf:nmae: term 'nmae' not in namespace 'http://xmlns.com/foaf/0.1/'
    """
    prefix, sep, local = curie.partition(":")
    ns = NAMESPACES.get(prefix)
    if not sep or ns is None:
        raise RDFError(f"{curie}: unknown vocabulary prefix {prefix!r}")
    if schema is not None and schema.prefixes.get(prefix) != str(ns):
        raise RDFError(f"{curie}: schema.yaml maps {prefix!r} to {schema.prefixes.get(prefix)!r}, "
                       f"kg.rdf.vocab to {str(ns)!r}")
    try:
        return getattr(ns, local)
    except AttributeError as exc:
        raise RDFError(f"{curie}: {exc}") from None


def bind(graph) -> None:
    """Bind kg's prefixes on an rdflib graph (replacing rdflib's defaults for the same IRIs)."""
    for prefix, ns in NAMESPACES.items():
        graph.bind(prefix, str(ns), override=True, replace=True)


__all__ = ["DATATYPES", "DATE_DATATYPES", "FOAF", "INVERSE_TERMS", "KG", "NAMESPACES", "OA", "OPENGOV",
           "ORG", "PROV", "RDF", "RDFS", "SDO", "SH", "TERM_DATATYPES", "XSD", "bind", "term"]
