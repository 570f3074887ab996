"""Who took part in the report's event and how: the main event, its date and place, organisers,
attendees (with their role) and who stood in for whom ("mewakili")."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.cues import Cue, may_contain, odd_case, words_cue
from kg.extract.document import Doc
from kg.extract.entities import key
from kg.extract.mentions import Mention
from kg.extract.places import parse_region
from kg.extract.relset import Relations, _sent_of
from kg.extract.scan import Sentence
from kg.extract.text import tokenize
from kg.model import Entity

# Cue words, each a case-insensitive whole-word alternation guarded by a substring pre-check
# (kg.extract.cues): scanning every sentence with the bare regexes cost more than all the rest.
_OPEN = "dibuka membuka pembukaan buka"
OPEN_WORDS = words_cue(_OPEN, r"(?i)\b(dibuka|membuka|pembukaan|buka)\b")
_SPEAK = ("sambutan mengatakan menyampaikan kata ujar ungkap paparan memaparkan narasumber pemateri menjelaskan "
          "menegaskan arahan laporan berharap menekankan mengungkapkan tegas jelas ucap tutur pungkas menambahkan "
          "materi dipimpin memimpin menyebutkan menyatakan menuturkan menerangkan mengimbau menggarisbawahi "
          "membawakan dibawakan")
# "-nya" forms too: "dalam paparannya", "sambutannya", "arahannya"
SPEAK_WORDS = words_cue(_SPEAK, r"(?i)\b(" + "|".join(_SPEAK.split()) + r")(?:nya)?\b")
_ATTEND = ("hadir dihadiri diikuti peserta turut menghadiri mengikuti menghadirkan melibatkan perwakilan unsur "
           "jajaran narasumber pemateri dihadirkan")
ATTEND_WORDS = words_cue(_ATTEND, r"(?i)\b(" + "|".join(_ATTEND.split()) + r")\b")
SUBJECT_ATTEND = words_cue("menghadiri mengikuti hadir mewakili", r"(?i)\b(menghadiri|mengikuti|hadir|mewakili)\b")
# A post named without its holder in an attendance or speaking list stands for its body:
# "dihadiri ... Kapolda, Kejati", "sambutan dari Kepala Dinas Kesehatan Provinsi NTB".
_BODY = "hadir dihadiri diikuti turut sambutan pemaparan paparan laporan narasumber"
BODY_CUE = words_cue(_BODY, r"(?i)\b(" + "|".join(_BODY.split()) + r")\b")
_AFTER = "diselenggarakan digelar dilaksanakan digagas diadakan diinisiasi"
ORGANIZE_AFTER = words_cue(_AFTER, r"(?i)\b(" + "|".join(_AFTER.split()) + r")\s+(oleh\s+)?$")
REPRESENT = words_cue("mewakili", r"(?i)\bmewakili\b")
REPRESENTED_BY = words_cue("diwakili", r"(?i)\b(yang\s+)?diwakili\s+(oleh\s+)?")
# "sambutan Gubernur Papua yang dibacakan oleh Kepala Dinas X, Y": the reader stands in for the speaker
READ_FOR = words_cue("dibacakan", r"(?i)\b(yang\s+)?dibacakan\s+(langsung\s+)?(oleh\s+)?")
# "Polres X melalui Kabag Ops AKP Y", "Pemerintah Provinsi lewat Asisten I, Y": Y acts for the body
THROUGH = words_cue("melalui lewat", r"(?i)\b(melalui|lewat)\s+")
# "perwakilan dari PT Bank X, Y" / "Y, perwakilan PT Bank X". (Every match of THROUGH and ON_BEHALF
# begins with one of their needles: _cue_matches tries them only there.)
ON_BEHALF = words_cue("perwakilan", r"(?i)\bperwakilan\s+(?:dari\s+)?")
_STOOD_IN = ("wakili", "dibacakan")   # in REPRESENT ("mewakili"), REPRESENTED_BY ("diwakili") and READ_FOR
_ACTING = THROUGH.needles + ON_BEHALF.needles
_STAND_IN_CUES = _STOOD_IN + _ACTING
_ORGANIZE = ("menggelar mengadakan melaksanakan menyelenggarakan menyelenggaran gelar membentuk melakukan "
             "sosialisasikan menggagas mengundang adakan laksanakan menandatangani meluncurkan mencanangkan")
ORGANIZE_VERBS = words_cue(_ORGANIZE, r"(?i)\b(" + "|".join(_ORGANIZE.split()) + r")\b")
SUPPORTED = words_cue("dukungan didukung", r"(?i)(dukungan|didukung)\s+(oleh\s+)?$")
NOT_ORGANIZING = words_cue("hadir dihadiri mewakili saat ketika", r"(?i)\b(hadir|dihadiri|mewakili|saat|ketika)\b")
BY_AGENT = words_cue("oleh digagas", r"(?i)(oleh|digagas)\s+[^.]{0,60}$")
_HELD = "diselenggarakan digelar dilaksanakan digagas diadakan"
HELD_BY = words_cue(_HELD, r"(?i)(" + "|".join(_HELD.split()) + r")\s+(oleh\s+)?(?:\S+\s+){0,12}$")
LED_BY = words_cue("dipimpin ketua panitia", r"(?i)(dipimpin|ketua panitia)\s*(langsung\s*)?(oleh\s*)?[,]?\s*$")
_WEEKDAY = re.compile(r"(?i)(senin|selasa|rabu|kamis|jum.?at|sabtu|minggu)")
_YEAR = re.compile(r"(2(?<=\b2)0[0-3]\d)\b")   # "\b(20[0-3]\d)\b", with the "\b" after the "2": re skips ahead to it
_BARE_POST = re.compile(r"\s*(wali\s*kota|walikota|bupati|gubernur|kapolda|kapolres)\b", re.I)
# what puts a body beside the host of a signing: "A bersama B dan C menandatangani", "A dengan B"
_PARTNER = re.compile(r"\b(?:bersama(?:\s+dengan)?|dengan)\b", re.I)
PURPOSE = re.compile(r"(?i)\bdalam rangka\s+(?:me\w+\s+)?([^,.;]{10,120})")


def _aside(before: str) -> bool:
    """True when a mention stands inside brackets opened with other words before it ("(Kemitraan
    Pemerintah Indonesia – Australia)"), not when the brackets hold just its name ("(BPBD)")."""
    at = before.rfind("(")
    return at >= 0 and before.find(")", at) < 0 and before[at + 1:].strip() != ""


