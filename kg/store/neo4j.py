"""The Neo4j store: the same graph in a Neo4j 5 server, written with the official driver.

Everything the loader sends is a module-level, parameterised statement generated from
schema/schema.yaml (labels and relationship types cannot be parameters in Neo4j 5, values
always are): :data:`SCHEMA_STATEMENTS` (constraints and indexes, created on first use),
:data:`NODE_LOOKUP` / :data:`NODE_MERGE` per label, :data:`REL_MERGE` per (type, source label,
target label) and the ``replaces`` clean-up. tests/test_cypher_lint.py checks every one of them
with Neo4j's own Cypher front end.

Semantics mirror kg.store.ladybug: nodes are MERGEd on label + ``id`` and their properties merged
with :func:`kg.store.ladybug.merge_props` (so both engines store the same values whatever the
order reports arrive in); relationships are MERGEd on their ends and ``report`` and carry their
evidence, so re-writing a report adds nothing. One report is one managed transaction
(``session.execute_write``), which the driver retries on transient errors.
"""
from __future__ import annotations

import os
import re
from typing import Any, Callable, Iterable, Iterator

from kg.errors import StoreError, StoreUnavailable
from kg.graph import GraphBatch, NodeRow
from kg.schema import Schema, load_schema
from kg.store.base import Counts, QueryResult, StoredReport, WriteStats
from kg.graph import _typed, merge_props

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
CHUNK = 2000  # rows per UNWIND statement; a report's rows still share one transaction
_SCHEMA = load_schema()


# -- statements generated from the schema ---------------------------------------------------------
def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() and i else c.lower() for i, c in enumerate(name))


def schema_statements(schema: Schema) -> list[str]:
    """Neo4j 5 DDL: a uniqueness constraint on every label's ``id``, range indexes on the indexed
    properties (names, dates, acronyms, hashes, paths), a text index on every indexed ``name``
    (for ``CONTAINS``) and a range index on every relationship type's ``report`` (which
    replacing a report looks up)."""
    out = []
    for label, node in schema.nodes.items():
        base = _snake(label)
        out.append(f"CREATE CONSTRAINT {base}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE")
        for prop in node.index:
            out.append(f"CREATE RANGE INDEX {base}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
        if "name" in node.index:
            out.append(f"CREATE TEXT INDEX {base}_name_text IF NOT EXISTS FOR (n:{label}) ON (n.name)")
    for rtype in schema.relationships:
        out.append(f"CREATE RANGE INDEX {rtype.lower()}_report IF NOT EXISTS "
                   f"FOR ()-[r:{rtype}]-() ON (r.report)")
    return out


def _node_merge(label: str) -> str:
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props"


def _rel_merge(rtype: str, src: str, dst: str) -> str:
    return (f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}) MATCH (b:{dst} {{id: row.dst}}) "
            f"MERGE (a)-[r:{rtype} {{report: row.report}}]->(b) SET r += row.props")


SCHEMA_STATEMENTS: list[str] = schema_statements(_SCHEMA)
NODE_MERGE: dict[str, str] = {label: _node_merge(label) for label in _SCHEMA.nodes}
REL_MERGE: dict[tuple[str, str, str], str] = {
    (rtype, src, dst): _rel_merge(rtype, src, dst)
    for rtype, rel in _SCHEMA.relationships.items() for src, dst in rel.endpoints}
REL_DELETE_BY_REPORT: dict[str, str] = {
    rtype: f"MATCH ()-[r:{rtype}]->() WHERE r.report = $id DELETE r RETURN count(*) AS deleted"
    for rtype in _SCHEMA.relationships}
REPORT_DELETE = "MATCH (r:Report {id: $id}) DETACH DELETE r"
MENTIONED_BY_REPORT = ("MATCH (n)-[:MENTIONED_IN]->(:Report {id: $id}) "
                       "RETURN labels(n) AS labels, collect(n.id) AS ids")
ORPHAN_DELETE: dict[str, str] = {  # of the nodes the replaced report mentioned, those no report mentions now
    label: (f"MATCH (n:{label}) WHERE n.id IN $ids AND NOT EXISTS {{ MATCH (n)-[:MENTIONED_IN]->(:Report) }} "
            "DETACH DELETE n") for label in _SCHEMA.entity_labels}
