"""Rule-based extractor: a Report in, an Extraction out (see /work/shared/eval/FORMAT.md)."""
from __future__ import annotations

from kg.model import Extraction, Report

EXTRACTOR = "kg-rules/0.1.0"


def extract(report: Report) -> Extraction:
    """Extract entities and relations from one report. Pure; never raises."""
    return Extraction(report=report, entities=[], relations=[], extractor=EXTRACTOR,
                      source=report.source)


__all__ = ["extract", "EXTRACTOR"]
