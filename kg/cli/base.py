"""The shared Typer app, options and error edge of the ``kg`` command line.

Commands live in one module per noun (core.py, export.py, ...) and register themselves on
:data:`app` (or :data:`export_app` for ``kg export ...``). Each is a thin wrapper: it opens what
it needs, calls one library function and prints the result; library errors
(:class:`kg.errors.KGError`) become one line on stderr and the error's exit code.
"""
from __future__ import annotations

import functools
from typing import Callable

import typer

from kg.errors import KGError, UsageError

app = typer.Typer(
    name="kg",
    help="Turn Indonesian government news reports into a knowledge graph of officials, agencies and events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Export the graph (RDF, GraphML, GEXF, Neo4j bulk-import CSV).",
                         no_args_is_help=True)
app.add_typer(export_app, name="export")

StoreOpt = typer.Option(None, "--store", help="Embedded store directory (default: $KG_STORE, else ./kg-data).")
Neo4jOpt = typer.Option(None, "--neo4j", help="Neo4j URI (default: $NEO4J_URI); selects Neo4j instead of the embedded store.")
FormatOpt = typer.Option("table", "--format", "-f", help="Output format: table, json or csv.")
MaxBytesOpt = typer.Option(None, "--max-bytes", help="Refuse report files larger than this (default: $KG_MAX_BYTES, else 5,000,000).")


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"kg: {message}", err=True)
    raise typer.Exit(code)


def edge(func: Callable) -> Callable:
    """Turn library errors into one message and an exit code."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            fail(str(exc), exc.exit_code)
    return wrapper


def check_format(fmt: str, allowed: tuple[str, ...] = ("table", "json", "csv")) -> None:
    if fmt not in allowed:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(allowed)}")
