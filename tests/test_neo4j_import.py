"""``kg export neo4j-import``: files in neo4j-admin's documented CSV header format, read back.

The header grammar checked here is the one of the Neo4j operations manual ("Import: CSV header
format"): each column is ``<name>:<field_type>``; node files have one ``ID`` (optionally with an
ID space, ``ID(Person)``) and may have ``:LABEL``; relationship files have ``:START_ID``,
``:END_ID`` (with the ID spaces of their nodes) and ``:TYPE``; property types are int, long,
float, double, boolean, byte, short, char, string (the default) and the temporal and point
types, with ``[]`` for arrays, whose items are split on the array delimiter (``;`` by default).
Fields are RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks (with
``--multiline-fields=true``); an empty unquoted field is no property.
"""
from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import UsageError
from kg.export.neo4j_csv import export_neo4j_import
from kg.graph import GraphBatch, NodeRow, RelRow
from kg.schema import load_schema
from kg.store.ladybug import LadybugStore
from kg.store.neo4j import SCHEMA_STATEMENTS

SCHEMA = load_schema()
TYPES = ("int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
         "localtime", "time", "localdatetime", "datetime", "duration")
COLUMN = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)?(?::(?P<type>"
                    r"(?P<special>ID|START_ID|END_ID)(?:\((?P<space>[A-Za-z0-9_-]+)\))?"
                    r"|LABEL|TYPE|IGNORE|(?P<prop>" + "|".join(TYPES) + r")(?P<array>\[\])?))?$")


def read_csv(path: Path) -> tuple[list[str], list[list[str | None]]]:
    """neo4j-admin's reading of a file: None for an empty unquoted field, '' for ``""``."""
    text = path.read_text(encoding="utf-8")
    rows: list[list[str | None]] = []
    row: list[str | None] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            j, buf = i + 1, []
            while True:
                k = text.index('"', j)
                buf.append(text[j:k])
                if k + 1 < n and text[k + 1] == '"':
                    buf.append('"')
                    j = k + 2
                else:
                    i = k + 1
                    break
            row.append("".join(buf))
        else:
            m = re.compile(r"[^,\n]*").match(text, i)
            row.append(m.group() or None)
            i = m.end()
        if i >= n or text[i] == "\n":
            rows.append(row)
            row = []
        i += 1
    header = [c or "" for c in rows[0]]
    return header, rows[1:]


def parse_header(header: list[str]) -> list[dict]:
    columns = []
    for col in header:
        m = COLUMN.match(col)
        assert m, f"not a neo4j-admin header field: {col!r}"
        columns.append(m.groupdict())
    return columns


def value(raw: str | None, column: dict, delimiter: str = ";"):
    if raw is None:
        return None
    kind = column["prop"] or "string"
    items = raw.split(delimiter) if column["array"] else [raw]
    cast = {"int": int, "long": int, "double": float, "float": float, "boolean": lambda s: s == "true"}.get(kind, str)
    out = [cast(item) for item in items]
    return out if column["array"] else out[0]


def read_export(directory: Path, delimiter: str = ";") -> tuple[dict, dict, dict]:
    """Nodes by (ID space, id) and relationships as the Store protocol yields them, plus headers."""
    nodes, rels, headers = {}, {}, {}
    for path in sorted(directory.glob("*.csv")):
        header, rows = read_csv(path)
        cols = parse_header(header)
        headers[path.name] = header
        for row in rows:
            assert len(row) == len(cols), (path.name, row)
            if path.name.startswith("nodes-"):
                (id_col,) = [i for i, c in enumerate(cols) if c["special"] == "ID"]
                props = {c["name"]: value(v, c, delimiter) for c, v in zip(cols, row) if not c["type"] or c["prop"]}
                label = row[[c["type"] for c in cols].index("LABEL")]
                nodes[cols[id_col]["space"], row[id_col]] = {"label": label, cols[id_col]["name"]: row[id_col], **props}
            else:
                kinds = [c["special"] or c["type"] for c in cols]
                start, end = kinds.index("START_ID"), kinds.index("END_ID")
                rel = {c["name"]: value(v, c, delimiter) for c, v in zip(cols, row) if c["prop"] or not c["type"]}
                rels.setdefault(row[kinds.index("TYPE")], []).append(
                    {"src_space": cols[start]["space"], "src": row[start], "dst_space": cols[end]["space"],
                     "dst": row[end], **rel})
    return nodes, rels, headers


@pytest.fixture
def exported(small_store, tmp_path):
    out = tmp_path / "import"
    summary = export_neo4j_import(small_store, out)
    return small_store, out, summary


def test_headers_follow_the_documented_format(exported):
    store, out, _ = exported
    _, _, headers = read_export(out)
    assert headers["nodes-Person.csv"] == ["id:ID(Person)", ":LABEL", "name:string", "aliases:string[]",
                                          "honorific_prefix:string[]", "honorific_suffix:string[]"]
    assert headers["rels-ATTENDED-Person-Event.csv"] == [
        ":START_ID(Person)", ":END_ID(Event)", ":TYPE", "report:string", "sentence:string", "span_start:int",
        "span_end:int", "extractor:string", "confidence:double", "role:string"]
    assert headers["nodes-FundingSource.csv"][-1] == "year:int"
    assert "surface:string[]" in headers["rels-MENTIONED_IN-Person-Report.csv"]
    spaces = set()
    for name, header in headers.items():
        cols = parse_header(header)
        specials = [c["special"] or c["type"] for c in cols if c["special"] or c["type"] in ("LABEL", "TYPE")]
        if name.startswith("nodes-"):
            assert specials == ["ID", "LABEL"]
            spaces.add(cols[0]["space"])
        else:
            assert specials == ["START_ID", "END_ID", "TYPE"]
        names = [c["name"] for c in cols if c["name"]]
        assert len(names) == len(set(names)), name
    for name, header in headers.items():  # relationships refer only to ID spaces the nodes define
        for c in parse_header(header):
            if c["special"] in ("START_ID", "END_ID"):
                assert c["space"] in spaces


def test_the_export_reads_back_as_the_stored_graph(exported):
    store, out, summary = exported
    nodes, rels, _ = read_export(out)
    for label in SCHEMA.nodes:
        for node in store.nodes(label):
            got = nodes.pop((label, node["id"]))
            assert got.pop("label") == label
            want = {k: (v if v not in ([], None) else None) for k, v in node.items()}
            assert {k: (v if v != [] else None) for k, v in got.items()} == want
    assert not nodes
    for rtype in SCHEMA.relationships:
        stored = list(store.relationships(rtype))
        got = rels.pop(rtype, [])
        assert len(got) == len(stored)
        key = lambda r: (r["src"], r["dst"], r["report"])
        for g, s in zip(sorted(got, key=key), sorted(stored, key=key)):
            assert (g.pop("src_space"), g.pop("dst_space")) == (s["src_label"], s["dst_label"])
            assert g == {k: (v if v != [] else None) for k, v in s.items() if k not in ("type", "src_label", "dst_label")}
    assert not rels
    counts = store.counts()
    assert summary.nodes == {k: v for k, v in counts.nodes.items() if v}
    assert summary.relationships == {k: v for k, v in counts.relationships.items() if v}


def test_import_script_names_every_file_once(exported, tmp_path):
    _, out, summary = exported
    script = out / "import.sh"
    assert script.stat().st_mode & stat.S_IXUSR
    subprocess.run(["sh", "-n", str(script)], check=True)
    fake_home = tmp_path / "neo4j-home"
    (fake_home / "bin").mkdir(parents=True)
    admin = fake_home / "bin" / "neo4j-admin"
    admin.write_text('#!/bin/sh\nprintf "%s\\n" "$PWD" "$@"\n')
    admin.chmod(0o755)
    done = subprocess.run(["sh", str(script), "kg", "--overwrite-destination=true"], capture_output=True, text=True,
                          env={**os.environ, "NEO4J_HOME": str(fake_home)}, check=True)
    cwd, *args = done.stdout.splitlines()
    assert Path(cwd) == out
    assert args[:4] == ["database", "import", "full", "kg"]
    assert args[4:6] == ["--array-delimiter=;", "--multiline-fields=true"] and args[-1] == "--overwrite-destination=true"
    named = [a.split("=", 1)[1] for a in args if a.startswith(("--nodes=", "--relationships="))]
    assert sorted(named) == sorted(p.name for p in out.glob("*.csv")) == sorted(summary.files)
    assert all(a.startswith("--nodes=nodes-") for a in args if a.startswith("--nodes="))
    default = subprocess.run(["sh", str(script)], capture_output=True, text=True,
                             env={**os.environ, "NEO4J_HOME": str(fake_home)}, check=True)
    assert default.stdout.splitlines()[1:5] == ["database", "import", "full", "neo4j"]
    assert (out / "schema.cypher").read_text() == "".join(f"{s};\n" for s in SCHEMA_STATEMENTS)


def awkward_store(path: Path, alias: str) -> LadybugStore:
    store = LadybugStore(path)
    rid = "report:awkward-0123456789ab"
    sentence = 'Dia berkata, "Rapat\ndibuka" — pukul 09.00; selesai.'
    ev = {"report": rid, "sentence": sentence, "span_start": 0, "span_end": len(sentence), "extractor": "t/1",
          "confidence": 0.9}
    store.write_report(GraphBatch(rid, [
        NodeRow("Report", rid, {"name": "awkward", "path": "a.txt", "sha256": "f" * 64, "title": ""}),
        NodeRow("Person", "person:x", {"name": 'Hj. "Ibu" X, S.H.', "aliases": [alias, "X"]}),
    ], [RelRow("MENTIONED_IN", "Person", "person:x", "Report", rid, {**ev, "surface": ["X"]})]))
    return store


def test_quotes_commas_line_breaks_and_empty_strings_survive(tmp_path):
    with awkward_store(tmp_path / "s", "Ibu X, Kepala Dinas") as store:
        export_neo4j_import(store, tmp_path / "out")
        nodes, rels, _ = read_export(tmp_path / "out")
        assert nodes["Person", "person:x"]["name"] == 'Hj. "Ibu" X, S.H.'
        assert nodes["Person", "person:x"]["aliases"] == ["Ibu X, Kepala Dinas", "X"]
        assert nodes["Report", "report:awkward-0123456789ab"]["title"] == ""  # quoted empty: an empty string
        assert nodes["Report", "report:awkward-0123456789ab"]["url"] is None  # empty field: no property
        assert rels["MENTIONED_IN"][0]["sentence"] == 'Dia berkata, "Rapat\ndibuka" — pukul 09.00; selesai.'


def test_a_value_holding_the_array_delimiter_is_refused_and_nothing_is_left(tmp_path):
    with awkward_store(tmp_path / "s", "Kadis; Ketua") as store:
        with pytest.raises(UsageError, match=r"Person person:x\.aliases: the value 'Kadis; Ketua' contains"):
            export_neo4j_import(store, tmp_path / "out")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]  # no target, no temporary folder
        export_neo4j_import(store, tmp_path / "out", array_delimiter="|")
        nodes, _, _ = read_export(tmp_path / "out", delimiter="|")
        assert nodes["Person", "person:x"]["aliases"] == ["Kadis; Ketua", "X"]
        assert "--array-delimiter='|'" in (tmp_path / "out" / "import.sh").read_text()


def test_refuses_a_folder_that_is_not_empty(small_store, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match="not an empty folder"):
        export_neo4j_import(small_store, tmp_path / "out")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["notes.txt"]


def test_cli(tmp_path, monkeypatch):
    from tests.fixtures import small_graph

    monkeypatch.delenv("NEO4J_URI", raising=False)
    with LadybugStore(tmp_path / "kg-data") as store:
        small_graph.load(store)
    result = CliRunner().invoke(app, ["export", "neo4j-import", str(tmp_path / "out"), "--store", str(tmp_path / "kg-data")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("wrote 20 nodes and 42 relationships in 22 CSV files to ")
    assert f"sh {tmp_path / 'out' / 'import.sh'} DATABASE" in result.output
    again = CliRunner().invoke(app, ["export", "neo4j-import", str(tmp_path / "out"), "--store", str(tmp_path / "kg-data")])
    assert again.exit_code == 2 and "not an empty folder" in again.output
    bad = CliRunner().invoke(app, ["export", "neo4j-import", str(tmp_path / "o2"), "--store", str(tmp_path / "kg-data"),
                                   "--array-delimiter", ","])
    assert bad.exit_code == 2 and "--array-delimiter must be one character" in bad.output
