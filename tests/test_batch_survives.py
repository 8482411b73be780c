"""A batch that survives any file (issue 13): a cleaner that raises, an SVG icon, the output folder inside the
raw folder, hidden files, odd file names, an empty raw folder over existing tables, and the permissions of what
is written. Inputs are generated here, in tmp_path."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import stat
from pathlib import Path

import pandas as pd
import pytest

from pipeline.engine.run import RunRefused, run_batch
from pipeline.engine.settings import Settings
from schemas.models import TABLES
from tests.conftest import SEED
from tests.test_hostile_batch import PLAIN_RELEASE, html_page

#: An SVG icon as many packages ship them: no XML declaration, a <title> inside a shape. Read as HTML, it made
#: trafilatura's date finder fail an assertion and stopped the whole batch.
SVG_ICON = ('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">'
            '<g id="layer1"><title>Layer 1</title><path d="M1 1h14v14H1z"/></g>'
            '<rect x="4" y="4" width="8" height="8"><title>a shape with a title</title></rect></svg>')

EMPTY_VIEW = html_page("Foreign Minister Meets Ambassador of Chile", "").replace(
    "<body>", '<body><div id="skip"><a href="#contents">본문 바로가기</a> <a href="#gnb">주메뉴 바로가기</a></div>')


def _t(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{name}.parquet")


def _manifest(out: Path) -> pd.DataFrame:
    return _t(out, "manifest").set_index("source")


def _raw_with_seed(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    return raw


def test_a_cleaner_that_raises_rejects_only_its_file(tmp_path, monkeypatch, session_extract):
    import pipeline.stages.clean.plain as plain

    real = plain.read_plain

    def fragile(text, lex):
        if "TRIGGER" in text:
            raise KeyError("a bug in the plain-text reader")
        return real(text, lex)

    monkeypatch.setattr(plain, "read_plain", fragile)
    raw = _raw_with_seed(tmp_path)
    (raw / "plain.txt").write_text(PLAIN_RELEASE, encoding="utf-8")
    (raw / "trigger.txt").write_text(PLAIN_RELEASE.replace("Norway", "TRIGGER"), encoding="utf-8")
    out = tmp_path / "processed"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    manifest = _manifest(out)
    assert manifest.loc["trigger.txt", "status"] == "rejected"
    reason = manifest.loc["trigger.txt", "reason"]
    assert reason.startswith("cleaning failed: KeyError") and "a bug in the plain-text reader" in reason
    rejects = _t(out, "rejects").set_index("source")
    assert rejects.loc["trigger.txt", "stage"] == "clean"
    assert set(_t(out, "documents")["source"]) == {SEED.name, "plain.txt"}


def test_svg_without_declaration_is_rejected_and_the_batch_goes_on(tmp_path, session_extract):
    raw = _raw_with_seed(tmp_path)
    (raw / "icons").mkdir()
    (raw / "icons" / "layer.svg").write_text(SVG_ICON, encoding="utf-8")
    (raw / "icons" / "layer.txt").write_text(SVG_ICON, encoding="utf-8")  # the content decides, not the name
    out = tmp_path / "processed"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    manifest = _manifest(out)
    for source in ("icons/layer.svg", "icons/layer.txt"):
        assert manifest.loc[source, "status"] == "rejected"
        assert "root element is <svg>" in manifest.loc[source, "reason"]
    assert list(_t(out, "documents")["source"]) == [SEED.name]


def test_output_folder_inside_raw_is_never_read(tmp_path, session_extract):
    raw = _raw_with_seed(tmp_path)
    out = raw / "processed"
    first = run_batch(raw, out, Settings(), extract_fn=session_extract)
    assert first.documents == 1

    def must_not_run(cdocs, settings):
        raise AssertionError(f"extraction ran on {[c.source for c in cdocs]}")

    second = run_batch(raw, out, Settings(), extract_fn=must_not_run)
    assert second.skipped_write and second.documents == 1
    assert list(_manifest(out).index) == [SEED.name]
    (raw / "new.txt").write_text(PLAIN_RELEASE, encoding="utf-8")
    third = run_batch(raw, out, Settings(), extract_fn=session_extract)
    assert third.documents == 2 and list(_manifest(out).index) == [SEED.name, "new.txt"]


def test_output_folder_equal_to_raw_is_refused(tmp_path):
    raw = _raw_with_seed(tmp_path)
    with pytest.raises(RunRefused, match="is the raw folder itself"):
        run_batch(raw, raw, Settings())
    assert sorted(p.name for p in raw.iterdir()) == [SEED.name]


def test_every_file_gets_a_manifest_row(tmp_path, session_extract):
    raw = _raw_with_seed(tmp_path)
    (raw / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (raw / ".git").mkdir()
    (raw / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    odd = os.fsencode(raw) + b"/caf\xe9-latin1-name.txt"  # a name that is not UTF-8
    with open(odd, "wb") as fh:
        fh.write(PLAIN_RELEASE.encode())
    out = tmp_path / "processed"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    manifest = _manifest(out)
    assert manifest.loc[".DS_Store", "status"] == "rejected"
    assert "hidden file" in manifest.loc[".DS_Store", "reason"]
    assert "hidden folder" in manifest.loc[".git/", "reason"]
    assert manifest.loc["caf\\xe9-latin1-name.txt", "status"] == "ok"
    assert len(_t(out, "documents")) == 2
    assert (out / "manifest.csv").read_text(encoding="utf-8").count("\n") == 1 + 4


def test_empty_raw_folder_over_tables_is_refused_unless_pruned(tmp_path, session_extract):
    raw = _raw_with_seed(tmp_path)
    out = tmp_path / "processed"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    before = (out / "documents.parquet").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(RunRefused, match=r"holds 1 documents.*--prune"):
        run_batch(empty, out, Settings(), extract_fn=session_extract)
    with pytest.raises(FileNotFoundError, match=r"raw folder not found.*nothing was changed"):
        run_batch(tmp_path / "typo", out, Settings(), extract_fn=session_extract)
    (empty / ".gitkeep").write_bytes(b"")
    with pytest.raises(RunRefused, match=r"has no file \(1 hidden entries aside\)"):
        run_batch(empty, out, Settings(), extract_fn=session_extract)
    assert (out / "documents.parquet").read_bytes() == before
    run_batch(empty, out, Settings(), extract_fn=session_extract, prune=True)
    assert len(_t(out, "documents")) == 0 and list(_manifest(out).index) == [".gitkeep"]
    (empty / "icon.svg").write_text(SVG_ICON, encoding="utf-8")  # files all rejected: a real state, not "empty"
    shutil.copy(SEED, empty / SEED.name)
    run_batch(empty, out, Settings(), extract_fn=session_extract)
    (empty / SEED.name).unlink()
    run_batch(empty, out, Settings(), extract_fn=session_extract)
    assert len(_t(out, "documents")) == 0 and len(_t(out, "manifest")) == 2
    run_batch(tmp_path / "gone", out, Settings(), extract_fn=session_extract, prune=True)
    assert len(_t(out, "manifest")) == 0


def test_an_empty_raw_folder_over_an_empty_output_is_fine(tmp_path, session_extract):
    empty = tmp_path / "empty"
    empty.mkdir()
    summary = run_batch(empty, tmp_path / "processed", Settings(), extract_fn=session_extract)
    assert summary.documents == 0


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_every_output_file_respects_the_umask(tmp_path, session_extract, umask):
    raw = _raw_with_seed(tmp_path)
    out = tmp_path / "processed"
    previous = os.umask(umask)
    try:
        run_batch(raw, out, Settings(), extract_fn=session_extract)
    finally:
        os.umask(previous)
    expected = 0o666 & ~umask
    modes = {p.relative_to(out).as_posix(): stat.S_IMODE(p.stat().st_mode)
             for p in out.rglob("*") if p.is_file() and p.name != ".lock"}
    assert {f"{name}.parquet" for name in TABLES} <= set(modes)
    wrong = {name: oct(mode) for name, mode in modes.items() if mode != expected}
    assert not wrong, f"expected {oct(expected)}: {wrong}"


def _generated_raw(raw: Path) -> dict[str, str]:
    """A small raw folder of every kind of file a shared folder collects, with the release each good input must
    give (source -> title); the others must be rejected."""
    releases = {SEED.name: "", "copies/seed-again.txt": "", "plain.txt": "Korea and Norway Hold"}
    (raw / "copies").mkdir(parents=True)
    shutil.copy(SEED, raw / SEED.name)
    shutil.copy(SEED, raw / "copies" / "seed-again.txt")
    (raw / "plain.txt").write_text(PLAIN_RELEASE, encoding="utf-8")
    (raw / "page.html").write_text(html_page("Foreign Minister Meets Ambassador of Peru",
                                             "<p>The Foreign Minister met the Ambassador of Peru in Seoul on March 9 "
                                             "and discussed trade, energy and climate cooperation.</p>"),
                                   encoding="utf-8")
    releases["page.html"] = "Foreign Minister Meets Ambassador of Peru"
    docs = raw / "usr" / "share" / "doc"
    for i in range(12):
        (docs / f"pkg{i}").mkdir(parents=True)
        (docs / f"pkg{i}" / "index.html").write_text(
            f"<!DOCTYPE html><html><head><title>pkg{i} manual</title></head><body><h1>pkg{i} manual</h1>"
            f"<p>Run <code>pkg{i} --help</code> for the options.</p><ul><li><a href='a.html'>Install</a></li>"
            "<li><a href='b.html'>Configure</a></li><li><a href='c.html'>Uninstall</a></li></ul></body></html>")
        (docs / f"pkg{i}" / "icon.svg").write_text(SVG_ICON.replace("Layer 1", f"pkg{i}"))
        (docs / f"pkg{i}" / "README.md").write_text(f"# pkg{i}\n\nA tool.\n\n```sh\npkg{i} --help\n```\n")
        (docs / f"pkg{i}" / "config.xml").write_text(f'<?xml version="1.0"?><config><name>pkg{i}</name></config>')
        (docs / f"pkg{i}" / "meta.json").write_text(json.dumps({"name": f"pkg{i}", "version": "1.0"}))
        (docs / f"pkg{i}" / "changelog.gz").write_bytes(gzip.compress(b"pkg (1.0) unstable; urgency=low\n" * 20))
        (docs / f"pkg{i}" / "manual.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8)
    (raw / "empty_view.html").write_text(EMPTY_VIEW, encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    return releases


def test_a_folder_of_every_kind_of_file(tmp_path, session_extract):
    """The done-check of issue 13 in small: every file has a manifest row, the releases come through, the
    rest is rejected with a reason, and a second run with --out inside --raw succeeds without work."""
    raw = tmp_path / "raw"
    releases = _generated_raw(raw)
    out = raw / "processed"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    files = {p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file() and out not in p.parents}
    manifest = _manifest(out)
    assert set(manifest.index) == files
    docs = _t(out, "documents").set_index("source")
    assert set(docs.index) >= set(releases) - {"copies/seed-again.txt"}
    assert manifest.loc["copies/seed-again.txt", "status"] == "duplicate"
    for source, title in releases.items():
        assert not title or docs.loc[source, "title"].startswith(title)
    # English prose (a manual page, a README) is read as a text document: the pipeline does not judge genre.
    never = [f"usr/share/doc/pkg{i}/{name}" for i in range(12)
             for name in ("icon.svg", "config.xml", "meta.json", "changelog.gz", "manual.pdf")]
    assert (manifest.loc[[*never, "empty_view.html", "empty.txt"], "status"] == "rejected").all()
    assert manifest.loc["empty_view.html", "reason"].startswith("empty body")
    rejected = manifest[manifest["status"] == "rejected"]
    assert rejected["reason"].str.len().min() > 10
    assert set(_t(out, "rejects")["source"]) >= set(rejected.index)

    def must_not_run(cdocs, settings):
        raise AssertionError("nothing changed")

    assert run_batch(raw, out, Settings(), extract_fn=must_not_run).skipped_write
