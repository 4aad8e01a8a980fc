"""Direct quotes. (Placeholder: straight and curly marks, no nesting yet.)"""

from __future__ import annotations

import re

from sourcecheck.core.models import Quote, Span

_QUOTE = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def find_quotes(body: str) -> list[Quote]:
    return [
        Quote(span=Span.of(body, m.start(), m.end()), inner=Span.of(body, m.start(1), m.end(1)))
        for m in _QUOTE.finditer(body)
    ]
