"""Tests of the evaluation harness on hand-built tables (fast: no model, no pipeline run)."""

from __future__ import annotations

import copy
import html
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.tools import evaluate as ev
from pipeline.tools.evaluate import ScoreRow, find_document, score

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "gold"
DOC = "d000000000000001"

TEXT = (
    "Foreign Ministers' Talks\n\n"
    "Minister of Foreign Affairs Kim Min-su held talks with Foreign Minister Anna Berg of Sweden in Seoul.\n\n"
    "Minister Kim stressed that the two countries share values. He urged the DPRK to stop its provocations.\n\n"
    "The two ministers agreed to launch the Green Growth Partnership led by Korea.\n\n"
    "* The Green Growth Partnership was endorsed by Sweden."
)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _sentences() -> list[dict[str, Any]]:
    pieces = [
        ("title", 0, "Foreign Ministers' Talks"),
        ("body", 1, "Minister of Foreign Affairs Kim Min-su held talks with Foreign Minister Anna Berg of Sweden in "
                    "Seoul."),
        ("body", 2, "Minister Kim stressed that the two countries share values."),
        ("body", 2, "He urged the DPRK to stop its provocations."),
        ("body", 3, "The two ministers agreed to launch the Green Growth Partnership led by Korea."),
        ("footnote", 4, "* The Green Growth Partnership was endorsed by Sweden."),
    ]
    rows = []
    for i, (section, para, text) in enumerate(pieces):
        start, end = _span(TEXT, text)
        rows.append({"doc_id": DOC, "sent_id": f"{DOC}:s{i}", "paragraph_id": para, "section": section,
                     "start": start, "end": end, "text": text})
    return rows


