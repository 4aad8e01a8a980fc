"""A static audit of regular expressions for the shapes that make Python's ``re`` backtrack
more than linearly.

``re`` is a backtracking engine: a pattern that can match the same text in many ways tries
them all before it fails. Three shapes do that on text an adversary can write:

``nested``
    an unbounded repeat inside another whose iterations can split the same text in more
    than one way: ``(a+)+``, ``(\\s*\\w+)*``. Exponential.
``adjacent``
    two unbounded repeats that can match the same character with nothing between them that
    must match: ``\\s*,?\\s*``. A run of k such characters is split k ways: quadratic for
    one attempt.
``restart``
    a pattern that is *searched* (``search``, ``finditer``, ``sub``, ...) holding an
    unbounded repeat that can run over the pattern's own first character and may still fail
    after it: ``\\.\\.*(?=\\s)``, ``<!--.*?-->``. Each start inside the run scans the rest of
    it again: quadratic over the text.

A possessive repeat or atomic group (Python 3.11+) gives nothing back, so nothing
backtracks into it.

The audit reads the parsed pattern, so it is approximate in both directions: character sets
are compared over the first 8,448 code points (Latin, punctuation, symbols), and which
patterns are searched is read from the source (a pattern used only through ``match`` or
``fullmatch`` at one place is not a ``restart`` risk). A finding is a reason to look, and
something that was looked at and found safe belongs in a reviewed allowance with its reason.
"""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_UNIVERSE = 0x2100  # code points compared: ASCII, Latin, general punctuation, symbols
_ALL = (1 << _UNIVERSE) - 1
_UNBOUNDED = _c.MAXREPEAT
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_POSSESSIVE_REPEAT = getattr(_c, "POSSESSIVE_REPEAT", object())  # absent before 3.11
_ATOMIC_GROUP = getattr(_c, "ATOMIC_GROUP", object())
_MATCHING = frozenset(["match", "fullmatch"])


def _mask_of(test: Any) -> int:
    mask = 0
    for code in range(_UNIVERSE):
        if test(chr(code)):
            mask |= 1 << code
    return mask


_CATEGORIES = {
    _c.CATEGORY_DIGIT: _mask_of(lambda ch: re.match(r"\d", ch) is not None),
    _c.CATEGORY_SPACE: _mask_of(lambda ch: re.match(r"\s", ch) is not None),
    _c.CATEGORY_WORD: _mask_of(lambda ch: re.match(r"\w", ch) is not None),
    _c.CATEGORY_LINEBREAK: 1 << 10,
}
for _positive, _negative in [
    (_c.CATEGORY_DIGIT, _c.CATEGORY_NOT_DIGIT),
    (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_SPACE),
    (_c.CATEGORY_WORD, _c.CATEGORY_NOT_WORD),
    (_c.CATEGORY_LINEBREAK, _c.CATEGORY_NOT_LINEBREAK),
]:
    _CATEGORIES[_negative] = _ALL & ~_CATEGORIES[_positive]


def _char(code: int, ignore_case: bool) -> int:
    if code >= _UNIVERSE:
        return 0
    if not ignore_case:
        return 1 << code
    mask = 0
    for variant in {chr(code), chr(code).lower(), chr(code).upper()}:
        if len(variant) == 1 and ord(variant) < _UNIVERSE:
            mask |= 1 << ord(variant)
    return mask


def _in_mask(items: list[tuple[Any, Any]], ignore_case: bool) -> int:
    mask, negate = 0, False
    for op, value in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            mask |= _char(value, ignore_case)
        elif op is _c.RANGE:
            for code in range(value[0], min(value[1], _UNIVERSE - 1) + 1):
                mask |= _char(code, ignore_case)
        elif op is _c.CATEGORY:
            mask |= _CATEGORIES[value]
    return _ALL & ~mask if negate else mask


@dataclass
class _Repeat:
    """An unbounded repeat: what it matches, what stands around it, how it reads."""

    chars: int  # what it can match anywhere
    first: int  # what a match of it can start with
    last: int  # what a match of it can end with
    text: str
    prefix: int  # characters that must be matched before it, from the pattern's start
    rest_fails: bool  # whether what follows it in the pattern can fail
    # Characters that must be matched before and after it within the groups around it,
    # filled in as the walk leaves each group: a fence it cannot cross.
    before: int = 0
    after: int = 0


