"""Korean forms added by class (invented sentences, other names, states and dates than any development text):
embedded subjects, -라며 / "…"면서 sayings, nested quotations, 그는, prefixed and multi-word cues, fused endings,
group subjects, missions and bodies named by their shape, titles with a body or a second office."""

from __future__ import annotations

from pipeline.engine import ids


def cues(r):
    return [(c.speaker_kind, c.speaker_id, c.cue) for c in r.claims]


def test_embedded_subject_is_no_speaker_in_an_answer(run_ko):
    r = run_ko("<질문> 입장은요?\n\n<답변> 라오스가 협상에 조속히 복귀하기를 희망합니다.")
    assert cues(r) == [("collective", "spokesperson", "희망하다")]


def test_embedded_subject_inherits_the_block_speaker(run_ko):
    r = run_ko("□ 오하람 외교부 장관은 우루과이와 통화하였다.\n"
               " ㅇ 우루과이가 지역 협력에 적극 참여해 줄 것을 요청하였다.")
    assert cues(r) == [("person", ids.person_id("Oh Ha-ram"), "요청하다")]


def test_saying_ending_after_a_quotation_and_nested_cue_skipped(run_ko):
    r = run_ko('여수아 대변인은 "정부는 상황을 주시하고 있다"면서 "필요한 조치를 검토할 것"이라고 말했다.')
    assert [(c.cue, c.content) for c in r.claims] == [("하다", "정부는 상황을 주시하고 있다"),
                                                      ("말하다", "필요한 조치를 검토할 것")]


def test_rami_quotation_then_call(run_ko):
    r = run_ko('진보람 외교부 장관은 "양국 교역이 늘어날 것"이라며 투자 확대를 당부했다.')
    assert [(c.cue, c.claim_type) for c in r.claims] == [("하다", "statement"), ("당부하다", "call")]
    assert r.claims[0].content == "양국 교역이 늘어날 것"


def test_pronoun_subject_is_the_last_person(run_ko):
    r = run_ko('변하늘 외교부 장관은 10일 에콰도르를 방문했다. 그는 "에콰도르는 중요한 파트너"라고 강조했다.')
    assert cues(r) == [("person", ids.person_id("Byeon Ha-neul"), "강조하다")]
    assert r.claims[0].speaker_text == "그"


def test_prefixed_multiword_and_fused_cues(run_ko):
    r = run_ko("양측은 협력이 필요하다는 점을 재확인하였다.\n\n두 장관은 회의를 추진하기로 뜻을 모았다.\n\n"
               "정부는 피해에 깊은 애도와 위로를 표합니다.")
    assert [(c.speaker_id, c.cue) for c in r.claims] == [("both sides", "재확인하다"), ("two ministers", "뜻을 모으다"),
                                                         ("KOR", "위로하다")]
    assert r.claims[0].content == "협력이 필요하다는 점"


def test_opinion_shared_after_de(run_ko):
    r = run_ko("양 장관은 공동 대응이 중요하다는 데 의견을 같이하였다.")
    assert [(c.speaker_id, c.cue) for c in r.claims] == [("two ministers", "의견을 같이하다")]


def test_outer_quotative_keeps_one_claim(run_ko):
    r = run_ko("코스타 장관은 한국과의 협력을 중시한다면서 농업 협력을 늘리고 싶다고 하였다.")
    assert [c.cue for c in r.claims] == ["하다"]


def test_missions_by_shape(run_ko):
    r = run_ko("주한 에콰도르대사관, 주칠레 대한민국 대사관, 주밴쿠버 총영사관, 파라과이 대사관 관계자가 참석했다.")
    got = {o.org_id for o in r.organizations}
    assert ids.org_id("Embassy ECU") in got
    assert ids.org_id("Embassy PRY") in got
    assert any(o.startswith("org:embassy-in-chile") for o in got)
    assert len([o for o in got if o.startswith("org:embassy-in-")]) == 2


def test_bodies_companies_parties_by_shape(run_ko):
    r = run_ko("한빛해양재단, 동해조선중공업, 새한민주당 관계자와 국제해양협력위원회(IMCC) 대표가 참석했다.")
    names = {o.name for o in r.organizations}
    assert {"한빛해양재단", "동해조선중공업", "새한민주당"} <= names
    assert any(o.acronym == "IMCC" for o in r.organizations)


