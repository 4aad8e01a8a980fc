"""``sourcecheck new-scorer``: write a ready-to-publish scorer plugin package.

Templates are plain text files under ``templates/`` (package data), filled in with
:class:`string.Template` so that Python braces and YAML need no escaping (only ``$$``).
"""

from __future__ import annotations

import keyword
import re
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from sourcecheck._version import __version__
from sourcecheck.core.errors import SourcecheckError
from sourcecheck.plugins.manager import BUILTIN_PLUGINS

# fullmatch, not match with "$": "$" also matches before a final newline, and a name with
# a newline (or any control character) would be written into pyproject.toml and the code.
_VALID_NAME = re.compile(r"[a-z][a-z0-9_]*")
# sourcecheck is not on the package index: plugins depend on the release tag of its
# repository (pyproject.toml [project.urls] Repository), or on what --sourcecheck gives.
DEFAULT_REPOSITORY = "https://github.com/sourcecheck/sourcecheck"


def repository_url() -> str:
    """The Repository URL of the installed sourcecheck's metadata, or the default."""
    from importlib import metadata

    try:
        urls = metadata.metadata("sourcecheck").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "repository" and url.strip():
            return url.strip()
    return DEFAULT_REPOSITORY


def default_requirement() -> str:
    """``sourcecheck @ git+REPOSITORY@vVERSION``: the release this sourcecheck is."""
    return f"sourcecheck @ git+{repository_url()}@v{__version__}"


# Each built-in scorer module is named after its scorer. Checked by name, not by building an
# engine, so new-scorer stays instant.
BUILTIN_SCORER_NAMES = frozenset(
    module.rpartition(".")[2] for module in BUILTIN_PLUGINS if ".scorers." in module
)


class ScaffoldError(SourcecheckError):
    """A name or destination ``new-scorer`` cannot use."""


@dataclass(frozen=True)
class Names:
    """Every spelling of the scorer's name the templates need."""

    name: str  # scorer name and entry-point name: house_style
    requirement: str = ""  # how the package depends on sourcecheck (default_requirement())

    @property
    def dist(self) -> str:  # distribution and folder: sourcecheck-house-style
        return "sourcecheck-" + self.name.replace("_", "-")

    @property
    def package(self) -> str:  # import package: sourcecheck_house_style
        return "sourcecheck_" + self.name

    @property
    def class_name(self) -> str:  # HouseStyleScorer
        return "".join(part.capitalize() for part in self.name.split("_") if part) + "Scorer"

    def values(self) -> dict[str, str]:
        major, minor = __version__.split(".")[:2]
        return {
            "name": self.name,
            "dist": self.dist,
            "package": self.package,
            "class_name": self.class_name,
            "options_name": self.class_name.removesuffix("Scorer") + "Options",
            "title": self.name.replace("_", " ").capitalize(),
            "sourcecheck_version": f"{major}.{minor}",
            "sourcecheck_requirement": self.requirement or default_requirement(),
        }


def output_files(names: Names) -> dict[str, str]:
    """Relative output path -> template file name."""
    return {
        "pyproject.toml": "pyproject.toml.tmpl",
        "README.md": "README.md.tmpl",
        ".gitignore": "gitignore.tmpl",
        ".github/workflows/test.yml": "workflow.yml.tmpl",
        f"src/{names.package}/__init__.py": "init.py.tmpl",
        f"src/{names.package}/scorer.py": "scorer.py.tmpl",
        f"src/{names.package}/py.typed": "",
        f"tests/test_{names.name}.py": "test_scorer.py.tmpl",
    }


def check_name(name: str, requirement: str = "") -> Names:
    """The names derived from ``name``, or a one-line error saying what a name must be."""
    if not _VALID_NAME.fullmatch(name) or keyword.iskeyword(name) or name.endswith("_"):
        raise ScaffoldError(
            f"invalid scorer name {name!r}: use a Python identifier in lowercase letters, "
            "digits and '_', starting with a letter (e.g. house_style)"
        )
    if name in BUILTIN_SCORER_NAMES:
        # Two scorers with one name are an error at every run, so the package could never load.
        raise ScaffoldError(
            f"scorer name {name!r} is taken by a built-in scorer "
            f"({', '.join(sorted(BUILTIN_SCORER_NAMES))}): choose another"
        )
    return Names(name, requirement)


def render(template_name: str, values: dict[str, str]) -> str:
    if not template_name:
        return ""
    text = (resources.files(__package__) / "templates" / template_name).read_text("utf-8")
    return Template(text).substitute(values)


def create_package(name: str, parent: Path, requirement: str = "") -> Path:
    """Write the package ``sourcecheck-NAME`` inside ``parent``; return its folder.

    ``requirement`` is the package's dependency on sourcecheck, e.g. ``sourcecheck @
    file:///home/me/sourcecheck`` for a local checkout; by default this release's tag.
    """
    names = check_name(name, requirement)
    root = parent / names.dist
    if root.exists():
        raise ScaffoldError(f"{root}: already exists; choose another --dir or remove it")
    values = names.values()
    rendered = {path: render(template, values) for path, template in output_files(names).items()}
    try:
        for relative, text in rendered.items():
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    except OSError as exc:
        shutil.rmtree(root, ignore_errors=True)  # no half-made package left behind
        raise ScaffoldError(f"{exc.filename or root}: cannot write: {exc.strerror}") from None
    return root
