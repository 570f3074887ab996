"""Stable IRIs for the graph's resources, derived from node ids under a configurable base.

- a node ``person:a-ridwan`` is ``<base>person/a-ridwan`` (the id's prefix becomes a path segment;
  the rest is percent-encoded, so any id gives a valid IRI);
- the resource carrying one relationship's evidence (one per type, ends and report) is
  ``<base><type>/<hash>``, e.g. ``<base>attended/4f0c…``, with its annotation parts under it;
- the membership of a person in a post is ``<base>membership/<hash of both ids>``;
- an extractor version is ``<base>extractor/<name%2Fversion>``.

Hashes are the first 20 hex digits of SHA-1 over the ids, so re-exporting gives the same IRIs.
"""
from __future__ import annotations

import hashlib
from urllib.parse import quote, urlsplit

from rdflib import URIRef

from kg.errors import UsageError
from kg.rdf import DEFAULT_BASE

_SAFE = "-._~"


def check_base(base: str) -> str:
    """The base as used: an absolute IRI ending in ``/`` or ``#`` (a ``/`` is added if needed).

    >>> check_base("https://data.example.id/kg")
    'https://data.example.id/kg/'
    """
    parts = urlsplit(base)
    absolute = parts.scheme and (parts.netloc or parts.scheme in ("urn", "tag"))
    if not absolute or any(c in base for c in ' <>"{}|\\^`'):
        raise UsageError(f"--base {base!r}: give an absolute IRI such as https://example.org/kg/")
    return base if base.endswith(("/", "#")) else base + "/"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


class IRIs:
    """Mints every IRI of one export."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)

    def node(self, node_id: str) -> URIRef:
        """``person:a-ridwan`` → ``<base>person/a-ridwan``.

        >>> str(IRIs("https://example.org/kg/").node("report:berita 1"))
        'https://example.org/kg/report/berita%201'
        """
        prefix, sep, rest = node_id.partition(":")
        if not sep:
            return URIRef(f"{self.base}node/{quote(node_id, safe=_SAFE)}")
        return URIRef(f"{self.base}{quote(prefix, safe=_SAFE)}/{quote(rest, safe=_SAFE)}")

    def evidence(self, rtype: str, src: str, dst: str, report: str) -> URIRef:
        """The resource standing for one stored relationship (its statement or schema:Role)."""
        return URIRef(f"{self.base}{rtype.lower().replace('_', '-')}/{_digest(rtype, src, dst, report)}")

    def membership(self, person: str, office: str) -> URIRef:
        return URIRef(f"{self.base}membership/{_digest('HOLDS', person, office)}")

    def activity(self, extractor: str) -> URIRef:
        return URIRef(f"{self.base}extractor/{quote(extractor, safe=_SAFE)}")

    @staticmethod
    def part(resource: URIRef, name: str) -> URIRef:
        """A named part of a minted resource (``…/annotation``, ``…/quote``)."""
        return URIRef(f"{resource}/{name}")
