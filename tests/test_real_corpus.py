"""The pipeline on real ministry pages (../shared/real/raw, 59 pages of 2004-2025), real news articles
(../shared/real/news/raw, 30) and real Korean texts (../shared/real/ko/raw, 37), scored against the gold written
blind for them (tests/real_gold, tests/real_news_gold and tests/ko_gold: development; tests/real_heldout,
tests/real_news_heldout and tests/ko_heldout: kept aside).

The texts are not in the repository: every test here skips, saying why, when ../shared/real is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from pipeline.tools import evaluate as ev
from tests.conftest import ROOT

REAL = ROOT.parent / "shared" / "real"
REAL_RAW = REAL / "raw"
NEWS_RAW = REAL / "news" / "raw"
DEV_GOLD = ROOT / "tests" / "real_gold"
HELDOUT_GOLD = ROOT / "tests" / "real_heldout"
NEWS_GOLD = ROOT / "tests" / "real_news_gold"
NEWS_HELDOUT_GOLD = ROOT / "tests" / "real_news_heldout"
GOLD_FILES = [p for folder in (DEV_GOLD, HELDOUT_GOLD, NEWS_GOLD, NEWS_HELDOUT_GOLD)
              for p in sorted(folder.glob("*.json"))]
KO_RAW = REAL / "ko" / "raw"
KO_GOLD = ROOT / "tests" / "ko_gold"
KO_HELDOUT_GOLD = ROOT / "tests" / "ko_heldout"
KO_GOLD_FILES = [p for folder in (KO_GOLD, KO_HELDOUT_GOLD) for p in sorted(folder.glob("*.json"))]

needs_corpus = pytest.mark.skipif(not REAL_RAW.is_dir(), reason=f"the real-page corpus is not here ({REAL_RAW}): "
                                  "it is read from ../shared/real/raw beside the checkout, never copied in")

#: Minimum F1 per category, pinned a little under the scores measured at the end of the real-pages and claims
#: issues (README, "Real ministry pages"): development sets about 0.03 under, the small kept-aside sets about
#: 0.05 under (one item there moves a score by several points). Regression guards, not targets.
DEV_FLOORS = {"metadata": 0.97, "body": 0.97, "people": 0.95, "people_titles": 0.92, "people_economy": 0.94,
              "economies": 0.95, "organizations": 0.93, "initiatives": 0.95, "initiative_links": 0.8,
              "events": 0.94, "event_attributes": 0.88, "claims": 0.91, "claims_cue": 0.93,
              "claims_via_pronoun": 0.9}
HELDOUT_FLOORS = {"metadata": 0.95, "body": 0.95, "people": 0.78, "people_titles": 0.75, "people_economy": 0.9,
                  "economies": 0.93, "organizations": 0.68, "events": 0.52, "claims": 0.7}
NEWS_FLOORS = {"metadata": 0.93, "body": 0.9, "people": 0.95, "people_titles": 0.95, "people_economy": 0.95,
               "economies": 0.96, "organizations": 0.92, "events": 0.8, "claims": 0.8, "claims_cue": 0.96}
NEWS_HELDOUT_FLOORS = {"metadata": 0.87, "body": 0.75, "people": 0.95, "claims": 0.9}


#: Korean texts (issue 15): development floors a little under the scores over the 30 development texts at the end
#: of session 5 (metadata 0.994, body 0.988, people 0.938, economies 0.995, organisations 0.867, initiatives 1.0,
#: events 0.912, claims 0.979); the kept-aside floors under the scores taken of them then (people 0.882, claims
#: 0.720: never explained). Regression guards, not targets.
KO_DEV_FLOORS = {"metadata": 0.97, "body": 0.96, "people": 0.91, "people_titles": 0.92, "people_economy": 0.95,
                 "economies": 0.97, "organizations": 0.84, "initiatives": 0.9, "events": 0.88,
                 "event_attributes": 0.88, "claims": 0.95, "claims_cue": 0.97, "claims_type": 0.95}
KO_HELDOUT_FLOORS = {"metadata": 0.95, "body": 0.79, "people": 0.85, "economies": 0.93, "organizations": 0.84,
                     "claims": 0.68}

needs_ko_corpus = pytest.mark.skipif(not KO_RAW.is_dir(), reason=f"the Korean corpus is not here ({KO_RAW}): it "
                                     "is read from ../shared/real/ko/raw beside the checkout, never copied in")


def _tables(nlp: Any, paths: list[Path]) -> dict[str, Any]:
    """The given texts through clean + extract + validate, as the evaluator's tables."""
    import pandas as pd

    from pipeline.stages.clean import clean_bytes
    from pipeline.stages.extract import extract_all
    from pipeline.stages.validate import validate_result
    from pipeline.stages.write import assemble
    from schemas.models import CleanDocument

    cdocs, rejected = [], []
    for path in paths:
        for item in clean_bytes(path.name, path.read_bytes()):
            (cdocs if isinstance(item, CleanDocument) else rejected).append(item)
    assert not rejected, rejected
    results = []
    for result in extract_all(nlp, cdocs):
        valid, rejects = validate_result(result)
        assert not rejects, rejects
        results.append(valid)
    tables = assemble(results, [], [])
    return {name: pd.DataFrame([r.model_dump() for r in tables[name]]) for name in ev.EVAL_TABLES}


