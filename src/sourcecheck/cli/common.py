"""What the subcommands share: options, building the engine, reading inputs, errors."""

from __future__ import annotations

import functools
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from sourcecheck.core.config import Config, load_config
from sourcecheck.core.errors import InputError, SourcecheckError
from sourcecheck.core.models import Article, PluginError
from sourcecheck.loaders.base import Loader, load_path
from sourcecheck.plugins.manager import PluginManager, strict_from_env

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # the shell's convention for SIGINT

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class EngineOptions:
    """The flags every engine-building command shares, passed as one ``engine_opts`` argument."""

    config_path: Path | None = None
    plugins_dirs: tuple[Path, ...] = field(default_factory=tuple)
    strict: bool | None = None
    enable: str | None = None
    disable: str | None = None


_ENGINE_OPTION_NAMES = ("config_path", "plugins_dirs", "strict", "enable", "disable")


def engine_options(func: F) -> F:
    """The options every command that builds an engine accepts, bundled as ``engine_opts``."""

    @functools.wraps(func)
    def bundled(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in _ENGINE_OPTION_NAMES}
        return func(*args, engine_opts=EngineOptions(**values), **kwargs)

    options = [
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Config file (default: nearest sourcecheck.toml or pyproject.toml).",
        ),
        click.option(
            "--plugins-dir",
            "plugins_dirs",
            multiple=True,
            type=click.Path(file_okay=False, path_type=Path),
            help="Load every .py file in this folder as a plugin.",
        ),
        click.option(
            "--strict",
            is_flag=True,
            default=None,
            help="Fail on a broken plugin or scorer instead of skipping it.",
        ),
        click.option(
            "--enable",
            "enable",
            default=None,
            metavar="NAMES",
            help="Comma list: only these scorers run.",
        ),
        click.option(
            "--disable",
            "disable",
            default=None,
            metavar="NAMES",
            help="Comma list of scorers not to run.",
        ),
        click.option(
            "--model",
            type=click.Path(dir_okay=False, path_type=Path),
            expose_value=False,
            callback=_remember_model,
            help="Calibrated combiner model from `sourcecheck calibrate` (config: model).",
        ),
    ]
    wrapped: Any = bundled
    for option in reversed(options):
        wrapped = option(wrapped)
    return wrapped  # type: ignore[no-any-return]


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the output to this file instead of stdout.",
)

COLOR_MODES = ("auto", "always", "never")


def color_option(what: str) -> Callable[[F], F]:
    """``--color auto|always|never``, the same on every command that colours its output."""
    return click.option(
        "--color",
        "color_mode",
        type=click.Choice(COLOR_MODES),
        default="auto",
        show_default=True,
        help=f"Colour {what} (auto: on a terminal; NO_COLOR turns it off, FORCE_COLOR on).",
    )


def wants_color(mode: str, stream: TextIO | None = None) -> bool:
    """The https://no-color.org and FORCE_COLOR conventions; an explicit --color wins."""
    if mode != "auto":
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def rich_console(color_mode: str = "auto") -> Any:
    """A rich console on stdout that follows ``--color`` (120 columns when piped)."""
    from rich.console import Console

    color = wants_color(color_mode)
    return Console(
        highlight=False,
        soft_wrap=False,
        width=None if sys.stdout.isatty() else 120,
        force_terminal=color,
        no_color=not color,
    )


def color_mode_of_context(default: str = "auto") -> str:
    """The ``--color`` of the running command, for helpers deep inside it."""
    ctx = click.get_current_context(silent=True)
    return str(ctx.params.get("color_mode", default)) if ctx is not None else default


def terminal_width(default: int = 80) -> int:
    return shutil.get_terminal_size((default, 24)).columns


def hidden_alias(flag: str, dest: str, **attrs: Any) -> Callable[[F], F]:
    """An old spelling of an option, still accepted for one release but not in --help.

    Kept as its own hidden parameter and folded into ``dest`` when given, so either spelling
    works whatever order click processes them in.
    """
    alias = "alias_" + flag.lstrip("-").replace("-", "_")

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def folded(*args: Any, **kwargs: Any) -> Any:
            value = kwargs.pop(alias)
            if value not in (None, False, ()):
                kwargs[dest] = value
            return func(*args, **kwargs)

        option = click.option(flag, alias, hidden=True, default=None, **attrs)
        return option(folded)  # type: ignore[return-value]

    return decorate


max_bytes_option = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Refuse article text larger than this many bytes (default 2,000,000).",
)


def fail_under_option(help_text: str) -> Callable[[F], F]:
    """``--fail-under SCORE``: the commands say in their own words what failing means."""
    return click.option(
        "--fail-under",
        type=click.FloatRange(0, 100),
        default=None,
        metavar="SCORE",
        help=help_text,
    )


MODEL_META_KEY = "sourcecheck.model"


