"""The subgraph a saved query's rows speak about, fetched from the store.

A saved query returns rows, not a graph: names, ids, whole nodes, lists of names. The rows'
values are looked up as node ids or names (whole nodes by their id); the nodes found, and the
relationships among them with their evidence, make the subgraph. ``connect`` also brings in the
nodes that link two or more of them (the events two people shared, say), so a query that returns
only pairs of names still draws as a connected picture.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

import networkx as nx

from kg.errors import QueryError

MAX_NODES = 1500
EVIDENCE_PER_ITEM = 3
NOT_CONNECTING = ("MENTIONED_IN",)  # every node of a report is "linked" through it


def result_keys(rows: Iterable[Iterable[Any]]) -> tuple[set[str], set[str]]:
    """Node ids (from node values) and other strings (ids or names) found in query rows.

    Examples
    --------
    >>> ids, strings = result_keys([[{"id": "person:x", "name": "X"}, "Mulyono", ["E1", "E2"], 3, None]])
    >>> ids, sorted(strings)
    ({'person:x'}, ['E1', 'E2', 'Mulyono'])
    """
    ids: set[str] = set()
    strings: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                ids.add(value["id"])
        elif isinstance(value, str):
            if value.strip():
                strings.add(value)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    for row in rows:
        for value in row:
            walk(value)
    return ids, strings


def _fetch_nodes(store, schema, keys: list[str], by_name: bool) -> dict[str, dict[str, Any]]:
    found = {}
    for label, node in schema.nodes.items():
        props = [p for p in node.properties]
        cols = ", ".join(f"n.{p} AS {p}" for p in props)
        where = "n.id IN $keys OR n.name IN $keys" if by_name else "n.id IN $keys"
        result = store.query(f"MATCH (n:{label}) WHERE {where} RETURN n.id AS id, {cols}", {"keys": keys})
        for row in result.rows:
            data = dict(zip(["id", *props], row))
            found[data["id"]] = {"label": label, "name": data.get("name") or data["id"],
                                 "properties": {k: v for k, v in data.items()
                                                if k not in ("id", "name") and v not in (None, "", [])},
                                 "evidence": []}
    return found


def _labels(nodes: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for node_id, data in nodes.items():
        out[data["label"]].append(node_id)
    return out


def _connectors(store, schema, nodes: dict[str, dict[str, Any]]) -> set[str]:
    """Ids of nodes outside ``nodes`` with relationships to two or more of them."""
    by_label = _labels(nodes)
    touches: dict[str, set[str]] = defaultdict(set)
    for rtype, rel in schema.relationships.items():
        if rtype in NOT_CONNECTING:
            continue
        for src, dst in rel.endpoints:
            for inner, pattern in ((src, f"(a:{src})-[:{rtype}]->(m:{dst})"),
                                   (dst, f"(m:{src})-[:{rtype}]->(a:{dst})")):
                if not by_label.get(inner):
                    continue
                result = store.query(f"MATCH {pattern} WHERE a.id IN $ids RETURN DISTINCT m.id, a.id",
                                     {"ids": by_label[inner]})
                for m, a in result.rows:
                    if m not in nodes:
                        touches[m].add(a)
    return {m for m, linked in touches.items() if len(linked) >= 2}


def _add_relationships(store, schema, G: nx.MultiDiGraph) -> None:
    by_label = _labels({n: d for n, d in G.nodes(data=True)})
    for rtype, rel in schema.relationships.items():
        props = list(schema.rel_properties(rtype))
        for src, dst in rel.endpoints:
            if not by_label.get(src) or not by_label.get(dst):
                continue
            cols = ", ".join(f"r.{p} AS {p}" for p in props)
            result = store.query(f"MATCH (a:{src})-[r:{rtype}]->(b:{dst}) WHERE a.id IN $src AND b.id IN $dst "
                                 f"RETURN a.id AS src, b.id AS dst, {cols}",
                                 {"src": by_label[src], "dst": by_label[dst]})
            for a, b, *values in result.rows:
                data = dict(zip(props, values))
                if not G.has_edge(a, b, key=rtype):
                    G.add_edge(a, b, key=rtype, type=rtype, evidence=[], roles=[])
                edge = G.edges[a, b, rtype]
                _add_evidence(edge["evidence"], data)
                if data.get("role") and data["role"] not in edge["roles"]:
                    edge["roles"].append(data["role"])


def _add_evidence(items: list[dict[str, Any]], data: dict[str, Any]) -> None:
    sentence = (data.get("sentence") or "").strip()
    if sentence and len(items) < EVIDENCE_PER_ITEM and all(e["sentence"] != sentence for e in items):
        items.append({"sentence": sentence, "report": data.get("report"), "confidence": data.get("confidence")})


def _mentions(store, G: nx.MultiDiGraph) -> None:
    for label, ids in _labels({n: d for n, d in G.nodes(data=True)}).items():
        if label == "Report":
            continue
        result = store.query(f"MATCH (n:{label})-[r:MENTIONED_IN]->(:Report) WHERE n.id IN $ids "
                             "RETURN n.id, r.sentence, r.report, r.confidence", {"ids": ids})
        for node, sentence, report, confidence in result.rows:
            _add_evidence(G.nodes[node]["evidence"], {"sentence": sentence, "report": report,
                                                      "confidence": confidence})


def result_subgraph(store, rows: Iterable[Iterable[Any]], connect: bool = False, schema=None,
                    max_nodes: int = MAX_NODES) -> nx.MultiDiGraph:
    """The nodes a query's rows name, and the relationships among them, with their evidence.

    Parameters
    ----------
    store : kg.store.base.Store
    rows : iterable of rows
        A :class:`kg.store.base.QueryResult`'s ``rows``.
    connect : bool
        Also bring in nodes that link two or more of the named nodes (shared events, offices).
    schema : kg.schema.Schema, optional
    max_nodes : int
        Refuse larger subgraphs (a page of thousands of nodes helps nobody).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes: ``label``, ``name``, ``properties`` (non-empty ones), ``evidence`` (up to three
        sentences the reports name it in) and ``connector`` (brought in by ``connect``). Edges
        keyed by relationship type: ``type``, ``evidence`` (up to three sentences, with report
        and confidence) and ``roles`` (ATTENDED roles).

    Raises
    ------
    QueryError
        When the rows name nothing in the store, or too much.

    Examples
    --------
    >>> from kg.store.ladybug import LadybugStore
    >>> from tests.fixtures import small_graph
    >>> import tempfile
    >>> with LadybugStore(tempfile.mkdtemp() + "/s") as store:
    ...     small_graph.load(store)
    ...     G = result_subgraph(store, [["A. Ridwan", "Noverintiwi Dewanti"]], connect=True)
    >>> sorted(name for _, name in G.nodes(data="name"))  # the events both attended link them
    ['A. Ridwan', 'Noverintiwi Dewanti', 'Rapat Koordinasi Gugus Tugas TPPO Kota Jambi', 'Sosialisasi Pencegahan TPPO']
    >>> sorted({t for *_, t in G.edges(data="type")})
    ['ATTENDED']
    """
    from kg.schema import load_schema

    schema = schema or load_schema()
    ids, strings = result_keys(rows)
    nodes = _fetch_nodes(store, schema, sorted(ids), by_name=False) if ids else {}
    if strings:
        nodes.update(_fetch_nodes(store, schema, sorted(strings), by_name=True))
    if not nodes:
        raise QueryError("the query's rows name no node of the graph (nothing to draw)")
    for data in nodes.values():
        data["connector"] = False
    if connect:
        extra = _connectors(store, schema, nodes)
        if extra:
            more = _fetch_nodes(store, schema, sorted(extra), by_name=False)
            for data in more.values():
                data["connector"] = True
            nodes.update(more)
    if len(nodes) > max_nodes:
        raise QueryError(f"the query's rows name {len(nodes)} nodes; draw at most {max_nodes} "
                         "(lower its limit parameter)")
    G = nx.MultiDiGraph()
    G.add_nodes_from(nodes.items())
    _add_relationships(store, schema, G)
    _mentions(store, G)
    return G
