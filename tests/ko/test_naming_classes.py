"""Classes of Korean person forms found on development texts the earlier rules missed (invented sentences)."""

from __future__ import annotations


def people(r):
    return {(p.name, tuple(p.titles), p.economy) for p in r.people}


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
