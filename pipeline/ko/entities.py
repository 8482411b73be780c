"""Korean entities: economies, organisations, people with titles, dates and events, on kiwi's tokens.

Matching (the ``find_*`` functions, pure on the Doc and the lexicon) is kept apart from setting annotations
(:class:`KoEntities`), so each finder is tested alone. Gazetteer names are matched on the text and kept only where
they coincide with the analyser's token boundaries and parts of speech: "인도" is India as a proper noun, not in
"인도적 지원" (humanitarian aid); "이란" is Iran, not the particle of "협력이란".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.engine import ids
from pipeline.ko.lexicon import (
    FAMILY_SYLLABLES,
    KoLexicon,
    Official,
    display_name,
    doc_text,
    english_person_id,
    initial_of,
    load_ko_lexicon,
    romanize_name,
    romanize_syllable_word,
)
from schemas.models import Economy, Event, Initiative, InitiativeLink, Organization, Person

_NOMINAL = re.compile(r"^(?:NN[GPB]|NR|NP|SL|SH|SN|XSN|W_SERIAL|XPN|XR)")
_HANGUL = re.compile(r"^[가-힣]+$")
#: A Korean name in the ministry's Latin form: "Cho Tae-yul", "Kim Sung-han".
_KOREAN_LATIN = re.compile(r"^[A-Z][a-z]{0,5} [A-Z][a-z]+-[a-z]+$")
#: The analyser's dictionary gives some foreign names as one proper noun of several words ("후안 마누엘 산토스").
_HANGUL_WORDS = re.compile(r"^[가-힣]+(?: [가-힣]+){0,3}$")
#: Syllables before a title that are no surname: 양 장관 'both ministers', 전 장관 'former minister', 각 'each'.
_NOT_SURNAMES = frozenset("양전각현본동당귀주제부차총신前")
_SEPARATORS = "-·ㆍ・‧∙"
_WEEKDAYS = "월화수목금토일"
#: Words in a run of nouns before a meeting noun that belong to no meeting's name (deictic or honorific).
_EVENT_NOT_NAME = frozenset({"이번", "금번", "今番", "동", "해당", "님", "장관님", "당시", "이날", "지난", "오늘"})
#: Common words after which a meeting's name opens anew: a list's 등 / 겸 (a person's second title) / 간 (between),
#: 내 (within), 중 (during; not the 중 of 한-중), 계기 (on the occasion of another meeting: "G7 회의 계기 한일
#: 외교장관회담") and the time of day.
_EVENT_BREAK = frozenset({"등", "겸", "간", "내", "중", "계기", "오전", "오후", "현지시간"})
_EVENT_OPENER = re.compile(r"제\d+[차회]|(?:19|20)\d\d년?|[A-Z][A-Z0-9]{1,8}")  # ordinal, year, acronym
_EVENT_HEADS = ("정상회의", "외교장관회의", "장관회의", "고위관리회의", "회의", "회담", "포럼", "라운드테이블", "총회",
                "전략대화", "정책협의회", "협의회", "대화", "심포지엄", "세미나", "박람회", "엑스포", "서밋",
                "각료이사회", "고위급회기", "회기", "일반토의", "공개토의", "토의", "전화통화", "화상통화", "통화",
                "공동위원회", "협의", "국빈방문", "공식방문", "실무방문", "국빈 방문", "공식 방문", "실무 방문")
_EVENT_HEAD_PATTERN = "|".join(re.escape(h) for h in sorted(_EVENT_HEADS, key=len, reverse=True))
_EVENT_HEAD_RE = re.compile(f"(?:{_EVENT_HEAD_PATTERN})")
#: A dialogue, consultation or call of its parties alone is a process or an act, not a named meeting (남북대화).
_NEEDS_WORD = frozenset({"대화", "협의", "통화", "전화통화", "화상통화"})
#: Visits, each a state's (콜롬비아 공식방문): hosted by it.
_VISITS = frozenset({"국빈방문", "공식방문", "실무방문", "국빈 방문", "공식 방문", "실무 방문"})
#: Heads that alone name any meeting ("이번 회담"); with a word of their kind they name the release's (외교장관회담).
_GENERIC_KINDS = frozenset({"회의", "회담", "포럼", "총회", "대화", "협의", "통화", "토의", "회기"})
#: The release's own meeting named by its kind: the offices that meet and the meeting.
_OWN_MEETING = re.compile(r"(?:외교장관|외교차관|외무장관|외교부\s?장관|정상|장관|차관)\s?(?:회담|회의|전화통화|통화)")
_QUOTED_EVENT = re.compile(r"「([^」\n]{2,60})」|“([^”\n]{2,60})”|\"([^\"\n]{2,60})\"|[‘']([^’'\n]{2,60})[’']")


@dataclass
class Found:
    """One mention found: character offsets, kind and entity id (plus what the record needs)."""

    start: int
    end: int
    kind: str
    entity_id: str
    info: dict = field(default_factory=dict)


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end)  # strict: None unless both ends are token boundaries


def _all_nominal(span: Span) -> bool:
    return all(t.is_space or _NOMINAL.match(t.tag_) for t in span)


def _alternation(names: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


class Matchers:
    """Compiled regular expressions of one lexicon (built once per component)."""

    def __init__(self, lex: KoLexicon) -> None:
        self.lex = lex
        self.economies = _alternation(list(lex.economy_names))
        self.orgs = _alternation(list(lex.orgs))
        self.titles = _alternation(list(lex.titles))
        self.officials = _alternation([n for o in lex.officials for n in o.hangul])
        self.collectives = _alternation(list(lex.collectives))
        self.initiatives = _alternation(list(lex.initiatives))
        abbr = "".join(re.escape(a) for a in lex.economy_abbr)
        sep = re.escape(_SEPARATORS)
        # 한-미, 한·미·일, 한ㆍ중ㆍ일 (a separator between short forms), and 미측 / 일 측 (the US side).
        self.compound = re.compile(rf"(?<![가-힣A-Za-z])[{abbr}](?:[{sep}]+[{abbr}])+(?![가-힣])"
                                   rf"|(?<![가-힣A-Za-z])[{abbr}](?=[{sep}]+[가-힣A-Za-z])")
        self.side = re.compile(rf"(?<![가-힣A-Za-z])([{abbr}]) ?측")
        self.abbr_token = re.compile(rf"^[{abbr}]{{2,4}}$")


def find_economies(doc: Doc, m: Matchers) -> list[Found]:
    lex = m.lex
    out: list[Found] = []
    for hit in m.economies.finditer(doc_text(doc)):
        span = _tokens_in(doc, hit.start(), hit.end())
        if span is None or not _all_nominal(span):
            continue
        if hit.group() in lex.economy_common and not any(t.tag_ == "NNP" for t in span):
            continue
        if span.end < len(doc) and doc[span.end].tag_ == "XSN" and doc[span.end].text == "적":
            continue  # 인도적, 국제적: an adjective, not the state
        if re.match(r"[-·ㆍ]?\s?태평양", doc_text(doc)[hit.end():hit.end() + 5]):
            continue  # 인도-태평양: the region, not India
        out.append(Found(hit.start(), hit.end(), "economy", lex.economy_names[hit.group()]))
    for tok in doc:  # 우리 교민, 우리 기업: 'our' in the ministry's text is Korea
        if tok.text == "우리" and tok.tag_ == "NP" and tok.whitespace_ and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].tag_.startswith("NNG") and not any(f.start == tok.idx for f in out):
            out.append(Found(tok.idx, tok.idx + 2, "economy", "KOR"))
    taken = {(f.start, f.end) for f in out}
    for hit in m.compound.finditer(doc_text(doc)):
        letters = [(hit.start() + i, c) for i, c in enumerate(hit.group()) if c in lex.economy_abbr]
        if len(letters) == 1:  # 한-아세안: the short form before a named partner
            rest = doc_text(doc)[hit.end() + 1:hit.end() + 12]
            if not (m.orgs.match(rest) or m.economies.match(rest) or rest[:1].isascii()):
                continue
        for i, c in letters:
            out.append(Found(i, i + 1, "economy", lex.economy_abbr[c], {"compound": True}))
    for tok in doc:  # 한미, 한미일, 북미 as one proper noun of the analyser
        if tok.tag_ == "NNP" and m.abbr_token.match(tok.text) and (tok.idx, tok.idx + len(tok)) not in taken:
            for i, c in enumerate(tok.text):
                out.append(Found(tok.idx + i, tok.idx + i + 1, "economy", lex.economy_abbr[c], {"compound": True}))
    for hit in m.side.finditer(doc_text(doc)):
        out.append(Found(hit.start(1), hit.end(1), "economy", lex.economy_abbr[hit.group(1)], {"side": True}))
    return out


#: Words of a run before a head that name no initiative: deictic words, "etc.", the pronoun 우리 ("우리 외교 정책").
_INITIATIVE_NOT_NAME = frozenset({"이번", "금번", "동", "해당", "당시", "이날", "지난", "오늘", "등", "및", "우리",
                                  "각", "양국", "양측", "관련", "계기"})
#: Words that describe a government's field, not a policy of its own: "한국 외교 정책", "일본 정부 정책".
_OWNED_GENERIC = frozenset({"정부", "측", "당국", "외교", "대외", "대북", "대남", "경제", "통상", "안보", "국방",
                            "주요", "기본", "협력", "분야", "국가", "새", "신규", "향후", "현", "전", "지역", "국내",
                            "해외", "대외경제", "통일", "외교안보", "대외정책", "핵심", "중점", "기존", "기업",
                            "진출", "지원", "개발", "교류", "투자", "인프라", "관련", "공동", "참여", "민간",
                            "주도", "자체", "독자"})
_QUOTES = {"‘": "’", "'": "'", "“": "”", '"': '"', "「": "」", "『": "』"}
_QUOTED = re.compile("|".join(rf"{re.escape(o)}([^{re.escape(c)}\n]{{2,40}}){re.escape(c)}"
                              for o, c in _QUOTES.items()))
_BRACKET_ACRONYM = re.compile(r"\s?\(([A-Z][A-Za-z]{1,9}(?:-[A-Z0-9]+)?)\)")
_LATIN_GLOSS = re.compile(r"\s?\([A-Za-z][^()]*\)$")
#: Korean predicates (the noun before 하다) of leading and endorsing an initiative, as the English _LEAD_VERBS and
#: _ENDORSE_VERBS: "X를 출범/제안/주도", "X에 참여/가입/동참/기여", "X를 지지/환영".
_LEAD_STEMS = frozenset({"주도", "출범", "제안", "제시", "발표", "창설", "설립", "발족", "착수", "제창", "주창",
                         "개시"})
_ENDORSE_STEMS = frozenset({"지지", "참여", "가입", "동참", "기여", "환영", "비준"})


def _initiative_id(name: str) -> str:
    """A Korean name's id: its syllables romanized word by word (Latin words kept)."""
    return ids.initiative_id(" ".join(romanize_syllable_word(w) for w in name.split()))


