"""Korean claims: reporting predicates (강조했다, 촉구하며, 합의하였음 ...), their speaker and their content.

A cue is the stem of a reporting predicate (``data/ko/cues.tsv``) used as the predicate of its clause: before a
sentence-final ending (-다, -습니다, the nominal -음/-ㅁ of a bulleted line, or a bare noun closing a bullet), or
before a connective ending (-고, -며, -면서, -지만) inside the sentence: one claim per cue. Adnominal and purpose
forms (강조한 점, 요청하도록) are no claims, except "할 예정이다/계획이다" (a claim announced for the future) and
"-기로 했다" (a commitment).

The speaker is the phrase before the topic or subject particle (은/는, 이/가, 께서) of the sentence: a person,
organisation or economy mention, a group (양 장관 -> "two ministers", as the English path names it), a bare office
("장관은": the last person holding it) or the government (정부 -> the home economy). A sentence with no subject
inherits the last speaker of its paragraph block (bullets under "□ X는 ..."). In a briefing, every answer (after
<답변>) is the spokesperson's unless a foreign speaker is named; questions (<질문>) hold no claims.

The content is the quotation ("…"라고) when there is one, else the words between the speaker (or the previous cue of
the sentence) and the cue, without the closing object particle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.components.structure import SentenceIndex, paragraph_at
from pipeline.engine import ids
from pipeline.ko.lexicon import Cue, KoLexicon, doc_text, load_ko_lexicon
from schemas.models import Claim, Person

_CONNECTIVES = frozenset({"고", "며", "으며", "면서", "으면서", "지만", "으나", "나", "는데", "ㄴ데", "고서"})
#: 강조해 왔다, 요청해 나가다; 강조하고자 합니다 (the intent form of a briefing's answers)
_AUX_CONNECTIVES = frozenset({"어", "아", "여", "어서", "아서", "여서", "게", "고자"})
_FUTURE_NOUNS = frozenset({"예정", "계획", "방침"})
#: Nouns after a past adnominal that chain the clause to the next one: 평가한 뒤, 설명한 후, 소개한 데 이어.
_AFTER_NOUNS = frozenset({"뒤", "후", "다음", "데"})
#: 우려를 표명했다, 사의를 표하고: after an object noun that is a cue, the noun is the cue and these its predicate.
_EXPRESSING = frozenset({"표", "표명", "표하", "표시", "나타내", "밝히", "전하", "전달", "되풀이"})
_SUBJECT_PARTICLES = frozenset({"은", "는", "이", "가", "께서", "께서는", "측은", "에서는"})
_BLOCK_MARKERS = re.compile(r"^\s*(?:□|■|\d{1,2}\.|[IVⅠⅡⅢ]+\.)")
#: Question and answer marks of the briefing layouts: <질문>, [질문], (질문), 【질문】, 질문 :, 질문), Q. / A., after
#: an optional bullet.
_BULLET = r"^\s*(?:[-–○◦ㅇ•▷◇◆▶*□■▪☞➡]\s*)?"
_QUESTION = re.compile(_BULLET + r"(?:[<\[(【〈《]\s*질\s*문\s*[>\])】〉》]|질?\s*문\s*[:：)]|Q\s*[.:：)]"
                       r"|기\s*자\s*[:：])")  # 기자: … / 대변인: … (a transcript's speaker labels)
_ANSWER = re.compile(_BULLET + r"(?:[<\[(【〈《]\s*답\s*변?\s*[>\])】〉》]|답\s*변?\s*[:：)]|A\s*[.:：)]"
                     r"|대\s*변\s*인\s*[:：])")
#: A question paragraph closed by its question mark or a request's closing ("…궁금합니다.", "…설명 부탁드립니다."; a
#: signature or a bracket may follow).
_ASKED = re.compile(r"(?:[?？]|(?:궁금합니다|부탁드립니다|부탁합니다|듣고 싶습니다|주시기 바랍니다|주십시오|주시죠"
                    r"|주세요)\.?)\s*(?:[(\[][^()\[\]\n]{0,40}[)\]])?\s*$")
#: A question signed by its journalist "(KBS 김민정 기자)" even without a mark.
_SIGNED = re.compile(r"기자\s?[)\]）】]\s*$")
#: A briefing: questions and answers, or the spokesperson opening one ("정례브리핑을 시작하겠습니다").
_BRIEFING = re.compile(r"<\s*질\s*문\s*>|\[\s*질\s*문\s*\]|브리핑을\s?시작|질문\s?(?:받겠|주시면)")
_OPEN_QUOTES = "\"“‘'「"
_CLOSE_QUOTES = "\"”’'」"


@dataclass
class Speaker:
    kind: str
    entity_id: str | None
    text: str
    start: int | None
    end: int | None


#: Adverbs linking a sentence to the previous one: no part of what is said (아울러 회의를 개최하기로 합의).
_LINKING_ADVERBS = frozenset({"아울러", "또한", "특히", "한편", "이어", "이어서", "또", "그리고", "이에", "다만"})
_FIRST_PERSON = frozenset({"저희", "저", "제", "우리"})
#: The sentence's topic is no speaker ("이번 방문은 ... 기대된다"): its predicates are nobody's claims.
_NOBODY = Speaker("collective", None, "", None, None)


@dataclass
class CueHit:
    cue: Cue
    start: int  # token index of the stem
    end: int  # token index just after the predicate
    future: bool
    connective: bool = False  # the clause goes on (-고, -며): its tense is the sentence's final predicate's


def _parts(tok: Token) -> list[str]:
    return tok.tag_.split("+")


def find_cues(sent: Span, lex: KoLexicon) -> list[CueHit]:
    """Reporting predicates of one sentence, in order (pure on the tokens and the cue lexicon)."""
    hits: list[CueHit] = []
    toks = list(sent)
    n = len(toks)
    skip_until = -1
    quoted = _quoted_tokens(toks)
    for i, _tok in enumerate(toks):
        if i < skip_until or i in quoted:
            continue
        saying = _saying(toks, i)
        if saying is not None:
            hits.append(saying)
            continue
        said = _quotative_say(toks, i)
        if said is not None and said.claim_type == "statement" and i >= 2 and \
                re.search(r"야\s?한다고\s*$", sent.text[:toks[i].idx - sent.start_char]):
            said = Cue("하다", "call", "하다")  # …해야 한다고 하였다: says what must be done
        if said is not None:
            hit = _predicate(toks, i, said, lex, first=i)
            if hit:
                hits.append(hit)
                skip_until = hit.end
            continue
        stem, first = _stem(toks, i, lex)
        if stem is None:
            continue
        cue = lex.cues[stem]
        # 우려를 표명했다 / 사의를 표하고: the noun is the cue, the expressing verb its predicate
        if cue.stem not in _EXPRESSING and i + 2 < n and toks[i + 1].tag_ == "JKO":
            nxt, nlast = _stem(toks, i + 2, lex)
            if nxt in _EXPRESSING or toks[i + 2].text in _EXPRESSING or toks[i + 2].lemma_[:-1] in _EXPRESSING:
                hit = _predicate(toks, nlast if nxt else i + 2, cue, lex, first=i)  # 우려를 전달을 했습니다
                if hit:
                    hits.append(hit)
                    skip_until = hit.end
                continue
        hit = _predicate(toks, first, cue, lex, first=i)
        if hit:
            hits.append(hit)
            skip_until = hit.end
    hits.extend(h for h in _decided(toks, hits) if h.start not in quoted)  # "…않기로 했다"며: nested
    hits.extend(h for h in _will(toks, hits) if h.start not in quoted)
    hits.extend(h for h in _position(toks, hits) if h.start not in quoted)
    hits.sort(key=lambda h: h.start)
    # A는 중시한다면서 B하고 싶다고 하였다: one report (the outer 하다) of two clauses, not two claims
    hits = [h for k, h in enumerate(hits) if not (
        h.cue.lemma == "하다" and h.connective and toks[h.start].text.endswith(_SAYING_ENDINGS)
        and k + 1 < len(hits) and hits[k + 1].cue.lemma == "하다"
        and toks[hits[k + 1].start - 1].text.endswith(("다고", "라고", "자고")))]
    # 기쁘게 생각한다고 하였다 / 합의했다고 밝혔다: the inner predicate is part of what the outer one reports
    hits = [h for k, h in enumerate(hits) if not (
        k + 1 < len(hits) and toks[h.end - 1].text.endswith(("다고", "라고")) and hits[k + 1].start - h.end <= 1)]
    # 축하하고 ... 당부할 예정이다: a connected clause has the tense of the predicate closing the chain
    for i in range(len(hits) - 2, -1, -1):
        if hits[i].connective and hits[i + 1].future:
            hits[i].future = True
    return hits


_SAYING_ENDINGS = ("다며", "라며", "다면서", "라면서", "자며", "자면서")
_QUOTE_CLOSERS = ("라고", "고", "며", "면서", *_SAYING_ENDINGS)


def _saying(toks: list[Token], i: int) -> CueHit | None:
    """'"…"이라며' / '중요하다며' (= -다고 하며): the clause before the ending is said, the sentence goes on; a
    claim of its own (cue 하다), as the English path reads a 'saying …' participle."""
    tok = toks[i]
    if _parts(tok)[-1] != "EC" or i == 0:
        return None
    prev = toks[i - 1]
    after_quote = prev.tag_ == "SSC" and prev.text in ("\"", "”") and tok.text in ("며", "면서")
    if not (tok.text.endswith(_SAYING_ENDINGS) or after_quote):
        return None
    if prev.is_space or not (prev.tag_.startswith(("SS", "VCP", "XSA", "XSV", "EP", "VA", "VV", "VX"))
                             or len(_parts(tok)) > 1):
        return None
    kind = "proposal" if tok.text.endswith(("자며", "자면서")) else "statement"
    return CueHit(Cue("하다", kind, "하다"), i, i + 1, False, connective=True)


def _quoted_tokens(toks: list[Token]) -> set[int]:
    """Tokens inside a double-quoted passage closed by a quotative ('"…"고 말했다', '"…"이라며'): the passage is
    the content of the outer claim; a cue inside it is nested, not a claim of the sentence's subject."""
    out: set[int] = set()
    open_at: int | None = None
    for k, tok in enumerate(toks):
        if tok.text in ("\"", "“") and open_at is None and (tok.text == "“" or tok.tag_ == "SSO"):
            open_at = k
        elif tok.text in ("\"", "”") and open_at is not None:
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and nxt.tag_.startswith("VCP") and k + 2 < len(toks):
                nxt = toks[k + 2]
            if nxt is not None and (nxt.tag_.startswith("JKQ") or nxt.text.endswith(_QUOTE_CLOSERS)):
                out.update(range(open_at + 1, k))
            open_at = None
    return out


