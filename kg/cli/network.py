"""Network commands: ``kg network``, ``kg view``, ``kg export graphml`` and ``kg export gexf``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from kg.cli.base import Neo4jOpt, StoreOpt, app, check_format, edge, export_app
from kg.errors import UsageError
from kg.output import render

FromOpt = typer.Option(None, "--from", help="Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
ToOpt = typer.Option(None, "--to", help="Only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")
KindOpt = typer.Option("both", "--kind", help="Nodes of the network: person, organization or both.")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _network_tables(summary: dict, top_rows: int) -> str:
    g = summary["graph"]
    period = f"{g['from'] or '…'} to {g['to'] or '…'}" if g["from"] or g["to"] else "all dates"
    out = [f"Coordination network ({g['kind']}, {period}): {g['nodes']} actors, {g['edges']} ties, "
           f"{g['events']} events, {g['components']} connected groups; betweenness {g['betweenness']}."]
    titles = {"betweenness": "Brokers (betweenness: share of shortest paths through the actor)",
              "degree": "Most partners (degree)", "weighted_degree": "Most shared participation (weighted degree)"}
    for measure_name in ("betweenness", "degree", "weighted_degree"):
        rows = summary["top"][measure_name][:top_rows]
        out += ["", titles[measure_name]]
        out.append(render(["name", "label", "degree", "weighted_degree", "betweenness"],
                          [[r["name"], r["label"], r["degree"], r["weighted_degree"], round(r["betweenness"], 4)]
                           for r in rows]) if rows else "(none)")
    shown = summary["communities"]
    out += ["", f"Communities (Louvain, seed 42): {len(shown)} of two or more actors, "
                f"{g['singletons']} alone"]
    out.append(render(["id", "size", "events", "places", "top members"],
                      [[c["id"], c["size"], c["events"], [_clip(p, 30) for p in c["places"][:2]],
                        [_clip(m, 30) for m in c["members"][:4]]] for c in shown],
                      max_width=140) if shown else "(none)")
    return "\n".join(out)


@app.command()
@edge
def network(
    start: Optional[str] = FromOpt,
    end: Optional[str] = ToOpt,
    kind: str = KindOpt,
    top: int = typer.Option(10, "--top", help="How many actors to list per measure."),
    person: Optional[str] = typer.Option(
        None, "--person", help="Also show how this actor's ties changed over time (name or id)."),
    period: str = typer.Option("year", "--period", help="Time step for --person: year or month."),
    png: Optional[Path] = typer.Option(
        None, "--png", help="Also draw the network to this PNG file (needs matplotlib: the plot extra of kg)."),
    sample: Optional[int] = typer.Option(
        None, "--sample", help="Estimate betweenness from this many source actors "
                               "(default: exact for small networks, else as many as take 10-20 s)."),
    resolution: float = typer.Option(
        1.0, "--resolution", help="Louvain resolution: above 1 gives smaller communities."),
    format: str = typer.Option("table", "--format", "-f", help="Output format: table or json."),
    store: Optional[Path] = StoreOpt,
    neo4j: Optional[str] = Neo4jOpt,
) -> None:
    """The coordination network: brokers, most connected actors and communities.

    Actors are linked when they attended or organised the same events; a tie's weight is the
    number of events they shared.
    """
    from kg.network import communities, coordination_graph, ego_timeline, find_node, network_summary
    from kg.store import open_store

    check_format(format, ("table", "json"))
    if top < 1:
        raise UsageError("--top must be at least 1")
    with open_store(store, neo4j, read_only=True) as graph:
        G = coordination_graph(graph, kind=kind, start=start, end=end)
    groups = communities(G, resolution=resolution)
    summary = network_summary(G, top=top, sample=sample, resolution=resolution, groups=groups)
    timeline = None
    if person:
        node = find_node(G, person)
        timeline = {"id": node, "name": G.nodes[node]["name"], "period": period,
                    "ties": ego_timeline(G, node, period)}
    if png:
        from kg.view.png import draw_network

        scores = {r["id"]: r["betweenness"] for r in summary["top"]["betweenness"]}
        drawn = draw_network(G, png, groups=groups, scores=scores)
        summary["png"] = {"path": str(png), **drawn}
    if format == "json":
        typer.echo(json.dumps({**summary, **({"person": timeline} if timeline else {})},
                              ensure_ascii=False, indent=2))
        return
    typer.echo(_network_tables(summary, top))
    if timeline:
        typer.echo(f"\nTies of {timeline['name']} by {period}")
        typer.echo(render(["period", "partner", "shared_events", "new"],
                          [[t["period"], t["partner"], t["shared"], "new" if t["new"] else ""]
                           for t in timeline["ties"]]) if timeline["ties"] else "(no ties)")
    if png:
        typer.echo(f"\nwrote {png} ({summary['png']['nodes']} actors, {summary['png']['edges']} ties)")


@app.command()
@edge
def view(
    name: str = typer.Argument(..., help="Saved query name (see `kg queries`)."),
    html_out: Path = typer.Option(..., "--html", help="The HTML file to write."),
    param: List[str] = typer.Option([], "--param", "-p", help="Parameter as key=value; repeatable."),
    connect: bool = typer.Option(True, "--connect/--no-connect",
                                 help="Add the nodes that link two or more results (shared events, offices)."),
    store: Optional[Path] = StoreOpt,
    neo4j: Optional[str] = Neo4jOpt,
) -> None:
    """Draw the subgraph a saved query returns as a self-contained HTML page (works offline)."""
    from kg.queries import bind, get_query, parse_params
    from kg.store import open_store
    from kg.view import result_subgraph, write_page

    given = parse_params(param)
    saved = get_query(name)
    params = bind(saved, given)
    with open_store(store, neo4j, read_only=True) as graph:
        result = graph.query(saved.text_for(graph.name), params)
        G = result_subgraph(graph, result.rows, connect=connect)
    described = ", ".join(f"{k}={v!r}" for k, v in params.items())
    write_page(G, html_out, saved.title, f"kg query {name}" + (f" ({described})" if described else "")
               + f": {len(result.rows)} rows")
    typer.echo(f"wrote {html_out} ({G.number_of_nodes()} nodes, {G.number_of_edges()} relationships)")


def _export(fmt: str, file: str, graph_kind: str, kind: str, start: str | None, end: str | None,
            store: Path | None, neo4j: str | None) -> None:
    from kg.export.graph import property_graph, write_gexf, write_graphml
    from kg.network import coordination_graph
    from kg.store import open_store

    if graph_kind not in ("coordination", "full"):
        raise UsageError(f"unknown --graph {graph_kind!r}; use coordination or full")
    with open_store(store, neo4j, read_only=True) as graph:
        G = (coordination_graph(graph, kind=kind, start=start, end=end) if graph_kind == "coordination"
             else property_graph(graph))
    (write_graphml if fmt == "graphml" else write_gexf)(G, file)
    if file != "-":
        typer.echo(f"wrote {file} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)")


GraphOpt = typer.Option("coordination", "--graph", help="coordination (the weighted network of `kg network`) "
                                                         "or full (every node and relationship).")
FileArg = typer.Argument(..., help="The file to write, or - for stdout.")


@export_app.command("graphml")
@edge
def export_graphml(file: str = FileArg, graph: str = GraphOpt, kind: str = KindOpt,
                   start: Optional[str] = FromOpt, end: Optional[str] = ToOpt,
                   store: Optional[Path] = StoreOpt, neo4j: Optional[str] = Neo4jOpt) -> None:
    """Write the graph as GraphML (Gephi, Cytoscape, yEd); list values are joined with |."""
    _export("graphml", file, graph, kind, start, end, store, neo4j)


@export_app.command("gexf")
@edge
def export_gexf(file: str = FileArg, graph: str = GraphOpt, kind: str = KindOpt,
                start: Optional[str] = FromOpt, end: Optional[str] = ToOpt,
                store: Optional[Path] = StoreOpt, neo4j: Optional[str] = Neo4jOpt) -> None:
    """Write the graph as GEXF 1.2 (Gephi); node labels are names, kinds the `type` attribute."""
    _export("gexf", file, graph, kind, start, end, store, neo4j)