def find_initiatives(doc: Doc, m: Matchers, economies: list[Found] | None = None, orgs: list[Found] | None = None,
                     people: list[Found] | None = None) -> list[Found]:
    """Named initiatives: the names of initiatives.tsv (the English path's id; a quoted phrase ending in one is
    that initiative named in full: "'자유·평화·번영에 기여하는 글로벌 중추국가'"), then names by their head
    (initiative_heads.tsv, see :func:`_headed_initiatives`), quoted names (:func:`_quoted_initiatives`), the items
    of a listed set ("3대 협정(기본협정, FTA, 위기관리기본참여협정)") and the later mentions of an acronym a name
    gave in brackets ("RCEP")."""
    text = doc_text(doc)
    leads = m.lex.initiative_owners
    out: list[Found] = []
    quotes = [(q.start(), q.end(), q.start() + 1, q.end() - 1) for q in _QUOTED.finditer(text)]
    for hit in m.initiatives.finditer(text):
        if doc.char_span(hit.start(), hit.end()) is None:
            continue
        name, acronym = m.lex.initiatives[hit.group()]
        start, end = hit.start(), hit.end()
        around = next(((qs, qe) for _, _, qs, qe in quotes if qs < start and end == qe), None)
        if around is not None:  # '자유·평화·번영에 기여하는 글로벌 중추국가': the quoted name in full
            start = around[0]
        plus = re.match(r" ?(?:플러스|\+)(?=[을를이가은는의에과와도로]|[^가-힣]|$)", text[end:])
        if plus:  # 신남방정책 플러스: the successor policy, its owner's too
            out.append(Found(start, end + plus.end(), "initiative", _initiative_id(text[start:end + plus.end()]),
                             {"name": text[start:end + plus.end()], "acronym": None, "lead": leads.get(name)}))
            continue
        out.append(Found(start, end, "initiative", ids.initiative_id(name),
                         {"name": name, "acronym": acronym, "lead": leads.get(name)}))
    taken = [(f.start, f.end) for f in out]
    in_person = {i for p in people or [] if p.info.get("title") for i in range(p.start, p.end)}

    def free(start: int, end: int) -> bool:  # an organisation may open a name (아세안공동체), not hold it (IMF)
        return not any(s < end and start < e for s, e in taken) and not any(
            o.start < end and start < o.end and not (start <= o.start and o.end < end) for o in orgs or [])

    headed = sorted(_headed_initiatives(doc, m.lex, economies or [], orgs or [], in_person),
                    key=lambda f: f.start - f.end)
    for f in [*headed, *_quoted_initiatives(doc, m.lex.initiative_heads, quotes), *_listed_initiatives(doc, m.lex)]:
        if free(f.start, f.end):
            known = m.lex.initiatives.get(f.info.get("acronym") or "")
            if known is not None:  # 역내 포괄적 경제 동반자 협정(RCEP): the listed initiative of that acronym
                f.entity_id = ids.initiative_id(known[0])
                f.info.update(name=known[0], lead=f.info.get("lead") or leads.get(known[0]))
            out.append(f)
            taken.append((f.start, f.end))
    for f in list(out):  # RCEP again after 역내포괄적경제동반자협정(RCEP)
        acronym = f.info.get("acronym")
        if not acronym or f.info.get("listed"):
            continue
        for hit in re.finditer(rf"(?<![A-Za-z]){re.escape(acronym)}(?![A-Za-z])", text):
            if free(hit.start(), hit.end()) and doc.char_span(hit.start(), hit.end()) is not None:
                out.append(Found(hit.start(), hit.end(), "initiative", f.entity_id, dict(f.info)))
                taken.append((hit.start(), hit.end()))
    return sorted(out, key=lambda f: f.start)


def _headed_initiatives(doc: Doc, lex: KoLexicon, economies: list[Found], orgs: list[Found],
                        in_person: set[int]) -> list[Found]:
    """A run of nominal words ending in an initiative head, opened by a party (a state, a short-form compound,
    an organisation), a proper noun or an acronym; any run when the head's word has a Latin acronym in brackets
    ("역내포괄적경제동반자협정(RCEP)"). An "owned" head (정책, 사업) needs the one state that owns it and a word
    of the name's own ("인니 신수도 이전 사업": Indonesia's project); the head ends the compound ("전략대화" is a
    meeting, "전략적" an adjective). A state opening a name alone (not a compound, not 한-X) leads it."""
    text, heads = doc_text(doc), lex.initiative_heads
    states = {e.start: e for e in economies if not e.info.get("compound") and not e.info.get("side")}
    parties = {e.start for e in economies} | {o.start for o in orgs}
    out: list[Found] = []
    for tok in doc:
        if not (_NOMINAL.match(tok.tag_) or tok.tag_ == "SL"):
            continue
        head = next((h for h in lex.initiative_heads_longest_first
                     if tok.text.endswith(h) and (heads[h] != "acronym" or tok.text == h)), None)
        if head is None:
            continue
        kind = heads[head]
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and not tok.whitespace_ and (_NOMINAL.match(nxt.tag_) or nxt.tag_ in ("SL", "SN")):
            continue  # 전략대화, 전략적, 협정문: the head does not end the word's compound
        j, k, words = tok.i, tok.i, 1
        while k > 0:
            prev = doc[k - 1]
            if prev.is_space or (prev.whitespace_ and words >= 5):
                break
            inner = re.search(r"(?<=[가-힣])\([A-Z][A-Za-z0-9-]{1,10}\)$", text[max(0, prev.idx - 12):prev.idx + 1]) \
                if prev.text == ")" else None
            if inner is not None:  # 한국형 전투기(KF-21) 공동개발 사업: an acronym in brackets inside the name
                opening = doc.char_span(prev.idx + 1 - len(inner.group(0)), prev.idx + 1)
                if opening is None:
                    break
                if prev.whitespace_:
                    words += 1
                k = opening.start
                continue
            if not (_NOMINAL.match(prev.tag_) or prev.tag_ in ("SL", "SN") or prev.text in ("-", "·", "ㆍ", "‧")):
                break
            if prev.whitespace_:
                words += 1
            k -= 1
        end = tok.idx + len(tok)
        acro = _BRACKET_ACRONYM.match(text, end)
        if kind == "bracketed" and acro is None:
            continue  # 고용허가제(EPS): a short head names a programme only with its acronym
        opener = first = None
        for i in range(k, j + 1):
            t = doc[i]
            word_start = i == k or doc[i - 1].whitespace_
            if t.idx in in_person or t.text in _INITIATIVE_NOT_NAME or t.tag_ == "NP":
                opener = first = None
                continue
            if not word_start:
                continue
            if first is None:
                first = i
            if opener is None and (t.idx in parties or t.tag_ in ("NNP", "SL")) and not (i == j and t.text == head):
                opener = i
        year = re.match(r" ((?:19|20)\d\d)(?![\d년])", text[end:end + 6]) if kind != "acronym" else None
        if year:  # 아세안 공동체 비전 2025: the year closes the name
            end += year.end()
            acro = _BRACKET_ACRONYM.match(text, end)
        e = states.get(doc[opener].idx) if opener is not None else None
        if (kind == "owned" or (kind == "name" and e is not None and opener == first)) and not acro:
            # the one state that owns it, or makes its type (한국형 전투기 … 사업), and a word of its own: not
            # "일본 정부 기금", "미국 주도 이니셔티브"
            if e is None or opener != first or text[e.end:e.end + 1] in _SEPARATORS:
                continue
            own = [w for w in text[e.end:tok.idx].split() if w not in _OWNED_GENERIC]
            if tok.text != head:
                own.append(tok.text[:-len(head)])
            if not own and not year:
                continue
        start_tok = opener if opener is not None else (first if acro else None)
        if start_tok is None or (kind == "acronym" and start_tok == j):
            continue
        start = doc[start_tok].idx
        name = text[start:end]
        if name == head or len(name) < 3:
            continue
        e = states.get(start)  # 인니 신수도 이전 사업: the state's own; 한-인니 …, 한국형 …: no one's alone
        lead = e.entity_id if e is not None and e.end < end and text[e.end:e.end + 1].isspace() else None
        acronym = acro.group(1) if acro else None
        out.append(Found(start, end, "initiative", _initiative_id(name),
                         {"name": name, "acronym": acronym, "lead": None, "opener_lead": lead}))
    return out


def _quoted_initiatives(doc: Doc, heads: dict[str, str], quotes: list[tuple[int, int, int, int]]) -> list[Found]:
    """A quoted phrase before a head word ("‘비판적 관여’ 정책": the phrase is the name, as the English 'its
    "rebalance" policy'), or ending in a head, or a head and a year ("「비전 2030(Kenya Vision 2030)」"; a Latin
    gloss in brackets is no part of the name)."""
    text = doc_text(doc)
    words = [h for h, k in heads.items() if k != "acronym"]
    out = []
    for _, q_end, start, end in quotes:
        inner = text[start:end]
        gloss = _LATIN_GLOSS.search(inner)
        if gloss:
            end -= len(gloss.group(0))
            inner = text[start:end]
        after = re.match(r" ?([가-힣]+?)(?=[을를이가은는의에과와도로]|\s|$)", text[q_end:q_end + 12])
        named = (after is not None and after.group(1) in words) \
            or any(inner.endswith(h) and len(inner) > len(h) for h in words) \
            or any(re.fullmatch(rf"{h} ?(?:19|20)\d\d", inner) for h in words)
        if not named or len(inner) > 30 or re.search(r"[.?!]|[다요]$", inner):
            continue
        if doc.char_span(start, end, alignment_mode="expand") is None:
            continue
        out.append(Found(start, end, "initiative", _initiative_id(inner), {"name": inner, "acronym": None,
                                                                          "lead": None}))
    return out


def _listed_initiatives(doc: Doc, lex: KoLexicon) -> list[Found]:
    """The items of a set named by an initiative head, listed in brackets: "3대 핵심협정(기본협정, FTA,
    위기관리기본참여협정)": each item that is a head's acronym or ends in a head is one initiative."""
    text = doc_text(doc)
    out = []
    heads = lex.initiative_heads
    pattern = "|".join(re.escape(h) for h in lex.initiative_heads_longest_first)
    for hit in re.finditer(rf"(?:{pattern})\(([^()\n]{{3,80}})\)", text):
        items = [(i.start() + hit.start(1), i.group()) for i in re.finditer(r"[^,，、]+", hit.group(1))]
        if len(items) < 2:
            continue
        for offset, raw in items:
            item = raw.strip()
            start = offset + raw.index(item)
            acronym = heads.get(item) == "acronym"
            if not (acronym or any(item.endswith(h) and heads[h] != "acronym" for h in heads)) or " " in item:
                continue
            out.append(Found(start, start + len(item), "initiative", _initiative_id(item),
                             {"name": item, "acronym": item if acronym else None, "lead": None, "listed": True}))
    return out


def initiative_links(doc: Doc, inits: list[Found], economies: list[Found],
                     people: list[Found] | None = None) -> list[InitiativeLink]:
    """Lead and endorse links, one row per initiative, economy and role (the first stating sentence): the owner
    initiatives.tsv gives a government's own policy; a state's genitive before the name ("케냐의 「비전 2030」",
    "한국 정부의 X"); the subject of a leading or endorsing predicate right after the name ("한국이 … 대응기금에
    기여한") or of one in the relative clause before it ("X 대통령께서 … 제시하신 'Y'"): a state (이/가, 은/는)
    or a person of a known state; else the one state opening the name ("인니 신수도 이전 사업")."""
    from pipeline.components.structure import SentenceIndex

    text = doc_text(doc)
    index = SentenceIndex(doc)
    rows: dict[tuple[str, str, str], InitiativeLink] = {}
    states = [e for e in economies if not e.info.get("compound") and not e.info.get("side")]

    def add(f: Found, econ: str, role: str, at: int) -> None:
        key = (f.entity_id, econ, role)
        if key not in rows:
            rows[key] = InitiativeLink(doc_id=doc._.mofa_doc_id, sent_id=index.sent_id(at), initiative_id=f.entity_id,
                                       economy_id=econ, role=role)

    led: set[str] = set()
    for f in inits:
        if f.info.get("lead"):
            add(f, f.info["lead"], "lead", f.start)
            led.add(f.entity_id)
        genitive = re.search(r"(?: 정부)?의 ?[‘'“\"「『]?$", text[max(0, f.start - 12):f.start])
        if genitive:
            pos = f.start - len(genitive.group(0))
            owner = next((e for e in states if e.end == pos), None)
            if owner is not None:
                add(f, owner.entity_id, "lead", f.start)
                led.add(f.entity_id)
        after = re.match(r"(?:\s?\([^()]{1,40}\))?[’'”\"」』]?(?:에의|에도|에|을|를|도)\s?([가-힣]{2})",
                         text[f.end:f.end + 60])
        before = re.search(r"([가-힣]{2})(?:하신|하셨던|한|했던|하였던|시킨)\s?[‘'“\"「『]?$",
                           text[max(0, f.start - 12):f.start])
        s_start, _ = _sentence_of(doc, f)
        subjects = []  # (start, alpha-3, topic: 은/는 marks the main clause's subject), before the name
        for start, end, econ in [*((e.start, e.end, e.entity_id) for e in states),
                                 *((p.start, p.end, p.info["economy"]) for p in people or [] if p.info.get("economy"))]:
            marked = re.match(r"(?: 정부| 측)?(이|가|은|는|도|께서)\s", text[end:end + 6])
            if marked and s_start <= start and end <= f.start:
                subjects.append((start, end, econ, marked.group(1) in ("은", "는")))
        home = re.match(r"\s*(?:[□ㅇ○◦•\-*]\s*)?정부(?:는|가)\s", text[s_start:f.start])
        if home:  # 정부는 …: the issuing government's
            subjects.append((s_start, s_start + home.end(), "KOR", "는" in home.group(0)))
        for stem, clause in ((after.group(1) if after else None, False), (before.group(1) if before else None, True)):
            role = "lead" if stem in _LEAD_STEMS else "endorse" if stem in _ENDORSE_STEMS else None
            if role is None:
                continue
            # the predicate after the name has the subject of the main clause, not one of a relative clause
            # before the name ("정부는 가나 정부가 제시한 'X'를 지지": Korea's support, Ghana's initiative)
            own = subjects if clause else [s for s in subjects if not any(
                "ETM" in t.tag_ for t in doc.char_span(s[1], f.start, alignment_mode="expand") or [])] \
                or [s for s in subjects if s[3]]
            if own:
                add(f, max(own)[2], role, f.end)
                if role == "lead":
                    led.add(f.entity_id)
    for f in inits:
        if f.info.get("opener_lead") and f.entity_id not in led:
            add(f, f.info["opener_lead"], "lead", f.start)
    return list(rows.values())


