"""Claims recall on news forms, with invented sentences (other names, states, years and word orders than the real
news): a trailing "according to X" after a cue verb is X's report of that claim (both claims, the source outside
the content), and a group of people agreeing in a reported clause ("X met ... and agreed ..., an official said")
is a claim of that group as well as the reporter's; a state inside someone's statement stays the statement's, unless
the state itself speaks in it ("Japan explained to us that ...")."""

from __future__ import annotations

from tests.components.claim_helpers import parse

P_DIAZ = ("person", "person:ana-diaz")
P_OKAFOR = ("person", "person:john-okafor")


def _claims(doc) -> list[tuple[str, str | None, str, str]]:
    return [(c.speaker_kind, c.speaker_id or c.speaker_text, c.cue, c.content) for c in doc._.mofa_claims]


def test_trailing_according_to_after_a_cue_is_the_source_of_that_claim(nlp) -> None:
    doc = parse(nlp, "Minister Diaz stressed the need for dialogue with Lima, according to a government official.",
                {"Minister Diaz": P_DIAZ, "Lima": ("location", "loc:lima")})
    got = _claims(doc)
    assert ("person", "person:ana-diaz", "stress", "the need for dialogue with Lima") in got
    source = [c for c in got if c[2] == "according to"]
    assert len(source) == 1 and source[0][3].startswith("Minister Diaz stressed")


def test_trailing_according_to_an_organisation_after_a_commitment(nlp) -> None:
    doc = parse(nlp, "In 2031 the two ministers pledged to expand trade ties, according to the Trade Ministry.",
                {"the Trade Ministry": ("organization", "org:trade-ministry")})
    got = _claims(doc)
    assert any(c[2] == "pledge" and c[3] == "expand trade ties" for c in got)  # the source is not content
    assert any(c[:3] == ("organization", "org:trade-ministry", "according to") for c in got)


def test_according_to_before_the_clause_is_unchanged(nlp) -> None:
    doc = parse(nlp, "According to Okafor, the delegation will return to Accra next week.",
                {"Okafor": P_OKAFOR, "Accra": ("location", "loc:accra")})
    assert [c[:3] for c in _claims(doc)] == [("person", "person:john-okafor", "according to")]


def test_group_agreeing_in_a_reported_conjunct_speaks_too(nlp) -> None:
    doc = parse(nlp, "The foreign ministers of Chile and Peru met in Lima on Monday and agreed to continue "
                     "cooperation on fisheries, a Chilean official said.",
                {"Chile": ("economy", "CHL"), "Peru": ("economy", "PER"), "Lima": ("location", "loc:lima")})
    cues = {(c[0], c[2]) for c in _claims(doc)}
    assert ("collective", "say") in cues
    assert ("collective", "agree") in cues


def test_reported_group_with_its_own_subject_is_kept(nlp) -> None:
    doc = parse(nlp, "The spokesman said the envoys of both countries reaffirmed their support for the ceasefire.",
                {})
    cues = [c[2] for c in _claims(doc)]
    assert "say" in cues and "reaffirm" in cues


def test_state_inside_a_statement_stays_the_statements(nlp) -> None:
    doc = parse(nlp, "Okafor said Ghana supports the new resolution on maritime safety.",
                {"Okafor": P_OKAFOR, "Ghana": ("economy", "GHA")})
    assert [c[:3] for c in _claims(doc)] == [("person", "person:john-okafor", "say")]


def test_pronoun_in_a_reported_conjunct_is_no_second_speaker(nlp) -> None:
    doc = parse(nlp, "Okafor said they met in Abuja and agreed to resume the talks.",
                {"Okafor": P_OKAFOR, "Abuja": ("location", "loc:abuja")})
    assert [c[:3] for c in _claims(doc)] == [("person", "person:john-okafor", "say")]


def test_state_speaking_inside_a_quoted_report_is_its_claim_too(nlp) -> None:
    doc = parse(nlp, "\u201cBrazil explained to us that the delay of the envoy's return was technical,\u201d said a "
                     "senior government official.",
                {"Brazil": ("economy", "BRA")})
    got = [(c[0], c[2]) for c in _claims(doc)]
    assert ("economy", "explain") in got and ("collective", "say") in got


def test_state_telling_in_an_indirect_report_is_its_claim_too(nlp) -> None:
    doc = parse(nlp, "Okafor said Nigeria told the council that it would send more observers in 2032.",
                {"Okafor": P_OKAFOR, "Nigeria": ("economy", "NGA")})
    got = [(c[0], c[2]) for c in _claims(doc)]
    assert ("person", "say") in got and ("economy", "tell") in got
