"""docs/plugins/hooks.md documents every hook in hookspecs.py, with its exact signature."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sourcecheck.core import hookspecs

from .conftest import REPO

DOC = REPO / "docs" / "plugins" / "hooks.md"


def declared_hooks() -> dict[str, ast.FunctionDef]:
    tree = ast.parse(Path(hookspecs.__file__).read_text(encoding="utf-8"))
    return {
        node.name: node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("sourcecheck_")
    }


def signature(node: ast.FunctionDef) -> str:
    returns = f" -> {ast.unparse(node.returns)}" if node.returns else ""
    return f"def {node.name}({ast.unparse(node.args)}){returns}"


def is_firstresult(node: ast.FunctionDef) -> bool:
    return any("firstresult=True" in ast.unparse(d) for d in node.decorator_list)


def documented_sections() -> dict[str, str]:
    """Heading text -> the markdown under it, for every '## ' heading."""
    parts = re.split(r"^## (.+)$", DOC.read_text(encoding="utf-8"), flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def test_the_hookspec_parser_sees_every_hook_pluggy_sees() -> None:
    marked = {
        name for name in dir(hookspecs) if hasattr(getattr(hookspecs, name), "sourcecheck_spec")
    }
    assert set(declared_hooks()) == marked
    assert "sourcecheck_scorers" in marked


def test_every_hook_has_a_heading_and_every_heading_a_hook() -> None:
    assert set(documented_sections()) == set(declared_hooks())


def test_each_heading_shows_the_exact_signature() -> None:
    sections = documented_sections()
    for name, node in declared_hooks().items():
        assert signature(node) in sections[name], f"{name}: expected `{signature(node)}`"


def test_firstresult_hooks_say_so() -> None:
    sections = documented_sections()
    for name, node in declared_hooks().items():
        assert ("firstresult" in sections[name].lower()) == is_firstresult(node), name