def _main_event(doc: Doc, events: list[Mention]) -> Mention | None:
    best, best_score = None, -1e9
    for m in events:
        words = m.props.get("n_words", 1)
        trig = m.props.get("trigger")
        if words < 2 and trig not in ("organize", "open", "attend"):
            continue
        score = 0.0 if words >= 2 else -2.5
        if not trig and not m.surface[0].isupper():
            score -= 2
        score += {"organize": 4, "open": 3, "attend": 3, "ref": 1}.get(trig or "", 0)
        score += min(words, 8) * 0.3
        score -= m.sent * 0.6
        if m.surface[0].isupper():
            score += 1
        if score > best_score:
            best, best_score = m, score
    return best


def _events(doc: Doc, R: Relations, events: list[Mention], ent_of, persons, venues, funds) -> None:
    reg = doc.reg
    main = _main_event(doc, events)
    if main is None:
        return
    sent0 = _sent_of(doc, main.start)
    from kg.extract.dates import find_dates, has_day_slash_month, parse_published
    pub = parse_published(doc.published)
    span = 1
    # without a publication date the report's own latest date stands in, found (a scan of the whole
    # body) only once a sentence holds a short date ("d/m"), the only kind that needs it
    unread = pub is None
    if unread:
        span = 6
    # the date: in the event's sentence, else the next ones, else the first in the body
    date = None
    order = [sent0] + [s for s in doc.sents if s is not sent0 and s.start >= doc.title_end]
    found = []
    for rank, s in enumerate(order[:6]):
        if s is None:
            continue
        text = doc.clean[s.start:s.end]
        if unread and has_day_slash_month(text):
            pub, unread = _reference_date(doc), False
        for d in find_dates(text, pub, s.start, span):
            if d.iso and not (d.start - doc.title_end < 40 and doc.clean[doc.title_end:d.start].strip() == ""):
                # a date with its weekday is the event's; nearer sentences first
                found.append((rank + (0 if _has_weekday(d.text) else 1.5), abs(d.start - main.start), d))
    if found:
        date = min(found, key=lambda f: (f[0], f[1]))[2]
    props = {"kind": main.props.get("kind"), "date": date.iso if date else None,
             "date_text": date.text if date else None, "date_warning": date.warning if date else None}
    if date is None and doc.published and len(doc.published) >= 7:
        props["date"] = None
    name = main.name
    if main.props.get("n_words", 1) < 2 and sent0 is not None:
        # "mengadakan sosialisasi" named by its purpose: "Dalam rangka mencegah X, ... sosialisasi"
        pm = PURPOSE.search(sent0.text)
        if pm:
            name = f"{main.surface[:1].upper()}{main.surface[1:]} {pm.group(1).strip()}"
    ev = reg.add("Event", name, main.surface, main, props, main.aliases)
    same = [main]
    for m in events:
        if m is not main and _similar(m.name, main.name):
            same.append(m)
            if m.props.get("n_words", 1) >= 3:
                reg.alias(ev, m.surface)
    # HELD_AT: venues and areas of the event's sentence (and the next one when it says where)
    held = []
    for ent, m in venues:
        if m.sent in (main.sent, main.sent + 1, main.sent + 2) or len(venues) == 1:
            held.append((ent, m))
            if len(held) >= 3:
                break
    for ent, m in held:
        R.add(ev, "HELD_AT", ent, _sent_of(doc, m.start), 0.8)
    area = None
    # up the LOCATED_IN chain: room -> building -> area ("Ruang Melati, Hotel Sasando, Kota Kupang")
    frontier = [ent.id for ent, _ in held]
    for _ in range(3):
        up = []
        for rel in R.out:
            if rel.s in frontier and rel.p == "LOCATED_IN":
                tgt = reg.entities[int(rel.o[1:]) - 1]
                if tgt.props.get("kind") in ("city", "regency", "province"):
                    area = area or tgt
                if tgt.props.get("kind") == "venue":
                    R.add(ev, "HELD_AT", tgt, None, 0.6)
                    up.append(tgt.id)
        frontier = up
        if not frontier:
            break
    if area is None and sent0 is not None:
        for p in doc.sents[sent0.index].mentions if sent0.index < len(doc.sents) else []:
            if p.type == "Place" and p.region is not None and doc.clean[max(0, p.start - 4):p.start].strip() \
                    in ("di", "Di"):
                area = ent_of.get(id(p))
                break
    if area is None:
        area = _area_in_name(doc, main)
    if area is not None:
        R.add(ev, "HELD_AT", area, sent0, 0.6)
    # participants
    organizers: set[str] = set()
    members_of = {r.o for r in R.out if r.p == "MEMBER_OF"}
    # sentences that speak of the event: its own mentions and the dozen after it (a report is a page)
    near = {em.sent for em in same} | set(range(main.sent, main.sent + 13))
    signing = (main.props.get("kind") or "").lower() == "penandatanganan"
    for s in doc.sents:
        if s.start < doc.title_end or s.index not in near or not s.mentions:
            continue
        stext = doc.clean
        for idx, m in enumerate(s.mentions):
            ent = ent_of.get(id(m))
            if ent is None or ent.type not in ("Organization", "Person"):
                if m.type == "Office" and m.org is not None:
                    ent = ent_of.get(id(m.org))
                    if ent is None:
                        continue
                else:
                    continue
            before = stext[s.start:m.start]
            if ent.type == "Organization" and ent.props.get("kind") == "generic":
                continue
            organizing = False
            # "dengan dukungan Program X (Kemitraan Pemerintah A – B) menggelar": an aside in brackets is
            # not the subject of the verb; nor, at a signing, a partner ("A bersama B dan C
            # menandatangani"): the partners sign, the host organises
            partner = signing and s.index == main.sent and _PARTNER.search(before) is not None
            supported = SUPPORTED.search(before[-30:]) or partner or _aside(before)
            for em in same:
                if supported:
                    break
                if s.index == em.sent and m.end <= em.start and ORGANIZE_VERBS.search(stext[m.end:em.start]) \
                        and not NOT_ORGANIZING.search(stext[m.end:em.start]):
                    organizing = True
            if ORGANIZE_AFTER.search(before[-40:]) or BY_AGENT.search(before) and \
                    HELD_BY.search(before) and s.index <= main.sent + 2:
                organizing = True
            if ent.type == "Person":
                lead = before
                if idx > 0 and s.mentions[idx - 1].type == "Office" and \
                        not doc.clean[s.mentions[idx - 1].end:m.start].strip(" ,("):
                    lead = stext[s.start:s.mentions[idx - 1].start]   # "dipimpin Sekda Banjar X"
                if LED_BY.search(lead[-40:]):
                    organizing = True
            if organizing:
                organizers.add(ent.id)
                R.add(ent, "ORGANIZED", ev, s, 0.7)
            elif partner and ent.type == "Organization":
                R.add(ent, "ATTENDED", ev, s, 0.6, "attended")   # a signatory
        # attendance of organisations named in a "dihadiri / turut hadir / peserta" sentence
        cue = ATTEND_WORDS.search(s.text)
        if cue and s.index <= main.sent + 12:
            cue_at = s.start + cue.start()
            subj = SUBJECT_ATTEND.search(s.text)
            for idx, m in enumerate(s.mentions):
                ent = ent_of.get(id(m))
                if ent is None or ent.type != "Organization" or ent.id in organizers or \
                        ent.props.get("kind") in ("generic",):
                    continue
                # listed after the cue ("dihadiri oleh A, B"), or the subject of "X menghadiri"
                after_cue = m.start >= cue_at
                first_org = next((x for x in s.mentions if x.type == "Organization"), None)
                is_subject = subj is not None and m.end <= s.start + subj.start() and m is first_org
                if not (after_cue or is_subject):
                    continue
                nxt = s.mentions[idx + 1] if idx + 1 < len(s.mentions) else None
                if nxt is not None and nxt.type == "Person" and doc.clean[m.end:nxt.start].strip() == "(":
                    continue   # "Biro Kesra (Rudi Efendi, ...)": the person came, from that body
                if ent.id in members_of:
                    continue   # its people came: "Narasumber dari HIMPSI Jambi, X dan Y"
                R.add(ent, "ATTENDED", ev, s, 0.6, "attended")
        body_cue = BODY_CUE.search(s.text)
        if body_cue and s.index <= main.sent + 12:
            held = {id(o) for _, o in s.holds}
            for m in s.mentions:
                if m.type != "Office" or id(m) in held or m.start < s.start + body_cue.start():
                    continue
                explicit = m.props.get("region_mention") is not None or (
                    m.org is not None and m.org.props.get("region_mention") is not None)
                if not explicit:
                    continue   # "Bupati dan Wali Kota" with no place: which bodies is not said
                off = ent_of.get(id(m))
                org = doc.office_org.get(off.id) if off is not None else None
                if org is not None and org.id not in organizers and org.id not in members_of and \
                        org.props.get("kind") != "generic":
                    R.add(org, "ATTENDED", ev, s, 0.5, "attended")
    # a team or forum the event is named after met there: "Rapat Tim Gugus Tugas TPPO Kabupaten Bintan"
    for ent in reg.entities:
        if ent.type == "Organization" and ent.props.get("kind") in ("task_force", "forum") and \
                ent.id not in organizers and _named_in(ent, ev.name):
            R.add(ent, "ATTENDED", ev, sent0, 0.5, "attended")
    # every person of the report took part (with the role their sentence gives), except those
    # someone else stood in for
    R.doc.main_event = ev
    _represented(doc, R, ent_of)
    stood_in = {r.o for r in R.out if r.p == "REPRESENTED"}
    stood_in |= {r.s for r in R.out if r.p == "HOLDS" and r.o in stood_in}   # the holder of a post stood in for
    cue_hits: dict[int, list[tuple[int, int, str]]] = {}
    for pe in persons:
        if pe.id in stood_in or _only_cited(doc, pe):
            continue
        first = pe.mentions[0] if pe.mentions else None
        s = _sent_of(doc, first.start) if first else None
        R.add(pe, "ATTENDED", ev, s, 0.6, _role(doc, pe, cue_hits))
    R.doc.main_event = ev


