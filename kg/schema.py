"""Load and check schema/schema.yaml, the single source of truth for the graph.

Everything that names a label, relationship type or property (the Ladybug DDL, Neo4j constraints,
SHACL shapes, the loader, the docs) reads it through :func:`load_schema`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from kg.errors import SchemaError

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "schema.yaml"
TYPES = {"string", "int", "float", "bool", "date", "string[]"}


@dataclass(frozen=True)
class Property:
    name: str
    type: str
    required: bool = False
    rdf: str | None = None
    doc: str = ""
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class NodeType:
    label: str
    prefix: str
    rdf: str
    doc: str
    properties: dict[str, Property]
    index: tuple[str, ...] = ()
    key: str = "id"


@dataclass(frozen=True)
class RelType:
    type: str
    rdf: str
    doc: str
    endpoints: tuple[tuple[str, str], ...]
    properties: dict[str, Property]
    inverse: bool = False  # the RDF term points from the object to the subject

    def allows(self, src: str, dst: str) -> bool:
        return (src, dst) in self.endpoints


@dataclass(frozen=True)
class Schema:
    version: int
    prefixes: dict[str, str]
    nodes: dict[str, NodeType]
    relationships: dict[str, RelType]
    evidence: dict[str, Property] = field(default_factory=dict)

    def node(self, label: str) -> NodeType:
        try:
            return self.nodes[label]
        except KeyError:
            raise SchemaError(f"unknown node label {label!r}") from None

    def rel(self, rtype: str) -> RelType:
        try:
            return self.relationships[rtype]
        except KeyError:
            raise SchemaError(f"unknown relationship type {rtype!r}") from None

    @property
    def entity_labels(self) -> list[str]:
        """Labels of the entities extracted from reports (all but Report)."""
        return [label for label in self.nodes if label != "Report"]

    def rel_properties(self, rtype: str) -> dict[str, Property]:
        """Evidence properties followed by the type's own ones."""
        return {**self.evidence, **self.rel(rtype).properties}


def _props(where: str, raw: dict, prefixes: dict[str, str]) -> dict[str, Property]:
    out = {}
    for name, spec in (raw or {}).items():
        spec = spec or {}
        ptype = spec.get("type", "string")
        if ptype not in TYPES:
            raise SchemaError(f"{SCHEMA_FILE.name}: {where}.{name}: unknown type {ptype!r}")
        rdf = spec.get("rdf")
        if rdf and rdf.split(":", 1)[0] not in prefixes:
            raise SchemaError(f"{SCHEMA_FILE.name}: {where}.{name}: undeclared prefix in {rdf!r}")
        out[name] = Property(name, ptype, bool(spec.get("required")), rdf, spec.get("doc", ""),
                             tuple(spec.get("enum", ())))
    return out


def parse_schema(data: dict) -> Schema:
    """Build a :class:`Schema` from parsed YAML, checking every cross-reference."""
    prefixes = dict(data.get("prefixes") or {})
    nodes = {}
    for label, spec in (data.get("nodes") or {}).items():
        for need in ("prefix", "rdf"):
            if need not in spec:
                raise SchemaError(f"{SCHEMA_FILE.name}: nodes.{label}: missing {need!r}")
        props = _props(f"nodes.{label}", spec.get("properties"), prefixes)
        if "id" in props:
            raise SchemaError(f"{SCHEMA_FILE.name}: nodes.{label}: 'id' is the implicit key")
        for p in spec.get("index", ()):
            if p not in props:
                raise SchemaError(f"{SCHEMA_FILE.name}: nodes.{label}.index: unknown property {p!r}")
        nodes[label] = NodeType(label, spec["prefix"], spec["rdf"], spec.get("doc", ""), props,
                                tuple(spec.get("index", ())))
    evidence = _props("evidence_properties", data.get("evidence_properties"), prefixes)
    rels = {}
    for rtype, spec in (data.get("relationships") or {}).items():
        ends = tuple(tuple(pair) for pair in spec.get("endpoints", ()))
        if not ends:
            raise SchemaError(f"{SCHEMA_FILE.name}: relationships.{rtype}: no endpoints")
        for pair in ends:
            if len(pair) != 2 or any(label not in nodes for label in pair):
                raise SchemaError(f"{SCHEMA_FILE.name}: relationships.{rtype}: bad endpoint {list(pair)}")
        props = _props(f"relationships.{rtype}", spec.get("properties"), prefixes)
        clash = set(props) & set(evidence)
        if clash:
            raise SchemaError(f"{SCHEMA_FILE.name}: relationships.{rtype}: redefines {sorted(clash)}")
        rels[rtype] = RelType(rtype, spec.get("rdf", ""), spec.get("doc", ""), ends, props,
                              bool(spec.get("inverse")))
    prefixes_used = {n.rdf.split(":")[0] for n in nodes.values()} | {
        r.rdf.split(":")[0] for r in rels.values()}
    missing = prefixes_used - set(prefixes)
    if missing:
        raise SchemaError(f"{SCHEMA_FILE.name}: undeclared prefixes {sorted(missing)}")
    return Schema(int(data.get("version", 1)), prefixes, nodes, rels, evidence)


@cache
def load_schema(path: Path = SCHEMA_FILE) -> Schema:
    """The project's schema, parsed and checked once per process."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SchemaError(f"{path}: {exc}") from exc
    return parse_schema(data)
