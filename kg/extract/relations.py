"""Turn a read report (:class:`kg.extract.document.Doc`) into entities and evidenced relations.

Posts and bodies (HOLDS, POST_IN, PART_OF, MEMBER_OF), places (LOCATED_IN) and funds (FUNDED_BY,
PROVIDED_BY) are read here; the event and its participants in :mod:`kg.extract.participation`.
"""
from __future__ import annotations

import re

from kg.extract.document import Doc
from kg.extract.entities import key
from kg.extract.funding import activity_key, link_programmes, paid_from
from kg.extract.mentions import Mention
from kg.extract.participation import _events, _represented
from kg.extract.participation import LIST_GAP, NAME_GAP, people_list
from kg.extract.places import parse_region
from kg.extract.relset import Relations, _sent_of, _words
from kg.extract.text import tokenize
from kg.extract.vocab import Vocab
from kg.model import Entity, Relation


def build(doc: Doc) -> list[Relation]:
    """Register every mention as an entity and read the relations between them."""
    R = Relations(doc)
    reg = doc.reg
    skip_people = {w for who in (doc.cleaned.reporter, doc.cleaned.editor) if who for w in _words(who)}
    persons: list[Entity] = []
    ent_of: dict[int, Entity] = {}
    events: list[Mention] = []
    venues: list[tuple[Entity, Mention]] = []
    funds: list[tuple[Entity, Mention]] = []
    programmes: list[tuple[Entity, Mention]] = []
    org_sents: set[int] = set()   # the sentences with an Organization mention (for _members)

    # the word tuple and word set of each person's name, kept with ``persons`` (built once a name,
    # not once a comparison)
    pwords: list[tuple[tuple[str, ...], set[str]]] = []

    def person(m: Mention) -> Entity | None:
        words = _words(m.name)
        if not words:
            return None
        ws = set(words)
        if skip_people and ws <= skip_people:
            return None
        best = None
        for n, (_, ew) in enumerate(pwords):
            if ws <= ew or ew <= ws:
                best = persons[n]
                break
        if best is None and len(words) == 1 and len(words[0]) >= 4:
            w0 = words[0]
            nick = [n for n, (_, ew) in enumerate(pwords) if any(w.startswith(w0) for w in ew)]
            if len(nick) == 1:
                n = nick[0]
                best = persons[n]
        if best is None:
            if m.weak and len(words) < 2:
                return None
            best = reg.add("Person", m.name, None, None)
            persons.append(best)
            pwords.append((_words(best.name), set(_words(best.name))))
        elif len(words) > len(pwords[n][0]) and not m.weak:
            old = best.name
            best.name = m.name
            for n, e in enumerate(persons):
                if e is best:   # (listed twice when an old name of it was registered again)
                    pwords[n] = (words, ws)
            reg.alias(best, old)
            if old in best.aliases and key(old) == key(best.name):
                best.aliases.remove(old)
            reg.link_key("Person", m.name, best)
        mp = m.props
        # (add() skips a missing honorific, as it would a None one)
        props = {"honorific_prefix": mp.get("honorific_prefix"), "honorific_suffix": mp.get("honorific_suffix")} \
            if "honorific_prefix" in mp or "honorific_suffix" in mp else None
        reg.add("Person", best.name, m.surface, m, props, m.aliases)
        return best

    for sent in doc.sents:
        for m in sent.mentions:
            t = m.type
            if t == "Office":
                ent = doc.office(m)
                if ent is not None and m.org is not None:
                    ent_of[id(m.org)] = doc.mention_ent.get(id(m.org))
            elif t == "Person":
                ent = person(m)
            elif t == "Organization":
                org_sents.add(sent.index)
                mp = m.props
                kind = mp.get("kind")
                if kind == "generic":
                    continue   # OPD, SKPD, LSM (or written out): a kind of body, not a body
                info = doc._acronym_info(mp.get("acronym"), kind)
                if info is not None and info.get("kind") == "generic":
                    continue
                ent = doc.organization(m, info)
            elif t == "Place":
                mp = m.props
                if mp.get("kind") == "venue":
                    ent = reg.add("Place", m.name, m.surface, m, {"kind": "venue"})
                    venues.append((ent, m))
                elif m.region is not None:
                    if not (mp.get("explicit_kind") or mp.get("locative")):
                        continue   # "logat Manado", "Jatim aman": a region named in passing
                    ent = doc.place(m.region, m.surface, m)
                else:
                    if not mp.get("locative"):
                        continue
                    ent = reg.add("Place", m.name, m.surface, m, {"kind": mp.get("kind")})
            elif t == "FundingSource":
                ent = reg.add("FundingSource", _fund_name(doc, m), m.surface, m,
                              {"kind": m.props.get("kind"), "year": m.props.get("year")}, m.aliases)
                funds.append((ent, m))
            elif t == "Event":
                events.append(m)
                continue
            elif t == "Programme":
                ent = reg.add("Programme", m.name, m.surface, m)
                programmes.append((ent, m))
            else:
                continue
            if ent is not None:
                ent_of[id(m)] = ent

    # a dateline town ("PALU –") is a place of the report
    if doc.dateline is not None:
        d = doc.dateline
        if d.region is not None:
            ent = doc.place(d.region, d.surface, d)
        else:
            ent = reg.add("Place", d.name, d.surface, d, {"kind": "city"})
        ent_of[id(d)] = ent

    # HOLDS and POST_IN
    for sent in doc.sents:
        for p, o in sent.holds:
            pe, oe = ent_of.get(id(p)), ent_of.get(id(o))
            R.add(pe, "HOLDS", oe, sent, 0.9)
    for office_id, org in doc.office_org.items():
        R.add(reg.entities[int(office_id[1:]) - 1], "POST_IN", org, None, 0.8)

    _structure(doc, R, venues)
    _members(doc, R, ent_of, org_sents)
    _events(doc, R, events, ent_of, persons, venues, funds)
    if getattr(doc, "main_event", None) is None:
        _represented(doc, R, ent_of)
    _funding(doc, R, funds, ent_of, programmes)
    _government_places(doc, R)
    return R.out


