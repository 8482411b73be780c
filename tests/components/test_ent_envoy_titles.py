"""An envoy's formal title keeps its "of SENDER to DESTINATION" tail; a headline's verb or a cut title is no body."""

from __future__ import annotations

import datetime as dt

from tests.components.ent_helpers import run_text

_DAY = dt.date(2025, 4, 2)


def test_envoy_title_keeps_sender_and_destination_after_as(nlp):
    result = run_text(nlp, "President Lee Jae-myung appointed Kim Min-seo, former Director-General for Climate "
                           "Affairs, as Ambassador and Permanent Representative of the Republic of Korea to the "
                           "United Nations at a ceremony in Seoul on April 1.", _DAY)
    people = {p.name: p for p in result.people}
    assert "Ambassador and Permanent Representative of the Republic of Korea to the United Nations" \
        in people["Kim Min-seo"].titles
    assert "Ambassador and Permanent Representative" not in people["Kim Min-seo"].titles
    assert people["Kim Min-seo"].economy == "KOR"


def test_envoy_title_to_a_state_keeps_the_sender(nlp):
    result = run_text(nlp, "Minister Cho Hyun met with Ambassador of the Republic of Korea to Kenya Jung Eun-ji "
                           "in Seoul on April 1.", _DAY)
    people = {p.name: p for p in result.people}
    assert "Ambassador of the Republic of Korea to Kenya" in people["Jung Eun-ji"].titles
    assert people["Jung Eun-ji"].economy == "KOR"


def test_headline_verb_and_cut_title_are_no_organisations(nlp):
    result = run_text(nlp, "- Former Vice Minister Lee Jun-ho Appointed Permanent Representative of Korea to the "
                           "UN in Geneva -\n\nMinister Cho Hyun said that the Permanent Mission in Geneva plays a "
                           "central role.", _DAY, title="New Permanent Representative Appointed")
    names = {o.name for o in result.organizations}
    assert not any(n.startswith(("Appointed", "Lee Jun-ho")) for n in names)
    assert "Permanent Mission" not in names
