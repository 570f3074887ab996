"""kg.network and ``kg network`` on the small known graph (tests/fixtures/small_graph.py)."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import UsageError
from kg.network import (
    communities,
    coordination_graph,
    describe_communities,
    ego_timeline,
    find_node,
    in_period,
    network_summary,
    top_nodes,
)

RIDWAN, DEWANTI, SRI, MULYONO = "A. Ridwan", "Noverintiwi Dewanti", "Sri Purwaningsih", "Mulyono"
DPMPPA = "Dinas Pemberdayaan Masyarakat, Perempuan, dan Perlindungan Anak Kota Jambi"
POLRESTA = "Kepolisian Resor Kota Jambi"


def names(G: nx.Graph) -> dict[str, str]:
    return {name: node for node, name in G.nodes(data="name")}


def weights(G: nx.Graph) -> dict[frozenset, int]:
    return {frozenset((G.nodes[a]["name"], G.nodes[b]["name"])): w for a, b, w in G.edges(data="weight")}


def test_person_network_matches_the_fixture(small_store):
    G = coordination_graph(small_store, kind="person")
    assert set(names(G)) == {RIDWAN, DEWANTI, SRI, MULYONO}
    assert weights(G) == {frozenset((RIDWAN, DEWANTI)): 2, frozenset((RIDWAN, SRI)): 1,
                          frozenset((DEWANTI, SRI)): 1}
    n = names(G)
    assert len(G[n[RIDWAN]][n[DEWANTI]]["events"]) == 2
    assert G.nodes[n[RIDWAN]]["event_count"] == 2 and G.nodes[n[MULYONO]]["event_count"] == 1
    assert all(d["label"] == "Person" for _, d in G.nodes(data=True))
    assert len(G.graph["events"]) == 3


def test_organization_and_both(small_store):
    orgs = coordination_graph(small_store, kind="organization")
    assert weights(orgs) == {frozenset((DPMPPA, POLRESTA)): 1}
    both = coordination_graph(small_store, kind="both")
    assert weights(both)[frozenset((RIDWAN, DPMPPA))] == 2
    assert weights(both)[frozenset((SRI, POLRESTA))] == 1
    assert both.number_of_nodes() == 6


def test_period_filter(small_store):
    nov = coordination_graph(small_store, kind="person", start="2024-11", end="2024-11")
    assert set(names(nov)) == {RIDWAN, DEWANTI, SRI}
    late = coordination_graph(small_store, kind="person", start="2024-11-06")
    assert weights(late) == {frozenset((RIDWAN, DEWANTI)): 1}
    old = coordination_graph(small_store, kind="person", end="2020")
    assert set(names(old)) == {MULYONO} and old.number_of_edges() == 0
    assert coordination_graph(small_store, start="2030").number_of_nodes() == 0


@pytest.mark.parametrize("date, start, end, expected", [
    ("2024-11-05", "2024-11-05", "2024-11-05", True),
    ("2024-11", "2024-11-30", None, True),
    ("2024", None, "2024-01-01", True),
    ("2024-11-05", "2024-11-06", None, False),
    ("2024-12", None, "2024-11-30", False),
    (None, "2000", None, False),
    ("", None, None, True),
])
def test_in_period(date, start, end, expected):
    assert in_period(date, start, end) is expected


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "people"}, "unknown kind"),
    ({"start": "05/11/2024"}, "YYYY-MM-DD"),
    ({"start": "2024-12", "end": "2024-11"}, "ends"),
])
def test_bad_arguments(small_store, kwargs, message):
    with pytest.raises(UsageError, match=message):
        coordination_graph(small_store, **kwargs)


def test_summary_ranks_and_communities(small_store):
    G = coordination_graph(small_store, kind="person")
    summary = network_summary(G, top=3)
    assert summary["graph"] == {"kind": "person", "from": None, "to": None, "nodes": 4, "edges": 3, "events": 3,
                                "components": 2, "betweenness": "exact", "communities": 2, "singletons": 1}
    assert [r["name"] for r in summary["top"]["weighted_degree"]] == [RIDWAN, DEWANTI, SRI]
    assert summary["top"]["betweenness"] == []  # a triangle has no broker
    [jambi] = summary["communities"]
    assert jambi["size"] == 3 and jambi["events"] == 2
    assert jambi["places"][0] == "Kota Jambi"
    assert jambi["name"].startswith("Kota Jambi: ")


def test_broker_between_two_groups():
    G = nx.Graph(events={})
    for a, b in [("a1", "a2"), ("a2", "a3"), ("a1", "a3"), ("b1", "b2"), ("b2", "b3"), ("b1", "b3"),
                 ("a1", "x"), ("x", "b1")]:
        G.add_edge(a, b, weight=1, events=[f"{a}-{b}"])
    for n in G:
        G.nodes[n]["name"] = n.upper()
    summary = network_summary(G, top=1)
    assert summary["top"]["betweenness"][0]["name"] == "X"
    groups = communities(G)
    assert {frozenset(g) for g in groups} >= {frozenset({"b1", "b2", "b3"})}
    assert [c["size"] for c in describe_communities(G, groups)] == sorted((len(g) for g in groups), reverse=True)
    assert top_nodes(G, {n: 0 for n in G}) == []


def test_communities_are_deterministic(small_store):
    G = coordination_graph(small_store, kind="both")
    assert communities(G) == communities(G)


def test_ego_timeline_and_find_node(small_store):
    G = coordination_graph(small_store, kind="person")
    node = find_node(G, "a. ridwan")
    rows = ego_timeline(G, node, "month")
    assert [(r["period"], r["partner"], r["shared"], r["new"]) for r in rows] == [
        ("2024-11", DEWANTI, 2, True), ("2024-11", SRI, 1, True)]
    with pytest.raises(UsageError, match="not in the network"):
        find_node(G, "Nobody")


def test_empty_store(store):
    G = coordination_graph(store)
    summary = network_summary(G)
    assert summary["graph"]["nodes"] == 0 and summary["communities"] == []


CLI_TABLE = """\
Coordination network (person, all dates): 4 actors, 3 ties, 3 events, 2 connected groups; betweenness exact.

