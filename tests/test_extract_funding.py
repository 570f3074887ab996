"""Funds, the programmes they pay for and the bodies behind them, on sentences written in the genre
(invented names and places): FundingSource, Programme, FUNDED_BY and PROVIDED_BY."""
from __future__ import annotations

import hashlib

from kg.extract import extract
from kg.model import Extraction, Report, Source


def run(text: str) -> Extraction:
    return extract(Report(id="report:f", name="f", path="f.txt", text=text,
                          sha256=hashlib.sha256(text.encode()).hexdigest(), source=Source(published="2024-05-06")))


def ents(x: Extraction, etype: str) -> dict:
    return {e.name: e for e in x.entities if e.type == etype}


def rels(x: Extraction, p: str | None = None) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in x.entities}
    return {(names[r.s], r.p, names[r.o]) for r in x.relations if p is None or r.p == p}


def well_typed(x: Extraction) -> bool:
    types = {e.id: e.type for e in x.entities}
    return all(types[r.s] in ("Programme", "Event") and types[r.o] == "FundingSource" for r in x.relations
               if r.p == "FUNDED_BY") and \
        all(types[r.s] == "FundingSource" and types[r.o] == "Organization" for r in x.relations
            if r.p == "PROVIDED_BY")


def test_activity_after_the_fund():
    x = run("SIGI – Pemerintah Kabupaten Sigi mengalokasikan Dana Desa untuk pencegahan stunting di 15 desa.")
    assert ("pencegahan stunting", "FUNDED_BY", "Dana Desa") in rels(x)
    x = run("Alokasi DAK non fisik untuk penurunan angka kematian ibu di Kota Kupang mencapai Rp 4 miliar.")
    fund = "Dana Alokasi Khusus Non Fisik"
    assert fund in ents(x, "FundingSource")
    assert ("penurunan angka kematian ibu di Kota Kupang", "FUNDED_BY", fund) in rels(x)
    assert well_typed(x)


def test_programme_before_the_fund():
    x = run("Bupati Bone Andi Fahsar menyebut program bedah rumah bersumber dari APBD Kabupaten Bone dan Dana "
            "Alokasi Khusus (DAK) Fisik Bidang Perumahan dari Kementerian Pekerjaan Umum dan Perumahan Rakyat.")
    r = rels(x)
    assert ("program bedah rumah", "FUNDED_BY", "APBD Kabupaten Bone") in r
    assert ("program bedah rumah", "FUNDED_BY", "Dana Alokasi Khusus Fisik Bidang Perumahan") in r
    assert ("Dana Alokasi Khusus Fisik Bidang Perumahan", "PROVIDED_BY",
            "Kementerian Pekerjaan Umum dan Perumahan Rakyat") in r
    assert ("APBD Kabupaten Bone", "PROVIDED_BY", "Pemerintah Kabupaten Bone") in r
    x = run("Pembangunan jalan usaha tani di Desa Bonto menggunakan Dana Desa Tahun 2024 sebesar Rp 300 juta.")
    assert any(p.startswith("Pembangunan jalan usaha tani") for p, _, f in rels(x, "FUNDED_BY")
               if f.startswith("Dana Desa"))


def test_a_programme_merely_named_beside_a_fund_is_not_funded():
    x = run("Dinas Sosial Kota Kendari menyiapkan sejumlah program baru, seperti program Rumah Sehat Lansia, hingga "
            "penyaluran bantuan dari CSR untuk keluarga miskin.")
    r = rels(x, "FUNDED_BY")
    assert ("penyaluran bantuan", "FUNDED_BY", "CSR") in r
    assert not any(p.startswith("program") for p, _, _ in r)
    assert not any(p.startswith("program") for p in ents(x, "Programme"))   # unfunded: not kept


