"""MEMBER_OF (who belongs to a team, forum, foundation or unit) and REPRESENTED (who stood in for whom),
on sentences written in the style of the reports; names, places and bodies are invented."""
from __future__ import annotations

import hashlib

from kg.extract import extract
from kg.model import Extraction, Report


def report(text: str) -> Report:
    return Report(id="report:t", name="t", path="t.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())


def rels(x: Extraction, p: str) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in x.entities}
    return {(names[r.s], names[r.o]) for r in x.relations if r.p == p}


# -- MEMBER_OF -------------------------------------------------------------------------------------

def test_people_from_two_bodies_in_one_sentence_each_keep_their_own():
    x = extract(report(
        "PALU – Sosialisasi pencegahan kekerasan terhadap anak digelar di Aula Kantor Wali Kota Palu, Senin "
        "(3/6/2024). Hadir narasumber dari Yayasan Peduli Anak Nusantara (YPAN) Rahmat Hidayat, S.E. dan "
        "Siti Aminah, S.E. Dr. Wulan Sari, M.Psi. dan Andi Pratama, M.Psi. dari Ikatan Psikolog Klinis "
        "Sulawesi Tengah."))
    members = rels(x, "MEMBER_OF")
    assert {("Rahmat Hidayat", "Yayasan Peduli Anak Nusantara"), ("Siti Aminah", "Yayasan Peduli Anak Nusantara"),
            ("Wulan Sari", "Ikatan Psikolog Klinis Sulawesi Tengah"),
            ("Andi Pratama", "Ikatan Psikolog Klinis Sulawesi Tengah")} <= members
    # the list before "dari Ikatan ..." starts after "Siti Aminah, S.E.": no comma or "dan" joins them
    assert ("Siti Aminah", "Ikatan Psikolog Klinis Sulawesi Tengah") not in members
    assert ("Rahmat Hidayat", "Ikatan Psikolog Klinis Sulawesi Tengah") not in members


def test_the_holder_of_a_post_in_a_team_is_a_member_of_it():
    x = extract(report(
        "DENPASAR – Hadir Menteri Koordinator Bidang Perekonomian selaku Ketua Tim Pengendalian Inflasi Pusat "
        "Budi Santoso dalam rakor inflasi, Rabu (14/9/2022)."))
    assert ("Budi Santoso", "Ketua Tim Pengendalian Inflasi Pusat") in rels(x, "HOLDS")
    assert ("Budi Santoso", "Tim Pengendalian Inflasi Pusat") in rels(x, "MEMBER_OF")


def test_a_post_in_an_organisation_that_is_no_team_makes_no_member():
    x = extract(report(
        "DENPASAR – Rakor dihadiri Ketua Tim Penggerak PKK Kota Denpasar Ny. Sagung Antari dan Kepala Dinas "
        "Sosial Kota Denpasar, Rabu (14/9/2022)."))
    assert ("Sagung Antari", "Ketua Tim Penggerak PKK Kota Denpasar") in rels(x, "HOLDS")
    assert rels(x, "MEMBER_OF") == set()


def test_a_team_s_chair_and_listed_members():
    x = extract(report(
        "PEMALANG – Pemerintah Kabupaten Pemalang membentuk Tim Percepatan Penurunan Stunting (TPPS), Rabu "
        "(20/7/2022). Tim ini diketuai oleh Wakil Bupati Pemalang, Hendra Wijaya. Adapun anggota tim, yaitu "
        "Kepala Bappeda Sutrisno, Kepala Dinas Kesehatan dr. Wulan Sari dan Ketua TP PKK Rina Hendra."))
    members = {p for p, org in rels(x, "MEMBER_OF") if org.startswith("Tim Percepatan Penurunan Stunting")}
    assert members == {"Hendra Wijaya", "Sutrisno", "Wulan Sari", "Rina Hendra"}


def test_a_named_team_chaired_by_a_post_holder():
    x = extract(report("PEMALANG – TPPS Kabupaten Pemalang diketuai oleh Wakil Bupati Pemalang, Hendra Wijaya."))
    assert ("Hendra Wijaya", "Wakil Bupati Pemalang") in rels(x, "HOLDS")
    assert ("Hendra Wijaya", "Tim Percepatan Penurunan Stunting Kabupaten Pemalang") in rels(x, "MEMBER_OF")


def test_staff_and_listed_members_of_a_body_but_not_council_seats():
    x = extract(report(
        "PONTIANAK – Rakor dihadiri Drs. Rudi Efendi, M.Si., staf Biro Kesejahteraan Rakyat Setda Provinsi "
        "Kalimantan Barat, serta anggota DPRD Kota Pontianak, Ir. Hendra Saputra. Rapat juga dihadiri anggota "
        "Forum Anak Kabupaten Sambas, yakni Rina Safitri, S.Pd. dan Dodi Saputra, S.H."))
    members = rels(x, "MEMBER_OF")
    assert ("Rudi Efendi", "Biro Kesejahteraan Rakyat Setda Provinsi Kalimantan Barat") in members
    assert {("Rina Safitri", "Forum Anak Kabupaten Sambas"), ("Dodi Saputra", "Forum Anak Kabupaten Sambas")} <= members
    assert not any(p == "Hendra Saputra" for p, _ in members)   # an elected seat, not staff


