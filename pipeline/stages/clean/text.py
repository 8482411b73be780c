"""Shared text helpers of the readers and the one place where a CleanDocument is assembled.

Every reader produces a :class:`Draft` (metadata plus (section, text) paragraphs); :func:`assemble`
normalizes whitespace, lays the text out as title / subtitle / body+footnotes joined by blank lines,
computes offsets, checks the language and builds the record, so the text contract lives here only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.engine import ids
from pipeline.stages.clean.errors import Rejected
from pipeline.stages.clean.lexicon import Lexicon
from schemas.models import CleanDocument, Paragraph

_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE = re.compile(r"\s+")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f']+")
#: A footnote line: '*', '**', '※' or '☞' first (after any indentation).
FOOTNOTE = re.compile(r"^\s*(?:※|\*{1,3}|☞)\s*(?=\S)")
#: A subtitle line framed by dashes: '- ... -'.
SUBTITLE = re.compile(r"^[-–—]\s*(.+?)\s*[-–—]$")


def norm(text: str) -> str:
    """Whitespace runs (newlines, NBSP, tabs) become one space; invisible characters go; nothing else changes."""
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def hangul_share(text: str) -> float:
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    return hangul / (hangul + latin) if hangul + latin else 0.0


def is_korean_ui(line: str) -> bool:
    """A short Hangul-dominant line: a UI string of the Korean site chrome, not prose."""
    return len(line) <= 30 and hangul_share(line) > 0.5


def is_korean_page(text: str) -> bool:
    """Hangul-dominant text: a Korean page, whose short lines are prose or titles (never assumed chrome, as on
    the English site) and whose furniture is known by its words instead."""
    return hangul_share(text) > 0.5


def detect_language(text: str, lex: Lexicon) -> tuple[str, str]:
    """(ISO 639-1 code or 'und', evidence). Scripts first, then the share of English stopwords."""
    hangul = len(_HANGUL.findall(text))
    kana = len(_KANA.findall(text))
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    letters = hangul + kana + han + latin
    if not letters:
        return "und", "no letters"
    if hangul / letters > 0.3:
        return "ko", f"{hangul / letters:.0%} of letters are Hangul"
    if kana and (kana + han) / letters > 0.3:
        return "ja", f"{(kana + han) / letters:.0%} of letters are Japanese"
    if han / letters > 0.3:
        return "zh", f"{han / letters:.0%} of letters are Chinese characters"
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 30:
        return "en", f"too short to judge ({len(words)} words), Latin script assumed English"
    share = sum(w in lex.stopwords_en for w in words) / len(words)
    if share >= 0.12:
        return "en", f"{share:.0%} English stopwords"
    return "und", f"Latin script but only {share:.0%} English stopwords"


_LANGUAGE_NAMES = {"ko": "Korean", "ja": "Japanese", "zh": "Chinese"}
#: Languages that go on to extraction (the Korean path adds "ko" here once its extraction is wired in).
READ_LANGUAGES = frozenset({"en", "ko"})  # Korean goes on to the Korean path (pipeline/ko)


def decide_language(text: str, lex: Lexicon, stage: str = "clean") -> str:
    """The language of a document's text, or :class:`Rejected` when the pipeline does not read it: the clean
    stage's one decision of which languages go on."""
    language, evidence = detect_language(text, lex)
    if language not in READ_LANGUAGES:
        name = _LANGUAGE_NAMES.get(language, "not English")
        raise Rejected(stage, f"unsupported language: {name} ({evidence}); only English and Korean releases "
                              "are processed")
    return language


@dataclass
class Draft:
    """What a reader found, before normalization and layout."""

    title: str = ""
    subtitle: str | None = None
    header: str | None = None  # metadata line kept in the text (section "header"), e.g. a briefing's opening
    category: str | None = None
    published: dt.date | None = None
    hits: int | None = None
    url: str | None = None
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (section, raw text)