@dataclass
class _Info:
    nullable: bool  # can match the empty string
    can_fail: bool  # can fail (a character, an anchor or a lookaround is needed)
    first: int = 0  # characters a non-empty match can start with
    last: int = 0  # characters a non-empty match can end with
    chars: int = 0  # characters it can match anywhere
    must: int = 0  # characters of its parts that cannot be skipped
    heads: list[_Repeat] = field(default_factory=list)  # repeats it can start with
    tails: list[_Repeat] = field(default_factory=list)  # repeats it can end with
    inner: list[_Repeat] = field(default_factory=list)  # every unbounded repeat inside


def _atom(mask: int) -> _Info:
    return _Info(False, True, mask, mask, mask, mask)


@dataclass(frozen=True)
class Hazard:
    """One finding: which pattern, which shape, and the part of it that has that shape."""

    where: str
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.where}: {self.kind}: {self.detail}"


class _Walker:
    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []
        self.repeats: list[_Repeat] = []

    def sequence(self, items: Any, flags: int, rest_fails: bool, prefix: int) -> _Info:
        parsed = list(items)
        # Whether what follows each item can fail, computed right to left.
        fails_after = [rest_fails] * (len(parsed) + 1)
        for index in range(len(parsed) - 1, -1, -1):
            fails_after[index] = _can_fail(parsed[index]) or fails_after[index + 1]
        infos: list[_Info] = []
        for index, (op, value) in enumerate(parsed):
            info = self.item(op, value, flags, fails_after[index + 1], prefix)
            infos.append(info)
            prefix |= info.must
        for index, info in enumerate(infos):
            before = _union(i.must for i in infos[:index])
            after = _union(i.must for i in infos[index + 1 :])
            for repeat in info.inner:
                repeat.before |= before
                repeat.after |= after
        self._check_adjacent(infos, fails_after[1:])
        return _concatenate(infos)

    def _check_adjacent(self, infos: list[_Info], fails_after: list[bool]) -> None:
        """Two repeats with only what can match nothing between them, the first able to take
        the second's first character: each way of splitting a run between them is tried,
        unless nothing after them can fail (then the first split found stands)."""
        open_tails: list[_Repeat] = []
        for info, rest_fails in zip(infos, fails_after, strict=True):
            for tail in open_tails:
                for head in info.heads:
                    if tail.last & head.first and (rest_fails or info.can_fail):
                        self.found.append(("adjacent", f"{tail.text} then {head.text}"))
            open_tails = [*open_tails, *info.tails] if info.nullable else list(info.tails)

    def item(self, op: Any, value: Any, flags: int, rest_fails: bool, prefix: int) -> _Info:
        ignore_case = bool(flags & re.IGNORECASE)
        if op is _c.LITERAL:
            return _atom(_char(value, ignore_case))
        if op is _c.NOT_LITERAL:
            return _atom(_ALL & ~_char(value, ignore_case))
        if op is _c.ANY:
            return _atom(_ALL if flags & re.DOTALL else _ALL & ~(1 << 10))
        if op is _c.IN:
            return _atom(_in_mask(value, ignore_case))
        if op is _c.SUBPATTERN:
            _, add, remove, sub = value
            return self.sequence(sub, (flags | add) & ~remove, rest_fails, prefix)
        if op is _c.BRANCH:
            branches = value[1]
            return _alternatives([self.sequence(b, flags, rest_fails, prefix) for b in branches])
        if op in _REPEATS:
            return self.repeat(op, value, flags, rest_fails, prefix)
        if op is _POSSESSIVE_REPEAT or op is _ATOMIC_GROUP:
            sub = value if op is _ATOMIC_GROUP else value[2]
            inner = self.sequence(sub, flags, rest_fails, prefix)
            # It never gives back what it took: nothing backtracks into it.
            return _Info(inner.nullable, inner.can_fail, inner.first, inner.last, inner.chars)
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, sub = value
            # A lookbehind reads text before the match: no search starts inside its repeats.
            self.sequence(sub, flags, True, prefix if direction == 1 else _ALL)
            return _Info(True, True)
        if op is _c.GROUPREF_EXISTS:
            _, yes, no = value
            branches = [self.sequence(yes, flags, rest_fails, prefix)]
            if no:
                branches.append(self.sequence(no, flags, rest_fails, prefix))
            else:
                branches.append(_Info(True, False))
            return _alternatives(branches)
        if op is _c.GROUPREF:
            return _Info(True, True, _ALL, _ALL, _ALL)
        return _Info(True, True)  # anchors and word boundaries

    def repeat(self, op: Any, value: Any, flags: int, rest_fails: bool, prefix: int) -> _Info:
        low, high, sub = value
        inner = self.sequence(sub, flags, True, prefix)
        info = _Info(
            low == 0 or inner.nullable,
            low > 0 and inner.can_fail,
            inner.first,
            inner.last,
            inner.chars,
            inner.must if low > 0 else 0,
            list(inner.heads),
            list(inner.tails),
            list(inner.inner),
        )
        if high != _UNBOUNDED:
            return info
        text = _short(_unparse([(op, value)]))
        if inner.nullable:
            self.found.append(("nested", f"{text} repeats what can match nothing"))
        self._check_nested(inner, text)
        repeat = _Repeat(inner.chars, inner.first, inner.last, text, prefix, rest_fails)
        self.repeats.append(repeat)
        info.heads, info.tails = [repeat], [repeat]
        info.inner = [*inner.inner, repeat]
        return info

    def _check_nested(self, inner: _Info, text: str) -> None:
        """Whether the iterations of a repeat can split the same text in more than one way:
        a repeat inside that can take the start of the next iteration (nothing it cannot
        match stands after it in the iteration) or the end of the previous one. Only a
        failure after the repeat makes the engine try the other splits, but one is a
        failure away (a character added after it, or ``fullmatch``): flagged regardless."""
        for repeat in inner.inner:
            takes_next = repeat.after & ~repeat.chars == 0 and repeat.last & inner.first
            takes_previous = repeat.before & ~repeat.chars == 0 and repeat.first & inner.last
            if takes_next or takes_previous:
                self.found.append(("nested", f"{repeat.text} inside {text}"))


