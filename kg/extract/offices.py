"""Posts (jabatan): [acting] role [portfolio] [body] [region].

"Plt. Kepala DP3AP2KB" -> Kepala Dinas ... (acting Plt.); "Sekretaris Daerah (Sekda) Kota Jambi";
"Kapolres Bogor" -> Kepala Kepolisian Resor Bogor; "Asisten III Sekda Provinsi NTT";
"Deputi Bidang Perlindungan Hak Perempuan"; "Wakil Gubernur Sulawesi Utara (Sulut)".
"""
from __future__ import annotations

from kg.extract.mentions import Mention, skip_paren, slice_text
from kg.extract.organizations import _index_after, is_acronym, parse_org, with_region
from kg.extract.places import ROMAN, parse_region, parse_subregion
from kg.extract.text import Tok
from kg.extract.vocab import Vocab, match
from kg.lexicon import Region

GOV_HEADS = {"Bupati", "Wakil Bupati", "Wali Kota", "Wakil Wali Kota", "Gubernur", "Wakil Gubernur",
             "Penjabat Gubernur", "Presiden", "Wakil Presiden"}
# Roles that take a portfolio of capitalised words ("Deputi Bidang ...", "Asisten Administrasi ...").
PORTFOLIO_ROLES = {"Asisten", "Staf Ahli", "Deputi", "Asisten Deputi", "Direktur", "Wakil Direktur", "Menteri",
                   "Menteri Koordinator", "Analis Kebijakan", "Inspektur", "Koordinator", "Sekretaris",
                   "Wakil Asisten", "Policy Officer", "Country Representative", "Kepala Pelaksana",
                   "Ketua Pelaksana Harian", "Ketua Pelaksana", "Kepala Seksi", "Kepala Bidang", "Kepala Bagian",
                   "Kepala Sub Bagian", "Kepala Urusan", "Kepala Unit", "Kepala Satuan", "Kepala Divisi"}
SUBUNIT_WORDS = {"bidang", "divisi", "bagian", "seksi", "sub", "subbag", "subbagian", "urusan", "satuan",
                 "bid", "intelijen"}
AREA_SECOND = {"kota", "barat", "timur", "utara", "selatan", "tengah", "baru", "raya", "hulu", "hilir", "ilir",
               "lama", "kulon", "wetan", "kidul", "lor", "jaya", "besar", "kecil", "laut", "darat", "seberang"}
PORTFOLIO_GLUE = {"dan", "&", "bidang", "non", "serta"}


def _role_at(V: Vocab, toks: list[Tok], i: int):
    if i >= len(toks) or toks[i].low not in V.roles:
        return None   # no role phrase starts here (match() would say so, slower)
    m = match(toks, i, V.roles)
    if not m:
        return None
    j, (kind, surface, info) = m
    if kind == "role":
        canonical = info.get("canonical")   # "Walikota" is the Wali Kota
        return (j, canonical, V.lex.roles.get(canonical, info), None) if canonical else (j, surface, info, None)
    role = info["role"]
    org_acr = info.get("org")
    pending_head = None
    if org_acr is None and role.startswith("Kepala ") and role.split(" ", 1)[1] in ("Dinas", "Badan", "Biro"):
        pending_head = role.split(" ", 1)[1]
        role = "Kepala"
    return j, role, V.lex.roles.get(role, {}), (org_acr, pending_head, surface)