_ROLE_RANK = {"attended": 0, "spoke": 1, "represented": 2, "opened": 3}
_ROLE_CUES = (("opened", OPEN_WORDS), ("spoke", SPEAK_WORDS), ("represented", REPRESENT),
              ("attended", ATTEND_WORDS))
_CLAUSE_END = re.compile(r"[.;:]|\b(?:dan|serta|sementara|kemudian|lalu)\b", re.I)


def _role(doc: Doc, pe: Entity, hits_of: dict[int, list[tuple[int, int, str]]]) -> str:
    """How a person took part, read in each of their sentences (the strongest reading wins:
    opened > represented > spoke > attended).

    Two readings per sentence: the verbs in the name's own clause after it ("X membuka", "X dalam
    sambutannya mengatakan", "X mewakili"), and the nearest cue before it ("dibuka oleh Bupati X",
    "narasumber ... yaitu X", "turut hadir X": a later "dihadiri" overrides an earlier "dibuka").
    ``hits_of`` caches each sentence's cues (offsets into the report, role), found once per sentence.
    """
    best = "attended"
    for m in pe.mentions[:6]:
        s = _sent_of(doc, m.start)
        if s is None:
            continue
        hits = hits_of.get(s.index)
        if hits is None:
            hits = hits_of[s.index] = sorted((s.start + h.start(), s.start + h.end(), name)
                                             for name, cue in _ROLE_CUES for h in cue.finditer(s.text))
        stop = min(s.end, m.end + 60)
        cut = _CLAUSE_END.search(doc.clean, m.end, stop)
        stop = cut.start() if cut else stop
        verb = near = None
        for start, end, name in hits:
            if start < m.start and end <= m.start:
                near = name                      # the last cue before the name
            elif start >= m.end and end <= stop and _ROLE_RANK[name] > _ROLE_RANK.get(verb or "", -1):
                verb = name                      # the strongest verb of the name's clause
        for role in (verb, near):
            if role is not None and _ROLE_RANK[role] > _ROLE_RANK[best]:
                best = role
    return best