def _can_fail(item: tuple[Any, Any]) -> bool:
    op, value = item
    if op in _REPEATS or op is _POSSESSIVE_REPEAT:
        low, _, sub = value
        return low > 0 and any(_can_fail(i) for i in sub)
    if op is _c.SUBPATTERN:
        return any(_can_fail(i) for i in value[-1])
    if op is _ATOMIC_GROUP:
        return any(_can_fail(i) for i in value)
    if op is _c.BRANCH:
        return all(any(_can_fail(i) for i in branch) for branch in value[1])
    return True  # a character, an anchor, a lookaround, a back-reference


def _union(masks: Iterable[int]) -> int:
    result = 0
    for mask in masks:
        result |= mask
    return result


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _concatenate(infos: list[_Info]) -> _Info:
    result = _Info(True, False)
    for info in infos:
        if result.nullable:
            result.first |= info.first
            result.heads += info.heads
        result.nullable = result.nullable and info.nullable
        result.can_fail = result.can_fail or info.can_fail
        result.chars |= info.chars
        result.must |= info.must
        result.inner += info.inner
    for info in reversed(infos):
        result.last |= info.last
        result.tails += info.tails
        if not info.nullable:
            break
    return result


def _alternatives(infos: list[_Info]) -> _Info:
    result = _Info(any(i.nullable for i in infos), all(i.can_fail for i in infos))
    if not result.nullable:
        result.must = _union(i.must for i in infos)
    for info in infos:
        result.first |= info.first
        result.last |= info.last
        result.chars |= info.chars
        result.heads += info.heads
        result.tails += info.tails
        result.inner += info.inner
    return result


_CATEGORY_TEXT = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


