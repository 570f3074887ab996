"""The relation set of one report: relations without duplicates, each with its evidence."""
from __future__ import annotations

from dataclasses import fields
from functools import lru_cache

from kg.extract.document import Doc
from kg.extract.entities import key
from kg.extract.mentions import evidence
from kg.extract.scan import Sentence
from kg.model import Entity, Evidence, Relation


# A Relation made by setting its slots (as Relation(s, p, o, ev, role) would): the dataclass __init__ is a
# Python call of its own
_NEW = object.__new__
assert tuple(f.name for f in fields(Relation)) == ("s", "p", "o", "evidence", "role")


class Relations:
    """Relations without duplicates; the first evidence found wins."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.out: list[Relation] = []
        self.seen: set[tuple[str, str, str]] = set()
        # (sentence span, confidence) -> its evidence: relations read in one sentence share it (an
        # Evidence is frozen and made of these three values and the sentence's text only)
        self.evidence: dict[tuple[int, int, float], Evidence] = {}

    def add(self, s: Entity | None, p: str, o: Entity | None, sent: Sentence | None, conf: float = 0.8,
            role: str | None = None) -> None:
        if s is None or o is None:
            return
        sid, oid = s.id, o.id
        if sid == oid:
            return
        k = (sid, p, oid)
        seen = self.seen
        if k in seen:
            return
        seen.add(k)
        k = (sent.start, sent.end, conf) if sent is not None else _first_span(self.doc, s, o)
        ev = self.evidence.get(k)
        if ev is None:
            start, end, c = k
            ev = self.evidence[k] = evidence(self.doc.text[start:end], start, end, c)
        rel = _NEW(Relation)   # Relation(sid, p, oid, ev, role)
        rel.s = sid
        rel.p = p
        rel.o = oid
        rel.evidence = ev
        rel.role = role
        self.out.append(rel)


def _first_span(doc: Doc, s: Entity, o: Entity) -> tuple[int, int, float]:
    """(start, end, confidence) of :func:`_first_evidence`."""
    for ent in (s, o):
        if ent.mentions:
            sent = doc.sent_at(ent.mentions[0].start)
            if sent is not None:
                return sent.start, sent.end, 0.6
    sent = doc.first_body_sentence()
    if sent is None:
        return 0, 0, 0.3
    return sent.start, sent.end, 0.4


def _first_evidence(doc: Doc, s: Entity, o: Entity) -> Evidence:
    """The evidence of a relation read from no one sentence: the sentence of the first mention of ``s``
    (else ``o``), else the report's first body sentence."""
    start, end, conf = _first_span(doc, s, o)
    return evidence(doc.text[start:end], start, end, conf)


@lru_cache(maxsize=16384)
def _words(name: str) -> tuple[str, ...]:
    """The comparison words of a name (cached: person names are compared with every other one)."""
    return tuple(w for w in key(name).split() if len(w) > 1 or w.isalpha())


# the sentence holding offset ``pos``: _sent_of(doc, pos) is doc.sent_at(pos), without a call of its own
_sent_of = Doc.sent_at