#: "…해야 한다고 하였다" (said that), "…나가자고 하였다" (proposed to): 하다 after a quotative ending reports speech.
_QUOTATIVE_SAY = {"다고": Cue("하다", "statement", "하다"), "라고": Cue("하다", "statement", "하다"),
                  "자고": Cue("하다", "proposal", "하다")}


def _quotative_say(toks: list[Token], i: int) -> Cue | None:
    tok = toks[i]
    if not (tok.lemma_ == "하다" and _parts(tok)[0] == "VV") or i < 1:
        return None
    prev = toks[i - 1]
    if prev.is_space and i >= 2:
        prev = toks[i - 2]
    if not prev.whitespace_ and not toks[i - 1].is_space:
        return None
    if prev.tag_.startswith("JKQ") and prev.text == "고" and i >= 3 and toks[i - 2].tag_ == "SSC":
        # '"…나가자"고 했다' / '"…중요하다"고 했다': a direct quotation closed by 고 before 하다 reports speech; a
        # quoted exhortation (-자) proposes
        last = toks[i - 3]
        return Cue("하다", "proposal" if last.text == "자" and _parts(last)[-1] == "EF" else "statement", "하다")
    if _parts(prev)[-1] != "EC":
        return None
    return next((cue for ending, cue in _QUOTATIVE_SAY.items() if prev.text.endswith(ending)), None)


_NEEDS_CLAUSE = frozenset({"알다", "보다", "전하다", "알리다"})  # 전하다: 축하 메시지를 전했다 reports no view
#: Nouns of 하다-verbs that report a view only with a complement clause ("피해는 없는 것으로 파악하고 있습니다").
_NEEDS_CLAUSE_NOUNS = frozenset({"파악", "이해", "예상", "발언"})


def _after_clause(toks: list[Token], i: int) -> bool:
    k = i - 1
    while k >= 0 and toks[k].is_space:
        k -= 1
    if k < 0:
        return False
    prev = toks[k]
    if _parts(prev)[-1] == "EC" and prev.text.endswith(("다고", "라고")):
        return True
    if prev.tag_.startswith("JKQ"):  # "…"고 전했다: a quotation closed by the quotative particle
        return True
    return prev.text in ("로", "으로") and k >= 1 and toks[k - 1].text == "것"


def _stem(toks: list[Token], i: int, lex: KoLexicon) -> tuple[str | None, int]:
    """(cue stem, index of the stem's last token) when token ``i`` opens a cue, else (None, i)."""
    tok = toks[i]
    if tok.text == "높이" and i + 1 < len(toks) and toks[i + 1].text == "평가":
        return "높이 평가", i + 1
    if tok.tag_ == "XPN" and i + 1 < len(toks) and tok.text + toks[i + 1].text in lex.cues:
        return tok.text + toks[i + 1].text, i + 1  # 재확인, 재강조: the prefix is part of the cue
    multi = _multiword_stem(toks, i, lex)
    if multi is not None:
        return multi
    if tok.text == "말씀" and i + 1 < len(toks) and toks[i + 1].lemma_ == "드리다":
        return "말씀드리", i  # the endings are read on 드리다's token (드릴 = 드리 + ㄹ)
    if tok.text == "말씀" and i + 2 < len(toks) and toks[i + 1].tag_ == "JKO" and toks[i + 2].lemma_ == "드리다":
        return "말씀드리", i + 1  # …있다는 말씀을 드리겠습니다: the same report with the object particle
    if tok.tag_.startswith("NNG") and tok.text in lex.cues:
        if tok.text in _NEEDS_CLAUSE_NOUNS and not _after_clause(toks, i):
            return None, i  # 상황을 파악하고 있다: no view reported without "…것으로"
        if i + 2 < len(toks) and toks[i + 1].tag_ == "JKO" and toks[i + 2].lemma_ == "하다" \
                and _parts(toks[i + 2])[0] == "VV":
            return tok.text, i + 1  # 강조를 하셨습니다, 설명을 했습니다: the spoken form, endings on 하다
        return tok.text, i
    if tok.tag_.startswith("VV") and tok.lemma_.endswith("다") and tok.lemma_[:-1] in lex.cues:
        if tok.lemma_ in _NEEDS_CLAUSE and not _after_clause(toks, i):
            return None, i  # 알다 / 보다 report a view only after "…것으로" or "…다고"
        return tok.lemma_[:-1], i
    if tok.tag_.startswith("VV") and tok.text in lex.cues:
        return tok.text, i
    return None, i


def _multiword_stem(toks: list[Token], i: int, lex: KoLexicon) -> tuple[str, int] | None:
    """A cue of several words (의견을 같이하다, 우려를 표하다 as listed): its words, spaces aside, spelled by the tokens
    from ``i`` on; the stem's last token is where the endings are read."""
    if not toks[i].tag_.startswith("NN"):
        return None
    for stem in lex.multiword_cues:
        want = stem.replace(" ", "")
        got, k = "", i
        while k < len(toks) and len(got) < len(want):
            if not toks[k].is_space:  # 뜻을 모았다: an inflected verb is compared by its stem
                verb = _parts(toks[k])[0] == "VV" and toks[k].lemma_.endswith("다")
                got += toks[k].lemma_[:-1] if verb else toks[k].text
            k += 1
        if got == want:
            return stem, k - 1
    return None