FIND_REPORT = ("MATCH (r:Report) WHERE r.sha256 = $sha OR r.path = $path "
               "RETURN r.id AS id, r.path AS path, r.sha256 AS sha256")
NODES_ALL: dict[str, str] = {label: f"MATCH (n:{label}) RETURN properties(n) AS props ORDER BY n.id"
                             for label in _SCHEMA.nodes}
NODES_BY_ID: dict[str, str] = {
    label: f"MATCH (n:{label}) WHERE n.id IN $ids RETURN properties(n) AS props ORDER BY n.id"
    for label in _SCHEMA.nodes}
NODE_LOOKUP = NODES_BY_ID  # the upsert reads the stored version of the nodes it is about to write
RELS_ALL: dict[str, str] = {
    rtype: (f"MATCH (a)-[r:{rtype}]->(b) RETURN labels(a) AS src_labels, a.id AS src, properties(r) AS props, "
            "labels(b) AS dst_labels, b.id AS dst ORDER BY src, dst, r.report")
    for rtype in _SCHEMA.relationships}
COUNT_NODES = " UNION ALL ".join(f"MATCH (n:{label}) RETURN '{label}' AS name, count(n) AS n"
                                 for label in _SCHEMA.nodes)
COUNT_RELS = " UNION ALL ".join(f"MATCH ()-[r:{rtype}]->() RETURN '{rtype}' AS name, count(r) AS n"
                                for rtype in _SCHEMA.relationships)
PROBE = "RETURN 1 AS ok"


def loader_statements() -> list[str]:
    """Every statement this module sends, for the linter test."""
    out = [*SCHEMA_STATEMENTS, *NODE_MERGE.values(), *REL_MERGE.values(),
           MENTIONED_BY_REPORT, *REL_DELETE_BY_REPORT.values(), REPORT_DELETE, *ORPHAN_DELETE.values(), FIND_REPORT,
           *NODES_ALL.values(), *NODES_BY_ID.values(), *RELS_ALL.values(), COUNT_NODES, COUNT_RELS, PROBE]
    return out


# -- errors -------------------------------------------------------------------------------------
def describe_error(exc: Exception, uri: str, database: str | None, user: str | None) -> str:
    """One line saying what went wrong with the server and what to do about it."""
    from neo4j import exceptions as ne

    db = database or "the default database"
    code = getattr(exc, "code", None) or ""
    if isinstance(exc, ne.AuthError) or code.startswith("Neo.ClientError.Security.Unauthorized"):
        return (f"Neo4j at {uri} refused the credentials of user {user!r}; "
                "set NEO4J_USER and NEO4J_PASSWORD")
    if code == "Neo.ClientError.Database.DatabaseNotFound":
        return f"Neo4j at {uri} has no database {database!r}; create it or set NEO4J_DATABASE"
    if isinstance(exc, ne.ServiceUnavailable):
        return f"cannot connect to Neo4j at {uri}: {_reason(exc)} (is the server running, and the port right?)"
    if isinstance(exc, ne.DatabaseUnavailable):
        return f"Neo4j at {uri}: {db} is unavailable: {_first_line(exc)}"
    if isinstance(exc, ne.ConfigurationError | ValueError):  # ValueError: only from building the driver
        return f"bad Neo4j URI {uri!r} (use bolt://host:7687 or neo4j://host:7687): {_first_line(exc)}"
    return f"Neo4j at {uri}: {_first_line(exc)}"


def _reason(exc: Exception) -> str:
    """The operating system's reason from the driver's multi-line connection error, when given."""
    text = str(exc)
    found = re.findall(r"reason \[Errno -?\d+\] ([^)]+)\)", text) or re.findall(r"\[Errno -?\d+\] ([^)\n]+)", text)
    return found[-1].strip() if found else _first_line(exc).rstrip(":")


def _first_line(exc: Exception) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _driver_errors() -> tuple[type[BaseException], ...]:
    from neo4j import exceptions as ne

    return (ne.Neo4jError, ne.DriverError)


