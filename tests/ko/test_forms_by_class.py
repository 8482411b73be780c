"""Korean attribution forms added by class for unseen pages (invented sentences; names, states and dates of no
development text): chained past clauses (-ㄴ 뒤 / -ㄴ 데 이어), topics inside a reported clause, additive
subjects (X도), spoken forms of briefings (강조를 했습니다, 말씀을 드리겠습니다, -고자 합니다), views with a
complement (…것으로 파악), unnamed officials (외교부 당국자), bare names after a full mention, missions' envoys
(주X 대사) and foreign names by their last word."""

from __future__ import annotations

from pipeline.engine import ids


def said(r):
    return [(c.speaker_id, c.cue) for c in r.claims]


def test_past_clause_chained_by_noun(run_ko):
    r = run_ko("서하윤 외교부 장관은 양국 교역이 꾸준히 늘어 왔다고 평가한 뒤, 에너지 협력을 넓혀 나가자고 하였다.\n\n"
               "서 장관은 녹색성장 구상을 소개한 데 이어, 케냐 측의 참여를 당부하였다.")
    pid = ids.person_id("Suh Ha-yun")
    assert said(r) == [(pid, "평가하다"), (pid, "하다"), (pid, "소개하다"), (pid, "당부하다")]
    assert r.claims[0].content == "양국 교역이 꾸준히 늘어 왔다고"


def test_support_clause_before_de_is_no_claim(run_ko):
    r = run_ko("도예린 외교부 장관은 케냐가 우리 입장을 지지해 준 데 대해 사의를 표하였다.")
    assert [c for _, c in said(r)] == ["사의를 표하다"]


def test_topic_inside_the_reported_clause_is_not_the_speaker(run_ko):
    r = run_ko("도예린 외교부 장관은 해적 활동은 역내 해운에 대한 중대한 위협이라고 지적하였다.")
    assert said(r) == [(ids.person_id("Do Ye-rin"), "지적하다")]


def test_second_clause_topic_still_speaks(run_ko):
    r = run_ko("도예린 외교부 장관은 협력 확대를 제안하였으며, 오티에노 케냐 외교장관은 이에 공감한다고 하였다.")
    assert [s for s, _ in said(r)][-1] != ids.person_id("Do Ye-rin")


def test_additive_subject_do(run_ko):
    r = run_ko("도예린 외교부 장관은 협력 의지를 재확인하였으며, 오티에노 케냐 외교장관도 이에 공감을 표하였다.")
    assert [c.speaker_text for c in r.claims] == ["도예린 외교부 장관", "오티에노 케냐 외교장관"]


def test_expectation_noun_and_opinion_gathered(run_ko):
    r = run_ko("양 장관은 내년 항만 협력 사업을 착수하기로 의견을 모았다.\n\n"
               "도예린 외교부 장관은 이번 협정이 교역 확대의 발판이 될 것이라는 기대감을 나타냈다.\n\n"
               "도 장관은 청년들의 적극적인 참여를 독려하였다.")
    assert [(c.cue, c.claim_type) for c in r.claims] == [("의견을 모으다", "commitment"),
                                                         ("기대하다", "expectation"), ("독려하다", "call")]


def test_briefing_spoken_forms(run_ko):
    r = run_ko("<질문> 노르웨이 측 발표에 대한 입장은요? (가온일보 한다솜 기자)\n\n"
               "<답변> 노르웨이 측과 긴밀히 협의하고 있다는 말씀을 드리겠습니다. 현재까지 우리 국민 피해는 없는 것으로 "
               "파악하고 있습니다. 저희는 노르웨이 측에 우려를 전달을 했습니다. 이 점을 다시 강조하고자 합니다.")
    assert [(s, c) for s, c in said(r)] == [("spokesperson", "말씀드리다"), ("spokesperson", "파악하다"),
                                            ("spokesperson", "우려하다"), ("spokesperson", "강조하다")]
    assert "한다솜" in {p.name for p in r.people}


