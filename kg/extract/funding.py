"""Funding sources: APBD/APBN, DAK, Dana Desa, DPA, hibah, CSR — with jurisdiction and year."""
from __future__ import annotations

from kg.extract.mentions import Mention, skip_paren, slice_text
from kg.extract.places import parse_region
from kg.extract.text import Tok
from kg.extract.vocab import Vocab, match


def parse_funding(V: Vocab, text: str, toks: list[Tok], i: int) -> Mention | None:
    """A fund or budget line at token ``i``: "APBD Kabupaten Pemalang tahun 2023", "Dana Alokasi Khusus (DAK)
    Pelayanan Perlindungan Perempuan", "DPA DPMPPA Kota Jambi Tahun 2024", "CSR Bank Jateng"."""
    m = match(toks, i, V.funding, need_cap=False)
    if not m:
        return None
    j, info = m
    n = len(toks)
    kind = info["kind"]
    if kind in ("hibah",) and not toks[i].cap:
        # "dana hibah", "hibah daerah": a fund only when named as such
        if not (i > 0 and toks[i - 1].low in ("dana", "bantuan")):
            return None
    fund = Mention("FundingSource", toks[i].start, toks[j - 1].end, "", info["full"], {"kind": kind})
    k, inner = skip_paren(toks, j, 3)
    if inner:
        j = k
    # capitalised qualifiers: "DAK Pelayanan Perlindungan Perempuan", "DPA DPMPPA", "CSR Bank Jateng"
    k = j
    while k < n and toks[k].kind == "W" and toks[k].cap and k - j < 5 and toks[k].low not in V.not_names and \
            parse_region(V, text, toks, k) is None and toks[k].low not in ("tahun",):
        k += 1
    if toks[k - 1].low in ("non",) if k > j else False:
        k -= 1
    qual = slice_text(text, toks, j, k)
    j = k
    r = parse_region(V, text, toks, j) if j < n else None
    if r is not None:
        fund.region = r.region
        j2 = j
        while j2 < n and toks[j2].start < r.end:
            j2 += 1
        j = j2
    # year: "2024", "Tahun 2024", "tahun anggaran 2023"
    k = j
    if k < n and toks[k].low == "tahun":
        k += 1
        if k < n and toks[k].low == "anggaran":
            k += 1
    if k < n and toks[k].kind == "N" and len(toks[k].text) == 4 and toks[k].text.startswith("20"):
        fund.props["year"] = int(toks[k].text)
        j = k + 1
    base = info["full"] if info["full"] not in ("APBD", "DPA", "CSR") else slice_text(text, toks, i, i + 1)
    if info["full"] == "APBD":
        base = "APBD"
    name = base
    if qual:
        name += " " + qual
    if fund.region is not None:
        name += " " + fund.region.full
    if fund.props.get("year"):
        name += f" Tahun {fund.props['year']}"
    fund.name = name
    fund.end = toks[j - 1].end
    fund.surface = slice_text(text, toks, i, j)
    first = slice_text(text, toks, i, i + 1)
    if fund.surface != first and (first.isupper() or j == i + 1):
        fund.aliases.append(first)
    return fund


PROGRAMME_STOP = {"di", "yang", "untuk", "bagi", "dengan", "melalui", "oleh", "pada", "sebagai", "ini", "itu",
                  "tersebut", "agar", "serta", "sudah", "telah", "akan", "juga", "harus", "bisa", "dapat", "ke",
                  "dari", "karena", "sehingga", "seperti", "antara", "hingga", "nanti", "ditahun", "tahun"}


def parse_programme(V: Vocab, text: str, toks: list[Tok], i: int) -> Mention | None:
    """A programme: "program pencegahan dan penanganan TPPO", "program BERDAYA", "program Rumah Tidak Layak
    Huni (RTLH)" — the word "program" written in lower case, then its name up to a clause word."""
    n = len(toks)
    if toks[i].text != "program" or i + 1 >= n or toks[i + 1].kind != "W":
        return None
    if match(toks, i + 1, V.funding, need_cap=False) or toks[i + 1].low in PROGRAMME_STOP:
        return None   # "program CSR": the fund itself
    k = i + 1
    last = k
    words = 0
    while k < n and words < 10:
        t = toks[k]
        if t.kind == "W" and t.low not in PROGRAMME_STOP and t.low not in V.not_names_venue:
            k += 1
            words += 1
            last = k
            continue
        if t.text == "(":
            k2, inner = skip_paren(toks, k, 3)
            if inner and inner.replace(" ", "").isalnum() and inner.isupper():
                k = last = k2
                continue
        break
    if words == 0:
        return None
    surface = slice_text(text, toks, i, last)
    return Mention("Programme", toks[i].start, toks[last - 1].end, surface, surface, {})
