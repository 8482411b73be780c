"""Classes of Korean attribution found on development texts the earlier rules missed (invented sentences)."""

from __future__ import annotations

from pipeline.engine import ids


def got(r):
    return [(c.speaker_kind, c.speaker_text, c.cue, c.claim_type) for c in r.claims]


BRIEFING = """안녕하십니까? 정례브리핑을 시작하겠습니다.

<질문> 장관의 다음 주 일정이 궁금합니다. (가나일보 김하늘 기자)

<답변> 홍길동 장관은 다음 주 칠레를 방문할 예정입니다. 세부 일정은 추후 정해질 것입니다.

<질문> 회의에서 그런 논의가 있었나요?

<답변> 그런 언급은 없었습니다.

<질문> 확인해 주실 수 있나요?

<답변> 다시 말씀드릴까요? 그 부분은 말씀드리지 않겠습니다.

<질문> 추가 질문입니다.

<답변> 관련해서 제가"""


def test_briefing_answer_without_a_cue_is_the_spokespersons_statement(run_ko):
    r = run_ko(BRIEFING)
    claims = [(c.speaker_text, c.cue, c.claim_type, c.content) for c in r.claims]
    # the first finished declarative sentence of an answer with no reporting predicate; not a question back,
    # not a later sentence of the answer, not a cut-off answer
    assert claims == [("대변인", "말하다", "statement", "홍길동 장관은 다음 주 칠레를 방문할 예정입니다"),
                      ("대변인", "말하다", "statement", "그런 언급은 없었습니다")]
    assert all(c.speaker_start is None for c in r.claims)  # the spokesperson is not named in the sentence


def test_briefing_answer_with_a_cue_keeps_only_the_cue(run_ko):
    r = run_ko("""정례브리핑을 시작하겠습니다.

<질문> 정부 입장은 무엇입니까?

<답변> 정부는 양국 대화가 재개되기를 기대합니다. 관련 동향을 지켜보고 있습니다.""")
    assert [c.cue for c in r.claims] == ["기대하다"]


def test_persons_joined_by_gwa_speak_together(run_ko):
    r = run_ko("홍길동 외교부 장관은 라나 리베라 칠레 외교장관과 회담을 가졌다. 리베라 장관과 홍 장관은 양국 교역이 "
               "늘어난 것을 환영하면서 \"기후 분야에서 협력해 나가자\"고 했다.")
    assert got(r) == [("collective", "리베라 장관과 홍 장관", "환영하다", "support"),
                      ("collective", "리베라 장관과 홍 장관", "하다", "proposal")]


def test_quoted_statement_closed_by_go_before_hada(run_ko):
    r = run_ko("나은별 차관은 \"해양 협력이 중요하다\"고 했다.")
    assert got(r) == [("person", "나은별 차관", "하다", "statement")]
    assert r.claims[0].content == "해양 협력이 중요하다"


def test_shared_views_are_statements(run_ko):
    r = run_ko("홍길동 외교부 장관은 라나 리베라 칠레 외교장관과 통화하였다. 양 장관은 가뭄 피해에 대해 깊은 우려를 "
               "공유하고, 국제 공조가 중요하다는 데 의견을 함께 하였다.")
    assert [(c.speaker_text, c.cue, c.claim_type) for c in r.claims] == [
        ("양 장관", "공유하다", "statement"), ("양 장관", "의견을 함께하다", "statement")]


def test_pointing_out_a_fault_criticises_its_author(run_ko):
    r = run_ko("나은별 외교부 차관은 칠레 수입규제 조치의 부당성을 지적하고, 협의를 제안하였다.")
    first = r.claims[0]
    assert (first.cue, first.claim_type, first.addressee_ids) == ("지적하다", "criticism", ["CHL"])


