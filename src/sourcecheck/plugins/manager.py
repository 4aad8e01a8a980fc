"""Moved to :mod:`sourcecheck.core.plugin_manager` (the engine needs it, and core imports nothing
above it); this name stays for plugins and tools that import it."""

from sourcecheck.core.plugin_manager import (
    BUILTIN_PLUGINS,
    ENTRY_POINT_GROUP,
    LOAD_ENV,
    STRICT_ENV,
    PluginInfo,
    PluginManager,
    UnknownHookError,
    normalize_name,
    selected_from_env,
    strict_from_env,
)

__all__ = [
    "BUILTIN_PLUGINS",
    "ENTRY_POINT_GROUP",
    "LOAD_ENV",
    "STRICT_ENV",
    "PluginInfo",
    "PluginManager",
    "UnknownHookError",
    "normalize_name",
    "selected_from_env",
    "strict_from_env",
]
