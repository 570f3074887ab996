"""Errors of the RDF export and validation, part of the one tree in :mod:`kg.errors`."""
from __future__ import annotations

from kg.errors import KGError


class RDFError(KGError):
    """The graph could not be turned into RDF (an unknown vocabulary term, a store that breaks
    the protocol's ordering, a serializer producing something the stream cannot hold)."""

    exit_code = 1


class RDFInputError(RDFError):
    """An RDF file to validate could not be read or parsed."""

    exit_code = 2
