"""Case-insensitive cue regexes with a cheap pre-check.

Python's ``re`` cannot skip ahead through a case-insensitive alternation such as
``(?i)\\b(hadir|dihadiri|turut)\\b``: it tries the pattern at every character, which costs more
than the rest of a sentence's processing. Most sentences hold none of the words, so :class:`Cue`
first looks for literal pieces ("needles") in the lower-cased text with ``in`` (C speed) and only
runs the regex when one is there. The result is always the regex's own result: every match of
the pattern contains one of the needles (the caller guarantees it), so a text without any needle
has no match.

Lower-casing is not quite the regex engine's case folding: under ``re.IGNORECASE`` "i" also
matches "İ"/"ı", "s" matches "ſ" and "k" matches the Kelvin sign. Texts holding one of those
four characters skip the pre-check, so the answer stays exactly the regex's.
"""
from __future__ import annotations

import re
from typing import Iterator

# Characters that ``re.IGNORECASE`` equates with an ASCII letter but ``str.lower`` does not map to it.
_FOLD_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")


def may_contain(text: str, needles: tuple[str, ...]) -> bool:
    """False only when no case-insensitive match of any needle can occur in ``text``."""
    low = text.lower()
    for n in needles:
        if n in low:
            return True
    if not text.isascii():
        for c in _FOLD_ODD:
            if c in text:
                return True
    return False


class Cue:
    """A compiled regex guarded by needles (lower-case literals one of which every match holds)."""

    __slots__ = ("rx", "needles", "pattern")

    def __init__(self, pattern: str, needles: str | tuple[str, ...], flags: int = 0) -> None:
        self.rx = re.compile(pattern, flags)
        self.pattern = pattern
        self.needles = tuple(needles.split()) if isinstance(needles, str) else tuple(needles)
        assert all(n == n.lower() and n.isascii() for n in self.needles), self.needles

    def search(self, text: str) -> re.Match | None:
        return self.rx.search(text) if may_contain(text, self.needles) else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        return self.rx.finditer(text) if may_contain(text, self.needles) else iter(())


def words_cue(words: str, pattern: str) -> Cue:
    """A :class:`Cue` over ``pattern`` whose needles are ``words`` (space-separated) reduced to the
    shortest ones: "hadir" already covers "dihadiri" and "menghadiri"."""
    ws = sorted(set(words.lower().split()), key=lambda w: (len(w), w))
    needles: list[str] = []
    for w in ws:
        if not any(n in w for n in needles):
            needles.append(w)
    return Cue(pattern, tuple(needles))


def odd_case(text: str, low: str) -> bool:
    """True when ``low`` (``text.lower()``) cannot stand in for ``text`` position by position under
    re's case folding: lower-casing changed the length, or the text holds one of _FOLD_ODD."""
    return len(low) != len(text) or (not text.isascii() and any(c in text for c in _FOLD_ODD))


def needle_starts(low: str, needles: tuple[str, ...], also: str = "", text: str = "") -> list[int]:
    """Sorted offsets of every occurrence of ``needles`` in ``low`` (and of the characters of
    ``also`` in ``text``)."""
    starts = set()
    for n in needles:
        i = low.find(n)
        while i >= 0:
            starts.add(i)
            i = low.find(n, i + 1)
    for c in also:
        i = text.find(c)
        while i >= 0:
            starts.add(i)
            i = text.find(c, i + 1)
    return sorted(starts)
