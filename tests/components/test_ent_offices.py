"""A gazetteer body whose name is also an office, directly before a person's name, is that person's title."""

from __future__ import annotations

from pipeline.stages.clean import clean_bytes
from pipeline.stages.extract import extract_all


def _run(nlp, body: str):
    (cdoc,) = clean_bytes("x.txt", ("Vice Minister Meets Envoy\n\n" + body).encode())
    (result,) = extract_all(nlp, [cdoc])
    return result


def test_office_named_like_its_body_gives_the_full_person(nlp):
    result = _run(nlp, "First Vice Minister Park Min-ho met with United Nations High Commissioner for Refugees "
                       "Ingrid Solberg in Seoul on June 3. High Commissioner Solberg noted that funding fell. "
                       "The High Commissioner thanked Korea for its support to the Office of the United Nations "
                       "High Commissioner for Refugees (UNHCR).")
    people = {p.name: p for p in result.people}
    assert "Ingrid Solberg" in people and "Solberg" not in people
    assert "High Commissioner for Refugees" in people["Ingrid Solberg"].titles
    assert people["Ingrid Solberg"].economy is None
    by_text = {m.text: m.entity_id for m in result.mentions if m.kind == "person"}
    assert by_text["High Commissioner Solberg"] == by_text["The High Commissioner"] == "person:ingrid-solberg"
    orgs = {m.text: m.entity_id for m in result.mentions if m.kind == "organization"}
    assert orgs["United Nations"] == "org:united-nations"
    assert orgs["UNHCR"] == "org:united-nations-high-commissioner-for-refugees"


def test_the_body_alone_stays_an_organisation(nlp):
    result = _run(nlp, "The United Nations High Commissioner for Refugees said on Monday that funding fell.")
    assert not result.people
    assert any(m.kind == "organization" and m.entity_id == "org:united-nations-high-commissioner-for-refugees"
               for m in result.mentions)


def test_appointment_titles_footnote_marker_and_relative_clause(nlp):
    result = _run(nlp, "President Lee Jae-myung appointed Oh Min-ji*, former Director-General for International "
                       "Organizations, as Ambassador to Brazil on March 3. Ambassador Oh succeeds Ambassador Kang "
                       "Tae-ho, who has served as Ambassador to Brazil since 2022.\n\n* Ambassador Oh served as "
                       "Director-General for International Organizations and Deputy Minister for Planning.")
    people = {p.name: p for p in result.people}
    assert "former Director-General for International Organizations" in people["Oh Min-ji"].titles
    assert "Ambassador to Brazil" in people["Oh Min-ji"].titles
    assert "Ambassador to Brazil" in people["Kang Tae-ho"].titles
    assert people["Oh Min-ji"].economy == people["Kang Tae-ho"].economy == "KOR"
    assert not any(p.name in ("Organizations", "International Organizations") for p in result.people)


def test_as_followed_by_another_persons_title_adds_nothing(nlp):
    result = _run(nlp, "Vice Minister Seo Ji-won met Ambassador Park Hye-jin as Minister Cho Hyun arrived in Rome.")
    people = {p.name: p for p in result.people}
    assert "Minister" not in people["Park Hye-jin"].titles
