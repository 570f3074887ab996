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
from kg.graph import GraphBatch, NodeRow, _typed, merge_props
from kg.schema import Schema, load_schema
from kg.store.base import Counts, QueryResult, StoredReport, WriteStats

# Ladybug keeps committed writes in its write-ahead log until a checkpoint, and lookups slow down
# as the log grows (bench/store_write.py: 10 → 34 ms per report over 3,000 reports without
# checkpoints, flat at ~16 ms with one every 250 reports).
CHECKPOINT_EVERY = 250

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
        self._reports: dict[str, StoredReport] | None = None  # see find_report
        self._since_checkpoint = 0
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
        # Ladybug indexes primary keys only, so looking reports up by hash or path scans them all;
        # the writer (one process at a time, file lock) keeps them in memory instead.
        if self._reports is None:
            self._reports = {row[0]: StoredReport(*row) for row in
                             self._rows("MATCH (r:Report) RETURN r.id, r.path, r.sha256")}
            self._by_sha = {r.sha256: r for r in self._reports.values()}
            self._by_path = {r.path: r for r in self._reports.values()}
        return self._by_sha.get(sha256), self._by_path.get(path)

    def _forget_reports(self) -> None:
        self._reports = None

    def write_report(self, batch: GraphBatch, replaces: str | None = None) -> WriteStats:
        stats = WriteStats()
        self._conn.execute("BEGIN TRANSACTION")
        try:
            if replaces:
                stats.rels_deleted = self._delete_report(replaces)
            # Every relationship carries the id of its report, and a report's relationships exist
            # only while its Report node does: for a report not yet stored they can be CREATEd,
            # which Ladybug does 4x faster than MERGE. Rewriting a stored report MERGEs.
            fresh = not self._rows("MATCH (r:Report {id: $id}) RETURN r.id", {"id": batch.report_id})
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
                self._write_rels(rtype, src_label, dst_label, rows, create=fresh)
                stats.rels_written += len(rows)
            self._conn.execute("COMMIT")
        except BaseException:
            self._forget_reports()
            try:
                self._conn.execute("ROLLBACK")
            except RuntimeError:
                pass  # Ladybug already rolled the transaction back when the statement failed
            raise
        self._since_checkpoint += 1
        if self._since_checkpoint >= CHECKPOINT_EVERY:
            self._conn.execute("CHECKPOINT")
            self._since_checkpoint = 0
        report = next((r for r in batch.nodes if r.label == "Report"), None)
        if replaces or report is None:
            self._forget_reports()  # reloaded on the next lookup
        elif self._reports is not None:
            stored = StoredReport(report.id, report.props.get("path"), report.props.get("sha256"))
            self._reports[stored.id] = stored
            self._by_sha[stored.sha256] = stored
            self._by_path[stored.path] = stored
        return stats

    def _delete_report(self, report_id: str) -> int:
        """Remove a report, its relationships, and the nodes no other report mentions.

        Every relationship of a report starts at an entity the report mentions, so only those
        nodes are visited (no scan of the whole graph).
        """
        deleted = 0
        mentioned: dict[str, list[str]] = {}
        for label, node_id in self._rows("MATCH (n)-[:MENTIONED_IN]->(r:Report {id: $id}) RETURN label(n), n.id",
                                         {"id": report_id}):
            mentioned.setdefault(label, []).append(node_id)
        for rtype in self.schema.relationships:
            for src in {a for a, _ in self.schema.rel(rtype).endpoints}:
                if mentioned.get(src):
                    rows = self._rows(f"UNWIND $ids AS i MATCH (a:{src} {{id: i}})-[r:{rtype}]->() "
                                      "WHERE r.report = $id DELETE r RETURN count(*)",
                                      {"ids": mentioned[src], "id": report_id})
                    deleted += sum(row[0] for row in rows)
        self._conn.execute("MATCH (r:Report {id: $id}) DETACH DELETE r", {"id": report_id})
        for label, ids in mentioned.items():  # nodes no report mentions any more
            self._conn.execute(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) "
                               "WHERE NOT EXISTS { MATCH (n)-[:MENTIONED_IN]->(:Report) } DETACH DELETE n",
                               {"ids": ids})
        return deleted

    def _upsert_nodes(self, label: str, rows: list[NodeRow]) -> tuple[int, int]:
        props = self.schema.node(label).properties
        names = list(props)
        unique: dict[str, NodeRow] = {}
        for row in rows:  # one row per id: a batch may name a node twice
            seen = unique.get(row.id)
            unique[row.id] = row if seen is None else NodeRow(label, row.id, merge_props(seen.props, row.props, props))
        rows = list(unique.values())
        existing = {}
        cols = ", ".join(f"n.{p}" for p in names)
        for row in self._rows(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n.id, {cols}",
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

    def _write_rels(self, rtype: str, src: str, dst: str, rows: list[dict[str, Any]], create: bool) -> None:
        props = self.schema.rel_properties(rtype)
        rows = [{"src": r["src"], "dst": r["dst"], **{p: _typed(r.get(p), props[p].type) for p in props}}
                for r in rows]
        filled = _filled(props, rows)
        # Two chained MATCHes: one pattern with both ends is planned as a scan-and-join (6.5 ms
        # for 10 rows on a 3,000-report store, against 1.3 ms chained).
        ends = (f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}) WITH a, row "
                f"MATCH (b:{dst} {{id: row.dst}}) ")
        if create:
            fields = ", ".join(f"{p}: row.{p}" for p in filled)
            self._conn.execute(f"{ends}CREATE (a)-[r:{rtype} {{{fields}}}]->(b)", {"rows": rows})
        else:
            assign = ", ".join(f"r.{p} = row.{p}" for p in filled if p != "report")
            self._conn.execute(f"{ends}MERGE (a)-[r:{rtype} {{report: row.report}}]->(b) SET {assign}",
                               {"rows": rows})

    # -- reading ------------------------------------------------------------------------------
    def nodes(self, label: str, ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
        self.schema.node(label)
        if ids is None:
            result = self._conn.execute(f"MATCH (n:{label}) RETURN n ORDER BY n.id")
        else:
            result = self._conn.execute(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n ORDER BY n.id",
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
