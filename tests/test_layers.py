"""Layers only point down: no import cycle between sourcecheck's subpackages.

Every import in the package's source is read (at module level or inside a function, where
a cycle is often hidden), except those under ``if TYPE_CHECKING:``, which never run. Each
first-level subpackage (``core``, ``lint``, ``loaders`` ...) and each top-level module
(``_version``) is one node; the package root is one more, since it imports most layers.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sourcecheck"


def node_of(module: str) -> str | None:
    """The layer a dotted module name belongs to, or None outside sourcecheck."""
    parts = module.split(".")
    if parts[0] != "sourcecheck":
        return None
    if len(parts) == 1:
        return "sourcecheck"
    return f"sourcecheck.{parts[1]}"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported(tree: ast.AST) -> Iterator[str]:
    """Every module an import statement names, skipping TYPE_CHECKING blocks."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and is_type_checking(node.test):
            yield from (name for child in node.orelse for name in imported(child))
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from sourcecheck import x" may name a submodule x: count it as one.
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        yield from imported(node)


def layer_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        here = node_of(module_name(path))
        assert here is not None
        edges = graph.setdefault(here, set())
        for name in imported(ast.parse(path.read_text(encoding="utf-8"))):
            target = _resolve(name)
            if target is not None and target != here:
                edges.add(target)
    return graph


def _resolve(name: str) -> str | None:
    """The node of ``name``: 'sourcecheck.X' is the root's attribute X unless X is a
    subpackage or module of its own."""
    node = node_of(name)
    if node is None or node == "sourcecheck":
        return node
    short = node.split(".", 1)[1]
    exists = (PACKAGE / short).is_dir() or (PACKAGE / f"{short}.py").is_file()
    return node if exists else "sourcecheck"


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle in ``graph`` as [a, b, ..., a], or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_between_subpackages() -> None:
    cycle = find_cycle(layer_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_walk_sees_function_level_imports_and_skips_type_checking() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from sourcecheck.cli import main\n"
        "def f():\n    from sourcecheck.lint.runner import Checker\n"
    )
    assert list(imported(ast.parse(source))) == [
        "typing.TYPE_CHECKING",
        "sourcecheck.lint.runner.Checker",
    ]


@pytest.mark.parametrize(
    ("graph", "cycle"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
    ],
)
def test_find_cycle(graph: dict[str, set[str]], cycle: list[str] | None) -> None:
    assert find_cycle(graph) == cycle


def test_core_imports_nothing_above_it() -> None:
    assert layer_graph()["sourcecheck.core"] <= {"sourcecheck._version"}
