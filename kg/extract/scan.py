"""One pass over a sentence's tokens: every mention in text order, and the links read between them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.events import parse_event, parse_verb_event
from kg.extract.funding import funds_within, parse_funding, parse_programme
from kg.extract.mentions import Mention, skip_paren, slice_text, title_case
from kg.extract.offices import parse_office
from kg.extract.organizations import _index_after, parse_org, with_region
from kg.extract.persons import is_name_word, person_mention, read_person
from kg.extract.places import parse_region, parse_subregion, parse_venue
from kg.extract.text import Tok
from kg.extract.vocab import Vocab, match

SPEECH_BEFORE = {"kata", "ujar", "ucap", "ungkap", "tegas", "jelas", "tambah", "lanjut", "tutur", "terang",
                 "harap", "pungkas", "imbuh", "sebut", "papar", "tandas", "menurut", "kepada", "oleh", "bersama",
                 "tukas", "ungkapnya", "didampingi", "mendampingi"}
SPEECH_AFTER = {"mengatakan", "menyampaikan", "menjelaskan", "menegaskan", "mengungkapkan", "menambahkan",
                "berharap", "memaparkan", "menyebutkan", "menilai", "mengajak", "meminta", "menekankan",
                "mengapresiasi", "menuturkan", "menerangkan", "membuka", "memimpin", "menyatakan", "juga",
                "dalam", "saat", "selaku", "sebagai", "menghadiri", "mengimbau", "menyoroti", "berpesan",
                "mengungkap", "melanjutkan", "menutup", "didampingi", "bersama", "turut", "mewakili"}
APPOSITION = {"selaku", "sebagai"}
_APPOSITION_OR_COMMA = APPOSITION | {","}
_CONCURRENTLY = re.compile(r"\s*,?\s*(?:sekaligus|merangkap|dan\s+juga)(?:\s+(?:sebagai|selaku))?\s*", re.I)
LOCATIVE = {"di", "ke", "dari", "se-", "wilayah", "daerah", "kawasan", "tingkat", "seluruh", "provinsi", "kota",
            "kabupaten", "luar"}
# the words before a venue ("di", "bertempat", "dari", a comma after another venue)
_VENUE_BEFORE = {"di", "bertempat", "dari", ","}
REGULATION = {"peraturan", "keputusan", "surat", "sk", "perpres", "instruksi", "edaran", "permen", "perda"}


@dataclass(slots=True)
class Sentence:
    """A sentence's span, text, tokens, mentions and the HOLDS links read inside it."""

    index: int
    start: int
    end: int
    text: str
    toks: list[Tok]
    mentions: list[Mention] = field(default_factory=list)
    holds: list[tuple[Mention, Mention]] = field(default_factory=list)   # (person, office)


