"""The README's promises stay true: its example scorer works and its files exist."""

from __future__ import annotations

import re
import types
from pathlib import Path

import sourcecheck
from sourcecheck.plugins.manager import PluginManager

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, flags=re.S)


def test_readme_opens_with_the_install_and_test_commands() -> None:
    first_block = re.search(r"```bash\n(.*?)```", README, flags=re.S)
    assert first_block is not None
    lines = first_block.group(1).strip().splitlines()
    assert lines[0] == "pip install -e . && sourcecheck score examples/articles/well-sourced.md"
    assert lines[1] == "pip install -e '.[test]' && python -m pytest"
    assert (ROOT / "examples/articles/well-sourced.md").is_file()


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]' && python -m pytest" in ci


def test_readme_example_scorer_runs_as_a_plugin() -> None:
    plugin = types.ModuleType("readme_shouting")
    exec(compile(_python_blocks()[0], "README.md", "exec"), plugin.__dict__)
    manager = PluginManager.default(entry_points=False)
    manager.register(plugin, name="readme_shouting")
    engine = sourcecheck.Engine(plugins=manager)

    report = engine.score("The mayor said the bridge is unsafe! Residents were angry.")

    shouting = next(s for s in report.scorers if s.name == "shouting")
    assert shouting.status == "ok"
    assert [f.rule for f in shouting.findings] == ["shouting/exclamation"]
    assert shouting.findings[0].span is not None
    assert shouting.findings[0].span.text == "!"


def test_every_local_link_in_the_readme_exists() -> None:
    targets = re.findall(r"\]\(([^)#]+)\)", README)
    local = [t for t in targets if not t.startswith(("http://", "https://"))]
    missing = [t for t in local if not (ROOT / t).exists()]
    assert not missing, f"README links to missing files: {missing}"
