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


def events(r):
    return {e.name: (e.date, e.location, e.economy_id) for e in r.events}


def test_meeting_heads_inside_other_words_name_nothing(run_ko):
    r = run_ko("정부는 프랑스 등 국제사회의 중재 노력을 지지한다. 아세안 10개국과 미ㆍ중ㆍ일 등 대화상대국들이 "
               "참석한다. 양측은 남북대화를 통한 해결을 강조하였다. 나길동 베트남 부총리 겸 외교장관 회담 결과. "
               "사우디가 걸프협력회의(GCC)의 주도국으로서 역할을 하였다.")
    assert r.events == []


def test_a_meeting_on_the_occasion_of_another_opens_after_it(run_ko):
    r = run_ko("서하윤 장관께서도 지난주 나이로비에서 열린 G7 외교·개발장관회의 계기 한일 외교장관회담에서 우려를 "
               "전달하셨습니다.")
    got = events(r)
    assert set(got) == {"G7 외교·개발장관회의", "한일 외교장관회담"}
    assert got["한일 외교장관회담"] == ("2031-05", "나이로비", "KEN")  # 지난주: the publication's month


def test_visits_are_the_visited_states(run_ko):
    r = run_ko("서하윤 장관은 가나 공식방문(5.20.-22.) 시 외교장관 회담을 가질 예정이다.")
    assert events(r)["가나 공식방문"] == ("2031-05-20", None, "GHA")


def test_meeting_named_by_its_kind_with_a_visiting_partner(run_ko):
    r = run_ko("서하윤 외교부 장관은 5.13.(화) 오후 방한 중인 나길동 가나 외교장관과 외교장관회담을 갖고, 양국 관계를 "
               "논의하였다. 양 장관은 이번 회담에서 협력에 합의하였다.")
    assert events(r) == {"외교장관회담": ("2031-05-13", None, "KOR")}


def test_the_titles_meeting_read_where_the_body_holds_it(run_ko):
    r = run_ko("□ 서하윤 외교부 장관은 5.13.(화) 오전 방한중인 나길동 가나 외교장관과 외교장관회담 및 오찬을 갖고 "
               "의견을 교환하였다.", title="한-가나 외교장관회담 결과")
    assert events(r) == {"한-가나 외교장관회담": ("2031-05-13", None, "KOR")}


def test_title_names_the_releases_own_meeting(run_ko):
    r = run_ko("□ 외교부는 5.13.(화) 오전 재외국민보호 대책회의를 개최하여 현지 상황을 점검하였다.",
               title="가나 내 시위 관련 재외국민보호 대책회의 개최")
    assert events(r) == {"재외국민보호 대책회의": ("2031-05-13", None, "KOR")}


def test_place_of_a_visit_made_for_the_meeting(run_ko):
    r = run_ko("나길동 2차관은 37일부터 9일까지 케냐 나이로비를 방문하여 제2차 한-케냐 정책협의회를 개최합니다.",
               dt.date(2031, 3, 3))
    got = next(e for e in r.events if e.name == "한-케냐 정책협의회")
    assert (got.ordinal, got.date, got.location, got.economy_id) == (2, "2031-03", "나이로비", "KEN")


def test_months_and_year_words_date_a_coming_meeting(run_ko):
    r = run_ko("양 장관은 내년 9월 하노이에서 개최되는 한-아세안 포럼과 금년 중 서울에서 개최되는 제4차 한-가나 "
               "협력 포럼의 성공을 위해 협력하기로 하였다. 가나가 의장국을 맡은 G20 정상회의가 11월 개최된다.")
    got = events(r)
    assert got["한-아세안 포럼"] == ("2032-09", "하노이", "VNM")
    assert got["한-가나 협력 포럼"] == ("2031", "서울", "KOR")
    assert got["G20 정상회의"] == ("2031-11", None, "GHA")


def test_ordinals_years_chairs_and_brackets(run_ko):
    r = run_ko("서 장관은 1월 17일 토요일 서울에서 열리는 '제16회 서울-아크라 포럼'에 참석한다. "
               "정 장관은 「가나외교포럼 2031」에서 연설한다. 정 장관은 9차 한··가나 정상회의의 성공을 당부하였다. "
               "서 장관은 가나 외교장관회의(의장국: 가나)에 참석한다. 양 장관은 다음 달 아프리카 외교장관회의(6.6.-7., "
               "나이로비)에서 만나기로 하였다.")
    by_name = {e.name: e for e in r.events}
    assert by_name["서울-아크라 포럼"].ordinal == 16 and by_name["서울-아크라 포럼"].location == "서울"
    assert "가나외교포럼 2031" in by_name and "가나외교포럼" not in by_name
    assert by_name["한··가나 정상회의"].ordinal == 9
    assert by_name["가나 외교장관회의"].economy_id == "GHA"
    africa = by_name["아프리카 외교장관회의"]
    assert (africa.date, africa.location) == ("2031-06-06", "나이로비")


def test_a_schedule_line_without_a_day_keeps_the_day_above(run_ko):
    r = run_ko("※ 회의 일정\n\n- 8.3.(화) 10:30-11:30 한-가나 외교장관회의\n\n17:00-19:00 아세안+3 외교장관회의\n\n"
               "- 8.4.(수) 20:00-22:30 EAS 외교장관회의", dt.date(2032, 7, 29))
    got = events(r)
    assert (got["한-가나 외교장관회의"][0], got["아세안+3 외교장관회의"][0], got["EAS 외교장관회의"][0]) == (
        "2032-08-03", "2032-08-03", "2032-08-04")


def test_bodies_and_generic_words_are_no_meetings_or_initiatives(run_ko):
    r = run_ko("한가나 공동위원회 위원장이 방한했다. 서 장관은 가나 방문 중 회담을 가졌다. 정부는 미국 주도 "
               "이니셔티브와 일본 정부 기금을 검토하였다. 한미 통화스와프를 논의하였다.")
    assert r.events == [] and initiatives(r) == set()


def test_a_year_after_the_head_closes_the_initiatives_name(run_ko):
    r = run_ko("양 장관은 아세안 공동체 비전 2045의 이행을 지지하였다.")
    assert initiatives(r) == {"아세안 공동체 비전 2045"}


def test_a_visit_to_korea_places_the_meeting_with_the_visitor_only(run_ko):
    r = run_ko("서하윤 장관은 5.13.(화) 방한 중인 나길동 가나 외교장관과 한-가나 외교장관회담을 갖고, 가나가 주최하는 "
               "아프리카 정상회의 준비와 한-아세안 정상회의 협력을 논의하였다.")
    got = events(r)
    assert got["한-가나 외교장관회담"][2] == "KOR"
    assert got["아프리카 정상회의"][2] == "GHA" and got["한-아세안 정상회의"][2] is None


def test_a_headed_name_with_a_listed_acronym_takes_the_english_id(run_ko):
    r = run_ko("역내 포괄적 경제 동반자 협정(RCEP)은 세계 최대 규모의 자유무역협정이다. RCEP은 발효되었다.")
    rcep = ids.initiative_id("Regional Comprehensive Economic Partnership")
    assert {i.initiative_id for i in r.initiatives} == {rcep}