#: "(KBS 김민정 기자)", "[KBS 김민정 기자]", "（KBS, 김민정 기자）": a question's signature in any bracket.
#: A signature closing a question's line without brackets: "… 궁금합니다. KBS 최민수 기자".
_REPORTER_BARE = re.compile(r"(?:(?<=[.?!？]\s)|^)([A-Z][A-Za-z]{1,7}|[가-힣]{2,8})\s([가-힣]{2,4})\s?기자\s*$", re.M)
#: A news article's byline: "(서울=연합뉴스) 김지훈 기자 = …", "김지훈 기자 jhkim@yna.co.kr" (the bracketed
#: "[아시아투데이 김지훈 기자]" is _REPORTER's); the outlet of "(서울=연합뉴스)" is read by the organisation finder.
_BYLINE = re.compile(r"(?:^|(?<=[)\]]\s)|(?<=[)\]])|(?<=[.!?]\s))()([가-힣]{2,4})\s?기자\s?"
                     r"(?:=|[\w.+-]+@[\w.-]+)", re.M)
_REPORTER = re.compile(r"[(\[（【](?:([^()\[\]（）【】\n]{1,30}?)[\s,/·])?([가-힣]{2,4})\s?기자\s?[)\]）】]")


def find_reporters(doc: Doc, lex: KoLexicon) -> tuple[list[Found], list[Found]]:
    """A briefing question's signature "(KBS 김민정 기자)": the outlet (an organisation) and the journalist."""
    text = doc_text(doc)
    orgs, people = [], []
    for hit in [*_REPORTER.finditer(text), *_REPORTER_BARE.finditer(text), *_BYLINE.finditer(text)]:
        outlet, name = (hit.group(1) or "").strip(" ,/·"), hit.group(2)
        if not outlet and (name in lex.orgs or name[0] not in FAMILY_SYLLABLES):  # "(연합뉴스 기자)": no name
            outlet, name = name, ""
        o_start = hit.start(1) + hit.group(1).index(outlet) if hit.group(1) and outlet in hit.group(1) \
            else hit.start(2)
        if outlet and doc.char_span(o_start, o_start + len(outlet), alignment_mode="expand") is not None:
            entry = lex.orgs.get(outlet)
            oid = entry.org_id if entry else ids.org_id(outlet if outlet.isascii() else romanize_name(outlet))
            orgs.append(Found(o_start, o_start + len(outlet), "organization", oid,
                              {"name": entry.name if entry else outlet, "acronym": entry.acronym if entry else None}))
        if not name:
            continue
        people.append(Found(hit.start(2), hit.end(2), "person", ids.person_id(romanize_name(name)),
                            {"name": name, "hangul": name, "latin": None, "title": "기자", "economy": None,
                             "family": name[0], "given": name[1:], "name_span": (hit.start(2), hit.end(2))}))
    return orgs, people


def find_organizations(doc: Doc, m: Matchers) -> list[Found]:
    out = []
    for hit in m.orgs.finditer(doc_text(doc)):
        span = _tokens_in(doc, hit.start(), hit.end())
        if span is None or not _all_nominal(span):
            continue
        entry = m.lex.orgs[hit.group()]
        out.append(Found(hit.start(), hit.end(), "organization", entry.org_id,
                         {"name": entry.name, "acronym": entry.acronym}))
    return out


_LATIN_ACRONYM = re.compile(r"\s?\(([A-Z][A-Za-z&]{1,9})\)")


def find_headed_orgs(doc: Doc, m: Matchers, known: list[Found]) -> list[Found]:
    """Organisations named by their shape (``org_heads.tsv``), beyond any list: missions ("주한 일본대사관" is
    Japan's embassy in Korea, "주모로코 대한민국 대사관" Korea's embassy in Morocco, "뉴질랜드 대사관"), and one
    written word closed by a body, company, party or media head ("한국국제교류재단", "현대중공업", "X민주당"), or
    up to four nominal words before a head with a Latin acronym in brackets ("중남미 경제위원회(ECLAC)")."""
    lex, text = m.lex, doc_text(doc)
    taken = [(f.start, f.end) for f in known]
    out: list[Found] = []

    def free(start: int, end: int) -> bool:  # a listed name inside a longer one (새한 + 민주당) does not block it
        return not any(s < end and start < e and not (start <= s and e <= end and (s, e) != (start, end))
                       for s, e in taken)

    for tok in doc:
        head = next((h for h in lex.org_heads_longest_first if tok.text.endswith(h)), None)
        if head is None or not tok.tag_.startswith(("NN", "XSN")):
            continue
        kind = lex.org_heads[head]
        end = tok.idx + len(tok)
        # the written word (eojeol) that ends with this token
        start = end
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"“‘'「,·":
            start -= 1
        word = text[start:end]
        if kind == "mission":
            found = _mission(doc, m, start, end)
            if found is not None and free(found.start, found.end):
                out.append(found)
                taken.append((found.start, found.end))
            continue
        acro = _LATIN_ACRONYM.match(text, end)
        if acro and kind == "body":  # a multi-word name with its acronym: back over nominal words
            first = start
            for _ in range(3):
                prev = re.search(r"([가-힣A-Za-z·\-]+) $", text[max(0, first - 16):first])
                span = doc.char_span(first - len(prev.group(0)), first - 1) if prev else None
                if span is None or not _all_nominal(span) or any(t.tag_.startswith("NNB") for t in span) \
                        or prev.group(1) in lex.titles:
                    break
                first -= len(prev.group(0))
            start = first
            word = text[start:end]
        elif len(word) < len(head) + 2 or len(word) < 4:
            continue  # 위원회, 공동위원회: a kind of body, not a name
        span = doc.char_span(start, end)
        if span is None or not _all_nominal(span) or not free(start, end):
            continue
        if not acro and not any(t.tag_ == "NNP" for t in span) and kind != "party" and len(word) - len(head) < 4:
            continue  # a common compound (지역연구소, 전기자동차) needs a proper noun, an acronym or a longer name
        if word in lex.economy_names or word in lex.titles:
            continue
        acronym = acro.group(1) if acro else None
        entry = lex.orgs.get(word) or (lex.orgs.get(acronym) if acronym else None)
        oid = entry.org_id if entry else ids.org_id(acronym if acronym and not entry else romanize_name(word))
        out.append(Found(start, end, "organization", oid,
                         {"name": entry.name if entry else word, "acronym": acronym or (entry.acronym if entry
                                                                                      else None)}))
        taken.append((start, end))
    return out


_MISSION_LEAD = re.compile(r"(?:(주한)\s?)?(주)?([가-힣]{2,12})\s(?:(대한민국|한국)\s)?$")


def _mission(doc: Doc, m: Matchers, start: int, end: int) -> Found | None:
    """주한 X 대사관 / 주한 X대사관 (X's, in Korea), 주X (대한민국) 대사관 (Korea's, in X), X 대사관 (X's)."""
    text, names = doc_text(doc), m.lex.economy_names
    word = text[start:end]
    head = next(h for h in m.lex.org_heads_longest_first if m.lex.org_heads[h] == "mission" and word.endswith(h))
    body = word[:-len(head)]
    in_korea = abroad = False
    if body:  # glued: 일본대사관, 주모로코대사관, 주한일본대사관
        first = start
        if body.startswith("주한") and body[2:] in names:
            place, in_korea = body[2:], True
        elif body.startswith("주") and len(body) > 2:
            place, abroad = body[1:], True
        elif body in names:
            place = body
            lead = re.search(r"주한\s$", text[max(0, start - 3):start])
            if lead:
                first, in_korea = start - 3, True
        else:
            return None
    else:  # standing alone after its words: 주한 일본 대사관, 주모로코 대한민국 대사관, 뉴질랜드 대사관
        lead = _MISSION_LEAD.search(text[max(0, start - 30):start])
        if lead is None:
            return None
        first = start - len(lead.group(0))
        place = lead.group(3)
        in_korea, abroad = bool(lead.group(1)), bool(lead.group(2)) or bool(lead.group(4))
        if in_korea and place not in names:
            return None
    econ = names.get(place)
    if in_korea:
        return Found(first, end, "organization", ids.org_id(f"Embassy {econ}"), {"name": text[first:end],
                                                                                "acronym": None})
    if abroad:
        where = display_name(m.lex, econ) if econ else romanize_name(place)
        return Found(first, end, "organization", ids.org_id(f"Embassy in {where} KOR"),
                     {"name": text[first:end], "acronym": None})
    if econ is None:
        return None
    return Found(first, end, "organization", ids.org_id(f"Embassy {econ}"), {"name": text[first:end],
                                                                            "acronym": None})


@dataclass
class _Name:
    start: int
    end: int
    text: str
    latin: str | None = None
    officials: list[Official] = field(default_factory=list)


def _name_before(doc: Doc, char: int, m: Matchers) -> _Name | None:
    """The personal name ending just before ``char`` (a space between), with a Latin form in brackets."""
    name = _name_before_read(doc, char, m)
    if name is None or not name.latin:
        return name
    # the page lost the space between a title and the name ("부장관오카노 마사타카(Okano Masataka)"): as many
    # Hangul words as the Latin form has names, the title cut off the first one
    words = [w for w in name.latin.split() if not re.fullmatch(r"[A-Z]\.?", w)]
    text = doc_text(doc)
    glued = name.start > 0 and _HANGUL.match(text[name.start - 1]) is not None
    if len(words) >= 2 and (name.text.count(" ") + 1 < len(words) or glued):
        more = len(words) - 1
        found = re.search(rf"([가-힣]+)((?: [가-힣]+){{{more}}})$", text[max(0, name.end - 40):name.end])
        if found:
            first = found.group(1)
            cut = max((t.end() for t in m.titles.finditer(first) if t.start() == 0), default=0)
            if cut > 0 and len(first) - cut >= 2:
                start = name.end - len(found.group()) + cut
                return _Name(start, name.end, text[start:name.end], name.latin, name.officials)
            start = name.end - len(found.group())
            extra = text[start:name.start].split()
            lead = doc.char_span(start, name.start - 1) if start < name.start else None
            named = words[len(words) - len(extra) - name.text.count(" ") - 1:][:len(extra)]
            if not glued and (start == 0 or not _HANGUL.match(text[start - 1])) and extra and lead is not None \
                    and (all(t.tag_ in _NAME_PIECES for t in lead) or _sound_alike(extra, named)) and not any(
                    w in m.lex.place_or_body or m.titles.search(w) for w in extra):
                # 우르줄라 폰 데어 라이엔(Ursula von der Leyen): every word of a long Latin name in Hangul
                return _Name(start, name.end, text[start:name.end], name.latin, name.officials)
    return name


#: Latin initials a Hangul initial consonant (by its romanization, :func:`initial_of`: ㄱ "g", ㅇ "") stands for in
#: a transliterated foreign name (ㄱ g/k/c/q, ㅇ a vowel, w, y or h ...): enough to tell "아미나(Amina)" from
#: "방문하여" when the analyser read the name's syllables as other words.
_SOUNDS_OF_INITIAL = {"g": "gkcq", "kk": "kgc", "n": "n", "d": "dt", "tt": "td", "r": "rl", "m": "m", "b": "bpv",
                      "pp": "pb", "s": "sczxt", "ss": "sz", "": "aeiouywhn", "j": "jgzcd", "jj": "jzct",
                      "ch": "cthqj", "k": "kcqgx", "t": "td", "p": "pf", "h": "hxkgw"}


def _sound_alike(hangul_words: list[str], latin_words: list[str]) -> bool:
    """Each Hangul word opens with a consonant its Latin word's first letter can stand for (아미나 / Amina)."""
    if not hangul_words or len(hangul_words) != len(latin_words):
        return False
    for h, lw in zip(hangul_words, latin_words, strict=True):
        if not _HANGUL.match(h) or not lw[:1].isalpha():
            return False
        if lw[0].lower() not in _SOUNDS_OF_INITIAL[initial_of(h[0]) or ""]:
            return False
    return True


