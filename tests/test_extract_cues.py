"""The speed-ups that stand in for a plain regex scan must give exactly the regex's answer."""
from __future__ import annotations

import re

import pytest

from kg import clean as C
from kg.extract import dates as D
from kg.clean import finditer_at
from kg.extract.cues import Cue, needle_starts, odd_case, words_cue
from kg.extract.text import tokenize

TEXTS = [
    "",
    "Kegiatan itu dihadiri Bupati dan turut hadir Kapolres.",
    "DIHADIRI OLEH para camat",
    "tidak ada kata kunci di sini",
    "hadirin dan kehadiran bukan kata utuh",
    "D\u0130HAD\u0130R\u0130 dengan huruf Turki",          # dotted capital I folds to "i" in re
    "d\u0131hadiri dengan i tanpa titik",                   # dotless i
    "\u212aamis (16/9) dengan tanda Kelvin",               # Kelvin sign folds to "k"
    "Sabtu siang (23/11), Rabu(20/7) dan ((5/6) serta Jum’at (9/9/2025)",
    "pada 4 – 5 Nopember 2019, x12 Mei 2024, a1 - 2 Mei 2024, _5 Mei 2024, \u00b23 Mei 2024",
    "Selasa, 25 Oktober 2022 dan 123 Oktober 2024",
]


@pytest.mark.parametrize("text", TEXTS)
def test_cue_agrees_with_its_regex(text):
    cue = words_cue("hadir dihadiri turut", r"(?i)\b(hadir|dihadiri|turut)\b")
    assert cue.needles == ("hadir", "turut")      # "dihadiri" holds "hadir"
    plain = re.compile(cue.pattern)
    got = cue.search(text)
    want = plain.search(text)
    assert (got and got.span()) == (want and want.span())
    assert [m.span() for m in cue.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_cue_skips_texts_without_needles():
    cue = Cue(r"(?i)\bmewakili\b", "mewakili")
    assert cue.search("Sekda hadir atas nama Bupati") is None
    assert cue.search("Sekda MEWAKILI Bupati").group().lower() == "mewakili"


@pytest.mark.parametrize("text", TEXTS)
def test_short_dates_tried_only_where_they_can_begin(text):
    low = text.lower()
    if odd_case(text, low):
        return
    starts = needle_starts(low, D._WEEKDAY_NEEDLES, "(", text)
    assert [m.span() for m in finditer_at(D._SHORT, text, starts)] == [m.span() for m in D._SHORT.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_long_dates_match_the_pattern_with_its_word_boundary(text):
    assert [m.span() for m in D._long_dates(text)] == [m.span() for m in D._LONG.finditer(text)]


def test_find_dates_reads_both_forms():
    found = D.find_dates("Rapat digelar Senin (24/11/2025) dan Selasa, 25 November 2025.")
    assert [d.iso for d in found] == ["2025-11-24", "2025-11-25"]


def test_odd_case_texts_are_flagged():
    assert odd_case("\u0130stanbul", "\u0130stanbul".lower())
    assert not odd_case("Kota Jambi", "kota jambi")


def test_tokenize_offsets_and_split_acronyms():
    toks = tokenize("Tim TPPO-Kabupaten  se-Bali 16/9.", 10)
    assert [(t.text, t.start, t.end, t.kind) for t in toks] == [
        ("Tim", 10, 13, "W"), ("TPPO", 14, 18, "W"), ("-", 18, 19, "P"), ("Kabupaten", 19, 28, "W"),
        ("se-", 30, 33, "W"), ("Bali", 33, 37, "W"), ("16/9", 38, 42, "N"), (".", 42, 43, "P")]
    assert toks[1].upper and toks[3].cap and not toks[3].upper and toks[3].low == "kabupaten"


@pytest.mark.parametrize("text, masked", [
    ("Rapat digelar.\nBACA JUGA: Bupati Sigi Meresmikan Pasar\nSelesai.", "Bupati Sigi"),
    ("Rapat digelar.\nbaca\njuga: Kisah Lain\nSelesai.", "Kisah Lain"),
    ("Rapat digelar di aula. (Foto: Humas Pemkot)\nSelesai.", "Humas Pemkot"),
    ("Rapat digelar di aula.\nFOTO. Dok Humas\nSelesai.", "Dok Humas"),
    ("Rapat digelar.\n  Tags: rapat, tppo\nSelesai.", "rapat, tppo"),
    ("Rapat digelar.\nReporter : Budi\nSelesai.", "Budi"),
    ("Rapat digelar.\nhak\ncipta dilindungi\nSelesai.", "dilindungi"),
])
def test_clean_masks_furniture_where_it_begins(text, masked):
    out = C.clean(text)
    assert len(out.text) == len(text)
    assert masked not in out.text
    assert "Rapat digelar" in out.text


def test_line_anchored_patterns_found_on_every_line():
    text = "a\nTags: x\nb\nEditor: Ani\n© 2024 Media\nComments (0)"
    lines = C._line_starts(text)
    for pattern in (C._BLOCK_HEADERS, C._BYLINE, C._COPYRIGHT, C._WIDGET):
        assert [m.span() for m in C.finditer_at(pattern, text, lines)] == \
            [m.span() for m in pattern.finditer(text)]
