"""One contract, every adapter: what the pipeline, queries and exporters rely on from a store.

Runs on the embedded store always, and on Neo4j when NEO4J_URI is set (with NEO4J_USER,
NEO4J_PASSWORD, NEO4J_DATABASE as for kg itself); the Neo4j database must be empty, and is
emptied again afterwards. Without NEO4J_URI the Neo4j case is skipped, and says why.
"""
from __future__ import annotations

import os
from collections import Counter

import pytest

from kg.graph import GraphBatch, NodeRow, RelRow
from kg.queries import bind, saved_queries
from kg.schema import load_schema
from kg.store.base import WriteStats
from kg.store.ladybug import LadybugStore
from tests.fixtures import small_graph
from tests.test_saved_queries import CHECKS, View

SCHEMA = load_schema()
NEO4J_SKIP = ("NEO4J_URI is not set, so the Neo4j adapter's contract did not run: start a server "
              "(docker compose up -d, see docs/neo4j.md) and set NEO4J_URI=bolt://localhost:7687 "
              "NEO4J_PASSWORD=... to run it")


@pytest.fixture(params=["ladybug", "neo4j"])
def adapter(request, tmp_path):
    if request.param == "ladybug":
        with LadybugStore(tmp_path / "store") as store:
            yield store
        return
    if not os.environ.get("NEO4J_URI"):
        pytest.skip(NEO4J_SKIP)
    from kg.store.neo4j import Neo4jStore

    store = Neo4jStore.from_env()
    try:
        if store.query("MATCH (n) RETURN count(n) AS n").rows[0][0]:
            pytest.fail(f"the Neo4j database at {store.uri} is not empty; the store contract needs an empty one "
                        "(it deletes everything afterwards): point NEO4J_DATABASE at a scratch database")
        yield store
        store.query("MATCH (n) DETACH DELETE n")
    finally:
        store.close()


def dump(store) -> tuple[dict, dict]:
    nodes = {label: sorted((n for n in store.nodes(label)), key=lambda n: n["id"]) for label in SCHEMA.nodes}
    rels = {rtype: sorted(store.relationships(rtype), key=lambda r: (r["src"], r["dst"], r["report"]))
            for rtype in SCHEMA.relationships}
    return nodes, rels


def expected_counts(batches: list[GraphBatch]) -> tuple[dict, dict]:
    nodes = {label: len({n.id for b in batches for n in b.nodes if n.label == label}) for label in SCHEMA.nodes}
    rels = {rtype: len({(r.src, r.dst, r.props["report"]) for b in batches for r in b.rels if r.type == rtype})
            for rtype in SCHEMA.relationships}
    return nodes, rels


def typed(props: dict, rtype: str) -> dict:
    declared = SCHEMA.rel_properties(rtype)
    out = {}
    for name, spec in declared.items():
        value = props.get(name)
        if spec.type == "float" and value is not None:
            value = float(value)
        if spec.type == "string[]":
            value = list(value or [])
        out[name] = value
    return out


def normalised(result) -> list:
    """Rows with list cells sorted (their order is not part of any query's contract), except the
    chain of a shortest path, whose order is its meaning."""
    rows = []
    for record in result.records():
        rows.append(tuple((k, tuple(v) if k == "chain" or not isinstance(v, list) else tuple(sorted(map(str, v))))
                          for k, v in record.items()))
    return sorted(rows, key=repr)


def replacement_of_fixture_c(old_id: str) -> GraphBatch:
    """A new version of fixture-c's source: the same path, now naming only Mulyono."""
    new_id = "report:fixture-c-v2"
    evidence = {"report": new_id, "sentence": "Mulyono hadir.", "span_start": 0, "span_end": 14,
                "extractor": "fixture/2", "confidence": 0.8}
    report = NodeRow("Report", new_id, {"name": "fixture-c", "path": "fixtures/fixture-c.txt", "sha256": "0" * 64})
    person = NodeRow("Person", "person:mulyono--provinsi-sulawesi-tengah", {"name": "Mulyono"})
    return GraphBatch(new_id, [report, person], [RelRow("MENTIONED_IN", "Person", person.id, "Report", new_id,
                                                        {**evidence, "surface": ["Mulyono"]})])