# "sesuai arahan Presiden X", "menindaklanjuti instruksi Gubernur X", "mengutip Menteri X": a person cited,
# not one who came ("arahan dari Bupati X" alone is a speech at the meeting: not a citation)
CITED = words_cue("sesuai berdasarkan menindaklanjuti mengutip dikutip",
                  r"(?i)(\b(sesuai|berdasarkan|menindaklanjuti)\s+(dengan\s+)?(arahan|instruksi|perintah|amanat|"
                  r"petunjuk)|\bmengutip|\bdikutip\s+dari)\b[^.;:!?]{0,40}$")


def _only_cited(doc: Doc, pe: Entity) -> bool:
    """True when every mention of the person is a citation ("Sesuai arahan bapak Presiden RI, Joko
    Widodo"): someone whose words are quoted at a meeting did not take part in it."""
    if not pe.mentions:
        return False
    for m in pe.mentions:
        s = _sent_of(doc, m.start)
        lead = doc.clean[s.start if s is not None else max(0, m.start - 80):m.start]
        if not CITED.search(lead[-60:]):
            return False
    return True


def _area_in_name(doc: Doc, main: Mention) -> Entity | None:
    """The area an event without a venue names itself by: "Rapat Koordinasi Sub PIN Polio Kabupaten
    Brebes" -> Kabupaten Brebes. Only a region written with its keyword counts, and not "se-Bali"
    (every TPID of Bali)."""
    toks = tokenize(doc.clean[main.start:main.end], main.start)
    found = None
    for i in range(1, len(toks)):
        if toks[i].low not in doc.V.region_kw or toks[i - 1].low in ("se-", "se"):
            continue
        r = parse_region(doc.V, doc.clean, toks, i)
        if r is not None and r.region is not None and r.props.get("explicit_kind"):
            found = r
    return doc.place(found.region, found.surface, found, bare_ok=False) if found is not None else None


