"""Who is a person: capitalised phrases that are not names, and the dateline's place.

Every sentence here is written for the test, in the style of regional government news.
"""
from __future__ import annotations

from tests.test_extract import ents, report

from kg.extract import extract


def test_a_capitalised_theme_is_not_a_person():
    x = extract(report(
        "Rakor yang bertajuk Perubahan Iklim dan Ancaman Kekeringan itu dibuka Bupati Kupang Yosef Lede, "
        "Senin (4/3/2024).\n\nIa menyebut Ancaman Kekeringan mengatakan banyak hal kepada semua pihak."))
    people = ents(x, "Person")
    assert "Yosef Lede" in people
    assert not any("Kekeringan" in n for n in people), people


def test_a_programme_with_an_acronym_is_not_a_person():
    x = extract(report(
        "Dalam sambutannya Asisten I Sekda Sinjai menyampaikan pelaksanaan Sub PIN Polio ini merupakan "
        "gerakan bersama."))
    assert not any("PIN" in n for n in ents(x, "Person"))


def test_a_dateline_town_is_not_a_person_even_when_unknown():
    x = extract(report(
        "Rapat Forkopimda Bahas Persiapan Pilkada Lombok Barat\n\n"
        "Tanjung Karang, Senin 3 Juni 2024 \u2013 Bupati Lombok Barat Fauzan Khalid memimpin rapat Forkopimda "
        "persiapan Pilkada Lombok Barat."))
    people = ents(x, "Person")
    assert "Fauzan Khalid" in people
    assert "Tanjung Karang" not in people, people


def test_a_titled_name_with_a_confix_word_is_still_a_person():
    # the confix rule only judges names that have no title or degree
    x = extract(report("Kepala Dinas Sosial Kota Bima, Drs. H. Penanggalan Ahmad, M.Si., membuka rapat."))
    assert "Penanggalan Ahmad" in ents(x, "Person")


def test_a_kind_of_institution_is_not_a_person():
    # "Instansi Vertikal" (central government's regional offices) before "dalam", a word that follows names
    x = extract(report(
        "Dinas Sosial Kabupaten Pidie mengundang 30 peserta dari OPD dan Instansi Vertikal dalam Rapat "
        "Koordinasi Penanganan Anak Terlantar, Rabu (5/11/2025)."))
    assert not any("Instansi" in n or "Vertikal" in n for n in ents(x, "Person")), ents(x, "Person")
