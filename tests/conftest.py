"""Shared fixtures: the real embedded store, a small known graph, and the dev corpus."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.store.ladybug import LadybugStore
from tests.fixtures import small_graph

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("KG_CORPUS", ROOT.parent / "shared" / "corpus"))
EXAMPLES = ROOT / "examples" / "reports"


@pytest.fixture
def store(tmp_path):
    """An empty embedded store in a temporary directory."""
    with LadybugStore(tmp_path / "store") as s:
        yield s


@pytest.fixture
def small_store(tmp_path):
    """The embedded store holding tests/fixtures/small_graph.py (known answers in its docstring)."""
    with LadybugStore(tmp_path / "small") as s:
        small_graph.load(s)
        yield s


@pytest.fixture(scope="session")
def corpus_dir():
    if not CORPUS.is_dir():
        pytest.skip(f"dev corpus not found at {CORPUS} (set KG_CORPUS)")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, corpus_dir):
    """The dev corpus (../shared/corpus) ingested once per test session into an embedded store.

    Read-only by convention: tests must not write to it.
    """
    from kg.pipeline import ingest

    path = tmp_path_factory.mktemp("corpus") / "store"
    with LadybugStore(path) as s:
        summary = ingest([corpus_dir], s)
        assert summary.failed == 0, summary.failures
        yield s
