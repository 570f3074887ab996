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

A text that holds a needle is searched only where a match can begin, when the pattern says where:
one written "(?i)\\b(hadir|dihadiri)..." or "(?i)(oleh|digagas)..." (a group of plain words, not
optional, and no "|" outside it) or "(?i)\\bmewakili..." can only match at an occurrence of one of
its words in the lower-cased text, so ``match`` is tried there alone. A case-insensitive
alternation of thirty words tried at every word boundary cost more than all the rest.
"""
from __future__ import annotations

import re
from typing import Iterator

# Characters that ``re.IGNORECASE`` equates with an ASCII letter but ``str.lower`` does not map to it.
_FOLD_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")


# the last text seen, its lower case, whether that cannot stand in for it (odd_case) and whether
# it holds a _FOLD_ODD character: cues are tried in turn on one sentence
_LAST: tuple[str, str, bool, bool] = ("", "", False, False)


def _folded(text: str) -> tuple[str, str, bool, bool]:
    global _LAST
    last = _LAST
    if last[0] is not text:
        low = text.lower()
        fold = False
        if not text.isascii():
            for c in _FOLD_ODD:
                if c in text:
                    fold = True
                    break
        last = _LAST = (text, low, fold or len(low) != len(text), fold)
    return last


def _holds(low: str, needles: tuple[str, ...]) -> bool:
    for n in needles:
        if n in low:
            return True
    return False


def may_contain(text: str, needles: tuple[str, ...]) -> bool:
    """False only when no case-insensitive match of any needle can occur in ``text``."""
    _, low, _, fold = _folded(text)
    return fold or _holds(low, needles)


# "(?i)", an optional "\b", then a group of plain lower-case words or one such word, then the rest
_OPENING = re.compile(r"\(\?i\)(?:\\b)?(?:\((?P<group>[a-z]+(?: [a-z]+)*(?:\|[a-z]+(?: [a-z]+)*)*)\)|(?P<word>[a-z]+))"
                      r"(?P<rest>.*)\Z", re.S)


def _top_level_bar(rest: str) -> bool:
    """True when ``rest`` (a pattern's tail) holds a "|" outside every group (or is unbalanced)."""
    depth = 0
    i, n = 0, len(rest)
    while i < n:
        c = rest[i]
        if c == "\\":
            i += 1
        elif c == "[":
            i += 1
            if rest[i:i + 1] == "^":
                i += 1
            if rest[i:i + 1] == "]":
                i += 1
            while i < n and rest[i] != "]":
                i += 2 if rest[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return True
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def match_starts(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Plain lower-case words one of which every match of ``pattern`` begins with, or () when the
    pattern's form does not say (see the module doc): "(?i)\\b(hadir|dihadiri)\\b" -> ("hadir",
    "dihadiri"); "(?i)\\b(yang\\s+)?diwakili" -> ()."""
    m = _OPENING.match(pattern)
    if m is None or flags:
        return ()
    rest = m.group("rest")
    if rest[:1] in ("?", "*", "+", "{") or _top_level_bar(rest):
        return ()   # the group or the word's last letter is optional or repeated; or another branch
    words = m.group("group").split("|") if m.group("group") else [m.group("word")]
    # a word that opens with another one adds no place to look ("hadir" covers "hadirkan")
    return tuple(w for w in words if not any(o != w and w.startswith(o) for o in words))


def _trie(words) -> str:
    """A regex matching any of ``words`` (plain lower case), its branches sharing their prefixes."""
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[:1], []).append(w[1:])
    alts = []
    for h, tails in heads.items():
        if h == "":
            continue
        sub = [t for t in tails if t]
        if not sub:
            alts.append(re.escape(h))
        elif len(sub) == len(tails):
            alts.append(re.escape(h) + ("(?:" + _trie(sub) + ")" if len(sub) > 1 else re.escape(sub[0])))
        else:
            alts.append(re.escape(h) + "(?:" + _trie(sub) + ")?")
    return "|".join(alts)


class Cue:
    """A compiled regex guarded by needles (lower-case literals one of which every match holds)."""

    __slots__ = ("rx", "needles", "pattern", "starts", "at")

    def __init__(self, pattern: str, needles: str | tuple[str, ...], flags: int = 0) -> None:
        self.rx = re.compile(pattern, flags)
        self.pattern = pattern
        self.needles = tuple(needles.split()) if isinstance(needles, str) else tuple(needles)
        assert all(n == n.lower() and n.isascii() for n in self.needles), self.needles
        self.starts = match_starts(pattern, flags)   # words every match begins with, or ()
        # finds the next place a match may begin, in the lower-cased text
        self.at = re.compile(_trie(self.starts)).search if self.starts else None

    def search(self, text: str) -> re.Match | None:
        _, low, odd, fold = _folded(text)
        for n in self.needles:
            if n in low:
                break
        else:
            if not fold:
                return None
        at = self.at
        if at is None or odd:
            return self.rx.search(text)
        match = self.rx.match
        pos = 0
        while (c := at(low, pos)) is not None:
            m = match(text, c.start())
            if m is not None:
                return m
            pos = c.start() + 1
        return None

    def finditer(self, text: str) -> Iterator[re.Match]:
        _, low, odd, fold = _folded(text)
        if not (fold or _holds(low, self.needles)):
            return iter(())
        at = self.at
        if at is None or odd:
            return self.rx.finditer(text)
        return self._finditer_at(text, low, at)

    def _finditer_at(self, text: str, low: str, at) -> Iterator[re.Match]:
        match = self.rx.match
        pos = 0
        while (c := at(low, pos)) is not None:
            m = match(text, c.start())
            if m is None:
                pos = c.start() + 1
            else:
                yield m
                pos = m.end()   # matches are never empty: finditer goes on from the end


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
