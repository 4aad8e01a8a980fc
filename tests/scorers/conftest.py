"""Hand-built analyses for scorer unit tests.

Scorers are tested against an :class:`Analysis` written out by hand, so a test says exactly
which attributions and claims a scorer sees and does not depend on the analysis layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from sourcecheck.core.analysis import Analysis, Sentence
from sourcecheck.core.analysis.speakers import sources_of
from sourcecheck.core.models import Attribution, Claim, SourceType, Span

_SENTENCE = re.compile(r"\S.*?(?:[.!?][\"'”’]*(?=\s|$)|$)", re.S)


@dataclass
class Src:
    """One attribution, located by the first occurrence of ``source`` after the previous one."""

    source: str
    cue: str = "said"
    kind: SourceType = "named_person"
    speaker: str | None = None
    role: str | None = None
    content: str | None = None
    direct: bool = False
    via: int | None = None
    in_quote: bool = False


def _sentences(body: str) -> list[Sentence]:
    found: list[Sentence] = []
    paragraph = 0
    for number, block in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", body)):
        paragraph = number
        for match in _SENTENCE.finditer(body, block.start(), block.end()):
            end = match.end()
            while body[end - 1].isspace():
                end -= 1
            found.append(Sentence(Span.of(body, match.start(), end), paragraph))
    return found


def _locate(body: str, text: str, start: int, what: str) -> Span:
    at = body.find(text, start)
    if at == -1:
        raise AssertionError(f"{what} {text!r} not found in body after offset {start}")
    return Span.of(body, at, at + len(text))


def build_analysis(
    body: str,
    sources: list[Src] | None = None,
    claims: list[int] | None = None,
    needs: dict[int, float] | None = None,
) -> Analysis:
    """An analysis of ``body``: sentences split on . ! ?, paragraphs on blank lines.

    ``claims`` lists the sentence indexes that are factual claims (default: every sentence);
    a claim is attributed when an attribution sits in its sentence. ``needs`` gives the
    needs-a-source probability of unattributed claims by sentence (default 1: every one).
    """
    sentences = _sentences(body)
    # The analysis is frozen: its parts are computed first, then it is built once.
    locate = Analysis(body=body, sentences=sentences)
    paragraphs = [
        Span.of(body, m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", body)
    ]
    attributions: list[Attribution] = []
    cursor = 0
    for spec in sources or []:
        source = _locate(body, spec.source, cursor, "source")
        cursor = source.start + 1
        index = locate.sentence_at(source.start)
        sentence = sentences[index].span
        cue = _locate(body, spec.cue, sentence.start, "cue")
        content = _locate(body, spec.content, sentence.start, "content") if spec.content else None
        attributions.append(
            Attribution(
                source=source,
                cue=cue,
                content=content,
                source_type=spec.kind,
                speaker=spec.speaker
                or (spec.source if spec.kind in ("named_person", "named_organization") else None),
                role=spec.role,
                direct=spec.direct,
                sentence=index,
                via=spec.via,
                in_quote=spec.in_quote,
            )
        )
    by_sentence: dict[int, list[int]] = {}
    for i, attribution in enumerate(attributions):
        by_sentence.setdefault(attribution.sentence, []).append(i)
    wanted = range(len(sentences)) if claims is None else claims
    claims = [
        Claim(
            span=sentences[i].span,
            sentence=i,
            attributed=i in by_sentence,
            attributions=by_sentence.get(i, []),
            needs_source=0.0 if i in by_sentence else (needs or {}).get(i, 1.0),
        )
        for i in wanted
    ]
    return Analysis(
        body=body,
        paragraphs=paragraphs,
        sentences=sentences,
        attributions=attributions,
        claims=claims,
        word_count=len(body.split()),
        # The analysis groups typed attributions into sources; a hand-built one does the same.
        sources=sources_of(body, sentences, attributions),
    )


@pytest.fixture(scope="session")
def build() -> Callable[..., Analysis]:
    return build_analysis


@pytest.fixture(scope="session")
def src() -> type[Src]:
    return Src
