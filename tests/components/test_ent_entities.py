"""Entities on the seed and on short MOFA-style texts with other names and countries."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.models import DocResult
from tests.components.ent_helpers import run_text


def _run(nlp, text: str, published: dt.date = dt.date(2025, 7, 15)) -> DocResult:
    return run_text(nlp, text, published, "dtest")


def _people(result: DocResult) -> dict:
    return {p.name: p for p in result.people}


# -- the seed -------------------------------------------------------------------------------------------------

def test_seed_people_with_titles_and_economies(seed_result):
    people = _people(seed_result)
    assert set(people) == {"Cho Tae-yul", "Cheong Inkyo", "Elmer Schialer", "Desilú León"}
    assert (people["Cho Tae-yul"].family_name, people["Cho Tae-yul"].given_name) == ("Cho", "Tae-yul")
    assert (people["Desilú León"].family_name, people["Desilú León"].given_name) == ("León", "Desilú")
    assert people["Cheong Inkyo"].titles == ["Minister for Trade"]
    assert people["Desilú León"].titles == ["Minister of Foreign Trade and Tourism"]
    assert people["Elmer Schialer"].economy == "PER"
    assert people["Cho Tae-yul"].economy == "KOR"


def test_seed_short_forms_resolve(seed_result):
    by_text = {(m.text, m.entity_id) for m in seed_result.mentions if m.kind == "person"}
    assert ("Foreign Minister Cho", "person:cho-tae-yul") in by_text
    assert ("The Foreign Minister", "person:cho-tae-yul") in by_text
    assert ("Trade Minister Cheong", "person:cheong-inkyo") in by_text
    person_texts = {m.text for m in seed_result.mentions if m.kind == "person"}
    for wrong in ("APEC Ministerial Meeting", "AMM", "Brunei Darussalam", "Trade"):
        assert wrong not in person_texts


def test_seed_economies(seed_result):
    ids = {e.economy_id for e in seed_result.economies}
    assert {"TWN", "HKG", "BRN", "VNM", "PRK", "UKR", "KOR", "USA", "PER"} <= ids
    assert "CHN" in ids and len(ids) == 23
    names = {e.economy_id: e for e in seed_result.economies}
    assert names["TWN"].name == "Chinese Taipei" and names["TWN"].apec_member
    assert not names["UKR"].apec_member
    locations = {m.text for m in seed_result.mentions if m.kind == "location"}
    assert {"Lima", "Korean Peninsula"} <= locations


def test_seed_organizations(seed_result):
    orgs = {o.name: o.acronym for o in seed_result.organizations}
    assert orgs == {"Asia-Pacific Economic Cooperation": "APEC", "International Labour Organization": "ILO",
                    "World Trade Organization": "WTO", "United Nations Security Council": "UNSC"}


def test_seed_initiatives_and_links(seed_result):
    names = {i.name for i in seed_result.initiatives}
    assert {"Digital Platform Government", "Digital Innovation Sub-Fund", "Food Security Roadmap Towards 2030",
            "Carbon-Free Energy Initiative", "Free Trade Area of the Asia Pacific"} <= names
    assert not any(n in names for n in ("Connect", "Innovate", "Prosper"))
    links = {(link.initiative_id.split(":")[1], link.economy_id, link.role) for link in seed_result.initiative_links}
    assert ("carbon-free-energy-initiative", "KOR", "lead") in links
    assert ("digital-innovation-sub-fund", "KOR", "lead") in links
    endorsers = {e for i, e, r in links if i == "carbon-free-energy-initiative" and r == "endorse"}
    assert endorsers == {"USA", "IDN", "THA", "PHL", "SGP", "RUS", "CHL", "PNG", "TWN"}
    assert not any(i.startswith("food-security") for i, _, _ in links)


def test_seed_events(seed_result):
    events = {e.name: e for e in seed_result.events}
    amm = events["APEC Ministerial Meeting"]
    assert (amm.acronym, amm.ordinal, amm.location, amm.economy_id) == ("AMM", 35, "Lima", "PER")
    assert events["APEC Energy Ministerial Meeting"].date == "2024-08"
    assert events["APEC Digital Ministers’ Meeting"].economy_id == "KOR"
    assert "APEC Economic Leaders’ Meeting" in events


# -- other releases, other people -----------------------------------------------------------------------------

def test_bilateral_talks(nlp):
    r = _run(nlp, "Minister of Foreign Affairs Park Jin held talks with U.S. Secretary of State Antony Blinken "
                  "in Washington on March 3. Minister Park said that the ROK-U.S. alliance is stronger than ever.")
    people = _people(r)
    assert set(people) == {"Park Jin", "Antony Blinken"}
    assert people["Antony Blinken"].economy == "USA" and people["Antony Blinken"].family_name == "Blinken"
    assert people["Park Jin"].economy == "KOR"
    assert {e.economy_id for e in r.economies} == {"KOR", "USA"}
    assert ("Minister Park", "person:park-jin") in {(m.text, m.entity_id) for m in r.mentions}


def test_family_first_names_and_descriptors(nlp):
    r = _run(nlp, "Foreign Minister Motegi Toshimitsu of Japan met Vice Minister Kim Hong-kyun. "
                  "The Vice Minister urged the DPRK to stop.")
    people = _people(r)
    assert people["Motegi Toshimitsu"].family_name == "Motegi" and people["Motegi Toshimitsu"].economy == "JPN"
    assert people["Kim Hong-kyun"].given_name == "Hong-kyun" and people["Kim Hong-kyun"].economy == "KOR"
    assert ("The Vice Minister", "person:kim-hong-kyun") in {(m.text, m.entity_id) for m in r.mentions}


def test_spokesperson_and_adjectives(nlp):
    r = _run(nlp, "Spokesperson and Deputy Minister for Public Affairs Lee Jae-woong said that Viet Nam and the "
                  "Korean government agreed. Chinese and Japanese counterparts attended.")
    (lee,) = r.people
    assert lee.titles == ["Spokesperson and Deputy Minister for Public Affairs"] and lee.family_name == "Lee"
    assert {e.economy_id for e in r.economies} == {"VNM", "KOR", "CHN", "JPN"}


def test_event_with_place_and_date(nlp):
    r = _run(nlp, "Minister Cho will attend the 2025 ASEAN Regional Forum (ARF) in Kuala Lumpur, Malaysia, on "
                  "July 11. The ARF brings together foreign ministers.")
    (arf,) = r.events
    assert (arf.name, arf.acronym, arf.date, arf.location, arf.economy_id) == (
        "ASEAN Regional Forum", "ARF", "2025-07-11", "Kuala Lumpur", "MYS")
    assert "ARF" not in {o.name for o in r.organizations}


@pytest.mark.parametrize("text,expected", [
    ("The Korean government will provide humanitarian aid to the Ukrainian people through the World Food "
     "Programme (WFP) and the United Nations Office for the Coordination of Humanitarian Affairs (OCHA).",
     {"World Food Programme", "United Nations Office for the Coordination of Humanitarian Affairs"}),
])
def test_humanitarian_orgs(nlp, text, expected):
    r = _run(nlp, text)
    assert {o.name for o in r.organizations} == expected
    assert {e.economy_id for e in r.economies} == {"KOR", "UKR"}


def test_appointment_and_org_titles(nlp):
    r = _run(nlp, "Kim Sung-han, former Deputy Minister for Economic Affairs, was appointed. UN Secretary-General "
                  "Antonio Guterres praised the Korea-Japan Foreign Ministers’ Meeting held from July 22 to 23.")
    people = _people(r)
    assert people["Kim Sung-han"].titles == ["former Deputy Minister for Economic Affairs"]
    assert people["Antonio Guterres"].economy is None
    (meeting,) = r.events
    assert meeting.date == "2025-07-22"
