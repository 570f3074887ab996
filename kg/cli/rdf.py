"""RDF commands: ``kg export rdf`` and ``kg validate rdf``."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Optional

import typer

from kg.cli.base import Neo4jOpt, StoreOpt, app, edge, export_app
from kg.rdf import DEFAULT_BASE

validate_app = typer.Typer(help="Check exported data against kg's schema (RDF against the SHACL shapes).",
                           no_args_is_help=True)
app.add_typer(validate_app, name="validate")


@export_app.command("rdf")
@edge
def export_rdf(
    format: str = typer.Option("turtle", "--format", "-f", help="turtle, nt, jsonld or xml."),
    out: str = typer.Option("-", "--out", "-o", help="File to write, or - for standard output."),
    base: str = typer.Option(DEFAULT_BASE, "--base", help="IRI under which node IRIs are minted (where you publish)."),
    store: Optional[Path] = StoreOpt,
    neo4j: Optional[str] = Neo4jOpt,
) -> None:
    """Export the graph as linked data (W3C ORG, FOAF, schema.org, PROV-O, Web Annotation), streaming."""
    from kg.rdf.export import export_rdf as run_export
    from kg.rdf.iris import check_base
    from kg.rdf.writers import check_format
    from kg.store import open_store

    check_format(format)
    check_base(base)
    with open_store(store, neo4j, read_only=True) as graph:
        if out == "-":
            stats = run_export(graph, sys.stdout.buffer, format, base)
        else:
            target = Path(out)
            fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
            try:
                with os.fdopen(fd, "wb") as fh:
                    stats = run_export(graph, fh, format, base)
                os.replace(tmp, target)  # a failed export leaves no half-written file
            except BaseException:
                os.unlink(tmp)
                raise
    typer.echo(f"kg: exported {stats.line()}", err=True)


@validate_app.command("rdf")
@edge
def validate_rdf(
    file: str = typer.Argument(..., help="RDF file to check (format from its extension), or - for standard input."),
    format: Optional[str] = typer.Option(None, "--format", "-f",
                                         help="turtle, nt, jsonld or xml (default: from the extension)."),
    shapes: Optional[Path] = typer.Option(None, "--shapes", help="SHACL shapes (default: schema/shapes.ttl)."),
) -> None:
    """Validate RDF against kg's SHACL shapes; print one line per violation, exit 1 if any."""
    from kg.rdf.validate import parse_rdf, validate_file

    report = validate_file(file, format, parse_rdf(shapes, "turtle") if shapes else None)
    for line in report.lines():
        typer.echo(line)
    if not report.conforms:
        raise typer.Exit(1)
