from __future__ import annotations

import os
import stat

import pytest

from pipeline.engine.atomic import write_atomic, write_text_atomic


def test_atomic_write_replaces_whole_file_with_readable_permissions(tmp_path):
    target = tmp_path / "t.csv"
    old = os.umask(0o022)
    try:
        write_text_atomic(target, "a\n")
        write_text_atomic(target, "b\n")
    finally:
        os.umask(old)
    assert target.read_text() == "b\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's 0600
    assert not list(tmp_path.glob(".*.tmp"))


def test_failed_writer_leaves_old_file_and_no_temp(tmp_path):
    target = tmp_path / "t.csv"
    write_text_atomic(target, "old\n")

    def boom(tmp):
        tmp.write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomic(target, boom)
    assert target.read_text() == "old\n"
    assert not list(tmp_path.glob(".*.tmp"))
