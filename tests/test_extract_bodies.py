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


def test_a_regional_government_is_located_in_its_area_even_when_named_only_inside_its_name():
    x = extract(report(
        "Pemkab Sumbawa Barat menggelar rapat koordinasi percepatan penurunan stunting, Senin (6/5/2024).\n\n"
        "Rapat dibuka Sekda Sumbawa Barat, Amar Nurmansyah."))
    assert ("Pemerintah Kabupaten Sumbawa Barat", "LOCATED_IN", "Kabupaten Sumbawa Barat") in rels(x)
    place = ents(x, "Place")["Kabupaten Sumbawa Barat"]
    # the place has a span: the region's own words inside "Pemkab Sumbawa Barat"
    assert [x.report.text[m.start:m.end] for m in place.mentions][:1] == ["Sumbawa Barat"]


def test_a_room_and_its_building_written_with_a_comma():
    x = extract(report(
        "Rapat koordinasi digelar di Ruang Melati, Hotel Sasando, Kota Kupang, Kamis (7/3/2024)."))
    r = rels(x)
    assert ("Ruang Melati", "LOCATED_IN", "Hotel Sasando") in r
    assert ("Hotel Sasando", "LOCATED_IN", "Kota Kupang") in r
    assert ("Ruang Melati", "LOCATED_IN", "Kota Kupang") not in r
    held = {o for s, p, o in r if p == "HELD_AT"}
    assert {"Ruang Melati", "Kota Kupang"} <= held


def test_a_named_room_inside_a_governors_office_is_split_from_the_building():
    x = extract(report(
        "Sosialisasi berlangsung di Aula Siwalima Lantai 2 Kantor Gubernur Maluku, Selasa (12/3/2024)."))
    assert ("Aula Siwalima Lantai 2 Kantor Gubernur Maluku", "LOCATED_IN", "Kantor Gubernur Maluku") in rels(x)


def test_a_room_without_a_name_of_its_own_is_one_place():
    x = extract(report(
        "Rapat berlangsung di Aula Kantor Bupati Bantaeng, Selasa (12/3/2024)."))
    places = ents(x, "Place")
    assert "Aula Kantor Bupati Bantaeng" in places
    assert "Kantor Bupati Bantaeng" not in places


def test_posts_across_a_region_are_no_post():
    x = extract(report(
        "Rapat dihadiri Bupati Bima Indah Dhamayanti Putri, Kadinkes Bima dr. Ahmad Zainal, Kepala Puskesmas "
        "se-Kabupaten Bima dan Kepala Puskesmas Se Kab. Bima Timur, Nurhayati, Selasa (5/3/2024)."))
    offices = ents(x, "Office")
    assert "Bupati Bima" in offices
    assert not any("Puskesmas" in n for n in offices), offices
    assert not any("Puskesmas" in n for n in ents(x, "Organization"))


def test_one_person_holding_two_posts_at_once():
    x = extract(report(
        "Asisten I Sekda Provinsi Maluku Utara, sekaligus Plt. Kepala BPBD Maluku Utara, Samsuddin Abdul Kadir, "
        "membuka rapat koordinasi kesiapsiagaan bencana, Kamis (7/3/2024)."))
    held = {o for s, p, o in rels(x) if p == "HOLDS" and s == "Samsuddin Abdul Kadir"}
    assert len(held) == 2, held
    assert any(o.startswith("Asisten I ") for o in held) and any(o.startswith("Pelaksana Tugas Kepala") for o in held)


def test_walikota_is_written_wali_kota():
    x = extract(report("Sementara Walikota Parepare Taufan Pawe mengatakan rapat itu penting."))
    assert "Wali Kota Parepare" in ents(x, "Office")
    assert not any(n.startswith("Walikota") for n in ents(x, "Office"))


