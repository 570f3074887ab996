"""Groups that work together: Louvain communities, named by their places and members."""
from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx


def communities(G: nx.Graph, seed: int = 42, resolution: float = 1.0) -> list[set[str]]:
    """Groups that work together: Louvain communities on the weights, largest first.

    Actors with no ties form communities of one.

    Parameters
    ----------
    G : networkx.Graph
    seed : int
        Louvain visits nodes in a random order; a fixed seed gives the same groups every run.
    resolution : float
        Above 1 favours smaller groups, below 1 larger ones.

    Returns
    -------
    list of set
        Sorted by size (largest first), then by their smallest node id.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    >>> [sorted(c) for c in communities(G)]
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    if G.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(G, weight="weight", resolution=resolution, seed=seed)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(c)))


def describe_communities(G: nx.Graph, groups: list[set[str]], members: int = 5, places: int = 3,
                         min_size: int = 2) -> list[dict[str, Any]]:
    """Name each community by its most common places and its most connected members.

    Places are counted over the community's internal events (where they were held, and the area
    containing that venue) and its organisations' jurisdictions and areas; on a tie an area goes
    before a venue.

    Parameters
    ----------
    G : networkx.Graph
        A coordination graph (see :func:`coordination_graph`).
    groups : list of set
        From :func:`communities`; ``id`` is the position in this list.
    members, places : int
        How many top members and places to name.
    min_size : int
        Leave out smaller communities.

    Returns
    -------
    list of dict
        ``id``, ``name``, ``size``, ``events`` (internal events), ``places`` and ``members``
        (names, strongest weighted degree inside the community first).

    Examples
    --------
    >>> G = nx.Graph(events={"e1": {"places": ["Kota Jambi"]}})
    >>> G.add_nodes_from([("p1", {"name": "A. Ridwan"}), ("p2", {"name": "Noverintiwi Dewanti"}),
    ...                   ("p3", {"name": "Sri Purwaningsih", "places": ["Kota Jambi"]})])
    >>> G.add_edges_from([("p1", "p2", {"weight": 2, "events": ["e1"]}), ("p2", "p3", {"weight": 1, "events": ["e1"]})])
    >>> describe_communities(G, [{"p1", "p2", "p3"}])[0]["name"]
    'Kota Jambi: Noverintiwi Dewanti, A. Ridwan, Sri Purwaningsih'
    """
    event_info = G.graph.get("events", {})
    out = []
    for cid, group in enumerate(groups):
        if len(group) < min_size:
            continue
        inner = G.subgraph(group)
        strength = dict(inner.degree(weight="weight"))
        ranked = sorted(group, key=lambda n: (-strength[n], G.nodes[n].get("name", n), n))
        names = [G.nodes[n].get("name", n) for n in ranked]
        internal = sorted({e for _, _, evs in inner.edges(data="events") for e in evs or ()})
        counts: Counter[str] = Counter()
        venues: set[str] = set()
        for e in internal:
            counts.update(set(event_info.get(e, {}).get("places", ())))
            venues.update(event_info.get(e, {}).get("venues", ()))
        for n in group:
            counts.update(set(G.nodes[n].get("places", ())))
        # Areas name a group better than the halls and hotels inside them.
        ranked_places = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] in venues, kv[0]))
        top_places = [p for p, _ in ranked_places[:places]]
        lead = f"{top_places[0]}: " if top_places else ""
        out.append({"id": cid, "name": lead + ", ".join(names[:3]), "size": len(group),
                    "events": len(internal), "places": top_places, "members": names[:members]})
    return out
