"""One settings tree: the clean stage's limits and fetching's knobs come from :class:`Settings`."""

from __future__ import annotations

import pytest

from pipeline.cli import _settings, build_parser
from pipeline.engine.settings import FetchConfig, Settings
from pipeline.stages.clean import Rejected, clean_bytes

MIB = 1024 * 1024


def test_a_file_under_the_read_limit_is_not_refused_for_its_size_by_cleaning():
    """16.2 MiB passes --max-mb 20; cleaning used to refuse it again with a fixed 16 MB limit of its own."""
    data = b"\0" * int(16.2 * MIB)  # refused as binary right after the size check: cheap to clean
    with pytest.raises(Rejected, match=r"^binary file"):
        clean_bytes("big.txt", data, Settings(max_bytes=20 * MIB).clean)
    with pytest.raises(Rejected, match=r"^file too large"):
        clean_bytes("big.txt", data, Settings(max_bytes=16 * MIB).clean)


def test_the_command_line_limit_reaches_the_clean_stage():
    args = build_parser().parse_args(["clean", "--raw", "raw", "--out", "c.jsonl", "--max-mb", "0.5"])
    assert _settings(args).clean.max_bytes == 512 * 1024


def test_fetch_settings_live_in_the_tree():
    settings = Settings(fetch=FetchConfig(rate=0.5))
    assert settings.fetch.rate == 0.5 and Settings().fetch == FetchConfig()
    assert Settings().fetch.max_bytes == Settings().max_bytes  # one default size limit