def _name_before_read(doc: Doc, char: int, m: Matchers) -> _Name | None:
    text = doc_text(doc)
    k = char
    while k > 0 and text[k - 1] == " ":
        k -= 1
    spaced = k < char
    latin = None
    if k > 1 and text[k - 1] in "’”" and text[k - 2] == ")" and spaced:
        k -= 1  # ‘마리 뒤퐁(Marie Dupont)’ 프랑스 외교장관: a name set off in quotation marks
    if k > 0 and text[k - 1] == ")":
        open_ = text.rfind("(", 0, k)
        if open_ > 0 and re.fullmatch(rf"{_LATIN_WORD}(?: {_LATIN_WORD})*", text[open_ + 1:k - 1]) \
                and not text[open_ + 1:k - 1].isupper():  # (KOICA) is an acronym, not a name
            latin, k = text[open_ + 1:k - 1].strip(), open_
    span = doc.char_span(max(0, k - 12), k, alignment_mode="contract")
    if span is None or len(span) == 0 or span.end_char != k:
        return None
    last = span[-1]
    # a known official's name (possibly two words: 가미카와 요코)
    for hit in m.officials.finditer(text, max(0, k - 14), k):
        if hit.end() == k and doc.char_span(hit.start(), hit.end()) is not None:
            start = hit.start()
            first = doc.char_span(start, k)[0].i - 1
            officials = m.lex.official_by_name(hit.group())
            # a one-syllable given name (존 케리, 조 바이든) only before a surname whose Latin record has one
            short_ok = len(doc[first].text) == 1 and doc[first].text not in m.lex.economy_abbr \
                and doc[first].text not in _TITLE_QUALIFIERS and any(len(o.latin.split()) >= 2 for o in officials)
            if hit.group() == text[start:k] and " " not in hit.group() and first >= 0 and doc[first].tag_ == "NNP" \
                    and doc[first].whitespace_ and (len(doc[first].text) > 1 or short_ok) \
                    and _HANGUL.match(doc[first].text) \
                    and doc[first].text not in m.lex.place_or_body \
                    and not m.titles.search(doc[first].text) \
                    and (first == 0 or not _HANGUL.match(doc[first - 1].text) or doc[first - 1].whitespace_):
                start = doc[first].idx  # a known surname with its given name before it: 마코 루비오
            return _Name(start, k, text[start:k], latin, m.lex.official_by_name(hit.group()))
        whole = doc.char_span(hit.start(), hit.end(), alignment_mode="expand") if hit.end() == k else None
        if whole is not None and len(whole) == 1 and whole[0].tag_ == "NNP" and whole.end_char == k:
            # the analyser read a longer name as one word around the known surname (토니 블링컨 in 안토니 블링컨):
            # the name is that word with the syllables glued before it in the same eojeol
            start = whole.start_char
            while start > 0 and _HANGUL.match(text[start - 1]) and whole.start_char - start < 2:
                start -= 1
            if start == 0 or not _HANGUL.match(text[start - 1]):
                return _Name(start, k, text[start:k], latin, m.lex.official_by_name(hit.group()))
    if last.tag_ == "NNP" and _HANGUL_WORDS.match(last.text) and len(last.text) >= 2 and (spaced or latin) \
            and not m.abbr_token.match(last.text) and last.text not in m.lex.place_or_body:
        start = last.idx
        prev = last.i - 1
        # a foreign name in two words: 에마뉘엘 마크롱 (both proper nouns, one space between)
        if prev >= 0 and doc[prev].tag_ == "NNP" and doc[prev].whitespace_ and _HANGUL.match(doc[prev].text) \
                and (len(doc[prev].text) > 1 or len((latin or "").split()) >= 2) \
                and doc[prev].text not in m.lex.place_or_body \
                and (prev == 0 or not _HANGUL.match(doc[prev - 1].text) or doc[prev - 1].whitespace_
                     or _title_glued(doc, doc[prev].idx, m)):
            start = doc[prev].idx  # a name in two words: 스가 요시히데, 에마뉘엘 마크롱
        elif prev >= 0 and doc[prev].tag_ == "NNP" and doc[prev].whitespace_ and (latin or "").count(" ") >= 1:
            glued = m.titles.match(doc[prev].text)  # "부장관오카노 마사타카(Okano Masataka)": a title glued before
            if glued and _HANGUL.match(doc[prev].text[glued.end():]) and len(doc[prev].text) - glued.end() >= 2:
                start = doc[prev].idx + glued.end()
        return _Name(start, k, text[start:k], latin)
    if latin and last.tag_ in ("NNP", "NNG", "MAG") and _HANGUL.match(last.text):
        # 아마도(Amado): a Latin form makes it a name; 마크 리(Mark Lee): as many Hangul words as Latin ones
        more = len(latin.split()) - 1
        words = re.search(rf"(?:[가-힣]+ ){{0,{more}}}[가-힣]*$", text[max(0, k - 20):k])
        start = k - len(words.group()) if words else last.idx
        lead_words = text[start:last.idx].split()
        if start < last.idx and (doc.char_span(start, last.idx - 1) is None or not (all(
                t.tag_ in _NAME_PIECES for t in doc.char_span(start, last.idx - 1))
                or _sound_alike(lead_words, latin.split()[:len(lead_words)])) or any(
                w in m.lex.place_or_body or m.titles.search(w) for w in text[start:k].split())):
            start = max(last.idx - len(text[:last.idx].split(" ")[-1]), k - 20)  # the last word, whole (키엠)
        return _Name(start, k, text[start:k], latin)
    return _split_korean_name(doc, k, m, latin) if spaced else None


def _title_glued(doc: Doc, char: int, m: Matchers) -> bool:
    """The page lost the space between a title and the next name ("부장관다나카 히로시"): a title ends at ``char``
    and its eojeol starts a word."""
    text = doc_text(doc)
    word = re.search(r"[가-힣]+$", text[max(0, char - 12):char])
    return bool(word and any(t.end() == len(word.group()) for t in m.titles.finditer(word.group())))


def _split_korean_name(doc: Doc, k: int, m: Matchers, latin: str | None) -> _Name | None:
    """A Korean name the analyser cut into pieces (박일 = 박 + 일, 윤강현 = 윤강 + 현): a word of 2-4 syllables
    that opens with a family name, right before a title. One common noun of the analyser (정부) is no name."""
    hit = re.search(r"(?:^|(?<=[\s(,·]))([가-힣]{2,4})$", doc_text(doc)[max(0, k - 6):k])
    if hit is None:
        return None
    word = hit.group(1)
    start = k - len(word)
    span = doc.char_span(start, k)
    if span is None or word[0] not in FAMILY_SYLLABLES or word in m.lex.place_or_body \
            or any(word.startswith(e) for e in m.lex.economy_names) or m.abbr_token.match(word):
        return None
    if (len(span) == 1 and span[0].tag_ != "NNP") or not all(
            t.tag_.startswith(("NN", "NR", "MM", "XR", "XSN", "XPN", "MAG")) for t in span):  # 노예 + 준
        return None
    return _Name(start, k, word, latin)


def _name_after(doc: Doc, char: int, m: Matchers) -> _Name | None:
    text = doc_text(doc)
    k = char
    if k >= len(text) or text[k] != " ":
        return None
    k += 1
    for hit in m.officials.finditer(text, k, k + 14):
        if hit.start() == k and doc.char_span(hit.start(), hit.end()) is not None:
            return _Name(k, hit.end(), hit.group(), _latin_after(text, hit.end()),
                         m.lex.official_by_name(hit.group()))
        break
    span = doc.char_span(k, min(len(text), k + 12), alignment_mode="contract")
    if span is None or len(span) == 0 or span.start_char != k:
        return None
    first = span[0]
    if first.tag_ == "NNP" and _HANGUL.match(first.text) and len(first.text) >= 2 \
            and first.text not in m.lex.place_or_body:
        end = first.idx + len(first.text)
        if first.whitespace_ and first.i + 1 < len(doc):
            second = doc[first.i + 1]  # 제임스 월터: a foreign name in two words
            if second.tag_ == "NNP" and _HANGUL.match(second.text) and len(second.text) >= 2 \
                    and second.text not in m.lex.place_or_body:
                end = second.idx + len(second.text)
        return _Name(k, end, text[k:end], _latin_after(text, end))
    return None


def _latin_after(text: str, end: int) -> str | None:
    hit = re.match(r"\(([A-Za-z][A-Za-z .'\-]*)\)", text[end:end + 60])
    return hit.group(1).strip() if hit else None


def _surname_before(doc: Doc, char: int, m: Matchers) -> tuple[int, str] | None:
    """'유 장관': one syllable and a space before the title."""
    if char < 2 or doc_text(doc)[char - 1] != " ":
        return None
    span = doc.char_span(char - 2, char - 1)
    if span is None or len(span) != 1:
        return None
    syl = span.text
    if syl in _NOT_SURNAMES or not _HANGUL.match(syl):
        return None
    if span.start > 0 and not (doc[span.start - 1].is_space or doc[span.start - 1].is_punct
                               or doc[span.start - 1].whitespace_):
        return None
    return span.start_char, syl


def _joint_title(text: str, end: int, m: Matchers) -> re.Match[str] | None:
    """' 겸 외교부장' right after a title: the person's second office."""
    hit = re.match(r"\s?겸\s?(\S+)", text[end:end + 20])
    if hit is None:
        return None
    word = re.sub(r"(?:은|는|이|가|과|와|의|을|를|께서|에게)$", "", hit.group(1))
    if word not in m.lex.titles:
        return None
    return re.compile(r"\s?겸\s?(" + re.escape(word) + ")").match(text, end)


#: Words between a name and its title that qualify the office (former, current, new, first, next, then).
#: Tags the analyser gives to the syllables of a foreign name it does not know (림 족 호이: NNG XR NNB NNG); with
#: the Latin form beside them, such runs are the name (a particle, verb or ending never is).
_NAME_PIECES = frozenset({"NNP", "NNG", "NNB", "XR", "MAG", "NR"})
_TITLE_QUALIFIERS = frozenset({"전", "前", "현", "신임", "초대", "차기", "당시", "전임", "후임"})
#: A Korean mission's prefix right before a title, glued or spaced: 주칠레대사, 주유엔 대사 (주 + state or body).
_MISSION_PREFIX = re.compile(r"(?:(?<=\s)|(?<=^))주(?!한)([가-힣]{2,8}) ?$")


