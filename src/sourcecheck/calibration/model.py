"""The calibration model file: plain, versioned JSON, validated by pydantic. Never pickle.

A model is a standardised logistic regression written out in full, so anyone can check a
score by hand: ``z = (value - mean) / scale`` per feature, ``logit = intercept +
sum(coefficient * z)``, ``probability = 1 / (1 + exp(-logit))``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from sourcecheck.calibration.features import FeatureKind, FeatureSpec
from sourcecheck.core.errors import ConfigError, first_problem

MODEL_FORMAT = "sourcecheck-calibration"
MODEL_FORMAT_VERSION = 1


class ModelFileError(ConfigError):
    """A model file that cannot be used; the message names the file and the problem."""


class _Strict(BaseModel):
    # NaN and infinity are refused everywhere: one NaN would silently poison every score.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Feature(_Strict):
    """One input of the model, with its standardisation and its coefficient."""

    name: str = Field(min_length=1)
    scorer: str = Field(min_length=1)
    kind: FeatureKind
    metric: str | None = None
    description: str = ""
    mean: float = Field(description="Training mean; also the value used when it is missing.")
    scale: float = Field(gt=0, description="Training standard deviation (1 if constant).")
    coefficient: float = Field(description="Log-odds per standard deviation of the feature.")

    @model_validator(mode="after")
    def _name_matches_source(self) -> Feature:
        if self.kind == "metric" and not self.metric:
            raise ValueError(f"feature '{self.name}' is a metric but names no metric")
        expected = self.spec.name
        if self.name != expected:
            raise ValueError(f"feature name '{self.name}' should be '{expected}' for its source")
        return self

    @property
    def spec(self) -> FeatureSpec:
        return FeatureSpec(self.scorer, self.kind, self.metric if self.kind == "metric" else None)

    def logit_contribution(self, value: float | None) -> float:
        """``coefficient * z``; zero when the value is missing (it is taken at the mean)."""
        if value is None:
            return 0.0
        return self.coefficient * (value - self.mean) / self.scale


class Regularization(_Strict):
    penalty: Literal["l2"] = "l2"
    C: float = Field(gt=0, description="Inverse regularisation strength (sklearn's C).")
    chosen_by: str = ""


class TrainingData(_Strict):
    """What the model was fitted on (counts and names of groups, never article text)."""

    n: int = Field(ge=1)
    positives: int = Field(ge=0)
    negatives: int = Field(ge=0)
    label_field: str
    group_field: str | None = None
    groups: int = Field(ge=1)
    group_names: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    skipped: int = Field(default=0, ge=0, description="Records left out for bad input.")
    constant_features: list[str] = Field(
        default_factory=list, description="Requested features left out: constant or missing."
    )


class ReliabilityBin(_Strict):
    lower: float = Field(ge=0, le=1)
    upper: float = Field(ge=0, le=1)
    count: int = Field(ge=1)
    mean_predicted: float = Field(ge=0, le=1)
    observed: float = Field(ge=0, le=1)


class CrossValidation(_Strict):
    """Out-of-fold quality, with folds split by group so no group is in train and test."""

    folds: int = Field(ge=2)
    splitter: str
    auc: float | None = Field(
        default=None, ge=0, le=1, description="Mean AUC within the test folds (the headline)."
    )
    auc_folds: list[float | None] = Field(default_factory=list)
    auc_pooled: float | None = Field(
        default=None, ge=0, le=1, description="AUC of all out-of-fold predictions together."
    )
    accuracy: float = Field(ge=0, le=1)
    brier: float = Field(ge=0, le=1)
    brier_base_rate: float = Field(ge=0, le=1, description="Brier of predicting the base rate.")
    reliability: list[ReliabilityBin] = Field(default_factory=list)
    weighted_auc: float | None = Field(
        default=None, ge=0, le=1, description="The default weighted score's mean fold AUC."
    )
    weighted_auc_folds: list[float | None] = Field(default_factory=list)
    weighted_auc_pooled: float | None = Field(default=None, ge=0, le=1)


class CalibrationModel(_Strict):
    """The whole model file."""

    format: Literal["sourcecheck-calibration"] = MODEL_FORMAT
    format_version: Literal[1] = MODEL_FORMAT_VERSION
    created: str = ""
    sourcecheck_version: str
    scorer_versions: dict[str, str]
    label: str = Field(default="reliable", description="What probability 1 means.")
    features: list[Feature] = Field(min_length=1)
    intercept: float = Field(description="Log-odds when every feature is at its training mean.")
    regularization: Regularization
    training: TrainingData
    cv: CrossValidation

    @model_validator(mode="after")
    def _consistent(self) -> CalibrationModel:
        names = [f.name for f in self.features]
        duplicated = sorted({n for n in names if names.count(n) > 1})
        if duplicated:
            raise ValueError(f"feature listed twice: {', '.join(duplicated)}")
        unversioned = sorted({f.scorer for f in self.features} - set(self.scorer_versions))
        if unversioned:
            raise ValueError(f"scorer_versions lacks {', '.join(unversioned)}")
        return self

    @property
    def scorers(self) -> list[str]:
        return sorted({f.scorer for f in self.features})

    def predict_logit(self, values: dict[str, float | None]) -> float:
        """The log-odds for feature values keyed by feature name (missing = mean)."""
        return self.intercept + sum(f.logit_contribution(values.get(f.name)) for f in self.features)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"


def fold_mean(values: list[float | None]) -> float | None:
    """The mean over the folds where the value is defined (a fold may hold one label only)."""
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def fold_spread(values: list[float | None]) -> str:
    """'mean ± sd' of per-fold values, noting folds where the value was undefined."""
    known = [v for v in values if v is not None]
    if not known:
        return "n/a"
    mean = sum(known) / len(known)
    sd = math.sqrt(sum((v - mean) ** 2 for v in known) / len(known))
    note = "" if len(known) == len(values) else f" ({len(known)}/{len(values)} folds)"
    return f"{mean:.3f} ± {sd:.3f}{note}"


def save_model(model: CalibrationModel, path: Path) -> None:
    try:
        path.write_text(model.to_json(), encoding="utf-8")
    except OSError as exc:
        raise ModelFileError(f"{path}: cannot write the model: {exc.strerror}") from None


def load_model(path: Path) -> CalibrationModel:
    """Read and validate a model file; every problem is one :class:`ModelFileError` line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelFileError(f"{path}: model file not found") from None
    except IsADirectoryError:
        raise ModelFileError(f"{path}: is a directory, not a model file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelFileError(f"{path}: cannot read the model file: {exc}") from None
    return parse_model(text, str(path))


def parse_model(text: str, source: str) -> CalibrationModel:
    try:
        # Python's json accepts NaN/Infinity tokens; the pydantic model then refuses them
        # with a message naming the key, which is clearer than a JSON syntax error.
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ModelFileError(f"{source}: not valid JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise ModelFileError(f"{source}: a model file is a JSON object, got {type(data).__name__}")
    if data.get("format") != MODEL_FORMAT:
        raise ModelFileError(f"{source}: not a sourcecheck calibration model (no format key)")
    try:
        return CalibrationModel.model_validate(data)
    except ValidationError as exc:
        raise ModelFileError(f"{source}: {_describe(exc)}") from None


def _describe(exc: ValidationError) -> str:
    key, first = first_problem(exc)
    message = first["msg"]
    if first["type"] == "missing":
        return f"missing key '{key}'"
    if first["type"] == "extra_forbidden":
        return f"unknown key '{key}'"
    if first["type"] == "finite_number" or _is_nan(first.get("input")):
        return f"key '{key}' must be a finite number, got {first.get('input')}"
    where = f"key '{key}': " if key else ""
    return f"{where}{message}"


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and not math.isfinite(value)