def _predicate(toks: list[Token], last: int, cue: Cue, lex: KoLexicon, first: int) -> CueHit | None:
    """Read the endings after the stem: a cue when they close or connect the clause (module docstring)."""
    n = len(toks)
    j = last + 1
    future = False
    fused = _parts(toks[last])
    if len(fused) > 1 and fused[0] == "VV":  # 표합니다 (VV+EF), 밝히며 (VV+EC): the ending inside the stem's token
        if fused[-1] == "EF":
            return CueHit(cue, first, last + 1, "겠" in toks[last].text)
        if fused[-1] == "EC":
            return _connective(toks, last, cue, first, False)
    while j < n:
        tok = toks[j]
        parts = _parts(tok)
        if tok.is_space:
            break
        if (tok.text[:1] in "되돼됐된될" or tok.text[:1] == "받") and j == last + 1:
            return None  # 기대된다, 평가받았다: passive, nobody is said to speak
        if parts[0] in ("XSV", "XSA", "EP", "VX") or (parts[0] == "VV" and tok.lemma_ in ("하다", "드리다")):
            if "겠" in tok.text and "EP" in parts:
                future = True
            if parts[-1] == "EF":
                return CueHit(cue, first, j + 1, future)
            if parts[-1] == "EC":
                return _connective(toks, j, cue, first, future)
            if parts[-1] == "ETM":
                return _adnominal(toks, j, cue, first)
            if parts[-1] == "ETN":
                return _nominal_end(toks, j, cue, first, future)
            j += 1
            continue
        if parts[0] == "EF":
            return CueHit(cue, first, j + 1, future)
        if parts[0] == "EC":
            return _connective(toks, j, cue, first, future)
        if parts[0] == "ETM":
            return _adnominal(toks, j, cue, first)
        if parts[0] == "ETN":
            return _nominal_end(toks, j, cue, first, future)
        break
    if j == last + 1:  # a bare noun: a claim only when it closes its bulleted line ("... 강조.")
        k = j
        while k < n and (toks[k].is_punct or toks[k].is_space):
            if toks[k].is_space and "\n" in toks[k].text:
                break
            k += 1
        if (k >= n or (toks[k].is_space and "\n" in toks[k].text)) and toks[last].tag_.startswith("NNG"):
            return CueHit(cue, first, j, False)
    return None


def _connective(toks: list[Token], j: int, cue: Cue, first: int, future: bool) -> CueHit | None:
    ending = toks[j].text if len(_parts(toks[j])) == 1 else toks[j].text[-2:]
    tag_text = toks[j].text
    if tag_text in _AUX_CONNECTIVES or ending in _AUX_CONNECTIVES or tag_text.endswith(("해", "여")):
        # 강조해 왔다 / 요청해 나갈 것: go on through the auxiliary verb
        k = j + 1
        while k < len(toks) and (toks[k].is_space or toks[k].tag_.startswith(("VX", "EP", "EF", "EC", "ETM", "NNB",
                                                                                "VCP", "XSV"))):
            if _parts(toks[k])[-1] == "EF":
                return CueHit(cue, first, k + 1, future or "겠" in toks[k].text)
            k += 1
        return None
    if tag_text in _CONNECTIVES or any(tag_text.endswith(c) for c in ("고", "며", "면서", "지만")):
        if j + 1 < len(toks) and toks[j + 1].tag_.startswith("VX") and toks[j + 1].lemma_ == "있다":
            k = j + 2  # 강조하고 있다
            while k < len(toks) and _parts(toks[k])[-1] not in ("EF", "EC"):
                k += 1
            return CueHit(cue, first, min(k + 1, len(toks)), future)
        if tag_text.endswith(("다고", "라고")):
            return CueHit(cue, first, j + 1, future)  # nested: 합의했다고 밝혔다
        return CueHit(cue, first, j + 1, future, connective=True)
    return None


def _adnominal(toks: list[Token], j: int, cue: Cue, first: int) -> CueHit | None:
    """강조할 예정이다 (future), 강조한 바 있다: claims; 강조한 점: none."""
    k = j + 1
    while k < len(toks) and toks[k].is_space:
        k += 1
    if k < len(toks) and toks[k].text in _FUTURE_NOUNS:
        return CueHit(cue, first, k + 1, True)
    if k < len(toks) and toks[k].text == "수" and cue.lemma == "말씀드리다":  # 말씀드릴 수 있는 것은 …
        return CueHit(cue, first, k + 1, False)
    if k < len(toks) and toks[k].text in ("한편", "가운데"):  # 표명하는 한편: a connective in all but form
        return CueHit(cue, first, k + 1, False, connective=True)
    if k < len(toks) and toks[k].text in _AFTER_NOUNS and _parts(toks[j])[-1] == "ETM" and toks[j].text.endswith(
            ("한", "은", "ㄴ")):
        # 평가한 뒤, / 설명한 후 / 소개한 데 이어: a past clause the sentence goes on from (a connective in effect)
        end = k + 1
        if toks[k].text == "데" and end < len(toks) and toks[end].text == "이어":
            end += 1
        elif toks[k].text == "데":
            return None  # 지지해 준 데 대해: the cause of what follows, no claim of its own
        return CueHit(cue, first, end, False, connective=True)
    if k < len(toks) and toks[k].text == "바" and k + 1 < len(toks) and toks[k + 1].lemma_ in ("있다", "이다"):
        return CueHit(cue, first, k + 1, False)
    return None


def _nominal_end(toks: list[Token], j: int, cue: Cue, first: int, future: bool) -> CueHit | None:
    """강조함. / 합의하였음: a nominal ending closing a bullet line is the predicate; 강조하기 위해 is not."""
    k = j + 1
    while k < len(toks) and toks[k].is_punct:
        k += 1
    if k >= len(toks) or (toks[k].is_space and "\n" in toks[k].text):
        return CueHit(cue, first, j + 1, future)
    return None


#: "…해결되어야 한다는 입장입니다" / "…해 나갈 방침입니다": a position stated by the copula after a reported clause.
_POSITIONS = {"입장": Cue("입장", "statement", "입장이다"), "방침": Cue("방침", "commitment", "방침이다")}


def _position(toks: list[Token], hits: list[CueHit]) -> list[CueHit]:
    """A position noun right after a reported clause (-다는 / -라는 / -ㄹ) closing the sentence with the copula."""
    covered = {k for h in hits for k in range(h.start, h.end)}
    out = []
    for i in range(1, len(toks) - 1):
        tok = toks[i]
        if tok.text not in _POSITIONS or i in covered or not tok.tag_.startswith("NNG"):
            continue
        prev, nxt = toks[i - 1], toks[i + 1]
        if _parts(prev)[-1] != "ETM" or not (prev.text.endswith(("다는", "라는")) or tok.text == "방침"):
            continue
        if nxt.tag_.startswith("VCP") and _parts(nxt)[-1] == "EF":
            out.append(CueHit(_POSITIONS[tok.text], i, i + 2, False))
    return out


#: The stem of a cue read from a volitional predicate (:func:`_will`): kept only for the issuing government.
WILL_STEM = "~will"


