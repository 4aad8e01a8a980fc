"""The 'house_style' scorer: three newsroom rules about how sources are presented.

- ``loaded-verb``: "Ruiz admitted that ..." editorialises; write "said".
- ``title-on-first-reference``: the first mention of a named source gives a title or role
  ("Mayor Dana Ruiz", "Dana Ruiz, the city's mayor,"), so readers know why she is quoted.
- ``press-release-language``: "world-class", "pleased to announce" and the like in the
  writer's own voice suggest copy lifted from a press release.

Words inside direct quotes are the source's, never the writer's, so no rule looks there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar, cast

from sourcecheck import Analysis, Article, Finding, Scorer, ScorerResult, Span

from sourcecheck_house_style.options import HouseStyleOptions

_DETERMINERS = {"The", "A", "An"}
# After a name: ", the city's treasurer," / ", 54, a nurse," / ", who ..." is a role.
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|who|\d+)\b")
_PASSIVE_AUXILIARIES = r"(?i:was|were|is|are|be|been|being|get|got)"
_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*")


def _words_pattern(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


class HouseStyleScorer(Scorer):
    name = "house_style"
    version = "0.1.0"
    description = "House style for sources: neutral verbs, titles, no press-release copy."
    Options = HouseStyleOptions
    rules: ClassVar[dict[str, str]] = {
        "loaded-verb": "An attribution verb that editorialises; use 'said'.",
        "title-on-first-reference": "A named source's first mention without a title or role.",
        "press-release-language": "Promotional wording in the writer's own voice.",
    }

    def score(self, article: Article, analysis: Analysis) -> ScorerResult:
        options = cast(HouseStyleOptions, self.options)
        quoted = [quote.span for quote in analysis.quotes]
        findings = [
            finding
            for finding in (
                *self._loaded_verbs(analysis, options),
                *self._untitled_first_references(analysis, options),
                *self._promotional_language(analysis, options),
            )
            if finding.span is None or not _inside_any(finding.span, quoted)
        ]
        findings.sort(key=lambda f: (f.span.start if f.span else -1, f.rule))
        sentences = max(3, len(analysis.sentences))  # one slip in a short brief is not ruin
        counts = {rule: 0 for rule in self.rules}
        for finding in findings:
            counts[finding.rule.split("/", 1)[1]] += 1
        return ScorerResult(
            score=max(0.0, 1.0 - len(findings) / sentences),
            confidence=min(1.0, analysis.word_count / 150),
            summary=f"{len(findings)} house-style problem(s)",
            metrics={key.replace("-", "_"): value for key, value in counts.items()},
            findings=findings,
        )

    # -- rules -------------------------------------------------------------------------

    def _loaded_verbs(self, analysis: Analysis, options: HouseStyleOptions) -> Iterator[Finding]:
        body = analysis.body
        for start, end in _loaded_verb_offsets(analysis, options.loaded_verbs):
            yield self.finding(
                "loaded-verb",
                f"'{body[start:end]}' editorialises about the source; prefer 'said'.",
                Span.of(body, start, end),
                severity="warning",
            )

    def _untitled_first_references(
        self, analysis: Analysis, options: HouseStyleOptions
    ) -> Iterator[Finding]:
        if not options.require_title_on_first_reference:
            return
        body = analysis.body
        titles = set(options.titles)
        checked: set[str] = set()
        for attribution in analysis.attributions:
            if attribution.source_type != "named_person" or attribution.source is None:
                continue
            surname = attribution.source.text.split()[-1]
            if surname in titles or surname in checked or attribution.role:
                continue
            checked.add(surname)
            finding = self._check_first_reference(body, surname, titles)
            if finding is not None:
                yield finding

    def _check_first_reference(self, body: str, surname: str, titles: set[str]) -> Finding | None:
        first = re.search(rf"\b{re.escape(surname)}\b", body)
        if first is None:
            return None
        name_start = _name_run_start(body, first.start(), titles)
        if name_start is None or _APPOSITIVE.match(body, first.end()):
            return None  # titled ("Mayor Dana Ruiz") or given a role ("Ruiz, the mayor,")
        name = body[name_start : first.end()]
        if len(name.split()) < 2:  # "Officials said": one capitalised word may not be a name
            return None
        return self.finding(
            "title-on-first-reference",
            f"First reference to {name} gives no title or role.",
            Span.of(body, name_start, first.end()),
            severity="suggestion",
        )

    def _promotional_language(
        self, analysis: Analysis, options: HouseStyleOptions
    ) -> Iterator[Finding]:
        if not options.promotional_phrases:
            return
        body = analysis.body
        pattern = re.compile(rf"\b(?:{_words_pattern(options.promotional_phrases)})\b", re.I)
        for match in pattern.finditer(body):
            yield self.finding(
                "press-release-language",
                f"'{match.group()}' reads like press-release copy; report, don't promote.",
                Span.of(body, match.start(), match.end()),
                severity="warning",
            )


def _loaded_verb_offsets(analysis: Analysis, loaded_verbs: list[str]) -> list[tuple[int, int]]:
    """Where a loaded verb is used to attribute: the analysis's cues plus two patterns."""
    if not loaded_verbs:
        return []
    verbs = _words_pattern(loaded_verbs)
    # "X admitted that", or "Ruiz admitted." / "the aide insisted," closing an
    # attribution; not "was admitted to hospital" nor the passive "was admitted."
    pattern = re.compile(
        rf"\b(?i:({verbs}))\s+that\b"
        rf"|\b(?!{_PASSIVE_AUXILIARIES}\b)[\w'’-]+\s+(?i:({verbs}))(?=\s*[,.;:]|\s*$)"
    )
    found = {
        (m.start(m.lastindex or 0), m.end(m.lastindex or 0))
        for m in pattern.finditer(analysis.body)
    }
    wanted = {verb.lower() for verb in loaded_verbs}
    found |= {
        (a.cue.start, a.cue.end)
        for a in analysis.attributions
        if a.cue is not None and a.cue.text.lower() in wanted
    }
    return sorted(found)


def _name_run_start(body: str, surname_start: int, titles: set[str]) -> int | None:
    """Start of the capitalised words right before the surname, or None if one is a title."""
    start = surname_start
    while True:
        before = body[:start].rstrip(" ")
        if len(before) == start:  # no space before: the run ends here
            return start
        previous = before.rsplit(" ", 1)[-1]
        if previous in titles:
            return None
        if not _CAPITALISED.fullmatch(previous) or previous in _DETERMINERS:
            return start
        start = len(before) - len(previous)


def _inside_any(span: Span, quoted: list[Span]) -> bool:
    return any(q.start <= span.start and span.end <= q.end for q in quoted)
