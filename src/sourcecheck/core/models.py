"""The data model: what goes into sourcecheck and what comes out.

What crosses a boundary is a pydantic v2 model, validated on the way in (an ``Article``,
the ``ScorerResult`` a scorer hands back, a config) and serialised to the versioned JSON
report on the way out. The records of the shared analysis (``Span``, ``Quote``,
``Attribution``, ``Hedge``, ``Claim``, ``Source``) are frozen slotted dataclasses: the
analysis makes hundreds per article from offsets it has just computed, so they are plain
data; pydantic still serialises them and describes them in the JSON schema. Offsets are
code points into ``Article.body``, end-exclusive, the same convention as Python slicing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from sourcecheck.core.records import set_through_slots

SCHEMA_VERSION = "1.1"

Severity = Literal["suggestion", "warning", "error"]
#: Every severity, least severe first: the one order the engine, lint and CLI share.
SEVERITIES: tuple[Severity, ...] = ("suggestion", "warning", "error")
SEVERITY_ORDER: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}

SourceType = Literal[
    "named_person",
    "named_organization",
    "document",
    "anonymous",
    "vague",
    "author",
    "unknown",
]

HedgeCategory = Literal[
    "epistemic_modal",
    "speculative_verb",
    "evidential",
    "approximator",
    "conditional",
    "adverb",
    "weasel",
]

Voice = Literal["writer", "source"]

# What kind of piece it is: an opinion piece needs no source for its writer's views.
# ("analysis" is part of the contract; the built-in analysis tells news from opinion only.)
Genre = Literal["news", "analysis", "opinion"]

Status = Literal["ok", "failed", "skipped"]

MetricValue = float | int | str | bool | None


class _Model(BaseModel):
    # Every field is always written, so the schema can promise readers that it is there.
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


#: The pydantic settings of the analysis records below (plain dataclasses): pydantic reads
#: them when it serialises a report, builds the JSON schema or validates a record given as
#: data (a report read back from JSON). Building a record validates nothing.
_RECORD_CONFIG = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


@set_through_slots
@dataclass(frozen=True, slots=True)
class Span:
    """A slice ``[start, end)`` of the article body, with the words it covers."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]
    text: str

    @classmethod
    def of(cls, body: str, start: int, end: int) -> Span:
        """The span of ``body[start:end]``."""
        return cls(start, end, body[start:end])

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        # Runs only where pydantic validates a span given as data; the engine checks every
        # span a scorer returns against the body (which implies these rules).
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")
        return self


def span_problem(span: object, body: str) -> str | None:
    """Why ``span`` is not a span of ``body`` (None when it is, or when it is None).

    The rules of a valid span, in one place: whole-number offsets ``0 <= start <= end <=
    len(body)`` and ``text == body[start:end]``. The engine asks it of every span a scorer
    returns, the conformance kit of every span a plugin's scorer returns.
    """
    if span is None:
        return None
    if not isinstance(span, Span):
        return f"span {span!r}, which is not a Span"
    start, end, text = span.start, span.end, span.text
    if type(start) is not int or type(end) is not int or type(text) is not str:
        return f"span {span!r}: offsets must be int and text a str"
    if not 0 <= start <= end <= len(body) or body[start:end] != text:
        return f"span [{start}, {end}) that does not match the article body"
    return None


class Article(_Model):
    """One news article. ``body`` is the text every span points into."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    id: str = ""
    title: str = ""
    body: str
    outlet: str | None = None
    url: str | None = None
    published: date | datetime | None = None
    authors: list[str] = Field(default_factory=list)
    language: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _default_id(self) -> Article:
        # A stable id keyed on the content, so a batch can be resumed without one.
        if not self.id:
            digest = hashlib.sha1(self.body.encode("utf-8"), usedforsecurity=False)
            self.id = digest.hexdigest()[:16]
        return self


class ReadOnlyArticle(Article):
    """The article as plugins see it: fields cannot be assigned, ``authors`` is a tuple and
    ``meta`` a read-only mapping (its lists tuples), so no plugin can change what the next
    one, or the report, sees. Made by :func:`read_only_article`."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, frozen=True)


