"""The hedging scorer: density in the writer's voice, sources' hedges cost less."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.core.analysis import Analysis, analyze
from sourcecheck.core.config import Config
from sourcecheck.core.engine import Engine
from sourcecheck.core.errors import ConfigError
from sourcecheck.core.models import Article, Attribution, Hedge, HedgeCategory, Span, Voice
from sourcecheck.scorers.hedging import HedgingOptions, HedgingScorer, density_score

SCORER = HedgingScorer()
FILLER = "The council met on Tuesday and approved the new budget for the library. "


def score_text(body: str, scorer: HedgingScorer = SCORER):
    return scorer.score(Article(body=body), analyze(body))


def synthetic(
    hedges: list[tuple[HedgeCategory, Voice]], words: int = 200, attributed: bool = False
) -> Analysis:
    """An analysis with exactly these hedges, one per sentence, and ``words`` words."""
    body = "x " * words
    found = [
        Hedge(span=Span.of(body, 2 * i, 2 * i + 1), category=category, voice=voice, sentence=i)
        for i, (category, voice) in enumerate(hedges)
    ]
    attributions = [Attribution(sentence=h.sentence) for h in found] if attributed else []
    return Analysis(body=body, hedges=found, attributions=attributions, word_count=words)


def run(analysis: Analysis, scorer: HedgingScorer = SCORER):
    return scorer.score(Article(body=analysis.body), analysis)


def test_unhedged_article_scores_one() -> None:
    result = score_text(FILLER * 5)
    assert result.score == 1.0
    assert result.metrics["writer_hedges"] == 0
    assert result.findings == []


def test_more_writer_hedges_lower_the_score() -> None:
    scores = [run(synthetic([("epistemic_modal", "writer")] * n)).score for n in (0, 2, 4, 8, 16)]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > scores[-1]
    assert scores[-1] < 0.2


def test_source_voice_hedges_cost_less_than_writer_ones() -> None:
    writer = run(synthetic([("adverb", "writer")] * 6)).score
    source = run(synthetic([("adverb", "source")] * 6)).score
    assert writer < source


def test_same_words_score_better_inside_a_quote() -> None:
    hedged = "The plant may close, and the jobs could perhaps move abroad. "
    quoted = '"The plant may close, and the jobs could perhaps move abroad," the owner said. '
    writer = score_text(FILLER + hedged * 3)
    source = score_text(FILLER + quoted * 3)
    assert writer.metrics["writer_hedges"] == 9 and source.metrics["source_hedges"] == 9
    assert source.score > writer.score


def test_unsourced_reportedly_is_an_evidential_warning() -> None:
    result = score_text(FILLER + "The mayor reportedly plans to resign.")
    rules = [(f.rule, f.severity, f.span.text if f.span else None) for f in result.findings]
    assert rules == [("hedging/evidential", "warning", "reportedly")]
    assert result.metrics["unsourced_evidentials"] == 1


def test_reportedly_with_an_attribution_in_the_sentence_is_a_plain_writer_hedge() -> None:
    result = run(synthetic([("evidential", "writer")], attributed=True))
    assert [f.rule for f in result.findings] == ["hedging/writer-hedge"]


def test_weasels_and_plain_hedges_get_their_rules() -> None:
    result = score_text(FILLER + "Critics say the plan failed. The cost will probably rise.")
    assert [(f.rule, f.severity) for f in result.findings] == [
        ("hedging/weasel", "warning"),
        ("hedging/writer-hedge", "suggestion"),
    ]
    assert {f.rule.split("/")[1] for f in result.findings} <= set(SCORER.rules)


def test_a_sentence_that_hedges_itself_three_times_is_a_stack() -> None:
    body = FILLER + "The plan could possibly fail, perhaps by June. It may rain."
    result = score_text(body)
    stacked = [f for f in result.findings if f.rule == "hedging/stacked"]
    assert len(stacked) == 1 and stacked[0].span is not None
    assert stacked[0].span.text == "The plan could possibly fail, perhaps by June."
    assert result.metrics["stacked_sentences"] == 1
    relaxed = SCORER.configure({"stack_threshold": 4})
    assert not [f for f in score_text(body, relaxed).findings if f.rule == "hedging/stacked"]


def test_findings_are_in_body_order() -> None:
    result = score_text(FILLER + "The plan could possibly fail, perhaps by June.")
    starts = [f.span.start for f in result.findings if f.span]
    assert starts == sorted(starts)


def test_quiet_categories_still_count_but_raise_no_finding() -> None:
    body = FILLER + "About 40 people came. Roughly 12 left."
    loud, quiet = (
        score_text(body, SCORER.configure({"quiet_categories": []})),
        score_text(body, SCORER.configure({"quiet_categories": ["approximator"]})),
    )
    assert len(loud.findings) == 2 and quiet.findings == []
    assert quiet.score == loud.score < 1.0


def test_approximators_and_conditionals_are_quiet_by_default() -> None:
    # An editor does not ask the writer to drop "about 40" or "if approved".
    body = FILLER + "About 40 people came. If approved, the tax would rise. It may rain."
    result = score_text(body)
    assert [f.span.text for f in result.findings if f.span] == ["may"]
    assert result.metrics["writer_approximator"] == 1
    assert result.metrics["writer_conditional"] == 1


def test_metrics_count_each_category_and_voice() -> None:
    analysis = synthetic(
        [("approximator", "writer"), ("approximator", "writer"), ("conditional", "source")],
        words=400,
    )
    metrics = run(analysis).metrics
    assert metrics["writer_approximator"] == 2
    assert metrics["source_conditional"] == 1
    assert metrics["writer_hedges"] == 2 and metrics["source_hedges"] == 1
    assert metrics["writer_density"] == pytest.approx(0.5)
    # 2 approximators at 0.5 plus a source conditional at 0.5 * 0.25, per 100 words.
    assert metrics["weighted_density"] == pytest.approx((1.0 + 0.125) / 4, abs=1e-4)


def test_confidence_grows_with_length_and_is_zero_for_no_words() -> None:
    confidences = [run(synthetic([], words=n)).confidence for n in (0, 50, 300, 2000)]
    assert confidences[0] == 0.0
    assert confidences == sorted(confidences)
    assert confidences[-1] > 0.99


def test_options_shift_the_curve() -> None:
    hedges = [("epistemic_modal", "writer")] * 4
    strict = SCORER.configure({"writer_density_tolerance": 0.5, "writer_density_allowance": 0})
    assert run(synthetic(hedges), strict).score < run(synthetic(hedges)).score
    free = SCORER.configure({"category_weights": {"epistemic_modal": 0.0}})
    assert run(synthetic(hedges), free).score == 1.0


def test_bad_option_names_the_scorer_and_key() -> None:
    with pytest.raises(ConfigError, match="scorer 'hedging': option 'source_weight'"):
        SCORER.configure({"source_weight": 3})
    with pytest.raises(ConfigError, match="hedging"):
        SCORER.configure({"no_such_option": 1})


@settings(max_examples=100, deadline=None)
@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_density_score_is_in_range_and_monotone(density: float) -> None:
    opts = HedgingOptions()
    value = density_score(density, opts)
    assert 0.0 <= value <= 1.0
    assert density_score(density + 1.0, opts) <= value


def test_half_score_at_allowance_plus_tolerance() -> None:
    opts = HedgingOptions()
    edge = opts.writer_density_allowance + opts.writer_density_tolerance
    assert density_score(edge, opts) == pytest.approx(0.5)
    assert density_score(opts.writer_density_allowance, opts) == 1.0


def test_engine_applies_config_lexicons_options_and_positions() -> None:
    config = Config(
        enable=["hedging"],
        lexicons={"hedges": {"adverb": ["in theory"]}},
        scorer={"hedging": {"writer_density_allowance": 0.0}},
    )
    report = Engine(config).score("The vote passed.\nIn theory the law starts in May.")
    (hedging,) = report.scorers
    assert hedging.status == "ok"
    (finding,) = hedging.findings
    assert (finding.rule, finding.span.text, finding.line, finding.column) == (
        "hedging/writer-hedge",
        "In theory",
        2,
        1,
    )
    assert hedging.score is not None and hedging.score < 1.0


def test_engine_reports_a_bad_config_lexicon_entry_as_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown macro"):
        Engine(Config(lexicons={"hedges": {"adverb": ["[{oops}] maybe"]}}))


WORDS = ["may", "the", "mayor", "said", "perhaps", "about", "40", "critics", "say", "it", "is",
         "reportedly", "could", "possibly", "fail", ".", "\"", "if", "rain", "\n"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=80))
def test_any_text_scores_in_range_with_findings_inside_the_body(words: list[str]) -> None:
    body = " ".join(words)
    result = score_text(body)
    assert 0.0 <= result.score <= 1.0 and 0.0 <= result.confidence <= 1.0
    for finding in result.findings:
        assert finding.span is not None
        assert body[finding.span.start : finding.span.end] == finding.span.text
        assert finding.rule.split("/")[1] in SCORER.rules