def _structure(doc: Doc, R: Relations, venues) -> None:
    """PART_OF (a dinas in its government), LOCATED_IN (a government in its area, venue in area)."""
    reg = doc.reg
    V = doc.V
    for ent in list(reg.orgs):
        acr = ent.props.get("acronym")
        info = V.lex.org_acronyms.get(V.squash(acr)) if acr else None
        jur = ent.props.get("jurisdiction")
        kind = ent.props.get("kind") or (info or {}).get("kind")
        if kind == "government":
            continue   # LOCATED_IN its area: _government_places, once every place is known
        if info is not None:
            parent_gov = info.get("parent") == "gov" and info.get("kind") != "secretariat"
        else:
            # written out: a dinas, a regional badan, a biro ("Dinas Sosial Kota Serang", "DPPPAPM Kota X")
            first = ent.name.split()[0]
            parent_gov = first in ("Dinas", "Biro", "Inspektorat") or first == "Badan" and "Daerah" in ent.name \
                or (acr or "").startswith("D") and kind in (None, "", "dinas")
        if parent_gov and jur:
            region_key = _region_key(doc, jur)
            gov = doc.gov.get(region_key) if region_key else None
            if gov is not None:
                R.add(ent, "PART_OF", gov, None, 0.7)
        parent = (info or {}).get("parent")
        if parent and parent != "gov":
            pinfo = V.lex.org_acronyms.get(V.squash(parent))
            # the parent in the unit's own jurisdiction ("Ditreskrimum Polda Maluku" beside Polda Papua), else
            # the first the report names
            best = None
            for other in reg.orgs:
                if other is not ent and (
                        other.props.get("acronym") == parent or (pinfo and other.name.startswith(pinfo["full"]))):
                    if best is None:
                        best = other
                    if jur and other.props.get("jurisdiction") == jur:
                        best = other
                        break
            if best is not None:
                R.add(ent, "PART_OF", best, None, 0.6)
    _named_within(doc, R)
    # room -> building -> area; area -> province
    order = sorted(venues, key=lambda em: em[1].start)
    for n, (ent, m) in enumerate(order):
        nxt = order[n + 1] if n + 1 < len(order) else None
        if nxt is not None and nxt[0] is not ent and _COMMA_ONLY.fullmatch(doc.clean[m.end:nxt[1].start]):
            # "di Ruang Flamboyan, Hotel Sasando": the room is in the building, which has the area
            R.add(ent, "LOCATED_IN", nxt[0], _sent_of(doc, m.start), 0.7)
            continue
        building = _building_of(doc, m)
        if building is not None:
            # "Aula Melati Lantai 3 Kantor Gubernur Maluku": the building is a place of its own
            outer = ent
            ent = doc.reg.add("Place", building.name, building.surface, building, {"kind": "venue"})
            R.add(outer, "LOCATED_IN", ent, _sent_of(doc, m.start), 0.7)
            m = building
        toks = tokenize(doc.clean[m.start:m.end], m.start)
        inner = None
        for i in range(1, len(toks)):
            r = parse_region(V, doc.clean, toks, i)
            if r is not None:
                inner = r
        # "Hotel Aston, Kupang", "..., Kota Ambon": a region right after the venue is the most specific
        after = doc.clean[m.end:m.end + 40]
        mm = _REGION_AFTER.match(after)
        r = None
        if mm:
            t2 = tokenize(mm.group(1), m.end + mm.start(1))
            r = parse_region(V, doc.clean, t2, 0)
        if r is not None:
            R.add(ent, "LOCATED_IN", doc.place(r.region, r.surface, r), None, 0.6)
        elif inner is not None:
            R.add(ent, "LOCATED_IN", doc.place(inner.region, inner.surface, None), None, 0.7)
    provinces = {k: e for k, e in doc.places.items() if k.startswith("province:")}
    for k, e in list(doc.places.items()):
        kind, name = k.split(":", 1)
        if kind in ("city", "regency") and e.name.split()[0] in ("Kota", "Kabupaten"):
            cands = V.lex.regions.get(name, [])
            prov = next((c.province for c in cands if c.kind == kind and c.province), None)
            if prov and f"province:{prov}" in provinces:
                R.add(e, "LOCATED_IN", provinces[f"province:{prov}"], None, 0.6)


