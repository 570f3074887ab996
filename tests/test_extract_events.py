"""Events read from verbs and the words that end an event's name.

Every sentence here is written for the test, in the style of regional government news.
"""
from __future__ import annotations

from tests.test_extract import ents, rels, report

from kg.extract import extract


def test_a_signing_written_as_a_verb_is_the_event():
    x = extract(report(
        "Manokwari, 4 Maret 2025 \u2014 Pemerintah Provinsi Papua Barat bersama Polda Papua Barat menandatangani "
        "Nota Kesepahaman Perlindungan Pekerja Migran di Aula Kantor Gubernur Papua Barat.\n\n"
        "Penandatanganan dilakukan oleh Wakil Gubernur Mohamad Lakotani dan Kapolda Papua Barat."))
    events = ents(x, "Event")
    assert list(events) == ["Penandatanganan Nota Kesepahaman Perlindungan Pekerja Migran"]
    ev = events["Penandatanganan Nota Kesepahaman Perlindungan Pekerja Migran"]
    assert "Nota Kesepahaman Perlindungan Pekerja Migran" in ev.aliases
    assert ev.props["date"] == "2025-03-04"
    r = rels(x)
    assert ("Pemerintah Provinsi Papua Barat", "ORGANIZED", "Penandatanganan Nota Kesepahaman Perlindungan "
            "Pekerja Migran") in r
    assert ("Penandatanganan Nota Kesepahaman Perlindungan Pekerja Migran", "HELD_AT",
            "Aula Kantor Gubernur Papua Barat") in r


def test_a_verb_with_a_lower_case_object_is_no_event():
    x = extract(report("Kedua pihak menandatangani surat pernyataan bersama di kantor desa."))
    assert not ents(x, "Event")


def test_a_passive_verb_ends_the_events_name():
    x = extract(report(
        "Sosialisasi dilakukan oleh Dinas Sosial Kabupaten Sinjai di Aula Kantor Bupati Sinjai, Rabu (6/3/2024)."))
    assert all("dilakukan" not in name for name in ents(x, "Event"))


def test_the_team_an_event_is_named_after_attended_it():
    x = extract(report(
        "BANTAENG \u2013 Pemerintah Kabupaten Bantaeng menggelar Rapat Tim Gugus Tugas Tindak Pidana Perdagangan "
        "Orang (TPPO) di Ruang Pola Kantor Bupati Bantaeng, Senin (4/3/2024).\n\n"
        "Tim Gugus Tugas TPPO Kabupaten Bantaeng dibentuk pada 2023 dan beranggotakan 20 instansi."))
    event = "Rapat Tim Gugus Tugas Tindak Pidana Perdagangan Orang (TPPO)"
    assert list(ents(x, "Event")) == [event]
    assert ("Tim Gugus Tugas TPPO Kabupaten Bantaeng", "ATTENDED", event) in rels(x)


def test_an_acronym_defined_in_a_name_stands_for_its_words():
    from kg.extract.participation import _collapse_acronyms
    assert _collapse_acronyms("Rapat Tim Gugus Tugas Tindak Pidana Perdagangan Orang (TPPO) Kota Bima") == \
        "Rapat Tim Gugus Tugas TPPO Kota Bima"
    # initials that do not spell it: left alone
    assert _collapse_acronyms("Sosialisasi Program Keluarga Harapan (PKHX)") == \
        "Sosialisasi Program Keluarga Harapan (PKHX)"


def test_an_event_without_a_known_area_is_held_in_the_region_its_name_gives():
    x = extract(report(
        "Asisten I Sekda Sinjai membuka Rapat Koordinasi Persiapan Sub PIN Polio Kabupaten Sinjai Tahun 2024 "
        "di Aula Gedung Pertemuan, Senin (15/1/2024)."))
    r = rels(x)
    ev = "Rapat Koordinasi Persiapan Sub PIN Polio Kabupaten Sinjai Tahun 2024"
    assert (ev, "HELD_AT", "Aula Gedung Pertemuan") in r
    assert (ev, "HELD_AT", "Kabupaten Sinjai") in r


def test_across_a_region_is_not_where_the_event_was():
    x = extract(report("Pemprov Bali menggelar High Level Meeting Tim Pengendalian Inflasi Daerah se-Bali, "
                       "Kamis (7/3/2024)."))
    assert not any(p == "HELD_AT" and o.endswith("Bali") for s, p, o in rels(x))


