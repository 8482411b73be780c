"""datapackage.json: generated from the models, valid under frictionless over a real processed folder."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from frictionless import Package

from pipeline.engine.run import run_batch
from pipeline.engine.settings import Settings
from pipeline.outputs.datapackage import descriptor, write_datapackage
from pipeline.outputs.publish import publish, read_tables
from pipeline.stages.write import write_corpus
from schemas.models import TABLES
from schemas.tables import foreign_keys, primary_keys
from tests.conftest import ROOT, SEED
from tests.outputs.test_report import hand_built_results, write_hand_built

FIXTURES = ROOT / "tests" / "fixtures" / "clean"


@pytest.fixture(scope="module")
def processed(tmp_path_factory, session_extract) -> Path:
    """A real batch: the seed, whatever saved pages and feeds the fixtures hold, and an input that is rejected."""
    base = tmp_path_factory.mktemp("dp")
    raw = base / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    for p in sorted(FIXTURES.glob("*.xml")) + sorted(FIXTURES.glob("*.html")):
        shutil.copy(p, raw / p.name)
    (raw / "empty.txt").write_bytes(b"  \n")
    out = base / "processed"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    return out


def _errors(report) -> list[tuple]:
    return [(t.name, e.type, e.note) for t in report.tasks for e in t.errors]


def test_package_of_a_real_run_is_valid(processed):
    path = processed / "datapackage.json"
    assert path.exists() and (processed / "report" / "index.html").exists() and (processed / "mofa.duckdb").exists()
    report = Package(str(path)).validate()
    assert report.valid, _errors(report)[:10]
    rows = read_tables(processed)
    assert rows["documents"] and rows["sentences"]  # validated something real


def test_fields_types_and_descriptions_come_from_the_models(processed):
    pkg = json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in pkg["resources"]}
    assert list(resources) == list(TABLES)
    for name, model in TABLES.items():
        res = resources[name]
        assert res["path"] == f"{name}.csv" and (processed / res["path"]).exists()
        fields = res["schema"]["fields"]
        assert [f["name"] for f in fields] == list(model.model_fields)
        with open(processed / res["path"], encoding="utf-8", newline="") as fh:
            assert next(csv.reader(fh)) == [f["name"] for f in fields]  # header order matches the schema
        for f in fields:
            assert f.get("description", "") == (model.model_fields[f["name"]].description or "") or \
                f["type"] == "array"
    types = {f["name"]: f for f in resources["documents"]["schema"]["fields"]}
    assert types["published"]["type"] == "date" and types["hits"]["type"] == "integer"
    assert types["hits"]["constraints"] == {"minimum": 0}  # nullable: not required
    claims = {f["name"]: f for f in resources["claims"]["schema"]["fields"]}
    assert claims["economy_ids"]["type"] == "array" and claims["future"]["type"] == "boolean"
    assert claims["claim_type"]["constraints"]["enum"][0] == "statement"
    econ = {f["name"]: f for f in resources["economies"]["schema"]["fields"]}
    assert econ["economy_id"]["constraints"]["pattern"] == "^[A-Z]{3}$"


def test_keys_declared(processed):
    pkg = json.loads((processed / "datapackage.json").read_text(encoding="utf-8"))
    schemas = {r["name"]: r["schema"] for r in pkg["resources"]}
    for name, pk in primary_keys().items():
        assert schemas[name]["primaryKey"] == pk
    assert "primaryKey" not in schemas["mentions"]
    fks = {(t, fk["fields"][0], fk["reference"]["resource"]) for t, s in schemas.items()
           for fk in s.get("foreignKeys", [])}
    for t, f, ref, _ in foreign_keys(checked=False):
        assert (t, f, ref) in fks
    assert ("claims", "doc_id", "documents") in fks and ("mentions", "sent_id", "sentences") in fks
    assert not any(f in ("entity_id", "speaker_id") for _, f, _ in fks)  # kind-dependent targets


def test_hand_built_tables_with_nulls_validate(tmp_path):
    out = write_hand_built(tmp_path / "processed")
    publish(out)
    report = Package(str(out / "datapackage.json")).validate()
    assert report.valid, _errors(report)[:10]
    pkg = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    fks = {(r["name"], fk["fields"][0]) for r in pkg["resources"] for fk in r["schema"].get("foreignKeys", [])}
    assert {("initiative_links", "economy_id"), ("events", "economy_id"), ("people", "economy")} <= fks


def test_broken_structural_key_is_reported_and_unheld_economy_key_dropped(tmp_path):
    results, manifest, rejects = hand_built_results()
    r1 = results[0]
    r1.mentions[0] = r1.mentions[0].model_copy(update={"sent_id": "no-such-sentence"})
    r1.people[1] = r1.people[1].model_copy(update={"economy": "ZZZ"})  # an economy never extracted as one
    out = tmp_path / "processed"
    write_corpus(out, results, manifest, rejects)
    tables = read_tables(out)
    write_datapackage(out, tables)
    pkg = descriptor(tables)
    people = next(r for r in pkg["resources"] if r["name"] == "people")
    assert "foreignKeys" not in people["schema"]  # people.economy -> economies does not hold: not declared
    assert ("people", "economy", "economies", "economy_id") in foreign_keys(checked=True)
    report = Package(str(out / "datapackage.json")).validate()
    assert not report.valid
    assert [(t, typ) for t, typ, _ in _errors(report)] == [("mentions", "foreign-key")]
