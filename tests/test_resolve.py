"""Entity resolution across reports, on hand-written reports (model level, no extractor)."""
from __future__ import annotations

import hashlib

from kg.model import Entity, Evidence, Extraction, Relation, Report
from kg.resolve import Resolver, canonical_id
from kg.resolve.index import ResolutionIndex


def doc(name: str, text: str, entities: list[tuple], relations: list[tuple] = ()) -> Extraction:
    """An extraction of ``text`` with entities (id, type, name, aliases, props) and relations (s, p, o)."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    report = Report(f"report:{name}", name, name, text, sha)
    ev = Evidence(text, 0, len(text), 0.9)
    ents = [Entity(i, t, n, list(al), dict(props), [ev]) for i, t, n, al, props in entities]
    rels = [Relation(s, p, o, ev, "attended" if p == "ATTENDED" else None) for s, p, o in relations]
    return Extraction(report, ents, rels, "test/1")


def ids(extraction: Extraction) -> dict[str, str]:
    return {e.name: e.canonical_id for e in extraction.entities}


def test_namesakes_in_different_regions_stay_apart():
    r = Resolver()
    a = r.resolve(doc("a", "Camat Ridwan di Kabupaten Pemalang.", [
        ("e1", "Person", "Ridwan", [], {}), ("e2", "Office", "Camat Comal Kabupaten Pemalang", [], {}),
        ("e3", "Place", "Kabupaten Pemalang", [], {})], [("e1", "HOLDS", "e2")]))
    b = r.resolve(doc("b", "Sekda Kota Jambi Ridwan membuka rapat.", [
        ("e1", "Person", "Ridwan", [], {}), ("e2", "Office", "Sekretaris Daerah Kota Jambi", [], {}),
        ("e3", "Place", "Kota Jambi", [], {})], [("e1", "HOLDS", "e2")]))
    assert ids(a)["Ridwan"] != ids(b)["Ridwan"]
    assert ids(a)["Ridwan"].endswith("--kabupaten-pemalang") and ids(b)["Ridwan"].endswith("--kota-jambi")


def test_same_person_with_titles_initials_and_short_name_is_one_node():
    r = Resolver()
    a = r.resolve(doc("a", "...", [("e1", "Person", "A. Ridwan", ["Sekda A. Ridwan"], {}),
                                   ("e2", "Place", "Kota Jambi", [], {})]))
    b = r.resolve(doc("b", "...", [("e1", "Person", "Ridwan", [], {}), ("e2", "Place", "Kota Jambi", [], {})]))
    c = r.resolve(doc("c", "...", [("e1", "Person", "Dr. H. Ridwan, S.H., M.M.", [], {}),
                                   ("e2", "Place", "kota Jambi", [], {})]))
    assert ids(a)["A. Ridwan"] == ids(b)["Ridwan"] == ids(c)["Dr. H. Ridwan, S.H., M.M."]
    assert "initials differ" in b.entities[0].resolution


def test_spelling_variants_merge():
    r = Resolver()
    a = r.resolve(doc("a", "...", [("e1", "Person", "Shanti Rosalia", [], {}), ("e2", "Place", "Kota Serang", [], {})]))
    b = r.resolve(doc("b", "...", [("e1", "Person", "Santi Rosalia", [], {}), ("e2", "Place", "Kota Serang", [], {})]))
    c = r.resolve(doc("c", "...", [("e1", "Person", "Josefinjte B. Wandosa", [], {}), ("e2", "Place", "Kota Serang", [], {})]))
    d = r.resolve(doc("d", "...", [("e1", "Person", "Josefintje B. Wandosan", [], {}), ("e2", "Place", "Kota Serang", [], {})]))
    e = r.resolve(doc("e", "...", [("e1", "Person", "Mochammad Iqbal", [], {}), ("e2", "Place", "Kota Serang", [], {})]))
    f = r.resolve(doc("f", "...", [("e1", "Person", "Muhammad Iqbal", [], {}), ("e2", "Place", "Kota Serang", [], {})]))
    assert ids(a)["Shanti Rosalia"] == ids(b)["Santi Rosalia"]
    assert ids(c)["Josefinjte B. Wandosa"] == ids(d)["Josefintje B. Wandosan"]
    assert ids(e)["Mochammad Iqbal"] == ids(f)["Muhammad Iqbal"]


def test_different_people_sharing_a_name_token_are_not_merged():
    r = Resolver()
    a = r.resolve(doc("a", "...", [("e1", "Person", "Budi Rustandi", [], {}), ("e2", "Person", "Budi Santoso", [], {}),
                                   ("e3", "Place", "Kota Serang", [], {})]))
    assert ids(a)["Budi Rustandi"] != ids(a)["Budi Santoso"]
    # "Budi" alone fits both: ambiguous, so it is not merged into either
    b = r.resolve(doc("b", "...", [("e1", "Person", "Budi", [], {}), ("e2", "Place", "Kota Serang", [], {})]))
    assert ids(b)["Budi"] not in {ids(a)["Budi Rustandi"], ids(a)["Budi Santoso"]}


def test_partial_name_decided_by_the_post():
    r = Resolver()
    r.resolve(doc("a", "...", [("e1", "Person", "Ramlan Noorhadi", [], {}), ("e2", "Office", "Bupati Banjar", [], {}),
                               ("e3", "Person", "Siti Mardiana Ramlan", [], {}),
                               ("e4", "Office", "Ketua TP PKK Kabupaten Banjar", [], {}),
                               ("e5", "Place", "Kabupaten Banjar", [], {})],
                  [("e1", "HOLDS", "e2"), ("e3", "HOLDS", "e4")]))
    b = r.resolve(doc("b", "...", [("e1", "Person", "Ramlan", [], {}), ("e2", "Office", "Bupati Banjar", [], {}),
                                   ("e3", "Place", "Kabupaten Banjar", [], {})], [("e1", "HOLDS", "e2")]))
    assert ids(b)["Ramlan"] == canonical_id("Person", "Ramlan Noorhadi", "kabupaten-banjar")


def test_acronym_and_full_name_of_an_agency_are_one_node_per_jurisdiction():
    r = Resolver()
    a = r.resolve(doc("a", "...", [("e1", "Organization", "Dinas Kesehatan Kabupaten Pemalang", [], {}),
                                   ("e2", "Office", "Kepala Dinas Kesehatan Kabupaten Pemalang", [], {})]))
    b = r.resolve(doc("b", "...", [("e1", "Organization", "Dinkes Pemalang", [], {}),
                                   ("e2", "Office", "Kepala Dinkes Kabupaten Pemalang", [], {})]))
    c = r.resolve(doc("c", "...", [("e1", "Organization", "Dinas Kesehatan Kota Serang", [], {})]))
    assert ids(a)["Dinas Kesehatan Kabupaten Pemalang"] == ids(b)["Dinkes Pemalang"]
    assert ids(a)["Kepala Dinas Kesehatan Kabupaten Pemalang"] == ids(b)["Kepala Dinkes Kabupaten Pemalang"]
    assert ids(c)["Dinas Kesehatan Kota Serang"] != ids(a)["Dinas Kesehatan Kabupaten Pemalang"]


def test_national_bodies_merge_everywhere_local_generic_ones_do_not():
    r = Resolver()
    a = r.resolve(doc("a", "...", [("e1", "Organization", "Kementerian Dalam Negeri", [], {}),
                                   ("e2", "Organization", "Forum Anak", [], {}), ("e3", "Place", "Kota Ambon", [], {})]))
    b = r.resolve(doc("b", "...", [("e1", "Organization", "Kementerian Dalam Negeri", [], {}),
                                   ("e2", "Organization", "Forum Anak", [], {}), ("e3", "Place", "Kabupaten Bogor", [], {})]))
    assert ids(a)["Kementerian Dalam Negeri"] == ids(b)["Kementerian Dalam Negeri"] == "org:kementerian-dalam-negeri"
    assert ids(a)["Forum Anak"] != ids(b)["Forum Anak"]


def test_places_by_region_key_and_abbreviation():
    r = Resolver()
    a = r.resolve(doc("a", "...", [("e1", "Place", "Sulteng", [], {}), ("e2", "Place", "Kab. Sigi", [], {}),
                                   ("e3", "Place", "Papua", [], {})]))
    assert ids(a) == {"Sulteng": "place:provinsi-sulawesi-tengah", "Kab. Sigi": "place:kabupaten-sigi",
                      "Papua": "place:provinsi-papua"}
    b = r.resolve(doc("b", "...", [("e1", "Place", "Kota Bogor", [], {}), ("e2", "Place", "Kabupaten Bogor", [], {})]))
    assert ids(b)["Kota Bogor"] != ids(b)["Kabupaten Bogor"]


def test_same_meeting_from_two_outlets_is_one_event_different_meetings_stay_apart():
    r = Resolver()
    place = ("e2", "Place", "Aula Bappeda Kabupaten Pemalang", [], {})
    a = r.resolve(doc("a", "...", [("e1", "Event", "Pelantikan Tim Penanganan Stunting Kabupaten Pemalang", [],
                                    {"date": "2023-03-13"}), place], [("e1", "HELD_AT", "e2")]))
    b = r.resolve(doc("b", "...", [("e1", "Event", "Pembentukan Tim Percepatan Pengendalian Stunting Kabupaten Pemalang",
                                    [], {"date": "2023-03-13"}), place], [("e1", "HELD_AT", "e2")]))
    c = r.resolve(doc("c", "...", [("e1", "Event", "Rapat Evaluasi Stunting Kabupaten Pemalang", [],
                                    {"date": "2023-05-02"}), place], [("e1", "HELD_AT", "e2")]))
    d = r.resolve(doc("d", "...", [("e1", "Event", "Sosialisasi Pencegahan Perkawinan Anak", [],
                                    {"date": "2023-03-13"}), ("e2", "Place", "Kabupaten Pemalang", [], {})]))
    first = ids(a)["Pelantikan Tim Penanganan Stunting Kabupaten Pemalang"]
    assert ids(b)["Pembentukan Tim Percepatan Pengendalian Stunting Kabupaten Pemalang"] == first
    assert "same date 2023-03-13" in b.entities[0].resolution
    assert ids(c)["Rapat Evaluasi Stunting Kabupaten Pemalang"] != first
    assert ids(d)["Sosialisasi Pencegahan Perkawinan Anak"] != first


def test_index_from_store_resolves_like_one_run(store):
    """New reports resolve against the store: a second run sees the first run's nodes."""
    from kg.graph import to_batch

    first = Resolver().resolve(doc("a", "...", [("e1", "Person", "Josefintje B. Wandosan", [], {}),
                                               ("e2", "Place", "Provinsi Papua", [], {})]))
    store.write_report(to_batch(first))
    second = Resolver(ResolutionIndex.from_store(store)).resolve(
        doc("b", "...", [("e1", "Person", "Josefinjte B. Wandosa", [], {}), ("e2", "Place", "Papua", [], {})]))
    assert ids(second)["Josefinjte B. Wandosa"] == ids(first)["Josefintje B. Wandosan"]
    assert ids(second)["Papua"] == ids(first)["Provinsi Papua"]


