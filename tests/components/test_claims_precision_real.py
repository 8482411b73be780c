"""Claims: what real pages showed as false claims (issue 12, precision). Procedure and courtesy verbs, a reporter's
question in a briefing, cues inside a quotation, a date as content, two verbs sharing one object, a perfect tense
in reported speech, a thing owned by a name as subject, a floated 'both'. Synthetic texts with other names than
the real pages; mentions set by hand (claim_helpers), real parse."""

from __future__ import annotations

from tests.components.claim_helpers import parse

MENTIONS = {"Minister Park": ("person", "person:park-ji-won"), "Secretary Smith": ("person", "person:john-smith"),
            "Spokesperson Lee Ha-na": ("person", "person:lee-ha-na"), "Minister Lee": ("person", "person:lee-ha-na"),
            "ROK": ("economy", "KOR"), "Peru": ("economy", "PER"), "Chile": ("economy", "CHL"),
            "Republic of Korea": ("economy", "KOR"), "North Korea": ("economy", "PRK"),
            "Embassy of Korea": ("organization", "org:embassy-kor"),
            "Ministry of Trade": ("organization", "org:ministry-of-trade-per"),
            "Presidential Office": ("organization", "org:presidential-office-per")}


def rows(text: str, nlp, sections: list[str] | None = None) -> list[tuple[str, str | None, str, str]]:
    doc = parse(nlp, text, MENTIONS, sections=sections)
    return [(c.speaker_kind, c.speaker_id, c.cue, c.content) for c in doc._.mofa_claims]


def test_procedure_and_courtesy_verbs_are_no_claims(nlp) -> None:
    got = rows("The two sides discussed specific ways to implement the projects. Minister Park and Secretary Smith "
               "exchanged views on ways to work together. The ministry invited the diplomatic corps to attend the "
               "festival. Minister Park presented the award to the winners of the contest. Secretary Smith presented "
               "his view that the partnership would grow.", nlp)
    assert [(k, s, c) for k, s, c, _ in got] == [("person", "person:john-smith", "present view")]
    assert got[0][3] == "the partnership would grow"


def test_a_reporters_question_in_a_briefing_is_no_claim(nlp) -> None:
    text = ("Spokesperson Lee Ha-na\n\nLet me start today's briefing.\n\n"
            "Q: I am asking this for clarification. I hope you can tell us about the schedule.\n\n"
            "A: I would like to emphasize that the schedule is not fixed yet.\n\n"
            "Question: Some say the talks failed. Would you comment?\n\n"
            "Answer: I believe that the talks were useful.")
    got = rows(text, nlp, sections=["header", "body", "body", "body", "body", "body"])
    assert [(s, c) for _, s, c, _ in got] == [("person:lee-ha-na", "emphasize"), ("person:lee-ha-na", "believe")]


def test_a_cue_inside_a_quotation_is_part_of_it(nlp) -> None:
    text = ("\u201cWe are glad to help the victims,\u201d said Minister Park.\n\n"
            "\u201cThe people of Korea stand by Chile, and we hope that our support will help the families.\u201d\n\n"
            "Secretary Smith said he hoped that the aid would arrive soon.")
    got = rows(text, nlp)
    assert [(s, c) for _, s, c, _ in got] == [("person:park-ji-won", "say"), ("person:john-smith", "say")]


def test_a_date_alone_is_no_content(nlp) -> None:
    got = rows("The ministry launched a task force for the strategy, which the ROK announced on December 28, 2022. "
               "Minister Park announced that the strategy will be updated.", nlp)
    assert [(s, c, t) for _, s, c, t in got] == [("person:park-ji-won", "announce", "the strategy will be updated")]


def test_two_verbs_sharing_one_object_are_one_claim(nlp) -> None:
    got = rows("The government of the Republic of Korea welcomes and supports the adoption of the resolution on "
               "December 23. Minister Park reaffirmed the commitment and emphasized that the alliance is strong.", nlp)
    assert [(s, c) for _, s, c, _ in got] == [("KOR", "welcome"), ("person:park-ji-won", "reaffirm"),
                                              ("person:park-ji-won", "emphasize")]
    assert got[0][3].startswith("the adoption of the resolution")


def test_perfect_tense_in_reported_speech_keeps_its_subject(nlp) -> None:
    got = rows("Minister Park stated that although North Korea has rejected dialogue and declared that the two "
               "sides are enemies, the ROK will continue its efforts for peace.", nlp)
    assert [(s, c) for _, s, c, _ in got] == [("person:park-ji-won", "state")]
    assert "the ROK will continue its efforts" in got[0][3]


def test_a_thing_owned_by_a_name_does_not_speak(nlp) -> None:
    got = rows("The Embassy of Korea's donation will also support recovery efforts in the region. Minister Park's "
               "visit to Lima confirmed the close ties. The Presidential Office's statement said that the visit "
               "was a success.", nlp)
    assert [(k, s, c) for k, s, c, _ in got] == [("organization", "org:presidential-office-per", "say")]


def test_a_floated_both_is_no_part_of_the_speaker(nlp) -> None:
    doc = parse(nlp, "Peru's Presidential Office and Ministry of Trade both objected to the remarks made by the "
                "ambassador.", MENTIONS)
    texts = [c.speaker_text for c in doc._.mofa_claims]
    assert texts == ["Peru's Presidential Office and Ministry of Trade"]


def test_a_group_owned_by_a_person_is_the_group(nlp) -> None:
    doc = parse(nlp, "Secretary Smith's team hoped to reduce the risks of a clash.", MENTIONS)
    assert [(c.speaker_kind, c.speaker_text) for c in doc._.mofa_claims] == [("collective", "Secretary Smith's team")]


def test_the_quote_just_before_the_cue_is_its_content(nlp) -> None:
    text = ("The ministry said the visit would help.\n\n"
            "\u201cHe will closely fine-tune foreign policies, including policy on Peru, and hold consultations to "
            "prepare for the visit, which is expected to be in early May,\u201d the ministry spokesman added.")
    got = rows(text, nlp)
    assert got[-1][:3] == ("collective", "ministry spokesman", "add")
    assert got[-1][3].startswith("He will closely fine-tune foreign policies")
    assert got[-1][3].endswith("early May")
