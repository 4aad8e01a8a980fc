from __future__ import annotations

import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.batch.rows import SCORER_FIELDS, numeric, scorer_columns
from sourcecheck.batch.writers import ParquetPartsSink, read_results
from sourcecheck.core.models import ScorerReport

metric_values = st.one_of(
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=5),
    st.none(),
)
plain_names = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True).filter(
    lambda name: name not in SCORER_FIELDS
)
metric_names = st.one_of(
    st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True), st.sampled_from(sorted(SCORER_FIELDS))
)


@given(st.dictionaries(metric_names, metric_values, max_size=6))
def test_only_numeric_metrics_become_float_columns(metrics: dict) -> None:
    report = ScorerReport(name="demo", version="1", status="ok", score=0.5, metrics=metrics)
    columns = scorer_columns(report)
    for name, value in metrics.items():
        column = f"demo.{name}_metric" if name in SCORER_FIELDS else f"demo.{name}"
        if isinstance(value, bool | int | float):
            assert columns[column] == float(value)
        else:
            assert column not in columns
    assert columns["demo.status"] == "ok" and columns["demo.score"] == 0.5


def test_a_metric_named_like_a_scorer_field_does_not_overwrite_it() -> None:
    metrics = {"score": 3, "status": 1.0, "confidence": True}
    report = ScorerReport(name="demo", version="1", status="ok", score=0.25, metrics=metrics)
    columns = scorer_columns(report)
    assert columns["demo.score"] == 0.25 and columns["demo.status"] == "ok"
    assert columns["demo.score_metric"] == 3.0 and columns["demo.confidence_metric"] == 1.0


def test_numeric_rejects_text_and_nan() -> None:
    assert numeric("12") is None and numeric(math.nan) is None and numeric(True) == 1.0


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.dictionaries(plain_names, st.floats(-1e6, 1e6, allow_nan=False), max_size=4),
        min_size=1,
        max_size=8,
    )
)
def test_parquet_parts_round_trip_rows_with_varying_columns(
    tmp_path_factory, metrics: list
) -> None:
    out: Path = tmp_path_factory.mktemp("rt") / "r.parquet"
    rows = [
        {"id": f"r{i}", "status": "ok", **{f"m.{k}": v for k, v in row.items()}}
        for i, row in enumerate(metrics)
    ]
    sink = ParquetPartsSink(out, {"sourcecheck": "0"}, rows_per_part=3)
    sink.open()
    sink.write(rows)
    sink.close()
    frame = read_results(out).set_index("id")
    for row in rows:
        for key, value in row.items():
            if key.startswith("m."):
                assert frame.loc[row["id"], key] == value
        absent = set(frame.columns) - set(row) - {"status"}
        assert all(math.isnan(frame.loc[row["id"], c]) for c in absent)