def _remember_model(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    # Kept out of the command's arguments so every command with engine_options gets --model
    # without a new parameter; build_config picks it up from the click context.
    if value is not None:
        ctx.meta[MODEL_META_KEY] = str(value.expanduser().resolve())


def _model_option() -> str | None:
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(MODEL_META_KEY) if ctx is not None else None


def build_config(
    engine_opts: EngineOptions | None = None,
    inputs: Sequence[str] = (),
    **overrides: Any,
) -> Config:
    """The config file nearest the first input, overridden by the command's flags."""
    opts = engine_opts or EngineOptions()
    first_file = next((Path(p) for p in inputs if p != "-"), None)
    config = load_config(opts.config_path, start=first_file)
    overrides = {"model": _model_option(), **overrides}
    dirs = opts.plugins_dirs
    return config.merged(
        plugins_dir=[*config.plugins_dir, *map(str, dirs)] if dirs else None,
        strict=True if opts.strict or strict_from_env() else None,
        enable=_names(opts.enable),
        disable=_names(opts.disable),
        **overrides,
    )


def _names(value: str | None) -> list[str] | None:
    return None if value is None else [n.strip() for n in value.split(",") if n.strip()]


def loaders_of(plugins: PluginManager) -> list[Loader]:
    return plugins.collect("sourcecheck_loaders", Loader)


def iter_inputs(
    paths: Sequence[str], loaders: list[Loader], max_bytes: int
) -> Iterator[Article | InputError]:
    """Every article of every input, in order, with errors in place of what failed.

    A folder stands for every file in it that a loader reads, recursively in sorted order,
    as in ``check`` and ``batch``.
    """
    for path in _expanded(paths, loaders):
        if isinstance(path, InputError):
            yield path
            continue
        for item in load_path(path, loaders, max_bytes):
            if isinstance(item, Article) and "source" not in item.meta:
                item.meta["source"] = path
            yield item


def _expanded(paths: Sequence[str], loaders: list[Loader]) -> Iterator[str | InputError]:
    from sourcecheck.loaders.records import iter_folder

    for path in paths:
        if path == "-" or not Path(path).is_dir():
            yield path
            continue
        files = [str(file) for file in iter_folder(Path(path), loaders)]
        yield from files or [InputError(path, "folder holds no file that sourcecheck reads")]


def warn_plugin_errors(plugins: PluginManager) -> None:
    """One warning per plugin that failed to load or returned junk from a hook."""
    for plugin_error in plugins.errors:
        warn_plugin_error(plugin_error)


def warn_plugin_error(plugin_error: PluginError) -> None:
    warn(f"plugin '{plugin_error.plugin}' {plugin_error.message}")


def open_output(path: Path) -> TextIO:
    """``path`` opened for writing (UTF-8), or a one-line error saying why it cannot be."""
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise SourcecheckError(f"{path}: cannot write the output: {exc.strerror}") from None


def write_output(path: Path, text: str) -> None:
    with open_output(path) as out:
        out.write(text)


def error(message: str) -> None:
    """One line on stderr: the way every user error is reported."""
    click.echo(f"sourcecheck: error: {one_line(message)}", err=True)


def warn(message: str) -> None:
    click.echo(f"sourcecheck: warning: {one_line(message)}", err=True)


def one_line(message: str) -> str:
    """``message`` on one line, its lines joined with '; '.

    Messages can carry text we do not control (a plugin's exception, a pydantic
    ValidationError spans four lines), and a user or CI log grepping stderr expects one line
    per problem.
    """
    lines = [line.strip() for line in message.splitlines()]
    return "; ".join(line for line in lines if line)


# The optional dependencies (pyproject.toml [project.optional-dependencies]) and the extra that
# installs each, so a command run without its extra says what to install.
EXTRA_OF_MODULE = {
    "pyarrow": "parquet",
    "pandas": "research",
    "numpy": "research",
    "scipy": "research",
    "sklearn": "research",
    "matplotlib": "plot",
    "dask": "dask",
    "distributed": "dask",
    "trafilatura": "html",
}


def _missing_module_message(exc: ModuleNotFoundError) -> str:
    module = (exc.name or "").partition(".")[0]
    extra = EXTRA_OF_MODULE.get(module)
    if extra is None:
        return f"internal error (please report it): ModuleNotFoundError: {exc}"
    return f"this needs the {extra} extra ({module} is not installed): pip install 'sourcecheck[{extra}]'"


def run_main(group: click.Group, argv: list[str] | None) -> int:
    """Run the CLI; user errors become one line and exit code 2, never a traceback."""
    try:
        result = group.main(args=argv, prog_name="sourcecheck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        error("aborted")
        return EXIT_ERROR
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except SourcecheckError as exc:
        error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except ModuleNotFoundError as exc:
        error(_missing_module_message(exc))
        return EXIT_ERROR
    except Exception as exc:  # a bug, not a user error: still one line, never a traceback
        error(f"internal error (please report it): {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    return result if isinstance(result, int) else EXIT_OK


def settings_text(config: Config, engine_opts: EngineOptions, inputs: Sequence[str]) -> str:
    """The resolved settings, each with where it came from (``--show-settings``, as in ruff)."""
    import json

    first_file = next((Path(p) for p in inputs if p != "-"), None)
    from_file = load_config(engine_opts.config_path, start=first_file)
    defaults = Config()
    source = f"{config.path}" if config.path is not None else "none (built-in defaults)"
    lines = [f"# config file: {source}"]
    for key in Config.model_fields:
        if key == "path":
            continue
        value = getattr(config, key)
        if value != getattr(from_file, key):
            origin = "command line"
        elif value != getattr(defaults, key):
            origin = "config file"
        else:
            origin = "default"
        shown = json.dumps(value.model_dump() if hasattr(value, "model_dump") else value,
                           default=lambda v: v.model_dump() if hasattr(v, "model_dump") else str(v))  # fmt: skip
        lines.append(f"{key} = {shown}  # {origin}")
    return "\n".join(lines) + "\n"
