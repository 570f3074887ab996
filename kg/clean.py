"""Strip page furniture from a report before extraction, keeping character offsets.

Furniture ("BACA JUGA" links to other stories, tag/share/"Berita Terkini" blocks, bylines,
photo credits, editorial codes) is *masked* with spaces rather than removed, so the cleaned
text has the same length as the original and every offset the extractor reports is an offset
into the original report. Newlines are kept so that line and paragraph structure survive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

# A link to another story: masked from the marker to the end of its line.
_BACA_JUGA = re.compile(r"(?im)\b(?:baca\s+juga|baca\s+pula|lihat\s+juga|simak\s+juga|berita\s+terkait)\b\s*:?.*$")
# Headers that open the trailing block of tags, share buttons and story lists: the line and
# everything after it is furniture once it appears in the last part of a report.
_BLOCK_HEADERS = re.compile(
    r"(?im)^[ \t]*(?:tags?|topik|share|bagikan|berita\s+terkini|berita\s+terpopuler|berita\s+pilihan"
    r"|berita\s+lainnya|artikel\s+terkait|terpopuler|rekomendasi|komentar|ikuti\s+kami)\b[ \t]*:?.*$")
# Bylines: "Reporter: IRMA", "Editor : Ocha", "Penulis : Arisal", "Oleh: Arief", "oleh -".
_BYLINE = re.compile(
    r"(?im)^[ \t]*(?P<key>reporter|editor|penulis|pewarta|redaktur|wartawan|oleh|sumber|fotografer"
    r"|kontributor|penyunting)[ \t]*[:\-–—][ \t]*(?P<value>[^\n]{0,80})$")
# Photo credits inside or after a caption: "FOTO: IST", "(Foto: Humas Pemkot)".
_PHOTO_CREDIT = re.compile(r"(?i)\(?\b(?:foto|photo|dok|dokumentasi|ilustrasi)\s*[:.]\s*[^\n()]{0,60}\)?[ \t]*$",
                           re.MULTILINE)
# Editorial codes closing a story: "(*)", "(ant)", "(rls/jan)", "(adv)".
_EDITOR_CODE = re.compile(r"\((?:\*|[a-z]{2,6}(?:/[a-z]{2,6})*)\)[ \t]*$", re.MULTILINE)
_COPYRIGHT = re.compile(r"(?im)^[ \t]*(?:©|copyright\b|hak\s+cipta\b).*$")
# Comment widgets and blog chrome: "Comments (0)", "Add Comment", "Tidak ada komentar:", "Posting Komentar",
# "Berlangganan Posting Komentar [Atom]", "<< Beranda", "Video : https://...".
_WIDGET = re.compile(r"(?im)^[ \t]*(?:comments?\s*\(\d+\)|add\s+comment|tidak\s+ada\s+komentar|\d+\s+komentar|"
                     r"posting\s+komentar|berlangganan\b|<<\s*beranda|video\s*:\s*https?://).*$")
# A byline in brackets: "*(Reporter:slametsbl)*", "(Penulis: Ari)".
_BRACKET_BYLINE = re.compile(r"(?i)\*?\(\s*(?P<key>reporter|penulis|editor|pewarta)\s*:\s*(?P<value>[^()\n]{1,60})\)\*?")
# A closing credit in brackets at the end of a line: "(Hus/Hz)", "(eka/hum)", "(Dkips/ik-red)", "(Redaksi)",
# "(Eko B Art)", "(Biro Humas dan Protokol Setdaprov Sulteng)".
_CREDIT = re.compile(r"\((?P<who>[^()\n\d]{2,60})\)[ \t]*$", re.MULTILINE)

# Python's re tries a pattern at every character of the report, which for these case-insensitive
# alternations cost more than the rest of the cleaning. Every match of them begins at one of a few
# literal words (lower case, below), or at a line start for the "^" patterns, so clean() tries
# them only there (finditer_at): same matches, a fraction of the work.
_NEEDLES = {
    _BACA_JUGA: ("baca", "lihat", "simak", "berita"),
    _PHOTO_CREDIT: ("foto", "photo", "dok", "ilustrasi"),
    _BRACKET_BYLINE: ("reporter", "penulis", "editor", "pewarta"),
}
_NEEDLES_B = {p: tuple(n.encode() for n in ns) for p, ns in _NEEDLES.items()}
# Characters that re.IGNORECASE equates with an ASCII letter but str.lower() does not map to it.
_FOLD_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")
# Every match of a line-anchored pattern (_BLOCK_HEADERS, _BYLINE, _COPYRIGHT, _WIDGET) opens with
# one of its words after [ \t]*: where none of them opens a line, none of the four can match there,
# so clean() tries the four only at the (few) line starts this gate matches.
_LINE_GATE = re.compile(
    r"(?i)[ \t]*(?:tags?|topik|share|bagikan|berita\s+terkini|berita\s+terpopuler|berita\s+pilihan"
    r"|berita\s+lainnya|artikel\s+terkait|terpopuler|rekomendasi|komentar|ikuti\s+kami"
    r"|reporter|editor|penulis|pewarta|redaktur|wartawan|oleh|sumber|fotografer|kontributor|penyunting"
    r"|©|copyright|hak\s+cipta"
    r"|comments?\s*\(|add\s+comment|tidak\s+ada\s+komentar|\d+\s+komentar|posting\s+komentar|berlangganan"
    r"|<<\s*beranda|video\s*:)")
# The gate's words by their first three letters (lower case), and the first characters for which
# the gate itself decides (a blank, a digit, "<", or "?" standing for any non-ASCII character such
# as "©", see clean()): a line opening otherwise cannot pass the gate.
_GATE_HEADS = frozenset(b"tag top sha bag ber art ter rek kom iku rep edi pen pew red war ole sum fot kon "
                        b"cop hak com add tid pos vid".split())
_GATE_FIRST = frozenset(bytes([c]) for c in b" \t?<0123456789")

BLOCK_FROM = 0.5  # a block header only swallows the rest when it is in the second half


@dataclass(slots=True)
class Cleaned:
    """The report text with furniture masked, and what the furniture told about the source."""

    text: str
    masked: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind)
    reporter: str | None = None
    editor: str | None = None

    def is_masked(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps furniture."""
        return any(s < end and start < e for s, e, _ in self.masked)


