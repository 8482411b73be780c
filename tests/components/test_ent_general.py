"""Entities on invented MOFA-style sentences (other people, countries, bodies and years than the gold files):
visits and calls, numbered meetings, sessions of bodies, joint statements and initiatives with their lead and
endorsing economies, organisations, foreign officials' titles, and places that hold an economy's name.
Every case states what must appear and what must not."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.stages.extract import extract_all
from schemas.models import CleanDocument, DocResult, Paragraph
from tests.components.ent_helpers import run_text

PUBLISHED = dt.date(2025, 7, 15)


def _run(nlp, text: str, published: dt.date = PUBLISHED) -> DocResult:
    return run_text(nlp, text, published, "dgen")


def _people(r: DocResult) -> dict[str, tuple[str | None, str | None, list[str], str | None]]:
    return {p.name: (p.family_name, p.given_name, p.titles, p.economy) for p in r.people}


def _kinds(r: DocResult, kind: str) -> set[str]:
    return {m.text for m in r.mentions if m.kind == kind}


# -- visits, calls and foreign officials ------------------------------------------------------------------------

PEOPLE_CASES = [
    ("First Vice Minister Park Yoon-joo will visit Brazil and Chile from May 3 to 6 to hold policy consultations.",
     {"Park Yoon-joo": ("Park", "Yoon-joo", ["First Vice Minister"], "KOR")}, {"BRA", "CHL"}),
    ("Second Vice Minister Kim Jina will pay an official visit to Nairobi, Kenya, on September 2 and meet Cabinet "
     "Secretary for Foreign and Diaspora Affairs Musalia Mudavadi of Kenya.",
     {"Kim Jina": ("Kim", "Jina", ["Second Vice Minister"], "KOR"),
      "Musalia Mudavadi": ("Mudavadi", "Musalia", ["Cabinet Secretary for Foreign and Diaspora Affairs"], "KEN")},
     {"KEN"}),
    ("Foreign Minister Cho Tae-yul held a phone call with Kenyan Foreign Minister Alfred Mutua on the afternoon of "
     "March 12 and discussed ways to expand cooperation in critical minerals.",
     {"Cho Tae-yul": ("Cho", "Tae-yul", ["Foreign Minister"], "KOR"),
      "Alfred Mutua": ("Mutua", "Alfred", ["Foreign Minister"], "KEN")}, {"KEN"}),
    ("Minister of Foreign Affairs Park Jin had a telephone conversation with U.K. Foreign Secretary James Cleverly "
     "on April 4. Foreign Minister Park said that the partnership is growing.",
     {"Park Jin": ("Park", "Jin", ["Minister of Foreign Affairs"], "KOR"),
      "James Cleverly": ("Cleverly", "James", ["Foreign Secretary"], "GBR")}, {"GBR"}),
    ("Minister of Foreign Affairs Cho Tae-yul met with EU High Representative for Foreign Affairs and Security "
     "Policy Josep Borrell in Brussels on May 22.",
     {"Cho Tae-yul": ("Cho", "Tae-yul", ["Minister of Foreign Affairs"], "KOR"),
      "Josep Borrell": ("Borrell", "Josep", ["High Representative for Foreign Affairs and Security Policy"], None)},
     set()),
    ("Foreign Minister Juan Pérez of Chile and President Gabriel Boric welcomed Korean President Lee Jae-myung, "
     "who is visiting Santiago.",
     {"Juan Pérez": ("Pérez", "Juan", ["Foreign Minister"], "CHL"),
      "Gabriel Boric": ("Boric", "Gabriel", ["President"], None),  # not Korea's: no Korean office holder's name
      "Lee Jae-myung": ("Lee", "Jae-myung", ["President"], "KOR")}, {"CHL", "KOR"}),
]


@pytest.mark.parametrize("text,people,economies", PEOPLE_CASES)
def test_people_titles_economies(nlp, text, people, economies):
    r = _run(nlp, text)
    assert _people(r) == people
    assert economies <= {e.economy_id for e in r.economies}
    person_texts = _kinds(r, "person")
    for wrong in ("Brazil", "Chile", "Kenya", "Nairobi", "Brussels", "Santiago", "EU"):
        assert wrong not in person_texts


# -- numbered meetings, sessions of bodies and their date, place and host ----------------------------------------

EVENT_CASES = [
    ("Foreign Minister Cho Tae-yul attended the 12th Korea-Central Asia Cooperation Forum in Astana, Kazakhstan, "
     "on October 15.",
     ("Korea-Central Asia Cooperation Forum", None, 12, "2025-10-15", "Astana", "KAZ")),
    ("The foreign ministers issued a joint statement after the 10th Korea-Japan-China Trilateral Foreign Ministers’ "
     "Meeting held in Busan on November 25.",
     ("Korea-Japan-China Trilateral Foreign Ministers’ Meeting", None, 10, "2025-11-25", "Busan", "KOR")),
    ("Minister of Foreign Affairs Cho Hyun will attend the 58th session of the Human Rights Council in Geneva on "
     "February 24.",
     ("Human Rights Council", "UNHRC", 58, "2025-02-24", "Geneva", "CHE")),  # the name as written
    ("Foreign Minister Cho Hyun will travel to New York from September 20 to 24 to attend the 81st UNGA.",
     ("United Nations General Assembly", "UNGA", 81, "2025-09-20", "New York", "USA")),
    ("The 2026 G20 Summit will be held in Miami, the United States, on December 14.",
     ("G20 Summit", None, None, "2026-12-14", "Miami", "USA")),
    ("Ambassador Lee Jun-il attended the 47th ASEAN Summit in Kuala Lumpur on October 26.",
     ("ASEAN Summit", None, 47, "2025-10-26", "Kuala Lumpur", "MYS")),
    ("Vice Minister Chung said that the two countries would work closely at the 4th Summit for Democracy to be "
     "held in Seoul on March 18.",
     ("Summit for Democracy", None, 4, "2025-03-18", "Seoul", "KOR")),
    ("The two sides agreed to work together for the success of the Korea-Africa Foreign Ministers’ Meeting "
     "scheduled for September.",
     ("Korea-Africa Foreign Ministers’ Meeting", None, None, "2025-09", None, None)),
]


@pytest.mark.parametrize("text,expected", EVENT_CASES)
def test_events_with_attributes(nlp, text, expected):
    r = _run(nlp, text)
    events = {e.name: (e.name, e.acronym, e.ordinal, e.date, e.location, e.economy_id) for e in r.events}
    assert events == {expected[0]: expected}
    orgs = {o.name for o in r.organizations}
    assert expected[0] not in orgs  # a numbered session is the event, not the body


def test_headline_event_takes_the_body_talks(nlp):
    text = ("Outcome of Korea-Kenya Foreign Ministers’ Talks\n\nMinister of Foreign Affairs Cho Tae-yul held talks "
            "with Cabinet Secretary Musalia Mudavadi of Kenya at the Ministry of Foreign Affairs in Seoul on "
            "March 4 and exchanged views on cooperation.")
    cdoc = CleanDocument(doc_id="dgen2", source="t.txt", sha256="0", input_format="text", title="t",
                         language="en", text=text, published=PUBLISHED,
                         paragraphs=[Paragraph(paragraph_id=0, section="title", start=0, end=text.index("\n")),
                                     Paragraph(paragraph_id=1, section="body", start=text.index("Minister"),
                                               end=len(text))])
    (r,) = extract_all(nlp, [cdoc])
    (talks,) = r.events
    assert (talks.name, talks.date, talks.location, talks.economy_id) == (
        "Korea-Kenya Foreign Ministers’ Talks", "2025-03-04", "Seoul", "KOR")


# -- initiatives, joint statements and their economies ----------------------------------------------------------

INITIATIVE_CASES = [
    ("Minister Cho explained the Korea-Africa Partnership Initiative (KAPI), which Korea launched in 2024, and "
     "asked for Ghana’s support. The KAPI aims to expand trade.",
     {"Korea-Africa Partnership Initiative": "KAPI"}, {("KOR", "lead")}),
    ("The Korea-Africa Partnership Initiative (KAPI) proposed by Korea aims to expand trade with the continent.",
     {"Korea-Africa Partnership Initiative": "KAPI"}, {("KOR", "lead")}),
    ("The Ministry explained the Japanese government’s Free and Open Indo-Pacific Vision to the delegation.",
     {"Free and Open Indo-Pacific Vision": None}, {("JPN", "lead")}),
    ("The Digital Cooperation Fund, which Singapore announced last year, will support small firms. Indonesia and "
     "Thailand endorsed the fund.",
     {"Digital Cooperation Fund": None}, {("SGP", "lead"), ("IDN", "endorse"), ("THA", "endorse")}),
    ("Canada launched the Global Water Security Initiative in 2023. The initiative was endorsed by Chile, Peru and "
     "Mexico.",
     {"Global Water Security Initiative": None},
     {("CAN", "lead"), ("CHL", "endorse"), ("PER", "endorse"), ("MEX", "endorse")}),
    ("The Korea-Mekong Vision is Korea’s blueprint for cooperation with the five Mekong countries.",
     {"Korea-Mekong Vision": None}, {("KOR", "lead")}),
    ("The foreign ministers of Korea, Japan and China adopted the Joint Statement on Trilateral Cooperation for "
     "the Next Decade in Busan.",
     {"Joint Statement on Trilateral Cooperation for the Next Decade": None}, set()),
    ("The leaders reaffirmed the 2030 Agenda for Sustainable Development and the Pacific Islands Forum’s 2050 "
     "Strategy for the Blue Pacific Continent.",
     {"2030 Agenda for Sustainable Development": None, "2050 Strategy for the Blue Pacific Continent": None}, set()),
]


@pytest.mark.parametrize("text,initiatives,links", INITIATIVE_CASES)
def test_initiatives_and_links(nlp, text, initiatives, links):
    r = _run(nlp, text)
    assert {i.name: i.acronym for i in r.initiatives} == initiatives
    assert {(link.economy_id, link.role) for link in r.initiative_links} == links
    orgs = {o.name for o in r.organizations}
    assert not orgs & {"Blue Pacific Continent", "Sustainable Development", "KAPI", "Joint Statement"}


def test_joint_statement_alone_is_no_initiative(nlp):
    r = _run(nlp, "The two ministers issued a Joint Statement and held a Press Conference.")
    assert r.initiatives == [] and r.events == []


# -- organisations ----------------------------------------------------------------------------------------------

ORG_CASES = [
    ("The Korean government will provide USD 3 million through the African Union (AU) and the International "
     "Atomic Energy Agency (IAEA). The AU welcomed the decision.",
     {"African Union": "AU", "International Atomic Energy Agency": "IAEA"}),
    ("The assistance will be delivered through the Office of the United Nations High Commissioner for Refugees "
     "(UNHCR) to refugees in Chad.",
     {"United Nations High Commissioner for Refugees": "UNHCR"}),
    ("The OECD and the European Union (EU) welcomed Korea’s contribution.",
     {"Organisation for Economic Co-operation and Development": "OECD", "European Union": "EU"}),
    ("Minister Park stressed the role of the North Atlantic Treaty Organization (NATO) and of the IAEA.",
     {"North Atlantic Treaty Organization": "NATO", "International Atomic Energy Agency": "IAEA"}),
    ("Korea will work closely with the United Nations Security Council and the World Health Organization.",
     {"United Nations Security Council": "UNSC", "World Health Organization": "WHO"}),
    ("The Korean government condemned the attack and called on the UN Security Council to respond.",
     {"United Nations Security Council": "UNSC"}),
]


@pytest.mark.parametrize("text,orgs", ORG_CASES)
def test_organisations(nlp, text, orgs):
    r = _run(nlp, text)
    assert {o.name: o.acronym for o in r.organizations} == orgs
    assert "EUR" not in {e.economy_id for e in r.economies}  # the EU is an organisation, not an economy
    for person in _kinds(r, "person"):
        assert not any(name in person or (acr and acr in person) for name, acr in orgs.items())


# -- places holding an economy's name ---------------------------------------------------------------------------

PLACE_CASES = [
    ("The two ministers exchanged views on the situation in the South China Sea and Myanmar.",
     {"South China Sea"}, {"MMR"}, {"CHN"}),
    ("They discussed tensions in the East China Sea and the Taiwan Strait.",
     {"East China Sea", "Taiwan Strait"}, set(), {"CHN", "TWN"}),
    ("Shipping in the Gulf of Mexico and the Philippine Sea was discussed with Canada.",
     {"Gulf of Mexico", "Philippine Sea"}, {"CAN"}, {"MEX", "PHL"}),
    ("The Korean government is concerned about the situation in the Sahel region.",
     {"Sahel region"}, {"KOR"}, set()),
    ("The DPRK fired a ballistic missile toward the East Sea on the morning of March 3.",
     {"East Sea"}, {"PRK"}, set()),
    ("Peace on the Korean Peninsula matters to Japan.",
     {"Korean Peninsula"}, {"JPN"}, {"KOR"}),
]


@pytest.mark.parametrize("text,places,economies,not_economies", PLACE_CASES)
def test_places_are_not_economies(nlp, text, places, economies, not_economies):
    r = _run(nlp, text)
    assert places <= _kinds(r, "location")
    got = {e.economy_id for e in r.economies}
    assert economies <= got and not (not_economies & got)
    assert not _kinds(r, "person")


# -- doc.ents agree with the project's mentions -----------------------------------------------------------------

def test_doc_ents_follow_mentions(nlp):
    doc = nlp("Minister Cho attended the 35th APEC Ministerial Meeting (AMM) with delegates of Brunei Darussalam "
              "and Chinese Taipei.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("APEC Ministerial Meeting", "EVENT") in ents and ("AMM", "EVENT") in ents
    assert ("Brunei Darussalam", "GPE") in ents and ("Chinese Taipei", "GPE") in ents
    assert not any(label == "PERSON" and text in ("AMM", "APEC Ministerial Meeting", "Brunei Darussalam")
                   for text, label in ents)
    spans = {(s.start, s.end) for s in doc.spans["mofa"]}
    assert all((e.start, e.end) in spans for e in doc.ents if e.label_ in ("PERSON", "GPE", "ORG", "EVENT"))