def find_people(doc: Doc, m: Matchers, economies: list[Found], day: dt.date | None,
                orgs: list[Found] | None = None) -> list[Found]:
    """Name + title in either order, a surname + office title resolved by the date, known officials alone."""
    lex = m.lex
    text = doc_text(doc)
    econ_at = {(f.start, f.end): f.entity_id for f in economies if not f.info}
    org_at = {(f.start, f.end) for f in orgs or []}
    people: list[Found] = []
    covered: list[tuple[int, int]] = []
    titles = []
    for hit in m.titles.finditer(text):
        if doc.char_span(hit.start(), hit.end(), alignment_mode="contract") is None:
            continue
        span = doc.char_span(hit.start(), hit.end())
        if span is None:  # "장관들" is fine (a suffix after), a title glued inside another word is not
            continue
        start = hit.start()
        while start > 0 and _HANGUL.match(text[start - 1]):  # a field glued before the title: 경제외교조정관
            tok = doc.char_span(start - 1, start, alignment_mode="expand")
            if tok is None or tok[0].tag_ == "NNP" or not tok[0].tag_.startswith(("NN", "XPN")):
                break
            start = tok[0].idx
        if start != hit.start() and doc.char_span(start, hit.end()) is None:
            start = hit.start()
        titles.append((start, hit.end(), lex.titles[hit.group()]))
    for t_start, t_end, title in titles:
        # an economy or a "주한 X" between the name and the title: 블링컨 미국 국무장관, 아마도 주한 파나마 대사
        before = t_start
        economy = title.economy
        pre = re.search(r"(?:주한 )?(\S+) $", text[max(0, t_start - 16):t_start])
        title_from = t_start
        mission = _MISSION_PREFIX.search(text, max(0, t_start - 14), t_start)
        if mission is not None and (mission.group(1) in lex.economy_names or mission.group(1) in lex.orgs):
            # 오하늘 주칠레대사 / 주유엔 대사: Korea's envoy to that state or body (주한 X 대사 is X's, below)
            before = mission.start()
            economy = economy or "KOR"
        for _ in range(3):  # 존 스미스 영국 외교부 정무차관, 최길선 현대중공업 사장: economies and bodies between
            lead = re.search(r"(?:주한 )?(\S+) $", text[max(0, before - 20):before])
            if lead is None or before - len(lead.group(0)) <= 0:
                break
            w_start, w_end = before - len(lead.group(1)) - 1, before - 1
            if lead.group(1) in _TITLE_QUALIFIERS and not lead.group(0).startswith("주한"):
                pass  # 한서진 전 외교부 장관, 신임 대사: a qualifier of the office, no part of the name
            elif (w_start, w_end) in econ_at:
                if economy is None or economy == title.economy:  # 리용호 북한 외무상: the state named wins (PRK)
                    economy = econ_at[(w_start, w_end)]
            elif lead.group(1) in lex.economy_abbr and not lead.group(0).startswith("주한"):
                # 블링컨 미 국무장관, 스미스 영 외무차관: a state's one-syllable short form as a word of its own
                # between a name and a title (never read alone elsewhere: 미/일/중 are common syllables)
                economy = economy or lex.economy_abbr[lead.group(1)]
            elif lead.group(1) in lex.orgs or (w_start, w_end) in org_at:
                title_from = w_start  # 현대중공업 사장: the body's office is the title as written
            else:
                break
            before -= len(lead.group(0))
        name = _name_before(doc, before, m)
        where = "before"
        if name is None:
            name = _name_after(doc, t_end, m)
            where = "after"
            if name is not None and economy is None and pre and \
                    (t_start - len(pre.group(1)) - 1, t_start - 1) in econ_at:
                economy = econ_at[(t_start - len(pre.group(1)) - 1, t_start - 1)]
        if name is not None:
            start, end = (name.start, t_end) if where == "before" else (t_start, name.end)
            written = text[title_from:t_end] if where == "before" and title_from < t_start else title.text
            people.append(_person(name, written, title.office, economy, start, end, lex, day))
            also = _joint_title(text, t_end, m)
            if also is not None:  # 국무위원 겸 외교부장: both offices
                people.append(Found(also.start(1), also.end(1), "person", people[-1].entity_id,
                                    {**people[-1].info, "title": also.group(1)}))
            covered.append((name.start, name.end))
            continue
        sur = _surname_before(doc, t_start, m)
        if sur is not None:
            # 김민수 … 김 장관; 팜 빈 밍 … 밍 부총리 (a name whose last word is one syllable)
            earlier = next((p for p in reversed(people) if p.start < sur[0] and len(p.info["hangul"]) > 1
                            and (p.info["hangul"][:1] == sur[1] or p.info["hangul"].split()[-1] == sur[1])
                            and _same_office(p.info["title"], title.text)), None)
            official = None if earlier else _resolve_surname(lex, sur[1], title.office, day)
            if earlier is not None:  # 김민수 외교부 장관 ... 김 장관: the person the text named in full
                people.append(Found(sur[0], t_end, "person", earlier.entity_id,
                                    {**earlier.info, "title": title.text, "name_span": (sur[0], sur[0] + 1)}))
                covered.append((sur[0], sur[0] + 1))
            elif official is not None:
                nm = _Name(sur[0], sur[0] + 1, sur[1], None, [official])
                people.append(_person(nm, title.text, title.office, economy or official.economy, sur[0], t_end,
                                      lex, day))
                covered.append((sur[0], sur[0] + 1))
    for hit in _LATIN_NAME.finditer(text):  # 블링컨(Antony J. Blinken), 페데리카 모게리니(Federica Mogherini)
        if any(s < hit.end(1) <= e for s, e in covered):
            continue
        # the name is the last one or two words the analyser reads as proper nouns: 국무장관 제임스 월터(James
        # Walter) names 제임스 월터, 유기적인 삼각협력관계(Triangle Cooperation) names nobody
        latin_words = [w for w in hit.group(2).split() if not w.endswith(".")]
        hangul_words = hit.group(1).split()
        words: list[str] = []
        for n in range(min(len(latin_words), len(hangul_words)), 0, -1):  # the longest run of nouns that fits
            cand = hangul_words[-n:]
            wspan = doc.char_span(hit.end(1) - len(" ".join(cand)), hit.end(1))  # 페데리카 모게리니: may be one token
            if wspan is None or any(m.titles.search(w) or w in lex.place_or_body for w in cand) \
                    or not all(t.tag_ in ("NNP", "NNG") or t.is_space for t in wspan):
                continue
            if any(t.tag_ == "NNP" for t in wspan) or n == len(latin_words):
                words = cand
                break
        if not words:
            continue
        start = hit.end(1) - len(" ".join(words))
        hangul = text[start:hit.end(1)]
        if doc.char_span(start, hit.end(1)) is None or hangul in lex.place_or_body:
            continue
        nm = _Name(start, hit.end(1), hangul, hit.group(2).strip(), lex.official_by_name(hangul))
        people.append(_person(nm, None, "", None, start, hit.end(), lex, day))
        covered.append((start, hit.end(1)))
    for hit in m.officials.finditer(text):  # a known official named without a title
        if any(s <= hit.start() < e for s, e in covered) or doc.char_span(hit.start(), hit.end()) is None:
            continue
        span = doc.char_span(hit.start(), hit.end())
        if span is None or not any(t.tag_ == "NNP" for t in span):
            continue
        start = hit.start()
        given = re.search(r"(?:^|(?<=[\s(「“'\"]))([가-힣]{2,5}) $", text[max(0, start - 7):start])
        if given and doc.char_span(start - len(given.group(0)), start - 1) is not None and \
                all(t.tag_ == "NNP" for t in doc.char_span(start - len(given.group(0)), start - 1)) and \
                given.group(1) not in lex.place_or_body:
            start -= len(given.group(0))  # 버락 오바마: the given name written before a known surname
        nm = _Name(start, hit.end(), text[start:hit.end()], _latin_after(text, hit.end()),
                   lex.official_by_name(hit.group()))
        people.append(_person(nm, None, "", None, start, hit.end(), lex, day))
    people = _same_names(people)
    return people + _bare_recurrences(doc, people, covered, m)


#: Particles after a bare name that make it the clause's subject or topic (마르코스는, 한지수도).
_NAME_PARTICLES = re.compile(r"(?:은|는|이|가|도|께서|께서는)(?=[\s,]|$)")


def _bare_recurrences(doc: Doc, people: list[Found], covered: list[tuple[int, int]], m: Matchers) -> list[Found]:
    """A person the text named with a title recurs by the name alone ("마르코스는 …"): that person's mention, so
    that a claim of the bare name has its speaker. Only names of two syllables or more (a lone surname is not a
    name), as a whole word before a subject or topic particle, or before a title ("라우 장관은"), where the
    title vouches for the name even when the analyser split it into common nouns (라 + 우)."""
    text = doc_text(doc)
    names: dict[str, Found] = {}
    for p in people:
        if not p.info.get("title"):
            continue
        words = p.info["hangul"].split()
        for alias in (p.info["hangul"], words[-1] if len(words) >= 2 else ""):
            if len(alias) >= 2:
                names.setdefault(alias, p)
    taken = [(p.start, p.end) for p in people] + covered
    out: list[Found] = []
    for alias, p in sorted(names.items(), key=lambda kv: -len(kv[0])):
        for hit in re.finditer(rf"(?<![가-힣]){re.escape(alias)}", text):
            end = hit.end()
            titled = m.titles.match(text, end + 1) if text[end:end + 1] == " " else None
            if titled is not None and titled.end() < len(text) and _HANGUL.match(text[titled.end()]):
                after = doc.char_span(titled.end(), titled.end() + 1, alignment_mode="expand")
                if doc.char_span(titled.start(), titled.end()) is None or after is None \
                        or not after[0].tag_.startswith(("J", "XSN")) or after[0].text in ("실", "관", "급"):
                    titled = None  # 장관실, 대사관: a longer word, not the title (장관은, 장관과, 장관들 are)
            if not (titled or _NAME_PARTICLES.match(text, end)) or any(s < end and hit.start() < e for s, e in taken):
                continue
            span = doc.char_span(hit.start(), end)
            if span is None or not (titled or any(t.tag_ == "NNP" for t in span)):
                continue
            if titled is not None:
                end = titled.end()
            out.append(Found(hit.start(), end, "person", p.entity_id,
                             {**p.info, "title": titled.group() if titled else None,
                              "name_span": (hit.start(), hit.end())}))
            taken.append((hit.start(), end))
    return out


def _same_names(people: list[Found]) -> list[Found]:
    """A name the document gave once with its Latin form ("페데리카 모게리니(Federica Mogherini)") is that person
    wherever it recurs in Hangul, in full or by its last word ("모게리니 고위대표")."""
    known: dict[str, Found] = {}
    for p in people:
        if p.info.get("latin"):
            words = p.info["hangul"].split()
            # 레트노 마르수디(Retno Marsudi) … 레트노 장관: some names are shortened to their first word
            for alias in {p.info["hangul"], words[-1], words[0] if len(words[0]) >= 2 else ""} - {""} \
                    if words else set():
                known.setdefault(alias, p)
    for p in people:  # 알베르토 마르코스 … 마르코스 장관: a foreign name in full, then by its last word
        words = p.info["hangul"].split()
        if len(words) >= 2 and len(words[-1]) >= 2:
            known.setdefault(words[-1], p)
            known.setdefault(p.info["hangul"], p)
    for p in people:
        src = known.get(p.info["hangul"])
        if src is not None and not p.info.get("latin") and src.entity_id != p.entity_id:
            p.entity_id = src.entity_id
            p.info = {**p.info, "name": src.info["name"], "family": src.info["family"], "given": src.info["given"],
                      "economy": p.info["economy"] or src.info["economy"]}
    return people


def _same_office(full: str | None, short: str) -> bool:
    """'장관' continues '외교부 장관' and '외교장관'; '차관' does not continue '장관'."""
    return bool(full) and (short in full or full.endswith(short[-2:]))


def _resolve_surname(lex: KoLexicon, surname: str, office: str, day: dt.date | None) -> Official | None:
    offices = {
        "minister": ("kor_foreign_minister",), "foreign_minister": ("kor_foreign_minister", "jpn_foreign_minister",
                                                                    "chn_foreign_minister", "rus_foreign_minister"),
        "vice_minister": ("kor_first_vice_minister", "kor_second_vice_minister"),
        "spokesperson": ("kor_spokesperson",), "president": ("president",),
    }.get(office, (office,))
    found = {o.latin: o for key in offices if (o := lex.holder(key, surname, day)) is not None}
    return next(iter(found.values())) if len(found) == 1 else None


#: Economies whose names Korean writes family name first ("가미카와 요코", "시진핑").
_FAMILY_FIRST = frozenset({"KOR", "PRK", "JPN", "CHN", "TWN", "HKG", "VNM", "MNG"})


def _person(name: _Name, title: str | None, office: str, economy: str | None, start: int, end: int,
            lex: KoLexicon, day: dt.date | None) -> Found:
    """The person record of a name: the Hangul name as written (the fullest form: a surname resolved through the
    record is the holder's full name), the id of the Latin name when known (brackets, officials.tsv), else of its
    romanization."""
    official = _pick_official(name.officials, office, day)
    latin = name.latin or (official.latin if official else None)
    pid = english_person_id(latin, lex.family_names_latin) if latin else ids.person_id(romanize_name(name.text))
    # the record's full name for a surname alone: 유 장관 -> 유명환, 케리 국무장관 -> 존 케리 (as the gold's
    # name_from_record); a name written in full stays as written
    display = official.hangul[0] if official is not None and (
        len(name.text) == 1 or official.hangul[0].endswith(" " + name.text)) else name.text
    if economy is None and official is not None:
        economy = official.economy
    if economy is None and title and office.startswith("kor_"):
        economy = "KOR"
    if economy is None and title and (latin is None or _KOREAN_LATIN.match(latin)) and len(name.text) == 3 \
            and _HANGUL.match(name.text) and name.text[0] in FAMILY_SYLLABLES:
        economy = "KOR"  # 최길선 현대중공업 사장: a Korean name (surname + two syllables), an office, no state
    words = display.split()
    if len(words) > 1:
        first = economy in _FAMILY_FIRST or (economy is None and words[0] in FAMILY_SYLLABLES)
        family, given = (words[0], " ".join(words[1:])) if first else (words[-1], " ".join(words[:-1]))
    elif (economy in ("KOR", "PRK") or (economy is None and latin is None)) and 2 <= len(display) <= 4 \
            and display[0] in FAMILY_SYLLABLES:
        family, given = display[0], display[1:]
    else:
        family, given = display, None
    return Found(start, end, "person", pid, {"name": display, "hangul": name.text,
                                             "latin": latin if name.latin else None,
                                             "title": title, "economy": economy,
                                             "family": family, "given": given, "name_span": (name.start, name.end)})