def _will(toks: list[Token], hits: list[CueHit]) -> list[CueHit]:
    """'정부는 … 동참해 나갈 것이며 / 협력하겠습니다 / 조치를 취할 것입니다': a volitional predicate (-해 나갈 것이다,
    -하겠다, -할 것이다) is a commitment with the verb as cue; the caller keeps it only when the issuing government
    speaks (a statement's own voice), since the same form predicts what others will do."""
    covered = {k for h in hits for k in range(h.start, h.end)}
    out = []
    n = len(toks)
    for i in range(n):
        tok = toks[i]
        if i in covered:
            continue
        end = None
        if tok.tag_ == "NNG" and i + 1 < n and _parts(toks[i + 1])[0] == "XSV":
            verb, lemma, k = i, tok.text + "하다", i + 1
        elif _parts(tok)[0] == "VV":
            verb, lemma, k = i, tok.lemma_, i
        else:
            continue
        j = k
        if "EC" in _parts(toks[j]) and j + 1 < n and toks[j + 1].lemma_ == "나가다":
            j += 1  # 동참해 나가 …
        if j + 1 < n and toks[j + 1].text == "겠" and j + 2 < n and _parts(toks[j + 2])[-1] in ("EF", "EC"):
            end = j + 3  # 협력하겠습니다 / 협력해 나가겠으며
        elif "ETM" in _parts(toks[j]) and j + 2 < n and toks[j + 1].text == "것" \
                and toks[j + 2].tag_.startswith("VCP") and (_parts(toks[j + 2])[-1] in ("EF", "EC") or (
                    j + 3 < n and _parts(toks[j + 3])[-1] in ("EF", "EC"))):
            end = j + 3 if _parts(toks[j + 2])[-1] in ("EF", "EC") else j + 4  # 동참해 나갈 것이며 / 취할 것입니다
        if end is not None and not any(k in covered for k in range(verb, end)):
            out.append(CueHit(Cue(WILL_STEM, "commitment", lemma), verb, end, True,
                              connective=_parts(toks[end - 1])[-1] == "EC"))
            covered.update(range(verb, end))
    return out


def _decided(toks: list[Token], hits: list[CueHit]) -> list[CueHit]:
    """'협력을 강화하기로 했다': a decision is a commitment (cue '하기로 하다'), unless the verb is a cue itself."""
    out = []
    covered = {k for h in hits for k in range(h.start, h.end)}
    for i in range(1, len(toks) - 2):
        if toks[i].text == "기" and "ETN" in _parts(toks[i]) and toks[i + 1].text == "로":
            k = i + 2
            while k < len(toks) and toks[k].is_space:
                k += 1
            if k < len(toks) and k not in covered and (toks[k].lemma_ == "하다" or toks[k].text == "결정"):
                verb = i - 1
                while verb > 0 and _parts(toks[verb])[0] in ("XSV", "EP"):
                    verb -= 1
                end = k + 1
                while end < len(toks) and not toks[end].is_space and _parts(toks[end])[0] in ("XSV", "EP", "EF",
                                                                                               "EC", "ETN"):
                    end += 1
                out.append(CueHit(Cue("하기로 하다", "commitment", "하기로 하다"), k, end, False))
    return out


#: Endings and nouns closing a complement clause (…하기를 희망, …할 것을 촉구, …하도록 당부, …했다고 밝혔다): a
#: subject (이/가) before one of them is the embedded clause's, not the speaker ("북한이 복귀하기를 희망합니다").
_EMBEDDED = re.compile(r"(?:기를|기로|기에|것을|것으로|도록|다고|라고|자고|다는|라는|음을|함을|데\s?대해|데 대하여)"
                       r"(?=[\s,.]|$)")


_GENERIC_SAY = frozenset({"하다", "말하다", "언급하다", "밝히다", "설명하다", "전하다", "덧붙이다"})


_INLINE_MARK = re.compile(r"[<\[【〈《]\s*(질\s*문|답\s*변?)\s*[>\]】〉》]")


def _voice_segments(stext: str, start: int, mode: str) -> list[tuple[int, str]]:
    """(offset, mode) runs of one sentence: a question or answer mark inside it (not at its start) opens a run."""
    out = [(start, mode)]
    for hit in _INLINE_MARK.finditer(stext):
        if hit.start() > 0:
            out.append((start + hit.start(), "question" if hit.group(1).startswith("질") else "answer"))
    return out


#: 지적하다 with a fault as its object criticises ("조치의 부당성을 지적하고"): the words of a fault or breach.
_FAULT = re.compile(r"(?:부당성|문제점|잘못|위반|부적절성|모순|위법성|불법성|파기한 것임|파기한 것)을?\s*$")
#: "…을 지적하고 이를 강력히 규탄하였다": the next cue takes up what was pointed out (이를, 이에 대해).
#: What may follow a speaker's head mention before its particle: a bracket, 측/정부/당국/외교부/대표단, 들
#: ("GRULAC 대표(…)들은", "일본 측은").
_HEAD_TAIL = re.compile(r"^\s*(?:\([^()]*\))?\s*(?:측|정부|당국|외교부|대표단)?\s*(?:들)?$")
#: "모테기 대신은": a person's surname with the short title of his office (대신 = a Japanese minister).
_SHORT_TITLE = re.compile(r"^\s*(?:대신|장관|차관|대사)\s*$")
_TAKEN_UP = re.compile(r"^[\s,]*(?:이를|이에 대해|이에 대하여)\s")


#: Events whose programme a release announces ("이번 포럼에서는 … 논의합니다").
_PROGRAMMES = ("포럼", "세미나", "심포지엄", "행사", "토론회", "컨퍼런스", "콘퍼런스", "학술회의", "워크숍", "강연회")


def _not_past(sent: Span) -> bool:
    """The sentence's final predicate is not in the past (no 었/았/였 before its final ending): an announcement."""
    toks = [t for t in sent if not t.is_space and not t.tag_.startswith(("SF", "SE", "SS"))]
    k = len(toks) - 1
    while k >= 0 and "EF" not in _parts(toks[k]):
        k -= 1
    if k < 0:
        return False
    window = toks[max(0, k - 2):k + 1]
    return not any("EP" in _parts(t) and t.text not in ("시", "겠") and not t.text.endswith("겠") for t in window)


#: A request for the press's understanding closing the clause: a courtesy ("…어려운 점 양해해 주시기 바랍니다").
_COURTESY_REQUEST = re.compile(r"(?:양해|이해|참고|참조)(?:를|을)?\s?(?:해|하여)?\s?(?:주시기|주시길|부탁)?\s*$")

#: What a neutral saying verb reports, read from the end of the reported clause: "…해 나가겠다고 밝혔다" (the
#: speaker's side will: a commitment), "…해야 한다고 강조했다" (what must be done: a call), "…지지 입장을
#: 재확인했다" (support).
_STATEMENT_KINDS = (
    (re.compile(r"(?:겠다고|겠다는\s?(?:뜻|입장|의지|의사)[을를]?|나갈\s?것이라고|용의가\s?있다고)\s*$"), "commitment"),
    (re.compile(r"(?:야\s?한다고|야\s?한다는\s?(?:점|입장|데)[을를]?)\s*$"), "call"),
    (re.compile(r"지지\s?(?:입장|의사|의지)?[을를]?\s*$"), "support"),
)


def _claim_type(cue: Cue, before_cue: str, lex: KoLexicon) -> str:
    """A statement cue after '…하자고' (화답하였다, 말했다) reports a proposal ('let us …'); a saying verb after a
    reported cue ('희망한다고 언급하였다', '촉구했다고 밝혔다') has the type of what it reports."""
    if cue.claim_type == "statement" and re.search(r"자고\s*$", before_cue):
        return "proposal"
    if cue.lemma == "지적하다" and _FAULT.search(before_cue):
        return "criticism"
    if cue.lemma == "평가하다" and re.search(r"[을를]\s*(?:[가-힣]+히\s*|높이\s*)?$", before_cue):
        return "support"  # 기여를 높이 평가했다: appreciation; "…라고 평가했다" stays an assessment
    if cue.claim_type == "statement":
        for pattern, kind in _STATEMENT_KINDS:
            if pattern.search(before_cue):
                return kind
    inner = re.search(r"([가-힣]+?)(?:한다|했다|하였다|하겠다|합니다)고\s*$", before_cue)
    if cue.lemma in _GENERIC_SAY and inner and inner.group(1) in lex.cues \
            and lex.cues[inner.group(1)].claim_type != "belief":  # 기쁘게 생각한다고 하였다: said, not believed
        return lex.cues[inner.group(1)].claim_type
    return cue.claim_type


