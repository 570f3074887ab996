"""Per-report misses and false alarms against the gold, by relation type.

    python tools/misses.py ../shared/corpus PRED.json [--type POST_IN] [--fp] [--ents]

PRED.json is what `kg extract ... --format json` prints; the gold folder holds NAME.txt and
NAME.gold.json. Entities are aligned the way ../shared/eval/score.py aligns them.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
import score as S  # noqa: E402  (../shared/eval/score.py: the scorer's own alignment)

ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("pred"); ap.add_argument("--type"); ap.add_argument("--fp", action="store_true")
ap.add_argument("--ents", action="store_true", help="entity misses instead of relations")
a = ap.parse_args()
preds = S.load_predictions(Path(a.pred))
for gp in sorted(Path(a.gold).glob("*.gold.json")):
    name = gp.name[:-len(".gold.json")]
    gold = json.loads(gp.read_text())
    text = (Path(a.gold) / f"{name}.txt").read_text()
    pred = preds.get(name, {"entities": [], "relations": []})
    m = S.align(pred, gold, text)          # pred id -> gold id
    gname = {e["id"]: f'{e["type"][:3]}:{e["name"]}' for e in gold["entities"]}
    pname = {e["id"]: f'{e["type"][:3]}:{e["name"]}' for e in pred["entities"]}
    out = []
    if a.ents:
        matched = set(m.values())
        for e in gold["entities"]:
            if e["id"] not in matched and (not a.type or e["type"] == a.type):
                out.append(f"  MISS {gname[e['id']]}  {e.get('aliases', [])[:3]}")
        if a.fp:
            for e in pred["entities"]:
                if e["id"] not in m and (not a.type or e["type"] == a.type):
                    out.append(f"  FP   {pname[e['id']]}  {e.get('aliases', [])[:3]}")
    else:
        gset = {(r["s"], r["p"], r["o"]) for r in gold["relations"]}
        pset = {(m.get(r["s"], "?" + r["s"]), r["p"], m.get(r["o"], "?" + r["o"])) for r in pred["relations"]}
        inv = {}
        for r in pred["relations"]:
            inv[(m.get(r["s"], "?" + r["s"]), r["p"], m.get(r["o"], "?" + r["o"]))] = r
        for s, p, o in sorted(gset - pset, key=lambda x: (x[1], gname.get(x[0], x[0]), gname.get(x[2], x[2]))):
            if not a.type or p == a.type:
                out.append(f"  MISS {gname.get(s, s)} -{p}-> {gname.get(o, o)}")
        if a.fp:
            for s, p, o in sorted(pset - gset, key=lambda x: (x[1], str(x[0]), str(x[2]))):
                if not a.type or p == a.type:
                    r = inv[(s, p, o)]
                    sn = gname.get(s) or pname.get(r["s"]); on = gname.get(o) or pname.get(r["o"])
                    out.append(f"  FP   {sn} -{p}-> {on}   | {r.get('sentence', '')[:100]!r}")
    if out:
        print(name); print("\n".join(out))
