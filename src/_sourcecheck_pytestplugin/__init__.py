"""The pytest plugin sourcecheck registers under the ``pytest11`` entry point.

It lives outside the ``sourcecheck`` package on purpose (as hypothesis does with
``_hypothesis_pytestplugin``): pytest imports every ``pytest11`` plugin at start-up, and
importing ``sourcecheck`` costs about half a second, which every other project in the same
environment would pay. Here sourcecheck is imported only when a fixture is used, and
nothing is autouse. ``sourcecheck.testing.pytest_plugin`` re-exports the fixtures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from sourcecheck.core.engine import Engine


@pytest.fixture
def sourcecheck_engine() -> Callable[..., Engine]:
    """Factory: ``sourcecheck_engine(*plugins, builtins=False, config=None, **config_fields)``.

    The engine has only the plugins named (modules, plugin objects, scorers or scorer
    classes), never the ones installed through entry points, and is strict.
    """
    from sourcecheck.testing.engines import make_engine

    return make_engine


@pytest.fixture
def sourcecheck_register() -> Iterator[Callable[..., None]]:
    """``sourcecheck_register(*plugins)``: for this test only, every default engine (the
    CLI, ``sourcecheck.score``) also has ``plugins``, and installed entry-point plugins do
    not load. Undone when the test ends, even if it fails.
    """
    from sourcecheck.testing.engines import registered

    with registered() as extra:

        def register(*plugins: Any) -> None:
            extra.extend(plugins)

        yield register
