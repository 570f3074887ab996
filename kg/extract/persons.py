"""Person names with their honorifics, ranks and degrees kept apart.

"Dra. Hj. Noverintiwi Dewanti, ME" -> name "Noverintiwi Dewanti", prefix [Dra., Hj.], suffix [ME].
"Kombes Pol Enggar Pareanom, S.Sos., S.I.K., M.M." -> prefix [Kombes, Pol], suffix [S.Sos., S.I.K., M.M.].
"""
from __future__ import annotations

from typing import NamedTuple

from kg.extract.mentions import Mention, title_case
from kg.extract.text import Tok
from kg.extract.vocab import Vocab, match

MAX_NAME_WORDS = 6


class PersonRead(NamedTuple):
    """What :func:`read_person` reads, before any mention is made (token indices into ``toks``)."""

    start: int               # the first token (a title, or the name)
    first: int               # the name's first token
    end_name: int            # the index after the name
    end: int                 # the index after the degrees (after the name when there are none)
    titles: list[str]        # honorifics and ranks, as written
    degrees: list[str]       # degrees, as written
    raw: str                 # the name as written


def read_titles(V: Vocab, text: str, toks: list[Tok], i: int) -> tuple[int, list[str]]:
    """Honorifics and ranks at ``i``: (index after them, the titles as written)."""
    n = len(toks)
    titles: list[str] = []
    while i < n and toks[i].kind == "W":
        t = toks[i]
        low = t.low
        if low in V.prefixes or low in V.ranks:
            # "H" or "A" alone is an initial unless a name follows it
            j = i + 1
            if j < n and toks[j].text == "." and toks[j].start == t.end:
                j += 1
            if j >= n or toks[j].kind != "W" or not toks[j].cap:
                break
            if len(t.text) == 1 and low in V.prefixes and not titles and not (i > 0 and toks[i - 1].text == ","):
                # a lone "H" before a name is taken as the honorific Haji only when another name word follows
                if j + 1 >= n or not toks[j + 1].cap:
                    break
            if t.text in ("Ibu", "Bapak", "Pak", "Bu") and (j >= n or toks[j].low in V.not_names):
                break
            titles.append(text[t.start:toks[j - 1].end])
            i = j
            continue
        break
    return i, titles


def read_degrees(V: Vocab, text: str, toks: list[Tok], i: int) -> tuple[int, list[str]]:
    """Degrees after a name ("S.H., M.H.", "SH,.SIK,.MH", "S. STP, M. M", "S.Psi. M.Psi")."""
    n = len(toks)
    out: list[str] = []
    while i < n:
        j = i
        while j < n and toks[j].text in ",." and j - i < 2:
            j += 1
        if j >= n or toks[j].kind != "W":
            break
        best = None
        if toks[j].low not in V.degree_starts:
            break
        sq = ""   # the lower-cased words and numbers of toks[j:k] run together, grown a token at a time
        for k in range(j + 1, min(n, j + 7) + 1):
            t = toks[k - 1]
            if t.kind == "N" or t.text in "()":
                break
            if k - 1 > j and t.kind == "W" and t.start > toks[k - 2].end + 1:
                break
            if t.kind != "P":
                sq += t.low
            if t.text != "," and sq in V.degrees:
                best = k
        if best is None:
            break
        if best < n and toks[best].text == "." and toks[best].start == toks[best - 1].end:
            best += 1
        out.append(text[toks[j].start:toks[best - 1].end])
        i = best
    return i, out


def is_name_word(V: Vocab, toks: list[Tok], k: int) -> bool:
    """A token that may be part of a person's name."""
    t = toks[k]
    if t.kind != "W" or not t.cap:
        return False
    if t.low in V.not_names:
        return False
    if t.text[-1] in "’'" and t.low[:-1] in V.roles:
        return False   # "Bupati' Agung"
    if len(t.text) == 1:
        return True
    if t.low not in V.name_stoppers:
        return True
    # (a table is matched only where its first word stands: match() says no elsewhere)
    low = t.low
    if (low in V.roles and match(toks, k, V.roles)) or (low in V.org_acr and match(toks, k, V.org_acr)) or \
            (low in V.org_heads and match(toks, k, V.org_heads)) or \
            (low in V.region_kw and match(toks, k, V.region_kw)) or (low in V.venue and match(toks, k, V.venue)) or \
            (low in V.events and match(toks, k, V.events, need_cap=False)):
        return False
    return True


def parse_person(V: Vocab, text: str, toks: list[Tok], i: int, need_evidence: bool = True) -> Mention | None:
    """A person at token ``i``: titles, name words, degrees.

    With ``need_evidence`` the name must carry a title or a degree (or be followed by one),
    otherwise any run of name words is returned (the caller has context: "Bupati X", "kata X").
    """
    parts = read_person(V, text, toks, i, need_evidence)
    return None if parts is None else person_mention(text, toks, parts)


