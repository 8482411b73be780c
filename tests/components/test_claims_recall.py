"""Claims recall on forms of unseen releases and news, with invented sentences (other names, states, years and
word orders than the real pages): a subject hung on a fronted participle, a speaker closing the sentence after
the reported clause, "the report said", an indefinite source named definitely later, "top diplomat", quotation
verbs ('"...," X continued'), views shared with a possessive, new cue verbs and 'as' on the object."""

from __future__ import annotations

from tests.components.claim_helpers import parse

P_DIAZ = ("person", "person:ana-diaz")
P_OKAFOR = ("person", "person:john-okafor")


def _cues(doc) -> list[tuple[str | None, str]]:
    return [(c.speaker_id, c.cue) for c in doc._.mofa_claims]


def test_subject_hung_on_a_fronted_participle_speaks_for_the_main_verb(nlp) -> None:
    doc = parse(nlp, "In response, Deputy Secretary Diaz, commending Chile for its contribution to the resolution of "
                     "regional issues, presented her view that the new agreement would reinforce the foundation.",
                {"Deputy Secretary Diaz": P_DIAZ, "Chile": ("economy", "CHL")})
    assert ("person:ana-diaz", "present view") in _cues(doc)


def test_speaker_after_the_reported_clause_hung_inside_it(nlp) -> None:
    doc = parse(nlp, "Ottawa and Canberra remain in talks to arrange a meeting between Diaz and Okafor, John "
                     "Okafor, the foreign ministry spokesman, said.",
                {"John Okafor": P_OKAFOR, "Diaz": P_DIAZ, "Okafor": P_OKAFOR},
                people={"person:john-okafor": ["spokesman"]})
    assert ("person:john-okafor", "say") in _cues(doc)


def test_the_report_is_the_outlet_that_just_reported(nlp) -> None:
    doc = parse(nlp, "Agence Globe reported that Minister Diaz will visit Nairobi in May. The report said the "
                     "three-day trip was still being arranged.",
                {"Agence Globe": ("organization", "org:agence-globe"), "Minister Diaz": P_DIAZ,
                 "Nairobi": ("location", "loc:nairobi")})
    says = [c for c in doc._.mofa_claims if c.cue == "say"]
    assert [(c.speaker_kind, c.speaker_id) for c in says] == [("organization", "org:agence-globe")]


def test_the_report_without_a_reporting_organisation_is_no_speaker(nlp) -> None:
    doc = parse(nlp, "The report said the trip was still being arranged.", {})
    assert doc._.mofa_claims == []


def test_an_official_named_definitely_afterwards_is_one_source(nlp) -> None:
    doc = parse(nlp, "The two ministers will meet in Lisbon next week, an official said on Monday.\n\n"
                     "The talks were arranged after the summit, the Foreign Ministry official told reporters.",
                {"Lisbon": ("location", "loc:lisbon")})
    speakers = {c.speaker_id for c in doc._.mofa_claims if c.speaker_kind == "collective"}
    assert len(speakers) == 1 and "official" in next(iter(speakers)).lower()


def test_two_different_definite_officials_leave_the_indefinite_one_alone(nlp) -> None:
    doc = parse(nlp, "The talks will resume in June, an official said.\n\nThe Chilean official said the date was "
                     "open.\n\nThe Peruvian official said the talks were useful.", {})
    ids = [c.speaker_id for c in doc._.mofa_claims]
    assert ids[0] == "an official"


def test_top_diplomat_is_the_foreign_minister_of_that_economy(nlp) -> None:
    doc = parse(nlp, "Foreign Minister Diaz met Kenyan Foreign Minister Okafor in Nairobi on Friday.\n\nThe Kenyan "
                     "top diplomat voiced hopes for closer trade ties.",
                {"Foreign Minister Diaz": P_DIAZ, "Foreign Minister Okafor": P_OKAFOR, "Kenyan": ("economy", "KEN"),
                 "Nairobi": ("location", "loc:nairobi")},
                people={"person:ana-diaz": ["Foreign Minister"], "person:john-okafor": ["Foreign Minister"]})
    voice = [c for c in doc._.mofa_claims if c.cue == "voice"]
    assert len(voice) == 1 and voice[0].speaker_kind == "person"