def test_an_assistant_of_the_regional_secretariat():
    x = extract(report(
        "Rapat dibuka oleh Asisten Perekonomian dan Pembangunan Setda Provinsi Gorontalo, Drs. H. Sofian "
        "Ibrahim, M.Si."))
    offices = [n for n in ents(x, "Office") if n.startswith("Asisten Perekonomian dan Pembangunan")]
    assert len(offices) == 1 and offices[0].endswith("Provinsi Gorontalo"), offices
    r = rels(x)
    assert ("Sofian Ibrahim", "HOLDS", offices[0]) in r
    assert (offices[0], "POST_IN", "Sekretariat Daerah Provinsi Gorontalo") in r


def test_an_acting_head_written_without_kepala():
    x = extract(report("Plt Dinas Sosial Kabupaten Gowa, Andi Rahmat, dalam laporannya menyampaikan hal itu."))
    assert ("Andi Rahmat", "HOLDS", "Pelaksana Tugas Kepala Dinas Sosial Kabupaten Gowa") in rels(x)


def test_a_ministry_written_with_its_acronym_after_kementerian():
    x = extract(report("Dana itu berasal dari Kementerian PPPA untuk kegiatan di daerah."))
    assert "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak" in ents(x, "Organization")


def test_a_post_after_a_named_official_in_a_list_is_the_next_item():
    x = extract(report(
        "Rakor dihadiri Kapolres Sinjai AKBP Harry Azhar, S.I.K., Kepala Dinas Sosial Sinjai, para camat "
        "serta perwakilan PMI Sinjai."))
    held = {o for s, p, o in rels(x) if p == "HOLDS" and s == "Harry Azhar"}
    assert held == {"Kepala Kepolisian Resor Sinjai"}, held


def test_every_such_body_across_a_province_takes_no_city():
    x = extract(report(
        "MAKASSAR \u2013 Wagub Sulsel memimpin rapat bersama Tim Pengendalian Inflasi Daerah (TPID) "
        "kabupaten/kota se-Sulsel di Makassar, Senin (12/2/2024)."))
    assert not any("Makassar" in n for n in ents(x, "Organization")), ents(x, "Organization")


def test_kadis_with_the_field_written_out():
    x = extract(report("BANTAENG \u2013 Kadis Sosial Bantaeng, Irfan, menyebutkan data keluarga berisiko."))
    assert ("Irfan", "HOLDS", "Kepala Dinas Sosial Kabupaten Bantaeng") in rels(x)


def test_a_syllable_abbreviation_is_the_body_named_in_full_before():
    x = extract(report(
        "MATARAM \u2013 Biro Kesejahteraan Rakyat Setda Provinsi NTB menggelar rapat koordinasi penurunan stunting, "
        "Rabu (15/10/2025).\n\nKepala Biro Kesra, H. Ahmad Masyhuri, membuka rapat tersebut."))
    orgs = ents(x, "Organization")
    assert "Biro Kesra" not in orgs, orgs
    held = {o for s, p, o in rels(x) if p == "HOLDS" and s == "Ahmad Masyhuri"}
    assert held and all("Kesejahteraan Rakyat" in o for o in held), held


def test_abbreviations_are_read_from_word_starts():
    from kg.extract.document import _abbreviates
    assert _abbreviates("kesra", ["kesejahteraan", "rakyat"])
    assert _abbreviates("kesbangpol", ["kesatuan", "bangsa", "politik"])
    assert not _abbreviates("kesra", ["kesehatan"])            # one word is no abbreviation of two
    assert not _abbreviates("dukcapil", ["sosial", "kabupaten"])


def test_a_district_government_and_its_camat():
    x = extract(report(
        "LUWU UTARA \u2013 Pemerintah Kecamatan Sukamaju menggelar Rembuk Stunting Tingkat Kecamatan di Aula Kantor "
        "Camat Sukamaju, Kamis (7/3/2024).\n\nCamat Sukamaju, Andi Baso Tenriesa, membuka kegiatan itu."))
    r = rels(x)
    assert "Pemerintah Kabupaten Luwu Utara" not in ents(x, "Organization")
    assert ("Camat Sukamaju", "POST_IN", "Pemerintah Kecamatan Sukamaju") in r
    assert ("Pemerintah Kecamatan Sukamaju", "ORGANIZED", "Rembuk Stunting Tingkat Kecamatan") in r