def read_only_article(article: Article) -> ReadOnlyArticle:
    """A read-only copy of ``article`` (the same values, nothing validated again)."""
    if type(article) is ReadOnlyArticle:
        return article
    values = dict(article)
    values["authors"] = tuple(values["authors"])
    values["meta"] = _read_only(values["meta"])
    # model_construct: validation would make the tuples lists again.
    return ReadOnlyArticle.model_construct(set(article.model_fields_set), **values)


def _read_only(value: Any) -> Any:
    """``value`` with its dicts, lists and sets made read-only, at every depth."""
    if isinstance(value, dict):
        return MappingProxyType({key: _read_only(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_read_only(item) for item in value)
    if isinstance(value, set):
        return frozenset(value)
    return value


class Finding(_Model):
    """One thing a scorer noticed, pointing at the words that caused it."""

    rule: str = Field(description="Stable rule id, 'scorer/rule-name'.")
    severity: Severity = "warning"
    message: str
    span: Span | None = None
    line: int | None = Field(default=None, description="1-based line of span.start")
    column: int | None = Field(default=None, description="1-based column of span.start")


class ScorerResult(_Model):
    """What a scorer returns: a score in [0, 1] where 1 is best practice."""

    score: float = Field(ge=0.0, le=1.0)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    summary: str = ""
    metrics: dict[str, MetricValue] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)


class ScorerReport(_Model):
    """A scorer's part of the report: its result plus how it entered the overall score."""

    name: str
    version: str
    status: Status
    score: float | None = None
    weight: float = 0.0
    contribution: float = 0.0
    confidence: float | None = None
    summary: str = ""
    metrics: dict[str, MetricValue] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)
    error: str | None = None
    logit_contribution: float | None = Field(
        default=None, description="Calibrated combiner only: this scorer's log-odds contribution."
    )


@set_through_slots
@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what: the source, the cue ("said") and the content attributed to them."""

    __pydantic_config__ = _RECORD_CONFIG

    source: Span | None = None
    cue: Span | None = None
    content: Span | None = None
    source_type: SourceType = "unknown"
    speaker: Annotated[str | None, Field(description="The resolved speaker's name.")] = None
    role: Annotated[str | None, Field(description="Appositive role, e.g. 'a former aide'.")] = None
    direct: Annotated[bool, Field(description="The content is a direct quote.")] = False
    sentence: Annotated[int, Field(description="Index of the sentence holding the cue.")] = 0
    via: Annotated[
        int | None, Field(description="Index of the attribution this one is reported through.")
    ] = None
    in_quote: Annotated[
        bool,
        Field(description="The cue stands inside a direct quote: a quoted speaker reports it."),
    ] = False
    source_id: Annotated[
        int | None,
        Field(
            description="Index of the source in analysis.sources (None: no source phrase at all)."
        ),
    ] = None


@set_through_slots
@dataclass(frozen=True, slots=True)
class Hedge:
    __pydantic_config__ = _RECORD_CONFIG

    span: Span
    category: HedgeCategory
    voice: Voice = "writer"
    sentence: int = 0


@set_through_slots
@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence that asserts something checkable, and whether it is attributed."""

    __pydantic_config__ = _RECORD_CONFIG

    span: Span
    sentence: int
    attributed: bool
    attributions: tuple[int, ...] = field(default_factory=tuple)
    needs_source: Annotated[
        float,
        Field(
            ge=0.0,
            le=1.0,
            description="How likely an editor would ask for a source here (0 when attributed).",
        ),
    ] = 0.0


@set_through_slots
@dataclass(frozen=True, slots=True)
class Quote:
    __pydantic_config__ = _RECORD_CONFIG

    span: Annotated[Span, Field(description="The quote including its marks.")]
    inner: Annotated[Span, Field(description="The quoted words without the marks.")]
    continues: Annotated[
        bool, Field(description="Carries on the previous paragraph's quote (reopened).")
    ] = False
    nested: Annotated[bool, Field(description="A quote inside another quote.")] = False


