"""RDF for kg: export the graph as linked data and validate it against SHACL shapes.

Modules, by noun: ``vocab`` (closed namespaces), ``iris`` (stable IRIs), ``triples`` (rows to
triples), ``writers`` (streaming serializers), ``export`` (store to stream), ``shapes`` (SHACL
generated from schema/), ``validate`` (pyshacl, readable results), ``errors``.

This module imports nothing, so the CLI can name defaults without loading rdflib.
"""
from __future__ import annotations

DEFAULT_BASE = "https://example.org/kg/"  # placeholder: set --base to where the data is published
FORMATS = ("turtle", "nt", "jsonld", "xml")
