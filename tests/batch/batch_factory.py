"""Fixtures for batch tests: small news corpora written in every input format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUTLETS = ["North Gazette", "River Herald", "Coastal Daily"]
TOWNS = ["Elmsworth", "Greyhaven", "Oakridge", "Sutton Vale"]


def news_record(number: int) -> dict[str, Any]:
    """A short article of our own, different for each number."""
    town = TOWNS[number % len(TOWNS)]
    body = (
        f"The {town} council said on Monday that the library will close for {number % 9 + 2} weeks. "
        f"Repairs will cost {number + 10} thousand dollars, Mayor Jo Tran said. "
        "Some residents may object to the closure, according to a local official."
    )
    return {
        "doc": f"a{number:05d}",
        "story": body,
        "paper": OUTLETS[number % len(OUTLETS)],
        "day": f"2025-{number % 12 + 1:02d}-{number % 27 + 1:02d}",
        "headline": f"{town} library to close",
    }


FIELDS = {"id": "doc", "body": "story", "outlet": "paper", "published": "day", "title": "headline"}
FIELD_FLAGS = [
    "--id-field",
    "doc",
    "--text-field",
    "story",
    "--outlet-field",
    "paper",
    "--published-field",
    "day",
    "--title-field",
    "headline",
]


def write_jsonl(path: Path, records: list[dict[str, Any]], extra_lines: list[str] = ()) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
        for line in extra_lines:
            handle.write(line + "\n")
    return path


def records(count: int = 40) -> list[dict[str, Any]]:
    return [news_record(n) for n in range(count)]
