"""Who matters in the network: degree, weighted degree and betweenness (the brokers)."""
from __future__ import annotations

from typing import Any

import networkx as nx

from kg.errors import UsageError

MEASURES = ("degree", "weighted_degree", "betweenness")

# Betweenness costs one breadth-first search per source node, each visiting every edge: it is
# exact while nodes x edges stays within this budget (10-20 s here), else estimated from a sample.
BETWEENNESS_BUDGET = 10_000_000
BETWEENNESS_MIN_SAMPLE = 32


def default_sample(G: nx.Graph) -> int | None:
    """How many source nodes betweenness uses by default: None (all, exact) while
    nodes x edges <= ``BETWEENNESS_BUDGET``, else as many as the budget allows (at least
    ``BETWEENNESS_MIN_SAMPLE``).

    Examples
    --------
    >>> default_sample(nx.path_graph(100)), default_sample(nx.complete_graph(1000))
    (None, 32)
    """
    n, m = G.number_of_nodes(), G.number_of_edges()
    if n * m <= BETWEENNESS_BUDGET:
        return None
    return max(BETWEENNESS_MIN_SAMPLE, BETWEENNESS_BUDGET // max(m, 1))


def betweenness(G: nx.Graph, sample: int | None = None, seed: int = 42) -> dict[str, float]:
    """Betweenness centrality, the share of shortest paths through each node: who brokers.

    Paths are counted in ties, whatever their weight (Freeman's betweenness, as usual for
    valued networks; it is also two to three times faster than weighted paths).

    Parameters
    ----------
    G : networkx.Graph
        A coordination graph.
    sample : int, optional
        Estimate from this many source nodes (seeded); by default :func:`default_sample`.
    seed : int

    Returns
    -------
    dict
        Node -> normalised betweenness in [0, 1].

    Examples
    --------
    >>> G = nx.Graph([("a", "b", {"weight": 1}), ("b", "c", {"weight": 3})])
    >>> betweenness(G)
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    if sample is None:
        sample = default_sample(G)
    k = sample if sample is not None and sample < G.number_of_nodes() else None
    return nx.betweenness_centrality(G, k=k, seed=seed)


def measure(G: nx.Graph, name: str, **kwargs: Any) -> dict[str, float]:
    """One of :data:`MEASURES` for every node.

    Examples
    --------
    >>> G = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> measure(G, "degree"), measure(G, "weighted_degree")
    ({'a': 1, 'b': 2, 'c': 1}, {'a': 2, 'b': 3, 'c': 1})
    """
    if name == "degree":
        return dict(G.degree())
    if name == "weighted_degree":
        return dict(G.degree(weight="weight"))
    if name == "betweenness":
        return betweenness(G, **kwargs)
    raise UsageError(f"unknown measure {name!r}; use one of {', '.join(MEASURES)}")


def top_nodes(G: nx.Graph, scores: dict[str, float], n: int = 10) -> list[str]:
    """The ``n`` nodes with the highest scores (ties: by name, then id), zero scores left out.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> top_nodes(G, {"a": 1, "b": 2, "c": 1}, 2), top_nodes(G, {"a": 0, "b": 0, "c": 0})
    (['b', 'a'], [])
    """
    ranked = sorted((node for node, s in scores.items() if s > 0),
                    key=lambda node: (-scores[node], G.nodes[node].get("name", node), node))
    return ranked[:n]