def _subject_for(entries: list[tuple[int, Speaker, bool]], cue_start: int, text: str = "") -> Speaker | None:
    """The last topic before the cue, else the first subject before it unless it sits inside a complement clause
    of the cue (then None: inherited or the answer's voice)."""
    before = [(pos, s, topic) for pos, s, topic in entries if pos < cue_start]
    topics = [(pos, s) for pos, s, topic in before if topic]
    while len(topics) > 1 and text and _inside_complement(text, topics[-2][0], topics[-1][0], cue_start):
        topics.pop()  # 장관은 북한의 개발은 위협이라고 지적: the second topic is the reported clause's own
    if topics:
        return topics[-1][1]
    if not before:
        return None
    pos, subject, _ = before[0]
    if text and _EMBEDDED.search(text[pos:cue_start]):
        return None
    return subject


#: A main-clause connective (-고, -며, -면서, -지만, -으나) closing a clause: a topic after one opens a new clause.
_MAIN_BREAK = re.compile(r"(?<![다라자])(?:고|며|면서|지만|으나|한편)(?=[\s,])|[.?!]\s")


def _inside_complement(text: str, prev_topic: int, topic: int, cue_start: int) -> bool:
    """The topic at ``topic`` belongs to the cue's complement clause (…은 …라고 / …다는 점을 지적): a complement
    ending lies between it and the cue, and no main-clause break between the previous topic and it."""
    return bool(_EMBEDDED.search(text[topic:cue_start])) and not _MAIN_BREAK.search(text[prev_topic:topic])


def _last_clause_break(toks: list[Token], start: int, cue_start: int) -> int:
    """End of the last main-clause connective (-고, -며, -면서) before the cue outside quotations: 'X는 통화를 갖고
    북한의 도발을 규탄했다' reports only the second clause. Embedded endings (-다고, -어야) do not count."""
    best = start
    depth = 0
    for k, tok in enumerate(toks):
        if tok.idx >= cue_start:
            break
        if tok.tag_.startswith("SS"):
            depth += 1 if tok.text in _OPEN_QUOTES and tok.text not in _CLOSE_QUOTES else 0
            depth -= 1 if tok.text in _CLOSE_QUOTES and tok.text not in _OPEN_QUOTES else 0
            depth = max(depth, 0)
            continue
        if tok.idx < start or depth or _parts(tok)[-1] != "EC":
            continue
        ending = tok.text
        if ending.endswith(("다고", "라고", "자고")) or not ending.endswith(("고", "며", "면서")):
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and nxt.tag_.startswith("VX"):
            continue  # 하고 있다
        best = tok.idx + len(tok)
    return best


@Language.factory("mofa_ko_claims", default_config={"data_dir": "data/ko", "home_economy": "KOR"})
def make_ko_claims(nlp: Language, name: str, data_dir: str, home_economy: str) -> KoClaims:
    from pathlib import Path

    base = Path(__file__).resolve().parent.parent
    return KoClaims(load_ko_lexicon(base / data_dir, base / "data"), home_economy)


