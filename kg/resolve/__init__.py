"""Give every extracted entity the canonical id of the graph node it denotes.

Resolution runs report by report against a :class:`ResolutionIndex` of known nodes (filled from
the store at the start of an ingest, then grown), so new reports resolve against what is already
there, and ingesting a corpus in two runs gives the same nodes as in one.

Rules, per type (each merge records its reason on the entity, kept on MENTIONED_IN):
- Place: administrative regions by their canonical region key ("Sulteng" = "Provinsi Sulawesi
  Tengah"); venues by squashed name within the report's region.
- Organization, Office, Programme, FundingSource: squashed name with known full forms replaced by
  acronyms ("Dinas Kesehatan" = "Dinkes"), within the entity's scope (its jurisdiction; empty for
  national bodies, which merge everywhere); then close token overlap.
- Person: normalised name tokens (titles, degrees, spelling variants folded) within the scope of
  the post they hold, else the report's region, so namesakes in different regions stay apart;
  a partial name ("Ridwan" for "A. Ridwan") merges only when one candidate fits, or the post
  decides.
- Event: same scope and same date with overlapping theme, venue or organiser, or nearly the same
  name: the same meeting reported by two outlets is one event.
"""
from __future__ import annotations

from kg.model import Entity, Extraction
from kg.readers import slug
from kg.resolve.index import SCOPE_SEP, Candidate, ResolutionIndex, name_key
from kg.resolve.keys import (acronym_match, content_tokens, dice, person_similarity, person_tokens, region_key,
                             split_region_suffix)
from kg.resolve.scope import entity_scopes, named_regions
from kg.schema import load_schema

ORDER = {"Place": 0, "Organization": 1, "Office": 2, "Programme": 3, "FundingSource": 4, "Person": 5,
         "Event": 6}
FUZZY = {"Organization": 0.85, "Office": 0.85, "Programme": 0.7, "FundingSource": 0.85, "Place": 0.9}
MAX_SLUG = 80


def canonical_id(etype: str, name: str, scope: str = "", date: str | None = None) -> str:
    """A new node id: ``<prefix>:<slug of name>[-<date>][--<scope>]``.

    >>> canonical_id("Person", "Noverintiwi Dewanti", "kota-jambi")
    'person:noverintiwi-dewanti--kota-jambi'
    >>> canonical_id("Organization", "Dinas Kesehatan Kabupaten Pemalang", "kabupaten-pemalang")
    'org:dinas-kesehatan--kabupaten-pemalang'
    """
    prefix = load_schema().node(etype).prefix
    base = name
    if scope and etype != "Person":
        head, region = split_region_suffix(name)
        if region == scope and head:
            base = head
    local = slug(base)[:MAX_SLUG].strip("-") or "unnamed"
    if date:
        local += f"-{date}"
    return f"{prefix}:{local}{SCOPE_SEP + scope if scope else ''}"


