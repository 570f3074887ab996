"""The schema section of the README, generated from schema/schema.yaml.

``python -m kg.schema_doc --write`` rewrites the section between the README's schema markers;
tests/test_schema.py fails when the README and the schema disagree.
"""
from __future__ import annotations

import sys
from pathlib import Path

from kg.schema import Schema, load_schema

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- schema:start -->", "<!-- schema:end -->"


def schema_markdown(schema: Schema | None = None) -> str:
    s = schema or load_schema()
    lines = ["| label | id prefix | properties (besides `id`) | RDF class |", "|---|---|---|---|"]
    for label, node in s.nodes.items():
        props = ", ".join(f"`{p}`" for p in node.properties)
        lines.append(f"| {label} | `{node.prefix}:` | {props} | `{node.rdf}` |")
    lines += ["", "| relationship | from → to | own properties | RDF term |", "|---|---|---|---|"]
    for rtype, rel in s.relationships.items():
        ends = "; ".join(f"{a} → {b}" for a, b in rel.endpoints)
        own = ", ".join(f"`{p}`" for p in rel.properties) or "—"
        lines.append(f"| {rtype} | {ends} | {own} | `{rel.rdf}` |")
    ev = ", ".join(f"`{p}`" for p in s.evidence)
    lines += ["", f"Every relationship also carries its evidence: {ev}."]
    return "\n".join(lines)


def write_readme(path: Path = README) -> None:
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{schema_markdown()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    if "--write" in sys.argv:
        write_readme()
    else:
        print(schema_markdown())
