"""Korean finders on invented sentences: economies, organisations, people, dates, events."""

from __future__ import annotations

import datetime as dt

from pipeline.engine import ids


def kinds(result, kind):
    return [(m.text, m.entity_id) for m in result.mentions if m.kind == kind]


def test_economies_names_and_compounds(run_ko):
    r = run_ko("브라질과 캐나다는 한-베트남 협력과 미ㆍ중 관계를 논의했다. 일측은 우리 정부의 입장을 이해했다.")
    econ = {e for _, e in kinds(r, "economy")}
    assert {"BRA", "CAN", "KOR", "VNM", "USA", "CHN", "JPN"} <= econ
    assert {e.economy_id for e in r.economies} == econ
    assert next(e for e in r.economies if e.economy_id == "USA").apec_member


def test_common_words_are_not_states(run_ko):
    r = run_ko("정부는 인도적 지원을 위한 다양한 수단을 검토했다.")
    assert kinds(r, "economy") == [("정부", "KOR")] or not any(e in ("IND", "SDN") for _, e in kinds(r, "economy"))
    assert not any(e in ("IND", "SDN") for _, e in kinds(r, "economy"))


def test_proper_noun_state_with_common_form(run_ko):
    r = run_ko("인도와 수단의 대표가 참석했다.")
    assert {e for _, e in kinds(r, "economy")} >= {"IND", "SDN"}


def test_organisations_share_english_ids(run_ko):
    r = run_ko("유엔 안보리와 세계보건기구, 그리고 외교부가 공동으로 회의를 열었다. 일본 외무성도 참석했다.")
    orgs = {e for _, e in kinds(r, "organization")}
    assert ids.org_id("United Nations Security Council") in orgs
    assert ids.org_id("World Health Organization") in orgs
    assert ids.org_id("Ministry of Foreign Affairs") in orgs
    assert ids.org_id("Ministry of Foreign Affairs JPN") in orgs


def test_person_name_then_title_and_title_then_name(run_ko):
    r = run_ko("홍길동 외교부 장관은 미국 국무장관 제임스 월터(James Walter)와 회담했다.")
    people = {p.person_id: p for p in r.people}
    assert ids.person_id("Hong Gil-dong") in people
    assert people[ids.person_id("Hong Gil-dong")].economy == "KOR"
    walter = people[ids.person_id("James Walter")]
    assert walter.name == "제임스 월터" and walter.economy == "USA"


def test_latin_form_in_brackets_links_the_english_id(run_ko):
    r = run_ko("블링컨(Antony J. Blinken) 국무장관은 방한했다.", dt.date(2022, 3, 2))
    assert [p.person_id for p in r.people] == [ids.person_id("Antony Blinken")]


def test_known_official_gets_english_id(run_ko):
    r = run_ko("조태열 외교부 장관은 왕이 중국 외교부장과 통화했다.", dt.date(2024, 5, 3))
    got = {p.person_id: p for p in r.people}
    assert set(got) == {ids.person_id("Cho Tae-yul"), ids.person_id("Wang Yi")}
    assert got[ids.person_id("Wang Yi")].economy == "CHN"


def test_surname_and_title_resolved_by_date(run_ko):
    early = run_ko("강 장관은 회의에 참석했다.", dt.date(2019, 3, 1))
    late = run_ko("박 장관은 회의에 참석했다.", dt.date(2023, 3, 1))
    assert [p.person_id for p in early.people] == [ids.person_id("Kang Kyung-wha")]
    assert [p.person_id for p in late.people] == [ids.person_id("Park Jin")]


def test_surname_after_full_name_is_the_same_person(run_ko):
    r = run_ko("나은별 외교부 차관은 회의를 주재했다. 나 차관은 협력을 강조했다.")
    assert len(r.people) == 1
    assert len([m for m in r.mentions if m.kind == "person"]) == 2


def test_both_ministers_is_no_person(run_ko):
    r = run_ko("양 장관은 협력을 강화하기로 했다.")
    assert r.people == []


def test_dates(run_ko):
    r = run_ko("2031.4.17. 회의, 4.18.(금) 회담, 2031년 4월 19일 행사, 5월 2일 방문, 오늘 발표, 내일 출국.",
               dt.date(2031, 4, 16))
    got = [e for _, e in kinds(r, "date")]
    assert got[:4] == ["2031-04-17", "2031-04-18", "2031-04-19", "2031-05-02"]
    assert "2031-04-16" in got and "2031-04-17" in got


def test_date_without_year_follows_its_weekday(run_ko):
    r = run_ko("회의는 1.3.(토) 열린다.", dt.date(2031, 12, 20))  # 2032-01-03 is a Saturday
    assert [e for _, e in kinds(r, "date")] == ["2032-01-03"]


