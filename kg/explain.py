"""Why a node is what it is: the surface forms it was built from, and why each was merged."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.errors import UsageError
from kg.schema import load_schema


@dataclass(slots=True)
class Explanation:
    id: str
    label: str
    properties: dict[str, Any]
    mentions: list[dict[str, Any]] = field(default_factory=list)  # one per report


def label_of(node_id: str) -> str:
    """The label whose id prefix the node id carries (``person:…`` → Person)."""
    prefix = node_id.split(":", 1)[0]
    for label, node in load_schema().nodes.items():
        if node.prefix == prefix:
            return label
    raise UsageError(f"{node_id!r} is not a kg node id (ids look like person:…, org:…, event:…)")


def explain(store, node_id: str) -> Explanation:
    """The node's properties and, per report that mentions it, the forms used and the merge reason."""
    label = label_of(node_id)
    found = list(store.nodes(label, [node_id]))
    if not found:
        raise UsageError(f"no {label} with id {node_id!r} in the store")
    result = store.query(
        f"MATCH (n:{label} {{id: $id}})-[m:MENTIONED_IN]->(r:Report) "
        "RETURN r.name AS report, r.published AS published, m.surface AS surface, "
        "m.resolution AS resolution, m.sentence AS sentence ORDER BY r.published, r.name",
        {"id": node_id})
    return Explanation(node_id, label, found[0], result.records())
