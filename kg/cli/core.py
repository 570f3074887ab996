"""Core commands: ingest, extract, query, queries, stats."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from kg.cli.base import FormatOpt, MaxBytesOpt, Neo4jOpt, StoreOpt, app, check_format, edge
from kg.output import render


@app.command()
@edge
def ingest(
    paths: List[Path] = typer.Argument(..., help="Report files (.txt .md .html .jsonl) or folders of them."),
    store: Optional[Path] = StoreOpt,
    neo4j: Optional[str] = Neo4jOpt,
    max_bytes: Optional[int] = MaxBytesOpt,
) -> None:
    """Extract reports and load them into the graph store (idempotent, incremental)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.pipeline import ingest as run_ingest
    from kg.readers import iter_files
    from kg.store import open_store

    total = sum(1 for _ in iter_files(paths))
    bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("{task.description}"), transient=True, disable=not sys.stderr.isatty())

    def progress(path: str, status: str) -> None:
        # JSONL records share their file's step of the bar; failures are listed after the bar
        bar.update(task, advance=0 if "#" in path else 1, description=Path(path.split("#")[0]).name)

    with open_store(store, neo4j) as graph, bar:
        task = bar.add_task("", total=total)
        summary = run_ingest(paths, graph, max_bytes=max_bytes, progress=progress)
    for line in summary.failures:
        typer.echo(line, err=True)
    typer.echo(summary.line())
    if summary.failed:
        raise typer.Exit(1)


@app.command()
@edge
def extract(
    paths: List[Path] = typer.Argument(..., help="Report files or folders."),
    format: str = typer.Option("json", "--format", "-f", help="json (one list) or jsonl (one report per line)."),
    max_bytes: Optional[int] = MaxBytesOpt,
) -> None:
    """Print the document-level extraction (../shared/eval/FORMAT.md) without touching a store."""
    from kg.pipeline import extract_paths

    check_format(format, ("json", "jsonl"))
    docs, failures = extract_paths(paths, max_bytes=max_bytes)
    for line in failures:
        typer.echo(line, err=True)
    if format == "json":
        typer.echo(json.dumps([d.to_dict() for d in docs], ensure_ascii=False, indent=1))
    else:
        for d in docs:
            typer.echo(json.dumps(d.to_dict(), ensure_ascii=False))
    if failures:
        raise typer.Exit(1)


@app.command()
@edge
def query(
    name: str = typer.Argument(..., help="Saved query name (see `kg queries`)."),
    param: List[str] = typer.Option([], "--param", "-p", help="Parameter as key=value; repeatable."),
    format: str = FormatOpt,
    store: Optional[Path] = StoreOpt,
    neo4j: Optional[str] = Neo4jOpt,
) -> None:
    """Run a saved query from queries/ and print its rows."""
    from kg.queries import parse_params, run_query
    from kg.store import open_store

    check_format(format)
    given = parse_params(param)
    with open_store(store, neo4j, read_only=True) as graph:
        result = run_query(graph, name, given)
    typer.echo(render(result.columns, result.rows, format))


@app.command("queries")
@edge
def list_queries(format: str = FormatOpt) -> None:
    """List the saved queries with their description and parameters."""
    from kg.queries import saved_queries

    check_format(format)
    rows = [[q.name, q.title, ", ".join(f"{k}={v!r}" for k, v in q.params.items()), q.description]
            for q in saved_queries().values()]
    typer.echo(render(["name", "title", "parameters", "description"], rows, format, max_width=200))


@app.command()
@edge
def stats(
    format: str = FormatOpt,
    store: Optional[Path] = StoreOpt,
    neo4j: Optional[str] = Neo4jOpt,
) -> None:
    """Count nodes per label and relationships per type."""
    from kg.store import open_store

    check_format(format)
    with open_store(store, neo4j, read_only=True) as graph:
        counts = graph.counts()
    rows = [["node", k, v] for k, v in counts.nodes.items()]
    rows += [["relationship", k, v] for k, v in counts.relationships.items()]
    typer.echo(render(["kind", "name", "count"], rows, format))


@app.command("explain")
@edge
def explain_node(
    node_id: str = typer.Argument(..., help="Node id, e.g. person:a-ridwan--kota-jambi (see `kg query` output)."),
    format: str = FormatOpt,
    store: Optional[Path] = StoreOpt,
    neo4j: Optional[str] = Neo4jOpt,
) -> None:
    """Show a node, the surface forms it was built from and why each report's mention was merged into it."""
    from kg.explain import explain
    from kg.store import open_store

    check_format(format)
    with open_store(store, neo4j, read_only=True) as graph:
        found = explain(graph, node_id)
    if format == "json":
        typer.echo(json.dumps({"id": found.id, "label": found.label, "properties": found.properties,
                               "mentions": found.mentions}, ensure_ascii=False, indent=2, default=str))
        return
    if format == "table":
        props = "; ".join(f"{k}={v}" for k, v in found.properties.items() if v not in (None, "", []))
        typer.echo(f"{found.label} {found.id}: {props}\n")
    rows = [[m["report"], m["published"], m["surface"], m["resolution"], m["sentence"]] for m in found.mentions]
    typer.echo(render(["report", "published", "surface", "resolution", "sentence"], rows, format))