def _named_in(ent: Entity, name: str) -> bool:
    """True when ``name`` holds the body's name (with or without its jurisdiction) or an alias of two
    words or more, or its acronym, as whole words; an acronym defined inside ``name`` counts for its
    words."""
    low = f" {_collapse_acronyms(name).lower()} "
    jur = ent.props.get("jurisdiction") or ""
    forms = [ent.name] + [a for a in ent.aliases if len(a.split()) >= 2 or (a.isupper() and len(a) >= 3)]
    if jur and ent.name.endswith(" " + jur):
        forms.append(ent.name[: -len(jur) - 1])
    return any(f" {f.lower()} " in low or f" {f.lower()}," in low for f in forms if f)


_DEFINED = re.compile(r"((?:[^\W\d_]+\s+){1,8})\(([A-Z][A-Za-z]{1,9})\)")


@lru_cache(maxsize=1024)
def _collapse_acronyms(text: str) -> str:
    """Write an acronym defined in place in place of its words: "Gugus Tugas Tindak Pidana Perdagangan
    Orang (TPPO)" -> "Gugus Tugas TPPO" (the words' initials must spell it)."""
    if "(" not in text:
        return text
    def short(m: re.Match) -> str:
        words, acr = m.group(1).split(), m.group(2)
        k = len(acr)
        if len(words) >= k and "".join(w[0] for w in words[-k:]).upper() == acr.upper():
            return " ".join(words[:-k] + [acr])
        return m.group(0)
    return _DEFINED.sub(short, text)


def _has_weekday(text: str) -> bool:
    return bool(_WEEKDAY.match(text))


def _reference_date(doc: Doc):
    """Without a publication date, the report's own latest full date (or latest year, at its end)
    stands in for it, so that "Rabu (26/11)" still gets a year."""
    import datetime as dt

    from kg.extract.dates import find_dates
    pm = doc.published or ""
    if len(pm) == 7:   # "YYYY-MM": the month is known
        try:
            y, mth = int(pm[:4]), int(pm[5:7])
            return dt.date(y + (mth == 12), 1 if mth == 12 else mth + 1, 1) - dt.timedelta(days=1)
        except ValueError:
            pass
    body = doc.clean[doc.title_end:]
    full = [d.iso for d in find_dates(body) if d.iso]
    if full:
        return dt.date.fromisoformat(max(full))
    years = [int(y) for y in _YEAR.findall(body)]
    if years:
        return dt.date(max(years), 12, 31)
    return None


def _inside_person_context(doc: Doc, s: Sentence, m: Mention) -> bool:
    return False


def _similar(a: str, b: str) -> bool:
    a, b = key(a).replace("rakor", "rapat koordinasi"), key(b).replace("rakor", "rapat koordinasi")
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) * 2 / (len(wa) + len(wb) or 1) >= 0.6


# Gaps between mentions. Two people of one list: a comma, "dan" or "serta" ("A, B dan C", "A, S.E., dan B").
LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:dan|serta)\s+)?|(?:dan|serta)\s+)")
# A post or a body and the person named with it: "Kepala Bappeda (Bappeda) Sujarwo", "Wakil Bupati, Mansur".
NAME_GAP = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,?\s*")
_SPACE = re.compile(r"\s*")
_COMMA_GAP = re.compile(r"[\s,]*")
# a person and the "mewakili" said of them alone: "C yang mewakili Kapolres", "C, Kabag Ops, mewakili"
_APPOSED = re.compile(r"[\s,()]*(?:yang\s+)?")
_SPEECH = re.compile(r"(?i)\b(?:sambutan|amanat|pidato|arahan)(?:nya)?\s+(?:tertulis\s+)?(?:dari\s+)?$")
# where a quote closes and is put to its speaker: "...,” kata Rahmani."
_QUOTE_CLOSE = re.compile(r"[\u201d\"]")
_SAID = re.compile(r"[\u201d\"]\s*[,.]?\s*(?:kata|ujar|ucap|tutur|ungkap|jelas|tegas|terang|sebut|pungkas)(?:nya)?\s+",
                   re.I)
