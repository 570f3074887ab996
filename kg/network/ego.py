"""One actor's ties, and how they changed from period to period."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from kg.errors import UsageError


def find_node(G: nx.Graph, key: str) -> str:
    """The node whose id, or name (case-insensitive), is ``key``.

    Raises
    ------
    UsageError
        When no node, or more than one, has that name.

    Examples
    --------
    >>> G = nx.Graph(); G.add_node("person:mulyono", name="Mulyono")
    >>> find_node(G, "mulyono"), find_node(G, "person:mulyono")
    ('person:mulyono', 'person:mulyono')
    """
    if key in G:
        return key
    hits = [n for n, name in G.nodes(data="name") if (name or "").casefold() == key.casefold()]
    if len(hits) != 1:
        problem = "is not in the network" if not hits else f"names {len(hits)} nodes ({', '.join(hits)}); give an id"
        raise UsageError(f"{key!r} {problem}")
    return hits[0]


def ego_timeline(G: nx.Graph, node: str, period: str = "year") -> list[dict[str, Any]]:
    """How one actor's ties changed: for each period, the partners and events shared in it.

    Parameters
    ----------
    G : networkx.Graph
        A coordination graph (its ``G.graph["events"]`` gives the event dates).
    node : str
        The actor's node id (see :func:`find_node`).
    period : {"year", "month"}
        Undated events fall in the period "undated" (listed last).

    Returns
    -------
    list of dict
        One row per (period, partner): ``period``, ``partner``, ``shared`` and ``new`` (first tie
        in this period) in time order, strongest partner first within a period.

    Examples
    --------
    >>> G = nx.Graph(events={"e1": {"date": "2023-05-01"}, "e2": {"date": "2024-02"}, "e3": {"date": None}})
    >>> G.add_nodes_from([("a", {"name": "A"}), ("b", {"name": "B"}), ("c", {"name": "C"})])
    >>> G.add_edges_from([("a", "b", {"events": ["e1", "e2"]}), ("a", "c", {"events": ["e2", "e3"]})])
    >>> [(r["period"], r["partner"], r["shared"], r["new"]) for r in ego_timeline(G, "a")]
    [('2023', 'B', 1, True), ('2024', 'B', 1, False), ('2024', 'C', 1, True), ('undated', 'C', 1, False)]
    """
    if period not in ("year", "month"):
        raise UsageError(f"unknown period {period!r}; use year or month")
    width = 4 if period == "year" else 7
    dates = G.graph.get("events", {})
    shared: dict[str, Counter[str]] = defaultdict(Counter)
    for partner in G[node]:
        for event in G[node][partner].get("events", ()):
            date = (dates.get(event, {}).get("date") or "")
            key = date[:width] if len(date) >= width else "undated"
            shared[key][partner] += 1
    rows, seen = [], set()
    for key in sorted(shared, key=lambda k: (k == "undated", k)):
        names = {p: G.nodes[p].get("name", p) for p in shared[key]}
        for partner, count in sorted(shared[key].items(), key=lambda kv: (-kv[1], names[kv[0]])):
            rows.append({"period": key, "partner": names[partner], "id": partner, "shared": count,
                         "new": partner not in seen})
        seen.update(shared[key])
    return rows
