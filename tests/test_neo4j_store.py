"""The Neo4j adapter without a Neo4j server: what it sends, in which transactions, and its errors.

A recording stand-in for the driver (same calls: verify_connectivity, session, execute_read,
execute_write, run) shows which statements the adapter sends with which parameters. The store's
behaviour against a real server (idempotence, provenance, query answers) is the contract in
tests/test_store_contract.py, which runs when NEO4J_URI is set. Connection failures are tested
with the real driver against a closed local port.
"""
from __future__ import annotations

import socket
from typing import Any

import pytest
from neo4j import exceptions as ne
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import StoreError
from kg.store import neo4j as loader
from kg.store import open_store
from kg.store.neo4j import Neo4jStore, describe_error
from tests.fixtures import small_graph


# -- a recording stand-in for the driver --------------------------------------------------------
class Result:
    def __init__(self, records: list[dict[str, Any]]):
        self.records = records

    def __iter__(self):
        return iter(self.records)

    def keys(self):
        return list(self.records[0]) if self.records else []

    def single(self):
        return self.records[0] if self.records else None

    def consume(self):
        return None


class Tx:
    def __init__(self, driver: "Driver", kind: str):
        self.driver, self.kind = driver, kind
        self.number = len(driver.transactions)
        driver.transactions.append(kind)

    def run(self, cypher, params=None):
        self.driver.sent.append((self.number, cypher, params or {}))
        if self.driver.fail_on and self.driver.fail_on(cypher):
            self.driver.fail_on = None
            raise ne.TransientError._hydrate_neo4j(code="Neo.TransientError.Transaction.DeadlockDetected",
                                                   message="deadlock")
        return Result(self.driver.answer(cypher, params or {}))


class Session:
    def __init__(self, driver: "Driver", database):
        self.driver = driver
        driver.databases.add(database)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def run(self, cypher, params=None):  # auto-commit
        return Tx(self.driver, "auto").run(cypher, params)

    def _managed(self, kind, work):
        # Like the driver: a transient error rolls the attempt back and the work runs again.
        for _ in range(3):
            tx = Tx(self.driver, kind)
            try:
                return work(tx)
            except ne.TransientError:
                self.driver.rolled_back.append(tx.number)
        raise AssertionError("retried too often")

    def execute_read(self, work):
        return self._managed("read", work)

    def execute_write(self, work):
        return self._managed("write", work)


class Driver:
    def __init__(self, stored: dict[str, dict] | None = None, connect_error: Exception | None = None,
                 run_error: Exception | None = None):
        self.stored = stored or {}  # id -> properties, answered to NODE_LOOKUP
        self.connect_error, self.run_error = connect_error, run_error
        self.sent: list[tuple[int, str, dict]] = []
        self.transactions: list[str] = []
        self.rolled_back: list[int] = []
        self.databases: set = set()
        self.fail_on = None
        self.closed = False

    def verify_connectivity(self):
        if self.connect_error:
            raise self.connect_error

    def session(self, database=None, default_access_mode=None):
        if self.run_error:
            raise self.run_error
        return Session(self, database)

    def close(self):
        self.closed = True

    def answer(self, cypher: str, params: dict) -> list[dict[str, Any]]:
        if cypher in loader.NODE_LOOKUP.values():
            return [{"props": {"id": i, **self.stored[i]}} for i in params["ids"] if i in self.stored]
        if cypher in loader.REL_DELETE_BY_REPORT.values():
            return [{"deleted": 2}]
        if cypher == loader.MENTIONED_BY_REPORT:
            return [{"labels": ["Event"], "ids": ["event:old"]}, {"labels": ["Person"], "ids": ["person:a", "person:b"]}]
        if cypher in (loader.COUNT_NODES, loader.COUNT_RELS):
            return [{"name": "Person", "n": 4}, {"name": "ATTENDED", "n": 7}]
        return []

    def writes(self) -> list[tuple[int, str, dict]]:
        return [s for s in self.sent if self.transactions[s[0]] == "write"]


