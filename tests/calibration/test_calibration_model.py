"""The model file: exact JSON round trip, and one clear line for every kind of bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from calibration_helpers import make_model
from hypothesis import given
from hypothesis import strategies as st

from sourcecheck.calibration.model import (
    ModelFileError,
    load_model,
    parse_model,
    save_model,
)

finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6)
positive = st.floats(min_value=1e-6, max_value=1e6, allow_nan=False)
names = st.sampled_from(["hedging", "corroboration", "anonymous_sources", "attribution_clarity"])


@given(
    features=st.lists(
        st.tuples(names, finite, positive, finite), min_size=1, max_size=4, unique_by=lambda f: f[0]
    ),
    intercept=finite,
)
def test_model_round_trips_through_json_exactly(
    features: list[tuple[str, float, float, float]], intercept: float
) -> None:
    model = make_model(features, intercept)
    text = model.to_json()
    again = parse_model(text, "model.json")
    assert again == model
    assert again.to_json() == text
    values = {name: mean + scale for name, mean, scale, _ in features}
    assert again.predict_logit(values) == model.predict_logit(values)


def test_saved_file_is_plain_json_with_every_part(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    save_model(make_model([("hedging", 0.4, 0.2, 1.5)], intercept=-0.3), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["features"][0] == {
        "name": "hedging",
        "scorer": "hedging",
        "kind": "score",
        "metric": None,
        "description": "",
        "mean": 0.4,
        "scale": 0.2,
        "coefficient": 1.5,
    }
    assert data["intercept"] == -0.3
    assert data["scorer_versions"] == {"hedging": "1.0"}
    assert {"training", "cv", "regularization", "sourcecheck_version"} <= set(data)
    assert load_model(path) == make_model([("hedging", 0.4, 0.2, 1.5)], intercept=-0.3)


def _good() -> dict:
    return json.loads(make_model([("hedging", 0.4, 0.2, 1.5)]).to_json())


def _without_intercept(data: dict) -> None:
    del data["intercept"]


def _string_coefficient(data: dict) -> None:
    data["features"][0]["coefficient"] = "strong"


def _nan_mean(data: dict) -> None:
    data["features"][0]["mean"] = float("nan")


def _zero_scale(data: dict) -> None:
    data["features"][0]["scale"] = 0


def _extra_key(data: dict) -> None:
    data["weights"] = {}


def _twice(data: dict) -> None:
    data["features"].append(dict(data["features"][0]))


def _wrong_name(data: dict) -> None:
    data["features"][0]["name"] = "hedges"


def _no_features(data: dict) -> None:
    data["features"] = []


@pytest.mark.parametrize(
    ("spoil", "expected"),
    [
        (_without_intercept, "missing key 'intercept'"),
        (_string_coefficient, "features.0.coefficient"),
        (_nan_mean, "key 'features.0.mean' must be a finite number"),
        (_zero_scale, "features.0.scale"),
        (_extra_key, "unknown key 'weights'"),
        (_twice, "feature listed twice: hedging"),
        (_wrong_name, "should be 'hedging'"),
        (_no_features, "features"),
    ],
)
def test_bad_model_file_is_one_line_naming_file_and_problem(
    tmp_path: Path, spoil, expected: str
) -> None:
    data = _good()
    spoil(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # json writes NaN as a bare token
    with pytest.raises(ModelFileError) as caught:
        load_model(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "a model file is a JSON object, got list"),
        ('{"features": []}', "not a sourcecheck calibration model"),
    ],
)
def test_unreadable_model_files_are_clear_errors(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "model.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelFileError, match=expected):
        load_model(path)


def test_missing_model_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match=r"nowhere\.json: model file not found"):
        load_model(tmp_path / "nowhere.json")
