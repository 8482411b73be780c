"""Name styles of real releases (comma form, family names in capitals, honorifics, glued words, a title word
ending a name, names before their title), counterparts' economies, local offices, surname-only mentions resolved
through the record of office holders, and one id per person whatever the spelling. Invented sentences (other
names, places and dates than the real pages); each case states what must and must not appear."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.components.ent_lexicon import load_lexicon
from pipeline.components.ent_officials import load_record
from pipeline.components.ent_people import PeopleFinder
from schemas.models import DocResult
from tests.components.ent_helpers import people_of as _people
from tests.components.ent_helpers import run_text

PUBLISHED = dt.date(2019, 3, 5)


def _run(nlp, text: str, published: dt.date = PUBLISHED, title: str | None = None) -> DocResult:
    return run_text(nlp, text, published, "dpeople", title=title)


NAME_CASES = [
    # the comma form of a family-first name
    ("Minister of Foreign Affairs Lee, Min-ho met the delegation in Seoul.", {"Lee Min-ho"}),
    # family names in capitals, before and after the given name
    ("Chancellor CHOI Jae Won and Minister Ivan PETROV spoke at the forum.", {"Choi Jae Won", "Ivan Petrov"}),
    # honorifics are no part of a name
    ("On May 3, Amb. Yoon Ha-jin met H.E. Mr. Carlos Mendes and Madam Seo Yu-na.",
     {"Yoon Ha-jin", "Carlos Mendes", "Seo Yu-na"}),
    # a title word that is also a surname stays in the name when no title can go on after it
    ("Special Envoy for Refugee Affairs Thomas King, who arrived on Monday, met the Minister.", {"Thomas King"}),
    # a family name glued to the next word in the original
    ("Vice Minister Yoon Ha-jin met the Ambassador. Vice Minister Yoonstressed the need for dialogue.",
     {"Yoon Ha-jin"}),
]


@pytest.mark.parametrize("text,names", NAME_CASES)
def test_name_styles(nlp, text, names):
    assert set(_people(_run(nlp, text))) == names


def test_no_sentence_break_inside_a_name(nlp):
    r = _run(nlp, "On May 3, Amb. Yoon Ha-jin met the delegation. Later, Mr. Kim Tae-oh spoke.")
    by_text = {m.text: m.sent_id for m in r.mentions if m.kind == "person"}
    assert len({s.sent_id for s in r.sentences}) == 2
    assert "Yoon Ha-jin" in "".join(by_text)
    first = next(s for s in r.sentences if s.text.startswith("On May 3"))
    assert "Yoon Ha-jin" in first.text


def test_name_before_its_title_and_title_case_headlines(nlp):
    r = _run(nlp, "Han Seo-jun, Spokesperson and Deputy Minister for Public Relations, briefed the press in Seoul. "
                  "The Spokesperson welcomed the agreement.",
             title="Foreign Minister Holds Video Conference with Counterparts")
    people = _people(r)
    assert people == {"Han Seo-jun": (["Spokesperson and Deputy Minister for Public Relations"], "KOR")}


def test_named_things_are_not_people(nlp):
    r = _run(nlp, "The Government condemns the attack on the offices of the daily newspaper Le Matin. The Elders "
                  "welcomed the statement. Travel alerts were raised for (Lulonga, Tshopo, Ituri).")
    assert r.people == []


def test_counterparts_take_the_economies_before_them(nlp):
    r = _run(nlp, "Minister Yoon Ha-jin met her Brazilian and Mexican counterparts, Mauro Vieira and Luis Ortega. "
                  "She also met her Chinese counterpart Zhang Wei.")
    people = _people(r)
    assert people["Mauro Vieira"][1] == "BRA"
    assert people["Luis Ortega"][1] == "MEX"
    assert people["Zhang Wei"][1] == "CHN"


def test_local_offices_keep_their_city_or_province(nlp):
    r = _run(nlp, "The forum was attended by Kim Do-yun, Mayor of Gwangju Metropolitan City, and Oh Ji-hoon, Vice "
                  "Governor for Economic Affairs of Gangwon State.")
    people = _people(r)
    assert people["Kim Do-yun"][0] == ["Mayor of Gwangju Metropolitan City"]
    assert people["Oh Ji-hoon"][0] == ["Vice Governor for Economic Affairs of Gangwon State"]


def test_surname_and_office_resolved_by_date(nlp):
    r = _run(nlp, "Minister Kang said the talks were useful. Secretary Pompeo agreed.")
    people = {p.person_id: p for p in r.people}
    assert people["person:kang-kyung-wha"].name == "Kang Kyung-wha"
    assert people["person:kang-kyung-wha"].economy == "KOR"
    assert people["person:mike-pompeo"].economy == "USA"
    # another date, another holder (or none): the same words name no one of the record
    earlier = _run(nlp, "Minister Kang said the talks were useful.", published=dt.date(2012, 6, 1))
    assert "person:kang-kyung-wha" not in {p.person_id for p in earlier.people}


def test_record_gives_the_economy_of_a_full_name(nlp):
    r = _run(nlp, "Minister Ahn Ji-su met Wang Yi in Beijing. Minister Wang said cooperation would grow.")
    assert _people(r)["Wang Yi"][1] == "CHN"


def test_one_id_whatever_the_spelling():
    finder = PeopleFinder(load_lexicon())
    assert finder.person_id(["Antony", "J.", "Blinken"]) == finder.person_id(["Antony", "Blinken"])
    assert finder.person_id(["Taro", "Kono"]) == finder.person_id(["Kono", "Taro"]) == "person:kono-taro"
    assert finder.person_id(["Cho", "Tae-yul"]) == "person:cho-tae-yul"
    assert finder.person_id(["Hillary", "Clinton"]) == "person:hillary-clinton"


def test_record_rows_are_consistent():
    record = load_record()
    assert record.officials
    for o in record.officials:
        assert o.office in record.titles
        assert not o.end or o.start <= o.end, o
        assert o.name.split()[0] == o.family or o.name.split()[-1] == o.family, o
    # a month at a boundary fits two holders of one surname: no guess
    assert record.holder("Cho", ["Minister"], dt.date(2025, 7, 10)) is None
    assert record.holder("Cho", ["Minister"], dt.date(2024, 6, 1)).name == "Cho Tae-yul"
    assert record.holder("Kang", ["former Foreign Minister"], dt.date(2019, 1, 1)) is None


def test_a_name_in_apposition_after_its_title_and_a_comma(nlp):
    r = _run(nlp, "We will send a letter of condolences to the French Minister of Foreign Affairs, Jean Martin, "
                  "signed by the Minister. The Minister of Culture, a long-time friend of Korea, will visit.")
    people = _people(r)
    assert people["Jean Martin"] == (["Minister of Foreign Affairs"], "FRA")
    assert not any(name.startswith("a long") for name in people)
