"""Periods of time: ISO date bounds of any precision, and whether an event's date falls within."""
from __future__ import annotations

import re

from kg.errors import UsageError

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def check_date(text: str | None, option: str = "date") -> str | None:
    """An ISO date bound (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) as given, or None.

    Parameters
    ----------
    text : str or None
        The bound as typed.
    option : str
        The option's name, for the error message.

    Returns
    -------
    str or None

    Raises
    ------
    UsageError
        When the text is not such a date.

    Examples
    --------
    >>> check_date("2024-11"), check_date(None)
    ('2024-11', None)
    >>> check_date("5 Nov 2024", "--from")
    Traceback (most recent call last):
    ...
    kg.errors.UsageError: --from '5 Nov 2024': write the date as YYYY, YYYY-MM or YYYY-MM-DD
    """
    if text is None or text == "":
        return None
    if not _DATE.match(text):
        raise UsageError(f"{option} {text!r}: write the date as YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def in_period(date: str | None, start: str | None = None, end: str | None = None) -> bool:
    """Whether an event date (possibly only ``YYYY-MM`` or ``YYYY``) can fall within [start, end].

    Dates are compared on the precision both sides have, so an event dated "2024-11" is in a period
    that starts on 2024-11-15. Undated events are in no bounded period. This is the rule the
    Cypher filter of :func:`participation` applies in the store.

    Examples
    --------
    >>> in_period("2024-11", start="2024-11-15"), in_period("2024-10-31", start="2024-11")
    (True, False)
    >>> in_period("2025-01-02", end="2024"), in_period(None), in_period("", end="2024")
    (False, True, False)
    """
    if start is None and end is None:
        return True
    if not date:
        return False
    if start is not None and date[:len(start)] < start[:len(date)]:
        return False
    return end is None or date[:len(end)] <= end[:len(date)]


def period_filter(start: str | None, end: str | None) -> str:
    """A Cypher ``WHERE`` on ``e.date`` applying :func:`in_period`'s rule (values go in as
    parameters, see :func:`period_params`; only fixed text is put into the query).

    Examples
    --------
    >>> period_filter(None, None), period_filter(None, "2024")
    ('', "WHERE e.date IS NOT NULL AND e.date <> '' AND left(e.date, size($date_to)) <= left($date_to, size(e.date))")
    """
    parts = []
    if start is not None or end is not None:
        parts.append("e.date IS NOT NULL AND e.date <> ''")
    if start is not None:
        parts.append("left(e.date, size($date_from)) >= left($date_from, size(e.date))")
    if end is not None:
        parts.append("left(e.date, size($date_to)) <= left($date_to, size(e.date))")
    return ("WHERE " + " AND ".join(parts)) if parts else ""


def period_params(start: str | None, end: str | None) -> dict[str, str]:
    """The parameters of :func:`period_filter` (not ``$end``: END is a keyword of Cypher).

    >>> period_params("2024", None)
    {'date_from': '2024'}
    """
    return {k: v for k, v in (("date_from", start), ("date_to", end)) if v is not None}
