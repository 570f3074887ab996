"""CSV files for ``neo4j-admin database import full``: the path for initial loads of millions of reports.

Layout of the folder written by :func:`export_neo4j_import` (header and data in one file each):

- ``nodes-<Label>.csv``: ``id:ID(<Label>)``, ``:LABEL``, then the label's properties;
- ``rels-<TYPE>-<From>-<To>.csv``: ``:START_ID(<From>)``, ``:END_ID(<To>)``, ``:TYPE``, then the
  evidence (``report``, ``sentence``, ``span_start:int``, ``span_end:int``, ``extractor``,
  ``confidence:double``) and the type's own properties. One file per endpoint pair, because each
  label is its own ID space;
- ``import.sh``: the ``neo4j-admin database import full`` command naming every file;
- ``schema.cypher``: the constraints and indexes kg creates (run it after the import).

Headers follow the Neo4j operations manual ("CSV header format"): ``name:type`` with the types
``int``, ``double``, ``boolean`` and ``string`` (the default), ``[]`` for arrays, ``ID(space)``,
``START_ID(space)``, ``END_ID(space)``, ``LABEL`` and ``TYPE``. The ``id`` is kept as a node
property (the key kg MERGEs on). Dates are ISO text, as kg stores them everywhere (``YYYY-MM`` is
a valid kg date but not a Neo4j ``date``). Floats are ``double``: ``float`` would round 0.9 to
0.8999999762. Arrays are joined with :data:`ARRAY_DELIMITER` (``;``, neo4j-admin's default,
passed explicitly in import.sh); a value containing it is refused, so choose another one with
``--array-delimiter``. Every string is quoted (``"`` doubled inside), so sentences may hold commas
and line breaks (import.sh passes ``--multiline-fields=true``); an empty cell is a missing
property, a quoted empty string an empty one.
"""
from __future__ import annotations

import os
import shlex
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable

from kg.errors import UsageError
from kg.schema import Property, Schema, load_schema

ARRAY_DELIMITER = ";"
ADMIN_TYPES = {"string": "string", "date": "string", "int": "int", "float": "double", "bool": "boolean",
               "string[]": "string[]"}


def node_header(label: str, schema: Schema) -> list[str]:
    """``id:ID(Label)``, ``:LABEL`` and one typed column per property of the label."""
    props = schema.node(label).properties.values()
    return [f"id:ID({label})", ":LABEL", *(_column(p) for p in props)]


def rel_header(rtype: str, src: str, dst: str, schema: Schema) -> list[str]:
    """``:START_ID(From)``, ``:END_ID(To)``, ``:TYPE`` and the evidence and own properties."""
    props = schema.rel_properties(rtype).values()
    return [f":START_ID({src})", f":END_ID({dst})", ":TYPE", *(_column(p) for p in props)]


def _column(prop: Property) -> str:
    return f"{prop.name}:{ADMIN_TYPES[prop.type]}"


def cell(value: Any, ptype: str = "string", delimiter: str = ARRAY_DELIMITER, where: str = "") -> str:
    """One CSV field as neo4j-admin reads it.

    >>> cell("Kota Jambi"), cell('the "Sekda" said'), cell(None), cell(3, "int"), cell(0.9, "float")
    ('"Kota Jambi"', '"the ""Sekda"" said"', '', '3', '0.9')
    >>> cell(["Sekda", "Sekda Kota Jambi"], "string[]"), cell([], "string[]")
    ('"Sekda;Sekda Kota Jambi"', '')
    """
    if value is None:
        return ""
    if ptype == "string[]":
        items = [str(v) for v in value]
        if not items:
            return ""
        bad = next((v for v in items if delimiter in v), None)
        if bad is not None:
            raise UsageError(f"{where}: the value {bad!r} contains the array delimiter {delimiter!r}; "
                             "export again with another --array-delimiter")
        return _quote(delimiter.join(items))
    if ptype == "bool":
        return "true" if value else "false"
    if ptype == "int":
        return str(int(value))
    if ptype == "float":
        return repr(float(value))
    return _quote(str(value))


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@dataclass
class ImportSummary:
    directory: Path
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{sum(self.nodes.values())} nodes and {sum(self.relationships.values())} relationships "
                f"in {len(self.files)} CSV files to {self.directory}")