# -- values ------------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    """Driver values as plain Python: nodes and relationships as property dicts, paths as the
    list of their nodes' dicts, temporal values as ISO text."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node | Relationship):
        return dict(value)
    if isinstance(value, Path):
        return [dict(n) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _chunks(rows: list[dict[str, Any]], size: int | None = None) -> Iterator[list[dict[str, Any]]]:
    size = size or CHUNK
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


class Neo4jStore:
    """A graph store in a Neo4j 5 database (community or enterprise)."""

    name = "neo4j"

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None, schema: Schema | None = None, read_only: bool = False,
                 driver: Any = None):
        self.uri = uri
        self.user = user
        self.database = database or None
        self.schema = schema or _SCHEMA
        self.read_only = read_only
        if driver is None and uri.split("://", 1)[0].lower() not in SCHEMES:
            raise StoreError(f"bad Neo4j URI {uri!r}: use bolt://host:7687 or neo4j://host:7687 "
                             f"(schemes: {', '.join(SCHEMES)})")
        try:
            if driver is None:
                from neo4j import GraphDatabase

                try:
                    driver = GraphDatabase.driver(uri, auth=(user, password) if user else None)
                except ValueError as exc:  # a URI the driver cannot read
                    raise StoreError(describe_error(exc, uri, self.database, user)) from exc
            self._driver = driver
            self._driver.verify_connectivity()
            if read_only:
                self._run_read(PROBE)
            else:
                self._ensure_schema()
        except _driver_errors() as exc:
            self._close_quietly(driver)
            raise StoreError(describe_error(exc, uri, self.database, user)) from exc

    @classmethod
    def from_env(cls, uri: str | None = None, read_only: bool = False) -> "Neo4jStore":
        """Connect with ``uri`` (else $NEO4J_URI), $NEO4J_USER (default neo4j), $NEO4J_PASSWORD
        and $NEO4J_DATABASE (default: the server's default database)."""
        uri = uri or os.environ.get("NEO4J_URI")
        if not uri:
            raise StoreError("no Neo4j URI: pass --neo4j bolt://host:7687 or set NEO4J_URI")
        return cls(uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""),
                   os.environ.get("NEO4J_DATABASE") or None, read_only=read_only)

    # -- plumbing -------------------------------------------------------------------------------
    def _session(self, read: bool = False):
        import neo4j

        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode)

    def _guard(self, what: str, func: Callable[[], Any]) -> Any:
        try:
            return func()
        except _driver_errors() as exc:
            from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

            # a server gone or credentials refused fail every later report too: stop the batch
            kind = StoreUnavailable if isinstance(exc, (AuthError, ServiceUnavailable, SessionExpired)) else StoreError
            raise kind(f"{what}: {describe_error(exc, self.uri, self.database, self.user)}") from exc

    def _run_read(self, cypher: str, params: dict[str, Any] | None = None) -> list[Any]:
        def work(tx):
            return list(tx.run(cypher, params or {}))

        with self._session(read=True) as session:
            return session.execute_read(work)

    def _ensure_schema(self) -> None:
        # Schema commands cannot share a transaction with writes: each runs on its own.
        with self._session() as session:
            for stmt in SCHEMA_STATEMENTS:
                session.run(stmt).consume()

    @staticmethod
    def _close_quietly(driver: Any) -> None:
        try:
            if driver is not None:
                driver.close()
        except Exception:  # noqa: BLE001 - the error being reported matters more
            pass

    # -- queries --------------------------------------------------------------------------------
    def query(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        def run():
            with self._session(read=self.read_only) as session:
                result = session.run(cypher, params or {})
                columns = list(result.keys())
                rows = [[_plain(v) for v in record.values()] for record in result]
                return QueryResult(columns, rows)

        return self._guard("query failed on Neo4j", run)

    # -- reports --------------------------------------------------------------------------------
    def find_report(self, sha256: str, path: str) -> tuple[StoredReport | None, StoredReport | None]:
        rows = self._guard("cannot look up reports", lambda: self._run_read(FIND_REPORT, {"sha": sha256, "path": path}))
        found = [StoredReport(r["id"], r["path"], r["sha256"]) for r in rows]
        same = next((r for r in found if r.sha256 == sha256), None)
        at_path = next((r for r in found if r.path == path), None)
        return same, at_path

    def write_report(self, batch: GraphBatch, replaces: str | None = None) -> WriteStats:
        by_label: dict[str, list[NodeRow]] = {}
        for row in batch.nodes:
            by_label.setdefault(row.label, []).append(row)
        groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for rel in batch.rels:
            groups.setdefault((rel.type, rel.src_label, rel.dst_label), []).append(
                {"src": rel.src, "dst": rel.dst, **rel.props})

        def work(tx) -> WriteStats:
            stats = WriteStats()
            if replaces:
                stats.rels_deleted = self._delete_report(tx, replaces)
            for label, rows in by_label.items():
                created, updated = self._upsert_nodes(tx, label, [(r.id, r.props) for r in rows])
                stats.nodes_created += created
                stats.nodes_updated += updated
            for key, rows in groups.items():
                stats.rels_written += self._merge_rels(tx, key, rows)
            return stats

        def run():
            with self._session() as session:
                return session.execute_write(work)

        return self._guard(f"cannot write report {batch.report_id}", run)

    def _delete_report(self, tx, report_id: str) -> int:
        mentioned: dict[str, list[str]] = {}
        for rec in tx.run(MENTIONED_BY_REPORT, {"id": report_id}):
            mentioned.setdefault(_one_label(rec["labels"]), []).extend(rec["ids"])
        deleted = 0
        for stmt in REL_DELETE_BY_REPORT.values():
            deleted += tx.run(stmt, {"id": report_id}).single()["deleted"]
        tx.run(REPORT_DELETE, {"id": report_id}).consume()
        for label, ids in mentioned.items():  # the embedded store sweeps every label; here only these
            if label in ORPHAN_DELETE:
                tx.run(ORPHAN_DELETE[label], {"ids": ids}).consume()
        return deleted

    def _upsert_nodes(self, tx, label: str, rows: list[tuple[str, dict[str, Any]]]) -> tuple[int, int]:
        declared = self.schema.node(label).properties
        existing: dict[str, dict[str, Any]] = {}
        for chunk in _chunks([{"id": i} for i, _ in rows]):
            for rec in tx.run(NODE_LOOKUP[label], {"ids": [r["id"] for r in chunk]}):
                props = dict(rec["props"])
                existing[props["id"]] = props
        merged: dict[str, dict[str, Any]] = {}
        created = updated = 0
        for node_id, props in rows:
            if node_id in merged:  # the same id twice in one batch: merge with the first
                merged[node_id] = merge_props(merged[node_id], props, declared)
            elif node_id in existing:
                merged[node_id] = merge_props(existing[node_id], props, declared)
                updated += 1
            else:
                merged[node_id] = {p: _typed(props.get(p), declared[p].type) for p in declared}
                created += 1
        out = [{"id": node_id, "props": _settable(props)} for node_id, props in merged.items()]
        for chunk in _chunks(out):
            tx.run(NODE_MERGE[label], {"rows": chunk}).consume()
        return created, updated

    def _merge_rels(self, tx, key: tuple[str, str, str], rows: list[dict[str, Any]]) -> int:
        rtype, src, dst = key
        if key not in REL_MERGE:
            raise StoreError(f"schema does not allow {src} -[{rtype}]-> {dst}")
        declared = self.schema.rel_properties(rtype)
        out = [{"src": r["src"], "dst": r["dst"], "report": r.get("report"),
                "props": _settable({p: _typed(r.get(p), declared[p].type)
                                    for p in declared if p != "report"})} for r in rows]
        for chunk in _chunks(out):
            tx.run(REL_MERGE[key], {"rows": chunk}).consume()
        return len(out)

    # -- bulk copy (kg push) ----------------------------------------------------------------------
    def copy_nodes(self, label: str, nodes: Iterable[dict[str, Any]], chunk: int | None = None) -> WriteStats:
        """Merge nodes (property dicts with ``id``) into the store, one transaction per chunk."""
        stats = WriteStats()
        for rows in _batched(nodes, chunk or CHUNK):
            pairs = [(n["id"], {k: v for k, v in n.items() if k != "id"}) for n in rows]

            def work(tx, pairs=pairs):
                return self._upsert_nodes(tx, label, pairs)

            created, updated = self._guard(f"cannot copy {label} nodes", lambda: self._write(work))
            stats.nodes_created += created
            stats.nodes_updated += updated
        return stats

    def copy_relationships(self, rels: Iterable[dict[str, Any]], chunk: int | None = None) -> WriteStats:
        """Merge relationships as :meth:`relationships` yields them, one transaction per chunk."""
        stats = WriteStats()
        for rows in _batched(rels, chunk or CHUNK):
            groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
            for r in rows:
                groups.setdefault((r["type"], r["src_label"], r["dst_label"]), []).append(r)

            def work(tx, groups=groups):
                return sum(self._merge_rels(tx, key, items) for key, items in groups.items())

            stats.rels_written += self._guard("cannot copy relationships", lambda: self._write(work))
        return stats

    def _write(self, work: Callable) -> Any:
        with self._session() as session:
            return session.execute_write(work)

    # -- reading --------------------------------------------------------------------------------
    def nodes(self, label: str, ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
        declared = self.schema.node(label).properties
        if ids is None:
            records = self._stream(NODES_ALL[label], {})
        else:
            records = self._stream(NODES_BY_ID[label], {"ids": list(ids)})
        for rec in records:
            props = dict(rec["props"])
            yield {"id": props.get("id"), **{p: _typed(props.get(p), declared[p].type) for p in declared}}

    def relationships(self, rtype: str) -> Iterator[dict[str, Any]]:
        declared = self.schema.rel_properties(rtype)
        for rec in self._stream(RELS_ALL[rtype], {}):
            props = dict(rec["props"])
            yield {"type": rtype, "src_label": _one_label(rec["src_labels"]), "src": rec["src"],
                   "dst_label": _one_label(rec["dst_labels"]), "dst": rec["dst"],
                   **{p: _typed(props.get(p), declared[p].type) for p in declared}}

    def _stream(self, cypher: str, params: dict[str, Any]) -> Iterator[Any]:
        """Records one by one from an auto-commit read (exports of millions of rows stay flat)."""
        try:
            with self._session(read=True) as session:
                yield from session.run(cypher, params)
        except _driver_errors() as exc:
            raise StoreError(f"cannot read from Neo4j: {describe_error(exc, self.uri, self.database, self.user)}") from exc

    def counts(self) -> Counts:
        def run():
            nodes = {r["name"]: r["n"] for r in self._run_read(COUNT_NODES)}
            rels = {r["name"]: r["n"] for r in self._run_read(COUNT_RELS)}
            return Counts({label: nodes.get(label, 0) for label in self.schema.nodes},
                          {rtype: rels.get(rtype, 0) for rtype in self.schema.relationships})

        return self._guard("cannot count", run)

    def close(self) -> None:
        self._close_quietly(self._driver)

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _settable(props: dict[str, Any]) -> dict[str, Any]:
    """Properties for ``SET x += map``: nulls are left out (in Neo4j, setting null removes the
    property, and a merged value is never emptier than the stored one)."""
    return {k: v for k, v in props.items() if v is not None}


def _one_label(labels: Any) -> str:
    return labels[0] if isinstance(labels, list | tuple) and labels else str(labels)


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def push(source, target: Neo4jStore, progress: Callable[[str, int], None] | None = None) -> WriteStats:
    """Copy every node and relationship of ``source`` (any Store) into ``target``.

    Nodes first (label by label), then relationships (type by type), each chunk in its own
    transaction. Everything is MERGEd, so pushing again, or after an interruption, adds nothing
    that is already there.
    """
    stats = WriteStats()
    for label in target.schema.nodes:
        part = target.copy_nodes(label, source.nodes(label))
        stats += part
        if progress:
            progress(label, part.nodes_created + part.nodes_updated)
    for rtype in target.schema.relationships:
        part = target.copy_relationships(source.relationships(rtype))
        stats += part
        if progress:
            progress(rtype, part.rels_written)
    return stats
