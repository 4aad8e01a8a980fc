"""Paragraphs, sentences and words. (Placeholder: to be made news-aware.)"""

from __future__ import annotations

import re

from sourcecheck.core.analysis.types import Sentence
from sourcecheck.core.models import Span

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_SENTENCE = re.compile(r"\S.*?(?:[.!?][\"'”’)]*(?=\s|$)|$)", re.S)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def segment(body: str) -> tuple[list[Span], list[Sentence]]:
    paragraphs: list[Span] = []
    sentences: list[Sentence] = []
    for match in _PARAGRAPH.finditer(body):
        if not match.group().strip():
            continue
        index = len(paragraphs)
        paragraphs.append(Span.of(body, match.start(), match.end()))
        for sent in _SENTENCE.finditer(body, match.start(), match.end()):
            end = sent.end()
            while end > sent.start() and body[end - 1].isspace():
                end -= 1
            sentences.append(Sentence(Span.of(body, sent.start(), end), index))
    return paragraphs, sentences


def count_words(body: str) -> int:
    return sum(1 for _ in _WORD.finditer(body))