Brokers (betweenness: share of shortest paths through the actor)
(none)

Most partners (degree)
name                 label   degree  weighted_degree  betweenness
-------------------  ------  ------  ---------------  -----------
A. Ridwan            Person  2       3                0
Noverintiwi Dewanti  Person  2       3                0

Most shared participation (weighted degree)
name                 label   degree  weighted_degree  betweenness
-------------------  ------  ------  ---------------  -----------
A. Ridwan            Person  2       3                0
Noverintiwi Dewanti  Person  2       3                0

Communities (Louvain, seed 42): 1 of two or more actors, 1 alone
id  size  events  places                              top members
--  ----  ------  ----------------------------------  ------------------------------------------------
0   3     2       Kota Jambi; Aula DPMPPA Kota Jambi  A. Ridwan; Noverintiwi Dewanti; Sri Purwaningsih

Ties of A. Ridwan by year
period  partner              shared_events  new
------  -------------------  -------------  ---
2024    Noverintiwi Dewanti  2              new
2024    Sri Purwaningsih     1              new
"""


def test_cli_table(small_store):
    path = small_store.path
    small_store.close()
    result = CliRunner().invoke(app, ["network", "--store", str(path), "--kind", "person", "--top", "2",
                                      "--person", "A. Ridwan"])
    assert result.exit_code == 0, result.output
    assert result.output == CLI_TABLE


def test_cli_json_and_png(small_store, tmp_path):
    pytest.importorskip("matplotlib")
    path = small_store.path
    small_store.close()
    png = tmp_path / "net.png"
    result = CliRunner().invoke(app, ["network", "--store", str(path), "--format", "json", "--png", str(png),
                                      "--from", "2024-11"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["graph"]["from"] == "2024-11" and data["graph"]["nodes"] == 5
    assert data["png"]["nodes"] == 5
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_errors(small_store):
    path = small_store.path
    small_store.close()
    result = CliRunner().invoke(app, ["network", "--store", str(path), "--kind", "agency"])
    assert result.exit_code == 2
    assert "unknown kind 'agency'" in result.output
    result = CliRunner().invoke(app, ["network", "--store", str(path), "--format", "csv"])
    assert result.exit_code == 2


class Recorder:
    """A store that records the Cypher it is asked to run."""

    def __init__(self, store):
        self.store, self.name, self.statements = store, store.name, {}

    def query(self, cypher, params=None):
        self.statements[cypher] = params or {}
        return self.store.query(cypher, params)


def test_network_and_view_cypher_lints_clean_as_neo4j_5(small_store, request):
    """The statements kg network and kg view send run on Neo4j too: Neo4j's own linter accepts them."""
    from kg.view import result_subgraph
    from tests.cypherlint import PACKAGE, lint_cached, node_binary

    if not node_binary():
        pytest.skip("node is not installed, so Neo4j's Cypher linter cannot run (needs Node >= 20)")
    if not PACKAGE.exists():
        pytest.fail("the Neo4j Cypher linter is not installed: run `npm ci` in the repository root", pytrace=False)
    store = Recorder(small_store)
    for kind in ("person", "organization", "both"):
        for start, end in ((None, None), ("2024", None), (None, "2024-11"), ("2024-11-01", "2024-12")):
            coordination_graph(store, kind=kind, start=start, end=end)
    node = next(iter(small_store.nodes("Person")))
    result_subgraph(store, [[{"id": node["id"]}, "Sosialisasi Pencegahan TPPO"]], connect=True)
    batch = sorted(store.statements.items())
    diagnostics = lint_cached(batch, getattr(request.config, "cache", None))
    problems = {text: diags for (text, _), diags in zip(batch, diagnostics) if diags}
    assert not problems, "\n".join(f"{text}\n  {'; '.join(map(str, d))}" for text, d in problems.items())
    assert len(batch) > 30
