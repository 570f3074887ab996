"""The jurisdiction ("scope") an entity belongs to, used to keep namesakes apart.

Two people called Ridwan, or two "Dinas Kesehatan", are one node only within one scope. The
scope of an entity is the region its own name carries ("... Kabupaten Pemalang"), else the
jurisdiction of the post or body it is tied to in the report, else the report's main region.
National bodies (ministries, national agencies) and the people holding national posts have the
empty scope: they are the same everywhere.
"""
from __future__ import annotations

from collections import Counter

from kg.model import Extraction
from kg.lexicon import lexicon
from kg.resolve.keys import ascii_tokens, context_with_provinces, region_key, split_region_suffix

NATIONAL_MARKERS = ("kementerian", "kemen", "menteri", "nasional", "republik indonesia", "polri", "bkkbn",
                    "presiden", "deputi", "direktur jenderal", "dirjen", "mahkamah agung", "kejaksaan agung",
                    "komnas", "lpsk", "kpai", "bnpt", "ri")
GENERIC_PLACES = {"province": 2, "regency": 1, "city": 0}


def is_national(name: str) -> bool:
    """True for bodies and posts of the national government (no region in the name)."""
    if split_region_suffix(name)[1]:
        return False
    toks = ascii_tokens(name)
    text = " ".join(toks)
    return any((f" {m} " in f" {text} ") for m in NATIONAL_MARKERS) or (toks[:1] == ["kemen"])


EXPLICIT = ("kota", "kabupaten", "kab.", "provinsi", "prov.")


def named_regions(extraction: Extraction, bodies: bool = True) -> frozenset[str]:
    """Region keys the report fixes: places named with their kind ("Kota Jambi"), places that
    exist under one name only ("Kalsel", "Martapura" is not one: it is a town), and the provinces
    all of them lie in. Bare names that several regions share are read in this context.

    ``bodies``: also the regions written out inside body and post names ("Pemerintah Kabupaten
    Banjar"). They settle a bare name after a body ("Polsek Banjar"), but not a bare place name:
    a dateline or "di Kupang" names the town even when a report is about the regency's agency."""
    keys = set()
    for e in extraction.entities:
        texts = [e.name] if e.type == "Place" else []
        if bodies and e.props.get("jurisdiction"):
            texts.append(e.props["jurisdiction"])
        if bodies and e.type in ("Organization", "Office"):  # "Pemerintah Kabupaten Banjar": the words after a kind word
            words = e.name.split()
            texts += [" ".join(words[i:]) for i, w in enumerate(words[1:], 1) if w.lower() in EXPLICIT]
        for text in texts:
            key = region_key(text)
            if key and (text.split()[0].lower() in EXPLICIT or len(lexicon().regions.get(text.strip(), [])) == 1):
                keys.add(key)
    return context_with_provinces(keys)


def report_region(extraction: Extraction, context: frozenset[str] = frozenset()) -> str:
    """The report's main region: the most mentioned administrative place, most specific on ties."""
    counts: Counter[str] = Counter()
    for ent in extraction.entities:
        if ent.type == "Place":
            key = region_key(ent.name, context)
            if key:
                counts[key] += max(1, len(ent.mentions))
    if not counts:
        for ent in extraction.entities:  # regions carried by body names: "Dinkes Kota Serang"
            if ent.type in ("Organization", "Office"):
                key = split_region_suffix(ent.name, context)[1]
                if key:
                    counts[key] += 1
    if not counts:
        return ""
    rank = {"kota": 0, "kabupaten": 1, "provinsi": 2}
    return max(counts, key=lambda k: (counts[k], -rank.get(k.split("-")[0], 3), k))


def entity_scopes(extraction: Extraction) -> dict[str, str]:
    """Scope of every entity of the report, by local id."""
    context = named_regions(extraction)
    places_context = named_regions(extraction, bodies=False)
    default = report_region(extraction, places_context)
    ents = {e.id: e for e in extraction.entities}
    own: dict[str, str | None] = {}
    for ent in extraction.entities:
        if ent.type == "Place":
            own[ent.id] = region_key(ent.name, places_context) or split_region_suffix(ent.name, context)[1]
        elif ent.type == "Person":
            own[ent.id] = None
        else:
            juris = ent.props.get("jurisdiction")
            key = (region_key(juris, context) if juris else None) or split_region_suffix(ent.name, context)[1]
            if key is None and ent.type in ("Organization", "Office") and is_national(ent.name):
                key = ""
            own[ent.id] = key
    # borrow a scope along the report's own relations: post → body, person → post / body
    links = {"POST_IN": ("s", "o"), "HOLDS": ("o", "s"), "MEMBER_OF": ("o", "s"), "PART_OF": ("o", "s"),
             "PROVIDED_BY": ("o", "s")}
    for _ in range(2):
        for rel in extraction.relations:
            if rel.p not in links or rel.s not in ents or rel.o not in ents:
                continue
            src_attr, dst_attr = links[rel.p]
            src, dst = getattr(rel, src_attr), getattr(rel, dst_attr)
            if own.get(dst) is None and own.get(src) is not None:
                own[dst] = own[src]
    scopes = {}
    for ent in extraction.entities:
        scope = own.get(ent.id)
        if ent.type == "Place" and region_key(ent.name, places_context):
            scope = ""  # a region is its own key; it needs no scope
        elif scope is None:
            scope = default
        scopes[ent.id] = scope
    return scopes
