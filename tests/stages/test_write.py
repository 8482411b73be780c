from __future__ import annotations

import pyarrow as pa

from pipeline.stages.write import arrow_schema, merge_by_id, merge_people, write_table
from schemas.models import Claim, Document, Organization, Person


def test_arrow_types_follow_the_models():
    schema = arrow_schema(Document)
    assert schema.field("published").type == pa.date32()
    assert schema.field("hits").type == pa.int64() and schema.field("hits").nullable
    assert not schema.field("doc_id").nullable
    assert arrow_schema(Claim).field("addressee_ids").type == pa.list_(pa.string())
    assert arrow_schema(Claim).field("future").type == pa.bool_()


def test_people_merge_keeps_fullest_name_and_all_titles():
    rows = [
        Person(person_id="person:cho-tae-yul", name="Cho Tae-yul", family_name="Cho", given_name="Tae-yul",
               economy="KOR", titles=["Minister of Foreign Affairs"]),
        Person(person_id="person:cho-tae-yul", name="Cho", economy=None, titles=["Foreign Minister"]),
    ]
    (merged,) = merge_people(rows)
    assert merged.name == "Cho Tae-yul" and merged.economy == "KOR"
    assert merged.titles == ["Foreign Minister", "Minister of Foreign Affairs"]


def test_merge_by_id_prefers_the_record_with_more_fields():
    rows = [Organization(org_id="org:ilo", name="International Labour Organization"),
            Organization(org_id="org:ilo", name="International Labour Organization", acronym="ILO")]
    (merged,) = merge_by_id(rows, "org_id")
    assert merged.acronym == "ILO"


def test_csv_lists_are_json(tmp_path):
    claim = Claim(claim_id="d1:c5", doc_id="d1", sent_id="d1:s0", speaker_kind="person", speaker_text="He",
                  cue="urge", claim_type="call", content="x", addressee_ids=["PRK", "RUS"],
                  cue_start=5, cue_end=10, content_start=11, content_end=12)
    write_table(tmp_path, "claims", [claim])
    assert '"[""PRK"", ""RUS""]"' in (tmp_path / "claims.csv").read_text()
    assert not list(tmp_path.glob("*.tmp"))