def store_with(driver: Driver, **kw) -> Neo4jStore:
    return Neo4jStore("bolt://fake:7687", "neo4j", "secret", kw.pop("database", None), driver=driver, **kw)


# -- opening ------------------------------------------------------------------------------------
def test_first_use_creates_every_constraint_and_index_each_on_its_own():
    driver = Driver()
    store_with(driver)
    assert [cypher for _, cypher, _ in driver.sent] == loader.SCHEMA_STATEMENTS
    assert set(driver.transactions) == {"auto"}  # schema commands cannot share a transaction


def test_schema_statements_come_from_the_schema():
    ddl = loader.SCHEMA_STATEMENTS
    assert "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE" in ddl
    assert "CREATE RANGE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)" in ddl
    assert "CREATE TEXT INDEX organization_name_text IF NOT EXISTS FOR (n:Organization) ON (n.name)" in ddl
    assert "CREATE RANGE INDEX organization_acronym IF NOT EXISTS FOR (n:Organization) ON (n.acronym)" in ddl
    assert "CREATE RANGE INDEX attended_report IF NOT EXISTS FOR ()-[r:ATTENDED]-() ON (r.report)" in ddl
    labels = [s for s in ddl if "REQUIRE n.id IS UNIQUE" in s]
    assert len(labels) == len(loader._SCHEMA.nodes)
    assert not any("event_date_text" in s for s in ddl)  # dates get range indexes, not text ones


def test_read_only_opening_probes_and_creates_nothing():
    driver = Driver()
    store_with(driver, read_only=True, database="kg")
    assert [cypher for _, cypher, _ in driver.sent] == [loader.PROBE] and driver.databases == {"kg"}


# -- writing ------------------------------------------------------------------------------------
def test_a_report_is_one_transaction_of_parameterised_statements():
    driver = Driver()
    store = store_with(driver)
    driver.sent.clear()
    batch = small_graph.batches()[0]
    stats = store.write_report(batch)
    assert driver.transactions.count("write") == 1
    statements = set(loader.loader_statements())
    values = {n.id for n in batch.nodes} | {str(n.props.get("name")) for n in batch.nodes}
    for _, cypher, params in driver.sent:
        assert cypher in statements, cypher  # only the module's statements
        assert not any(v in cypher for v in values), cypher  # never a value formatted into the text
    assert stats.nodes_created == len(batch.nodes) and stats.nodes_updated == 0
    assert stats.rels_written == len(batch.rels)
    merged = [p for _, c, p in driver.sent if c in loader.REL_MERGE.values()]
    assert sum(len(p["rows"]) for p in merged) == len(batch.rels)
    row = next(r for p in merged for r in p["rows"] if r["report"] == batch.report_id and "role" in r["props"])
    assert set(row) == {"src", "dst", "report", "props"}
    assert {"sentence", "span_start", "span_end", "extractor", "confidence", "role"} <= set(row["props"])


def test_rows_are_sent_in_chunks(monkeypatch):
    monkeypatch.setattr(loader, "CHUNK", 2)
    driver = Driver()
    store = store_with(driver)
    batch = small_graph.batches()[0]
    store.write_report(batch)
    sizes = [len(p["rows"]) for _, c, p in driver.sent if c in loader.NODE_MERGE.values()]
    assert max(sizes) <= 2 and sum(sizes) == len(batch.nodes)
    assert driver.transactions.count("write") == 1  # chunks still share the report's transaction


def test_existing_nodes_are_merged_like_the_embedded_store():
    driver = Driver(stored={"person:noverintiwi-dewanti--kota-jambi": {
        "name": "Noverintiwi", "aliases": ["Bu Novi"], "honorific_prefix": ["Dra."]}})
    store = store_with(driver)
    stats = store.write_report(small_graph.batches()[0])
    rows = [r for _, c, p in driver.sent if c == loader.NODE_MERGE["Person"] for r in p["rows"]]
    merged = next(r for r in rows if r["id"] == "person:noverintiwi-dewanti--kota-jambi")["props"]
    assert merged["name"] == "Noverintiwi Dewanti"  # the longest form seen
    assert merged["aliases"] == ["Bu Novi", "Noverintiwi"] and merged["honorific_prefix"] == ["Dra.", "Hj."]
    assert stats.nodes_updated == 1
    assert all(v is not None for r in rows for v in r["props"].values())  # SET += null would delete


