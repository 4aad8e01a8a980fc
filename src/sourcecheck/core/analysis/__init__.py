"""Text -> Analysis: the one pass over an article that every scorer shares.

The pipeline is rule-based and regex-driven on purpose: it needs no model download and
runs hundreds of articles per second per core (see ``benchmarks/``).
"""

from __future__ import annotations

from sourcecheck.core.analysis.attributions import AttributionFinder
from sourcecheck.core.analysis.claims import find_claims
from sourcecheck.core.analysis.hedges import HedgeFinder
from sourcecheck.core.analysis.quotes import find_quotes
from sourcecheck.core.analysis.shouting import Shouting, retexted
from sourcecheck.core.analysis.speakers import SourceBuilder, SpeakerResolver
from sourcecheck.core.analysis.text import count_words, segment
from sourcecheck.core.analysis.types import Analysis, Sentence
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.core.models import Article

__all__ = ["Analysis", "Analyzer", "Sentence", "analyze"]


class Analyzer:
    """Holds the compiled patterns, so building it once and reusing it is what is fast."""

    def __init__(self, lexicons: Lexicons | None = None) -> None:
        self.lexicons = lexicons or Lexicons()
        self._attributions = AttributionFinder(self.lexicons)
        self._hedges = HedgeFinder(self.lexicons)
        self._speakers = SpeakerResolver(self._attributions.typer, self.lexicons)
        self._sources = SourceBuilder(self.lexicons)
        self._shouting = Shouting.of(self._attributions, self._speakers)

    def analyze(self, article: Article) -> Analysis:
        body = article.body
        paragraphs, sentences = segment(body)
        quotes = find_quotes(body, paragraphs)
        # Who speaks is read in a copy where shouted sentences are cased as read (the
        # body itself if none is); hedges and claims read the body.
        reading = self._shouting.readable(body, sentences)
        drafts = self._attributions.drafts(reading, sentences, quotes)
        self._speakers.resolve(reading, quotes, drafts)
        sources = self._sources.build(reading, sentences, drafts)
        attributions = [draft.freeze() for draft in drafts]
        if reading is not body:
            attributions, sources = retexted(body, attributions), retexted(body, sources)
        hedges = self._hedges.find(body, sentences, quotes, attributions)
        claims, genre = find_claims(body, sentences, quotes, attributions)
        return Analysis(
            body=body,
            language=article.language,
            paragraphs=paragraphs,
            sentences=sentences,
            quotes=quotes,
            attributions=attributions,
            hedges=hedges,
            claims=claims,
            genre=genre,
            sources=sources,
            word_count=count_words(body),
        )


def analyze(article: Article | str) -> Analysis:
    """Analyse one article with the built-in lexicons (convenience for notebooks and tests)."""
    if isinstance(article, str):
        article = Article(body=article)
    return Analyzer().analyze(article)
