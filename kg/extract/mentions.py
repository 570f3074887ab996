"""The mention record every finder produces, and small helpers shared by the finders."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from kg.extract.text import Tok
from kg.lexicon import Region
from kg.model import Evidence


@dataclass(slots=True)
class Mention:
    """One span of the report naming (or standing for) an entity."""

    type: str                      # Person, Organization, Office, Place, Event, FundingSource, Programme
    start: int
    end: int
    surface: str                   # verbatim text of the span
    name: str                      # the fullest name this mention supports
    props: dict[str, Any] = field(default_factory=dict)
    region: Region | None = None   # Place: the area; Organization/Office: the jurisdiction
    org: Mention | None = None     # Office: the body the post belongs to
    level: str | None = None       # gov level of a regional-government post or body
    role: str | None = None        # Office: role words
    aliases: list[str] = field(default_factory=list)  # other verbatim forms inside this span
    sent: int = -1                 # sentence index
    weak: bool = False             # found from weak evidence only (kept if it merges)
    inferred: bool = False         # not written in the text (derived: Pemerintah X of a Bupati X)
    entity: str | None = None      # local entity id, once registered


def slice_text(text: str, toks: list[Tok], i: int, j: int) -> str:
    """The verbatim text covered by tokens ``i``..``j-1``."""
    if j <= i:
        return ""
    return text[toks[i].start:toks[j - 1].end]


def skip_paren(toks: list[Tok], i: int, max_inner: int = 4) -> tuple[int, str | None]:
    """If a short "( ... )" starts at ``i``, return the index after it and the inner text."""
    n = len(toks)
    if i < n and toks[i].text == "(":
        for j in range(i + 1, min(n, i + max_inner + 2)):
            if toks[j].text == ")":
                if j == i + 1:
                    return i, None
                inner = " ".join(t.text for t in toks[i + 1:j])
                return j + 1, inner
            if toks[j].text in "(,;":
                break
    return i, None


def title_case(words: str) -> str:
    """"IRAWATI SUKANDAR" -> "Irawati Sukandar"; mixed-case text is kept as written."""
    if words.isupper():
        return " ".join(w[:1] + w[1:].lower() if len(w) > 1 else w for w in words.split())
    return words


# An Evidence is frozen: its dataclass __init__ sets each field through object.__setattr__. evidence()
# fills the same slots on a plain twin class (settable as usual) and then makes the object an Evidence
# (the two classes lay out the same slots alike, so Python allows the __class__ change); about 40% cheaper
# than setting the frozen slots through their descriptors, and the result is an ordinary Evidence.
_EV_NEW = object.__new__
_EV_FIELDS = tuple(f.name for f in fields(Evidence))
assert _EV_FIELDS == ("sentence", "start", "end", "confidence")


class _EvidenceSlots:
    __slots__ = _EV_FIELDS


def evidence(sentence: str, start: int, end: int, confidence: float = 1.0) -> Evidence:
    """``Evidence(sentence, start, end, confidence)``, made without the frozen dataclass's
    ``__init__`` (an ``object.__setattr__`` call per field): the extractor makes dozens a report."""
    ev = _EV_NEW(_EvidenceSlots)
    ev.sentence = sentence
    ev.start = start
    ev.end = end
    ev.confidence = confidence
    ev.__class__ = Evidence
    return ev


assert evidence("s", 1, 2, 0.5) == Evidence("s", 1, 2, 0.5)
