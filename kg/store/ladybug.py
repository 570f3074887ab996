"""The embedded default store: Ladybug (the maintained fork of Kùzu), a Cypher database on disk.

Tables are generated from schema/schema.yaml (:func:`ddl`). Node writes look up which ids exist,
then CREATE the new nodes and SET the existing ones in one transaction (ENGINE.md: ~40k rows/s,
where ``UNWIND … MERGE`` on nodes runs at ~3k). Relationships are MERGEd on their ends and
``report``, so re-writing a report adds nothing.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

import ladybug

from kg.errors import StoreError, StoreLockedError
from kg.graph import GraphBatch, NodeRow, _typed, merge_props  # noqa: F401 (re-exported)
from kg.schema import Schema, load_schema
from kg.store.base import Counts, QueryResult, StoredReport, WriteStats

LADYBUG_TYPES = {"string": "STRING", "int": "INT64", "float": "DOUBLE", "bool": "BOOLEAN",
                 "date": "STRING", "string[]": "STRING[]"}


def ddl(schema: Schema) -> list[str]:
    """CREATE statements for every node and relationship table of the schema."""
    out = []
    for label, node in schema.nodes.items():
        cols = ", ".join(f"{p.name} {LADYBUG_TYPES[p.type]}" for p in node.properties.values())
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {label}(id STRING, {cols}, PRIMARY KEY(id))")
    for rtype in schema.relationships:
        rel = schema.rel(rtype)
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in rel.endpoints)
        cols = ", ".join(f"{p.name} {LADYBUG_TYPES[p.type]}" for p in schema.rel_properties(rtype).values())
        out.append(f"CREATE REL TABLE IF NOT EXISTS {rtype}({ends}, {cols})")
    return out


def _plain(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if not k.startswith("_")}


class LadybugStore:
    """A graph store in a directory on disk. One process at a time may open it."""

    name = "ladybug"

    def __init__(self, path: str | os.PathLike, schema: Schema | None = None, read_only: bool = False):
        self.path = Path(path)
        self.schema = schema or load_schema()
        if not read_only:
            self.path.mkdir(parents=True, exist_ok=True)
        elif not (self.path / "graph.lbdb").exists():
            raise StoreError(f"{self.path}: no kg store here (run `kg ingest` first)")
        try:
            self._db = ladybug.Database(str(self.path / "graph.lbdb"), read_only=read_only)
        except RuntimeError as exc:
            if "lock" in str(exc).lower():
                raise StoreLockedError(
                    f"{self.path}: the store is open in another process (Ladybug allows one at a time); "
                    "wait for it to finish or use another --store") from exc
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
        self._conn = ladybug.Connection(self._db)
        if not read_only:
            self._migrate()

    # -- schema -------------------------------------------------------------------------------
    def _migrate(self) -> None:
        for stmt in ddl(self.schema):
            self._conn.execute(stmt)
        altered = False
        for label, node in self.schema.nodes.items():
            have = {row[1] for row in self._rows(f"CALL table_info('{label}') RETURN *")}
            for prop in node.properties.values():
                if prop.name not in have:
                    self._conn.execute(f"ALTER TABLE {label} ADD {prop.name} {LADYBUG_TYPES[prop.type]}")
                    altered = True
        if altered:  # Ladybug sees new columns only from a new connection
            self._conn = ladybug.Connection(self._db)

    # -- low level ----------------------------------------------------------------------------
    def _rows(self, cypher: str, params: dict[str, Any] | None = None) -> list[list[Any]]:
        result = self._conn.execute(cypher, params or {})
        rows = []
        while result.has_next():
            rows.append(result.get_next())
        return rows

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        try:
            result = self._conn.execute(cypher, params or {})
        except RuntimeError as exc:
            raise StoreError(f"query failed on the embedded store: {exc}") from exc
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append([_plain(v) if isinstance(v, dict) else v for v in result.get_next()])
        return QueryResult(columns, rows)

    # -- reports ------------------------------------------------------------------------------
    def find_report(self, sha256: str, path: str) -> tuple[StoredReport | None, StoredReport | None]:
        rows = self._rows("MATCH (r:Report) WHERE r.sha256 = $sha OR r.path = $path "
                          "RETURN r.id, r.path, r.sha256", {"sha": sha256, "path": path})
        found = [StoredReport(*row) for row in rows]
        same = next((r for r in found if r.sha256 == sha256), None)
        at_path = next((r for r in found if r.path == path), None)
        return same, at_path

    def write_report(self, batch: GraphBatch, replaces: str | None = None) -> WriteStats:
        stats = WriteStats()
        self._conn.execute("BEGIN TRANSACTION")
        try:
            if replaces:
                stats.rels_deleted = self._delete_report(replaces)
            by_label: dict[str, list[NodeRow]] = {}
            for row in batch.nodes:
                by_label.setdefault(row.label, []).append(row)
            for label, rows in by_label.items():
                created, updated = self._upsert_nodes(label, rows)
                stats.nodes_created += created
                stats.nodes_updated += updated
            groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
            for rel in batch.rels:
                groups.setdefault((rel.type, rel.src_label, rel.dst_label), []).append(
                    {"src": rel.src, "dst": rel.dst, **rel.props})
            for (rtype, src_label, dst_label), rows in groups.items():
                self._merge_rels(rtype, src_label, dst_label, rows)
                stats.rels_written += len(rows)
            self._conn.execute("COMMIT")
        except BaseException:
            try:
                self._conn.execute("ROLLBACK")
            except RuntimeError:
                pass  # Ladybug already rolled the transaction back when the statement failed
            raise
        return stats

    def _delete_report(self, report_id: str) -> int:
        deleted = 0
        for rtype in self.schema.relationships:
            rows = self._rows(f"MATCH ()-[r:{rtype}]->() WHERE r.report = $id DELETE r RETURN count(*)",
                              {"id": report_id})
            deleted += rows[0][0] if rows else 0
        self._conn.execute("MATCH (r:Report {id: $id}) DETACH DELETE r", {"id": report_id})
        for label in self.schema.entity_labels:  # nodes no report mentions any more
            self._conn.execute(f"MATCH (n:{label}) WHERE NOT EXISTS {{ MATCH (n)-[:MENTIONED_IN]->(:Report) }} "
                               "DETACH DELETE n")
        return deleted

    def _upsert_nodes(self, label: str, rows: list[NodeRow]) -> tuple[int, int]:
        props = self.schema.node(label).properties
        names = list(props)
        existing = {}
        cols = ", ".join(f"n.{p}" for p in names)
        for row in self._rows(f"MATCH (n:{label}) WHERE n.id IN $ids RETURN n.id, {cols}",
                              {"ids": [r.id for r in rows]}):
            existing[row[0]] = dict(zip(names, row[1:]))
        new, old = [], []
        for row in rows:
            if row.id in existing:
                old.append({"id": row.id, **merge_props(existing[row.id], row.props, props)})
            else:
                new.append({"id": row.id, **{p: _typed(row.props.get(p), props[p].type) for p in names}})
        if new:
            fields = ", ".join(f"{p}: row.{p}" for p in ["id", *_filled(names, new)])
            self._conn.execute(f"UNWIND $rows AS row CREATE (n:{label} {{{fields}}})", {"rows": new})
        if old:
            assign = ", ".join(f"n.{p} = row.{p}" for p in _filled(names, old))
            self._conn.execute(f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) SET {assign}",
                               {"rows": old})
        return len(new), len(old)

    def _merge_rels(self, rtype: str, src: str, dst: str, rows: list[dict[str, Any]]) -> None:
        props = self.schema.rel_properties(rtype)
        rows = [{"src": r["src"], "dst": r["dst"], **{p: _typed(r.get(p), props[p].type) for p in props}}
                for r in rows]
        assign = ", ".join(f"r.{p} = row.{p}" for p in _filled(props, rows) if p != "report")
        self._conn.execute(
            f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}), (b:{dst} {{id: row.dst}}) "
            f"MERGE (a)-[r:{rtype} {{report: row.report}}]->(b) SET {assign}", {"rows": rows})

    # -- reading ------------------------------------------------------------------------------
    def nodes(self, label: str, ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
        self.schema.node(label)
        if ids is None:
            result = self._conn.execute(f"MATCH (n:{label}) RETURN n ORDER BY n.id")
        else:
            result = self._conn.execute(f"MATCH (n:{label}) WHERE n.id IN $ids RETURN n ORDER BY n.id",
                                        {"ids": list(ids)})
        while result.has_next():
            yield _plain(result.get_next()[0])

    def relationships(self, rtype: str) -> Iterator[dict[str, Any]]:
        self.schema.rel(rtype)
        result = self._conn.execute(f"MATCH (a)-[r:{rtype}]->(b) RETURN label(a), a.id, r, label(b), b.id "
                                    "ORDER BY a.id, b.id, r.report")
        while result.has_next():
            src_label, src, rel, dst_label, dst = result.get_next()
            yield {"type": rtype, "src_label": src_label, "src": src, "dst_label": dst_label, "dst": dst,
                   **_plain(rel)}

    def counts(self) -> Counts:
        counts = Counts()
        for label in self.schema.nodes:
            counts.nodes[label] = self._rows(f"MATCH (n:{label}) RETURN count(n)")[0][0]
        for rtype in self.schema.relationships:
            counts.relationships[rtype] = self._rows(f"MATCH ()-[r:{rtype}]->() RETURN count(r)")[0][0]
        return counts

    def close(self) -> None:
        self._conn = None
        self._db.close()

    def __enter__(self) -> "LadybugStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _filled(names, rows: list[dict[str, Any]]) -> list[str]:
    """Columns with a value in at least one row. Ladybug types an all-null column as STRING,
    which it then refuses to assign to an INT64 or DOUBLE property, so such columns are left out
    (their stored value is null anyway: merged values are never emptier than stored ones)."""
    return [p for p in names if any(r.get(p) is not None for r in rows)]