def test_budget_words_away_from_the_fund_link_nothing():
    x = run("Bupati meminta anggaran pembangunan jalan tidak dipotong, sementara Dana Desa digunakan untuk posyandu.")
    assert not rels(x, "FUNDED_BY") and not ents(x, "Programme")
    x = run("Ketua DPRD meminta anggaran Dinas Pendidikan ditambah untuk pembangunan sekolah.")
    assert not ents(x, "FundingSource")


def test_budget_word_before_the_activity():
    x = run("Diketahui, anggaran penanganan stunting telah mencapai 40 persen dari total APBD Kabupaten Wajo.")
    assert ("penanganan stunting", "FUNDED_BY", "APBD Kabupaten Wajo") in rels(x)


def test_donor_support():
    x = run("Program ini dijalankan Dinas Sosial Provinsi Papua Barat melalui program PEDULI yang didukung oleh "
            "UNICEF Indonesia.")
    fund = "Dukungan UNICEF Indonesia"
    assert fund in ents(x, "FundingSource")
    assert ("program PEDULI", "FUNDED_BY", fund) in rels(x)
    assert (fund, "PROVIDED_BY", "UNICEF Indonesia") in rels(x)
    # support from a body that is no donor is not money
    x = run("Polres Gowa didukung oleh masyarakat dalam menjaga keamanan. Program ini mendapat dukungan dari tokoh "
            "agama.")
    assert not ents(x, "FundingSource")


def test_company_csr_is_provided_by_the_company():
    x = run("Bank Sulteng menyalurkan CSR Bank Sulteng Cabang Poso untuk pembangunan 20 unit jamban sehat di "
            "Kabupaten Poso.")
    funds = ents(x, "FundingSource")
    assert "CSR Bank Sulteng Cabang Poso" in funds
    r = rels(x)
    assert ("CSR Bank Sulteng Cabang Poso", "PROVIDED_BY", "Bank Sulteng") in r   # the company, not its branch
    assert any(p.startswith("pembangunan 20 unit jamban") for p, _, _ in rels(x, "FUNDED_BY"))
    # the bare word, elsewhere in the report, is the same fund
    x = run("Pemkab Poso menggandeng perusahaan melalui corporate social responsibility (CSR). Hari ini Bank "
            "Sulteng menyerahkan CSR Bank Sulteng untuk penurunan angka stunting di Kabupaten Poso.")
    assert list(ents(x, "FundingSource")) == ["CSR Bank Sulteng"]


def test_a_body_budget_funds_the_event():
    x = run("KUPANG – Dinas Kesehatan Kota Kupang menggelar pelatihan kader posyandu, Senin (6/5/2024). Kegiatan ini "
            "dilaksanakan selama dua hari dan didukung anggaran dari Balai Besar Pelatihan Kesehatan Kupang.")
    fund = "Anggaran Balai Besar Pelatihan Kesehatan Kupang"
    assert fund in ents(x, "FundingSource")
    assert any(p == "FUNDED_BY" and o == fund for _, p, o in rels(x))
    assert any(s == fund and p == "PROVIDED_BY" and o.startswith("Balai Besar Pelatihan Kesehatan")
               for s, p, o in rels(x))
    assert well_typed(x)


def test_regional_budget_named_bare_and_in_full_is_one_fund():
    x = run("Pemkab Wajo memberikan dukungan anggaran melalui APBD. Tahun ini dana itu tercatat dalam APBD Kabupaten "
            "Wajo Tahun Anggaran 2023 dan 2024, sedangkan APBD 2024 juga menampung honor kader.")
    funds = ents(x, "FundingSource")
    assert list(funds) == ["APBD Kabupaten Wajo Tahun 2023 dan 2024"]
    assert funds["APBD Kabupaten Wajo Tahun 2023 dan 2024"].props.get("year") == 2023
    assert ("APBD Kabupaten Wajo Tahun 2023 dan 2024", "PROVIDED_BY", "Pemerintah Kabupaten Wajo") in rels(x)


