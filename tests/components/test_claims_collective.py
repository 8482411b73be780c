"""Claims: collective speakers calling on someone, one id per group, "discuss" never a claim, addressees in
"the support of X and Y", commitments stated in the reported clause, "must" about the speaker's own side,
international officials by title. Synthetic texts (other names and countries than the gold files); mentions set
by hand (claim_helpers), real parse."""

from __future__ import annotations

from tests.components.claim_helpers import parse

P_OH = ("person", "person:oh-min-jae")
P_NOVAK = ("person", "person:anna-novak")
P_ROSSI = ("person", "person:marco-rossi")
KOR, PRK, RUS = ("economy", "KOR"), ("economy", "PRK"), ("economy", "RUS")
MEX, BRA, CAN = ("economy", "MEX"), ("economy", "BRA"), ("economy", "CAN")
IRN, SYR, NZL = ("economy", "IRN"), ("economy", "SYR"), ("economy", "NZL")
USA = ("economy", "USA")


def rows(doc) -> list[tuple[str, str | None, str, str, list[str]]]:
    return [(c.speaker_kind, c.speaker_id, c.cue, c.claim_type, c.addressee_ids) for c in doc._.mofa_claims]


TRILATERAL = ("Minister of Foreign Affairs Oh Min-jae held a trilateral meeting with the foreign ministers of "
              "Mexico and Brazil in Brasilia on June 3.\n\n"
              "The three ministers called on Iran to abandon its nuclear weapons program in a complete and verifiable "
              "manner. The ministers discussed regional security in Latin America. They welcomed the progress in "
              "trilateral cooperation on food security.\n\n"
              "The ministers also discussed ways to strengthen supply chain resilience. They exchanged views on the "
              "situation in the Middle East.")
TRI_MENTIONS = {"Minister of Foreign Affairs Oh Min-jae": P_OH, "Mexico": MEX, "Brazil": BRA, "Iran": IRN,
                "Brasilia": ("place", "place:brasilia"), "Latin America": ("place", "place:latin-america"),
                "Middle East": ("place", "place:middle-east")}


def test_collective_call_on_with_addressee_and_one_group_id(nlp) -> None:
    doc = parse(nlp, TRILATERAL, TRI_MENTIONS)
    assert rows(doc) == [
        ("collective", "three ministers", "call on", "call", ["IRN"]),
        ("collective", "three ministers", "welcome", "support", []),  # "They" = the three ministers
    ]  # "discussed ways to", "exchanged views on": procedure, no position (optional at best in the guide)
    texts = [c.speaker_text for c in doc._.mofa_claims]
    assert texts == ["The three ministers", "They"]


def test_collective_subjects_urge_ask_request(nlp) -> None:
    text = ("The two sides urged Syria to cease attacks on civilians. Both sides asked Iran to release the detained "
            "journalists. The participants requested the international community to fully implement the "
            "sanctions. The two ministers called upon Russia to withdraw its troops.")
    doc = parse(nlp, text, {"Syria": SYR, "Iran": IRN, "Russia": RUS})
    assert rows(doc) == [
        ("collective", "two sides", "urge", "call", ["SYR"]),
        ("collective", "two sides", "ask", "call", ["IRN"]),  # "both sides" after "the two sides": same group
        ("collective", "participants", "request", "call", []),
        ("collective", "two ministers", "call on", "call", ["RUS"]),
    ]


def test_capitalised_collective_and_continuity(nlp) -> None:
    text = ("The three Foreign Ministers called upon Iran to refrain from further provocations. The ministers asked "
            "Syria to implement the agreement.")
    doc = parse(nlp, text, {"Iran": IRN, "Syria": SYR})
    assert [(c.speaker_kind, c.speaker_id.lower(), c.addressee_ids) for c in doc._.mofa_claims] == [
        ("collective", "three foreign ministers", ["IRN"]), ("collective", "three foreign ministers", ["SYR"])]


def test_a_new_count_is_a_new_group(nlp) -> None:
    text = ("The two ministers welcomed the agreement. The four ministers agreed that trade must stay open. "
            "The ministers also stressed that the region needs stability.")
    doc = parse(nlp, text, {})
    assert [c.speaker_id for c in doc._.mofa_claims] == ["two ministers", "four ministers", "four ministers"]


def test_addressees_of_what_is_asked_for(nlp) -> None:
    text = ("Minister Oh asked for the continued understanding and cooperation of Mexico and Brazil. He also sought "
            "the support of Canada and New Zealand for the initiative. He called for the denuclearization of Iran. "
            "He asked for the continued support of the Mexican government for the project.")
    doc = parse(nlp, text, {"Minister Oh": P_OH, "Mexico": MEX, "Mexican": MEX, "Brazil": BRA, "Canada": CAN,
                            "New Zealand": NZL, "Iran": IRN})
    assert rows(doc) == [
        ("person", "person:oh-min-jae", "ask", "call", ["MEX", "BRA"]),
        ("person", "person:oh-min-jae", "seek", "call", ["CAN", "NZL"]),
        ("person", "person:oh-min-jae", "call for", "call", []),  # Iran is what the call is about, not its addressee
        ("person", "person:oh-min-jae", "ask", "call", ["MEX"]),
    ]
    assert doc._.mofa_claims[1].content == "the support of Canada and New Zealand for the initiative"


