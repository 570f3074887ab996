"""Funding sources: APBD/APBN, DAK, Dana Desa, DPA, hibah, CSR — with jurisdiction and year; a body's own budget
("anggaran dari Kantor Imigrasi X") and a donor's support ("didukung MFAT New Zealand"); and the programmes and
activities a fund pays for ("program BERDAYA", "penanganan stunting")."""
from __future__ import annotations

from functools import cache

from kg.extract.mentions import Mention, skip_paren, slice_text
from kg.extract.organizations import _index_after, parse_org
from kg.extract.places import parse_region, parse_subregion
from kg.extract.text import Tok
from kg.extract.vocab import Table, Vocab, _table, match

# funds whose qualifier names a body: "CSR Bank Jateng Cabang Batang", "DPA DPMPPA Kota Jambi", "Hibah Pemprov X"
ORG_QUALIFIED = {"CSR", "DPA", "hibah"}
# funds whose body provides the money (a DPA is the agency's spending plan: its body spends, not provides)
ORG_PROVIDES = {"CSR", "hibah", "budget", "support"}
GOV_WORDS = {"pemerintah", "pemkab", "pemkot", "pemko", "pemprov", "pemda"}
QUALIFIER_STOP = {"tahun", "ta", "rp", "sebesar", "senilai", "sekitar", "dan", "serta"}
# words between "didukung"/"dukungan" and the donor: "didukung oleh", "dukungan dana dari"
SUPPORT_GLUE = {"oleh", "dari", "dana", "pendanaan", "anggaran", "penuh", "sepenuhnya", "pembiayaan"}


@cache
def _data() -> dict:
    import yaml

    from kg.lexicon import HERE
    return yaml.safe_load((HERE / "funding.yaml").read_text(encoding="utf-8"))


@cache
def donors() -> Table:
    """Development partners whose support funds a programme (funding.yaml ``donors``)."""
    return _table([(d, d) for d in _data()["donors"]])


@cache
def activity_words() -> frozenset[str]:
    """Nouns that open an activity a fund pays for (funding.yaml ``activities``)."""
    return frozenset(w.lower() for w in _data()["activities"])


