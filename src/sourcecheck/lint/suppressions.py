"""Inline suppression comments in Markdown and HTML drafts.

    <!-- sourcecheck: disable RULE -->            from here on (RULE optional = every rule)
    <!-- sourcecheck: enable RULE -->             back on (RULE optional = every rule)
    <!-- sourcecheck: disable-next-line RULE -->  the next non-blank line only

RULE is a rule id (``anonymous_sources/no-reason``) or a scorer name, which covers all of
that scorer's rules; several may be given, separated by commas or spaces. A directive takes
effect where the comment starts, so a comment at the end of a line covers what follows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sourcecheck.prose.markdown import Comment
from sourcecheck.prose.positions import SourceMap

_DIRECTIVE = re.compile(r"\s*sourcecheck\s*:\s*(?P<action>\S+)(?P<rules>.*)", re.S)
_ACTIONS = ("disable", "enable", "disable-next-line")
_RULE_SEPARATOR = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Directive:
    offset: int
    action: str
    rules: frozenset[str]  # empty: every rule
    target_line: int = 0  # for disable-next-line


def _covers(rules: Iterable[str], rule: str) -> bool:
    scorer = rule.split("/", 1)[0]
    return any(r in (rule, scorer) for r in rules)


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message)

    def suppressed(self, rule: str, offset: int, line: int) -> bool:
        """Whether a finding of ``rule`` starting at text ``offset`` (on ``line``) is off."""
        everything = False
        disabled: set[str] = set()
        reenabled: set[str] = set()
        for directive in self.directives:
            if directive.action == "disable-next-line":
                if directive.target_line == line and (
                    not directive.rules or _covers(directive.rules, rule)
                ):
                    return True
                continue
            if directive.offset > offset:
                break
            if directive.action == "disable" and not directive.rules:
                everything, reenabled = True, set()
            elif directive.action == "enable" and not directive.rules:
                everything, disabled = False, set()
            elif directive.action == "disable":
                disabled |= directive.rules
                reenabled -= directive.rules
            else:
                disabled -= directive.rules
                reenabled |= directive.rules
        if _covers(disabled, rule):
            return True
        return everything and not _covers(reenabled, rule)


def parse_suppressions(comments: Iterable[Comment], source: SourceMap) -> Suppressions:
    """The directives among a draft's comments, in file order; other comments are ignored."""
    result = Suppressions()
    for comment in sorted(comments, key=lambda c: c.start):
        match = _DIRECTIVE.fullmatch(comment.text)
        if match is None:
            continue
        line = source.position(comment.start)[0]
        action = match.group("action")
        if action not in _ACTIONS:
            known = ", ".join(_ACTIONS)
            result.problems.append((line, f"unknown sourcecheck directive '{action}' ({known})"))
            continue
        rules = frozenset(r for r in _RULE_SEPARATOR.split(match.group("rules")) if r)
        target = _next_content_line(source, comment.end) if action == "disable-next-line" else 0
        result.directives.append(Directive(comment.start, action, rules, target))
    return result


def _next_content_line(source: SourceMap, end: int) -> int:
    """The first line after the one where a comment ends that is not blank."""
    line = source.position(max(end - 1, 0))[0] + 1
    while line <= len(source.starts) and not source.line_text(line).strip():
        line += 1
    return line
