"""Finding, loading and isolating plugins.

Built-in plugins always load. Third-party plugins come from the ``sourcecheck`` entry-point
group (filtered by ``SOURCECHECK_LOAD_PLUGINS``), from ``.py`` files in a plugins
directory, and from importable modules named in the config. A plugin that fails to load is
recorded and skipped, unless strict mode is on, where it is an error.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import pluggy
from pluggy import HookImpl

from sourcecheck._version import __version__
from sourcecheck.core import hookspecs
from sourcecheck.core.budget import Timer
from sourcecheck.core.errors import ConfigError, PluginLoadError
from sourcecheck.core.models import PluginError

T = TypeVar("T")

ENTRY_POINT_GROUP = "sourcecheck"
LOAD_ENV = "SOURCECHECK_LOAD_PLUGINS"
STRICT_ENV = "SOURCECHECK_STRICT"

BUILTIN_PLUGINS = (
    "sourcecheck.scorers.attribution_clarity",
    "sourcecheck.scorers.hedging",
    "sourcecheck.scorers.corroboration",
    "sourcecheck.scorers.anonymous_sources",
    "sourcecheck.loaders.builtin",
    "sourcecheck.reporters.builtin",
    "sourcecheck.calibration.plugin",
)


@dataclass
class PluginInfo:
    """What ``sourcecheck plugins`` lists about one plugin."""

    name: str
    origin: str  # builtin | entrypoint | directory | config | manual
    distribution: str | None = None
    version: str | None = None
    hooks: list[str] = field(default_factory=list)
    status: str = "ok"  # ok | failed | not loaded
    error: str | None = None
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "origin": self.origin,
            "distribution": self.distribution,
            "version": self.version,
            "hooks": self.hooks,
            "status": self.status,
            "error": self.error,
            "note": self.note,
        }


def strict_from_env() -> bool:
    return os.environ.get(STRICT_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def selected_from_env() -> set[str] | None:
    """Names allowed by SOURCECHECK_LOAD_PLUGINS; None when unset (load everything).

    Names are entry-point or distribution names, compared the way pip compares them
    (case-insensitive, ``-``, ``_`` and ``.`` alike). An empty value selects nothing.
    """
    value = os.environ.get(LOAD_ENV)
    if value is None:
        return None
    return {normalize_name(name) for name in value.split(",") if name.strip()}


def normalize_name(name: str) -> str:
    """PEP 503 normalisation, so 'Sourcecheck_House' selects 'sourcecheck-house'."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


