"""Engines and plugin managers for tests: only the plugins a test names, nothing autoloaded.

A test that builds ``Engine()`` directly would pick up every plugin installed in the
environment through entry points, so its result would depend on the machine. These helpers
never load entry points.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sourcecheck
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.scorer import Scorer
from sourcecheck.plugins.hookspecs import hookimpl
from sourcecheck.plugins.manager import PluginManager


class ScorerPlugin:
    """Wraps scorer instances as a plugin, so a test can pass a scorer where a plugin goes."""

    def __init__(self, *scorers: Scorer) -> None:
        self.scorers = list(scorers)

    @hookimpl
    def sourcecheck_scorers(self) -> list[Scorer]:
        return list(self.scorers)


def _as_plugin(plugin: object) -> tuple[object, str | None]:
    """A registrable plugin and its name; scorer instances and classes get wrapped."""
    if isinstance(plugin, type) and issubclass(plugin, Scorer):
        plugin = plugin()
    if isinstance(plugin, Scorer):
        return ScorerPlugin(plugin), f"scorer:{plugin.name}"
    return plugin, None


def plugin_manager(*plugins: object, builtins: bool = False, strict: bool = True) -> PluginManager:
    """A manager holding ``plugins`` (modules, plugin objects, scorers or scorer classes).

    ``builtins=True`` adds sourcecheck's own scorers, loaders and reporters. Strict by
    default: in a test, a plugin that fails to register should fail the test loudly.
    """
    if builtins:
        manager = PluginManager.default(strict=strict, entry_points=False)
    else:
        manager = PluginManager(strict=strict)
    for plugin in plugins:
        registrable, name = _as_plugin(plugin)
        manager.register(registrable, name=name, origin="manual")
    return manager


def make_engine(
    *plugins: object,
    builtins: bool = False,
    config: Config | None = None,
    strict: bool = True,
    **config_fields: Any,
) -> Engine:
    """An engine with only ``plugins`` (plus the built-ins if asked); config by keyword.

    >>> engine = make_engine(MyScorer(), scorer={"my_scorer": {"threshold": 2}})
    """
    if config_fields:
        config = (config or Config()).merged(**config_fields)
    return Engine(config, plugins=plugin_manager(*plugins, builtins=builtins, strict=strict))


@contextmanager
def registered(*plugins: object) -> Iterator[list[object]]:
    """While active, every default plugin manager (CLI, ``sourcecheck.score``) has ``plugins``
    and skips entry points. Yields the list of extra plugins; append to it to add more.
    """
    extra: list[object] = list(plugins)
    original = PluginManager.__dict__["default"]

    def default(cls: type[PluginManager], **kwargs: Any) -> PluginManager:
        kwargs["entry_points"] = False
        manager = original.__func__(cls, **kwargs)
        for plugin in extra:
            registrable, name = _as_plugin(plugin)
            manager.register(registrable, name=name, origin="manual")
        return manager

    saved_engine = sourcecheck._default_engine
    PluginManager.default = classmethod(default)  # type: ignore[method-assign,assignment]
    sourcecheck._default_engine = None  # it may hold plugins from before
    try:
        yield extra
    finally:
        PluginManager.default = original  # type: ignore[method-assign]
        sourcecheck._default_engine = saved_engine
