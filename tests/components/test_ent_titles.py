"""The title parser alone (no names, no document resolution): the grammar of a title, its offices and economy,
and how two titles compare. Invented sentences."""

from __future__ import annotations

import pytest

from pipeline.components.ent_common import DocView
from pipeline.components.ent_lexicon import load_lexicon
from pipeline.components.ent_titles import TitleParser


@pytest.fixture(scope="module")
def parser() -> TitleParser:
    return TitleParser(load_lexicon())


@pytest.fixture(scope="module")
def view(nlp):
    def make(text: str) -> DocView:
        return DocView(nlp(text))
    return make


def test_two_offices_joined_by_and(parser, view):
    doc = view("Deputy Prime Minister and Minister of Foreign Affairs Kim Min-su spoke.")
    title = parser.parse_title(doc, 0, {})
    assert title is not None
    assert doc[title.start:title.end].text == "Deputy Prime Minister and Minister of Foreign Affairs"
    assert title.offices == ["Deputy Prime Minister", "Minister of Foreign Affairs"]
    assert [head for head, _, _ in title.units] == ["Minister", "Minister"]


def test_a_field_phrase_and_the_economy_it_implies(parser, view):
    doc = view("Assistant Secretary of State for East Asian Affairs John Doe arrived.")
    title = parser.parse_title(doc, 0, {})
    assert title is not None and title.text == "Assistant Secretary of State for East Asian Affairs"
    assert title.economy == "USA"
    assert title.strings() == ["Assistant Secretary of State for East Asian Affairs"]


def test_an_envoy_s_economy_counterpart_and_former(parser, view):
    doc = view("He met former U.S. Ambassador to Korea Harry Harris.")
    econ_at = {3: (4, "USA"), 6: (7, "KOR")}
    assert 2 in parser.title_starts(doc, econ_at)
    title = parser.parse_title(doc, 2, econ_at)
    assert title is not None
    assert (title.economy, title.counterpart, title.former) == ("USA", "KOR", True)
    assert title.strings() == ["former Ambassador to Korea"]
    assert parser.parse_title(doc, 2, {}) is None  # without the economy mention "former" opens nothing


def test_a_local_office_ends_at_its_area(parser, view):
    doc = view("Mayor of Busan Park Jin-ho said.")
    title = parser.parse_title(doc, 0, {})
    assert title is not None and doc[title.start:title.end].text == "Mayor of Busan"


def test_no_title_where_no_title_word_opens(parser, view):
    doc = view("The delegation discussed trade.")
    assert parser.title_starts(doc, {}) == []
    assert parser.parse_title(doc, 1, {}) is None


def test_a_short_title_fits_a_full_one_of_the_same_office(parser, view):
    short = parser.parse_title(view("Foreign Minister Cho"), 0, {})
    other = parser.parse_title(view("Trade Minister Cho"), 0, {})
    assert parser.compatible(short, ["Minister of Foreign Affairs"])
    assert not parser.compatible(other, ["Minister of Foreign Affairs"])
    assert parser.compatible(None, [])


def test_a_fuller_title_subsumes_a_short_one(parser):
    assert parser.reduce_titles(["Trade Minister", "Minister for Trade", "Ambassador"]) == \
        ["Minister for Trade", "Ambassador"]
    assert parser.reduce_titles(["former Trade Minister", "Minister for Trade"]) == \
        ["former Trade Minister", "Minister for Trade"]
