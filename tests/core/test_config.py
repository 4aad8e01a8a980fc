from __future__ import annotations

from pathlib import Path

import pytest

from sourcecheck.cli.common import EngineOptions, build_config
from sourcecheck.core.config import Config, find_config_file, load_config
from sourcecheck.core.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_config_is_found_by_walking_up_from_the_input(tmp_path: Path) -> None:
    config_file = write(tmp_path / "pyproject.toml", "[tool.sourcecheck]\ndisable = ['hedging']\n")
    article = write(tmp_path / "desk" / "drafts" / "story.txt", "Title\n\nBody.")
    assert find_config_file(article) == config_file
    config = load_config(start=article)
    assert config.disable == ["hedging"]
    assert config.path == config_file


def test_a_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "sourcecheck.toml", "strict = true\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.black]\nline-length = 90\n")
    article = write(tmp_path / "sub" / "story.txt", "x")
    assert load_config(start=article).strict is True


def test_sourcecheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.sourcecheck]\nmax_bytes = 10\n")
    write(tmp_path / "sourcecheck.toml", "max_bytes = 20\n")
    assert load_config(start=tmp_path).max_bytes == 20


def test_no_config_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_config(start=tmp_path / "nowhere.txt") == Config()


def test_an_unknown_key_names_the_file_and_key(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.sourcecheck]\nenabel = ['hedging']\n")
    with pytest.raises(ConfigError, match=rf"{path}: unknown key 'enabel'"):
        load_config(path)


def test_a_bad_value_names_the_file_and_key(tmp_path: Path) -> None:
    path = write(tmp_path / "sourcecheck.toml", "[weights]\nhedging = -2\n")
    with pytest.raises(ConfigError, match=r"sourcecheck\.toml: key 'weights': .*must be >= 0"):
        load_config(path)
    path.write_text("max_bytes = 'big'\n")
    with pytest.raises(ConfigError, match=r"key 'max_bytes'"):
        load_config(path)


def test_invalid_toml_is_one_error_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "sourcecheck.toml", "strict = \n")
    with pytest.raises(ConfigError, match=rf"{path}: not valid TOML"):
        load_config(path)


def test_a_missing_explicit_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "absent.toml")


def test_plugins_dir_is_relative_to_the_config_file(tmp_path: Path) -> None:
    path = write(tmp_path / "repo" / "sourcecheck.toml", "plugins_dir = ['house']\n")
    assert load_config(path).plugins_dir == [str(tmp_path / "repo" / "house")]


def test_flags_override_the_file(tmp_path: Path) -> None:
    write(tmp_path / "sourcecheck.toml", "max_bytes = 100\ndisable = ['hedging']\n")
    story = write(tmp_path / "story.txt", "x")
    config = build_config(EngineOptions(disable="corroboration"), [str(story)], max_bytes=5_000)
    assert config.max_bytes == 5_000
    assert config.disable == ["corroboration"]
    untouched = build_config(None, [str(story)])
    assert untouched.max_bytes == 100 and untouched.disable == ["hedging"]


def test_a_bad_flag_value_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="max_bytes"):
        build_config(None, [], max_bytes=0)


def test_the_documented_example_config_is_valid(tmp_path: Path) -> None:
    import re

    from sourcecheck.core.engine import Engine

    docs = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"
    example = re.search(r"```toml\n(.*?)```", docs.read_text(encoding="utf-8"), re.S)
    assert example is not None
    path = write(tmp_path / "pyproject.toml", example.group(1))
    config = load_config(path)
    assert config.disable == ["corroboration"]
    assert [b.label for b in config.bands] == ["needs work", "good to go"]
    assert config.rules["anonymous_sources/no-reason"] == "error"
    # The example's plugins do not exist here; everything else must build an engine.
    engine = Engine(config.merged(plugins=[], plugins_dir=[]))
    assert "corroboration" not in [s.name for s in engine.scorers]