_ON_BEHALF_OF = re.compile(r"[\s,]*(?:selaku\s+|sebagai\s+)?")
_LIST_LEAD = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?[,:]?\s*(?:(?:yaitu|yakni)\s+)?")


def _represented(doc: Doc, R: Relations, ent_of) -> None:
    """"X mewakili Y", "Y yang diwakili (oleh) X", "sambutan Y yang dibacakan oleh X"; then, for people
    who stood in for no one by those words, "ORG melalui (post) X" and "perwakilan (dari) ORG, X"."""
    cued = [s for s in doc.sents if s.start >= doc.title_end and may_contain(s.text, _STAND_IN_CUES)]
    if not cued:
        return
    explicit = [s for s in cued if may_contain(s.text, _STOOD_IN)]
    holder = _single_holders(doc, R) if explicit else {}
    for s in explicit:
        ms = [m for m in s.mentions if ent_of.get(id(m)) is not None and
              ent_of[id(m)].type in ("Person", "Office", "Organization")]
        _stood_in(doc, R, s, ms, ent_of, holder)
        for hit in REPRESENTED_BY.finditer(s.text):
            pos = s.start + hit.start()
            before = [m for m in ms if m.end <= pos]
            after = [m for m in ms if m.start >= s.start + hit.end() and ent_of[id(m)].type == "Person"]
            # "Pj Bupati yang diwakili oleh Sekda, ..." names its stand-in by a post held in the report
            agent = _agent_at(doc, ms, s.start + hit.end(), ent_of, holder) or \
                (ent_of[id(after[0])] if after else None)
            if before and agent is not None:
                # "Bupati Wajo HA Burhanuddin Unru yang diwakili oleh ..." -> the person
                R.add(agent, "REPRESENTED", ent_of[id(before[-1])], s, 0.7)
        for hit in READ_FOR.finditer(s.text):
            speaker = _speaker_before(doc, ms, s.start + hit.start(), ent_of)
            agent = _agent_at(doc, ms, s.start + hit.end(), ent_of, holder)
            if speaker is not None and agent is not None:
                R.add(agent, "REPRESENTED", speaker, s, 0.7)
    # acting for a body without the word "mewakili": only for people not already standing in for someone
    stood_in = None
    for s in cued:
        if not any(m.type == "Person" for m in s.mentions):
            continue   # the one acting for a body is named in the sentence
        for agent, body in _acting_for(doc, s, ent_of):
            if stood_in is None:
                stood_in = {r.s for r in R.out if r.p == "REPRESENTED"}
            if agent.id not in stood_in:
                R.add(agent, "REPRESENTED", body, s, 0.6)


def _cue_matches(cue: Cue, text: str, low: str) -> list[re.Match]:
    """The matches of a cue whose matches all begin with one of its needles, tried only where a needle
    starts in ``low`` (``text.lower()``): a case-insensitive pattern tried at every character is slow."""
    if odd_case(text, low):
        return list(cue.rx.finditer(text))
    out = []
    for n in cue.needles:
        i = low.find(n)
        while i >= 0:
            m = cue.rx.match(text, i)
            if m is not None:
                out.append(m)
            i = low.find(n, i + 1)
    return out


def _stood_in(doc: Doc, R: Relations, s: Sentence, ms: list[Mention], ent_of, holder) -> None:
    """"X mewakili Y" (and "A dan B, bersama tim, mewakili Y"); "mewakili wali kota, Sekda ..." (the
    Sekda's holder); a quote opening with "Mewakili PT X, kami ..." said by the person it is put to."""
    text = doc.clean
    for hit in REPRESENT.finditer(s.text):
        pos = s.start + hit.start()
        before = [m for m in ms if m.end <= pos and ent_of[id(m)].type in ("Person",)]
        after = [m for m in ms if m.start >= pos + 8]
        subjects = [ent_of[id(m)] for m in _who_stood_in(doc, s, ms, before[-1], pos)] if before else []
        if not subjects:
            # "Dalam sambutannya mewakili wali kota, Sekda ..." -> the person (or post holder) after
            # (not the one named right after "mewakili": that is who they stood in for)
            named = after[0] if after and _SPACE.fullmatch(text, pos + 8, after[0].start) else None
            k = next((k for k, m in enumerate(ms) if m.start > pos and m is not named and (
                ent_of[id(m)].type == "Person" or _held(m, ent_of, holder))), None)
            if k is not None:
                subjects = [_held(ms[k], ent_of, holder) or ent_of[id(ms[k])]]
                after = [m for m in after if m.end <= ms[k].start]
            elif text[s.start:pos].strip() in ('"', "\u201c", "'"):
                subjects = [p for p in [_quote_speaker(doc, s, ent_of, holder)] if p is not None]
        if not after:
            # a bare "wali kota" / "Kapolda": the post of the report's jurisdiction
            obj = _bare_post(doc, text[pos + 8:s.end])
        else:
            obj = ent_of[id(after[0])]
        for subj in subjects:
            if obj is not None and subj.type == "Person":
                R.add(subj, "REPRESENTED", obj, s, 0.7)