def test_glued_month_and_day_read_by_weekday(run_ko):
    r = run_ko("안녕하십니까? 1113일 목요일 정례브리핑을 시작하겠습니다.", dt.date(2031, 11, 13))
    assert [e for _, e in kinds(r, "date")] == ["2031-11-13"]


def test_events(run_ko):
    r = run_ko("제5차 한-칠레 외교장관회의와 「동해 평화 포럼」이 열렸다. 외교부는 이번 회의에 참석했다.")
    names = {e.name for e in r.events}
    assert "한-칠레 외교장관회의" in names and "동해 평화 포럼" in names  # the ordinal is an attribute
    assert not any("이번 회의" in n for n in names)
    assert next(e for e in r.events if e.name == "한-칠레 외교장관회의").ordinal == 5


def test_initiatives_share_english_ids(run_ko):
    r = run_ko("정부는 신남방정책과 인도-태평양 전략을 설명했다.")
    assert {i.initiative_id for i in r.initiatives} == {ids.initiative_id("New Southern Policy"),
                                                       ids.initiative_id("Indo-Pacific Strategy")}


def test_latin_gloss_of_a_common_noun_is_no_person(run_ko):
    r = run_ko("정부와 기업 간의 유기적인 삼각협력관계(Triangle Cooperation)를 강화한다.")
    assert r.people == []


def test_foreign_name_in_two_words_before_a_title(run_ko):
    r = run_ko("일본의 다나카 히로시 관방장관은 기자회견을 열었다.")
    assert [p.name for p in r.people] == ["다나카 히로시"]


def test_reporter_signature_gives_outlet_and_journalist(run_ko):
    r = run_ko("<질문> 정부 입장은 무엇입니까? (KBS 나은별 기자)\n\n<질문> 추가 질문입니다. (가나다뉴스 라마바 기자)")
    assert {p.name for p in r.people} == {"나은별", "라마바"}
    orgs = {m.text: m.entity_id for m in r.mentions if m.kind == "organization"}
    assert orgs["KBS"] == ids.org_id("Korean Broadcasting System")
    assert "가나다뉴스" in orgs


def test_english_acronyms_in_korean_text(run_ko):
    r = run_ko("NATO와 IAEA는 성명을 발표했다.")
    assert {m.entity_id for m in r.mentions if m.kind == "organization"} == {
        ids.org_id("North Atlantic Treaty Organization"), ids.org_id("International Atomic Energy Agency")}


def test_region_our_and_given_names(run_ko):
    r = run_ko("정부는 인도-태평양 전략을 발표했다. 우리 교민은 안전하다. 버락 오바마 행정부 시기였다.",
               dt.date(2023, 1, 5))
    econ = {e for _, e in kinds(r, "economy")}
    assert "IND" not in econ and "KOR" in econ
    assert [p.name for p in r.people] == ["버락 오바마"]


def test_name_before_an_organisations_office(run_ko):
    r = run_ko("마리 뒤퐁 유네스코 사무총장은 방한했다.")
    assert [p.name for p in r.people] == ["마리 뒤퐁"]


def test_reporter_signature_with_only_an_outlet_names_nobody(run_ko):
    r = run_ko("<질문> 일정이 잡혔습니까? (연합뉴스 기자)\n\n<질문> 추가 질문입니다. (뉴시스 기자)")
    assert r.people == []
    assert "연합뉴스" in {m.text for m in r.mentions if m.kind == "organization"}


def test_economy_display_name_is_the_english_paths_not_an_adjective(run_ko):
    r = run_ko("폴란드와 우크라이나는 협력을 논의했다.")
    assert {e.economy_id: e.name for e in r.economies} == {"POL": "Poland", "UKR": "Ukraine"}


def test_last_word_of_a_named_person_before_a_title_even_when_split_by_the_analyser(run_ko):
    text = ("□ 가나 장관은 즈비그니에프 라우(Zbigniew Rau) 폴란드 외교장관과 회담하였다.\n\n"
            "ㅇ 라우 장관은 방산 협력이 핵심 축이 되었다고 평가하였다.\n\nㅇ 라우 장관실은 문을 닫았다.")
    r = run_ko(text)
    rau = [m for m in r.mentions if m.kind == "person" and m.entity_id == ids.person_id("Zbigniew Rau")]
    assert [m.text for m in rau][1:] == ["라우 장관"]
    assert [c.speaker_text for c in r.claims if c.cue == "평가하다"] == ["라우 장관"]


def test_news_byline_names_the_journalist(run_ko):
    r = run_ko("(서울=가나뉴스) 마바사 기자 = 외교부는 24일 불참하기로 했다고 밝혔다.\n\n"
               "본문이 이어진다. 이자차 기자 acha@example.com")
    assert {(p.name, p.economy) for p in r.people} == {("마바사", None), ("이자차", None)}


