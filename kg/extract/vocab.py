"""Phrase tables over tokens, built once from kg.lexicon, and the matcher that uses them."""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from kg.extract.text import Tok
from kg.lexicon import lexicon, squash

_WORDS = re.compile(r"[\w’'\-/]+")

_NO_VALUE = object()

# A phrase table: first word -> node. A node is [value, {next word: node}] (value: that of the first
# phrase inserted that ends there, or _NO_VALUE), and a first word's node has a third item for
# match_loose: {second word (None: any other): [(words, value)], longest phrase first} — the phrases
# that a text with that second word can still match. (A plain dict: "word in table" stays a dict's
# membership test.)
Table = dict[str, list]


def _table(items: list[tuple[str, Any]]) -> Table:
    phrases: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
    for surface, value in items:
        words = tuple(w.lower() for w in _WORDS.findall(surface))
        if words:
            phrases.setdefault(words[0], []).append((words, value))
    table: Table = {}
    for first, entries in phrases.items():
        entries.sort(key=lambda e: -len(e[0]))
        root = table[first] = [_NO_VALUE, {}, {}]
        for words, value in entries:
            node = root
            for w in words[1:]:
                node = node[1].setdefault(w, [_NO_VALUE, {}])
            if node[0] is _NO_VALUE:
                node[0] = value
        # a phrase whose second word is neither the text's nor an optional "dan"/"serta" cannot match
        seconds = [words[1] for words, _ in entries if len(words) > 1]
        for w2 in seconds + [None]:
            root[2][w2] = [e for e in entries if len(e[0]) == 1 or e[0][1] in ("dan", "serta") or e[0][1] == w2]
    return table


def match(toks: list[Tok], i: int, table: Table, need_cap: bool = True) -> tuple[int, Any] | None:
    """Longest phrase of ``table`` starting at token ``i``: (index after it, value) or None.

    Dots glued to a word (Kab., Pj., S.H.) are skipped inside and after the phrase.
    """
    n = len(toks)
    if i >= n:
        return None
    first = toks[i]
    node = table.get(first.low)
    if node is None or first.kind == "P" or (need_cap and not first.cap):
        return None
    best, kids = node[0], node[1]
    j = end = i + 1   # the first word is the phrase's key, the one at i
    while kids:
        # the next word, after any dots glued to the one before
        while j < n and toks[j].text == "." and toks[j].start == toks[j - 1].end:
            j += 1
        if j >= n:
            break
        node = kids.get(toks[j].low)
        if node is None:
            break
        j += 1
        if node[0] is not _NO_VALUE:
            best, end = node[0], j
        kids = node[1]
    if best is _NO_VALUE:
        return None
    if end + 1 < n and toks[end].text == "." and toks[end].start == toks[end - 1].end:
        end += 1
    return end, best


def match_loose(toks: list[Tok], i: int, table: Table) -> tuple[int, Any] | None:
    """Like :func:`match`, but commas in the text are skipped and "dan"/"serta" may be left out
    ("Dinas Pemberdayaan Masyarakat, Perempuan dan Perlindungan Anak")."""
    n = len(toks)
    if i >= n or not toks[i].cap:
        return None
    node = table.get(toks[i].low)
    if node is None:
        return None
    by2 = node[2]
    k = i + 1
    while k < n and toks[k].text == ",":
        k += 1
    entries = by2.get(toks[k].low if k < n else None) or by2[None]
    for words, value in entries:
        j = i
        ok = True
        for w in words:
            while j < n and toks[j].text == "," and j > i:
                j += 1
            if j < n and toks[j].low == w:
                j += 1
                continue
            if w in ("dan", "serta"):
                continue
            ok = False
            break
        if ok:
            return j, value
    return None