def test_pointed_out_then_condemned_with_ireul(run_ko):
    r = run_ko("홍길동 외교부 장관은 라나 리베라 칠레 외교장관과 통화하였다. 양 장관은 이란이 국제사회에 약속한 "
               "농축 중단을 스스로 뒤집은 것임을 지적하고 이를 강력히 규탄하였다.")
    assert [(c.cue, c.claim_type, c.addressee_ids) for c in r.claims] == [
        ("지적하다", "criticism", ["IRN"]), ("규탄하다", "criticism", ["IRN"])]


def test_plain_pointing_out_stays_a_statement(run_ko):
    r = run_ko("나은별 차관은 기후 협력의 중요성을 지적하였다.")
    assert [(c.cue, c.claim_type, c.addressee_ids) for c in r.claims] == [("지적하다", "statement", [])]


def test_an_events_announced_programme_is_nobodys_claim(run_ko):
    r = run_ko("나은별 외교부 차관은 5월 20일 세미나에 참석한다. 이번 세미나에서는 무역 질서의 변화를 전망하고 "
               "영향에 대해 논의합니다.")
    assert r.claims == []


def test_a_past_finding_of_the_meeting_keeps_the_speaker(run_ko):
    r = run_ko("나은별 외교부 차관은 라나 리베라 칠레 외교차관과 회담하였다. 이번 회담에서는 교역 확대를 위한 "
               "협력 강화를 강조하였다.")
    assert [(c.speaker_text, c.cue) for c in r.claims] == [("나은별 외교부 차관", "강조하다")]


def test_a_state_named_after_its_own_officials_topic_is_what_the_official_says(run_ko):
    r = run_ko("카를 밀러 우즈베키스탄 외교장관은 우즈베키스탄은 한국을 신뢰한다고 하였다. 아울러 우리 정부의 노력을 "
               "지지한다고 하였다.\n\n존 스미스 호주 외교장관은 지지한다고 하고, 호주도 계속 설득해 나가겠다고 밝혔다.")
    speakers = [c.speaker_text for c in r.claims]
    assert not any(s in ("우즈베키스탄", "호주") for s in speakers), speakers


def test_a_name_shortened_to_its_one_syllable_last_word_before_a_title(run_ko):
    r = run_ko("홍길순 외교장관은 팜 빈 밍(Pham Binh Minh) 베트남 부총리 겸 외교장관과 회담을 갖고 협의하였다.\n\n"
               "밍 부총리는 한국 기업들이 기여해 왔다고 평가하였다.")
    assert "팜 빈 밍" in {p.name for p in r.people}
    assert [c.speaker_id for c in r.claims if c.cue == "평가하다"] == [ids.person_id("Pham Binh Minh")]


def test_claim_type_from_the_end_of_the_reported_clause(run_ko):
    r = run_ko("홍길순 장관은 협력을 확대해 나가겠다고 밝혔다.\n\n"
               "홍길순 장관은 북한이 책임자를 처벌해야 한다고 강조하였다.\n\n"
               "홍길순 장관은 한국 정부의 지지 입장을 재확인하였다.")
    assert [c.claim_type for c in r.claims] == ["commitment", "call", "support"]


def test_the_governments_volitional_predicates_are_its_commitments(run_ko):
    r = run_ko("정부는 국제사회의 노력에 적극 동참해 나갈 것이며, 현지 상황을 면밀히 점검해 나갈 것이다.\n\n"
               "북한은 추가 도발을 감행할 것이다.")
    assert [(c.speaker_id, c.cue, c.claim_type) for c in r.claims] == [
        ("KOR", "동참하다", "commitment"), ("KOR", "점검하다", "commitment")]  # a prediction of others is none


def test_new_reporting_verbs_and_courtesy_requests(run_ko):
    r = run_ko("홍길순 장관은 호주가 주요 공급국임을 상기하고, 협력 확대를 역설하였다.\n\n"
               "<답변> 구체적인 면담 대상에 대해서는 말씀드리기 어려운 점 양해해 주시기 바랍니다.")
    assert [c.cue for c in r.claims] == ["상기하다", "역설하다"]


