"""GraphML and GEXF export: files re-read with networkx give back the graph that was written."""
from __future__ import annotations

import io

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import UsageError
from kg.export.graph import flat_graph, property_graph, read_graphml, write_gexf, write_graphml
from kg.network import coordination_graph


def same_graph(a: nx.Graph, b: nx.Graph) -> bool:
    """Same class, nodes, edges (with keys for multigraphs) and attributes, order aside."""
    if type(a) is not type(b) or dict(a.nodes(data=True)) != dict(b.nodes(data=True)):
        return False
    edges = (lambda G: sorted((u, v, k, sorted(d.items())) for u, v, k, d in G.edges(keys=True, data=True))) \
        if a.is_multigraph() else (lambda G: {frozenset((u, v)) if not G.is_directed() else (u, v): d
                                              for u, v, d in G.edges(data=True)})
    return edges(a) == edges(b)


def without_none(G: nx.Graph) -> nx.Graph:
    """The graph as written: None values and non-scalar graph attributes left out."""
    H = G.copy()
    for _, data in [*H.nodes(data=True), *[(None, e[-1]) for e in H.edges(data=True)]]:
        for key in [k for k, v in data.items() if v is None]:
            del data[key]
    H.graph = {k: v for k, v in G.graph.items() if isinstance(v, (str, int, float, bool))}
    return H


def test_graphml_round_trip_coordination(small_store, tmp_path):
    G = coordination_graph(small_store, kind="both", start="2024")
    path = tmp_path / "net.graphml"
    write_graphml(G, path)
    back = read_graphml(path)
    assert same_graph(back, without_none(G))
    assert back.graph == {"kind": "both", "start": "2024"}
    assert all(isinstance(d["events"], list) for *_, d in back.edges(data=True))
    # Read by plain networkx, the file holds the same graph with lists joined.
    plain = nx.read_graphml(path)
    assert same_graph(plain, flat_graph(G))
    assert plain.graph == {"kind": "both", "start": "2024", "list_attributes": "events|places",
                           "node_default": {}, "edge_default": {}}


def test_graphml_round_trip_full_graph(small_store, tmp_path):
    G = property_graph(small_store)
    assert G.number_of_nodes() == sum(small_store.counts().nodes.values())
    assert G.number_of_edges() == sum(small_store.counts().relationships.values())
    path = tmp_path / "full.graphml"
    write_graphml(G, path)
    back = read_graphml(path, multigraph=True)
    assert same_graph(back, G)
    ridwan = next(n for n, name in back.nodes(data="name") if name == "A. Ridwan")
    attended = [d for _, _, d in back.out_edges(ridwan, data=True) if d["type"] == "ATTENDED"]
    assert {d["role"] for d in attended} == {"opened", "attended"} and all(d["sentence"] for d in attended)


def test_gexf_reads_back(small_store, tmp_path):
    G = coordination_graph(small_store, kind="person")
    path = tmp_path / "net.gexf"
    write_gexf(G, path)
    back = nx.read_gexf(path)
    assert set(back) == set(G) and back.number_of_edges() == G.number_of_edges()
    for node, data in G.nodes(data=True):
        assert back.nodes[node]["label"] == data["name"] and back.nodes[node]["type"] == "Person"
    for a, b, data in G.edges(data=True):
        assert back[a][b]["weight"] == data["weight"]
        assert back[a][b]["events"].split("|") == data["events"]


def test_list_separator_is_refused():
    G = nx.Graph()
    G.add_node("x", aliases=["a|b"])
    with pytest.raises(UsageError, match="contains"):
        write_graphml(G, io.BytesIO())


def test_cli_export(small_store, tmp_path):
    path = small_store.path
    G = coordination_graph(small_store, kind="organization")
    small_store.close()
    out = tmp_path / "orgs.graphml"
    result = CliRunner().invoke(app, ["export", "graphml", str(out), "--store", str(path), "--kind", "organization"])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out} (2 nodes, 1 edges)\n"
    assert same_graph(read_graphml(out), without_none(G))
    result = CliRunner().invoke(app, ["export", "gexf", "-", "--store", str(path), "--graph", "full"])
    assert result.exit_code == 0
    assert result.output.startswith("<?xml") and "<gexf" in result.output
    result = CliRunner().invoke(app, ["export", "graphml", str(out), "--store", str(path), "--graph", "all"])
    assert result.exit_code == 2 and "unknown --graph 'all'" in result.output