@pytest.fixture(scope="module")
def ko_tables(nlp: Any) -> dict[str, Any]:
    """Every real Korean text through the pipeline (the Korean path loads for them)."""
    if not KO_RAW.is_dir():
        pytest.skip(f"the Korean corpus is not here ({KO_RAW})")
    return _tables(nlp, sorted(KO_RAW.glob("*.txt")))


@pytest.fixture(scope="module")
def real_tables(nlp: Any) -> dict[str, Any]:
    """Every real page through clean + extract + validate, as the evaluator's tables."""
    if not REAL_RAW.is_dir():
        pytest.skip(f"the real-page corpus is not here ({REAL_RAW})")
    return _tables(nlp, sorted(REAL_RAW.glob("*.txt")) + sorted(NEWS_RAW.glob("*.txt")))


def _low(report: ev.Report, floors: dict[str, float]) -> dict[str, float]:
    micro = {r.category: r for r in report.micro}
    return {c: round(micro[c].f1, 3) for c, floor in floors.items() if micro[c].f1 < floor}


def _assert_floors(tables: dict[str, Any], gold: Path, floors: dict[str, float], *, explain: bool) -> None:
    """Every gold file of ``gold`` matched and every category at or above its floor. Only development sets
    (``explain``) print their per-document details on failure: a kept-aside set shows its low scores only."""
    report = ev.evaluate(tables, ev.load_gold(gold), strict=True)
    assert not report.unmatched_gold
    low = _low(report, floors)
    assert not low, (low, report.details) if explain else low


@needs_corpus
@pytest.mark.model
def test_every_real_page_becomes_one_document(real_tables: dict[str, Any]) -> None:
    assert sorted(real_tables["documents"]["source"]) == sorted(
        p.name for p in [*REAL_RAW.glob("*.txt"), *NEWS_RAW.glob("*.txt")])


@needs_corpus
@pytest.mark.model
def test_page_chrome_and_furniture_never_reach_a_sentence(real_tables: dict[str, Any]) -> None:
    sentences = real_tables["sentences"]
    text = "\n".join(sentences["text"])
    for chrome in ("바로가기", "검색창", "상세보기", "Skip navigation", "unofficial translation",
                   "Unofficial Translation", "/End/", "/end/", "/END/", "Archived content", "View Original"):
        assert chrome not in text, chrome
    body = sentences[sentences["section"].isin(["body", "footnote"])]
    assert not body["text"].str.match(r"(?:Date|hit|Hit)$").any()
    assert not body["text"].str.startswith("Good afternoon").any()
    headers = sentences[sentences["section"] == "header"]["text"]
    assert len(headers) >= 5 and headers.str.contains("KST").all()


@needs_corpus
@pytest.mark.model
def test_real_development_pages_score_above_the_floors(real_tables: dict[str, Any]) -> None:
    _assert_floors(real_tables, DEV_GOLD, DEV_FLOORS, explain=True)


@needs_corpus
@pytest.mark.model
def test_real_heldout_pages_score_above_the_floors(real_tables: dict[str, Any]) -> None:
    _assert_floors(real_tables, HELDOUT_GOLD, HELDOUT_FLOORS, explain=False)


