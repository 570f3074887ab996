"""Instructions per report of the extractor, counted by valgrind's callgrind (not timed).

    .venv/bin/python bench/extract_instructions.py [CORPUS_DIR] [--rounds 4]

Counts are repeatable on a loaded machine, unlike seconds: it runs the corpus once and ``rounds``
times under ``valgrind --tool=callgrind`` and prints (count(rounds) - count(1)) / ((rounds - 1) x
reports). Each round starts with the extractor's word and name caches cleared (as in
bench/extract.py), so a round costs what new reports cost. Needs valgrind (Debian's package). Not part of the test suite.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from kg.extract import clear_caches, extract
from kg.model import Report
rs = [Report(id="report:" + p.stem, name=p.stem, path=str(p), text=p.read_text(encoding="utf-8"), sha256="x")
      for p in sorted(Path({corpus!r}).glob("*.txt"))]
for _ in range({rounds}):
    clear_caches()
    for r in rs:
        extract(r)
"""


def _count(corpus: Path, rounds: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(CHILD.format(root=str(ROOT), corpus=str(corpus), rounds=rounds))
        out = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out",
                              sys.executable, str(script)], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": "0"})
        m = re.search(r"Collected : (\d+)", out.stderr)
        if out.returncode != 0 or m is None:
            raise SystemExit(f"valgrind failed: {out.stderr[-500:]}")
        return int(m.group(1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    n = len(list(args.corpus.glob("*.txt")))
    if n == 0 or args.rounds < 2:
        print(f"need *.txt reports in {args.corpus} and --rounds >= 2", file=sys.stderr)
        return 2
    one, many = _count(args.corpus, 1), _count(args.corpus, args.rounds)
    per = (many - one) / ((args.rounds - 1) * n)
    print(f"{per / 1e6:.2f} M instructions per report ({n} reports x {args.rounds - 1} extra rounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
