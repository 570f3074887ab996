"""Benchmark: entity resolution cost as the number of mentions grows (issue 6).

    python bench/resolve.py [--sizes 10000 100000]

Builds synthetic extractions (reports of ~20 mentions: people with titles and name variants,
agencies in acronym and full form, offices, regions, venues, events) spread over many regions,
resolves them in one run, and prints mentions/s and µs per mention at each size, plus the ratio of
per-mention cost between the largest and smallest size (1.0 = perfectly linear growth).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.lexicon import lexicon  # noqa: E402
from kg.model import Entity, Evidence, Extraction, Relation, Report  # noqa: E402
from kg.resolve import Resolver  # noqa: E402

SYL = "ba bu di da ri ra san ti no ver wan sur ha yat mul yo nur ul hi sa ka ma li ya fa rah ro sa dew".split()
AGENCIES = [("Dinas Kesehatan", "Dinkes"), ("Dinas Sosial", "Dinsos"), ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
            ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A"), ("Dinas Tenaga Kerja", "Disnaker")]
EVENTS = ["Rapat Koordinasi Gugus Tugas TPPO", "Sosialisasi Pencegahan Perkawinan Anak", "Rembuk Stunting",
          "Pelatihan Pendamping Korban", "Launching Desa Ramah Anak"]


def name(rng: random.Random) -> str:
    return " ".join("".join(rng.choice(SYL) for _ in range(rng.randint(2, 3))).title() for _ in range(rng.randint(1, 3)))


def world(n_mentions: int, seed: int = 7) -> list[Extraction]:
    rng = random.Random(seed)
    regions = [r.full for rs in lexicon().regions.values() for r in rs if r.kind != "province"][:400]
    people = {reg: [name(rng) for _ in range(30)] for reg in regions}
    docs, made, i = [], 0, 0
    ev = Evidence("s", 0, 1, 0.9)
    while made < n_mentions:
        reg = rng.choice(regions)
        ents, rels = [Entity("p0", "Place", reg, [], {}, [ev])], []
        date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        ents.append(Entity("ev", "Event", f"{rng.choice(EVENTS)} {reg}", [], {"date": date}, [ev]))
        for j in range(6):
            full, short = rng.choice(AGENCIES)
            org_name = f"{full} {reg}" if rng.random() < 0.5 else f"{short} {reg}"
            person = rng.choice(people[reg])
            if rng.random() < 0.3:
                person = "Dr. H. " + person + ", M.Si."
            ents += [Entity(f"o{j}", "Organization", org_name, [], {}, [ev]),
                     Entity(f"f{j}", "Office", f"Kepala {org_name}", [], {}, [ev]),
                     Entity(f"h{j}", "Person", person, [], {}, [ev])]
            rels += [Relation(f"h{j}", "HOLDS", f"f{j}", ev), Relation(f"f{j}", "POST_IN", f"o{j}", ev),
                     Relation(f"h{j}", "ATTENDED", "ev", ev, "attended")]
        report = Report(f"report:{i}", str(i), str(i), "", "0")
        docs.append(Extraction(report, ents, rels, "bench/1"))
        made += len(ents)
        i += 1
    return docs


def run(size: int) -> tuple[int, float]:
    docs = world(size)
    mentions = sum(len(d.entities) for d in docs)
    resolver = Resolver()
    start = time.perf_counter()
    for d in docs:
        resolver.resolve(d)
    return mentions, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = ap.parse_args()
    per = []
    print(f"{'mentions':>9} {'seconds':>8} {'mentions/s':>11} {'µs/mention':>11}")
    for size in args.sizes:
        mentions, secs = run(size)
        per.append(secs / mentions)
        print(f"{mentions:9d} {secs:8.2f} {mentions / secs:11.0f} {1e6 * secs / mentions:11.1f}")
    if len(per) > 1:
        print(f"cost per mention, largest/smallest size: {per[-1] / per[0]:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
