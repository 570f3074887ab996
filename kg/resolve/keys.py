"""Normalised keys that decide whether two surface forms name the same thing.

Keys are computed from text alone (no context): person name tokens with spelling variants folded,
squashed organisation/office/venue names with full forms replaced by their acronyms, and the
canonical key of an administrative region.
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import yaml

from kg.lexicon import lexicon

STOPWORDS = frozenset("dan serta atau the of di ke dari yang untuk pada dalam tentang se".split())
# Spellings of one given name (old and new orthography, abbreviations).
NAME_VARIANTS = {
    "muhammad": "m", "muhamad": "m", "mohammad": "m", "mohamad": "m", "mochammad": "m", "mochamad": "m",
    "mokhamad": "m", "mohamed": "m", "moch": "m", "moh": "m", "muh": "m", "mhd": "m", "md": "m", "mohd": "m",
    "achmad": "ahmad", "akhmad": "ahmad", "ahmad": "ahmad", "abd": "abdul", "abdul": "abdul",
}
REGION_WORDS = {"provinsi": "province", "prov": "province", "kota": "city", "kabupaten": "regency",
                "kab": "regency"}


def ascii_tokens(text: str) -> list[str]:
    """Lower-case ASCII word tokens.

    >>> ascii_tokens("Dinas Pemberdayaan Masyarakat, Perempuan & Anak (Café)")
    ['dinas', 'pemberdayaan', 'masyarakat', 'perempuan', 'anak', 'cafe']
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.findall(r"[a-z0-9]+", text)


def spell(token: str) -> str:
    """Fold Indonesian spelling variants of a name token.

    >>> [spell(t) for t in ["Shanti".lower(), "santi", "soekarno", "djoko", "muhammad", "wandosan"]]
    ['santi', 'santi', 'sukarno', 'joko', 'm', 'wandosan']
    """
    token = NAME_VARIANTS.get(token, token)
    token = token.replace("oe", "u").replace("dj", "j").replace("tj", "c").replace("sj", "sy")
    token = re.sub(r"(?<=[bcdfgjklmnpqrstvwxz])h", "", token)  # sh→s, kh→k, dh→d, th→t
    token = re.sub(r"(.)\1+", r"\1", token)                      # double letters
    return NAME_VARIANTS.get(token, token)


def person_tokens(name: str) -> list[str]:
    """Name tokens with leading honorifics/ranks and trailing degrees dropped, variants folded.

    >>> person_tokens("Dr. H. Ridwan, S.H., M.M."), person_tokens("Mochammad Iqbal")
    (['ridwan'], ['m', 'iqbal'])
    """
    lex = lexicon()
    toks = ascii_tokens(name.split(",")[0])  # degrees follow the first comma
    while len(toks) > 1 and (toks[0] in lex.prefixes or toks[0] in lex.ranks):
        toks.pop(0)
    while len(toks) > 1 and toks[-1] in lex.degrees:
        toks.pop()
    return [spell(t) for t in toks]


def person_similarity(a: list[str], b: list[str]) -> tuple[float, str]:
    """How surely two person-name token lists name the same person, and why.

    >>> person_similarity(["a", "ridwan"], ["ridwan"])[0] >= 0.85
    True
    >>> person_similarity(["budi", "santoso"], ["budi", "rustandi"])[0]
    0.0
    """
    if not a or not b:
        return 0.0, ""
    if a == b:
        return 1.0, "same normalised name"
    full_a, full_b = [t for t in a if len(t) > 1], [t for t in b if len(t) > 1]
    if not full_a or not full_b:
        return 0.0, ""
    initials_a, initials_b = {t[0] for t in a}, {t[0] for t in b}
    if full_a == full_b and (initials_a <= initials_b or initials_b <= initials_a):
        return 0.95, "same name, initials differ"
    short, long_ = sorted((full_a, full_b), key=len)
    if (len(short) < len(long_) and set(short) <= set(long_) and all(len(t) >= 4 for t in short)
            and short[-1] in long_[-2:] or (len(short) < len(long_) and short == long_[: len(short)]
                                            and len(short[0]) >= 4)):
        return 0.85, "part of the full name"
    if len(full_a) == len(full_b):
        ratios = [SequenceMatcher(None, x, y).ratio() for x, y in zip(full_a, full_b)]
        if min(ratios) >= 0.8 and all(x[0] == y[0] for x, y in zip(full_a, full_b)):
            return 0.8, f"spelling variant ({min(ratios):.2f})"
    return 0.0, ""


