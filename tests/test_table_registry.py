"""The table registry (schemas/tables.py): a table added through it alone (a model, an entry, a finder) reaches
Parquet, CSV, the data package and DuckDB; a result naming a table or kind the registry does not know is an
error, not a silent drop."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
import spacy
from pydantic import Field
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.engine.run import run_batch
from pipeline.engine.settings import Settings
from pipeline.stages.extract import extract_all
from pipeline.stages.validate import validate_result
from pipeline.stages.write import CorpusWriter
from schemas.models import DocResult, Document, Economy, Record
from schemas.tables import REGISTRY, Ref, Table, UnknownTable, build_result, register, registered

TEXT = """Korea and Peru Sign the Treaty of Lima

Foreign Minister Kim Min-ho and his Peruvian counterpart signed the Treaty of Lima on trade in services.
The two ministers also agreed to start talks on a Treaty of Busan on fisheries next year.
Both sides expressed hope that the agreements would deepen the partnership between the two economies.
"""


class Treaty(Record):
    """A treaty named in one document (the toy table of this test)."""

    treaty_id: str = Field(description="Stable id from the treaty's name.")
    doc_id: str = Field(description="Document id.")
    name: str = Field(description="The treaty's name as written.")


TREATIES = Table("treaties", Treaty, "document", key=("treaty_id",), kind="treaty",
                 refs=(Ref("doc_id", "documents", "doc_id"),))


@Language.component("toy_treaty_finder")
def toy_treaty_finder(doc: Doc) -> Doc:
    """Finds 'Treaty of <Name>' and leaves the records where the contract says: doc._.mofa_entities[kind]."""
    found = {}
    for m in re.finditer(r"Treaty of ([A-Z][a-z]+)", doc.text):
        tid = "treaty:" + m.group(1).lower()
        found[tid] = Treaty(doc_id=doc._.mofa_doc_id, treaty_id=tid, name=m.group(0))
    doc._.mofa_entities = {"treaty": found}
    return doc


@pytest.fixture(scope="module")
def toy_nlp() -> Language:
    """A blank English pipeline with sentences and the toy finder: no model needed for the plumbing."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("toy_treaty_finder")
    return nlp


def _extract_with(nlp: Language):
    def run(cdocs, settings):
        yield from zip(cdocs, extract_all(nlp, cdocs, settings.batch_size), strict=True)

    return run


def test_a_table_added_through_the_registry_reaches_every_output(tmp_path: Path, toy_nlp: Language) -> None:
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    (raw / "release.txt").write_text(TEXT, encoding="utf-8")
    with registered(TREATIES):
        summary = run_batch(raw, out, Settings(), extract_fn=_extract_with(toy_nlp))
        assert summary.counts["treaties"] == 2
        (doc_id,) = pq.read_table(out / "documents.parquet", columns=["doc_id"]).column(0).to_pylist()
        expected = [{"treaty_id": "treaty:busan", "doc_id": doc_id, "name": "Treaty of Busan"},
                    {"treaty_id": "treaty:lima", "doc_id": doc_id, "name": "Treaty of Lima"}]
        assert pq.read_table(out / "treaties.parquet").to_pylist() == expected
        with open(out / "treaties.csv", encoding="utf-8", newline="") as fh:
            assert list(csv.DictReader(fh)) == expected
        package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
        (resource,) = [r for r in package["resources"] if r["name"] == "treaties"]
        assert resource["schema"]["primaryKey"] == ["treaty_id"]
        assert resource["schema"]["foreignKeys"] == [
            {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}]
        con = duckdb.connect(str(out / "mofa.duckdb"), read_only=True)
        try:
            assert con.execute("SELECT name FROM treaties ORDER BY name").fetchall() == [
                ("Treaty of Busan",), ("Treaty of Lima",)]
            assert con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'treaties' "
                               "AND column_name = 'treaty_id'").fetchone() == ("Stable id from the treaty's name.",)
        finally:
            con.close()
    assert "treaties" not in REGISTRY


def test_an_entity_kind_without_a_table_is_an_error(toy_nlp: Language) -> None:
    from pipeline.stages.clean import clean_bytes

    (cdoc,) = clean_bytes("release.txt", TEXT.encode())
    with pytest.raises(UnknownTable, match="treaty"):
        list(extract_all(toy_nlp, [cdoc]))


def test_a_result_with_an_unknown_table_is_an_error(tmp_path: Path) -> None:
    document = Document(doc_id="d1", source="a.txt", sha256="0" * 64, input_format="text", title="t",
                        language="en", text="x", n_sentences=0)
    with pytest.raises(UnknownTable, match="treaties"):
        build_result(document, {"treaties": []})
    result = DocResult(document=document, other_tables={"treaties": [{"doc_id": "d1"}]})
    with pytest.raises(UnknownTable, match="treaties"):
        validate_result(result)
    with CorpusWriter(tmp_path) as writer, pytest.raises(UnknownTable, match="treaties"):
        writer.add(result)
    with pytest.raises(UnknownTable, match="derived"):
        build_result(document, {"roles": []})  # a derived table is never carried by a result


def test_a_name_or_kind_registered_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register(Table("people", Treaty, "merged"))
    with pytest.raises(ValueError, match="already has a table"):
        register(Table("persons", Treaty, "merged", kind="person"))
    with pytest.raises(ValueError, match="no doc_id"):
        register(Table("economy_copies", Economy, "document"))  # rows per document need a doc_id
