"""Benchmark ``kg network`` on a synthetic store (run on demand, not by the test suite).

    .venv/bin/python bench/network.py                      # 20,000 events, 50,000 people
    .venv/bin/python bench/network.py --events 2000 --people 5000 --store /tmp/kg-bench-small

The synthetic world: ``--regions`` regencies, each with its own people and agencies, plus national
agencies. Each event happens in one region; most participants come from that region, popular
officials more often (a Zipf-like draw), a few from elsewhere, so the network has communities,
hubs and brokers like the real one. Events are dated 2019-2025 (one in twenty by month only, one in
fifty undated).

Every person takes part in at least one event. The store is built once with ``COPY FROM`` CSV
(the fastest load of a fresh store, ENGINE.md) into the tables kg creates from schema/, and reused
when it exists. Then ``kg network --format json`` runs in a child
process, timed, with its peak resident memory (ru_maxrss of the child), and a second child times
the phases (read the graph, degree, betweenness, Louvain, naming).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EXTRACTOR = "bench/1"


def synthetic_rows(events: int, people: int, orgs: int, regions: int, seed: int):
    """Rows of the synthetic world: ``(nodes, rels)`` where nodes maps a label to property dicts and
    rels maps ``(type, source label, target label)`` to dicts with ``from``, ``to`` and properties."""
    rng = random.Random(seed)
    region_names = [f"Kabupaten Sintetis {i:03d}" for i in range(regions)]
    national = max(1, orgs // 10)
    org_region = [None if i < national else i % regions for i in range(orgs)]
    by_region: dict[int, list[int]] = {r: list(range(r, people, regions)) for r in range(regions)}
    orgs_in: dict[int, list[int]] = {r: [o for o in range(orgs) if org_region[o] == r] for r in range(regions)}
    popularity = {r: [1.0 / (k + 1) ** 0.9 for k in range(len(ps))] for r, ps in by_region.items()}
    cursor = dict.fromkeys(range(regions), 0)  # walks each region's people so that everyone takes part
    report = "report:bench-0"
    evidence = {"report": report, "sentence": "Kalimat bukti.", "span_start": 0, "span_end": 14,
                "extractor": EXTRACTOR, "confidence": 0.9}
    nodes = {
        "Report": [{"id": report, "name": "bench-0", "sha256": "0" * 64, "extractor": EXTRACTOR}],
        "Place": [{"id": f"place:region-{r:03d}", "name": n, "kind": "regency"} for r, n in enumerate(region_names)],
        "Person": [{"id": f"person:bench-{p:06d}", "name": f"Pejabat {p}"} for p in range(people)],
        "Organization": [{"id": f"org:bench-{o:05d}", "name": f"Dinas {o}", "kind": "dinas",
                          "jurisdiction": None if r is None else region_names[r]}
                         for o, r in enumerate(org_region)],
        "Event": [],
    }
    rels: dict[tuple[str, str, str], list[dict]] = {k: [] for k in (
        ("HELD_AT", "Event", "Place"), ("ATTENDED", "Person", "Event"), ("ATTENDED", "Organization", "Event"),
        ("ORGANIZED", "Organization", "Event"))}
    for e in range(events):
        region = rng.randrange(regions)
        year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
        roll = rng.random()
        date = None if roll < 0.02 else f"{year}-{month:02d}" if roll < 0.07 else f"{year}-{month:02d}-{day:02d}"
        eid = f"event:bench-{e:06d}"
        nodes["Event"].append({"id": eid, "name": f"Rapat Koordinasi {e}", "kind": "rapat koordinasi", "date": date})
        rels["HELD_AT", "Event", "Place"].append({"from": eid, "to": f"place:region-{region:03d}", **evidence})
        local = by_region[region]
        size = min(len(local), 1 + int(rng.expovariate(1 / 4)))
        chosen = set(rng.choices(local, popularity[region], k=size))
        for _ in range(3):
            chosen.add(local[cursor[region] % len(local)])
            cursor[region] += 1
        if rng.random() < 0.3:
            chosen.add(rng.randrange(people))
        for p in sorted(chosen):
            role = rng.choice(("opened", "spoke", "attended", "attended"))
            rels["ATTENDED", "Person", "Event"].append({"from": f"person:bench-{p:06d}", "to": eid, **evidence,
                                                        "role": role})
        hosts = rng.sample(orgs_in[region], k=min(len(orgs_in[region]), rng.randint(1, 3)))
        if rng.random() < 0.2:
            hosts.append(rng.randrange(national))
        for i, o in enumerate(dict.fromkeys(hosts)):
            row = {"from": f"org:bench-{o:05d}", "to": eid, **evidence}
            if i == 0:
                rels["ORGANIZED", "Organization", "Event"].append(row)
            else:
                rels["ATTENDED", "Organization", "Event"].append({**row, "role": "attended"})
    return nodes, rels


def build(store_dir: Path, args) -> None:
    """A fresh store loaded with COPY FROM CSV (ENGINE.md: ~200k rows/s; insert only)."""
    import csv
    import tempfile

    import ladybug

    from kg.store.ladybug import LadybugStore

    started = time.perf_counter()
    nodes, rels = synthetic_rows(args.events, args.people, args.orgs, args.regions, args.seed)
    LadybugStore(store_dir).close()  # creates the tables from schema/
    db = ladybug.Database(str(store_dir / "graph.lbdb"))
    conn = ladybug.Connection(db)

    def columns(table: str) -> list[str]:
        result = conn.execute(f"CALL table_info('{table}') RETURN *")
        names = []
        while result.has_next():
            names.append(result.get_next()[1])
        return names

    with tempfile.TemporaryDirectory() as tmp:
        def copy(table: str, header: list[str], rows: list[dict], options: str = "") -> None:
            path = Path(tmp) / f"{table}-{len(list(Path(tmp).iterdir()))}.csv"
            with open(path, "w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow(header)
                writer.writerows([["" if row.get(c) is None else row[c] for c in header] for row in rows])
            conn.execute(f"COPY {table} FROM '{path}' (header=true{options})")

        for label, rows in nodes.items():
            copy(label, columns(label), rows)
        for (rtype, src, dst), rows in rels.items():
            copy(rtype, ["from", "to", *columns(rtype)], rows, f", from='{src}', to='{dst}'")
    conn.close()
    db.close()
    took = time.perf_counter() - started
    n_rels = sum(map(len, rels.values()))
    print(f"built {store_dir} in {took:.1f} s: {len(nodes['Person']):,} people, {len(nodes['Organization']):,} "
          f"organisations, {len(nodes['Event']):,} events, {n_rels:,} relationships "
          f"({len(rels['ATTENDED', 'Person', 'Event']):,} people's ATTENDED)")


def phases(store_dir: str, kind: str) -> None:
    """Time each step in this process (run as a child)."""
    from kg.network import betweenness, communities, coordination_graph, describe_communities, measure
    from kg.store.ladybug import LadybugStore

    out = {}
    t = time.perf_counter()
    with LadybugStore(store_dir, read_only=True) as store:
        G = coordination_graph(store, kind=kind)
    out["read graph"] = time.perf_counter() - t
    for name, step in (("degree + weighted degree", lambda: (measure(G, "degree"), measure(G, "weighted_degree"))),
                       ("betweenness (estimated)", lambda: betweenness(G)),
                       ("Louvain communities", lambda: communities(G))):
        t = time.perf_counter()
        result = step()
        out[name] = time.perf_counter() - t
    t = time.perf_counter()
    describe_communities(G, result)
    out["naming communities"] = time.perf_counter() - t
    out["_size"] = f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges, {len(result):,} communities"
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", default="/tmp/kg-bench-network")
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--orgs", type=int, default=2_000)
    parser.add_argument("--regions", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kind", default="both")
    parser.add_argument("--phases-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    store_dir = Path(args.store)
    if args.phases_child:
        phases(str(store_dir), args.kind)
        return
    if not (store_dir / "graph.lbdb").exists():
        build(store_dir, args)
    else:
        print(f"reusing {store_dir} (delete it to rebuild)")

    cmd = [sys.executable, "-m", "kg", "network", "--store", str(store_dir), "--kind", args.kind, "--format", "json"]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    took = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if done.returncode:
        sys.exit(f"kg network failed: {done.stderr}")
    summary = json.loads(done.stdout)
    g = summary["graph"]
    print(f"kg network --kind {args.kind}: {took:.1f} s wall, peak RSS {peak_mib:,.0f} MiB; "
          f"{g['nodes']:,} actors, {g['edges']:,} ties, {g['events']:,} events, {g['communities']:,} communities, "
          f"betweenness {g['betweenness']}")
    child = subprocess.run([sys.executable, __file__, "--store", str(store_dir), "--kind", args.kind, "--phases-child"],
                           cwd=ROOT, capture_output=True, text=True)
    if child.returncode:
        sys.exit(f"phase timing failed: {child.stderr}")
    for name, value in json.loads(child.stdout).items():
        print(f"  {name.lstrip('_')}: {value:.1f} s" if isinstance(value, float) else f"  {value}")


if __name__ == "__main__":
    main()