def parse_funding(V: Vocab, text: str, toks: list[Tok], i: int) -> Mention | None:
    """A fund or budget line at token ``i``: "APBD Kabupaten Pemalang tahun 2023", "Dana Alokasi Khusus (DAK)
    Pelayanan Perlindungan Perempuan", "DPA DPMPPA Kota Jambi Tahun 2024", "CSR Bank Jateng", "DAK non fisik",
    "anggaran dari Kantor Imigrasi Kelas I TPI Ambon", "didukung MFAT New Zealand".

    A body named in the fund ("CSR Bank Jateng", "APBD Pemkab Pemalang") is returned as ``org``, and
    ``props["body_at"]`` is its first token, where the scanner reads on (the body is a mention of its own; a donor
    the organisation lexicon does not know has no ``body_at``: the scanner records ``org`` as it is);
    ``props["provides"]`` says whether that body provides the money."""
    m = match(toks, i, V.funding, need_cap=False)
    if not m:
        return None
    j, info = m
    n = len(toks)
    kind = info["kind"]
    if kind == "budget":
        return _body_budget(V, text, toks, i, j, info)
    if kind == "support":
        return _donor_support(V, text, toks, i, j)
    regional_grant = kind == "hibah" and j < n and toks[j].low == "daerah"
    if kind == "hibah" and not toks[i].cap and not regional_grant:
        # "dana hibah", "hibah daerah": a fund only when named as such
        if not (i > 0 and toks[i - 1].low in ("dana", "bantuan")):
            return None
    fund = Mention("FundingSource", toks[i].start, toks[j - 1].end, "", info["full"], {"kind": kind})
    if regional_grant:
        j += 1
    k, inner = skip_paren(toks, j, 3)
    if inner:
        j = k
    # "DAK fisik", "DAK non fisik": written in lower case, but a different fund
    low_qual = info.get("qualifier", "")
    if not low_qual:
        j, low_qual = _physical(toks, j)
    org = None
    if kind == "CSR" and j + 1 < n and toks[j].low == "dari" and toks[j + 1].cap:
        j += 1   # "CSR dari PT Semen Tonasa": the company's CSR
    if kind in ORG_QUALIFIED and j < n:
        org = parse_org(V, text, toks, j)
        if org is not None and org.props.get("kind") == "generic":
            org = None
    if org is not None:
        qual = " ".join(org.surface.split())
        fund.props["body_at"] = j
        j = _index_after(toks, j, org.end)
    else:
        k = _qualifier_end(V, text, toks, j)
        qual = slice_text(text, toks, j, k)
        j = k
    if low_qual:
        qual = f"{low_qual} {qual}".strip()
    if regional_grant:
        qual = f"Daerah {qual}".strip()   # "hibah daerah": the regional grant
    if org is None and j < n:
        r = parse_region(V, text, toks, j)
        if r is not None:
            fund.region = r.region
            j = _index_after(toks, j, r.end)
        else:
            # "APBD Pemkab Pemalang", "DAK Nonfisik Kementerian Kesehatan": the body whose money it is
            body = _provider_at(V, text, toks, j)
            if body is not None and (body.props.get("kind") != "government" or body.region is None
                                     or info.get("regional")):
                if body.props.get("kind") == "government" and info.get("regional"):
                    fund.region = body.region
                org = body
                fund.props["body_at"] = j
                j = _index_after(toks, j, body.end)
    j = _year(toks, j, fund)
    if info["full"] in ("APBD", "DPA", "CSR") and m[0] == i + 1:
        base = "APBD" if info["full"] == "APBD" else slice_text(text, toks, i, i + 1)
    else:
        base = info["full"]
    name = base
    if qual:
        name += " " + qual
    if fund.region is not None:
        name += " " + fund.region.full
    if fund.props.get("year"):
        name += f" Tahun {fund.props['year']}"
        if fund.props.get("year_to"):
            name += f" dan {fund.props.pop('year_to')}"
    fund.name = name
    fund.props["bare"] = not qual and fund.region is None and org is None
    fund.end = toks[j - 1].end
    fund.surface = slice_text(text, toks, i, j)
    first = slice_text(text, toks, i, i + 1)
    if fund.surface != first and (first.isupper() or j == i + 1):
        fund.aliases.append(first)
    if org is not None:
        fund.org = org
        fund.props["provides"] = kind in ORG_PROVIDES or org.props.get("kind") in ("ministry", "badan", "government")
    return fund


def _qualifier_end(V: Vocab, text: str, toks: list[Tok], j: int) -> int:
    """The end of a fund's capitalised qualifier: "DAK Pelayanan Perlindungan Perempuan dan Anak", "DAK Fisik
    Bidang Kesehatan" — up to a region, a year, an amount, a clause word or the body providing it."""
    n = len(toks)
    k = j
    while k < n and k - j < 5:
        t = toks[k]
        if t.low in ("dan", "serta") and k > j and k + 1 < n and toks[k + 1].cap:
            k += 1   # "Perempuan dan Anak"
            continue
        if not (t.kind == "W" and t.cap) or t.low in V.not_names_venue or t.low in QUALIFIER_STOP or \
                t.low in GOV_WORDS or parse_region(V, text, toks, k) is not None or _provider_at(V, text, toks, k):
            break
        k += 1
    while k > j and toks[k - 1].low in ("non", "dan", "serta"):
        k -= 1
    return k


def _provider_at(V: Vocab, text: str, toks: list[Tok], j: int) -> Mention | None:
    """A body right after a fund that provides it: a ministry, a national badan or a government."""
    if j >= len(toks) or not toks[j].cap or toks[j].low not in V.org_starts:
        return None
    body = parse_org(V, text, toks, j)
    if body is None or body.props.get("kind") not in ("ministry", "badan", "government"):
        return None
    return body


def _physical(toks: list[Tok], j: int) -> tuple[int, str]:
    """"fisik", "non fisik", "nonfisik", "non-fisik" after a DAK: (index after, "Fisik"/"Non Fisik")."""
    n = len(toks)
    if j < n and toks[j].low == "fisik":
        return j + 1, "Fisik"
    if j < n and toks[j].low in ("nonfisik", "non-fisik"):
        return j + 1, "Non Fisik"
    if j + 1 < n and toks[j].low == "non" and toks[j + 1].low == "fisik":
        return j + 2, "Non Fisik"
    return j, ""