def test_continued_after_a_quotation_is_speech_only_there(nlp) -> None:
    doc = parse(nlp, '"We stand ready to help. The door remains open," Minister Diaz continued.',
                {"Minister Diaz": P_DIAZ})
    assert ("person:ana-diaz", "continue") in _cues(doc)
    doc = parse(nlp, "The negotiations continued for three hours in Minister Diaz's office.", {"Minister Diaz": P_DIAZ})
    assert doc._.mofa_claims == []


def test_view_shared_with_a_possessive(nlp) -> None:
    doc = parse(nlp, "Minister Okafor shared his view that the crisis could be resolved through dialogue.",
                {"Minister Okafor": P_OKAFOR})
    assert _cues(doc) == [("person:john-okafor", "share view")]


def test_claim_verbs_need_a_clause_and_press_an_infinitive(nlp) -> None:
    doc = parse(nlp, "Minister Okafor asserted that the accusation was groundless.", {"Minister Okafor": P_OKAFOR})
    assert _cues(doc) == [("person:john-okafor", "assert")]
    doc = parse(nlp, "The movement claimed responsibility for the attack.", {})
    assert doc._.mofa_claims == []
    doc = parse(nlp, "Minister Diaz pressed Lima to withdraw the tariffs.", {"Minister Diaz": P_DIAZ,
                                                                              "Lima": ("economy", "PER")})
    assert _cues(doc) == [("person:ana-diaz", "press")]


def test_describe_with_as_hung_on_the_object(nlp) -> None:
    doc = parse(nlp, "Minister Diaz described the partnership as indispensable.", {"Minister Diaz": P_DIAZ})
    assert _cues(doc) == [("person:ana-diaz", "describe")]
    doc = parse(nlp, "Minister Diaz described the new programme.", {"Minister Diaz": P_DIAZ})
    assert doc._.mofa_claims == []


def test_present_verb_joined_to_an_embedded_participle_belongs_to_the_main_clause(nlp) -> None:
    doc = parse(nlp, "The Government of Chile is deeply saddened that dozens of civilians were killed in the bombing "
                     "in Kabul and strongly condemns the attack.",
                {"Government of Chile": ("economy", "CHL"), "Kabul": ("location", "loc:kabul")})
    assert [(c.speaker_id, c.cue) for c in doc._.mofa_claims if c.cue == "condemn"] == [("CHL", "condemn")]


def test_news_verbs_of_criticism_and_writing(nlp) -> None:
    doc = parse(nlp, "Minister Okafor slammed the decision as a step backwards.", {"Minister Okafor": P_OKAFOR})
    assert _cues(doc) == [("person:john-okafor", "slam")]
    doc = parse(nlp, "Minister Okafor wrote online that the deal was a mistake.", {"Minister Okafor": P_OKAFOR})
    assert _cues(doc) == [("person:john-okafor", "write")]
    doc = parse(nlp, "Minister Okafor wrote a letter to the Secretary-General.", {"Minister Okafor": P_OKAFOR})
    assert doc._.mofa_claims == []


def test_she_is_not_the_man_in_focus(nlp) -> None:
    doc = parse(nlp, "Foreign Minister Diaz held talks with her Kenyan counterpart Okafor on June 2. Minister Okafor "
                     "explained the background of his decision. She stressed that dialogue must continue.",
                {"Foreign Minister Diaz": P_DIAZ, "Okafor": P_OKAFOR, "Minister Okafor": P_OKAFOR})
    stress = [c.speaker_id for c in doc._.mofa_claims if c.cue == "stress"]
    assert stress == ["person:ana-diaz"]