class PluginManager:
    """A pluggy manager plus the bookkeeping that makes plugin failures survivable."""

    def __init__(self, *, strict: bool = False) -> None:
        self.strict = strict
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.infos: list[PluginInfo] = []
        self.errors: list[PluginError] = []

    @classmethod
    def default(
        cls,
        *,
        strict: bool = False,
        entry_points: bool = True,
        modules: Iterable[str] = (),
        directories: Iterable[str | Path] = (),
    ) -> PluginManager:
        manager = cls(strict=strict)
        manager.load_builtins()
        if entry_points:
            manager.load_entry_points()
        for directory in directories:
            manager.load_directory(Path(directory))
        for module in modules:
            manager.load_module(module, origin="config")
        return manager

    # -- loading -----------------------------------------------------------------------

    def load_builtins(self) -> None:
        for module_name in BUILTIN_PLUGINS:
            module = importlib.import_module(module_name)
            self.register(module, name=module_name, origin="builtin", version=__version__)

    def load_entry_points(self, selected: set[str] | None = None) -> None:
        selected = selected_from_env() if selected is None else selected
        installed: set[str] = set()
        for ep in sorted(_entry_points(), key=lambda e: e.name):
            dist = ep.dist.name if ep.dist else None
            version = ep.dist.version if ep.dist else None
            names = {normalize_name(ep.name), normalize_name(dist or "")}
            installed |= names
            if selected is not None and not names & {normalize_name(n) for n in selected}:
                self.infos.append(
                    PluginInfo(ep.name, "entrypoint", dist, version, status="not loaded")
                )
                continue
            self._guarded(ep.name, "entrypoint", dist, version, ep.load)
        for name in sorted((selected or set()) - installed):
            # A typo in the selection would otherwise load nothing, silently, say in CI.
            self._missing_selection(name)

    def _missing_selection(self, name: str) -> None:
        message = f"is named in {LOAD_ENV} but no installed plugin has that name"
        if self.strict:
            raise PluginLoadError(f"plugin '{name}' {message}")
        self.errors.append(PluginError(plugin=name, message=message))

    def load_directory(self, directory: Path) -> None:
        if not directory.is_dir():
            raise ConfigError(f"{directory}: plugins directory does not exist")
        for path in sorted(directory.glob("*.py")):
            name = f"sourcecheck_plugins_dir.{path.stem}"
            self._guarded(
                path.stem, "directory", str(path), None, lambda p=path, n=name: _import_file(n, p)
            )

    def load_module(self, module_name: str, origin: str = "config") -> None:
        self._guarded(module_name, origin, None, None, lambda: importlib.import_module(module_name))

    def register(
        self,
        plugin: object,
        name: str | None = None,
        *,
        origin: str = "manual",
        distribution: str | None = None,
        version: str | None = None,
    ) -> None:
        """Register a module or object implementing hooks (also the test entry point)."""
        name = name or getattr(plugin, "__name__", None) or repr(plugin)
        if self.pm.is_registered(plugin):
            # The same module reached twice (installed and also listed in the config):
            # once is enough, and it is not the user's mistake.
            first = self.pm.get_name(plugin)
            note = f"already loaded as '{first}'"
            self.infos.append(PluginInfo(name, origin, distribution, version, note=note))
            return
        try:
            self.pm.register(plugin, name=name)
        except (ValueError, pluggy.PluginValidationError) as exc:
            # pluggy: already registered, or a hook whose arguments do not match its spec
            self._failed(name, origin, distribution, version, exc)
            return
        callers = self.pm.get_hookcallers(plugin) or []
        unknown = sorted(h.name for h in callers if not h.has_spec())
        if unknown:
            # A misspelt hook would otherwise be silently never called.
            self.pm.unregister(plugin)
            self._failed(name, origin, distribution, version, UnknownHookError(", ".join(unknown)))
            return
        hooks = sorted(h.name for h in callers)
        self.infos.append(PluginInfo(name, origin, distribution, version, hooks))

    def _guarded(
        self,
        name: str,
        origin: str,
        distribution: str | None,
        version: str | None,
        load: Callable[[], object],
    ) -> None:
        try:
            plugin = load()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # a broken plugin, even sys.exit(), must not end the run
            self._failed(name, origin, distribution, version, exc)
            return
        self.register(plugin, name=name, origin=origin, distribution=distribution, version=version)

    def _failed(
        self,
        name: str,
        origin: str,
        distribution: str | None,
        version: str | None,
        exc: BaseException,
    ) -> None:
        message = f"failed to load: {type(exc).__name__}: {exc}"
        if self.strict:
            raise PluginLoadError(f"plugin '{name}' {message}") from exc
        self.infos.append(
            PluginInfo(name, origin, distribution, version, status="failed", error=message)
        )
        self.errors.append(PluginError(plugin=name, message=message))

    # -- calling -----------------------------------------------------------------------

    def call_isolated(
        self, hook_name: str, **kwargs: Any
    ) -> Iterator[tuple[str, Any, BaseException | None]]:
        """Call a hook on each plugin separately, in registration order (pluggy calls
        LIFO): ``(plugin, result, None)``, or ``(plugin, None, exception)`` for one that
        raised, so one raising does not stop the rest. The caller decides what a failure
        means (a plugin marked failed, or one article's error)."""
        for impl in self.implementations(hook_name):
            yield call_one(impl, kwargs)

    def implementations(self, hook_name: str) -> list[HookImpl]:
        """The plugins' implementations of a hook, in registration order."""
        return getattr(self.pm.hook, hook_name).get_hookimpls()

    def call_each(self, hook_name: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        """Each plugin's non-None result; a plugin that raises is marked failed."""
        for plugin_name, result, exc in self.call_isolated(hook_name, **kwargs):
            if exc is not None:
                message = f"hook {hook_name} raised {type(exc).__name__}: {exc}"
                if self.strict:
                    raise PluginLoadError(f"plugin '{plugin_name}': {message}") from exc
                self._mark_failed(plugin_name, message)
            elif result is not None:
                yield plugin_name, result

    def collect(self, hook_name: str, kind: type[T]) -> list[T]:
        """Every ``kind`` instance the plugins return from a list-returning hook.

        Anything else a plugin returns is reported as that plugin's failure and skipped.
        """
        collected: list[T] = []
        for plugin_name, found in self.call_each(hook_name):
            items = found if isinstance(found, (list, tuple)) else [found]
            for item in items:
                if isinstance(item, kind):
                    collected.append(item)
                else:
                    self.report_failure(
                        plugin_name, f"{hook_name} returned {item!r}, not a {kind.__name__}"
                    )
        return collected

    def report_failure(self, plugin_name: str, message: str) -> None:
        """A loaded plugin misbehaved (e.g. returned a non-Scorer): fatal in strict mode."""
        if self.strict:
            raise PluginLoadError(f"plugin '{plugin_name}': {message}")
        self._mark_failed(plugin_name, message)

    def _mark_failed(self, plugin_name: str, message: str) -> None:
        self.errors.append(PluginError(plugin=plugin_name, message=message))
        for info in self.infos:
            if info.name == plugin_name:
                info.status, info.error = "failed", message

    def info(self, plugin_name: str) -> PluginInfo | None:
        return next((i for i in self.infos if i.name == plugin_name), None)

    def describe(self, plugin_name: str) -> str:
        """'name (distribution version)' for error messages."""
        info = self.info(plugin_name)
        if info and info.distribution:
            return f"{plugin_name} ({info.distribution} {info.version or ''})".replace(" )", ")")
        return plugin_name


def call_one(
    impl: HookImpl, kwargs: dict[str, Any], timer: Timer | None = None
) -> tuple[str, Any, BaseException | None]:
    """One plugin's implementation called with the arguments it names, as
    :meth:`PluginManager.call_isolated` calls each; through ``timer``, stopped with
    :class:`~sourcecheck.core.budget.OverBudget` past its budget (where it can be)."""
    arguments = {name: kwargs[name] for name in impl.argnames}
    try:
        if timer is None:
            result = impl.function(**arguments)
        else:
            result = timer.call(impl.function, **arguments)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # a broken plugin, even sys.exit(), stops only itself
        return impl.plugin_name, None, exc
    return impl.plugin_name, result, None


class UnknownHookError(Exception):
    def __str__(self) -> str:
        return f"implements unknown hook(s) {self.args[0]} (see sourcecheck.core.hookspecs)"


def _entry_points() -> list[metadata.EntryPoint]:
    return list(metadata.entry_points(group=ENTRY_POINT_GROUP))


def _import_file(module_name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module