@set_through_slots
@dataclass(frozen=True, slots=True)
class Source:
    """One distinct source of the article and every phrase that refers to it.

    The same person named twice, a surname after the full name, "he" and "the senator"
    after them, all are one source; so are "a senior official" and "the official" after it.
    ``type`` and ``name`` are what every attribution of the source carries as its
    ``source_type`` and ``speaker``.
    """

    __pydantic_config__ = _RECORD_CONFIG

    id: Annotated[int, Field(description="Index in analysis.sources.")]
    type: SourceType
    name: Annotated[
        str | None,
        Field(description="The name (person, organisation), else the first phrase describing it."),
    ] = None
    mentions: Annotated[
        tuple[Span, ...],
        Field(
            description="The phrases naming it as a source, in body order: names, pronouns, "
            "descriptions."
        ),
    ] = field(default_factory=tuple)
    roles: Annotated[
        tuple[str, ...], Field(description="Roles and titles given to it ('a former aide').")
    ] = field(default_factory=tuple)
    reason: Annotated[
        Span | None,
        Field(description="Anonymous sources: where the story says why (if it does)."),
    ] = None
    attributions: Annotated[
        tuple[int, ...],
        Field(
            description="Indexes of the attributions it is a source of (one attribution may "
            "have two: 'according to the mayor and the police')."
        ),
    ] = field(default_factory=tuple)
    part_of: Annotated[
        int | None,
        Field(
            description="The source it is not independent of: the organisation a spokesperson "
            "or employee speaks for, the source that relayed all its words."
        ),
    ] = None


class AnalysisReport(_Model):
    """The parts of the shared analysis a reader of the report needs to check the scores."""

    word_count: int = 0
    sentence_count: int = 0
    paragraph_count: int = 0
    attributions: list[Attribution] = Field(default_factory=list)
    hedges: list[Hedge] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    genre: Genre = Field(
        default="news", description="news, analysis or opinion, as the writer's voice shows it."
    )
    sources: list[Source] = Field(default_factory=list)


class ArticleInfo(_Model):
    id: str
    title: str = ""
    outlet: str | None = None
    url: str | None = None
    published: date | datetime | None = None
    authors: list[str] = Field(default_factory=list)
    language: str | None = None
    source: str | None = Field(default=None, description="File or input the article came from.")


class PluginError(_Model):
    plugin: str
    message: str


class Report(_Model):
    """The explainable reliability report for one article.

    ``baseline`` plus the ``contribution`` of every scorer whose status is ``ok`` equals
    ``score``. The JSON form is a versioned contract: fields are only ever added.
    """

    schema_version: str = SCHEMA_VERSION
    article: ArticleInfo
    score: float | None = Field(default=None, ge=0.0, le=100.0)
    band: str = "unscored"
    baseline: float = 50.0
    combiner: str = "weighted"
    scorers: list[ScorerReport] = Field(default_factory=list)
    analysis: AnalysisReport = Field(default_factory=AnalysisReport)
    warnings: list[str] = Field(default_factory=list)
    errors: list[PluginError] = Field(default_factory=list)
    versions: dict[str, str] = Field(default_factory=dict)
    baseline_logit: float | None = Field(
        default=None, description="Calibrated combiner only: log-odds at the training mean."
    )
    logit: float | None = Field(
        default=None, description="Calibrated combiner only: the score's log-odds."
    )

    # The scored text, kept in memory for reporters that show it (HTML) but never written
    # to JSON: a corpus of reports should not carry a second copy of every article.
    _body: str | None = PrivateAttr(default=None)

    @property
    def body(self) -> str | None:
        """The article text the spans point into, when this report was scored in-process."""
        return self._body

    def with_body(self, body: str) -> Report:
        """Attach the scored text (the engine does this); returns ``self``."""
        self._body = body
        return self

    def findings(self) -> list[Finding]:
        """Every finding of every scorer, in body order."""
        found = [f for s in self.scorers for f in s.findings]
        return sorted(found, key=lambda f: (f.span.start if f.span else -1, f.rule))

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)


def report_json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Report` (committed as ``docs/report.schema.json``).

    The models forbid unknown fields on the way in, but the published schema does not:
    the contract only ever adds fields, so a reader validating against an older schema
    must still accept a newer report.
    """
    schema = Report.model_json_schema(mode="serialization")
    for definition in [schema, *schema.get("$defs", {}).values()]:
        definition.pop("additionalProperties", None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"sourcecheck report {SCHEMA_VERSION}"
    return schema


def report_json_schema_text() -> str:
    """The schema as the exact text of the committed file (sorted keys, stable bytes)."""
    import json

    return json.dumps(report_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