def _year(toks: list[Tok], j: int, fund: Mention) -> int:
    """The budget year after a fund: "2024", "Tahun 2024", "tahun anggaran 2023", "TA 2024", "tahun 2023 dan
    2024"; sets ``props["year"]`` (and ``year_to``) and returns the index after it."""
    n = len(toks)
    k = j
    if k < n and toks[k].low in ("tahun", "ta"):
        k += 1
        if k < n and toks[k].low == "anggaran":
            k += 1
    if k < n and _is_year(toks[k]):
        fund.props["year"] = int(toks[k].text)
        j = k + 1
        if j + 1 < n and toks[j].low in ("dan", "-", "/", "hingga", "sampai") and _is_year(toks[j + 1]):
            fund.props["year_to"] = int(toks[j + 1].text)
            j += 2
    return j


def _is_year(t: Tok) -> bool:
    return t.kind == "N" and len(t.text) == 4 and t.text.startswith("20")


def _body_budget(V: Vocab, text: str, toks: list[Tok], i: int, j: int, info: dict) -> Mention | None:
    """A body's own budget named as a source: "anggaran dari Kantor Imigrasi Kelas I TPI Ambon", "menggunakan
    dana Dinas Sosial" — the body follows the word after "dari"/"milik", or right after it when a funding verb
    comes first; with no body, "anggaran" names no fund."""
    n = len(toks)
    k = j
    if k < n and toks[k].low in ("dari", "milik"):
        k += 1
    elif not (i > 0 and toks[i - 1].low in BUDGET_OF_BODY_AFTER):
        return None   # "anggaran Dinas Pendidikan ditambah": said of the body's budget, not a source named
    org = parse_org(V, text, toks, k) if k < n and toks[k].cap else None
    if org is None or org.props.get("kind") == "generic":
        return None
    end = _index_after(toks, k, org.end)
    fund = Mention("FundingSource", toks[i].start, org.end, slice_text(text, toks, i, end),
                   f"{info['full']} {' '.join(org.surface.split())}",
                   {"kind": "budget", "provides": True, "body_at": k})
    end2 = _year(toks, end, fund)
    if end2 > end:
        fund.name += f" Tahun {fund.props['year']}"
        fund.props.pop("year_to", None)
        fund.end = toks[end2 - 1].end
        fund.surface = slice_text(text, toks, i, end2)
    fund.org = org
    return fund


def _donor_support(V: Vocab, text: str, toks: list[Tok], i: int, j: int) -> Mention | None:
    """A donor's support: "didukung MFAT New Zealand", "dukungan dana dari UNICEF" — only for the development
    partners listed in funding.yaml (support from a local body is not money)."""
    n = len(toks)
    k = j
    while k < n and k - j < 3 and toks[k].low in SUPPORT_GLUE:
        k += 1
    d = match(toks, k, donors())
    if not d:
        return None
    e = d[0]
    # "MFAT New Zealand", "UNICEF Indonesia": capitalised words after the donor's name are part of it
    while e < n and e - d[0] < 3 and toks[e].kind == "W" and toks[e].cap and toks[e].low not in V.not_names_venue \
            and toks[e].low not in V.region_kw and toks[e].low not in V.mention_starts:
        e += 1
    name = slice_text(text, toks, k, e)
    org = Mention("Organization", toks[k].start, toks[e - 1].end, name, name, {"kind": "donor"})
    fund = Mention("FundingSource", toks[i].start, toks[e - 1].end, slice_text(text, toks, i, e), f"Dukungan {name}",
                   {"kind": "support", "provides": True})
    fund.org = org
    return fund


def funds_within(V: Vocab, text: str, toks: list[Tok], i: int, j: int) -> list[Mention]:
    """Funds named inside another mention (an event: "Launching dan Penyerahan CSR Bank Jateng Cabang Batang"),
    each followed by the body it names."""
    funding = V.funding
    out: list[Mention] = []
    after = i
    for k in [k for k in range(i + 1, j) if toks[k].low in funding]:
        f = parse_funding(V, text, toks, k) if k > after else None
        if f is None or f.props.get("kind") in ("budget", "support"):
            continue
        out.append(f)
        f.props.pop("body_at", None)
        if f.org is not None:
            out.append(f.org)
        after = _index_after(toks, k, f.end) - 1
    return out


