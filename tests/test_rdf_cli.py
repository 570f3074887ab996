"""`kg export rdf` and `kg validate rdf` through the command line."""
from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from tests.fixtures.rdf import small_dir  # noqa: F401 (fixture)

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
runner = CliRunner()


def test_export_to_file_and_to_stdout_give_the_same_graph(small_dir, tmp_path):
    out = tmp_path / "graph.jsonld"
    to_file = runner.invoke(app, ["export", "rdf", "--store", str(small_dir), "-f", "jsonld", "-o", str(out),
                                  "--base", "https://data.example.id/kg/"])
    assert to_file.exit_code == 0, to_file.output
    assert to_file.stdout == ""
    assert to_file.stderr.startswith("kg: exported ") and "memberships" in to_file.stderr
    to_stdout = runner.invoke(app, ["export", "rdf", "--store", str(small_dir), "-f", "nt",
                                    "--base", "https://data.example.id/kg/"])
    assert to_stdout.exit_code == 0
    a = Graph().parse(out, format="json-ld")
    b = Graph().parse(data=to_stdout.stdout_bytes, format="nt")
    assert len(a) > 500 and isomorphic(a, b)
    assert all(str(s).startswith("https://data.example.id/kg/") for s in a.subjects())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".graph")] == []  # no temp file left


def test_export_errors_are_one_line(small_dir, tmp_path):
    bad = runner.invoke(app, ["export", "rdf", "--store", str(small_dir), "-f", "rdfa"])
    assert bad.exit_code == 2
    assert bad.stderr == "kg: unknown RDF format 'rdfa'; use one of turtle, nt, jsonld, xml\n"
    base = runner.invoke(app, ["export", "rdf", "--store", str(small_dir), "--base", "kg"])
    assert base.exit_code == 2 and base.stderr.startswith("kg: --base 'kg': give an absolute IRI")
    missing = runner.invoke(app, ["export", "rdf", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 3 and "no kg store here" in missing.stderr


def test_validate_reports_conformance_and_violations(small_dir, tmp_path):
    out = tmp_path / "graph.ttl"
    assert runner.invoke(app, ["export", "rdf", "--store", str(small_dir), "-o", str(out)]).exit_code == 0
    ok = runner.invoke(app, ["validate", "rdf", str(out)])
    assert ok.exit_code == 0
    assert ok.stdout.startswith("conforms: ") and ok.stdout.endswith(" triples, no violations\n")

    text = out.read_text(encoding="utf-8").replace('foaf:name "Mulyono"', 'kg:kind "person"')
    broken = tmp_path / "broken.ttl"
    broken.write_text(text, encoding="utf-8")
    bad = runner.invoke(app, ["validate", "rdf", str(broken)])
    assert bad.exit_code == 1
    lines = bad.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("violation: <https://example.org/kg/person/mulyono")
    assert lines[0].endswith(" foaf:name: missing foaf:name [kgsh:Person, MinCount]")
    assert lines[1].startswith("does not conform: 1 violations on 1 nodes")


def test_validate_input_errors(tmp_path):
    garbage = tmp_path / "garbage.nt"
    garbage.write_text("<a> <b> .\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "rdf", str(garbage)])
    assert result.exit_code == 2 and result.stderr.startswith(f"kg: {garbage}: not valid nt: ")
    assert len(result.stderr.splitlines()) == 1
    result = runner.invoke(app, ["validate", "rdf", str(tmp_path / "none.ttl")])
    assert result.exit_code == 2 and result.stderr == f"kg: {tmp_path / 'none.ttl'}: no such file\n"


def test_validate_reads_stdin(small_dir):
    exported = runner.invoke(app, ["export", "rdf", "--store", str(small_dir), "-f", "xml"])
    result = runner.invoke(app, ["validate", "rdf", "-", "--format", "xml"], input=exported.stdout_bytes)
    assert result.exit_code == 0 and result.stdout.startswith("conforms: ")
