"""Turn resolved extractions into rows for a graph store: nodes keyed by canonical id,
relationships keyed by (type, source, target, report) and carrying their evidence."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.model import Extraction
from kg.schema import Schema, load_schema


@dataclass(slots=True)
class NodeRow:
    label: str
    id: str
    props: dict[str, Any]


@dataclass(slots=True)
class RelRow:
    type: str
    src_label: str
    src: str
    dst_label: str
    dst: str
    props: dict[str, Any]  # evidence (report, sentence, span_start, span_end, extractor, confidence) + own


@dataclass(slots=True)
class GraphBatch:
    """Everything one report adds to the graph; written in one transaction."""

    report_id: str
    nodes: list[NodeRow] = field(default_factory=list)
    rels: list[RelRow] = field(default_factory=list)


def _clean_props(schema: Schema, label: str, props: dict[str, Any]) -> dict[str, Any]:
    declared = schema.node(label).properties
    out = {}
    for key, value in props.items():
        if key in declared and value not in (None, "", [], ()):
            out[key] = list(value) if declared[key].type == "string[]" else value
    return out


def report_node(extraction: Extraction) -> NodeRow:
    rep = extraction.report
    src = extraction.source or rep.source
    props = {"name": rep.name, "path": rep.path, "sha256": rep.sha256, "title": src.title,
             "url": src.url, "outlet": src.outlet, "published": src.published,
             "reporter": src.reporter, "editor": src.editor, "extractor": extraction.extractor}
    return NodeRow("Report", rep.id, {k: v for k, v in props.items() if v is not None})


def to_batch(extraction: Extraction, schema: Schema | None = None) -> GraphBatch:
    """Rows for one report. Entities must carry ``canonical_id`` (see kg.resolve).

    Several local entities may share a canonical id (a report naming one official twice); their
    aliases are united and their relationships collapse onto one edge per (type, ends, report).
    """
    schema = schema or load_schema()
    rep = extraction.report
    batch = GraphBatch(rep.id)
    batch.nodes.append(report_node(extraction))
    canon: dict[str, tuple[str, str]] = {}
    merged: dict[str, NodeRow] = {}
    surfaces: dict[str, list[str]] = {}
    first_mention: dict[str, Any] = {}
    reasons: dict[str, list[str]] = {}
    for ent in extraction.entities:
        cid = ent.canonical_id
        if not cid:
            raise ValueError(f"{rep.name}: entity {ent.id} has no canonical_id")
        canon[ent.id] = (ent.type, cid)
        props = _clean_props(schema, ent.type, {"name": ent.name, "aliases": ent.aliases, **ent.props})
        row = merged.get(cid)
        forms = [ent.name, *ent.aliases]
        if row is None:
            merged[cid] = NodeRow(ent.type, cid, props)
            surfaces[cid] = []
        else:
            for key, value in props.items():
                row.props.setdefault(key, value)
            row.props["name"] = preferred_name(row.props["name"], ent.name)
            row.props["aliases"] = sorted({*row.props.get("aliases", []), *forms} - {row.props["name"]})
        surfaces[cid].extend(f for f in forms if f not in surfaces[cid])
        if ent.resolution and ent.resolution not in reasons.setdefault(cid, []):
            reasons[cid].append(ent.resolution)
        if ent.mentions and cid not in first_mention:
            first_mention[cid] = ent.mentions[0]
    batch.nodes.extend(merged.values())

    def evidence(ev, confidence=None) -> dict[str, Any]:
        return {"report": rep.id, "sentence": ev.sentence, "span_start": ev.start, "span_end": ev.end,
                "extractor": extraction.extractor,
                "confidence": float(ev.confidence if confidence is None else confidence)}

    for cid, row in merged.items():
        ev = first_mention.get(cid)
        props = evidence(ev) if ev else {"report": rep.id, "sentence": "", "span_start": 0, "span_end": 0,
                                        "extractor": extraction.extractor, "confidence": 1.0}
        props["surface"] = surfaces[cid]
        props["resolution"] = "; ".join(reasons.get(cid, []))
        batch.rels.append(RelRow("MENTIONED_IN", row.label, cid, "Report", rep.id, props))

    seen: dict[tuple[str, str, str], RelRow] = {}
    rank = {"opened": 4, "spoke": 3, "represented": 2, "attended": 1}
    for rel in extraction.relations:
        (s_label, s_id), (o_label, o_id) = canon[rel.s], canon[rel.o]
        if s_id == o_id or not schema.rel(rel.p).allows(s_label, o_label):
            continue
        props = evidence(rel.evidence)
        if rel.p == "ATTENDED":
            props["role"] = rel.role or "attended"
        key = (rel.p, s_id, o_id)
        old = seen.get(key)
        if old is None:
            seen[key] = RelRow(rel.p, s_label, s_id, o_label, o_id, props)
        elif rel.p == "ATTENDED" and rank[props["role"]] > rank[old.props["role"]]:
            old.props["role"] = props["role"]  # keep the strongest part a participant played
    batch.rels.extend(seen.values())
    return batch


def preferred_name(*names: str | None) -> str | None:
    """The name a node shows: the longest form seen, ties broken alphabetically.

    Independent of the order forms arrive in, so a corpus ingested in two runs names its nodes
    as when ingested in one.
    """
    seen = [n for n in names if n]
    return max(seen, key=lambda n: (len(n), [-ord(c) for c in n])) if seen else None


def _typed(value: Any, ptype: str) -> Any:
    """Values as the column type wants them (empty lists, not nulls, for list columns)."""
    if ptype == "string[]":
        return list(value or [])
    if value is None:
        return None
    if ptype == "int":
        return int(value)
    if ptype == "float":
        return float(value)
    return str(value) if ptype in ("string", "date") else value


def merge_props(old: dict[str, Any], new: dict[str, Any], declared: dict[str, Any]) -> dict[str, Any]:
    """Merge a stored node with a newly seen one, independently of the order they arrive in.

    The name is the longest form seen (ties: alphabetical), aliases are the sorted union of every
    form seen but the name, list properties are united, and other properties keep the stored
    value unless it was empty.
    """
    out = {}
    name = preferred_name(old.get("name"), new.get("name"))
    names = [n for n in (old.get("name"), new.get("name")) if n]
    for prop, spec in declared.items():
        a, b = old.get(prop), new.get(prop)
        if prop == "name":
            out[prop] = name
        elif prop == "aliases":
            out[prop] = sorted({*(a or []), *(b or []), *names} - {name})
        elif spec.type == "string[]":
            out[prop] = sorted({*(a or []), *(b or [])})
        else:
            out[prop] = _typed(a if a not in (None, "") else b, spec.type)
    return out
