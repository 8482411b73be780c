"""Generic gaps of a second blind evaluation: two offices joined by "and" before one name, initiative leads stated
by a possessive beating a name that opens with an economy, gazetteer organisations over initiative readings,
name + year initiatives, and events versus capitalised phrases and organs of a body. Invented sentences (other
names and countries than any test set); each case states what must and what must not appear."""

from __future__ import annotations

import datetime as dt

from schemas.models import DocResult
from tests.components.ent_helpers import run_text


def _run(nlp, text: str) -> DocResult:
    return run_text(nlp, text, dt.date(2028, 5, 10), "dblind2")


def _leads(r: DocResult) -> dict[str, set[str]]:
    names = {i.initiative_id: i.name for i in r.initiatives}
    out: dict[str, set[str]] = {name: set() for name in names.values()}
    for link in r.initiative_links:
        if link.role == "lead":
            out[names[link.initiative_id]].add(link.economy_id)
    return out


# -- 1. two offices joined by "and" -------------------------------------------------------------------------------

def test_two_offices_before_one_name(nlp):
    r = _run(nlp, "Minister of Foreign Affairs Han Seo-jin held talks with First Deputy Prime Minister and Minister "
                  "of Foreign Affairs Ivana Kovarova of Slovakia in Seoul on May 3. Deputy Prime Minister Kovarova "
                  "thanked Korea. Minister Han said Minister Kovarova was welcome. The Slovak Minister hoped for "
                  "closer ties.")
    people = {p.name: p for p in r.people}
    iv = people["Ivana Kovarova"]
    assert iv.titles == ["First Deputy Prime Minister", "Minister of Foreign Affairs"]
    assert (iv.family_name, iv.given_name, iv.economy) == ("Kovarova", "Ivana", "SVK")
    assert "Kovarova" not in people
    names = {p.person_id: p.name for p in r.people}
    ment = {m.text: names[m.entity_id] for m in r.mentions if m.kind == "person"}
    for short in ("Deputy Prime Minister Kovarova", "Minister Kovarova", "The Slovak Minister"):
        assert ment[short] == "Ivana Kovarova"
    assert ment["Minister Han"] == "Han Seo-jin"


def test_bare_head_and_office_stay_one_title(nlp):
    r = _run(nlp, "Spokesperson and Deputy Minister for Public Affairs Yoon Ha-neul said that the ministry "
                  "welcomes the decision.")
    assert {p.name: p.titles for p in r.people}["Yoon Ha-neul"] == ["Spokesperson and Deputy Minister for Public "
                                                                    "Affairs"]


# -- 2. initiative leads --------------------------------------------------------------------------------------------

def test_possessive_lead_beats_economy_opening_the_name(nlp):
    r = _run(nlp, "Minister Han explained Korea's Sudan Recovery and Resilience Initiative. The two ministers "
                  "welcomed the Korea-Slovakia Youth Mobility Agreement and the Korea-Peru Free Trade Agreement. "
                  "Ghana Vision 2040 was also discussed.")
    leads = _leads(r)
    assert leads["Sudan Recovery and Resilience Initiative"] == {"KOR"}
    assert leads["Korea-Slovakia Youth Mobility Agreement"] == set()
    assert leads["Korea-Peru Free Trade Agreement"] == set()
    assert leads["Ghana Vision 2040"] == {"GHA"}


# -- 3. gazetteer bodies over initiative readings; name + year ----------------------------------------------------

def test_gazetteer_body_is_no_initiative_and_year_names_are(nlp):
    r = _run(nlp, "The ministers discussed cooperation with the North Atlantic Treaty Organization (NATO), the "
                  "African Union's Agenda 2063 and Egypt's Vision 2030. Both sides support Agenda 2030.")
    inits = {i.name for i in r.initiatives}
    assert {"Agenda 2063", "Agenda 2030"} <= inits
    assert any(n.endswith("Vision 2030") for n in inits)
    assert "North Atlantic Treaty" not in inits and not any("Treaty" in n for n in inits)
    assert "North Atlantic Treaty Organization" in {o.name for o in r.organizations}


# -- 4. events versus capitalised phrases and organs of a body ----------------------------------------------------

def test_numbered_meeting_is_an_event_organs_and_common_phrases_are_not(nlp):
    r = _run(nlp, "Minister Han attended the 3rd Korea-Caribbean Foreign Ministers' Meeting in Seoul on June 4. "
                  "The next Korea-Caribbean Foreign Ministers' Meeting will be held in Kingston. He met the "
                  "Chairperson of the AU Commission. Next Meeting participants welcomed the outcome.")
    events = {e.name: e for e in r.events}
    assert events["Korea-Caribbean Foreign Ministers' Meeting"].ordinal == 3
    assert "Next Meeting" not in events and "AU Commission" not in events
    assert len(r.events) == 1
