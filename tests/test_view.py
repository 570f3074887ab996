"""kg.view: the subgraph a saved query names, and the self-contained page that draws it."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.view import html_page, result_subgraph
from kg.view.page import LIBRARY, STATIC
from kg.view.subgraph import result_keys


def by_name(G):
    return {name: node for node, name in G.nodes(data="name")}


def test_result_keys_walks_nodes_strings_and_lists():
    ids, strings = result_keys([[{"id": "person:a", "name": "A"}, ["x", " "], 2.5, None, {"no": "id"}]])
    assert ids == {"person:a"} and strings == {"x"}


def test_subgraph_of_names(small_store):
    G = result_subgraph(small_store, [["A. Ridwan", "Noverintiwi Dewanti"]])
    assert set(by_name(G)) == {"A. Ridwan", "Noverintiwi Dewanti"}
    assert G.number_of_edges() == 0
    node = G.nodes[by_name(G)["A. Ridwan"]]
    assert node["label"] == "Person" and node["evidence"][0]["sentence"]


def test_subgraph_connects_results(small_store):
    G = result_subgraph(small_store, [["A. Ridwan", "Noverintiwi Dewanti"]], connect=True)
    names = by_name(G)
    assert set(names) == {"A. Ridwan", "Noverintiwi Dewanti", "Rapat Koordinasi Gugus Tugas TPPO Kota Jambi",
                          "Sosialisasi Pencegahan TPPO"}  # the events both attended link them
    assert G.nodes[names["Sosialisasi Pencegahan TPPO"]]["connector"] is True
    assert G.nodes[names["A. Ridwan"]]["connector"] is False
    edge = G.edges[names["A. Ridwan"], names["Rapat Koordinasi Gugus Tugas TPPO Kota Jambi"], "ATTENDED"]
    assert edge["roles"] == ["opened"]
    assert edge["evidence"][0]["sentence"].startswith("Sekda Kota Jambi A. Ridwan membuka")


def test_subgraph_of_node_values(small_store):
    rows = small_store.query("MATCH (p:Person)-[:ATTENDED]->(e:Event) WHERE p.name = $n RETURN p, e",
                             {"n": "Mulyono"}).rows
    G = result_subgraph(small_store, rows)
    assert sorted(d["label"] for _, d in G.nodes(data=True)) == ["Event", "Person"]
    assert [t for *_, t in G.edges(data="type")] == ["ATTENDED"]


def test_subgraph_of_nothing(small_store):
    with pytest.raises(QueryError, match="name no node"):
        result_subgraph(small_store, [[1, "no such thing"]])
    with pytest.raises(QueryError, match="at most 1"):
        result_subgraph(small_store, [["A. Ridwan", "Mulyono"]], max_nodes=1)


def test_page_is_self_contained_and_escaped(small_store):
    G = result_subgraph(small_store, [["A. Ridwan"]], connect=False)
    G.nodes[by_name(G)["A. Ridwan"]]["name"] = "</script><img src=x onerror=alert(1)>"
    page = html_page(G, "<Title>", "a & b")
    assert "<title>&lt;Title&gt;</title>" in page and "a &amp; b" in page
    assert "</script><img" not in page
    data = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert json.loads(data)["nodes"][0]["name"].startswith("</script>")
    # Nothing is fetched: no external scripts, styles, images or fonts.
    assert not re.search(r'<(script|img|link|iframe)[^>]+(src|href)=', page)
    assert "http://" not in page.split("<script>", 1)[0] and "@import" not in page
    assert (STATIC / LIBRARY["file"]).read_text(encoding="utf-8")[:2000] in page


def test_vendored_library_and_licence():
    from kg import view

    assert f"Cytoscape.js {LIBRARY['version']}" in view.__doc__
    assert "MIT" in (STATIC / "cytoscape-LICENSE.txt").read_text(encoding="utf-8")
    head = (STATIC / LIBRARY["file"]).read_text(encoding="utf-8")[:400]
    assert "Cytoscape Consortium" in head


def test_cli_view(small_store, tmp_path):
    path = small_store.path
    small_store.close()
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["view", "who_coordinated_with_whom", "--param", "limit=3",
                                      "--html", str(out), "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out} (")
    page = out.read_text(encoding="utf-8")
    assert "Who coordinated with whom" in page and "Noverintiwi Dewanti" in page
    result = CliRunner().invoke(app, ["view", "who_coordinated_with_whom", "--param", "bogus=1",
                                      "--html", str(out), "--store", str(path)])
    assert result.exit_code == 2 and "unknown parameter" in result.output
