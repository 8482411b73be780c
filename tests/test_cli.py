from __future__ import annotations

import pytest

from pipeline.cli import build_parser, main
from pipeline.schemagen import generate


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