def test_fund_of_the_sentence_before():
    x = run("KUPANG – DP3A Kota Kupang menggelar sosialisasi pencegahan perkawinan anak, Selasa (7/5/2024). "
            "Pendanaan kegiatan ini bersumber dari Dana Alokasi Khusus (DAK) Pelayanan Perlindungan Perempuan dari "
            "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak. Anggaran tersebut dituangkan dalam DPA DP3A "
            "Kota Kupang Tahun 2024 untuk mendukung program perlindungan anak di daerah.")
    r = rels(x, "FUNDED_BY")
    dak = "Dana Alokasi Khusus Pelayanan Perlindungan Perempuan"
    assert ("program perlindungan anak", "FUNDED_BY", dak) in r
    assert ("program perlindungan anak", "FUNDED_BY", "DPA DP3A Kota Kupang Tahun 2024") in r
    assert any(o == dak and s.lower().startswith("sosialisasi") for s, _, o in r)
    assert well_typed(x)


def test_funds_named_together_pay_together():
    x = run("KUPANG – Dinas Sosial Kota Kupang menggelar bimbingan teknis pendamping desa, Rabu (8/5/2024). Kegiatan "
            "ini dibiayai APBD Kota Kupang dan Dana Desa.")
    r = rels(x, "FUNDED_BY")
    assert {o for _, _, o in r} == {"APBD Kota Kupang", "Dana Desa"}


def test_regional_grant_paid_from_the_budget_is_a_programme():
    x = run("Hibah daerah untuk penyelenggaraan Pilkada Kabupaten Maros 2024 ditandatangani Bupati Maros. Dana hibah "
            "tersebut bersumber dari APBD Kabupaten Maros Tahun Anggaran 2023 dan 2024.")
    assert "Hibah Daerah" in ents(x, "Programme")
    assert "Hibah Daerah" not in ents(x, "FundingSource")
    assert ("Hibah Daerah", "FUNDED_BY", "APBD Kabupaten Maros Tahun 2023 dan 2024") in rels(x)
    assert well_typed(x)
    # a grant nobody says is paid from elsewhere stays a fund
    x = run("Bupati Maros menyerahkan hibah daerah untuk penyelenggaraan Pilkada Kabupaten Maros kepada KPU.")
    assert "Hibah Daerah" in ents(x, "FundingSource")
    assert ("penyelenggaraan Pilkada Kabupaten Maros", "FUNDED_BY", "Hibah Daerah") in rels(x)


def test_fund_inside_an_event_name():
    x = run("POSO – Penjabat Bupati Poso menghadiri Penyerahan CSR Bank Sulteng dalam penurunan angka stunting di "
            "kantor Camat Poso Kota, Rabu (8/5/2024).")
    assert "CSR Bank Sulteng" in ents(x, "FundingSource")
    assert ("penurunan angka stunting", "FUNDED_BY", "CSR Bank Sulteng") in rels(x)


def test_company_named_after_dari():
    x = run("PT Semen Tonasa menyalurkan bantuan CSR dari PT Semen Tonasa untuk renovasi 15 unit rumah warga.")
    assert ("CSR PT Semen Tonasa", "PROVIDED_BY", "PT Semen Tonasa") in rels(x)
    assert any(p.startswith("renovasi 15 unit rumah") for p, _, _ in rels(x, "FUNDED_BY"))


def test_one_activity_in_other_words_is_one_programme():
    x = run("Dukungan dari APBN untuk percepatan penurunan stunting di Kabupaten Wajo terus bertambah. Selain itu, "
            "Dana Desa untuk penanganan stunting juga naik tiga kali lipat.")
    assert list(ents(x, "Programme")) == ["percepatan penurunan stunting di Kabupaten Wajo"]
    r = rels(x, "FUNDED_BY")
    assert {o for _, _, o in r} == {"Anggaran Pendapatan dan Belanja Negara", "Dana Desa"}
