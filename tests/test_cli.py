from __future__ import annotations

import pytest

from pipeline.cli import build_parser, main
from pipeline.tools.schemagen import generate


@pytest.mark.parametrize("command", ["run", "clean", "extract", "validate", "write", "evaluate", "schemas"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args([command, "--help"])
    assert exc.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_missing_raw_folder_exits_nonzero(tmp_path):
    assert main(["run", "--raw", str(tmp_path / "absent"), "--out", str(tmp_path / "out"), "-q"]) == 2


def test_generated_schema_files_are_up_to_date():
    assert generate(check=True) == [], "run `make schemas`"


@pytest.mark.parametrize("flags, message", [
    (["--workers", "0"], "argument --workers: must be at least 1, got 0"),
    (["--workers", "-1"], "argument --workers: must be at least 1, got -1"),
    (["--workers", "two"], "argument --workers: expected a whole number, got 'two'"),
    (["--batch-size", "0"], "argument --batch-size: must be at least 1, got 0"),
    (["--max-mb", "0"], "argument --max-mb: must be greater than 0, got 0"),
    (["--max-mb", "nan"], "argument --max-mb: must be greater than 0, got nan"),
    (["--doc-timeout", "-5"], "argument --doc-timeout: must be at least 0, got -5"),
])
def test_bad_run_flags_stop_with_a_message_and_exit_2(tmp_path, capsys, flags, message):
    with pytest.raises(SystemExit) as exc:
        main(["run", "--raw", str(tmp_path), "--out", str(tmp_path / "out"), *flags])
    assert exc.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("flags", [["--rate", "-1"], ["--timeout", "0"], ["--retries", "-2"]])
def test_bad_fetch_flags_exit_2(tmp_path, flags):
    with pytest.raises(SystemExit) as exc:
        main(["fetch", "--raw", str(tmp_path), *flags])
    assert exc.value.code == 2


def test_zero_doc_timeout_still_means_no_limit():
    from pipeline.cli import _settings

    args = build_parser().parse_args(["run", "--doc-timeout", "0", "--max-mb", "0.5", "--batch-size", "1"])
    settings = _settings(args)
    assert (settings.doc_timeout, settings.max_bytes, settings.batch_size) == (0, 512 * 1024, 1)


def test_settings_refuse_bad_values():
    from pipeline.engine.settings import Settings

    with pytest.raises(ValueError, match=r"workers must be at least 1.*max_bytes must be greater than 0"):
        Settings(workers=0, max_bytes=0)


def test_empty_raw_over_tables_exits_2_and_keeps_them(tmp_path, caplog, session_extract):
    import shutil

    from pipeline.engine.run import run_batch
    from pipeline.engine.settings import Settings
    from tests.conftest import SEED

    raw, out, empty = tmp_path / "raw", tmp_path / "out", tmp_path / "empty"
    raw.mkdir()
    empty.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    before = (out / "documents.parquet").read_bytes()
    assert main(["run", "--raw", str(empty), "--out", str(out), "--no-progress"]) == 2
    assert "would empty every table" in caplog.text and "--prune" in caplog.text
    assert main(["run", "--raw", str(tmp_path / "typo"), "--out", str(out), "--no-progress"]) == 2
    assert (out / "documents.parquet").read_bytes() == before
    assert main(["run", "--raw", str(raw), "--out", str(raw), "--no-progress"]) == 2
