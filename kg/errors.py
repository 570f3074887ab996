"""The one exception tree of kg. The CLI turns each into one line and an exit code."""
from __future__ import annotations


class KGError(Exception):
    """Base of every error kg raises on purpose."""

    exit_code = 1


class SchemaError(KGError):
    """schema/ is inconsistent (unknown label, bad endpoint, bad type)."""


class InputError(KGError):
    """A report could not be read: empty, binary, undecodable, too large, bad JSONL."""

    exit_code = 1

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class StoreError(KGError):
    """The graph store could not be opened or written."""

    exit_code = 3


class StoreUnavailable(StoreError):
    """The store went away or refused us (server down, credentials refused): stop the whole batch."""


class StoreLockedError(StoreError):
    """Another process holds the embedded store open."""


class QueryError(KGError):
    """A saved query is unknown, malformed or failed to run."""

    exit_code = 2


class UsageError(KGError):
    """The user asked for something that cannot be done as asked."""

    exit_code = 2