def test_general_offices_of_any_state_name_their_holders(run_ko):
    r = run_ko("이쿠이나 아키코 외무성 정무관은 유감이라고 말했다. 홍길순 국가안보실장은 기대한다고 말했다.")
    people = {p.name: (p.titles, p.economy) for p in r.people}
    assert people["이쿠이나 아키코"][0] == ["외무성 정무관"]
    assert people["홍길순"] == (["국가안보실장"], "KOR")  # a Korean-shaped name with an office, no state named


def test_nested_decision_inside_a_quotation_is_no_claim(run_ko):
    r = run_ko('외교부 당국자는 이날 "추도식을 고려해 참석하지 않기로 했다"며 "계속 소통해 나갈 것"이라고 말했다.')
    assert "하기로 하다" not in [c.cue for c in r.claims]
    assert "말하다" in [c.cue for c in r.claims]


def test_event_name_opens_after_a_named_person_and_deictic_words(run_ko):
    r = run_ko("홍길순 외교부 장관 제7차 한-칠레 외교장관회의 참석. 나길동 대통령 이번 APEC 정상회의 참석 예정.")
    names = {e.name for e in r.events}
    assert "한-칠레 외교장관회의" in names and "APEC 정상회의" in names
    assert not any("홍길순" in n or "대통령" in n or "이번" in n for n in names)


def test_a_world_region_before_a_title_is_no_person(run_ko):
    r = run_ko("홍길순 외교부 장관은 제7차 한-중남미 외교장관회의와 중동 외교장관 회의에 참석하였다.")
    assert [p.name for p in r.people] == ["홍길순"]
    assert "한-중남미 외교장관회의" in {e.name for e in r.events}


def test_latin_forms_with_particles_initials_and_many_words(run_ko):
    r = run_ko("홍길순 차관은 라다 마르수디(Rada L.P. Marsudi) 외교장관과 아델 알주바이르(Adel al-Jubair) 사우디 "
               "외교장관을 만났다. 라다 장관은 협력을 당부하였다.\n\n"
               "우르술라 폰 데어 라이언(Ursula von der Leyan) EU 집행위원장은 환영한다고 밝혔다.")
    people = {p.name: p.person_id for p in r.people}
    assert {"라다 마르수디", "아델 알주바이르", "우르술라 폰 데어 라이언"} <= set(people)
    assert "라다" not in people  # the first word alone is the same person ('라다 장관')
    assert [c.speaker_id for c in r.claims if c.cue == "당부하다"] == [people["라다 마르수디"]]
    assert people["우르술라 폰 데어 라이언"] == ids.person_id("Ursula von der Leyan")


def test_short_state_names_are_states_not_people(run_ko):
    r = run_ko("한-인니 외교차관 전략대화가 열렸다. 우즈벡과 카자흐 대표단도 참석하였다.")
    assert {"IDN", "UZB", "KAZ"} <= {e.economy_id for e in r.economies}
    assert r.people == []


def test_foreign_names_of_one_syllable_words_with_their_latin_form(run_ko):
    r = run_ko("팜 자 키엠(Pham Gia Khiem) 베트남 부총리가 방한한다. "
               "홍길순 차관은 림 족 호이(Lim Jock Hoi) 아세안 사무총장과 면담하였다. "
               "조 바이든 대통령 당선인과 존 케리 국무장관도 언급되었다.")
    names = {p.name for p in r.people}
    assert {"팜 자 키엠", "림 족 호이", "조 바이든", "존 케리"} <= names
    assert not names & {"키엠", "호이", "바이든", "케리", "엠"}


def test_a_latin_gloss_vouches_for_name_syllables_the_analyser_read_as_particles(run_ko):
    r = run_ko("홍길순 장관은 나이로비를 방문하여 아미나 모하메드(Amina Mohamed) 케냐 외교장관과 회담하였다. "
               "홍 차관은 사무국을 방문하여 림족호이(Lim Jock Hoi) 아세안 사무총장과 면담하였다.")
    names = {p.name for p in r.people}
    assert {"아미나 모하메드", "림족호이"} <= names  # "방문하여" never joins a name: it does not sound like "Lim"


def test_a_state_named_before_a_title_wins_over_the_titles_usual_state(run_ko):
    r = run_ko("홍길남 북한 외무상은 유감이라고 말했다. 다나카 이치로 외무상도 참석하였다.")
    assert {p.name: p.economy for p in r.people} == {"홍길남": "PRK", "다나카 이치로": "JPN"}


def test_a_known_officials_surname_alone_is_named_by_the_record(run_ko):
    r = run_ko("케리 국무장관과 회담하였다. 바이든 대통령은 환영한다고 밝혔다.", published=dt.date(2015, 3, 2))
    assert {p.name for p in r.people} == {"존 케리", "조 바이든"}
