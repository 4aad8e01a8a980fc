"""The Dask backend on a real distributed.LocalCluster gives the same rows as a local run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_factory import FIELDS, records, write_jsonl

from sourcecheck.batch import read_metadata, read_results, run_batch
from sourcecheck.batch.dask_backend import run_dask

SCORE_COLUMNS = ["id", "status", "score", "band", "outlet", "published"]


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


@pytest.mark.slow
def test_dask_run_matches_local_run_and_resumes(client, tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(60), extra_lines=["{oops"])
    local = tmp_path / "local.parquet"
    run_batch([corpus], local, fields=FIELDS)
    out = tmp_path / "dask.parquet"
    result = run_dask([corpus], out, fields=FIELDS, client=client, blocksize=4000)
    assert result.parts_written >= 2  # really split across partitions
    assert result.written == 61 and result.failed == 1

    expected = read_results(local).set_index("id").sort_index()
    got = read_results(out).set_index("id").sort_index()
    ok = got["status"] == "ok"
    assert list(got.index[ok]) == list(expected.index[expected["status"] == "ok"])
    scorer_columns = [c for c in expected.columns if c.endswith((".score", ".confidence"))]
    columns = ["score", "band", "outlet", "published", *scorer_columns]
    assert got.loc[ok, columns].equals(expected.loc[expected["status"] == "ok", columns])
    assert read_metadata(out)["fields"] == FIELDS

    again = run_dask([corpus], out, fields=FIELDS, client=client, blocksize=4000)
    assert again.parts_written == 0 and again.parts_skipped == result.parts_written
    assert len(read_results(out)) == 61


@pytest.mark.slow
def test_score_dataframe_over_map_partitions(client, tmp_path: Path) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from sourcecheck.batch.dask_backend import score_dataframe

    frame = pd.DataFrame(records(20))
    scored = score_dataframe(dd.from_pandas(frame, npartitions=3), fields=FIELDS)
    result = client.compute(scored).result()
    assert sorted(result["id"]) == sorted(frame["doc"])
    assert result["score"].between(0, 100).all()
    assert json.loads(json.dumps(list(result.columns)))[0] == "id"


@pytest.mark.slow
def test_cli_dask_engine_with_a_scheduler_address(client, tmp_path: Path, capsys) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from batch_factory import FIELD_FLAGS

    from sourcecheck.cli import main

    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(12))
    more = tmp_path / "more.parquet"
    pq.write_table(pa.Table.from_pylist(records(16)[12:]), more)
    out = tmp_path / "out.parquet"
    address = client.scheduler.address
    command = ["batch", str(corpus), str(more), "--engine", "dask", "--scheduler", address]
    assert main([*command, "--out", str(out), "--blocksize", "2000", *FIELD_FLAGS]) == 0
    assert "16 rows" in capsys.readouterr().err
    frame = read_results(out)
    assert sorted(frame["id"]) == sorted(r["doc"] for r in records(16))
    assert set(frame["status"]) == {"ok"}


@pytest.mark.slow
def test_a_resume_with_other_partitions_writes_no_article_twice(client, tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(40))
    out = tmp_path / "dask.parquet"
    first = run_dask([corpus], out, fields=FIELDS, client=client, blocksize=3000)
    assert first.parts_written >= 2
    (out / "part-00000.parquet").unlink()  # the run died before this part was written
    # Resumed with another blocksize (or after the input grew): the partitions differ.
    again = run_dask([corpus], out, fields=FIELDS, client=client, blocksize=1500)

    ids = read_results(out)["id"].tolist()
    assert len(ids) == len(set(ids)) == 40
    assert again.already_done > 0 and again.duplicates == []


@pytest.mark.slow
def test_ids_repeated_across_partitions_are_reported(client, tmp_path: Path) -> None:
    repeated = records(30)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [*repeated, repeated[0], repeated[1]])
    result = run_dask([corpus], tmp_path / "out.parquet", fields=FIELDS, client=client,
                      blocksize=2000)  # fmt: skip
    assert result.parts_written >= 2
    assert result.duplicates == ["a00000", "a00001"]


@pytest.mark.slow
def test_score_dataframe_writes_parquet_as_documented(client, tmp_path: Path) -> None:
    import dask.dataframe as dd
    import pandas as pd

    from sourcecheck.batch.dask_backend import score_dataframe

    frame = pd.DataFrame(records(12))
    rows = score_dataframe(dd.from_pandas(frame, npartitions=2), fields=FIELDS)
    rows.to_parquet(tmp_path / "results-df.parquet", compute_kwargs={"scheduler": client})
    written = pd.read_parquet(tmp_path / "results-df.parquet")
    assert sorted(written["id"]) == sorted(frame["doc"])
    assert written["error"].isna().all() and written["score"].between(0, 100).all()
