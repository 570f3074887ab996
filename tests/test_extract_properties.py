"""Property test: the extractor never raises, whatever the text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import _extract, extract
from kg.model import Extraction, Report

ADVERSARIAL = st.sampled_from([
    "BACA JUGA", "BACA JUGA:", "(99/99)", "Senin (31/2)", "( 99 / 99/ 9999 )", "(((", ")))", "Kepala", "Plt.",
    "Sekda", "DPMPPA", "Kota", "Kabupaten,", "di", "Aula", "Hotel", "Dr.", "S.H.,", "mewakili", "\n", " – ",
    "RAPAT KOORDINASI", "Reporter:", "Tag", "’", "Juma’", "é", "🙂", "\u200b", "Rabu (16/9)", "APBD", "dari",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=40), ADVERSARIAL, st.from_regex(r"[A-Z]{2,30}", fullmatch=True)),
                max_size=40))
def test_extract_never_raises(parts):
    text = " ".join(parts)
    x = _extract(Report(id="r", name="r", path="r.txt", text=text, sha256="0"))
    assert isinstance(x, Extraction)
    for rel in x.relations:
        assert 0 <= rel.evidence.start <= rel.evidence.end <= len(text)
    for e in x.entities:
        for m in e.mentions:  # the mention's span, inside the sentence it is quoted with
            assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] in m.sentence


def test_huge_capital_runs_and_parens():
    for text in ["A " * 5000, "(" * 3000 + "Kepala" + ")" * 3000, "KEPALA DINAS " * 800, "BACA JUGA " * 500,
                 "Bupati " * 2000, "Dr. " * 1000 + "Budi"]:
        x = _extract(Report(id="r", name="r", path="r.txt", text=text, sha256="0"))
        assert isinstance(x, Extraction)
        assert isinstance(extract(Report(id="r", name="r", path="r.txt", text=text, sha256="0")), Extraction)
