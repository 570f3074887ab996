"""Shortcuts of the entity registry and of PART_OF from names agree with their general paths, on any text."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import entities
from kg.extract.relations import _forms
from kg.extract.vocab import vocab
from kg.model import Entity

_NORM = re.compile(r"[^0-9a-z]+")
# letters (ASCII, accented, the ones str.lower folds oddly), digits, punctuation, spaces of all kinds
_CHARS = st.sampled_from(list("aAbBkKzZéÉİıſK’'`-.,;:()/ 0123456789\n\t\xa0") + ["  ", "Dr.", "S.H."])
_TEXT = st.lists(st.one_of(_CHARS, st.text(max_size=4)), max_size=30).map("".join)


def _key_reference(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_key_agrees_with_the_regex(text):
    assert entities.key.__wrapped__(text) == _key_reference(text)


def test_key_on_plain_names():
    assert entities.key("Dinas Sosial Kota Serang") == "dinas sosial kota serang"
    assert entities.key(" Dr. H. Budi, S.Pd. ") == "dr h budi s pd"


def _forms_reference(V, e: Entity) -> set[str]:
    """_forms as first written: every cut of a form at a space looked up among the lexicon's full names."""
    out = set()
    shorts = V.lex.org_shorts
    for f in (e.name, *e.aliases):
        if " " not in f:
            continue
        out.add(f)
        if f.startswith("PT "):
            out.add(f[3:])
        if f.split(" ", 1)[0] in shorts:
            fulls = shorts[f.split(" ", 1)[0]]
            at = f.rfind(" ")
            while at > 0:
                short = fulls.get(f[:at])
                if short is not None:
                    out.add(short + f[at:])
                at = f.rfind(" ", 0, at)
    return out


_V = vocab()
_FULLS = sorted({full for fulls in _V.lex.org_shorts.values() for full in fulls})
_WORDS = sorted({w for full in _FULLS for w in full.split()}) + ["PT", "Kota", "Serang", "Cabang", "X", "", " "]
_NAME = st.one_of(
    st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join),
    st.tuples(st.sampled_from(_FULLS), st.lists(st.sampled_from(_WORDS), max_size=4).map(" ".join))
    .map(lambda p: " ".join(x for x in p if x)),
    st.tuples(st.sampled_from(_FULLS), st.text(max_size=8)).map("".join),
    _TEXT)


@settings(max_examples=500, deadline=None)
@given(_NAME, st.lists(_NAME, max_size=3))
def test_forms_agree_with_the_word_by_word_look(name, aliases):
    e = Entity("e1", "Organization", name, aliases)
    assert _forms(_V, e) == _forms_reference(_V, e)
