"""GraphML and GEXF files of a networkx graph, for Gephi, Cytoscape and yEd.

Both formats hold only scalar attribute values, so list values (an edge's ``events``, a node's
``aliases``) are written joined by ``|`` and the graph attribute ``list_attributes`` names them;
:func:`read_graphml` splits them again, giving back the graph that was written. Missing values
(None) are left out, as are graph attributes that are not scalars (the coordination graph's
``events`` table). In GEXF the ``label`` of a node is what Gephi shows, so it holds the node's
name there and the node's kind moves to the attribute ``type``.

:func:`property_graph` builds the whole stored graph (every node and relationship, with evidence)
as a networkx ``MultiDiGraph`` for ``kg export graphml --graph full``.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import IO, Any, Iterator

import networkx as nx

from kg.errors import UsageError

LIST_SEP = "|"
SCALARS = (str, int, float, bool)


def _scalar(value: Any, key: str, lists: set[str]) -> Any:
    if isinstance(value, (list, tuple, set)):
        lists.add(key)
        items = [str(v) for v in value]
        bad = [v for v in items if LIST_SEP in v]
        if bad:
            raise UsageError(f"cannot export {key!r}: the value {bad[0]!r} contains {LIST_SEP!r}")
        return LIST_SEP.join(items)
    return value


def flat_graph(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose attribute values are all scalars (see the module docstring).

    Parameters
    ----------
    G : networkx.Graph
        Any graph class.

    Returns
    -------
    networkx.Graph
        Same class as ``G``; ``graph["list_attributes"]`` names the attributes that were lists.

    Raises
    ------
    UsageError
        When a list item contains the separator ``|``.

    Examples
    --------
    >>> G = nx.Graph(events={"e1": {}}, kind="person")
    >>> G.add_edge("a", "b", weight=2, events=["e1", "e2"], note=None)
    >>> F = flat_graph(G)
    >>> F.graph, F.edges["a", "b"]
    ({'kind': 'person', 'list_attributes': 'events'}, {'weight': 2, 'events': 'e1|e2'})
    """
    lists: set[str] = set()
    F = G.__class__()
    for node, data in G.nodes(data=True):
        F.add_node(node, **{k: _scalar(v, k, lists) for k, v in data.items() if v is not None})
    keyed = G.is_multigraph()
    for edge in (G.edges(keys=True, data=True) if keyed else G.edges(data=True)):
        *ends, data = edge
        F.add_edge(*ends, **{k: _scalar(v, k, lists) for k, v in data.items() if v is not None})
    F.graph.update({k: v for k, v in G.graph.items() if isinstance(v, SCALARS)})
    if lists:
        F.graph["list_attributes"] = LIST_SEP.join(sorted(lists))
    return F


def unflatten(G: nx.Graph) -> nx.Graph:
    """Split the attributes named in ``graph["list_attributes"]`` back into lists, in place.

    Examples
    --------
    >>> G = nx.Graph(list_attributes="events")
    >>> G.add_edge("a", "b", events="e1|e2"); G.add_node("c", events="")
    >>> unflatten(G).edges["a", "b"]["events"], G.nodes["c"]["events"]
    (['e1', 'e2'], [])
    """
    names = set(filter(None, str(G.graph.pop("list_attributes", "")).split(LIST_SEP)))
    if not names:
        return G
    rows = [d for _, d in G.nodes(data=True)] + [e[-1] for e in G.edges(data=True)]
    for data in rows:
        for key in names & set(data):
            text = data[key]
            data[key] = text.split(LIST_SEP) if text != "" else []
    return G


@contextmanager
def _binary_out(path: str | os.PathLike | IO[bytes]) -> Iterator[IO[bytes]]:
    """A binary stream for a path, ``-`` (stdout) or an open binary file."""
    if hasattr(path, "write"):
        yield path  # type: ignore[misc]
    elif str(path) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
    else:
        try:
            with open(path, "wb") as out:
                yield out
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror}") from exc


