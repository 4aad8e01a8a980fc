"""``sourcecheck serve``: the HTTP API and the editor page (``pip install 'sourcecheck[serve]'``).

>>> from sourcecheck.serve import ServeSettings, create_app, engine_for_config
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.serve.settings import ServeSettings

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["ServeSettings", "create_app", "engine_factory", "engine_for_config"]


def engine_for_config(config: Config) -> Engine:
    return Engine(config)


def engine_factory(config: Config) -> partial[Engine]:
    """A picklable factory building ``Engine(config)`` (what each worker process calls)."""
    return partial(engine_for_config, config)


def create_app(engine_factory: Any, settings: ServeSettings | None = None) -> FastAPI:
    from sourcecheck.serve.app import create_app as create

    return create(engine_factory, settings)
