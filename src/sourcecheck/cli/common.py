"""What the subcommands share: options, building the engine, reading inputs, errors."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO, TypeVar

import click

from sourcecheck.core.config import Config, discover_config
from sourcecheck.core.errors import InputError, SourcecheckError, writing_to
from sourcecheck.core.models import Article, PluginError
from sourcecheck.core.printable import escape_controls
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
    isolated: bool = False


_ENGINE_OPTION_NAMES = ("config_path", "plugins_dirs", "strict", "enable", "disable", "isolated")


def engine_options(func: F) -> F:
    """The options every command that builds an engine accepts, bundled as ``engine_opts``."""

    @functools.wraps(func)
    def bundled(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in _ENGINE_OPTION_NAMES}
        # These commands run plugin code: it must not write into their output.
        with stdout_reserved():
            return func(*args, engine_opts=EngineOptions(**values), **kwargs)

    options = [
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Config file (default: nearest sourcecheck.toml or pyproject.toml).",
        ),
        click.option(
            "--isolated",
            is_flag=True,
            help="Ignore every config file (flags and defaults only).",
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
    stream = stream or stdout()  # the real stdout, even while a command reserves it
    return bool(getattr(stream, "isatty", lambda: False)())


def rich_console(color_mode: str = "auto") -> Any:
    """A rich console on the command's stdout (:func:`stdout`, even while it is reserved)
    that follows ``--color`` (120 columns when piped)."""
    from rich.console import Console

    out = stdout()
    color = wants_color(color_mode, out)
    return Console(
        file=out,
        highlight=False,
        soft_wrap=False,
        width=None if out.isatty() else 120,
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
    """The config file nearest the first input, overridden by the command's flags.

    Its plugins load only when it is the project's config (see ``discover_config``); a
    config that loads code is named on stderr, one beside an input that names some is too.
    """
    opts = engine_opts or EngineOptions()
    if opts.isolated and opts.config_path is not None:
        raise click.UsageError("--config and --isolated contradict each other: use one")
    first_file = next((Path(p) for p in inputs if p != "-"), None)
    found = discover_config(first_file, explicit=opts.config_path, isolated=opts.isolated)
    if found.code_ignored_in is not None:
        warn(
            f"{found.code_ignored_in}: plugins and plugins_dir not loaded: only the "
            "project's config (found from the working directory, or --config) loads code"
        )
    config = found.config
    if found.loads_code_from is not None:
        note(f"loading plugins named in {found.loads_code_from}: {_code_named(config)}")
    overrides = {"model": _model_option(), **overrides}
    dirs = opts.plugins_dirs
    return config.merged(
        plugins_dir=[*config.plugins_dir, *map(str, dirs)] if dirs else None,
        strict=True if opts.strict or strict_from_env() else None,
        enable=_names(opts.enable),
        disable=_names(opts.disable),
        **overrides,
    )


def _code_named(config: Config) -> str:
    named = [*config.plugins, *(f"{folder}/*.py" for folder in config.plugins_dir)]
    return ", ".join(named)


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


_RESERVED: list[TextIO] = []


def stdout() -> TextIO:
    """Where a command writes its output: the real stdout even while it is reserved."""
    return _RESERVED[-1] if _RESERVED else sys.stdout


@contextlib.contextmanager
def stdout_reserved() -> Iterator[TextIO]:
    """Keep stdout for the command's output: anything else printed goes to stderr.

    A plugin's ``print()`` would otherwise land in the middle of ``--format json`` or
    ``github`` output. ``sys.stdout`` is pointed at stderr, and so is file descriptor 1
    when stdout has one (``print(file=sys.__stdout__)``, C code and worker processes
    write there); the output goes through a private duplicate of the original.
    """
    real = sys.stdout
    real.flush()
    saved = _duplicate_stdout(real)
    out = real if saved is None else _text_stream(saved[1], real)
    _RESERVED.append(out)
    sys.stdout = sys.stderr
    try:
        yield out
    finally:
        sys.stdout = real
        _RESERVED.pop()
        try:
            out.flush()
        finally:
            if saved is not None:
                os.dup2(saved[1], saved[0])
                os.close(saved[1])


def _text_stream(fd: int, like: TextIO) -> TextIO:
    # Line-buffered on a terminal, as stdout is, so streamed reports show as they come.
    buffering = 1 if getattr(like, "line_buffering", False) else -1
    return open(fd, "w", buffering, encoding=like.encoding, closefd=False)


def _duplicate_stdout(real: TextIO) -> tuple[int, int] | None:
    """(stdout's descriptor, a duplicate of it) after pointing the descriptor at stderr."""
    try:
        fd, err_fd = real.fileno(), sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # captured in memory (pytest, notebooks)
        return None
    sys.stderr.flush()
    duplicate = os.dup(fd)
    os.dup2(err_fd, fd)
    return fd, duplicate


def open_output(path: Path) -> TextIO:
    """``path`` opened for writing (UTF-8), or a one-line error saying why it cannot be."""
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise SourcecheckError(f"{path}: cannot write the output: {exc.strerror}") from None


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """``path`` written through a temporary file beside it, renamed over it at the end.

    A run that fails, or writes nothing at all, leaves ``path`` as it was (or absent),
    never empty or cut short. A path that exists and is not a regular file (/dev/stdout,
    a pipe) is written directly: it cannot be renamed over.
    """
    if path.exists() and not path.is_file():
        with writing_to(path), open_output(path) as out:
            yield out
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        out = temporary.open("w", encoding="utf-8")
    except OSError as exc:
        raise SourcecheckError(f"{path}: cannot write the output: {exc.strerror}") from None
    try:
        with writing_to(path), out:
            yield out
            written = out.tell() > 0
        if written:
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_output(path: Path, text: str) -> None:
    with atomic_output(path) as out:
        out.write(text)


def error(message: str) -> None:
    """One line on stderr: the way every user error is reported."""
    click.echo(f"sourcecheck: error: {one_line(message)}", err=True)


def warn(message: str) -> None:
    click.echo(f"sourcecheck: warning: {one_line(message)}", err=True)


def note(message: str) -> None:
    """Something the user should know that is not a problem (e.g. which code is loading)."""
    click.echo(f"sourcecheck: note: {one_line(message)}", err=True)


def one_line(message: str) -> str:
    """``message`` on one line, its lines joined with '; '.

    Messages can carry text we do not control (a plugin's exception, a pydantic
    ValidationError spans four lines), and a user or CI log grepping stderr expects one line
    per problem.
    """
    lines = [line.strip() for line in message.splitlines()]
    # File names and plugin messages can hold escape sequences too: shown, never acted on.
    return escape_controls("; ".join(line for line in lines if line))


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
    "fastapi": "serve",
    "uvicorn": "serve",
    "pygls": "lsp",
}


