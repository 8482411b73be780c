"""Korean and English name one person, economy or organisation with one id (the English pipeline is the judge)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pipeline.engine import ids
from pipeline.ko.lexicon import english_person_id, load_ko_lexicon
from tests.components.ent_helpers import run_text

LEX = load_ko_lexicon()


@pytest.mark.model
def test_officials_ids_equal_english_ids(nlp):
    """Every official of officials.tsv, written in English as a release would, gets the Korean path's id."""
    titles = {"kor_foreign_minister": "Foreign Minister", "kor_first_vice_minister": "First Vice Foreign Minister",
              "kor_second_vice_minister": "Second Vice Foreign Minister", "kor_spokesperson": "Spokesperson",
              "president": "President", "us_secretary_of_state": "Secretary of State",
              "jpn_foreign_minister": "Japanese Foreign Minister", "chn_foreign_minister": "Chinese Foreign Minister",
              "rus_foreign_minister": "Russian Foreign Minister", "chn_president": "Chinese President",
              "prime_minister": "Prime Minister", "jpn_chief_cabinet_secretary": "Chief Cabinet Secretary",
              "un_secretary_general": "UN Secretary-General", "high_representative": "EU High Representative",
              "prk_leader": "North Korean leader", "deputy_secretary": "Deputy Secretary of State",
              "foreign_minister": "Foreign Minister", "vice_president": "Vice President", "ambassador": "Ambassador",
              "national_security_adviser": "National Security Adviser"}
    officials = {o.latin: o for o in LEX.officials}
    lines = [f"{titles[o.office]} {o.latin} attended the meeting." for o in officials.values()]
    result = run_text(nlp, "\n\n".join(lines), dt.date(2030, 1, 2))
    english = {p.person_id for p in result.people}
    korean = {english_person_id(latin, LEX.family_names_latin) for latin in officials}
    assert sorted(korean - english) == []



def test_officials_rows_give_the_full_name_first_and_terms_in_order():
    """officials.tsv: the full Hangul name first (no later form has more words), terms YYYY-MM with start <= end."""
    month = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])")
    for o in LEX.officials:
        assert len(o.hangul[0].split()) == max(len(h.split()) for h in o.hangul), o
        assert len(set(o.hangul)) == len(o.hangul), o
        assert month.fullmatch(o.start) and (not o.end or (month.fullmatch(o.end) and o.start <= o.end)), o


def test_namesakes_are_told_apart_by_the_full_name_or_the_date():
    """A full name is one person (제이크 설리번 is not 존 설리번); a shared surname is the holder at the date."""
    assert {o.latin for o in LEX.official_by_name("제이크 설리번")} == {"Jake Sullivan"}
    assert {o.latin for o in LEX.official_by_name("존 설리번")} == {"John Sullivan"}
    assert {o.latin for o in LEX.official_by_name("빌 클린턴")} == {"Bill Clinton"}
    assert LEX.holder("ambassador", "해리스", dt.date(2019, 5, 2)).latin == "Harry Harris"
    assert LEX.holder("vice_president", "해리스", dt.date(2023, 5, 2)).latin == "Kamala Harris"
    assert LEX.holder("prime_minister", "한", dt.date(2024, 5, 2)).latin == "Han Duck-soo"
    assert LEX.holder("prime_minister", "한", dt.date(2008, 2, 15)) is None  # two holders that month

@pytest.mark.model
def test_organisation_ids_equal_english_ids(nlp):
    entries = {e.org_id: e for e in LEX.orgs.values()}
    # a state's body: one release each, as the English finder reads the state from the release's wording
    state_bodies = {"Ministry of Foreign Affairs JPN": "Japan's Ministry of Foreign Affairs",
                    "Ministry of Foreign Affairs CHN": "the Ministry of Foreign Affairs of China",
                    "Ministry of Foreign Affairs RUS": "the Ministry of Foreign Affairs of Russia",
                    "Department of State USA": "the U.S. Department of State",
                    "Ministry of State Security CHN": "China's Ministry of State Security",
                    "Democratic Party KOR": "the Democratic Party of Korea",
                    "Electric Power Corporation KOR": "the Korea Electric Power Corporation",
                    "National Diplomatic Academy KOR": "the Korea National Diplomatic Academy",
                    "Institute for International Economic Policy KOR":
                        "the Korea Institute for International Economic Policy",
                    "Institute for National Unification KOR": "the Korea Institute for National Unification",
                    "Institute for Defense Analyses KOR": "the Korea Institute for Defense Analyses",
                    "Development Institute KOR": "the Korea Development Institute",
                    "Export-Import Bank KOR": "the Export-Import Bank of Korea",
                    "Foundation KOR": "the Korea Foundation",
                    "Coast Guard KOR": "the Korea Coast Guard",
                    "Customs Service KOR": "the Korea Customs Service",
                    "Meteorological Administration KOR": "the Korea Meteorological Administration",
                    "Chamber of Commerce and Industry KOR": "the Korea Chamber of Commerce and Industry",
                    "International Trade Association KOR": "the Korea International Trade Association",
                    "Department of Defense USA": "the U.S. Department of Defense",
                    "Department of Treasury USA": "the U.S. Department of the Treasury",
                    "Department of Commerce USA": "the U.S. Department of Commerce",
                    "Agency for International Development USA":
                        "the United States Agency for International Development",
                    "Ministry of Commerce CHN": "China's Ministry of Commerce",
                    "Ministry of National Defense CHN": "China's Ministry of National Defense",
                    "Ministry of Defense JPN": "Japan's Ministry of Defense",
                    "International Cooperation Agency JPN": "the Japan International Cooperation Agency",
                    "External Trade Organization JPN": "the Japan External Trade Organization",
                    "Ministry of Defence RUS": "Russia's Ministry of Defence",
                    "Ministry of Foreign Affairs PRK": "North Korea's Ministry of Foreign Affairs"}
    english: set[str] = set()
    for phrase in state_bodies.values():
        english |= {o.org_id for o in run_text(nlp, f"Officials of {phrase} attended the meeting.",
                                                dt.date(2030, 1, 2)).organizations}
    state_ids = {ids.org_id(k) for k in state_bodies}
    lines = [f"Officials of the {e.name} attended the meeting." for oid, e in entries.items() if oid not in state_ids]
    english |= {o.org_id for o in run_text(nlp, "\n\n".join(lines), dt.date(2030, 1, 2)).organizations}
    assert sorted(set(entries) - english) == []


def test_economies_are_iso_codes_of_the_english_path():
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries}
    assert set(LEX.economy_names.values()) | set(LEX.economy_abbr.values()) <= codes
    un_members = 193
    assert len(set(LEX.economy_names.values()) - {"TWN", "HKG", "PSE", "VAT"}) >= un_members


@pytest.mark.model
def test_initiative_ids_equal_english_ids(nlp):
    names = {name for name, _ in LEX.initiatives.values()}
    lines = [f"The government presented the {name} at the meeting." for name in sorted(names)]
    english = {i.initiative_id for i in run_text(nlp, "\n\n".join(lines), dt.date(2030, 1, 2)).initiatives}
    assert {ids.initiative_id(n) for n in names} - english == set()
