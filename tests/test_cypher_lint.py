"""Every saved query and every Neo4j loader statement passes Neo4j's own Cypher linter.

Skipped only when ``node`` is missing; when node is there but the pinned linter package is not
installed, the tests fail and say to run ``npm ci`` (so CI cannot skip them silently). Warnings
count as failures: a misspelt label or property is only a warning to the linter.
"""
from __future__ import annotations

import re

import pytest

from kg.queries import QUERIES_DIR, saved_queries
from kg.store import neo4j as loader
from tests.cypherlint import INSTALL, PACKAGE, db_schema, lint_cached, node_binary, param_lines

QUERIES = saved_queries()
LOADER_PARAMS = {"rows": [], "ids": [], "id": "", "sha": "", "path": ""}
ROW_KEYS = ["src", "dst"]  # keys of the loader's relationship row maps (not graph properties)


@pytest.fixture(scope="module")
def linted(request):
    """Lint the saved queries, their ``:param`` lines and the loader statements in one run."""
    if not node_binary():
        pytest.skip("node is not installed, so Neo4j's Cypher linter cannot run (needs Node >= 20)")
    if not PACKAGE.exists():
        pytest.fail(f"the Neo4j Cypher linter is not installed: run `{INSTALL}` in the repository root",
                    pytrace=False)
    batch = [(q.path.read_text(encoding="utf-8"), q.params) for q in QUERIES.values()]
    batch += [(param_lines(q.path), {}) for q in QUERIES.values()]
    batch += [(stmt, LOADER_PARAMS, ROW_KEYS) for stmt in loader.loader_statements()]
    results = lint_cached(batch, getattr(request.config, "cache", None))
    n = len(QUERIES)
    return {"query": dict(zip(QUERIES, results[:n])), "params": dict(zip(QUERIES, results[n:2 * n])),
            "loader": results[2 * n:]}


def _show(diags) -> str:
    return "\n".join(str(d) for d in diags)


def test_the_required_saved_queries_exist():
    assert {"who_coordinated_with_whom", "coordination_partners", "posts_of_person", "officials_of_agency",
            "meetings_in_region", "funding_chain", "shortest_meeting_chain", "most_connected"} <= set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_saved_query_lints_clean_as_neo4j_5(linted, name):
    """The whole file, header comments included, as pasted into Neo4j Browser."""
    diags = linted["query"][name]
    assert not diags, f"queries/{name}.cypher:\n{_show(diags)}"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_param_lines_are_browser_commands(linted, name):
    """The header's ``:param`` lines, uncommented, are valid Neo4j Browser commands."""
    diags = linted["params"][name]
    assert param_lines(QUERIES[name].path) and not diags, f"queries/{name}.cypher :param lines:\n{_show(diags)}"


def test_every_loader_statement_lints_clean(linted):
    statements = loader.loader_statements()
    bad = [f"{stmt}\n  {_show(diags)}" for stmt, diags in zip(statements, linted["loader"]) if diags]
    assert not bad, "\n".join(bad)
    assert len(statements) > 100  # constraints, indexes, merges for every label, type and endpoint pair


def test_loader_statements_name_only_schema_labels_types_and_paths():
    """The linter does not check labels and types in MERGE (a write may create them), nor the
    direction of a merged relationship: the loader's must all come from the schema."""
    schema = db_schema()
    for stmt in loader.loader_statements():
        for labels in re.findall(r"\(\w*:([A-Za-z|]+)", stmt):
            assert set(labels.split("|")) <= set(schema["labels"]), stmt
        for rtypes in re.findall(r"\[\w*:([A-Za-z_|]+)", stmt):
            assert set(rtypes.split("|")) <= set(schema["relationshipTypes"]), stmt
    for (rtype, src, dst), stmt in loader.REL_MERGE.items():
        assert {"from": src, "to": dst, "relType": rtype} in schema["graphSchema"]
        assert f"(a:{src} {{id: row.src}})" in stmt and f"(b:{dst} {{id: row.dst}})" in stmt
        assert f"MERGE (a)-[r:{rtype} {{report: row.report}}]->(b)" in stmt


def test_the_linter_catches_what_it_is_here_to_catch(linted, request):
    """The harness is not vacuous: each kind of mistake is reported."""
    cases = [
        ("MATCH (p:Persn) RETURN p.name", {}, "Label Persn is not present"),
        ("MATCH (p:Person)-[:ATTEND]->(e:Event) RETURN p", {}, "ATTEND is not present"),
        ("MATCH (p:Person) WHERE p.nmae = 'x' RETURN p", {}, "nmae is not present"),
        ("MATCH (p:Person) RETURN p LIMIT $limit", {}, "Parameter $limit is not defined"),
        ("MATCH (e:Event)-[:HOLDS]->(o:Office) RETURN o", {}, "HOLDS"),
        ("MATCH (p:Person) RETURN list_transform([1], x -> x)", {}, "list_transform is not present"),
        ("MATCH p = (a:Person)-[:ATTENDED* SHORTEST 1..6]-(b:Person) RETURN p", {}, "Invalid input"),
    ]
    results = lint_cached([(text, params) for text, params, _ in cases], getattr(request.config, "cache", None))
    for (text, _, expected), diags in zip(cases, results):
        assert any(expected in d.message for d in diags), f"{text!r} not caught: {_show(diags)}"


def test_db_schema_comes_from_the_schema():
    schema = db_schema()
    assert "FundingSource" in schema["labels"] and "PROVIDED_BY" in schema["relationshipTypes"]
    assert {"span_start", "confidence", "acronym", "surface", "role"} <= set(schema["propertyKeys"])
    assert {"from": "Person", "to": "Event", "relType": "ATTENDED"} in schema["graphSchema"]


def test_embedded_variants_sit_beside_a_neo4j_query():
    for path in QUERIES_DIR.glob("*.ladybug.cypher"):
        name = path.name.removesuffix(".ladybug.cypher")
        assert name in QUERIES, f"{path.name} has no {name}.cypher beside it"
        assert QUERIES[name].embedded_text, name
        assert "Neo4j" in path.read_text() and "embedded" in QUERIES[name].description