from hypothesis import given, settings, strategies as st  # noqa: E402

from kg.resolve.keys import person_tokens, region_key, split_region_suffix, squash_name  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60) | st.from_regex(r"(Kota|Kab\.|Provinsi|Bupati)[ \-.,]{0,3}[A-Za-z \-]{0,20}", fullmatch=True))
def test_keys_never_raise_on_arbitrary_text(text):
    region_key(text)
    split_region_suffix(text)
    squash_name(text)
    person_tokens(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Person", "Organization", "Office", "Place", "Event", "Programme",
                                            "FundingSource"]), st.text(max_size=40)), max_size=8))
def test_resolver_never_raises_and_gives_every_entity_an_id(entities):
    r = Resolver()
    d = r.resolve(doc("h", "x", [(f"e{i}", t, n, [], {}) for i, (t, n) in enumerate(entities)]))
    assert all(e.canonical_id and ":" in e.canonical_id for e in d.entities)


def test_other_roles_in_the_same_body_are_other_posts():
    r = Resolver()
    a = r.resolve(doc("a", "...", [("e1", "Office", "Kepala Dinas Pemberdayaan Masyarakat, Perempuan, dan Perlindungan Anak Kota Jambi", [], {}),
                                   ("e2", "Office", "Wali Kota Denpasar", [], {})]))
    b = r.resolve(doc("b", "...", [("e1", "Office", "Sekretaris Dinas Pemberdayaan Masyarakat, Perempuan, dan Perlindungan Anak Kota Jambi", [], {}),
                                   ("e2", "Office", "Wakil Walikota Denpasar", [], {}),
                                   ("e3", "Office", "Walikota Denpasar", [], {})]))
    assert len({*ids(a).values(), *ids(b).values()}) == 4
    assert ids(b)["Walikota Denpasar"] == ids(a)["Wali Kota Denpasar"]