class KoClaims:
    """Sets ``doc._.mofa_claims`` from the cues, the mentions of ``doc.spans["mofa"]`` and the paragraphs."""

    def __init__(self, lex: KoLexicon, home_economy: str) -> None:
        self.lex = lex
        self.home = home_economy
        self.titles = re.compile("(?:" + "|".join(re.escape(t) for t in sorted(lex.titles, key=len, reverse=True))
                                 + r")(?:들)?$")
        # "리베라 장관과 홍 장관은": between two persons, a title of the first and 과/와/및
        self.joined = re.compile(r"^\s*(?:[가-힣]+\s?)?(?:" + self.titles.pattern.rstrip("$")
                                 + r"|대신|장관|차관|대사)?\s*(?:과|와|및)\s*$")
        self.collectives = re.compile("(?:" + "|".join(re.escape(c) for c in sorted(lex.collectives, key=len,
                                                                                      reverse=True)) + r")$")

    def __call__(self, doc: Doc) -> Doc:
        index = SentenceIndex(doc)
        mentions = sorted(doc.spans.get("mofa", []), key=lambda s: s.start_char)
        paragraphs = doc._.mofa_paragraphs or []
        spokesperson = self._spokesperson(doc, mentions)
        claims: list[Claim] = []
        focus: Speaker | None = None
        lead: Speaker | None = None  # the first person or organisation speaking in the release
        briefing = _BRIEFING.search(doc_text(doc)) is not None
        mode = "body"  # body, question, answer
        last_para = None
        prev_mode = "body"
        opened = False  # a briefing's answer began and its first sentence is not read yet
        signed = False  # the current question closed with its journalist's signature
        for sent in index.spans:
            para = paragraph_at(paragraphs, sent.start_char)
            if para is not None and para.section in ("title", "subtitle"):
                continue
            # a briefing's <질문> / <답변> and a release's □ open a line: every line starts a sentence
            stext = sent.text
            new_para = para is not None and para is not last_para
            last_para = para
            if new_para and briefing and _SIGNED.search(doc_text(doc)[para.start:para.end]):
                mode, signed = "question", True  # a signed question with no mark
            elif _QUESTION.match(stext):
                ptext = doc_text(doc)[para.start:para.end] if para else ""
                # signed, or closed by its question mark: the next unmarked paragraph answers it
                mode, signed = "question", bool(para and (_SIGNED.search(ptext) or _ASKED.search(ptext)))
            elif new_para and mode == "question" and signed and not _ANSWER.match(stext):
                mode, focus = "answer", None  # the signature closed the question: the next paragraph answers it
            elif _ANSWER.match(stext):
                mode, focus = "answer", None
            elif _BLOCK_MARKERS.match(stext) and mode != "answer":
                focus = focus or lead  # a new □ block with no subject goes on with the last speaker
            # "<질문> …? (X 기자) <답변> …" on one line (a joined dump): a mark inside the sentence switches the voice
            if mode == "answer" and prev_mode != "answer":
                opened = True  # the answer's first sentence is yet to come (the mark may stand alone)
            segments = _voice_segments(stext, sent.start_char, mode)
            if segments[-1][1] != mode:
                mode = segments[-1][1]
                if mode == "answer":
                    focus, signed = None, False
            if all(m == "question" for _, m in segments):
                prev_mode = segments[-1][1]
                continue
            prev_mode = segments[-1][1]
            entries = self._subjects(doc, sent, mentions, focus)
            hits = find_cues(sent, self.lex)
            n_before = len(claims)
            prev_end = None
            spoke: list[Speaker] = []  # subjects that spoke in this sentence
            sent_mode = mode
            for hit in hits:
                at = sent[hit.start].idx
                seg_start, mode = next((b, m) for b, m in reversed(segments) if b <= at)
                if mode == "question":
                    continue
                subject = _subject_for([e for e in entries if e[0] >= seg_start], at, doc_text(doc))
                subject = self._for_own_state(doc, [e for e in entries if seg_start <= e[0] < at], subject)
                if subject is not None and subject is not _NOBODY:
                    spoke.append(subject)
                if subject is _NOBODY and mode == "answer":
                    subject = None  # "교민은 무사한 것으로 알고 있습니다": the topic of what the spokesperson says
                if subject is _NOBODY:  # 이번 방문은 ... 기대된다: nobody speaks in this clause
                    prev_end = hit.end
                    continue
                speaker = subject or focus
                if hit.cue.stem == WILL_STEM and not (
                        speaker is not None and speaker.kind == "economy" and speaker.entity_id == self.home
                        and (mode == "body" or speaker is subject)):  # in an answer: "정부는 …" named
                    prev_end = hit.end
                    continue  # a volitional predicate speaks only for the issuing government
                if briefing and mode == "body" and subject is not None and subject.text in _FIRST_PERSON:
                    speaker = spokesperson  # 저희는 … in a briefing's opening: the spokesperson's own
                if mode == "answer" and (subject is None or subject.text in _FIRST_PERSON
                                         or "드리다" in hit.cue.lemma):  # 말씀드리겠습니다: the spokesperson's own
                    speaker = spokesperson  # the answer's own voice; a named subject (정부는, 미국 측은) keeps it
                if speaker is None:
                    prev_end = hit.end
                    continue
                claim = self._claim(doc, index, sent, hit, speaker, subject, prev_end, mentions)
                if claim is not None:
                    claims.append(claim)
                prev_end = hit.end
            self._take_up(doc, claims, n_before)
            if opened and sent_mode == "answer" and len(segments) == 1:
                rest = stext[_ANSWER.match(stext).end():] if _ANSWER.match(stext) else stext
                if rest.strip():
                    opened = False
                    plain = None if hits else self._plain_answer(doc, index, sent, spokesperson, mentions)
                    if plain is not None:
                        claims.append(plain)
            mode = sent_mode
            # the next sentence's dropped subject is this one's topic; a subject (이/가) only when no topic is named
            # ("유 장관은 … 우리 대통령이 참석할 예정이라고 밝히고": the minister goes on speaking)
            named = spoke or [s for _, s, t in entries if s is not _NOBODY and t] or \
                [s for _, s, _ in entries if s is not _NOBODY and not hits]
            if named:
                focus = named[-1]
                if lead is None and focus.kind in ("person", "organization") and mode == "body":
                    lead = focus
        doc._.mofa_claims = claims
        return doc

    def _take_up(self, doc: Doc, claims: list[Claim], first: int) -> None:
        """Within one sentence, "X을 지적하고 이를 규탄하였다": the pointed-out fault is what is criticised, so the
        first claim is a criticism too, and the criticism is addressed as the fault's own claim is."""
        text = doc_text(doc)
        for k in range(max(first, 0), len(claims) - 1):
            a, b = claims[k], claims[k + 1]
            if b.claim_type != "criticism" or a.speaker_text != b.speaker_text \
                    or not _TAKEN_UP.match(text[a.cue_end:b.cue_start]):
                continue
            if a.claim_type == "statement" and a.cue in ("지적하다", "언급하다", "밝히다"):
                a = claims[k] = a.model_copy(update={"claim_type": "criticism",
                                                     "addressee_ids": self._faulted(doc, a)})
            if a.claim_type == "criticism" and not b.addressee_ids and a.addressee_ids:
                claims[k + 1] = b.model_copy(update={"addressee_ids": list(a.addressee_ids)})

    def _faulted(self, doc: Doc, claim: Claim) -> list[str]:
        """The states whose act a criticism is about: a foreign economy in the content as the subject (북한이 …
        파기한 것) or the owner (일본 수출규제 조치의 부당성) of the criticised act."""
        text = doc_text(doc)
        out = []
        for m in doc.spans.get("mofa", []):
            if m.label_ != "economy" or m.kb_id_ == self.home or not (
                    claim.content_start <= m.start_char and m.end_char <= claim.content_end):
                continue
            if re.match(r"^\s?(?:측|정부|당국)?\s?(?:이|가|의)?\s", text[m.end_char:m.end_char + 6]):
                out.append(m.kb_id_)
                break  # the first: later ones belong to the description of the act
        return out

    def _plain_answer(self, doc: Doc, index: SentenceIndex, sent: Span, spokesperson: Speaker,
                      mentions: list[Span]) -> Claim | None:
        """The first sentence of a briefing's answer, with no reporting predicate, is what the spokesperson says
        ("<답변> 관계 부처와 긴밀히 소통하고 있습니다.": 말하다, a statement) when it is a finished declarative
        sentence (formal -다 ending): not a question back, a courtesy (-요) or a cut-off line."""
        toks = [t for t in sent if not t.is_space]
        while toks and toks[-1].tag_ in ("SF", "SE", "SSC", "SP"):
            if toks[-1].text in ("?", "？", "…", "..."):
                return None
            toks.pop()
        if not toks or not toks[-1].text.endswith("다") or _parts(toks[-1])[-1] != "EF":
            return None
        if sent.text.rstrip()[-1:] not in (".", "다"):
            return None
        last = toks[-1]
        start = sent.start_char
        mark = _ANSWER.match(sent.text)
        if mark is not None:
            start += mark.end()
        end = last.idx + len(last)
        trimmed = self._trim(doc, start, end)
        if trimmed is None:
            return None
        hit = CueHit(Cue("말하다", "statement", "말하다"), last.i - sent.start, last.i - sent.start + 1, False)
        return self._make(doc, index, hit, spokesperson, None, trimmed, mentions, sent, last.idx, end)

    def _for_own_state(self, doc: Doc, entries: list[tuple[int, Speaker, bool]],
                       subject: Speaker | None) -> Speaker | None:
        """"카밀로프 장관은 우즈베키스탄은 …라고 하고" / "다우너 장관은 …하고, 호주도 … 밝혔다": a state named as the
        topic after its own official's topic in the same sentence is what the official says of his state; the
        official speaks."""
        if subject is None or subject is _NOBODY or subject.kind != "economy":
            return subject
        people = (doc._.mofa_entities or {}).get("person", {})
        for _pos, earlier, topic in reversed(entries):
            if earlier is subject or not topic or earlier.kind != "person":
                continue
            person = people.get(earlier.entity_id)
            if person is not None and person.economy == subject.entity_id:
                return earlier
            break
        return subject

    def _spokesperson(self, doc: Doc, mentions: list[Span]) -> Speaker | None:
        people = (doc._.mofa_entities or {}).get("person", {})
        for p in people.values():
            if any("대변인" in t for t in p.titles):
                return Speaker("person", p.person_id, "대변인", None, None)
        # a spokesperson the text does not name stays the phrase (who held the office is the record's business,
        # not the text's): the collective "대변인", as the English path keeps an unnamed official unresolved
        return Speaker("collective", "spokesperson", "대변인", None, None)

    def _subjects(self, doc: Doc, sent: Span, mentions: list[Span],
                  focus: Speaker | None) -> list[tuple[int, Speaker, bool]]:
        """(offset, speaker or _NOBODY, is a topic) of the sentence's topic phrases (은/는) and of its first resolved
        subject phrase (이/가), outside quotations: each cue takes the last topic before it (a sentence of two
        clauses may change topic: '이번 간담회는 ... 마련된 것이며, 유 장관은 ... 평가하고')."""
        out: list[tuple[int, Speaker, bool]] = []
        depth = 0
        for tok in sent:
            if tok.text and tok.text[0] in _OPEN_QUOTES and tok.tag_.startswith("SS"):
                depth += 1 if tok.text[0] not in _CLOSE_QUOTES or depth == 0 else -1
                continue
            if tok.text and tok.text[0] in _CLOSE_QUOTES and tok.tag_.startswith("SS"):
                depth = max(0, depth - 1)
                continue
            if tok.text in ("는", "은") and tok.tag_.startswith("JX") and tok.i >= 2 and doc[tok.i - 1].text == "에서" \
                    and doc[tok.i - 2].text.endswith(_PROGRAMMES) and depth == 0 and _not_past(sent):
                # "이번 포럼에서는 … 전망하고 … 논의합니다": an event's programme, announced; nobody speaks in it
                out.append((tok.idx, _NOBODY, True))
                continue
            also = tok.text in ("도", "께서도") and tok.tag_.startswith("JX")  # 마르코스 장관도 공감을 표하였다
            if depth or not (tok.tag_.startswith(("JX", "JKS"))) or (tok.text not in _SUBJECT_PARTICLES and not also):
                continue
            if tok.i == 0 or not doc[tok.i - 1].tag_.split("+")[-1].startswith(("NN", "XSN", "NP", "SL", "SSC", "NR")):
                continue
            # 장관께서(도) … 밝히셨습니다: the honorific subject marker names the main clause's subject, as a topic does
            topic = tok.tag_.startswith("JX") or tok.text.startswith("께서")
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if topic and nxt is not None and nxt.is_space and tok.i + 2 < len(doc):
                nxt = doc[tok.i + 2]
            if topic and nxt is not None and nxt.text.startswith(("물론", "뿐만")):
                continue  # 정무, 경제는 물론: 'not only', no topic of the sentence
            if not topic and any(not t for _, _, t in out):
                continue  # only the first subject phrase: later ones belong to embedded clauses
            found = self._resolve(doc, tok.idx, sent.start_char, mentions, focus)
            if also and (found is None or (found.kind == "economy" and found.entity_id == self.home
                                           and found.text in _FIRST_PERSON)):
                continue  # 협력도, 우리도: only a named speaker is a subject with 도
            if found is not None:
                out.append((tok.idx, found, topic))
            elif topic:
                out.append((tok.idx, _NOBODY, True))  # the topic is something else (이번 방문은)
        return out

    def _resolve(self, doc: Doc, end: int, floor: int, mentions: list[Span], focus: Speaker | None) -> Speaker | None:
        text = doc_text(doc)
        phrase_start = floor
        before = text[floor:end]
        for sep in (",", "，", "\n", "  "):
            cut = before.rfind(sep)
            if cut >= 0:
                phrase_start = max(phrase_start, floor + cut + 1)
        ending = [m for m in mentions if m.end_char <= end and m.start_char >= phrase_start
                  and m.label_ in ("person", "organization", "economy")]
        # the phrase's own head: a mention ending at the particle, or followed only by 측/정부/당국
        heads = [m for m in ending if _HEAD_TAIL.match(text[m.end_char:end])
                 or (m.label_ == "person" and _SHORT_TITLE.match(text[m.end_char:end]))]
        persons = [m for m in heads if m.label_ == "person"]
        if len(persons) == 1:
            # "리베라 장관과 홍 장관은": persons joined by 과/와/및 (each with its title) speak together
            first = persons[0]
            for m in sorted((m for m in ending if m.label_ == "person" and m.end_char <= first.start_char),
                            key=lambda s: -s.end_char):
                if self.joined.match(text[m.end_char:first.start_char]):
                    persons = [m, first]
                break
        if len(persons) >= 2:
            members = sorted({m.kb_id_ for m in persons})
            return Speaker("collective", "|".join(members), text[persons[0].start_char:end].strip(),
                           persons[0].start_char, end)
        for kind in ("person", "organization", "economy"):
            cands = [m for m in heads if m.label_ == kind]
            if cands:
                m = max(cands, key=lambda s: (s.end_char, -s.start_char))
                if kind == "economy":
                    m = min((c for c in cands if c.end_char == m.end_char), key=lambda s: s.start_char)
                    econ = sorted({c.kb_id_ for c in cands if text[c.end_char:end].strip() in ("", "측")})
                    if len(econ) >= 2:  # 한미 양측은: both economies
                        return Speaker("collective", "|".join(econ), text[m.start_char:end].strip(), m.start_char,
                                       end)
                return Speaker(kind, m.kb_id_, text[m.start_char:end].strip(), m.start_char, end)
        coll = self.collectives.search(text[phrase_start:end])
        if coll:
            start = phrase_start + coll.start()
            gid = self.lex.collectives[coll.group()]
            if gid == "they" and focus is not None and focus.kind == "collective":
                return Speaker("collective", focus.entity_id, coll.group(), start, end)
            if re.search(r"(?:^|\s)(?:이|그|동)\s?$", text[phrase_start:start]) and focus is not None \
                    and focus.kind == "collective" and focus.text.endswith(coll.group()):
                # 외교부 당국자는 … 이 당국자는 …: the official just quoted
                return Speaker("collective", focus.entity_id, focus.text, start, end)
            members = self._members(doc, gid, mentions, start)
            return Speaker("collective", "|".join(members) if members else gid, coll.group(), start, end)
        word = text[phrase_start:end].strip()
        if word in ("그", "그녀") and focus is not None and focus.kind == "person":
            return Speaker(focus.kind, focus.entity_id, word, end - len(word), end)  # 그는: the last person
        own = re.search(r"(?:^|[\s>)\]])((?:우리\s?)?정부|저희|우리|저)$", word)
        if own:  # the government, or 'we' of the ministry (in an answer: the spokesperson)
            return Speaker("economy", self.home, own.group(1), end - len(own.group(1)), end)
        if word in ("장관", "대변인", "차관") or (word.endswith((" 장관", " 대변인")) and len(word) <= 8):
            person = self._holder_of(word.split()[-1], mentions, end)
            if person is not None:
                return Speaker("person", person.kb_id_, word, end - len(word), end)
        described = re.search(r"(?:[가-힣A-Za-z]+ )?[가-힣]*$", word) if self.titles.search(word) else None
        if described:  # 외교부 동아시아경제외교과장은: an official nobody names, kept as the phrase (like 대변인)
            return Speaker("collective", described.group(), described.group(), end - len(described.group()), end)
        return None

    @staticmethod
    def _titled(doc: Doc, mentions: list[Span], before: int | None = None) -> tuple[dict[str, Person], list[str]]:
        """The document's people records and the ids of those named with a title, in order of first mention
        (before ``before`` when given): the participants a release introduces first."""
        people = (doc._.mofa_entities or {}).get("person", {})
        order = dict.fromkeys(m.kb_id_ for m in mentions
                              if m.label_ == "person" and (before is None or m.start_char < before))
        return people, [pid for pid in order if pid in people and people[pid].titles]

    def _counterpart(self, doc: Doc, speaker_id: str, mentions: list[Span]) -> list[str]:
        """In talks between two officials of two states (the release's first two titled people), a call or
        proposal one of them makes with no addressee written is made to the other's state."""
        people, titled = self._titled(doc, mentions)
        if len(titled) < 2 or speaker_id not in titled[:2]:
            return []
        other = titled[1] if titled[0] == speaker_id else titled[0]
        mine, theirs = people[speaker_id].economy, people[other].economy
        return [theirs] if mine and theirs and mine != theirs else []

    def _members(self, doc: Doc, gid: str, mentions: list[Span], before: int) -> list[str]:
        """The members of a group subject (양 장관: the first two people the release named with a minister's
        title; 양측: their two states), sorted ids; [] when the release does not name them all."""
        group = self.lex.groups.get(gid)
        if group is None:
            return []
        count, kind, endings = group
        people, titled = self._titled(doc, mentions, before)
        if kind == "economy":
            states = list(dict.fromkeys(people[pid].economy for pid in titled[:count] if people[pid].economy))
            return sorted(states) if len(titled) >= count and len(states) == count else []
        fitting = [pid for pid in titled if any(t.endswith(endings) for t in people[pid].titles)]
        return sorted(fitting[:count]) if len(fitting) >= count else []

    def _holder_of(self, title: str, mentions: list[Span], before: int) -> Span | None:
        for m in reversed([m for m in mentions if m.label_ == "person" and m.end_char <= before]):
            if title in m.text:
                return m
        return None

    def _claim(self, doc: Doc, index: SentenceIndex, sent: Span, hit: CueHit, speaker: Speaker,
               subject: Speaker | None, prev_end: int | None, mentions: list[Span]) -> Claim | None:
        toks = list(sent)
        cue_tok_start, cue_tok_end = toks[hit.start], toks[hit.end - 1]
        cue_start, cue_end = cue_tok_start.idx, cue_tok_end.idx + len(cue_tok_end)
        content = self._quotation(doc, sent, cue_start)
        clause_start = None
        if toks[hit.end - 1].text == "수":  # 말씀드릴 수 있는 것은 X: what is said follows the topic
            topic = next((t for t in toks[hit.end:] if t.tag_.startswith("JX")), None)
            if topic is not None:
                content = self._trim(doc, topic.idx + len(topic), sent.end_char)
                if content is not None:
                    return self._make(doc, index, hit, speaker, subject, content, mentions, sent, cue_start, cue_end)
        if content is None:
            start = sent.start_char
            mark = _ANSWER.match(sent.text)
            if mark is not None:  # "답변 : 이번 결정을 환영합니다": the answer's mark is no part of what is said
                start += mark.end()
            inline = list(_INLINE_MARK.finditer(doc_text(doc), sent.start_char, cue_start))
            if inline:  # "…(X 기자) <답변> 이번 결정을 환영합니다": only the answer's words
                start = max(start, inline[-1].end())
            if subject is not None and subject.end is not None and subject.end <= cue_start:
                start = subject.end
                while start < cue_start and doc_text(doc)[start] not in " ,\n":
                    start += 1  # past the particle
            if prev_end is not None:
                prev_tok = toks[prev_end - 1]
                start = max(start, prev_tok.idx + len(prev_tok))
            quoted = re.search(r"(?:다|라|자)고\s*$", doc_text(doc)[start:cue_start])
            whole = clause_start = start
            if not quoted:  # an indirect quotation (…다고 밝혔다) runs over its own clause endings
                start = max(start, _last_clause_break(toks, start, cue_start))
            content = self._trim(doc, start, cue_start)
            if content is None and start != whole:  # 관심을 가지고 주시하고 있다: nothing between, take the clause
                content = self._trim(doc, whole, cue_start)
        if content is None and hit.end - hit.start > 2 and toks[hit.start + 1].tag_ == "JKO" \
                and toks[hit.start].text in self.lex.cues:
            content = (cue_start, cue_start + len(cue_tok_start))  # 유감을 표명했습니다: what is expressed, the noun
        if content is None:
            return None
        if hit.cue.claim_type in ("expectation", "call") and _COURTESY_REQUEST.search(
                doc_text(doc)[content[0]:cue_start]):
            return None  # 양해해 주시기 바랍니다 / 이해를 부탁드립니다: a courtesy to the press, no position
        if any(t.lemma_ == "드리다" for t in toks[hit.start:hit.end]) and not re.search(
                r"(?:다고|라고|고|을|를|다는|라는)\s*(?:[가-힣]+히\s*)?$", doc_text(doc)[sent.start_char:cue_start]):
            return None  # 설명드리겠습니다 with no quotation or object: a courtesy, not a statement
        return self._make(doc, index, hit, speaker, subject, content, mentions, sent, cue_start, cue_end,
                          clause_start)

    def _make(self, doc: Doc, index: SentenceIndex, hit: CueHit, speaker: Speaker, subject: Speaker | None,
              content: tuple[int, int], mentions: list[Span], sent: Span, cue_start: int, cue_end: int,
              clause_start: int | None = None) -> Claim:
        """The claim record; ``clause_start`` is where the cue's clause opens (before a connective inside the
        reported clause cut the content), for the called-on subject ("북한이 도발을 중단하고 … 나올 것을 촉구")."""
        c_start, c_end = content
        text = doc_text(doc)[c_start:c_end]
        economy_ids = list(dict.fromkeys(m.kb_id_ for m in mentions if m.label_ == "economy"
                                         and c_start <= m.start_char and m.end_char <= c_end))
        initiative_ids = list(dict.fromkeys(m.kb_id_ for m in mentions if m.label_ == "initiative"
                                            and c_start <= m.start_char and m.end_char <= c_end))
        claim_type = _claim_type(hit.cue, doc_text(doc)[c_start:cue_start], self.lex)
        addressees = self._addressees(doc, sent, hit, mentions, c_start, cue_start, claim_type, speaker.entity_id,
                                      clause_start if clause_start is not None else c_start)
        if not addressees and claim_type in ("call", "proposal") and speaker.kind == "person":
            addressees = self._counterpart(doc, speaker.entity_id, mentions)
        return Claim(
            claim_id=ids.claim_id(doc._.mofa_doc_id, cue_start), doc_id=doc._.mofa_doc_id,
            sent_id=index.sent_id(cue_start), speaker_kind=speaker.kind, speaker_id=speaker.entity_id,
            speaker_text=speaker.text, cue=hit.cue.lemma, future=hit.future,
            claim_type=claim_type,
            content=text, addressee_ids=addressees, economy_ids=economy_ids, initiative_ids=initiative_ids,
            speaker_start=speaker.start if speaker is subject else None,
            speaker_end=speaker.end if speaker is subject else None,
            cue_start=cue_start, cue_end=cue_end, content_start=c_start, content_end=c_end,
        )

    def _quotation(self, doc: Doc, sent: Span, cue_start: int) -> tuple[int, int] | None:
        """The quoted words closed by a quotation particle right before the cue: "…"라고/고 강조했다."""
        text = doc_text(doc)
        before = text[sent.start_char:cue_start]
        hit = re.search(r"[\"”’]\s?(?:라고|이라고|고)\s*(?:말|언급|밝|강조|\S{0,3})?\s*$", before)
        if hit is None:
            hit = re.search(r"[\"”’]\s?(?:라고|이라고|고)\s+$", before)
        if hit is None:  # "…"이라며: the cue is the ending itself
            hit = re.search(r"[\"”’]\s?이?$", before)
        if hit is None:
            return None
        close = sent.start_char + hit.start()
        opener = max(text.rfind(q, sent.start_char, close) for q in "\"“‘")
        if opener < 0:
            return None
        return (opener + 1, close) if close > opener + 1 else None

    def _trim(self, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
        """Words between ``start`` and ``end`` without surrounding spaces, commas and the closing particle."""
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or len(span) == 0:
            return None
        toks = list(span)
        while toks and (toks[0].is_space or toks[0].is_punct or toks[0].tag_.startswith(("JX", "JKS", "SW"))
                        or (toks[0].tag_ in ("MAJ", "MAG") and len(toks) > 1 and toks[1].is_punct)
                        or (toks[0].text in _LINKING_ADVERBS and len(toks) > 1)):
            toks.pop(0)  # 아울러, / 또한, : a connecting adverb is no part of what was said
        while toks and (toks[-1].is_space or toks[-1].is_punct
                        or toks[-1].tag_ == "MAG"
                        or (toks[-1].tag_.split("+")[-1] in ("JKO", "JKQ", "JKB", "JX", "JC")
                        and toks[-1].text in ("을", "를", "고", "라고", "에", "에도", "도", "와", "과", "는", "은"))):
            toks.pop()
        if not toks:
            return None
        return toks[0].idx, toks[-1].idx + len(toks[-1])

    def _addressees(self, doc: Doc, sent: Span, hit: CueHit, mentions: list[Span], c_start: int,
                    cue_start: int, claim_type: str | None = None, speaker_id: str | None = None,
                    clause_start: int | None = None) -> list[str]:
        """Economies or organisations the call is made to: X에/X에게/X 측에 (calls and proposals only), the
        subject of the called-for clause ("일본이 조치를 철회해야 한다고 하고", "북한이 … 복귀할 것을 촉구"), or
        the side whose help a call asks for ("독일측의 지속적인 지원을 당부")."""
        kind = claim_type or hit.cue.claim_type
        if kind == "criticism" and hit.cue.lemma == "지적하다":  # 부당성을 지적하고: whose act is faulted
            probe = Claim.model_construct(content_start=c_start, content_end=cue_start)
            return self._faulted(doc, probe)
        if kind not in ("call", "proposal", "support"):
            return []
        text = doc_text(doc)
        out = []
        for m in mentions:
            if m.label_ not in ("economy", "organization") or not (sent.start_char <= m.start_char < cue_start):
                continue
            after = text[m.end_char:m.end_char + 6]
            if re.match(r"^\s?(?:측|정부|당국)?\s?(?:에게|에|께)(?:도|는)?(?:\s|$)", after):
                out.append(m.kb_id_)
            elif kind == "call" and not out and m.kb_id_ != speaker_id and \
                    (clause_start if clause_start is not None else c_start) <= m.start_char and \
                    re.match(r"^\s?(?:측|정부|당국)?\s?(?:이|가)\s", after):
                out.append(m.kb_id_)  # the called-for clause's own subject is the one called on
            elif kind == "call" and c_start <= m.start_char and re.match(r"^\s?(?:측|정부|당국)\s?의\s", after):
                out.append(m.kb_id_)  # 독일측의 지원을 당부: the side whose support is asked for
        return list(dict.fromkeys(out))