class Resolver:
    """Resolves extractions one after another, remembering every node it has seen."""

    def __init__(self, index: ResolutionIndex | None = None):
        self.index = index or ResolutionIndex()

    @classmethod
    def for_store(cls, store) -> "Resolver":
        return cls(ResolutionIndex.from_store(store))

    def resolve(self, extraction: Extraction) -> Extraction:
        scopes = entity_scopes(extraction)
        context = named_regions(extraction, bodies=False)  # places: see named_regions
        ents = sorted(extraction.entities, key=lambda e: ORDER.get(e.type, 9))
        done: dict[str, str] = {}
        for ent in ents:
            scope = scopes.get(ent.id, "")
            links = self._links(ent, extraction, done)
            cid, reason = self._match(ent, scope, links, context)
            if cid is None:
                year = ent.props.get("year") if ent.type == "FundingSource" else None
                cid = canonical_id(ent.type, ent.name, scope, str(year) if year else None)
                if ent.type == "Event" and cid in self.index.by_id and not self._same_event_ok(ent, cid):
                    cid = canonical_id(ent.type, ent.name, scope, ent.props.get("date"))
                reason = "same id" if cid in self.index.by_id else "new node"
            ent.canonical_id, ent.resolution = cid, reason
            done[ent.id] = cid
            self.index.add(cid, ent.type, ent.name, list(ent.aliases), ent.props.get("date"), links,
                           ent.props.get("year"))
        return extraction

    # -- context ------------------------------------------------------------------------------
    @staticmethod
    def _links(ent: Entity, extraction: Extraction, done: dict[str, str]) -> set[str]:
        """Resolved neighbours that identify an entity: an event's venue and organisers, a person's posts."""
        if ent.type == "Event":
            out = {done.get(r.o) for r in extraction.relations if r.s == ent.id and r.p == "HELD_AT"}
            out |= {done.get(r.s) for r in extraction.relations if r.o == ent.id and r.p == "ORGANIZED"}
        elif ent.type == "Person":
            out = {done.get(r.o) for r in extraction.relations if r.s == ent.id and r.p == "HOLDS"}
        else:
            return set()
        return {x for x in out if x}

    def _same_event_ok(self, ent: Entity, cid: str) -> bool:
        known = self.index.by_id[cid].date
        return not known or not ent.props.get("date") or known == ent.props.get("date")

    # -- matching -----------------------------------------------------------------------------
    def _match(self, ent: Entity, scope: str, links: set[str], context: frozenset[str] = frozenset()
               ) -> tuple[str | None, str]:
        forms = [ent.name, *ent.aliases]
        if ent.type == "Place":
            for form in forms:
                key = region_key(form, context)
                if key:
                    return f"place:{key}", f"administrative region {key} (from {form!r})"
        if ent.type == "Person":
            return self._match_person(ent, scope, links)
        if ent.type == "Event":
            return self._match_event(ent, scope, links)
        for form in forms:
            hit = self.index.by_squash.get((ent.type, scope, name_key(ent.type, form)))
            if hit and (ent.type != "FundingSource" or self.index.by_id[hit].year == ent.props.get("year")):
                return hit, f"same name or acronym as {self.index.by_id[hit].name!r} ({form!r})"
        tokens = content_tokens(ent.name)
        year = ent.props.get("year")
        best: tuple[float, Candidate | None, str] = (0.0, None, "")
        for cand in self.index.block(ent.type, scope):
            if ent.type == "Office" and tokens[:1] != cand.tokens[:1]:
                continue  # another role in the same body: Kepala / Sekretaris, Wakil Wali Kota / Wali Kota
            if ent.type == "FundingSource" and year != cand.year:
                continue  # a budget line is one per year
            if acronym_match(tokens, cand.tokens):
                return cand.id, f"acronym of {cand.name!r}"
            overlap = dice(tokens, cand.tokens)
            if overlap >= FUZZY.get(ent.type, 0.9) and overlap > best[0]:
                best = (overlap, cand, f"similar name to {cand.name!r} (overlap {overlap:.2f})")
        return (best[1].id, best[2]) if best[1] else (None, "")

    def _match_person(self, ent: Entity, scope: str, links: set[str]) -> tuple[str | None, str]:
        forms = [person_tokens(f) for f in [ent.name, *ent.aliases]]
        forms = [f for f in forms if f]
        scored: list[tuple[float, str, Candidate]] = []
        for cand in self.index.block("Person", scope):
            score, why = max((person_similarity(f, g) for f in forms for g in cand.persons),
                             default=(0.0, ""), key=lambda x: x[0])
            if score >= 0.8:
                scored.append((score, why, cand))
        if not scored:
            return None, ""
        scored.sort(key=lambda x: -x[0])
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            by_post = [s for s in scored if s[2].links & links]
            if len(by_post) != 1:
                return None, ""  # ambiguous: two known people fit this name equally well
            scored = by_post
        score, why, cand = scored[0]
        where = f" in {scope}" if scope else ""
        return cand.id, f"{why}: {cand.name!r}{where}"

    def _match_event(self, ent: Entity, scope: str, links: set[str]) -> tuple[str | None, str]:
        tokens = content_tokens(ent.name)
        date = ent.props.get("date")
        best: tuple[float, Candidate | None, str] = (0.0, None, "")
        for cand in self.index.block("Event", scope):
            overlap = dice(tokens, cand.tokens)
            shared = {x for x in links & cand.links if not x.startswith("place:") or SCOPE_SEP in x}
            if date and cand.date == date and (overlap >= 0.5 or (shared and overlap >= 0.15)):
                why = f"same date {date} and " + ("venue/organiser" if shared else f"theme (overlap {overlap:.2f})")
                score = 1 + overlap
            elif overlap >= 0.8 and (not date or not cand.date or date == cand.date):
                why, score = f"nearly the same name (overlap {overlap:.2f})", overlap
            else:
                continue
            if score > best[0]:
                best = (score, cand, why)
        if best[1] is None:
            return None, ""
        return best[1].id, f"{best[2]}: {best[1].name!r}"


__all__ = ["Resolver", "ResolutionIndex", "canonical_id"]
