"""The fixtures of sourcecheck's pytest plugin, for ``-p sourcecheck.testing.pytest_plugin``.

Installing sourcecheck already registers them (``pytest11`` entry point, module
``_sourcecheck_pytestplugin``); this name exists for projects that disable plugin
autoloading (``PYTEST_DISABLE_PLUGIN_AUTOLOAD=1``) and load plugins explicitly.
"""

from __future__ import annotations

from _sourcecheck_pytestplugin import sourcecheck_engine, sourcecheck_register

__all__ = ["sourcecheck_engine", "sourcecheck_register"]
