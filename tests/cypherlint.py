"""Check Cypher with Neo4j's own front end (npm @neo4j-cypher/language-support, pinned in
package.json) through tools/cypher-lint.mjs, one Node process per batch of queries.

The linter's ``dbSchema`` is built from schema/schema.yaml: labels, relationship types, property
keys, the allowed (from)-[type]->(to) paths, Neo4j 5's built-in functions, and only the parameters
a query declares, so a misspelt label, type or property, a path the schema does not allow, an
undeclared parameter or an embedded-engine-only function is reported.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.schema import Schema, load_schema

ROOT = Path(__file__).resolve().parents[1]
LINTER = ROOT / "tools" / "cypher-lint.mjs"
PACKAGE = ROOT / "node_modules" / "@neo4j-cypher" / "language-support" / "package.json"
INSTALL = "npm ci --no-audit --no-fund"


class LinterMissing(RuntimeError):
    """node is there but the pinned linter package is not installed."""


@dataclass(frozen=True)
class Diagnostic:
    severity: int  # 1 error, 2 warning, 3 information, 4 hint
    message: str
    line: int
    character: int

    def __str__(self) -> str:
        kind = {1: "error", 2: "warning"}.get(self.severity, f"severity {self.severity}")
        return f"{self.line}:{self.character} {kind}: {self.message}"


def node_binary() -> str | None:
    return shutil.which("node")


def db_schema(schema: Schema | None = None) -> dict[str, Any]:
    """The linter's DbSchema for kg's graph (parameters are added per query)."""
    schema = schema or load_schema()
    keys = {"id", *schema.evidence}
    for node in schema.nodes.values():
        keys.update(node.properties)
    for rel in schema.relationships.values():
        keys.update(rel.properties)
    paths = [{"from": src, "to": dst, "relType": rtype}
             for rtype, rel in schema.relationships.items() for src, dst in rel.endpoints]
    return {"labels": sorted(schema.nodes), "relationshipTypes": sorted(schema.relationships),
            "propertyKeys": sorted(keys), "graphSchema": paths, "defaultLanguage": "CYPHER 5"}


def lint(queries: list[tuple], schema: Schema | None = None,
         processes: int | None = None) -> list[list[Diagnostic]]:
    """Diagnostics for each ``(text, declared parameters[, extra keys])``, in order.

    Extra keys are map keys the linter should accept as property keys (the keys of the row maps a
    loader statement UNWINDs, which it cannot tell from node properties).

    The linter spends 40-80 ms analysing each statement, so a batch is split across a few Node
    processes running side by side (one per core, at most four).
    """
    if not node_binary():
        raise FileNotFoundError("node is not installed")
    if not PACKAGE.exists():
        raise LinterMissing(f"@neo4j-cypher/language-support is not installed: run `{INSTALL}` in {ROOT}")
    n = max(1, min(processes or os.cpu_count() or 1, 4, len(queries) // 10 or 1))
    # Single-line statements with the same parameters are linted together as one multi-statement
    # text (cheaper for the linter); the rest one by one. Work is dealt round-robin to processes.
    parts: list[list[dict]] = [[] for _ in range(n)]
    slots: list[list[list[int]]] = [[] for _ in range(n)]  # per process: the indexes each result is for
    groups: dict[str, list[int]] = {}
    for i, q in enumerate(queries):
        if "\n" in q[0]:
            p = i % n
            slots[p].append([i])
            parts[p].append({"text": q[0], "parameters": q[1], "extraPropertyKeys": list(q[2] if len(q) > 2 else [])})
        else:
            groups.setdefault(json.dumps([q[1], list(q[2] if len(q) > 2 else [])], sort_keys=True), []).append(i)
    for key, members in groups.items():
        params, extra = json.loads(key)
        for p in range(n):
            share = members[p::n]
            if share:
                slots[p].append(share)
                parts[p].append({"texts": [queries[i][0] for i in share], "parameters": params,
                                 "extraPropertyKeys": extra})
    schema_json = db_schema(schema)
    procs = [subprocess.Popen([node_binary(), str(LINTER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT) for _ in parts]
    for proc, part in zip(procs, parts):
        proc.stdin.write(json.dumps({"schema": schema_json, "builtinFunctions": True, "queries": part}))
        proc.stdin.close()
    results: list[Any] = [None] * len(queries)
    for proc, slot in zip(procs, slots):
        stdout, stderr = proc.stdout.read(), proc.stderr.read()
        if proc.wait(timeout=300) != 0:
            raise RuntimeError(f"cypher-lint.mjs failed ({proc.returncode}): {stderr.strip()[-2000:]}")
        out = iter(json.loads(stdout)["results"])
        for indexes in slot:
            for i in indexes:
                results[i] = next(out)
    return [[Diagnostic(d["severity"], d["message"], d["line"], d["character"]) for d in r["diagnostics"]]
            for r in results]


def lint_cached(queries: list[tuple], cache: Any = None, schema: Schema | None = None) -> list[list[Diagnostic]]:
    """:func:`lint`, remembering answers in pytest's cache (``request.config.cache``).

    The linter takes 40-80 ms a statement, so only statements whose text, parameters, schema,
    linter script or pinned linter version changed since the last run are linted again.
    """
    if cache is None:
        return lint(queries, schema)
    if not PACKAGE.exists():
        raise LinterMissing(f"@neo4j-cypher/language-support is not installed: run `{INSTALL}` in {ROOT}")
    salt = json.dumps([linter_version(), LINTER.read_text(), db_schema(schema)], sort_keys=True)
    keys = [f"kg/cypherlint/{hashlib.sha256((salt + json.dumps(q, sort_keys=True)).encode()).hexdigest()[:32]}"
            for q in queries]
    found = [cache.get(key, None) for key in keys]
    missing = [i for i, hit in enumerate(found) if hit is None]
    if missing:
        fresh = lint([queries[i] for i in missing], schema)
        for i, diags in zip(missing, fresh):
            found[i] = [vars(d) for d in diags]
            cache.set(keys[i], found[i])
    return [[Diagnostic(**d) for d in diags] for diags in found]


@cache
def linter_version() -> str:
    return json.loads(PACKAGE.read_text())["version"]


def param_lines(path: Path) -> str:
    """A saved query's ``// :param`` header lines as the Neo4j Browser commands a user runs
    before the query (the rest of the file is pasted as it is)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line.lstrip("/ ").rstrip().rstrip(";") + ";" for line in lines
                     if line.startswith("//") and line[2:].strip().startswith(":param"))
