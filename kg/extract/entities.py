"""The report's entity table: mentions merged into entities, with names and aliases."""
from __future__ import annotations

import re
from dataclasses import fields
from functools import lru_cache

from kg.extract.mentions import Mention, evidence
from kg.model import Entity

_NORM = re.compile(r"[^0-9a-z]+")
EMPTY = (None, "", [], ())   # property values that say nothing
# how the key of an acting post's name starts (document.ACTING_FULL: "Pelaksana Tugas", "Penjabat",
# "Pelaksana Harian")
_ACTING_KEYS = ("pelaksana", "penjabat")


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Comparison key of a name: lower case, letters and digits only, single-spaced."""
    low = text.lower()
    # most names are ASCII words and single spaces ("Dinas Sosial Kota Serang"): the regex would replace
    # each single space by itself, so stripping is all it does (tests/test_speed_h2_keys.py)
    if low.isascii() and "  " not in low and low.replace(" ", "").isalnum():
        return low.strip()
    return _NORM.sub(" ", low).strip()


@lru_cache(maxsize=65536)
def _tidy(form: str) -> str:
    """A surface form single-spaced, without surrounding punctuation (cached: forms recur)."""
    return " ".join(form.split()).strip(" ,.;:")


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """The key of a body's name: a company is the same with or without its legal form ("PT Bank Jateng",
    "Bank Jateng", "PT. Bank Jateng Tbk")."""
    k = key(name)
    if k.startswith("pt ") or k.endswith(" tbk"):
        k = k.removeprefix("pt ").removesuffix(" tbk") or k
    return k


def _ekey(etype: str, name: str) -> tuple[str, str]:
    """The registry key of a name (:func:`key`; :func:`org_key` for a body)."""
    return etype, org_key(name) if etype == "Organization" else key(name)


# An Entity made by setting its slots (as Entity(eid, etype, name) would, with its defaults): the
# dataclass __init__ is a Python call of its own, with a default factory for each list and dict
_NEW = object.__new__
assert tuple(f.name for f in fields(Entity)) == ("id", "type", "name", "aliases", "props", "mentions",
                                                "canonical_id", "resolution")


class Registry:
    """Entities of one report, keyed by type and normalised name."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, str], Entity] = {}
        self.rank: dict[str, int] = {}
        # the Organization entities, in order (an entity keeps its type: only funds become programmes)
        self.orgs: list[Entity] = []
        # set once an Office key naming an acting post ("Penjabat ...", "Pelaksana Tugas ...") is made:
        # until then no post can have an acting twin (Doc.office)
        self.acting = False

    def get(self, etype: str, name: str) -> Entity | None:
        # (_ekey written out: get and add run once a mention or more)
        return self.by_key.get((etype, org_key(name) if etype == "Organization" else key(name)))

    def add(self, etype: str, name: str, surface: str | None = None, mention: Mention | None = None,
            props: dict | None = None, aliases: list[str] | None = None) -> Entity:
        """Register (or find) the entity ``etype``/``name``; record the surface form and mention span."""
        k = (etype, org_key(name) if etype == "Organization" else key(name))   # (_ekey)
        ent = self.by_key.get(k)
        if ent is None:
            ent = _NEW(Entity)   # Entity(f"e{len(self.entities) + 1}", etype, name)
            ent.id = f"e{len(self.entities) + 1}"
            ent.type = etype
            ent.name = name
            ent.aliases = []
            ent.props = {}
            ent.mentions = []
            ent.canonical_id = ent.resolution = None
            self.entities.append(ent)
            self.by_key[k] = ent
            if etype == "Organization":
                self.orgs.append(ent)
            elif etype == "Office" and k[1].startswith(_ACTING_KEYS):
                self.acting = True
        if props:
            eprops = ent.props
            for p, v in props.items():
                if (v or v not in EMPTY) and not eprops.get(p):   # (a true value is not empty)
                    eprops[p] = v
        if surface:   # (alias() does nothing without one)
            self.alias(ent, surface)
        if aliases:
            for form in (tuple(aliases) if aliases is ent.aliases else aliases):   # (a copy of ours: it grows)
                self.alias(ent, form)
        if mention is not None:
            start, end = mention.start, mention.end
            if start < end:
                for m in ent.mentions:
                    if m.start == start and m.end == end:
                        break
                else:
                    ent.mentions.append(evidence(self.text[start:end], start, end, 1.0))
                mention.entity = ent.id
        return ent

    def alias(self, ent: Entity, form: str | None) -> None:
        """Add ``form`` to the aliases of ``ent`` unless it is the name or already there."""
        if not form:
            return
        form = _tidy(form)
        if form and form != ent.name and len(form) < 160 and form not in ent.aliases:
            ent.aliases.append(form)

    def link_key(self, etype: str, alias_name: str, ent: Entity) -> None:
        """Make ``alias_name`` find ``ent`` too."""
        k = _ekey(etype, alias_name)
        self.by_key.setdefault(k, ent)
        if etype == "Office" and k[1].startswith(_ACTING_KEYS):
            self.acting = True