def test_a_stand_in_in_one_sentence_does_not_make_the_next_speaker_one():
    x = extract(report(
        "Sosialisasi pencegahan perkawinan anak dibuka Sekda Kota Kendari, Ridwansyah Taridala, yang mewakili "
        "Pj. Wali Kota Kendari.\n"
        "Kepala DP3A Kota Kendari, Hj. Sri Yusnita, menjelaskan kegiatan ini rutin digelar."))
    roles = {x_.s: x_.role for x_ in x.relations if x_.p == "ATTENDED"}
    names = {e.id: e.name for e in x.entities}
    by_name = {names[s]: r for s, r in roles.items()}
    assert by_name.get("Sri Yusnita") == "spoke", by_name


def _roles(x) -> dict[str, str]:
    names = {e.id: e.name for e in x.entities}
    return {names[r.s]: r.role for r in x.relations if r.p == "ATTENDED"}


def test_roles_read_from_the_nearest_cue_and_the_persons_own_verbs():
    x = extract(report(
        "Rapat koordinasi penanganan stunting dibuka secara resmi oleh Bupati Bantaeng, Ilham Azikin, dan "
        "dihadiri Kepala Dinas Kesehatan Bantaeng, dr. Andi Ihsan.\n"
        "Narasumber kegiatan yaitu Kepala Bidang Kesehatan Masyarakat, Rahmawati, S.KM.\n"
        "Sekda Bantaeng, Abdul Wahab, dalam sambutannya ketika membuka sesi kedua mengajak semua pihak "
        "bergerak.\n"
        "Kadis Sosial Bantaeng, Irfan, menyebutkan data keluarga berisiko."))
    roles = _roles(x)
    assert roles["Ilham Azikin"] == "opened"
    assert roles["Andi Ihsan"] == "attended"
    assert roles["Rahmawati"] == "spoke"
    assert roles["Abdul Wahab"] == "opened"
    assert roles["Irfan"] == "spoke"


def test_a_body_whose_head_spoke_late_in_the_report_took_part():
    body = "".join(f"Paragraf {n} membahas capaian program di lapangan.\n" for n in range(8))
    x = extract(report(
        "MATARAM \u2013 Dinas Kesehatan Provinsi NTB menggelar Rapat Koordinasi Percepatan Penurunan Stunting, "
        "Rabu (15/10/2025).\n" + body +
        "Selanjutnya, kegiatan dilanjutkan dengan pemaparan dari Kepala Perwakilan BKKBN Provinsi NTB."))
    assert ("Perwakilan BKKBN Provinsi Nusa Tenggara Barat", "ATTENDED",
            "Rapat Koordinasi Percepatan Penurunan Stunting") in rels(x)


def test_a_person_only_cited_did_not_take_part():
    x = extract(report(
        "DENPASAR \u2013 Pemkot Denpasar menggelar Rapat Koordinasi Pengendalian Inflasi, Selasa (6/9/2022).\n"
        "\u201cSesuai arahan bapak Presiden RI, Joko Widodo untuk menjaga harga,\u201d kata Wali Kota Denpasar "
        "I Gusti Ngurah Jaya Negara.\n"
        "Kegiatan diawali arahan dari Sekda Kota Denpasar, I Made Toya."))
    roles = _roles(x)
    assert "Joko Widodo" not in roles
    assert "I Made Toya" in roles          # "arahan dari" a person at the meeting is no citation


def test_at_a_signing_the_host_organises_and_its_partners_sign():
    x = extract(report(
        "KUPANG – Pemerintah Provinsi Nusa Tenggara Timur bersama Polda NTT dan Kejaksaan Tinggi NTT "
        "menandatangani Kesepakatan Bersama Penanganan Kekerasan terhadap Anak di Kupang, Senin (2/9/2024).\n\n"
        "Program ini dijalankan Dinas Sosial Provinsi NTT bekerja sama dengan Yayasan Sejahtera Mandiri."))
    r = rels(x)
    event = next(iter(ents(x, "Event")))
    assert ("Pemerintah Provinsi Nusa Tenggara Timur", "ORGANIZED", event) in r
    partners = [o for o in ents(x, "Organization") if o.startswith(("Kepolisian Daerah", "Kejaksaan Tinggi"))]
    assert len(partners) == 2
    for org in partners:
        assert (org, "ATTENDED", event) in r and (org, "ORGANIZED", event) not in r
    # a partner named in another sentence did not sign
    assert not [t for t in r if t[0] == "Yayasan Sejahtera Mandiri" and t[2] == event]


def test_a_body_in_brackets_inside_a_supporters_phrase_does_not_organise():
    x = extract(report(
        "AMBON – Pemerintah Provinsi Maluku dengan dukungan Program PEDULI (Kemitraan Pemerintah Indonesia – "
        "Australia) menggelar Rapat Koordinasi Perlindungan Anak di Ambon, Rabu (4/9/2024)."))
    organisers = {s for s, p, _ in rels(x) if p == "ORGANIZED"}
    assert "Pemerintah Provinsi Maluku" in organisers
    assert not [o for o in organisers if "Indonesia" in o]