def test_replacing_a_report_deletes_its_facts_in_the_same_transaction():
    driver = Driver()
    store = store_with(driver)
    driver.sent.clear()
    stats = store.write_report(small_graph.batches()[1], replaces="report:old")
    sent = [(c, p) for _, c, p in driver.writes()]
    deletes = [c for c, p in sent if c in loader.REL_DELETE_BY_REPORT.values() and p == {"id": "report:old"}]
    assert len(deletes) == len(loader.REL_DELETE_BY_REPORT) and stats.rels_deleted == 2 * len(deletes)
    order = [c for c, _ in sent]
    assert order[0] == loader.MENTIONED_BY_REPORT  # what the old version mentioned, before deleting it
    orphans = [(c, p) for c, p in sent if c in loader.ORPHAN_DELETE.values()]
    assert orphans == [(loader.ORPHAN_DELETE["Event"], {"ids": ["event:old"]}),
                       (loader.ORPHAN_DELETE["Person"], {"ids": ["person:a", "person:b"]})]
    assert order.index(orphans[-1][0]) < order.index(loader.NODE_MERGE["Event"])
    assert driver.transactions.count("write") == 1


def test_a_transient_error_retries_the_whole_report():
    driver = Driver()
    store = store_with(driver)
    driver.fail_on = lambda cypher: cypher in loader.REL_MERGE.values()
    batch = small_graph.batches()[0]
    stats = store.write_report(batch)
    assert driver.rolled_back and driver.transactions.count("write") == 2
    assert stats.nodes_created == len(batch.nodes)  # counted once, not once per attempt


def test_a_failed_write_is_one_store_error():
    driver = Driver()
    store = store_with(driver)
    driver.run_error = ne.ClientError._hydrate_neo4j(code="Neo.ClientError.Schema.ConstraintValidationFailed",
                                                     message="Node already exists")
    with pytest.raises(StoreError, match=r"cannot write report report:fixture-a-.*Node already exists"):
        store.write_report(small_graph.batches()[0])


# -- reading ------------------------------------------------------------------------------------
def test_reading_back_gives_the_embedded_stores_shape():
    driver = Driver()
    store = store_with(driver)
    driver.answer = lambda cypher, params: {
        loader.NODES_ALL["Person"]: [{"props": {"id": "person:x", "name": "X"}}],
        loader.RELS_ALL["ATTENDED"]: [{"src_labels": ["Person"], "src": "person:x", "dst_labels": ["Event"],
                                       "dst": "event:y", "props": {"report": "report:r", "span_start": 3,
                                                                   "confidence": 0.5, "role": "spoke"}}],
    }.get(cypher, [{"name": "Person", "n": 4}, {"name": "ATTENDED", "n": 7}])
    assert list(store.nodes("Person")) == [{"id": "person:x", "name": "X", "aliases": [], "honorific_prefix": [],
                                            "honorific_suffix": []}]
    rel = next(store.relationships("ATTENDED"))
    assert rel["src_label"] == "Person" and rel["dst_label"] == "Event" and rel["role"] == "spoke"
    assert rel["sentence"] is None and rel["span_start"] == 3
    counts = store.counts()
    assert counts.nodes["Person"] == 4 and counts.nodes["Event"] == 0 and counts.relationships["ATTENDED"] == 7
    assert list(counts.nodes) == list(loader._SCHEMA.nodes)


