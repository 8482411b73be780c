"""Organisations on real-page shapes: bodies named by a head noun beyond any list (ministries with listed
portfolios, a state's department, embassy or coast guard, media and clubs), one id per economy and organ, and
what is no organisation (plural kinds of bodies, office holders, words run together, a bullet glued to a name).
Invented sentences; each case states what must and must not appear."""

from __future__ import annotations

import datetime as dt

from pipeline.tools import evaluate as ev
from schemas.models import DocResult
from tests.components.ent_helpers import run_text


def _run(nlp, text: str, title: str | None = None) -> DocResult:
    return run_text(nlp, text, dt.date(2021, 5, 4), "dorgsreal", title=title)


def _org_texts(r: DocResult) -> set[str]:
    return {m.text for m in r.mentions if m.kind == "organization"}


def test_ministries_with_listed_portfolios(nlp):
    r = _run(nlp, "The Ministry of Agriculture, Food, and Rural Affairs and the Ministry of Gender Equality and "
                  "Family joined the Ministry of Unification, the Ministry of Health and Welfare.")
    assert {"Ministry of Agriculture, Food, and Rural Affairs", "Ministry of Gender Equality and Family",
            "Ministry of Unification", "Ministry of Health and Welfare"} <= _org_texts(r)


def test_a_states_organs_keep_their_economy(nlp):
    r = _run(nlp, "Officials of the U.S. Department of Energy and the Japan Coast Guard met. The Foreign "
                  "Ministry welcomed it.")
    assert {"U.S. Department of Energy", "Japan Coast Guard"} <= _org_texts(r)
    assert {"USA", "JPN"} <= {m.entity_id for m in r.mentions if m.kind == "economy"}
    assert "Foreign Ministry" not in _org_texts(r)  # no particular body named


def test_one_id_per_economy_and_organ(nlp):
    r = _run(nlp, "The Embassy of the Republic of Korea in Nairobi donated tents. The Korean Embassy said more "
                  "aid would follow. The Uganda Red Cross Society thanked the Red Cross Society of Uganda's donors.")
    embassy = {m.entity_id for m in r.mentions if m.kind == "organization" and "Embassy" in m.text}
    red_cross = {m.entity_id for m in r.mentions if m.kind == "organization" and "Red Cross" in m.text}
    assert len(embassy) == 1 and len(red_cross) == 1


def test_media_clubs_and_named_kinds(nlp):
    r = _run(nlp, "The minister met a delegation from The Boston Herald and members of the Busan Foreign Press "
                  "Club. He later gave an interview to the weekly magazine Der Spiegel.")
    assert {"Boston Herald", "Busan Foreign Press Club", "Der Spiegel"} <= _org_texts(r)


def test_kinds_of_bodies_and_office_holders_are_no_organisations(nlp):
    r = _run(nlp, "The two Foreign Ministries will meet. The Heads of Overseas Diplomatic Missions and the "
                  "Consuls-General gathered with members of the Diplomatic Corps, and the Corps thanked them.")
    assert not {"Foreign Ministries", "Heads of Overseas Diplomatic Missions", "Consuls-General",
                "Diplomatic Corps", "Corps"} & _org_texts(r)


def test_bullets_and_joined_words(nlp):
    r = _run(nlp, "Participants: ▴Ministry of Environment, ▴Korea Forest Service. He spoke with SecretaryBlinken "
                  "of the UnitedStates.")
    texts = _org_texts(r)
    assert "Ministry of Environment" in texts and not any(t.startswith("▴") for t in texts)
    assert not {"SecretaryBlinken", "UnitedStates"} & texts


def test_an_offices_portfolio_is_no_organisation(nlp):
    r = _run(nlp, "Kim Min-ho, Vice Mayor for Economic Affairs of Incheon, attended.")
    assert "Economic Affairs" not in _org_texts(r)


def test_evaluation_reads_the_form_written_in_the_document():
    """The table holds the canonical name; the gold the page's form: a mention text matches too."""
    pred = {"name": "United Nations Security Council", "acronym": "UNSC", "_texts": ["UN Security Council"]}
    assert ev._keys(pred, ev.norm_name) & ev._keys({"name": "UN Security Council"}, ev.norm_name)
    assert not ev._keys({"name": "Security Council"}, ev.norm_name) & ev._keys(
        {"name": "National Security Council"}, ev.norm_name)


def test_an_acronym_the_document_defines_otherwise_is_not_the_gazetteers(nlp):
    r = _run(nlp, "The minister will attend the World Forum on Oceans (WHO) in Lisbon. The WHO will open on May 5.")
    ids = {m.entity_id for m in r.mentions if m.kind == "organization"}
    assert not any("world-health" in i for i in ids)
    r = _run(nlp, "The minister met the head of the World Health Organization (WHO). The WHO praised Korea.")
    assert any("world-health" in m.entity_id for m in r.mentions if m.kind == "organization" and m.text == "WHO")


def test_an_ordinal_word_is_no_organisation(nlp):
    r = _run(nlp, "The Foreign Ministry will hold the Seventh Cooperation Forum in Bishkek on October 4.")
    assert "Seventh" not in _org_texts(r)


def test_title_case_headline_words_are_no_organisation_unless_the_body_writes_them(nlp):
    r = _run(nlp, "The government strongly condemns the attacks in the city.",
             title="Spokesperson's Commentary on the Terrorist Attacks in Baghdad")
    assert "Terrorist Attacks" not in _org_texts(r)
    r = _run(nlp, "The Asan Institute hosted the forum on Monday.", title="Minister Speaks at Asan Institute")
    assert _org_texts(r) >= {"Asan Institute"}
