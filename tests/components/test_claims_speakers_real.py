"""Claim speakers as real news, briefings and statements write them: a paragraph number is no part of the speaker,
conjoined descriptions are a group, a surname alone names the document's person, unnamed officials are a
collective with their phrase (and "the official" / "he" later), a ministry speaking is an organisation, "we" after
the government spoke is the home state, singular group nouns. Synthetic texts (names and countries other than the
gold files); mentions set by hand (claim_helpers), real parse."""

from __future__ import annotations

from tests.components.claim_helpers import parse

MOFA = "org:ministry-of-foreign-affairs"
P_LIM = ("person", "person:lim-ji-ho")
P_NOVAK = ("person", "person:anna-novak")
P_ZHOU = ("person", "person:zhou-wenbo")


def who(doc) -> list[tuple[str, str | None, str, str]]:
    return [(c.speaker_kind, c.speaker_id, c.speaker_text, c.cue) for c in doc._.mofa_claims]


def test_paragraph_number_is_not_part_of_the_speaker(nlp) -> None:
    doc = parse(nlp, "3. The two sides agreed to expand trade in critical minerals.", {})
    assert who(doc) == [("collective", "two sides", "The two sides", "agree")]


def test_conjoined_descriptions_are_one_group(nlp) -> None:
    text = ("Minister of Foreign Affairs Lim Ji-ho held talks with Secretary of State Anna Novak in Vienna.\n\n"
            "The Minister and the Secretary agreed to strengthen cooperation on export controls.")
    doc = parse(nlp, text, {"Minister of Foreign Affairs Lim Ji-ho": P_LIM, "Secretary of State Anna Novak": P_NOVAK},
                people={"person:lim-ji-ho": ["Minister of Foreign Affairs"],
                        "person:anna-novak": ["Secretary of State"]})
    assert who(doc) == [
        ("collective", "person:lim-ji-ho|person:anna-novak", "The Minister and the Secretary", "agree")]


def test_surname_alone_is_the_documents_person(nlp) -> None:
    text = ("Foreign Minister Zhou Wenbo met his counterpart in Hanoi on Monday.\n\n"
            "Zhou said the two countries should expand cooperation on fisheries.")
    doc = parse(nlp, text, {"Foreign Minister Zhou Wenbo": P_ZHOU}, people={"person:zhou-wenbo": ["Foreign Minister"]})
    assert who(doc) == [("person", "person:zhou-wenbo", "Zhou", "say")]


def test_one_word_person_is_the_fuller_one(nlp) -> None:
    text = "Foreign Minister Lim Ji-ho arrived in Lima on Sunday.\n\nLim said the meeting would focus on food security."
    doc = parse(nlp, text, {"Foreign Minister Lim Ji-ho": P_LIM, "Lim": ("person", "person:lim")},
                people={"person:lim-ji-ho": ["Foreign Minister"], "person:lim": []})
    assert who(doc) == [("person", "person:lim-ji-ho", "Lim", "say")]


def test_unnamed_official_is_a_collective_followed_by_the_official_and_he(nlp) -> None:
    text = ("Minister of Foreign Affairs Lim Ji-ho will visit Canberra next week.\n\n"
            "\u201cThe visit will deepen our partnership,\u201d a foreign ministry official said.\n\n"
            "The official added that the two sides were still discussing the agenda. "
            "He said that a joint statement was not planned.")
    doc = parse(nlp, text, {"Minister of Foreign Affairs Lim Ji-ho": P_LIM},
                people={"person:lim-ji-ho": ["Minister of Foreign Affairs"]})
    assert who(doc) == [
        ("collective", "a foreign ministry official", "a foreign ministry official", "say"),
        ("collective", "a foreign ministry official", "The official", "add"),
        ("collective", "a foreign ministry official", "He", "say"),
    ]


def test_title_words_before_a_name_let_a_description_find_the_person(nlp) -> None:
    text = ("At a regular briefing, ministry spokesman Choi Dong-hun took questions on the talks.\n\n"
            "The spokesman said that no decision had been made on the date.")
    doc = parse(nlp, text, {"Choi Dong-hun": ("person", "person:choi-dong-hun")}, people={"person:choi-dong-hun": []})
    assert who(doc) == [("person", "person:choi-dong-hun", "The spokesman", "say")]


def test_a_ministry_speaking_is_an_organisation(nlp) -> None:
    text = ("The foreign ministry said Tuesday that the talks would resume in March. It added that the venue "
            "had not been decided.\n\n"
            "Japan's foreign ministry said the proposal was under review.\n\n"
            "According to the ministry, the two ministers will also discuss supply chains.")
    doc = parse(nlp, text, {"Japan": ("economy", "JPN")})
    assert who(doc) == [
        ("organization", MOFA, "The foreign ministry", "say"),
        ("organization", MOFA, "It", "add"),
        ("economy", "JPN", "Japan's foreign ministry", "say"),
        ("organization", MOFA, "the ministry", "according to"),
    ]
    org = doc._.mofa_entities["organization"][MOFA]  # the table names the speaker though no mention does
    assert (org.name, org.acronym) == ("Ministry of Foreign Affairs", "MOFA")


def test_we_after_the_government_speaking_is_the_home_state(nlp) -> None:
    text = ("Spokesperson's Press Briefing (May 2, 2019)\n\n"
            "The Government of the Republic of Korea strongly condemns the attack on the embassy. "
            "We hope that the injured will recover soon.")
    doc = parse(nlp, text, {"Republic of Korea": ("economy", "KOR")}, sections=["title", "body"])
    assert who(doc) == [("economy", "KOR", "The Government of the Republic of Korea", "condemn"),
                        ("economy", "KOR", "We", "hope")]
    plain = parse(nlp, "Talks in Oslo\n\nWe strongly condemn the terrorist attack.", {}, sections=["title", "body"])
    assert who(plain) == []  # elsewhere "we" is nobody in particular


def test_group_nouns_in_the_singular(nlp) -> None:
    text = ("The Brazilian delegation stated that it will raise awareness of the programme.\n\n"
            "The Nordic side said that the forum will take place in Oslo in June.")
    doc = parse(nlp, text, {"Brazilian": ("economy", "BRA"), "Oslo": ("place", "place:oslo")})
    assert [(k, i) for k, i, _, _ in who(doc)] == [("collective", "brazilian delegation"),
                                                   ("collective", "nordic side")]


def test_the_two_is_a_group(nlp) -> None:
    doc = parse(nlp, "The two agreed that sanctions on the regime must remain in place.", {})
    assert who(doc) == [("collective", "two", "The two", "agree")]
