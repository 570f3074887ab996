"""Everything ``kg network`` prints, gathered from the other modules."""
from __future__ import annotations

from typing import Any

import networkx as nx

from kg.network.centrality import MEASURES, betweenness, default_sample, measure, top_nodes
from kg.network.groups import communities, describe_communities


def network_summary(G: nx.Graph, top: int = 10, sample: int | None = None, seed: int = 42,
                    resolution: float = 1.0, groups: list[set[str]] | None = None) -> dict[str, Any]:
    """Everything ``kg network`` prints: size, top nodes by each measure, and communities.

    Parameters
    ----------
    G : networkx.Graph
        A coordination graph.
    top : int
        How many top nodes per measure.
    sample : int, optional
        Sources for estimated betweenness (see :func:`betweenness`).
    seed : int
        For Louvain and the betweenness sample.
    resolution : float
        Louvain resolution.
    groups : list of set, optional
        Communities already found by :func:`communities` (else found here).

    Returns
    -------
    dict
        ``graph`` (kind, period, nodes, edges, events, components, betweenness: exact or the
        sample size), ``top`` (measure -> rows of id, name, label and the three measures) and
        ``communities`` (see :func:`describe_communities`).

    Examples
    --------
    >>> G = nx.Graph([("a", "b", {"weight": 1, "events": ["e1"]}), ("b", "c", {"weight": 1, "events": ["e2"]})])
    >>> s = network_summary(G, top=1)
    >>> s["graph"]["edges"], [row["id"] for row in s["top"]["betweenness"]]
    (2, ['b'])
    """
    n = G.number_of_nodes()
    k = sample if sample is not None else default_sample(G)
    scores = {"degree": measure(G, "degree"), "weighted_degree": measure(G, "weighted_degree"),
              "betweenness": betweenness(G, sample=k, seed=seed)}

    def row(node: str) -> dict[str, Any]:
        data = G.nodes[node]
        return {"id": node, "name": data.get("name", node), "label": data.get("label"),
                **{m: scores[m][node] for m in MEASURES}}

    if groups is None:
        groups = communities(G, seed=seed, resolution=resolution)
    return {
        "graph": {"kind": G.graph.get("kind"), "from": G.graph.get("start"), "to": G.graph.get("end"),
                  "nodes": n, "edges": G.number_of_edges(), "events": len(G.graph.get("events", {})),
                  "components": nx.number_connected_components(G) if n else 0,
                  "betweenness": "exact" if k is None or k >= n else f"estimated from {k} sources",
                  "communities": len(groups), "singletons": sum(1 for g in groups if len(g) == 1)},
        "top": {m: [row(node) for node in top_nodes(G, scores[m], top)] for m in MEASURES},
        "communities": describe_communities(G, groups),
    }