PROGRAMME_STOP = {"di", "yang", "untuk", "bagi", "dengan", "melalui", "oleh", "pada", "sebagai", "ini", "itu",
                  "tersebut", "agar", "serta", "sudah", "telah", "akan", "juga", "harus", "bisa", "dapat", "ke",
                  "dari", "karena", "sehingga", "seperti", "antara", "hingga", "nanti", "ditahun", "tahun",
                  # funding verbs: "program bedah rumah dibiayai APBD"
                  "dibiayai", "didanai", "didukung", "bersumber", "berasal", "menggunakan", "dibebankan", "lewat",
                  "sebesar", "senilai", "sekitar", "mencapai", "merupakan", "adalah", "menjadi", "pun"}
# "program baru", "program unggulan", "program kerja": a kind of programme, not one
PROGRAMME_GENERIC = {"baru", "lain", "lainnya", "unggulan", "prioritas", "kerja", "kegiatan", "tambahan",
                     "strategis", "pemerintah", "daerah", "nasional", "pusat", "rutin", "besar"}


def parse_programme(V: Vocab, text: str, toks: list[Tok], i: int) -> Mention | None:
    """A programme: "program pencegahan dan penanganan TPPO", "program BERDAYA", "program Rumah Tidak Layak
    Huni (RTLH)", "Program sanitasi desa" — the word "program", then its name up to a clause word (a capitalised
    "Program X Y" the organisation finder did not take)."""
    n = len(toks)
    if toks[i].low != "program" or i + 1 >= n or toks[i + 1].kind != "W":
        return None
    if match(toks, i + 1, V.funding, need_cap=False) or toks[i + 1].low in PROGRAMME_STOP or \
            toks[i + 1].low in PROGRAMME_GENERIC:
        return None   # "program CSR": the fund itself
    k = i + 1
    last = k
    words = 0
    while k < n and words < 10:
        t = toks[k]
        if t.kind == "W" and t.low not in PROGRAMME_STOP and t.low not in V.not_names_venue and \
                not (t.upper and k > i + 1 and t.low in V.org_acr):   # "program Pemenuhan Hak Anak | DP3A"
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


ACTIVITY_STOP = PROGRAMME_STOP | {"rp", "bisa", "dapat", "masih", "belum", "memang", "sebanyak", "supaya", "guna",
                                  "dalam", "atas", "per", "persen", "kali", "sejak", "selama", "sesuai", "namun",
                                  "tetapi", "berjalan", "berlangsung", "berhasil", "berupa", "terus", "lebih",
                                  "sangat", "para", "setiap", "tiap"}
# nouns that look like verbs ("di-"/"me-" words) but belong in an activity's name
_NOT_VERBS = {"disabilitas", "digital", "diabetes", "difteri", "diare", "difabel", "dinas", "menteri", "mental",
              "metode", "medis", "media", "menengah", "menyusui"}


def parse_activity(V: Vocab, text: str, toks: list[Tok], i: int) -> Mention | None:
    """An activity at token ``i`` that a fund may pay for: "penanganan stunting", "percepatan dan penurunan stunting
    di Pemalang", "pembangunan 400 unit rumah", "intervensi penurunan angka stunting" — an activity noun (funding.yaml
    ``activities``) and its object, up to a clause word, a verb or another mention."""
    acts = activity_words()
    if toks[i].low not in acts:
        return None
    n = len(toks)
    k = last = i + 1
    words = 0
    obj = ""
    while k < n and words < 8:
        t = toks[k]
        if t.low == "di" and k + 1 < n or t.cap and words and t.low in V.region_starts:
            # "... stunting di NTB", "... di Desa Bonto", "... stunting Kabupaten Pemalang": the area is in the name
            at = k + 1 if t.low == "di" else k
            r = parse_region(V, text, toks, at) or parse_subregion(V, text, toks, at)
            if r is not None and words:
                last = _index_after(toks, at, r.end)
            break
        if t.low in ("dan", "serta") and k + 1 < n and _object_word(V, toks[k + 1]):
            k += 1
            continue
        if t.kind == "N" and k + 1 < n and toks[k + 1].kind == "W" and not toks[k + 1].cap:
            k += 1   # "400 unit rumah"
            continue
        if not _object_word(V, t):
            break
        k += 1
        if t.low not in acts:
            words += 1
            obj = t.low
        last = k
    if words == 0:
        return None
    surface = slice_text(text, toks, i, last)
    return Mention("Programme", toks[i].start, toks[last - 1].end, surface, surface, {"activity": True, "object": obj})