def _unparse(items: Any) -> str:
    """A pattern read back from its parse, for messages (approximate: enough to find it)."""
    out = []
    for op, value in items:
        if op is _c.LITERAL:
            out.append(re.escape(chr(value)))
        elif op is _c.NOT_LITERAL:
            out.append(f"[^{re.escape(chr(value))}]")
        elif op is _c.ANY:
            out.append(".")
        elif op is _c.IN:
            out.append(_unparse_class(value))
        elif op is _c.BRANCH:
            out.append("(?:" + "|".join(_unparse(b) for b in value[1]) + ")")
        elif op is _c.SUBPATTERN:
            out.append("(" + _unparse(value[-1]) + ")")
        elif op in _REPEATS or op is _POSSESSIVE_REPEAT:
            low, high, sub = value
            parts = list(sub)
            body = _unparse(parts)
            single = len(parts) == 1 and parts[0][0] in (_c.LITERAL, _c.IN, _c.ANY)
            if not single and not (len(parts) == 1 and parts[0][0] is _c.SUBPATTERN):
                body = f"(?:{body})"
            top = "" if high == _UNBOUNDED else str(high)
            count = {(0, ""): "*", (1, ""): "+", (0, "1"): "?"}.get((low, top), f"{{{low},{top}}}")
            lazy = "?" if op is _c.MIN_REPEAT else "+" if op is _POSSESSIVE_REPEAT else ""
            out.append(body + count + lazy)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, sub = value
            kind = (
                ("=" if op is _c.ASSERT else "!")
                if direction == 1
                else ("<=" if op is _c.ASSERT else "<!")
            )
            out.append(f"(?{kind}{_unparse(sub)})")
        elif op is _c.AT:
            out.append({_c.AT_BOUNDARY: r"\b", _c.AT_END_STRING: r"\Z"}.get(value, "^$"))
        else:
            out.append("…")
    return "".join(out)


def _unparse_class(items: Any) -> str:
    parts = []
    for op, value in items:
        if op is _c.NEGATE:
            parts.append("^")
        elif op is _c.LITERAL:
            parts.append(re.escape(chr(value)))
        elif op is _c.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op is _c.CATEGORY:
            parts.append(_CATEGORY_TEXT.get(value, "?"))
    text = "".join(parts)
    return text if len(items) == 1 and items[0][0] is _c.CATEGORY else f"[{text}]"


def audit_pattern(pattern: re.Pattern[Any], *, searched: bool = True) -> list[tuple[str, str]]:
    """(kind, detail) of every hazard in one compiled pattern; ``searched``: the pattern is
    used with ``search``/``finditer``/``sub`` (else only ``match`` at a given place)."""
    source = pattern.pattern
    if isinstance(source, bytes):
        source = source.decode("latin-1")
    flags = pattern.flags
    parsed = _parser.parse(
        source, flags & ~re.UNICODE if isinstance(pattern.pattern, bytes) else flags
    )
    walker = _Walker()
    top = walker.sequence(parsed, parsed.state.flags, False, 0)
    if searched:
        # A search restarts inside a repeat's run when a match can start there: everything
        # that must come before the repeat could be characters of the run, one of them can
        # open a match, what follows the repeat can still fail, and no lookbehind at the
        # start refuses a start after a character of the run.
        guard = _start_guard(list(parsed), parsed.state.flags)
        for repeat in walker.repeats:
            if (
                repeat.rest_fails
                and repeat.prefix & ~repeat.chars == 0
                and repeat.chars & top.first
                and repeat.chars & ~guard
            ):
                walker.found.append(("restart", f"{repeat.text} can run over its own start"))
    return sorted(set(walker.found))