def test_situation_grasped_without_a_clause_is_no_view(run_ko):
    r = run_ko("<질문> 피해는요?\n\n<답변> 관계 부처와 함께 상황을 파악하고 있습니다.")
    # no 파악하다 view; the answer's first sentence is still what the spokesperson says (말하다, as the Korean gold
    # guide counts the spokesperson's first-person answers)
    assert said(r) == [("spokesperson", "말하다")]


def test_cue_noun_with_object_particle_then_hada(run_ko):
    r = run_ko("노르웨이 측은 유감을 표명을 했습니다.\n\n투바 노르웨이 외무장관은 협력의 중요성을 강조를 하였다.")
    assert [(c.speaker_kind, c.cue) for c in r.claims] == [("economy", "유감을 표하다"), ("person", "강조하다")]
    assert r.claims[0].content == "유감"


def test_journalist_and_spokesperson_colon_layout(run_ko):
    r = run_ko("기자: 노르웨이의 발표에 대한 입장은요?\n\n대변인: 노르웨이의 이번 결정을 환영합니다.\n\n"
               "<질문> 추가 질문입니다. [가온일보, 한다솜 기자]\n\n<답변> 계속 협의해 나갈 것으로 봅니다.")
    assert said(r) == [("spokesperson", "환영하다"), ("spokesperson", "보다")]
    assert r.claims[0].content == "노르웨이의 이번 결정"
    assert "한다솜" in {p.name for p in r.people}


def test_unnamed_officials_are_collectives(run_ko):
    r = run_ko('외교부 당국자는 14일 "노르웨이 측과 계속 소통하고 있다"고 말했다.\n\n'
               '정부 관계자는 "추가 조치를 검토 중"이라고 전했다.')
    assert said(r) == [("foreign ministry official", "말하다"), ("government official", "전하다")]


def test_mission_envoy_glued_or_spaced(run_ko):
    r = run_ko("천소담 주케냐대사는 나이로비에서 열린 행사에 참석하였다.\n\n방하람 주노르웨이 대사는 축사를 하였다.")
    people = {p.name: p for p in r.people}
    assert {"천소담", "방하람"} <= set(people)
    assert people["천소담"].economy == "KOR" and "대사" in people["천소담"].titles


def test_foreign_name_by_its_last_word_and_bare_name(run_ko):
    r = run_ko("도예린 외교부 장관은 14일 서울을 방문한 그레이스 오티에노 케냐 외교장관과 회담하였다. "
               "오티에노 장관은 한국의 지원을 평가하였다. 오티에노는 한국을 다시 찾겠다고 하였다.")
    pids = {p.person_id for p in r.people if "오티에노" in p.name}
    assert len(pids) == 1
    assert [c.speaker_id for c in r.claims] == [pids.pop()] * 2


def test_minister_of_state_title(run_ko):
    r = run_ko("서하윤 외교부 장관은 에밀리 헤이스(Emily Hayes) 영국 외교부 국무상과 면담하였다. "
               "헤이스 국무상은 한국과의 협력 확대를 희망하였다.")
    assert said(r) == [(ids.person_id("Emily Hayes"), "희망하다")]
    assert any("국무상" in t for p in r.people for t in p.titles)


def events(r):
    return {e.name: (e.date, e.location, e.economy_id) for e in r.events}


def test_event_place_and_date_from_its_sentence(run_ko):
    r = run_ko("서하윤 외교부 장관은 6.9.(월) 케냐 나이로비에서 개최된 동아프리카 지역 공관장회의를 주재하였다.\n\n"
               "서 장관은 9.2.(화)-9.5.(금)간 브라질에서 열리는 제7차 한-중남미 외교장관회의에 참석한다.")
    got = events(r)
    assert got["동아프리카 지역 공관장회의"] == ("2031-06-09", "나이로비", "KEN")
    assert got["한-중남미 외교장관회의"] == ("2031-09-02", None, "BRA")  # a range opens on its first day


def test_event_city_in_its_name_and_leading_year(run_ko):
    r = run_ko("서하윤 외교부 장관은 오슬로평화포럼에 참석하여 2032 부산세계박람회 유치 지지를 요청하였다.")
    got = events(r)
    assert got["오슬로평화포럼"][1:] == ("오슬로", "NOR")
    assert got["부산세계박람회"] == ("2032", "부산", "KOR")  # named without its year, which dates it


