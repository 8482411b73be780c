"""People rules that hold for any release: an institution between an office and its holder, an international body
before its office, a field of any topic before 'Affairs', a state organ named after a title in apposition, lower-case
news titles ('top', 'interim'), a foreign delegation's list, and family names of China and Japan in either order.
Invented sentences (other names, states, bodies and years than the real pages)."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.models import DocResult
from tests.components.ent_helpers import run_text

PUBLISHED = dt.date(2023, 9, 12)


def _people(nlp, text: str) -> dict[str, tuple[list[str], str | None]]:
    r: DocResult = run_text(nlp, text, PUBLISHED, "dgeneral")
    return {p.name: (p.titles, p.economy) for p in r.people}


CASES = [
    # an institution's name between the office and its holder belongs to the title; a state's assembly is the state's
    ("Speaker of the National Assembly Woo Jae-sung met the visiting delegation.",
     {"Woo Jae-sung": (["Speaker of the National Assembly"], "KOR")}),
    ("President of the Asian Development Bank Takeshi Mori opened the seminar.",
     {"Takeshi Mori": (["President of the Asian Development Bank"], None)}),
    # an international body written before a bare office is part of the title (an office with a field names itself);
    # a former holder stays former
    ("UN High Commissioner for Refugees Paolo Rinaldi and WHO Director-General Amara Diallo spoke in Geneva.",
     {"Paolo Rinaldi": (["High Commissioner for Refugees"], None),
      "Amara Diallo": (["WHO Director-General"], None)}),
    ("The minister met former UN Secretary-General Ban Ki-moon on Tuesday.",
     {"Ban Ki-moon": (["former UN Secretary-General"], None)}),
    ("The minister met ASEAN Secretary-General Lim Jock Seng and EU High Representative Maria Lindqvist.",
     {"Lim Jock Seng": (["ASEAN Secretary-General"], None), "Maria Lindqvist": (["EU High Representative"], None)}),
    # a field of any topic closed by 'Affairs' / 'Policy'
    ("Special Envoy for Refugee Affairs Laura Jensen of Denmark arrived in Seoul.",
     {"Laura Jensen": (["Special Envoy for Refugee Affairs"], "DNK")}),
    # a state organ after a lower-case title in apposition: part of the title, without the state's adjective
    ("Maria Gonzalez, deputy director of the Mexican Foreign Ministry's Asia-Pacific Department, met the press.",
     {"Maria Gonzalez": (["deputy director of the Foreign Ministry's Asia-Pacific Department"], "MEX")}),
    ("The remarks were made to Han Dong-jin, interim leader of the Democratic Party of Korea, on Friday.",
     {"Han Dong-jin": (["interim leader of the Democratic Party of Korea"], "KOR")}),
    # lower-case news titles with a rank word
    ("The minister will be accompanied by top nuclear envoy Kim Gun-woo, who arrives on Sunday.",
     {"Kim Gun-woo": (["top nuclear envoy"], "KOR")}),
    # a foreign delegation's list: a specific office with no state of its own is the delegation's
    ("Foreign Minister Park Jin met Secretary of Defense Robert Hale and National Security Advisor Jane Porter.",
     {"Park Jin": (["Foreign Minister"], "KOR"), "Robert Hale": (["Secretary of Defense"], "USA"),
      "Jane Porter": (["National Security Advisor"], "USA")}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_offices_of_any_kind(nlp, text, expected):
    got = _people(nlp, text)
    for name, (titles, economy) in expected.items():
        assert name in got, (name, got)
        assert got[name][0] == titles, (name, got[name])
        assert got[name][1] == economy, (name, got[name])


def test_no_institution_across_a_name(nlp):
    """A title's field never runs over a holder's name into a later body ('... Park Jin and Korea Foundation')."""
    got = _people(nlp, "The minister met Minister of Foreign Affairs Lee Sang-ho and Korea Foundation President "
                       "Choi Min-ji in Busan.")
    assert got["Lee Sang-ho"][0] == ["Minister of Foreign Affairs"]
    assert "Choi Min-ji" in got


def test_a_domestic_institution_before_a_title_is_no_part_of_it(nlp):
    """Only international bodies prefix an office ('UN Secretary-General'); a state's own institution does not."""
    got = _people(nlp, "KOICA President Jang Won-sik visited Hanoi on May 2.")
    assert got["Jang Won-sik"][0] == ["President"]


def test_no_delegation_economy_for_a_plain_or_family_first_holder(nlp):
    """'President X' (no field) and a family-first name never take the previous holder's state."""
    got = _people(nlp, "Japanese Prime Minister Kenji Ota and President Lee Jun-ho met in Tokyo.")
    assert got["Kenji Ota"][1] == "JPN"
    assert got["Lee Jun-ho"][1] == "KOR"


@pytest.mark.parametrize("first,second", [("Ambassador Tomita Koji arrived.", "Ambassador Koji Tomita arrived."),
                                          ("Ambassador Xing Haiming arrived.", "Ambassador Haiming Xing arrived.")])
def test_one_id_whatever_the_name_order(nlp, first, second):
    """Chinese and Japanese family names beyond the most common ones: one person_id in either order."""
    a = run_text(nlp, first, PUBLISHED, "dorder1").people
    b = run_text(nlp, second, PUBLISHED, "dorder2").people
    assert len(a) == len(b) == 1 and a[0].person_id == b[0].person_id
    assert a[0].family_name in ("Tomita", "Xing")
