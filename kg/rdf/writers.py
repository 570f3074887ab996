"""Streaming RDF writers: one document written chunk by chunk, so memory stays flat.

Writers are small classes over an open binary stream: ``write(triples)`` per chunk, ``close()``.

- ``nt`` and ``turtle`` are line formats: each triple is written as it comes, with rdflib's terms
  (N-Triples escaping; in Turtle, prefixed names for vocabulary terms and consecutive triples of
  one subject joined with ``;``). No graph is built, which makes them 4-10× faster than going
  through rdflib's serializers.
- ``jsonld`` and ``xml`` are tree formats, so each chunk goes into a small rdflib graph that
  rdflib serializes; only the chunk's body is kept. JSON-LD: one ``{"@context": …, "@graph": [``
  head, the node objects of each compacted chunk (a subject split over two chunks is two node
  objects with the same ``@id``, which JSON-LD merges), then ``]}``. RDF/XML: one
  ``<rdf:RDF xmlns:…>`` element holding the ``rdf:Description`` elements of every chunk.

Every document binds the same prefixes (:data:`kg.rdf.vocab.NAMESPACES`); an rdflib chunk that
declares another one (rdflib inventing ``ns1``) is an error rather than a silently broken document.
"""
from __future__ import annotations

import json
import re
from typing import BinaryIO, ClassVar, Iterable

from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import UsageError
from kg.rdf.errors import RDFError
from kg.rdf.vocab import NAMESPACES, RDF, bind

PREFIXES = {prefix: str(ns) for prefix, ns in NAMESPACES.items()}


def chunk_graph(triples: Iterable[tuple]) -> Graph:
    """A graph of the triples with kg's prefixes (and no others) bound."""
    graph = Graph(bind_namespaces="none")
    bind(graph)
    for triple in triples:
        graph.add(triple)
    return graph


class Writer:
    """Writes one RDF document to a binary stream: ``write(triples)`` per chunk, then ``close()``."""

    name: ClassVar[str]
    rdflib_format: ClassVar[str]
    media_type: ClassVar[str]

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.chunks = 0
        self.out.write(self.head().encode("utf-8"))

    def head(self) -> str:
        return ""

    def tail(self) -> str:
        return ""

    def write(self, triples: list[tuple]) -> None:
        if not triples:
            return
        text = chunk_graph(triples).serialize(format=self.rdflib_format, encoding="utf-8").decode("utf-8")
        self.out.write(self.body(text).encode("utf-8"))
        self.chunks += 1

    def body(self, text: str) -> str:
        return text

    def close(self) -> None:
        self.out.write(self.tail().encode("utf-8"))
        self.out.flush()


def _check_prefixes(found: dict[str, str], fmt: str) -> None:
    stray = {p: iri for p, iri in found.items() if PREFIXES.get(p) != iri}
    if stray:
        raise RDFError(f"{fmt} writer: a chunk declared prefixes kg does not bind: {stray}")


_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def quote_string(text: str) -> str:
    r"""A string as an N-Triples / Turtle ``"…"`` literal (ECHAR escapes, other controls as \uXXXX).

    >>> print(quote_string('kata "kutip"\\baris\nbaru'))
    "kata \"kutip\"\\baris\nbaru"
    """
    return '"' + _ESCAPE.sub(lambda m: _ECHAR.get(m[0]) or f"\\u{ord(m[0]):04X}", text) + '"'


def nt_term(node) -> str:
    """One term in N-Triples syntax."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        text = quote_string(str(node))
        if node.language:
            return f"{text}@{node.language}"
        return f"{text}^^<{node.datatype}>" if node.datatype else text
    if isinstance(node, BNode):
        return f"_:{node}"
    raise RDFError(f"cannot write {node!r} as an RDF term")


class _Names:
    """Prefixed names for the vocabularies' terms; every other IRI is written in full."""

    _LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")

    def __init__(self) -> None:
        self.cache: dict[URIRef, str] = {}
        self.namespaces = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))

    def __call__(self, node: URIRef) -> str:
        name = self.cache.get(node)
        if name is None:
            name = f"<{node}>"
            for prefix, ns in self.namespaces:
                if node.startswith(ns):
                    local = node[len(ns):]
                    if self._LOCAL.fullmatch(local):
                        name = f"{prefix}:{local}"
                        self.cache[node] = name  # only vocabulary terms: a bounded set
                    break
        return name


class NTriplesWriter(Writer):
    """N-Triples written line by line (no intermediate graph: the fastest format)."""

    name, rdflib_format, media_type = "nt", "nt", "application/n-triples"

    def write(self, triples: list[tuple]) -> None:
        self.out.write("".join(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in triples).encode("utf-8"))


