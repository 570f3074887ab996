"""Vocabularies for the rule-based extractor, loaded once from the data files beside this module.

The data files are plain YAML/TSV so that a domain expert can extend them without touching code:

- ``regions.tsv``       all provinces, regencies and cities of Indonesia
- ``places.yaml``       province/region short forms, venue and district words
- ``organizations.yaml`` agency acronyms and their full forms, organisation head words
- ``posts.yaml``        post (jabatan) words, abbreviations, acting prefixes
- ``persons.yaml``      honorifics, ranks and degrees
- ``events.yaml``       event words and kinds
- ``funding.yaml``      budget lines and funds

:func:`lexicon` returns the cached :class:`Lexicon`; nothing here does I/O after the first call.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


_NOT_ALNUM = re.compile(r"[^0-9a-z]")


@lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """Lower-case ``text`` and drop everything but letters and digits ("S. STP" -> "sstp").

    Cached: the extractor squashes the same short words (tokens, acronyms) over and over."""
    return _NOT_ALNUM.sub("", text.lower())


_KIND_WORD = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota", "district": "Kecamatan"}


@dataclass(frozen=True, slots=True)
class Region:
    """An administrative area: province, regency (kabupaten) or city (kota); a district (kecamatan) only
    where a post or government names one (districts are not in the region list)."""

    kind: str          # province | regency | city | district
    name: str          # bare name: "Jambi", "Ogan Komering Ulu Selatan"
    province: str = ""
    capital: str = ""

    @property
    def full(self) -> str:
        """The written-out name: "Kota Jambi", "Kabupaten Sigi", "Provinsi Sulawesi Tengah"."""
        return f"{_KIND_WORD[self.kind]} {self.name}"


@dataclass(slots=True)
class Lexicon:
    """All vocabularies, indexed for fast lookup."""

    regions: dict[str, list[Region]] = field(default_factory=dict)       # surface -> candidates
    capitals: dict[str, Region] = field(default_factory=dict)            # capital town -> regency
    org_acronyms: dict[str, dict[str, Any]] = field(default_factory=dict)  # squashed surface -> info
    org_full: dict[str, str] = field(default_factory=dict)               # squashed full -> acronym
    # first word of a full name -> {full name: acronym}: "Sekretariat" -> {"Sekretariat Daerah": "Setda",
    # "Sekretariat Daerah Kabupaten": "Setdakab", ...} (the first acronym listed for a full name)
    org_shorts: dict[str, dict[str, str]] = field(default_factory=dict)
    not_orgs: set[str] = field(default_factory=set)                      # squashed
    org_heads: list[str] = field(default_factory=list)
    org_named: list[str] = field(default_factory=list)
    roles: dict[str, dict[str, Any]] = field(default_factory=dict)       # role words -> info
    post_abbrev: dict[str, dict[str, Any]] = field(default_factory=dict)  # surface -> info
    acting: dict[str, tuple[str, str]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)                      # squashed honorifics
    ranks: set[str] = field(default_factory=set)                         # squashed ranks/corps
    degrees: set[str] = field(default_factory=set)                       # squashed degrees
    event_kinds: dict[str, str] = field(default_factory=dict)
    verb_events: dict[str, str] = field(default_factory=dict)            # verb -> event noun
    funding: dict[str, dict[str, Any]] = field(default_factory=dict)
    venue_heads: list[str] = field(default_factory=list)
    venue_buildings: list[str] = field(default_factory=list)
    room_heads: list[str] = field(default_factory=list)
    district_words: list[str] = field(default_factory=list)
    village_words: list[str] = field(default_factory=list)


def _yaml(name: str) -> Any:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


def _load_regions(lex: Lexicon) -> None:
    for line in (HERE / "regions.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, province, aliases, capital = (line.split("\t") + ["", "", "", ""])[:5]
        region = Region(kind, name, province, capital)
        for surface in [name] + [a for a in aliases.split("|") if a]:
            lex.regions.setdefault(surface, []).append(region)
        if capital and kind == "regency" and capital != name:
            lex.capitals.setdefault(capital, region)
    places = _yaml("places.yaml")
    by_name = {r.name: r for rs in lex.regions.values() for r in rs if r.kind == "province"}
    for full, shorts in places["province_short"].items():
        region = by_name.get(full) or Region("province", full)
        for surface in shorts or []:
            lex.regions.setdefault(surface, []).insert(0, region)
    for short, (kind, name) in places["region_short"].items():
        lex.regions.setdefault(short, []).insert(0, Region(kind, name, ""))
    lex.venue_heads = places["venue_heads"]
    lex.venue_buildings = places["venue_buildings"]
    lex.room_heads = places["room_heads"]
    lex.district_words = places["district_words"]
    lex.village_words = places["village_words"]


@cache
def lexicon() -> Lexicon:
    """Load every vocabulary (once) and return the shared :class:`Lexicon`."""
    lex = Lexicon()
    _load_regions(lex)
    orgs = _yaml("organizations.yaml")
    for surface, info in orgs["acronyms"].items():
        info = dict(info, surface=surface)
        lex.org_acronyms[squash(surface)] = info
        lex.org_full.setdefault(squash(info["full"]), surface)
        lex.org_shorts.setdefault(info["full"].split(" ", 1)[0], {}).setdefault(info["full"], surface)
    lex.not_orgs = {squash(s) for s in orgs["not_orgs"]}
    lex.org_heads = orgs["heads"]
    lex.org_named = orgs["named"]
    posts = _yaml("posts.yaml")
    lex.roles = {k: (v or {}) for k, v in posts["roles"].items()}
    lex.post_abbrev = posts["abbrev"]
    lex.acting = {k: tuple(v) for k, v in posts["acting"].items()}
    persons = _yaml("persons.yaml")
    lex.prefixes = {squash(p) for p in persons["prefixes"]}
    lex.ranks = {squash(p) for p in persons["ranks"]}
    lex.degrees = {squash(p) for p in persons["degrees"]}
    events = _yaml("events.yaml")
    lex.event_kinds = events["kinds"]
    lex.verb_events = events.get("verb_events") or {}
    lex.funding = _yaml("funding.yaml")["sources"]
    return lex


__all__ = ["Lexicon", "Region", "lexicon", "squash"]
