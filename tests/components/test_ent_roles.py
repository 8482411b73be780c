"""Titles with "and" and unusual heads, envoys' sending and receiving states, experts' titles outside
government, and capitalised topic phrases that are never people. Invented sentences (other names, countries
and years than the gold files); each case states what must and must not appear."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.models import DocResult
from tests.components.ent_helpers import people_of as _people
from tests.components.ent_helpers import run_text

PUBLISHED = dt.date(2024, 3, 11)


def _run(nlp, text: str) -> DocResult:
    return run_text(nlp, text, PUBLISHED, "droles")


TITLE_CASES = [
    ("Vice Minister Oh Young-ju met Minister of Foreign Affairs and Emigrants Nasser Haddad of Lebanon on May 2.",
     {"Oh Young-ju": (["Vice Minister"], "KOR"),
      "Nasser Haddad": (["Minister of Foreign Affairs and Emigrants"], "LBN")}),
    # the office alone names the state when the text does not
    ("The Ambassador met Cabinet Secretary for Foreign and Diaspora Affairs Grace Wanjiru in Nairobi.",
     {"Grace Wanjiru": (["Cabinet Secretary for Foreign and Diaspora Affairs"], "KEN")}),
    ("Foreign Minister Park Jin held talks with Minister for Europe and Foreign Affairs Claire Dubois of France.",
     {"Park Jin": (["Foreign Minister"], "KOR"),
      "Claire Dubois": (["Minister for Europe and Foreign Affairs"], "FRA")}),
    ("Minister Park Jin spoke with Federal Minister for European and International Affairs Anna Gruber.",
     {"Park Jin": (["Minister"], "KOR"),
      "Anna Gruber": (["Federal Minister for European and International Affairs"], "AUT")}),
    ("Minister Cho Hyun met State Councilor Zhao Lin and Foreign Secretary Oliver Hart of the United Kingdom.",
     {"Cho Hyun": (["Minister"], "KOR"), "Zhao Lin": (["State Councilor"], "CHN"),
      "Oliver Hart": (["Foreign Secretary"], "GBR")}),
    ("Director-General for Development Cooperation Seo Mi-ran briefed the press on the new aid plan.",
     {"Seo Mi-ran": (["Director-General for Development Cooperation"], "KOR")}),
]


@pytest.mark.parametrize("text,people", TITLE_CASES)
def test_titles_with_and_and_unusual_heads(nlp, text, people):
    assert _people(_run(nlp, text)) == people


def test_envoys_belong_to_the_sending_state(nlp):
    r = _run(nlp, "Korean Ambassador to Mongolia Yoon Sang-hee attended the ceremony. Ambassador of the Republic "
                  "of Korea to Uzbekistan Bae Jin-woo delivered the letter. Peru's Ambassador to Korea Luis "
                  "Quispe Mamani attended the reception in Seoul.")
    people = _people(r)
    assert people["Yoon Sang-hee"] == (["Ambassador to Mongolia"], "KOR")
    assert people["Bae Jin-woo"] == (["Ambassador of the Republic of Korea to Uzbekistan"], "KOR")
    assert people["Luis Quispe Mamani"] == (["Ambassador to Korea"], "PER")
    assert {"MNG", "UZB", "PER", "KOR"} <= {e.economy_id for e in r.economies}


def test_envoy_to_korea_is_not_korean(nlp):
    r = _run(nlp, "Ambassador to Korea Tanaka Hiroshi called on the Minister.")
    assert _people(r)["Tanaka Hiroshi"][1] != "KOR"


def test_experts_titles_outside_government(nlp):
    r = _run(nlp, "“The launch is a warning,” said Daniel Price, a senior fellow at the Sejong Institute. "
                  "Lim Ha-eun, a professor at Pusan National University, agreed. Sofia Marquez, director of the "
                  "Caribbean Policy Center, said the talks were useful.")
    people = _people(r)
    assert people["Daniel Price"] == (["senior fellow"], None)
    assert people["Lim Ha-eun"] == (["professor"], None)
    assert people["Sofia Marquez"] == (["director"], None)
    assert not {e.economy_id for e in r.economies}


def test_topic_phrases_are_not_people(nlp):
    r = _run(nlp, "Public Diplomacy\n\nThe Ministry held a seminar on Climate Change and Humanitarian "
                  "Assistance. Development Cooperation and Digital Transformation were also discussed.")
    assert r.people == []
    texts = {m.text for m in r.mentions if m.kind in ("person", "organization")}
    assert not texts & {"Public Diplomacy", "Climate Change", "Humanitarian Assistance", "Development Cooperation",
                        "Digital Transformation"}


def test_envoy_to_an_organisation(nlp):
    r = _run(nlp, "Korean Ambassador to the United Nations Park Eun-seo addressed the General Assembly.")
    assert _people(r)["Park Eun-seo"] == (["Ambassador to the United Nations"], "KOR")


def test_office_of_an_institute_names_no_state(nlp):
    r = _run(nlp, "Minister Cho met Han Ji-woo, Director of the Korea Development Institute, and Professor "
                  "emeritus Noah Fields, a visiting scholar at the Japan Foundation.")
    people = _people(r)
    assert people["Han Ji-woo"] == (["Director"], None)
    assert people["Noah Fields"][1] is None
    assert not {"KOR", "JPN"} & {e.economy_id for e in r.economies}


def test_state_organs_keep_their_state(nlp):
    r = _run(nlp, "The Japan Coast Guard and the Philippine Department of Foreign Affairs welcomed the talks.")
    assert "JPN" in {e.economy_id for e in r.economies}
