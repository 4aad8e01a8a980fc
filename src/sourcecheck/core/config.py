"""Configuration: ``[tool.sourcecheck]`` in pyproject.toml, or a ``sourcecheck.toml``.

The file is found by walking up from the input (or the working directory); command-line
flags override it. Every mistake is a :class:`ConfigError` naming the file and the key.

Plugins are code, so where a config file was found decides whether it may load them
(:func:`discover_config`): only the project's config, found from the working directory
upward or named with ``--config``, does. A config found beside an input (a folder of
drafts a pull request added, say) sets rules and limits but never runs anything.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from sourcecheck.core.errors import ConfigError, first_problem
from sourcecheck.core.models import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILES = ("sourcecheck.toml", "pyproject.toml")
# The keys that make sourcecheck import code: honoured only in a trusted config file.
CODE_KEYS = ("plugins", "plugins_dir")


class Band(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min: float = Field(ge=0, le=100)
    label: str


DEFAULT_BANDS = [
    Band(min=80, label="well sourced"),
    Band(min=60, label="adequately sourced"),
    Band(min=40, label="thinly sourced"),
    Band(min=0, label="poorly sourced"),
]


class Config(BaseModel):
    """Everything that changes what sourcecheck computes or reports."""

    model_config = ConfigDict(extra="forbid")

    enable: list[str] | None = Field(default=None, description="Only these scorers run.")
    disable: list[str] = Field(default_factory=list)
    weights: dict[str, float] = Field(default_factory=dict)
    scorer: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Per-scorer options: [tool.sourcecheck.scorer.NAME]."
    )
    rules: dict[str, Severity | Literal["off"]] = Field(default_factory=dict)
    lexicons: dict[str, list[str] | dict[str, list[str]]] = Field(default_factory=dict)
    plugins: list[str] = Field(default_factory=list, description="Importable plugin modules.")
    plugins_dir: list[str] = Field(default_factory=list)
    strict: bool = False
    max_bytes: int = Field(default=2_000_000, gt=0)
    time_budget: float = Field(default=10.0, gt=0, description="Seconds per scorer call.")
    bands: list[Band] = Field(default_factory=lambda: list(DEFAULT_BANDS))
    include: list[str] = Field(default_factory=lambda: ["*.md", "*.markdown", "*.txt", "*.html"])
    exclude: list[str] = Field(default_factory=list)
    min_level: Severity = "suggestion"
    fail_level: Severity = "error"
    fail_under: float | None = Field(default=None, ge=0, le=100)
    model: str | None = Field(default=None, description="Calibrated combiner model file.")

    path: Path | None = Field(default=None, exclude=True, description="Where it was read from.")

    @field_validator("bands")
    @classmethod
    def _bands_cover_zero(cls, bands: list[Band]) -> list[Band]:
        # Every score must land in some band, so the lowest one has to start at 0.
        if not bands or min(b.min for b in bands) != 0:
            raise ValueError("the lowest band must have min = 0")
        labels = [b.label for b in bands]
        if len(set(labels)) != len(labels):
            raise ValueError("band labels must be unique")
        return bands

    @field_validator("weights")
    @classmethod
    def _non_negative(cls, weights: dict[str, float]) -> dict[str, float]:
        for name, weight in weights.items():
            if weight < 0:
                raise ValueError(f"weight of '{name}' must be >= 0, got {weight}")
        return weights

    @classmethod
    def from_mapping(cls, values: Config | Mapping[str, Any]) -> Config:
        """A Config from a Config (returned as is) or a mapping, with a one-line error."""
        if isinstance(values, Config):
            return values
        try:
            return cls.model_validate(dict(values))
        except ValidationError as exc:
            raise ConfigError(f"config: {_describe(exc)}") from None

    def merged(self, **overrides: Any) -> Config:
        """A copy with the given fields replaced (None values are ignored), re-validated."""
        data = self.model_dump(exclude={"path"})
        data.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return Config.model_validate({**data, "path": self.path})
        except ValidationError as exc:
            raise ConfigError(f"option {_describe(exc).removeprefix('key ')}") from None


def find_config_file(start: Path) -> Path | None:
    """The nearest sourcecheck.toml, or pyproject.toml with a [tool.sourcecheck] table."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate_dir in (folder, *folder.parents):
        for filename in CONFIG_FILES:
            candidate = candidate_dir / filename
            if candidate.is_file() and _has_sourcecheck_table(candidate):
                return candidate
    return None


@dataclass(frozen=True)
class DiscoveredConfig:
    """The config a command runs with, and what the user must be told about its plugins."""

    config: Config
    #: The trusted file whose ``plugins``/``plugins_dir`` load, when it names any.
    loads_code_from: Path | None = None
    #: A file found beside an input that named plugins, which were not loaded.
    code_ignored_in: Path | None = None


def discover_config(
    start: Path | None,
    *,
    explicit: Path | None = None,
    isolated: bool = False,
    cwd: Path | None = None,
) -> DiscoveredConfig:
    """The config for inputs starting at ``start``, loading code only from a trusted file.

    Settings come from ``explicit``, else the config nearest ``start``, else the project's
    (nearest the working directory ``cwd``). Plugins come only from ``explicit`` or the
    project's config: a config found from an input belongs to whoever wrote the input.
    ``isolated`` ignores every file, as ruff's ``--isolated`` does.
    """
    if isolated:
        return DiscoveredConfig(Config())
    if explicit is not None:
        return _trusted(load_config(explicit))
    project = find_config_file(cwd or Path.cwd())
    nearest = find_config_file(start) if start is not None else None
    if nearest is None or nearest == project:
        return _trusted(load_config(project) if project else Config())
    config = load_config(nearest)
    ignored = nearest if _names_code(config) else None
    trusted = load_config(project) if project else Config()
    config.plugins, config.plugins_dir = trusted.plugins, trusted.plugins_dir
    return DiscoveredConfig(config, project if _names_code(trusted) else None, ignored)


def _trusted(config: Config) -> DiscoveredConfig:
    return DiscoveredConfig(config, config.path if _names_code(config) else None)


def _names_code(config: Config) -> bool:
    return any(getattr(config, key) for key in CODE_KEYS)


def load_config(path: Path | None = None, *, start: Path | None = None) -> Config:
    """Read ``path``, or the nearest config file above ``start``, or return the defaults.

    Whatever file is read is trusted, plugins included: the CLI decides which file that
    may be with :func:`discover_config`.
    """
    if path is None:
        path = find_config_file(start or Path.cwd())
        if path is None:
            return Config()
    table = _read_table(path)
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_describe(exc)}") from None
    return _relative_to(config, path)


def _relative_to(config: Config, path: Path) -> Config:
    """Paths in a config file mean paths next to that file, wherever sourcecheck runs."""
    here = path.parent
    config.plugins_dir = [str(here / folder) for folder in config.plugins_dir]
    config.path = path
    if config.model is not None:
        # Anchored to the config file now: a copy sent to a batch worker loses ``path``.
        config.model = str(path.parent / Path(config.model).expanduser())
    return config


def _read_table(path: Path) -> dict[str, Any]:
    if path.exists() and not path.is_file():  # a FIFO or device would hang or never end
        raise ConfigError(f"{path}: config file is not a regular file")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("sourcecheck", {})
    return data.get("tool", {}).get("sourcecheck", data)


def _has_sourcecheck_table(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        return "sourcecheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
        return False


def _describe(exc: ValidationError) -> str:
    key, first = first_problem(exc)
    key = key or "(table)"
    if first["type"] == "extra_forbidden":
        return f"unknown key '{key}'"
    return f"key '{key}': {first['msg']}"
