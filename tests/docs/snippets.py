"""Find the runnable snippets of the docs and run them the way a reader would.

A snippet is a fenced block whose language is ``python``, ``bash`` or ``console`` (in a
console block, the ``$ `` lines are the commands and the rest is output). The comment on the
line before a fence can say how to treat it:

* ``<!-- snippet: skip REASON -->``: not run; the reason is required and shown.
* ``<!-- snippet: file PATH -->``: written to PATH in the workspace (a module or a test file
  that a later snippet imports or runs), not run itself.
* ``<!-- snippet: test -->``: pytest tests, run with pytest (and the example plugin importable).
* ``<!-- snippet: excerpt PATH -->``: lines shown from a file of the repository, which is
  tested on its own: every line must still be in that file, so the excerpt cannot drift.
* ``<!-- docs-figures: commands -->``: run by ``tests/docs/test_docs_figures.py``.

Every page runs in its own copy of the repository (its tracked files, a git repository with
an ``origin/main``), with the example corpus generated and the README's research outputs
(``claims.idx``, ``results.parquet``) in place. Commands run in order in one bash session per
block; ``pip install`` is the environment's business and ``python -m pytest`` would be this
suite again, so neither is run. A ``sourcecheck`` command fails the snippet with exit code 2
or more (1 means findings, as documented); any other command with a non-zero exit code.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

REPO = Path(__file__).resolve().parents[2]
RUNNABLE = {"python": "python", "bash": "bash", "sh": "bash", "console": "console"}
FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<code>.*?)^```", re.M | re.S)
DIRECTIVE = re.compile(
    r"<!-- (?:snippet: (?P<kind>skip|file|test|excerpt)\s*(?P<arg>.*?)|docs-figures: commands) -->\s*$"
)
EXAMPLE_PLUGIN_SRC = "examples/plugins/sourcecheck-house-style/src"
NOT_RUN = (re.compile(r"^(python -m )?pip install\b"), re.compile(r"^python -m pytest\b"))
PIP_PREFIX = re.compile(r"^(python -m )?pip install [^&]*&&\s*")
TIMEOUT = 600


@dataclass(frozen=True)
class Snippet:
    doc: str
    line: int
    lang: str
    code: str
    kind: str  # "run", "skip", "file", "test", "excerpt" or "figures"
    arg: str = ""

    @property
    def name(self) -> str:
        return f"{self.doc}:{self.line}"


def doc_pages() -> list[str]:
    pages = ["README.md", *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").rglob("*.md"))]
    return [p for p in pages if snippets_of(p)]


def snippets_of(doc: str) -> list[Snippet]:
    text = (REPO / doc).read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        lang = RUNNABLE.get(match.group("lang"))
        if lang is None:
            continue
        line = text.count("\n", 0, match.start()) + 1
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        directive = DIRECTIVE.search(before)
        kind, arg = "run", ""
        if directive is not None:
            kind, arg = directive.group("kind") or "figures", (directive.group("arg") or "").strip()
        found.append(Snippet(doc, line, lang, match.group("code"), kind, arg))
    return found


# -- the workspace ---------------------------------------------------------------------


def make_workspace(folder: Path, research: Path) -> Path:
    """A copy of the repository's tracked files as a git repository, with the example data."""
    files = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in files:
        source = REPO / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    git = ["git", "-c", "user.name=docs", "-c", "user.email=docs@example.invalid"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=folder, check=True)
    subprocess.run([*git, "add", "-A"], cwd=folder, check=True)
    subprocess.run([*git, "commit", "-qm", "docs workspace"], cwd=folder, check=True)
    subprocess.run(
        ["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=folder, check=True
    )
    for name in ("examples/corpus/corpus.jsonl", "claims.idx", "results.parquet"):
        copy = shutil.copytree if (research / name).is_dir() else shutil.copy2
        copy(research / name, folder / name)
    return folder


def make_research_outputs(folder: Path) -> Path:
    """The example corpus and the README's index and batch results, made once per session."""
    mapping = (
        "--id-field doc_id --text-field content --title-field headline "
        "--outlet-field outlet_name --published-field date"
    )
    corpus = folder / "examples/corpus/corpus.jsonl"
    corpus.parent.mkdir(parents=True)
    script = "\n".join(
        [
            "set -euo pipefail",
            f"python {REPO / 'examples/corpus/generate.py'} --out {corpus}",
            f"sourcecheck index {corpus} -o claims.idx {mapping}",
            f"sourcecheck batch {corpus} -o results.parquet {mapping} --corpus-index claims.idx",
        ]
    )
    run_bash(script, folder, check=True)
    return folder


def shared_research_outputs(run_folder: Path) -> Path:
    """The research outputs in ``run_folder/research``, made by whichever process of the
    run gets there first; the others wait for it (``flock``) and use them as they are."""
    folder = run_folder / "research"
    if fcntl is None:  # Windows: each process makes its own
        return make_research_outputs(run_folder / f"research-{os.getpid()}")
    with open(run_folder / "research.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / ".made").is_file():
            shutil.rmtree(folder, ignore_errors=True)
            make_research_outputs(folder)
            (folder / ".made").touch()
    return folder


def environment() -> dict[str, str]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env["SOURCECHECK_LOAD_PLUGINS"] = ""  # the built-ins, whatever this machine has installed
    env.pop("PYTEST_ADDOPTS", None)
    return env


def run_bash(
    script: str, cwd: Path, check: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        ["bash", "-c", script],
        cwd=cwd,
        env=env or environment(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"setup failed:\n{script}\n{done.stderr[-3000:]}")
    return done


# -- running ---------------------------------------------------------------------------


def commands(snippet: Snippet) -> list[str]:
    """The commands of a shell or console snippet, continuation lines joined."""
    code = snippet.code
    if snippet.lang == "console":
        code = "\n".join(
            line[2:] + "\n" + "".join(_continuations(snippet.code, index))
            for index, line in enumerate(snippet.code.splitlines())
            if line.startswith("$ ")
        )
    joined = re.sub(r"\\\n\s*", "", code)
    return [
        line.strip() for line in joined.splitlines() if line.strip() and not line.startswith("#")
    ]


def _continuations(code: str, index: int) -> list[str]:
    lines = code.splitlines()
    taken = []
    while lines[index].endswith("\\") and index + 1 < len(lines):
        index += 1
        taken.append(lines[index] + "\n")
    return taken


def shell_script(snippet: Snippet) -> str:
    """Each command followed by its exit-code check (sourcecheck's 1 means findings)."""
    lines = []
    for command in commands(snippet):
        command = PIP_PREFIX.sub("", command)
        if any(pattern.search(command) for pattern in NOT_RUN):
            continue
        allowed = 1 if command.startswith("sourcecheck ") else 0
        quoted = command.replace("'", "'\\''")
        lines += [
            command,
            f"rc=$?; if [ $rc -gt {allowed} ]; then echo 'FAILED ($rc): {quoted}' >&2; exit $rc; fi",
        ]
    return "\n".join(lines) + "\n"


class Reader:
    """One reader working through a page: a workspace, and a shell whose ``cd`` lasts."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.cwd = workspace

    def run(self, snippet: Snippet) -> str | None:
        """None when the snippet ran as documented, else what went wrong."""
        if snippet.lang != "python" and snippet.kind == "run":
            return self._shell(snippet)
        return run_snippet(snippet, self.workspace)

    def _shell(self, snippet: Snippet) -> str | None:
        where = self.workspace / ".snippet-cwd"
        script = shell_script(snippet) + f'pwd > "{where}"\n'
        env = environment()
        env["PYTHONPATH"] = str(self.workspace / EXAMPLE_PLUGIN_SRC)
        done = run_bash(script, self.cwd, env=env)
        if where.is_file():
            self.cwd = Path(where.read_text(encoding="utf-8").strip())
        if done.returncode == 0:
            return None
        output = (done.stdout[-1500:] + done.stderr[-2500:]).strip()
        return f"{snippet.name} ({snippet.lang}) exit {done.returncode}:\n{output}"


def run_snippet(snippet: Snippet, workspace: Path) -> str | None:
    """None when the snippet ran as documented, else what went wrong."""
    if snippet.kind == "file":
        target = workspace / snippet.arg
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(snippet.code, encoding="utf-8")
        return None
    if snippet.kind == "excerpt":
        return _excerpt_problem(snippet, workspace / snippet.arg)
    if snippet.kind == "test":
        return _run_tests(snippet, workspace)
    if snippet.lang == "python":
        script = workspace / f".snippet-{Path(snippet.doc).stem}-{snippet.line}.py"
        script.write_text(snippet.code, encoding="utf-8")
        env = environment()
        env["PYTHONPATH"] = str(workspace / EXAMPLE_PLUGIN_SRC)  # the tutorial's plugin
        done = subprocess.run(
            [sys.executable, str(script)],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    else:
        done = run_bash(shell_script(snippet), workspace)
    if done.returncode == 0:
        return None
    output = (done.stdout[-1500:] + done.stderr[-2500:]).strip()
    return f"{snippet.name} ({snippet.lang}) exit {done.returncode}:\n{output}"


def _excerpt_problem(snippet: Snippet, source: Path) -> str | None:
    have = {line.strip() for line in source.read_text(encoding="utf-8").splitlines()}
    missing = [
        line.strip()
        for line in snippet.code.splitlines()
        if line.strip() and line.strip() not in ("...", "...,") and line.strip() not in have
    ]
    if not missing:
        return None
    return f"{snippet.name}: excerpt lines not in {snippet.arg}: {missing[:5]}"


def _run_tests(snippet: Snippet, workspace: Path) -> str | None:
    test_file = workspace / ".snippet-tests" / f"test_{Path(snippet.doc).stem}_{snippet.line}.py"
    test_file.parent.mkdir(exist_ok=True)
    test_file.write_text(snippet.code, encoding="utf-8")
    env = environment()
    env["PYTHONPATH"] = os.pathsep.join(
        [str(workspace / EXAMPLE_PLUGIN_SRC), *filter(None, [env.get("PYTHONPATH")])]
    )
    done = subprocess.run(
        # -n0: a snippet's few tests in one process; workers would cost more than they save.
        [sys.executable, "-m", "pytest", "-q", "-n0", "-p", "no:cacheprovider", str(test_file)],
        cwd=test_file.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    if done.returncode == 0:
        return None
    return f"{snippet.name} (tests) exit {done.returncode}:\n{done.stdout[-2500:]}"
