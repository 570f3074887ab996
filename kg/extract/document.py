"""Read one report: sentences, mentions, entities (with names resolved against the report's own
jurisdiction), then hand over to :mod:`kg.extract.relations`."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from kg.clean import Cleaned
from kg.extract.entities import Registry, key
from kg.extract.mentions import Mention
from kg.extract.organizations import GOV_NAMES, with_region
from kg.extract.offices import GOV_HEADS
from kg.extract.places import parse_region
from kg.extract.scan import Sentence, scan
from kg.extract.text import sentences, tokenize
from kg.extract.vocab import Vocab
from kg.lexicon import Region
from kg.model import Entity

# "JAMBI –", "Pemalang -", "SERANG, RUBRIKBANTEN –", "Jambi (ANTARA) -", "Mataram, 15 Oktober 2025 —"
_DATELINE = re.compile(r"^\s*(?:[A-Z][\w.]*\s*[,|]\s*)?(?P<place>[A-Z][A-Za-z]+(?:[ \-][A-Z][A-Za-z]+){0,2})"
                       r"\s*(?:\([^)\n]{1,40}\)|,[^\n–—\-]{1,40})?\s*[–—\-]+")
ACTING_FULL = {"Plt.": "Pelaksana Tugas", "Pj.": "Penjabat", "Plh.": "Pelaksana Harian"}
LEVEL_OF_ROLE = {"Bupati": "regency", "Wakil Bupati": "regency", "Wali Kota": "city", "Wakil Wali Kota": "city",
                 "Gubernur": "province", "Wakil Gubernur": "province", "Penjabat Gubernur": "province"}
_UNSET = object()
_GOV_SHORT = {"city": "Pemkot", "regency": "Pemkab", "province": "Pemprov"}   # "Pemkab X" finds "Pemerintah Kabupaten X"


class Doc:
    """Everything read from one report, shared by the entity and relation builders."""

    def __init__(self, V: Vocab, text: str, cleaned: Cleaned, title_end: int) -> None:
        self.V = V
        self.text = text
        self.clean = cleaned.text
        self.cleaned = cleaned
        self.title_end = title_end
        self.sents: list[Sentence] = []
        self.sent_starts: list[int] = []        # sentence starts, for bisect (sent_at)
        self.doc_acr: dict = {}
        self.reg = Registry(text)
        self.default: Region | None = None
        self.default_province: Region | None = None
        self.dateline: Mention | None = None
        self.explicit: dict[str, Region] = {}   # bare name -> region written with its keyword
        self.places: dict[str, Entity] = {}     # region key -> Place entity
        self.gov: dict[str, Entity] = {}        # region key -> Pemerintah entity
        self.holds: list[tuple[Entity, Entity, Mention, Mention]] = []
        self.office_org: dict[str, Entity] = {}  # office id -> org entity (POST_IN)
        # posts named bare ("Bupati", "Wali Kota") whose body is the report's regional government
        self.pending_post_in: list[tuple[Entity, Entity | None]] = []
        self.mention_ent: dict[int, Entity] = {}

    # -- reading ---------------------------------------------------------------------------------
    def read(self) -> None:
        """Split, tokenize and scan every sentence of the cleaned text."""
        clean, title_end, V, doc_acr = self.clean, self.title_end, self.V, self.doc_acr
        sents = self.sents
        for idx, (s, e) in enumerate(sentences(clean)):
            text = clean[s:e]
            if s >= title_end:
                sent = Sentence(idx, s, e, text, tokenize(text, s))
                scan(V, clean, sent, doc_acr)
            else:
                # the headline is not scanned (its facts are the body's), so it needs no tokens
                sent = Sentence(idx, s, e, text, [])
            sents.append(sent)
        self.sent_starts = [sent.start for sent in sents]
        self._dateline()
        self._jurisdiction()

    def sent_at(self, pos: int) -> Sentence | None:
        """The sentence holding offset ``pos``: sentences are in text order and do not overlap, so it
        is the last one starting at or before it, if it reaches ``pos``."""
        i = bisect_right(self.sent_starts, pos) - 1
        if i >= 0:
            s = self.sents[i]
            if pos < s.end:
                return s
        return None

    def first_body_sentence(self) -> Sentence | None:
        """The first sentence after the headline, else the first one."""
        if not self.sents:
            return None
        i = bisect_left(self.sent_starts, self.title_end)
        return self.sents[i] if i < len(self.sents) else self.sents[0]

    def _dateline(self) -> None:
        start = self.title_end
        body = self.clean[start:start + 200]
        m = _DATELINE.match(body)
        if not m:
            return
        place = m.group("place")
        # "Giri Menang, Senin 25 Juni 2018 –", "FORUM Keadilan Bali –": the dateline names a place or the
        # outlet, known or not, never a person or a body that took part
        p0, p1 = start + m.start("place"), start + m.end("place")
        sent = self.sent_at(p0)
        if sent is not None and any(x.type in ("Person", "Organization") for x in sent.mentions):
            sent.mentions = [x for x in sent.mentions
                             if not (x.type in ("Person", "Organization") and p0 <= x.start < p1)]
            sent.holds = [(x, o) for x, o in sent.holds if not p0 <= x.start < p1]
        toks = tokenize(place, start + m.start("place"))
        r = parse_region(self.V, self.clean, toks, 0)
        if r is None:
            cap = self.V.lex.capitals.get(place.title())
            if cap is not None:
                r = Mention("Place", toks[0].start, toks[-1].end, place, place.title(), {"kind": "town"})
                r.props["town_of"] = cap
        if r is not None and r.end <= start + m.end("place"):
            r.props["dateline"] = True
            self.dateline = r

    def _jurisdiction(self) -> None:
        """The report's own region: the most mentioned regency/city (else province)."""
        # (plain dicts: a Counter's += on a new key calls its Python __missing__; the first key with
        # the highest count wins, as with Counter.most_common(1))
        counts: dict[tuple[str, str], float] = {}
        provinces: dict[str, float] = {}
        explicit = self.explicit
        for sent in self.sents:
            for m in sent.mentions:
                # (only a place, a mention with a region's words or one with a body names a region)
                if m.org is None and m.type != "Place" and m.props.get("region_mention") is None:
                    continue
                # a bare name in passing ("logat Manado", "Jatim aman") weighs less than a place
                # written as one ("di Palu", "Kota Palu") or a body's jurisdiction ("Dinsos Palu")
                w = 0.25 if m.type == "Place" and not (m.props.get("explicit_kind") or
                                                         m.props.get("locative")) else 1.0
                for r, exp in _regions_of(m):
                    if exp:
                        explicit.setdefault(r.name, r)
                    if r.kind in ("city", "regency"):
                        k = (r.kind, r.name)
                        counts[k] = counts.get(k, 0) + w
                        if r.province:
                            provinces[r.province] = provinces.get(r.province, 0) + 0.5 * w
                    elif r.kind == "province":
                        provinces[r.name] = provinces.get(r.name, 0) + w
        if self.dateline is not None and self.dateline.region is not None:
            r = self.dateline.region
            if r.kind in ("city", "regency"):
                k = (r.kind, r.name)
                counts[k] = counts.get(k, 0) + 1
            else:
                provinces[r.name] = provinces.get(r.name, 0) + 1
        if counts:
            if provinces:
                # a city of the report's province before a namesake count elsewhere
                top = _most(provinces)
                for kind, name in counts:
                    if any(c.kind == kind and c.province == top for c in self.V.lex.regions.get(name, [])):
                        counts[(kind, name)] += 0.5
            kind, name = _most(counts)
            exp = self.explicit.get(name)
            self.default = exp if exp is not None and exp.kind in ("city", "regency") else Region(kind, name)
            cands = self.V.lex.regions.get(name, [])
            prov = next((c.province for c in cands if c.kind == kind and c.province), "")
            self.default = Region(self.default.kind, name, prov)
        if provinces:
            pname = _most(provinces)
            self.default_province = Region("province", pname)
        elif self.default is not None and self.default.province:
            self.default_province = Region("province", self.default.province)
        if self.default is None:
            self.default = self.default_province

    def resolve(self, region: Region | None, level: str | None = None) -> Region | None:
        """Settle a bare region's kind (city or regency) from how the report writes it elsewhere."""
        if region is None:
            return None
        exp = self.explicit.get(region.name)
        if level in ("city", "regency", "province"):
            if region.kind == level:
                return region
            cands = self.V.lex.regions.get(region.name, [])
            alt = next((c for c in cands if c.kind == level), None)
            if alt is not None:
                return alt
            return Region(level, region.name, region.province) if level != "province" else region
        if exp is not None and exp.kind != region.kind and (region.kind != "province" or exp.kind != "province"):
            return exp
        return region

    def default_for(self, level: str | None) -> Region | None:
        if level == "province":
            return self.default_province or self.default
        if level in ("city", "regency"):
            if self.default is not None and self.default.kind in ("city", "regency"):
                return self.resolve(self.default, level) if self.default.kind != level else self.default
            return None
        return self.default

    # -- entities ----------------------------------------------------------------------------------
    def place(self, region: Region, surface: str | None, mention: Mention | None, bare_ok: bool = True) -> Entity:
        """The Place entity of ``region`` (named "Kota X" when the report writes it so, else as written)."""
        region = self.resolve(region)
        rk = f"{region.kind}:{region.name}"
        ent = self.places.get(rk)
        explicit = self.explicit.get(region.name)
        if ent is None:
            if region.kind == "province" or explicit is not None or not bare_ok:
                name = region.full
            else:
                name = region.name
            ent = self.reg.add("Place", name, surface, mention, {"kind": region.kind})
            self.places[rk] = ent
            if name != region.full:
                self.reg.link_key("Place", region.full, ent)
        elif surface or mention is not None:   # (with neither, add() would find ent and do nothing)
            self.reg.add("Place", ent.name, surface, mention)
        return ent

    def government(self, level: str, region: Region | None, surface: str | None = None,
                   mention: Mention | None = None) -> Entity | None:
        """The "Pemerintah <level> <region>" Organization entity."""
        if region is None:
            return None
        region = self.resolve(region, level if level in ("city", "regency", "province") else None)
        rk = f"{region.kind}:{region.name}"
        ent = self.gov.get(rk)
        if ent is None:
            name = f"{GOV_NAMES.get(region.kind, 'Pemerintah Daerah')} {region.name}"
            ent = self.reg.add("Organization", name, surface, mention,
                               {"kind": "government", "jurisdiction": region.full})
            self.gov[rk] = ent
            short = _GOV_SHORT.get(region.kind)
            if short:
                self.reg.link_key("Organization", f"{short} {region.name}", ent)
        elif surface or mention is not None:   # (with neither, add() would find ent and do nothing)
            self.reg.add("Organization", ent.name, surface, mention)
        return ent

    def organization(self, m: Mention, info: dict | None | object = _UNSET) -> Entity:
        """Register an organisation mention, filling a missing jurisdiction from the report.

        ``info``: the mention's :meth:`_acronym_info`, when the caller has it already."""
        if m.props.get("kind") == "government" and m.level and m.level != "national":
            region = m.region or self.default_for(m.level)
            ent = self.government(m.level, region, m.surface, m) if region is not None else None
            if ent is not None:
                for a in m.aliases:
                    self.reg.alias(ent, a)
                self.mention_ent[id(m)] = ent
                return ent
        name = m.name
        acr = m.props.get("acronym")
        kind = m.props.get("kind")
        if info is _UNSET:
            info = self._acronym_info(acr, kind)
        prior = self._by_acronym(acr, None, kind, placed=True) if acr and m.region is None else None
        if prior is not None and info is not None and info.get("regional") and not m.props.get("national"):
            # "BPBD" after "BPBD NTT": a body written short is the one the report already placed
            name = prior.name
        elif m.region is None and info is not None and info.get("regional") and not m.props.get("national") \
                and info.get("scope") != "district":   # a Polsek or Koramil is not the regency's
            level = {"province": "province"}.get(info.get("scope", ""), None)
            region = self.default_for(level) if level else self.default
            if region is not None and info.get("kind") not in ("ngo", "commission", "badan", "bank") or \
                    info and info.get("parent") == "gov" and region is not None:
                m.region = region
                name = with_region(name, region, info.get("kind", ""), info.get("scope"))
                m.props["jurisdiction_inferred"] = True
        elif m.region is not None and not m.props.get("own_name"):
            r2 = self.resolve(m.region)
            if r2 is not m.region and r2.kind != m.region.kind:
                name = name.replace(m.region.full, r2.full)
                m.region = r2
        existing = self.reg.get("Organization", name)
        if existing is None and acr:
            existing = self._by_acronym(acr, m.region, kind)
        if existing is None and m.region is None:
            existing = self._by_abbreviation(name) or self._placed(name)
        props = {"acronym": acr, "kind": kind or (info or {}).get("kind"),
                 "jurisdiction": m.region.full if m.region is not None else None}
        if m.props.get("implicit"):
            props["_implicit"] = True
        ent = self.reg.add("Organization", name if existing is None else existing.name, m.surface, m, props,
                           m.aliases)
        self.mention_ent[id(m)] = ent
        return ent

    def _by_abbreviation(self, name: str) -> Entity | None:
        """The report's body that a head + syllable abbreviation stands for: "Biro Kesra" is the "Biro
        Kesejahteraan Rakyat Setda Provinsi NTB" named before, "Badan Kesbangpol" the "Badan Kesatuan
        Bangsa dan Politik Kabupaten X"."""
        words = name.split()
        if len(words) != 2 or len(words[1]) < 4 or not words[1][0].isupper():
            return None
        head, short = words[0], words[1].lower()
        for e in self.reg.orgs:
            ew = e.name.split()
            if len(ew) > 2 and ew[0] == head and \
                    _abbreviates(short, [w.lower() for w in ew[1:] if w.lower() not in ("dan", "&")]):
                return e
        return None

    def _placed(self, name: str) -> Entity | None:
        """The one body of the report named ``name`` with its jurisdiction after it: "Dinas Ketenagakerjaan"
        after "Dinas Ketenagakerjaan Provinsi Maluku" is that body."""
        found = None
        prefix = name + " "
        for e in self.reg.orgs:
            jur = e.props.get("jurisdiction")
            if jur and e.name.startswith(prefix) and jur.endswith(e.name[len(prefix):]):
                if found is not None:
                    return None   # two of them: which is not said
                found = e
        return found

    def _acronym_info(self, acr: str | None, kind: str | None) -> dict | None:
        """The lexicon entry of an acronym; a dinas written "Dinas P3A" is the DP3A, "Kementerian PPPA" the
        KemenPPPA."""
        if not acr:
            return None
        get = self.V.lex.org_acronyms.get
        info = get(self.V.squash(acr))
        if kind == "dinas" and (info is None or info.get("kind") != "dinas"):
            info = get(self.V.squash("D" + acr)) or info
        elif kind == "ministry" and (info is None or info.get("kind") != "ministry"):
            info = get(self.V.squash("Kemen" + acr)) or info
        return info

    def _by_acronym(self, acr: str, region: Region | None, kind: str | None = None,
                    placed: bool = False) -> Entity | None:
        """The report's body known by ``acr`` (in ``region``; of ``kind``; with a jurisdiction when
        ``placed``): "Dinas P3A Sulteng" is not the ministry the report called "(P3A)" earlier."""
        squash = self.V.squash
        sq = squash(acr)
        # other == sq, "d" + sq, or "d" + other == sq (sq without its leading "d")
        dsq = "d" + sq
        sq1 = sq[1:] if sq[:1] == "d" else None
        for e in self.reg.orgs:
            other = e.props.get("acronym")
            if not other:
                continue   # (squashed, it would be "" too)
            other = squash(other)
            if other and (other == sq or other == dsq or other == sq1):
                ekind = e.props.get("kind")
                if kind and ekind and kind != ekind:
                    continue
                jur = e.props.get("jurisdiction")
                if placed and not jur:
                    continue
                if region is None or jur in (None, region.full):
                    return e
        return None

    def office(self, m: Mention) -> Entity | None:
        """Register a post mention; its name is written out with its body or jurisdiction."""
        role = m.role or ""
        acting = m.props.get("acting")
        prefix = (ACTING_FULL.get(acting, "") + " ") if acting else ""
        portfolio = m.props.get("portfolio") or ""
        org_ent = None
        if m.org is not None:
            info = self._acronym_info(m.org.props.get("acronym"), m.org.props.get("kind"))
            if m.org.props.get("kind") == "generic" or (info is not None and info.get("kind") == "generic"):
                return None   # "Kepala OPD terkait": the heads of some bodies, no one post
            org_ent = self.organization(m.org, info)
            name = _joined(prefix + role, portfolio, org_ent.name)
        elif m.level:
            level = m.level
            if level == "any" and role in ("Asisten", "Staf Ahli"):
                # "Staf Ahli Gubernur", "Asisten II Bupati Kolaka": the head named sets the level
                for head, lv in LEVEL_OF_ROLE.items():
                    if head in portfolio.split(" Bidang")[0]:
                        level = lv
            if level == "any":
                lw = m.props.get("level_word")
                level = {"kota": "city", "kabupaten": "regency", "provinsi": "province"}.get(lw or "", None)
                if role.endswith(" Provinsi"):
                    level = "province"
                elif role.endswith(" Kabupaten"):
                    level = "regency"
                elif role.endswith(" Kota"):
                    level = "city"
            if level in ("district", "village"):
                sub = m.props.get("subregion")
                if not sub:
                    return None
                name = f"{prefix}{role} {sub}"
                if level == "district":
                    # "Camat Petarukan" is the head of the Pemerintah Kecamatan Petarukan
                    org_ent = self.government("district", Region("district", sub, ""))
            elif level == "national":
                name = f"{prefix}{role} Republik Indonesia" if role == "Presiden" else prefix + role
            else:
                region = m.region
                if region is not None:
                    region = self.resolve(region, level if level in ("city", "regency", "province") else None)
                else:
                    region = self.default_for(level if level != "any" else None)
                if region is None:
                    return None
                m.region = region
                # (each word dropped starts with a space: a role of one word is its own base)
                base = role.replace(" Provinsi", "").replace(" Kabupaten", "").replace(" Kota", "") \
                    if " " in role else role
                if base in GOV_HEADS or "Bupati" in portfolio or "Wali Kota" in portfolio or "Gubernur" in portfolio:
                    where = region.name
                else:
                    where = region.full
                if role in ("Asisten", "Staf Ahli"):
                    pf = portfolio.replace("Sekretaris Daerah", "Sekretaris Daerah")
                    name = f"{prefix}{role} {pf} {where}".replace("  ", " ")
                else:
                    name = f"{prefix}{base} {where}"
                org_ent = self.government(region.kind, region)
        else:
            if m.region is not None:
                region = self.resolve(m.region)
                name = _joined(prefix + role, portfolio, region.full)
            elif portfolio:
                name = _joined(prefix + role, portfolio)
            else:
                return None
        name = " ".join(name.split())
        props = {"role": _joined(role, portfolio) if role not in GOV_HEADS else role,
                 "acting": acting}
        if m.org is not None and not m.org.props.get("implicit") and (
                m.org.region is not None and not m.org.props.get("jurisdiction_inferred")
                or (info_national(self.V, m.org))):
            props["_explicit_body"] = True   # "Kepala Satpol PP Kabupaten Wajo": named in full, kept
        if not acting:
            # (reg.acting: no key of the report starts like "Penjabat ..." yet, so no twin can be found)
            for full in ACTING_FULL.values() if self.reg.acting else ():
                twin = self.reg.get("Office", f"{full} {name}")
                if twin is not None:
                    name = twin.name
                    props["acting"] = twin.props.get("acting")
                    break
        else:
            plain = self.reg.get("Office", name[len(prefix):])
            if plain is not None and plain.name != name:
                # the report named the post plainly first: it is the acting post
                self.reg.by_key[("Office", key(name))] = plain
                self.reg.acting = True
                plain.name = name
                plain.props["acting"] = acting
        ent = self.reg.add("Office", name, m.surface, m, props, m.aliases)
        # short forms: "Sekda", "Kapolres", "Bupati" alone find this post later
        self.mention_ent[id(m)] = ent
        if org_ent is not None:
            self.office_org.setdefault(ent.id, org_ent)
        return ent


