"""Readers: every supported format, stable ids, and bad input reported per file."""
from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.model import Report
from kg.readers import read_paths, report_id

STORY = "Rapat Koordinasi\n\nMARTAPURA – Sekda Banjar membuka rapat koordinasi, Rabu (16/10).\n"


def _read(*paths, **kw):
    items = list(read_paths(paths, **kw))
    return [i for i in items if isinstance(i, Report)], [i for i in items if isinstance(i, InputError)]


def test_txt_report_has_stable_id_from_name_and_content(tmp_path):
    (tmp_path / "rakor.txt").write_text(STORY, encoding="utf-8")
    (first,), _ = _read(tmp_path / "rakor.txt")
    (again,), _ = _read(tmp_path / "rakor.txt")
    assert first.id == again.id == report_id("rakor", first.sha256)
    assert first.name == "rakor" and first.text == STORY
    (tmp_path / "rakor.txt").write_text(STORY + "Tambahan.\n", encoding="utf-8")
    (changed,), _ = _read(tmp_path / "rakor.txt")
    assert changed.id != first.id


def test_crlf_is_normalised_so_offsets_are_stable(tmp_path):
    (tmp_path / "a.txt").write_bytes(STORY.replace("\n", "\r\n").encode())
    (rep,), _ = _read(tmp_path / "a.txt")
    assert rep.text == STORY


def test_markdown_title(tmp_path):
    (tmp_path / "b.md").write_text("# Rembuk Stunting Banjar\n\nIsi berita.\n", encoding="utf-8")
    (rep,), _ = _read(tmp_path / "b.md")
    assert rep.source.title == "Rembuk Stunting Banjar"


def test_html_keeps_only_visible_article_text(tmp_path):
    html = """<html><head><title>Judul</title>
    <meta property="og:title" content="Sosialisasi TPPO di Banjar">
    <meta property="og:site_name" content="Kalsel News">
    <meta property="article:published_time" content="2024-10-16T09:00:00+08:00">
    <link rel="canonical" href="https://contoh.id/tppo"><script>var tracking = 'Bupati Palsu';</script></head>
    <body><nav>Beranda Politik Bupati Menu</nav><header>Kalsel News</header>
    <article><h1>Sosialisasi TPPO di Banjar</h1><p>MARTAPURA – Kepala DP3A membuka sosialisasi.</p>
    <p>Kegiatan dihadiri camat.</p></article>
    <aside>Berita Terkait: Gubernur Meresmikan Jembatan</aside><footer>&copy; 2024 Kalsel News</footer>
    </body></html>"""
    (tmp_path / "c.html").write_text(html, encoding="utf-8")
    (rep,), _ = _read(tmp_path / "c.html")
    assert "Kepala DP3A membuka sosialisasi." in rep.text and "Kegiatan dihadiri camat." in rep.text
    for hidden in ("tracking", "Beranda", "Gubernur Meresmikan", "©"):
        assert hidden not in rep.text
    assert rep.source.title == "Sosialisasi TPPO di Banjar"
    assert rep.source.published == "2024-10-16"
    assert rep.source.outlet == "Kalsel News" and rep.source.url == "https://contoh.id/tppo"


def test_jsonl_one_report_per_line_and_bad_lines_reported(tmp_path):
    lines = [json.dumps({"id": "r1", "text": "Rapat pertama.", "url": "https://a.id/1", "published": "2024-01-02"}),
             "{not json",
             json.dumps({"title": "tanpa teks"}),
             "",
             json.dumps({"text": "Rapat kedua."})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    reports, errors = _read(tmp_path / "batch.jsonl")
    assert [r.name for r in reports] == ["r1", "batch-5"]
    assert reports[0].source.published == "2024-01-02" and reports[0].path.endswith("batch.jsonl#1")
    assert [e.path.rsplit(":", 1)[1] for e in errors] == ["2", "3"]
    assert "not valid JSON" in errors[0].problem and '"text"' in errors[1].problem


def test_directories_are_read_recursively_and_annotations_skipped(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("Satu.", encoding="utf-8")
    (tmp_path / "y.md").write_text("Dua.", encoding="utf-8")
    (tmp_path / "y.gold.json").write_text("{}", encoding="utf-8")
    reports, errors = _read(tmp_path)
    assert sorted(r.name for r in reports) == ["x", "y"] and not errors


@pytest.mark.parametrize("content, problem", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
])
def test_bad_files_are_named_with_their_problem(tmp_path, content, problem):
    (tmp_path / "bad.txt").write_bytes(content)
    reports, (error,) = _read(tmp_path / "bad.txt")
    assert not reports and error.path.endswith("bad.txt") and problem in error.problem
    assert str(error) == f"{error.path}: {error.problem}"


def test_cp1252_is_decoded(tmp_path):
    (tmp_path / "win.txt").write_bytes("Rapat di Café “Latoratima” – Sigi".encode("cp1252"))
    (rep,), errors = _read(tmp_path / "win.txt")
    assert rep.text == "Rapat di Café “Latoratima” – Sigi" and not errors


def test_size_limit(tmp_path):
    (tmp_path / "big.txt").write_text("a" * 2000, encoding="utf-8")
    _, (error,) = _read(tmp_path / "big.txt", max_bytes=1000)
    assert "too large" in error.problem and "2,000" in error.problem


def test_missing_and_unsupported_files(tmp_path):
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4")
    _, errors = _read(tmp_path / "nope.txt", tmp_path / "doc.pdf")
    assert "cannot read" in errors[0].problem and "unsupported file type '.pdf'" in errors[1].problem
