"""Checking drafts: score each one, place its findings in the file, filter, decide failure.

Order of filters, each counted so a summary can say what was left out: rule levels from
the config ("off" drops a rule; the engine applies them), inline suppressions, lines
outside ``--diff``, then ``min_level``. A finding hidden by ``min_level`` cannot fail the
run, as in Vale: what fails the build is always on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import InputError
from sourcecheck.core.models import SEVERITIES, SEVERITY_ORDER, Finding, Report, Severity
from sourcecheck.core.rules import Rule
from sourcecheck.lint.discover import discover
from sourcecheck.lint.drafts import Draft, read_drafts
from sourcecheck.lint.suppressions import Suppressions
from sourcecheck.loaders.base import STDIN, Loader
from sourcecheck.prose.positions import Region, SourceMap

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LEVELS = SEVERITIES


@dataclass(frozen=True)
class LintFinding:
    """A finding placed in its file: 1-based region plus offsets in the file on disk."""

    rule: str
    severity: Severity
    message: str
    scorer: str
    region: Region | None  # None: about the whole draft, not a passage
    snippet: str = ""

    @property
    def line(self) -> int:
        return self.region.line if self.region else 1

    @property
    def column(self) -> int:
        return self.region.column if self.region else 1

    def lines(self) -> range:
        """The lines the finding covers (an end at column 1 does not cover its line)."""
        if self.region is None:
            return range(1, 2)
        last = self.region.end_line
        if last > self.region.line and self.region.end_column == 1:
            last -= 1
        return range(self.region.line, last + 1)


@dataclass
class FileResult:
    path: str
    report: Report | None = None
    findings: list[LintFinding] = field(default_factory=list)
    source: SourceMap | None = None
    error: str | None = None
    suppressed: int = 0
    hidden: int = 0
    outside_diff: int = 0
    failed_findings: int = 0
    score_failed: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.failed_findings > 0 or self.score_failed

    @property
    def status(self) -> str:
        if self.error is not None:
            return "error"
        return "failed" if self.failed else "ok"


@dataclass
class CheckOptions:
    min_level: Severity = "suggestion"
    fail_level: Severity = "error"
    fail_under: float | None = None
    changed: dict[Path, set[int] | None] | None = None  # from --diff; None: no filter
    stdin_filename: str | None = None  # what '-' is called, and its type
    # --select / --ignore: rule ids or scorer names; a finding outside them is not reported.
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def reports(self, rule: str) -> bool:
        scorer = rule.split("/", 1)[0]
        chosen = not self.select or rule in self.select or scorer in self.select
        return chosen and rule not in self.ignore and scorer not in self.ignore


@dataclass
class CheckRun:
    files: list[FileResult]
    rules: dict[str, Rule]
    options: CheckOptions

    @property
    def errors(self) -> int:
        return sum(1 for f in self.files if f.error is not None)

    @property
    def failed(self) -> bool:
        return any(f.failed for f in self.files)

    def exit_code(self, *, exit_zero: bool = False) -> int:
        if self.errors:
            return EXIT_ERROR
        if self.failed and not exit_zero:
            return EXIT_FINDINGS
        return EXIT_OK


def at_least(severity: str, level: str) -> bool:
    return SEVERITY_ORDER[severity] >= SEVERITY_ORDER[level]


class Checker:
    """Checks drafts with one engine (build it once: plugins and patterns load once)."""

    def __init__(
        self,
        engine: Engine,
        options: CheckOptions,
        loaders: Sequence[Loader] | None = None,
        *,
        corpus_index: Path | None = None,
    ) -> None:
        """``corpus_index`` is the claim index attached to ``engine``, loaded again by workers."""
        self.engine = engine
        self.options = options
        self.corpus_index = corpus_index
        self._rule_ids: set[str] | None = None
        if loaders is None:
            found = engine.plugins.call_each("sourcecheck_loaders")
            loaders = [loader for _, plugin_loaders in found for loader in plugin_loaders]
        self.loaders = list(loaders)

    def run(
        self,
        paths: Sequence[str],
        jobs: int = 1,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> CheckRun:
        """Check every draft under ``paths``; ``jobs`` > 1 spreads files over processes.

        ``on_progress(done, total)`` is called as each file is checked (a progress bar).
        """
        config = self.engine.config
        items = list(discover(paths, config.include, config.exclude))
        files = [item for item in items if isinstance(item, str)]
        progress = on_progress or (lambda done, total: None)
        if jobs > 1 and len(files) > 1 and STDIN not in files:
            from sourcecheck.lint.parallel import check_in_processes

            checked = iter(check_in_processes(files, config, self.options, jobs, self.corpus_index))
        else:
            checked = iter(map(self.check_file, files))
        results: list[FileResult] = []
        for number, item in enumerate(items, start=1):
            if isinstance(item, InputError):
                results.append(FileResult(path=item.source, error=item.problem))
            else:
                results.extend(next(checked))
            progress(number, len(items))
        return CheckRun(files=results, rules=self.engine.rule_records(), options=self.options)

    def check_file(self, path: str) -> list[FileResult]:
        """The result of each draft in a file; one error result when it cannot be read."""
        name = self.options.stdin_filename if path == STDIN else None
        try:
            drafts = list(read_drafts(path, self.loaders, self.engine.config.max_bytes, name))
        except InputError as exc:
            where = f"line {exc.line}: " if exc.line is not None else ""
            return [FileResult(path=name or path, error=f"{where}{exc.problem}")]
        except Exception as exc:  # a loader's bug loses this draft, not the others
            problem = f"could not be read: {type(exc).__name__}: {exc}"
            return [FileResult(path=name or path, error=problem)]
        return [self._checked(draft) for draft in drafts]

    def _checked(self, draft: Draft) -> FileResult:
        try:
            return self.check_draft(draft)
        except InputError as exc:  # text the engine refuses (a loader let it through)
            return FileResult(path=draft.path, error=exc.problem)

    def check_draft(self, draft: Draft) -> FileResult:
        report = self.engine.score(draft.article, source=draft.path)
        result = FileResult(path=draft.path, report=report, source=draft.source)
        suppressions = draft.suppressions
        suppressions.check_rules(self._known_rules())
        changed = self._changed_lines(draft.path)
        for placed in self._placed(draft, report):
            self._keep_or_count(result, placed, suppressions, changed)
        problems = sorted([*suppressions.problems, *suppressions.unused()])
        result.notes = [f"line {line}: {message}" for line, message in problems]
        result.findings.sort(key=lambda f: (f.line, f.column, f.rule))
        result.score_failed = self._under_threshold(report, changed)
        return result

    def _known_rules(self) -> set[str]:
        if self._rule_ids is None:
            scorers = self.engine.available_scorers
            self._rule_ids = {*self.engine.rule_records(every_scorer=True), *scorers}
        return self._rule_ids

    def _placed(self, draft: Draft, report: Report) -> Iterable[tuple[LintFinding, int]]:
        """Each finding with its region in the file, and its start offset in the text."""
        for scorer in report.scorers:
            for finding in scorer.findings:
                yield _place(draft, scorer.name, finding)

    def _keep_or_count(
        self,
        result: FileResult,
        placed: tuple[LintFinding, int],
        suppressions: Suppressions,
        changed: set[int] | None,
    ) -> None:
        finding, offset = placed
        # Suppression first, so a comment is not called unused because its rule is ignored.
        if suppressions.suppressed(finding.rule, offset, finding.line):
            result.suppressed += 1
        elif not self.options.reports(finding.rule):
            return  # deselected, as with ruff's --select/--ignore: not counted anywhere
        elif not _in_diff(finding, changed):
            result.outside_diff += 1
        elif not at_least(finding.severity, self.options.min_level):
            result.hidden += 1
        else:
            result.findings.append(finding)
            if at_least(finding.severity, self.options.fail_level):
                result.failed_findings += 1

    def _changed_lines(self, path: str) -> set[int] | None:
        """None: every line counts (no --diff, or a new file); else the changed lines."""
        if self.options.changed is None:
            return None
        return self.options.changed.get(Path(path).resolve(), set())

    def _under_threshold(self, report: Report, changed: set[int] | None) -> bool:
        threshold = self.options.fail_under
        if threshold is None or changed == set():
            return False  # with --diff, an untouched draft's old score is not this change's
        return report.score is None or report.score < threshold


def _in_diff(finding: LintFinding, changed: set[int] | None) -> bool:
    if changed is None:
        return True
    return any(line in changed for line in finding.lines())


def _place(draft: Draft, scorer: str, finding: Finding) -> tuple[LintFinding, int]:
    span = finding.span
    if span is None:
        return LintFinding(finding.rule, finding.severity, finding.message, scorer, None), 0
    start = draft.body_map.start(span.start)
    end = draft.body_map.end(span.end, span.start)
    region = draft.source.region(start, end)
    snippet = draft.source.text[start:end]
    placed = LintFinding(finding.rule, finding.severity, finding.message, scorer, region, snippet)
    return placed, start