def test_district_police_and_army_units_are_named_by_their_district():
    x = extract(report(
        "LUWU UTARA \u2013 Rapat dihadiri Kapolsek Sukamaju Iptu Sahabuddin, Danramil 1403-08/Sukamaju Kapten Inf "
        "Muhammad Nur, dan Kepala Puskesmas Sukamaju dr. Hasnawati."))
    r = rels(x)
    assert ("Sahabuddin", "HOLDS", "Kepala Kepolisian Sektor Sukamaju") in r
    assert ("Muhammad Nur", "HOLDS", "Komandan Koramil 1403-08/Sukamaju") in r
    assert not any("Luwu Utara" in n for n in ents(x, "Organization"))


def test_heads_of_unnamed_agencies_are_no_post():
    x = extract(report("Wali Kota Parepare Taufan Pawe bersama Kepala OPD terkait meninjau pasar, Senin (5/9/2022)."))
    assert not any("Perangkat Daerah" in n for n in ents(x, "Organization"))
    assert not any("Perangkat Daerah" in n or n.endswith("OPD") for n in ents(x, "Office"))


def test_an_outlet_in_the_dateline_is_not_a_body():
    x = extract(report("FORUM Keadilan Bali \u2013 Rapat Koordinasi Pengendalian Inflasi digelar Pemprov Bali, "
                       "Selasa (6/9/2022)."))
    assert not any("Forum" in n or "FORUM" in n for n in ents(x, "Organization"))


def test_the_reports_own_expansion_of_an_acronym_wins_over_the_lexicon():
    x = extract(report(
        "PEMALANG \u2013 Bupati Pemalang selaku Ketua TPPS (Tim Percepatan Pengendalian Stunting) Kabupaten "
        "Pemalang, Mansur Hidayat, membuka rapat. Anggota TPPS terdiri dari Dinas Kesehatan."))
    orgs = ents(x, "Organization")
    assert "Tim Percepatan Pengendalian Stunting Kabupaten Pemalang" in orgs
    assert not any("Penurunan" in n for n in orgs), orgs
    assert "TPPS" in orgs["Tim Percepatan Pengendalian Stunting Kabupaten Pemalang"].aliases


def test_a_unit_named_with_its_parent_body_is_part_of_it():
    x = extract(report(
        "SERANG – Sekretariat Daerah Provinsi Banten dan Biro Administrasi Pembangunan Setda Provinsi Banten "
        "menggelar rapat evaluasi program di Aula Setda, Senin (3/6/2024).\n\n"
        "PT Bank Banten mendukung kegiatan tersebut. Kepala Bank Banten Cabang Serang, Rudi Hartono, hadir."))
    names = ents(x, "Organization")
    biro = next(n for n in names if n.startswith("Biro Administrasi Pembangunan"))
    setda = next(n for n in names if n.startswith("Sekretariat Daerah Provinsi Banten"))
    assert (biro, "PART_OF", setda) in rels(x)
    # the company is one body, with or without its legal form; its branch is part of it
    banks = sorted(n for n in names if "Bank Banten" in n)
    assert banks == ["Bank Banten Cabang Serang", "PT Bank Banten"]
    assert ("Bank Banten Cabang Serang", "PART_OF", "PT Bank Banten") in rels(x)


def test_a_team_named_after_a_body_is_not_part_of_it():
    x = extract(report(
        "JAKARTA – Tim Mabes Polri dan Mabes Polri meninjau pelayanan terpadu di Jakarta, Selasa (4/6/2024)."))
    assert not [r for r in rels(x) if r[1] == "PART_OF" and r[0].startswith("Tim")]