class TurtleWriter(Writer):
    """Turtle written triple by triple: prefixed names for vocabulary terms, full IRIs for the
    data, consecutive triples of one subject joined with ``;``."""

    name, rdflib_format, media_type = "turtle", "turtle", "text/turtle"

    def __init__(self, out: BinaryIO) -> None:
        self.names = _Names()
        super().__init__(out)

    def head(self) -> str:
        return "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()) + "\n"

    def term(self, node) -> str:
        if isinstance(node, URIRef):
            return self.names(node)
        if isinstance(node, Literal) and node.datatype and not node.language:
            return f"{quote_string(str(node))}^^{self.names(node.datatype)}"
        return nt_term(node)

    def write(self, triples: list[tuple]) -> None:
        parts, subject = [], None
        for s, p, o in triples:
            verb = "a" if p == RDF.type else self.term(p)
            if s == subject:
                parts.append(f" ;\n    {verb} {self.term(o)}")
            else:
                end = " .\n\n" if subject is not None else ""
                parts.append(f"{end}{self.term(s)} {verb} {self.term(o)}")
                subject = s
        if parts:
            parts.append(" .\n\n")
            self.out.write("".join(parts).encode("utf-8"))


class JSONLDWriter(Writer):
    """JSON-LD: rdflib's expanded form of each chunk, with IRIs shortened to the context's prefixes.

    Not rdflib's own compaction: with a context it writes numbers and booleans as JSON natives
    and then loses a falsy first value (0.0, false) when a property has several.
    """

    name, rdflib_format, media_type = "jsonld", "json-ld", "application/ld+json"

    def __init__(self, out: BinaryIO) -> None:
        self.names = _Names()
        super().__init__(out)

    def head(self) -> str:
        return '{\n"@context": ' + json.dumps(PREFIXES, indent=1) + ',\n"@graph": ['

    def short(self, iri: str) -> str:
        name = self.names(URIRef(iri))
        return iri if name.startswith("<") else name

    def value(self, value: dict):
        if "@id" in value or "@language" in value:
            return value
        if "@type" in value:
            return {"@value": value["@value"], "@type": self.short(value["@type"])}
        return value["@value"]  # a plain string

    def compact(self, node: dict) -> dict:
        out = {}
        for key, values in node.items():
            if key == "@id":
                out[key] = values
            elif key == "@type":
                types = [self.short(t) for t in values]
                out[key] = types[0] if len(types) == 1 else types
            else:
                items = [self.value(v) for v in values]
                out[self.short(key)] = items[0] if len(items) == 1 else items
        return out

    def write(self, triples: list[tuple]) -> None:
        if not triples:
            return
        nodes = json.loads(chunk_graph(triples).serialize(format="json-ld"))
        if not isinstance(nodes, list):
            raise RDFError("jsonld writer: expected rdflib's expanded form")
        sep = ",\n" if self.chunks else "\n"
        self.out.write((sep + ",\n".join(json.dumps(self.compact(n), ensure_ascii=False, separators=(",", ":"))
                                         for n in nodes)).encode("utf-8"))
        self.chunks += 1

    def tail(self) -> str:
        return "\n]\n}\n"


class RDFXMLWriter(Writer):
    name, rdflib_format, media_type = "xml", "xml", "application/rdf+xml"
    _XMLNS = re.compile(r'xmlns:([\w.-]+)="([^"]*)"')

    def head(self) -> str:
        decls = "".join(f'\n   xmlns:{p}="{iri}"' for p, iri in PREFIXES.items())
        return f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF{decls}\n>\n'

    def body(self, text: str) -> str:
        start = text.find("<rdf:RDF")
        open_end = text.find("\n>\n", start)
        close = text.rfind("</rdf:RDF>")
        if start < 0 or open_end < 0 or close < open_end:
            raise RDFError("xml writer: unexpected rdflib output")
        _check_prefixes(dict(self._XMLNS.findall(text[start:open_end])), self.name)
        return text[open_end + 3:close]

    def tail(self) -> str:
        return "</rdf:RDF>\n"


WRITERS: dict[str, type[Writer]] = {w.name: w for w in (TurtleWriter, NTriplesWriter, JSONLDWriter, RDFXMLWriter)}

#: The format names rdflib's parser knows them by, for reading kg's output back.
PARSE_FORMATS = {name: w.rdflib_format for name, w in WRITERS.items()}


def writer(fmt: str, out: BinaryIO) -> Writer:
    """The writer of a format name (turtle, nt, jsonld, xml) on a binary stream."""
    check_format(fmt)
    return WRITERS[fmt](out)


def check_format(fmt: str) -> None:
    """Raise :class:`UsageError` unless ``fmt`` is a format kg writes."""
    if fmt not in WRITERS:
        raise UsageError(f"unknown RDF format {fmt!r}; use one of {', '.join(WRITERS)}")