def scan(V: Vocab, full_text: str, sent: Sentence, doc_acr: dict) -> None:
    """Fill ``sent.mentions`` and ``sent.holds``."""
    toks = sent.toks
    n = len(toks)
    text = full_text
    out = sent.mentions
    i = 0
    last_office: Mention | None = None
    last_office_end = -1
    lower_starts = V.lower_word_starts

    def take(m: Mention) -> None:
        """Keep a mention read in this sentence."""
        m.sent = sent.index
        out.append(m)

    # A mention starts only at a capitalised word or at a lower-case word opening a lexicon phrase:
    # visit those, and of them only the ones past the mentions read already (each read moves i on).
    # (A token is a word exactly when its lower-cased text starts with a letter; lower_word_starts
    # holds just such words.) One loop over the tokens: those inside a mention read already are passed
    # over first, by their index alone.
    for at, t in enumerate(toks):
        if at < i:
            continue
        low = t.low
        if not (t.cap or low in lower_starts):
            continue
        i = at
        if low in REGULATION and t.cap:
            i = _skip_title(toks, i + 1)
            continue
        if low in ("tni", "tni-polri") and _pair_tni_polri(toks, i):
            i += (2 if toks[i + 1].low == "polri" else 3) if low == "tni" else 1
            continue
        prev = toks[i - 1].low if i else ""
        if prev in _VENUE_BEFORE and (
                prev in ("di", "bertempat") or (prev == "dari" and match(toks, i, V.venue, need_cap=False)) or
                (i > 1 and prev == "," and last_is_venue(out, toks[i - 2]))):
            v = parse_venue(V, text, toks, i)
            if v is not None:
                take(v)
                i = _index_after(toks, i, v.end)
                continue
        # Only a person's name can start at a word that opens no phrase of the lexicons (and is no
        # acronym or code): the other finders are skipped there, they would all say no. Where they
        # are tried, each is called only when the first-word test it starts with passes.
        starts = low in V.mention_starts
        coded = not t.text.isalpha() and any(c.isdigit() for c in t.text)   # a code: "0403/OKU", "P2TP2A"
        if starts or t.upper or coded:
            o = parse_office(V, text, toks, i, doc_acr) if low in V.office_starts and prev not in REGULATION \
                else None
            if o is not None and _across(toks, i, o.end):
                # "Kepala Puskesmas se-Kabupaten Pemalang", "Camat se-Kota Bima": many posts, no one post
                i = _index_after(toks, i, o.end)
                continue
            if o is not None and (o.org is not None or o.region is not None or o.level or o.props.get("portfolio")
                                  or o.props.get("acting") or o.role not in ("Kepala", "Ketua", "Sekretaris",
                                                                             "Anggota", "Pimpinan", "Wakil Ketua")):
                take(o)
                i = _index_after(toks, i, o.end)
                # the holder: "Kepala DPMPPA, Noverintiwi Dewanti", "Bupati Pemalang Mansur Hidayat",
                # "Kepala Dinas Sosial Provinsi Kalimantan Barat (Yuline Marhaeni, S.Sos, M.Si)"
                j = i
                if j < n and toks[j].text in (",", "("):
                    j += 1
                # (read first, the mention made only when taken)
                pp = read_person(V, text, toks, j, need_evidence=False) if j < n else None
                if pp is not None and toks[j - 1].text == "(" and len(pp.raw.split()) < 2 and not pp.titles:
                    pp = None
                if pp is not None and not (toks[j - 1].text == "," and j + 1 < n and _is_verbish(toks, j) and
                                           toks[j].low not in V.prefixes):
                    p = person_mention(text, toks, pp)
                    take(p)
                    sent.holds.append((p, o))
                    if last_office is not None and _CONCURRENTLY.fullmatch(text, last_office.end, o.start):
                        # "Asisten III Sekda NTT, sekaligus Plt. Kepala BPBD NTT, X": X holds both
                        sent.holds.append((p, last_office))
                    i = pp.end   # the index after the person (_index_after(toks, j, p.end))
                    if i < n and toks[i].text == ")":
                        i += 1
                    if i + 1 < n and toks[i].text == "," and toks[i + 1].low in APPOSITION:
                        i += 1
                    if i + 1 < n and (toks[i].text == "," or toks[i].low in APPOSITION):
                        o3 = parse_office(V, text, toks, i + 1, doc_acr)
                        if o3 is not None and _across(toks, i + 1, o3.end):
                            o3 = None
                        if o3 is not None and toks[i].text == "," and \
                                _list_goes_on(toks, _index_after(toks, i + 1, o3.end)):
                            o3 = None   # "Kapolres X AKBP Y, Kepala Dinas Sosial X, para camat": a list
                        if o3 is not None and _holder_follows(V, text, toks, _index_after(toks, i + 1, o3.end)):
                            o3 = None   # "X, Pangdam V Brawijaya Mayjen TNI Y": a list, the post is Y's
                        if o3 is not None and (o3.org is not None or o3.region is not None or o3.level):
                            take(o3)
                            sent.holds.append((p, o3))
                            i = _index_after(toks, i + 1, o3.end)
                else:
                    last_office, last_office_end = o, i
                continue
            # (a word outside mention_starts got here as upper-case or a code)
            if t.cap and (low in V.org_starts or t.upper or coded):
                org = parse_org(V, text, toks, i, doc_acr)
                if org is not None:
                    if prev == "," and i > 1 and last_is_venue(out, toks[i - 2]) and \
                            org.props.get("kind") in ("secretariat", "", None):
                        i += 1
                        continue
                    if org.region is None and not org.props.get("acronym_region_ok", True):
                        i = _index_after(toks, i, org.end)   # every such body, not one: skip its words too
                        continue
                    last_org = next((x for x in reversed(out) if x.type == "Organization"), None)
                    if org.region is None and prev in ("melalui", "lewat") and last_org is not None \
                            and last_org.region is not None and last_org.props.get("kind") == "government":
                        org.region = last_org.region
                        org.name = with_region(org.name, org.region, org.props.get("kind", ""))
                        org.props["jurisdiction"] = org.region.full
                    take(org)
                    parent = org.props.pop("parent_org", None)
                    if parent is not None:
                        take(parent)   # "Polda Maluku" in "Ditreskrimum Polda Maluku"
                    acr = org.props.get("acronym")
                    if acr and acr not in doc_acr and " " not in acr and org.name and len(org.name.split()) > 1:
                        doc_acr[acr] = {"full": _strip_region(org), "kind": org.props.get("kind", "")}
                    i = _index_after(toks, i, org.end)
                    continue
            if starts:
                r = None
                if low in V.region_starts:
                    r = parse_region(V, text, toks, i) or (
                        parse_subregion(V, text, toks, i) if low in V.subregion_kw else None)
                if r is not None:
                    r.props["locative"] = prev in LOCATIVE or (i > 1 and prev == "," and toks[i - 2].low in LOCATIVE)
                    take(r)
                    i = _index_after(toks, i, r.end)
                    continue
                f = parse_funding(V, text, toks, i) if low in V.funding else None
                if f is not None:
                    take(f)
                    # "CSR Bank Jateng", "anggaran dari Kantor Imigrasi X": the body the fund names is read on
                    # as a mention
                    body_at = f.props.pop("body_at", None)
                    if f.org is not None and body_at is None:
                        take(f.org)
                    i = body_at if body_at is not None else _index_after(toks, i, f.end)
                    continue
                pg = parse_programme(V, text, toks, i) if low == "program" else None
                if pg is not None:
                    take(pg)
                    i = _index_after(toks, i, pg.end)
                    continue
                e = parse_verb_event(V, text, toks, i) if low in V.verb_events else None
                if e is not None:
                    take(e)
                    i = _index_after(toks, i, e.end)
                    continue
                e = parse_event(V, text, toks, i) if low in V.events else None
                if e is not None:
                    e.props["trigger"] = _trigger(toks, i)
                    take(e)
                    j = _index_after(toks, i, e.end)
                    for f in funds_within(V, text, toks, i, j):   # "Penyerahan CSR Bank Jateng": the fund it hands over
                        take(f)
                    i = j
                    continue
        if t.cap:
            # one read serves both readings: with evidence (a title or a degree) the name stands on
            # its own; without, only where the context supports it (below). A person starts with a
            # title or a name word (elsewhere read_person says no); the mention is made once kept.
            name_word = is_name_word(V, toks, i)
            pp = read_person(V, text, toks, i, need_evidence=False) if name_word or low in V.title_words else None
            weak = False
            o_next = None   # (index, post or None): the post read after a name's comma while judging it
            if pp is not None and not (pp.titles or pp.degrees):
                # (_common_phrase is pure and only says no: it is asked last, of a name the context keeps)
                if not name_word or (prev == "." and toks[i - 1].end == t.start):
                    pp = None
                else:
                    k = pp.end   # the index after the name (and its degrees)
                    nxt = toks[k].low if k < n else ""
                    if nxt == "," and k + 1 < n:
                        o_next = (k + 1, parse_office(V, text, toks, k + 1, doc_acr))
                    if nxt in APPOSITION or (o_next is not None and o_next[1] is not None):
                        pass   # before a post
                    elif prev in SPEECH_BEFORE or nxt in SPEECH_AFTER or (i == 0 and nxt == ","):
                        weak = True
                    elif last_office is not None and i - last_office_end <= 2:
                        pass
                    else:
                        pp = None
                    if pp is not None and _common_phrase(title_case(pp.raw)):
                        pp, weak = None, False
            if pp is not None:
                p = person_mention(text, toks, pp)
                p.weak = weak
                take(p)
                k = pp.end   # the index after the person (_index_after(toks, i, p.end))
                # "Jalil Muhammad, SH Kabid Rehabilitasi Sosial selaku ...", "Raswin ..., Dirreskrimum Polda Kalbar"
                j = k
                if j < n and toks[j].low in _APPOSITION_OR_COMMA:
                    j += 1
                elif j < n and not (len(pp.raw.split()) >= 2 or pp.degrees):
                    j = n   # a lone word right before a post is not taken as its holder
                if j < n and toks[j].low in ("yang",) and j + 1 < n and toks[j + 1].low == "juga":
                    j += 2
                if o_next is not None and o_next[0] == j:
                    o2 = o_next[1]   # read already (parse_office makes a new mention and changes nothing)
                else:
                    o2 = parse_office(V, text, toks, j, doc_acr) if j < n else None
                if o2 is not None and toks[j - 1].text == "," and \
                        _holder_follows(V, text, toks, _index_after(toks, j, o2.end)):
                    o2 = None
                if o2 is not None:
                    take(o2)
                    sent.holds.append((p, o2))
                    k = _index_after(toks, j, o2.end)
                elif last_office is not None and 0 <= i - last_office_end <= 2 and not p.weak:
                    sent.holds.append((p, last_office))
                i = k
                continue
    share_region(text, out)
    if "iketuai" in sent.text:
        chaired_by(text, sent)


