"""Dates as Indonesian news writes them, resolved against the publication date.

"Rabu (16/9)", "Selasa, 25 Oktober 2022", "(13/3/2023)", "Kamis 16/9", "Senin (24/11/2025)",
"pada tanggal 4 – 5 Nopember 2019", "Jumat (15/11/24)". A day-month without a year takes the
publication year (or the year before, when that would put the event after publication).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.clean import finditer_at
from kg.extract.cues import needle_starts, odd_case

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nopember": 11, "nov": 11,
    "desember": 12, "des": 12,
}
WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4, "sabtu": 5,
            "minggu": 6, "ahad": 6}
_DAY = r"(?P<wd>Senin|Selasa|Rabu|Kamis|Jum[’']?at|Sabtu|Minggu|Ahad)"
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
# "Selasa, 25 Oktober 2022", "Rabu 12 November 2025", "pada tanggal 4 – 5 Nopember 2019", "12 Nov 2025"
_LONG = re.compile(
    rf"(?P<d>\b\d{{1,2}})(?:\s*[-–—]\s*\d{{1,2}})?\s+(?P<m>(?i:{_MON}))\.?\s+(?P<y>\d{{4}})\b")
# the weekday written just before a long date: "Selasa, 25 Oktober 2022", "Rabu 12 November 2025"
_WD_BEFORE = re.compile(rf"(?i:{_DAY})\s*(?:siang|pagi|sore|malam)?\s*[,(]?\s*(?:tanggal\s+)?$")
# "Rabu (16/9)", "Kamis (14/11/2024)", "(13/3/2023)", "Kamis 16/9", "Rabu(20/7)", "(23/09/25)"
_SHORT = re.compile(
    rf"(?:(?i:{_DAY})\s*(?:siang|pagi|sore|malam)?\s*,?\s*\(?|\()\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})"
    r"(?:\s*/\s*(?P<y>\d{2,4}))?\s*\)?")
_WEEKDAY_NEEDLES = ("senin", "selasa", "rabu", "kamis", "jum", "sabtu", "minggu", "ahad")
# ("\d\d?" is "\d{1,2}" in a form re can skip ahead to)
_LONG_BODY = re.compile(_LONG.pattern.replace(r"(?P<d>\b\d{1,2})", r"(?P<d>\d\d?)", 1))
assert _LONG_BODY.pattern != _LONG.pattern
# The same for text without digits beyond ASCII, where "\d" is [0-9].
_LONG_ASCII = re.compile(_LONG_BODY.pattern.replace(r"\d", "[0-9]"))
_DAY_SLASH_MONTH = re.compile(r"\d\s*/\s*\d")
# A dateline or header date: "( 23 / 12/ 2025 )", "Rabu, 10 Agustus 2022 - 14:48 WIB".
_NUMERIC = re.compile(r"\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})\s*\)")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


@dataclass(slots=True)
class DateMention:
    """A date read from the text: ISO value (or None), the words, where, and any warning."""

    iso: str | None
    text: str
    start: int
    end: int
    warning: str | None = None
    weekday_only: bool = False


def _year(y: str | None, month: int, day: int, published: dt.date | None, weekday: str | None = None,
          span: int = 1) -> int | None:
    if y:
        year = int(y)
        return year + 2000 if year < 100 else year
    if published is None:
        return None
    wd = WEEKDAYS.get(weekday.lower().replace("’", "'")) if weekday else None
    if wd is not None:
        # the weekday fixes the year among the few before the reference date
        for year in range(published.year, published.year - span - 1, -1):
            try:
                d = dt.date(year, month, day)
            except ValueError:
                continue
            if d.weekday() == wd and d <= published + dt.timedelta(days=7):
                return year
    year = published.year
    try:
        if dt.date(year, month, day) > published + dt.timedelta(days=7):
            year -= 1  # reported after the fact: a December event in a January report
    except ValueError:
        return year
    return year


def _make(day: int, month: int, year: int | None, weekday: str | None, text: str, start: int, end: int,
          ) -> DateMention | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is None:
        return DateMention(None, text, start, end)
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    warning = None
    if weekday:
        wd = WEEKDAYS.get(weekday.lower().replace("’", "'"))
        if wd is not None and wd != value.weekday():
            names = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
            warning = f"{weekday} does not match {value.isoformat()} (a {names[value.weekday()]})"
    return DateMention(value.isoformat(), text, start, end, warning)


def parse_published(value: str | None) -> dt.date | None:
    """The publication date as a date, when it is a full ISO date."""
    if not value:
        return None
    m = _ISO.match(value)
    if not m or not m.group(3):
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# bytes.translate table: every ASCII digit to NUL (which bytes.find finds with memchr), NUL itself to \x01
_DIGITS_TO_NUL = bytes.maketrans(b"0123456789\x00", b"\x00" * 10 + b"\x01")


def _long_dates(text: str):
    r"""``_LONG.finditer(text)``, faster: re scans for the day's first digit a character at a time
    (a function call each); here memchr finds each digit in a copy of the text with the digits
    marked, and the pattern (_LONG_ASCII, without its opening ``\b``) is tried only at a digit with
    the word boundary before it. That is finditer's answer: a match starts at a digit, and finditer
    takes the leftmost one that matches, then goes on from its end."""
    b = text.encode("ascii", "replace")   # one byte a character (same offsets), "?" beyond ASCII
    if not text.isascii():
        i = b.find(b"?")
        while i >= 0:
            if text[i].isdecimal():   # a digit beyond ASCII, which \d takes and [0-9] does not
                yield from _long_dates_re(text)
                return
            i = b.find(b"?", i + 1)
    find = b.translate(_DIGITS_TO_NUL).find
    match = _LONG_ASCII.match
    p = find(0)
    while p >= 0:
        if p == 0 or not (text[p - 1].isalnum() or text[p - 1] == "_"):   # \b before a digit
            m = match(text, p)
            if m is not None:
                yield m
                p = find(0, m.end())
                continue
        p = find(0, p + 1)


def _long_dates_re(text: str):
    r"""_long_dates() by re's own search: re cannot skip ahead through a pattern opening with ``\b``,
    so _LONG_BODY (the same pattern without it) is searched and the word boundary before the day
    checked here; where it fails the search goes on from the next character, as finditer would."""
    pos = 0
    n = len(text)
    search = _LONG_BODY.search
    while pos < n:
        m = search(text, pos)
        if m is None:
            return
        p = m.start()
        if p == 0 or not (text[p - 1].isalnum() or text[p - 1] == "_"):   # \b before a digit
            yield m
            pos = m.end()
        else:
            pos = p + 1


def has_day_slash_month(text: str) -> bool:
    r"""``_DAY_SLASH_MONTH.search(text) is not None``: some "/" has a digit as the nearest non-blank
    character on either side (re's \s and \d are str.isspace and str.isdecimal)."""
    n = len(text)
    i = text.find("/")
    while i >= 0:
        j = i - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j >= 0 and text[j].isdecimal():
            k = i + 1
            while k < n and text[k].isspace():
                k += 1
            if k < n and text[k].isdecimal():
                return True
        i = text.find("/", i + 1)
    return False


def find_dates(text: str, published: dt.date | None = None, offset: int = 0, span: int = 1) -> list[DateMention]:
    """Every date in ``text`` (offsets shifted by ``offset``), in text order.

    A date without a year takes it from ``published``; with a weekday, the year (among ``span``
    years before) whose calendar agrees with it.
    """
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in _long_dates(text):
        month = MONTHS.get(m.group("m").lower().rstrip("."))
        if month is None:
            continue
        wd = _WD_BEFORE.search(text, max(0, m.start() - 24), m.start())
        start = wd.start() if wd else m.start()
        d = _make(int(m.group("d")), month, int(m.group("y")), wd.group("wd") if wd else None,
                  text[start:m.end()].strip(), start + offset, m.end() + offset)
        if d:
            out.append(d)
            taken.append((start, m.end()))
    if not has_day_slash_month(text):
        # every short date holds "d/m": skip the (slow, case-insensitive) _SHORT scan without one
        out.sort(key=lambda d: d.start)
        return out
    low = text.lower()
    if odd_case(text, low):
        shorts = _SHORT.finditer(text)
    else:
        # a short date begins at its weekday or at "(": try it only there
        shorts = finditer_at(_SHORT, text, needle_starts(low, _WEEKDAY_NEEDLES, "(", text))
    for m in shorts:
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        day, month = int(m.group("d")), int(m.group("m"))
        year = _year(m.group("y"), month, day, published, m.group("wd"), span)
        d = _make(day, month, year, m.group("wd"), m.group().strip(" ("), m.start() + offset, m.end() + offset)
        if d:
            out.append(d)
    out.sort(key=lambda d: d.start)
    return out


def dateline_date(text: str) -> str | None:
    """A publication date written at the head of a report ("( 23 / 12/ 2025 )", "Selasa, 5 Nopember 2019,")."""
    head = text[:300]
    m = _NUMERIC.search(head)
    if m:
        try:
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
        except ValueError:
            pass
    for line in head.splitlines()[:6]:
        m = next(_long_dates(line), None)   # _LONG.search(line)
        if m and m.start() < 50:
            month = MONTHS.get(m.group("m").lower().rstrip("."))
            try:
                return dt.date(int(m.group("y")), month or 0, int(m.group("d"))).isoformat()
            except (ValueError, TypeError):
                return None
    return None
