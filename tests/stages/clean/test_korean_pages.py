"""Korean pages of the ministry, its mission mirrors and its republishers, each as a text written for the test
(invented releases, dates, boards and titles): the board view with label lines over value lines, the older
bulleted metadata, a mission mirror's one-line metadata, a republisher's dated issuer line, plain releases with
a short title, furniture, closing notes and end lines, and Korean date forms."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.stages.clean import clean_bytes
from schemas.models import CleanDocument

HEAD = "바로가기 메뉴 본문 바로가기 주메뉴 바로가기\neg(전자정부) 이 누리집은 대한민국 공식 전자정부 누리집입니다.\n" \
       "  1. 국가상징\n  2. RSS\n  3. ENGLISH\n\n외교부\n\n"
BODY = ("□ 이서진 외교부 제2차관은 3.14.(금) 서울에서 칠레 외교차관과 회담을 갖고 양국 간 교역 확대 방안을 "
        "논의하였다.\n\n"
        "ㅇ 양측은 올해 하반기 산티아고에서 차기 회의를 개최하기로 하였다.\n\n"
        "□ 짧은 단락\n")


def _one(text: str, name: str = "page.txt") -> CleanDocument:
    (doc,) = clean_bytes(name, text.encode("utf-8"))
    assert isinstance(doc, CleanDocument), doc
    return doc


def _body(doc: CleanDocument) -> list[str]:
    return [doc.text[p.start:p.end] for p in doc.paragraphs if p.section == "body"]


def test_board_view_with_label_lines_over_value_lines() -> None:
    doc = _one(HEAD + "보도자료\n\n제2차관, 칠레 외교차관과 회담\n\n"
               "부서명\n중남미국\n작성일\n2031-03-14\n조회수\n1,208\n\n"
               + BODY + "\n목록\n이전글\n다른 보도자료\n")
    assert (doc.language, doc.category, doc.title, doc.published, doc.hits) == (
        "ko", "보도자료", "제2차관, 칠레 외교차관과 회담", dt.date(2031, 3, 14), 1208)
    body = _body(doc)
    assert body[0].startswith("□ 이서진 외교부 제2차관은")
    assert body[-1] == "□ 짧은 단락"  # a short Hangul line of the body is prose, not chrome
    for chrome in ("바로가기", "누리집", "ENGLISH", "부서명", "중남미국", "다른 보도자료"):
        assert chrome not in doc.text


def test_older_bulleted_metadata_and_breadcrumb() -> None:
    doc = _one("컨텐츠 바로가기\n\n국문대표홈페이지 > 뉴스·소식 > 보도자료 게시물 상세보기\n\n한-칠레 차관회담 개최\n\n"
               "  • 작성일 : 2031.03.14.\n  • 조회수 : 77\n  • 부서명 : 중남미국\n\n"
               "첨부파일 [31-120](보도자료)한-칠레 차관회담.hwp 첨부파일 미리보기\n\n" + BODY)
    assert (doc.category, doc.title, doc.published, doc.hits) == (
        "보도자료", "한-칠레 차관회담 개최", dt.date(2031, 3, 14), 77)
    assert _body(doc)[0].startswith("□ 이서진")
    assert "첨부파일" not in doc.text and "부서명" not in doc.text


def test_board_heading_over_a_breadcrumb_names_the_board() -> None:
    doc = _one("컨텐츠 바로가기\n\n외교부브리핑\n\n국문대표홈페이지 > 뉴스·소식 > 대변인브리핑 상세보기\n\n"
               "대변인 정례브리핑 (3.14)\n\n  • 작성일 : 2031-03-14\n  • 조회수 : 5\n  • 부서명 : 언론담당관실\n\n"
               "I. 모두 발언\n\n안녕하십니까? 3월 14일 정례브리핑을 시작하겠습니다.\n\n발표사항은 없습니다.\n\n"
               "II. 질의 및 응답\n\n<질문> 칠레 관련 질문입니다.\n\n<답변> 협의를 계속해 나갈 것입니다.\n")
    assert (doc.category, doc.title) == ("외교부브리핑", "대변인 정례브리핑 (3.14)")
    # the briefing's first section heading is a heading before the body; the greeting line is the spokesperson's
    assert _body(doc)[0] == "안녕하십니까? 3월 14일 정례브리핑을 시작하겠습니다."
    assert "부서명" not in doc.text


def test_republished_view_with_a_dated_issuer_line() -> None:
    doc = _one("본문 바로가기 메인메뉴 바로가기\n\n브리핑룸\n\n콘텐츠 영역\n\n"
               "제2차관, 칠레 방문 예정\n\n2031.03.12 외교부\n목록\n" + BODY
               + "\n“이 자료는 외교부의 보도자료를 전재하여 제공함을 알려드립니다.”\n\n"
               "이전다음기사\n\n다른 기사\n")
    assert (doc.category, doc.title, doc.published) == (None, "제2차관, 칠레 방문 예정", dt.date(2031, 3, 12))
    assert _body(doc)[0].startswith("□ 이서진")
    for chrome in ("목록", "전재하여", "다른 기사", "콘텐츠 영역"):
        assert chrome not in doc.text


def test_transcript_greeting_and_self_introduction_is_the_header() -> None:
    doc = _one("브리핑룸\n\n콘텐츠 영역\n\n제2차관 사전 브리핑\n\n2031.01.08 외교부\n목록\n"
               "안녕하세요? 반갑습니다. 제2차관 이서진입니다.\n\n올해 업무계획을 말씀드리겠습니다.\n\n"
               "첫째, 경제 외교를 강화하겠습니다.\n")
    header = [doc.text[p.start:p.end] for p in doc.paragraphs if p.section == "header"]
    assert header == ["안녕하세요? 반갑습니다. 제2차관 이서진입니다."]
    assert _body(doc)[0] == "올해 업무계획을 말씀드리겠습니다."


def test_republisher_fields_under_the_title() -> None:
    doc = _one("최근소식\n\n한-칠레 차관회담 관련 대변인 논평\n출처\n외교부\n작성일\n2031.03.15\n원본URL\n"
               "http://www.mofa.go.kr/\n\n\n 한-칠레 차관회담 관련 대변인 논평\n\n" + BODY)
    assert (doc.category, doc.title, doc.published) == (None, "한-칠레 차관회담 관련 대변인 논평", dt.date(2031, 3, 15))
    assert "원본URL" not in doc.text and "출처" not in doc.text
    assert _body(doc)[0].startswith("□ 이서진")


def test_plain_release_with_a_short_title_and_closing_notes() -> None:
    doc = _one("외교부, 칠레에서 차관회담 참석\n\n"
               "이서진 외교부 제2차관은 2031년 3월 14일 산티아고에서 회담을 가졌다.\n\n"
               "양측은 협력을 확대하기로 하였다.\n\n붙임 : 회담 사진. 끝.\n")
    assert doc.title == "외교부, 칠레에서 차관회담 참석"
    assert _body(doc) == ["이서진 외교부 제2차관은 2031년 3월 14일 산티아고에서 회담을 가졌다.",
                          "양측은 협력을 확대하기로 하였다."]


def test_the_closing_mark_glued_to_the_last_sentence_goes() -> None:
    doc = _one("제2차관 칠레 방문\n\n이서진 제2차관은 칠레를 방문하였다.\n\n양측은 협력을 확대하기로 하였다. 끝.\n\n"
               "[자료제공 :(www.korea.kr)]\n\n0 Comments\n")
    assert _body(doc)[-1] == "양측은 협력을 확대하기로 하였다."
    assert "자료제공" not in doc.text and "Comments" not in doc.text


def test_republisher_prefix_counters_and_date_under_the_title() -> None:
    doc = _one("[외교부]제2차관, 칠레 외교차관과 회담\n정책\n0\n412\n0\n2031.03.14 09:12\n" + BODY.replace("\n\n", "\n")
               + "?\n")
    assert (doc.title, doc.published) == ("제2차관, 칠레 외교차관과 회담", dt.date(2031, 3, 14))
    assert _body(doc)[0].startswith("□ 이서진")
    assert "412" not in doc.text


def test_a_lead_line_without_a_sentence_end_is_the_subtitle() -> None:
    doc = _one("제2차관 주재 주한 중남미 대사 간담회 개최\n"
               "칠레, 페루 등 주한 중남미 대사 12명과 진출 기업인 8명이 참석\n"
               "이번 간담회는 중남미와의 실질협력을 확대하기 위해 마련되었다.\n"
               "제2차관은 협력 확대를 당부하였다.\n")
    assert doc.subtitle == "칠레, 페루 등 주한 중남미 대사 12명과 진출 기업인 8명이 참석"
    assert _body(doc)[0].startswith("이번 간담회는")


def test_newswire_dateline_and_issuer_profile_go() -> None:
    doc = _one("제2차관, 칠레 방문\n\n부산--(뉴스와이어)--이서진 외교부 제2차관은 칠레를 방문한다고 밝혔다.\n\n"
               "양측은 협력을 논의할 예정이다.\n\n외교부 개요\n외교부는 대외 정책을 담당한다.\n"
               "웹사이트: https://www.mofa.go.kr\n연락처\n외교부 중남미국\n02-0000-0000\n")
    assert _body(doc) == ["이서진 외교부 제2차관은 칠레를 방문한다고 밝혔다.", "양측은 협력을 논의할 예정이다."]


def test_other_stories_above_a_republished_title_go() -> None:
    doc = _one("다른 기사 제목 하나\n\n지역 축제 소식 둘\n\n제2차관 칠레 외교차관 통화\n\n"
               "폰트 확대 폰트 축소 프린트하기\n \n"
               "1. 이서진 제2차관은 3.14.(금) 칠레 외교차관과 통화하였다.\n\n2. 양측은 협력을 논의하였다.\n")
    assert doc.title == "제2차관 칠레 외교차관 통화"
    assert _body(doc)[0].startswith("1. 이서진")
    assert "축제" not in doc.text


def test_a_page_with_the_department_field_only() -> None:
    doc = _one("컨텐츠 바로가기\n\n장관 외교활동\n\n장관, 칠레 외교장관 면담\n\n부서명\n정책홍보담당관실\n\n\n"
               "  장관은 3.14.(금) 칠레 외교장관을 면담하였습니다.\n\n\n"
               "@ 관련 보도자료 바로가기\n\n장관, 칠레 외교장관 면담\n")
    assert (doc.category, doc.title) == ("장관 외교활동", "장관, 칠레 외교장관 면담")
    assert _body(doc) == ["장관은 3.14.(금) 칠레 외교장관을 면담하였습니다."]


@pytest.mark.parametrize("stamp, date", [("2031.03.14.", dt.date(2031, 3, 14)), ("2031-03-14", dt.date(2031, 3, 14)),
                                         ("2031년 3월 4일", dt.date(2031, 3, 4)), ("2031. 3. 4.", dt.date(2031, 3, 4))])
def test_korean_date_forms_of_the_date_line(stamp: str, date: dt.date) -> None:
    doc = _one(HEAD + "보도자료\n\n제2차관 회담\n\n작성일\n" + stamp + "\n조회수\n3\n\n" + BODY)
    assert doc.published == date


BRIEFING = ("I. 모두 발언\n\n안녕하십니까? 3월 14일 정례브리핑을 시작하겠습니다.\n\n발표사항은 없습니다.\n\n"
            "II. 질의 및 응답\n\n<질문> 칠레 관련 질문입니다.\n\n<답변> 협의를 계속해 나갈 것입니다.\n")


def test_mission_mirror_fields_on_one_line() -> None:
    doc = _one("주칠레 대한민국 대사관\n\n공지사항\n\n대변인 정례브리핑 (3.14)\n\n"
               "작성자 : 주칠레 대사관 | 작성일 : 2031-03-14 | 조회수 : 12\n\n" + BRIEFING)
    assert (doc.title, doc.published, doc.hits) == ("대변인 정례브리핑 (3.14)", dt.date(2031, 3, 14), 12)
    assert _body(doc)[0] == "안녕하십니까? 3월 14일 정례브리핑을 시작하겠습니다."


def test_mirror_copy_without_a_page_header() -> None:
    doc = _one("대변인 정례브리핑 (3.14)\n\n" + BRIEFING)
    assert doc.title == "대변인 정례브리핑 (3.14)"
    assert _body(doc)[0] == "안녕하십니까? 3월 14일 정례브리핑을 시작하겠습니다."
    assert "II. 질의 및 응답" in _body(doc)  # a later section heading stays in the transcript


def test_mission_mirror_title_under_its_label() -> None:
    doc = _one("주모로코 대한민국 대사관\n\n대사관 소식\n\n제목\n대변인 정례브리핑 (3.14)\n작성자\n주모로코 대사관\n"
               "작성일\n2031-03-14\n조회수\n12\n\n" + BRIEFING)
    assert (doc.title, doc.published, doc.hits) == ("대변인 정례브리핑 (3.14)", dt.date(2031, 3, 14), 12)
    assert "주모로코 대사관" not in doc.text


def test_korean_news_copy_stamps_byline_dateline_and_copyright() -> None:
    doc = _one("외교부, 칠레와 차관회담 개최\n\n입력 2031.03.14 09:12 수정 2031.03.14 10:00\n\n홍길동 기자\n\n"
               "(서울=연합뉴스) 홍길동 기자 = 외교부는 14일 칠레와 차관회담을 열었다고 밝혔다.\n\n"
               "양측은 협력 확대에 합의했다.\n\n<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>\n\n다른 기사\n")
    assert (doc.title, doc.published) == ("외교부, 칠레와 차관회담 개최", dt.date(2031, 3, 14))
    assert _body(doc) == ["외교부는 14일 칠레와 차관회담을 열었다고 밝혔다.", "양측은 협력 확대에 합의했다."]


def test_an_older_pages_title_label_is_not_part_of_the_title():
    doc = _one("제 목 : 한·칠레 외교차관회담 결과\n\n" + BODY)
    assert doc.title == "한·칠레 외교차관회담 결과"


@pytest.mark.parametrize("opening", ["", "I. 모두 발언\n"])
def test_a_headerless_briefing_has_no_title_and_its_greeting_opens_the_body(opening):
    doc = _one(opening + "안녕하십니까? 3월 14일 금요일 정례브리핑을 시작하겠습니다.\n\n" + BODY)
    assert doc.title == ""
    assert _body(doc)[0].startswith("안녕하십니까? 3월 14일")


def test_a_statements_closing_date_and_issuer_are_metadata():
    doc = _one("케냐 사태에 관한 대변인 논평\n\n" + BODY + "\n2008. 2. 29.\n\n외교통상부 대변인\n")
    assert doc.published == dt.date(2008, 2, 29)
    assert not any("대변인" in t or "2008" in t for t in _body(doc))


def test_a_statements_closing_lines_in_one_paragraph():
    doc = _one("케냐 사태에 관한 대변인 논평\n\n" + BODY + "\n2008. 2. 29.\n외교통상부 대변인\n")
    assert doc.published == dt.date(2008, 2, 29)
    assert _body(doc)[-1] == "□ 짧은 단락"