def parse_office(V: Vocab, text: str, toks: list[Tok], i: int, doc_acr: dict | None = None) -> Mention | None:
    """A post starting at token ``i`` (see the module doc), or None."""
    n = len(toks)
    if i >= n or toks[i].low not in V.office_starts:
        return None
    start = i
    acting = None
    m = match(toks, i, V.acting) if toks[i].low in V.acting else None
    if m:
        acting = m[1]
        i = m[0]
        i, _ = skip_paren(toks, i, 2)     # "Penjabat (Pj)", "Pelaksana Tugas (PLT)"
    r = _role_at(V, toks, i)
    if r is None and acting and i < len(toks) and toks[i].low in ("dinas", "badan", "biro"):
        r = (i, "Kepala", V.lex.roles.get("Kepala", {}), None)   # "Plt Badan Kesbangpol": its acting head
    if r is None:
        return None
    j, role, info, abbrev = r
    if role == "Kepala" and j < n and toks[j].low == "daerah":
        return None   # "Kepala Daerah": a generic phrase
    aliases: list[str] = []
    jp, inner = skip_paren(toks, j, 2)    # "Sekretaris Daerah (Sekda)"
    if inner and match(toks, j + 1, V.roles):
        aliases.append(f"{slice_text(text, toks, i, j)}")
        j = jp
    portfolio: list[str] = []
    # roman numerals: "Asisten III", "Komisi IV"
    if j < n and toks[j].low in ROMAN and toks[j].text.isupper() and role in ("Asisten", "Staf Ahli", "Wakil Ketua"):
        portfolio.append(toks[j].text)
        j += 1
    office = Mention("Office", toks[start].start, toks[j - 1].end, "", role, {}, role=role)
    if acting:
        office.props["acting"] = acting[1]
    org = None
    region_m = None
    level = info.get("gov")
    if abbrev and abbrev[0]:
        # "Kapolres Bogor", "Dandim 0621 Kab. Bogor", "Dirreskrimum Polda Kalbar"
        acr_info = V.lex.org_acronyms.get(V.squash(abbrev[0]))
        if acr_info:
            nested = parse_org(V, text, toks, j, doc_acr)
            if nested is not None and (nested.props.get("acronym") or "").lower() == acr_info["surface"].lower():
                org = nested
                j = _index_after(toks, j, nested.end)
            else:
                org = Mention("Organization", toks[i].start, toks[j - 1].end, abbrev[2], acr_info["full"],
                              {"acronym": acr_info["surface"], "kind": acr_info.get("kind", "")})
                org.props["implicit"] = True
                if j < n and (toks[j].kind == "N" or toks[j].low in ROMAN) and acr_info.get("kind") == "military":
                    k = j + 1
                    if k + 1 < n and toks[k].text == "/" and toks[k].start == toks[k - 1].end and toks[k + 1].cap:
                        k += 2   # "Danramil 1403-08/Sukamaju": the unit's number and its district
                    elif k < n and toks[k].cap and not parse_region(V, text, toks, k):
                        k += 1
                    org.name = acr_info["full"] + " " + slice_text(text, toks, j, k)
                    j = k
                rm = parse_region(V, text, toks, j) if j < n else None
                if rm is None and acr_info.get("scope") == "district" and _district_name_at(V, toks, j):
                    # "Kapolsek Sukamaju Iptu X": a district's unit is named by the district
                    org.region = Region("district", toks[j].text, "")
                    org.name = with_region(org.name, org.region, acr_info.get("kind", ""), "district")
                    org.props["jurisdiction"] = org.region.full
                    j += 1
                    org.end = toks[j - 1].end
                if rm is not None:
                    org.region = rm.region
                    org.name = with_region(org.name, rm.region, acr_info.get("kind", ""), acr_info.get("scope"))
                    org.props["jurisdiction"] = rm.region.full
                    org.props["region_mention"] = rm
                    j = _index_after(toks, j, rm.end)
                    org.end = rm.end
    elif abbrev and abbrev[1]:
        # "Kadis P3AP2KB" = Kepala Dinas P3AP2KB
        if j < n and (is_acronym(toks[j], V) or match(toks, j, V.org_acr) or toks[j].cap):
            acr = toks[j].text
            info2 = V.lex.org_acronyms.get(V.squash("D" + acr)) if abbrev[1] == "Dinas" else None
            info2 = info2 or V.lex.org_acronyms.get(V.squash(acr)) or (doc_acr or {}).get(acr)
            nested = parse_org(V, text, toks, j, doc_acr)
            if nested is not None:
                if info2 and info2["full"].startswith(abbrev[1]):
                    core = info2["full"]
                    nested.props["acronym"] = acr
                    nested.name = with_region(core, nested.region, info2.get("kind", "dinas"))
                elif not nested.name.lower().startswith(abbrev[1].lower()):
                    nested.name = f"{abbrev[1]} {nested.name}"
                nested.aliases.append(f"{abbrev[1]} {nested.surface}")
                org = nested
                j = _index_after(toks, j, nested.end)
            elif is_acronym(toks[j], V):
                from kg.extract.organizations import _tail, _finish
                core = info2["full"] if info2 and info2["full"].startswith(abbrev[1]) else f"{abbrev[1]} {acr}"
                org = Mention("Organization", toks[j].start, toks[j].end, acr, core,
                              {"acronym": acr, "kind": (info2 or {}).get("kind", "dinas")})
                org.aliases.append(f"{abbrev[1]} {acr}")
                k = _tail(V, text, toks, j + 1, org)
                _finish(org, text, toks, j, k, core, (info2 or {}).get("kind", "dinas"))
                j = k
            else:
                # "Kadis Sosial Bantaeng" = Kepala Dinas Sosial Kabupaten Bantaeng: the field's words
                from kg.extract.organizations import _tail, _finish
                k = j
                while k < n and toks[k].cap and toks[k].low in V.org_words and \
                        parse_region(V, text, toks, k) is None:
                    k += 1
                if k > j:
                    core = f"{abbrev[1]} {slice_text(text, toks, j, k)}"
                    kind = {"Dinas": "dinas", "Badan": "badan", "Biro": "biro"}[abbrev[1]]
                    org = Mention("Organization", toks[j].start, toks[k - 1].end, "", core, {"kind": kind})
                    k2 = _tail(V, text, toks, k, org)
                    _finish(org, text, toks, j, k2, core, kind)
                    j = k2
    elif level:
        # head of a regional government: optional "Sekda"/"Bupati" (for Asisten/Staf Ahli) then region
        if role in ("Asisten", "Staf Ahli") and j < n:
            r2 = _role_at(V, toks, j)
            if r2 and (r2[1] in GOV_HEADS or r2[1].startswith("Sekretaris Daerah")):
                portfolio.append(r2[1])
                j = r2[0]
        if role in ("Asisten", "Staf Ahli", "Deputi") or (role in PORTFOLIO_ROLES):
            j = _portfolio(V, text, toks, j, portfolio)
        if level == "district" or level == "village":
            # one name word, a second only when it is a usual part of area names ("Martapura Kota")
            k = j
            if k < n and toks[k].kind == "W" and toks[k].cap and toks[k].low not in V.not_names:
                k += 1
                if k < n and toks[k].low in AREA_SECOND:
                    k += 1
            if k > j:
                office.props["subregion"] = slice_text(text, toks, j, k)
                j = k
        else:
            jr, inner = skip_paren(toks, j, 2)
            if inner:
                j = jr
            if portfolio and role in ("Asisten", "Staf Ahli") and j < n:
                # "Asisten Pemerintahan dan Kesra Setda Provinsi NTB": the secretariat is the body
                sec = parse_org(V, text, toks, j, doc_acr)
                if sec is not None and sec.props.get("kind") == "secretariat":
                    org = sec
                    j = _index_after(toks, j, sec.end)
            region_m = parse_region(V, text, toks, j) if j < n and org is None else None
            if region_m is None and j < n and toks[j].low in ("kota", "kabupaten", "provinsi") and toks[j].cap:
                office.props["level_word"] = toks[j].low
                j += 1
            if region_m is not None:
                j = _index_after(toks, j, region_m.end)
                k, inner = skip_paren(toks, j, 2)     # "Wakil Gubernur Sulawesi Utara (Sulut)"
                if inner and V.lex.regions.get(inner):
                    j = k
        if portfolio and role in ("Asisten", "Staf Ahli") and j < n and toks[j].low == "bidang":
            j = _portfolio(V, text, toks, j, portfolio)
    else:
        if role in PORTFOLIO_ROLES or (j < n and toks[j].low in SUBUNIT_WORDS):
            j = _portfolio(V, text, toks, j, portfolio)
        inner_post = _role_at(V, toks, j) if portfolio and j < n else None
        if inner_post and inner_post[3] and inner_post[3][0]:
            # "Wakil Asisten Operasi Kapolri": the post names its body through another post
            acr_info = V.lex.org_acronyms.get(V.squash(inner_post[3][0]))
            if acr_info and not acr_info.get("regional"):
                portfolio.append(slice_text(text, toks, j, inner_post[0]))
                org = Mention("Organization", toks[j].start, toks[inner_post[0] - 1].end, inner_post[3][2],
                              acr_info["full"], {"acronym": acr_info["surface"], "kind": acr_info.get("kind", "")})
                org.props["implicit"] = True
                j = inner_post[0]
        if j < n and org is None:
            org = parse_org(V, text, toks, j, doc_acr)
            if org is not None:
                j = _index_after(toks, j, org.end)
            else:
                region_m = parse_region(V, text, toks, j) or parse_subregion(V, text, toks, j)
                if region_m is not None:
                    j = _index_after(toks, j, region_m.end)
    office.end = toks[j - 1].end
    office.surface = slice_text(text, toks, start, j)
    office.org = org
    office.level = level
    office.props["portfolio"] = " ".join(portfolio)
    if region_m is not None:
        office.region = region_m.region
        office.props["region_mention"] = region_m
    office.aliases = aliases
    return office


