"""A PNG picture of the coordination network (matplotlib, the optional extra ``kg[plot]``).

Large networks are cut to their strongest actors before drawing (a force layout of thousands of
nodes is neither fast nor readable): the ``max_nodes`` actors with the highest weighted degree.
Nodes are coloured by community, sized by weighted degree, and the top actors by betweenness and
weighted degree are labelled.
"""
from __future__ import annotations

import os
from typing import Any

import networkx as nx

from kg.errors import UsageError

PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac"]
OTHER = "#d0d0d0"


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise UsageError("drawing a PNG needs matplotlib: pip install 'kg[plot]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def drawn_subgraph(G: nx.Graph, max_nodes: int = 300) -> nx.Graph:
    """The part of ``G`` that is drawn: actors with ties, at most ``max_nodes`` of the strongest.

    Examples
    --------
    >>> G = nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 1})]); G.add_node("z")
    >>> sorted(drawn_subgraph(G, 2))
    ['a', 'b']
    """
    strength = dict(G.degree(weight="weight"))
    keep = sorted((n for n in G if G.degree(n) > 0), key=lambda n: (-strength[n], str(n)))[:max_nodes]
    return G.subgraph(keep)


def short_name(name: str, width: int = 28) -> str:
    """A label short enough to read on a drawing.

    >>> short_name("Dinas Pemberdayaan Masyarakat, Perempuan, dan Perlindungan Anak Kota Jambi")
    'Dinas Pemberdayaan Masyara…'
    """
    return name if len(name) <= width else name[: width - 2].rstrip() + "…"


def component_layout(H: nx.Graph, seed: int = 42) -> dict[Any, tuple[float, float]]:
    """Positions for a drawing: each connected group laid out on its own (force-directed, strong
    ties pulling harder) and the groups packed in rows, largest first, so none is squeezed.

    Examples
    --------
    >>> pos = component_layout(nx.Graph([("a", "b"), ("c", "d")]))
    >>> sorted(pos), all(len(p) == 2 for p in pos.values())
    (['a', 'b', 'c', 'd'], True)
    """
    groups = sorted(nx.connected_components(H), key=lambda c: (-len(c), min(map(str, c))))
    sides = [max(1.0, len(c) ** 0.5) for c in groups]
    width = max(max(sides, default=1.0), 1.4 * sum(s * s for s in sides) ** 0.5)
    pos: dict[Any, tuple[float, float]] = {}
    x = y = row = 0.0
    for group, side in zip(groups, sides):
        if x and x + side > width:
            x, y, row = 0.0, y - row, 0.0
        sub = H.subgraph(group)
        centre = (x + side / 2, y - side / 2)
        if len(group) == 1:
            pos[next(iter(group))] = centre
        else:
            laid = nx.spring_layout(sub, weight="weight", seed=seed, iterations=100, scale=side * 0.42,
                                    center=centre)
            pos.update({n: (float(p[0]), float(p[1])) for n, p in laid.items()})
        x, row = x + side, max(row, side)
    return pos


def _place_labels(ax, pos, order: list, names: dict, limit: int) -> list[str]:
    """Label nodes in order of importance, skipping any label that would overlap one placed."""
    renderer = ax.figure.canvas.get_renderer()
    placed, boxes = [], []
    for node in order:
        if len(placed) >= limit:
            break
        x, y = pos[node]
        text = ax.text(x, y, names[node], fontsize=8, ha="center", va="bottom", zorder=5,
                       bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1})
        box = text.get_window_extent(renderer).expanded(1.05, 1.2)
        if any(box.overlaps(other) for other in boxes):
            text.remove()
            continue
        boxes.append(box)
        placed.append(names[node])
    return placed


def draw_network(G: nx.Graph, path: str | os.PathLike, groups: list[set[str]] | None = None,
                 scores: dict[str, float] | None = None, max_nodes: int = 300, labels: int = 25,
                 title: str | None = None, seed: int = 42) -> dict[str, Any]:
    """Draw the coordination graph to a PNG file.

    Parameters
    ----------
    G : networkx.Graph
        A coordination graph (``name`` on nodes, ``weight`` on edges).
    path : path
        Where to write the PNG.
    groups : list of set, optional
        Communities (largest first); the ten largest get their own colour and their strongest
        member a label.
    scores : dict, optional
        Node -> betweenness; the brokers are labelled first.
    max_nodes, labels : int
        How many nodes to draw, and at most how many to label (labels never overlap).
    title : str, optional
    seed : int
        For the layout.

    Returns
    -------
    dict
        ``nodes`` and ``edges`` drawn, ``labelled`` node names.

    Raises
    ------
    UsageError
        When matplotlib is missing or the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})])
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "net.png"
    >>> draw_network(G, out, scores={"b": 1.0}, labels=1)["labelled"], out.read_bytes()[:4]
    (['b'], b'\\x89PNG')
    """
    plt = _pyplot()
    H = drawn_subgraph(G, max_nodes)
    strength = dict(H.degree(weight="weight"))
    scores = scores or {}
    colour, leaders = {}, []
    for i, group in enumerate(groups or []):
        inside = [n for n in group if n in H]
        for node in inside:
            colour[node] = PALETTE[i] if i < len(PALETTE) else OTHER
        if inside:
            leaders.append(max(inside, key=lambda n: (strength[n], str(n))))
    pos = component_layout(H, seed)
    brokers = sorted((n for n in H if scores.get(n, 0) > 0), key=lambda n: (-scores[n], str(n)))
    by_strength = sorted(H, key=lambda n: (-strength[n], str(n)))
    order = list(dict.fromkeys([*brokers[:max(3, labels // 3)], *leaders, *brokers, *by_strength]))
    names = {n: short_name(str(H.nodes[n].get("name", n))) for n in order}
    top = max(strength.values(), default=1) or 1
    heaviest = max((w for *_, w in H.edges(data="weight", default=1)), default=1)
    fig, ax = plt.subplots(figsize=(14, 11), dpi=110)
    try:
        nx.draw_networkx_edges(H, pos, ax=ax, edge_color="#8a8a8a", alpha=0.45,
                               width=[0.5 + 2.5 * w / heaviest for *_, w in H.edges(data="weight", default=1)])
        nx.draw_networkx_nodes(H, pos, ax=ax, node_color=[colour.get(n, OTHER) for n in H],
                               node_size=[30 + 400 * strength[n] / top for n in H],
                               linewidths=0.5, edgecolors="#ffffff")
        ax.axis("off")
        shown = f"{len(H)} of {G.number_of_nodes()} actors" if len(H) < G.number_of_nodes() else f"{len(H)} actors"
        ax.set_title(title or f"Coordination network — {shown}, {H.number_of_edges()} ties "
                     "(colour: community, size: shared participation)", fontsize=12)
        fig.tight_layout()
        placed = _place_labels(ax, pos, order, names, labels)
        try:
            fig.savefig(path, format="png")
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror}") from exc
    finally:
        plt.close(fig)
    return {"nodes": len(H), "edges": H.number_of_edges(), "labelled": placed}
