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
# Its two forms, for a text without "!" or "?": each opens with one literal character, which re
# finds with a plain character loop (a class like "[.!?\n]" costs a function call per character).
# Matches of the two never overlap (neither takes the other's first character), so together in
# order of start they are _SPLIT's. The dot's form also refuses a dot before degrees (_DEGREE_NEXT,
# which sentences() would skip): the same, as backtracking cannot move the end of a dot's match
# (the run of dots and quotes must be followed by a blank), nor can a later start inside the run.
_SPLIT_DOT = re.compile(r"\.[.]*[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])(?!" + _DEGREE_NEXT.pattern + ")")
_SPLIT_NL = re.compile(r"\n\n*")


class Tok:
    """One token: its text, [start, end) in the report, and shape flags.

    kind is "W" (word), "N" (number) or "P" (punctuation); cap: starts with an upper-case letter;
    upper: a word of two or more letters, all upper case; low: the text lower-cased.
    (A plain slotted class: tokens are the extractor's most numerous objects. It has no __init__:
    ``Tok()`` and then setting the attributes costs less than a Python __init__ call.)
    """

    __slots__ = ("text", "start", "end", "kind", "cap", "upper", "low")

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
# every report, so each is split and classified once. A chunk of one token maps to its shape and
# length (kind, cap, upper, low, len); a chunk of several to a list of
# (start, end, text, kind, cap, upper, low) relative to the chunk.
_CHUNKS: dict[str, tuple[str, bool, bool, str, int] | list[tuple[int, int, str, str, bool, bool, str]]] = {}


def _chunk(c: str) -> tuple[str, bool, bool, str, int] | list[tuple[int, int, str, str, bool, bool, str]]:
    """The tokens of one chunk. Tokens never span whitespace and the one lookahead of _TOKEN
    ("se-" before a letter) fails alike at a chunk's end and before a blank, so a chunk splits
    the same alone as inside its sentence."""
    if c.isalpha():
        # letters only (most chunks): one word, what _TOKEN's word branch would match whole
        cap = c[0].isupper()
        return "W", cap, cap and len(c) > 1 and c.isupper(), c.lower(), len(c)
    core = c[:-1]
    if c[-1] in ",." and core.isalpha():
        # a word and the comma or full stop after it ("Jambi,", "anak.")
        n, cap = len(core), c[0].isupper()
        return [(0, n, core, "W", cap, cap and n > 1 and core.isupper(), core.lower()),
                (n, n + 1, c[-1], "P", False, False, c[-1])]
    return _chunk_regex(c)


def _chunk_regex(c: str) -> tuple[str, bool, bool, str, int] | list[tuple[int, int, str, str, bool, bool, str]]:
    """_chunk(c) by the token regex, for any chunk (_chunk's shortcuts agree with it: a test checks)."""
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
        return parts[0][3:] + (len(c),)
    return parts


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    """Split ``text`` into tokens; offsets are shifted by ``offset``."""
    parts = text.split()
    # Mostly the chunks lie one blank apart, so each starts one past the previous one's end; otherwise
    # each is found: str.split() and the regex's \s agree on what is blank, so only blanks lie between
    # two chunks and a chunk's first occurrence after the previous one is where it stands.
    spaced = " ".join(parts) != text
    find = text.find
    out: list[Tok] = []
    chunks = _CHUNKS
    s = offset   # where the chunk starts, in the report
    for c in parts:
        if spaced:
            s = find(c, s - offset) + offset
        try:
            sh = chunks[c]
        except KeyError:
            sh = _new_chunk(c)
        if sh.__class__ is tuple:
            o = Tok()
            o.kind, o.cap, o.upper, o.low, n = sh
            o.text = c
            o.start = s
            o.end = s = s + n
            out.append(o)
        else:
            for a, b, t, kind, cap, upper, low in sh:
                o = Tok()
                o.text, o.start, o.end, o.kind, o.cap, o.upper, o.low = t, s + a, s + b, kind, cap, upper, low
                out.append(o)
            s += len(c)
        s += 1
    return out


def _new_chunk(c: str) -> tuple[str, bool, bool, str, int] | list[tuple[int, int, str, str, bool, bool, str]]:
    """_chunk(c), remembered in _CHUNKS."""
    if len(_CHUNKS) > 100_000:
        _CHUNKS.clear()   # bound the memory on an endless stream of new words
    sh = _CHUNKS[c] = _chunk(c)
    return sh


_START = re.Match.start


def _strip_span(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    """Append [s, e) stripped of surrounding blanks to ``out``, unless nothing is left."""
    seg = text[s:e]
    e -= len(seg) - len(seg.rstrip())   # str.strip() and isspace() agree on what is blank
    s += len(seg) - len(seg.lstrip())
    if e > s:
        out.append((s, e))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans [start, end) over ``text``, stripped of surrounding blanks.

    Splits at line breaks and at sentence-final punctuation followed by a capital, except after
    known abbreviations and initials (Dr., Kab., S.H., A. Ridwan).
    """
    start = 0
    if "!" in text or "?" in text:
        ends = _SPLIT.finditer(text)
        degree = _DEGREE_NEXT.match
    else:
        ends = [*_SPLIT_DOT.finditer(text), *_SPLIT_NL.finditer(text)]
        ends.sort(key=_START)
        degree = None   # _SPLIT_DOT checks it
    out: list[tuple[int, int]] = []
    for m in ends:
        j, end = m.span()
        if text[j] == ".":
            # the word before the dot: mostly the whole chunk after the last space
            k = text.rfind(" ", start, j) + 1
            if k < start:
                k = start
            word = text[k:j]
            if not word.isalpha():   # "S.H", "2023", "(ant)": its trailing letters alone
                k = j
                while k > start and text[k - 1].isalpha():
                    k -= 1
                word = text[k:j]
            if word.lower() in _ABBREV or (k > 0 and text[k - 1] == "."):
                continue
            if degree is not None and degree(text, end):
                continue
        _strip_span(text, start, end, out)
        start = end
    _strip_span(text, start, len(text), out)
    return out
