"""Bodies and their jurisdictions: acronyms written short, the report's own region, PART_OF.

Every sentence here is written for the test, in the style of regional government news.
"""
from __future__ import annotations

from tests.test_extract import ents, rels, report

from kg.extract import extract


def test_a_dinas_is_not_the_ministry_that_shares_its_acronym():
    x = extract(report(
        "PALU – Kementerian Pemberdayaan Perempuan dan Perlindungan Anak (P3A) bekerja sama dengan Dinas P3A "
        "Sulteng menggelar sosialisasi pencegahan kekerasan di Aula Kantor Gubernur, Kamis (14/3/2024)."))
    orgs = ents(x, "Organization")
    assert "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak" in orgs
    dinas = [n for n in orgs if n.startswith("Dinas Pemberdayaan Perempuan dan Perlindungan Anak")]
    assert dinas == ["Dinas Pemberdayaan Perempuan dan Perlindungan Anak Provinsi Sulawesi Tengah"]
    ministry = orgs["Kementerian Pemberdayaan Perempuan dan Perlindungan Anak"]
    assert all("Dinas" not in x.report.text[m.start:m.end] for m in ministry.mentions)


def test_a_body_written_short_is_the_one_the_report_placed():
    # "Kupang" beside the hotel could make Kabupaten Kupang the report's region; the bare "BPBD"
    # later is still the provincial BPBD the report opened with.
    x = extract(report(
        "BPBD NTT – Pemerintah Provinsi Nusa Tenggara Timur melalui Badan Penanggulangan Bencana Daerah (BPBD) "
        "menggelar rapat koordinasi penanggulangan bencana di Hotel Sasando, Kupang, Rabu (5/2/2025).\n\n"
        "Rapat yang melibatkan BPBD dan perwakilan kabupaten/kota itu membahas rencana aksi daerah."))
    bpbd = [n for n in ents(x, "Organization") if n.startswith("Badan Penanggulangan Bencana Daerah")]
    assert bpbd == ["Badan Penanggulangan Bencana Daerah Provinsi Nusa Tenggara Timur"]
    assert ("Badan Penanggulangan Bencana Daerah Provinsi Nusa Tenggara Timur", "PART_OF",
            "Pemerintah Provinsi Nusa Tenggara Timur") in rels(x)


def test_a_city_named_in_passing_is_not_the_reports_region():
    x = extract(report(
        "\u201cMari kita jaga anak-anak kita,\u201d kata narasumber dengan logat Manado yang kental.\n\n"
        "Sosialisasi digelar Dinas Sosial Provinsi Sulawesi Tengah di Palu, Sabtu (9/11/2024).\n\n"
        "Kepala DP3A, Rina Lamasitudju, mengatakan kasus kekerasan masih tinggi."))
    offices = ents(x, "Office")
    assert any(n.endswith("Kota Palu") for n in offices), offices
    assert not any("Manado" in n for n in offices), offices


def test_a_dinas_acronym_without_its_d_takes_the_reports_region():
    x = extract(report(
        "MASAMBA – Pemkab Luwu Timur menggelar pelatihan konselor anak di Aula Kantor Bupati Luwu Timur, "
        "Selasa (4/6/2024).\n\nKadis P3AP2KB, Andi Tenriawaru, membuka kegiatan tersebut."))
    orgs = ents(x, "Organization")
    name = ("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk, dan Keluarga Berencana "
            "Kabupaten Luwu Timur")
    assert name in orgs, orgs
    assert (name, "PART_OF", "Pemerintah Kabupaten Luwu Timur") in rels(x)


def test_an_unknown_dinas_acronym_with_its_city_is_part_of_the_city_government():
    x = extract(report(
        "Pemerintah Kota Tidore Kepulauan melalui DPPKBP3A Kota Tidore Kepulauan menggelar rapat koordinasi "
        "pencegahan perkawinan anak, Kamis (7/3/2024)."))
    assert ("DPPKBP3A Kota Tidore Kepulauan", "PART_OF", "Pemerintah Kota Tidore Kepulauan") in rels(x)
