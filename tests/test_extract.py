"""Behaviour of the rule-based extractor on sentences written in the genre, and on the dev corpus."""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from kg.clean import clean
from kg.extract import EXTRACTOR, extract
from kg.extract.dates import find_dates, parse_published
from kg.model import Extraction, Report, Source

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
SCORER = Path(__file__).parents[1].parent / "shared" / "eval" / "score.py"
RELATION_F1_FLOOR = 0.78


def report(text: str, published: str | None = None, name: str = "t") -> Report:
    return Report(id=f"report:{name}", name=name, path=f"{name}.txt", text=text,
                  sha256=hashlib.sha256(text.encode()).hexdigest(), source=Source(published=published))


def ents(x: Extraction, etype: str) -> dict[str, object]:
    return {e.name: e for e in x.entities if e.type == etype}


def rels(x: Extraction) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in x.entities}
    return {(names[r.s], r.p, names[r.o]) for r in x.relations}


def test_interface():
    x = extract(report("Bupati Sigi Budi Santoso membuka rapat koordinasi di Aula Kantor Bupati Sigi."))
    assert EXTRACTOR.startswith("kg-rules/")
    assert isinstance(x, Extraction) and x.extractor == EXTRACTOR
    d = x.to_dict()
    assert {"report", "source", "entities", "relations", "extractor"} <= set(d)


def test_honorifics_are_kept_apart_from_the_name():
    x = extract(report("SIGI – Kepala Dinas Sosial Kabupaten Sigi, Dra. Hj. Rahmawati Lamato, M.Si., "
                       "membuka sosialisasi pencegahan stunting di Aula Kantor Bupati Sigi, Senin (3/6/2024)."))
    people = ents(x, "Person")
    assert "Rahmawati Lamato" in people
    p = people["Rahmawati Lamato"]
    assert p.props["honorific_prefix"] == ["Dra.", "Hj."]
    assert p.props["honorific_suffix"] == ["M.Si."]
    assert ("Rahmawati Lamato", "HOLDS", "Kepala Dinas Sosial Kabupaten Sigi") in rels(x)


def test_police_rank_and_degrees():
    x = extract(report("Kapolres Bone AKBP Andi Wijaya Putra, S.H., S.I.K., M.H. hadir dalam rapat koordinasi."))
    people = ents(x, "Person")
    assert "Andi Wijaya Putra" in people
    assert people["Andi Wijaya Putra"].props["honorific_prefix"] == ["AKBP"]
    offices = ents(x, "Office")
    assert "Kepala Kepolisian Resor Bone" in offices
    assert ("Kepala Kepolisian Resor Bone", "POST_IN", "Kepolisian Resor Bone") in rels(x)


def test_acting_post():
    x = extract(report("Plt. Kepala Dinkes Kota Palu, Rudi Hartono mengatakan rapat itu penting."))
    office = next(e for e in x.entities if e.type == "Office")
    assert office.props.get("acting") == "Plt."
    assert office.name == "Pelaksana Tugas Kepala Dinas Kesehatan Kota Palu"
    assert "Plt. Kepala Dinkes Kota Palu" in office.aliases
    x = extract(report("Penjabat (Pj) Bupati Bogor, Asmawa Putra memimpin rakor persiapan pemilu."))
    assert ("Asmawa Putra", "HOLDS", "Penjabat Bupati Bogor") in rels(x)
    assert ents(x, "Office")["Penjabat Bupati Bogor"].props["acting"] == "Pj."


def test_acronym_and_full_form():
    x = extract(report("JAMBI – Dinas Pemberdayaan Masyarakat, Perempuan, dan Perlindungan Anak (DPMPPA) "
                       "Kota Jambi menggelar sosialisasi pencegahan kekerasan di Aula DPMPPA Kota Jambi."))
    orgs = ents(x, "Organization")
    name = "Dinas Pemberdayaan Masyarakat, Perempuan, dan Perlindungan Anak Kota Jambi"
    assert name in orgs and orgs[name].props["acronym"] == "DPMPPA"
    x = extract(report("Kepala DP3A Kota Bima Nurul Hidayah membuka pelatihan."))
    assert "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Bima" in ents(x, "Office")