def _start_guard(items: list[tuple[Any, Any]], flags: int) -> int:
    """Characters that no match may start right after, by a negative lookbehind of single
    characters standing among the pattern's first single characters: ``(?<!\\s)\\s+``,
    ``\\.(?<!\\.\\.)\\.*`` (the lookbehind's first character is the one before the match
    when the rest of it covers the characters matched before it)."""
    ignore_case = bool(flags & re.IGNORECASE)
    matched: list[int] = []  # what each leading single-character item matches
    for op, value in items:
        if op is _c.ASSERT_NOT and value[0] == -1:
            behind = [_atom_mask(item, ignore_case) for item in value[1]]
            if None in behind or len(behind) != len(matched) + 1:
                return 0
            covered = all(
                mask & ~seen == 0  # type: ignore[operator]
                for mask, seen in zip(matched, behind[1:], strict=True)
            )
            return behind[0] if covered else 0  # type: ignore[return-value]
        mask = _atom_mask((op, value), ignore_case)
        if mask is None:
            return 0
        matched.append(mask)
    return 0


def _atom_mask(item: tuple[Any, Any], ignore_case: bool) -> int | None:
    """What a single-character item matches (None for anything else)."""
    op, value = item
    if op is _c.LITERAL:
        return _char(value, ignore_case)
    if op is _c.NOT_LITERAL:
        return _ALL & ~_char(value, ignore_case)
    if op is _c.IN:
        return _in_mask(value, ignore_case)
    return None


# -- which patterns a package holds, and how its code uses them ---------------------------


def patterns_in(
    modules: Iterable[ModuleType], *objects: object
) -> Iterator[tuple[str, re.Pattern[Any]]]:
    """(name, pattern) of every compiled pattern in the modules' globals and in the
    attributes of ``objects`` (and of the objects those hold: a finder's helpers)."""
    seen: set[int] = set()
    for module in modules:
        for name, value in vars(module).items():
            yield from _patterns_of(f"{module.__name__}.{name}", value, seen, depth=2)
    for obj in objects:
        yield from _patterns_of(type(obj).__name__, obj, seen, depth=3)


def _patterns_of(
    where: str, value: object, seen: set[int], depth: int
) -> Iterator[tuple[str, re.Pattern[Any]]]:
    if id(value) in seen or depth < 0:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        yield where, value
        return
    if isinstance(value, (str, bytes, int, float, type, ModuleType)) or (
        callable(value) and not hasattr(value, "__dict__")
    ):
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, re.Pattern):
                yield from _patterns_of(f"{where}[{key!r}]", item, seen, depth - 1)
        return
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _patterns_of(f"{where}[{index}]", item, seen, depth - 1)
        return
    attributes = getattr(value, "__dict__", None)
    if attributes is None and hasattr(type(value), "__slots__"):
        attributes = {s: getattr(value, s, None) for s in type(value).__slots__}
    if not attributes or type(value).__module__.split(".")[0] != "sourcecheck":
        return
    for name, item in attributes.items():
        yield from _patterns_of(f"{where}.{name}", item, seen, depth - 1)


def match_only_names(modules: Iterable[ModuleType]) -> frozenset[str]:
    """Names (globals or attributes) that the modules' code only ever calls ``match`` or
    ``fullmatch`` on. A name used any other way (searched, passed on, put in a tuple) might
    be searched, so it is not listed."""
    matched: set[str] = set()
    other: set[str] = set()
    for module in modules:
        tree = ast.parse(inspect.getsource(module))
        parents = {
            id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)
        }
        for node in ast.walk(tree):
            name = (
                node.id
                if isinstance(node, ast.Name)
                else node.attr
                if isinstance(node, ast.Attribute)
                else None
            )
            if name is None:
                continue
            parent = parents.get(id(node))
            if isinstance(parent, ast.Attribute) and parent.value is node:
                (matched if parent.attr in _MATCHING else other).add(name)
            elif isinstance(parent, ast.Assign) and node in parent.targets:
                continue  # the definition
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                continue
            else:
                other.add(name)
    return frozenset(matched - other)


def audit(modules: Iterable[ModuleType], *objects: object) -> list[Hazard]:
    """Every hazard in every pattern the modules and ``objects`` hold."""
    modules = list(modules)
    match_only = match_only_names(modules)
    hazards: list[Hazard] = []
    for where, pattern in patterns_in(modules, *objects):
        name = where.rsplit(".", 1)[-1]
        for kind, detail in audit_pattern(pattern, searched=name not in match_only):
            hazards.append(Hazard(where, kind, detail))
    return hazards
