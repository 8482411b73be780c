"""Speakers as unseen statements, briefings and news write them: "we" and "my delegation" in a state's own
statement are the state the title names (any state, not only the home one); a bare "the government" continues
the government last named as a subject; a bare "the ministry" is the last ministry named, read for its state
from its own phrase ("Seoul's Foreign Ministry" is the home one whatever id its mention got); a document speaks
for whoever issued it ("The statement also called on ..."). Invented texts (names, states and years not in the
development data); mentions set by hand, real parse."""

from __future__ import annotations

from tests.components.claim_helpers import parse

MOFA = "org:ministry-of-foreign-affairs"


def who(doc) -> list[tuple[str, str | None, str, str]]:
    return [(c.speaker_kind, c.speaker_id, c.speaker_text, c.cue) for c in doc._.mofa_claims]


def test_we_in_another_states_statement_is_that_state(nlp) -> None:
    text = ("Statement by the Government of Uruguay on the Situation in the Sahel\n\n"
            "We are deeply concerned about the recent coup. We call on all parties to restore constitutional order.")
    doc = parse(nlp, text, {"Uruguay": ("economy", "URY"), "Sahel": ("location", "sahel")},
                sections=["title", "body"])
    assert [(k, i, t) for k, i, t, _ in who(doc)] == [("economy", "URY", "We"), ("economy", "URY", "We")]


def test_we_in_a_statement_on_another_state_stays_home(nlp) -> None:
    text = ("Statement by the Spokesperson on the Missile Launch by the DPRK\n\n"
            "We strongly condemn the launch of 12 March 2031.")
    doc = parse(nlp, text, {"DPRK": ("economy", "PRK")}, sections=["title", "body"])
    assert [(k, i) for k, i, _, _ in who(doc)] == [("economy", "KOR")]


def test_my_delegation_in_a_states_statement_is_the_state(nlp) -> None:
    text = ("Statement by the Delegation of Ghana at the Third Committee\n\n"
            "My delegation wishes to stress the importance of the rights of older persons.")
    doc = parse(nlp, text, {"Ghana": ("economy", "GHA")}, sections=["title", "body"])
    assert [(k, i, t) for k, i, t, _ in who(doc)] == [("economy", "GHA", "My delegation")]


def test_bare_government_continues_the_government_last_named(nlp) -> None:
    text = ("The Indonesian government protested the seizure of the vessel on Friday. "
            "The government said the seizure violated international law.")
    doc = parse(nlp, text, {"Indonesian": ("economy", "IDN")})
    assert [(k, i) for k, i, _, c in who(doc) if c == "say"] == [("economy", "IDN")]


def test_bare_government_without_a_named_one_is_home(nlp) -> None:
    text = "The Government hopes that the talks in Nairobi will resume soon."
    doc = parse(nlp, text, {"Nairobi": ("location", "nairobi")})
    assert [(k, i) for k, i, _, _ in who(doc)] == [("economy", "KOR")]


def test_bare_ministry_is_the_last_ministry_named_read_for_its_state(nlp) -> None:
    text = ("A director general of the Thai Foreign Ministry's Asian Bureau met his counterpart in Seoul's Foreign "
            "Ministry on Monday. The ministry said the two sides discussed visa rules.")
    doc = parse(nlp, text, {"Thai Foreign Ministry": ("organization", "org:foreign-ministry-tha"),
                            "Foreign Ministry": ("organization", "org:foreign-ministry-tha"),
                            "Seoul": ("location", "seoul")})
    assert [(k, i) for k, i, t, _ in who(doc) if t == "The ministry"] == [("organization", MOFA)]


def test_a_statement_speaks_for_its_issuer(nlp) -> None:
    text = ("The Latvian Red Cross issued a statement on the flooding on Sunday. "
            "The statement also called on the international community to provide emergency aid.")
    doc = parse(nlp, text, {"Latvian Red Cross": ("organization", "org:latvian-red-cross")})
    assert [(k, i, t) for k, i, t, _ in who(doc)] == [("organization", "org:latvian-red-cross", "The statement")]


def test_a_joint_statement_speaks_for_the_group_that_adopted_it(nlp) -> None:
    text = ("The foreign ministers of Chile and Peru met in Arica and adopted a joint statement. "
            "The joint statement said the two countries would build a new rail link by 2035.")
    doc = parse(nlp, text, {"Chile": ("economy", "CHL"), "Peru": ("economy", "PER")})
    spoken = [(k, t) for k, _, t, c in who(doc) if c == "say"]
    assert spoken == [("collective", "The joint statement")]
    assert [i for _, i, _, c in who(doc) if c == "say"] == ["foreign ministers of Chile and Peru"]


def test_a_statement_said_in_speaks_for_the_speaker_who_said_it(nlp) -> None:
    text = ("The ministry said in a statement on Tuesday that talks with Canberra would resume. "
            "The statement added that a new round was planned for 2033.")
    doc = parse(nlp, text, {"Canberra": ("location", "canberra")})
    assert [(k, i) for k, i, t, _ in who(doc) if t == "The statement"] == [("organization", MOFA)]