# -- REPRESENTED -----------------------------------------------------------------------------------

def test_a_body_acting_through_its_officials():
    x = extract(report(
        "MATARAM – Dinas Kesehatan Provinsi NTB melalui Kepala Bidang P2P, Rina Anggraeni, S.KM., dan Kepala "
        "Seksi Surveilans, Dedi Kurniawan, S.Kep., menghadiri Rapat Koordinasi Imunisasi di Aula Bappeda "
        "Provinsi NTB, Selasa (14/10/2025)."))
    stood = rels(x, "REPRESENTED")
    assert {("Rina Anggraeni", "Dinas Kesehatan Provinsi Nusa Tenggara Barat"),
            ("Dedi Kurniawan", "Dinas Kesehatan Provinsi Nusa Tenggara Barat")} <= stood


def test_a_chief_speaking_through_an_officer():
    x = extract(report(
        "BONE – Kapolres Bone AKBP Andi Wijaya melalui Kasi Humas AKP Rudi Hartono menjelaskan bahwa patroli "
        "digelar setiap malam."))
    assert ("Rudi Hartono", "Andi Wijaya") in rels(x, "REPRESENTED")


def test_a_government_acting_through_its_agency_is_no_stand_in():
    x = extract(report(
        "SIGI – Pemerintah Kabupaten Sigi melalui Dinas Pemberdayaan Perempuan dan Perlindungan Anak menggelar "
        "rapat koordinasi di Aula Kantor Bupati Sigi, Senin (3/6/2024)."))
    assert rels(x, "REPRESENTED") == set()


def test_mewakili_says_for_whom_even_after_a_melalui():
    # "mewakili" names who they stood in for: the Kepala, not the Dinas they came from
    x = extract(report(
        "MATARAM – Dinas Kesehatan Provinsi NTB melalui Kepala Bidang P2P, Rina Anggraeni, S.KM., dan Kepala "
        "Seksi Surveilans, Dedi Kurniawan, S.Kep., bersama tim, mewakili Kepala Dinas Kesehatan Provinsi NTB "
        "dalam Rapat Koordinasi Imunisasi."))
    assert rels(x, "REPRESENTED") == {("Rina Anggraeni", "Kepala Dinas Kesehatan Provinsi Nusa Tenggara Barat"),
                                      ("Dedi Kurniawan", "Kepala Dinas Kesehatan Provinsi Nusa Tenggara Barat")}


def test_mewakili_after_the_last_guest_of_a_list_is_said_of_that_guest_alone():
    x = extract(report(
        "BATANG – Turut hadir Kepala Dinas Sosial Kabupaten Batang Sri Lestari, Camat Subah Agus Salim dan "
        "Kabag Ops Polres Batang AKP Joko Prasetyo yang mewakili Kapolres Batang."))
    assert rels(x, "REPRESENTED") == {("Joko Prasetyo", "Kepala Kepolisian Resor Batang")}


def test_a_stand_in_named_by_the_post_they_hold():
    x = extract(report(
        "MAROS – Sekda Kabupaten Maros Andi Davied Syamsuddin membuka rapat koordinasi TPPS di Aula Kantor "
        "Bupati Maros. Dalam sambutannya mewakili bupati, Sekda mengajak seluruh pihak bekerja sama."))
    assert ("Andi Davied Syamsuddin", "Bupati Maros") in rels(x, "REPRESENTED")


def test_a_speech_read_out_for_someone_else():
    x = extract(report(
        "PALU – Dalam sambutan Gubernur Sulawesi Tengah yang dibacakan oleh Kepala Dinas Sosial Provinsi "
        "Sulawesi Tengah Rudi Dewanto, disampaikan pentingnya kerja sama lintas sektor."))
    assert rels(x, "REPRESENTED") == {("Rudi Dewanto", "Gubernur Sulawesi Tengah")}


def test_a_prayer_read_out_is_no_stand_in():
    x = extract(report(
        "PALU – Doa dibacakan oleh Ustaz Hamdan Saleh sebelum rapat koordinasi dimulai di Aula Kantor Gubernur "
        "Sulawesi Tengah."))
    assert rels(x, "REPRESENTED") == set()


def test_a_quote_opened_with_mewakili_belongs_to_its_speaker():
    x = extract(report(
        "BATANG – Penyerahan bantuan dilakukan di Kantor Camat Subah, Rabu (4/10/2023). “Mewakili PT Bank "
        "Sentosa, kami berharap bantuan ini bermanfaat bagi warga. Semoga angka stunting menurun,” kata "
        "Wahyu Hidayat."))
    assert rels(x, "REPRESENTED") == {("Wahyu Hidayat", "PT Bank Sentosa")}


def test_a_company_representative():
    x = extract(report(
        "BATANG – Wahyu Hidayat selaku perwakilan PT Bank Sentosa menyerahkan bantuan di Kantor Camat Subah."))
    assert rels(x, "REPRESENTED") == {("Wahyu Hidayat", "PT Bank Sentosa")}
    y = extract(report(
        "BATANG – Kepala Perwakilan BKKBN Provinsi Jawa Tengah, Dr. Sri Wahyuni, M.Kes., membuka rapat koordinasi."))
    assert rels(y, "REPRESENTED") == set()   # "Perwakilan BKKBN" is the body's name
