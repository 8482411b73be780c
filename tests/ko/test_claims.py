"""Korean claims on invented sentences: cues at the end and inside the sentence, speakers, content, briefings."""

from __future__ import annotations

import datetime as dt

from pipeline.engine import ids


def claims_of(r):
    return [(c.speaker_kind, c.speaker_id, c.cue, c.claim_type, c.content) for c in r.claims]


def test_final_cue_with_object(run_ko):
    r = run_ko("홍길동 외교부 장관은 포르투갈과의 해양 협력 확대를 강조하였다.")
    assert claims_of(r) == [("person", ids.person_id("Hong Gil-dong"), "강조하다", "statement",
                             "포르투갈과의 해양 협력 확대")]
    assert r.claims[0].economy_ids == ["PRT"]


def test_cues_inside_the_sentence_one_claim_each(run_ko):
    r = run_ko("나은별 차관은 칠레의 지지에 사의를 표하고, 기후 협력 강화를 제안하며, 양국 교류 확대를 희망했다.")
    got = [(c.cue, c.claim_type, c.content) for c in r.claims]
    assert got == [("사의를 표하다", "support", "칠레의 지지에 사의"),
                   ("제안하다", "proposal", "기후 협력 강화"),
                   ("희망하다", "expectation", "양국 교류 확대")] or [g[:2] for g in got] == [
        ("사의를 표하다", "support"), ("제안하다", "proposal"), ("희망하다", "expectation")]
    assert {c.speaker_text for c in r.claims} == {"나은별 차관"}


def test_connective_myeonseo_and_quotation(run_ko):
    r = run_ko("마르타 리베라(Marta Rivera) 페루 외교장관은 “교역이 두 배로 늘었다”고 평가하면서 협력 지속을 촉구했다.")
    assert [c.claim_type for c in r.claims] == ["statement", "call"]
    assert r.claims[0].content == "교역이 두 배로 늘었다"
    assert r.claims[1].content == "협력 지속"
    assert {c.speaker_id for c in r.claims} == {ids.person_id("Marta Rivera")}


def test_indirect_quotation_content(run_ko):
    r = run_ko("정부는 이번 발사가 명백한 도발이라고 규탄했다.")
    (c,) = r.claims
    assert (c.speaker_kind, c.speaker_id, c.claim_type) == ("economy", "KOR", "criticism")
    assert c.content.startswith("이번 발사가 명백한 도발")


def test_dropped_subject_inherits_speaker(run_ko):
    r = run_ko("□ 홍길동 외교부 장관은 4.2.(수) 케냐를 방문하였다.\n ㅇ 아울러, 케냐 측의 적극적인 참여를 당부하였다.")
    (c,) = r.claims
    assert c.speaker_id == ids.person_id("Hong Gil-dong") and c.speaker_start is None
    assert c.content == "케냐 측의 적극적인 참여"


def test_group_subject(run_ko):
    r = run_ko("양 장관은 내년에 공동위원회를 개최하기로 합의하였다.")
    (c,) = r.claims
    assert (c.speaker_kind, c.speaker_id, c.claim_type) == ("collective", "two ministers", "commitment")


def test_decision_is_a_commitment(run_ko):
    r = run_ko("양측은 청년 교류를 확대하기로 했다.")
    (c,) = r.claims
    assert (c.speaker_id, c.cue, c.claim_type) == ("both sides", "하기로 하다", "commitment")


def test_future_and_adnominal(run_ko):
    r = run_ko("외교부는 참가국들의 지지를 요청할 예정이다. 장관이 강조한 내용은 다음과 같다.")
    assert [(c.speaker_id, c.claim_type, c.future) for c in r.claims] == [
        (ids.org_id("Ministry of Foreign Affairs"), "call", True)]


def test_nominal_ending_of_a_bullet(run_ko):
    r = run_ko("□ 나은별 차관은 회의를 주재\n ㅇ 역내 평화의 중요성을 강조함.\n ㅇ 핵심 광물 협력 필요성 강조")
    assert [c.content for c in r.claims] == ["역내 평화의 중요성", "핵심 광물 협력 필요성"]


def test_briefing_answers_belong_to_the_spokesperson(run_ko):
    text = ("<질문> 정부 입장을 설명해 주시기 바랍니다. (가나일보 기자)\n\n"
            "<답변> 관련국들의 자제를 촉구합니다. 저희는 상황을 주시하고 있다고 말씀드리겠습니다.\n\n"
            "<질문> 추가로 강조하실 부분이 있습니까?")
    r = run_ko(text, dt.date(2018, 3, 6), title="대변인 정례브리핑")
    assert [(c.speaker_kind, c.speaker_id, c.speaker_text) for c in r.claims] == [
        ("collective", "spokesperson", "대변인")] * 2  # unnamed in the text: the office, not the record's holder
    named = run_ko("노규덕 대변인입니다.\n\n<답변> 관련국들의 자제를 촉구합니다.", dt.date(2018, 3, 6))
    assert [c.speaker_id for c in named.claims] == [ids.person_id("Noh Kyu-duk")]


