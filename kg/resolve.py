"""Give every extracted entity the canonical id of the graph node it denotes.

First version: ids are derived from a normalised key of the entity's type and name, so the same
surface form resolves to the same node in every report and every run. (Issue 6 extends this with
context-aware, store-aware matching.)
"""
from __future__ import annotations

from kg.model import Extraction
from kg.readers import slug
from kg.schema import load_schema


def canonical_id(etype: str, name: str) -> str:
    """Deterministic node id: ``<prefix>:<slug of name>``.

    >>> canonical_id("Person", "Noverintiwi Dewanti")
    'person:noverintiwi-dewanti'
    """
    return f"{load_schema().node(etype).prefix}:{slug(name) or 'unnamed'}"


class Resolver:
    """Resolves extractions one after another; later issues add state (the store's nodes)."""

    def resolve(self, extraction: Extraction) -> Extraction:
        for ent in extraction.entities:
            ent.canonical_id = canonical_id(ent.type, ent.name)
        return extraction
