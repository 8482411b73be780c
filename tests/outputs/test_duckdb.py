"""mofa.duckdb: every table loaded, the two views, atomic replacement, and the query command."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.cli import main
from pipeline.outputs.duckdb_export import format_result, query, write_duckdb
from pipeline.outputs.publish import publish, read_tables
from schemas.models import TABLES
from tests.outputs.test_report import write_hand_built


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = write_hand_built(tmp_path_factory.mktemp("duck") / "processed")
    publish(out)
    return out


def test_every_table_with_its_rows_and_comments(out):
    tables = read_tables(out, light=False)
    con = duckdb.connect(str(out / "mofa.duckdb"), read_only=True)
    try:
        for name, model in TABLES.items():
            cols = [r[0] for r in con.execute(f'DESCRIBE "{name}"').fetchall()]
            assert cols == list(model.model_fields), name
            assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(tables[name]), name
        comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'claims' "
                              "AND column_name = 'cue'").fetchone()[0]
        assert comment == TABLES["claims"].model_fields["cue"].description
        assert con.execute("SELECT titles FROM people WHERE person_id = 'person:obi'").fetchone()[0] == \
            ["Trade Minister"]
    finally:
        con.close()


def test_claims_by_speaker_view(out):
    cols, rows = query(out / "mofa.duckdb", "SELECT speaker_name, speaker_titles, speaker_economy, published, "
                                            "doc_title, cue, content FROM claims_by_speaker")
    by_cue = {r[5]: dict(zip(cols, r, strict=True)) for r in rows}
    assert len(rows) == 3
    han = by_cue["say"]
    assert han["speaker_name"] == "Han Seo-jin" and "Foreign Minister" in han["speaker_titles"]
    assert han["speaker_economy"] == "Korea" and str(han["published"]) == "2025-03-04"
    assert han["doc_title"].startswith("Foreign Minister Han and Trade Minister Obi")
    assert by_cue["urge"]["speaker_economy"] == "Nigeria"
    korea = by_cue["stress"]  # an economy as speaker: its own name and economy
    assert korea["speaker_name"] == "Korea" and korea["speaker_economy"] == "Korea"
    assert korea["speaker_titles"] is None


def test_economy_mentions_by_month_view(out):
    _, rows = query(out / "mofa.duckdb", "SELECT month, economy_id, economy, mentions, documents "
                                         "FROM economy_mentions_by_month")
    assert ("2025-03", "KOR", "Korea", 1, 1) in rows and ("2025-04", "KOR", "Korea", 1, 1) in rows
    assert {r[1] for r in rows} == {"KOR", "NGA", "CAN", "JPN"}
    assert sum(r[3] for r in rows) == 5


def test_rebuild_replaces_the_file_and_leaves_no_temporary(out, tmp_path):
    db = tmp_path / "mofa.duckdb"
    db.write_bytes(b"not a database")
    write_duckdb(out, db)
    assert query(db, "SELECT count(*) FROM documents")[1] == [(3,)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mofa.duckdb"]


def test_query_command(out, capsys):
    db = str(out / "mofa.duckdb")
    assert main(["query", "--db", db, "SELECT economy_id, name FROM economies ORDER BY economy_id"]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0].split() == ["economy_id", "|", "name"] and "Nigeria" in text and "(4 rows)" in text
    assert main(["query", "--csv", "--db", db, "SELECT economy_ids FROM claims ORDER BY claim_id LIMIT 1"]) == 0
    assert capsys.readouterr().out == 'economy_ids\n"[""KOR"", ""NGA"", ""CAN""]"\n'
    assert main(["query", "--db", db, "SELECT * FROM no_such_table"]) == 1
    assert main(["query", "--db", db, "DROP TABLE documents"]) == 1  # read-only
    assert main(["query", "--db", str(out / "missing.duckdb"), "SELECT 1"]) == 2


def test_format_result_cuts_long_cells():
    text = format_result(["a"], [("x" * 100,), (None,)], width=10)
    assert "xxxxxxxxx…" in text and "(2 rows)" in text


def test_report_command_rebuilds_outputs(out, tmp_path):
    (out / "mofa.duckdb").unlink()
    assert main(["report", "--processed", str(out)]) == 0
    assert (out / "mofa.duckdb").exists() and (out / "report" / "index.html").exists()
    assert main(["report", "--processed", str(tmp_path / "nothing")]) == 2
