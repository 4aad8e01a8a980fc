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
from collections import Counter

from pydantic import BaseModel, ConfigDict, Field

from sourcecheck.core.analysis import Analysis
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Article, Attribution, Finding, ScorerResult, Span
from sourcecheck.core.rules import Rule, declare_rules
from sourcecheck.core.scorer import Scorer
from sourcecheck.plugins.hookspecs import hookimpl
from sourcecheck.scorers._sourcing import (
    PhraseSearch,
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
_DESCRIBED_AFTER = re.compile(
    r"(?:\s*,)?\s*(?:close to|familiar with|with (?:direct )?knowledge|briefed on|involved in|"
    r"inside|within|in the|at the|from the|who (?:has|had|is|was|were|works|worked|attended|"
    r"saw|read|took part))\b",
    re.I,
)
_SINGULAR_PRONOUNS = {"he", "she", "him", "her"}
# The source types the rules are about.
_UNNAMED = ("anonymous", "vague")


RULES = declare_rules(
    Rule(
        id="no-reason",
        severity="warning",
        summary="An anonymous source, and no reason for anonymity within one sentence either side.",
        details="A reason reads like '... who spoke on condition of anonymity because they were "
        "not authorized to discuss the talks' or 'requested anonymity to discuss private "
        "deliberations'; saying *that* anonymity was granted is not a reason (the message says "
        "so). "
        "Reported once per source, at its first unexplained mention; a reason given at the "
        "first mention covers later ones ('the official said'). Unnamed officials speaking on "
        "the record ('county officials announced', 'said in a statement') need no reason.",
        why="AP, Reuters and The New York Times grant anonymity only for information that "
        "cannot be had on the record, and tell the reader why: the reason is what lets a "
        "reader judge the source.",
        example="The plant will close in June, a senior official said.",
        fix="Say why anonymity was granted: '... who spoke on condition of anonymity because "
        "she was not authorized to discuss the talks'.",
        message="'{who}' is anonymous{granted}, but the story does not say why: add the reason "
        "anonymity was granted (e.g. 'because they were not authorized to discuss the talks').",
    ),
    Rule(
        id="bare-source",
        severity="error",
        summary="'A source', 'sources', 'one person', 'an insider' with nothing about who "
        "they are.",
        details="'A source close to the board', or any role, is a description.",
        why="A source the reader knows nothing about cannot be weighed at all: the standards "
        "ask for as much as can be said about their position and how they know.",
        example="The deal is off, a source said.",
        fix="Say what position they hold and how they know: 'a county official who attended "
        "the meeting'.",
        message="'{who}' does not describe the source: say what position they hold and how "
        "they know (e.g. 'a county official who attended the meeting').",
    ),
    Rule(
        id="anonymous-opinion",
        severity="warning",
        summary="An anonymous or vague source offers opinion or criticism: an evaluative cue "
        "('criticized', 'slammed', 'called it') or evaluative content ('a mistake', "
        "'reckless', 'should resign').",
        why="Anonymity is for information, not opinion: an unnamed attack cannot be answered "
        "or weighed.",
        example="The plan is reckless, said one official who asked not to be named because "
        "he was not authorized to speak.",
        fix="Use the anonymous source for information only, or put the view to a named source.",
        message="'{who}' offers opinion or criticism without a name: use anonymous sources for "
        "information only, or put the view to a named source.",
    ),
    Rule(
        id="plural-sources",
        severity="suggestion",
        summary="'Sources' / 'officials' in the plural for what reads as one person.",
        details="Their own verbatim quote (with no other speaker in the sentence to whom it "
        "could belong), or a singular 'the official' / 'she' within the next two sentences.",
        why="'Sources said' suggests several people confirmed it; if one person said it, the "
        "plural overstates the sourcing.",
        example='"We will not sign," officials said.',
        fix="Write 'sources' only when several people said it; otherwise 'a source'.",
        message="'{who}' is plural, but this reads as one person's words: write 'sources' only "
        "when several people said it, or say 'a source'.",
    ),
)


class AnonymousSourcesOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    anonymous_penalty: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="Penalty for being anonymous at all (AP allows it when the rules are kept, "
        "so by default only breaking them costs).",
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


class AnonymousSourcesScorer(Scorer[AnonymousSourcesOptions]):
    name = "anonymous_sources"
    version = "1.0.0"
    description = "Share of anonymous and vague sources, and whether they follow AP rules."
    default_weight = 0.25
    Options = AnonymousSourcesOptions
    rules = RULES

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        options = self.options
        checker = _Checker(analysis, options, self.lexicons)
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
        return ScorerResult(
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
        reported = [p for p in problems if p in RULES]
        if not reported:
            return []
        where = attribution.source or attribution.cue or checker.sentence_of(attribution)
        who = source_text(attribution) or "this source"
        granted = checker.granted_note(attribution) if "no-reason" in reported else ""
        found: list[Finding] = []
        for problem in reported:
            message = RULES[problem].message.format(who=who, granted=granted)
            found.append(self.finding(problem, message, where))
        return found


class _Checker:
    """The per-article checks. Who is who, and whether the story says why a source is
    anonymous, come from the analysis (``Analysis.sources``)."""

    def __init__(
        self, analysis: Analysis, options: AnonymousSourcesOptions, lexicons: Lexicons
    ) -> None:
        self.analysis = analysis
        self.body = analysis.body
        self.sources = analysis.sources
        # The analysis finds the reasons of the engine's lexicons (config and plugins
        # included); this scorer's own ``extra_reasons`` option is read here.
        self.extra_reasons = (
            lexicon_pattern(lexicons, "anonymity_reasons", [], options.extra_reasons)
            if options.extra_reasons
            else None
        )
        self.grants = lexicon_pattern(lexicons, "anonymity_reasons", ["grant"])
        self.public = lexicon_pattern(lexicons, "anonymity_reasons", ["public"])
        self.opinion = lexicon_pattern(
            lexicons,
            "evaluative_language",
            ["verbs", "evaluations", "stance"],
            options.extra_opinion_cues,
        )
        self._reported: set[tuple[str, int]] = set()
        self._reporters_in: Counter[int] | None = None
        self._reasoned: set[int] = set()  # sources an extra reason was found for
        # The lexicon scans are most of this scorer's cost, and several anonymous sources
        # often share a sentence or a window: each text is scanned once per article.
        self._public_in: dict[str, bool] = {}
        self._opinion_in: dict[str, bool] = {}
        self._extra_in: dict[str, bool] = {}

    def problems(self, index: int, attribution: Attribution) -> list[str]:
        kind = attribution.source_type
        if kind not in _UNNAMED:
            return []
        found = [kind]
        if (
            kind == "anonymous"
            and not self._has_reason(attribution)
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
        source = self.analysis.attributions[index].source_id
        if problem != "no-reason" or source is None:
            return True
        if ("no-reason", source) in self._reported:
            return False
        self._reported.add(("no-reason", source))
        return True

    def sentence_of(self, attribution: Attribution) -> Span | None:
        return sentence_span(self.analysis, attribution.sentence)

    def granted_note(self, attribution: Attribution) -> str:
        window = sentence_window(self.analysis, attribution.sentence)
        granted = self.grants.occurs(window.text)
        return " (the story says anonymity was granted)" if granted else ""

    def _has_reason(self, attribution: Attribution) -> bool:
        """The story says why, at this mention of the source or an earlier one."""
        window = sentence_window(self.analysis, attribution.sentence)
        source_id = attribution.source_id
        source = self.sources[source_id] if source_id is not None else None
        if source is not None and source.reason is not None and source.reason.start < window.end:
            return True
        if self.extra_reasons is None:
            return False
        if source_id is not None and source_id in self._reasoned:
            return True
        given = _found(self.extra_reasons, window.text, self._extra_in)
        if given and source_id is not None:
            self._reasoned.add(source_id)
        return given

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
        if attribution.direct and not self._shares_sentence(index, attribution):
            return True  # their own verbatim quote is one person's words, not a chorus
        attributions = self.analysis.attributions
        for position in range(index + 1, len(attributions)):  # no copy of the rest
            later = attributions[position]
            if later.sentence > attribution.sentence + 2:
                break
            words = normalise(source_text(later)).split()
            refers_to_one = len(words) == 1 and words[0] in _SINGULAR_PRONOUNS
            if refers_to_one or (words and words[-1] == singular):
                return True
        return False

    def _shares_sentence(self, index: int, attribution: Attribution) -> bool:
        """Another source in the sentence: the quote may be theirs, relayed by the sources."""
        if self._reporters_in is None:  # counted once per article, not once per source
            self._reporters_in = Counter(
                a.sentence for a in self.analysis.attributions if not a.in_quote
            )
        others = self._reporters_in[attribution.sentence] - (not attribution.in_quote)
        return others > 0


def _found(pattern: PhraseSearch, text: str, seen: dict[str, bool]) -> bool:
    """Whether ``pattern`` occurs in ``text``, remembered in ``seen`` (one pattern's texts)."""
    found = seen.get(text)
    if found is None:
        found = seen[text] = pattern.occurs(text)
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