def test_sekda_short_forms_expand():
    x = extract(report("PALU – Sekdaprov Sulteng Mulyono membuka pertemuan koordinasi lintas sektor di "
                       "Cafe Latoratima, Kamis (16/9)."))
    assert ("Mulyono", "HOLDS", "Sekretaris Daerah Provinsi Sulawesi Tengah") in rels(x)
    assert ("Sekretaris Daerah Provinsi Sulawesi Tengah", "POST_IN", "Pemerintah Provinsi Sulawesi Tengah") \
        in rels(x)


def test_mewakili_is_represented():
    x = extract(report("Sosialisasi dibuka oleh Sekretaris Daerah Kota Jambi, A. Ridwan, yang mewakili "
                       "Wali Kota Jambi Budi Hartono."))
    assert ("A. Ridwan", "REPRESENTED", "Budi Hartono") in rels(x) or \
        ("A. Ridwan", "REPRESENTED", "Wali Kota Jambi") in rels(x)


def test_funding_chain():
    x = extract(report("Dinas Sosial Kota Bima menggelar pelatihan kader. Pendanaan kegiatan ini bersumber dari "
                       "Dana Alokasi Khusus (DAK) dari Kementerian Sosial."))
    funds = ents(x, "FundingSource")
    assert any(f.startswith("Dana Alokasi Khusus") for f in funds)
    r = rels(x)
    assert any(p == "FUNDED_BY" for _, p, _ in r)
    assert any(p == "PROVIDED_BY" and o == "Kementerian Sosial" for _, p, o in r)


def test_dates_resolve_with_publication_year():
    pub = parse_published("2020-09-20")
    d = find_dates("dibuka Rabu (16/9) di Palu", pub)[0]
    assert d.iso == "2020-09-16" and d.warning is None  # 16 September 2020 was a Wednesday
    d = find_dates("Selasa, 25 Oktober 2022 di aula")[0]
    assert d.iso == "2022-10-25" and d.warning is None
    d = find_dates("Senin (13/3/2023).")[0]
    assert d.iso == "2023-03-13"
    d = find_dates("Kamis 16/9 di Cafe", parse_published("2020-09-20"))[0]
    assert d.iso == "2020-09-16" and d.warning and "Kamis" in d.warning   # a Wednesday in 2020
    d = find_dates("Kamis 16/9 di Cafe", parse_published("2021-09-20"))[0]
    assert d.iso == "2021-09-16" and d.warning is None
    assert find_dates("Rabu (16/9) di Palu")[0].iso is None  # no year known


def test_weekday_contradiction_warns():
    d = find_dates("Selasa, 25 Oktober 2023")[0]
    assert d.iso == "2023-10-25" and d.warning and "Selasa" in d.warning


def test_event_date_and_place():
    x = extract(report("SERANG – Pemerintah Kota Serang menggelar rapat pemutakhiran data bansos di aula "
                       "Dinas Sosial Kota Serang, Kamis (10/4).", published="2025-04-11"))
    ev = ents(x, "Event")
    assert len(ev) == 1
    e = next(iter(ev.values()))
    assert e.props["date"] == "2025-04-10"
    assert ("Pemerintah Kota Serang", "ORGANIZED", e.name) in rels(x)


def test_furniture_never_yields_entities():
    x = extract(report("Bupati Sigi Budi Santoso membuka rapat koordinasi.\n"
                       "BACA JUGA: Gubernur Sulteng Rusdi Mastura Resmikan Pasar\nReporter: IRMA\nEditor: NANANG"))
    names = " ".join(e.name for e in x.entities)
    assert "Rusdi" not in names and "IRMA" not in names and "Nanang" not in names.title()
    assert x.source.reporter == "IRMA" and x.source.editor == "NANANG"


def test_source_from_dateline_and_title():
    x = extract(report("Kepala Bappeda Pemalang Beri Paparan Stunting\n\nSINDONEWSjateng.com, Pemalang – "
                       "Jawa Tengah ( 23 / 12/ 2025 )\n\nWakil Bupati Pemalang Nurkholes membuka rapat."))
    assert x.source.published == "2025-12-23"
    assert x.source.title == "Kepala Bappeda Pemalang Beri Paparan Stunting"


# --- corpus-level checks ----------------------------------------------------------------------

def _corpus():
    if not CORPUS.is_dir():
        pytest.skip(f"dev corpus not found at {CORPUS}")
    out = []
    for p in sorted(CORPUS.glob("*.txt")):
        t = p.read_text(encoding="utf-8")
        out.append(report(t, name=p.stem))
    return out