def test_store_contract(adapter):
    store = adapter
    batches = small_graph.batches()

    # Writing reports: every node and relationship arrives, counted as created / written.
    total = WriteStats()
    for batch in batches:
        total += store.write_report(batch)
    want_nodes, want_rels = expected_counts(batches)
    counts = store.counts()
    assert (counts.nodes, counts.relationships) == (want_nodes, want_rels)
    assert total.nodes_created == sum(want_nodes.values())
    assert total.rels_written == sum(len(b.rels) for b in batches)

    # Upsert idempotence: writing the same reports again changes nothing.
    before = dump(store)
    again = WriteStats()
    for batch in batches:
        again += store.write_report(batch)
    assert again.nodes_created == 0 and store.counts() == counts and dump(store) == before
    for batch in reversed(batches):  # nor does the order reports arrive in
        store.write_report(batch)
    assert dump(store) == before

    # Provenance round trip: each relationship comes back with its report, sentence, span,
    # extractor and confidence (and its own properties), exactly as written.
    stored = {(r["type"], r["src"], r["dst"], r["report"]): r for rtype in SCHEMA.relationships
              for r in store.relationships(rtype)}
    for batch in batches:
        for rel in batch.rels:
            got = stored[rel.type, rel.src, rel.dst, rel.props["report"]]
            assert (got["src_label"], got["dst_label"]) == (rel.src_label, rel.dst_label)
            assert {k: got[k] for k in SCHEMA.rel_properties(rel.type)} == typed(rel.props, rel.type)
    noverintiwi = next(store.nodes("Person", ["person:noverintiwi-dewanti--kota-jambi"]))
    assert noverintiwi["honorific_prefix"] == ["Dra.", "Hj."]

    # Query results: every saved query answers as computed from the graph read back, and
    # exactly as the embedded engine answers on the same graph.
    view = View(store)
    for name, check in CHECKS.items():
        check(store, view)
    if store.name != "ladybug":
        with _reference() as ref:
            for query in saved_queries().values():
                for params in ({}, {"limit": 100} if "limit" in query.params else {}):
                    bound = bind(query, params)
                    assert normalised(store.query(query.text_for(store.name), bound)) == \
                        normalised(ref.query(query.text_for(ref.name), bound)), query.name

    # Reports: found by content and by path; a new version replaces the old one's facts.
    old = next(b for b in batches if b.report_id.startswith("report:fixture-c"))
    old_sha = next(n.props["sha256"] for n in old.nodes if n.label == "Report")
    same, at_path = store.find_report(old_sha, "fixtures/fixture-c.txt")
    assert same and same.id == old.report_id and at_path == same
    stats = store.write_report(replacement_of_fixture_c(old.report_id), replaces=old.report_id)
    assert stats.rels_deleted == len(old.rels)
    same, at_path = store.find_report(old_sha, "fixtures/fixture-c.txt")
    assert same is None and at_path.id == "report:fixture-c-v2"
    after = store.counts()
    assert after.nodes["Person"] == counts.nodes["Person"]  # Mulyono is still mentioned
    for label in ("Event", "Office", "Place"):  # no longer mentioned by any report
        assert after.nodes[label] == counts.nodes[label] - 1, label
    assert Counter(after.relationships) == Counter({**counts.relationships,
                                                    "HOLDS": counts.relationships["HOLDS"] - 1,
                                                    "ATTENDED": counts.relationships["ATTENDED"] - 1,
                                                    "HELD_AT": counts.relationships["HELD_AT"] - 1,
                                                    "MENTIONED_IN": counts.relationships["MENTIONED_IN"] - 3})


class _reference:
    """The embedded store holding the same small graph, in a temporary folder."""

    def __enter__(self):
        import tempfile

        self._dir = tempfile.TemporaryDirectory()
        self.store = LadybugStore(os.path.join(self._dir.name, "ref"))
        small_graph.load(self.store)
        return self.store

    def __exit__(self, *exc):
        self.store.close()
        self._dir.cleanup()
