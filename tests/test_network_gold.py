"""The coordination network of the dev corpus's gold annotations (the acceptance checks of issue 7).

The rule-based extractor is still being written, so these tests load the corpus's gold files
(``NAME.gold.json``, FORMAT.md) through the real write path — the graph a perfect extractor would
produce, resolved with ``identities.json`` — and check that the Kota Jambi and Kabupaten Pemalang
clusters come out as communities. ``test_corpus_network`` checks the same on the corpus as the
extractor reads it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.graph import to_batch
from kg.model import Entity, Evidence, Extraction, Relation
from kg.network import communities, coordination_graph, describe_communities, network_summary
from kg.pipeline import reports
from kg.readers import slug
from kg.schema import load_schema
from kg.store.ladybug import LadybugStore

GOLD_EXTRACTOR = "gold/1"
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def canonical_id(etype: str, name: str) -> str:
    return f"{load_schema().node(etype).prefix}:{slug(name) or 'unnamed'}"


def _find(text: str, forms: list[str]) -> tuple[int, int] | None:
    for form in forms:
        at = text.find(form) if form else -1
        if at >= 0:
            return at, at + len(form)
    return None


def _evidence(text: str, forms_s: list[str], forms_o: list[str]) -> Evidence:
    """The first sentence naming both ends (else either end): good enough evidence for demos."""
    sentences = [(m.start(), m.group()) for m in _SENTENCE.finditer(text)]
    for wanted in ((forms_s, forms_o), (forms_s,), (forms_o,)):
        for start, sentence in sentences:
            if all(_find(sentence, forms) for forms in wanted):
                return Evidence(sentence.strip(), start, start + len(sentence), 1.0)
    return Evidence("", 0, 0, 1.0)


def gold_extractions(corpus: Path) -> list[Extraction]:
    """The gold annotation of every corpus report as resolved extractions."""
    identities = json.loads((corpus / "identities.json").read_text(encoding="utf-8"))
    cluster = {member: c["id"] for c in identities["clusters"] for member in c["members"]}
    texts = {r.name: r for r in reports([corpus])}
    out = []
    for path in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        report = texts[gold["report"]]
        entities, forms = [], {}
        for e in gold["entities"]:
            props = {k: v for k, v in e.items() if k not in ("id", "type", "name", "aliases") and v}
            forms[e["id"]] = [e["name"], *e.get("aliases", [])]
            span = _find(report.text, forms[e["id"]])
            mentions = [Evidence(report.text[span[0]:span[1]], *span)] if span else []
            ent = Entity(e["id"], e["type"], e["name"], list(e.get("aliases", [])), props, mentions)
            ent.canonical_id = cluster.get(f"{gold['report']}/{e['id']}") or canonical_id(e["type"], e["name"])
            entities.append(ent)
        relations = [Relation(r["s"], r["p"], r["o"], _evidence(report.text, forms[r["s"]], forms[r["o"]]),
                              r.get("role")) for r in gold["relations"]]
        out.append(Extraction(report, entities, relations, GOLD_EXTRACTOR))
    return out


def load_gold(store, corpus: Path) -> None:
    """Write the corpus's gold graph into a store through the real write path."""
    for extraction in gold_extractions(corpus):
        store.write_report(to_batch(extraction))


@pytest.fixture(scope="module")
def gold_store(tmp_path_factory, corpus_dir):
    with LadybugStore(tmp_path_factory.mktemp("gold") / "store") as s:
        load_gold(s, corpus_dir)
        yield s


def _community_with(G, groups: list[set[str]], name: str) -> dict:
    """The description of the community holding the best-connected actor of that name."""
    node = max((n for n, d in G.nodes(data=True) if d["name"] == name), key=G.degree)
    described = describe_communities(G, groups, members=len(G), min_size=1)
    return next(c for c, group in zip(described, groups) if node in group)


def test_jambi_and_pemalang_are_communities(gold_store):
    G = coordination_graph(gold_store, kind="both")
    groups = communities(G)
    jambi = _community_with(G, groups, "A. Ridwan")
    assert "Noverintiwi Dewanti" in jambi["members"]
    assert "Kota Jambi" in jambi["places"]
    pemalang = _community_with(G, groups, "Mansur Hidayat")
    assert any("Pemalang" in place for place in pemalang["places"])
    assert jambi["id"] != pemalang["id"]
    assert not set(jambi["members"]) & set(pemalang["members"])


def test_brokers_are_listed(gold_store):
    summary = network_summary(coordination_graph(gold_store, kind="both"), top=5)
    brokers = summary["top"]["betweenness"]
    assert len(brokers) == 5
    assert brokers[0]["betweenness"] > 0
    assert [b["betweenness"] for b in brokers] == sorted((b["betweenness"] for b in brokers), reverse=True)


def test_corpus_network(corpus_store):
    """The same on the extracted corpus: the Jambi and Pemalang officials' groups come out apart."""
    G = coordination_graph(corpus_store, kind="both")
    for a, _, data in G.edges(data=True):
        assert data["weight"] == len(data["events"]) >= 1
        assert G.nodes[a]["label"] in ("Person", "Organization")
    summary = network_summary(G, top=5)
    assert summary["graph"]["nodes"] == G.number_of_nodes()
    assert summary["top"]["betweenness"] and summary["top"]["betweenness"][0]["betweenness"] > 0
    groups = communities(G)
    jambi = _community_with(G, groups, "Noverintiwi Dewanti")
    pemalang = _community_with(G, groups, "Mansur Hidayat")
    assert "Kota Jambi" in jambi["places"]
    assert any("Pemalang" in place for place in pemalang["places"])
    assert jambi["id"] != pemalang["id"]