def _pick_official(officials: list[Official], office: str, day: dt.date | None) -> Official | None:
    if not officials:
        return None
    by_latin = {o.latin: o for o in officials}
    if len(by_latin) == 1:
        return officials[0]
    month = day.strftime("%Y-%m") if day else None
    current = [o for o in officials if month and o.start <= month and (not o.end or month <= o.end)]
    return current[0] if len({o.latin for o in current}) == 1 else None


#: One word of a Latin name: Wang YI, Mélanie, L.P. (initials), al-Jubeir / bin Zayed / van der Leyen (particles).
_PARTICLES = "al|el|ad|as|an|ar|bin|ibn|van|von|de|del|da|di|du|der|den|la|le|ter|dos|das|do"
_LATIN_WORD = (rf"(?:(?:(?:{_PARTICLES})-)?(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'\-]+|[A-Z]{{2,}}|[A-Z]\.(?:[A-Z]\.)*)"
               rf"|(?:{_PARTICLES})(?= [A-Za-zÀ-ÖØ-Þ]))")
#: A Hangul name followed by its Latin form: two to five capitalised words (initials, particles allowed).
_LATIN_NAME = re.compile(r"(?<![가-힣])([가-힣]{1,8}(?: [가-힣]{1,8}){0,3})"
                         rf"\(({_LATIN_WORD}(?: {_LATIN_WORD}){{1,4}})\)")
_DATE_FULL = re.compile(r"(?<!\d)((?:19|20)\d\d)\s?(?:\.|년)\s?(\d{1,2})\s?(?:\.|월)\s?(\d{1,2})(?:\s?일|\.)?(?!\d)")
_DATE_MD_DOT = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.?(?=\s?\(([월화수목금토일])\))")
_DATE_MD = re.compile(r"(?<![\d.])(\d{1,2})월\s?(\d{1,2})일(?:\s?\(?([월화수목금토일])(?:요일)?\)?)?")
#: A copy that lost the characters 월 and the space: "72일 화요일" (7월 2일), "1222일" (12월 22일).
_DATE_GLUED = re.compile(r"(?<![\d.월])(\d{2,4})일\s?\(?([월화수목금토일])(?:요일|\))")
_RELATIVE = {"오늘": 0, "금일": 0, "내일": 1, "명일": 1, "어제": -1, "작일": -1, "모레": 2}


def _near_year(month: int, dayn: int, day: dt.date | None, weekday: str | None) -> dt.date | None:
    years = [day.year, day.year - 1, day.year + 1] if day else []
    candidates = []
    for y in years:
        try:
            d = dt.date(y, month, dayn)
        except ValueError:
            continue
        candidates.append(d)
    if not candidates:
        return None
    if weekday:
        fitting = [d for d in candidates if _WEEKDAYS[d.weekday()] == weekday]
        if fitting:
            candidates = fitting
    return min(candidates, key=lambda d: abs((d - day).days)) if day else candidates[0]


def find_dates(doc: Doc, day: dt.date | None) -> list[Found]:
    """Korean date forms as ISO dates; a date without a year is the nearest to the publication date that fits
    its weekday; 오늘/내일 count from the publication date."""
    text = doc_text(doc)
    out: list[Found] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, date: dt.date | None) -> None:
        if date is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        out.append(Found(start, end, "date", date.isoformat()))

    for hit in _DATE_FULL.finditer(text):
        try:
            add(hit.start(), hit.end(), dt.date(int(hit.group(1)), int(hit.group(2)), int(hit.group(3))))
        except ValueError:
            continue
    for pattern in (_DATE_MD_DOT, _DATE_MD):
        for hit in pattern.finditer(text):
            month, dayn = int(hit.group(1)), int(hit.group(2))
            if day is None or not (1 <= month <= 12 and 1 <= dayn <= 31):
                continue
            end = hit.end(2) + (1 if text[hit.end(2):hit.end(2) + 1] in (".", "일") else 0)
            add(hit.start(), end, _near_year(month, dayn, day, hit.group(3)))
    if day is not None:
        for hit in _DATE_GLUED.finditer(text):
            digits = hit.group(1)
            fits = []
            for cut in range(1, len(digits)):
                month, dayn = int(digits[:cut]), int(digits[cut:])
                if digits[cut] == "0" or not (1 <= month <= 12 and 1 <= dayn <= 31):
                    continue
                d = _near_year(month, dayn, day, hit.group(2))
                if d is not None and _WEEKDAYS[d.weekday()] == hit.group(2) and abs((d - day).days) < 200:
                    fits.append(d)
            if len(fits) == 1:
                add(hit.start(), hit.end(1) + 1, fits[0])
        for tok in doc:
            if tok.text in _RELATIVE and tok.tag_.startswith("NN"):
                add(tok.idx, tok.idx + len(tok), day + dt.timedelta(days=_RELATIVE[tok.text]))
    return out


def _sentence_of(doc: Doc, f: Found) -> tuple[int, int]:
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None:
        return f.start, f.end
    sent = span.sent
    return sent.start_char, sent.end_char


def _clause_of(doc: Doc, f: Found) -> tuple[int, int]:
    """The event's sentence, joined to the one before when the analyser cut it after a dotted day on the same line
    ("4.18.-21.간 예정된 … 국빈방문": the split after "21." is no sentence end)."""
    start, end = _sentence_of(doc, f)
    text = doc_text(doc)
    while start > 0 and text[start - 1] != "\n" and re.search(r"\d\.\s?$", text[max(0, start - 4):start]):
        span = doc.char_span(start - 1, start, alignment_mode="expand")
        if span is None:
            break
        start = span.sent.start_char
    return start, end


#: A day without a weekday in the ministry's dotted form, as a range's end or before a bracket or 간: "4.18.-21.간",
#: "(5.31.-6.2.)", "5.22-23"; never a decimal ("2.5%").
_LOOSE_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})(?:\.(?!\d)|(?=\s?[-~–]\s?\d|\s?간|\)|,))")
#: A month, with its year or a year word: "2013년 9월", "내년 9월", "금년 11월", "11월" (not "11월 5일": a day).
_MONTH = re.compile(r"(?:((?:19|20)\d\d)년\s?|(금년|올해|내년|명년|작년|지난해|전년)\s?|지난\s)?(?<![\d.])(\d{1,2})월"
                    r"(?!\s?\d{1,2}\s?일)")
#: A year word alone: "금년 중 서울에서 개최되는", "금년 하반기"; a week or a month word: "지난주 런던에서 열린".
#: A day and month that lost the character 월, with no weekday: "528일 외교부에서 개최되는" (5월 28일), "37일부터"
#: (3월 7일; "15일" is a day of the month).
_GLUED_DAY = re.compile(r"(?<![\d.월,])(\d{2,4})일(?!\s?\(?[월화수목금토일](?:요일|\)))(?!\s?(?:간|동안|째|만))")
_YEAR_WORD = re.compile(r"(금년|올해|내년|명년|작년|지난해)(?=\s?(?:중|하반기|상반기|말|초|내)?[\s,에의])")
_NEAR_WORD = re.compile(r"(지난\s?주|이번\s?주|다음\s?주|지난\s?달|이번\s?달|다음\s?달|내달)(?![가-힣])")
_YEAR_SHIFT = {"금년": 0, "올해": 0, "내년": 1, "명년": 1, "작년": -1, "지난해": -1, "전년": -1}