def test_named_subject_in_an_answer_keeps_its_claim(run_ko):
    r = run_ko("<답변> 정부는 관련국들의 자제를 촉구합니다.", dt.date(2018, 3, 6))
    assert [(c.speaker_kind, c.speaker_id) for c in r.claims] == [("economy", "KOR")]


def test_foreign_speaker_in_an_answer_keeps_the_claim(run_ko):
    text = "<답변> 미국 측은 우리 입장을 지지했습니다."
    r = run_ko(text, dt.date(2018, 3, 6))
    (c,) = r.claims
    assert (c.speaker_kind, c.speaker_id, c.claim_type) == ("economy", "USA", "support")


def test_claim_offsets_match_the_text(run_ko):
    r = run_ko("그레타 한센(Greta Hansen) 노르웨이 외교장관은 해양 협력 강화를 제안하고 한국의 역할을 평가했다.")
    for c in r.claims:
        text = r.document.text
        assert text[c.content_start:c.content_end] == c.content
        assert c.cue_start < c.cue_end and c.sent_id.startswith("dko:s")
        assert c.claim_id == ids.claim_id("dko", c.cue_start)


def test_quotative_hada_reports_speech(run_ko):
    r = run_ko("나은별 차관은 양국이 공급망 협력을 서둘러야 한다고 하고, 함께 노력해 나가자고 하였다.")
    assert [(c.cue, c.claim_type) for c in r.claims] == [("하다", "call"), ("하다", "proposal")]  # 해야 한다
    assert r.claims[0].content.startswith("양국이 공급망 협력을 서둘러야")


def test_unnamed_official_is_a_person_without_id(run_ko):
    r = run_ko("이어서, 외교부 북미경제외교과장은 관세 조치의 부당성을 지적하였다.")
    (c,) = r.claims
    phrase = "외교부 북미경제외교과장"
    assert (c.speaker_kind, c.speaker_id, c.speaker_text) == ("collective", phrase, phrase)


def test_sentence_after_a_quoted_name_is_its_own(run_ko):
    r = run_ko("홍길동 장관은 「마리 뒤랑(Marie Durand)」 대표와 통화하였다. 뒤랑 대표는 홍 장관의 취임을 축하하였다.",
               dt.date(2031, 5, 14))
    (c,) = r.claims
    assert c.speaker_id == ids.person_id("Marie Durand") and c.content == "홍 장관의 취임"


def test_passive_predicate_is_no_claim(run_ko):
    r = run_ko("홍길동 장관은 칠레를 방문한다. 이번 방문은 양국 관계 발전의 계기가 될 것으로 기대된다.")
    assert r.claims == []


def test_adnominal_connective_ganunde(run_ko):
    r = run_ko("우리 정부는 협력 계획을 설명하는 가운데 역내 평화를 강조할 계획이다.")
    assert [(c.cue, c.content, c.future) for c in r.claims] == [
        ("설명하다", "협력 계획", True), ("강조하다", "역내 평화", True)]


def test_view_verbs_need_a_clause(run_ko):
    r = run_ko("<답변> 교민은 모두 무사한 것으로 알고 있습니다. 관련 자료를 보고 있습니다.")
    assert [(c.cue, c.speaker_text) for c in r.claims] == [("알다", "대변인")]


def test_spokesperson_formulas(run_ko):
    r = run_ko("<답변> 말씀드릴 수 있는 것은 각국과 긴밀히 소통하고 있다는 것입니다. "
               "정부는 대응 방안을 마련할 예정이라고 말씀드리겠습니다. 정부가 관심을 가지고 주시하고 있습니다.")
    got = [(c.speaker_kind, c.speaker_id, c.cue) for c in r.claims]
    assert got == [("collective", "spokesperson", "말씀드리다"), ("collective", "spokesperson", "말씀드리다"),
                   ("economy", "KOR", "주시하다")]
    assert all(c.content for c in r.claims)


def test_topic_changes_between_clauses(run_ko):
    r = run_ko("이번 회의는 양국 협력을 위해 마련된 것이며, 홍길동 장관은 교역 확대를 평가하고 만족감을 표명하였다.")
    assert [(c.speaker_id, c.cue) for c in r.claims] == [
        (ids.person_id("Hong Gil-dong"), "평가하다"), (ids.person_id("Hong Gil-dong"), "표명하다")]


def test_bracketed_remark_after_the_speaker(run_ko):
    r = run_ko("카를로스 루이스(Carlos Ruiz) 주한 칠레 대사(중남미 대사단 대표)는 함께 노력하자고 화답하였다.")
    (c,) = r.claims
    assert c.speaker_id == ids.person_id("Carlos Ruiz") and c.cue == "화답하다"


def test_nested_predicate_is_part_of_the_outer_claim(run_ko):
    r = run_ko("홍길동 장관은 양국 관계가 발전하고 있음을 기쁘게 생각한다고 하였다.")
    assert [(c.cue, c.claim_type) for c in r.claims] == [("하다", "statement")]
