"""The Dask engine gives the same tables as the local engine (LocalCluster in this process, one worker,
one thread: it loads the model once, through the worker plugin)."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest

from pipeline.engine.run import run_batch
from pipeline.engine.settings import Settings
from pipeline.tools.bench import build_corpus
from schemas.models import TABLES
from tests.conftest import SEED

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as c:
        yield c


@pytest.fixture
def raw(tmp_path):
    raw = tmp_path / "raw"
    build_corpus(SEED.parent, 3, raw / "variants")  # seed with title, date and one sentence varied
    shutil.copy(SEED, raw / SEED.name)
    shutil.copy(SEED, raw / "dup.txt")
    (raw / "empty.txt").write_text("  \n")
    return raw


def test_dask_tables_identical_to_local(raw, tmp_path, cluster, session_extract):
    local, dask_out = tmp_path / "local", tmp_path / "dask"
    s_local = run_batch(raw, local, Settings(), extract_fn=session_extract)
    s_dask = run_batch(raw, dask_out, Settings(engine="dask", scheduler=cluster.scheduler_address, batch_size=2))
    assert s_dask.model_loaded and s_local.documents == s_dask.documents == 4
    for name in TABLES:
        a, b = pq.read_table(local / f"{name}.parquet"), pq.read_table(dask_out / f"{name}.parquet")
        assert a.equals(b), name
        assert (local / f"{name}.csv").read_bytes() == (dask_out / f"{name}.csv").read_bytes(), name
    assert pq.read_table(dask_out / "claims.parquet").num_rows > 0
    assert len(set(pq.read_table(dask_out / "sentences.parquet")["doc_id"].to_pylist())) == 4

    with distributed.Client(cluster) as client:
        loaded = client.run(lambda dask_worker: len(getattr(dask_worker, "_mofa_extractors", {})))
    assert list(loaded.values()) == [1]  # one model per worker, reused by every chunk
