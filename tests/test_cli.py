"""The command line: every command documented, exact output on known input, errors as one line."""
from __future__ import annotations

import json
import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import ROOT
from tests.fixtures import small_graph

runner = CliRunner()


def _commands(group, prefix: str = "") -> dict:
    out = {}
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(cmd, "commands"):  # a group: recurse into its subcommands
            out.update(_commands(cmd, full + " "))
        else:
            out[full] = cmd
    return out


COMMANDS = _commands(get_command(app))


def test_core_commands_exist():
    assert {"ingest", "extract", "query", "queries", "stats"} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_is_in_the_readme(name):
    cmd = COMMANDS[name]
    assert (cmd.help or "").strip(), f"kg {name} has no help text"
    for param in cmd.params:
        if param.param_type_name == "option":
            assert (param.help or "").strip(), f"kg {name} {param.opts[0]} has no help text"
    result = runner.invoke(app, [*name.split(), "--help"])
    assert result.exit_code == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"`kg {re.escape(name)}\b", readme), f"`kg {name}` is missing from README.md"


@pytest.fixture
def small_dir(tmp_path):
    from kg.store.ladybug import LadybugStore

    path = tmp_path / "graph"
    with LadybugStore(path) as s:
        small_graph.load(s)
    return path


def test_query_prints_exact_table(small_dir):
    result = runner.invoke(app, ["query", "who_coordinated_with_whom", "--store", str(small_dir),
                                 "--param", "limit=2", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "kind,first,second,shared_events,example_events",
        "Person,A. Ridwan,Noverintiwi Dewanti,2,Rapat Koordinasi Gugus Tugas TPPO Kota Jambi; Sosialisasi Pencegahan TPPO",
        "Person,A. Ridwan,Sri Purwaningsih,1,Rapat Koordinasi Gugus Tugas TPPO Kota Jambi",
    ]


def test_query_json_and_unknown_things(small_dir):
    result = runner.invoke(app, ["query", "who_coordinated_with_whom", "--store", str(small_dir), "-f", "json"])
    rows = json.loads(result.output)
    assert {"first": "A. Ridwan", "second": "Noverintiwi Dewanti"}.items() <= rows[0].items()
    bad = runner.invoke(app, ["query", "no_such_query", "--store", str(small_dir)])
    assert bad.exit_code == 2 and "no saved query named 'no_such_query'" in bad.output
    bad = runner.invoke(app, ["query", "who_coordinated_with_whom", "--store", str(small_dir), "-p", "nope=1"])
    assert bad.exit_code == 2 and "unknown parameter(s) nope" in bad.output
    bad = runner.invoke(app, ["query", "who_coordinated_with_whom", "--store", str(small_dir), "-f", "xml"])
    assert bad.exit_code == 2 and "unknown format 'xml'" in bad.output


def test_stats_counts_every_label_and_type(small_dir):
    result = runner.invoke(app, ["stats", "--store", str(small_dir), "-f", "json"])
    counts = {(r["kind"], r["name"]): r["count"] for r in json.loads(result.output)}
    assert counts[("node", "Person")] == 4 and counts[("node", "Report")] == 3
    assert counts[("relationship", "ATTENDED")] == 7 and counts[("relationship", "MEMBER_OF")] == 0


def test_queries_lists_title_and_parameters():
    result = runner.invoke(app, ["queries", "-f", "json"])
    rows = {r["name"]: r for r in json.loads(result.output)}
    assert rows["who_coordinated_with_whom"]["title"] == "Who coordinated with whom"
    assert "limit=25" in rows["who_coordinated_with_whom"]["parameters"]


def test_stats_on_a_missing_store_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["stats", "--store", str(tmp_path / "none")])
    assert result.exit_code == 3 and result.output.strip().endswith("no kg store here (run `kg ingest` first)")


def test_ingest_reports_bad_files_and_exits_non_zero(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("Rapat koordinasi di Kota Jambi.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert f"{folder / 'empty.txt'}: empty file" in result.output
    assert "reports: 1 read, 0 skipped (unchanged), 1 failed" in result.output


def test_extract_prints_the_evaluation_format(tmp_path):
    (tmp_path / "berita.txt").write_text("Rapat koordinasi di Kota Jambi.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "berita.txt"), "--format", "json"])
    (doc,) = json.loads(result.output)
    assert doc["report"] == "berita" and {"source", "entities", "relations"} <= set(doc)
    lines = runner.invoke(app, ["extract", str(tmp_path / "berita.txt"), "--format", "jsonl"]).output.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["report"] == "berita"


def test_store_locked_by_another_process_is_a_clear_error(tmp_path):
    import subprocess
    import sys
    import time

    path = tmp_path / "locked"
    code = ("import sys, time; from kg.store.ladybug import LadybugStore; "
            f"s = LadybugStore({str(path)!r}); print('open', flush=True); time.sleep(30)")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "open"
        (tmp_path / "r.txt").write_text("Rapat di Kota Jambi.", encoding="utf-8")
        result = runner.invoke(app, ["ingest", str(tmp_path / "r.txt"), "--store", str(path)])
        assert result.exit_code == 3 and "open in another process" in result.output
    finally:
        holder.kill()
        holder.wait()


def test_explain_shows_forms_and_merge_reasons(small_dir):
    result = runner.invoke(app, ["explain", "person:a-ridwan--kota-jambi", "--store", str(small_dir), "-f", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["label"] == "Person" and found["properties"]["name"] == "A. Ridwan"
    assert [m["report"] for m in found["mentions"]] == ["fixture-a", "fixture-b"]
    assert found["mentions"][0]["resolution"] == "new node"
    assert found["mentions"][1]["resolution"].startswith("same normalised name")
    bad = runner.invoke(app, ["explain", "nonsense", "--store", str(small_dir)])
    assert bad.exit_code == 2 and "not a kg node id" in bad.output
