"""Scorers read the engine's lexicons: additions from config and from plugins reach them."""

from __future__ import annotations

from typing import Any

from sourcecheck import Article, hookimpl
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.lexicons import Lexicons
from sourcecheck.plugins.manager import PluginManager
from sourcecheck.scorers.anonymous_sources import AnonymousSourcesScorer

# A house phrasing of why anonymity was granted that the built-in lexicon does not know.
BODY = (
    "The depot will close in March, a senior transit official said, under the paper's "
    "staff-comment policy on unpublished budgets."
)
HOUSE_REASON = {"anonymity_reasons": {"reason": ["staff-comment policy"]}}
HOUSE_OPINION = {"evaluative_language": {"evaluations": ["a boondoggle"]}}


def anonymous_rules(engine: Engine, body: str = BODY) -> list[str]:
    report = engine.score(Article(body=body))
    (scorer,) = report.scorers
    return sorted(f.rule for f in scorer.findings)


def engine(config: Config | None = None, plugins: PluginManager | None = None) -> Engine:
    return Engine(config or Config(), plugins=plugins, scorers=[AnonymousSourcesScorer()])


class _HouseLexicon:
    def __init__(self, additions: dict[str, Any]) -> None:
        self.additions = additions

    @hookimpl
    def sourcecheck_lexicons(self) -> dict[str, Any]:
        return self.additions


def plugins_adding(additions: dict[str, Any]) -> PluginManager:
    plugins = PluginManager.default(entry_points=False)
    plugins.register(_HouseLexicon(additions), name="house-lexicon")
    return plugins


def test_without_the_addition_the_reason_is_not_recognised() -> None:
    assert anonymous_rules(engine()) == ["anonymous_sources/no-reason"]


def test_a_reason_added_in_config_reaches_anonymous_sources() -> None:
    assert anonymous_rules(engine(Config(lexicons=HOUSE_REASON))) == []


def test_a_reason_added_by_a_plugin_hook_reaches_anonymous_sources() -> None:
    assert anonymous_rules(engine(plugins=plugins_adding(HOUSE_REASON))) == []


def test_an_evaluative_phrase_added_in_config_reaches_anonymous_sources() -> None:
    body = BODY.replace("The depot will close in March", "The depot is a boondoggle")
    assert anonymous_rules(engine(Config(lexicons=HOUSE_REASON)), body) == []
    with_opinion = engine(Config(lexicons={**HOUSE_REASON, **HOUSE_OPINION}))
    assert anonymous_rules(with_opinion, body) == ["anonymous_sources/anonymous-opinion"]


def test_engines_with_different_additions_do_not_share_patterns() -> None:
    # Patterns are cached per lexicons: building the plain engine second must not reuse
    # the configured engine's pattern, nor the other way round.
    configured = engine(Config(lexicons=HOUSE_REASON))
    plain = engine()
    assert anonymous_rules(configured) == []
    assert anonymous_rules(plain) == ["anonymous_sources/no-reason"]


def test_a_scorer_outside_an_engine_reads_the_builtin_lexicons() -> None:
    assert AnonymousSourcesScorer().lexicons == Lexicons()


def test_lexicons_with_the_same_additions_are_equal() -> None:
    assert Lexicons([HOUSE_REASON]) == Lexicons([HOUSE_REASON])
    assert hash(Lexicons([HOUSE_REASON])) == hash(Lexicons([HOUSE_REASON]))
    assert Lexicons([HOUSE_REASON]) != Lexicons()
