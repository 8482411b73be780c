"""Classes of Korean person forms found on development texts the earlier rules missed (invented sentences)."""

from __future__ import annotations

import pytest

from pipeline.engine import ids


def people(r):
    return {(p.name, tuple(p.titles), p.economy) for p in r.people}


def org_ids(r):
    return {m.text: m.entity_id for m in r.mentions if m.kind == "organization"}


def test_one_syllable_state_short_form_between_name_and_title(run_ko):
    r = run_ko("나은별 차관은 다나카 히로시 일 외무성 사무차관과 만났다.")
    assert ("다나카 히로시", ("외무성 사무차관",), "JPN") in people(r)


def test_short_form_alone_is_no_state(run_ko):
    r = run_ko("일 년 동안 장관은 바빴다.")
    assert people(r) == set()


def test_known_surname_read_with_a_glued_syllable(run_ko):
    # the analyser reads the known official's name as one word and leaves the first syllable of the given name
    r = run_ko("홍길동 장관은 안토니 블링컨 미 국무장관과 통화하였다.")
    names = {p.name for p in r.people}
    assert "안토니 블링컨" in names and "토니 블링컨" not in names


def test_known_surname_with_its_given_name_before(run_ko):
    r = run_ko("홍길동 장관은 방문 중인 마코 루비오 미 국무장관과 통화하였다.")
    assert ("마코 루비오", ("국무장관",), "USA") in people(r)


def test_title_glued_to_the_next_name_with_a_latin_gloss(run_ko):
    r = run_ko("홍길동 장관은 커트 캠벨(Kurt M. Campbell) 미 국무부 부장관다나카 히로시(Tanaka Hiroshi) 일 외무성 "
               "사무차관과 만났다.")
    got = people(r)
    assert ("다나카 히로시", ("외무성 사무차관",), "JPN") in got
    assert ("커트 캠벨", ("국무부 부장관",), "USA") in got


def test_name_in_quotation_marks_with_an_accented_latin_gloss(run_ko):
    r = run_ko("홍길동 장관은 10월 13일 방한 예정인 ‘엘로디 메랑(Élodie Mérand)’ 캐나다 외교장관과 회담한다.")
    assert ("엘로디 메랑", ("외교장관",), "CAN") in people(r)


def test_quoted_phrase_without_a_gloss_is_no_name(run_ko):
    r = run_ko("홍길동 장관은 ‘평화 협력’ 회의에 참석했다.")
    assert {p.name for p in r.people} == {"홍길동"}


@pytest.mark.parametrize(("text", "expected"), [
    ("나은별 대사는 이슬람협력기구 및 아랍연맹 대표단과 면담하고 유라시아경제연합과의 협력을 논의하였다.",
     {"이슬람협력기구": "Organisation of Islamic Cooperation", "아랍연맹": "League of Arab States",
      "유라시아경제연합": "Eurasian Economic Union"}),  # regional organisations
    ("홍길동 차관은 국가안보실, 해양수산부 및 국회 관계자들과 대응 방안을 협의하였다.",
     {"국가안보실": "Office of National Security", "해양수산부": "Ministry of Oceans and Fisheries",
      "국회": "National Assembly"}),  # Korea's state bodies by their Korean names
])
def test_bodies_share_the_english_id(run_ko, text, expected):
    got = org_ids(run_ko(text))
    assert {k: got.get(k) for k in expected} == {k: ids.org_id(v) for k, v in expected.items()}


def test_foreign_state_body_and_news_agency(run_ko):
    r = run_ko("크렘린궁은 라도윤 특사의 방문을 환영한다고 밝혔다고 타스통신이 보도했다.")
    got = org_ids(r)
    assert got["크렘린궁"] == ids.org_id("Kremlin")
    assert got["타스통신"] == ids.org_id("TASS")


def test_common_word_holding_a_body_name_is_no_organisation(run_ko):
    # 복지부문 'welfare sector' holds 복지부, 정치국면 'political phase' holds 정치국: no ministry, no politburo
    r = run_ko("마서진 국장은 복지부문 예산과 정치국면의 변화를 점검하였다.")
    assert org_ids(r) == {}
