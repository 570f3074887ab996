"""The relation set of one report: relations without duplicates, each with its evidence."""
from __future__ import annotations

from functools import lru_cache

from kg.extract.document import Doc
from kg.extract.entities import key
from kg.extract.mentions import evidence
from kg.extract.scan import Sentence
from kg.model import Entity, Evidence, Relation


class Relations:
    """Relations without duplicates; the first evidence found wins."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.out: list[Relation] = []
        self.seen: set[tuple[str, str, str]] = set()
        # (sentence span, confidence) -> its evidence: relations read in one sentence share it
        self.evidence: dict[tuple[int, int, float], Evidence] = {}

    def add(self, s: Entity | None, p: str, o: Entity | None, sent: Sentence | None, conf: float = 0.8,
            role: str | None = None) -> None:
        if s is None or o is None or s.id == o.id:
            return
        k = (s.id, p, o.id)
        if k in self.seen:
            return
        self.seen.add(k)
        if sent is None:
            ev = _first_evidence(self.doc, s, o)
        else:
            k = (sent.start, sent.end, conf)
            ev = self.evidence.get(k)
            if ev is None:
                ev = self.evidence[k] = evidence(self.doc.text[sent.start:sent.end], sent.start, sent.end, conf)
        self.out.append(Relation(s.id, p, o.id, ev, role))


def _first_evidence(doc: Doc, s: Entity, o: Entity) -> Evidence:
    for ent in (s, o):
        if ent.mentions:
            m = ent.mentions[0]
            for sent in doc.sents:
                if sent.start <= m.start < sent.end:
                    return evidence(doc.text[sent.start:sent.end], sent.start, sent.end, 0.6)
    sent = next((x for x in doc.sents if x.start >= doc.title_end), doc.sents[0] if doc.sents else None)
    if sent is None:
        return evidence(doc.text[:0], 0, 0, 0.3)
    return evidence(doc.text[sent.start:sent.end], sent.start, sent.end, 0.4)


@lru_cache(maxsize=16384)
def _words(name: str) -> tuple[str, ...]:
    """The comparison words of a name (cached: person names are compared with every other one)."""
    return tuple(w for w in key(name).split() if len(w) > 1 or w.isalpha())


def _sent_of(doc: Doc, pos: int) -> Sentence | None:
    for s in doc.sents:
        if s.start <= pos < s.end:
            return s
    return None