# -- errors -------------------------------------------------------------------------------------
@pytest.mark.parametrize("error, expected", [
    (ne.ServiceUnavailable("Couldn't connect to localhost:7687 (resolved to ('127.0.0.1:7687',)):\n"
                           "Failed to establish connection to ResolvedIPv4Address(('127.0.0.1', 7687)) "
                           "(reason [Errno 111] Connection refused)"),
     "cannot connect to Neo4j at bolt://fake:7687: Connection refused (is the server running, and the port right?)"),
    (ne.Neo4jError._hydrate_neo4j(code="Neo.ClientError.Security.Unauthorized", message="auth failure"),
     "Neo4j at bolt://fake:7687 refused the credentials of user 'neo4j'; set NEO4J_USER and NEO4J_PASSWORD"),
    (ne.Neo4jError._hydrate_neo4j(code="Neo.ClientError.Database.DatabaseNotFound", message="Graph not found: kg"),
     "Neo4j at bolt://fake:7687 has no database 'kg'; create it or set NEO4J_DATABASE"),
])
def test_connection_errors_become_one_clear_line(error, expected):
    on_connect = Driver(connect_error=error)
    with pytest.raises(StoreError) as caught:
        store_with(on_connect, database="kg")
    assert str(caught.value) == expected and "\n" not in str(caught.value)
    assert on_connect.closed
    on_first_statement = Driver(run_error=error)
    with pytest.raises(StoreError, match="^" + expected.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        store_with(on_first_statement, database="kg")


def test_unknown_uri_schemes_are_refused_before_connecting():
    with pytest.raises(StoreError, match="bad Neo4j URI 'http://localhost:7474'"):
        Neo4jStore("http://localhost:7474")


def test_describe_error_keeps_one_line():
    exc = ne.ClientError._hydrate_neo4j(code="Neo.ClientError.Statement.SyntaxError", message="Invalid input\n  ^")
    assert describe_error(exc, "bolt://h:7687", None, "neo4j") == "Neo4j at bolt://h:7687: Invalid input"


@pytest.fixture
def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"bolt://127.0.0.1:{port}"


def test_the_real_driver_on_a_closed_port(closed_port, monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(StoreError, match=r"^cannot connect to Neo4j at bolt://127\.0\.0\.1:\d+: Connection refused"):
        open_store(neo4j=closed_port)


@pytest.mark.parametrize("command", [["ingest", "{corpus}"], ["push"], ["query", "who_coordinated_with_whom"],
                                     ["stats"], ["export", "neo4j-import", "{tmp}/out"]])
def test_cli_says_one_line_and_exits_non_zero(command, closed_port, tmp_path, monkeypatch):
    from kg.store.ladybug import LadybugStore

    monkeypatch.delenv("NEO4J_URI", raising=False)
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text("Sekda Kota Jambi A. Ridwan membuka rapat koordinasi.", encoding="utf-8")
    with LadybugStore(tmp_path / "kg-data"):
        pass
    args = [a.format(corpus=reports, tmp=tmp_path) for a in command]
    args += ["--neo4j", closed_port] + (["--store", str(tmp_path / "kg-data")] if command[0] == "push" else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 3, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg: cannot connect to Neo4j at {closed_port}: Connection refused")
    assert not (tmp_path / "out").exists()


def test_push_copies_every_node_and_relationship(small_store):
    from kg.store.neo4j import push

    driver = Driver()
    target = store_with(driver)
    driver.sent.clear()
    seen = []
    stats = push(small_store, target, lambda what, n: seen.append((what, n)))
    counts = small_store.counts()
    assert stats.nodes_created == sum(counts.nodes.values())
    assert stats.rels_written == sum(counts.relationships.values())
    nodes = {r["id"] for _, c, p in driver.writes() if c in loader.NODE_MERGE.values() for r in p["rows"]}
    assert nodes == {n["id"] for label in counts.nodes for n in small_store.nodes(label)}
    rels = [(c, r) for _, c, p in driver.writes() if c in loader.REL_MERGE.values() for r in p["rows"]]
    assert len(rels) == sum(counts.relationships.values())
    assert {w for w, _ in seen} == set(counts.nodes) | set(counts.relationships)
    holds = next(r for c, r in rels if c == loader.REL_MERGE["HOLDS", "Person", "Office"])
    assert holds["report"].startswith("report:") and holds["props"]["extractor"] == "fixture/1"