_COMMA_ONLY = re.compile(r"\s*,\s*")
# Words after a body's name that make a branch of it: "Bank Jateng Cabang Batang", "BRI Unit Pemalang".
_BRANCH = ("Cabang", "Kantor Cabang", "Unit", "Perwakilan", "Wilayah")


def _named_within(doc: Doc, R: Relations) -> None:
    """PART_OF read from names: a unit named with the body it belongs to, which the report names too.
    "Komisi II DPRD Kota Serang" is part of "DPRD Kota Serang", "Biro Kesra Setda Provinsi NTB" of
    "Setda Provinsi NTB", "Unit PPA Polres X" of "Polres X", "Bank Jateng Cabang Batang" of "Bank Jateng".
    Only forms of two words or more count (one word is too loose), and a team or forum named after a
    body ("Tim Mabes Polri") is not part of it."""
    orgs = doc.reg.orgs
    placed = {r.s for r in R.out if r.p == "PART_OF"}
    # (a unit's name holds a parent's form of two words or more, so it has three words or more)
    units = [a for a in orgs if a.id not in placed and a.props.get("kind") not in ("government", "task_force", "forum")
             and (a.name.count(" ") >= 2 or any(f.count(" ") >= 2 for f in a.aliases))]
    if not units or len(orgs) < 2:
        return
    V = doc.V
    forms = {e.id: _forms(V, e) for e in orgs}
    # (a body with no form of two words is no one's parent: it is left out of the pairs)
    parents = [(b, fs) for b in orgs if (fs := forms[b.id])]
    for a in units:
        own = forms[a.id]
        joined = "\n".join(own)   # one look for each parent form before the word-by-word one
        for b, fs in parents:
            if b is a:
                continue
            for f in fs:
                if f in joined:
                    break
            else:
                continue   # (no form of b inside: the common case, without a list)
            if _within(own, [f for f in fs if f in joined]):
                R.add(a, "PART_OF", b, None, 0.6)
                break


def _forms(V: Vocab, e: Entity) -> set[str]:
    """The forms of two words or more a body goes by: its name and aliases, each also with its head
    written short as the lexicon does ("Sekretariat Daerah Provinsi X" -> "Setda Provinsi X") and
    without a company's legal form ("PT Bank X" -> "Bank X")."""
    out = set()
    shorts = V.lex.org_shorts
    for f in (e.name, *e.aliases):
        if " " not in f:
            continue
        out.add(f)
        head, _, rest = f.partition(" ")
        if head == "PT":
            out.add(rest)
        fulls = shorts.get(head)
        if fulls is not None:
            # each lexicon full name the form starts with, word by word ("Setdaprov Banten" and
            # "Setda Provinsi Banten" for "Sekretariat Daerah Provinsi Banten"): the full names under its
            # first word that have its second word next (or no second word), as _by_second_word keeps them
            by_second = _by_second_word(fulls)
            for second in (rest.partition(" ")[0], ""):
                for full, short in by_second.get(second, ()):
                    at = len(full)
                    if f[at:at + 1] == " " and f.startswith(full):
                        out.add(short + f[at:])
    return out


# the lexicon's full names under one first word, as (full name, short form) pairs keyed by the full name's
# second word ("" for a name of one word): lexicon facts, made once a first word (by the id of its dict,
# which is held here, so that the id is not reused)
_BY_SECOND_WORD: dict[int, tuple[dict, dict[str, list[tuple[str, str]]]]] = {}


