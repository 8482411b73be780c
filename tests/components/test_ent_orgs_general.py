"""Organisations on releases nobody tuned for: other states' ministries are not Korea's, a possessive owner
closes a listed portfolio, documents and policies are no bodies, well-known UN entities, banks and regional
bodies are found with their acronyms as one organisation. Invented sentences (other states, years, orders)."""

from __future__ import annotations

import datetime as dt

from schemas.models import DocResult
from tests.components.ent_helpers import run_text


def _run(nlp, text: str, title: str | None = None) -> DocResult:
    return run_text(nlp, text, dt.date(2024, 9, 12), "dorgsgen", title=title)


def _orgs(r: DocResult) -> dict[str, str]:
    """Mention text -> org id."""
    return {m.text: m.entity_id for m in r.mentions if m.kind == "organization"}


def test_other_states_foreign_ministries_are_not_koreas(nlp):
    r = _run(nlp, "The Ministry of Foreign Affairs of Viet Nam and the Ministry of Foreign Affairs and "
                  "International Cooperation of Italy signed an MOU. The Indonesian Ministry of Foreign Affairs and "
                  "Chile's Ministry of Foreign Affairs welcomed it.")
    orgs = _orgs(r)
    mofa = {o.org_id for o in r.organizations if o.acronym == "MOFA"}
    assert {"Ministry of Foreign Affairs of Viet Nam", "Indonesian Ministry of Foreign Affairs",
            "Ministry of Foreign Affairs and International Cooperation of Italy"} <= set(orgs)
    assert not mofa & set(orgs.values())  # none of them is Korea's ministry
    assert len(set(orgs.values())) == 4  # Chile's ministry is a fourth body


def test_koreas_own_ministry_stays_the_gazetteers(nlp):
    r = _run(nlp, "The Ministry of Foreign Affairs of the Republic of Korea hosted the talks. The Korean Ministry "
                  "of Foreign Affairs said the Ministry of Foreign Affairs would brief the press.")
    ids = {m.entity_id for m in r.mentions if m.kind == "organization"}
    assert len(ids) == 1 and any(o.acronym == "MOFA" for o in r.organizations)


def test_a_possessive_owner_is_not_a_listed_portfolio(nlp):
    r = _run(nlp, "The Mexican Ministry of Economy and Brazil's Ministry of Development responded. The Foreign "
                  "Ministry of Kenya and Ghana's Ministry of Foreign Affairs agreed.")
    orgs = set(_orgs(r))
    assert "Foreign Ministry of Kenya" in orgs
    assert not any("Brazil" in o or "Ghana" in o for o in orgs)  # 'Economy and Brazil' is no portfolio


def test_full_name_of_another_state_with_the_republic(nlp):
    r = _run(nlp, "The Ministry of Foreign Affairs of the Republic of the Philippines issued a note.")
    assert "Ministry of Foreign Affairs of the Republic of the Philippines" in _orgs(r)


def test_documents_and_policies_are_no_organisations(nlp):
    r = _run(nlp, "The Diplomatic White Paper 2031 was published. He explained the New Northern Policy Plus and "
                  "the Digital Cooperation Strategy of Estonia.")
    assert not {"Diplomatic White Paper 2031", "Diplomatic White Paper", "New Northern Policy Plus",
                "Digital Cooperation Strategy"} & set(_orgs(r))


def test_un_entities_banks_and_regional_bodies(nlp):
    r = _run(nlp, "Korea gave funds to UN-Habitat, UN Women and the UN Development Program. The Mekong River "
                  "Commission, the Inter-American Development Bank and the ASEAN Secretariat joined the Office of "
                  "the United Nations High Commissioner for Human Rights (OHCHR) and Gavi, the Vaccine Alliance.")
    orgs = _orgs(r)
    assert {"UN-Habitat", "UN Women", "UN Development Program", "Mekong River Commission",
            "Inter-American Development Bank", "ASEAN Secretariat", "OHCHR",
            "Gavi, the Vaccine Alliance"} <= set(orgs)
    assert orgs["OHCHR"] == orgs["Office of the United Nations High Commissioner for Human Rights"]
    undp = next(o for o in r.organizations if o.org_id == orgs["UN Development Program"])
    assert undp.acronym == "UNDP"


def test_acronym_and_full_name_one_organisation(nlp):
    r = _run(nlp, "The Korean Peninsula Energy Development Organization (KEDO) was wound up. KEDO staff left. "
                  "The Busan Chamber of Commerce and Industry (BCCI) hosted a lunch; BCCI members attended.")
    orgs = _orgs(r)
    assert orgs["KEDO"] == orgs["Korean Peninsula Energy Development Organization"]
    assert orgs["BCCI"] == orgs["Busan Chamber of Commerce and Industry"]
    assert len({orgs["KEDO"], orgs["BCCI"]}) == 2


def test_a_cut_listed_portfolio_is_no_organisation(nlp):
    r = _run(nlp, "Lena Berg, director of the Swedish foreign ministry's Asian and Pacific Affairs Department, met "
                  "the head of the European, Middle East and African Affairs Bureau.")
    assert not {"Pacific Affairs Department", "African Affairs Bureau"} & set(_orgs(r))


def test_meeting_short_names_relations_and_cut_offices_are_no_organisations(nlp):
    r = _run(nlp, "The Korea-Chile Joint Commission met in Santiago. The Joint Commission will meet again in 2031. "
                  "The ROK-Japan Alliance was discussed. The Prime Minister's Office of Peru issued a note.")
    assert not {"Joint Commission", "ROK-Japan Alliance", "Office of Peru"} & set(_orgs(r))


def test_relation_head_with_a_name_of_its_own_stays(nlp):
    r = _run(nlp, "Korea joined the International Solar Alliance and Gavi, the Vaccine Alliance, in 2030.")
    assert {"International Solar Alliance", "Gavi, the Vaccine Alliance"} <= set(_orgs(r))
