"""Ingest: idempotent, incremental, replacing changed reports, all-or-nothing per report."""
from __future__ import annotations

import shutil

import pytest

from kg.graph import GraphBatch, NodeRow, RelRow
from kg.pipeline import ingest
from tests.conftest import EXAMPLES


def _copy_examples(tmp_path):
    dst = tmp_path / "reports"
    shutil.copytree(EXAMPLES, dst)
    return dst


@pytest.fixture
def reports(tmp_path):
    if not EXAMPLES.is_dir() or not any(EXAMPLES.iterdir()):
        pytest.skip("examples/reports is empty")
    return _copy_examples(tmp_path)


def test_ingest_twice_changes_nothing(store, reports):
    first = ingest([reports], store)
    assert first.failed == 0 and first.skipped == 0 and first.read == len(list(EXAMPLES.iterdir()))
    counts = store.counts()
    again = ingest([reports], store)
    assert again.skipped == again.read == first.read
    assert again.nodes_created == again.rels_written == 0
    assert store.counts() == counts


def test_changed_report_replaces_its_old_version(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "berita.txt"
    path.write_text("Rapat koordinasi digelar di Aula Bappeda Kota Jambi, Rabu (16/10).\n", encoding="utf-8")
    ingest([folder], store)
    path.write_text("Sosialisasi digelar di Aula Kantor Camat Sigi, Kamis (17/10).\n", encoding="utf-8")
    summary = ingest([folder], store)
    assert summary.replaced == 1 and summary.read == 1
    reports = list(store.nodes("Report"))
    assert len(reports) == 1 and reports[0]["path"] == str(path)
    # nothing is left that only the old version mentioned
    names = {n["name"] for label in store.schema.entity_labels for n in store.nodes(label)}
    assert not any("Bappeda" in n for n in names)


def test_bad_files_are_reported_and_the_rest_loaded(store, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x00\x01\x02\x03PNG" * 50)
    (folder / "windows.txt").write_bytes("Rapat di Café Sigi, Rabu (16/9).".encode("cp1252"))
    (folder / "good.txt").write_text("Sosialisasi digelar di Kota Jambi.", encoding="utf-8")
    summary = ingest([folder], store)
    assert summary.failed == 2 and summary.read == 2
    assert sorted(line.split(":")[0].rsplit("/", 1)[1] for line in summary.failures) == ["empty.txt", "image.txt"]
    assert len(list(store.nodes("Report"))) == 2


def test_a_failing_write_leaves_nothing_behind(store):
    batch = GraphBatch("report:x", nodes=[
        NodeRow("Report", "report:x", {"name": "x", "sha256": "0" * 64}),
        NodeRow("Person", "person:a", {"name": "A"}),
        NodeRow("Place", "place:b", {"name": "B"})])
    # HOLDS does not allow Person -> Place: the engine refuses it after the nodes were written
    batch.rels.append(RelRow("HOLDS", "Person", "person:a", "Place", "place:b",
                             {"report": "report:x", "sentence": "s", "span_start": 0, "span_end": 1,
                              "extractor": "t", "confidence": 1.0}))
    with pytest.raises(Exception):
        store.write_report(batch)
    assert store.counts().nodes["Person"] == 0 and store.counts().nodes["Report"] == 0


def test_same_content_under_two_paths_is_one_report(store, tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "same.txt").write_text("Rapat di Kota Jambi.", encoding="utf-8")
    summary = ingest([tmp_path / "a", tmp_path / "b"], store)
    assert summary.read == 2 and summary.skipped == 1
    assert len(list(store.nodes("Report"))) == 1


def test_a_store_that_goes_away_stops_the_batch_keeping_what_was_written(tmp_path):
    """Fault injection on the real embedded store: the server-gone error of a remote store."""
    from kg.errors import StoreUnavailable
    from kg.store.ladybug import LadybugStore

    class GoesAway(LadybugStore):
        writes = 0

        def write_report(self, batch, replaces=None):
            GoesAway.writes += 1
            if GoesAway.writes == 2:
                raise StoreUnavailable("connection lost")
            return super().write_report(batch, replaces)

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text(f"Rapat koordinasi ke-{i} digelar di Kota Jambi.", encoding="utf-8")
    with GoesAway(tmp_path / "s") as store:
        with pytest.raises(StoreUnavailable):
            ingest([folder], store)
        assert [r["name"] for r in store.nodes("Report")] == ["r0"]