def read_person(V: Vocab, text: str, toks: list[Tok], i: int, need_evidence: bool = True) -> PersonRead | None:
    """What :func:`parse_person` reads at ``i``, before any mention is made, or None. A caller that may
    still reject the person makes the mention only when it keeps it."""
    n = len(toks)
    # (read_titles finds none unless the first word is a title: it stops at once at any other token)
    if i < n and toks[i].low in V.title_words:
        j, titles = read_titles(V, text, toks, i)
    else:
        j, titles = i, []
    k = j
    words = 0
    ranks = V.ranks
    not_names = V.not_names
    name_stoppers = V.name_stoppers
    while k < n and words < MAX_NAME_WORDS:
        tk = toks[k]
        low = tk.low
        if words >= 1 and low in ranks and tk.kind == "W" and len(tk.text) >= 3 \
                and read_titles(V, text, toks, k)[1]:
            # "Kapolsek Gambut Iptu Fadli Ramadhan": a rank inside the run starts the person;
            # the words before it belong to the post
            return read_person(V, text, toks, k, need_evidence)
        # is_name_word(V, toks, k), its common answers tested here without the call
        if tk.kind != "W" or not tk.cap or low in not_names:
            name_word = False
        elif tk.text[-1] not in "’'" and (low not in name_stoppers or len(tk.text) == 1):
            name_word = True
        else:
            name_word = is_name_word(V, toks, k)
        if name_word:
            if words >= 1 and len(tk.text) <= 2 and read_degrees(V, text, toks, k)[1]:
                break   # "Andi Aso Ashari S.T,M.Si.": the degrees begin
            # a region or a title after a complete name ends it
            if words >= 2 and (V.lex.regions.get(tk.text) or
                               (len(tk.text) > 1 and tk.low in V.title_words)):
                break
            k += 1
            words += 1
            if k < n and toks[k].text == "." and toks[k].start == tk.end and \
                    (len(tk.text) <= 3 or tk.low in ("moh", "muh")) and \
                    k + 1 < n and toks[k + 1].cap:
                k += 1   # initials: "A. Ridwan", "Moh.Sidik", "Anna. T"
            continue
        if tk.text in ("’", "'") and words and k + 1 < n and tk.start == toks[k - 1].end:
            k += 1      # "Juma’ Ali"
            continue
        break
    if words == 0:
        return None
    if words >= 2 and k + 2 < n and toks[k].text == "." and len(toks[k + 1].text) == 1 and toks[k + 1].cap and \
            not toks[k + 2].cap and toks[k + 2].text != ".":
        k += 2      # "Sonya Maudy Anna. T selaku"
    while k > j and toks[k - 1].text in ".’'":
        k -= 1
    if words == 1 and (len(toks[k - 1].text) == 1 or toks[k - 1].upper):
        return None
    if toks[j].upper and V.squash(toks[j].text) in V.not_person_acr:
        return None
    raw = text[toks[j].start:toks[k - 1].end]   # the name words (k > j: words >= 1)
    if not titles and V.squash(raw) in V.lex.org_acronyms:
        return None   # "Kemen PPPA", "Dinkes": an agency written short, not a name
    if k + 2 < n and toks[k].kind == "W" and not toks[k].cap and len(toks[k].text) >= 3 and \
            toks[k].low not in V.not_names and toks[k + 1].text == "," and read_degrees(V, text, toks, k + 1)[1]:
        k += 1      # "Drs. Andri adi, M.Si": a name word typed in lower case before the degrees
        raw = text[toks[j].start:toks[k - 1].end]
    end_name = k
    # read_degrees finds none unless a degree's first word stands at k, after at most two "," or "."
    d = k
    while d < n and toks[d].text in ",." and d - k < 2:
        d += 1
    if d < n and toks[d].low in V.degree_starts and toks[d].kind == "W":
        k2, degrees = read_degrees(V, text, toks, k)
    else:
        k2, degrees = k, []
    if need_evidence and not titles and not degrees:
        return None
    if V.squash(raw) in V.degrees or "-" in raw and raw.replace("-", "").replace(" ", "").isupper():
        return None   # "M.Si", "GT-PP TPPO": not a name
    if raw.isupper() and all(len(w) <= 5 for w in raw.split()) and not titles:
        return None   # a run of acronyms
    # (tuple.__new__ makes the same PersonRead as its generated __new__, without the Python call)
    return _PR_NEW(PersonRead, (i, j, end_name, k2 if degrees else end_name, titles, degrees, raw))


_PR_NEW = tuple.__new__


def person_mention(text: str, toks: list[Tok], parts: PersonRead) -> Mention:
    """The Person mention of what :func:`read_person` read."""
    i, j, end_name, end, titles, degrees, raw = parts
    surface = text[toks[i].start:toks[end - 1].end]
    m = Mention("Person", toks[i].start, toks[end - 1].end, surface, title_case(raw),
                {"honorific_prefix": titles, "honorific_suffix": degrees})
    if raw != surface:
        m.aliases.append(raw)
    if titles and len(titles) < 4:
        m.aliases.append(text[toks[i].start:toks[end_name - 1].end])
    return m