def _who_stood_in(doc: Doc, s: Sentence, ms: list[Mention], last: Mention, pos: int) -> list[Mention]:
    """The person before "mewakili" and, when "mewakili" is said of them all rather than put after the
    last one's name, the people listed with them: "A, S.E., dan Analis Kebijakan B, bersama tim, mewakili"
    (but only C in "Turut hadir A, B dan C yang mewakili Kapolres")."""
    text = doc.clean
    gap = text[last.end:pos]
    for m in ms:
        if last.end <= m.start and m.end <= pos and m.type == "Office":
            gap = gap.replace(text[m.start:m.end], " ")   # "C, Kabag Ops Polres X, mewakili"
    if _APPOSED.fullmatch(gap) or "masing" in gap.lower():
        return [last]
    group = _people_back(doc, ms, ms.index(last))
    first = min(m.start for m in group)
    if len(group) > 1 and ATTEND_WORDS.search(text[s.start:first]):
        return [last]   # "Hadir A, B dan C, bersama jajaran, mewakili ...": a list of guests
    return group


def _people_back(doc: Doc, ms: list[Mention], k: int) -> list[Mention]:
    """The person ``ms[k]`` and the people listed before them, each maybe after their post:
    "Analis A, Sukaryadi, S.E., dan Analis B, Samsul Bahri" read back from Samsul Bahri."""
    text = doc.clean
    out = [ms[k]]
    while True:
        j = k
        if j > 0 and ms[j - 1].type == "Office" and NAME_GAP.fullmatch(text, ms[j - 1].end, ms[j].start):
            j -= 1
        if j > 0 and ms[j - 1].type == "Person" and LIST_GAP.fullmatch(text, ms[j - 1].end, ms[j].start):
            k = j - 1
            out.append(ms[k])
        else:
            return out


def people_list(doc: Doc, ms: list[Mention], k: int, at: int, ent_of) -> list[Mention]:
    """The people listed from offset ``at`` on (``ms[k]`` the first mention there), each maybe after
    their post: "Ketua PKK Santi Rosalia, Kepala Bappeda Sujarwo dan Kepala Dinas Kesehatan Yulies Nuraya"."""
    text = doc.clean
    out: list[Mention] = []
    gap = _SPACE
    while k < len(ms) and gap.fullmatch(text, at, ms[k].start):
        post = k
        if ms[k].type == "Office" and k + 2 < len(ms) and ms[k + 1].type == "Organization" and \
                _SPACE.fullmatch(text, ms[k].end, ms[k + 1].start):
            post = k + 1   # a post read apart from its body: "Asisten II Setda Provinsi X, Drs. A"
        if ms[k].type == "Office" and post + 1 < len(ms) and ms[post + 1].type == "Person" and \
                NAME_GAP.fullmatch(text, ms[post].end, ms[post + 1].start):
            k = post + 1   # the person's post first
        if ms[k].type != "Person" or ent_of.get(id(ms[k])) is None:
            break
        out.append(ms[k])
        at, k, gap = ms[k].end, k + 1, LIST_GAP
    return out


def _agent_at(doc: Doc, ms: list[Mention], at: int, ent_of, holder) -> Entity | None:
    """The one named at offset ``at``: a person ("Kepala Dinas X Juma' Ali" -> Juma' Ali), or a post
    whose holder the report names ("Sekda" -> the Sekda)."""
    k = next((k for k, m in enumerate(ms) if m.start >= at), None)
    if k is None or not _SPACE.fullmatch(doc.clean, at, ms[k].start):
        return None
    people = people_list(doc, ms, k, at, ent_of)
    if people:
        return ent_of[id(people[0])]
    return _held(ms[k], ent_of, holder)


def _speaker_before(doc: Doc, ms: list[Mention], pos: int, ent_of) -> Entity | None:
    """Whose speech is read out: "sambutan Gubernur Papua yang dibacakan ..." -> the Gubernur (a post),
    "amanat Bupati X, Budi, yang dibacakan ..." -> Budi."""
    text = doc.clean
    k = next((k for k in range(len(ms) - 1, -1, -1) if ms[k].end <= pos), None)
    if k is None or not _COMMA_GAP.fullmatch(text, ms[k].end, pos):
        return None
    first = k
    if first > 0 and ms[k].type == "Person" and ms[k - 1].type == "Office" and \
            NAME_GAP.fullmatch(text, ms[k - 1].end, ms[k].start):
        first = k - 1
    if not _SPEECH.search(text, max(0, ms[first].start - 30), ms[first].start):
        return None
    return ent_of[id(ms[k])]