def _object_word(V: Vocab, t: Tok) -> bool:
    """A word that may continue an activity's name (not a clause word, a verb, a fund or another mention's start)."""
    if t.kind != "W":
        return False
    low = t.low
    if low in ACTIVITY_STOP or low in V.funding or low in V.not_names_venue:
        return False
    if t.cap and low in V.mention_starts and low not in activity_words():
        return False
    if len(low) >= 6 and low not in _NOT_VERBS and (low.startswith(("di", "mem", "men", "meng", "meny"))):
        return False   # "dilaksanakan", "menurunkan": a verb ends the name
    return True


# words that tie a programme to the fund after it: "program X yang didukung Y", "penyaluran bantuan dari CSR",
# "pembangunan jalan desa menggunakan Dana Desa", "program Z bersumber dari APBD"
FUND_VERBS = {"dari", "melalui", "lewat", "menggunakan", "memanfaatkan", "memakai", "bersumber", "berasal",
              "dibiayai", "didanai", "didukung", "dukungan", "dibebankan", "dianggarkan", "anggaran", "dana",
              "pendanaan"}
GAP_BEFORE = FUND_VERBS | {"yang", "juga", "akan", "telah", "sudah", "sepenuhnya", "tetap", "ini", "tersebut",
                           "oleh", "pada", "dengan", "sumber", "biaya", "bantuan"}
# words between a fund and what it pays for: "Dana Desa untuk penanganan stunting", "DPA ... untuk mendukung
# program X", "CSR Bank X dalam penurunan angka stunting", "APBD 2024 sebesar Rp 2 miliar bagi pembangunan ..."
LINK_AFTER = {"yang", "akan", "dialokasikan", "digunakan", "dimanfaatkan", "diperuntukkan", "disalurkan",
              "dipakai", "untuk", "bagi", "guna", "dalam", "rangka", "hal", "mendukung", "membiayai", "mendanai",
              "kegiatan", "sebesar", "senilai", "sekitar", "sebanyak", "miliar", "juta", "triliun", "rupiah",
              "persen", "%", ",", "(", ")", "pada"}
# a budget word right before an activity: "anggaran penanganan stunting", "dialokasikan untuk penanganan stunting"
BUDGET_BEFORE = {"anggaran", "dana", "alokasi", "biaya", "pendanaan", "pembiayaan", "dialokasikan", "dianggarkan",
                 "digunakan", "diperuntukkan", "dimanfaatkan", "disalurkan"}
BUDGET_GLUE = {"untuk", "bagi", "guna", "dalam", "hal", "kegiatan"}
# "menggunakan dana Dinas Sosial", "dengan anggaran Balai X": a body's budget named as the source
BUDGET_OF_BODY_AFTER = FUND_VERBS | {"dengan"}
CLAUSE_BREAK = {";", "sementara", "sedangkan", "namun", "tetapi", "adapun", "selain", "kemudian"}


