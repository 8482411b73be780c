"""News-style text the finders were not tuned on: lower-case titles before and after names ('Japanese foreign
minister X', 'X, director general for ... at'), a state organ opening a title ('Foreign Ministry spokesman'), a
state's possessive before a name, family names standing alone after the full name, '-elect' offices, and no
Korean default economy for a Chinese or Japanese family name. Invented sentences (other names than the pages);
each case states what must and must not appear."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.models import DocResult
from tests.components.ent_helpers import people_of as _people
from tests.components.ent_helpers import run_text

PUBLISHED = dt.date(2021, 6, 9)


def _run(nlp, text: str) -> DocResult:
    return run_text(nlp, text, PUBLISHED, "dgeneral")


LOWER_TITLE_CASES = [
    # an economy's possessive or adjective, then a lower-case title, then the name
    ("Talks resumed when Norway's foreign minister Anna Lindqvist arrived.",
     "Anna Lindqvist", ["foreign minister"], "NOR"),
    ("The summit was hosted by Vietnamese prime minister Tran Van Minh on Friday.",
     "Tran Van Minh", ["prime minister"], "VNM"),
    # a title with its name in apposition after a comma
    ("This morning, Chile's foreign minister, Pablo Herrera, also arrived.",
     "Pablo Herrera", ["foreign minister"], "CHL"),
    # a state organ before the title is part of it; the organ's economy is the holder's
    ("Swedish Foreign Ministry spokeswoman Karin Dahl criticized the remarks.",
     "Karin Dahl", ["Foreign Ministry spokeswoman"], "SWE"),
    ("In a regular briefing, ministry spokesman Han Do-yun made the comment.",
     "Han Do-yun", ["ministry spokesman"], "KOR"),
    # a lower-case title in apposition after the name, closed by a preposition
    ("Oh Ji-seok, director general for European affairs at the ministry, met them.",
     "Oh Ji-seok", ["director general for European affairs"], "KOR"),
    ("The deal was announced between them, Ryu Jae-in, the foreign ministry spokesman, said.",
     "Ryu Jae-in", ["foreign ministry spokesman"], "KOR"),
    # an office about to be taken
    ("He congratulated Brazilian President-elect Marcos Duarte on his victory.",
     "Marcos Duarte", ["President-elect"], "BRA"),
]


@pytest.mark.parametrize("text,name,titles,economy", LOWER_TITLE_CASES)
def test_lower_case_titles(nlp, text, name, titles, economy):
    people = _people(_run(nlp, text))
    assert people[name] == (titles, economy)


def test_lower_case_title_alone_makes_no_person(nlp):
    r = _run(nlp, "The foreign minister said the general public would be informed by the spokesman.")
    assert r.people == []


def test_possessive_economy_before_a_name(nlp):
    people = _people(_run(nlp, "Minister Chung then met Kenya's Daniel Otieno in the late afternoon."))
    assert people["Daniel Otieno"][1] == "KEN"


def test_family_name_alone_after_the_full_name(nlp):
    r = _run(nlp, "Foreign Minister Lena Novak visited Seoul. Novak's team said Novak would return in May.")
    mentions = [m.text for m in r.mentions if m.kind == "person"]
    assert mentions.count("Novak") == 2
    assert {m.entity_id for m in r.mentions if m.kind == "person"} == {"person:lena-novak"}
    assert not any(o.name == "Novak" for o in r.organizations)


def test_chinese_family_name_has_no_korean_default(nlp):
    people = _people(_run(nlp, "Then Ambassador Zhou Mingde was asked to visit the ministry."))
    assert people["Zhou Mingde"] == (["Ambassador"], None)
    korean = _people(_run(nlp, "Then Ambassador Bae Sung-ho was asked to visit the ministry."))
    assert korean["Bae Sung-ho"][1] == "KOR"


def test_hyphenated_given_name_opening_like_a_preposition(nlp):
    people = _people(_run(nlp, "The meeting is planned, Jang On-yu, the foreign ministry spokesman, said."))
    assert "Jang On-yu" in people


def test_state_short_form_between_title_and_name(nlp):
    r = _run(nlp, "On Monday, he met with Foreign Minister of the Republic of Chile (RCH) Pablo Herrera.")
    person = next(m for m in r.mentions if m.kind == "person")
    assert person.text == "Pablo Herrera"
    assert _people(r)["Pablo Herrera"] == (["Foreign Minister"], "CHL")


def test_organ_named_after_the_title_gives_the_economy(nlp):
    people = _people(_run(nlp, "The President met Minister Haruto Mori of the Foreign Affairs ministry of Japan. "
                               "Yoon Da-eun, the spokesperson of Seoul's foreign ministry, issued a statement. "
                               "She called in Erik Larsen, deputy chief of mission at the Danish Embassy."))
    assert people["Haruto Mori"][1] == "JPN"
    assert people["Yoon Da-eun"][1] == "KOR"
    assert people["Erik Larsen"] == (["deputy chief of mission"], "DNK")


def test_name_after_counterpart_is_a_person(nlp):
    r = _run(nlp, "Director-General Baek Ji-hoon met with his Dutch counterpart Pieter Janssen at the ministry.")
    assert _people(r)["Pieter Janssen"][1] == "NLD"
    assert not any(o.name == "Pieter Janssen" for o in r.organizations)


def test_a_name_ends_before_a_weekday_and_a_repetition(nlp):
    r = _run(nlp, "He met his South Korean counterpart Ahn Do-hyun Sunday in Vientiane.\n\nLin Weimin Lin Weimin")
    assert set(_people(r)) >= {"Ahn Do-hyun"}
    assert all(p.name not in ("Ahn Do-hyun Sunday", "Lin Weimin Lin Weimin") for p in r.people)


def test_news_agencies_and_the_korean_foreign_ministry(nlp):
    r = _run(nlp, "The talks began on Monday, according to Xinhua news agency. The South Korean Foreign Ministry "
                  "confirmed it, Kyodo reported.")
    orgs = {o.name: o.acronym for o in r.organizations}
    assert orgs == {"Xinhua News Agency": None, "Ministry of Foreign Affairs": "MOFA", "Kyodo News": None}


EVENT_CASES = [
    # a body's meeting written in lower case after its name, with its place
    ("Ahn met Lopez on the sidelines of an ASEAN foreign ministers' meeting in the Cambodian capital.",
     "ASEAN foreign ministers' meeting", "KHM"),
    ("The minister will attend the G20 finance ministerial meeting in Rome, Italy, on Friday.",
     "G20 finance ministerial meeting", "ITA"),
    ("Leaders gathered for the Asia-Pacific Economic Cooperation summit in Lima, Peru.",
     "Asia-Pacific Economic Cooperation summit", "PER"),
]


@pytest.mark.parametrize("text,name,economy", EVENT_CASES)
def test_lower_case_meeting_of_a_body(nlp, text, name, economy):
    events = {e.name: e.economy_id for e in _run(nlp, text).events}
    assert events == {name: economy}


def test_no_event_from_a_body_before_another_noun_or_the_ministry(nlp):
    r = _run(nlp, "The ASEAN dialogue partners met. MOFA meetings were held to review the UN reform.")
    assert r.events == []


def test_a_headline_infinitive_opens_no_event_name(nlp):
    r = run_text(nlp, "Seoul said talks were under way.", PUBLISHED, "dgeneral",
                 title="Ministry in Talks to Arrange Visit by Chilean Foreign Minister")
    assert r.events == []


def test_full_name_of_the_record_gives_the_economy_without_a_date(nlp):
    r = run_text(nlp, "He met Foreign Minister Yoshimasa Hayashi in Munich.", None, "dgeneral")  # type: ignore[arg-type]
    assert _people(r)["Yoshimasa Hayashi"][1] == "JPN"


def test_family_name_in_a_heading_in_capitals(nlp):
    r = _run(nlp, "He met President Emil Varga on Monday.\n\nTALKS WITH VARGA\n\nThe two sides agreed.")
    assert {m.text for m in r.mentions if m.kind == "person"} == {"President Emil Varga", "VARGA"}
    assert r.organizations == []


def test_buildings_and_well_known_bodies_and_principles(nlp):
    r = _run(nlp, "The vice minister summoned the envoy to the ministry office at the Central Government Complex in "
                  "Sejong. They discussed the U.S. Forces Korea. "
                  "China upholds the one-China principle.")
    assert {o.name for o in r.organizations} == {"United States Forces Korea"}
    assert {i.name for i in r.initiatives} == {"one-China principle"}


def test_surname_and_office_on_an_undated_copy_resolve_through_the_record(nlp):
    r = run_text(nlp, "Minister Chung will meet US Secretary of State Kerry in Washington.", None,  # type: ignore[arg-type]
                 "dgeneral")
    assert _people(r)["John Kerry"] == (["Secretary of State"], "USA")


def test_lower_case_title_outside_government_before_a_name(nlp):
    people = _people(_run(nlp, "Our Foreign Ministry correspondent Han Ye-jin reports from Jakarta. The study was "
                               "written by senior analyst Maria Lopez."))
    assert people["Han Ye-jin"] == (["Foreign Ministry correspondent"], None)
    assert people["Maria Lopez"] == (["senior analyst"], None)


def test_state_possessive_in_apposition_gives_the_economy(nlp):
    people = _people(_run(nlp, "He will also meet Ana Silva, Brazil's top negotiator, before leaving."))
    assert people["Ana Silva"][1] == "BRA"


def test_organ_possessive_before_a_title_in_apposition(nlp):
    people = _people(_run(nlp, "\"We will respond firmly,\" said Noh Jae-won, the ministry's spokesperson."))
    assert people["Noh Jae-won"] == (["spokesperson"], "KOR")