def assemble(draft: Draft, *, source: str, data: bytes, input_format: str, lex: Lexicon,
             stage: str = "clean") -> CleanDocument:
    """Lay out the text (title, subtitle, body and footnotes, blank-line separated) and build the record."""
    tidy(draft, lex)
    if is_korean_page(" ".join([draft.title] + [t for _, t in draft.paragraphs])):
        tidy_korean(draft, lex)
    title = norm(draft.title)
    draft.published = draft.published or title_date(title)
    subtitle = norm(draft.subtitle) if draft.subtitle else None
    body = [(section, norm(t)) for section, t in draft.paragraphs]
    body = [(section, t) for section, t in body if t]
    if not any(section == "body" for section, _ in body):
        raise Rejected(stage, "no body text found: the page has only navigation, a title or metadata")
    language = decide_language(" ".join([title] + [t for _, t in body]), lex, stage)
    header = norm(draft.header) if draft.header else None
    parts = (([("title", title)] if title else []) + ([("subtitle", subtitle)] if subtitle else [])
             + ([("header", header)] if header else []) + body)
    paragraphs, pieces, pos = [], [], 0
    for i, (section, t) in enumerate(parts):
        paragraphs.append(Paragraph(paragraph_id=i, section=section, start=pos, end=pos + len(t)))
        pieces.append(t)
        pos += len(t) + 2
    text = "\n\n".join(pieces)
    category = norm(draft.category) if draft.category else None
    return CleanDocument(
        doc_id=ids.doc_id(draft.url, text), source=source, url=draft.url or None, sha256=ids.sha256_bytes(data),
        input_format=input_format, category=category or None, title=title, subtitle=subtitle,
        published=draft.published, hits=draft.hits, language=language, text=text, paragraphs=paragraphs,
    )


_DATED_TITLE = re.compile(r"[(\[]([^()\[\]]{6,30}\d{4})[)\]]")
def title_date(title: str) -> dt.date | None:
    """The date a title gives in brackets: 'Spokesperson's Press Briefing (June 26, 2018)'."""
    dated = _DATED_TITLE.search(title)
    return parse_date(dated.group(1)) if dated else None


_OPEN_DASH = re.compile(r"^[-–—]\s+\S")
_CLOSE_DASH = re.compile(r"\S\s+[-–—]$")


def read_subtitle(lines: list[str], i: int) -> tuple[str | None, int]:
    """(subtitle, index after it) when normalized line ``i`` opens a subtitle framed by dashes: '- ... -' on
    one line, several such lines (joined), or one subtitle written over up to three lines ('- Foreign
    Minister ...' / '... Meeting -'). (None, i) otherwise."""
    parts: list[str] = []
    j = i
    while j < len(lines):
        if not lines[j]:
            if parts and j + 1 < len(lines) and SUBTITLE.match(lines[j + 1]):
                j += 1
                continue
            break
        m = SUBTITLE.match(lines[j])
        if m:
            parts.append(m.group(1))
            j += 1
            continue
        if _OPEN_DASH.match(lines[j]) and not _CLOSE_DASH.search(lines[j]):
            end = next((k for k in range(j + 1, min(j + 3, len(lines)))
                        if lines[k] and _CLOSE_DASH.search(lines[k]) and not _OPEN_DASH.match(lines[k])), None)
            if end is not None and all(lines[k] for k in range(j, end + 1)):
                m = SUBTITLE.match(" ".join(lines[j:end + 1]))
                if m:
                    parts.append(m.group(1))
                    j = end + 1
                    continue
        break
    return (" ".join(parts), j) if parts else (None, i)


_WRAP_HYPHEN = re.compile(r"[A-Za-z\u00c0-\u024f]-$")
#: A paragraph's number ('2.', '(3)'), bullet or note marker, the start of a body paragraph.
_MARKER_OPEN = r"^\s*(?:\d{1,2}[.)]\s|\(\d{1,2}\)\s|[°◦•●▶▷▴►■□◆◇ㅇ※*☞]\s?"
_BODY_OPENER = re.compile(_MARKER_OPEN + ")")
#: A line that opens a paragraph of its own in a hard-wrapped dump: a marker, a dash or an 'o' bullet too.
_PARA_OPENER = re.compile(_MARKER_OPEN + r"|[\-–]\s?|[oO]\s(?=[A-Z]))")


def join_lines(lines: list[str]) -> str:
    """One paragraph from its lines: a word hyphenated at a line end ('Kim Sung-' / 'Hwan') is joined
    without a space, other lines with one."""
    out = ""
    for ln in (x.strip() for x in lines):
        if not ln:
            continue
        out = ln if not out else (out + ln if _WRAP_HYPHEN.search(out) and ln[:1].isalpha() else out + " " + ln)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a fixed width (a text dump of a page typed with line breaks): most lines but the
    paragraphs' last ones are close to the longest, which is itself short of a paragraph."""
    lengths = [len(ln.rstrip()) for ln in lines]
    width = max(lengths)
    if len(lines) < 4 or not 50 <= width <= 140:
        return False
    near = sum(n >= 0.8 * width for n in lengths)
    return near >= 0.6 * len(lines)