def link_programmes(V: Vocab, text: str, toks: list[Tok], mentions: list[Mention],
                    funds: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(programme, fund) pairs of one sentence: a "program X" mention or an activity (:func:`parse_activity`)
    that a fund of the sentence pays for, read from the words between them —
      after the fund:  "Dana Desa untuk penanganan stunting", "DPA ... untuk mendukung program X";
      before the fund: "program BERDAYA yang didukung MFAT", "penyaluran bantuan dari CSR";
      a budget word before it, the fund anywhere in the sentence: "anggaran penanganan stunting telah mencapai
      38 persen dari total APBD", "Dalam APBD, 38 persen dialokasikan untuk penanganan stunting".
    A programme merely named in the same sentence ("program RTLH, hingga penyaluran bantuan dari CSR") is not."""
    at = {t.start: k for k, t in enumerate(toks)}
    blocked = [(m.start, m.end) for m in mentions
               if m.type in ("Organization", "Office", "Person", "Place", "FundingSource")]
    events = [(m.start, m.end) for m in mentions if m.type == "Event"]
    cands: list[tuple[int, int, Mention]] = []   # (first token, index after, mention)
    for m in mentions:
        if m.type == "Programme" and m.start in at:
            cands.append((at[m.start], _index_after(toks, at[m.start], m.end), m))
    acts = activity_words()
    k = 0
    n = len(toks)
    while k < n:
        if toks[k].low in acts and not any(s <= toks[k].start < e for s, e in blocked) and \
                not any(c[0] <= k < c[1] for c in cands):
            a = parse_activity(V, text, toks, k)
            if a is not None:
                end = _index_after(toks, k, a.end)
                cands.append((k, end, a))
                k = end
                continue
        k += 1
    if not cands:
        return []
    pairs = []
    for f in funds:
        if f.start not in at:
            continue
        fi = at[f.start]
        fe = _index_after(toks, fi, f.end)
        for ci, ce, c in cands:
            ev = next(((s, e) for s, e in events if s < c.start < e), None)
            if ev is not None and not ev[0] <= f.start < ev[1]:
                # an activity inside an event's name ("sosialisasi pencegahan TPPO yang dibiayai APBD"): the event
                # is what the fund pays for (an event read from the activity itself, "penyaluran bantuan", is not)
                continue
            if ci >= fe and _linked_after(toks, fe, ci, c):
                pairs.append((c, f))
            elif ce <= fi and _linked_before(toks, ce, fi):
                pairs.append((c, f))
    for ci, ce, c in cands:
        if _budget_before(toks, ci) and not any(p[0] is c for p in pairs):
            f = min(funds, key=lambda x: abs(x.start - c.start))
            fi = at.get(f.start, -1)
            if fi < 0 or any(s < c.start < e and not s <= f.start < e for s, e in events):
                continue
            # near, and in the same clause: "anggaran penanganan stunting telah mencapai 38 persen dari total APBD"
            span = toks[ce:fi] if fi >= ce else toks[_index_after(toks, fi, f.end):ci]
            if len(span) <= 12 and not any(t.low in CLAUSE_BREAK for t in span):
                pairs.append((c, f))
    return pairs


def _linked_after(toks: list[Tok], k: int, ci: int, c: Mention) -> bool:
    """Only linking words (or an amount) between a fund and the programme after it; an activity may follow the
    fund directly ("APBN percepatan dan penurunan stunting")."""
    if ci - k > 8:
        return False
    gap = toks[k:ci]
    if not all(t.low in LINK_AFTER or t.kind == "N" or t.low.startswith("rp") for t in gap):
        return False
    if not gap:
        return bool(c.props.get("activity"))
    if gap[-1].low == "pada":
        return not c.props.get("activity")   # "dibiayai dari APBD 2024 pada program Pemenuhan Hak Anak"
    return any(t.low in ("untuk", "bagi", "guna", "dalam", "mendukung", "membiayai", "mendanai", "dialokasikan",
                         "digunakan", "diperuntukkan") for t in gap)


def _linked_before(toks: list[Tok], ce: int, fi: int) -> bool:
    """A funding verb between a programme and the fund after it ("yang didukung", "dari", "bersumber dari"); the
    fund may carry the verb itself ("didukung MFAT", "anggaran dari Kantor X")."""
    if fi - ce > 6:
        return False
    gap = toks[ce:fi]
    if not all(t.low in GAP_BEFORE for t in gap):
        return False
    return any(t.low in FUND_VERBS for t in gap) or (fi < len(toks) and toks[fi].low in FUND_VERBS)


def _budget_before(toks: list[Tok], ci: int) -> bool:
    """"anggaran penanganan stunting", "anggaran dalam hal percepatan ...", "dialokasikan untuk penanganan ..."."""
    k = ci - 1
    while k >= 0 and ci - k <= 3 and toks[k].low in BUDGET_GLUE:
        k -= 1
    return k >= 0 and toks[k].low in BUDGET_BEFORE


def paid_from(toks: list[Tok], spent: Mention, fund: Mention) -> bool:
    """A grant paid from a fund named after it: "Dana hibah tersebut bersumber dari APBD Kabupaten Maros"."""
    at = {t.start: k for k, t in enumerate(toks)}
    if spent.start not in at or fund.start not in at or fund.start <= spent.start:
        return False
    return _linked_before(toks, _index_after(toks, at[spent.start], spent.end), at[fund.start])


def activity_key(m: Mention) -> str:
    """What an activity is about, to tell the same programme in other words within a report: the last word of
    its object, before any area ("percepatan dan penurunan stunting di Pemalang", "penanganan stunting Kabupaten
    Pemalang", "penurunan angka stunting" -> "stunting")."""
    return m.props.get("object", "")
