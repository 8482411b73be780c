"""Saved HTML pages: the ministry's board view (any chrome), or any other site via trafilatura.

The main content is found by structure and text density, not by a class name: page chrome is
dropped (semantic tags, link-dense blocks, blocks whose class/id says menu/footer/share...), text
nodes score their block and its ancestors, and the best block is widened to take in the release's
metadata block (title, Date, hit) when that sits beside the body. The chosen block is rendered to
lines and read with the same :class:`LayoutReader` as a text dump. Everything runs iteratively, and
pages nested deeper than libxml2 keeps (256 levels) are flattened first so no text is lost.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from pipeline.stages.clean import news
from pipeline.stages.clean.errors import Rejected
from pipeline.stages.clean.layout import LayoutReader
from pipeline.stages.clean.lexicon import Lexicon
from pipeline.stages.clean.linked_data import draft_of, record_of_html
from pipeline.stages.clean.registry import Head, Input
from pipeline.stages.clean.text import (
    Draft,
    assemble,
    canonical_url,
    classify,
    group_blocks,
    hangul_share,
    norm,
    parse_date,
)
from schemas.models import CleanDocument

_PARA_TAGS = frozenset(("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
                        "ol", "dl", "table", "blockquote", "pre", "figure", "figcaption", "address", "center", "hr",
                        "header", "footer", "nav", "aside", "caption", "fieldset", "form"))
_LINE_TAGS = frozenset(("td", "th", "tr", "dt", "dd", "tbody", "thead", "tfoot", "option", "legend"))
_BLOCKS = _PARA_TAGS | _LINE_TAGS | {"body", "html"}
_CODE_TAGS = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
              "head", "link", "meta")
_CONTAINERS = re.compile(
    r"</?(?:div|span|section|article|main|font|center|table|tbody|thead|tfoot|tr|td|th|ul|ol|li|dl|dt|dd|"
    r"blockquote|b|i|u|em|strong|small|big|sub|sup|a|label|form|fieldset|header|footer|nav|aside|figure)\b[^>]*>",
    re.IGNORECASE)
_BR_RUNS = re.compile(r"(?:\s*<br>){3,}")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_WS = re.compile(r"\s+")


def _parse(text: str) -> etree._Element:
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise Rejected("clean", f"HTML could not be parsed: {exc}") from exc


def _depth(root: etree._Element) -> int:
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def render_lines(el: etree._Element) -> list[str]:
    """Text of ``el`` as lines: block elements end lines (paragraph-level ones with a blank line),
    <br> breaks a line, source whitespace inside text collapses (except in <pre>)."""
    parts: list[str] = []
    pre = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else None
        if event == "start":
            if tag is None:
                continue
            tag = tag.lower()
            if tag == "pre":
                pre += 1
            if tag == "br":
                parts.append("\n")
            elif tag in _PARA_TAGS:
                parts.append("\n\n")
            elif tag in _LINE_TAGS:
                parts.append("\n")
            if node.text and tag is not None:
                parts.append(node.text if pre else _WS.sub(" ", node.text))
        else:
            if tag is not None:
                tag = tag.lower()
                if tag in _PARA_TAGS:
                    parts.append("\n\n")
                elif tag in _LINE_TAGS:
                    parts.append("\n")
                if tag == "pre":
                    pre -= 1
            if node is not el and node.tail:
                parts.append(node.tail if pre else _WS.sub(" ", node.tail))
    return [ln.strip() for ln in "".join(parts).split("\n")]


def fragment_lines(markup: str) -> list[str]:
    """Lines of an HTML fragment (an RSS item's content:encoded); scripts and styles dropped."""
    root = _parse(f"<html><body>{_CONTAINERS.sub(' ', markup) if len(markup) > 2_000_000 else markup}</body></html>")
    etree.strip_elements(root, *_CODE_TAGS, with_tail=False)
    body = root.find("body")
    return render_lines(body if body is not None else root)


def _text_len(el: etree._Element) -> int:
    return len(norm(el.text_content()))


def _link_density(el: etree._Element) -> float:
    total = _text_len(el)
    if not total:
        return 1.0
    links = sum(_text_len(a) for a in el.iter("a"))
    return min(links / total, 1.0)


def _is_prose(text: str) -> bool:
    """A paragraph that reads as text (a sentence or eight words, mostly Latin letters), not a line of the
    site's menus: a board view holding only such lines has an empty body."""
    text = text.strip()
    return (len(text.split()) >= 8 or text.endswith((".", "?", "!", ".)"))) and hangul_share(text) < 0.3


def _attrs(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}".strip()


class HtmlReader:
    def __init__(self, lex: Lexicon, max_depth: int) -> None:
        self.lex = lex
        self.max_depth = max_depth
        self.layout = LayoutReader(lex)

    # -- page-level metadata --------------------------------------------------------------------
    def _head(self, root: etree._Element) -> dict[str, str]:
        out: dict[str, str] = {}
        for link in root.iter("link"):
            if "canonical" in (link.get("rel") or "").lower() and link.get("href"):
                out.setdefault("url", link.get("href").strip())
        for meta in root.iter("meta"):
            key = (meta.get("property") or meta.get("name") or "").lower()
            value = (meta.get("content") or "").strip()
            if key and value:
                out.setdefault(key, value)
        if "url" not in out and out.get("og:url"):
            out["url"] = out["og:url"]
        title = root.find(".//title")
        if title is not None and title.text_content().strip():
            out["title"] = norm(title.text_content())
        return out

    def _is_mofa(self, head: dict[str, str]) -> bool:
        host = urlsplit(head.get("url", "")).hostname or ""
        if any(host == h or host.endswith("." + h) for h in self.lex.mofa_hosts):
            return True
        labels = " ".join(head.get(k, "") for k in ("title", "og:site_name", "og:title", "author"))
        return any(s in labels for s in self.lex.mofa_signals)

    def _breadcrumb(self, root: etree._Element) -> str | None:
        for el in root.iter():
            if isinstance(el.tag, str) and self.lex.breadcrumb_attr.search(_attrs(el)):
                items = [x for x in render_lines(el) if x]
                text = " > ".join(items)
                parts = [p.strip() for p in re.split(r"\s*[>›»/]\s*", text) if p.strip()]
                parts = [p for p in parts if self.lex.category_of(p)]
                if 1 <= len(parts) <= 8:
                    return self.lex.category_of(parts[-1])
        return None

    def _board_heading(self, root: etree._Element, head: dict[str, str]) -> str | None:
        for tag in ("h1", "h2", "h3", "strong"):
            for el in root.iter(tag):
                text = norm(el.text_content())
                if text and self.lex.is_board_heading(text):
                    return self.lex.category_of(text)
        title = head.get("title", "")
        if title and self.lex.is_board_heading(title):
            return self.lex.category_of(title)
        for part in re.split(r"\s*[|:>]\s*|\s+[-–—]\s+", title):
            if part.strip() and self.lex.is_board_heading(part):
                return self.lex.category_of(part)
        return None

    # -- chrome and main content ----------------------------------------------------------------
    def _is_chrome(self, el: etree._Element) -> bool:
        tag = el.tag.lower()
        if tag in self.lex.chrome_tags:
            # An article's own <header> holds its title and date.
            in_article = any(a.tag in ("article", "main") for a in el.iterancestors())
            return not (in_article and tag in ("header", "footer"))
        if self.lex.chrome_attr.search(_attrs(el)):
            return _link_density(el) >= 0.3 or _text_len(el) < 20
        return tag in ("ul", "ol", "dl", "div", "table", "p") and len(el.findall(".//a")) >= 3 \
            and _link_density(el) > 0.6

    def _strip_chrome(self, root: etree._Element) -> None:
        doomed = [el for el in root.iter()
                  if isinstance(el.tag, str) and el.tag not in ("html", "body") and self._is_chrome(el)]
        for el in doomed:
            if el.getparent() is not None:
                el.drop_tree()

    def _main_block(self, root: etree._Element) -> etree._Element:
        container: dict[etree._Element, etree._Element] = {}
        in_link: dict[etree._Element, bool] = {}
        scores: dict[etree._Element, float] = {}
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            parent = el.getparent()
            tag = el.tag.lower()
            container[el] = el if tag in _BLOCKS or parent is None else container.get(parent, el)
            in_link[el] = tag == "a" or (parent is not None and in_link.get(parent, False))
            pieces = [(el.text, el)]
            if el.tail and parent is not None:
                pieces.append((el.tail, parent))
            for text, owner in pieces:
                t = norm(text or "")
                if len(t) < 25 or in_link.get(owner, False):
                    continue
                score = 1 + t.count(",") + min(len(t) / 100, 3)
                c = container.get(owner, owner)
                for k, ancestor in enumerate([c, c.getparent(), *([c.getparent().getparent()]
                                             if c.getparent() is not None else [])]):
                    if ancestor is not None:
                        scores[ancestor] = scores.get(ancestor, 0) + (score if k < 2 else score / 2)
        if not scores:
            body = root.find("body")
            return body if body is not None else root
        top = sorted(scores, key=lambda e: scores[e], reverse=True)[:10]
        return max(top, key=lambda e: scores[e] * (1 - _link_density(e)))

    def _widen_to_meta(self, block: etree._Element) -> etree._Element:
        """Take in the metadata block (Date/hit) when it sits beside the body, a few levels up."""
        if self.layout.find_meta(render_lines(block)):
            return block
        for k, ancestor in enumerate(block.iterancestors()):
            if k >= 5:
                break
            if self.layout.find_meta(render_lines(ancestor)) and _link_density(ancestor) < 0.35:
                return ancestor
        return block

    # -- reading --------------------------------------------------------------------------------
    def read(self, text: str) -> tuple[Draft, str]:
        text = _XML_DECL.sub("", text, count=1)
        root = _parse(text)
        if _depth(root) >= self.max_depth:
            text = _BR_RUNS.sub("<br><br>", _CONTAINERS.sub("<br>", text))
            root = _parse(text)
            if _depth(root) >= 250:
                raise Rejected("clean", "HTML nested too deeply to read (over 250 levels even after flattening)")
        head = self._head(root)
        url = canonical_url(head.get("url"), self.lex)
        record = record_of_html(root, url)
        if record is not None:  # a Linked Data record of the open-data site: its property table, not the page
            return draft_of(record, self.lex), "linked_data"
        is_mofa = self._is_mofa(head)
        crumb = self._breadcrumb(root)
        etree.strip_elements(root, *_CODE_TAGS, with_tail=False)
        board = self._board_heading(root, head)
        self._strip_chrome(root)
        block = self._widen_to_meta(self._main_block(root))
        body = root.find("body")
        draft, empty_view = None, None
        for candidate in (block, body if body is not None else root):
            draft = self.layout.read(render_lines(candidate))
            if draft is not None and draft.title and any(_is_prose(t) for _, t in draft.paragraphs):
                break
            if draft is not None and draft.title and (draft.published or draft.hits is not None):
                empty_view = draft.title
            draft = None
        if draft is None and empty_view is not None:
            # A board view with its title and date but nothing under them: the page's chrome around it
            # ('본문 바로가기', menus, the footer) must not become the release's text.
            raise Rejected("clean", f"empty body: the board view of '{empty_view[:80]}' has a title and date but "
                                    "no text under them (the release's body was empty when the page was saved)")
        if draft is not None and not is_mofa:
            # The board-view layout plus the ministry's name anywhere on the page (footer, logo).
            page = norm(root.text_content())
            is_mofa = any(s in page for s in self.lex.mofa_signals)
        fmt = "mofa_html" if is_mofa else "html"
        if draft is None and not is_mofa:
            draft = self._trafilatura(text, head, self._heading(root))
        if draft is None:
            draft = self._generic(block, root, head)
        draft.url = draft.url or url
        # A known board wins (from the layout, the breadcrumb or a heading), then the breadcrumb's last part.
        candidates = [c for c in (self.lex.category_of(x) for x in (draft.category, crumb, board)) if c]
        draft.category = next((c for c in candidates if self.lex.is_board(c)),
                              self.lex.category_of(crumb) or (candidates[0] if candidates else None))
        if draft.category and draft.category == draft.title:
            draft.category = None
        return draft, fmt

    def _title_from_head(self, head: dict[str, str]) -> str:
        title = head.get("og:title") or head.get("title") or ""
        return self.lex.title_suffix.sub("", title).strip()

    def _heading(self, root: etree._Element) -> str:
        """The page's first h1-h3 that is not a board name: the article's own headline."""
        return next((norm(h.text_content()) for tag in ("h1", "h2", "h3") for h in root.iter(tag)
                     if norm(h.text_content()) and not self.lex.is_board(norm(h.text_content()))), "")

    def _generic(self, block: etree._Element, root: etree._Element, head: dict[str, str]) -> Draft:
        lines = render_lines(block)
        title = self._heading(root) or self._title_from_head(head)
        paragraphs = [p for p in group_blocks(lines) if norm(p) != title]
        if not title and paragraphs:
            title, paragraphs = paragraphs[0], paragraphs[1:]
        published = parse_date(head.get("article:published_time", "") or head.get("date", ""))
        return Draft(title=title, published=published, paragraphs=[classify(p) for p in paragraphs])

    def _trafilatura(self, text: str, head: dict[str, str], heading: str = "") -> Draft | None:
        import trafilatura

        try:
            result = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                                 include_tables=True)
        except (RecursionError, ValueError, etree.LxmlError):
            return None
        if result is None or not (result.text or "").strip():
            return None
        title = norm(result.title or "") or self._title_from_head(head) or heading
        lines = [ln for ln in result.text.split("\n") if norm(ln) and norm(ln) != title]
        dated, paragraphs = news.strip_news_metadata(group_blocks(lines), self.lex.stopwords_en)
        return Draft(title=title, published=parse_date(result.date or "") or dated, url=result.url or None,
                     paragraphs=[classify(p) for p in paragraphs])


class HtmlPageReader:
    """Saved HTML pages ('mofa_html' for the ministry's site, 'linked_data' for a record of its open-data site, 'html'
    otherwise). An <html> root beats the XML reject; a few HTML tags at the start (a fragment without <html>) beat
    plain text only."""

    name = "html"

    def sniff(self, head: Head) -> int | None:
        if head.root and (head.root == "html" or head.root_doctype == "html"):
            return 75
        return 40 if head.html_hints >= 2 or head.html_start else None

    def read(self, inp: Input) -> list[CleanDocument | Rejected]:
        draft, fmt = HtmlReader(inp.lex, inp.settings.max_html_depth).read(inp.text)
        return [assemble(draft, source=inp.source, data=inp.data, input_format=fmt, lex=inp.lex)]
