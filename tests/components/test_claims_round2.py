"""Claims round 2: glued forms of page copies split by the tokenizer ("Palau(ROP)", "SecretaryMorrow",
"The Ministerand") so that the speaker is found; a subject the parser read as the object of the word opening its
clause ("after the Council, in its session, condemned X"). Invented texts; mentions set by hand, real parse."""

from __future__ import annotations

from tests.components.claim_helpers import parse


def who(doc) -> list[tuple[str, str | None, str]]:
    return [(c.speaker_kind, c.speaker_id, c.cue) for c in doc._.mofa_claims]


def test_glued_bracket_and_title_junctions_split_but_names_stay_whole(nlp) -> None:
    words = [t.text for t in nlp.tokenizer("Republic of Palau(ROP) and SecretaryMorrow, the Ministerand "
                                           "ViceMinister Ito; McArdle, DeLuca and the NewsLine site")]
    assert words[:7] == ["Republic", "of", "Palau", "(", "ROP", ")", "and"]
    assert words[7:9] == ["Secretary", "Morrow"] and words[11:13] == ["Minister", "and"]
    assert words[13:16] == ["Vice", "Minister", "Ito"]
    assert {"McArdle", "DeLuca", "NewsLine"} <= set(words)


def test_family_name_glued_to_a_cue_verb_splits_but_words_stay_whole(nlp) -> None:
    words = [t.text for t in nlp.tokenizer("Director Hanstressed it; the plan Changed; Unstated; Kimberly, Songs")]
    assert words[:3] == ["Director", "Han", "stressed"]
    assert {"Changed", "Unstated", "Kimberly", "Songs"} <= set(words)


def test_state_with_glued_short_form_keeps_its_speaker(nlp) -> None:
    text = "The Government of the Republic of Palau(ROP) condemns in the strongest terms the attack of 4 June 2031."
    doc = parse(nlp, text, {"Republic of Palau": ("economy", "PLW")})
    assert who(doc) == [("economy", "PLW", "condemn")]


def test_glued_title_and_name_keeps_the_speaker(nlp) -> None:
    text = "SecretaryMorrow explained the background and emphasized the clear willingness of her side to talk."
    doc = parse(nlp, text, {"SecretaryMorrow": ("person", "person:ann-morrow")})
    assert ("person", "person:ann-morrow", "emphasize") in who(doc)


def test_subject_read_as_object_of_after_speaks(nlp) -> None:
    text = ("The test came only two days after the Arctic Council, in its first ministerial session on May 3, "
            "strongly condemned such repeated launches by Ruritania and warned that it would act.")
    doc = parse(nlp, text, {"Arctic Council": ("organization", "org:arctic-council"),
                            "Ruritania": ("economy", "RUR")})
    assert who(doc) == [("organization", "org:arctic-council", "condemn"),
                        ("organization", "org:arctic-council", "warn")]


def test_object_of_after_with_its_own_verb_is_no_speaker(nlp) -> None:
    text = "After the meeting, the delegates left the hall."
    doc = parse(nlp, text, {})
    assert who(doc) == []


BRIEFING = ("Spokesperson's Regular Press Briefing (March 3, 2031)\n\n"
            "Spokesperson and Deputy Minister for Public Affairs Mira Holm\n\n")


def test_as_i_said_before_points_to_earlier_speech_and_is_no_claim(nlp) -> None:
    for body in ("As I mentioned earlier, I hope that the two sides will meet again.",
                 "As I said before, I hope that the two sides will meet again."):
        doc = parse(nlp, BRIEFING + body, {"Mira Holm": ("person", "person:mira-holm")},
                    people={"person:mira-holm": ["Spokesperson"]}, sections=["title", "header", "body"])
        assert [(c.speaker_id, c.cue, c.content) for c in doc._.mofa_claims] == [
            ("person:mira-holm", "hope", "the two sides will meet again")]


def test_as_clause_with_its_own_content_stays_a_claim(nlp) -> None:
    text = "Minister Ito said that, as she stressed in Lima, the accord must be kept."
    doc = parse(nlp, text, {"Ito": ("person", "person:rei-ito")})
    assert ("person", "person:rei-ito", "say") in who(doc)
