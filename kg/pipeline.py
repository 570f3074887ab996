"""read → clean → extract → resolve → load, one report at a time, one transaction per report."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Iterable

from kg.errors import InputError, KGError, StoreUnavailable
from kg.extract import extract
from kg.graph import to_batch
from kg.model import Extraction, Report
from kg.readers import read_paths
from kg.resolve import Resolver
from kg.store.base import Store

Progress = Callable[[str, str], None]  # (report path, status) after each report


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    skipped: int = 0
    replaced: int = 0
    failed: int = 0
    nodes_created: int = 0
    nodes_updated: int = 0
    rels_written: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"reports: {self.read} read, {self.skipped} skipped (unchanged), {self.failed} failed"
                f"{f', {self.replaced} replaced' if self.replaced else ''}; "
                f"nodes: {self.nodes_created} created, {self.nodes_updated} updated; "
                f"relationships: {self.rels_written} written")


def _fail(summary: IngestSummary, where: str, problem: str, progress: Progress | None) -> None:
    summary.failed += 1
    summary.failures.append(f"{where}: {problem}")
    if progress:
        progress(where, "failed")


def ingest(paths: Iterable[str | os.PathLike], store: Store, *, max_bytes: int | None = None,
           resolver: Resolver | None = None, progress: Progress | None = None) -> IngestSummary:
    """Extract every report under ``paths`` and load it into ``store``.

    Idempotent and incremental: a report whose content is already stored is skipped; a report
    whose source path is stored with other content replaces it. Each report is written in one
    transaction, so a failure leaves nothing half-written; failures are collected, not raised,
    except :class:`StoreUnavailable` (the store went away), which stops the batch.
    """
    resolver = resolver or Resolver.for_store(store)
    summary = IngestSummary()
    for item in read_paths(paths, max_bytes):
        if isinstance(item, InputError):
            _fail(summary, item.path, item.problem, progress)
            continue
        summary.read += 1
        same, at_path = store.find_report(item.sha256, item.path)
        if same is not None:
            summary.skipped += 1
            if progress:
                progress(item.path, "skipped")
            continue
        try:
            extraction = resolver.resolve(extract(item))
            stats = store.write_report(to_batch(extraction), replaces=at_path.id if at_path else None)
        except StoreUnavailable:
            raise  # every later report would fail the same way; what was written stays written
        except KGError as exc:
            _fail(summary, item.path, str(exc), progress)
            continue
        except Exception as exc:  # an extractor or engine bug must not stop the batch
            _fail(summary, item.path, f"{type(exc).__name__}: {exc}", progress)
            continue
        summary.replaced += at_path is not None
        summary.nodes_created += stats.nodes_created
        summary.nodes_updated += stats.nodes_updated
        summary.rels_written += stats.rels_written
        if progress:
            progress(item.path, "loaded")
    return summary


def extract_paths(paths: Iterable[str | os.PathLike], *, max_bytes: int | None = None,
                  resolver: Resolver | None = None) -> tuple[list[Extraction], list[str]]:
    """Extractions of every readable report (resolved together), and one line per failure."""
    resolver = resolver or Resolver()
    done: list[Extraction] = []
    failures: list[str] = []
    for item in read_paths(paths, max_bytes):
        if isinstance(item, InputError):
            failures.append(str(item))
            continue
        try:
            done.append(resolver.resolve(extract(item)))
        except Exception as exc:  # noqa: BLE001 - reported per report, the batch goes on
            failures.append(f"{item.path}: {type(exc).__name__}: {exc}")
    return done, failures


def reports(paths: Iterable[str | os.PathLike], max_bytes: int | None = None) -> list[Report]:
    return [r for r in read_paths(paths, max_bytes) if isinstance(r, Report)]
