"""What a reporter is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from sourcecheck.core.models import Report


class Reporter:
    """Renders reports in one format, named by ``format`` (``--format NAME``)."""

    format: ClassVar[str] = ""
    description: ClassVar[str] = ""
    #: True when rendering reports one at a time and concatenating gives the same output,
    #: so the CLI can write each report as soon as it is scored (JSONL over a corpus).
    streams: ClassVar[bool] = False

    def render(self, reports: Sequence[Report], *, color: bool = False) -> str:
        raise NotImplementedError