def _district_name_at(V: Vocab, toks: list[Tok], j: int) -> bool:
    """A district's name at ``j``: one capitalised word, then a rank, a title, a comma or the end
    ("Kapolsek Sukamaju Iptu X", "Kapolsek Sukamaju, X"; not "Kapolsek Ahmad Yani")."""
    n = len(toks)
    if j >= n or toks[j].kind != "W" or not toks[j].cap or toks[j].low in V.not_names or \
            toks[j].low in V.ranks or toks[j].low in V.prefixes:
        return False
    nxt = toks[j + 1] if j + 1 < n else None
    return nxt is None or nxt.text in ",.;)" or nxt.low in V.ranks or nxt.low in V.prefixes


def _portfolio(V: Vocab, text: str, toks: list[Tok], j: int, out: list[str]) -> int:
    """Capitalised words naming a post's field ("Bidang Perlindungan Hak Perempuan")."""
    n = len(toks)
    k = j
    last = j
    while k < n:
        t = toks[k]
        if t.kind == "W" and (t.cap or t.low in PORTFOLIO_GLUE):
            # (a table is matched only where its first word stands: match() says no elsewhere)
            if t.cap and (parse_region(V, text, toks, k) or (t.low in V.org_acr and match(toks, k, V.org_acr)) or
                          (t.low in V.org_heads and match(toks, k, V.org_heads) and t.low not in SUBUNIT_WORDS) or
                          t.low in V.prefixes or t.low in V.ranks or (t.low in V.roles and match(toks, k, V.roles))):
                if not (t.low in SUBUNIT_WORDS and k == j):
                    break
            if t.cap and t.low not in V.org_words and t.low not in SUBUNIT_WORDS and k + 1 < n and \
                    toks[k + 1].cap and toks[k + 1].low not in V.org_words and k > j:
                break   # two unknown capitalised words: a name begins
            k += 1
            if t.cap:
                last = k
            continue
        if t.text == "&":
            k += 1
            continue
        break
    if last > j:
        out.append(slice_text(text, toks, j, last))
    return last
