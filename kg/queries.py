"""Saved Cypher queries (queries/*.cypher): parse their header, bind parameters, run them.

A query file starts with ``// Title``, then ``// description`` lines and ``// :param name => value``
lines (the Neo4j Browser syntax), then the Cypher, which runs unchanged in Neo4j Browser. Where the
embedded engine's dialect differs, ``NAME.ladybug.cypher`` beside it holds the tested variant that
``kg query`` runs on the embedded store; both files say so in their description.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import QueryError

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
_PARAM = re.compile(r"^//\s*:param\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(?P<value>.+?)\s*;?\s*$")


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    params: dict[str, Any]
    text: str                   # Neo4j Cypher, as in queries/NAME.cypher
    path: Path
    embedded_text: str | None = None  # the Ladybug variant, when there is one
    param_docs: dict[str, str] = field(default_factory=dict)

    def text_for(self, engine: str) -> str:
        return self.embedded_text if engine == "ladybug" and self.embedded_text else self.text


def parse_literal(text: str) -> Any:
    """A Cypher literal as written after ``:param name =>`` (strings, numbers, booleans, null, lists).

    >>> parse_literal("'Kota Jambi'"), parse_literal("10"), parse_literal("[1, 2]"), parse_literal("null")
    ('Kota Jambi', 10, [1, 2], None)
    """
    text = text.strip().rstrip(";")
    py = re.sub(r"\b(true|false|null)\b", lambda m: {"true": "True", "false": "False", "null": "None"}[m.group(1)], text)
    try:
        return ast.literal_eval(py)
    except (ValueError, SyntaxError) as exc:
        raise QueryError(f"cannot read parameter value {text!r}: use a string, number, boolean, null or list") from exc


def parse_cli_value(text: str) -> Any:
    """A value given on the command line (``--param limit=5``): numbers and booleans are typed."""
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"true": True, "false": False, "null": None}.get(text.lower(), text)


def parse_params(items: list[str]) -> dict[str, Any]:
    """Command-line ``key=value`` parameters as typed values.

    >>> parse_params(["name=Mulyono", "limit=5"])
    {'name': 'Mulyono', 'limit': 5}
    """
    from kg.errors import UsageError

    given = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param {item!r}: write it as key=value")
        given[key.strip()] = parse_cli_value(value)
    return given


def parse_query(path: Path) -> SavedQuery:
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("//"):
        raise QueryError(f"{path}: the first line must be '// Title'")
    title = lines[0][2:].strip()
    description, params, body_start = [], {}, len(lines)
    for i, line in enumerate(lines[1:], 1):
        if not line.startswith("//"):
            body_start = i
            break
        m = _PARAM.match(line)
        if m:
            params[m.group("name")] = parse_literal(m.group("value"))
        else:
            description.append(line[2:].strip())
    text = "\n".join(lines[body_start:]).strip()
    if not text:
        raise QueryError(f"{path}: no Cypher after the header")
    variant = path.with_name(f"{path.stem}.ladybug.cypher")
    embedded = None
    if variant.exists():
        embedded = parse_query_body(variant)
    return SavedQuery(path.stem, title, " ".join(d for d in description if d), params, text, path, embedded)


def parse_query_body(path: Path) -> str:
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("//")).strip()


def saved_queries(directory: Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    """Every saved query by name (embedded variants are attached to their query, not listed)."""
    out = {}
    for path in sorted(directory.glob("*.cypher")):
        if path.name.endswith(".ladybug.cypher"):
            continue
        query = parse_query(path)
        out[query.name] = query
    return out


def get_query(name: str, directory: Path = QUERIES_DIR) -> SavedQuery:
    queries = saved_queries(directory)
    if name not in queries:
        known = ", ".join(queries) or "none"
        raise QueryError(f"no saved query named {name!r} (known: {known})")
    return queries[name]


def bind(query: SavedQuery, given: dict[str, Any]) -> dict[str, Any]:
    """The query's default parameters overridden by the given ones; unknown names are refused."""
    unknown = set(given) - set(query.params)
    if unknown:
        raise QueryError(f"{query.name}: unknown parameter(s) {', '.join(sorted(unknown))}; "
                         f"it takes {', '.join(query.params) or 'none'}")
    return {**query.params, **given}


def run_query(store, name: str, given: dict[str, Any] | None = None, directory: Path = QUERIES_DIR):
    """Run a saved query on a store with its parameters; returns the store's QueryResult."""
    query = get_query(name, directory)
    return store.query(query.text_for(store.name), bind(query, given or {}))
