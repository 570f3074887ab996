"""The store protocol: what the pipeline, queries and exporters need from a graph engine.

Each engine is one adapter module (ladybug.py, neo4j.py) implementing :class:`Store`;
tests/test_store_contract.py runs one contract against every adapter.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Protocol

from kg.graph import GraphBatch


@dataclass(slots=True)
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass(slots=True)
class WriteStats:
    nodes_created: int = 0
    nodes_updated: int = 0
    rels_written: int = 0
    rels_deleted: int = 0

    def __iadd__(self, other: "WriteStats") -> "WriteStats":
        self.nodes_created += other.nodes_created
        self.nodes_updated += other.nodes_updated
        self.rels_written += other.rels_written
        self.rels_deleted += other.rels_deleted
        return self


@dataclass(frozen=True, slots=True)
class StoredReport:
    id: str
    path: str
    sha256: str


@dataclass(slots=True)
class Counts:
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)


class Store(Protocol):
    """A graph store holding the nodes and relationships of schema/schema.yaml."""

    name: str

    def find_report(self, sha256: str, path: str) -> tuple[StoredReport | None, StoredReport | None]:
        """The stored report with this content hash, and the one stored under this path."""

    def write_report(self, batch: GraphBatch, replaces: str | None = None) -> WriteStats:
        """Write one report's nodes and relationships in one transaction.

        ``replaces`` names a stored report (an earlier version of the same source) whose
        relationships are removed in the same transaction. All or nothing.
        """

    def nodes(self, label: str, ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
        """Stored nodes of a label (all, or those with the given ids) as property dicts."""

    def relationships(self, rtype: str) -> Iterator[dict[str, Any]]:
        """Stored relationships of a type: {"type", "src", "src_label", "dst", "dst_label", props...},
        ordered by source id, target id, report (the RDF export's memberships rely on it)."""

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run Cypher with parameters (never formatted into the text)."""

    def counts(self) -> Counts:
        """Number of nodes per label and relationships per type."""

    def close(self) -> None:
        ...
