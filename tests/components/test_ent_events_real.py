"""Events as real releases write them: relative dates against the publication date, weekdays and clock times
before a date, lower-case meeting words after a compound of economies, word ordinals, one event under several
names, venues and bodies that only look like events, a host read from 'X-hosted' or from the person who hosts,
the city that opens a name. Invented sentences (other countries, cities and years than the real pages)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.components.ent_dates import find_dates
from pipeline.components.ent_lexicon import load_lexicon
from pipeline.components.ent_named import event_aliases, event_head
from schemas.models import DocResult
from tests.components.ent_helpers import run_text

PUBLISHED = dt.date(2026, 3, 13)


def _iso(text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(text[d.start:d.end], d.iso) for d in find_dates(text, published)]


# ------------------------------------------------------------------------------------------- dates (pure)


def test_this_next_last_year_and_month_follow_the_publication_date():
    assert _iso("to be held in December this year") == [("December this year", "2026-12")]  # not 2025
    assert _iso("the forum last year") == [("last year", "2025")]
    assert _iso("will meet again next year") == [("next year", "2027")]
    assert _iso("talks held last month") == [("last month", "2026-02")]
    assert _iso("talks next month", dt.date(2025, 12, 2)) == [("next month", "2026-01")]
    assert _iso("from October 19 to 20 this year") == [("October 19 to 20 this year", "2026-10-19")]
    assert _iso("in May of last year") == [("May of last year", "2025-05")]


def test_a_span_of_time_is_no_date():
    assert _iso("achievements over the past year") == []
    assert _iso("for the last year and the next month") == []


def test_without_a_publication_date_nothing_is_guessed():
    assert _iso("in December this year", None) == []
    assert _iso("on Friday, June 14", None) == []
    assert _iso("next year", None) == []
    assert _iso("on June 14, 2019", None) == [("June 14, 2019", "2019-06-14")]  # a written year needs none


def test_a_weekday_picks_the_year_and_belongs_to_the_date():
    # January 2 was a Friday in 2026, not in 2025 or 2027; the nearest year alone would also say 2026
    assert _iso("on Friday, January 2", dt.date(2025, 12, 20)) == [("Friday, January 2", "2026-01-02")]
    # December 28 was a Monday in 2026 only: the weekday overrides the nearer year (2025)
    assert _iso("on Monday, December 28", dt.date(2026, 3, 1)) == [("Monday, December 28", "2026-12-28")]


def test_a_clock_time_before_the_date_is_part_of_it():
    assert _iso("held by video at 09:00-11:30, March 4") == [("09:00-11:30, March 4", "2026-03-04")]


# --------------------------------------------------------------------------------- names (pure, lexicon)


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_one_event_under_an_economy_form_or_a_defined_acronym(lex):
    assert event_aliases({"a": "Andean-ROK Foreign Ministers' Meeting",
                          "b": "Andean-Republic of Korea Foreign Ministers' Meeting"}, "", lex) == {"a": "b"}
    text = "the 5th Pacific Rim Forum (PRF) Senior Officials' Meeting"
    assert event_aliases({"a": "PRF Senior Officials' Meeting", "b": "Pacific Rim Forum Senior Officials' Meeting"},
                         text, lex) == {"a": "b"}


def test_a_tail_joins_its_only_longer_name(lex):
    assert event_aliases({"a": "Partnership Forum", "b": "Chile-Korea Partnership Forum"}, "", lex) == {"a": "b"}
    # two longer names end so: the short one could be either
    assert event_aliases({"a": "Foreign Ministers' Meeting", "b": "Korea-Chile Foreign Ministers' Meeting",
                          "c": "Korea-Peru Foreign Ministers' Meeting"}, "", lex) == {}
    # a compound that holds another is a different meeting
    assert event_aliases({"a": "Peru-Chile Summit", "b": "Korea-Peru-Chile Summit"}, "", lex) == {}


def test_the_head_of_a_name_with_a_complement(lex):
    assert event_head("Policy Briefing Session for Year 2030", lex) == "session"
    assert event_head("Andean Summit", lex) == "summit"


# ----------------------------------------------------------------------------------- the pipeline (model)


def _run(nlp, text: str, title: str | None = None, published: dt.date = PUBLISHED) -> DocResult:
    return run_text(nlp, text, published, "devents", title=title)


def _events(r: DocResult) -> dict[str, tuple]:
    return {e.name: (e.ordinal, e.date, e.location, e.economy_id) for e in r.events}


@pytest.mark.model
def test_relative_date_of_an_event(nlp):
    r = _run(nlp, "The 9th Korea-Nordic Forum will be held in Oslo in November this year.")
    assert _events(r)["Korea-Nordic Forum"][1] == "2026-11"


@pytest.mark.model
def test_lower_case_meeting_after_a_compound_of_economies(nlp):
    r = _run(nlp, "The Minister explained the plan to hold the 4th ROK-Chile summit meeting and the Peru-Korea "
                  "business forum, as well as the annual business forum and a bilateral meeting.")
    events = _events(r)
    assert events["ROK-Chile summit meeting"][0] == 4
    assert "Peru-Korea business forum" in events
    assert not any("annual" in n or n.startswith("bilateral") for n in events), events


@pytest.mark.model
def test_word_ordinal_and_the_fuller_name_are_one_event(nlp):
    r = _run(nlp, "The Ministry will hold the Ninth Partnership Forum in Santiago, Chile, on October 7.\n\n"
                  "The Chile-Korea Partnership Forum has met every year since 2011.",
             title="Chile and Korea to Hold 9th Partnership Forum")
    assert _events(r) == {"Chile-Korea Partnership Forum": (9, "2026-10-07", "Santiago", "CHL")}
    ids = {m.entity_id for m in r.mentions if m.kind == "event"}
    assert ids == {r.events[0].event_id}


@pytest.mark.model
def test_venues_and_bodies_are_no_events(nlp):
    r = _run(nlp, "The seminar took place in the Grand Conference Room of the ministry. The Vice Minister met a "
                  "delegation from the Canadian National Committee on Pacific Economic Cooperation.")
    assert not any("Conference" in n or "Committee" in n for n in _events(r)), _events(r)


@pytest.mark.model
def test_host_from_a_hosted_compound_and_a_parenthesised_date(nlp):
    r = _run(nlp, "Missiles were launched right before the Chile-hosted Summit on Ocean Governance (May 4) that "
                  "brought leaders together.")
    assert _events(r)["Summit on Ocean Governance"][1:] == ("2026-05-04", None, "CHL")


@pytest.mark.model
def test_city_opening_a_name_and_a_clause_after_it(nlp):
    r = _run(nlp, "The Minister attended the 12th Lisbon Ocean Conference on February 9.\n\n"
                  "The Andean-Korea Dialogue is the channel between Korea and the countries in South America.")
    events = _events(r)
    assert events["Lisbon Ocean Conference"] == (12, "2026-02-09", "Lisbon", "PRT")
    assert events["Andean-Korea Dialogue"][2] is None  # South America is another clause's place


@pytest.mark.model
def test_headline_meeting_dated_by_the_verb_of_the_body(nlp):
    r = _run(nlp, "On the sidelines of the Lisbon Ocean Conference held on February 6 and 7, Foreign Minister "
                  "Park Jin met with Chilean Foreign Minister Alberto van Klaveren on February 7.",
             title="Korea-Chile Foreign Ministers’ Meeting Takes Place")
    assert _events(r)["Korea-Chile Foreign Ministers’ Meeting"][1] == "2026-02-07"


@pytest.mark.model
def test_place_of_a_where_clause_and_of_a_long_clause(nlp):
    r = _run(nlp, "Vice Minister Lee will then travel to Lima, where he will call on the Foreign Minister of Peru "
                  "and hold the 3rd Korea-Peru Policy Consultation on June 5.")
    assert _events(r)["Korea-Peru Policy Consultation"][1:] == ("2026-06-05", "Lima", "PER")
    r = _run(nlp, "Foreign Minister Park held the Korea-Chile-Peru Foreign Ministers’ Meeting with Minister for "
                  "Foreign Affairs of Chile Ana Rojas and Foreign Minister of Peru Luis Vega in Vienna, Austria, on "
                  "April 3, on the margins of the OSCE Ministerial Council Meeting.")
    events = _events(r)
    assert events["Korea-Chile-Peru Foreign Ministers’ Meeting"][1:] == ("2026-04-03", "Vienna", "AUT")


@pytest.mark.model
def test_a_meeting_word_describing_another_noun_is_no_event(nlp):
    r = _run(nlp, "The Philippines is the coordinator for ASEAN-Korea dialogue relations.")
    assert not _events(r)