def write_graphml(G: nx.Graph, path: str | os.PathLike | IO[bytes]) -> None:
    """Write ``G`` as GraphML (lists joined, see :func:`flat_graph`).

    Parameters
    ----------
    G : networkx.Graph
    path : path, ``"-"`` or binary stream

    Examples
    --------
    >>> import io
    >>> G = nx.Graph(kind="person")
    >>> G.add_node("person:mulyono", label="Person", name="Mulyono")
    >>> G.add_edge("person:mulyono", "person:a-ridwan", weight=1, events=["event:x"])
    >>> buf = io.BytesIO(); write_graphml(G, buf); _ = buf.seek(0)
    >>> H = read_graphml(buf)
    >>> H.edges["person:mulyono", "person:a-ridwan"], H.graph
    ({'weight': 1, 'events': ['event:x']}, {'kind': 'person'})
    """
    with _binary_out(path) as out:
        nx.write_graphml(flat_graph(G), out, encoding="utf-8", prettyprint=True)


def read_graphml(path: str | os.PathLike | IO[bytes], multigraph: bool = False) -> nx.Graph:
    """Read a GraphML file written by :func:`write_graphml`, lists restored.

    With ``multigraph`` (for ``--graph full`` files), the result is a ``MultiDiGraph`` keyed as
    written even where no two edges share their ends.
    """
    G = nx.read_graphml(path, force_multigraph=multigraph)
    for key in ("node_default", "edge_default"):  # networkx adds these, empty, on reading
        if G.graph.get(key) == {}:
            del G.graph[key]
    return unflatten(G)


def write_gexf(G: nx.Graph, path: str | os.PathLike | IO[bytes]) -> None:
    """Write ``G`` as GEXF 1.2 for Gephi: node labels are names, kinds are the ``type`` attribute.

    Examples
    --------
    >>> import io
    >>> G = nx.Graph(); G.add_node("person:mulyono", label="Person", name="Mulyono")
    >>> buf = io.BytesIO(); write_gexf(G, buf); _ = buf.seek(0)
    >>> sorted(nx.read_gexf(buf).nodes["person:mulyono"].items())
    [('label', 'Mulyono'), ('name', 'Mulyono'), ('type', 'Person')]
    """
    F = flat_graph(G)
    for _, data in F.nodes(data=True):
        if "label" in data:
            data["type"] = data.pop("label")
        data["label"] = str(data.get("name", ""))
    for edge in F.edges(data=True):
        if "label" in edge[-1]:
            edge[-1]["type"] = edge[-1].pop("label")
    with _binary_out(path) as out:
        nx.write_gexf(F, out, encoding="utf-8", prettyprint=True, version="1.2draft")


def property_graph(store, schema=None) -> nx.MultiDiGraph:
    """Every stored node and relationship as a ``MultiDiGraph``.

    Nodes carry ``label`` and their properties; edges are keyed ``TYPE@report`` (one per type,
    ends and report) and carry ``type`` and their evidence properties.

    Parameters
    ----------
    store : kg.store.base.Store
    schema : kg.schema.Schema, optional

    Examples
    --------
    >>> from kg.store.ladybug import LadybugStore
    >>> from tests.fixtures import small_graph
    >>> import tempfile
    >>> with LadybugStore(tempfile.mkdtemp() + "/s") as store:
    ...     small_graph.load(store)
    ...     G = property_graph(store)
    >>> mulyono = next(n for n, name in G.nodes(data="name") if name == "Mulyono")
    >>> G.nodes[mulyono]["label"], sorted(d["type"] for _, _, d in G.out_edges(mulyono, data=True))
    ('Person', ['ATTENDED', 'HOLDS', 'MENTIONED_IN'])
    """
    from kg.schema import load_schema

    schema = schema or load_schema()
    G = nx.MultiDiGraph()
    for label in schema.nodes:
        for props in store.nodes(label):
            G.add_node(props["id"], label=label,
                       **{k: v for k, v in props.items() if k != "id" and v not in (None, [], "")})
    for rtype in schema.relationships:
        for rel in store.relationships(rtype):
            data = {k: v for k, v in rel.items() if k not in ("src", "dst", "src_label", "dst_label")
                    and v not in (None, [], "")}
            G.add_edge(rel["src"], rel["dst"], key=f"{rtype}@{rel.get('report', '')}", **data)
    return G