def _missing_module_message(exc: ModuleNotFoundError) -> str:
    module = (exc.name or "").partition(".")[0]
    extra = EXTRA_OF_MODULE.get(module)
    if extra is None:
        return f"internal error (please report it): ModuleNotFoundError: {exc}"
    return f"this needs the {extra} extra ({module} is not installed): pip install 'sourcecheck[{extra}]'"


def io_problem(exc: OSError) -> str:
    """'FILE: No space left on device': an I/O error as the one line a user can act on."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.filename is None:
        return f"input/output error: {reason}"
    where = f"{exc.filename} -> {exc.filename2}" if exc.filename2 is not None else exc.filename
    return f"{where}: {reason}"


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
    except OSError as exc:  # a full disk, a read-only folder: the user's to fix, not a bug
        error(io_problem(exc))
        return EXIT_ERROR
    except Exception as exc:  # a bug, not a user error: still one line, never a traceback
        error(f"internal error (please report it): {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    return result if isinstance(result, int) else EXIT_OK


def settings_text(config: Config, engine_opts: EngineOptions, inputs: Sequence[str]) -> str:
    """The resolved settings, each with where it came from (``--show-settings``, as in ruff)."""
    import json

    first_file = next((Path(p) for p in inputs if p != "-"), None)
    from_file = discover_config(
        first_file, explicit=engine_opts.config_path, isolated=engine_opts.isolated
    ).config
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


def text_or_json_option(help_text: str) -> Callable[[F], F]:
    """``-f/--format text|json``, with the older ``--json`` still accepted."""

    def decorate(func: F) -> F:
        func = hidden_alias("--json", "output_format", is_flag=True, flag_value="json")(func)
        return click.option(
            "-f",
            "--format",
            "output_format",
            type=click.Choice(["text", "json"]),
            default="text",
            show_default=True,
            help=help_text,
        )(func)

    return decorate
