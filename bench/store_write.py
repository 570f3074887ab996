"""Benchmark: writing reports into the embedded Ladybug store, as the store grows.

    python bench/store_write.py [--reports 3000]

Each synthetic report has one event, ten people drawn from 20,000 (so nodes recur across
reports, as officials do), and 21 relationships (ATTENDED, MENTIONED_IN), written through
LadybugStore.write_report exactly as `kg ingest` does, one transaction per report. Prints the
cumulative relationships/s and ms/report every 500 reports, and the ratio of the last interval's
cost to the first (1.0 = no slowdown as the store grows).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.graph import GraphBatch, NodeRow, RelRow  # noqa: E402
from kg.store.ladybug import LadybugStore  # noqa: E402

EV = {"sentence": "s", "span_start": 0, "span_end": 1, "extractor": "bench/1", "confidence": 0.9}


def batch(i: int, rng: random.Random) -> GraphBatch:
    rid, event = f"report:{i}", f"event:{i}"
    b = GraphBatch(rid, [NodeRow("Report", rid, {"name": str(i), "sha256": f"{i:064d}", "path": f"r/{i}.txt"}),
                         NodeRow("Event", event, {"name": f"Rapat {i}"})])
    for p in {f"person:{rng.randint(0, 20000)}" for _ in range(10)}:
        b.nodes.append(NodeRow("Person", p, {"name": p}))
        b.rels.append(RelRow("ATTENDED", "Person", p, "Event", event, {"report": rid, "role": "attended", **EV}))
        b.rels.append(RelRow("MENTIONED_IN", "Person", p, "Report", rid, {"report": rid, **EV, "surface": [p]}))
    b.rels.append(RelRow("MENTIONED_IN", "Event", event, "Report", rid, {"report": rid, **EV, "surface": []}))
    return b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=3000)
    args = ap.parse_args()
    rng = random.Random(1)
    intervals = []
    with tempfile.TemporaryDirectory() as tmp, LadybugStore(Path(tmp) / "store") as store:
        start = last = time.perf_counter()
        rels = 0
        print(f"{'reports':>8} {'rels/s (cumulative)':>20} {'ms/report (interval)':>21}")
        for i in range(1, args.reports + 1):
            b = batch(i, rng)
            rels += len(b.rels)
            store.write_report(b)
            if i % 500 == 0:
                now = time.perf_counter()
                intervals.append((now - last) / 500 * 1000)
                print(f"{i:8d} {rels / (now - start):20.0f} {intervals[-1]:21.1f}")
                last = now
    if len(intervals) > 1:
        print(f"cost per report, last interval / first: {intervals[-1] / intervals[0]:.2f}")


if __name__ == "__main__":
    main()
