"""Read reports from .txt, .md, .html and .jsonl files and from directories (recursively).

Bad input never stops a batch: :func:`read_paths` yields a :class:`kg.errors.InputError` in place
of each report that cannot be read, and the caller counts it and goes on.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import InputError
from kg.model import Report, Source

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
DEFAULT_MAX_BYTES = 5_000_000
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


def max_bytes_default() -> int:
    return int(os.environ.get("KG_MAX_BYTES", DEFAULT_MAX_BYTES))


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: the readable part of every node id.

    >>> slug("Dinas Pemberdayaan Masyarakat, Perempuan & Anak (DPMPPA)")
    'dinas-pemberdayaan-masyarakat-perempuan-anak-dpmppa'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", text))


def report_id(name: str, sha256: str) -> str:
    """Stable id from the source name and the content hash."""
    return f"report:{slug(name) or 'report'}-{sha256[:12]}"


def make_report(name: str, path: str, text: str, source: Source = Source()) -> Report:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Report(report_id(name, sha), name, path, text, sha, source)


def decode(data: bytes, path: str) -> str:
    """Text from bytes: UTF-8, else cp1252, else latin-1; binary and empty input are refused."""
    if not data.strip():
        raise InputError(path, "empty file")
    head = data[:8192]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) * 0.05:
        raise InputError(path, "binary file, not a text report")
    for enc in ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError(path, "not decodable as UTF-8, cp1252 or latin-1")  # pragma: no cover


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """The report files under the given paths, in sorted order; annotation files are skipped."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for f in sorted(p for p in path.rglob("*") if p.is_file()):
                if f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    yield f
        else:
            yield path


def read_paths(paths: Iterable[str | os.PathLike], max_bytes: int | None = None
               ) -> Iterator[Report | InputError]:
    """Every report under ``paths``, or an InputError for each one that cannot be read."""
    limit = max_bytes_default() if max_bytes is None else max_bytes
    for path in iter_files(paths):
        try:
            yield from read_file(path, limit)
        except InputError as exc:
            yield exc


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Report | InputError]:
    """The reports in one file (one, or one per JSONL line)."""
    where = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(where, f"cannot read: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise InputError(where, f"too large ({size:,} bytes; the limit is {max_bytes:,}, see --max-bytes)")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(where, f"unsupported file type {suffix or '(none)'!r}; kg reads {', '.join(sorted(SUFFIXES))}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(where, f"cannot read: {exc.strerror or exc}") from exc
    text = decode(data, where)
    if suffix == ".jsonl":
        yield from _read_jsonl(path, text)
    elif suffix in (".html", ".htm"):
        from kg.html import html_report  # selectolax is only needed for HTML
        yield html_report(path, text)
    elif suffix in (".md", ".markdown"):
        title = next((line.lstrip("#").strip() for line in text.splitlines() if line.startswith("# ")), None)
        yield make_report(path.stem, where, text, Source(title=title))
    else:
        yield make_report(path.stem, where, text)


def _read_jsonl(path: Path, text: str) -> Iterator[Report | InputError]:
    good = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        body = record.get("text") if isinstance(record, dict) else None
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, 'no "text" field with the report')
            continue
        name = str(record.get("id") or record.get("name") or f"{path.stem}-{lineno}")
        source = Source(url=_str(record.get("url")), outlet=_str(record.get("outlet")),
                        title=_str(record.get("title")), published=_date(record.get("published")))
        good += 1
        yield make_report(name, f"{path}#{lineno}", body, source)
    if not good and not text.strip():
        yield InputError(str(path), "empty file")


def _str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def _date(value: object) -> str | None:
    """The YYYY-MM-DD part of a date or timestamp, when there is one."""
    m = re.match(r"\d{4}-\d{2}-\d{2}", str(value or "").strip())
    return m.group(0) if m else None
