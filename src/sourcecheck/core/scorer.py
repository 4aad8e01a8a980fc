"""The base class every scorer, built-in or third-party, derives from."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast, get_args, get_origin

from pydantic import BaseModel, ConfigDict, ValidationError

from sourcecheck.core.errors import ConfigError, first_problem
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import (
    Article,
    Finding,
    ScorerResult,
    Severity,
    Span,
)
from sourcecheck.core.rules import Rule, as_rule, records

if TYPE_CHECKING:
    from sourcecheck.core.analysis import Analysis


_BUILTIN_LEXICONS = Lexicons()

#: What a scorer may be called: the engine refuses other names, conformance reports them.
SCORER_NAME = re.compile(r"[a-z][a-z0-9_-]*")


def scorer_name_problem(name: object) -> str | None:
    """Why ``name`` cannot name a scorer, or None when it can."""
    if isinstance(name, str) and SCORER_NAME.fullmatch(name):
        return None
    return (
        f"scorer name {name!r} must start with a lowercase letter, then lowercase "
        "letters, digits, '_' or '-'"
    )


class NoOptions(BaseModel):
    """The options model of a scorer that takes none: any key is a mistake."""

    model_config = ConfigDict(extra="forbid")


OptionsT = TypeVar("OptionsT", bound=BaseModel)
ScorerT = TypeVar("ScorerT", bound="Scorer[Any]")


class Scorer(Generic[OptionsT]):
    """Subclass this, set ``name`` and ``version``, and implement :meth:`score`.

    ``Options`` is a pydantic model of the scorer's settings; values come from the
    ``[tool.sourcecheck.scorer.NAME]`` table of the config. Subclass ``Scorer[MyOptions]``
    and ``self.options`` is typed ``MyOptions`` (``Options`` defaults to it). ``rules``
    maps each rule id the scorer can emit to its :class:`~sourcecheck.core.rules.Rule`
    (build it with ``declare_rules``); a one-line help text is still accepted in place of
    a record.
    """

    name: ClassVar[str] = ""
    version: ClassVar[str] = "0.0"
    description: ClassVar[str] = ""
    default_weight: ClassVar[float] = 1.0
    Options: ClassVar[type[BaseModel]] = NoOptions
    rules: ClassVar[Mapping[str, Rule | str]] = {}

    _options: BaseModel | None = None
    _lexicons: Lexicons | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "Options" not in cls.__dict__:
            model = _options_argument(cls)
            if model is not None:
                cls.Options = model

    @property
    def options(self) -> OptionsT:
        if self._options is None:
            self._options = self.Options()
        return cast(OptionsT, self._options)

    def rule(self, rule_id: str) -> Rule:
        """The record of one of this scorer's rules (``KeyError`` if it declares none)."""
        return as_rule(rule_id, self.rules[rule_id])

    def rule_records(self) -> dict[str, Rule]:
        """Every rule this scorer declares, keyed by full id (``name/rule``)."""
        return records(self.name, self.rules)

    @property
    def lexicons(self) -> Lexicons:
        """The lexicons in force: the engine's (built-ins plus config and plugin additions),
        or the built-ins alone for a scorer used outside an engine."""
        if self._lexicons is None:
            self._lexicons = _BUILTIN_LEXICONS
        return self._lexicons

    def with_lexicons(self: ScorerT, lexicons: Lexicons) -> ScorerT:
        """A copy of this scorer that reads ``lexicons`` (the engine gives each scorer its own)."""
        bound = copy.copy(self)
        bound._lexicons = lexicons
        return bound

    def configure(self: ScorerT, options: Mapping[str, Any]) -> ScorerT:
        """A copy of this scorer with ``options`` validated against its ``Options`` model."""
        try:
            validated = self.Options.model_validate(dict(options))
        except ValidationError as exc:
            raise ConfigError(_describe_option_error(self.name, exc)) from None
        configured = copy.copy(self)
        configured._options = validated
        return configured

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        raise NotImplementedError

    def finding(
        self,
        rule: str,
        message: str,
        span: Span | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding whose rule id is prefixed with this scorer's name.

        Without a ``severity`` it takes the rule's declared one (``warning`` for a rule
        declared by help text only, or not declared).
        """
        if severity is None:
            declared = self.rules.get(rule)
            severity = declared.severity if isinstance(declared, Rule) else "warning"
        rule_id = f"{self.name}/{rule}"
        return Finding(rule=rule_id, severity=severity, message=message, span=span)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {self.version}>"


def _options_argument(cls: type) -> type[BaseModel] | None:
    """The options model ``cls`` names as ``Scorer[Model]``, if it does."""
    for base in getattr(cls, "__orig_bases__", ()):
        origin = get_origin(base)
        if isinstance(origin, type) and issubclass(origin, Scorer):
            for argument in get_args(base):
                if isinstance(argument, type) and issubclass(argument, BaseModel):
                    return argument
    return None


def _describe_option_error(scorer: str, exc: ValidationError) -> str:
    key, first = first_problem(exc)
    key = key or "(options)"
    return f"scorer '{scorer}': option '{key}': {first['msg']}"
