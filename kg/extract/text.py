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
# Sentence ends: [.!?]+ before a capital, or line breaks. Written "[.!?][.!?]*" and "\n\n*" (the
# same language) so that re sees the first character's class and skips ahead to it: with "+" it
# tried the whole pattern at every character (three times the work).
_SPLIT = re.compile(r"[.!?][.!?]*[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n\n*")


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


# token text -> shape: the same words recur in every report, so each is classified once
_SHAPES: dict[str, tuple[str, bool, bool, str]] = {}


# Whitespace, then a token: findall hands both over without a match object per token, and the
# offsets follow from the lengths (only whitespace lies between tokens: "\S" takes anything else).
_WS_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    """Split ``text`` into tokens; offsets are shifted by ``offset``."""
    out: list[Tok] = []
    append = out.append
    new = Tok.__new__
    shapes = _SHAPES
    pos = offset
    for ws, t in _WS_TOKEN.findall(text):
        s = pos + len(ws)
        pos = s + len(t)
        sh = shapes.get(t)
        if sh is None:
            sh = _shape(t)
            if sh is None:
                # "TPPO-Kabupaten": an acronym glued to a capitalised word is three tokens
                left, _, right = t.partition("-")
                append(Tok(left, s, s + len(left), "W", True, True, left.lower()))
                append(Tok("-", s + len(left), s + len(left) + 1, "P", False, False, "-"))
                s1 = s + len(left) + 1
                append(Tok(right, s1, s1 + len(right), "W", True, False, right.lower()))
                continue
            if len(shapes) > 100_000:
                shapes.clear()   # bound the memory on an endless stream of new words
            shapes[t] = sh
        o = new(Tok)
        o.kind, o.cap, o.upper, o.low = sh
        o.text = t
        o.start = s
        o.end = pos
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
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
