"""The tokenizer's and sentence splitter's shortcuts agree with their general paths, on any text."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.text import _chunk, _chunk_regex, sentences, tokenize

# letters (ASCII, accented, the ones re and str.lower fold oddly), digits, the punctuation of reports
_CHARS = st.sampled_from(list("aAbBkKzZéÉİıſK’'`-.,;:()\"“”/?!0123456789 \n\t") + ["se-", "Dr.", "S.H.", "Kab."])
_TEXT = st.lists(st.one_of(_CHARS, st.text(max_size=6)), max_size=60).map("".join)
_CHUNK = st.lists(st.one_of(_CHARS, st.text(min_size=1, max_size=4)), min_size=1, max_size=12) \
    .map("".join).map(lambda s: "".join(s.split())).filter(bool)


def _toks(toks):
    return [(t.text, t.start, t.end, t.kind, t.cap, t.upper, t.low) for t in toks]


@settings(max_examples=400, deadline=None)
@given(_CHUNK)
def test_chunk_shortcuts_agree_with_the_token_regex(c):
    assert _chunk(c) == _chunk_regex(c)


def test_chunk_shortcuts_on_plain_words():
    assert _chunk("Jambi") == ("W", True, False, "jambi", 5)
    assert _chunk("DPMPPA,") == [(0, 6, "DPMPPA", "W", True, True, "dpmppa"), (6, 7, ",", "P", False, False, ",")]
    assert _chunk("anak.") == _chunk_regex("anak.")


def _reference_tokens(text: str, offset: int) -> list[tuple]:
    """Tokens by the general path alone: each run of non-blanks found by a regex, split by _chunk_regex."""
    out = []
    for m in re.finditer(r"\S+", text):
        s = m.start() + offset
        sh = _chunk_regex(m.group())
        if isinstance(sh, tuple):
            kind, cap, upper, low, n = sh
            out.append((m.group(), s, s + n, kind, cap, upper, low))
        else:
            out += [(t, s + a, s + b, kind, cap, upper, low) for a, b, t, kind, cap, upper, low in sh]
    return out


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 500))
def test_tokenize_agrees_with_the_general_path(text, offset):
    single = " ".join(text.split())
    assert _toks(tokenize(single, offset)) == _reference_tokens(single, offset)
    assert _toks(tokenize(text, offset)) == _reference_tokens(text, offset)


@settings(max_examples=300, deadline=None)
@given(_TEXT.filter(lambda t: "!" not in t and "?" not in t))
def test_sentence_split_without_marks_agrees_with_the_general_one(text):
    # a final line "?" sends the text down the general path without changing the sentences before it
    general = sentences(text + "\n?")
    assert general[-1] == (len(text) + 1, len(text) + 2)
    assert sentences(text) == general[:-1]
