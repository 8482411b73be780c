"""Events as any release names them: a numbered lower-case meeting of capitalised participants, a person's name
inside a forum's name, a possessive inside a complement, a ceremony of a named agreement, 'the Nth round of',
a trip's destination for the event, a city-state as the place, a bare time phrase. Invented sentences (other
names, countries and years than the real pages); each states what must and what must not appear."""

from __future__ import annotations

import datetime as dt

from schemas.models import DocResult
from tests.components.ent_helpers import run_text


def _events(nlp, text: str) -> dict[str, tuple]:
    r: DocResult = run_text(nlp, text, dt.date(2027, 3, 10), "devgen")
    return {e.name: (e.ordinal, e.date, e.location, e.economy_id) for e in r.events}


def test_numbered_lower_case_meeting_of_participants(nlp):
    ev = _events(nlp, "The 2019 meeting of Heads of Mission will take place from June 3 through June 5.")
    assert ev["meeting of Heads of Mission"][1] == "2019-06-03"
    ev = _events(nlp, "Spain hosted the second meeting of Foreign Ministers in Madrid on May 3.")
    assert ev["meeting of Foreign Ministers"][:3] == (2, "2027-05-03", "Madrid")
    # no number: a common noun, no event; a body's session stays the body's event
    assert "meeting of Foreign Ministers" not in _events(nlp, "A meeting of Foreign Ministers is useful.")
    ev = _events(nlp, "The 61st session of the Human Rights Council opened in Geneva.")
    assert not any(name.startswith("session of") for name in ev)


def test_person_and_possessive_inside_a_forum_name(nlp):
    ev = _events(nlp, "The Minister spoke at the “Sogang-Moon Jae-in Forum on Asia's Tomorrow” on April 8.")
    assert "Sogang-Moon Jae-in Forum on Asia's Tomorrow" in ev
    ev = _events(nlp, "She attended the Symposium on the Region's Water Security in Lima on May 2.")
    assert ev["Symposium on the Region's Water Security"][2] == "Lima"
    # a hyphenated participle is no given name: 'the EU-led Forum' is named without it
    ev = _events(nlp, "Ministers met at the EU-led Forum on Climate Finance in Brussels.")
    assert "Forum on Climate Finance" in ev and not any("led" in name for name in ev)


def test_ceremony_of_a_named_agreement(nlp):
    ev = _events(nlp, "Vice Minister Han attended the signing ceremony of the Korea-Ecuador Strategic Economic "
                      "Cooperation Agreement in Quito on July 9.")
    assert ev["signing ceremony of the Korea-Ecuador Strategic Economic Cooperation Agreement"][1:3] == (
        "2027-07-09", "Quito")
    # a ceremony of no named thing is no event
    assert not any("ceremony" in n for n in _events(nlp, "He attended the signing ceremony in Quito on July 9."))


def test_ordinal_of_a_round_and_a_bare_time_phrase(nlp):
    ev = _events(nlp, "The 9th round of Korea-Peru policy consultations was held in Lima on April 4.")
    assert ev["Korea-Peru policy consultations"][0] == 9
    ev = _events(nlp, "The 4th Korea-Nordic Foreign Ministers' Meeting will take place in Oslo next year.")
    assert ev["Korea-Nordic Foreign Ministers' Meeting"][:3] == (4, "2028", "Oslo")


def test_trip_destination_and_city_state(nlp):
    ev = _events(nlp, "Delegates are arriving in Monaco for the Blue Economy Forum.")
    assert ev["Blue Economy Forum"][2:] == ("Monaco", "MCO")
    ev = _events(nlp, "Minister Ito travelled to Canberra for the Pacific Islands Leaders' Meeting.")
    assert ev["Pacific Islands Leaders' Meeting"][2:] == ("Canberra", "AUS")