class Neo4jImportWriter:
    """Writes nodes and relationships, as the Store protocol yields them, into a folder."""

    def __init__(self, directory: str | os.PathLike, schema: Schema | None = None,
                 array_delimiter: str = ARRAY_DELIMITER):
        if len(array_delimiter) != 1 or array_delimiter in '",\n\r':
            raise UsageError(f"--array-delimiter must be one character other than a comma, quote or newline, "
                             f"not {array_delimiter!r}")
        self.directory = Path(directory)
        self.schema = schema or load_schema()
        self.delimiter = array_delimiter
        self.summary = ImportSummary(self.directory)
        self._node_files: list[str] = []
        self._rel_files: list[str] = []

    def write_nodes(self, label: str, nodes: Iterable[dict[str, Any]]) -> int:
        """One ``nodes-<Label>.csv`` (not written when there are no nodes)."""
        props = list(self.schema.node(label).properties.values())
        name = f"nodes-{label}.csv"
        count = 0
        out: IO[str] | None = None
        try:
            for node in nodes:
                if out is None:
                    out = self._open(name, node_header(label, self.schema))
                where = f"{label} {node['id']}"
                row = [cell(node["id"]), cell(label)]
                row += [cell(node.get(p.name), p.type, self.delimiter, f"{where}.{p.name}") for p in props]
                out.write(",".join(row) + "\n")
                count += 1
        finally:
            if out is not None:
                out.close()
        if count:
            self._node_files.append(name)
            self.summary.nodes[label] = count
        return count

    def write_relationships(self, rtype: str, rels: Iterable[dict[str, Any]]) -> int:
        """One ``rels-<TYPE>-<From>-<To>.csv`` per endpoint pair that has relationships."""
        props = list(self.schema.rel_properties(rtype).values())
        files: dict[tuple[str, str], IO[str]] = {}
        count = 0
        try:
            for rel in rels:
                ends = (rel["src_label"], rel["dst_label"])
                out = files.get(ends)
                if out is None:
                    name = f"rels-{rtype}-{ends[0]}-{ends[1]}.csv"
                    out = files[ends] = self._open(name, rel_header(rtype, *ends, self.schema))
                    self._rel_files.append(name)
                where = f"{rtype} {rel['src']}->{rel['dst']}"
                row = [cell(rel["src"]), cell(rel["dst"]), cell(rtype)]
                row += [cell(rel.get(p.name), p.type, self.delimiter, f"{where}.{p.name}") for p in props]
                out.write(",".join(row) + "\n")
                count += 1
        finally:
            for out in files.values():
                out.close()
        if count:
            self.summary.relationships[rtype] = count
        return count

    def _open(self, name: str, header: list[str]) -> IO[str]:
        out = open(self.directory / name, "w", encoding="utf-8", newline="")
        out.write(",".join(header) + "\n")
        self.summary.files.append(name)
        return out

    def finalize(self) -> ImportSummary:
        """Write import.sh and schema.cypher beside the CSV files."""
        from kg.store.neo4j import schema_statements

        args = [f"--array-delimiter={shlex.quote(self.delimiter)}", "--multiline-fields=true"]
        args += [f"--nodes={name}" for name in self._node_files]
        args += [f"--relationships={name}" for name in self._rel_files]
        script = "\n".join([
            "#!/bin/sh",
            "# Written by `kg export neo4j-import`: load these CSV files into a new Neo4j 5 database.",
            "# Usage: sh import.sh [DATABASE] [more neo4j-admin options]   (DATABASE defaults to neo4j)",
            "# The database must be stopped; add --overwrite-destination=true to replace an existing one.",
            "# neo4j-admin is taken from $NEO4J_HOME/bin when NEO4J_HOME is set, else from PATH.",
            "# Afterwards create kg's constraints and indexes: cypher-shell -d DATABASE -f schema.cypher",
            "set -e",
            'cd "$(dirname "$0")"',
            'DATABASE="${1:-neo4j}"',
            'if [ $# -gt 0 ]; then shift; fi',
            'exec "${NEO4J_HOME:+$NEO4J_HOME/bin/}neo4j-admin" database import full "$DATABASE" \\',
            *(f"  {arg} \\" for arg in args),
            '  "$@"',
            "",
        ])
        (self.directory / "import.sh").write_text(script, encoding="utf-8")
        (self.directory / "import.sh").chmod(0o755)
        ddl = "".join(f"{stmt};\n" for stmt in schema_statements(self.schema))
        (self.directory / "schema.cypher").write_text(ddl, encoding="utf-8")
        return self.summary


def export_neo4j_import(store, directory: str | os.PathLike, array_delimiter: str = ARRAY_DELIMITER,
                        schema: Schema | None = None) -> ImportSummary:
    """Write every node and relationship of ``store`` (any Store) as neo4j-admin import files.

    ``directory`` must not exist or be empty. Files are written into a temporary folder beside
    it, which becomes ``directory`` only when everything is written: a failed export leaves nothing.
    """
    target = Path(directory)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target} already exists and is not an empty folder; choose a new one")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o777 & ~umask)  # mkdtemp's 0700 would hide the files from a Neo4j container's user
    try:
        writer = Neo4jImportWriter(tmp, schema or getattr(store, "schema", None), array_delimiter)
        for label in writer.schema.nodes:
            writer.write_nodes(label, store.nodes(label))
        for rtype in writer.schema.relationships:
            writer.write_relationships(rtype, store.relationships(rtype))
        summary = writer.finalize()
        if target.exists():
            target.rmdir()
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    summary.directory = target
    return summary
