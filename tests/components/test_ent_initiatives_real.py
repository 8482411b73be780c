"""Initiatives as real releases write them: free-trade agreements named by their acronym ('Korea-Chile FTA', a
short form with its expansion in parentheses), names with comma lists, quoted names with their short form or
before a lower-case head, plans and funds in lower case after a compound of economies, coordinated names that
share a plural head, a person's name opening a name; and what only looks like one (a portfolio in an office's
title, a headline's passive verb, a bare head, a quoted meeting). Invented sentences (other countries, names and
programmes than the real pages)."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.models import DocResult
from tests.components.ent_helpers import run_text

PUBLISHED = dt.date(2024, 5, 2)


@pytest.fixture(scope="module")
def run(nlp):
    def go(text: str, title: str | None = None) -> DocResult:
        return run_text(nlp, text, PUBLISHED, title=title)
    return go


def _names(r: DocResult) -> set[str]:
    return {i.name for i in r.initiatives}


def _links(r: DocResult) -> set[tuple[str, str, str]]:
    names = {i.initiative_id: i.name for i in r.initiatives}
    return {(names[link.initiative_id], link.economy_id, link.role) for link in r.initiative_links}


def _mention_ids(r: DocResult) -> set[str]:
    return {m.entity_id for m in r.mentions if m.kind == "initiative"}


# ------------------------------------------------------------------------------------ free-trade agreements


def test_an_fta_after_a_compound_or_a_short_form_is_an_initiative(run):
    r = run("The two ministers welcomed the entry into force of the Korea-Chile FTA last year. "
            "They also discussed the KORCAN FTA and the FTA with Peru.")
    assert _names(r) == {"Korea-Chile FTA", "KORCAN FTA"}  # a bare "the FTA" names no particular agreement


def test_a_short_form_with_its_expansion_in_parentheses_is_one_initiative(run):
    r = run("The Ministry will seek solutions concerning the KORCHI (Republic of Korea-Chile) FTA. "
            "The KORCHI FTA entered into force in 2004.")
    assert [(i.name, i.acronym) for i in r.initiatives] == [("Republic of Korea-Chile FTA", "KORCHI FTA")]
    assert len(_mention_ids(r)) == 1


# ------------------------------------------------------------------------------------ names with lists


def test_a_comma_list_closed_by_and_stays_in_the_name(run):
    r = run("The ministers launched the Strategy for a Safe, Green, and Resilient Arctic Region in Oslo.")
    assert _names(r) == {"Strategy for a Safe, Green, and Resilient Arctic Region"}
    r = run("The leaders agreed on the joint vision of “Building Partnership for Growth, Stability and Harmony” "
            "at the summit.")
    assert _names(r) == {"Building Partnership for Growth, Stability and Harmony"}


def test_a_comma_that_lists_economies_ends_the_name(run):
    r = run("The Fund for Growth, Chile and Peru were discussed.")
    assert _names(r) == {"Fund for Growth"}


def test_a_quoted_name_with_its_short_form_is_one_initiative(run):
    r = run("MOFA held a meeting on the “Strategy for an Open and Connected Arctic (Arctic Strategy).” "
            "The implementation of the Arctic Strategy, which the UK announced in May, was reviewed.")
    assert _names(r) == {"Strategy for an Open and Connected Arctic"}
    assert len(_mention_ids(r)) == 1
    assert ("Strategy for an Open and Connected Arctic", "GBR", "lead") in _links(r)


# ------------------------------------------------------------------------------------ lower-case names


def test_plans_and_funds_in_lower_case_after_a_compound_of_economies(run):
    r = run("The ministers adopted the third Korea-Andes action plan and reviewed the Korea-Andes cooperation "
            "fund. They praised the ROK-US alliance.")
    assert _names(r) == {"third Korea-Andes action plan", "Korea-Andes cooperation fund"}


def test_a_quoted_phrase_before_a_lower_case_policy_head_names_it(run):
    r = run("The Canadian government, in pursuing its “pivot to the Arctic” policy, values its partners.")
    assert _names(r) == {"pivot to the Arctic"}
    assert ("pivot to the Arctic", "CAN", "lead") in _links(r)


def test_a_single_quoted_programme_in_title_case(run):
    r = run("The Academy will organize a dialogue programme, ‘Diplomats Meet Writers’ with the Press Club.")
    assert _names(r) == {"Diplomats Meet Writers"}


def test_coordinated_names_share_their_plural_head(run):
    r = run("The Ministry will pursue the Blue and Green Strategies this year.")
    assert _names(r) == {"Blue Strategy", "Green Strategy"}
    # a lower-case word the gazetteer knows with one of the names belongs to both
    r = run("By implementing the new Northern and Arctic Policies, the Ministry will diversify its diplomacy.")
    assert _names(r) == {"New Northern Policy", "New Arctic Policy"}
    r = run("The Korean and Japanese Policies differ.")
    assert not _names(r) & {"Korean Policy", "Japanese Policy"}


def test_a_person_name_opens_a_declaration(run):
    r = run("They marked the anniversary of the Kim Young-sam-Murayama Joint Declaration on Monday.")
    assert _names(r) == {"Kim Young-sam-Murayama Joint Declaration"}


def test_a_gazetteer_acronym_names_its_initiative(run):
    r = run("The Minister expressed the will to contribute to the COVAX AMC.")
    assert [(i.name, i.acronym) for i in r.initiatives] == [("COVAX Advance Market Commitment", "COVAX AMC")]


# ------------------------------------------------------------------------------------ what is no initiative


def test_a_portfolio_in_an_office_title_is_no_initiative(run):
    r = run("Program : Review of progress (Secretary to President for National Water Strategy), Panel discussion. "
            "Special Representative for Arctic Policy Jane Miller visited Seoul.")
    assert _names(r) == set()


def test_a_headline_passive_verb_and_the_owner_end_the_name(run):
    r = run("The government unveiled the plan.", title="Action Plan for Arctic Strategy of Canada Unveiled")
    assert "Action Plan for Arctic Strategy" in _names(r)
    assert ("Action Plan for Arctic Strategy", "CAN", "lead") in _links(r)


def test_a_bare_two_word_head_names_nothing(run):
    r = run("The participants reviewed key elements of the Action Plan on the core lines of efforts.")
    assert _names(r) == set()


def test_a_quoted_meeting_is_no_initiative(run):
    r = run("He came to Seoul to attend the “Hanoi-Lima Forum on the Future of Trade.”")
    assert _names(r) == set()


# ------------------------------------------------------------------------------------ links


def test_the_parties_of_a_compound_adopt_its_plan(run):
    r = run("The ministers discussed cooperation with Andean countries (Peru, Bolivia and Ecuador). "
            "The Foreign Ministers of the two sides adopted the third Korea-Andean action plan at the meeting.")
    assert _links(r) == {("third Korea-Andean action plan", e, "endorse") for e in ("KOR", "PER", "BOL", "ECU")}


def test_both_countries_ratifying_an_fta_are_its_parties(run):
    r = run("Minister Park and Minister Silva welcomed the ratification of the KORCHI FTA by both countries, "
            "which will deepen Korea-Chile ties.")
    assert _links(r) == {("KORCHI FTA", "KOR", "lead"), ("KORCHI FTA", "CHL", "lead")}


def test_coordinated_names_share_their_owner(run):
    r = run("The Blue and Green Strategies are Canada's roadmaps for the Arctic.")
    assert _links(r) == {("Blue Strategy", "CAN", "lead"), ("Green Strategy", "CAN", "lead")}


def test_a_head_followed_by_another_name_word_ends_no_initiative(run):
    r = run("The forum was organized by the Korean Energy Policy Association. "
            "He opposed the deployment of the Medium Range Area Defense system.")
    assert _names(r) == set()
