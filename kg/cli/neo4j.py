"""Neo4j commands: ``kg push`` (embedded store → Neo4j) and ``kg export neo4j-import``."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from kg.cli.base import Neo4jOpt, StoreOpt, app, edge, export_app


@app.command()
@edge
def push(
    neo4j: Optional[str] = typer.Option(None, "--neo4j", help="Neo4j URI to copy into (default: $NEO4J_URI)."),
    store: Optional[Path] = StoreOpt,
) -> None:
    """Copy the embedded store into Neo4j (MERGE: pushing again adds nothing already there)."""
    from kg.store import store_dir
    from kg.store.ladybug import LadybugStore
    from kg.store.neo4j import Neo4jStore, push as run_push

    def progress(what: str, count: int) -> None:
        if sys.stderr.isatty():
            typer.echo(f"  {what}: {count}", err=True)

    with LadybugStore(store_dir(store), read_only=True) as source, Neo4jStore.from_env(neo4j) as target:
        stats = run_push(source, target, progress)
        uri = target.uri
    typer.echo(f"pushed to {uri}: nodes: {stats.nodes_created} created, {stats.nodes_updated} updated; "
               f"relationships: {stats.rels_written} merged")


@export_app.command("neo4j-import")
@edge
def export_neo4j_import(
    directory: Path = typer.Argument(..., help="New (or empty) folder for the CSV files, import.sh and schema.cypher."),
    array_delimiter: str = typer.Option(";", "--array-delimiter", help="Character joining list values (aliases)."),
    store: Optional[Path] = StoreOpt,
    neo4j: Optional[str] = Neo4jOpt,
) -> None:
    """Write node and relationship CSV files for `neo4j-admin database import full` (bulk initial loads)."""
    from kg.export.neo4j_csv import export_neo4j_import as run_export
    from kg.store import open_store

    with open_store(store, neo4j, read_only=True) as graph:
        summary = run_export(graph, directory, array_delimiter)
    typer.echo(f"wrote {summary.line()}; load them with: sh {directory / 'import.sh'} DATABASE")