def _quote_speaker(doc: Doc, s: Sentence, ent_of, holder) -> Entity | None:
    """Who says a quote that opens in ``s``: the person after "kata" / "ujar" where it closes, within
    three sentences ("Mewakili PT X, kami ... ," kata Rahmani.)."""
    for sent in doc.sents[s.index:s.index + 3]:
        if _QUOTE_CLOSE.search(sent.text, 1 if sent is s else 0):
            said = _SAID.search(sent.text, 1 if sent is s else 0)
            ms = [m for m in sent.mentions if ent_of.get(id(m)) is not None]
            return _agent_at(doc, ms, sent.start + said.end(), ent_of, holder) if said else None
    return None


def _acting_for(doc: Doc, s: Sentence, ent_of):
    """(person, body) pairs of "ORG melalui (post) X" ("Polres OKU Selatan melalui Kabag Ops AKP Isya
    Ansori", "Kanwil X melalui Kepala Divisi Y, Farida, dan Kepala Bidang Z, Budi") and of "perwakilan
    (dari) ORG, X" / "X, perwakilan ORG"."""
    text = doc.clean
    low = s.text.lower()
    # "melalui" right after a name ("Polres X melalui"), not "melalui program ..." after a common word
    through = [hit for hit in _cue_matches(THROUGH, s.text, low) if _named_before(doc, s, s.start + hit.start())]
    behalf = _cue_matches(ON_BEHALF, s.text, low)
    if not through and not behalf:
        return
    ms = [m for m in s.mentions if ent_of.get(id(m)) is not None and
          ent_of[id(m)].type in ("Person", "Office", "Organization")]
    for hit in through:
        pos, at = s.start + hit.start(), s.start + hit.end()
        k = next((k for k in range(len(ms) - 1, -1, -1) if ms[k].end <= pos), None)
        if k is None or not NAME_GAP.fullmatch(text, ms[k].end, pos):
            continue
        body = ent_of[id(ms[k])]
        if body.props.get("kind") != "programme":
            # "Polres X melalui ...": the body; "Kapolres AKBP Budi melalui ...": the person;
            # "Kepala Dinas melalui Kabid Y": the post
            j = next((j for j, m in enumerate(ms) if m.start >= at), len(ms))
            for pm in people_list(doc, ms, j, at, ent_of):
                yield ent_of[id(pm)], body
    for hit in behalf:
        pos, at = s.start + hit.start(), s.start + hit.end()
        j = next((j for j, m in enumerate(ms) if m.start >= at), len(ms))
        if j == len(ms) or ms[j].start != at or ms[j].type != "Organization" or any(
                m.start <= pos < m.end for m in ms):
            continue   # "Kepala Perwakilan BKKBN": the word is part of a name
        body = ent_of[id(ms[j])]
        if j > 0 and ms[j - 1].type == "Person" and _ON_BEHALF_OF.fullmatch(text, ms[j - 1].end, pos):
            yield ent_of[id(ms[j - 1])], body   # "Budi, perwakilan PT X"
            continue
        lead = _LIST_LEAD.match(text, ms[j].end)
        for pm in people_list(doc, ms, j + 1, lead.end(), ent_of):
            yield ent_of[id(pm)], body   # "perwakilan dari PT Bank X, Y"


def _named_before(doc: Doc, s: Sentence, pos: int) -> bool:
    """Whether a mention of ``s`` ends just before offset ``pos`` (a comma or an acronym between)."""
    prev = None
    for m in s.mentions:
        if m.end <= pos:
            prev = m
    return prev is not None and NAME_GAP.fullmatch(doc.clean, prev.end, pos) is not None


def _single_holders(doc: Doc, R: Relations) -> dict[str, Entity]:
    """Post id -> the one person the report says holds it."""
    by_post: dict[str, list[str]] = {}
    for r in R.out:
        if r.p == "HOLDS":
            by_post.setdefault(r.o, []).append(r.s)
    return {oid: doc.reg.entities[int(pids[0][1:]) - 1] for oid, pids in by_post.items() if len(pids) == 1}


def _held(m: Mention, ent_of, holder: dict[str, Entity]) -> Entity | None:
    """The holder of the post mention ``m`` ("Sekda" -> the Sekda the report names), if it is one."""
    ent = ent_of.get(id(m))
    return holder.get(ent.id) if m.type == "Office" and ent is not None else None


def _bare_post(doc: Doc, after: str) -> Entity | None:
    m = _BARE_POST.match(after)
    if not m:
        return None
    word = m.group(1).lower().replace(" ", "")
    role = {"walikota": "Wali Kota", "bupati": "Bupati", "gubernur": "Gubernur"}.get(word)
    if role is None:
        return None
    level = {"Wali Kota": "city", "Bupati": "regency", "Gubernur": "province"}[role]
    region = doc.default_for(level)
    if region is None:
        return None
    ent = doc.reg.add("Office", f"{role} {region.name}", m.group(1), None, {"role": role})
    gov = doc.government(level, region)
    doc.pending_post_in.append((ent, gov))
    return ent