def test_budget_lines_of_other_years_stay_apart_and_acronyms_match_their_words():
    r = Resolver()
    a = r.resolve(doc("a", "...", [("e1", "FundingSource", "APBD Kabupaten Pemalang", [], {"year": 2023}),
                                   ("e2", "Organization", "Dinas Pemberdayaan Perempuan dan Keluarga Berencana Kabupaten Supiori", [], {})]))
    b = r.resolve(doc("b", "...", [("e1", "FundingSource", "APBD Kabupaten Pemalang", [], {"year": 2024}),
                                   ("e2", "Organization", "Dinas PPKB Kabupaten Supiori", [], {})]))
    c = r.resolve(doc("c", "...", [("e1", "FundingSource", "APBD Pemalang", [], {"year": 2024})]))
    assert ids(a)["APBD Kabupaten Pemalang"] != ids(b)["APBD Kabupaten Pemalang"] == ids(c)["APBD Pemalang"]
    assert ids(b)["Dinas PPKB Kabupaten Supiori"] == ids(a)["Dinas Pemberdayaan Perempuan dan Keluarga Berencana Kabupaten Supiori"]
    assert b.entities[1].resolution.startswith("acronym of")


def test_a_bare_region_name_is_read_in_the_province_the_report_is_about():
    """Banjar is a regency in South Kalimantan and a city in West Java."""
    r = Resolver()
    kalsel = r.resolve(doc("a", "...", [("e1", "Person", "Denny Prasetyo", [], {}),
                                        ("e2", "Office", "Kasat Reskrim Polres Banjar", [], {}),
                                        ("e3", "Place", "Banjarbaru", [], {}),
                                        ("e4", "Organization", "Pemerintah Provinsi Kalimantan Selatan", [], {})],
                       [("e1", "HOLDS", "e2")]))
    jabar = r.resolve(doc("b", "...", [("e1", "Person", "Denny Prasetyo", [], {}),
                                       ("e2", "Office", "Kasat Reskrim Polres Banjar", [], {}),
                                       ("e3", "Place", "Provinsi Jawa Barat", [], {})], [("e1", "HOLDS", "e2")]))
    assert ids(kalsel)["Denny Prasetyo"].endswith("--kabupaten-banjar")
    assert ids(jabar)["Denny Prasetyo"].endswith("--kota-banjar")