def _mention(kind: str, text: str, entity_id: str, occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    sent = next(s for s in _sentences() if s["start"] <= start < s["end"])
    return {"doc_id": DOC, "sent_id": sent["sent_id"], "start": start, "end": start + len(text), "text": text,
            "kind": kind, "entity_id": entity_id}


def _claim(sent: int, speaker_kind: str, speaker_id: str | None, speaker_text: str, cue: str, cue_text: str,
           claim_type: str = "statement", addressees: list[str] | None = None) -> dict[str, Any]:
    s = _sentences()[sent]
    cue_start = TEXT.index(cue_text, s["start"])
    return {"claim_id": f"{DOC}:c{cue_start}", "doc_id": DOC, "sent_id": s["sent_id"], "speaker_kind": speaker_kind,
            "speaker_id": speaker_id, "speaker_text": speaker_text, "cue": cue, "claim_type": claim_type,
            "future": False, "content": s["text"][cue_start - s["start"] + len(cue_text):],
            "addressee_ids": addressees or [], "economy_ids": [], "initiative_ids": [],
            "speaker_start": None, "speaker_end": None, "cue_start": cue_start, "cue_end": cue_start + len(cue_text),
            "content_start": cue_start + len(cue_text), "content_end": s["end"]}


def make_tables() -> dict[str, pd.DataFrame]:
    """A perfect prediction for GOLD below."""
    docs = [{"doc_id": DOC, "source": "feeds/talks.txt", "url": None, "sha256": "0" * 64, "input_format": "mofa_text",
             "category": "Ministry News", "title": "Foreign Ministers' Talks", "subtitle": None,
             "published": pd.Timestamp("2025-03-04").date(), "hits": 12, "language": "en", "text": TEXT,
             "n_sentences": 6}]
    mentions = [
        _mention("person", "Kim Min-su", "person:kim-min-su"),
        _mention("person", "Anna Berg", "person:anna-berg"),
        _mention("economy", "Sweden", "SWE"),
        _mention("location", "Seoul", "seoul"),
        _mention("person", "Minister Kim", "person:kim-min-su"),
        _mention("economy", "DPRK", "PRK"),
        _mention("initiative", "Green Growth Partnership", "initiative:green-growth-partnership"),
        _mention("economy", "Korea", "KOR"),
        _mention("organization", "Foreign Affairs", "org:mofa"),
    ]
    people = [
        {"person_id": "person:kim-min-su", "name": "Kim Min-su", "family_name": "Kim", "given_name": "Min-su",
         "economy": "KOR", "titles": ["Minister of Foreign Affairs"]},
        {"person_id": "person:anna-berg", "name": "Anna Berg", "family_name": "Berg", "given_name": "Anna",
         "economy": "SWE", "titles": ["Foreign Minister"]},
        {"person_id": "person:someone-else", "name": "Someone Else", "family_name": None, "given_name": None,
         "economy": None, "titles": []},
    ]
    claims = [
        _claim(2, "person", "person:kim-min-su", "Minister Kim", "stress", "stressed"),
        _claim(3, "person", "person:kim-min-su", "He", "urge", "urged", "call", ["PRK"]),
        _claim(4, "collective", "two-ministers", "The two ministers", "agree", "agreed", "commitment"),
    ]
    return {
        "documents": pd.DataFrame(docs),
        "sentences": pd.DataFrame(_sentences()),
        "mentions": pd.DataFrame(mentions),
        "people": pd.DataFrame(people),
        "economies": pd.DataFrame([{"economy_id": e, "name": e, "apec_member": e == "KOR"}
                                   for e in ("KOR", "SWE", "PRK")]),
        "organizations": pd.DataFrame([{"org_id": "org:mofa", "name": "Ministry of Foreign Affairs",
                                        "acronym": "MOFA"}]),
        "initiatives": pd.DataFrame([{"initiative_id": "initiative:green-growth-partnership",
                                      "name": "Green Growth Partnership", "acronym": None}]),
        "initiative_links": pd.DataFrame([
            {"doc_id": DOC, "sent_id": f"{DOC}:s4", "initiative_id": "initiative:green-growth-partnership",
             "economy_id": "KOR", "role": "lead"},
            {"doc_id": DOC, "sent_id": f"{DOC}:s5", "initiative_id": "initiative:green-growth-partnership",
             "economy_id": "SWE", "role": "endorse"},
        ]),
        "events": pd.DataFrame([{"event_id": f"event:{DOC}:talks", "doc_id": DOC, "name": "Foreign Ministers' Talks",
                                 "acronym": None, "ordinal": None, "date": "2025-03-04", "location": "Seoul",
                                 "economy_id": "KOR"}]),
        "claims": pd.DataFrame(claims),
    }


GOLD: dict[str, Any] = {
    "source": "talks.txt",
    "metadata": {"category": "Ministry News", "title": "Foreign Ministers' Talks", "subtitle": None,
                 "published": "2025-03-04", "hits": 12, "language": "en"},
    "body": {"starts_with": "Minister of Foreign Affairs Kim Min-su held talks",
             "ends_with": "endorsed by Sweden.",
             "must_not_contain": ["SCREEN SIZE", "hit\n12"],
             "footnotes_start_with": ["The Green Growth Partnership was endorsed"]},
    "people": {"core": [
        {"name": "Kim Min-su", "family_name": "Kim", "given_name": "Min-su", "titles": ["Minister of Foreign Affairs"],
         "economy": "KOR", "aliases_in_text": ["Minister Kim"]},
        {"name": "Anna Berg", "titles": ["Foreign Minister"], "economy": "SWE"},
    ], "optional": [{"name": "Someone Else"}], "must_not_be_people": ["Seoul", "Foreign Affairs"]},
    "economies": {"core": ["KOR", "SWE", "PRK"], "optional": []},
    "organizations": {"core": [], "optional": [{"name": "Ministry of Foreign Affairs", "acronym": "MOFA"}]},
    "initiatives": {"core": [{"name": "Green-Growth “Partnership”", "lead": ["KOR"], "endorsed_by": ["SWE"]}],
                    "optional": []},
    "events": {"core": [{"name": "Foreign Ministers’ Talks", "date": "2025-03-04", "location": "Seoul",
                         "economy": "KOR"}], "optional": []},
    "claims": {"core": [
        {"speaker": "Kim Min-su", "cue": "stress", "sentence_contains": "share values"},
        {"speaker": "Kim Min-su", "cue": "urge", "sentence_contains": "urged the DPRK", "addressees": ["PRK"],
         "via_pronoun": True, "claim_type": "call"},
    ], "optional": [
        {"speaker": "the two ministers", "speaker_kind": "collective", "cue": "agree",
         "sentence_contains": "agreed to launch"},
    ]},
}


def rows_of(tables: dict[str, pd.DataFrame], gold: dict[str, Any] = GOLD) -> dict[str, ScoreRow]:
    return {r.category: r for r in score(tables, gold)}


def counts(row: ScoreRow) -> tuple[int, int, int]:
    return row.tp, row.fp, row.fn


def _replace(tables: dict[str, pd.DataFrame], table: str, rows: list[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    out = dict(tables)
    out[table] = pd.DataFrame(rows)
    return out


# ----------------------------------------------------------------------------------------------- scores


def test_score_row_arithmetic_and_empty_convention() -> None:
    row = ScoreRow.from_counts("x", tp=3, fp=1, fn=2)
    assert row.precision == pytest.approx(0.75)
    assert row.recall == pytest.approx(0.6)
    assert row.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert ScoreRow.from_counts("x", 0, 0, 0).f1 == 1.0 and ScoreRow.from_counts("x", 0, 0, 0).empty
    assert ScoreRow.from_counts("x", 0, 2, 0).f1 == 0.0
    assert ScoreRow.from_counts("x", 0, 0, 3).f1 == 0.0


def test_perfect_prediction_scores_one_everywhere() -> None:
    rows = rows_of(make_tables())
    assert counts(rows["metadata"]) == (6, 0, 0)
    assert counts(rows["body"]) == (5, 0, 0)
    assert counts(rows["people"]) == (2, 0, 0)  # "Someone Else" is optional: not an fp
    assert counts(rows["people_titles"]) == (2, 0, 0)
    assert counts(rows["people_economy"]) == (2, 0, 0)
    assert counts(rows["economies"]) == (3, 0, 0)
    assert counts(rows["organizations"]) == (0, 0, 0)  # the optional MOFA is tolerated
    assert counts(rows["initiatives"]) == (1, 0, 0)
    assert counts(rows["initiative_links"]) == (2, 0, 0)
    assert counts(rows["events"]) == (1, 0, 0)
    assert counts(rows["event_attributes"]) == (3, 0, 0)
    assert counts(rows["claims"]) == (2, 0, 0)  # the collective claim matches an optional gold claim
    assert counts(rows["claims_cue"]) == (2, 0, 0)
    assert counts(rows["claims_addressees"]) == (1, 0, 0)
    assert counts(rows["claims_type"]) == (1, 0, 0)
    assert counts(rows["claims_via_pronoun"]) == (1, 0, 0)
    assert all(r.f1 == 1.0 for r in rows.values())


def test_metadata_errors() -> None:
    tables = make_tables()
    docs = tables["documents"].copy()
    docs.loc[0, "title"] = "Foreign Ministers Talks"  # apostrophe lost
    docs.loc[0, "hits"] = None
    docs.loc[0, "subtitle"] = "A subtitle that is not there"
    row = rows_of(_replace(tables, "documents", docs.to_dict("records")))["metadata"]
    assert counts(row) == (3, 2, 2)  # title: fp + fn; hits: fn; subtitle where gold has none: fp
    assert row.f1 < 1.0


def test_body_checks_catch_navigation_and_merged_footnotes() -> None:
    tables = make_tables()
    sents = _sentences()
    sents[1]["text"] = "SCREEN SIZE " + sents[1]["text"]
    sents[5]["section"] = "body"  # footnote not recognised
    row = rows_of(_replace(tables, "sentences", sents))["body"]
    assert counts(row) == (2, 0, 3)  # starts_with, must_not_contain SCREEN SIZE, footnote missed


def test_spurious_footnote_paragraph_is_fp() -> None:
    sents = _sentences()
    sents[4]["section"] = "footnote"
    assert counts(rows_of(_replace(make_tables(), "sentences", sents))["body"]) == (5, 1, 0)


def test_people_wrong_predictions_lower_precision() -> None:
    tables = make_tables()
    people = tables["people"].to_dict("records")
    people.append({"person_id": "person:seoul", "name": "Seoul", "family_name": None, "given_name": None,
                   "economy": None, "titles": []})
    people[0]["titles"] = ["Minister", "Ambassador"]  # gold title lost; one tolerated (alias), one wrong
    people[1]["economy"] = "NOR"
    mentions = [*tables["mentions"].to_dict("records"), _mention("person", "Seoul", "person:seoul"),
                _mention("person", "Foreign Affairs", "org:mofa")]
    rows = rows_of(_replace(_replace(tables, "people", people), "mentions", mentions))
    # Seoul: unmatched person (1 fp, and not counted again as must-not); "Foreign Affairs" mention: 1 fp
    assert counts(rows["people"]) == (2, 2, 0)
    assert counts(rows["people_titles"]) == (1, 1, 1)
    assert counts(rows["people_economy"]) == (1, 1, 1)


def test_must_not_be_person_counted_once_per_wrong_entity() -> None:
    tables = make_tables()
    people = [*tables["people"].to_dict("records"),
              {"person_id": "person:affairs", "name": "Affairs", "family_name": None, "given_name": None,
               "economy": None, "titles": ["Foreign"]}]
    mentions = [*tables["mentions"].to_dict("records"), _mention("person", "Foreign Affairs", "person:affairs")]
    rows = rows_of(_replace(_replace(tables, "people", people), "mentions", mentions))
    assert counts(rows["people"]) == (2, 1, 0)  # "Affairs" is wrong once, not again as "Foreign Affairs"


def test_explain_lists_misses_and_wrong_predictions() -> None:
    tables = make_tables()
    mentions = [m for m in tables["mentions"].to_dict("records") if m["entity_id"] != "PRK"]
    mentions.append(_mention("economy", "Sweden", "CHE"))
    claims = tables["claims"].to_dict("records")
    claims[0]["speaker_id"] = "person:anna-berg"
    details = ev.explain(_replace(_replace(tables, "mentions", mentions), "claims", claims), GOLD)
    assert details["economies"] == {"missed": ["PRK"], "wrong": ["CHE"]}
    assert len(details["claims"]["missed"]) == 1 and "share values" in details["claims"]["missed"][0]
    assert "person:anna-berg" in details["claims"]["wrong"][0]
    assert "people" not in details  # no errors, no entry
    assert ev.explain(make_tables(), GOLD) == {}


def test_people_titles_tolerate_titles_written_in_aliases() -> None:
    tables = make_tables()
    people = tables["people"].to_dict("records")
    people[0]["titles"] = ["Minister of Foreign Affairs", "Minister"]  # "Minister" is inside alias "Minister Kim"
    assert counts(rows_of(_replace(tables, "people", people))["people_titles"]) == (2, 0, 0)


def test_people_are_scored_as_the_document_presents_them_when_roles_are_there() -> None:
    tables = make_tables()
    people = tables["people"].to_dict("records")
    people[0]["titles"] = ["Minister of Foreign Affairs", "Ambassador to Japan"]  # merged over a corpus
    people[0]["economy"] = "JPN"
    merged = _replace(tables, "people", people)
    assert counts(rows_of(merged)["people_titles"]) == (2, 1, 0)
    roles = pd.DataFrame([{"doc_id": DOC, "person_id": people[0]["person_id"], "name": people[0]["name"],
                           "economy": "KOR", "titles": ["Minister of Foreign Affairs"]}])
    rows = rows_of({**merged, "roles": roles})
    assert counts(rows["people_titles"]) == (2, 0, 0)
    assert counts(rows["people_economy"]) == (2, 0, 0)


def test_split_person_counts_as_fp() -> None:
    tables = make_tables()
    people = [*tables["people"].to_dict("records"),
              {"person_id": "person:kim", "name": "Kim", "family_name": "Kim", "given_name": None, "economy": "KOR",
               "titles": []}]
    mentions = tables["mentions"].to_dict("records")
    mentions[4]["entity_id"] = "person:kim"
    rows = rows_of(_replace(_replace(tables, "people", people), "mentions", mentions))
    assert counts(rows["people"]) == (2, 1, 0)


def test_economies_set_comparison() -> None:
    tables = make_tables()
    mentions = [m for m in tables["mentions"].to_dict("records") if m["entity_id"] != "PRK"]
    mentions.append(_mention("economy", "Seoul", "KOR"))
    mentions.append(_mention("economy", "Sweden", "CHE"))
    row = rows_of(_replace(tables, "mentions", mentions))["economies"]
    assert counts(row) == (2, 1, 1)


def test_organizations_match_by_acronym_and_split_is_fp() -> None:
    gold = copy.deepcopy(GOLD)
    gold["organizations"] = {"core": [{"name": "Ministry of Foreign Affairs", "acronym": "MOFA"}]}
    tables = make_tables()
    orgs = [{"org_id": "org:mofa", "name": "MOFA", "acronym": None},
            {"org_id": "org:ministry", "name": "the Ministry of Foreign Affairs", "acronym": None}]
    mentions = [*tables["mentions"].to_dict("records"), _mention("organization", "Foreign", "org:ministry")]
    rows = rows_of(_replace(_replace(tables, "organizations", orgs), "mentions", mentions), gold)
    assert counts(rows["organizations"]) == (1, 1, 0)


def test_initiative_links_wrong_role_and_economy() -> None:
    tables = make_tables()
    links = tables["initiative_links"].to_dict("records")
    links[1]["role"] = "lead"
    links.append({**links[0], "economy_id": "USA"})
    links.append(dict(links[0]))  # a duplicate link is one link
    rows = rows_of(_replace(tables, "initiative_links", links))
    assert counts(rows["initiative_links"]) == (1, 2, 1)


def test_event_attributes_only_on_matched_events() -> None:
    tables = make_tables()
    events = tables["events"].to_dict("records")
    events[0]["location"] = "Busan"
    events[0]["date"] = None
    events.append({**events[0], "event_id": "event:x:summit", "name": "Summit"})
    rows = rows_of(_replace(tables, "events", events))
    assert counts(rows["events"]) == (1, 1, 0)
    assert counts(rows["event_attributes"]) == (1, 1, 2)


def test_event_names_ignore_ordinals_and_null_attribute_penalises_guess() -> None:
    gold = copy.deepcopy(GOLD)
    gold["events"]["core"][0].update({"name": "Foreign Ministers' Talks", "ordinal": None})
    tables = make_tables()
    events = tables["events"].to_dict("records")
    events[0].update({"name": "3rd Foreign Ministers' Talks", "ordinal": 3})
    rows = rows_of(_replace(tables, "events", events), gold)
    assert counts(rows["events"]) == (1, 0, 0)
    assert counts(rows["event_attributes"]) == (3, 1, 0)  # ordinal: gold null, predicted 3


def test_claims_wrong_speaker_cue_and_addressees() -> None:
    tables = make_tables()
    claims = tables["claims"].to_dict("records")
    claims[0]["speaker_id"] = "person:anna-berg"  # wrong speaker: gold claim missed and a false claim made
    claims[1]["cue"] = "call for"
    claims[1]["addressee_ids"] = ["PRK", "RUS"]
    claims[2]["speaker_id"] = "ministers-of-the-world"
    claims[2]["speaker_text"] = "Ministers of the world"  # no longer matches the optional claim
    rows = rows_of(_replace(tables, "claims", claims))
    assert counts(rows["claims"]) == (1, 2, 1)
    assert counts(rows["claims_cue"]) == (0, 1, 1)
    assert counts(rows["claims_addressees"]) == (1, 1, 0)
    assert counts(rows["claims_via_pronoun"]) == (1, 0, 0)
    assert rows["claims"].f1 < 1.0


def test_claims_in_wrong_sentence_do_not_match() -> None:
    tables = make_tables()
    claims = tables["claims"].to_dict("records")
    claims[1]["sent_id"] = f"{DOC}:s2"
    rows = rows_of(_replace(tables, "claims", claims))
    assert counts(rows["claims"]) == (1, 1, 1)
    assert counts(rows["claims_via_pronoun"]) == (0, 0, 1)


def test_claims_prefer_cue_agreement_within_one_sentence() -> None:
    gold = copy.deepcopy(GOLD)
    gold["claims"] = {"core": [{"speaker": "Kim Min-su", "cue": "urge", "sentence_contains": "urged the DPRK"}],
                      "optional": [{"speaker": "Kim Min-su", "cue": "stress", "sentence_contains": "urged the DPRK"}]}
    tables = make_tables()
    claims = tables["claims"].to_dict("records")
    other = {**claims[1], "cue": "stress", "claim_id": "x"}
    rows = rows_of(_replace(tables, "claims", [other, claims[1]]), gold)
    assert counts(rows["claims"]) == (1, 0, 0)
    assert counts(rows["claims_cue"]) == (1, 0, 0)


def test_economy_and_organization_speakers() -> None:
    gold = copy.deepcopy(GOLD)
    gold["claims"] = {"core": [
        {"speaker": "KOR", "speaker_kind": "economy", "cue": "lead",
         "sentence_contains": "Green Growth Partnership led"},
        {"speaker": "MOFA", "speaker_kind": "organization", "cue": "stress", "sentence_contains": "share values"},
    ]}
    tables = make_tables()
    claims = [_claim(4, "economy", "KOR", "Korea", "lead", "led"),
              _claim(2, "organization", "org:mofa", "the Ministry", "stress", "stressed")]
    rows = rows_of(_replace(tables, "claims", claims), gold)
    assert counts(rows["claims"]) == (2, 0, 0)
    claims[0]["speaker_id"] = "SWE"
    claims[1]["speaker_kind"] = "person"
    rows = rows_of(_replace(tables, "claims", claims), gold)
    assert counts(rows["claims"]) == (0, 2, 2)


def test_missing_document_is_all_misses() -> None:
    gold = {**GOLD, "source": "elsewhere.txt"}
    rows = rows_of(make_tables(), gold)
    assert rows["people"].tp == 0 and rows["people"].fn == 2
    assert rows["claims"].fn == 2 and rows["claims"].fp == 0
    assert rows["metadata"].fn == 5  # subtitle is null in gold: absent is right


# ---------------------------------------------------------------------------------------- matching docs


def test_find_document_by_source_basename_and_fragment() -> None:
    docs = pd.DataFrame([{"doc_id": "a", "source": "sub/x.txt"}, {"doc_id": "b", "source": "feeds/f.xml#seq-12"},
                         {"doc_id": "c", "source": "feeds/f.xml#seq-13"}, {"doc_id": "d", "source": "x.txt"}])
    assert find_document(docs, "x.txt")["doc_id"] == "d"  # exact first
    assert find_document(docs, "other/sub/x.txt")["doc_id"] == "a"
    assert find_document(docs, "f.xml#seq-13")["doc_id"] == "c"
    assert find_document(docs, "f.xml#seq-14") is None
    assert find_document(docs, "f.xml") is None


def test_micro_average_sums_counts() -> None:
    a = [ScoreRow.from_counts("people", 1, 0, 1)]
    b = [ScoreRow.from_counts("people", 3, 2, 0)]
    (row,) = [r for r in ev.micro_average([a, b]) if r.category == "people"]
    assert counts(row) == (4, 2, 1)
    assert row.precision == pytest.approx(4 / 6)


def test_evaluate_skips_unmatched_gold_unless_strict() -> None:
    tables = make_tables()
    golds = [GOLD, {**GOLD, "source": "missing.txt"}]
    report = ev.evaluate(tables, golds)
    assert report.unmatched_gold == ["missing.txt"]
    assert list(report.per_document) == ["talks.txt"]
    strict = ev.evaluate(tables, golds, strict=True)
    people = next(r for r in strict.micro if r.category == "people")
    assert counts(people) == (2, 0, 2)


# ------------------------------------------------------------------------------------------------- I/O


def _processed_and_gold(tmp_path: Path) -> tuple[Path, Path]:
    """A processed folder holding make_tables() as Parquet and a gold folder holding GOLD as talks.json."""
    processed, gold_dir = tmp_path / "processed", tmp_path / "gold"
    processed.mkdir()
    gold_dir.mkdir()
    for name, frame in make_tables().items():
        frame.to_parquet(processed / f"{name}.parquet")
    (gold_dir / "talks.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return processed, gold_dir


def test_main_reads_parquet_and_writes_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    processed, gold_dir = _processed_and_gold(tmp_path)
    (gold_dir / "other.json").write_text(json.dumps({**GOLD, "source": "other.txt"}), encoding="utf-8")
    out = tmp_path / "scores.json"
    assert ev.main(["--processed", str(processed), "--gold", str(gold_dir), "--json", str(out), "--explain"]) == 0
    captured = capsys.readouterr()
    assert "== talks.txt\n  (no errors)" in captured.out
    assert "micro-average over 1 of 2 gold documents" in captured.out
    assert "other.txt" in captured.err
    data = json.loads(out.read_text(encoding="utf-8"))
    micro = {r["category"]: r for r in data["micro"]}
    assert micro["claims"]["f1"] == 1.0 and micro["people_titles"]["tp"] == 2
    assert data["unmatched_gold"] == ["other.txt"]


def test_main_accepts_a_namespace_from_the_pipeline_cli(tmp_path: Path) -> None:
    import argparse

    processed, gold_dir = _processed_and_gold(tmp_path)
    out = tmp_path / "s.json"
    args = argparse.Namespace(processed=processed, gold=gold_dir, json=out, quiet=True)
    assert ev.main(args) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["per_document"]["talks.txt"]


def test_main_fails_without_gold(tmp_path: Path) -> None:
    assert ev.main(["--processed", str(tmp_path), "--gold", str(tmp_path)]) == 1


def test_format_table_marks_empty_rows() -> None:
    text = ev.format_table([ScoreRow.from_counts("claims", 0, 0, 0), ScoreRow.from_counts("people", 1, 1, 0)])
    assert re.search(r"claims\s+0\s+0\s+0\s+-\s+-\s+-", text)
    assert re.search(r"people\s+1\s+1\s+0\s+0\.500\s+1\.000\s+0\.667", text)


# ------------------------------------------------------------------------------- gold files consistency


def _raw_text_of(gold: dict[str, Any]) -> str | None:
    name = str(gold["source"]).partition("#")[0]
    for folder in (GOLD_DIR / "raw", ROOT / "raw"):
        if (folder / name).exists():
            text = (folder / name).read_text(encoding="utf-8")
            if name.endswith((".xml", ".html", ".htm", ".rss")):
                text = re.sub(r"<!\[CDATA\[|\]\]>", " ", text)
                text = html.unescape(html.unescape(re.sub(r"<[^>]+>", " ", text)))
            return text
    return None


GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_file_is_consistent_with_its_raw_input(path: Path) -> None:
    """Every string the gold asks for is in its raw release (catches typos in the annotation)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    raw = _raw_text_of(gold)
    assert raw is not None, f"raw input of {gold['source']} not found"
    flat = ev.fold_ws(raw)

    def present(s: str) -> bool:
        return ev._find_span(flat, s) is not None

    body = gold.get("body", {})
    for key in ("starts_with", "ends_with"):
        if body.get(key):
            assert present(body[key]), (key, body[key])
    for note in body.get("footnotes_start_with", []):
        assert present(note), note
    for kind in ("claims",):
        for item in gold.get(kind, {}).get("core", []) + gold.get(kind, {}).get("optional", []):
            assert present(item["sentence_contains"]), item["sentence_contains"]
            assert item.get("speaker_kind", "person") in {"person", "economy", "organization", "collective"}
    for person in gold.get("people", {}).get("core", []):
        for alias in person.get("aliases_in_text", []):
            assert present(alias), alias
    for code in gold.get("economies", {}).get("core", []):
        assert re.fullmatch(r"[A-Z]{3}", code), code
    if gold.get("metadata", {}).get("title"):
        assert present(gold["metadata"]["title"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_oracle_scores_one(path: Path) -> None:
    """A prediction built from the gold itself scores F1 1.0: the scorer reads the gold format as meant."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    rows = {r.category: r for r in score(oracle_tables(gold), gold)}
    for category in ("people", "people_titles", "people_economy", "economies", "organizations", "initiatives",
                     "initiative_links", "events", "event_attributes", "claims", "claims_cue", "claims_addressees"):
        assert rows[category].f1 == 1.0, (category, rows[category])
    assert rows["claims"].tp == len(gold.get("claims", {}).get("core", []))


def oracle_tables(gold: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Tables that say exactly what the gold says (one sentence per claim snippet)."""
    doc = "doracle"
    snippets = [c["sentence_contains"] for c in gold.get("claims", {}).get("core", []) +
                gold.get("claims", {}).get("optional", [])]
    unique = list(dict.fromkeys(snippets))
    text = "\n\n".join(unique)
    sentences, offset = [], 0
    for i, s in enumerate(unique):
        sentences.append({"doc_id": doc, "sent_id": f"{doc}:s{i}", "paragraph_id": i, "section": "body",
                          "start": offset, "end": offset + len(s), "text": s})
        offset += len(s) + 2
    mentions: list[dict[str, Any]] = []
    people, orgs, inits, links, events, claims = [], [], [], [], [], []

    def mention(kind: str, eid: str) -> None:
        mentions.append({"doc_id": doc, "sent_id": f"{doc}:s0", "start": 0, "end": 1, "text": eid, "kind": kind,
                         "entity_id": eid})

    for i, p in enumerate(gold.get("people", {}).get("core", [])):
        pid = f"person:{i}"
        people.append({"person_id": pid, "name": p["name"], "economy": p.get("economy"),
                       "titles": list(p.get("titles", []))})
        mention("person", pid)
    for code in gold.get("economies", {}).get("core", []):
        mention("economy", code)
    for i, o in enumerate(gold.get("organizations", {}).get("core", [])):
        orgs.append({"org_id": f"org:{i}", "name": o["name"], "acronym": o.get("acronym")})
        mention("organization", f"org:{i}")
    for i, item in enumerate(gold.get("initiatives", {}).get("core", [])):
        iid = f"initiative:{i}"
        inits.append({"initiative_id": iid, "name": item["name"], "acronym": item.get("acronym")})
        mention("initiative", iid)
        for role, key in (("lead", "lead"), ("endorse", "endorsed_by")):
            links += [{"doc_id": doc, "sent_id": f"{doc}:s0", "initiative_id": iid, "economy_id": e, "role": role}
                      for e in item.get(key, [])]
    for i, e in enumerate(gold.get("events", {}).get("core", [])):
        events.append({"event_id": f"event:{i}", "doc_id": doc, "name": e["name"], "acronym": e.get("acronym"),
                       "ordinal": e.get("ordinal"), "date": e.get("date"), "location": e.get("location"),
                       "economy_id": e.get("economy")})
    names = {p["name"]: f"person:{i}" for i, p in enumerate(people)}
    org_ids = {key: o["org_id"] for o in orgs for key in (o["name"], o["acronym"]) if key}
    for i, c in enumerate(gold.get("claims", {}).get("core", [])):
        kind = c.get("speaker_kind", "person")
        sid = {"person": names.get(c["speaker"]), "organization": org_ids.get(c["speaker"])}.get(kind, c["speaker"])
        sent = unique.index(c["sentence_contains"])
        claims.append({"doc_id": doc, "claim_id": f"{doc}:c{i}", "sent_id": f"{doc}:s{sent}", "speaker_kind": kind,
                       "speaker_id": sid, "speaker_text": c["speaker"], "cue": c["cue"],
                       "addressee_ids": c.get("addressees", [])})
    meta = gold.get("metadata", {})
    docs = [{"doc_id": doc, "source": gold["source"], "text": text, **meta}]
    return {"documents": pd.DataFrame(docs), "sentences": pd.DataFrame(sentences), "mentions": pd.DataFrame(mentions),
            "people": pd.DataFrame(people), "organizations": pd.DataFrame(orgs),
            "initiatives": pd.DataFrame(inits), "initiative_links": pd.DataFrame(links),
            "events": pd.DataFrame(events), "claims": pd.DataFrame(claims)}


# ------------------------------------------------------------------- the real pipeline on the gold files


def _tables_from_results(results: list[Any]) -> dict[str, pd.DataFrame]:
    """The scored tables as the write stage assembles them (entities merged over the documents)."""
    from pipeline.stages.write import assemble

    tables = assemble(results, [], [])
    return {name: pd.DataFrame([r.model_dump() for r in tables[name]]) for name in ev.EVAL_TABLES}


def _score_folder(nlp: Any, folder: Path) -> ev.Report:
    """The pipeline (clean + extract) run on every raw input of ``folder``/raw, scored against ``folder``'s gold."""
    from pipeline.stages.clean import clean_bytes
    from pipeline.stages.extract import extract_all
    from schemas.models import CleanDocument

    paths = sorted((folder / "raw").iterdir())
    cdocs = [d for p in paths for d in clean_bytes(p.name, p.read_bytes()) if isinstance(d, CleanDocument)]
    tables = _tables_from_results(list(extract_all(nlp, cdocs)))
    return ev.evaluate(tables, ev.load_gold(folder), strict=True)


@pytest.fixture(scope="module")
def gold_report(nlp: Any) -> ev.Report:
    """tests/gold scored (the seed is copied into tests/gold/raw too: the folder is self-contained)."""
    return _score_folder(nlp, GOLD_DIR)


#: Minimum F1 on the seed (issues 2-4 "done when", measured 1.0 everywhere) and, as regression guards, on the
#: further gold files (measured 1.0 everywhere at the time of pinning) and on the held-out set (tests/heldout/,
#: tests/heldout2/, tests/heldout3/: each annotated blind; floors pinned a little under the lowest score measured).
SEED_FLOORS = {"metadata": 1.0, "body": 1.0, "people": 1.0, "people_titles": 1.0, "people_economy": 1.0,
               "economies": 1.0, "organizations": 1.0, "initiatives": 1.0, "initiative_links": 0.95, "events": 1.0,
               "event_attributes": 0.95, "claims": 0.95, "claims_cue": 0.95, "claims_addressees": 1.0,
               "claims_via_pronoun": 1.0}
# Every category scores 1.0 on our gold files but claims_type (0.968); the floors leave room for one slip.
CORPUS_FLOORS = {"metadata": 0.95, "body": 0.95, "people": 0.95, "people_titles": 0.95, "people_economy": 0.95,
                 "economies": 0.95, "organizations": 0.95, "initiatives": 0.9, "initiative_links": 0.9,
                 "events": 0.9, "event_attributes": 0.9, "claims": 0.95, "claims_cue": 0.95,
                 "claims_addressees": 0.9, "claims_via_pronoun": 0.95}
HELDOUT_FLOORS = {"metadata": 0.95, "body": 0.95, "people": 0.9, "people_titles": 0.85, "people_economy": 0.85,
                  "economies": 0.95, "organizations": 0.8, "initiatives": 0.8, "initiative_links": 0.6,
                  "events": 0.8, "event_attributes": 0.7, "claims": 0.9, "claims_cue": 0.9,
                  "claims_via_pronoun": 0.9}


@pytest.mark.model
def test_seed_meets_the_issue_floors(gold_report: ev.Report) -> None:
    rows = {r.category: r for r in gold_report.per_document["000_1ec2c721142b1f41.txt"]}
    low = {c: round(rows[c].f1, 3) for c, floor in SEED_FLOORS.items() if rows[c].f1 < floor}
    assert not low, (low, gold_report.details.get("000_1ec2c721142b1f41.txt"))
    assert rows["claims"].recall >= 0.9 and rows["claims"].precision >= 0.85


@pytest.mark.model
def test_every_gold_document_is_found_and_scores_above_the_floors(gold_report: ev.Report) -> None:
    assert not gold_report.unmatched_gold
    micro = {r.category: r for r in gold_report.micro}
    low = {c: round(micro[c].f1, 3) for c, floor in CORPUS_FLOORS.items() if micro[c].f1 < floor}
    assert not low, (low, gold_report.details)


@pytest.fixture(scope="module", params=["heldout", "heldout2", "heldout3"])
def heldout_report(request: pytest.FixtureRequest, nlp: Any) -> ev.Report:
    """One set of blind-annotated releases (tests/heldout*/) scored against its gold."""
    return _score_folder(nlp, ROOT / "tests" / request.param)


@pytest.mark.model
def test_heldout_documents_score_above_the_floors(heldout_report: ev.Report) -> None:
    assert not heldout_report.unmatched_gold
    micro = {r.category: r for r in heldout_report.micro}
    low = {c: round(micro[c].f1, 3) for c, floor in HELDOUT_FLOORS.items() if micro[c].f1 < floor}
    assert not low, (low, heldout_report.details)


def test_initiative_links_match_the_initiative_by_its_written_form_too() -> None:
    # the table holds one canonical name per corpus; the gold writes the page's form, which the mention carries
    tables = make_tables()
    inits = [{"initiative_id": "initiative:green-growth-partnership", "name": "GGP Canonical", "acronym": None}]
    rows = rows_of(_replace(tables, "initiatives", inits))
    assert counts(rows["initiatives"]) == (1, 0, 0)
    assert counts(rows["initiative_links"]) == (2, 0, 0)
