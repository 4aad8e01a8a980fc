"""anonymous_sources: how much rests on unnamed sources, and whether they are used by the book.

Newsroom standards (AP, Reuters, The New York Times) allow anonymous sources for
information that cannot be had on the record, under rules this scorer checks:

- the story says why the source was granted anonymity (``no-reason``);
- "a source" alone is not a description (``bare-source``);
- anonymous material is information, not opinion: no anonymous criticism (``anonymous-opinion``);
- "sources" in the plural only when there really are several (``plural-sources``).

Each anonymous or vague attribution carries a penalty that grows with the rules it breaks;
the score is one minus the mean penalty over all attributions, so a story that quotes ten
named people and one well-justified anonymous official still scores high.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from sourcecheck.core.analysis import Analysis
from sourcecheck.core.models import Article, Attribution, Finding, ScorerResult, Severity, Span
from sourcecheck.core.scorer import Scorer, scorer_result
from sourcecheck.plugins.hookspecs import hookimpl
from sourcecheck.scorers._sourcing import (
    article_sources,
    lexicon_pattern,
    normalise,
    sentence_span,
    sentence_window,
    source_text,
)

# Nouns that anonymous sources are described by, singular -> plural.
_SOURCE_NOUNS = {
    "source": "sources",
    "official": "officials",
    "person": "people",
    "aide": "aides",
    "insider": "insiders",
    "staffer": "staffers",
    "employee": "employees",
    "officer": "officers",
    "adviser": "advisers",
    "advisor": "advisors",
    "diplomat": "diplomats",
    "executive": "executives",
    "lawmaker": "lawmakers",
    "member": "members",
    "investigator": "investigators",
    "colleague": "colleagues",
    "ally": "allies",
    "associate": "associates",
}
_PLURALS = {plural: singular for singular, plural in _SOURCE_NOUNS.items()} | {"persons": "person"}
# Words that add nothing about who the source is: "a source", "one person", "an insider".
_EMPTY_WORDS = {"a", "an", "the", "one", "single", "some", "anonymous", "unnamed", "unidentified"}
_BARE_HEADS = {"source", "sources", "person", "people", "insider", "insiders", "individual"}
# What follows a bare noun when the writer does describe the source after all.
# "(?:\s*,)?\s*" reads what "\s*,?\s*" does without splitting a run of spaces every way.
_DESCRIBED_AFTER = re.compile(
    r"(?:\s*,)?\s*(?:close to|familiar with|with (?:direct )?knowledge|briefed on|involved in|"
    r"inside|within|in the|at the|from the|who (?:has|had|is|was|were|works|worked|attended|"
    r"saw|read|took part))\b",
    re.I,
)
# "requested anonymity to discuss ...", "... anonymity because ...": the reason follows.
_REASON_CONNECTOR = re.compile(
    r"(?:\s*,)?\s*(?:because|since|as (?:he|she|they) (?:was|were|is|are)|in order to|"
    r"to (?:discuss|describe|speak|talk|share|reveal|avoid|detail|protect)|for fear|"
    r"fearing|citing|out of concern)\b",
    re.I,
)
_SINGULAR_PRONOUNS = {"he", "she", "him", "her"}
# The source types the rules are about.
_UNNAMED = ("anonymous", "vague")


_MESSAGES: dict[str, tuple[str, Severity]] = {
    "no-reason": (
        "'{who}' is anonymous{granted}, but the story does not say why: add the reason "
        "anonymity was granted (e.g. 'because they were not authorized to discuss the talks').",
        "warning",
    ),
    "bare-source": (
        "'{who}' does not describe the source: say what position they hold and how they know "
        "(e.g. 'a county official who attended the meeting').",
        "error",
    ),
    "anonymous-opinion": (
        "'{who}' offers opinion or criticism without a name: use anonymous sources for "
        "information only, or put the view to a named source.",
        "warning",
    ),
    "plural-sources": (
        "'{who}' is plural, but this reads as one person's words: write 'sources' only when "
        "several people said it, or say 'a source'.",
        "suggestion",
    ),
}


class AnonymousSourcesOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    anonymous_penalty: float = Field(
        default=0.35, ge=0, le=1, description="Penalty for any anonymous attribution."
    )
    vague_penalty: float = Field(
        default=0.8, ge=0, le=1, description="Penalty for a vague one ('critics say')."
    )
    no_reason_penalty: float = Field(default=0.3, ge=0, le=1)
    opinion_penalty: float = Field(default=0.25, ge=0, le=1)
    bare_penalty: float = Field(default=0.2, ge=0, le=1)
    plural_penalty: float = Field(default=0.1, ge=0, le=1)
    evidence_saturation: int = Field(
        default=6, ge=1, description="Attributions at which confidence reaches 1."
    )
    clean_confidence: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Highest confidence when no source is anonymous: absence of anonymous "
        "sources is weaker evidence of good sourcing than their misuse is of bad.",
    )
    extra_reasons: list[str] = Field(
        default_factory=list, description="More phrases that explain why anonymity was granted."
    )
    extra_opinion_cues: list[str] = Field(
        default_factory=list, description="More evaluative words or phrases."
    )


class AnonymousSourcesScorer(Scorer):
    name = "anonymous_sources"
    version = "1.0.0"
    description = "Share of anonymous and vague sources, and whether they follow AP rules."
    default_weight = 0.8
    Options = AnonymousSourcesOptions
    rules: ClassVar[dict[str, str]] = {
        "no-reason": "An anonymous source with no explanation of why anonymity was granted.",
        "bare-source": "'A source' with no description of who the source is or how they know.",
        "anonymous-opinion": "An anonymous or vague source offers opinion or criticism; "
        "anonymity is for information only.",
        "plural-sources": "'Sources' in the plural for what reads as one person's words.",
    }

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        options: AnonymousSourcesOptions = self.options  # type: ignore[assignment]
        checker = _Checker(analysis, options)
        weights = _penalty_weights(options)
        total = 0
        # Only anonymous and vague attributions carry a penalty; the others add 0 to the sum.
        penalties: list[float] = []
        findings: list[Finding] = []
        counts = dict.fromkeys(("anonymous", "vague", *self.rules), 0)
        for index, attribution in enumerate(analysis.attributions):
            if attribution.in_quote:
                continue  # a speaker's own "sources tell me" is not the reporter's source
            total += 1
            if attribution.source_type not in _UNNAMED:
                continue  # a named source breaks none of the rules
            problems = checker.problems(index, attribution)
            for problem in problems:
                counts[problem] += 1
            penalties.append(min(1.0, sum(weights[p] for p in problems)))
            reported = [p for p in problems if checker.worth_reporting(index, p)]
            findings.extend(self._findings(attribution, reported, checker))
        return self._result(total, penalties, findings, counts, options)

    def _result(
        self,
        total: int,
        penalties: list[float],
        findings: list[Finding],
        counts: dict[str, int],
        options: AnonymousSourcesOptions,
    ) -> ScorerResult:
        unnamed = counts["anonymous"] + counts["vague"]
        metrics: dict[str, float | int] = {
            "attributions": total,
            "anonymous": counts["anonymous"],
            "vague": counts["vague"],
            "anonymous_share": round(unnamed / total, 4) if total else 0.0,
            "anonymous_with_reason": counts["anonymous"] - counts["no-reason"],
            "no_reason": counts["no-reason"],
            "bare_source": counts["bare-source"],
            "anonymous_opinion": counts["anonymous-opinion"],
            "plural_sources": counts["plural-sources"],
        }
        if total == 0:
            return ScorerResult(
                score=1.0, confidence=0.0, summary="No attributions found.", metrics=metrics
            )
        confidence = min(1.0, total / options.evidence_saturation)
        if unnamed == 0:
            confidence = min(confidence, options.clean_confidence)
        return scorer_result(
            score=max(0.0, 1.0 - sum(penalties) / total),
            confidence=confidence,
            summary=(
                f"{unnamed} of {total} attributions anonymous or vague; "
                f"{counts['no-reason']} anonymous without a stated reason."
            ),
            metrics=metrics,
            findings=findings,
        )

    def _findings(
        self, attribution: Attribution, problems: list[str], checker: _Checker
    ) -> list[Finding]:
        reported = [p for p in problems if p in _MESSAGES]
        if not reported:
            return []
        where = attribution.source or attribution.cue or checker.sentence_of(attribution)
        who = source_text(attribution) or "this source"
        granted = checker.granted_note(attribution) if "no-reason" in reported else ""
        found: list[Finding] = []
        for problem in reported:
            template, severity = _MESSAGES[problem]
            message = template.format(who=who, granted=granted)
            found.append(self.finding(problem, message, where, severity))
        return found


class _Checker:
    """The per-article checks, with the article's source groups computed once."""

    def __init__(self, analysis: Analysis, options: AnonymousSourcesOptions) -> None:
        self.analysis = analysis
        self.body = analysis.body
        self.groups = article_sources(analysis)
        self.reasons = lexicon_pattern("anonymity_reasons", ["reason"], options.extra_reasons)
        self.grants = lexicon_pattern("anonymity_reasons", ["grant"])
        self.public = lexicon_pattern("anonymity_reasons", ["public"])
        self.opinion = lexicon_pattern(
            "evaluative_language", ["verbs", "evaluations", "stance"], options.extra_opinion_cues
        )
        self._reasoned_groups: set[int] = set()
        self._reported: set[tuple[str, int]] = set()
        # Whether a sentence's window mentions a grant of anonymity, as _has_reason found.
        self._granted_in: dict[int, bool] = {}
        # The lexicon scans are most of this scorer's cost, and several anonymous sources
        # often share a sentence or a window: each text is scanned once per article.
        self._reason_in: dict[str, tuple[bool, bool | None]] = {}
        self._public_in: dict[str, bool] = {}
        self._opinion_in: dict[str, bool] = {}
        self._later: _LaterSources | None = None  # built when a plural source first asks

    def problems(self, index: int, attribution: Attribution) -> list[str]:
        kind = attribution.source_type
        if kind not in _UNNAMED:
            return []
        found = [kind]
        if (
            kind == "anonymous"
            and not self._has_reason(index, attribution)
            and not (self._is_public(attribution))
        ):
            found.append("no-reason")
        if kind == "anonymous" and self._is_bare(attribution):
            found.append("bare-source")
        if self._is_opinion(attribution):
            found.append("anonymous-opinion")
        if kind == "anonymous" and self._plural_for_one(index, attribution):
            found.append("plural-sources")
        return found

    def worth_reporting(self, index: int, problem: str) -> bool:
        """A missing reason is reported once per source, at its first unexplained mention."""
        group = self.groups.group_of[index]
        if problem != "no-reason" or group is None:
            return True
        if ("no-reason", group) in self._reported:
            return False
        self._reported.add(("no-reason", group))
        return True

    def sentence_of(self, attribution: Attribution) -> Span | None:
        return sentence_span(self.analysis, attribution.sentence)

    def granted_note(self, attribution: Attribution) -> str:
        # A missing reason was found by _has_reason, which scanned this window for grants.
        granted = self._granted_in.get(attribution.sentence)
        if granted is None:
            window = sentence_window(self.analysis, attribution.sentence)
            granted = self.grants.search(window.text) is not None
        return " (the story says anonymity was granted)" if granted else ""

    def _has_reason(self, index: int, attribution: Attribution) -> bool:
        group = self.groups.group_of[index]
        if group is not None and group in self._reasoned_groups:
            return True  # the reason was given at the source's first appearance
        window = sentence_window(self.analysis, attribution.sentence).text
        found = self._reason_in.get(window)
        if found is None:
            found = self._reason_in[window] = self._scan_reason(window)
        given, granted = found
        if granted is not None:
            self._granted_in[attribution.sentence] = granted
        if given and group is not None:
            self._reasoned_groups.add(group)
        return given

    def _scan_reason(self, window: str) -> tuple[bool, bool | None]:
        """Whether ``window`` gives a reason, and (when it gives none) mentions a grant."""
        if self.reasons.search(window):
            return True, None
        grants = [grant.end() for grant in self.grants.finditer(window)]
        return any(_REASON_CONNECTOR.match(window, end) for end in grants), bool(grants)

    def _is_public(self, attribution: Attribution) -> bool:
        """'County officials announced ...': an on-the-record statement, not a grant of anonymity."""
        if attribution.cue is not None and _found(
            self.public, attribution.cue.text, self._public_in
        ):
            return True
        sentence = self.sentence_of(attribution)
        return sentence is not None and _found(self.public, sentence.text, self._public_in)

    def _is_bare(self, attribution: Attribution) -> bool:
        if attribution.role:
            return False
        words = normalise(source_text(attribution)).split()
        described = [w for w in words if w not in _EMPTY_WORDS]
        if len(described) != 1 or described[0] not in _BARE_HEADS:
            return False
        after = attribution.source.end if attribution.source else None
        return after is None or not _DESCRIBED_AFTER.match(self.body, after)

    def _is_opinion(self, attribution: Attribution) -> bool:
        opinion, seen = self.opinion, self._opinion_in
        if attribution.cue is not None and _found(opinion, attribution.cue.text, seen):
            return True
        scope = attribution.content or self.sentence_of(attribution)
        return scope is not None and _found(opinion, scope.text, seen)

    def _plural_for_one(self, index: int, attribution: Attribution) -> bool:
        singular = _plural_head(source_text(attribution))
        if singular is None:
            return False
        if self._later is None:
            self._later = _LaterSources(self.analysis.attributions)
        if attribution.direct and not self._later.shares_sentence(attribution):
            return True  # their own verbatim quote is one person's words, not a chorus
        return self._later.one_person_after(index, attribution.sentence + 2, singular)


