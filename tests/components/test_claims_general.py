"""Claims: forms of unseen releases and news, with invented sentences (other names, states, years and word
orders than the real pages): nested reporting, quoted-as-saying, participles of the outermost cue, anonymity
requests, lodged protests, "our government" and "we" of the home ministry, types and content boundaries."""

from __future__ import annotations

from pipeline.stages.clean import clean_bytes
from pipeline.stages.extract import extract_all
from tests.components.claim_helpers import parse, show

P_LEE = ("person", "person:lee-ha-na")
P_SMITH = ("person", "person:john-smith")
P_ROSS = ("person", "person:anna-ross")


def _cues(doc) -> list[tuple[str | None, str]]:
    return [(c.speaker_id, c.cue) for c in doc._.mofa_claims]


def test_nested_reporting_gives_the_reported_person_a_claim_too(nlp) -> None:
    doc = parse(nlp, "The ministry said in a press release that Minister Lee urged Peru to join the initiative.",
                {"Minister Lee": P_LEE, "Peru": ("economy", "PER")})
    cues = _cues(doc)
    assert ("person:lee-ha-na", "urge") in cues
    assert any(cue == "say" for _, cue in cues)
    urge = next(c for c in doc._.mofa_claims if c.cue == "urge")
    assert urge.addressee_ids == ["PER"] and urge.content.startswith("Peru to join")


def test_nested_reporting_after_the_quote_like_clause(nlp) -> None:
    doc = parse(nlp, "Secretary Smith, for his part, expressed hope that the talks will resume soon, the State "
                     "Department said.", {"Secretary Smith": P_SMITH, "State Department": ("organization", "org:sd")})
    assert ("person:john-smith", "express") in _cues(doc)


def test_a_state_inside_a_persons_statement_is_only_content(nlp) -> None:
    doc = parse(nlp, "Minister Ross told reporters that Norway supports the peaceful settlement of the dispute.",
                {"Minister Ross": P_ROSS, "Norway": ("economy", "NOR")})
    assert _cues(doc) == [("person:anna-ross", "tell")]


def test_speech_referred_to_is_not_reported(nlp) -> None:
    doc = parse(nlp, "Vice Minister Lee summoned the ambassador to discuss what Smith had said about the drills "
                     "on Monday, an official said.", {"Vice Minister Lee": P_LEE, "Smith": P_SMITH})
    assert all(sid != "person:john-smith" for sid, _ in _cues(doc))


def test_quoted_as_saying_is_the_subjects_claim(nlp) -> None:
    doc = parse(nlp, "Ambassador Smith was quoted as saying that the fishing ban violates international law.",
                {"Ambassador Smith": P_SMITH})
    assert show(doc) == [("person", "person:john-smith", "Ambassador Smith", "say",
                          "the fishing ban violates international law")]


def test_a_closing_participle_belongs_to_the_outermost_cue(nlp) -> None:
    doc = parse(nlp, "Smith told the Associated Press that he had merely stated his country's position, adding "
                     "that Ottawa values its ties with Seoul.", {"Smith": P_SMITH})
    claims = {c.cue: c for c in doc._.mofa_claims}
    assert claims["add"].speaker_id == "person:john-smith"
    assert claims["add"].content == "Ottawa values its ties with Seoul"
    assert claims["tell"].content == "he had merely stated his country's position"


def test_a_wish_for_anonymity_is_no_claim(nlp) -> None:
    doc = parse(nlp, '"The door remains open," a senior diplomat told reporters, asking not to be identified.', {})
    assert [c.cue for c in doc._.mofa_claims] == ["tell"]


def test_a_lodged_protest_is_a_criticism(nlp) -> None:
    doc = parse(nlp, "Chile on Monday filed a formal protest against Argentina's new border law.",
                {"Chile": ("economy", "CHL"), "Argentina": ("economy", "ARG")})
    (claim,) = doc._.mofa_claims
    assert (claim.speaker_id, claim.cue, claim.claim_type) == ("CHL", "lodge protest", "criticism")
    assert claim.content == "Argentina's new border law"


def test_our_government_outside_quotes_is_the_home_economy(nlp) -> None:
    doc = parse(nlp, "Our government strongly protests the decision to expand the exclusion zone.", {})
    assert [(c.speaker_kind, c.speaker_id, c.cue) for c in doc._.mofa_claims] == [("economy", "KOR", "protest")]


def test_a_conjunct_outside_the_content_does_not_type_it(nlp) -> None:
    doc = parse(nlp, "Minister Smith met the delegation. He highlighted that Chile is the largest copper producer "
                     "in the world, and voiced concern over the price swings.", {"Minister Smith": P_SMITH})
    types = {c.cue: c.claim_type for c in doc._.mofa_claims}
    assert types["highlight"] == "statement"


def test_content_ends_before_a_coordinated_cue_without_its_and(nlp) -> None:
    doc = parse(nlp, "The ministers welcomed Peru's plan to host the first summit in 2027 and pledged to make "
                     "it a success.", {"Peru": ("economy", "PER")})
    welcome = next(c for c in doc._.mofa_claims if c.cue == "welcome")
    assert welcome.content == "Peru's plan to host the first summit in 2027"


def test_a_news_dateline_is_no_content(nlp) -> None:
    doc = parse(nlp, "LIMA, June 2 (Reuters) -- Peru and Korea agreed Thursday to expand trade in lithium, "
                     "Seoul's foreign ministry said.", {"Peru": ("economy", "PER"), "Korea": ("economy", "KOR")})
    say = next(c for c in doc._.mofa_claims if c.cue == "say")
    assert say.content.startswith("Peru and Korea agreed")


BRIEFING = """Spokesperson's Press Briefings

Regular Press Briefing by Spokesperson Lee Ha-na (October 2, 2031)

Date
2031-10-02
Hit
120

1. Visit of the Foreign Minister to Chile

We hope that the visit will open a new chapter in relations with Chile. I believe the two countries can do more.

Q: What is the government's position on the fishing dispute?

A: We urge all parties to exercise restraint.
"""


def test_we_in_a_briefing_of_the_home_spokesperson_is_the_home_economy(nlp) -> None:
    (cdoc,) = clean_bytes("b.txt", BRIEFING.encode())
    (result,) = extract_all(nlp, [cdoc])
    got = {(c.speaker_kind, c.speaker_id, c.cue) for c in result.claims}
    assert ("economy", "KOR", "hope") in got
    assert ("economy", "KOR", "urge") in got