@needs_corpus
@pytest.mark.model
def test_real_news_articles_score_above_the_floors(real_tables: dict[str, Any]) -> None:
    _assert_floors(real_tables, NEWS_GOLD, NEWS_FLOORS, explain=True)
    _assert_floors(real_tables, NEWS_HELDOUT_GOLD, NEWS_HELDOUT_FLOORS, explain=False)


@needs_corpus
@pytest.mark.parametrize("path", GOLD_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in GOLD_FILES])
def test_real_gold_file_is_consistent_with_its_page(path: Path) -> None:
    """Every string the gold quotes is in its page (catches typos in the annotation)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    raw = (NEWS_RAW if gold["source"].startswith("n") else REAL_RAW) / gold["source"]
    flat = ev.fold_ws(raw.read_text(encoding="utf-8"))

    def present(s: str) -> bool:
        return ev._find_span(flat, s) is not None

    body = gold["body"]
    for key in ("starts_with", "ends_with"):
        assert not body.get(key) or present(body[key]), (key, body[key])
    for note in body.get("footnotes_start_with", []):
        assert present(note), note
    for bad in body.get("must_not_contain", []):
        assert present(bad), bad
    for item in gold["claims"].get("core", []) + gold["claims"].get("optional", []):
        assert present(item["sentence_contains"]), item["sentence_contains"]
    for person in gold["people"].get("core", []):
        for alias in person.get("aliases_in_text", []):
            assert present(alias), alias
    for code in gold["economies"].get("core", []) + gold["economies"].get("optional", []):
        assert re.fullmatch(r"[A-Z]{3}", code), code


@needs_ko_corpus
@pytest.mark.model
def test_every_korean_text_becomes_one_korean_document(ko_tables: dict[str, Any]) -> None:
    documents = ko_tables["documents"]
    assert sorted(documents["source"]) == sorted(p.name for p in KO_RAW.glob("*.txt"))
    assert set(documents["language"]) == {"ko"}


@needs_ko_corpus
@pytest.mark.model
def test_korean_page_furniture_never_reaches_a_sentence(ko_tables: dict[str, Any]) -> None:
    text = "\n".join(ko_tables["sentences"]["text"])
    furniture = ("바로가기", "누리집입니다", "부서명", "원본URL", "자료제공", "제공함을 알려드립니다", "첨부파일",
                 "미리보기", "(뉴스와이어)", "웹사이트:", "폰트 확대", "이전글", "다음글")
    found = [chrome for chrome in furniture if chrome in text]
    assert not found, found  # the words only: some texts are kept aside and are not to be read


@needs_ko_corpus
@pytest.mark.model
def test_korean_development_texts_score_above_the_floors(ko_tables: dict[str, Any]) -> None:
    _assert_floors(ko_tables, KO_GOLD, KO_DEV_FLOORS, explain=False)


@needs_ko_corpus
@pytest.mark.model
def test_korean_heldout_texts_score_above_the_floors(ko_tables: dict[str, Any]) -> None:
    _assert_floors(ko_tables, KO_HELDOUT_GOLD, KO_HELDOUT_FLOORS, explain=False)


@needs_ko_corpus
@pytest.mark.parametrize("path", KO_GOLD_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in KO_GOLD_FILES])
def test_korean_gold_file_is_consistent_with_its_text(path: Path) -> None:
    """Every string a Korean gold file quotes is in its text (the failure names the field, not the string: some
    of these files are kept aside and are not to be read)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    flat = ev.fold_ws((KO_RAW / gold["source"]).read_text(encoding="utf-8"))

    def present(s: str) -> bool:
        return ev._find_span(flat, s) is not None

    body = gold["body"]
    for key in ("starts_with", "ends_with"):
        assert not body.get(key) or present(body[key]), f"body.{key}"
    assert all(present(note) for note in body.get("footnotes_start_with", [])), "body.footnotes_start_with"
    assert all(present(bad) for bad in body.get("must_not_contain", [])), "body.must_not_contain"
    for n, item in enumerate(gold["claims"].get("core", []) + gold["claims"].get("optional", [])):
        assert present(item["sentence_contains"]), f"claims[{n}].sentence_contains"
    for n, person in enumerate(gold["people"].get("core", [])):
        assert all(present(alias) for alias in person.get("aliases_in_text", [])), f"people.core[{n}].aliases"
    for code in gold["economies"].get("core", []) + gold["economies"].get("optional", []):
        assert re.fullmatch(r"[A-Z]{3}", code), "economies: an ISO3 code"
