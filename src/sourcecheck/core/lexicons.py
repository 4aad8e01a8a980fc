"""Word lists shipped as package data, extendable from config and plugins.

Each ``data/lexicons/NAME.json`` holds ``{"description", "source", "entries"}`` where
``entries`` is either a list of phrases or a mapping of category -> list of phrases.
Config (``[tool.sourcecheck.lexicons]``) and the ``sourcecheck_lexicons`` hook add entries;
they never remove built-in ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

Entries = list[str] | dict[str, list[str]]


@cache
def builtin(name: str) -> Entries:
    """The built-in lexicon ``name`` (a fresh copy is not needed: treat it as read-only)."""
    path = resources.files("sourcecheck") / "data" / "lexicons" / f"{name}.json"
    if not path.is_file():
        return []
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data["entries"]


def builtin_names() -> list[str]:
    folder = resources.files("sourcecheck") / "data" / "lexicons"
    return sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )


class Lexicons:
    """The lexicons in force for one engine: built-ins plus additions.

    Immutable once built; two with the same additions are equal and hash alike, so
    patterns compiled from one can be cached and reused for the other.
    """

    def __init__(self, additions: Iterable[Mapping[str, Entries]] = ()) -> None:
        self._additions: dict[str, Entries] = {}
        for addition in additions:
            for name, entries in addition.items():
                self._additions[name] = _merge(self._additions.get(name, []), entries)
        self._key = tuple(
            sorted((k, json.dumps(v, sort_keys=True)) for k, v in self._additions.items())
        )
        self._hash = hash(self._key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicons) and other._key == self._key

    def __hash__(self) -> int:
        return self._hash

    def get(self, name: str) -> Entries:
        return _merge(builtin(name), self._additions.get(name, []))

    def added(self, name: str) -> Entries:
        """The entries of ``name`` that config and plugins add (built-ins left out)."""
        return self._additions.get(name, [])

    def phrases(self, name: str) -> list[str]:
        """All phrases of ``name``, categories flattened."""
        entries = self.get(name)
        if isinstance(entries, dict):
            return [p for group in entries.values() for p in group]
        return list(entries)

    def key(self) -> tuple[tuple[str, str], ...]:
        """A hashable fingerprint of the additions (for caching compiled patterns)."""
        return self._key


def _merge(base: Entries, extra: Entries) -> Entries:
    if isinstance(base, dict) or isinstance(extra, dict):
        base_map = base if isinstance(base, dict) else {"other": list(base)} if base else {}
        extra_map = extra if isinstance(extra, dict) else {"other": list(extra)} if extra else {}
        merged = {k: list(v) for k, v in base_map.items()}
        for category, phrases in extra_map.items():
            merged[category] = _dedupe([*merged.get(category, []), *phrases])
        return merged
    return _dedupe([*base, *extra])


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
