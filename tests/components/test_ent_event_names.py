"""Event names as unseen releases and news write them: a duration before a head-first name, a regional theme
after its complement, a party's acronym inside the name, a lower-case participants' possessive, a weekday
alone as the date. Invented sentences (other names, places and years than any test set)."""

from __future__ import annotations

import datetime as dt

from pipeline.components.ent_dates import find_dates
from schemas.models import DocResult
from tests.components.ent_helpers import run_text


def _run(nlp, text: str) -> DocResult:
    return run_text(nlp, text, dt.date(2027, 5, 12), "devname")


def _events(r: DocResult) -> dict[str, tuple]:
    return {e.name: (e.ordinal, e.date, e.location) for e in r.events}


def test_duration_before_a_head_first_name(nlp):
    r = _run(nlp, "Vice Minister Han Ji-woo will attend the three-day Symposium on Water Security in Dakar.")
    assert "Symposium on Water Security" in _events(r)
    r = _run(nlp, "Minister Lee joined a two-day Conference on Cyber Resilience hosted by Estonia.")
    assert "Conference on Cyber Resilience" in _events(r)


def test_regional_theme_after_the_complement_is_part_of_the_name(nlp):
    r = _run(nlp, "Minister Oh attended the Forum on Maritime Order in the Indian Ocean in Colombo on June 3.")
    events = _events(r)
    assert "Forum on Maritime Order in the Indian Ocean" in events
    assert events["Forum on Maritime Order in the Indian Ocean"][2] == "Colombo"


def test_a_state_after_in_the_is_the_venue_not_the_theme(nlp):
    r = _run(nlp, "The Minister attended the Conference on Disaster Relief in the Philippines on March 8.")
    assert "Conference on Disaster Relief" in _events(r)
    assert not any("Philippines" in name for name in _events(r))


def test_acronym_of_a_party_inside_the_name(nlp):
    r = _run(nlp, "The second Korea-Pacific Islands Forum (PIF) Foreign Ministers' Meeting took place in Suva.")
    events = _events(r)
    assert "Korea-Pacific Islands Forum Foreign Ministers' Meeting" in events
    assert "Foreign Ministers' Meeting" not in events


def test_lower_case_possessive_of_the_participants(nlp):
    r = _run(nlp, "Minister Yoo attended the Korea-Peru-Chile foreign ministers' meeting in Lima on April 20.")
    assert _events(r)["Korea-Peru-Chile foreign ministers' meeting"][1:] == ("2027-04-20", "Lima")


def test_weekday_alone_resolves_within_the_week():
    published = dt.date(2027, 5, 12)  # a Wednesday
    ahead = find_dates("The summit is scheduled to open on Saturday in Hanoi.", published)
    assert [d.iso for d in ahead] == ["2027-05-15"]
    back = find_dates("The envoy said on Monday that talks would resume.", published)
    assert [d.iso for d in back] == ["2027-05-10"]
    nxt = find_dates("Officials will meet next Tuesday.", published)
    assert [d.iso for d in nxt] == ["2027-05-18"]
    assert [d.iso for d in find_dates("on Friday, May 7", published)] == ["2027-05-07"]