@pytest.fixture(scope="module")
def corpus_runs():
    return [(r, extract(r)) for r in _corpus()]


def test_no_span_inside_furniture(corpus_runs):
    for r, x in corpus_runs:
        c = clean(r.text)
        for e in x.entities:
            for m in e.mentions:
                assert not c.is_masked(m.start, m.end), (r.name, e.name, m)
                assert r.text[m.start:m.end] in m.sentence and m.sentence in r.text, (r.name, e.name, m)


def test_relation_evidence_is_in_the_text(corpus_runs):
    for r, x in corpus_runs:
        for rel in x.relations:
            ev = rel.evidence
            assert 0 <= ev.start <= ev.end <= len(r.text), (r.name, rel)
            assert r.text[ev.start:ev.end] == ev.sentence, (r.name, rel)
            assert 0.0 <= ev.confidence <= 1.0
            assert not clean(r.text).is_masked(ev.start, ev.end) or ev.start == ev.end


def test_reporters_are_not_persons(corpus_runs):
    for r, x in corpus_runs:
        c = clean(r.text)
        people = {e.name.lower() for e in x.entities if e.type == "Person"}
        for who in (c.reporter, c.editor):
            if who:
                assert who.lower() not in people, (r.name, who)


def test_relation_endpoints_follow_the_schema(corpus_runs):
    allowed = {"HOLDS": {("Person", "Office")}, "POST_IN": {("Office", "Organization")},
               "PART_OF": {("Organization", "Organization")},
               "ORGANIZED": {("Organization", "Event"), ("Person", "Event")},
               "ATTENDED": {("Person", "Event"), ("Organization", "Event")},
               "REPRESENTED": {("Person", "Person"), ("Person", "Organization"), ("Person", "Office")},
               "HELD_AT": {("Event", "Place")},
               "FUNDED_BY": {("Programme", "FundingSource"), ("Event", "FundingSource")},
               "PROVIDED_BY": {("FundingSource", "Organization")},
               "MEMBER_OF": {("Person", "Organization"), ("Organization", "Organization")},
               "LOCATED_IN": {("Place", "Place"), ("Organization", "Place")}}
    for r, x in corpus_runs:
        types = {e.id: e.type for e in x.entities}
        for rel in x.relations:
            assert (types[rel.s], types[rel.o]) in allowed[rel.p], (r.name, rel)


def test_corpus_relation_f1_floor(corpus_runs, tmp_path):
    if not SCORER.exists():
        pytest.skip("scorer not found")
    spec = importlib.util.spec_from_file_location("kg_score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps([x.to_dict() for _, x in corpus_runs]), encoding="utf-8")
    out = tmp_path / "out.txt"
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        score.main([str(CORPUS), str(pred), "--json"])
    result = json.loads(buf.getvalue())
    del out
    assert result["relation_micro"]["f"] >= RELATION_F1_FLOOR, result["relation_micro"]


def test_a_rank_inside_a_run_of_capitals_starts_the_person():
    x = extract(report("TOBOALI – Kapolsek Lepar Iptu Surya Dharma yang turut hadir menyatakan siap membantu, "
                       "sementara Kapolres AKBP Gede Wirawan membuka rapat koordinasi, Kamis (6/6/2024)."))
    people = ents(x, "Person")
    assert "Surya Dharma" in people and "Gede Wirawan" in people
    assert not any("Lepar" in name for name in people)
    assert people["Surya Dharma"].props.get("honorific_prefix") == ["Iptu"]


def test_initials_are_not_mistaken_for_corps_letters():
    x = extract(report("MANADO – Wakil Gubernur Sulawesi Utara Arnold E Palit membuka rapat koordinasi, "
                       "Senin (3/6/2024)."))
    assert "Arnold E Palit" in ents(x, "Person")


def test_an_agency_written_short_after_a_post_is_not_a_person():
    x = extract(report("Pelatihan dibuka oleh Asisten Deputi Pelayanan Anak Kemen PPPA, Dra. Lusiana Wati, M.Si., "
                       "di Hotel Mutiara Palu, Selasa (4/6/2024)."))
    assert "Kemen PPPA" not in ents(x, "Person")
    assert "Lusiana Wati" in ents(x, "Person")