def test_title_with_a_body_and_a_joint_office(run_ko):
    r = run_ko("간담회에는 하정우 남도중공업 사장이 참석했다.\n\n"
               "마리아 로사(Maria Rosa) 칠레 외교부 정무차관은 회담을 가졌다.\n\n"
               "탕웨이밍 중국 국무위원 겸 외교부장과 통화했다.")
    people = {p.name: p for p in r.people}
    assert "남도중공업 사장" in people["하정우"].titles
    assert people["마리아 로사"].economy == "CHL"
    assert {"국무위원", "외교부장"} <= set(people["탕웨이밍"].titles)


def test_briefing_marks_signed_questions_and_opening(run_ko):
    r = run_ko("정례브리핑을 시작하겠습니다.\n\n이번 합의가 역내 안정에 기여하기를 기대합니다.\n\n"
               "○ 질문 : 몽골 정부의 발표에 대한 입장은요?\n\n"
               "○ 답변 : 몽골 측과 소통해 나갈 것이라는 점을 말씀드립니다.\n\n"
               "튀니지 정세는요? (가람일보 서하준 기자)\n\n튀니지 상황을 예의주시하고 있습니다.")
    # the opening's sentence with no subject is nobody's (announcements there name their subject)
    assert [(c.speaker_id, c.cue) for c in r.claims] == [("spokesperson", "말씀드리다"),
                                                         ("spokesperson", "예의주시하다")]
    assert r.claims[-1].content == "튀니지 상황"


def test_new_block_without_subject_keeps_the_release_speaker(run_ko):
    r = run_ko("□ 신하늘 외교부 장관은 말리 외교장관과 통화를 갖고 양국 관계를 논의하였다.\n\n"
               "□ 또한, 사헬 지역의 안정이 중요하다고 강조하였다.")
    assert [(c.speaker_id, c.cue) for c in r.claims] == [(ids.person_id("Shin Ha-neul"), "강조하다")]


def test_neun_mullon_is_no_topic(run_ko):
    r = run_ko("□ 도하린 외교부 장관은 가봉 외교장관과 회담하였다.\n\n"
               " ㅇ 특히 양국 협력이 정무, 경제는 물론 보건 분야로까지 확대되고 있음을 평가하였다.")
    assert [(c.speaker_id, c.cue) for c in r.claims] == [(ids.person_id("Do Ha-rin"), "평가하다")]


def test_embedded_subject_does_not_become_the_focus(run_ko):
    r = run_ko("홍서진 외교부 장관은 내년 회의에 우리 대통령이 참석할 예정이라고 밝혔다. "
               "아울러 회의의 성공을 위해 노력해 줄 것을 당부하였다.")
    assert [(c.speaker_id, c.cue) for c in r.claims] == [(ids.person_id("Hong Seo-jin"), "밝히다"),
                                                         (ids.person_id("Hong Seo-jin"), "당부하다")]


def test_types_from_the_reported_clause(run_ko):
    r = run_ko("홍서진 외교부 장관은 가나의 경험을 공유하기를 희망한다고 언급하였다.\n\n"
               "양측은 교류를 늘려 나가자고 화답하였다.\n\n홍 장관은 협력이 늘어 기쁘게 생각한다고 하였다.")
    assert [(c.cue, c.claim_type) for c in r.claims] == [("언급하다", "expectation"), ("화답하다", "proposal"),
                                                         ("하다", "statement")]


def test_latin_family_name_in_capitals_and_chinese_vice_minister(run_ko):
    r = run_ko("리밍(Li MING) 중국 외교부 부부장과 왕샤오(WANG Xiao) 대사가 참석하였다.")
    people = {p.person_id: p for p in r.people}
    assert people[ids.person_id("Li Ming")].economy == "CHN"
    assert ids.person_id("Wang Xiao") in people


def test_name_the_analyser_splits(run_ko):
    r = run_ko("노예준 외교부 장관은 협력을 강조했다.")
    assert [p.name for p in r.people] == ["노예준"]
    assert r.claims[0].speaker_id == r.people[0].person_id


def test_block_without_subject_keeps_the_last_speaker_and_drops_linking_adverb(run_ko):
    r = run_ko("□ 신하늘 외교부 장관은 말리 외교장관과 회담하였다.\n\n□ 양 장관은 협력이 중요하다고 강조하였다.\n\n"
               "□ 아울러 내년 회의를 개최하기로 합의하였다.")
    assert [(c.speaker_id, c.cue, c.content) for c in r.claims] == [
        ("two ministers", "강조하다", "협력이 중요하다고"), ("two ministers", "합의하다", "내년 회의를 개최하기로")]
