"""Built-in plugin: ``model = "..."`` in the config (or ``--model``) picks the calibrated combiner.

Combiners are chosen through the ``sourcecheck_combiner`` firstresult hook, so this is just
one implementation of it: a newsroom's plugin registered later is asked first and can
return its own combiner (or None to leave the choice to the next plugin).
"""

from __future__ import annotations

from pathlib import Path

from sourcecheck.calibration.combiner import CalibratedCombiner
from sourcecheck.core.config import Config
from sourcecheck.plugins.hookspecs import hookimpl


def model_path(config: Config) -> Path | None:
    """The model file the config names; relative paths are relative to the config file."""
    if not config.model:
        return None
    path = Path(config.model).expanduser()
    if not path.is_absolute() and config.path is not None:
        path = config.path.parent / path
    return path


@hookimpl
def sourcecheck_combiner(config: Config) -> CalibratedCombiner | None:
    path = model_path(config)
    return CalibratedCombiner.from_file(path) if path is not None else None
