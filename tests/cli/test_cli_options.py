from __future__ import annotations

from collections import Counter

import click
import pytest

from sourcecheck.cli import cli


def commands() -> list[click.Command]:
    assert isinstance(cli, click.Group)
    return [cli.commands[name] for name in sorted(cli.commands)]


@pytest.mark.parametrize("command", commands(), ids=lambda c: c.name)
def test_no_command_declares_an_option_twice(command: click.Command) -> None:
    # A merge that adds an option twice only shows up as a click warning on stderr,
    # which breaks the one-line error contract; catch it here instead.
    flags = Counter(flag for param in command.params for flag in getattr(param, "opts", []))
    assert [flag for flag, count in flags.items() if count > 1] == []


def test_the_core_commands_are_registered() -> None:
    assert {"score", "plugins", "schema"} <= set(cli.commands)
