"""Events: the meeting, socialisation, training, launch or visit a report describes as happening."""
from __future__ import annotations

from kg.extract.mentions import Mention, skip_paren, slice_text
from kg.extract.text import Tok
from kg.extract.vocab import Vocab, match

# Words that end an event phrase (place, time, agent and clause openers).
STOP_WORDS = {
    "di", "yang", "pada", "bertempat", "berlangsung", "dilaksanakan", "digelar", "diselenggarakan", "oleh",
    "melalui", "bersama", "sebagai", "guna", "secara", "selama", "mulai", "hari", "tanggal", "ini", "tersebut",
    "itu", "kali", "bertajuk", "dibuka", "dihadiri", "diikuti", "dipimpin", "bagi", "kepada", "kemarin",
    "bertema", "mengusung", "hingga", "sejak", "usai", "saat", "ketika", "merupakan", "adalah", "akan", "telah",
    "sudah", "juga", "pukul", "dari", "bekerjasama", "bekerja", "menggandeng", "lewat", "agar", "supaya", "sehingga",
    "karena", "sekaligus", "menjadi", "tidak", "belum", "bisa", "dapat", "harus", "perlu", "ia", "kami", "kita",
    # passive verbs that report on the event ("Penandatanganan dilakukan oleh ...")
    "dilakukan", "diadakan", "ditandatangani", "disaksikan", "dimulai", "diawali", "ditutup", "disampaikan",
    "difasilitasi", "didukung", "diinisiasi", "digagas", "dihadirkan", "diharapkan", "berjalan", "resmi",
}
DAYS = {"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu"}
_STOP_OR_DAY = STOP_WORDS | DAYS
# Verbs that introduce the event a report is about.
TRIGGERS = {
    "menggelar", "mengadakan", "melaksanakan", "menyelenggarakan", "membuka", "memimpin", "menghadiri",
    "mengikuti", "gelar", "adakan", "laksanakan", "selenggarakan", "melakukan", "menyelenggaran", "membentuk",
    "acara", "kegiatan", "digelar", "dilaksanakan", "diselenggarakan", "dalam", "pada", "sosialisasikan",
}
MAX_WORDS = 28


def parse_event(V: Vocab, text: str, toks: list[Tok], i: int) -> Mention | None:
    """An event phrase starting with an event word at token ``i``."""
    m = match(toks, i, V.events, need_cap=False)
    if not m:
        return None
    j, kind = m
    n = len(toks)
    k = j
    last = j
    words = 0
    first_comma = None
    while k < n and words < MAX_WORDS:
        t = toks[k]
        if t.kind == "W":
            if t.low in _STOP_OR_DAY:
                break
            k += 1
            words += 1
            last = k
            continue
        if t.kind == "N":
            if k + 1 < n and toks[k + 1].text == "/":
                break
            k += 1
            last = k
            continue
        if t.text == "(":
            k2 = _acronym_paren(toks, k)
            if k2 is not None:
                k = last = k2
                continue
            break
        if t.text in (",", "/", "-", "&", "–") and k + 1 < n and toks[k + 1].kind == "W" and \
                toks[k + 1].low not in _STOP_OR_DAY and \
                not (t.text == "," and toks[k + 1].cap and (match(toks, k + 1, V.org_heads) or
                     match(toks, k + 1, V.org_acr) or match(toks, k + 1, V.roles) or
                     match(toks, k + 1, V.acting) or toks[k + 1].low in V.prefixes or toks[k + 1].low in V.ranks or
                     toks[k + 1].low not in V.org_words and toks[k + 1].low not in V.event_words or
                     toks[k + 1].low in ("pemerintah", "pemkot", "pemkab", "pemprov", "pemko"))):
            if t.text == "," and first_comma is None:
                first_comma = k
            k += 1
            continue
        break
    end = last
    if end <= i:
        return None
    # the event word alone ("rapat", "kegiatan") is only a reference
    surface = slice_text(text, toks, i, end)
    name = surface[0].upper() + surface[1:]
    ev = Mention("Event", toks[i].start, toks[end - 1].end, surface, name, {"kind": kind})
    ev.props["n_words"] = words + (j - i)
    if first_comma is not None and first_comma > j:
        ev.aliases.append(slice_text(text, toks, i, first_comma))
    if words > 5:
        cut = i
        w = 0
        while cut < end and w < 5 + (j - i):
            if toks[cut].kind == "W":
                w += 1
            cut += 1
        ev.aliases.append(slice_text(text, toks, i, cut))
    return ev


def parse_verb_event(V: Vocab, text: str, toks: list[Tok], i: int) -> Mention | None:
    """An event named by a verb and its capitalised object: "menandatangani Kesepakatan Bersama Layanan
    Terpadu" -> "Penandatanganan Kesepakatan Bersama Layanan Terpadu". The span is the object's (the
    verb stays between the subject and the event, where the organiser is read); the object is kept as
    an alias."""
    noun = V.verb_events.get(toks[i].low)
    n = len(toks)
    j = i + 1
    if noun is None or j >= n or not (toks[j].kind == "W" and toks[j].cap):
        return None
    k = last = j
    words = 0
    while k < n and words < 12:
        t = toks[k]
        if t.kind == "W" and t.low not in _STOP_OR_DAY and (
                t.cap or (t.low in ("dan", "serta", "tentang", "&") and k + 1 < n and toks[k + 1].cap)):
            k += 1
            words += 1
            if t.cap:
                last = k
            continue
        if t.kind == "N" and k > j:
            k += 1
            last = k
            continue
        if t.text == "(":
            k2 = _acronym_paren(toks, k)
            if k2 is not None:
                k = last = k2
                continue
        break
    obj = slice_text(text, toks, j, last)
    ev = Mention("Event", toks[j].start, toks[last - 1].end, obj, f"{noun} {obj}",
                 {"kind": V.lex.event_kinds.get(noun, noun.lower()), "trigger": "organize"})
    ev.props["n_words"] = words + 1
    ev.aliases.append(obj)
    return ev


def _acronym_paren(toks: list[Tok], k: int) -> int | None:
    """The index after a short "(ACRONYM)" at ``k`` that belongs to a name ("(TPPO)", "(SIMFONI PPA)"; not
    "(16/9)"), else None."""
    k2, inner = skip_paren(toks, k, 4)
    if inner and any(c.isupper() for c in inner) and not any(c.isdigit() for c in inner):
        return k2
    return None


def triggered(toks: list[Tok], i: int) -> bool:
    """True when a trigger verb stands in the few tokens before ``i``."""
    for k in range(max(0, i - 4), i):
        if toks[k].low in TRIGGERS:
            return True
    return False
