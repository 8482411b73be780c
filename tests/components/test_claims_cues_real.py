"""Claims: cues, content and types as real briefings and news write them (issue 12). Synthetic texts with other
names than the real pages; mentions set by hand (claim_helpers), real parse."""

from __future__ import annotations

from pipeline.components.claim_content import open_quote, segment, sentence_breaks
from tests.components.claim_helpers import parse

MENTIONS = {"Minister Park": ("person", "person:park-ji-won"), "Secretary Smith": ("person", "person:john-smith"),
            "Vice Minister Lee": ("person", "person:lee-ha-na"), "ROK": ("economy", "KOR"),
            "Peru": ("economy", "PER"), "Peruvian": ("economy", "PER"), "Japan": ("economy", "JPN")}


def claims(text: str, nlp) -> list[tuple[str | None, str, str, str]]:
    doc = parse(nlp, text, MENTIONS)
    return [(c.speaker_id, c.cue, c.claim_type, c.content) for c in doc._.mofa_claims]


def test_cues_with_an_object_noun_or_an_infinitive(nlp) -> None:
    got = claims("Minister Park extended his appreciation to Peru for its support. The two sides extended the "
                 "deadline of the agreement. Secretary Smith offered to continue close consultations. Minister Park "
                 "lauded the Peruvian government for its leadership. Secretary Smith spoke highly of the plan.", nlp)
    assert [(s, c, t) for s, c, t, _ in got] == [
        ("person:park-ji-won", "extend", "support"), ("person:john-smith", "offer", "proposal"),
        ("person:park-ji-won", "laud", "support"), ("person:john-smith", "speak highly", "support")]


def test_beliefs_have_their_own_type(nlp) -> None:
    got = claims("Minister Park believes that the talks will succeed. Secretary Smith thinks the plan is too "
                 "ambitious. Secretary Smith considered ways to help.", nlp)
    assert [(s, c, t) for s, c, t, _ in got] == [
        ("person:park-ji-won", "believe", "belief"), ("person:john-smith", "think", "belief")]


def test_joined_sentences_are_separate_claims(nlp) -> None:
    got = claims("Minister Park welcomed Secretary Smith’s appointment and expressed his hope that the partnership "
                 "would grow stronger in the years ahead. Secretary Smith underscored that the partnership is a "
                 "cornerstone for peace in the region. He further noted that his early call reflected the importance "
                 "of the partnership.", nlp)
    assert [(s, c) for s, c, _, _ in got] == [
        ("person:park-ji-won", "welcome"), ("person:park-ji-won", "express"), ("person:john-smith", "underscore"),
        ("person:john-smith", "note")]
    assert got[0][3] == "Secretary Smith’s appointment"


def test_participle_and_coordinated_cue_inside_content(nlp) -> None:
    got = claims("Minister Park stressed that the visit itself will not be of any help to mend ties, saying what "
                 "matters is how Japan will respond to the dispute.", nlp)
    assert got == [
        ("person:park-ji-won", "stress", "statement", "the visit itself will not be of any help to mend ties"),
        ("person:park-ji-won", "say", "statement", "what matters is how Japan will respond to the dispute")]
    got = claims("Vice Minister Lee emphasized that the ROK actively supports regional cooperation to fight the "
                 "pandemic, and suggested continuing to discuss ways to keep supply chains open.", nlp)
    assert [(s, c, t) for s, c, t, _ in got] == [
        ("person:lee-ha-na", "emphasize", "support"), ("person:lee-ha-na", "suggest", "proposal")]
    assert got[0][3] == "the ROK actively supports regional cooperation to fight the pandemic"


def test_responded_by_saying_is_the_claim_of_saying(nlp) -> None:
    got = claims("Minister Park responded by saying that the plan deserves support.", nlp)
    assert [(s, c) for s, c, _, _ in got] == [("person:park-ji-won", "say")]


def test_negation_meeting_and_travel_stay_non_claims(nlp) -> None:
    assert claims("Minister Park did not offer condolences. Secretary Smith met Minister Park in Lima. "
                  "Secretary Smith declined to describe the talks as a success.", nlp) == []


def test_sentence_breaks_and_segments() -> None:
    texts = ["He", "left", ".", " ", "She", "said", "so", ".", "“", "Yes", "”", "the", "U.S.", "said", "."]
    assert sentence_breaks(texts) == [2, 7]
    assert segment([2, 7], 5, 0, 15) == (3, 8)
    assert segment([2, 7], 1, 0, 15) == (0, 3)
    assert segment([2, 7], 12, 0, 15) == (8, 15)
    assert open_quote("“We will help. I hope so.” he said", 0, 13)
    assert not open_quote("“We will help.” He said. I hope", 0, 23)


def test_content_bounds_and_addressees(nlp) -> None:
    doc = parse(nlp, "Minister Park expressed deep concern over the attack on May 7 (local time). The Peruvian side "
                "warned that Japan will face consequences. Minister Park extended his condolences to the people of "
                "Peru. Minister Park discussed with Secretary Smith measures to expand trade.", MENTIONS)
    got = [(c.cue, c.content, c.addressee_ids) for c in doc._.mofa_claims]
    assert got == [("express", "deep concern over the attack on May 7 (local time)", []),
                   ("warn", "Japan will face consequences", ["JPN"]),
                   ("extend", "his condolences to the people of Peru", ["PER"])]  # "discussed ...": procedure