def _unwrap(lines: list[str]) -> list[str]:
    """Paragraphs of hard-wrapped lines: a new one where a line opens one (number, bullet, note) or
    where the previous line ends a sentence well short of the wrap width."""
    width = max(len(ln.rstrip()) for ln in lines)
    out: list[list[str]] = []
    for ln in lines:
        prev = out[-1][-1].rstrip() if out else ""
        ended = bool(prev) and prev[-1:] in ".!?:”\"’)" and len(prev) < 0.8 * width
        if not out or _PARA_OPENER.match(ln) or ended:
            out.append([ln])
        else:
            out[-1].append(ln)
    return [join_lines(p) for p in out]


_SMALL_WORDS = frozenset(("a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from",
                          "as", "via", "vs", "into", "over", "amid", "its", "their", "his", "her"))


def is_headline(line: str) -> bool:
    """A line in headline case ('Foreign Minister Meets with Major US Diplomatic and Defense Officials'): five
    to thirty words, every word but small ones capitalised, no sentence end, no number or bullet first."""
    words = line.split()
    if not 5 <= len(words) <= 30 or line.rstrip()[-1:] in ".!?:;," or _PARA_OPENER.match(line):
        return False
    content = [w for w in words if w.casefold().strip("‘’'\"“”(") not in _SMALL_WORDS]
    capital = sum(1 for w in content if w.lstrip("‘’'\"“”(")[:1].isupper() or w[:1].isdigit())
    return bool(content) and capital >= 0.85 * len(content)


def read_lead(lines: list[str], i: int) -> tuple[str | None, int]:
    """(subtitle, index after it) for the lines a release may carry between its title and its first
    paragraph without the '- ... -' frame: a second headline in headline case, or highlight lines opened by
    a dash ('- Through signing ...'), when a body paragraph follows. (None, i) otherwise."""
    j = i
    while j < len(lines) and not lines[j]:
        j += 1
    parts: list[str] = []
    k = j
    while k < len(lines) and lines[k] and _OPEN_DASH.match(lines[k]) and not SUBTITLE.match(lines[k]):
        parts.append(lines[k][1:].strip())
        k += 1
        while k < len(lines) and not lines[k]:
            k += 1
    if not parts and j < len(lines) and is_headline(lines[j]):
        parts, k = [lines[j]], j + 1
    rest = next((x for x in lines[k:] if x), "")
    if parts and rest and not _OPEN_DASH.match(rest) and not is_headline(rest):
        return " / ".join(parts), k
    return None, i


def group_blocks(lines: list[str]) -> list[str]:
    """Paragraphs of a run of lines: blank lines separate paragraphs, and a footnote line always
    starts one (and ends at the next blank line). Without any blank line, each line is a paragraph,
    unless the lines are hard-wrapped at a fixed width (then they are joined back into paragraphs)."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    if not filled:
        return []
    lines = lines[filled[0]:filled[-1] + 1]
    if all(ln.strip() for ln in lines):
        return _unwrap(lines) if _hard_wrapped(lines) else [ln.strip() for ln in lines]
    out: list[str] = []
    current: list[str] = []
    for ln in lines:
        if not ln.strip():
            if current:
                out.append(join_lines(current))
                current = []
            continue
        if FOOTNOTE.match(ln) and current:
            out.append(join_lines(current))
            current = []
        current.append(ln.strip())
    if current:
        out.append(join_lines(current))
    return out


def split_briefing_header(paragraphs: list[str], lex: Lexicon) -> tuple[str | None, dt.date | None, list[str]]:
    """(header, its date, the paragraphs after it) when the first paragraphs are a spokesperson's briefing
    header ('Press Briefing' / the spokesperson's name and title / 'June 11, 2019 14:30 KST' / 'Good
    afternoon.'), in one paragraph or spread over up to four; (None, None, paragraphs) otherwise."""
    flat = [norm(p) for p in paragraphs]
    for n in range(min(4, len(flat)), 0, -1):  # the most paragraphs the header (and greeting) reach into
        head = " ".join(flat[:n])
        m = lex.briefing_header.match(head)
        if not m:
            continue
        end = m.end("greeting") if m.group("greeting") else m.end("header")
        if end <= len(" ".join(flat[:n - 1])):
            continue
        rest = head[end:].strip()
        return norm(m.group("header")), parse_date(m.group("date")), ([rest] if rest else []) + paragraphs[n:]
    return None, None, paragraphs


#: The end mark a release or a wire story closes with, alone or glued to its last sentence ('... /End/', '(END)').
_END_MARK = re.compile(r"\s*[/\[(<]\s*end\s*[/\])>]\s*$", re.IGNORECASE)
#: An image's file name standing as a line of the page ('20151229_Agreement_01.jpg'); a caption follows it.
IMAGE_NAME = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|bmp)$", re.IGNORECASE)