def test_honorifics_tell_the_pronoun_apart_and_no_evidence_keeps_the_focus(nlp) -> None:
    doc = parse(nlp, "Ms. Diaz met Mr. Okafor in Accra. Mr. Okafor said the talks were good. She said the talks were "
                     "useful. He added that they would meet again.",
                {"Ms. Diaz": P_DIAZ, "Mr. Okafor": P_OKAFOR, "Accra": ("location", "loc:accra")})
    assert [(c.speaker_id, c.cue) for c in doc._.mofa_claims] == [
        ("person:john-okafor", "say"), ("person:ana-diaz", "say"), ("person:john-okafor", "add")]
    doc = parse(nlp, "Minister Diaz met Minister Okafor. Minister Okafor said the talks were good. She said they "
                     "were useful.", {"Minister Diaz": P_DIAZ, "Minister Okafor": P_OKAFOR})
    assert [c.speaker_id for c in doc._.mofa_claims] == ["person:john-okafor", "person:john-okafor"]


def test_calling_something_something_is_a_claim_but_not_calling_a_meeting(nlp) -> None:
    doc = parse(nlp, "The ministry also called it a serious breach of trust.",
                {"ministry": ("organization", "org:ministry-of-foreign-affairs")})
    assert [c.cue for c in doc._.mofa_claims] == ["call"]
    doc = parse(nlp, "Minister Diaz called the test a clear violation of the resolutions.", {"Minister Diaz": P_DIAZ})
    assert _cues(doc) == [("person:ana-diaz", "call")]
    doc = parse(nlp, "The ministry called a meeting of experts.", {"ministry": ("organization", "org:mofa")})
    assert doc._.mofa_claims == []


def test_calling_after_an_earlier_cue_elaborates_it(nlp) -> None:
    doc = parse(nlp, "Minister Okafor strongly condemned the launch, calling it a reckless act.",
                {"Minister Okafor": P_OKAFOR})
    assert _cues(doc) == [("person:john-okafor", "condemn")]


def test_a_participle_describing_an_issued_message_is_its_authors_claim(nlp) -> None:
    doc = parse(nlp, "The ministry issued a statement condemning the bombing in Mogadishu.",
                {"ministry": ("organization", "org:mofa")})
    assert [(c.speaker_id, c.cue, c.content) for c in doc._.mofa_claims] == [
        ("org:mofa", "condemn", "the bombing in Mogadishu")]
    doc = parse(nlp, "Minister Okafor sent a letter expressing gratitude for the relief aid.",
                {"Minister Okafor": P_OKAFOR})
    assert _cues(doc) == [("person:john-okafor", "express")]


def test_a_message_welcomed_or_read_is_not_its_readers_claim(nlp) -> None:
    doc = parse(nlp, "Minister Okafor welcomed the statement condemning the attack.", {"Minister Okafor": P_OKAFOR})
    assert _cues(doc) == [("person:john-okafor", "welcome")]
    doc = parse(nlp, "Minister Okafor read a report urging reform.", {"Minister Okafor": P_OKAFOR})
    assert doc._.mofa_claims == []


def test_purpose_of_delivering_a_message_is_the_speakers_claim(nlp) -> None:
    doc = parse(nlp, "Minister Diaz delivered a speech to stress the need for reform of the Council.",
                {"Minister Diaz": P_DIAZ})
    assert _cues(doc) == [("person:ana-diaz", "stress")]
    doc = parse(nlp, "Minister Diaz visited Lima to deliver a speech.", {"Minister Diaz": P_DIAZ,
                                                                        "Lima": ("location", "loc:lima")})
    assert doc._.mofa_claims == []


def test_speaking_of_the_importance_is_a_claim_speaking_of_a_trip_is_not(nlp) -> None:
    doc = parse(nlp, "Minister Diaz spoke of the importance of the partnership.", {"Minister Diaz": P_DIAZ})
    assert _cues(doc) == [("person:ana-diaz", "speak")]
    doc = parse(nlp, "Minister Diaz spoke about her trip to Quito.", {"Minister Diaz": P_DIAZ})
    assert doc._.mofa_claims == []
