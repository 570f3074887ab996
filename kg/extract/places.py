"""Administrative areas (provinces, regencies, cities, districts, villages) and venues."""
from __future__ import annotations

from kg.extract.mentions import Mention, skip_paren, slice_text
from kg.extract.text import Tok
from kg.extract.vocab import Vocab, match
from kg.lexicon import Region

KW_PREFIX = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi",
         "xvii", "xviii"}


def pick(cands: list[Region], kind: str | None) -> Region | None:
    """The candidate of ``kind`` (or the first one when no kind is given)."""
    if kind:
        for r in cands:
            if r.kind == kind:
                return r
        return None
    return cands[0] if cands else None


def parse_region(V: Vocab, text: str, toks: list[Tok], i: int) -> Mention | None:
    """A region at token ``i``: "Kota Jambi", "Kab. Bogor", "Provinsi (Sulteng)", "Kalbar", "kota Jambi"."""
    n = len(toks)
    if i >= n:
        return None
    low = toks[i].low
    if toks[i].kind != "W" or low not in V.region_starts:
        return None
    kind = None
    j = i
    # (each table is matched only where its first word stands: match() would say no elsewhere)
    m = match(toks, i, V.region_kw, need_cap=False) if low in V.region_kw else None
    if m:
        j, kind = m
        if j < n and toks[j].text == "(":   # (skip_paren moves only from a "(")
            j, _ = skip_paren(toks, j, 2)
    if j >= n:
        return None
    if toks[j].text == "," and kind and j + 1 < n and toks[j].end == toks[j + 1].start:
        j += 1  # "Kabupaten,Sigi"
    m2 = match(toks, j, V.regions) if toks[j].low in V.regions else None
    if not m2:
        return None
    k, cands = m2
    if kind is None and not toks[i].cap:
        return None
    if kind:
        region = pick(cands, kind)
        if region is None:
            if kind == "city" and cands:   # "Kota X" where X is a regency seat: keep it as a city
                region = Region("city", cands[0].name, cands[0].province)
            elif kind == "regency" and any(c.kind == "city" for c in cands):
                c = pick(cands, "city")
                region = Region("regency", c.name, c.province) if c else None
            else:
                return None
        if region.kind == "province" and kind != "province":
            return None
    else:
        region = cands[0]
    start, end = toks[i].start, toks[k - 1].end   # (k > j >= i: the surface is slice_text(text, toks, i, k))
    return Mention("Place", start, end, text[start:end], region.full,
                   {"kind": region.kind, "explicit_kind": bool(kind), "candidates": cands}, region=region)


def parse_subregion(V: Vocab, text: str, toks: list[Tok], i: int) -> Mention | None:
    """"Kecamatan Nusaniwe", "Desa Sikayu", "Kelurahan ..." — keyword plus capitalised name."""
    m = match(toks, i, V.subregion_kw)
    if not m:
        return None
    j, kind = m
    from kg.extract.offices import AREA_SECOND
    k = j
    if k < len(toks) and toks[k].kind == "W" and toks[k].cap and toks[k].low not in V.not_names:
        k += 1
        if k < len(toks) and toks[k].cap and (toks[k].low in AREA_SECOND or
                                              (k + 1 < len(toks) and toks[k + 1].text in ",.")):
            k += 1
    if k == j:
        return None
    name = slice_text(text, toks, j, k)
    prefix = slice_text(text, toks, i, j).rstrip(".")
    prefix = {"kec": "Kecamatan", "kel": "Kelurahan"}.get(prefix.lower(), prefix)
    return Mention("Place", toks[i].start, toks[k - 1].end, slice_text(text, toks, i, k), f"{prefix} {name}",
                   {"kind": kind, "bare": name})


def parse_venue(V: Vocab, text: str, toks: list[Tok], i: int) -> Mention | None:
    """A venue: "Aula DPMPPA Kota Jambi", "Hotel Grand City Surabaya", "Ruang Rapat II Bandar Seri Bentan",
    "Biz Hotel", "kantor Camat Banyuputih". Called where a venue may start (after "di", "bertempat di")."""
    n = len(toks)
    m = match(toks, i, V.venue, need_cap=False)
    j = i
    if m:
        j = m[0]
        if j >= n or not (toks[j].cap or toks[j].kind == "N"):
            return None   # "di sekolah", "di lapangan": a common noun, not a named venue
        from kg.extract.organizations import parse_org
        org = parse_org(V, text, toks, j)
        if org is not None:
            # "Aula Dinas Pemberdayaan Masyarakat, Perempuan dan Perlindungan Anak Kota Jambi"
            k = j
            while k < n and toks[k].start < org.end:
                k += 1
            words = slice_text(text, toks, i, k)
            v = Mention("Place", toks[i].start, toks[k - 1].end, words, words[0].upper() + words[1:],
                        {"kind": "venue"})
            return v
    elif not (toks[i].kind == "W" and toks[i].cap):
        return None
    k = j
    last_good = j if m else i
    while k < n:
        t = toks[k]
        if t.kind == "W" and (t.cap or t.low in ("dan", "&")) and t.low not in V.not_names_venue:
            k += 1
            if t.cap:
                last_good = k
            continue
        if t.kind == "N" and k > j:
            k += 1
            last_good = k
            continue
        if t.text == "(":
            k2, inner = skip_paren(toks, k, 3)
            if inner and k2 > k and any(c.isalpha() for c in inner):
                k = k2
                last_good = k
                continue
        if t.text in ".-" and k > j and t.start == toks[k - 1].end and k + 1 < n and toks[k + 1].cap:
            k += 1
            continue
        break
    k = last_good
    if k <= i or (not m and k == i):
        return None
    words = slice_text(text, toks, i, k)
    if not m:
        # no head word in front: accept only when a venue word closes it ("Biz Hotel")
        tail = toks[k - 1].low
        if tail not in ("hotel", "resto", "cafe", "kafe", "hall", "center", "centre", "convention"):
            return None
    name = words[0].upper() + words[1:]
    return Mention("Place", toks[i].start, toks[k - 1].end, words, name, {"kind": "venue"})
