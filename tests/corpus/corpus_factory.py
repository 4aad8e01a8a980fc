"""Hand-written articles about invented events, for claim-index tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

BRIDGE = (
    "The Elmsworth council approved a 12 million dollar plan to rebuild the Mill Lane bridge. "
    "Work on the Mill Lane bridge will begin in April and take eighteen months. "
    "Drivers will be diverted through the town centre during the closure."
)
BRIDGE_PARAPHRASE = (
    "Elmsworth councillors approved a 12 million dollar plan on Tuesday to rebuild the Mill Lane bridge. "
    "Rebuilding the Mill Lane bridge will begin in April and take eighteen months, officials said. "
    "Shops in the town centre expect more traffic."
)
BRIDGE_OTHER_TOWN = (
    "The Greyhaven council approved a 30 million dollar plan to rebuild the harbour wall. "
    "Work on the harbour wall will begin in June and take two years. "
    "Fishing boats will moor at the north quay meanwhile."
)
CLINIC = (
    "A new dental clinic opened in Oakridge with room for 40 patients a day, the health board said. "
    "The clinic cost 3 million dollars and was paid for by the regional government."
)


def article(
    article_id: str, outlet: str, body: str, published: str, title: str = ""
) -> dict[str, Any]:
    return {
        "id": article_id,
        "outlet": outlet,
        "body": body,
        "published": published,
        "title": title,
    }


def corpus_records() -> list[dict[str, Any]]:
    return [
        article(
            "gaz-1", "North Gazette", BRIDGE, "2025-03-04", "Elmsworth bridge rebuild approved"
        ),
        article(
            "her-1", "River Herald", BRIDGE_PARAPHRASE, "2025-03-05", "Elmsworth to rebuild bridge"
        ),
        # A wire copy of the Gazette story, republished by another outlet.
        article(
            "day-1",
            "Coastal Daily",
            BRIDGE + " This story first ran in the North Gazette.",
            "2025-03-04",
            "Elmsworth bridge rebuild approved",
        ),
        article("gaz-2", "North Gazette", BRIDGE_PARAPHRASE, "2025-03-04", "Elmsworth bridge"),
        article(
            "her-old", "River Herald", BRIDGE_PARAPHRASE, "2024-01-10", "Elmsworth bridge plan"
        ),
        article("gry-1", "River Herald", BRIDGE_OTHER_TOWN, "2025-03-05", "Greyhaven harbour wall"),
        article("oak-1", "River Herald", CLINIC, "2025-03-06", "Oakridge clinic opens"),
    ]


def write_corpus(path: Path, records: list[dict[str, Any]] | None = None) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records or corpus_records():
            handle.write(json.dumps(record) + "\n")
    return path
