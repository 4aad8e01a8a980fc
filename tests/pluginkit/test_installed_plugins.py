"""Real installs: ``pip install -e`` of a generated package and of the example plugin.

Both go into one throwaway venv layered over this environment (see overlay_venv.py), so
nothing is downloaded. Then ``sourcecheck plugins`` must list them through their entry
points, and each package's own test suite must pass there, as a plugin author would run it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sourcecheck.cli import main

from .conftest import EXAMPLE
from .overlay_venv import OverlayVenv

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[OverlayVenv, Path, Path]:
    root = tmp_path_factory.mktemp("installed")
    assert main(["new-scorer", "wire_copy", "--dir", str(root)]) == 0
    generated = root / "sourcecheck-wire-copy"
    example = root / EXAMPLE.name
    shutil.copytree(
        EXAMPLE,
        example,
        ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", ".*_cache", ".hypothesis"),
    )
    venv = OverlayVenv(root / "venv")
    venv.pip_install_editable(generated, example)
    return venv, generated, example


def test_sourcecheck_plugins_lists_both_through_entry_points(
    installed: tuple[OverlayVenv, Path, Path],
) -> None:
    venv, _, _ = installed
    listing = json.loads(venv.run("-m", "sourcecheck.cli", "plugins", "--json"))
    by_name = {plugin["name"]: plugin for plugin in listing["plugins"]}
    for name, distribution in [
        ("wire_copy", "sourcecheck-wire-copy"),
        ("house_style", "sourcecheck-house-style"),
    ]:
        plugin = by_name[name]
        assert (plugin["origin"], plugin["status"]) == ("entrypoint", "ok")
        assert plugin["distribution"].replace("_", "-") == distribution
        assert plugin["version"] == "0.1.0"
        assert plugin["hooks"] == ["sourcecheck_scorers"]
    assert {"wire_copy", "house_style"} <= set(listing["scorers"])


def test_load_plugins_env_selects_what_loads(installed: tuple[OverlayVenv, Path, Path]) -> None:
    venv, _, _ = installed
    code = (
        "import os, json; os.environ['SOURCECHECK_LOAD_PLUGINS'] = 'house_style'; "
        "from sourcecheck.cli import main; main(['plugins', '--json'])"
    )
    listing = json.loads(venv.run("-c", code))
    status = {plugin["name"]: plugin["status"] for plugin in listing["plugins"]}
    assert status["house_style"] == "ok"
    assert status["wire_copy"] == "not loaded"


@pytest.mark.parametrize("which", ["generated", "example"])
def test_package_test_suite_passes_where_installed(
    installed: tuple[OverlayVenv, Path, Path], which: str
) -> None:
    venv, generated, example = installed
    folder = generated if which == "generated" else example
    output = venv.run("-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=folder)
    assert " passed" in output and "failed" not in output
