"""Organisations: regional governments, dinas/badan, police and prosecutors, ministries, teams, NGOs.

A mention is read as core [ "(" ACRONYM ")" ] [ region ] [ "RI" ], where the core is a
"Pemerintah Kota X" / "Pemkot X" form, a known acronym (DPMPPA, Polres, KPU), or a head word
(Dinas, Badan, Kementerian, Yayasan, Forum...) followed by the capitalised words of the name.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from kg.extract.mentions import Mention, skip_paren, slice_text
from kg.extract.places import ROMAN, parse_region
from kg.extract.text import Tok
from kg.extract.vocab import Vocab, match, match_loose
from kg.lexicon import Region

GOV_NAMES = {"city": "Pemerintah Kota", "regency": "Pemerintah Kabupaten", "province": "Pemerintah Provinsi",
             "district": "Pemerintah Kecamatan"}
_ACRONYM = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Z0-9][A-Za-z0-9\-]{1,11}$")
# Bodies named with the bare region ("Kepolisian Resor Sanggau", "Kejaksaan Tinggi Jawa Timur").
BARE_REGION_KINDS = {"police", "military"}
_START = attrgetter("start")


def gov_org(level: str, region: Region | None, start: int, end: int, surface: str) -> Mention:
    """The regional government of ``region`` ("Pemerintah Kabupaten Pemalang")."""
    name = GOV_NAMES.get(level, "Pemerintah Daerah")
    if region is not None:
        name = f"{name} {region.name}"
    m = Mention("Organization", start, end, surface, name, {"kind": "government"}, region=region, level=level)
    if region is not None:
        m.props["jurisdiction"] = region.full
    return m


def is_acronym(tok: Tok, V: Vocab) -> bool:
    """An all-capitals (or digit-bearing) short token that may abbreviate a body (not a rank: "Satreskrim
    IPDA Nurman" is the unit and then an officer)."""
    t = tok.text
    sq = V.squash(t)
    return (tok.kind == "W" and bool(_ACRONYM.match(t)) and sq not in V.not_orgs
            and sq not in V.degrees and sq not in V.ranks and t not in V.lex.regions)


def with_region(name: str, region: Region | None, kind: str, scope: str | None = None) -> str:
    """Append the jurisdiction the way government names are written."""
    if region is None:
        return name
    last = name.rsplit(" ", 1)[-1]
    if last in ("Provinsi", "Kabupaten", "Kota") and region.kind in ("province", "regency", "city"):
        return f"{name} {region.name}"
    if kind in BARE_REGION_KINDS or scope == "province" or region.kind == "province" and kind == "prosecutor":
        return f"{name} {region.name}"
    return f"{name} {region.full}"


def _tail(V: Vocab, text: str, toks: list[Tok], j: int, m: Mention, regional: bool = True) -> int:
    """Read the optional "(ACR)", region and "RI" after an organisation core; update ``m``."""
    n = len(toks)
    for _ in range(2):
        if j + 2 < n and toks[j].low in {"kabupaten", "kab", "kota", "provinsi"} and toks[j + 1].text == "/":
            # "Dinas Sosial Kabupaten/Kota", "TPID (TPID) kabupaten/kota se-Sulsel": every such office
            m.props["acronym_region_ok"] = False
            return j + 3
        if _:
            break
        k, inner = skip_paren(toks, j, 3) if j < n and toks[j].text == "(" else (j, None)
        if inner and k > j and (inner.replace(" ", "").replace("-", "").isalnum()) and \
                any(c.isupper() for c in inner):
            m.props["acronym"] = inner
            j = k
    if regional and j + 1 < n and toks[j].low == "daerah" and parse_region(V, text, toks, j + 1):
        j += 1
    if regional and j < n:
        r = parse_region(V, text, toks, j)
        if r is not None:
            m.region = r.region
            m.props["region_mention"] = r
            j = _index_after(toks, j, r.end)
            if j < n and toks[j].text == "(":   # (skip_paren moves only from a "(")
                k, inner = skip_paren(toks, j, 2)   # "Kalimantan Barat (Kalbar)"
                if inner and V.lex.regions.get(inner):
                    j = k
    if j < n and toks[j].text in ("RI", "Indonesia") and toks[j].cap:
        m.props["national"] = True
        j += 1
    return j


def _index_after(toks: list[Tok], j: int, end: int) -> int:
    """The first index from ``j`` on whose token starts at or after ``end``: token starts increase,
    so a binary search finds it (the span may be long: an event runs up to 28 words)."""
    if j < 0:
        while j < len(toks) and toks[j].start < end:
            j += 1
        return j
    return bisect_left(toks, end, j, len(toks), key=_START)


def parse_org(V: Vocab, text: str, toks: list[Tok], i: int, doc_acr: dict | None = None) -> Mention | None:
    """An organisation starting at token ``i`` (see the module doc), or None."""
    n = len(toks)
    if i >= n or toks[i].kind != "W" or not toks[i].cap:
        return None
    t = toks[i]
    if t.low not in V.org_starts and not (t.upper or (not t.text.isalpha() and any(c.isdigit() for c in t.text))):
        return None
    # Regional government: "Pemerintah Kota (Pemkot) Jambi", "Pemkab Pemalang", "Pemerintah Provinsi".
    if t.low in {"pemerintah", "pemkot", "pemko", "pemkab", "pemprov", "pemda", "pemdaprov"}:   # (a set: one lookup)
        return _parse_gov(V, text, toks, i)
    # (each table is matched only where its first word stands: match() would say no elsewhere)
    low = t.low
    m = match(toks, i, V.org_named) if low in V.org_named else None
    if m:
        j = m[0]
        return Mention("Organization", t.start, toks[j - 1].end, slice_text(text, toks, i, j),
                       slice_text(text, toks, i, j), {"kind": "ngo"})
    m = match(toks, i, V.org_acr) if low in V.org_acr else None
    if m and m[0] - i > 1:
        return _parse_acronym(V, text, toks, i, m[0], m[1])
    head = match(toks, i, V.org_heads) if low in V.org_heads else None
    if head:
        return _parse_headed(V, text, toks, i, head[0], doc_acr)
    if m:
        return _parse_acronym(V, text, toks, i, m[0], m[1])
    if doc_acr and t.text in doc_acr and is_acronym(t, V):
        info = doc_acr[t.text]
        j = i + 1
        org = Mention("Organization", t.start, t.end, t.text, info["full"], {"acronym": t.text,
                      "kind": info.get("kind", "")})
        j = _tail(V, text, toks, j, org)
        _finish(org, text, toks, i, j, info["full"], info.get("kind", ""))
        return org
    if is_acronym(t, V) and i + 1 < n:
        # unknown acronym: an organisation when a region keyword or a known body follows
        kw = match(toks, i + 1, V.region_kw, need_cap=False)
        nxt_acr = match(toks, i + 1, V.org_acr)
        if (kw and parse_region(V, text, toks, i + 1)) or (nxt_acr and nxt_acr[1].get("kind") in ("police",
                                                                                                  "military")):
            j = i + 1
            org = Mention("Organization", t.start, t.end, t.text, t.text, {"acronym": t.text})
            if kw:
                j = _tail(V, text, toks, j, org)
                _finish(org, text, toks, i, j, t.text, "")
            else:
                m2 = match(toks, i + 1, V.org_acr)
                j = m2[0]
                j = _tail(V, text, toks, j, org)
                org.start, org.end = t.start, toks[j - 1].end
                org.surface = org.name = slice_text(text, toks, i, j)
            return org
    return None


def _finish(org: Mention, text: str, toks: list[Tok], i: int, j: int, core: str, kind: str,
            scope: str | None = None) -> None:
    org.end = toks[j - 1].end
    org.surface = slice_text(text, toks, i, j)
    org.name = with_region(core, org.region, kind, scope)
    rm = org.props.get("region_mention")
    if kind in ("ngo", "company", "university", "forum") and rm is not None and not rm.props.get("explicit_kind"):
        org.name = f"{core} {rm.surface}"   # "Yayasan ... Orang Kito Jambi": the place is part of its name
        org.props["own_name"] = True
    if kind:
        org.props["kind"] = kind
    if org.region is not None:
        org.props["jurisdiction"] = org.region.full


def _parse_gov(V: Vocab, text: str, toks: list[Tok], i: int) -> Mention | None:
    n = len(toks)
    t = toks[i]
    j = i + 1
    level = {"pemkot": "city", "pemko": "city", "pemkab": "regency", "pemprov": "province",
             "pemdaprov": "province"}.get(t.low)
    if t.low == "pemerintah":
        if j < n and toks[j].low in ("kota", "kabupaten", "provinsi", "daerah", "kecamatan"):
            level = {"kota": "city", "kabupaten": "regency", "provinsi": "province", "daerah": None,
                     "kecamatan": "district"}[toks[j].low]
            if toks[j].low == "daerah" and j + 1 < n and toks[j + 1].low == "provinsi":
                level = "province"
                j += 1
            j += 1
        elif j < n and toks[j].text in ("Indonesia", "Pusat", "RI"):
            m = Mention("Organization", t.start, toks[j].end, slice_text(text, toks, i, j + 1),
                        "Pemerintah Republik Indonesia", {"kind": "government"}, level="national")
            return m
        else:
            return None
    j, inner = skip_paren(toks, j, 2)
    if level == "district" and j < n and toks[j].cap and toks[j].kind == "W":
        # "Pemerintah Kecamatan Petarukan": districts are not in the region list, their name follows
        from kg.extract.offices import AREA_SECOND
        k = j + 1
        if k < n and toks[k].cap and toks[k].low in AREA_SECOND:
            k += 1
        name = slice_text(text, toks, j, k)
        return gov_org(level, Region("district", name, ""), t.start, toks[k - 1].end, slice_text(text, toks, i, k))
    r = parse_region(V, text, toks, j) if j < n else None
    if r is not None and r.region.kind == "province" and level in ("city", "regency") and not r.props.get(
            "explicit_kind"):
        # "Pemkot Jambi": the city, not the province of the same name
        cands = r.props.get("candidates") or []
        alt = next((c for c in cands if c.kind == level), None)
        if alt is not None:
            r.region = alt
    if r is None:
        if level is None:
            return None
        m = gov_org(level, None, t.start, toks[j - 1].end, slice_text(text, toks, i, j))
        m.props["needs_region"] = True
        return m
    region = r.region
    if level is None or t.low == "pemda":
        level = region.kind
    elif region.kind != level:
        if level in ("city", "regency") and region.kind in ("city", "regency"):
            region = Region(level, region.name, region.province)
    k = _index_after(toks, j, r.end)
    k2, inner2 = skip_paren(toks, k, 2)    # "Pemerintah Provinsi Nusa Tenggara Timur (NTT)"
    if inner2 and V.lex.regions.get(inner2):
        k = k2
    m = gov_org(level, region, t.start, toks[k - 1].end, slice_text(text, toks, i, k))
    m.props["region_mention"] = r
    if inner:
        m.aliases.append(f"{inner} {r.surface}")
    return m


def _parse_acronym(V: Vocab, text: str, toks: list[Tok], i: int, j: int, info: dict) -> Mention | None:
    n = len(toks)
    surface0 = slice_text(text, toks, i, j)
    if info.get("gov"):
        return _parse_gov(V, text, toks, i)
    core = info["full"]
    kind = info.get("kind", "")
    org = Mention("Organization", toks[i].start, toks[j - 1].end, surface0, core,
                  {"acronym": info["surface"], "kind": kind})
    if kind in ("military",) and j < n and (toks[j].kind == "N" or toks[j].low in ROMAN):
        # "Kodim 0621", "Kodam V Brawijaya", "Kodim 0403/OKU"
        k = j + 1
        if k + 1 < n and toks[k].text == "/" and toks[k + 1].cap:
            k += 2
        elif k < n and toks[k].kind == "W" and toks[k].cap and not parse_region(V, text, toks, k):
            k += 1
        core = slice_text(text, toks, i, k)
        j = k
    # a second acronym glued on: "Dinsos KBPP", "Bareskrim Polri", "UPTD PPA"
    if j < n and is_acronym(toks[j], V) and not match(toks, j, V.org_acr) and not parse_region(V, text, toks, j):
        core = f"{core} {toks[j].text}" if core != info["full"] or kind in ("military",) else \
            f"{surface0} {toks[j].text}"
        j += 1
    # "TPPS (Tim Percepatan Pengendalian Stunting)": the report's own expansion wins over the lexicon's
    k2, inner = skip_paren(toks, j, 12)
    if inner and len(inner.split()) >= 2 and inner[0].isupper() and not any(c.isdigit() for c in inner) and \
            inner[0].lower() == info["surface"][0].lower() and " ".join(inner.split()) != core:
        core = " ".join(inner.split())
        org.aliases.append(surface0)
        j = k2
    parent = info.get("parent")
    if parent and parent != "gov" and j < n and toks[j].cap and toks[j].low in V.org_acr:
        # "Ditreskrimum Polda Maluku", "Satreskrim Polres Kolaka": the unit written with the body it belongs
        # to (the lexicon's parent) is that body's unit, named after it, in its jurisdiction; the body is
        # a mention of its own (kept in props["parent_org"] for the scanner)
        p = parse_org(V, text, toks, j)
        if p is not None and V.squash(p.props.get("acronym") or "") == V.squash(parent) and p.region is not None:
            core = f"{core} {parent}"
            org.region = p.region
            org.props["region_mention"] = p.props.get("region_mention")
            org.props["parent_org"] = p
            j = _index_after(toks, j, p.end)
    j = _tail(V, text, toks, j, org, regional=bool(info.get("regional")))
    if org.region is None and info.get("scope") == "district" and j < n and toks[j].cap and toks[j].kind == "W" \
            and toks[j].low not in V.not_names:
        core = f"{core} {toks[j].text}"
        j += 1
    elif org.region is None and info.get("scope") and kind in ("police", "prosecutor") and j == i + 1 and (
            (i > 0 and toks[i - 1].low in ("tingkat", "setiap", "seluruh", "tiap", "para", "di")) or
            (j + 1 < n and toks[j].low in ("dan", "/", ",") and match(toks, j + 1, V.org_acr))):
        org.props["acronym_region_ok"] = False   # "di tingkat Polda dan Polres": police in general
    _finish(org, text, toks, i, j, core, kind, info.get("scope"))
    return org


def _parse_headed(V: Vocab, text: str, toks: list[Tok], i: int, j: int, doc_acr: dict | None) -> Mention | None:
    """"Dinas Pemberdayaan Masyarakat, Perempuan dan Perlindungan Anak (DPMPPA) Kota Jambi", "Dinas P3AP2KB"."""
    n = len(toks)
    head = slice_text(text, toks, i, j)
    # a known full name (longest) first: "Dinas Kesehatan", "Badan Perencanaan Pembangunan Daerah"
    full = match_loose(toks, i, V.org_full)
    k = j
    known = None
    if full and full[0] > j:
        k, known = full
    # head + acronym: "Dinas P3AP2KB", "Dinas PPA", "Badan Kesbangpol"
    # (an acronym the report gave a body of its own, "Dinas Pemberdayaan Perempuan dan Anak (PPA)", is one
    # here even where the lexicon knows it as a topic: "Dinas PPA" is that body)
    elif k < n and (is_acronym(toks[k], V) or match(toks, k, V.org_acr) or
                    (doc_acr and toks[k].upper and toks[k].text in doc_acr)):
        acr = toks[k].text
        # the head written out stands for the acronym's first letters: "Dinas P3A" is the DP3A,
        # "Kementerian PPPA" the KemenPPPA
        short = {"dinas": "D", "kementerian": "Kemen"}.get(head.lower())
        info = (V.lex.org_acronyms.get(V.squash(short + acr)) if short else None) or \
            V.lex.org_acronyms.get(V.squash(acr)) or (doc_acr or {}).get(acr)
        m = match(toks, k, V.org_acr)
        k = m[0] if m else k + 1
        org = Mention("Organization", toks[i].start, toks[k - 1].end, slice_text(text, toks, i, k), head,
                      {"acronym": acr})
        core = info["full"] if info and info["full"].split()[0].lower() == head.split()[0].lower() else \
            slice_text(text, toks, i, k)
        if info and core == info["full"]:
            org.aliases.append(slice_text(text, toks, i, k))
        while k < n and is_acronym(toks[k], V) and not parse_region(V, text, toks, k):
            core += " " + toks[k].text
            k += 1
        k = _tail(V, text, toks, k, org)
        _finish(org, text, toks, i, k, core, (info or {}).get("kind", _kind_of(head)))
        return org
    # head + capitalised words
    last = k
    while k < n:
        t = toks[k]
        if t.kind == "W" and t.cap:
            if t.low in V.not_names and t.low not in V.org_words:
                break
            if t.text == "Dan":
                if k + 1 < n and (match(toks, k + 1, V.org_heads) or match(toks, k + 1, V.org_acr)):
                    break
                k += 1
                continue
            if k > j and parse_region(V, text, toks, k) is not None:
                break
            if k > j and t.low in V.roles and match(toks, k, V.roles):
                break
            if t.low not in V.org_words and not is_acronym(t, V):
                # an unknown word followed by another unknown capitalised word: a person's name
                nxt = toks[k + 1] if k + 1 < n else None
                if nxt is not None and nxt.kind == "W" and nxt.cap and nxt.low not in V.org_words and \
                        parse_region(V, text, toks, k + 1) is None and not is_acronym(nxt, V) and k > j:
                    break
            k += 1
            last = k
            continue
        if t.kind == "W" and t.low in ("dan", "serta", "&", "untuk", "dalam", "terhadap") and k + 1 < n and \
                toks[k + 1].cap and k > j:
            if match(toks, k + 1, V.org_heads) or match(toks, k + 1, V.org_acr) or \
                    toks[k + 1].low in ("pemerintah", "pemkot", "pemkab", "pemprov"):
                break   # "Forum Puspa dan Forum Anak": two bodies
            k += 1
            continue
        if t.text == "&" and k > j and k + 1 < n and toks[k + 1].cap:
            k += 1
            continue
        if t.text == "," and k > j and k + 1 < n and _comma_inside_name(V, toks, k):
            k += 1
            continue
        if (t.kind == "N" or t.low in ROMAN) and k > j:
            k += 1
            last = k
            continue
        if t.text == "-" and k > j and k + 1 < n and toks[k + 1].cap:
            k += 1
            continue
        break
    k = last
    if k == j and known is None:
        if head.lower() in ("tim", "forum", "program", "the", "bank", "pt", "satgas", "gugus tugas", "lembaga"):
            return None
        if j < n and toks[j].kind == "W" and not toks[j].cap:
            return None
    if k == j and known is None:
        return None
    core = slice_text(text, toks, i, k)
    kind = (known or {}).get("kind") or _kind_of(head)
    org = Mention("Organization", toks[i].start, toks[k - 1].end, core, core, {"kind": kind})
    if known:
        org.props["acronym"] = known["surface"]
        core = known["full"] if k == full[0] else core
    k = _tail(V, text, toks, k, org, regional=True)
    acr = org.props.get("acronym")
    info = V.lex.org_acronyms.get(V.squash(acr)) if acr else None
    if info and info["full"].split()[0] == core.split()[0] and known is None and _overlap(info["full"], core) >= 0.6:
        # the text writes the name out with its acronym: keep the lexicon's canonical spelling
        org.aliases.append(core)
        core = info["full"]
        kind = info.get("kind", kind)
    _finish(org, text, toks, i, k, core, kind)
    return org


def _overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return 2 * len(wa & wb) / (len(wa) + len(wb) or 1)


def _comma_inside_name(V: Vocab, toks: list[Tok], k: int) -> bool:
    """A comma inside a written-out name ("Pemberdayaan Masyarakat, Perempuan, dan Perlindungan Anak"):
    the words after it belong to the name, and a "dan"/"serta" closes the enumeration soon after."""
    n = len(toks)
    nxt = toks[k + 1]
    if nxt.low in ("dan", "serta") and k + 2 < n and toks[k + 2].cap and toks[k + 2].low in V.org_words:
        return True
    if not (nxt.cap and nxt.low in V.org_words) or match(toks, k + 1, V.org_heads) or match(toks, k + 1, V.org_acr):
        return False
    for q in range(k + 2, min(n, k + 7)):
        if toks[q].text in ",(;." and toks[q].text != ",":
            return False
        if toks[q].low in ("dan", "serta"):
            return True
        if toks[q].text == "," and q + 1 < n and toks[q + 1].low in ("dan", "serta"):
            return True
    return False


def _kind_of(head: str) -> str:
    h = head.split()[0].lower()
    return {"dinas": "dinas", "badan": "badan", "kementerian": "ministry", "kepolisian": "police",
            "kejaksaan": "prosecutor", "pengadilan": "court", "yayasan": "ngo", "forum": "forum",
            "tim": "task_force", "gugus": "task_force", "satgas": "task_force", "komisi": "commission",
            "biro": "biro", "kantor": "office", "kanwil": "office", "bank": "company", "pt": "company",
            "perumda": "company", "universitas": "university", "lembaga": "ngo", "himpunan": "ngo",
            "ikatan": "ngo", "program": "programme"}.get(h, "")
