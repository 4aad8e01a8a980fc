"""Fixtures for the calibration tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from calibration_helpers import CUE_PLUGIN, synthetic_records


@pytest.fixture
def cue_plugin_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "cue_plugin.py").write_text(CUE_PLUGIN, encoding="utf-8")
    return folder


@pytest.fixture
def labelled_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in synthetic_records()), encoding="utf-8")
    return path