def _date_words(text: str, start: int, end: int, day: dt.date | None) -> list[tuple[int, int, str, bool]]:
    """(start, end, ISO, a loose day?) of the day, month and year forms find_dates leaves: loose days
    (4.18.-21.간), months (내년 9월 -> YYYY-MM) and year words (금년 중 -> YYYY), against the publication date."""
    out: list[tuple[int, int, str]] = []
    if day is None:
        return out
    part = text[start:end]
    for hit in _LOOSE_DATE.finditer(part):
        d = _near_year(int(hit.group(1)), int(hit.group(2)), day, None) \
            if 1 <= int(hit.group(1)) <= 12 and 1 <= int(hit.group(2)) <= 31 else None
        if d is not None:
            out.append((start + hit.start(), start + hit.end(), d.isoformat()))
    for hit in _GLUED_DAY.finditer(part):  # 528일 (5월 28일 without 월): one reading near the publication date
        digits = hit.group(1)
        if int(digits) <= 31:
            continue  # 15일: a day of the month
        fits = [d for cut in range(1, len(digits)) if digits[cut] != "0"
                and 1 <= int(digits[:cut]) <= 12 and 1 <= int(digits[cut:]) <= 31
                and (d := _near_year(int(digits[:cut]), int(digits[cut:]), day, None)) is not None
                and abs((d - day).days) < 60]
        if len(fits) == 1:
            out.append((start + hit.start(), start + hit.end(), fits[0].isoformat()))
    for i, (s, e, iso) in enumerate(out):  # 37일부터 9일까지 X를 방문하여 … 회의: a day of the visit, its month
        if re.match(r"\s?(?:부터|[-~–])\s?[^\n]{0,12}?(?:까지|간)\s[^\n]{0,40}?(?:을|를) 방문(?:하여|하고|해|하며)",
                    text[e:e + 70]):
            out[i] = (s, e, iso[:7])
    loose = len(out)
    for hit in _MONTH.finditer(part):
        month = int(hit.group(3))
        if not 1 <= month <= 12:
            continue
        if hit.group(1):
            year = int(hit.group(1))
        elif hit.group(2):
            year = day.year + _YEAR_SHIFT[hit.group(2)]
        elif hit.group(0).startswith("지난"):
            year = day.year - (month > day.month)
        else:
            year = day.year
        out.append((start + hit.start(), start + hit.end(), f"{year:04d}-{month:02d}"))
    taken = [(s, e) for s, e, _ in out]
    for hit in _YEAR_WORD.finditer(part):
        s = start + hit.start()
        if not any(a <= s < b for a, b in taken):
            out.append((s, start + hit.end(), str(day.year + _YEAR_SHIFT[hit.group(1)])))
    for hit in _NEAR_WORD.finditer(part):
        word = hit.group(1).replace(" ", "")
        shift = {"지난주": -7, "이번주": 0, "다음주": 7}.get(word)
        if shift is not None:
            d = day + dt.timedelta(days=shift)
        else:
            months = day.year * 12 + day.month - 1 + {"지난달": -1, "이번달": 0}.get(word, 1)
            d = dt.date(months // 12, months % 12 + 1, 1)
        out.append((start + hit.start(), start + hit.end(), f"{d.year:04d}-{d.month:02d}"))
    return [(s, e, v, i < loose) for i, (s, e, v) in enumerate(out)]


def _event_date(doc: Doc, f: Found, dates: list[Found], day: dt.date | None = None) -> str | None:
    """The date of an event: a date in brackets right after its name ("국빈방문(5.31.-6.2.)"), else the date of
    its sentence nearest before its name ("8.9.(수) … 개최된 회의", "내년 9월 시드니에서 개최되는 …", "금년 중 …
    개최되는 …"), else the nearest after (a month or year word only close after it: "… 정상회의가 11월 …"); a
    range's first day ("8.3.(화)-8.6.(금)간 … 회의")."""
    text = doc_text(doc)
    s_start, s_end = _clause_of(doc, f)
    if day is None:  # no publication date: the days of the text read against its latest full date (2010.1.16)
        full = [d.entity_id for d in dates if re.fullmatch(r"\d{4}-\d\d-\d\d", d.entity_id)]
        if full:
            day = dt.date.fromisoformat(max(full))
            taken = [(d.start, d.end) for d in dates]
            dates = [*dates, *(d for d in find_dates(doc, day) if s_start <= d.start < s_end
                                and text[d.start:d.end] not in _RELATIVE
                                and not any(a < d.end and d.start < b for a, b in taken))]
    inside = sorted((d for d in dates if s_start <= d.start and d.end <= s_end), key=lambda d: d.start)
    found = [(d.start, d.end, d.entity_id, False) for d in inside]
    words = [w for w in _date_words(text, s_start, s_end, day)
             if not any(s < w[1] and w[0] < e for s, e, _, _ in found)]
    bracket = re.match(r"\s?\(([^()]{2,30})\)", text[f.end:f.end + 34])
    if bracket:  # 국빈방문(5.31.-6.2.), NATO 외교장관회의(4.6.-7., 브뤼셀)
        b_start, b_end = f.end + bracket.start(1), f.end + bracket.end(1)
        first = min((c for c in [*found, *words] if b_start <= c[0] < b_end), default=None)
        if first is not None:
            return first[2]
    before = sorted(c for c in [*found, *words] if c[1] <= f.start)
    after = sorted(c for c in [*found, *words] if c[0] >= f.end and (c in found or (c[0] - f.end < 12 and not c[3])))
    # after the name: a full date, or a month close after it ("… 정상회의가 11월 …"), never a loose day
    if before:
        k = len(before) - 1
        while k > 0 and re.fullmatch(r"\s?(?:\([월화수목금토일]\))?\s?[-~–]\s?", text[before[k - 1][1]:before[k][0]]):
            k -= 1  # 8.3.(화)-8.6.(금): the range opens on its first day
        return before[k][2]
    if re.match(r"\s*(?:[-ㅇ○◦•]\s*)?\d{1,2}:\d\d", text[s_start:f.start]):
        # a schedule's next line ("17:00-19:00 아세안+3 외교장관회의") keeps the day of the line above
        above = [d for d in dates if d.end <= s_start and s_start - d.end < 120]
        if above:
            return above[-1].entity_id
    return after[0][2] if after else None


#: Words of time glued before a place: "오후파리에서" (a copy that lost the space).
_TIME_PREFIX = re.compile(r"^(?:오전|오후|현지|당일)")
_VISITING_KOREA = re.compile(r"방한\s?(?:중|중인|한|하는|할|하여|해|합니다|예정|기간)")


def _event_place(doc: Doc, f: Found, economies: list[Found], lex: KoLexicon) -> tuple[str | None, str | None]:
    """(city, host economy) of an event: a city opening its name (파리평화포럼), else a city or the chair in
    brackets right after it ("FEALAC 외교장관회의(동경)", "(의장국: 브루나이)"), else, nearest to the name in its
    sentence, a city or state before 에서 ("아디스아바바에서 … 회의를 개최", "워싱턴 D.C.에서"), a city or state
    visited for it ("페루 리마를 방문하여 … 회의에 참석", "회의 참석차 미국을 방문"), a chair or host ("터키가
    의장국을 맡은 G20 정상회의", "가나가 주최하는 …") or, for a meeting with a visitor (회담, 협의, 대화), a visit
    to Korea ("방한 중인 X 장관과 … 회담": Korea hosts); else such a visit in the lines just before ("X 장관이
    방한합니다. … 회담을 갖고")."""
    name = re.sub(r"^(?:(?:19|20)\d\d년?|제\d+[차회])\s*", "", f.info.get("name", ""))  # 2030 부산세계박람회
    for city in sorted(lex.cities, key=len, reverse=True):
        if name.startswith(city) and len(name) > len(city):
            return city, lex.cities[city]
    city = next((w for w in name.split()[1:-1] if w in lex.cities), None)  # G20 서울 정상회의
    if city:
        return city, lex.cities[city]
    text = doc_text(doc)
    names = lex.economy_names
    bracket = re.match(r"\s?\(([^()]{2,30})\)", text[f.end:f.end + 34])
    if bracket:
        chair = re.search(r"의장국\s?[:：]\s?([가-힣]+)", bracket.group(1))
        if chair and chair.group(1) in names:
            return None, names[chair.group(1)]
        city = next((w for w in re.findall(r"[가-힣]+", bracket.group(1)) if w in lex.cities), None)
        if city:
            return city, lex.cities[city]
    s_start, s_end = _clause_of(doc, f)
    sentence = text[s_start:s_end]
    candidates: list[tuple[int, str | None, str | None]] = []

    def place(word: str, at: int) -> tuple[str | None, str | None] | None:
        bare = _TIME_PREFIX.sub("", word)  # 오후파리: 파리
        at += len(word) - len(bare)
        hangul = re.sub(r" [A-Z]\.[A-Z]\.$", "", bare)  # 워싱턴 D.C.
        if hangul in lex.cities:
            return bare, lex.cities[hangul]
        econ = next((e.entity_id for e in economies if e.start == at and e.end == at + len(bare)), None)
        return (None, econ) if econ else None

    for hit in re.finditer(r"(?<![가-힣])([가-힣]{1,12}(?: [A-Z]\.[A-Z]\.)?)에서(?:는|의)?(?=\s)", sentence):
        got = place(hit.group(1), s_start + hit.start(1))
        if got:
            candidates.append((s_start + hit.start(1), *got))
    for hit in re.finditer(r"(?<![가-힣])([가-힣]{1,12})(?:을|를)\s?방문", sentence):
        got = place(hit.group(1), s_start + hit.start(1))
        if got:
            candidates.append((s_start + hit.start(1), *got))
    for hit in re.finditer(r"(?<![가-힣])([가-힣]{1,12})(?:이|가)\s(?:의장국|주최하|개최하)", sentence):
        if hit.group(1) in names and 0 <= f.start - (s_start + hit.end()) < 16:  # the meeting it opens
            candidates.append((s_start + hit.start(1), None, names[hit.group(1)]))
    # a visitor to Korea meets there (회담, 협의, 대화), a summit or forum named beside the visit is elsewhere
    visit_meeting = re.search(r"(?:회담|협의|협의회|대화|면담)$", name) is not None
    for hit in _VISITING_KOREA.finditer(sentence) if visit_meeting else ():
        candidates.append((s_start + hit.start(), None, "KOR"))
    for hit in re.finditer(r"(?<![가-힣])(외교부|외교통상부|정부서울청사|외교부 청사)에서(?=\s)", sentence):
        candidates.append((s_start + hit.start(1), hit.group(1), "KOR"))  # the ministry's own building
    host = re.search(r"(?:^|\s)(?:외교부|외교통상부|정부)(?:는|가)\s", text[s_start:f.start])
    if host and re.match(r"(?:을|를)\s?(?:개최|주최)", text[f.end:f.end + 8]):
        candidates.append((s_start + host.start(), None, "KOR"))  # 외교부는 … 대책회의를 개최: Korea hosts
    if candidates:
        best = min(candidates, key=lambda c: abs(c[0] - f.start))
        return best[1], best[2]
    # "X 장관이 … 방한합니다." then "… X 장관과 … 회담을 갖고": the visit to Korea in the lines just before
    line = text.rfind("\n", 0, s_start) + 1
    above = text[:line].rstrip().rfind("\n") + 1 if line > 0 else line
    if visit_meeting and _VISITING_KOREA.search(text[above:s_start]):
        return None, "KOR"
    return None, None


#: A release's schedule lines: "ㅇ 일시 : 2031.5.14.(수) 10:00", "- 장소 : 서울 롯데호텔".
_SCHEDULE = re.compile(r"^[ \t]*(?:[-ㅇ○◦•□▷*]\s*)?(일\s?시|장\s?소)\s*[:：]\s*([^\n]+)$", re.M)


def _schedule_lines(doc: Doc, events: list[Found], dates: list[Found], records: dict[str, Event],
                    lex: KoLexicon) -> None:
    """일시 / 장소 lines date and place the event named last before them (the first one when none is): the
    release's own meeting, which the body seldom dates in the same sentence."""
    if not events:
        return
    text = doc_text(doc)
    for hit in _SCHEDULE.finditer(text):
        before = [e for e in events if e.end <= hit.start()]
        target = records.get((before[-1] if before else events[0]).entity_id)
        if target is None:
            continue
        value = hit.group(2).strip()
        if hit.group(1).replace(" ", "") == "일시":
            date = next((d.entity_id for d in dates if hit.start(2) <= d.start < hit.end(2)), None)
            if date and not target.date:
                target.date = date
        elif not target.location:
            place = re.split(r"\s?[(/,]", value)[0].strip()
            if place:
                target.location = place
                city = next((lex.cities[w] for w in re.findall(r"[가-힣]+", place) if w in lex.cities), None)
                target.economy_id = target.economy_id or city or next(
                    (code for c, code in lex.cities.items() if place.startswith(c)), None)


def find_events(doc: Doc, m: Matchers, economies: list[Found], orgs: list[Found],
                people: list[Found] | None = None) -> list[Found]:
    """A named meeting: 「name」 (or ‘name’, a year after it kept: 「서울외교포럼 2024」), or a run of nominal words
    ending in a meeting noun (외교장관회의, 정상회의, 포럼, 전화통화, 국빈방문) opened by an ordinal (제N차, 제N회),
    a year, a party (economy, organisation, short-form compound, even one that lost a letter: "-케냐 정책협의회",
    "한 EU 외교장관 전화통화"), a number of parties (6자회담) or a Latin acronym (EAS 외교장관회의). A word with a
    particle ends the run: "외교부는 이번 회의" names no meeting; a person named with a title, a deictic word (이번,
    금번), a list word (등, 겸, 간) or the occasion of another meeting (… 계기) is never part of the name: the name
    opens after them ("강경화 장관 제7차 … 회의", "G7 회의 계기 한일 외교장관회담"); a month or a day is a date,
    not a name ("2013년 9월 유엔총회"). The head ends the word's compound (대화상대국 is no 대화). A dialogue,
    consultation or call needs a word besides its parties ("남북대화" is a process, "한미 외교장관 통화" a call); a
    visit (국빈방문, 공식방문) is a state's and hosted by it. A name that is an organisation's (걸프협력회의) or lies
    inside a longer one is none; one that another names with its city (G20 정상회의, G20 서울 정상회의) is that one.
    A meeting named only by its kind (외교장관회담, 약식 회담) is the release's named meeting of that kind when there
    is one; else, when it is held with a partner (…과 외교장관회담을 갖고/개최), the release's own meeting."""
    text = doc_text(doc)
    in_person = {i for p in people or [] for i in range(p.start, p.end)}
    out: list[Found] = []
    party_starts = {f.start for f in economies} | {f.start for f in orgs}
    states = {e.start: e for e in economies if not e.info.get("compound") and not e.info.get("side")}
    for hit in _QUOTED_EVENT.finditer(text):  # quoted: a meeting's name with a meeting noun (and its year)
        name = hit.group(1) or hit.group(2) or hit.group(3) or hit.group(4)
        start = hit.start(1) if hit.group(1) else hit.start(2) if hit.group(2) else hit.start(3) if hit.group(3) \
            else hit.start(4)
        ordinal = re.match(r"제\s?(\d+)\s?[차회]\s*", name)
        if ordinal and len(name) > ordinal.end():
            start, name = start + ordinal.end(), name[ordinal.end():]
        if re.search(rf"(?:{_EVENT_HEAD_PATTERN})(?: (?:19|20)\d\d)?$", name) and len(name) >= 4:
            out.append(Found(start, start + len(name), "event", "",
                             {"name": name, "ordinal": int(ordinal.group(1)) if ordinal else None}))
    token_end = {t.idx + len(t): t.i for t in doc}
    kinds: list[tuple[int, int, str]] = []  # meetings named by their kind only: (start, end, text)
    for hit in _EVENT_HEAD_RE.finditer(text):
        j = token_end.get(hit.end())
        if j is None or (hit.start() < doc[j].idx and doc.char_span(hit.start(), hit.end()) is None):
            continue  # 국제사회의: the head's letters across a word and its particle
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if nxt is not None and not doc[j].whitespace_ and _NOMINAL.match(nxt.tag_) and nxt.tag_ != "NNB":
            continue  # 대화상대국: the head does not end the compound
        head = hit.group(0)
        k = j
        words = 1
        while k > 0:
            prev = doc[k - 1]
            if prev.is_space or (prev.whitespace_ and words >= 6):
                break
            if not (_NOMINAL.match(prev.tag_) or (prev.text and all(c in "+" + _SEPARATORS for c in prev.text))):
                break
            if prev.whitespace_:
                words += 1
            k -= 1
        if k > 0 and doc[k - 1].text == "한" and doc[k - 1].whitespace_ and doc[k].idx in party_starts:
            k -= 1  # 한 폴란드 외교장관회담: the compound's separator lost
        # the name opens at its first party, ordinal, year or acronym
        start = None
        first = None  # the first word after any reset (for a meeting named by its kind)
        for i in range(k, j + 1):
            tok = doc[i]
            word_start = i == k or doc[i - 1].whitespace_
            if tok.idx in in_person or tok.text in _EVENT_NOT_NAME \
                    or (tok.text in _EVENT_BREAK and not tok.tag_.startswith("NNP")) \
                    or (tok.text in ("월", "일") and i > k and doc[i - 1].tag_ == "SN") \
                    or (tok.text == "관련" and i > k and doc[i - 1].idx not in party_starts):
                start = first = None  # the name, if any, opens after the person, the deictic word or the date
                continue
            if not word_start or start is not None:
                continue
            if first is None:
                first = i
            glued = _word_party(doc, i, party_starts)
            if tok.idx in party_starts or tok.tag_ == "NNP" or _EVENT_OPENER.fullmatch(tok.text) or glued \
                    or (tok.text == "제" and i + 1 <= j and doc[i + 1].tag_.startswith("SN")) \
                    or (tok.tag_ == "SN" and i + 1 <= j and doc[i + 1].text == "자") \
                    or (tok.text == "한" and i < j and doc[i + 1].idx in party_starts):
                start = tok.idx
        end = hit.end()
        if start is None:
            if first is not None:
                kinds.append((doc[first].idx, end, text[doc[first].idx:end]))
            continue
        name = text[start:end]
        ordinal = re.match(r"제\s?(\d+)\s?[차회]\s*", name)
        if ordinal and len(name) > ordinal.end():  # 제6차 파리평화포럼: the 6th of the forum, named without it
            start += ordinal.end()
            name = text[start:end]
        year = re.match(r"((?:19|20)\d\d)(?:년도?)?\s*", name)
        if year and len(name) > year.end() + 1:  # 2030 부산세계박람회: the year's, named without it
            start += year.end()
            name = text[start:end]
        if name in _EVENT_HEADS or len(name) < 4 \
                or re.fullmatch(rf"(?:19|20)\d\d년?\s?(?:{_EVENT_HEAD_PATTERN})", name):
            continue
        if head in _NEEDS_WORD and _only_parties(text, start, end - len(head), [*economies, *orgs],
                                                 frozenset(m.lex.economy_abbr) | {"남"}):
            continue  # 남북대화, 한중 통화: a process or a call of the parties, no named meeting
        before_head = text[start:end - len(head)].split()
        if head == "협의" and not (before_head and (before_head[-1] in m.lex.titles or before_head[-1].endswith(
                ("급", "차관", "장관", "정례", "실무", "당국간")))):
            continue  # 한미일 차관 협의 is a meeting; "… 협력 방안 협의" a discussion
        bare_ordinal = re.search(r"(?<![\d.])(\d{1,3})\s?차\s$", text[max(0, start - 6):start])  # 9차 한··중 정상회의
        number = int(ordinal.group(1)) if ordinal else int(bare_ordinal.group(1)) if bare_ordinal else None
        if head == "공동위원회" and number is None:
            continue  # 한미 공동위원회 is a body; its 제8차 session a meeting
        info: dict = {"name": name, "ordinal": number, "year": year.group(1) if year else None}
        if head in _VISITS:  # 콜롬비아 공식방문: the state's
            e = states.get(start)
            if e is None:
                continue
            info["host"] = e.entity_id
        acronym = re.match(r"\s?\(([A-Z][A-Za-z0-9+\-]{1,10})\)", text[end:end + 14])
        if acronym:
            info["acronym"] = acronym.group(1)
        out.append(Found(start, end, "event", "", info))
    org_spans = {(o.start, o.end) for o in orgs}
    # 걸프협력회의 (the Gulf Cooperation Council): a council written as one name of the gazetteer is an organisation
    out = [f for f in out if (f.start, f.end) not in org_spans or not f.info["name"].endswith("회의")]
    out = [f for f in out if not any(g is not f and g.start <= f.start and f.end <= g.end
                                     and (g.start, g.end) != (f.start, f.end) for g in out)]
    names = {f.info["name"] for f in out}
    for f in out:  # G20 정상회의 beside G20 서울 정상회의: the one meeting, named with its city
        longer = next((n for n in names if n != f.info["name"] and len(n.split()) == len(f.info["name"].split()) + 1
                       and any(w in m.lex.cities and " ".join(x for x in n.split() if x != w) == f.info["name"]
                               for w in n.split())), None)
        if longer:
            f.info["name"] = longer
    out += _kind_mentions(doc, kinds, out)
    return sorted(out, key=lambda f: f.start)


def _word_party(doc: Doc, i: int, party_starts: set[int]) -> bool:
    """A written word of separators before a party, the short form before them lost: "-케냐 정책협의회"."""
    tok = doc[i]
    return bool(tok.text) and all(c in _SEPARATORS for c in tok.text) and not tok.whitespace_ \
        and i + 1 < len(doc) and doc[i + 1].idx in party_starts


def _only_parties(text: str, start: int, end: int, parties: list[Found], short: frozenset[str]) -> bool:
    """True when text[start:end] holds nothing but parties, one-syllable short forms of states and separators
    ("남북" (남 the South), "한-EU", "한중")."""
    covered = [(p.start, p.end) for p in parties if start <= p.start and p.end <= end]
    rest = "".join(c for i, c in enumerate(text[start:end], start) if not any(s <= i < e for s, e in covered))
    return not re.sub(rf"[\s{re.escape(_SEPARATORS)}]", "", "".join(c for c in rest if c not in short))


def _kind_mentions(doc: Doc, kinds: list[tuple[int, int, str]], named: list[Found]) -> list[Found]:
    """Meetings named only by their kind, held in their sentence ("…을 갖고", "…를 개최"): the release's named
    meeting of that kind ("외교장관회담을 갖고" after the title's "한·호주 외교장관회담"; a bare "회담을 갖고" with a
    partner when one named meeting is a 회담): its date and place are read there too. Else the release's own meeting
    named as written: a title's "<meeting> 개최|결과|참석" ("재외국민보호 대책회의 개최"), or one held with a partner
    ("X 장관과 외교장관회담을 개최")."""
    text = doc_text(doc)
    titles = [(p.start, p.end) for p in doc._.mofa_paragraphs or [] if p.section == "title"]
    named = list(named)
    out = []
    for start, end, kind in kinds:
        bare = kind.replace(" ", "")
        s_start, _ = _sentence_of(doc, Found(start, end, "event", ""))
        held = re.match(r"(?:\s?및\s?[가-힣]{1,8})?(?:\([^()]{1,30}\))?\s?(?:을|를)\s?(?:갖|가지|가졌|가질|개최)",
                        text[end:end + 40])
        partner = re.search(r"[가-힣)](?:와|과)\s", text[s_start:start])
        targets = {f.info["name"]: f for f in named if f.info["name"].replace(" ", "").endswith(bare)}
        if held and len(targets) == 1 and (bare not in _GENERIC_KINDS or partner):
            out.append(Found(start, end, "event", "", {**next(iter(targets.values())).info, "alias": True}))
            continue
        if bare in _GENERIC_KINDS or targets:
            continue
        line_end = text.find("\n", end)
        in_title = any(s <= start < e for s, e in titles) and re.fullmatch(
            r"\s(?:개최|결과|참석|개최\s?결과)\s*", text[end:line_end if line_end >= 0 else len(text)])
        if (in_title and " " in kind.strip()) or (_OWN_MEETING.fullmatch(kind) and held and partner):
            f = Found(start, end, "event", "", {"name": kind, "ordinal": None})
            out.append(f)
            named.append(f)
    return out


def _event_records(doc: Doc, events: list[Found], dates: list[Found], economies: list[Found],
                   lex: KoLexicon) -> dict[str, Event]:
    """One Event per name (ids from the document and the romanized name), each attribute read from the first
    mention that gives it: a heading names the meeting before the sentence that dates and places it."""
    day = doc._.mofa_published
    records: dict[str, Event] = {}
    for f in events:
        f.entity_id = ids.event_id(doc._.mofa_doc_id, romanize_name(f.info["name"]) if not f.info["name"].isascii()
                                   else f.info["name"])
    for f in events:
        if f.entity_id in records:
            continue
        same = [e for e in events if e.entity_id == f.entity_id]
        date = next((d for e in same if (d := _event_date(doc, e, dates, day))), None) \
            or next((d.entity_id for d in dates if 0 <= d.start - f.end < 40 or 0 <= f.start - d.end < 40), None)
        year = next((e.info["year"] for e in same if e.info.get("year")), None)
        if year and not (date or "").startswith(year):
            date = year  # 2030 부산세계박람회: the year its name gives, unless a date of that year is written
        places = [p for e in same if (p := _event_place(doc, e, economies, lex)) != (None, None)]
        location, host = next((p for p in places if p[0]), places[0] if places else (None, None))
        visit = next((e.info["host"] for e in same if e.info.get("host")), None)
        records[f.entity_id] = Event(event_id=f.entity_id, doc_id=doc._.mofa_doc_id, name=f.info["name"],
                                     acronym=next((e.info["acronym"] for e in same if e.info.get("acronym")), None),
                                     ordinal=next((e.info["ordinal"] for e in same if e.info.get("ordinal")), None),
                                     date=date, location=location if not visit else None,
                                     economy_id=visit or host)
    _schedule_lines(doc, [e for e in events if not e.info.get("alias")], dates, records, lex)
    return records


@Language.factory("mofa_ko_entities", default_config={"data_dir": "data/ko"})
def make_ko_entities(nlp: Language, name: str, data_dir: str) -> KoEntities:
    from pathlib import Path

    base = Path(__file__).resolve().parent.parent
    return KoEntities(load_ko_lexicon(base / data_dir, base / "data"))


class KoEntities:
    """Sets ``doc.spans["mofa"]`` and ``doc._.mofa_entities`` (the contract of :mod:`pipeline.components`)."""

    def __init__(self, lex: KoLexicon) -> None:
        self.lex = lex
        self.m = Matchers(lex)

    def __call__(self, doc: Doc) -> Doc:
        day = doc._.mofa_published
        economies = find_economies(doc, self.m)
        orgs = find_organizations(doc, self.m)
        headed = find_headed_orgs(doc, self.m, orgs)
        orgs = [o for o in orgs if not any(h.start <= o.start and o.end <= h.end for h in headed)] + headed
        people = find_people(doc, self.m, economies, day, orgs)
        press, reporters = find_reporters(doc, self.lex)
        taken = {(p.start, p.end) for p in people}
        people += [p for p in reporters if not any(s <= p.start < e for s, e in taken)]
        orgs += [o for o in press if not any(f.start <= o.start < f.end for f in orgs)]
        in_titles = [(p.start, p.end) for p in people]
        # 외교부 inside "조태열 외교부 장관" is part of a title, not a mention of the ministry
        orgs = [o for o in orgs if not any(s <= o.start and o.end <= e for s, e in in_titles)]
        dates = find_dates(doc, day)
        events = find_events(doc, self.m, economies, orgs, people)
        initiatives = find_initiatives(doc, self.m, economies, orgs, people)
        # "아세안공동체(ASEAN Community)": a name with its Latin gloss is the initiative, not a person
        people = [p for p in people if not any(i.start <= p.start < i.end for i in initiatives)]
        links = initiative_links(doc, initiatives, economies, people)
        self.set_annotations(doc, economies, orgs, people, dates, events, initiatives, links)
        return doc

    def set_annotations(self, doc: Doc, economies: list[Found], orgs: list[Found], people: list[Found],
                        dates: list[Found], events: list[Found], initiatives: list[Found],
                        links: list[InitiativeLink] | None = None) -> None:
        spans = []
        records: dict[str, dict] = {"economy": {}, "organization": {}, "person": {}, "event": {}, "initiative": {}}
        for f in initiatives:
            records["initiative"].setdefault(f.entity_id, Initiative(initiative_id=f.entity_id, name=f.info["name"],
                                                                     acronym=f.info["acronym"]))
        for f in economies:
            records["economy"][f.entity_id] = Economy(economy_id=f.entity_id, name=display_name(self.lex, f.entity_id),
                                                      apec_member=f.entity_id in self.lex.apec)
        for f in orgs:
            records["organization"].setdefault(f.entity_id, Organization(org_id=f.entity_id, name=f.info["name"],
                                                                         acronym=f.info["acronym"]))
        for f in people:
            old = records["person"].get(f.entity_id)
            titles = list(old.titles) if old else []
            if f.info["title"] and f.info["title"] not in titles:
                titles.append(f.info["title"])
            records["person"][f.entity_id] = Person(
                person_id=f.entity_id, name=f.info["name"] if not old or len(f.info["name"]) >= len(old.name)
                else old.name, family_name=f.info["family"], given_name=f.info["given"],
                economy=f.info["economy"] or (old.economy if old else None), titles=titles)
        records["event"] = _event_records(doc, events, dates, economies, self.lex)
        for f in [*economies, *orgs, *people, *dates, *events, *initiatives]:
            span = doc.char_span(f.start, f.end, alignment_mode="expand", label=f.kind, kb_id=f.entity_id)
            if span is not None:
                spans.append(span)
        doc.spans["mofa"] = spans
        doc._.mofa_entities = records
        doc._.mofa_links = links or []
