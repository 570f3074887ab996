"""The coordination network: who took part in the same events, as a weighted networkx graph.

Two actors (people, organisations or both) are linked when they took part in the same event —
attended or organised it (``ATTENDED`` / ``ORGANIZED`` into an ``Event``). The edge ``weight`` is
the number of events they shared and ``events`` keeps those events' ids, so every tie can be
traced back to its events, their reports and evidence sentences.

:func:`coordination_graph` reads the graph from any store with parameterised Cypher; everything
else is a plain function of the networkx graph ``f(G, ...) -> result``:

- :func:`top_nodes` ranks actors by degree, weighted degree or betweenness (the brokers);
- :func:`communities` finds groups that work together (Louvain, seeded: the same run gives the
  same groups) and :func:`describe_communities` names each by its places and top members;
- :func:`ego_timeline` shows how one actor's ties changed from period to period;
- :func:`network_summary` gathers all of that for ``kg network``.

Modules: ``period`` (date bounds), ``coordination`` (reading the graph from a store),
``centrality``, ``groups`` (communities), ``ego`` (one actor's ties over time), ``summary``.

The graph carries ``G.graph["events"]``: each event's name, date and places (the venue or area it
was held at and the area that contains it), used to name communities and to split ties by period.
"""
from __future__ import annotations

from kg.network.centrality import MEASURES, betweenness, default_sample, measure, top_nodes
from kg.network.coordination import KINDS, coordination_graph, participation
from kg.network.ego import ego_timeline, find_node
from kg.network.groups import communities, describe_communities
from kg.network.period import check_date, in_period
from kg.network.summary import network_summary

__all__ = ["KINDS", "MEASURES", "betweenness", "check_date", "communities", "coordination_graph",
           "default_sample", "describe_communities", "ego_timeline", "find_node", "in_period", "measure",
           "network_summary", "participation", "top_nodes"]
