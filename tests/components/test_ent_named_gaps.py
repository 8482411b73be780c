"""Named events and initiatives: compound economy prefixes, long names with "to X and the Y" tails, meeting
heads that follow a policy word, details stated in a later sentence or by a travel verb, the first ordinal,
coordinated events, and lead links of names that open with one economy or a bilateral pair. Invented
sentences (other countries and years than the gold files); each case states what must and must not appear."""

from __future__ import annotations

import datetime as dt

from schemas.models import DocResult
from tests.components.ent_helpers import run_text


def _run(nlp, text: str) -> DocResult:
    return run_text(nlp, text, dt.date(2026, 2, 20), "dnamed")


def _events(r: DocResult) -> dict[str, tuple]:
    return {e.name: (e.ordinal, e.date, e.location, e.economy_id) for e in r.events}


def _links(r: DocResult) -> set[tuple[str, str, str]]:
    names = {i.initiative_id: i.name for i in r.initiatives}
    return {(names[link.initiative_id], link.economy_id, link.role) for link in r.initiative_links}


def test_compound_economy_prefix_is_kept(nlp):
    r = _run(nlp, "The minister presented the Korea-Pacific Islands Ocean Resilience Initiative and the "
                  "Korea-Central Asia Critical Minerals Partnership.")
    names = {i.name for i in r.initiatives}
    assert names == {"Korea-Pacific Islands Ocean Resilience Initiative",
                     "Korea-Central Asia Critical Minerals Partnership"}


def test_long_event_name_with_to_and_the_tail(nlp):
    r = _run(nlp, "Germany will host the International Conference on Reconstruction and Recovery of Gaza and the "
                  "Palestinian People in Berlin on March 9.")
    assert _events(r) == {"International Conference on Reconstruction and Recovery of Gaza and the Palestinian "
                          "People": (None, "2026-03-09", "Berlin", "DEU")}
    r = _run(nlp, "Italy will host the International Conference on Support to Kyiv and the Ukrainian People in "
                  "Rome on March 9.")
    assert _events(r) == {"International Conference on Support to Kyiv and the Ukrainian People":
                          (None, "2026-03-09", "Rome", "ITA")}


def test_tail_stops_before_a_common_noun_phrase(nlp):
    r = _run(nlp, "The Forum on Energy Security will deliver aid to the Ukrainian government.")
    assert {e.name for e in r.events} == {"Forum on Energy Security"}


def test_policy_consultation_is_an_event_not_an_initiative(nlp):
    r = _run(nlp, "Deputy Minister Kang Min-ho will visit Lima to attend the 4th Korea-Peru Vice Ministerial Policy "
                  "Consultation. The consultation will be held in Lima on March 12.")
    assert r.initiatives == []
    assert _events(r) == {"Korea-Peru Vice Ministerial Policy Consultation": (4, "2026-03-12", "Lima", "PER")}


def test_meeting_heads_are_events(nlp):
    r = _run(nlp, "Korea and Chile held the 2nd Korea-Chile Strategic Dialogue and the Korea-Chile Business Forum "
                  "in Santiago on February 10. The Korea-Egypt Joint Commission met in Cairo.")
    assert r.initiatives == []
    events = _events(r)
    assert events["Korea-Chile Strategic Dialogue"] == (2, "2026-02-10", "Santiago", "CHL")
    assert events["Korea-Chile Business Forum"] == (None, "2026-02-10", "Santiago", "CHL")
    assert events["Korea-Egypt Joint Commission"][2:] == ("Cairo", "EGY")


def test_first_ordinal_is_kept(nlp):
    r = _run(nlp, "The 21st Korea-Thailand Joint Committee was held in Bangkok on February 3. The two sides agreed "
                  "to hold the 22nd Korea-Thailand Joint Committee in Seoul next year.")
    assert _events(r) == {"Korea-Thailand Joint Committee": (21, "2026-02-03", "Bangkok", "THA")}


def test_name_opening_with_an_economy_leads(nlp):
    r = _run(nlp, "The minister welcomed Rwanda Vision 2050 and Japan’s Free and Open Indo-Pacific, and explained "
                  "the Korea-ASEAN Digital Partnership.")
    links = _links(r)
    assert ("Rwanda Vision 2050", "RWA", "lead") in links
    assert ("Free and Open Indo-Pacific", "JPN", "lead") in links
    assert not any(name == "Korea-ASEAN Digital Partnership" for name, _, _ in links)


def test_bilateral_partnership_launched_by_both(nlp):
    r = _run(nlp, "Korea and Canada agreed to launch the Korea-Canada Clean Energy Partnership. The two countries "
                  "also launched the Korea-Canada Arctic Research Initiative on February 12.")
    links = _links(r)
    for name in ("Korea-Canada Clean Energy Partnership", "Korea-Canada Arctic Research Initiative"):
        assert {(name, "KOR", "lead"), (name, "CAN", "lead")} <= links
    assert {i.name for i in r.initiatives} == {"Korea-Canada Clean Energy Partnership",
                                               "Korea-Canada Arctic Research Initiative"}


def test_bilateral_name_merely_mentioned_has_no_lead(nlp):
    r = _run(nlp, "The minister noted the progress of the Korea-Canada Clean Energy Partnership.")
    assert r.initiative_links == []


def test_earlier_event_phrases_stay_its_own(nlp):
    r = _run(nlp, "Minister Yoo will attend the 5th Korea-Nordic Foreign Ministers’ Meeting in Oslo on March 4 and "
                  "the Korea-Norway Business Forum.")
    events = _events(r)
    assert events["Korea-Nordic Foreign Ministers’ Meeting"] == (5, "2026-03-04", "Oslo", "NOR")
    assert events["Korea-Norway Business Forum"][0] is None  # no ordinal of the meeting before it
    assert events["Korea-Norway Business Forum"][2] is None  # "in Oslo" belongs to the meeting