def test_a_police_unit_written_with_its_parent_is_that_bodys_unit():
    # "Ditreskrimum Polda Kalsel": the directorate of that Polda (not of the report's regency), and the
    # Polda is a body of its own even though the report names it only there
    x = extract(report(
        "PELAIHARI – Polres Tanah Laut menggelar rapat koordinasi pencegahan TPPO bersama Ditreskrimum Polda "
        "Kalsel di Aula Polres Tanah Laut, Senin (3/2/2025).\n\n"
        "Turut hadir Kaurbinops Satreskrim IPDA Rahmat Hidayat dan Kasat Binmas AKP Sugeng Riyadi."))
    orgs = ents(x, "Organization")
    unit = "Direktorat Reserse Kriminal Umum Polda Kalimantan Selatan"
    assert unit in orgs, orgs
    assert (unit, "PART_OF", "Kepolisian Daerah Kalimantan Selatan") in rels(x)
    assert not any("IPDA" in n for n in list(orgs) + list(ents(x, "Office"))), orgs   # a rank, not a body
    assert "Rahmat Hidayat" in ents(x, "Person")
    # beside another Polda, the unit is still part of its own
    x = extract(report(
        "JAYAPURA – Polda Papua menggelar rapat koordinasi bersama Ditreskrimum Polda Maluku di Aula Polda Papua, "
        "Senin (3/2/2025)."))
    assert ("Direktorat Reserse Kriminal Umum Polda Maluku", "PART_OF", "Kepolisian Daerah Maluku") in rels(x)
    assert not any(p == "PART_OF" and o == "Kepolisian Daerah Papua" for _, p, o in rels(x))


def test_a_bare_acronym_is_no_alias_of_a_body_written_with_its_region():
    # two bodies share the acronym: neither is "KPU" alone (the report never writes it so)
    x = extract(report(
        "BLITAR – KPU Kota Blitar menggelar rapat koordinasi persiapan pemilihan bersama KPU Jatim di Aula "
        "Kantor Wali Kota Blitar, Kamis (6/6/2024)."))
    kpu = [e for e in x.entities if e.type == "Organization" and e.name.startswith("Komisi Pemilihan Umum")]
    assert sorted(e.name for e in kpu) == ["Komisi Pemilihan Umum Kota Blitar",
                                            "Komisi Pemilihan Umum Provinsi Jawa Timur"]
    assert all("KPU" not in e.aliases for e in kpu), [e.aliases for e in kpu]


def test_bodies_joined_by_dan_share_the_region_written_after_the_last():
    x = extract(report(
        "AMBON – Polda Maluku bersama Dinas Ketenagakerjaan dan Dinas Pemberdayaan Perempuan dan Anak (PPA) "
        "Provinsi Maluku menggelar sosialisasi pencegahan TPPO di Aula Kantor Gubernur Maluku, Rabu (12/11/2025)."
        "\n\nNarasumber berasal dari Dinas Ketenagakerjaan dan Dinas PPA."))
    orgs = ents(x, "Organization")
    assert "Dinas Ketenagakerjaan Provinsi Maluku" in orgs, orgs
    # the later bare name and the acronym the report gave the dinas are the same bodies, not new ones
    assert "Dinas Ketenagakerjaan" not in orgs and "Dinas PPA" not in orgs, orgs
    assert "Dinas PPA" in orgs["Dinas Pemberdayaan Perempuan dan Anak Provinsi Maluku"].aliases


def test_a_body_chaired_by_a_person_gives_them_its_chair():
    # "X diketuai oleh [post,] Y": Y holds the chair of X, a post named by the verb alone
    x = extract(report(
        "KENDAL – Pemkab Kendal membentuk Tim Percepatan Penurunan Stunting (TPPS) Kabupaten Kendal, Rabu "
        "(20/7/2022). TPPS diketuai oleh Wakil Bupati Kendal, Windu Suko Basuki. Gugus Tugas TPPO yang "
        "diketuai Sekda Kendal Sugiono juga menggelar rapat."))
    r = rels(x)
    chair = "Ketua Tim Percepatan Penurunan Stunting Kabupaten Kendal"
    assert ("Windu Suko Basuki", "HOLDS", chair) in r, r
    assert (chair, "POST_IN", "Tim Percepatan Penurunan Stunting Kabupaten Kendal") in r
    assert ("Windu Suko Basuki", "HOLDS", "Wakil Bupati Kendal") in r
    assert any(s == "Sugiono" and p == "HOLDS" and o.startswith("Ketua Gugus Tugas") for s, p, o in r), r
