"""``kg view`` pages drawn by a real headless Chromium (Debian's package, no Python browser driver).

Runs when /usr/bin/chromium exists. Where it does not, the test installs it with apt-get only when
KG_INSTALL_BROWSER=1 (as CI does), and is skipped otherwise. The screenshot is kept in
test-artifacts/ at the repository root.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.queries import run_query
from kg.view import result_subgraph, write_page

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1280,900", "--virtual-time-budget=5000"]


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("KG_INSTALL_BROWSER") != "1":
            pytest.skip(f"headless Chromium not found at {CHROMIUM}; install Debian's chromium package, "
                        "or set KG_INSTALL_BROWSER=1 to let the test install it")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]):
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
            assert done.returncode == 0, f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}"
    return CHROMIUM


@pytest.mark.browser
def test_page_draws_in_headless_chromium(chromium, small_store, tmp_path):
    result = run_query(small_store, "who_coordinated_with_whom", {"limit": 10})
    G = result_subgraph(small_store, result.rows, connect=True)
    page = tmp_path / "view.html"
    write_page(G, page, "Who coordinated with whom", "test page")
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "kg-view-who-coordinated.png"
    screenshot.unlink(missing_ok=True)
    done = subprocess.run([str(chromium), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                           f"--screenshot={screenshot}", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    body = re.search(r"<body([^>]*)>", dom).group(1)
    attrs = dict(re.findall(r'data-kg-([a-z]+)="([^"]*)"', body))
    assert attrs.get("status") == "drawn", f"the page did not finish drawing: {body}"
    assert int(attrs["nodes"]) == G.number_of_nodes() and int(attrs["edges"]) == G.number_of_edges()
    assert int(attrs["pixels"]) > 2000, "the canvas is (nearly) blank"
    captions = re.search(r'<ul id="kg-captions"[^>]*>(.*?)</ul>', dom, re.S).group(1)
    drawn = set(re.findall(r"<li[^>]*>([^<]*)</li>", captions))
    assert {"A. Ridwan", "Noverintiwi Dewanti", "Sri Purwaningsih", "Kepolisian Resor Kota Jambi",
            "Rapat Koordinasi Gugus Tugas TPPO Kota Jambi"} <= drawn
    assert len(drawn) == len({name for _, name in G.nodes(data="name")})
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000
    shutil.copy(page, ARTIFACTS / "kg-view-who-coordinated.html")


@pytest.mark.browser
def test_details_panel_shows_properties_and_evidence(chromium, small_store, tmp_path):
    G = result_subgraph(small_store, [["A. Ridwan"]])
    ridwan = next(iter(G))
    page = tmp_path / "one.html"
    write_page(G, page, "One person")
    done = subprocess.run([str(chromium), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                           f"{page.as_uri()}#node={ridwan}"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    panel = re.search(r'<aside id="kg-details">(.*?)</aside>', done.stdout, re.S).group(1)
    assert "<h2>A. Ridwan</h2>" in panel and f"<td>{ridwan}</td>" in panel
    assert "<blockquote>A. Ridwan</blockquote><small>report:fixture-a-" in panel  # where a report names him