# "TPPS diketuai oleh Wakil Bupati Pemalang, Mansur Hidayat": the body, the verb, then the chair
_CHAIRED_BY = re.compile(r"[\s,]*(?:yang\s+)?diketuai\s+(?:langsung\s+)?(?:oleh\s+)?", re.I)


def chaired_by(text: str, sent: Sentence) -> None:
    """A body "diketuai (oleh)" a person: the person holds the chair of that body ("Ketua <body>"), a post
    the text names by the verb alone. The chair's name may follow their own post ("diketuai oleh Wakil
    Bupati Pemalang, Mansur Hidayat")."""
    out = sent.mentions
    for n, org in enumerate(out):
        if org.type != "Organization":
            continue
        m = _CHAIRED_BY.match(text, org.end)
        if m is None or "iketuai" not in m.group():
            continue
        held = {id(p): o for p, o in sent.holds}
        person = None
        for k in range(n + 1, min(n + 3, len(out))):
            x = out[k]
            if x.start < m.end():
                break
            if x.type == "Person":
                person = x
                break
            if x.type != "Office":
                break
        if person is None or (id(person) in held and held[id(person)].org is org):
            continue
        chair = Mention("Office", org.start, org.end, f"Ketua {org.surface}", "Ketua", {}, role="Ketua",
                        org=org, region=org.region, sent=sent.index)
        out.insert(n + 1, chair)
        sent.holds.append((person, chair))
        return


