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
    line: int = 0  # where the comment is


def _disables(directive: Directive, rule: str) -> bool:
    return directive.action != "enable" and (not directive.rules or _covers(directive.rules, rule))


def _covers(rules: Iterable[str], rule: str) -> bool:
    scorer = rule.split("/", 1)[0]
    return any(r in (rule, scorer) for r in rules)


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message)
    used: set[int] = field(default_factory=set)  # indexes of directives that hid a finding

    def suppressed(self, rule: str, offset: int, line: int) -> bool:
        """Whether a finding is off; the directive responsible is remembered as used."""
        hidden = self._suppressed(rule, offset, line)
        if hidden:
            self.used.add(self._responsible(rule, offset, line))
        return hidden

    def _responsible(self, rule: str, offset: int, line: int) -> int:
        """The directive that hid the finding: its next-line one, else the last range one."""
        for index, directive in enumerate(self.directives):
            next_line = directive.action == "disable-next-line" and directive.target_line == line
            if next_line and _disables(directive, rule):
                return index
        before = [
            index
            for index, d in enumerate(self.directives)
            if d.action == "disable" and d.offset <= offset and _disables(d, rule)
        ]
        return before[-1] if before else -1

    def check_rules(self, known: Iterable[str]) -> None:
        """A problem for each rule a directive names that no loaded scorer has."""
        names = set(known) | {rule.split("/", 1)[0] for rule in known}
        for index, directive in enumerate(self.directives):
            for rule in sorted(directive.rules - names):
                self.problems.append(
                    (directive.line, f"suppression names unknown rule '{rule}' (sourcecheck rules)")
                )
            if directive.rules and not directive.rules & names:
                self.used.add(index)  # warned about once already: not "unused" as well

    def unused(self) -> list[tuple[int, str]]:
        """A problem for each disabling directive that hid no finding of this draft."""
        return [
            (d.line, f"'sourcecheck: {d.action}' suppressed nothing here: remove it")
            for index, d in enumerate(self.directives)
            if d.action != "enable" and index not in self.used
        ]

    def _suppressed(self, rule: str, offset: int, line: int) -> bool:
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
        result.directives.append(Directive(comment.start, action, rules, target, line))
    return result


def _next_content_line(source: SourceMap, end: int) -> int:
    """The first line after the one where a comment ends that is not blank."""
    line = source.position(max(end - 1, 0))[0] + 1
    while line <= len(source.starts) and not source.line_text(line).strip():
        line += 1
    return line