def _by_second_word(fulls: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    got = _BY_SECOND_WORD.get(id(fulls))
    if got is None or got[0] is not fulls:
        by_second: dict[str, list[tuple[str, str]]] = {}
        for full, short in fulls.items():
            by_second.setdefault(full.partition(" ")[2].partition(" ")[0], []).append((full, short))
        got = _BY_SECOND_WORD[id(fulls)] = (fulls, by_second)
    return got[1]


def _within(own: set[str], parent: set[str]) -> bool:
    """True when a form of the parent stands whole inside a longer form of the unit: after its first
    word ("Komisi II DPRD Kota Serang"), or first with a branch word after it ("Bank X Cabang Y")."""
    for f in own:
        padded = f" {f} "
        for pf in parent:
            if len(pf) >= len(f):
                continue
            at = padded.find(f" {pf} ")
            if at > 0 or (at == 0 and padded[len(pf) + 2:].startswith(_BRANCH)):
                return True
    return False
_REGION_AFTER = re.compile(r"\s*,\s*((?:Kota|Kabupaten|Kab\.)?\s*[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)")
_FROM_AFTER = re.compile(r"\s*(?:[^.]{0,40}?)\b(dari|oleh)\s+")   # a fund's giver: "APBN dari Kementerian X"


def _building_of(doc: Doc, m: Mention) -> Mention | None:
    """The building named at the end of a room's name: "Ruang Garuda (RG) Balai Kota Tual" -> "Balai Kota
    Tual". Only a room with a name of its own is split ("Aula Kantor Dinas Sosial" is one place)."""
    lex = doc.V.lex
    words = m.surface.split()
    if len(words) < 4 or words[0].capitalize() not in lex.room_heads:
        return None
    low = m.surface.lower()
    if not any(b.lower() in low for b in lex.venue_buildings):
        return None
    toks = tokenize(m.surface, m.start)
    lows = [t.text.lower() for t in toks]
    buildings = [(b, _building_words(b)) for b in lex.venue_buildings]
    for i in range(2, len(toks) - 1):
        for b, bw in buildings:
            if i + len(bw) >= len(toks) or lows[i:i + len(bw)] != bw:
                continue
            if not any(t.cap and t.text.capitalize() not in lex.room_heads for t in toks[1:i]):
                return None
            surface = doc.clean[toks[i].start:m.end]
            return Mention("Place", toks[i].start, m.end, surface, surface[0].upper() + surface[1:],
                           {"kind": "venue"}, sent=m.sent)
    return None


_BUILDING_WORDS: dict[str, list[str]] = {}   # a lexicon building name -> its words lower-cased


def _building_words(b: str) -> list[str]:
    words = _BUILDING_WORDS.get(b)
    if words is None:
        words = _BUILDING_WORDS[b] = [w.lower() for w in b.split()]
    return words


# Bodies one joins (a team, a task force, a forum, an association), as opposed to an office one
# works in: a post in one of them makes its holder a member ("Ketua TPPS" -> member of the TPPS).
_TEAM_KINDS = ("task_force", "forum")
# An elected council's members hold a seat (a post), they are not listed as its staff: "anggota DPRD".
_ELECTED = ("legislature",)
# Pieces of the words the membership cues below start with, as written ("anggota"/"Anggota", "staf",
# "diketuai"): the cues are case-sensitive so that a plain look in the raw text rules a sentence out.
_MEMBER_CUES = ("nggota", "taf", "iketuai")
# What joins a person to the body just after: "A dari HIMPSI", "A, staf Biro Kesra", "A selaku anggota Tim X".
_FROM_GAP = re.compile(r"[\s,]*(?:(?:yang\s+)?(?:berasal\s+)?dari"
                       r"|(?:selaku\s+|sebagai\s+|yang\s+merupakan\s+)?(?:anggota|staf|staff|pegawai|personel)"
                       r"(?:\s+dari)?)\s*", re.I)
_FROM_BEFORE = re.compile(r"\bdari\s*$")
# Words that, right before a body, say its people follow: "anggota Tim X, yaitu A", "staf Biro Kesra, A".
_MEMBER_OF_NEXT = re.compile(r"\b(?:[Aa]nggota|[Ss]taff?)\s+(?:dari\s+)?$")
# "TPPS diketuai oleh Wakil Bupati, Mansur Hidayat": the chair of a team is one of its members.
_CHAIRED = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,?\s*(?:yang\s+)?diketuai\s+(?:langsung\s+)?(?:oleh\s+)?")
# A team named before and pointed back to by a bare "tim": "anggota tim, yaitu A, B dan C",
# "Tim ini diketuai oleh Wakil Bupati, A".
_TEAM_WORD = r"(?:[Tt]im|[Gg]ugus\s+[Tt]ugas|[Ss]atgas|[Ff]orum|[Pp]okja)(?:\s+(?:ini|tersebut))?"
_TEAM_LISTED = re.compile(r"\b(?:[Aa]nggota(?:nya)?\s+" + _TEAM_WORD +
                          r"\s*,?\s*(?:yaitu|yakni|adalah|antara\s+lain|di\s*antaranya|terdiri\s+(?:dari|atas)|:)"
                          r"|" + _TEAM_WORD + r"\s+(?:yang\s+)?diketuai\s+(?:langsung\s+)?(?:oleh)?)\s*,?\s*")
# "anggota Tim X, yaitu A", "staf Biro X: A"
_LIST_INTRO = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,?\s*(?:(?:yaitu|yakni|adalah|antara\s+lain|di\s*antaranya"
                         r"|terdiri\s+(?:dari|atas))\s*|:\s*)?,?\s*", re.I)


def _members(doc: Doc, R: Relations, ent_of, org_sents=None) -> None:
    """MEMBER_OF: people named with the body they come from, but no post in it:
    "Dessy Pramudiani, S.Psi. dan Verdiantika Annisa dari Himpunan Psikolog Jambi",
    "narasumber dari Yayasan SIKOK Fadli, SE dan Guspa Yeni, SE", "Biro Kesra Setda Prov. Kalbar (Rudi Efendi)";
    people a team is said to have ("TPPS diketuai oleh Wakil Bupati, Mansur Hidayat. Sedangkan anggota tim,
    yaitu Ketua PKK Santi, ..."), and the holders of a post in a team ("Ketua Tim Pengendali Inflasi Pusat X")."""
    holders = None   # made when first needed (no HOLDS is read here)
    cued = {s.index for s in doc.sents if s.start >= doc.title_end and any(n in s.text for n in _MEMBER_CUES)} \
        if any(n in doc.clean for n in _MEMBER_CUES) else ()
    for s in doc.sents:
        if org_sents is not None and s.index not in org_sents and s.index not in cued:
            continue   # no body named, no cue: nothing to read
        ms = s.mentions
        last = len(ms) - 1
        for idx, m in enumerate(ms):
            # (only an Organization mention has an Organization entity)
            if m.type != "Organization":
                continue
            ent = ent_of.get(id(m))
            if ent is None or ent.type != "Organization":
                continue
            # (most bodies have no person next to them: _named_with finds none then)
            if idx > 0 and ms[idx - 1].type == "Person" or idx < last and ms[idx + 1].type == "Person":
                for pm in _named_with(doc, ms, idx, ent):
                    pe = ent_of.get(id(pm))
                    if holders is None:
                        holders = {r.s for r in R.out if r.p == "HOLDS"}
                    if pe is not None and pe.id not in holders:
                        R.add(pe, "MEMBER_OF", ent, s, 0.6)
            if s.index not in cued:
                continue
            # "TPPS diketuai oleh Wakil Bupati, A"; "anggota TPPS, yaitu A", "staf Biro Kesra, A"
            kind = _team_kind(doc, ent)
            lead = _CHAIRED.match(doc.clean, m.end) if kind in _TEAM_KINDS else None
            if lead is None and kind not in _ELECTED and \
                    _MEMBER_OF_NEXT.search(doc.clean, max(s.start, m.start - 16), m.start):
                lead = _LIST_INTRO.match(doc.clean, m.end)
            for pm in people_list(doc, ms, idx + 1, lead.end(), ent_of) if lead else ():
                R.add(ent_of.get(id(pm)), "MEMBER_OF", ent, s, 0.6)
        if s.index in cued:
            for hit in _TEAM_LISTED.finditer(s.text):
                team = _team_before(doc, s, s.start + hit.start(), ent_of)
                k = next((k for k, x in enumerate(ms) if x.start >= s.start + hit.end()), len(ms))
                for pm in people_list(doc, ms, k, s.start + hit.end(), ent_of) if team else ():
                    R.add(ent_of.get(id(pm)), "MEMBER_OF", team, s, 0.6)
    # the holder of a post in a team: "Menko Perekonomian sekaligus Ketua Tim Pengendali Inflasi Pusat X"
    for s in doc.sents:
        for p, o in s.holds:
            pe, off = ent_of.get(id(p)), ent_of.get(id(o))
            team = doc.office_org.get(off.id) if off is not None else None
            if pe is not None and team is not None and _team_kind(doc, team) in _TEAM_KINDS:
                R.add(pe, "MEMBER_OF", team, s, 0.6)


def _named_with(doc: Doc, ms: list[Mention], idx: int, ent: Entity) -> list[Mention]:
    """The people written with the body ``ms[idx]`` and no post: "A dan B dari ORG", "dari ORG A dan B",
    "A, staf ORG", "ORG (A)"."""
    m = ms[idx]
    text = doc.clean
    members: list[Mention] = []
    if not (idx > 0 and ms[idx - 1].type == "Person" or idx + 1 < len(ms) and ms[idx + 1].type == "Person"):
        return members   # (most bodies have no person next to them)
    joined = _FROM_GAP.fullmatch(text, ms[idx - 1].end, m.start) if idx > 0 and ms[idx - 1].type == "Person" else None
    if joined and ("dari" in joined.group(0).lower() or _team_kind(doc, ent) not in _ELECTED):
        # persons just before "dari ORG", back along their list ("A, S.Psi., dan B dari ORG")
        k = idx - 1
        members.append(ms[k])
        while k > 0 and ms[k - 1].type == "Person" and LIST_GAP.fullmatch(text, ms[k - 1].end, ms[k].start):
            k -= 1
            members.append(ms[k])
    elif _FROM_BEFORE.search(text, max(0, m.start - 8), m.start):
        # or persons right after it: "narasumber dari Yayasan SIKOK (SIKOK) Fadli, SE dan Guspa Yeni, SE"
        k = idx + 1
        if k < len(ms) and ms[k].type == "Person" and NAME_GAP.fullmatch(text, m.end, ms[k].start):
            members.append(ms[k])
            while k + 1 < len(ms) and ms[k + 1].type == "Person" and \
                    LIST_GAP.fullmatch(text, ms[k].end, ms[k + 1].start):
                k += 1
                members.append(ms[k])
    elif idx + 1 < len(ms) and ms[idx + 1].type == "Person" and text[m.end:ms[idx + 1].start].strip() == "(":
        members.append(ms[idx + 1])
    return members


def _team_before(doc: Doc, s, pos: int, ent_of) -> Entity | None:
    """The team a bare "tim" points back to: the last team named in this sentence or the two before."""
    for sent in reversed(doc.sents[max(0, s.index - 2):s.index + 1]):
        for m in reversed(sent.mentions):
            ent = ent_of.get(id(m))
            if m.start < pos and ent is not None and ent.type == "Organization" and \
                    _team_kind(doc, ent) in _TEAM_KINDS:
                return ent
    return None


def _team_kind(doc: Doc, ent: Entity) -> str:
    """The kind of a body, from its own props or the acronym vocabulary ("TPPS" -> task_force)."""
    kind = ent.props.get("kind")
    if not kind and ent.props.get("acronym"):
        kind = (doc.V.lex.org_acronyms.get(doc.V.squash(ent.props["acronym"])) or {}).get("kind")
    return kind or ""


def _government_places(doc: Doc, R: Relations) -> None:
    """A regional government is LOCATED_IN its area: "Pemkab Brebes" -> Kabupaten Brebes.

    When the report names the area only inside a body or a post ("Pemkab Brebes", "Bupati Brebes"),
    the place is taken from that region's own words in the text, so it still has a span. A
    government the report only implies, and that nothing else relates to, is left alone (it is
    pruned, and its place would be an orphan).
    """
    if all(rk in doc.places for rk in doc.gov):
        for rk, gov in doc.gov.items():
            R.add(gov, "LOCATED_IN", doc.places[rk], None, 0.7)
        return
    engaged = {x for r in R.out for x in (r.s, r.o)}
    words: dict[str, Mention] = {}   # region key -> the first words naming that region
    for sent in doc.sents:
        for m in sent.mentions:
            for rm in _region_mentions(m):
                r = doc.resolve(rm.region)
                if r is not None:
                    words.setdefault(f"{r.kind}:{r.name}", rm)
    for rk, gov in list(doc.gov.items()):
        if gov.id not in engaged and (not gov.mentions or gov.props.get("_implicit")):
            continue
        place = doc.places.get(rk)
        if place is None and rk in words:
            rm = words[rk]
            place = doc.place(rm.region, rm.surface, rm, bare_ok=False)   # its kind is known
        R.add(gov, "LOCATED_IN", place, None, 0.7)


def _region_mentions(m: Mention):
    """The region mentions inside ``m``: itself when it names a region, the region of its words, of its body."""
    if m.type == "Place" and m.region is not None and m.props.get("kind") != "venue":
        yield m
    rm = m.props.get("region_mention")
    if rm is not None and rm.region is not None:
        yield rm
    if m.org is not None:
        yield from _region_mentions(m.org)


def _region_key(doc: Doc, full: str | None) -> str | None:
    if not full:
        return None
    for prefix, kind in (("Provinsi ", "province"), ("Kabupaten ", "regency"), ("Kota ", "city")):
        if full.startswith(prefix):
            return f"{kind}:{full[len(prefix):]}"
    return None


# "pendanaan kegiatan ini bersumber dari", "kegiatan ini dilaksanakan ..., didukung anggaran dari", "anggaran
# kegiatan bersumber dari": the report's event is what the fund pays for
_EVENT_FUNDED = re.compile(r"(?i)\b(?:kegiatan|acara)\s+(?:(?:ini|tersebut)\b[^.]{0,120}?\b)?(?:bersumber|berasal|"
                           r"didukung|dibiayai|didanai|menggunakan|memanfaatkan)\b[^.]{0,40}$")
# "Anggaran tersebut dituangkan dalam DPA ... untuk mendukung program X": the funds of the sentence before pay too
_ANAPHOR = re.compile(r"(?i)^\W*(?:anggaran|dana|pendanaan)\s+(?:tersebut|ini)\b")
_AND = re.compile(r"\s*(?:,\s*)?(?:dan|serta|maupun|atau|,)\s*(?:dari\s+)?")
# "Alokasi dana hibah untuk KPU Rp50 miliar. Anggaran berasal dari APBD X": what the sentence before spends is
# paid from the fund this one names
_SOURCE_OF_PREV = re.compile(r"(?i)^\W*(?:anggaran|dana|pendanaan|pembiayaan)(?:nya)?(?:\s+(?:tersebut|ini))?"
                             r"\s+(?:juga\s+)?(?:berasal|bersumber|diambil|dibebankan)\b")


def _fund_name(doc: Doc, m: Mention) -> str:
    """The entity name of a fund mention: a bare one ("APBD", "APBD 2024", "CSR", "hibah") is the report's one
    fund of that kind named in full, when it names only one ("... melalui APBD", then "APBD Kabupaten Pemalang";
    "corporate social responsibility (CSR)", then "CSR Bank Jateng"); else one with no year is the report's one
    fund of that kind with a year ("Dana Desa", then "Dana Desa 2024")."""
    if not m.props.get("bare"):
        return m.name
    full = getattr(doc, "_full_funds", None)
    if full is None:
        named: dict[str, set[str]] = {}
        dated: dict[str, set[str]] = {}
        for s in doc.sents:
            for x in s.mentions:
                if x.type == "FundingSource":
                    if not x.props.get("bare"):
                        named.setdefault(x.props.get("kind"), set()).add(x.name)
                    elif x.props.get("year"):
                        dated.setdefault(x.props.get("kind"), set()).add(x.name)
        full = doc._full_funds = ({k: next(iter(v)) for k, v in named.items() if len(v) == 1},
                                  {k: next(iter(v)) for k, v in dated.items() if len(v) == 1})
    kind = m.props.get("kind")
    if kind in full[0]:
        return full[0][kind]
    return m.name if m.props.get("year") else full[1].get(kind, m.name)


def _funding(doc: Doc, R: Relations, funds, ent_of, programmes) -> None:
    """FUNDED_BY (a programme, an activity or the report's event -> the fund) and PROVIDED_BY (the fund -> the
    body behind it), read sentence by sentence (see :func:`kg.extract.funding.link_programmes`)."""
    if not funds:
        return
    ev = getattr(doc, "main_event", None)
    reg = doc.reg
    prog_ent = {id(pm): pe for pe, pm in programmes}
    by_sent: dict[int, list] = {}
    for ent, m in funds:
        by_sent.setdefault(m.sent, []).append((ent, m))
    _paid_before(doc, R, by_sent, programmes)
    for ent, m in funds:
        if ent.type == "FundingSource":
            _provider(doc, R, ent, m, ent_of)
    same_activity: dict[str, Entity] = {}
    for idx, sfunds in by_sent.items():
        s = doc.sents[idx]
        sfunds = [(ent, m) for ent, m in sfunds if ent.type == "FundingSource"]
        if not sfunds:
            continue
        joined = _joined(doc, sfunds)
        paid = []
        for pm, fm in link_programmes(doc.V, doc.clean, s.toks, s.mentions, [m for _, m in sfunds]):
            pe = prog_ent.get(id(pm))
            if pe is None:
                # an activity: "penanganan stunting" and "percepatan penurunan stunting" are one programme
                k = activity_key(pm)
                pe = same_activity.get(k)
                pe = reg.add("Programme", pe.name if pe else pm.name, pm.surface, pm)
                same_activity.setdefault(k, pe)
                prog_ent[id(pm)] = pe
            for fe in joined[id(fm)]:
                R.add(pe, "FUNDED_BY", fe, s, 0.6)
            paid.append(pe)
        if paid and idx - 1 in by_sent and _ANAPHOR.match(s.text):
            for pe in paid:
                for fe, _ in by_sent[idx - 1]:
                    if fe.type == "FundingSource":
                        R.add(pe, "FUNDED_BY", fe, s, 0.5)
        if ev is not None:
            for ent, m in sfunds:
                # (up to the fund's first word: "kegiatan ini didukung UNICEF" carries its verb in the fund)
                if _EVENT_FUNDED.search(doc.clean[s.start:m.start + len(m.surface.split()[0])]):
                    for fe in joined[id(m)]:
                        R.add(ev, "FUNDED_BY", fe, s, 0.6)


def _joined(doc: Doc, sfunds) -> dict[int, list[Entity]]:
    """The funds of a sentence named together ("dibiayai APBD Kabupaten X dan Dana Desa", "DAK ... serta APBD"),
    by the id of each fund mention: what one of them pays for, the others pay for too."""
    groups: list[list] = []
    for ent, m in sfunds:
        if groups and _AND.fullmatch(doc.clean[groups[-1][-1][1].end:m.start]):
            groups[-1].append((ent, m))
        else:
            groups.append([(ent, m)])
    return {id(m): [e for e, _ in g] for g in groups for _, m in g}


def _paid_before(doc: Doc, R: Relations, by_sent, programmes) -> None:
    """"Alokasi dana hibah untuk KPU Rp50,5 miliar. Anggaran berasal dari APBD Kabupaten Pemalang": the programme
    of the sentence before is FUNDED_BY the fund named; a grant (hibah) paid from another fund is spending — the
    hibah daerah of an election — and becomes a Programme."""
    for idx, sfunds in by_sent.items():
        sources = [ent for ent, m in sfunds if m.props.get("kind") != "hibah"]
        # "Dana hibah tersebut bersumber dari APBD Kabupaten Maros": in the same sentence
        for ge, gm in sfunds:
            for fe, fm in sfunds:
                if gm.props.get("kind") == "hibah" and fm.props.get("kind") != "hibah" and \
                        paid_from(doc.sents[idx].toks, gm, fm):
                    ge.type = "Programme"
                    R.add(ge, "FUNDED_BY", fe, doc.sents[idx], 0.5)
        if not idx or not _SOURCE_OF_PREV.match(doc.sents[idx].text):
            continue
        paid = [pe for pe, pm in programmes if pm.sent == idx - 1]
        for ge, gm in by_sent.get(idx - 1, []):
            if gm.props.get("kind") == "hibah" and sources:
                ge.type = "Programme"
                paid.append(ge)
        for pe in paid:
            for fe in sources:
                R.add(pe, "FUNDED_BY", fe, doc.sents[idx], 0.5)


def _provider(doc: Doc, R: Relations, ent: Entity, m: Mention, ent_of) -> None:
    """PROVIDED_BY: the body the fund names ("CSR Bank Jateng", "anggaran dari Kantor X", "didukung UNICEF"), the
    body after "dari"/"oleh" ("DAK ... dari Kementerian PPPA"), a region's government for its APBD, and the
    national government for the APBN when the report names it."""
    s = _sent_of(doc, m.start)
    if s is None:
        return
    if m.props.get("provides"):
        org = next((ent_of[id(o)] for o in s.mentions if o.type == "Organization" and m.start <= o.start < m.end
                    and id(o) in ent_of), None)
        if org is None and m.org is not None:
            org = doc.organization(m.org)   # the scanner read the body otherwise ("dari Balai X": a venue)
        if org is not None and m.props.get("kind") == "CSR" and " Cabang " in org.name:
            # "CSR Bank Jateng Cabang Batang": the company's fund, handed over by its branch
            org = doc.reg.get("Organization", org.name.split(" Cabang ")[0]) or org
        R.add(ent, "PROVIDED_BY", org, s, 0.7)
        return
    after = doc.clean[m.end:s.end]
    mm = _FROM_AFTER.match(after)
    if mm:
        for o in s.mentions:
            if o.start >= m.end + mm.end() - 1 and o.type == "Organization":
                R.add(ent, "PROVIDED_BY", ent_of.get(id(o)), s, 0.6)
                return
    kind = m.props.get("kind")
    if kind == "APBD" and m.region is not None:
        gov = doc.gov.get(_region_key(doc, m.region.full) or "")
        if gov is not None:
            R.add(ent, "PROVIDED_BY", gov, s, 0.6)
    elif kind == "APBN":
        gov = doc.reg.get("Organization", "Pemerintah Republik Indonesia")
        if gov is not None:
            R.add(ent, "PROVIDED_BY", gov, s, 0.5)


def prune(entities: list[Entity], relations: list[Relation]) -> tuple[list[Entity], list[Relation]]:
    """Drop what the report does not support on its own, then renumber e1, e2, ...

    A post nobody holds, represents or is represented by is a passing mention ("Bupati dan Wali
    Kota se-Kalimantan Barat"); a body only implied by such a post goes with it.
    """
    related: set[str] = set()
    held: set[str] = set()
    for r in relations:   # (ends gathered in one pass: testing every entity against every relation was quadratic)
        related.add(r.s)
        related.add(r.o)
        if r.p == "HOLDS" or r.p == "REPRESENTED":
            held.add(r.o)
    keep = {e.id for e in entities}
    maybe: list[Entity] = []   # bodies only implied: pruned below unless something engages them
    for e in entities:
        t = e.type
        if t == "Organization":
            if not e.mentions or e.props.get("_implicit"):
                maybe.append(e)
        elif t == "Programme":
            if e.id not in related:
                keep.discard(e.id)   # a programme is kept for what funds it
        elif t == "Office" and not e.props.get("_explicit_body") and e.id not in held:
            keep.discard(e.id)
    # (every end is an entity of the report: with nothing dropped, every relation stays)
    rels = [r for r in relations if r.s in keep and r.o in keep] if len(keep) < len(entities) else relations
    # two rounds (a body dropped in the first can leave another unengaged); a round that drops
    # nothing leaves everything as it was, so the next one would not either
    for _ in range(2):
        maybe = [e for e in maybe if e.id in keep]
        if not maybe:
            break
        engaged = set()
        for r in rels:
            if r.p == "PART_OF":
                engaged.add(r.o)   # (a body with parts stays)
            elif r.p != "LOCATED_IN":
                engaged.add(r.s)
                engaged.add(r.o)
        dropped = [e.id for e in maybe if e.id not in engaged]
        if not dropped:
            break
        keep.difference_update(dropped)
        rels = [r for r in rels if r.s in keep and r.o in keep]
    kept = [e for e in entities if e.id in keep]
    new_id = {}
    for i, e in enumerate(kept, 1):
        nid = new_id[e.id] = f"e{i}"
        e.id = nid
        props = e.props
        if "_implicit" in props:
            del props["_implicit"]
        if "_explicit_body" in props:
            del props["_explicit_body"]
    for r in rels:
        r.s, r.o = new_id[r.s], new_id[r.o]
    return kept, rels
