"""Sentences and tokens with character offsets into the (cleaned, same-length) report text."""
from __future__ import annotations

import re

# A word (letters, with inner apostrophes/hyphens: Kandouw-Tanos, Juma’, se-Bali), a number
# (dates and codes: 16/9, 0403/OKU keeps the digits only), or one punctuation mark.
_TOKEN = re.compile(r"[Ss]e-(?=[A-Za-z])|[^\W\d_][\w’'`\-]*|\d+(?:[/.:,\-]\d+)*|\S")

# Abbreviations whose dot does not end a sentence.
_ABBREV = {
    "dr", "drs", "dra", "drg", "ir", "h", "hj", "prof", "kh", "st", "moh", "muh", "mr", "mrs", "ny", "tn", "sdr",
    "kab", "prov", "kec", "kel", "jl", "jln", "no", "pj", "plt", "plh", "kol", "pol", "tbk", "bpk", "ibu", "ust",
    "sh", "se", "mm", "msi", "si", "sos", "ik", "kes", "psi", "pd", "ag", "kom", "sc", "ph", "ks", "ip", "md",
    "a", "b", "c", "d", "e", "f", "g", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "y",
    "z", "dinkes", "kadinkes", "wabup", "rp", "hal", "tp", "sp", "ak", "apt", "lc", "ma", "stp",
}
_DEGREE_NEXT = re.compile(r"\s+[A-Z][A-Za-z]{0,3}\.\s?[A-Z][A-Za-z]{0,3}\.?(?:[\s,]|$)")
# Sentence ends: [.!?]+ before a capital, or line breaks. Written as one class "[.!?\n]" and then
# the rest of either form (told apart by a look-behind at that character), so that re sees the first
# character's class and skips ahead to it: with "+", or with the two forms as a top-level "|", it
# tried the whole pattern at every character (two to three times the work).
_SPLIT = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|(?<=\n)\n*)")


class Tok:
    """One token: its text, [start, end) in the report, and shape flags.

    kind is "W" (word), "N" (number) or "P" (punctuation); cap: starts with an upper-case letter;
    upper: a word of two or more letters, all upper case; low: the text lower-cased.
    (A plain slotted class: tokens are the extractor's most numerous objects.)
    """

    __slots__ = ("text", "start", "end", "kind", "cap", "upper", "low")

    def __init__(self, text: str, start: int, end: int, kind: str, cap: bool, upper: bool, low: str) -> None:
        self.text, self.start, self.end, self.kind, self.cap, self.upper, self.low = \
            text, start, end, kind, cap, upper, low

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


def _shape(t: str) -> tuple[str, bool, bool, str] | None:
    """(kind, cap, upper, low) of a token text, or None for "ABC-Xyz" (split into three tokens)."""
    c = t[0]
    if "-" in t and c.isupper():
        left, _, right = t.partition("-")
        if len(left) >= 3 and left.isupper() and right[:1].isupper() and right[1:2].islower():
            return None
    if c.isalpha():
        cap = c.isupper()
        return "W", cap, cap and len(t) > 1 and t.isupper(), t.lower()
    return ("N" if c.isdigit() else "P"), False, False, t


# whitespace-separated chunk ("Jambi,", "(DPMPPA)", "Kota") -> its tokens: the same chunks recur in
# every report, so each is split and classified once. A chunk of one token maps to its shape
# (kind, cap, upper, low); a chunk of several to a list of (start, end, text, kind, cap, upper, low)
# relative to the chunk.
_CHUNKS: dict[str, tuple[str, bool, bool, str] | list[tuple[int, int, str, str, bool, bool, str]]] = {}


def _chunk(c: str) -> tuple[str, bool, bool, str] | list[tuple[int, int, str, str, bool, bool, str]]:
    """The tokens of one chunk. Tokens never span whitespace and the one lookahead of _TOKEN
    ("se-" before a letter) fails alike at a chunk's end and before a blank, so a chunk splits
    the same alone as inside its sentence."""
    parts = []
    for m in _TOKEN.finditer(c):
        t, s = m.group(), m.start()
        sh = _shape(t)
        if sh is None:
            # "TPPO-Kabupaten": an acronym glued to a capitalised word is three tokens
            left, _, right = t.partition("-")
            s1 = s + len(left) + 1
            parts.append((s, s + len(left), left, "W", True, True, left.lower()))
            parts.append((s + len(left), s1, "-", "P", False, False, "-"))
            parts.append((s1, s1 + len(right), right, "W", True, False, right.lower()))
        else:
            parts.append((s, m.end(), t) + sh)
    if len(parts) == 1 and parts[0][0] == 0 and parts[0][1] == len(c):
        return parts[0][3:]
    return parts


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    """Split ``text`` into tokens; offsets are shifted by ``offset``."""
    out: list[Tok] = []
    append = out.append
    new = Tok.__new__
    chunks = _CHUNKS
    find = text.find
    pos = 0
    # str.split() and the regex's \s agree on what is blank; a chunk starts at the first
    # occurrence of its text after the previous one (only blanks lie between), right after the
    # one blank that mostly lies between
    for c in text.split():
        s = pos + 1 if text[pos] == " " and text[pos + 1] == c[0] else find(c, pos)
        pos = s + len(c)
        sh = chunks.get(c)
        if sh is None:
            if len(chunks) > 100_000:
                chunks.clear()   # bound the memory on an endless stream of new words
            sh = chunks[c] = _chunk(c)
        if sh.__class__ is tuple:
            o = new(Tok)
            o.kind, o.cap, o.upper, o.low = sh
            o.text = c
            o.start = s + offset
            o.end = pos + offset
            append(o)
            continue
        s += offset
        for a, b, t, kind, cap, upper, low in sh:
            o = new(Tok)
            o.text, o.start, o.end, o.kind, o.cap, o.upper, o.low = t, s + a, s + b, kind, cap, upper, low
            append(o)
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans [start, end) over ``text``, stripped of surrounding blanks.

    Splits at line breaks and at sentence-final punctuation followed by a capital, except after
    known abbreviations and initials (Dr., Kab., S.H., A. Ridwan).
    """
    spans = []
    start = 0
    for m in _SPLIT.finditer(text):
        if m.group()[0] == ".":
            j = m.start()
            k = j
            while k > start and (text[k - 1].isalpha()):
                k -= 1
            word = text[k:j].lower()
            if word in _ABBREV or (k > 0 and text[k - 1] == "."):
                continue
            if _DEGREE_NEXT.match(text, m.end()):
                continue
        end = m.end()
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        e -= len(seg) - len(seg.rstrip())   # str.strip() and isspace() agree on what is blank
        s += len(seg) - len(seg.lstrip())
        if e > s:
            out.append((s, e))
    return out
