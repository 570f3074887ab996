"""Resolution on the real development corpus: order of ingest does not change the graph."""
from __future__ import annotations

from kg.pipeline import ingest
from kg.store.ladybug import LadybugStore


def test_two_halves_give_the_same_nodes_as_one_run(tmp_path, corpus_dir, corpus_store):
    files = sorted(corpus_dir.glob("*.txt"))
    half = len(files) // 2
    with LadybugStore(tmp_path / "halves") as store:
        first = ingest(files[:half], store)
        second = ingest(files[half:], store)
        assert first.failed == second.failed == 0
        halves = store.counts()
        ids = {label: {n["id"] for n in store.nodes(label)} for label in store.schema.entity_labels}
    once = corpus_store.counts()
    assert halves.nodes == once.nodes
    assert halves.relationships == once.relationships
    assert ids == {label: {n["id"] for n in corpus_store.nodes(label)} for label in corpus_store.schema.entity_labels}