_SHARED_REGION_GAP = re.compile(r"\s*(?:,|dan|serta|,\s*dan)\s*")


def share_region(text: str, mentions: list[Mention]) -> None:
    """"Dinas Ketenagakerjaan dan Dinas PPA Provinsi Maluku": bodies of one kind joined by "dan" (or a
    comma), the last one written with its region, all stand in that region. Only a body with no region
    of its own and with the same head word ("Dinas", "Badan", "Biro") takes it."""
    for n in range(len(mentions) - 2, -1, -1):
        a, b = mentions[n], mentions[n + 1]
        if a.type != "Organization" or b.type != "Organization" or a.region is not None or b.region is None \
                or b.props.get("region_mention") is None:
            continue
        head = a.name.split(" ", 1)[0]
        if head not in ("Dinas", "Badan", "Biro") or b.name.split(" ", 1)[0] != head or \
                not _SHARED_REGION_GAP.fullmatch(text, a.end, b.start):
            continue
        a.region = b.region
        a.name = with_region(a.name, a.region, a.props.get("kind", ""))
        a.props["jurisdiction"] = a.region.full
        a.props["region_shared"] = True


# ke-an, pe-an, per-an... nouns ("Kekeringan", "Penanganan", "Perlindungan"): Indonesian names are not built so
_CONFIX_NOUN = re.compile(r"(?:ke|pe|per|pem|pen|peng|peny)[a-z]{3,}an", re.I)


def _common_phrase(name: str) -> bool:
    """True when a capitalised run with no title or degree reads as a phrase, not a name: a word is a
    ke-an / pe-an noun ("Ancaman Kekeringan"), or an acronym stands among capitalised words ("Sub PIN Polio")."""
    words = name.split()
    if any(_CONFIX_NOUN.fullmatch(w) for w in words):
        return True
    caps = [w for w in words if len(w) >= 3 and w.isupper()]
    return bool(caps) and len(caps) < len(words)


