"""Export a store's graph as RDF, streaming: nodes and relationships are read through the store
protocol one at a time and written in chunks, so memory does not grow with the graph.

The one aggregate, a person's membership in a post (first and last seen), is built from
consecutive HOLDS edges: the store yields a type's relationships ordered by source, target and
report (``Store.relationships``), so each (person, post) run is complete when the next starts.
Publication dates and the post's organisations are looked up per batch of runs.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, BinaryIO, Iterator

from rdflib import Graph

from kg.rdf.errors import RDFError
from kg.rdf.iris import DEFAULT_BASE, IRIs
from kg.rdf.triples import Mapping, Triple, activity_triples, edge_triples, membership_triples, node_triples
from kg.rdf.vocab import ORG, bind
from kg.rdf.writers import writer
from kg.schema import Schema, load_schema
from kg.store.base import Store

CHUNK = 5000  # triples per serialized chunk
MEMBERSHIP_BATCH = 500  # (person, post) runs per look-up of dates and organisations


@dataclass
class ExportStats:
    """What one export wrote."""

    triples: int = 0
    nodes: int = 0
    relationships: int = 0
    memberships: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.triples / self.seconds if self.seconds else 0.0
        return (f"{self.triples} triples ({self.nodes} nodes, {self.relationships} relationships, "
                f"{self.memberships} memberships) in {self.seconds:.1f} s, {rate:,.0f} triples/s")


def post_in_cypher(schema: Schema, m: Mapping, holds: str) -> str | None:
    """Cypher giving the organisations (``org``) of the posts (``post``) whose ids are ``$ids``:
    the POST_IN-like relationships (term org:postIn) from the label HOLDS points to."""
    post_label = schema.relationships[holds].endpoints[0][1]
    post_in = [r for r, t in m.rel_terms.items() if t == ORG.postIn]
    return " UNION ".join(f"MATCH (o:{post_label})-[:{r}]->(g) WHERE o.id IN $ids "
                          "RETURN DISTINCT o.id AS post, g.id AS org" for r in post_in) or None


class _Memberships:
    """Turns ordered HOLDS edges into one org:Membership per (person, post)."""

    def __init__(self, store: Store, schema: Schema, m: Mapping, rtype: str, iris: IRIs) -> None:
        self.store, self.iris, self.rtype = store, iris, rtype
        self.post_in_query = post_in_cypher(schema, m, rtype)
        self.runs: list[tuple[str, str, list[str]]] = []
        self.last: tuple[str, str] | None = None
        self.count = 0

    def add(self, row: dict[str, Any]) -> Iterator[Triple]:
        key = (row["src"], row["dst"])
        if key != self.last:
            if self.last is not None and key < self.last:
                raise RDFError(f"the store yielded {self.rtype} relationships out of (source, target) order "
                               f"({key} after {self.last}); the RDF export needs them sorted by source, target and "
                               "report, as LadybugStore.relationships yields them")
            self.last = key
            if len(self.runs) >= MEMBERSHIP_BATCH:
                yield from self.flush()
            self.runs.append((row["src"], row["dst"], []))
        self.runs[-1][2].append(row["report"])

    def flush(self) -> Iterator[Triple]:
        if not self.runs:
            return
        reports = sorted({r for _, _, reps in self.runs for r in reps})
        published = {n["id"]: n.get("published") for n in self.store.nodes("Report", ids=reports)}
        orgs: dict[str, set[str]] = {}
        if self.post_in_query:
            posts = sorted({post for _, post, _ in self.runs})
            for post, org in self.store.query(self.post_in_query, {"ids": posts}).rows:
                orgs.setdefault(post, set()).add(org)
        for person, post, reps in self.runs:
            self.count += 1
            yield from membership_triples(person, post, reps, [published.get(r) for r in reps],
                                          sorted(orgs.get(post, ())), self.iris)
        self.runs = []


def iter_triples(store: Store, base: str = DEFAULT_BASE, *, schema: Schema | None = None,
                 stats: ExportStats | None = None) -> Iterator[Triple]:
    """Every triple of the graph of ``store``, generated while reading it (see :func:`export_rdf`).

    A triple may repeat (the same direct triple read from two reports); RDF graphs are sets.
    """
    schema = schema or load_schema()
    mapping = Mapping.from_schema(schema)
    iris = IRIs(base)
    stats = stats if stats is not None else ExportStats()
    for label in schema.nodes:
        for row in store.nodes(label):
            stats.nodes += 1
            yield from node_triples(mapping, label, row, iris)
    extractors: set[str] = set()
    for rtype in schema.relationships:
        holds = _Memberships(store, schema, mapping, rtype, iris) if mapping.rel_terms[rtype] == ORG.holds else None
        for row in store.relationships(rtype):
            stats.relationships += 1
            extractor = row.get("extractor")
            if extractor and extractor not in extractors:
                extractors.add(extractor)
                yield from activity_triples(extractor, iris)
            yield from edge_triples(mapping, row, iris)
            if holds is not None:
                yield from holds.add(row)
        if holds is not None:
            yield from holds.flush()
            stats.memberships += holds.count


def export_rdf(store: Store, out: BinaryIO, fmt: str = "turtle", base: str = DEFAULT_BASE, *,
               schema: Schema | None = None, chunk: int = CHUNK) -> ExportStats:
    """Write the whole graph of ``store`` to ``out`` (a binary stream) as one RDF document.

    Parameters
    ----------
    store : any :class:`kg.store.base.Store` (the embedded store or Neo4j)
    out : binary stream (a file opened ``"wb"`` or ``sys.stdout.buffer``)
    fmt : ``turtle``, ``nt``, ``jsonld`` or ``xml``
    base : IRI under which node and statement IRIs are minted
    chunk : triples per serialized chunk (memory is bounded by this, not by the graph)

    Returns
    -------
    ExportStats

    Raises
    ------
    UsageError
        unknown format or a base that is not an absolute IRI
    RDFError
        a schema term that is not in its (closed) vocabulary, or a store breaking the ordering
        of ``relationships``
    """
    started = time.perf_counter()
    IRIs(base)  # a bad base fails before anything is written
    doc = writer(fmt, out)
    stats = ExportStats()
    buffer: list[Triple] = []
    for triple in iter_triples(store, base, schema=schema, stats=stats):
        buffer.append(triple)
        if len(buffer) >= chunk:
            doc.write(buffer)
            stats.triples += len(buffer)
            buffer = []
    doc.write(buffer)
    stats.triples += len(buffer)
    doc.close()
    stats.seconds = time.perf_counter() - started
    return stats


def export_graph(store: Store, base: str = DEFAULT_BASE, *, schema: Schema | None = None) -> Graph:
    """The graph of ``store`` as an in-memory rdflib graph (not streaming: for small graphs and tests)."""
    graph = Graph(bind_namespaces="none")
    bind(graph)
    for triple in iter_triples(store, base, schema=schema):
        graph.add(triple)
    return graph
