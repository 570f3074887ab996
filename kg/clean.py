"""Strip page furniture from a report before extraction, keeping character offsets.

Furniture ("BACA JUGA" links to other stories, tag/share/"Berita Terkini" blocks, bylines,
photo credits, editorial codes) is *masked* with spaces rather than removed, so the cleaned
text has the same length as the original and every offset the extractor reports is an offset
into the original report. Newlines are kept so that line and paragraph structure survive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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


def clean(text: str) -> Cleaned:
    """Mask page furniture in ``text``; the result has exactly the same length.

    >>> c = clean("Rapat digelar.\\nBACA JUGA: Bupati Sigi Meresmikan Pasar\\nSelesai.")
    >>> "Bupati" in c.text, len(c.text) == len("Rapat digelar.\\nBACA JUGA: Bupati Sigi Meresmikan Pasar\\nSelesai.")
    (False, True)
    """
    spans: list[tuple[int, int, str]] = []
    out = Cleaned(text)
    for m in _BACA_JUGA.finditer(text):
        spans.append((m.start(), m.end(), "link"))
    for m in _BLOCK_HEADERS.finditer(text):
        if m.start() >= len(text) * BLOCK_FROM:
            spans.append((m.start(), len(text), "block"))
            break
        if len(m.group(0).split()) <= 3:  # a lone header line early on
            spans.append((m.start(), m.end(), "block"))
    for m in _BYLINE.finditer(text):
        key, value = m.group("key").lower(), m.group("value").strip(" -–—")
        if key == "oleh" and value and len(value.split()) > 4:
            continue  # "Oleh: ..." opening a sentence, not a byline
        spans.append((m.start(), m.end(), "byline"))
        if key in ("reporter", "penulis", "pewarta", "wartawan", "oleh", "kontributor") and value:
            out.reporter = out.reporter or value
        elif key in ("editor", "redaktur", "penyunting") and value:
            out.editor = out.editor or value
    for pattern, kind in ((_PHOTO_CREDIT, "credit"), (_EDITOR_CODE, "code"), (_COPYRIGHT, "copyright")):
        spans.extend((m.start(), m.end(), kind) for m in pattern.finditer(text))
    if not spans:
        return out
    chars = list(text)
    for start, end, _ in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    out.text = "".join(chars)
    out.masked = sorted(spans)
    return out