class _LaterSources:
    """The sources of an article's attributions, indexed so that "is one person named
    after this one, within two sentences?" and "does another attribution share its
    sentence?" cost a look-up each: walking the attributions for every plural source cost
    the square of their number."""

    def __init__(self, attributions: list[Attribution]) -> None:
        self.sentences = [a.sentence for a in attributions]  # in body order: non-decreasing
        self.outside_quotes = Counter(a.sentence for a in attributions if not a.in_quote)
        count = len(attributions)
        # The first attribution at or after each one whose source is "he", "she", ...
        self.next_pronoun = [count] * (count + 1)
        self.by_last_word: dict[str, list[int]] = {}  # positions, ascending
        source_words = [normalise(source_text(a)).split() for a in attributions]
        for position in range(count - 1, -1, -1):
            words = source_words[position]
            one = len(words) == 1 and words[0] in _SINGULAR_PRONOUNS
            self.next_pronoun[position] = position if one else self.next_pronoun[position + 1]
        for position, words in enumerate(source_words):
            if words:
                self.by_last_word.setdefault(words[-1], []).append(position)

    def one_person_after(self, index: int, last_sentence: int, singular: str) -> bool:
        """Whether an attribution after ``index``, in a sentence up to ``last_sentence``,
        has a singular pronoun or ``singular`` as the last word of its source."""
        pronoun = self.next_pronoun[index + 1]
        if pronoun < len(self.sentences) and self.sentences[pronoun] <= last_sentence:
            return True
        positions = self.by_last_word.get(singular, [])
        after = bisect_right(positions, index)
        return after < len(positions) and self.sentences[positions[after]] <= last_sentence

    def shares_sentence(self, attribution: Attribution) -> bool:
        """Another source in the sentence: the quote may be theirs, relayed by the sources."""
        others = self.outside_quotes[attribution.sentence] - (0 if attribution.in_quote else 1)
        return others > 0


def _found(pattern: re.Pattern[str], text: str, seen: dict[str, bool]) -> bool:
    """Whether ``pattern`` occurs in ``text``, remembered in ``seen`` (one pattern's texts)."""
    found = seen.get(text)
    if found is None:
        found = seen[text] = pattern.search(text) is not None
    return found


def _plural_head(text: str) -> str | None:
    """The singular of the plural source noun in ``text`` ('officials' -> 'official')."""
    for word in normalise(text).split():
        if word in _PLURALS:
            return _PLURALS[word]
        if word in _SOURCE_NOUNS:
            return None
    return None


def _penalty_weights(options: AnonymousSourcesOptions) -> dict[str, float]:
    return {
        "anonymous": options.anonymous_penalty,
        "vague": options.vague_penalty,
        "no-reason": options.no_reason_penalty,
        "bare-source": options.bare_penalty,
        "anonymous-opinion": options.opinion_penalty,
        "plural-sources": options.plural_penalty,
    }


@hookimpl
def sourcecheck_scorers() -> list[Scorer]:
    return [AnonymousSourcesScorer()]