def info_national(V: Vocab, org: Mention) -> bool:
    """A national body (a ministry, a national agency): its posts need no jurisdiction."""
    acr = org.props.get("acronym")
    info = V.lex.org_acronyms.get(V.squash(acr)) if acr else None
    if info is not None:
        return not info.get("regional") and info.get("kind") in ("ministry", "badan", "police", "commission")
    return org.props.get("kind") == "ministry" or bool(org.props.get("national"))


def _joined(*parts: str) -> str:
    """The non-empty ``parts`` joined by spaces (``" ".join(x for x in parts if x)`` without a generator)."""
    if all(parts):
        return " ".join(parts)
    return " ".join([x for x in parts if x])


def _abbreviates(short: str, words: list[str], used: int = 0) -> bool:
    """True when ``short`` is made of leading pieces of ``words`` in order, two words at least:
    "kesra" <- kesejahteraan rakyat, "kesbangpol" <- kesatuan bangsa politik."""
    if not short:
        return used >= 2
    if not words:
        return False
    w = words[0]
    for k in range(min(len(w), len(short)), 0, -1):
        if short[:k] == w[:k] and _abbreviates(short[k:], words[1:], used + 1):
            return True
    return False


def _most(counts: dict):
    """The key with the highest count, the first one of equals (as ``Counter.most_common(1)``)."""
    return max(counts.items(), key=itemgetter(1))[0]


def _regions_of(m: Mention):
    if m.type == "Place" and m.region is not None:
        yield m.region, bool(m.props.get("explicit_kind"))
    rm = m.props.get("region_mention")
    if rm is not None and rm.region is not None:
        yield rm.region, bool(rm.props.get("explicit_kind"))
    if m.org is not None:
        yield from _regions_of(m.org)


__all__ = ["Doc", "key"]
