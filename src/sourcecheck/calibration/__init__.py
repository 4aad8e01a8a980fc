"""Calibrated combination: learn from labelled articles how scorers combine, still explainably.

``sourcecheck calibrate`` fits a regularised logistic regression on the scorers' outputs with
cross-validation grouped by outlet and writes it as plain JSON; ``--model`` (or ``model =``
in the config) makes :class:`CalibratedCombiner` turn scorer results into a calibrated
probability whose log-odds are explained exactly, feature by feature. Fitting needs the
``calibrate`` extra (scikit-learn); scoring with a model needs nothing beyond the core.
"""

from __future__ import annotations

from sourcecheck.calibration.combiner import CalibratedCombiner, secant_slope, sigmoid
from sourcecheck.calibration.explain import explain_calibrated
from sourcecheck.calibration.features import FeatureSpec
from sourcecheck.calibration.model import (
    CalibrationModel,
    ModelFileError,
    load_model,
    parse_model,
    save_model,
)

__all__ = [
    "CalibratedCombiner",
    "CalibrationModel",
    "FeatureSpec",
    "ModelFileError",
    "explain_calibrated",
    "load_model",
    "parse_model",
    "save_model",
    "secant_slope",
    "sigmoid",
]