def _matches(pattern: re.Pattern, text: str, low: bytes, odd: bool):
    """``pattern.finditer(text)``, skipped when ``low`` (the text as lower-cased ASCII bytes) holds none
    of its needles and the text no letter that re folds oddly (``odd``)."""
    if odd or any(n in low for n in _NEEDLES_B[pattern]):
        return pattern.finditer(text)
    return ()


def _needle_starts(pattern: re.Pattern, text: str, low: bytes, paren: bool = False) -> list[int]:
    """Where a match of ``pattern`` may begin: at each of its needles in ``low`` (the text as lower-cased
    ASCII bytes, see clean()) and at a "(" just before one."""
    starts = set()
    for n in _NEEDLES_B[pattern]:
        i = low.find(n)
        while i >= 0:
            starts.add(i)
            if paren and i > 0 and text[i - 1] == "(":
                starts.add(i - 1)
            i = low.find(n, i + 1)
    return sorted(starts)


def _line_starts(text: str) -> list[int]:
    """Offsets of every line start (where a multi-line "^" can match)."""
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def finditer_at(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose (never empty) matches can only begin at one of
    ``starts`` (sorted): ``match`` is tried there alone, in finditer's left-to-right,
    non-overlapping order. Scanning every character is what makes case-insensitive patterns slow."""
    end = 0
    for p in starts:
        if p < end:
            continue
        m = pattern.match(text, p)
        if m is not None:
            yield m
            end = m.end()


def _last_line_start(text: str, spans: list[tuple[int, int, str]]) -> int:
    """Where the last line of the story proper starts (furniture after it ignored)."""
    end = min([s for s, _, k in spans if k == "block"] + [len(text)])
    body = text[:end].rstrip()
    while body:
        start = body.rfind("\n") + 1
        if not any(s <= start and body.rstrip().__len__() <= e for s, e, _ in spans) and \
                not _WIDGET.match(body[start:]):
            return start
        body = body[:start].rstrip()
    return 0


def _mask(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with every span blanked (newlines kept), built from slices."""
    parts = []
    pos = 0
    for start, end, _ in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        parts.append(text[pos:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def clean(text: str) -> Cleaned:
    """Mask page furniture in ``text``; the result has exactly the same length.

    >>> c = clean("Rapat digelar.\\nBACA JUGA: Bupati Sigi Meresmikan Pasar\\nSelesai.")
    >>> "Bupati" in c.text, len(c.text) == len("Rapat digelar.\\nBACA JUGA: Bupati Sigi Meresmikan Pasar\\nSelesai.")
    (False, True)
    """
    spans: list[tuple[int, int, str]] = []
    out = Cleaned(text)
    # re folds four non-ASCII letters to ASCII ones (_FOLD_ODD; the first is also the one letter
    # str.lower() lengthens). Without them a needle (ASCII letters) matches case-insensitively just
    # where the text encoded to ASCII ("?" for any other character: one byte each, same offsets)
    # and lower-cased holds it; bytes are searched faster than str.lower() of non-ASCII text.
    odd = not text.isascii() and any(c in text for c in _FOLD_ODD)
    low = b"" if odd else text.encode("ascii", "replace").lower()
    lines = _line_starts(text)
    if not odd:
        heads, firsts, gate = _GATE_HEADS, _GATE_FIRST, _LINE_GATE.match
        lines = [p for p in lines if (low[p:p + 3] in heads or low[p:p + 1] in firsts) and gate(text, p)]
    links = _BACA_JUGA.finditer(text) if odd else \
        finditer_at(_BACA_JUGA, text, _needle_starts(_BACA_JUGA, text, low))
    for m in links:
        spans.append((m.start(), m.end(), "link"))
    for m in finditer_at(_BLOCK_HEADERS, text, lines):
        if m.start() >= len(text) * BLOCK_FROM:
            spans.append((m.start(), len(text), "block"))
            break
        if len(m.group(0).split()) <= 3:  # a lone header line early on
            spans.append((m.start(), m.end(), "block"))
    for m in finditer_at(_BYLINE, text, lines):
        key, value = m.group("key").lower(), m.group("value").strip(" -–—")
        if key == "oleh" and value and len(value.split()) > 4:
            continue  # "Oleh: ..." opening a sentence, not a byline
        spans.append((m.start(), m.end(), "byline"))
        if key in ("reporter", "penulis", "pewarta", "wartawan", "oleh", "kontributor") and value:
            out.reporter = out.reporter or value
        elif key in ("editor", "redaktur", "penyunting") and value:
            out.editor = out.editor or value
    photo = _PHOTO_CREDIT.finditer(text) if odd else \
        finditer_at(_PHOTO_CREDIT, text, _needle_starts(_PHOTO_CREDIT, text, low, paren=True))
    spans.extend((m.start(), m.end(), "credit") for m in photo)
    codes = list(_EDITOR_CODE.finditer(text))
    spans.extend((m.start(), m.end(), "code") for m in codes)
    for pattern, kind in ((_COPYRIGHT, "copyright"), (_WIDGET, "widget")):
        spans.extend((m.start(), m.end(), kind) for m in finditer_at(pattern, text, lines))
    for m in codes:
        if "/" in m.group() and out.reporter is None:
            out.reporter = m.group().strip()[1:-1]   # "(cah/yon)": the writer's initials
    for m in _matches(_BRACKET_BYLINE, text, low, odd):
        spans.append((m.start(), m.end(), "byline"))
        value = m.group("value").strip()
        if m.group("key").lower() == "editor":
            out.editor = out.editor or value
        else:
            out.reporter = out.reporter or value
    last = _last_line_start(text, spans)
    for m in _CREDIT.finditer(text):
        who = m.group("who").strip()
        if not who or len(who.split()) > 7 or any(s <= m.start() < e for s, e, _ in spans):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        alone = not text[line_start:m.start()].strip()
        after_sentence = text[line_start:m.start()].rstrip()[-1:] in ".!?\"”"
        if "/" in who or alone or (after_sentence and m.start() >= last):
            spans.append((m.start(), m.end(), "credit"))
            if out.reporter is None:
                out.reporter = who
    if not spans:
        return out
    out.text = _mask(text, spans)
    out.masked = sorted(spans)
    return out