def is_end_mark(line: str) -> bool:
    """A line that is only an end mark ('(END)', '/End/')."""
    return bool(_END_MARK.fullmatch(line.strip()))


def tidy(draft: Draft, lex: Lexicon) -> None:
    """Genre-level cleanup shared by every reader: page furniture inside the body goes, a body that
    opens by repeating the title loses the repeat, a briefing header becomes the header, and a closing
    signature line naming the issuing office goes."""
    paragraphs: list[tuple[str, str]] = []
    after_image, ended = False, False
    last = len(draft.paragraphs) - 1
    for k, (section, t) in enumerate(draft.paragraphs):
        flat = norm(t)
        if ended and section == "body":
            continue  # after the release's end mark: related links, other stories
        if IMAGE_NAME.match(flat):
            after_image = True
            continue
        if (after_image and len(flat.split()) <= 60) or (k < last and lex.is_caption(flat)):
            after_image = False
            continue  # a photo caption (a wire story's last paragraph ends with the agency's name too)
        after_image = False
        ended = bool(_END_MARK.search(t))
        t = _END_MARK.sub("", t)
        if norm(t) and not lex.is_boilerplate(norm(t)):
            paragraphs.append((section, t))
    title_key = " ".join(norm(draft.title).casefold().split())
    while paragraphs and paragraphs[0][0] == "body" and title_key and norm(paragraphs[0][1]).casefold() == title_key:
        paragraphs = paragraphs[1:]
    if draft.header is None:
        lead = 0
        while lead < len(paragraphs) and paragraphs[lead][0] == "body":
            lead += 1
        header, date, rest = split_briefing_header([t for _, t in paragraphs[:min(lead, 4)]], lex)
        if header is not None:
            draft.header = header
            draft.published = draft.published or date
            paragraphs = [("body", t) for t in rest] + paragraphs[min(lead, 4):]
    last_body = max((i for i, (section, _) in enumerate(paragraphs) if section == "body"), default=None)
    while last_body is not None and last_body > 0 and lex.is_signature(paragraphs[last_body][1]):
        del paragraphs[last_body]
        last_body = max((i for i, (section, _) in enumerate(paragraphs) if section == "body"), default=None)
    draft.paragraphs = paragraphs


#: A republisher's dateline glued to a Korean release: '서울--(뉴스와이어)--' (city, agency in brackets, dashes).
_KO_DATELINE = re.compile(r"^[\uac00-\ud7a3]{2,6}\s*--\s*\([^()]{1,20}\)\s*--\s*(?=\S)")


def tidy_korean(draft: Draft, lex: Lexicon) -> None:
    """Genre cleanup of a Korean release: furniture and closing notes ('붙임', '끝.') go, the text ends where
    only a republisher's notes, related links or the issuer's profile follow, a leading section heading of a
    briefing ('I. 모두 발언') goes, a transcript's greeting + self-introduction becomes the header, and a
    republisher's '[외교부]' title prefix and glued dateline go."""
    if lex.ko_title_prefix is not None:
        draft.title = lex.ko_title_prefix.sub("", norm(draft.title))
    title = norm(draft.title)
    if lex.ko_section_heading is not None and lex.ko_section_heading.match(title):
        draft.title = ""  # a headerless briefing copy opens with 'I. 모두 발언': no title
    elif lex.ko_opening is not None and lex.ko_opening.match(title):
        draft.paragraphs.insert(0, ("body", draft.title))  # '안녕하십니까? …' opens the briefing, names nothing
        draft.title = ""
    paragraphs: list[tuple[str, str]] = []
    for section, t in draft.paragraphs:
        flat = norm(t)
        if lex.is_ko_end(flat):
            break
        if lex.is_ko_drop(flat) or lex.is_ko_furniture(flat):
            continue
        if lex.ko_end_mark is not None and lex.ko_end_mark.search(flat):
            t = lex.ko_end_mark.sub("", t.rstrip())
            paragraphs.append((section, t))
            break
        paragraphs.append((section, t))
    # a statement closes with its date and its issuer ("2008. 2. 29." / "외교통상부 대변인"): metadata, not body
    while len(paragraphs) > 1 and paragraphs[-1][0] == "body" and lex.ko_closing is not None:
        last = norm(paragraphs[-1][1])
        if not last or not lex.ko_closing.match(last):
            break  # only a paragraph of nothing but the date and the issuer (never a cut-off sentence's end)
        draft.published = draft.published or parse_date(last)
        paragraphs.pop()
    first = next((i for i, (section, _) in enumerate(paragraphs) if section == "body"), None)
    if first is not None and lex.ko_section_heading is not None \
            and lex.ko_section_heading.match(norm(paragraphs[first][1])):
        del paragraphs[first]
    first = next((i for i, (section, _) in enumerate(paragraphs) if section == "body"), None)
    if first is not None and draft.header is None and lex.ko_greeting is not None \
            and lex.ko_greeting.match(norm(paragraphs[first][1])) and len(paragraphs) > first + 1:
        draft.header = paragraphs[first][1]
        del paragraphs[first]
    first = next((i for i, (section, _) in enumerate(paragraphs) if section == "body"), None)
    if first is not None:
        section, t = paragraphs[first]
        t = _KO_DATELINE.sub("", t.strip())
        paragraphs[first] = (section, lex.ko_news_dateline.sub("", t) if lex.ko_news_dateline is not None else t)
    draft.paragraphs = paragraphs