def test_the_side_whose_help_a_call_asks_for_is_addressed(run_ko):
    r = run_ko("홍길순 장관은 협정이 발효될 수 있도록 독일측의 지속적인 지원을 당부하였다.")
    assert [c.addressee_ids for c in r.claims] == [["DEU"]]


def test_appreciation_willingness_and_shared_calls(run_ko):
    r = run_ko("홍길순 장관은 한국 기업의 기여를 높이 평가하였다.\n\n홍길순 장관은 협력이 중요하다고 평가하였다.\n\n"
               "홍길순 장관은 워크숍을 주최할 용의가 있다고 밝혔다.\n\n"
               "양 장관은 북한이 대화에 나서야 한다는 데 의견을 같이하였다.")
    assert [c.claim_type for c in r.claims] == ["support", "statement", "commitment", "call"]


def test_honorific_subject_in_an_answer_speaks_and_named_government_commits(run_ko):
    r = run_ko("<질문> 입장은 무엇입니까? (가나뉴스 홍길순 기자)\n\n"
               "<답변> 홍민수 장관께서도 지난주 어떠한 타협도 있을 수 없다고 분명히 밝히신 바 있습니다. "
               "정부는 북한이 도발을 중단하고 대화에 나올 것을 촉구합니다. 정부는 노력을 지속해 나갈 것입니다.")
    got = [(c.speaker_kind, c.cue, c.addressee_ids) for c in r.claims]
    assert got[0][:2] == ("person", "밝히다")
    assert ("economy", "촉구하다", ["PRK"]) in got
    assert ("economy", "지속하다", []) in got


def test_this_official_is_the_official_just_quoted_and_repeated_claims(run_ko):
    r = run_ko("외교부 당국자는 현지 상황을 점검하고 있다고 밝혔다. "
               "이 당국자는 필요성도 검토해 나갈 것이라고 밝혔다.\n\n"
               "<답변> 일본 측은 독도에 대한 부당한 영유권 주장을 되풀이하고 있으나, 독도는 우리 고유 영토입니다.")
    got = [(c.speaker_text, c.cue) for c in r.claims]
    assert got[:2] == [("외교부 당국자", "밝히다"), ("외교부 당국자", "밝히다")]
    assert ("일본 측", "주장하다") in got


def test_group_subjects_are_resolved_to_the_participants_the_release_named(run_ko):
    r = run_ko("홍길순 외교부 장관은 방한 중인 존 스미스(John Smith) 영국 외교장관과 회담을 개최하였다. "
               "양 장관은 협력을 강화하기로 하였다. 양측은 북한의 도발을 규탄하였다.\n\n"
               "참석자들은 협력을 강화하기로 하였다.")
    got = [(c.speaker_kind, c.speaker_id, c.speaker_text) for c in r.claims]
    smith, hong = ids.person_id("John Smith"), r.claims[0].speaker_id.split("|")[0]
    assert got[0] == ("collective", "|".join(sorted([hong, smith])), "양 장관")
    assert got[1] == ("collective", "GBR|KOR", "양측")
    assert got[2] == ("collective", "participants", "참석자들")  # members not named: the phrase


def test_more_reporting_nouns_and_verbs(run_ko):
    r = run_ko("홍길순 장관은 희생자들에게 깊은 조의를 표하였다.\n\n북한은 대화 제의를 거부하였다.")
    assert [(c.cue, c.claim_type) for c in r.claims] == [("조의를 표하다", "support"), ("거부하다", "criticism")]


def test_a_call_in_talks_with_no_addressee_written_is_made_to_the_counterparts_state(run_ko):
    r = run_ko("홍길순 외교부 장관은 존 스미스(John Smith) 영국 외교장관과 회담을 가졌다. "
               "홍 장관은 양국 간 교역 확대를 위한 협력 강화를 제안하였다. 스미스 장관은 지지를 요청하였다.")
    assert [c.addressee_ids for c in r.claims if c.cue in ("제안하다", "요청하다")] == [["GBR"], ["KOR"]]
