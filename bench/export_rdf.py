"""Benchmark `kg export rdf`: triples per second, and peak memory at two store sizes.

Run on demand (not part of the tests):

    .venv/bin/python bench/export_rdf.py        # ~3 minutes
    .venv/bin/python bench/export_rdf.py --size 400 --memory-sizes 50 200 --memory-formats nt

Builds each synthetic store through LadybugStore.write_report (GraphBatch rows: people holding
posts in organisations, events they attend, venues, funds; every fact with evidence, node pools
shared across reports so posts are seen in several reports). Each export runs in a fresh process
writing to a byte-counting sink: every format timed on one store (``--size``), and, under
tracemalloc (5-6× slower, so its time is not used), the line-writer path (nt) and the rdflib-chunk
path (xml) on two stores 4× apart (``--memory-sizes``).
Flat memory means the tracemalloc peak (Python heap) stays about the same when the store grows;
max RSS also counts the interpreter, the libraries and the engine's own buffers.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.graph import GraphBatch, NodeRow, RelRow  # noqa: E402

ROLES = ("opened", "spoke", "attended", "represented")
PER_BATCH = 100  # synthetic reports per write transaction


def _evidence(report: str, rng: random.Random) -> dict:
    start = rng.randrange(0, 4000)
    return {"report": report, "sentence": f"Kalimat bukti nomor {start} tentang rapat koordinasi daerah.",
            "span_start": start, "span_end": start + 60, "extractor": "bench/1",
            "confidence": round(rng.uniform(0.5, 1.0), 3)}


def synthetic_batches(reports: int, seed: int = 7):
    """GraphBatches for ``reports`` synthetic reports, PER_BATCH reports per batch."""
    rng = random.Random(seed)
    people, posts, orgs, places = max(20, reports * 2), max(10, reports), max(5, reports // 4), max(5, reports // 8)
    for first in range(0, reports, PER_BATCH):
        batch = GraphBatch(f"report:bench-{first}")
        nodes: dict[str, NodeRow] = {}
        for r in range(first, min(first + PER_BATCH, reports)):
            rid = f"report:bench-{r:06d}"
            published = f"20{rng.randrange(18, 25)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            nodes[rid] = NodeRow("Report", rid, {"name": f"bench-{r:06d}", "sha256": f"{r:064x}", "published": published,
                                                 "url": f"https://example.org/{r}", "title": f"Berita {r}",
                                                 "outlet": "Contoh News"})
            event = f"event:rapat-{r:06d}"
            nodes[event] = NodeRow("Event", event, {"name": f"Rapat Koordinasi {r}", "date": "2024-11-05",
                                                    "kind": "rapat koordinasi"})
            place = f"place:tempat-{rng.randrange(places):05d}"
            nodes[place] = NodeRow("Place", place, {"name": f"Aula {place[-5:]}", "kind": "venue"})
            area = f"place:kota-{rng.randrange(places):05d}"
            if area != place:
                nodes[area] = NodeRow("Place", area, {"name": f"Kota {area[-5:]}", "kind": "city"})
            fund = f"funding:dak-{rng.randrange(10):02d}"
            nodes[fund] = NodeRow("FundingSource", fund, {"name": f"Dana Alokasi Khusus {fund[-2:]}", "kind": "DAK"})
            rels = [("HELD_AT", "Event", event, "Place", place), ("FUNDED_BY", "Event", event, "FundingSource", fund)]
            if area != place:
                rels.append(("LOCATED_IN", "Place", place, "Place", area))
            org = f"org:dinas-{rng.randrange(orgs):05d}"
            nodes[org] = NodeRow("Organization", org, {"name": f"Dinas {org[-5:]}", "acronym": "DP", "kind": "dinas"})
            rels += [("ORGANIZED", "Organization", org, "Event", event),
                     ("PROVIDED_BY", "FundingSource", fund, "Organization", org)]
            for _ in range(3):
                person, post = f"person:orang-{rng.randrange(people):06d}", f"office:jabatan-{rng.randrange(posts):06d}"
                nodes[person] = NodeRow("Person", person, {"name": f"Orang {person[-6:]}",
                                                           "honorific_prefix": ["Dra."]})
                nodes[post] = NodeRow("Office", post, {"name": f"Kepala Dinas {post[-6:]}", "role": "Kepala Dinas"})
                rels += [("HOLDS", "Person", person, "Office", post), ("POST_IN", "Office", post, "Organization", org),
                         ("ATTENDED", "Person", person, "Event", event)]
            for label, nid in [(n.label, n.id) for n in nodes.values() if n.label != "Report"][-8:]:
                rels.append(("MENTIONED_IN", label, nid, "Report", rid))
            seen = set()
            for rtype, sl, s, dl, d in rels:
                if (rtype, s, d) in seen:
                    continue
                seen.add((rtype, s, d))
                props = _evidence(rid, rng)
                if rtype == "ATTENDED":
                    props["role"] = rng.choice(ROLES)
                if rtype == "MENTIONED_IN":
                    props["surface"] = ["bentuk"]
                batch.rels.append(RelRow(rtype, sl, s, dl, d, props))
        batch.nodes = list(nodes.values())
        yield batch


def build(path: Path, reports: int) -> dict:
    from kg.store.ladybug import LadybugStore

    started = time.perf_counter()
    with LadybugStore(path) as store:
        for batch in synthetic_batches(reports):
            store.write_report(batch)
        counts = store.counts()
    return {"nodes": sum(counts.nodes.values()), "relationships": sum(counts.relationships.values()),
            "build_s": round(time.perf_counter() - started, 1)}


class CountingSink:
    """A binary stream that only counts bytes (so the disk does not time the export)."""

    def __init__(self) -> None:
        self.bytes = 0

    def write(self, data: bytes) -> int:
        self.bytes += len(data)
        return len(data)

    def flush(self) -> None:
        pass


def child(store_dir: str, fmt: str, trace: bool) -> None:
    """One export in this process; prints a JSON line."""
    from kg.rdf.export import export_rdf
    from kg.store.ladybug import LadybugStore

    with LadybugStore(store_dir, read_only=True) as store:
        if trace:
            tracemalloc.start()
        sink = CountingSink()
        stats = export_rdf(store, sink, fmt)
        peak = tracemalloc.get_traced_memory()[1] if trace else None
    print(json.dumps({"triples": stats.triples, "seconds": stats.seconds, "bytes": sink.bytes,
                      "peak_mib": peak / 2**20 if peak is not None else None,
                      "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def run_child(store_dir: Path, fmt: str, trace: bool) -> dict:
    cmd = [sys.executable, __file__, "--child", str(store_dir), fmt] + (["--trace"] if trace else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--memory-sizes", type=int, nargs=2, default=[100, 400],
                        help="synthetic reports of the two stores whose exports run under tracemalloc")
    parser.add_argument("--memory-formats", nargs="+", default=["nt", "xml"],
                        help="formats traced (nt: the line writers' path; xml: the rdflib-chunk path)")
    parser.add_argument("--size", type=int, default=1000, help="synthetic reports of the store timed in every format")
    parser.add_argument("--formats", nargs="+", default=["nt", "turtle", "jsonld", "xml"])
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.trace)
        return
    with tempfile.TemporaryDirectory() as tmp:
        stores = {}
        for size in sorted({*args.memory_sizes, args.size}):
            stores[size] = (Path(tmp) / f"store-{size}", build(Path(tmp) / f"store-{size}", size))
        print("Throughput (no tracing; output to a byte counter)")
        print(f"{'reports':>8} {'nodes':>7} {'rels':>7} {'format':>7} {'triples':>9} {'MB out':>7} {'s':>6} "
              f"{'triples/s':>10} {'max RSS MiB':>11}")
        path, shape = stores[args.size]
        for fmt in args.formats:
            timed = run_child(path, fmt, trace=False)
            rate = timed["triples"] / timed["seconds"]
            print(f"{args.size:>8} {shape['nodes']:>7} {shape['relationships']:>7} {fmt:>7} {timed['triples']:>9} "
                  f"{timed['bytes'] / 1e6:>7.1f} {timed['seconds']:>6.1f} {rate:>10,.0f} "
                  f"{timed['maxrss_mib']:>11.0f}", flush=True)
        print("\nMemory (tracemalloc peak of the Python heap during the export; max RSS of the process)")
        print(f"{'reports':>8} {'rels':>7} {'format':>7} {'triples':>9} {'py peak MiB':>11} {'max RSS MiB':>11}")
        for size in args.memory_sizes:
            path, shape = stores[size]
            for fmt in args.memory_formats:
                traced = run_child(path, fmt, trace=True)
                print(f"{size:>8} {shape['relationships']:>7} {fmt:>7} {traced['triples']:>9} "
                      f"{traced['peak_mib']:>11.1f} {traced['maxrss_mib']:>11.0f}", flush=True)


if __name__ == "__main__":
    main()
