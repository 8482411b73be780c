"""Organisations: groupings and cross-regional forums from the gazetteer, bodies introduced with a short form
of any shape in parentheses and its later uses, and sector names that are never organisations. Invented
sentences; each case states what must and must not appear."""

from __future__ import annotations

import datetime as dt

from schemas.models import DocResult
from tests.components.ent_helpers import run_text


def _run(nlp, text: str) -> DocResult:
    return run_text(nlp, text, dt.date(2023, 10, 2), "dorgs")


def _mentions(r: DocResult, org_name: str) -> list[str]:
    (org,) = [o for o in r.organizations if o.name == org_name]
    return [m.text for m in r.mentions if m.entity_id == org.org_id]


def test_groupings_by_acronym(nlp):
    r = _run(nlp, "The ministers of MIKTA met on the sidelines. FEALAC, CICA and the Quad were discussed, as were "
                  "the G7 and BRICS.")
    acronyms = {o.acronym for o in r.organizations}
    assert {"MIKTA", "FEALAC", "CICA", "Quad", "G7", "BRICS"} <= acronyms
    assert not {m.text for m in r.mentions if m.kind == "person"}


def test_short_forms_of_any_shape(nlp):
    r = _run(nlp, "The Korea Expressway Corporation (K-expressway) and the Export-Import Bank of Thailand (Thai "
                  "Exim) signed a memorandum. K-expressway will share its know-how, and Thai Exim will finance "
                  "the road. The Korea Institute for Industrial Economics and Trade (KIET) hosted the event.")
    orgs = {o.name: o.acronym for o in r.organizations}
    assert orgs["Korea Expressway Corporation"] == "K-expressway"
    assert orgs["Export-Import Bank of Thailand"] == "Thai Exim"
    assert orgs["Korea Institute for Industrial Economics and Trade"] == "KIET"
    assert _mentions(r, "Korea Expressway Corporation").count("K-expressway") == 2
    assert _mentions(r, "Export-Import Bank of Thailand").count("Thai Exim") == 2
    assert not {m.text for m in r.mentions if m.kind == "person"}


def test_parenthesis_that_spells_nothing_is_no_short_form(nlp):
    r = _run(nlp, "The Hanoi Urban Railway Corporation (Vietnam) will build the line.")
    assert all(o.acronym != "Vietnam" for o in r.organizations)


def test_sector_names_are_not_organisations(nlp):
    r = _run(nlp, "The two sides agreed to cooperate in areas such as Green Growth, Digital Transformation and "
                  "Development, Renewable Energy, and Health.")
    assert r.organizations == []
