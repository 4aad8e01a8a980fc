"""The built-in reporters, registered through the same hook a plugin would use."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sourcecheck.core.models import Report
from sourcecheck.core.printable import escape_json_text
from sourcecheck.plugins.hookspecs import hookimpl
from sourcecheck.reporters.base import Reporter
from sourcecheck.reporters.html import HtmlReporter
from sourcecheck.reporters.markdown import MarkdownReporter
from sourcecheck.reporters.text import TextReporter


class JsonReporter(Reporter):
    """The versioned report contract: one object, or an array when there are several."""

    format = "json"
    description = "the report as JSON (one object, or an array of several)"

    def render(self, reports: Sequence[Report], *, color: bool = False) -> str:
        if len(reports) == 1:
            return escape_json_text(reports[0].model_dump_json(indent=2)) + "\n"
        items = [json.loads(r.model_dump_json()) for r in reports]
        return escape_json_text(json.dumps(items, indent=2, ensure_ascii=False)) + "\n"


class JsonLinesReporter(Reporter):
    format = "jsonl"
    description = "one compact JSON report per line"
    streams = True

    def render(self, reports: Sequence[Report], *, color: bool = False) -> str:
        return "".join(escape_json_text(r.model_dump_json()) + "\n" for r in reports)


@hookimpl
def sourcecheck_reporters() -> list[Reporter]:
    return [
        TextReporter(),
        JsonReporter(),
        JsonLinesReporter(),
        MarkdownReporter(),
        HtmlReporter(),
    ]
