"""Known nodes, blocked by (label, scope), to resolve new mentions against.

The index is filled from a store (every node already there) and grows as reports are resolved,
so reports ingested in two runs resolve exactly as if ingested in one. Lookups only compare a
mention with the candidates of its own block, never with all nodes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.graph import preferred_name
from kg.resolve.keys import content_tokens, person_tokens, region_key, split_region_suffix, squash_name

SCOPE_SEP = "--"


def name_key(label: str, form: str) -> str:
    """The exact-match key of a surface form: region key, or squashed name without its region."""
    if label == "Place":
        key = region_key(form)
        if key:
            return key
    if label == "Person":
        return " ".join(person_tokens(form))
    return squash_name(split_region_suffix(form)[0])


def scope_of_id(node_id: str) -> str:
    """The scope encoded in a node id: ``person:a-ridwan--kota-jambi`` → ``kota-jambi``."""
    local = node_id.split(":", 1)[-1]
    return local.rsplit(SCOPE_SEP, 1)[1] if SCOPE_SEP in local else ""


@dataclass(slots=True)
class Candidate:
    id: str
    label: str
    name: str
    squashed: set[str] = field(default_factory=set)     # squashed forms of name and aliases
    persons: list[list[str]] = field(default_factory=list)  # person token lists of name and aliases
    tokens: list[str] = field(default_factory=list)     # content tokens of the name
    date: str | None = None
    links: set[str] = field(default_factory=set)        # venues and organisers (events), posts (persons)
    year: int | None = None                             # funding sources

    def add_form(self, form: str) -> None:
        self.squashed.add(squash_name(form))
        if self.label == "Person":
            toks = person_tokens(form)
            if toks and toks not in self.persons:
                self.persons.append(toks)


@dataclass(slots=True)
class ResolutionIndex:
    blocks: dict[tuple[str, str], list[Candidate]] = field(default_factory=dict)
    by_id: dict[str, Candidate] = field(default_factory=dict)
    by_squash: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (label, scope, squashed) → id

    def block(self, label: str, scope: str) -> list[Candidate]:
        return self.blocks.get((label, scope), [])

    def add(self, node_id: str, label: str, name: str, forms: list[str] = (), date: str | None = None,
            links: set[str] | None = None, year: int | None = None) -> Candidate:
        """Add a node (or more forms and links of a known one)."""
        cand = self.by_id.get(node_id)
        if cand is None:
            cand = Candidate(node_id, label, name, tokens=content_tokens(name), date=date or None, year=year)
            self.by_id[node_id] = cand
            self.blocks.setdefault((label, scope_of_id(node_id)), []).append(cand)
        elif preferred_name(cand.name, name) != cand.name:
            # the same name the store will show, so a run resumed from the store matches alike
            cand.name, cand.tokens = name, content_tokens(name)
        scope = scope_of_id(node_id)
        for form in [name, *forms]:
            if form:
                cand.add_form(form)
                self.by_squash.setdefault((label, scope, name_key(label, form)), node_id)
        if links:
            cand.links |= links
        if date and not cand.date:
            cand.date = date
        return cand

    @classmethod
    def from_store(cls, store) -> "ResolutionIndex":
        """Every entity node of a store, with its aliases, dates and event links."""
        index = cls()
        links: dict[str, set[str]] = {}
        for rtype in ("HELD_AT", "ORGANIZED", "HOLDS"):  # an event's venue and organisers, a person's posts
            for rel in store.relationships(rtype):
                node = rel["dst"] if rtype == "ORGANIZED" else rel["src"]
                other = rel["src"] if rtype == "ORGANIZED" else rel["dst"]
                links.setdefault(node, set()).add(other)
        for label in store.schema.entity_labels:
            for node in store.nodes(label):
                index.add(node["id"], label, node.get("name") or "", node.get("aliases") or [],
                          node.get("date"), links.get(node["id"]), node.get("year"))
        return index
