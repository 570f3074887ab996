"""The cleaner masks page furniture with spaces and keeps every offset."""
from __future__ import annotations

from kg.clean import clean

TEXT = ("Bupati Sigi membuka rapat.\nBACA JUGA: Gubernur Resmikan Pasar\nRapat berjalan lancar. (*)\n"
        "Reporter: IRMA\nEditor : Ocha\nTag\nShare\nBerita Terkini\n")


def test_same_length_and_newlines():
    c = clean(TEXT)
    assert len(c.text) == len(TEXT)
    assert [i for i, ch in enumerate(TEXT) if ch == "\n"] == [i for i, ch in enumerate(c.text) if ch == "\n"]


def test_furniture_is_masked():
    c = clean(TEXT)
    assert "Gubernur" not in c.text and "IRMA" not in c.text and "Berita Terkini" not in c.text
    assert "Bupati Sigi membuka rapat." in c.text
    start = TEXT.index("Gubernur")
    assert c.is_masked(start, start + 8)
    assert not c.is_masked(0, 6)


def test_byline_values():
    c = clean(TEXT)
    assert c.reporter == "IRMA"
    assert c.editor == "Ocha"


def test_oleh_in_a_sentence_is_not_a_byline():
    c = clean("Oleh: karena itu semua pihak harus ikut menjaga keamanan wilayah kita bersama.\n")
    assert c.reporter is None


def test_empty_and_plain():
    assert clean("").text == ""
    c = clean("Tidak ada furnitur di sini.")
    assert c.masked == [] and c.text == "Tidak ada furnitur di sini."
