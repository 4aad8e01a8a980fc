"""What a reporter is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from sourcecheck.core.models import Report


class Reporter:
    """Renders reports in one format, named by ``format`` (``--format NAME``)."""

    format: ClassVar[str] = ""
    description: ClassVar[str] = ""

    def render(self, reports: Sequence[Report], *, color: bool = False) -> str:
        raise NotImplementedError