def test_sought_support_possessive_and_sought_to_is_no_claim(nlp) -> None:
    text = ("Minister Oh sought Brazil's cooperation for the conference. He sought to expand trade with Mexico.")
    doc = parse(nlp, text, {"Minister Oh": P_OH, "Brazil": BRA, "Mexico": MEX})
    assert [(c.cue, c.addressee_ids, c.content) for c in doc._.mofa_claims] == [
        ("seek", ["BRA"], "Brazil's cooperation for the conference")]


def test_commitment_stated_in_the_reported_clause(nlp) -> None:
    text = ("Minister Oh underscored that the U.S. commitment to the defense of Korea is ironclad. He said that "
            "Korea's support for Mexico remains steadfast. He noted that the economy is strong. "
            "He said, \"I would like to emphasize that the government will spare no effort to help the victims.\" "
            "He stressed that Korea remains committed to free trade.")
    doc = parse(nlp, text, {"Minister Oh": P_OH, "U.S.": USA, "Korea": KOR, "Mexico": MEX})
    assert [(c.cue, c.claim_type) for c in doc._.mofa_claims] == [
        ("underscore", "commitment"), ("say", "commitment"), ("note", "statement"), ("say", "commitment"),
        ("stress", "commitment")]


def test_must_is_a_call_only_to_a_third_party(nlp) -> None:
    text = ("Minister Oh added that the three countries must respond firmly to any provocation. He stressed that "
            "Iran must comply with its obligations. He said that we should remain vigilant. He noted that Korea "
            "must diversify its supply chains. He said that both countries should expand trade. He emphasized that "
            "the international community must respond in unity. He stressed that Mexico should lower its tariffs. He "
            "said that Korea and the United States must stand together. He said that Iran and Russia must end their "
            "cooperation.")
    doc = parse(nlp, text, {"Minister Oh": P_OH, "Iran": IRN, "Korea": KOR, "Mexico": MEX, "United States": USA,
                            "Russia": RUS},
                {"person:oh-min-jae": ["Minister of Foreign Affairs"]})
    doc._.mofa_entities["person"]["person:oh-min-jae"].economy = "KOR"
    doc = nlp.get_pipe("mofa_claims")(doc)  # again, now that the speaker's economy is known
    assert [(c.cue, c.claim_type) for c in doc._.mofa_claims] == [
        ("add", "statement"),  # the three countries include the speaker's
        ("stress", "call"),
        ("say", "statement"),  # we
        ("note", "statement"),  # the speaker's own country
        ("say", "statement"),
        ("emphasize", "call"),
        ("stress", "call"),
        ("say", "statement"),  # an alliance the speaker's country is part of
        ("say", "call"),
    ]


def test_must_by_a_government_about_itself_is_no_call(nlp) -> None:
    text = ("The Government of Brazil stated that Brazil must do more to protect the rainforest. It also stressed "
            "that Russia must withdraw its troops.")
    doc = parse(nlp, text, {"Brazil": BRA, "Russia": RUS})
    assert [(c.speaker_id, c.cue, c.claim_type) for c in doc._.mofa_claims] == [
        ("BRA", "state", "statement"), ("BRA", "stress", "call")]


def test_international_official_by_title(nlp) -> None:
    text = ("Vice Minister Oh met with UN High Commissioner for Refugees Anna Novak in Seoul on May 12.\n\n"
            "The High Commissioner expressed appreciation for Korea's humanitarian contributions. She asked for "
            "the continued support of the Korean government for refugees in Syria. The High Commissioner said that "
            "the UNHCR would expand its assistance in the region.\n\n"
            "Vice Minister Oh said that the government will continue to support the UNHCR.")
    doc = parse(nlp, text, {"Vice Minister Oh": P_OH, "Anna Novak": P_NOVAK, "Korea": KOR, "Korean": KOR,
                            "Syria": SYR, "UNHCR": ("organization", "org:unhcr"), "UN": ("organization", "org:un"),
                            "Seoul": ("place", "place:seoul")},
                {"person:oh-min-jae": ["Vice Minister"], "person:anna-novak": ["High Commissioner for Refugees"],
                 "person:marco-rossi": ["High Commissioner for Human Rights"]})
    assert rows(doc) == [
        ("person", "person:anna-novak", "express", "support", []),
        ("person", "person:anna-novak", "ask", "call", ["KOR"]),
        ("person", "person:anna-novak", "say", "statement", []),
        ("person", "person:oh-min-jae", "say", "commitment", []),
    ]
