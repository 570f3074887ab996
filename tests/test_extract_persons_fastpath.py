"""read_person's shortcuts (is_name_word's common answers tested inline, no read_titles / read_degrees call
where neither can find anything) agree with the plain reading on any text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.persons import MAX_NAME_WORDS, PersonRead, is_name_word, read_degrees, read_person, read_titles
from kg.extract.text import tokenize
from kg.extract.vocab import vocab

V = vocab()


def _reference(text, toks, i, need_evidence=True):
    """read_person as it read before the shortcuts."""
    n = len(toks)
    j, titles = read_titles(V, text, toks, i)
    k = j
    words = 0
    while k < n and words < MAX_NAME_WORDS:
        tk = toks[k]
        if words >= 1 and tk.low in V.ranks and tk.kind == "W" and len(tk.text) >= 3 \
                and read_titles(V, text, toks, k)[1]:
            return _reference(text, toks, k, need_evidence)
        if is_name_word(V, toks, k):
            if words >= 1 and len(tk.text) <= 2 and read_degrees(V, text, toks, k)[1]:
                break
            if words >= 2 and (V.lex.regions.get(tk.text) or (len(tk.text) > 1 and tk.low in V.title_words)):
                break
            k += 1
            words += 1
            if k < n and toks[k].text == "." and toks[k].start == tk.end and \
                    (len(tk.text) <= 3 or tk.low in ("moh", "muh")) and k + 1 < n and toks[k + 1].cap:
                k += 1
            continue
        if tk.text in ("’", "'") and words and k + 1 < n and tk.start == toks[k - 1].end:
            k += 1
            continue
        break
    if words == 0:
        return None
    if words >= 2 and k + 2 < n and toks[k].text == "." and len(toks[k + 1].text) == 1 and toks[k + 1].cap and \
            not toks[k + 2].cap and toks[k + 2].text != ".":
        k += 2
    while k > j and toks[k - 1].text in ".’'":
        k -= 1
    if words == 1 and (len(toks[k - 1].text) == 1 or toks[k - 1].upper):
        return None
    if toks[j].upper and V.squash(toks[j].text) in V.not_person_acr:
        return None
    raw = text[toks[j].start:toks[k - 1].end]
    if not titles and V.squash(raw) in V.lex.org_acronyms:
        return None
    if k + 2 < n and toks[k].kind == "W" and not toks[k].cap and len(toks[k].text) >= 3 and \
            toks[k].low not in V.not_names and toks[k + 1].text == "," and read_degrees(V, text, toks, k + 1)[1]:
        k += 1
        raw = text[toks[j].start:toks[k - 1].end]
    end_name = k
    k2, degrees = read_degrees(V, text, toks, k)
    if need_evidence and not titles and not degrees:
        return None
    if V.squash(raw) in V.degrees or "-" in raw and raw.replace("-", "").replace(" ", "").isupper():
        return None
    if raw.isupper() and all(len(w) <= 5 for w in raw.split()) and not titles:
        return None
    return PersonRead(i, j, end_name, k2 if degrees else end_name, titles, degrees, raw)


_WORDS = ["Dr.", "Dra.", "H.", "H", "Hj", "Hj.", "Ir.", "Ibu", "Bapak", "Pak", "Kombes", "Pol", "Iptu", "AKBP",
          "Mayjen", "TNI", "Bupati", "Bupati'", "Kepala", "Dinas", "Sosial", "Kota", "Kab.", "Jambi", "Pemalang",
          "Ahmad", "Yani", "Noverintiwi", "Dewanti", "A.", "A", "T", "Moh.Sidik", "Anna.", "Juma’", "Juma", "’",
          "'", "S.H.", "S.Sos.,", "M.Si", "M.Si.", "SH,", ".SIK", "MH", "S.", "STP,", "M.", "M", "ME", "S.T,M.Si.",
          "adi", "andi", "rapat", "Rapat", "Senin", "KPU", "Kemen", "PPPA", "Dinkes", "GT-PP", "TPPO", "DPMPPA",
          "Aula", "Hotel", "Sosialisasi", "selaku", "mengatakan", ",", ".", "(", ")", "2024", "dan", "Desa"]
_TEXT = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", " ", "", ", "])), max_size=14).map(
    lambda parts: "".join(w + sep for w, sep in parts))


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.booleans())
def test_read_person_agrees_with_the_plain_reading(text, need_evidence):
    toks = tokenize(text)
    for i in range(len(toks) + 1):
        got = read_person(V, text, toks, i, need_evidence)
        want = _reference(text, toks, i, need_evidence)
        assert got == want
        assert type(got) is type(want)


def test_read_person_examples():
    for text in ("Dra. Hj. Noverintiwi Dewanti, ME", "Kombes Pol Enggar Pareanom, S.Sos., S.I.K., M.M.",
                 "Kapolsek Gambut Iptu Fadli Ramadhan", "Drs. Andri adi, M.Si", "Sonya Maudy Anna. T selaku"):
        toks = tokenize(text)
        for i in range(len(toks)):
            assert read_person(V, text, toks, i, False) == _reference(text, toks, i, False)