def _skip_title(toks: list[Tok], i: int) -> int:
    """Skip the capitalised words of a regulation's title ("Peraturan Ketua Harian Gugus Tugas ... Nomor 1
    Tahun 2025")."""
    n = len(toks)
    while i < n and (toks[i].cap or toks[i].kind == "N" or toks[i].low in ("dan", "tentang", "nomor", "tahun",
                                                                                "no", "/", "-", ".")):
        i += 1
    return i


def _pair_tni_polri(toks: list[Tok], i: int) -> bool:
    """"TNI dan Polri", "TNI/Polri", "TNI-POLRI": the armed forces in general, not a party."""
    if toks[i].low == "tni-polri":
        return True
    if i + 1 < len(toks) and toks[i + 1].low == "polri":
        return True
    return i + 2 < len(toks) and toks[i + 1].low in ("dan", "/", "-", "&") and toks[i + 2].low == "polri"


def _holder_follows(V: Vocab, text: str, toks: list[Tok], k: int) -> bool:
    """True when a person's name starts at ``k`` (optionally after a comma or titles)."""
    if k < len(toks) and toks[k].text == ",":
        k += 1
    if k >= len(toks):
        return False
    comma = k > 0 and toks[k - 1].text == ","
    pp = read_person(V, text, toks, k, need_evidence=False)
    return pp is not None and (not comma or len(pp.raw.split()) >= 2 or bool(pp.titles))


def _list_goes_on(toks: list[Tok], k: int) -> bool:
    """True when another item of a list follows at ``k`` (", Kapolres ...", ", para camat", "dan ...")."""
    n = len(toks)
    if k < n and toks[k].low in ("dan", "serta", ";"):
        return True
    return k + 1 < n and toks[k].text == "," and (toks[k + 1].cap or toks[k + 1].low in ("para", "dan", "serta"))


def last_is_venue(out: list[Mention], tok: Tok) -> bool:
    return bool(out) and out[-1].type == "Place" and out[-1].props.get("kind") == "venue" and out[-1].end == tok.end


def _is_verbish(toks: list[Tok], j: int) -> bool:
    return toks[j].low in ("yang", "dan") or not toks[j].cap


def _strip_region(org: Mention) -> str:
    rm = org.props.get("region_mention")
    name = org.name
    if org.region is not None:
        for suffix in (" " + org.region.full, " " + org.region.name):
            if name.endswith(suffix):
                return name[: -len(suffix)]
    del rm
    return name


def _across(toks: list[Tok], i: int, end: int) -> bool:
    """True when the phrase from token ``i`` to offset ``end`` spans a region with "se-" ("se-Kabupaten X",
    "Se Kab. Brebes", "se-NTT"): every body or post of that kind in the region, not one of them."""
    k = i + 1
    n = len(toks)
    while k < n and toks[k].start < end:
        if toks[k].low in ("se-", "se") and k + 1 < n and (toks[k + 1].cap or toks[k].low == "se-"):
            return True
        k += 1
    return False


# the verb (or noun) before an event and what it says of the event's subject (the word lists are disjoint)
_TRIGGER_KIND = {w: kind for kind, words in (
    ("organize", ("menggelar", "mengadakan", "melaksanakan", "menyelenggarakan", "gelar", "adakan",
                  "menyelenggaran", "laksanakan", "melakukan", "membentuk", "sosialisasikan")),
    ("open", ("membuka", "memimpin")),
    ("attend", ("menghadiri", "mengikuti", "hadiri", "ikuti")),
    ("ref", ("acara", "kegiatan", "dalam"))) for w in words}


def _trigger(toks: list[Tok], i: int) -> str | None:
    for k in range(max(0, i - 5), i):
        if toks[k].low in _TRIGGER_KIND:
            return _TRIGGER_KIND[toks[k].low]
    return None


def mention_words(text: str, toks: list[Tok], i: int, j: int) -> str:
    return slice_text(text, toks, i, j)


__all__ = ["Sentence", "scan", "skip_paren", "match"]