class Vocab:
    """Every phrase table the extractor scans with."""

    def __init__(self) -> None:
        lex = lexicon()
        self.lex = lex
        self.regions = _table([(s, rs) for s, rs in lex.regions.items()])
        self.region_kw = _table([("Kota", "city"), ("Kabupaten", "regency"), ("Kab", "regency"),
                                 ("Provinsi", "province"), ("Prov", "province"), ("Propinsi", "province"),
                                 ("Kotamadya", "city"), ("Kodya", "city")])
        self.subregion_kw = _table([(w, "district") for w in lex.district_words]
                                   + [(w, "village") for w in lex.village_words])
        self.acting = _table(list(lex.acting.items()))
        roles = [(r, ("role", r, info)) for r, info in lex.roles.items()]
        roles += [(a, ("abbrev", a, info)) for a, info in lex.post_abbrev.items()]
        self.roles = _table(roles)
        acr = []
        for info in lex.org_acronyms.values():
            s = info["surface"]
            acr.append((s, info))
            if " " in s:
                acr.append((s.replace(" ", "-"), info))
                acr.append((s.replace(" ", ""), info))
        self.org_acr = _table(acr)
        self.org_full = _table([(info["full"], info) for info in lex.org_acronyms.values()
                                if len(info["full"].split()) > 1])
        self.org_heads = _table([(h, h) for h in lex.org_heads])
        self.org_named = _table([(h, h) for h in lex.org_named])
        self.venue = _table([(h, h) for h in lex.venue_heads])
        self.events = _table(list(lex.event_kinds.items()))
        self.verb_events = {v.lower(): noun for v, noun in lex.verb_events.items()}
        self.funding = _table(list(lex.funding.items()))
        self.not_names = {w.lower() for w in _persons_yaml().get("not_names", [])}
        # inside a venue name only days, months and clause words stop it ("Aula Kantor Gubernur" is fine)
        self.not_names_venue = {w for w in self.not_names if w in _VENUE_STOP}
        # Words that belong to organisation names written out in full.
        vocab = set()
        for info in lex.org_acronyms.values():
            vocab.update(w.lower() for w in _WORDS.findall(info["full"]))
        vocab.update(w.lower() for h in lex.org_heads for w in h.split())
        vocab.update(_EXTRA_ORG_WORDS)
        vocab -= {"kabupaten", "kota", "provinsi"}   # a region keyword ends a name: "Dinas Sosial | Kabupaten X"
        self.org_words = vocab
        self.event_words = {w.lower() for k in lex.event_kinds for w in k.split()} | {
            "penguatan", "konvergensi", "percepatan", "penurunan", "pencegahan", "penanganan", "peningkatan"}
        self.degrees = lex.degrees
        # first tokens of degrees as the tokenizer splits them ("S.I.K." -> "s", "M,Kes" -> "m")
        self.degree_starts = {re.split(r"[^0-9a-z]+", d.lower())[0] for d in _persons_yaml()["degrees"]}
        self.degree_starts |= {d for d in lex.degrees}
        # first words of the phrases that stop a person's name (checked before any phrase match)
        self.name_stoppers = set(self.roles) | set(self.org_acr) | set(self.org_heads) | set(self.region_kw) | \
            set(self.venue) | set(self.events)
        self.office_starts = set(self.roles) | set(self.acting)
        self.org_starts = set(self.org_acr) | set(self.org_heads) | set(self.org_named) | {
            "pemerintah", "pemkot", "pemko", "pemkab", "pemprov", "pemda", "pemdaprov"}
        self.region_starts = set(self.regions) | set(self.region_kw) | set(self.subregion_kw)
        # lower-case words that may open a mention (everything else lower-case is skipped fast)
        self.lower_starts = {"program"} | set(self.region_kw) | set(self.events) | set(self.funding) | set(self.venue) | \
            set(self.subregion_kw) | set(self.verb_events)
        # those a word token can be (a punctuation or number token's text does not start with a letter)
        self.lower_word_starts = frozenset(w for w in self.lower_starts if w[:1].isalpha())
        # first words of every phrase the scanner's finders (posts, bodies, places, funds, events) read
        self.mention_starts = self.office_starts | self.org_starts | self.region_starts | set(self.funding) | \
            set(self.events) | {"program"} | set(self.verb_events)
        self.prefixes = lex.prefixes
        self.ranks = lex.ranks
        self.title_words = lex.prefixes | lex.ranks
        self.not_orgs = lex.not_orgs
        # squashed words that are bodies or known non-names, never the first word of a person's name
        self.not_person_acr = lex.not_orgs | set(lex.org_acronyms)
        self.squash = squash


_VENUE_STOP = {"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "januari", "februari",
               "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "nopember",
               "november", "desember", "dalam", "pada", "yang", "untuk", "dengan", "bahwa", "sementara",
               "selain", "kegiatan", "acara", "tahun"}

_EXTRA_ORG_WORDS = """
pemberdayaan perempuan perlindungan anak masyarakat sosial kesehatan pendidikan kebudayaan tenaga kerja
ketenagakerjaan transmigrasi keluarga berencana pengendalian penduduk kependudukan pencatatan sipil hukum hak
asasi manusia dalam luar negeri agama keuangan perencanaan pembangunan daerah penanggulangan bencana kesatuan
bangsa politik komunikasi informatika perhubungan pertanian perikanan kelautan peternakan kehutanan lingkungan
hidup pekerjaan umum penataan ruang perumahan permukiman pariwisata pemuda olahraga perdagangan perindustrian
koperasi usaha kecil menengah penanaman modal pelayanan terpadu satu pintu ketahanan pangan arsip perpustakaan
kepegawaian sumber daya aparatur inspektorat pengawas pemilu pemilihan umum reserse kriminal umum khusus narkoba
lalu lintas intelijen keamanan pembinaan operasional operasi tindak pidana perdagangan orang pencegahan penanganan
percepatan penurunan stunting gugus tugas tim penggerak pkk forum anak adat melayu rakyat kesejahteraan
sekretariat biro bagian bidang pemerintahan administrasi statistik pusat wilayah kantor imigrasi kelas tempat
pemeriksaan informasi konsultasi lembaga swadaya himpunan psikolog psikologi ikatan dokter majelis ulama
komisi nasional republik indonesia negara kepolisian resor sektor kota besar markas kejaksaan tinggi negeri
pengadilan balai pelindungan pekerja migran penempatan tki unit pelaksana teknis rumah sakit puskesmas
pengurangan risiko sar meteorologi klimatologi geofisika palang merah badan dinas kementerian koordinator
perekonomian inflasi pasar perusahaan bank cabang pt perumda foundation asia universitas kader terpadu
berbasis orang kito sentra dan serta & harian staf utama pengendali kebijakan kesra kb tppo pp gt
keluarga berencana p2kb ppa pengendalian ahli muda madya utama pertama non dasar
""".split()


@cache
def _persons_yaml() -> dict:
    import yaml

    from kg.lexicon import HERE
    return yaml.safe_load((HERE / "persons.yaml").read_text(encoding="utf-8"))


@cache
def vocab() -> Vocab:
    """The shared :class:`Vocab` (built on first use)."""
    return Vocab()
