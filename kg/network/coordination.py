"""Reading the coordination graph from a store: who took part in which event, and the ties."""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any, Iterable

import networkx as nx

from kg.errors import UsageError
from kg.network.period import check_date, period_filter, period_params

KINDS = {"person": ("Person",), "organization": ("Organization",), "both": ("Person", "Organization")}


def participation(store, labels: Iterable[str] = ("Person", "Organization"), start: str | None = None,
                  end: str | None = None) -> list[tuple[str, str, str, str]]:
    """Who took part in which event: ``(label, actor id, actor name, event id)`` rows.

    Parameters
    ----------
    store : kg.store.base.Store
        Any store; the Cypher runs unchanged on the embedded store and on Neo4j.
    labels : iterable of str
        ``Person`` and/or ``Organization``.
    start, end : str, optional
        Keep events whose date may fall in this period (see :func:`in_period`).

    Examples
    --------
    >>> from kg.store.ladybug import LadybugStore
    >>> from tests.fixtures import small_graph
    >>> import tempfile
    >>> with LadybugStore(tempfile.mkdtemp() + "/s") as store:
    ...     small_graph.load(store)
    ...     rows = participation(store, ["Organization"])
    >>> for label, _, name, _ in sorted(rows, key=lambda r: (r[2], r[3])):
    ...     print(label, name)
    Organization Dinas Pemberdayaan Masyarakat, Perempuan, dan Perlindungan Anak Kota Jambi
    Organization Dinas Pemberdayaan Masyarakat, Perempuan, dan Perlindungan Anak Kota Jambi
    Organization Kepolisian Resor Kota Jambi
    """
    params = period_params(start, end)
    rows = []
    for label in labels:
        if label not in ("Person", "Organization"):
            raise UsageError(f"only people and organisations take part in events, not {label!r}")
        result = store.query(f"MATCH (a:{label})-[:ATTENDED|ORGANIZED]->(e:Event) {period_filter(start, end)} "
                             "RETURN DISTINCT a.id AS actor, a.name AS name, e.id AS event", params)
        rows += [(label, actor, name, event) for actor, name, event in result.rows]
    return rows


def _event_details(store, event_ids: list[str], start: str | None, end: str | None) -> dict[str, dict[str, Any]]:
    """Name, date and places of each event; ``places`` lists areas before venues, ``venues`` the
    latter (a place of kind "venue", or of no kind that lies in another place)."""
    # The events of the period are read whole and filtered here: an IN list of tens of thousands
    # of ids is slower than reading them all.
    events = {e: {"name": None, "date": None, "places": [], "venues": []} for e in event_ids}
    if not events:
        return events
    params = period_params(start, end)
    where = period_filter(start, end)
    for eid, name, date in store.query(f"MATCH (e:Event) {where} RETURN e.id, e.name, e.date", params).rows:
        if eid in events:
            events[eid].update(name=name, date=date or None)
    rows = store.query(f"MATCH (e:Event)-[:HELD_AT]->(p:Place) {where} "
                       "OPTIONAL MATCH (p)-[:LOCATED_IN]->(q:Place) "
                       "RETURN DISTINCT e.id, p.name, p.kind, q.name", params).rows
    for eid, place, kind, area in rows:
        info = events.get(eid)
        if info is None:
            continue
        if place and (kind == "venue" or (not kind and area)) and place not in info["venues"]:
            info["venues"].append(place)
        for name in (area, place):
            if name and name not in info["places"]:
                info["places"].append(name)
    for info in events.values():
        info["places"].sort(key=lambda name: name in info["venues"])
    return events


def _organization_places(store, org_ids: list[str]) -> dict[str, list[str]]:
    if not org_ids:
        return {}
    wanted = set(org_ids)
    out: dict[str, list[str]] = defaultdict(list)
    rows = store.query("MATCH (o:Organization) OPTIONAL MATCH (o)-[:LOCATED_IN]->(p:Place) "
                       "RETURN o.id, o.jurisdiction, p.name").rows
    for oid, jurisdiction, place in rows:
        if oid not in wanted:
            continue
        for name in (jurisdiction, place):
            if name and name not in out[oid]:
                out[oid].append(name)
    return dict(out)


def coordination_graph(store, kind: str = "both", start: str | None = None, end: str | None = None) -> nx.Graph:
    """The weighted coordination graph of a store.

    Parameters
    ----------
    store : kg.store.base.Store
    kind : {"person", "organization", "both"}
        Which actors are nodes; with "both", people are linked to organisations too.
    start, end : str, optional
        Only events whose date may fall in [start, end] (``YYYY[-MM[-DD]]``; undated events are
        left out of a bounded period).

    Returns
    -------
    networkx.Graph
        Nodes are store ids with ``label``, ``name``, ``event_count`` (how many events the actor
        took part in) and ``places`` (an organisation's jurisdiction and area). Edges have ``weight``
        (shared events) and ``events`` (their sorted ids). ``G.graph`` holds ``kind``, ``start``,
        ``end`` and ``events`` (id -> name, date, places, venues).

    Raises
    ------
    UsageError
        For an unknown kind or a malformed date.

    Examples
    --------
    The fixture graph: A. Ridwan and Noverintiwi Dewanti shared two events, each shared one with
    Sri Purwaningsih; Mulyono took part in one event alone.

    >>> from kg.network import find_node
    >>> from kg.store.ladybug import LadybugStore
    >>> from tests.fixtures import small_graph
    >>> import tempfile
    >>> with LadybugStore(tempfile.mkdtemp() + "/s") as store:
    ...     small_graph.load(store)
    ...     G = coordination_graph(store, kind="person")
    ...     late = coordination_graph(store, kind="person", start="2024-11-10")
    >>> ridwan, dewanti = find_node(G, "A. Ridwan"), find_node(G, "Noverintiwi Dewanti")
    >>> G[ridwan][dewanti]["weight"], len(G[ridwan][dewanti]["events"])
    (2, 2)
    >>> G.degree(find_node(G, "Mulyono"))
    0
    >>> sorted(name for _, name in late.nodes(data="name")), late.number_of_edges()
    (['A. Ridwan', 'Noverintiwi Dewanti'], 1)
    """
    if kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    start, end = check_date(start, "--from"), check_date(end, "--to")
    if start and end and end < start[:len(end)]:
        raise UsageError(f"the period ends ({end}) before it starts ({start})")
    G = nx.Graph(kind=kind, start=start, end=end)
    members: dict[str, list[str]] = defaultdict(list)
    for label, actor, name, event in participation(store, KINDS[kind], start, end):
        if actor not in G:
            G.add_node(actor, label=label, name=name or actor, event_count=0)
        G.nodes[actor]["event_count"] += 1
        members[event].append(actor)
    events = _event_details(store, sorted(members), start, end)
    G.graph["events"] = events
    org_places = _organization_places(store, [n for n, d in G.nodes(data=True) if d["label"] == "Organization"])
    for node, data in G.nodes(data=True):
        data["places"] = org_places.get(node, [])
    ties: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event in sorted(members):
        for a, b in combinations(sorted(set(members[event])), 2):
            ties[a, b].append(event)
    G.add_edges_from((a, b, {"weight": len(evs), "events": evs}) for (a, b), evs in ties.items())
    return G
