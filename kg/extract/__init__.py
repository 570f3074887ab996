"""Rule-based extractor: a :class:`~kg.model.Report` in, an :class:`~kg.model.Extraction` out.

    from kg.extract import extract, EXTRACTOR
    extraction = extract(report)

The pipeline: mask page furniture (:mod:`kg.clean`), split sentences, scan each sentence for
posts, organisations, places, people, events and funds (lexicons in :mod:`kg.lexicon`), settle
names against the report's own jurisdiction (:mod:`kg.extract.document`), then read relations
(:mod:`kg.extract.relations`). Pure: vocabularies are loaded once; no other I/O.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from kg.clean import clean
from kg.extract.dates import dateline_date
from kg.extract.document import Doc
from kg.extract.entities import EMPTY
from kg.extract.mentions import evidence
from kg.extract.relations import build, prune
from kg.extract.relset import _first_evidence as first_evidence
from kg.extract.vocab import vocab
from kg.model import Entity, Extraction, Relation, Report, Source

EXTRACTOR = "kg-rules/0.3.0"

_HEADLINE_END = re.compile(r"[.!?:;,]\s*$")


def _title(text: str, cleaned: str) -> tuple[str | None, int]:
    """The headline (first line when it reads like one) and where the body starts."""
    pos = 0
    lines = cleaned.split("\n", 3)   # the first three lines (and the rest, uncut, as a fourth)
    for line in lines[:3]:
        stripped = line.strip()
        if not stripped:
            pos += len(line) + 1
            continue
        words = stripped.split()
        looks = (4 <= len(words) <= 25 and not _HEADLINE_END.search(stripped) and " – " not in stripped[:40]
                 and " - " not in stripped[:30] and sum(w[:1].isupper() for w in words) >= len(words) * 0.5
                 and len(lines) > 1)
        if looks:
            return text[pos:pos + len(line)].strip(), pos + len(line)
        return None, 0
    return None, 0


def _source(report: Report, cleaned, title: str | None) -> Source:
    src = report.source or Source()
    published = src.published
    if published is None:
        published = dateline_date(cleaned.text)
    return replace(src, title=src.title or title, published=published,
                   reporter=src.reporter or cleaned.reporter, editor=src.editor or cleaned.editor)


def extract(report: Report) -> Extraction:
    """Extract entities and relations from one report.

    Does not raise on any text (tests/test_extract_properties.py checks it with hypothesis). It
    does not hide its own bugs either: an exception reaches the pipeline, which reports the report
    as failed and goes on, rather than loading an empty extraction as if the report said nothing.
    """
    return _extract(report)


def clear_caches() -> None:
    """Forget what the extractor remembers across reports: the split of each word chunk
    (:mod:`kg.extract.text`) and the keys and word lists of names and surface forms. Output does not
    depend on them; the benchmarks clear them at each round so that rereading the same reports is
    not counted faster than reading new ones."""
    from kg.extract import entities, participation, relset, text
    text._CHUNKS.clear()
    for f in (entities.key, entities.org_key, entities._tidy, relset._words, participation._collapse_acronyms):
        f.cache_clear()


def _extract(report: Report) -> Extraction:
    text = report.text or ""
    cleaned = clean(text)
    title, body_start = _title(text, cleaned.text)
    source = _source(report, cleaned, title)
    doc = Doc(vocab(), text, cleaned, body_start)
    doc.published = source.published
    doc.read()
    relations = build(doc)
    for office, gov in doc.pending_post_in:
        if gov is not None and not any(r.s == office.id and r.p == "POST_IN" for r in relations):
            # evidence: the sentence naming the post, with lower confidence (the body is inferred)
            relations.append(Relation(office.id, "POST_IN", gov.id, first_evidence(doc, office, gov)))
    entities, relations = prune(doc.reg.entities, relations)
    entities = _finish(entities, text, doc)
    return Extraction(report=report, entities=entities, relations=relations, extractor=EXTRACTOR, source=source)


def _finish(entities: list[Entity], text: str, doc: Doc) -> list[Entity]:
    """Order aliases (verbatim forms first), drop empty props, give each mention its sentence."""
    low = None   # the text lower-cased, made for the first alias not found as written
    starts = [sent.start for sent in doc.sents]
    ends = [sent.end for sent in doc.sents]
    quoted: dict[int, str] = {}   # sentence index -> its text, sliced once for all its mentions
    dtext = doc.text
    for e in entities:
        if e.mentions:
            # the mention's span with the text of the sentence around it (what a reader needs to judge
            # it): the last sentence starting at or before it, if it ends after it
            mentions = []
            for m in e.mentions:
                ms = m.start
                i = bisect_right(starts, ms) - 1
                if i < 0 or ms >= ends[i]:
                    mentions.append(m)
                    continue
                sentence = quoted.get(i)
                if sentence is None:
                    sentence = quoted[i] = dtext[starts[i]:ends[i]]
                mentions.append(evidence(sentence, ms, m.end, m.confidence))
            e.mentions = mentions
        if e.aliases:
            seen = set()
            verbatim, other = [], []
            for a in e.aliases:
                if a in seen or a == e.name:
                    continue
                seen.add(a)
                if a.isascii() and a in text:
                    verbatim.append(a)   # as written, so lower-cased too (ASCII lower-cases letter by letter)
                    continue
                if low is None:
                    low = text.lower()
                (verbatim if a.lower() in low else other).append(a)
            e.aliases = verbatim + other
        # (a truthy value is never one of EMPTY: the values are plain strings, numbers, lists, dicts)
        e.props = {k: v for k, v in e.props.items() if v or v not in EMPTY
                   or (e.type == "Event" and k == "date")}
        if e.type == "Person":
            for k in ("honorific_prefix", "honorific_suffix"):
                if k in e.props:
                    e.props[k] = list(dict.fromkeys(e.props[k]))
    return entities


__all__ = ["extract", "clear_caches", "EXTRACTOR"]