def looks_like_body(line: str) -> bool:
    """A line that opens a body paragraph rather than naming a release: numbered or bulleted, or long
    prose of several sentences."""
    flat = norm(line)
    sentences = len(re.findall(r"[a-z]{2}[.!?](?:\s|$)", flat))
    return bool(_BODY_OPENER.match(flat)) or len(flat) > 250 or sentences >= 2 or (
        sentences == 1 and flat.endswith(".") and len(flat.split()) >= 12)


def classify(paragraph: str) -> tuple[str, str]:
    """('footnote', text without marker) for a footnote paragraph, else ('body', text)."""
    m = FOOTNOTE.match(paragraph)
    if m:
        return "footnote", paragraph[m.end():]
    return "body", paragraph


_SENT_END = re.compile(r"[.!?][”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9])")


def split_sentences(text: str, lex: Lexicon) -> list[str]:
    """A light rule-based splitter for text that lost its paragraph breaks (feeds): enough to put a
    footnote's end at a sentence boundary; spaCy does the real sentence split later."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        word = text[:m.start() + 1].rsplit(None, 1)[-1].lstrip("“‘\"'([")
        if word in lex.abbreviations or re.fullmatch(r"(?:[A-Z]\.)+", word):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})(?!\d)")
_MONTH_NAME = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_MDY = re.compile(_MONTH_NAME + r"\s+(\d{1,2}),?\s+((?:19|20)\d{2})", re.IGNORECASE)
_DMY = re.compile(r"(\d{1,2})\s+" + _MONTH_NAME + r",?\s+((?:19|20)\d{2})", re.IGNORECASE)
DATE_PATTERN = re.compile("|".join(p.pattern for p in (_ISO_DATE, _MDY, _DMY)), re.IGNORECASE)


def parse_date(text: str) -> dt.date | None:
    """The first calendar date written in ``text`` (2024-11-15, 2024.11.15, Nov. 15, 2024, 15 November 2024)."""
    candidates = []
    for rx, order in ((_ISO_DATE, "ymd"), (_MDY, "mdy"), (_DMY, "dmy")):
        m = rx.search(text)
        if m:
            candidates.append((m.start(), m, order))
    for _, m, order in sorted(candidates, key=lambda c: c[0]):
        g = m.groups()
        try:
            if order == "ymd":
                return dt.date(int(g[0]), int(g[1]), int(g[2]))
            if order == "mdy":
                return dt.date(int(g[2]), _MONTHS.index(g[0][:3].lower()) + 1, int(g[1]))
            return dt.date(int(g[2]), _MONTHS.index(g[1][:3].lower()) + 1, int(g[0]))
        except ValueError:
            continue
    return None


_SEQ = re.compile(r"[?&;]seq=(\d+)", re.IGNORECASE)


def seq_of(url: str | None) -> str | None:
    m = _SEQ.search(url or "")
    return m.group(1) if m else None


def canonical_url(url: str | None, lex: Lexicon) -> str | None:
    """One spelling per release: a ministry URL with a seq becomes https://host/path?seq=N (list
    filters and paging parameters dropped), so a page and a feed item of one release share a doc_id."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    seq = seq_of(url)
    if seq and any(host == h or host.endswith("." + h) for h in lex.mofa_hosts):
        return f"https://{host}{parts.path}?seq={seq}"
    return url if parts.scheme in ("http", "https") else None
