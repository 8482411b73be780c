"""Korean initiatives and events by class (invented sentences, names, agreements and meetings): initiative names by
their head (initiative_heads.tsv) with their lead and endorse links; events' names, places, hosts and dates."""

from __future__ import annotations

import datetime as dt

from pipeline.engine import ids


def initiatives(r):
    return {m.text for m in r.mentions if m.kind == "initiative"}


def links(r):
    names = {i.initiative_id: i.name for i in r.initiatives}
    return {(names[k.initiative_id], k.economy_id, k.role) for k in r.initiative_links}


def test_agreement_opened_by_a_compound_with_its_acronym(run_ko):
    r = run_ko("양국은 작년 서명된 한-가나 포괄적경제동반자협정(KGEPA)이 조속히 발효되기를 기대하였다. "
               "KGEPA는 양국 교역을 늘릴 것이다.")
    got = {i.name: i.acronym for i in r.initiatives}
    assert got == {"한-가나 포괄적경제동반자협정": "KGEPA"}
    assert [m.text for m in r.mentions if m.kind == "initiative"].count("KGEPA") >= 1  # the acronym again


def test_free_trade_agreement_after_a_party_compound(run_ko):
    r = run_ko("서하윤 장관은 한·EU FTA와 한-칠레 FTA의 이행을 점검하였다. FTA 협상은 계속된다.")
    assert initiatives(r) == {"한·EU FTA", "한-칠레 FTA"}  # FTA alone names no agreement


def test_a_states_own_project_is_led_by_it(run_ko):
    r = run_ko("나길동 차관은 가나 신항만 건설 사업에 대한 우리 기업의 참여를 희망하였다.")
    assert initiatives(r) == {"가나 신항만 건설 사업"}
    assert links(r) == {("가나 신항만 건설 사업", "GHA", "lead")}


def test_common_heads_without_an_owner_name_nothing(run_ko):
    r = run_ko("정부는 우리 외교 정책과 한-아세안 협력 사업, 주요 업무 추진계획을 설명하고 "
               "한-가나 외교차관 전략대화와 특별 전략적 동반자 관계를 언급하였다.")
    assert initiatives(r) == set()


def test_process_and_fund_opened_by_a_proper_noun(run_ko):
    r = run_ko("정부는 발트해 평화 프로세스를 지지한다. 한국이 아세안의 코로나19 복구기금에 기여하였다.")
    assert {"발트해 평화 프로세스", "코로나19 복구기금"} <= initiatives(r)
    assert ("코로나19 복구기금", "KOR", "endorse") in links(r)


def test_quoted_name_before_a_policy_head_and_a_vision_with_its_year(run_ko):
    r = run_ko("EU의 ‘건설적 견제’ 정책은 우리 접근과 유사하다. 가나의 「비전 2040(Ghana Vision 2040)」 달성에 "
               "기여하겠다.")
    assert {"건설적 견제", "비전 2040"} <= initiatives(r)
    assert ("비전 2040", "GHA", "lead") in links(r)


def test_items_of_a_listed_set_of_agreements(run_ko):
    r = run_ko("우리나라가 EU와 체결한 3대 핵심협정(기본협정, FTA, 해양협력기본협정)을 바탕으로 협력이 확대되었다.")
    assert {"기본협정", "FTA", "해양협력기본협정"} <= initiatives(r)


def test_an_initiative_presented_in_a_relative_clause_is_led_by_its_subject(run_ko):
    r = run_ko("정부는 가나 정부가 유엔총회 기조연설에서 제시한 '평화번영 이니셔티브'를 지지해 나갈 것입니다.",
               dt.date(2031, 9, 30))
    assert links(r) == {("평화번영 이니셔티브", "GHA", "lead"), ("평화번영 이니셔티브", "KOR", "endorse")}


def test_known_policies_keep_the_english_id_and_their_owner(run_ko):
    r = run_ko("최 차관은 신남방정책 플러스를 통해 협력을 심화하겠다고 하였다. 정부는 신북방정책을 추진한다.")
    assert ids.initiative_id("New Northern Policy") in {i.initiative_id for i in r.initiatives}
    assert ("New Northern Policy", "KOR", "lead") in links(r)
    assert ("신남방정책 플러스", "KOR", "lead") in links(r)


def test_a_name_with_its_latin_gloss_is_the_initiative_not_a_person(run_ko):
    r = run_ko("양 장관은 금년 말 아세안공동체(ASEAN Community) 출범을 환영하였다.")
    assert "아세안공동체" in initiatives(r)
    assert r.people == []
