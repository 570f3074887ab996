"""Typed data passed between pipeline stages: read → clean → extract → resolve → load.

Extractors are pure: a :class:`Report` (with its cleaned text) in, an :class:`Extraction` out.
Every :class:`Relation` carries its :class:`Evidence` (sentence, character span into the
*original* report text, confidence); the extractor version rides on the :class:`Extraction`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES = ("Person", "Organization", "Office", "Event", "Place", "Programme", "FundingSource")
RELATION_TYPES = ("HOLDS", "POST_IN", "PART_OF", "ORGANIZED", "ATTENDED", "REPRESENTED", "HELD_AT",
                  "FUNDED_BY", "PROVIDED_BY", "MEMBER_OF", "LOCATED_IN")
ATTENDANCE_ROLES = ("opened", "spoke", "attended", "represented")


@dataclass(frozen=True, slots=True)
class Source:
    """Metadata about where a report came from. Reporter and editor are never graph persons."""

    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD
    reporter: str | None = None
    editor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None
                or k in ("url", "outlet", "title", "published")}


@dataclass(frozen=True, slots=True)
class Report:
    """One report as read: its original text and where it came from.

    ``id`` is stable: derived from the source name and the content hash (see kg.readers).
    """

    id: str
    name: str          # the input file's stem (or the JSONL record's id)
    path: str          # source path; "file.jsonl#3" for the third line of a JSONL file
    text: str
    sha256: str
    source: Source = Source()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: the sentence and a [start, end) span in the original text.

    For a relation the span is the sentence's own; for an entity mention it is the mention's,
    inside ``sentence``.
    """

    sentence: str
    start: int
    end: int
    confidence: float = 1.0


@dataclass(slots=True)
class Entity:
    """An entity as one report mentions it.

    ``id`` is local to the report ("e1"); ``canonical_id`` is the graph node it resolves to.
    ``props`` holds the schema properties of its type beyond name and aliases
    (honorific_prefix, role, acting, acronym, kind, jurisdiction, date, date_warning, ...).
    ``mentions`` are the spans where the report names it (first one first).
    """

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)
    mentions: list[Evidence] = field(default_factory=list)
    canonical_id: str | None = None
    resolution: str | None = None  # why it was resolved to canonical_id (kg.resolve)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type, "name": self.name,
                               "aliases": list(self.aliases)}
        if self.type == "Event":
            out["date"] = self.props.get("date")
        for key, value in self.props.items():
            if key not in out and value not in (None, "", [], ()):
                out[key] = value
        if self.canonical_id:
            out["canonical_id"] = self.canonical_id
        if self.resolution:
            out["resolution"] = self.resolution
        return out


@dataclass(slots=True)
class Relation:
    """A typed, directed fact between two entities of one report, with its evidence."""

    s: str
    p: str
    o: str
    evidence: Evidence
    role: str | None = None  # ATTENDED only: one of ATTENDANCE_ROLES

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"s": self.s, "p": self.p, "o": self.o}
        if self.role:
            out["role"] = self.role
        out.update(sentence=self.evidence.sentence, span=[self.evidence.start, self.evidence.end],
                   confidence=round(self.evidence.confidence, 3))
        return out


@dataclass(slots=True)
class Extraction:
    """Everything one extractor read from one report (FORMAT.md shape via :meth:`to_dict`)."""

    report: Report
    entities: list[Entity]
    relations: list[Relation]
    extractor: str  # "name/version"
    source: Source | None = None  # metadata found in the text (byline, title) merged over report.source

    def entity(self, local_id: str) -> Entity:
        for e in self.entities:
            if e.id == local_id:
                return e
        raise KeyError(local_id)

    def to_dict(self) -> dict[str, Any]:
        src = self.source or self.report.source
        return {"report": self.report.name, "source": src.to_dict(), "extractor": self.extractor,
                "entities": [e.to_dict() for e in self.entities],
                "relations": [r.to_dict() for r in self.relations]}
