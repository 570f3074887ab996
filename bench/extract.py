"""Benchmark the extractor: repeat the dev corpus to >= 10,000 reports, print reports/s/core and ms/report.

    .venv/bin/python bench/extract.py [CORPUS_DIR] [--min N]

Runs on one core (a single process); not part of the test suite. Each round starts with the
extractor's caches of words and names cleared, so that the repetition does not flatter the figure:
a round costs what reading that many new reports costs.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.extract import EXTRACTOR, clear_caches, extract  # noqa: E402
from kg.model import Report  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path,
                    default=Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
    ap.add_argument("--min", type=int, default=10_000, help="reports to run at least")
    args = ap.parse_args()
    reports = []
    for p in sorted(args.corpus.glob("*.txt")):
        t = p.read_text(encoding="utf-8")
        reports.append(Report(id="report:" + p.stem, name=p.stem, path=str(p), text=t,
                              sha256=hashlib.sha256(t.encode()).hexdigest()))
    if not reports:
        print(f"no *.txt reports in {args.corpus}", file=sys.stderr)
        return 2
    extract(reports[0])  # load the lexicons outside the timing
    rounds = -(-args.min // len(reports))
    t0 = time.process_time()
    w0 = time.perf_counter()
    n = 0
    for _ in range(rounds):
        clear_caches()   # each round reads the reports as new ones (timed: a real run pays it too)
        for r in reports:
            extract(r)
            n += 1
    cpu = time.process_time() - t0
    wall = time.perf_counter() - w0
    chars = sum(len(r.text) for r in reports) * rounds
    print(f"{EXTRACTOR}: {n} reports ({chars / n:.0f} chars each) in {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"{n / cpu:.0f} reports/s/core, {1000 * cpu / n:.3f} ms/report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
