"""Rules: everything about a rule a scorer can report, declared once.

A scorer's ``rules`` maps each rule id to a :class:`Rule`, usually built with
:func:`declare_rules`. The record is the rule's documentation, as in ruff and Vale:
``sourcecheck rules`` lists the records, ``sourcecheck rule ID`` explains one, the rule
tables of docs/scorers.md and docs/hedging.md and SARIF's ``rules[].help`` are generated
from them, and a finding made without a severity takes its rule's.

Older plugins map a rule id to a one-line help text; :func:`as_rule` reads that as a
record with that summary, so they get the same listing and help.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sourcecheck.core.models import Severity

RULE_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")


@dataclass(frozen=True)
class Rule:
    """One rule of a scorer. ``id`` is the scorer-local id (``no-reason``); a finding's
    rule is ``scorer/id``."""

    id: str
    summary: str
    severity: Severity = "warning"
    #: Exactly when it fires and when it does not, beyond the summary.
    details: str = ""
    why: str = ""
    #: Words that make the rule fire.
    example: str = ""
    fix: str = ""
    #: The finding's message, a ``str.format`` template, for scorers that keep it here.
    message: str = ""


def declare_rules(*rules: Rule) -> dict[str, Rule]:
    """A scorer's ``rules`` mapping: each record under its id, every id once."""
    table: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in table:
            raise ValueError(f"rule {rule.id!r} is declared twice")
        table[rule.id] = rule
    return table


def as_rule(rule_id: str, declared: Rule | str) -> Rule:
    """The record of a declared rule; an older plugin's help text becomes its summary."""
    if isinstance(declared, Rule):
        return declared
    return Rule(id=rule_id, summary=str(declared))


def records(scorer: str, rules: Mapping[str, Rule | str]) -> dict[str, Rule]:
    """The records of one scorer's rules, keyed by full rule id (``scorer/rule``)."""
    return {f"{scorer}/{rule_id}": as_rule(rule_id, value) for rule_id, value in rules.items()}


def suppression_help(full_id: str) -> list[tuple[str, str]]:
    """How a reader turns the rule off, as (where, how): per line, per draft, per project."""
    return [
        (
            "next line of a Markdown or HTML draft",
            f"<!-- sourcecheck: disable-next-line {full_id} -->",
        ),
        ("rest of a draft (until enable)", f"<!-- sourcecheck: disable {full_id} -->"),
        ("whole project, or another severity", f'[tool.sourcecheck.rules] "{full_id}" = "off"'),
    ]


def explanation(rule: Rule) -> list[tuple[str, str]]:
    """The sections of a rule's explanation, as (heading, text); empty ones left out."""
    sections = [
        ("Summary", " ".join(part for part in (rule.summary, rule.details) if part)),
        ("Why it matters", rule.why),
        ("Example", rule.example),
        ("How to fix", rule.fix),
    ]
    return [(heading, text) for heading, text in sections if text]


def explanation_text(full_id: str, rule: Rule) -> str:
    """What ``sourcecheck rule ID`` prints, and SARIF's plain-text help."""
    lines = [f"{full_id} (default severity: {rule.severity})"]
    for heading, text in explanation(rule):
        lines += [
            "",
            f"{heading}:",
            textwrap.fill(text, 88, initial_indent="  ", subsequent_indent="  "),
        ]
    lines += ["", "How to suppress:"]
    lines += [f"  {where}: {how}" for where, how in suppression_help(full_id)]
    return "\n".join(lines) + "\n"


def explanation_markdown(full_id: str, rule: Rule) -> str:
    """SARIF's Markdown help: the same sections as :func:`explanation_text`."""
    parts = [f"**{full_id}** (default severity: {rule.severity})"]
    for heading, text in explanation(rule):
        parts.append(f"**{heading}**: {f'“{text}”' if heading == 'Example' else text}")
    suppress = [f"- {where}: `{how}`" for where, how in suppression_help(full_id)]
    parts.append("**How to suppress**:\n\n" + "\n".join(suppress))
    return "\n\n".join(parts)


def markdown_table(scorer: str, rules: Iterable[Rule]) -> str:
    """The rule table of one scorer, as docs/scorers.md shows it."""
    rows = ["| rule | severity | fires when | example |", "|---|---|---|---|"]
    for rule in rules:
        fires = " ".join(part for part in (rule.summary, rule.details) if part)
        example = f"“{rule.example}”" if rule.example else ""
        rows.append(
            f"| `{scorer}/{rule.id}` | {rule.severity} | {_cell(fires)} | {_cell(example)} |"
        )
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


# Generated blocks in a Markdown file: <!-- rules: SCORER --> ... <!-- end rules -->
_BLOCK = re.compile(
    r"(?P<open><!-- rules: (?P<scorer>[a-z][a-z0-9_-]*) -->\n)(?P<body>.*?)(?P<close><!-- end rules -->)",
    re.S,
)


def update_rule_tables(text: str, tables: Mapping[str, str]) -> str:
    """``text`` with each generated block replaced by its scorer's current table.

    A block names a scorer that ``tables`` lacks: left as it is (its plugin is not loaded).
    """

    def replace(match: re.Match[str]) -> str:
        table = tables.get(match["scorer"])
        if table is None:
            return match[0]
        return f"{match['open']}{table}{match['close']}"

    return _BLOCK.sub(replace, text)


def tabled_scorers(text: str) -> list[str]:
    """The scorers whose rule tables ``text`` holds generated blocks for."""
    return [match["scorer"] for match in _BLOCK.finditer(text)]