def test_event_schedule_lines(run_ko):
    r = run_ko("서하윤 외교부 장관은 「한-가나 외교장관회담」을 개최한다.\n\n"
               " ㅇ 일시 : 2031.6.18.(수) 10:00-11:00\n ㅇ 장소 : 서울 외교부 청사 (17층)")
    assert events(r)["한-가나 외교장관회담"] == ("2031-06-18", "서울 외교부 청사", "KOR")


def test_briefing_positions_expectations_and_adverb_before_saying(run_ko):
    r = run_ko("<질문> 가나 정세에 대한 입장은요? (가온일보 한다솜 기자)\n\n"
               "<답변> 회담은 예정대로 열릴 것으로 예상합니다. 이 사안은 대화로 해결되어야 한다는 입장입니다. "
               "우리 입장에 변함이 없다는 점을 분명히 말씀드립니다. 예상을 뛰어넘는 결과였습니다.")
    assert [(s, c) for s, c in said(r)] == [("spokesperson", "예상하다"), ("spokesperson", "입장이다"),
                                            ("spokesperson", "말씀드리다")]


def test_unmarked_answer_after_a_closed_question(run_ko):
    r = run_ko("<질문> 가나 측 발표에 대한 정부 입장이 궁금합니다.\n\n가나 측과의 대화를 통한 해결을 기대합니다.\n\n"
               "<질문> 배경을 말씀드리면 이렇습니다. 가나 측이 어제 발표했습니다.\n\n"
               "정부도 이를 기대한다고 봐도 되겠습니까?\n\n"
               "□ 답변 : 추가 협의를 희망합니다.")
    assert said(r) == [("spokesperson", "기대하다"), ("spokesperson", "희망하다")]


def test_addressee_is_the_subject_of_the_called_for_clause(run_ko):
    r = run_ko("정부는 몽골이 조치를 철회해야 한다고 하고, 토고 측에 협력을 요청하였다.\n\n"
               "정부는 북한이 대화에 복귀할 것을 촉구하였다.\n\n정부는 몽골이 협력해 온 점을 평가하였다.")
    assert [(c.claim_type, c.addressee_ids) for c in r.claims] == [
        ("call", ["MNG"]), ("call", ["TGO"]), ("call", ["PRK"]), ("support", [])]  # appreciation (k023 gold)


def test_former_and_new_office_holders_and_bare_signature(run_ko):
    r = run_ko("이번 포럼에는 변세라 전 외교부 장관과 마크 포터(Mark Porter) 전 주한 캐나다 대사가 참석하였다.\n\n"
               "<질문> 가나 측 입장이 궁금합니다. 가온일보 한다솜 기자\n\n<답변> 가나 측과 협의를 희망합니다.")
    people = {p.name: p for p in r.people}
    assert "외교부 장관" in people["변세라"].titles
    assert people["마크 포터"].economy == "CAN"
    assert "기자" in people["한다솜"].titles


def test_question_and_answer_joined_on_one_line(run_ko):
    r = run_ko("<질문> 몰디브 측 입장이 궁금합니다 (가온일보 한다솜 기자) <답변> 이번 결정을 환영합니다. "
               "대화를 통한 해결을 기대합니다. <질문> 정부도 기대합니까? <답변> 추가 협의를 희망합니다.")
    assert said(r) == [("spokesperson", "환영하다"), ("spokesperson", "기대하다"), ("spokesperson", "희망하다")]
    assert r.claims[0].content == "이번 결정"


def test_more_reporting_predicates_and_clause_only_ones(run_ko):
    r = run_ko("여하준 외교부 장관은 재외국민 보호에 만전을 기할 것을 지시하였다.\n\n"
               "방하람 주유엔대사는 안보리 회의에서 발언하였다.\n\n"
               "방 대사는 해상 도발이 용납될 수 없다고 발언하였다.\n\n"
               "외교부는 추가 피해가 없다고 알렸다. 외교부는 행사 일정을 알렸다.")
    assert [(c.cue, c.claim_type) for c in r.claims] == [("지시하다", "call"), ("발언하다", "statement"),
                                                         ("알리다", "statement")]