@cache
def _full_forms() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Squashed full forms of known organisations → squashed acronym (longest first)."""
    lex = lexicon()
    table: dict[str, str] = {}
    for acronym, info in lex.org_acronyms.items():
        full = "".join(t for t in ascii_tokens(info.get("full", "")) if t not in STOPWORDS)
        if len(full) > len(acronym) + 3 and not info.get("gov"):
            table.setdefault(full, acronym)
    if not table:
        return None, table
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    return pattern, table


@cache
def _synonyms() -> tuple[re.Pattern[str], dict[str, str]]:
    table = yaml.safe_load((Path(__file__).with_name("synonyms.yaml")).read_text(encoding="utf-8"))
    table = {" ".join(ascii_tokens(k)): " ".join(ascii_tokens(v)) for k, v in table.items()}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)) + r")\b")
    return pattern, table


def fold(name: str) -> list[str]:
    """Tokens with synonymous phrases folded (kg/resolve/synonyms.yaml) and a dangling region word dropped.

    >>> fold("Ketua Tim Penggerak PKK Kabupaten"), fold("Wakil Walikota Denpasar")
    (['ketua', 'pkk'], ['wakil', 'wali', 'kota', 'denpasar'])
    """
    pattern, table = _synonyms()
    toks = pattern.sub(lambda m: table[m.group(0)], " ".join(ascii_tokens(name))).split()
    while len(toks) > 1 and toks[-1] in REGION_WORDS:
        toks.pop()
    return toks


def squash_name(name: str) -> str:
    """Letters and digits only, stopwords dropped, known full forms replaced by their acronym.

    >>> squash_name("Kepala Dinas Kesehatan Kota Serang") == squash_name("Kepala Dinkes Kota Serang")
    True
    """
    text = "".join(t for t in fold(name) if t not in STOPWORDS)
    pattern, table = _full_forms()
    if pattern is not None:
        text = pattern.sub(lambda m: table[m.group(0)], text)
    return text


def _slug(words: str) -> str:
    return "-".join(ascii_tokens(words))


KIND_ORDER = {"city": 0, "regency": 1, "province": 2}
# Posts whose title says which kind of region a bare name after them is.
ROLE_KINDS = {"bupati": "regency", "wabup": "regency", "pemkab": "regency", "kabupaten": "regency",
              "wali": "city", "walikota": "city", "wawali": "city", "pemkot": "city", "pemko": "city",
              "gubernur": "province", "wagub": "province", "pemprov": "province"}


@cache
def region_key(text: str, context: frozenset[str] = frozenset(), prefer: str | None = None) -> str | None:
    """The canonical key of an administrative region named by ``text``, or None.

    "Provinsi Sulawesi Tengah", "Sulteng" → "provinsi-sulawesi-tengah"; "Kab. Sigi", "Sigi" →
    "kabupaten-sigi"; a bare name that is both a city and a regency means the city ("Kupang").

    >>> region_key("Kab. Sigi"), region_key("Sulteng"), region_key("Kupang"), region_key("Aula Bappeda")
    ('kabupaten-sigi', 'provinsi-sulawesi-tengah', 'kota-kupang', None)
    """
    toks = ascii_tokens(text)
    if not toks:
        return None
    lex = lexicon()
    kind = REGION_WORDS.get(toks[0])
    # the words after the kind word ("Kota-Pekalongan", "Kab. Sigi"): the region's own name
    words = re.sub(r"^\W*[A-Za-z]+\W*", "", text.strip(), count=1) if kind and len(toks) > 1 else text
    candidates = lex.regions.get(words.strip()) or lex.regions.get(words.strip().title()) or []
    if not candidates:
        return None
    if kind:
        chosen = next((r for r in candidates if r.kind == kind), None)
        if chosen is None:
            return None
    else:  # a bare name: the region the report names, else one in a province the report is about,
        # else the kind the post implies, else a city
        keyed = {_slug(r.full): r for r in candidates}
        in_context = [k for k in keyed if k in context]
        if len(in_context) == 1:
            return in_context[0]
        in_province = [k for k, r in keyed.items() if province_key(r) in context]
        if len(in_province) == 1:
            return in_province[0]
        pool = [keyed[k] for k in in_province] or candidates
        chosen = min(pool, key=lambda r: (r.kind != prefer, KIND_ORDER[r.kind]))
    return _slug(chosen.full)


def province_key(region) -> str | None:
    """The key of the province a region lies in (its own key for a province)."""
    if region.kind == "province":
        return _slug(region.full)
    return f"provinsi-{_slug(region.province)}" if region.province else None


def context_with_provinces(keys: set[str]) -> frozenset[str]:
    """Region keys plus the keys of the provinces they lie in.

    >>> sorted(context_with_provinces({"kabupaten-sigi"}))
    ['kabupaten-sigi', 'provinsi-sulawesi-tengah']
    """
    lex = lexicon()
    out = set(keys)
    for key in keys:
        kind_word, _, rest = key.partition("-")
        kind = REGION_WORDS.get(kind_word)
        for r in lex.regions.get(rest.replace("-", " ").title(), []):
            if r.kind == kind and _slug(r.full) == key and province_key(r):
                out.add(province_key(r))
    return frozenset(out)


def split_region_suffix(name: str, context: frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """Split "Dinas Kesehatan Kabupaten Pemalang" into ("Dinas Kesehatan", "kabupaten-pemalang").

    A bare region name is read in ``context`` (the region keys the report names) and after the
    post: "Bupati Banjar" is the regency, "Wali Kota Banjar" the city.

    >>> split_region_suffix("Polres Pemalang"), split_region_suffix("Forum RT")
    (('Polres', 'kabupaten-pemalang'), ('Forum RT', None))
    >>> split_region_suffix("Bupati Banjar")[1], split_region_suffix("Wali Kota Banjar")[1]
    ('kabupaten-banjar', 'kota-banjar')
    """
    words = name.replace(",", " ").split()
    first = ascii_tokens(words[0])[:1] if words else []
    prefer = ROLE_KINDS.get(first[0]) if first else None
    for i in range(1, len(words)):
        key = region_key(" ".join(words[i:]), context, prefer)
        if key:
            return " ".join(words[:i]), key
    return name, None


def dice(a: list[str], b: list[str]) -> float:
    """Dice overlap of two token lists (as sets)."""
    sa, sb = set(a), set(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa and sb else 0.0


def content_tokens(name: str) -> list[str]:
    return [t for t in fold(name) if t not in STOPWORDS and len(t) > 1]


def acronym_match(a: list[str], b: list[str]) -> bool:
    """True when one token list is the other with a run of words written as their initials.

    >>> acronym_match(["dinas", "ppkb", "supiori"], ["dinas", "pemberdayaan", "perempuan", "keluarga", "berencana", "supiori"])
    True
    >>> acronym_match(["dinas", "sosial"], ["dinas", "kesehatan"])
    False
    """
    short, long_ = sorted((a, b), key=len)
    if len(short) == len(long_):
        return False
    for i, tok in enumerate(short):
        if len(tok) < 2:
            continue
        if short[:i] != long_[:i]:
            return False
        run = len(long_) - len(short) + 1
        if run == len(tok) and "".join(t[0] for t in long_[i:i + run]) == tok and short[i + 1:] == long_[i + run:]:
            return True
    return False
