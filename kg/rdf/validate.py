"""Validate RDF against kg's SHACL shapes (schema/shapes.ttl) with pyshacl, and say what is wrong
in one readable line per violation.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.util import guess_format

from kg.rdf.errors import RDFInputError
from kg.rdf.shapes import KGSH, load_shapes
from kg.rdf.vocab import SH, bind
from kg.rdf.writers import PARSE_FORMATS

SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL validation result, as text."""

    focus: str
    path: str
    message: str
    value: str = ""
    shape: str = ""
    component: str = ""
    severity: str = "violation"

    def line(self) -> str:
        where = f"{self.focus} {self.path}".rstrip()
        return f"{self.severity}: {where}: {self.message} [{self.shape}, {self.component}]"


@dataclass
class ValidationReport:
    """Whether a graph conforms, and every result."""

    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One line per result, then a summary line."""
        out = [v.line() for v in self.violations]
        if self.conforms:
            out.append(f"conforms: {self.triples} triples, no violations")
        else:
            focus = len({v.focus for v in self.violations})
            out.append(f"does not conform: {len(self.violations)} violations on {focus} nodes "
                       f"({self.triples} triples)")
        return out


def parse_rdf(source: str | Path | BinaryIO, fmt: str | None = None) -> Graph:
    """Read an RDF file (``-`` for stdin); the format from ``fmt`` (kg's or rdflib's names) or the
    file's extension.

    Raises
    ------
    RDFInputError
        unreadable file, unknown format, or RDF that does not parse
    """
    name = "<stdin>" if source == "-" else str(getattr(source, "name", source))
    if fmt:
        rdflib_fmt = PARSE_FORMATS.get(fmt, fmt)
    else:
        rdflib_fmt = guess_format(name) or ("json-ld" if name.endswith(".jsonld") else None)
    if rdflib_fmt is None:
        raise RDFInputError(f"{name}: cannot tell the RDF format from the name; give --format")
    graph = Graph()
    try:
        if source == "-":
            graph.parse(data=sys.stdin.buffer.read(), format=rdflib_fmt)
        else:
            graph.parse(source, format=rdflib_fmt)
    except FileNotFoundError:
        raise RDFInputError(f"{name}: no such file") from None
    except Exception as exc:  # rdflib raises many kinds (SyntaxError, BadSyntax, SAX, JSON, plugin) for bad input
        detail = " ".join(str(exc).split())[:300]
        raise RDFInputError(f"{name}: not valid {rdflib_fmt}: {type(exc).__name__}: {detail}") from None
    return graph


def _owner(shapes: Graph, shape) -> object:
    """The node shape a property shape belongs to (property shapes are blank nodes)."""
    if isinstance(shape, BNode):
        return shapes.value(None, SH.property, shape) or shape
    return shape


def _allowed(shapes: Graph, shape, constraint) -> list:
    """The classes (or datatypes) a shape allows: its own, or those of each of its sh:or branches."""
    found = list(shapes.objects(shape, constraint))
    for alternatives in shapes.objects(shape, SH["or"]):
        found += [c for branch in Collection(shapes, alternatives) for c in shapes.objects(branch, constraint)]
    return found


def _message(graph: Graph, shapes: Graph, result, component: str) -> str:
    shape = graph.value(result, SH.sourceShape)
    path = graph.value(result, SH.resultPath)
    value = graph.value(result, SH.value)
    q = _term(graph)
    classes = " or ".join(sorted(q(c) for c in _allowed(shapes, shape, SH["class"])))
    datatypes = " or ".join(q(d) for d in _allowed(shapes, shape, SH.datatype))
    relationship = shapes.value(shape, SH.targetSubjectsOf)
    if relationship is not None and component in ("Class", "Or"):
        return f"is the subject of {q(relationship)} but not of class {classes}"
    if component == "MinCount":
        need = int(shapes.value(shape, SH.minCount))
        return f"missing {q(path)}" if need == 1 else f"fewer than {need} values of {q(path)}"
    if component == "MaxCount":
        return f"more than {int(shapes.value(shape, SH.maxCount))} values of {q(path)}"
    if component in ("Class", "Or") and classes:
        return f"{q(value)} is not of class {classes}"
    if component in ("Datatype", "Or") and datatypes:
        return f"{q(value)} is not a valid {datatypes}"
    if component == "In":
        return f"{q(value)} is not one of the allowed values"
    message = graph.value(result, SH.resultMessage)
    return str(message) if message else component


def _term(graph: Graph):
    def q(node) -> str:
        if node is None:
            return ""
        if isinstance(node, Literal):
            return node.n3(graph.namespace_manager)
        if isinstance(node, URIRef):
            try:
                prefix, _, local = graph.namespace_manager.compute_qname(node, generate=False)
                return f"{prefix}:{local}"
            except (KeyError, ValueError):
                return f"<{node}>"
        return "[]"
    return q


def validate_graph(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``data`` against ``shapes`` (default: the committed schema/shapes.ttl).

    No inference is run: kg's export states every class its nodes have.
    """
    shapes = shapes if shapes is not None else load_shapes()
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False)
    bind(results)
    results.bind("kgsh", str(KGSH))
    q = _term(results)
    report = ValidationReport(bool(conforms), len(data))
    for result in results.subjects(predicate=SH.resultSeverity):
        component = results.value(result, SH.sourceConstraintComponent)
        name = str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
        shape = _owner(shapes, results.value(result, SH.sourceShape))
        path = results.value(result, SH.resultPath) or shapes.value(shape, SH.targetSubjectsOf)
        report.violations.append(Violation(
            focus=q(results.value(result, SH.focusNode)), path=q(path),
            message=_message(results, shapes, result, name), value=q(results.value(result, SH.value)),
            shape=q(shape) if isinstance(shape, URIRef) else "shape", component=name,
            severity=SEVERITIES.get(results.value(result, SH.resultSeverity), "violation")))
    report.violations.sort()
    return report


def validate_file(source: str | Path, fmt: str | None = None, shapes: Graph | None = None) -> ValidationReport:
    """Parse an RDF file (``-`` for stdin) and validate it; see :func:`validate_graph`."""
    return validate_graph(parse_rdf(source, fmt), shapes)
